#include "kafka_record_fetch.h"

#include "kafka_client_conf.h"
#include "kafka_message_decoding.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <librdkafka/rdkafka.h>

#include <memory>

namespace ndh {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ndh::KafkaRecordFetch", text);
}

} // namespace

KafkaRecordFetch fetchKafkaRecord(const ConsumerConfig &config, const QString &topic, int partition, qint64 offset,
                                  int timeoutMs)
{
    KafkaRecordFetch out;
    if (topic.isEmpty() || partition < 0 || offset < 0) {
        out.error = tr("No Kafka record is known here (topic %1, partition %2, offset %3).")
                        .arg(topic)
                        .arg(partition)
                        .arg(offset);
        return out;
    }
    KafkaClientConf conf;
    conf.setGrouplessReader(config.bootstrap, QStringLiteral("ndh-console-record"));
    conf.setAll(config.extraProperties);
    rd_kafka_t *rk = conf.createConsumer();
    if (!rk) {
        out.error = conf.error();
        return out;
    }
    const std::unique_ptr<rd_kafka_t, KafkaClientConf::ConsumerDeleter> destroy(rk);
    const QByteArray name = topic.toUtf8();
    int64_t low = 0;
    int64_t high = 0;
    if (const rd_kafka_resp_err_t err =
            rd_kafka_query_watermark_offsets(rk, name.constData(), partition, &low, &high, timeoutMs)) {
        out.error = tr("Cannot reach %1 [%2] on %3: %4")
                        .arg(topic)
                        .arg(partition)
                        .arg(config.bootstrap, QString::fromUtf8(rd_kafka_err2str(err)));
        return out;
    }
    if (offset < low) {
        out.error = tr("Offset %1 of %2 [%3] is no longer on the cluster: retention removed it (the partition "
                       "now starts at offset %4).")
                        .arg(offset)
                        .arg(topic)
                        .arg(partition)
                        .arg(low);
        return out;
    }
    if (offset >= high) {
        out.error = tr("Offset %1 of %2 [%3] is not on the cluster (the partition ends before offset %4); "
                       "was it written to another cluster?")
                        .arg(offset)
                        .arg(topic)
                        .arg(partition)
                        .arg(high);
        return out;
    }
    const std::unique_ptr<rd_kafka_topic_partition_list_t, decltype(&rd_kafka_topic_partition_list_destroy)> list(
        rd_kafka_topic_partition_list_new(1), &rd_kafka_topic_partition_list_destroy);
    rd_kafka_topic_partition_list_add(list.get(), name.constData(), partition)->offset = offset;
    if (const rd_kafka_resp_err_t err = rd_kafka_assign(rk, list.get()); err) {
        out.error = tr("Cannot read %1 [%2]: %3").arg(topic).arg(partition).arg(QString::fromUtf8(rd_kafka_err2str(err)));
        return out;
    }
    QElapsedTimer clock;
    clock.start();
    QString lastError;
    while (clock.elapsed() < timeoutMs) {
        rd_kafka_message_t *msg = rd_kafka_consumer_poll(rk, 100);
        if (!msg)
            continue;
        const std::unique_ptr<rd_kafka_message_t, decltype(&rd_kafka_message_destroy)> hold(msg,
                                                                                            &rd_kafka_message_destroy);
        if (msg->err == RD_KAFKA_RESP_ERR__PARTITION_EOF)
            continue;
        if (msg->err) {
            lastError = QString::fromUtf8(rd_kafka_message_errstr(msg));
            continue;
        }
        if (msg->partition != partition || msg->offset < offset)
            continue;
        if (msg->offset > offset) {
            // Compaction or a transaction marker took the offset away.
            out.error = tr("Offset %1 of %2 [%3] holds no record (compacted, or a transaction marker); the next "
                           "record is at offset %4.")
                            .arg(offset)
                            .arg(topic)
                            .arg(partition)
                            .arg(msg->offset);
            return out;
        }
        out.record = logRecordFromMessage(topic, msg);
        out.ok = true;
        return out;
    }
    out.error = tr("No answer for %1 [%2] offset %3 within %4 s%5")
                    .arg(topic)
                    .arg(partition)
                    .arg(offset)
                    .arg(timeoutMs / 1000)
                    .arg(lastError.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + lastError);
    return out;
}

} // namespace ndh
