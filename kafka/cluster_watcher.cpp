#include "cluster_watcher.h"

#include "cluster_metadata.h"
#include "kafka_client_conf.h"
#include "kafka_logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <librdkafka/rdkafka.h>

namespace ndh {

namespace {

// The ConsumerProtocol assignment a member holds (version, [topic, [partition]], userdata),
// big-endian as the group coordinator stores it. Bounded by the buffer it reads.
QStringList parseAssignment(const void *data, int size)
{
    QStringList out;
    const auto *p = static_cast<const uchar *>(data);
    const uchar *end = p + std::max(0, size);
    auto need = [&](int n) { return end - p >= n; };
    auto i16 = [&] { const qint16 v = qint16((p[0] << 8) | p[1]); p += 2; return v; };
    auto i32 = [&] { const qint32 v = qint32((quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3]); p += 4; return v; };
    if (!need(6))
        return out;
    i16(); // version
    const qint32 topics = i32();
    for (qint32 t = 0; t < topics && t < 10000; ++t) {
        if (!need(2))
            return out;
        const qint16 len = i16();
        if (len < 0 || !need(len + 4))
            return out;
        const QString topic = QString::fromUtf8(reinterpret_cast<const char *>(p), len);
        p += len;
        const qint32 partitions = i32();
        for (qint32 k = 0; k < partitions && k < 100000; ++k) {
            if (!need(4))
                return out;
            out << QStringLiteral("%1[%2]").arg(topic).arg(i32());
        }
    }
    return out;
}

} // namespace

ClusterWatcher::ClusterWatcher(ConsumerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
}

ClusterWatcher::~ClusterWatcher()
{
    shutdown();
}

void ClusterWatcher::shutdown()
{
    if (m_timer)
        m_timer->stop();
    for (auto &[group, rk] : m_groupClients)
        KafkaClientConf::ConsumerDeleter()(rk);
    m_groupClients.clear();
    if (m_rk) {
        KafkaClientConf::ConsumerDeleter()(m_rk);
        m_rk = nullptr;
    }
    if (thread() != QThread::currentThread())
        return;
    if (thread() && thread() != QCoreApplication::instance()->thread())
        thread()->quit();
}

void ClusterWatcher::start(int intervalMs)
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &ClusterWatcher::refresh);
    }
    m_timer->setInterval(std::max(200, intervalMs));
    m_timer->start();
    refresh();
}

void ClusterWatcher::setWatchedGroups(const QStringList &groups)
{
    m_watched = groups.mid(0, kMaxGroups);
}

void ClusterWatcher::refreshNow()
{
    refresh();
}

bool ClusterWatcher::ensureClient()
{
    if (m_rk)
        return true;
    KafkaClientConf conf;
    conf.setGrouplessReader(m_config.bootstrap, QStringLiteral("ndh-console-topics"));
    conf.setAll(m_config.extraProperties);
    captureClientErrors(conf.raw(), &m_lastClientError);
    m_rk = conf.createConsumer();
    if (!m_rk) {
        ClusterSnapshot failed;
        failed.error = conf.error();
        failed.takenMs = QDateTime::currentMSecsSinceEpoch();
        emit clusterChanged(failed);
        return false;
    }
    return true;
}

void ClusterWatcher::refresh()
{
    if (m_refreshing || !ensureClient())
        return;
    m_refreshing = true;
    ClusterSnapshot snapshot;
    if (const int err = fetchClusterMetadata(m_rk, kRequestTimeoutMs, snapshot)) {
        rd_kafka_poll(m_rk, 0);
        snapshot.ok = false;
        snapshot.error = cannotReachKafka(m_config.bootstrap, m_lastClientError, err, kRequestTimeoutMs);
        snapshot.takenMs = QDateTime::currentMSecsSinceEpoch();
        emit clusterChanged(snapshot);
        m_refreshing = false;
        return;
    }
    m_lastClientError.clear();
    readWatermarks(snapshot);
    emit clusterChanged(snapshot);
    emit groupsChanged(readGroups(snapshot));
    m_refreshing = false;
}

