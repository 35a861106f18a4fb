#pragma once
// The topic browser's message scanner (issue 5): a worker on its own thread that
// reads one or more topics with assign() (never a consumer group), from the
// beginning, the end (follow), an offset, a timestamp or the last N of each
// partition, up to the end the partitions had when the scan began, an offset, a
// time, a number of matches, or forever (follow). Filters apply while consuming; only
// matches are kept, merged by record time across partitions or per partition in
// arrival order, and handed to the GUI in paced batches with live scanned/matched
// counts. A timestamp start uses offsetsForTimes when the cluster answers it; the
// embedded broker does not (DESIGN.md §4), which is detected (a lookup at time 0
// gives no offset on a non-empty partition), and then a binary search over offsets
// reading single records finds the start (a bounded number of fetches), and the
// status says which way was used.
//
// The same worker scans an opened log (records in memory) with the same filters,
// order and hand-off, so the browser works offline.

#include "consumer_config.h"
#include "envelope_decoder.h"
#include "topic_scan.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <atomic>
#include <deque>
#include <memory>

class QTimer;
struct rd_kafka_s;
struct rd_kafka_queue_s;

namespace ndh {

class TopicScanner : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxMergeBuffered = 50'000; // matches held back for the time merge
    static constexpr int kMessagesPerPoll = 2000;
    static constexpr int kMaxTimeSearchRounds = 64;         // binary search for a start time: > log2 of any range
    static constexpr int kTimeSearchRoundTimeoutMs = 5000;  // one probe per partition per round

    // `inFlight` counts batches the GUI has not applied yet (DESIGN.md §3 pacing).
    TopicScanner(ConsumerConfig config, std::shared_ptr<std::atomic<int>> inFlight, QObject *parent = nullptr);
    ~TopicScanner() override;

    // Cancels from any thread; the scan ends at its next poll.
    void requestCancel() { m_cancel.store(true); }

public slots:
    void startScan(quint64 scanId, const ndh::TopicScanRequest &request);
    // Scans records already in memory (an opened log) instead of the cluster.
    void startLogScan(quint64 scanId, const ndh::TopicScanRequest &request,
                      std::shared_ptr<const std::vector<ndh::LogRecord>> records);
    void cancel();
    void shutdown();

signals:
    void batchReady(const ndh::TopicScanBatchPtr &batch);
    void statusChanged(const ndh::TopicScanStatus &status);

private:
    struct Partition;
    struct Match;
    struct TimeSearch
    {
        int rounds = 0;
        int fetches = 0;    // single-record probes, all partitions
        int unanswered = 0; // partitions left where the search got to
    };
    TimeSearch searchStartByTime(qint64 timeMs);
    bool begin(quint64 scanId, const TopicScanRequest &request, std::shared_ptr<const std::vector<LogRecord>> logRecords);
    void poll();
    void pollLog();
    void accept(Partition &p, LogRecord &&record);
    void drainMerge(bool all);
    void emitMatch(Match &&m);
    void handOff(bool force);
    void finish(TopicScanStatus::State state, const QString &message);
    void fail(const QString &message);
    void setState(TopicScanStatus::State state, const QString &message = {});
    void closeConsumer();
    bool allDone() const;
    QString countsText() const;       // "1,234 scanned, 56 matched"
    bool stopCountReached() const;
    double progress() const;

    ConsumerConfig m_config;
    std::shared_ptr<std::atomic<int>> m_inFlight;
    EnvelopeDecoder m_decoder;
    std::atomic<bool> m_cancel{false};
    QTimer *m_timer = nullptr;

    quint64 m_scanId = 0;
    TopicScanRequest m_request;
    MessageFilter m_filter;
    TopicScanStatus m_status;
    rd_kafka_s *m_rk = nullptr;
    rd_kafka_queue_s *m_queue = nullptr;
    QString m_lastClientError;
    std::vector<std::unique_ptr<Partition>> m_partitions;
    QHash<QString, Partition *> m_byKey;        // "topic\npartition"
    QHash<const void *, QString> m_topicNames;  // rd_kafka_topic_t -> name
    qint64 m_skipBeforeMs = std::numeric_limits<qint64>::min(); // timestamp fallback
    std::unique_ptr<TopicScanBatch> m_pending;
    QElapsedTimer m_sinceHandOff;
    quint64 m_scanned = 0;
    quint64 m_matched = 0; // handed to the GUI (after the merge)
    quint64 m_skipped = 0;
    qint64 m_bytes = 0;
    int m_buffered = 0;
    bool m_running = false;
    bool m_mergeOverflowed = false;

    std::shared_ptr<const std::vector<LogRecord>> m_logRecords;
    size_t m_logPosition = 0;
};

} // namespace ndh
