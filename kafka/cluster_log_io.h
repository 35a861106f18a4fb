#pragma once
// Logs to and from a Kafka cluster without the GUI (`ndhctl export`, `ndhctl replay`):
// ClusterLogReader reads topics from the beginning to the high watermark each
// partition had at the start (assign(), never a consumer group) and yields each
// record raw, as kcat -C -J would print it; LogReplayer re-publishes records, keeping
// key, headers, timestamp and partition (when the topic has that partition).

#include "log_file_reader.h"

#include <QString>
#include <QHash>
#include <QStringList>

#include <atomic>
#include <functional>

struct rd_kafka_s;

namespace ndh {

class ClusterLogReader
{
public:
    ClusterLogReader(QString bootstrap, QStringList topics); // empty: standard topics
    // Calls onRecord for each record in partition order; false from it stops.
    bool read(int timeoutMs, const std::function<bool(LogRecord &&)> &onRecord);
    QString error() const { return m_error; }
    QStringList missingTopics() const { return m_missing; }
    quint64 records() const { return m_records; }

private:
    QString m_bootstrap;
    QStringList m_topics;
    QStringList m_missing;
    QString m_error;
    QString m_lastClientError;
    quint64 m_records = 0;
    friend struct ClusterLogCallbacks;
};

class LogReplayer
{
public:
    enum class Pace : quint8 { AsFastAsPossible, Rate, Realtime };
    explicit LogReplayer(QString bootstrap);
    ~LogReplayer();
    // rate: records per second for Pace::Rate; speed factor for Realtime (1 = as recorded).
    bool start(int timeoutMs);
    bool publish(const LogRecord &record);
    // Waits for every delivery; false if any failed.
    bool finish(int timeoutMs);
    quint64 produced() const { return m_produced; }
    quint64 delivered() const { return m_delivered; }
    quint64 failed() const { return m_failed; }
    quint64 repartitioned() const { return m_repartitioned; } // partition did not exist: partitioner chose
    QString error() const { return m_error; }

private:
    QString m_bootstrap;
    rd_kafka_s *m_rk = nullptr;
    QHash<QString, int> m_partitions;
    quint64 m_produced = 0;
    std::atomic<quint64> m_delivered{0};
    std::atomic<quint64> m_failed{0};
    quint64 m_repartitioned = 0;
    QString m_error;
    friend struct ClusterLogCallbacks;
};

} // namespace ndh
