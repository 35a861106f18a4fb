#pragma once
// The topic browser's live view of the cluster (issue 5), on its own thread:
// every refresh interval one metadata request (brokers, topics, partitions with
// leaders), the low and high watermarks of every partition in two batched
// ListOffsets requests, and the consumer groups: members (ListGroups/DescribeGroups
// when the cluster answers them), committed offsets, lag per partition in messages
// and in time (the age of the oldest record not yet consumed, read at the committed
// offset). Groups the cluster does not list (the embedded broker lists none) can be
// watched by name. Errors are reported once per episode, in the snapshot.

#include "consumer_config.h"
#include "topic_scan.h"

#include <QObject>
#include <QStringList>

#include <map>
#include <memory>

class QTimer;
struct rd_kafka_s;

namespace ndh {

class ClusterWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxGroups = 50;
    static constexpr int kMaxLagTimeProbes = 64; // partitions whose oldest pending record is read per refresh
    static constexpr int kRequestTimeoutMs = 5000;

    explicit ClusterWatcher(ConsumerConfig config, QObject *parent = nullptr);
    ~ClusterWatcher() override;

public slots:
    void start(int intervalMs);
    void setWatchedGroups(const QStringList &groups);
    void refreshNow();
    void shutdown();

signals:
    void clusterChanged(const ndh::ClusterSnapshot &snapshot);
    void groupsChanged(const ndh::ConsumerGroupsSnapshot &snapshot);

private:
    bool ensureClient();
    void refresh();
    void readWatermarks(ClusterSnapshot &snapshot);
    ConsumerGroupsSnapshot readGroups(const ClusterSnapshot &cluster);
    rd_kafka_s *groupClient(const QString &group);
    qint64 recordTimeAt(const QString &topic, int partition, qint64 offset);

    ConsumerConfig m_config;
    QTimer *m_timer = nullptr;
    rd_kafka_s *m_rk = nullptr;
    QString m_lastClientError;
    QStringList m_watched;
    std::map<QString, rd_kafka_s *> m_groupClients; // group.id -> consumer used for committed()
    bool m_refreshing = false;
};

} // namespace ndh