void ClusterWatcher::readWatermarks(ClusterSnapshot &snapshot)
{
    // Two batched ListOffsets requests (earliest, latest) for every partition of
    // every topic, internal ones too: one round trip per broker, not per partition.
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(256);
    std::vector<PartitionInfo *> order;
    for (TopicInfo &t : snapshot.topics) {
        const QByteArray name = t.name.toUtf8();
        for (PartitionInfo &p : t.partitions) {
            rd_kafka_topic_partition_list_add(list, name.constData(), p.id);
            order.push_back(&p);
        }
    }
    for (const qint64 which : {qint64(RD_KAFKA_OFFSET_BEGINNING), qint64(RD_KAFKA_OFFSET_END)}) {
        for (int i = 0; i < list->cnt; ++i)
            list->elems[i].offset = which;
        if (rd_kafka_offsets_for_times(m_rk, list, kRequestTimeoutMs) != RD_KAFKA_RESP_ERR_NO_ERROR)
            break;
        for (int i = 0; i < list->cnt; ++i) {
            if (list->elems[i].err)
                continue;
            (which == RD_KAFKA_OFFSET_BEGINNING ? order[size_t(i)]->low : order[size_t(i)]->high) = list->elems[i].offset;
        }
    }
    rd_kafka_topic_partition_list_destroy(list);
}

rd_kafka_s *ClusterWatcher::groupClient(const QString &group)
{
    const auto it = m_groupClients.find(group);
    if (it != m_groupClients.end())
        return it->second;
    if (m_groupClients.size() >= size_t(kMaxGroups))
        return nullptr;
    // committed() asks the coordinator of the handle's own group.id: one small
    // consumer per group, never subscribed, never joining.
    KafkaClientConf conf;
    conf.set(QStringLiteral("bootstrap.servers"), m_config.bootstrap);
    conf.set(QStringLiteral("client.id"), QStringLiteral("ndh-console-lag"));
    conf.set(QStringLiteral("group.id"), group);
    conf.set(QStringLiteral("enable.auto.commit"), QStringLiteral("false"));
    conf.set(QStringLiteral("log.connection.close"), QStringLiteral("false"));
    conf.setAll(m_config.extraProperties);
    rd_kafka_s *rk = conf.createConsumer();
    if (rk)
        m_groupClients.emplace(group, rk);
    return rk;
}

qint64 ClusterWatcher::recordTimeAt(const QString &topic, int partition, qint64 offset)
{
    rd_kafka_topic_partition_list_t *one = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(one, topic.toUtf8().constData(), partition)->offset = offset;
    const bool assigned = rd_kafka_assign(m_rk, one) == RD_KAFKA_RESP_ERR_NO_ERROR;
    rd_kafka_topic_partition_list_destroy(one);
    if (!assigned)
        return -1;
    qint64 ts = -1;
    const QDeadlineTimer deadline(1000);
    while (!deadline.hasExpired()) {
        rd_kafka_message_t *msg = rd_kafka_consumer_poll(m_rk, int(std::max<qint64>(1, deadline.remainingTime())));
        if (!msg)
            continue;
        const bool ours = msg->partition == partition && msg->offset >= offset;
        const bool stop = ours || msg->err == RD_KAFKA_RESP_ERR__PARTITION_EOF;
        if (ours && !msg->err)
            ts = rd_kafka_message_timestamp(msg, nullptr);
        rd_kafka_message_destroy(msg);
        if (stop)
            break;
    }
    rd_kafka_assign(m_rk, nullptr);
    return ts;
}

