#include "kafka_logging.h"

#include <librdkafka/rdkafka.h>

#include <QString>

namespace ndh {

// Debug off by default: librdkafka connection chatter is for engineers who ask for it.
Q_LOGGING_CATEGORY(lcKafka, "ndh.kafka", QtInfoMsg)

namespace {
void forwardLog(const rd_kafka_t *rk, int level, const char *facility, const char *buf)
{
    // Levels follow syslog. Errors (3) such as "connect failed" also arrive through
    // error callbacks, which report them once per episode in operator words; repeating
    // every retry on stderr would flood it while a broker is down. So only critical
    // and worse are warnings, the rest is debug.
    if (level <= 2)
        qCWarning(lcKafka, "%s: [%s] %s", rd_kafka_name(rk), facility, buf);
    else
        qCDebug(lcKafka, "%s: [%s] %s", rd_kafka_name(rk), facility, buf);
}
} // namespace

// librdkafka's reason ("Connect to ipv4#127.0.0.1:9 failed: Connection refused (after
// 0ms in state CONNECT)") in the words an operator needs: what is wrong and where to
// look. The raw reason stays in the log for engineers.
QString operatorReason(const QString &raw)
{
    const QString r = raw.toLower();
    if (r.contains(u"connection refused"))
        return QStringLiteral("connection refused (is the broker running on that host and port?)");
    if (r.contains(u"resolve") || r.contains(u"name or service not known"))
        return QStringLiteral("the broker host name cannot be resolved");
    if (r.contains(u"timed out") || r.contains(u"timeout"))
        return QStringLiteral("no answer from the broker (network, firewall or wrong port?)");
    if (r.contains(u"ssl") || r.contains(u"certificate"))
        return QStringLiteral("the TLS handshake failed (certificates or security.protocol?)");
    if (r.contains(u"sasl") || r.contains(u"authentication"))
        return QStringLiteral("authentication failed (user name or password?)");
    if (r.contains(u"disconnected") || r.contains(u"connection reset") || r.contains(u"broken pipe"))
        return QStringLiteral("the broker closed the connection");
    return raw;
}


void routeRdKafkaLogs(rd_kafka_conf_s *conf)
{
    rd_kafka_conf_set_log_cb(conf, &forwardLog);
}

} // namespace ndh
