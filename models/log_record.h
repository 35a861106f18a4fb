#pragma once
// One Kafka record as kcat -J prints it (DESIGN.md §6): the unit of exported logs,
// of `ndhctl export`, and of the topic browser. Pure data, QtCore only, so the
// models layer (the browser's table, its filters) and the kafka layer (reader,
// writer, scanner) speak the same record.

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace ndh {

struct LogHeader
{
    QByteArray name;
    std::optional<QByteArray> value; // kcat writes null for a header without a value
    bool operator==(const LogHeader &) const = default;
};

struct LogRecord
{
    enum class TimestampType : quint8 { None, Create, LogAppend, Unknown };
    QString topic;
    qint32 partition = -1;
    qint64 offset = -1;
    TimestampType tstype = TimestampType::None;
    qint64 timestampMs = 0;
    qint32 broker = -1;               // -1: not written
    std::vector<LogHeader> headers;   // empty: no "headers" field
    std::optional<QByteArray> key;    // nullopt: "key":null
    std::optional<QByteArray> payload; // nullopt: "payload":null (a tombstone)

    bool operator==(const LogRecord &) const = default;
};

} // namespace ndh
