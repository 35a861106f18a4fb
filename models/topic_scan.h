#pragma once
// What the topic browser asks a scan for and what comes back, in the models layer so
// the panel (ui) can build requests and show results without knowing Kafka, and the
// scanner (kafka) and the offline browser fill the same batches.

#include "log_record.h"
#include "message_filter.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <limits>
#include <memory>
#include <span>
#include <vector>

namespace ndh {

struct TopicScanRequest
{
    enum class Start : quint8 { Beginning, End, Offset, Timestamp, LastN };
    enum class Stop : quint8 { AtEnd, Follow, Offset, Timestamp, Count };
    enum class Order : quint8 { TimeMerged, PerPartition };

    QStringList topics;
    int partition = -1;              // -1: every partition
    Start start = Start::Beginning;
    qint64 startOffset = 0;          // Start::Offset, per partition
    qint64 startTimeMs = 0;          // Start::Timestamp
    qint64 lastN = 100;              // Start::LastN: the newest N of each partition (kcat -o -N)
    Stop stop = Stop::AtEnd;         // AtEnd: the high watermark when the scan began
    qint64 stopOffset = 0;           // Stop::Offset: last offset read, inclusive, per partition
    qint64 stopTimeMs = 0;           // Stop::Timestamp: records after it end the partition
    qint64 stopCount = 1000;         // Stop::Count: matches
    Order order = Order::TimeMerged;
    MessageFilterSpec filter;
};

struct TopicScanBatch;
using TopicScanBatchPtr = std::shared_ptr<const TopicScanBatch>;

// One hand-off of a scan to the GUI (DESIGN.md §3: batched, never per record).
struct TopicScanBatch
{
    quint64 scanId = 0;
    std::vector<LogRecord> records;        // matches, in the order the request asked
    std::vector<RecordSummary> summaries;  // one per record when the scan decoded them (asset or
                                           // event-type filter); else empty: decoded when shown
    // A slice of a bigger batch (TopicBrowserBackend hands one event-loop turn's worth
    // at a time): its records are `whole`'s [first, first + count), shared, not copied,
    // and `records` and `summaries` stay empty. Receivers read rows() and rowSummaries(),
    // which serve both kinds.
    TopicScanBatchPtr whole;
    size_t first = 0;
    size_t count = 0;
    std::span<const LogRecord> rows() const
    {
        return whole ? std::span<const LogRecord>(whole->records).subspan(first, count) : std::span<const LogRecord>(records);
    }
    std::span<const RecordSummary> rowSummaries() const
    {
        if (!whole)
            return summaries;
        const std::span<const RecordSummary> all(whole->summaries);
        return first >= all.size() ? std::span<const RecordSummary>() : all.subspan(first, std::min(count, all.size() - first));
    }
    quint64 scanned = 0;                   // totals since the scan began
    quint64 matched = 0;
    quint64 skippedBeforeStart = 0;        // older than the start time (timestamp fallback)
    qint64 scannedBytes = 0;
    int partitionsDone = 0;
    int partitionsTotal = 0;
    double progress = -1;                  // 0..1 of the bounded range; -1 when following
};
struct TopicScanStatus
{
    enum class State : quint8 { Starting, Scanning, Following, Finished, Cancelled, Failed };
    quint64 scanId = 0;
    State state = State::Starting;
    QString message;    // plain words: errors, what ended the scan
    QString seekMethod; // how a timestamp start was found (offsetsForTimes or the fallback)
};

// The cluster as the topic browser shows it, refreshed live.
struct PartitionInfo
{
    qint32 id = 0;
    qint32 leader = -1;
    qint64 low = -1;  // watermarks; -1 when not known
    qint64 high = -1;
    QString error;    // per-partition metadata error, empty when fine
    qint64 count() const { return low >= 0 && high >= low ? high - low : 0; }
};

struct TopicInfo
{
    QString name;
    bool internal = false; // "__consumer_offsets" and friends
    std::vector<PartitionInfo> partitions;
    QString error;
    qint64 count() const
    {
        qint64 n = 0;
        for (const PartitionInfo &p : partitions)
            n += p.count();
        return n;
    }
};

struct BrokerInfo
{
    qint32 id = -1;
    QString host;
    int port = 0;
};

struct ClusterSnapshot
{
    bool ok = false;
    QString error;  // "Cannot reach Kafka at ...: ..."
    qint64 takenMs = 0;
    qint32 controllerId = -1;
    std::vector<BrokerInfo> brokers;
    std::vector<TopicInfo> topics; // sorted by name
    const TopicInfo *topic(const QString &name) const
    {
        for (const TopicInfo &t : topics) {
            if (t.name == name)
                return &t;
        }
        return nullptr;
    }
};

struct GroupPartitionLag
{
    QString topic;
    qint32 partition = 0;
    qint64 committed = -1; // -1: nothing committed
    qint64 high = -1;
    qint64 lag = 0;        // messages behind the high watermark
    qint64 lagMs = -1;     // age of the oldest unconsumed record; -1 unknown, 0 caught up
};

struct GroupMember
{
    QString memberId;
    QString clientId;
    QString host;
    QStringList assignment; // "topic[partition]"
};

struct ConsumerGroupInfo
{
    QString group;
    QString state;    // "Stable", "Empty", ... as the broker says; empty when not described
    QString protocol;
    std::vector<GroupMember> members;
    std::vector<GroupPartitionLag> partitions;
    QString error;
    qint64 totalLag() const
    {
        qint64 n = 0;
        for (const GroupPartitionLag &p : partitions)
            n += p.lag;
        return n;
    }
    qint64 maxLagMs() const
    {
        qint64 m = -1;
        for (const GroupPartitionLag &p : partitions)
            m = std::max(m, p.lagMs);
        return m;
    }
};

struct ConsumerGroupsSnapshot
{
    qint64 takenMs = 0;
    QString error;           // listing failed
    QString listingNote;     // e.g. the cluster does not list groups: only watched ones shown
    std::vector<ConsumerGroupInfo> groups;
};

} // namespace ndh

Q_DECLARE_METATYPE(ndh::TopicScanRequest)
Q_DECLARE_METATYPE(ndh::TopicScanBatchPtr)
Q_DECLARE_METATYPE(ndh::TopicScanStatus)
Q_DECLARE_METATYPE(ndh::ClusterSnapshot)
Q_DECLARE_METATYPE(ndh::ConsumerGroupsSnapshot)
