#pragma once
// Reads librdkafka's statistics JSON (statistics.interval.ms) into the connection
// health view's facts: per broker state, round trip and connection losses; per
// assigned partition the console's lag (high watermark minus position); messages/s.
// Runs on the backend thread inside the statistics callback; keeps just enough state
// between calls for rates and the last known round trip. Bounded: documents larger
// than kMaxBytes are refused, not parsed.

#include "connection_health.h"

#include <QHash>
#include <QString>

#include <string_view>

namespace ndh {

class KafkaStatistics
{
public:
    static constexpr size_t kMaxBytes = 32u << 20;

    // nullopt with *error set when the document is not librdkafka statistics.
    // `lastErrors` maps librdkafka's broker name ("host:port/id") to the last error
    // reported for it, in words.
    std::optional<KafkaHealth> parse(std::string_view json, qint64 nowMs,
                                     const QHash<QString, QString> &lastErrors = {}, QString *error = nullptr);

    // librdkafka's broker state name in the console's terms: UP is connected, DOWN
    // and TRY_CONNECT are down, INIT is an idle broker nobody needed yet, the
    // handshake states are connecting.
    static ConnectionStatus::State stateFor(std::string_view rawState);

private:
    quint64 m_lastRxMsgs = 0;
    qint64 m_lastTakenMs = 0;
    QHash<QString, double> m_lastRtt;
};

} // namespace ndh