ConsumerGroupsSnapshot ClusterWatcher::readGroups(const ClusterSnapshot &cluster)
{
    ConsumerGroupsSnapshot out;
    out.takenMs = QDateTime::currentMSecsSinceEpoch();
    std::vector<ConsumerGroupInfo> groups;
    QSet<QString> seen;
    const rd_kafka_group_list *list = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_list_groups(m_rk, nullptr, &list, kRequestTimeoutMs);
    if (err) {
        out.listingNote = tr("The cluster did not list its consumer groups (%1); only groups watched by name are shown.")
                              .arg(QString::fromUtf8(rd_kafka_err2str(err)));
    } else {
        for (int g = 0; g < list->group_cnt && int(groups.size()) < kMaxGroups; ++g) {
            const rd_kafka_group_info &gi = list->groups[g];
            ConsumerGroupInfo info;
            info.group = QString::fromUtf8(gi.group);
            if (info.group.startsWith(QStringLiteral("ndh-console-")) || info.group.startsWith(QStringLiteral("ndhctl-")))
                continue; // our own throwaway reader ids
            info.state = QString::fromUtf8(gi.state ? gi.state : "");
            info.protocol = QString::fromUtf8(gi.protocol ? gi.protocol : "");
            if (gi.err)
                info.error = QString::fromUtf8(rd_kafka_err2str(gi.err));
            for (int m = 0; m < gi.member_cnt; ++m) {
                const rd_kafka_group_member_info &mi = gi.members[m];
                info.members.push_back({QString::fromUtf8(mi.member_id), QString::fromUtf8(mi.client_id),
                                        QString::fromUtf8(mi.client_host),
                                        parseAssignment(mi.member_assignment, mi.member_assignment_size)});
            }
            seen.insert(info.group);
            groups.push_back(std::move(info));
        }
        rd_kafka_group_list_destroy(list);
        if (groups.empty() && m_watched.isEmpty())
            out.listingNote = tr("No consumer groups on the cluster. Watch one by name to follow its lag.");
    }
    for (const QString &w : std::as_const(m_watched)) {
        if (!seen.contains(w) && int(groups.size()) < kMaxGroups) {
            ConsumerGroupInfo info;
            info.group = w;
            groups.push_back(std::move(info));
        }
    }

    // Committed offsets of each group over every partition of the user's topics.
    rd_kafka_topic_partition_list_t *all = rd_kafka_topic_partition_list_new(256);
    QHash<QString, qint64> highs;
    for (const TopicInfo &t : cluster.topics) {
        if (t.internal)
            continue;
        for (const PartitionInfo &p : t.partitions) {
            rd_kafka_topic_partition_list_add(all, t.name.toUtf8().constData(), p.id);
            highs.insert(t.name + u'\n' + QString::number(p.id), p.high);
        }
    }
    int probes = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (ConsumerGroupInfo &g : groups) {
        rd_kafka_s *rk = groupClient(g.group);
        if (!rk) {
            g.error = tr("Too many groups watched");
            continue;
        }
        rd_kafka_topic_partition_list_t *committed = rd_kafka_topic_partition_list_copy(all);
        if (const auto cerr = rd_kafka_committed(rk, committed, kRequestTimeoutMs)) {
            g.error = tr("Cannot read committed offsets: %1").arg(QString::fromUtf8(rd_kafka_err2str(cerr)));
        } else {
            for (int i = 0; i < committed->cnt; ++i) {
                const rd_kafka_topic_partition_t &e = committed->elems[i];
                if (e.err || e.offset < 0)
                    continue;
                GroupPartitionLag lag;
                lag.topic = QString::fromUtf8(e.topic);
                lag.partition = e.partition;
                lag.committed = e.offset;
                lag.high = highs.value(lag.topic + u'\n' + QString::number(e.partition), -1);
                lag.lag = lag.high >= 0 ? std::max<qint64>(0, lag.high - lag.committed) : 0;
                if (lag.high >= 0 && lag.lag == 0) {
                    lag.lagMs = 0;
                } else if (lag.lag > 0 && probes < kMaxLagTimeProbes) {
                    ++probes;
                    const qint64 ts = recordTimeAt(lag.topic, lag.partition, lag.committed);
                    lag.lagMs = ts > 0 ? std::max<qint64>(0, now - ts) : -1;
                }
                g.partitions.push_back(std::move(lag));
            }
            if (g.partitions.empty() && g.error.isEmpty() && g.members.empty())
                g.error = tr("No committed offsets");
        }
        rd_kafka_topic_partition_list_destroy(committed);
    }
    rd_kafka_topic_partition_list_destroy(all);
    out.groups = std::move(groups);
    return out;
}

} // namespace ndh
