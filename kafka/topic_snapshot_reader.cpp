#include "topic_snapshot_reader.h"

#include "cluster_metadata.h"
#include "envelope_decoder.h"
#include "kafka_client_conf.h"
#include "kafka_message_decoding.h"
#include "kafka_logging.h"
#include "topic_catalog.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>

#include <librdkafka/rdkafka.h>

#include <array>

namespace ndh {

TopicSnapshotReader::TopicSnapshotReader(ConsumerConfig config)
    : m_config(std::move(config))
{
    if (m_config.topics.isEmpty())
        m_config.topics = topics::standardTopics();
}

bool TopicSnapshotReader::read(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    auto remainingMs = [&deadline] { return int(std::max<qint64>(1, deadline.remainingTime())); };

    EnvelopeDecoder decoder;
    for (const auto &[pattern, envelope] : std::as_const(m_config.topicEnvelopes))
        decoder.setTopicEnvelope(pattern, envelope);

    KafkaClientConf conf;
    // The last partitions to finish are often the quiet ones: the groupless reader's
    // short empty fetches keep them from holding the read for 500 ms each.
    conf.setGrouplessReader(m_config.bootstrap, QStringLiteral("ndhctl-state"));
    conf.setAll(m_config.extraProperties);
    captureClientErrors(conf.raw(), &m_lastClientError);
    rd_kafka_t *rk = conf.createConsumer();
    if (!rk) {
        m_error = conf.error();
        return false;
    }
    const std::unique_ptr<rd_kafka_t, KafkaClientConf::ConsumerDeleter> destroy(rk); // on every exit path

    auto unreachable = [&](rd_kafka_resp_err_t err) {
        rd_kafka_poll(rk, 0); // collect the client's own reason
        m_error = cannotReachKafka(m_config.bootstrap, m_lastClientError, err, timeoutMs);
        return false;
    };

    ClusterSnapshot metadata;
    if (const int err = fetchClusterMetadata(rk, remainingMs(), metadata))
        return unreachable(rd_kafka_resp_err_t(err));
    const QHash<QString, int> partitionCounts = ndh::partitionCounts(metadata);

    // The end of each partition is fixed now: records produced while we read belong
    // to a later answer.
    QHash<QString, qint64> endOffsets; // "topic\npartition" -> high watermark
    rd_kafka_topic_partition_list_t *assignment = rd_kafka_topic_partition_list_new(64);
    struct FreeList
    {
        rd_kafka_topic_partition_list_t *l;
        ~FreeList() { rd_kafka_topic_partition_list_destroy(l); }
    } freeList{assignment};
    for (const QString &topic : std::as_const(m_config.topics)) {
        const auto count = partitionCounts.constFind(topic);
        if (count == partitionCounts.constEnd()) {
            m_missingTopics << topic;
            continue;
        }
        const QByteArray name = topic.toUtf8();
        for (int p = 0; p < *count; ++p) {
            int64_t low = 0;
            int64_t high = 0;
            const rd_kafka_resp_err_t err =
                rd_kafka_query_watermark_offsets(rk, name.constData(), p, &low, &high, remainingMs());
            if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
                if (deadline.hasExpired())
                    return unreachable(err);
                m_error = QStringLiteral("Cannot read the end offsets of %1 [%2]: %3")
                              .arg(topic)
                              .arg(p)
                              .arg(QString::fromUtf8(rd_kafka_err2str(err)));
                return false;
            }
            ++m_partitions;
            if (high <= low)
                continue; // empty
            endOffsets.insert(topic + u'\n' + QString::number(p), high);
            rd_kafka_topic_partition_list_add(assignment, name.constData(), p)->offset = low;
        }
    }
    if (endOffsets.isEmpty())
        return true;
    if (rd_kafka_resp_err_t err = rd_kafka_assign(rk, assignment); err) {
        m_error = QStringLiteral("Cannot assign partitions: %1").arg(QString::fromUtf8(rd_kafka_err2str(err)));
        return false;
    }

    rd_kafka_queue_t *queue = rd_kafka_queue_get_consumer(rk);
    std::array<rd_kafka_message_t *, 1000> messages{};
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    QHash<const void *, QString> topicNames;
    std::vector<PlantEvent> events;
    std::vector<DeadLetter> letters;
    while (!endOffsets.isEmpty() && !deadline.hasExpired()) {
        rd_kafka_poll(rk, 0);
        const ssize_t n = rd_kafka_consume_batch_queue(queue, std::min(200, remainingMs()), messages.data(),
                                                       messages.size());
        for (ssize_t i = 0; i < n; ++i) {
            rd_kafka_message_t *msg = messages[size_t(i)];
            auto name = topicNames.constFind(msg->rkt);
            if (name == topicNames.constEnd())
                name = topicNames.insert(msg->rkt, QString::fromUtf8(rd_kafka_topic_name(msg->rkt)));
            const QString key = *name + u'\n' + QString::number(msg->partition);
            const auto end = endOffsets.constFind(key);
            if (msg->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                // Also covers ends that are not a record (transaction markers).
                if (end != endOffsets.constEnd() && msg->offset >= *end)
                    endOffsets.remove(key);
            } else if (msg->err) {
                qCWarning(lcKafka, "%s [%d]: %s", qPrintable(*name), msg->partition, rd_kafka_message_errstr(msg));
            } else if (end != endOffsets.constEnd() && msg->offset < *end) {
                events.clear();
                letters.clear();
                ++m_records;
                if (!decodeKafkaMessage(decoder, *name, msg, events, letters, nowMs)) {
                    ++m_rejected;
                    if (m_deadLetters.size() < kMaxKeptDeadLetters)
                        m_deadLetters.insert(m_deadLetters.end(), letters.begin(), letters.end());
                }
                for (PlantEvent &e : events)
                    m_timeline.add(std::move(e));
                if (msg->offset + 1 >= *end)
                    endOffsets.remove(key);
            }
            rd_kafka_message_destroy(msg);
        }
    }
    rd_kafka_queue_destroy(queue);
    if (!endOffsets.isEmpty()) {
        m_error = QStringLiteral("Timed out after %1 s before reaching the end of %2 partition(s) (%3 records read)")
                      .arg(timeoutMs / 1000.0)
                      .arg(endOffsets.size())
                      .arg(m_records);
        return false;
    }
    return true;
}

} // namespace ndh
