#include "cluster_log_io.h"

#include "cluster_metadata.h"
#include "kafka_client_conf.h"
#include "kafka_logging.h"
#include "kafka_message_decoding.h"
#include "topic_catalog.h"

#include <QDeadlineTimer>
#include <QHash>

#include <librdkafka/rdkafka.h>

#include <array>

namespace ndh {

struct ClusterLogCallbacks
{
    static void onDelivery(rd_kafka_t *, const rd_kafka_message_t *msg, void *opaque)
    {
        auto *self = static_cast<LogReplayer *>(opaque);
        if (msg->err) {
            ++self->m_failed;
            if (self->m_error.isEmpty())
                self->m_error = QString::fromUtf8(rd_kafka_err2str(msg->err));
        } else {
            ++self->m_delivered;
        }
    }
};

ClusterLogReader::ClusterLogReader(QString bootstrap, QStringList topics)
    : m_bootstrap(std::move(bootstrap))
    , m_topics(topics.isEmpty() ? topics::standardTopics() : std::move(topics))
{
}

bool ClusterLogReader::read(int timeoutMs, const std::function<bool(LogRecord &&)> &onRecord)
{
    const QDeadlineTimer deadline(timeoutMs);
    auto remainingMs = [&deadline] { return int(std::max<qint64>(1, deadline.remainingTime())); };
    KafkaClientConf conf;
    conf.setGrouplessReader(m_bootstrap, QStringLiteral("ndhctl-export"));
    captureClientErrors(conf.raw(), &m_lastClientError);
    rd_kafka_t *rk = conf.createConsumer();
    if (!rk) {
        m_error = conf.error();
        return false;
    }
    const std::unique_ptr<rd_kafka_t, KafkaClientConf::ConsumerDeleter> destroy(rk); // on every exit path
    auto unreachable = [&](rd_kafka_resp_err_t err) {
        rd_kafka_poll(rk, 0);
        m_error = cannotReachKafka(m_bootstrap, m_lastClientError, err, timeoutMs);
        return false;
    };
    ClusterSnapshot metadata;
    if (const int err = fetchClusterMetadata(rk, remainingMs(), metadata))
        return unreachable(rd_kafka_resp_err_t(err));
    const QHash<QString, int> partitionCounts = ndh::partitionCounts(metadata);

    QHash<QString, qint64> endOffsets;
    rd_kafka_topic_partition_list_t *assignment = rd_kafka_topic_partition_list_new(64);
    struct FreeList
    {
        rd_kafka_topic_partition_list_t *l;
        ~FreeList() { rd_kafka_topic_partition_list_destroy(l); }
    } freeList{assignment};
    for (const QString &topic : std::as_const(m_topics)) {
        const auto count = partitionCounts.constFind(topic);
        if (count == partitionCounts.constEnd()) {
            m_missing << topic;
            continue;
        }
        const QByteArray name = topic.toUtf8();
        for (int p = 0; p < *count; ++p) {
            int64_t low = 0;
            int64_t high = 0;
            if (const auto err = rd_kafka_query_watermark_offsets(rk, name.constData(), p, &low, &high, remainingMs()))
                return unreachable(err);
            if (high > low) {
                endOffsets.insert(topic + u'\n' + QString::number(p), high);
                rd_kafka_topic_partition_list_add(assignment, name.constData(), p)->offset = low;
            }
        }
    }
    if (endOffsets.isEmpty())
        return true;
    if (const auto err = rd_kafka_assign(rk, assignment)) {
        m_error = QStringLiteral("Cannot assign partitions: %1").arg(QString::fromUtf8(rd_kafka_err2str(err)));
        return false;
    }
    rd_kafka_queue_t *queue = rd_kafka_queue_get_consumer(rk);
    std::array<rd_kafka_message_t *, 1000> messages{};
    QHash<const void *, QString> topicNames;
    bool stopped = false;
    while (!endOffsets.isEmpty() && !deadline.hasExpired() && !stopped) {
        const ssize_t n = rd_kafka_consume_batch_queue(queue, std::min(200, remainingMs()), messages.data(), messages.size());
        for (ssize_t i = 0; i < n; ++i) {
            rd_kafka_message_t *msg = messages[size_t(i)];
            auto name = topicNames.constFind(msg->rkt);
            if (name == topicNames.constEnd())
                name = topicNames.insert(msg->rkt, QString::fromUtf8(rd_kafka_topic_name(msg->rkt)));
            const QString key = *name + u'\n' + QString::number(msg->partition);
            const auto end = endOffsets.constFind(key);
            if (msg->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                if (end != endOffsets.constEnd() && msg->offset >= *end)
                    endOffsets.remove(key);
            } else if (!msg->err && end != endOffsets.constEnd() && msg->offset < *end && !stopped) {
                LogRecord r = logRecordFromMessage(*name, msg);
                ++m_records;
                if (!onRecord(std::move(r)))
                    stopped = true;
                if (msg->offset + 1 >= *end)
                    endOffsets.remove(key);
            }
            rd_kafka_message_destroy(msg);
        }
    }
    rd_kafka_queue_destroy(queue);
    if (!endOffsets.isEmpty() && !stopped) {
        m_error = QStringLiteral("Timed out after %1 s before reaching the end of %2 partition(s) (%3 records read)")
                      .arg(timeoutMs / 1000.0)
                      .arg(endOffsets.size())
                      .arg(m_records);
        return false;
    }
    return true;
}

LogReplayer::LogReplayer(QString bootstrap)
    : m_bootstrap(std::move(bootstrap))
{
}

LogReplayer::~LogReplayer()
{
    if (m_rk)
        rd_kafka_destroy(m_rk);
}

bool LogReplayer::start(int timeoutMs)
{
    KafkaClientConf conf;
    conf.set(QStringLiteral("bootstrap.servers"), m_bootstrap);
    conf.set(QStringLiteral("client.id"), QStringLiteral("ndhctl-replay"));
    conf.set(QStringLiteral("enable.idempotence"), QStringLiteral("true"));
    conf.set(QStringLiteral("linger.ms"), QStringLiteral("5"));
    conf.set(QStringLiteral("message.timeout.ms"), QString::number(std::max(timeoutMs, 1000)));
    rd_kafka_conf_set_opaque(conf.raw(), this);
    rd_kafka_conf_set_dr_msg_cb(conf.raw(), &ClusterLogCallbacks::onDelivery);
    m_rk = conf.createProducer();
    if (!m_rk) {
        m_error = conf.error();
        return false;
    }
    ClusterSnapshot metadata;
    if (const int err = fetchClusterMetadata(m_rk, timeoutMs, metadata)) {
        m_error = cannotReachKafka(m_bootstrap, {}, err, timeoutMs);
        return false;
    }
    m_partitions = partitionCounts(metadata);
    return true;
}

bool LogReplayer::publish(const LogRecord &r)
{
    const QByteArray topic = r.topic.toUtf8();
    int partition = RD_KAFKA_PARTITION_UA;
    const int count = m_partitions.value(r.topic, 0);
    if (r.partition >= 0 && r.partition < count)
        partition = r.partition;
    else
        ++m_repartitioned;
    rd_kafka_headers_t *headers = nullptr;
    if (!r.headers.empty()) {
        headers = rd_kafka_headers_new(r.headers.size());
        for (const LogHeader &h : r.headers)
            rd_kafka_header_add(headers, h.name.constData(), h.name.size(), h.value ? h.value->constData() : nullptr,
                                h.value ? h.value->size() : 0);
    }
    const char *keyData = r.key ? r.key->constData() : nullptr;
    const size_t keySize = r.key ? size_t(r.key->size()) : 0;
    char *valueData = r.payload ? const_cast<char *>(r.payload->constData()) : nullptr;
    const size_t valueSize = r.payload ? size_t(r.payload->size()) : 0;
    const qint64 ts = r.tstype == LogRecord::TimestampType::Create ? r.timestampMs : 0;
    for (;;) {
        const rd_kafka_resp_err_t err = rd_kafka_producev(
            m_rk, RD_KAFKA_V_TOPIC(topic.constData()), RD_KAFKA_V_PARTITION(partition),
            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
            RD_KAFKA_V_KEY(keyData, keySize), RD_KAFKA_V_VALUE(valueData, valueSize),
            RD_KAFKA_V_TIMESTAMP(ts), RD_KAFKA_V_HEADERS(headers), RD_KAFKA_V_END);
        if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
            rd_kafka_poll(m_rk, 50);
            continue;
        }
        if (err) {
            if (headers)
                rd_kafka_headers_destroy(headers);
            m_error = QStringLiteral("%1: %2").arg(r.topic, QString::fromUtf8(rd_kafka_err2str(err)));
            return false;
        }
        break; // the producer owns the headers now
    }
    ++m_produced;
    rd_kafka_poll(m_rk, 0);
    return true;
}

bool LogReplayer::finish(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_delivered + m_failed < m_produced && !deadline.hasExpired())
        rd_kafka_flush(m_rk, 100);
    if (m_delivered + m_failed < m_produced && m_error.isEmpty())
        m_error = QStringLiteral("%1 record(s) not delivered in time").arg(m_produced - m_delivered - m_failed);
    return m_failed == 0 && m_delivered == m_produced;
}

} // namespace ndh
