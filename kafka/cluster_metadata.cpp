#include "cluster_metadata.h"

#include "kafka_logging.h"

#include <QDateTime>

#include <librdkafka/rdkafka.h>

#include <algorithm>

namespace ndh {

namespace {
void onClientError(rd_kafka_t *, int err, const char *reason, void *opaque)
{
    auto *lastError = static_cast<QString *>(opaque);
    // The per-broker reason is more useful than the "all brokers down" summary.
    if (err != RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN || lastError->isEmpty())
        *lastError = QString::fromUtf8(reason);
}
} // namespace

void captureClientErrors(rd_kafka_conf_s *conf, QString *lastError)
{
    rd_kafka_conf_set_opaque(conf, lastError);
    rd_kafka_conf_set_error_cb(conf, &onClientError);
}

int fetchClusterMetadata(rd_kafka_s *rk, int timeoutMs, ClusterSnapshot &out, const QString &topic)
{
    const rd_kafka_metadata_t *md = nullptr;
    rd_kafka_topic_t *only = topic.isEmpty() ? nullptr : rd_kafka_topic_new(rk, topic.toUtf8().constData(), nullptr);
    const rd_kafka_resp_err_t err = rd_kafka_metadata(rk, only ? 0 : 1, only, &md, std::max(1, timeoutMs));
    if (only)
        rd_kafka_topic_destroy(only);
    if (err)
        return err;
    out.ok = true;
    out.takenMs = QDateTime::currentMSecsSinceEpoch();
    out.controllerId = -1;
    out.brokers.clear();
    for (int b = 0; b < md->broker_cnt; ++b)
        out.brokers.push_back({md->brokers[b].id, QString::fromUtf8(md->brokers[b].host), md->brokers[b].port});
    std::sort(out.brokers.begin(), out.brokers.end(), [](const BrokerInfo &a, const BrokerInfo &b) { return a.id < b.id; });
    out.topics.clear();
    for (int t = 0; t < md->topic_cnt; ++t) {
        const rd_kafka_metadata_topic_t &mt = md->topics[t];
        TopicInfo info;
        info.name = QString::fromUtf8(mt.topic);
        info.internal = info.name.startsWith(QStringLiteral("__"));
        if (mt.err)
            info.error = QString::fromUtf8(rd_kafka_err2str(mt.err));
        for (int p = 0; p < mt.partition_cnt; ++p) {
            PartitionInfo pi;
            pi.id = mt.partitions[p].id;
            pi.leader = mt.partitions[p].leader;
            if (mt.partitions[p].err)
                pi.error = QString::fromUtf8(rd_kafka_err2str(mt.partitions[p].err));
            info.partitions.push_back(pi);
        }
        std::sort(info.partitions.begin(), info.partitions.end(),
                  [](const PartitionInfo &a, const PartitionInfo &b) { return a.id < b.id; });
        out.topics.push_back(std::move(info));
    }
    std::sort(out.topics.begin(), out.topics.end(), [](const TopicInfo &a, const TopicInfo &b) { return a.name < b.name; });
    rd_kafka_metadata_destroy(md);
    return RD_KAFKA_RESP_ERR_NO_ERROR;
}

QHash<QString, int> partitionCounts(const ClusterSnapshot &snapshot)
{
    QHash<QString, int> counts;
    for (const TopicInfo &t : snapshot.topics) {
        if (t.error.isEmpty())
            counts.insert(t.name, int(t.partitions.size()));
    }
    return counts;
}

QString cannotReachKafka(const QString &bootstrap, const QString &lastClientError, int err, int timeoutMs)
{
    const QString why = lastClientError.isEmpty()
                            ? QStringLiteral("no answer within %1 s (%2)")
                                  .arg(timeoutMs / 1000.0)
                                  .arg(QString::fromUtf8(rd_kafka_err2str(rd_kafka_resp_err_t(err))))
                            : operatorReason(lastClientError);
    return QStringLiteral("Cannot reach Kafka at %1: %2").arg(bootstrap, why);
}

} // namespace ndh
