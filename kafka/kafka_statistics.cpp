#include "kafka_statistics.h"

#include <simdjson.h>

#include <algorithm>

namespace ndh {

namespace {

QString qs(std::string_view v)
{
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

int64_t intOr(simdjson::dom::element e, const char *key, int64_t fallback)
{
    int64_t v = 0;
    if (e[key].get_int64().get(v) == simdjson::SUCCESS)
        return v;
    uint64_t u = 0;
    if (e[key].get_uint64().get(u) == simdjson::SUCCESS)
        return int64_t(std::min<uint64_t>(u, uint64_t(INT64_MAX)));
    return fallback;
}

std::string_view stringOr(simdjson::dom::element e, const char *key, std::string_view fallback = {})
{
    std::string_view v;
    return e[key].get_string().get(v) == simdjson::SUCCESS ? v : fallback;
}

} // namespace

ConnectionStatus::State KafkaStatistics::stateFor(std::string_view s)
{
    if (s == "UP" || s == "UPDATE")
        return ConnectionStatus::State::Connected;
    if (s == "DOWN" || s == "TRY_CONNECT")
        return ConnectionStatus::State::BrokerDown;
    if (s == "INIT")
        return ConnectionStatus::State::Disconnected;
    return ConnectionStatus::State::Connecting;
}

std::optional<KafkaHealth> KafkaStatistics::parse(std::string_view json, qint64 nowMs,
                                                  const QHash<QString, QString> &lastErrors, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (json.size() > kMaxBytes)
        return fail(QStringLiteral("statistics of %1 bytes exceed the %2 byte bound").arg(json.size()).arg(kMaxBytes));
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (const auto code = parser.parse(json.data(), json.size()).get(root); code != simdjson::SUCCESS)
        return fail(QString::fromUtf8(simdjson::error_message(code)));
    if (!root.is_object())
        return fail(QStringLiteral("statistics are not a JSON object"));

    KafkaHealth h;
    h.takenMs = nowMs;
    const int64_t rx = intOr(root, "rxmsgs", 0);
    h.messagesTotal = quint64(std::max<int64_t>(0, rx));
    if (m_lastTakenMs > 0 && nowMs > m_lastTakenMs && h.messagesTotal >= m_lastRxMsgs)
        h.messagesPerSecond = double(h.messagesTotal - m_lastRxMsgs) * 1000.0 / double(nowMs - m_lastTakenMs);
    m_lastRxMsgs = h.messagesTotal;
    m_lastTakenMs = nowMs;

    simdjson::dom::object brokers;
    if (root["brokers"].get_object().get(brokers) == simdjson::SUCCESS) {
        QList<LinkHealth> learned, configured;
        for (auto [key, b] : brokers) {
            const std::string_view source = stringOr(b, "source");
            if (source == "internal" || source == "logical")
                continue;
            LinkHealth l;
            const QString statsName = qs(key);
            l.name = qs(stringOr(b, "nodename", key));
            l.nodeId = int(intOr(b, "nodeid", -1));
            l.rawState = qs(stringOr(b, "state"));
            l.state = stateFor(stringOr(b, "state"));
            const int64_t stateAgeUs = intOr(b, "stateage", 0);
            l.stateSinceMs = nowMs - stateAgeUs / 1000;
            l.reconnects = quint64(std::max<int64_t>(0, intOr(b, "disconnects", 0)));
            simdjson::dom::element rtt;
            double rttMs = m_lastRtt.value(statsName, -1);
            if (b["rtt"].get(rtt) == simdjson::SUCCESS && intOr(rtt, "cnt", 0) > 0)
                rttMs = double(intOr(rtt, "avg", 0)) / 1000.0;
            m_lastRtt.insert(statsName, rttMs);
            l.roundTripMs = rttMs;
            l.lastError = lastErrors.value(statsName);
            (source == "configured" || l.nodeId < 0 ? configured : learned) << l;
        }
        // Bootstrap addresses only until the cluster told us its brokers.
        h.brokers = learned.isEmpty() ? configured : learned;
        std::sort(h.brokers.begin(), h.brokers.end(), [](const LinkHealth &a, const LinkHealth &b) {
            return a.nodeId != b.nodeId ? a.nodeId < b.nodeId : a.name < b.name;
        });
    }

    simdjson::dom::object topics;
    if (root["topics"].get_object().get(topics) == simdjson::SUCCESS) {
        for (auto [topicName, t] : topics) {
            simdjson::dom::object partitions;
            if (t["partitions"].get_object().get(partitions) != simdjson::SUCCESS)
                continue;
            for (auto [pkey, p] : partitions) {
                const int64_t id = intOr(p, "partition", -1);
                bool desired = false;
                if (id < 0 || p["desired"].get_bool().get(desired) != simdjson::SUCCESS || !desired)
                    continue;
                PartitionLag lag;
                lag.topic = qs(topicName);
                lag.partition = int(id);
                lag.leader = int(intOr(p, "leader", -1));
                lag.highWatermark = intOr(p, "hi_offset", -1);
                lag.position = intOr(p, "app_offset", -1);
                // Nothing handed to us yet and nothing there to hand: caught up.
                const int64_t lo = intOr(p, "lo_offset", -1);
                if (lag.position < 0 && lag.highWatermark >= 0 && lo == lag.highWatermark)
                    lag.position = lag.highWatermark;
                h.partitions << lag;
            }
        }
        std::sort(h.partitions.begin(), h.partitions.end(), [](const PartitionLag &a, const PartitionLag &b) {
            return a.topic != b.topic ? a.topic < b.topic : a.partition < b.partition;
        });
    }
    return h;
}

} // namespace ndh
