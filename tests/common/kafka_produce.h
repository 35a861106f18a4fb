#pragma once
// Filling a test topic with librdkafka: records into partition 0, as fast as the
// broker takes them, waiting for room in the producer's queue instead of failing
// when a burst fills it.

#include "kafka_client_conf.h"

#include <QByteArray>
#include <QString>

#include <librdkafka/rdkafka.h>

#include <utility>

namespace ndhtest {

// Records from..from+count-1 of `topic`, partition 0; record(i) gives {key, payload}
// (a null key: none). True when the broker acknowledged them all.
template<typename F>
bool produceRecords(const QString &bootstrap, const QString &topic, int from, int count, F &&record)
{
    ndh::KafkaClientConf conf;
    conf.set(QStringLiteral("bootstrap.servers"), bootstrap);
    conf.set(QStringLiteral("linger.ms"), QStringLiteral("20"));
    rd_kafka_t *rk = conf.createProducer();
    if (!rk)
        return false;
    const QByteArray topicName = topic.toUtf8();
    bool ok = true;
    for (int i = from; i < from + count && ok; ++i) {
        const std::pair<QByteArray, QByteArray> r = record(i);
        for (;;) {
            const auto err = rd_kafka_producev(
                rk, RD_KAFKA_V_TOPIC(topicName.constData()), RD_KAFKA_V_PARTITION(0),
                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                RD_KAFKA_V_KEY(r.first.isNull() ? nullptr : r.first.constData(), size_t(r.first.size())),
                RD_KAFKA_V_VALUE(const_cast<char *>(r.second.constData()), size_t(r.second.size())), RD_KAFKA_V_END);
            if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
                rd_kafka_poll(rk, 10);
                continue;
            }
            ok = err == RD_KAFKA_RESP_ERR_NO_ERROR;
            break;
        }
    }
    ok = rd_kafka_flush(rk, 30000) == RD_KAFKA_RESP_ERR_NO_ERROR && ok;
    rd_kafka_destroy(rk);
    return ok;
}

} // namespace ndhtest
