#pragma once
// The topic browser's backend seen from the GUI thread (issue 5): a scanner on the
// "ndh-topic-scan" thread and a cluster watcher on the "ndh-topic-watch" thread, so
// a long scan never delays the live view of the cluster or the plant's own ingest.
// Commands go in by queued invocation; batches, statuses and snapshots come out as
// queued signals; scan batches are paced (DESIGN.md §3) and marked taken once every
// receiver ran. A batch of more than kRowsPerTurn records (the scanner coalesces
// while the GUI is busy, with the plant's ingest for one) reaches the receivers in
// slices of that many, one event-loop turn each, so the GUI keeps answering (a slice
// is a view of the batch's records, nothing copied; a batch delivered is freed on
// the scanner's thread, which built it); statuses wait behind the slices, in order.
// stop() is bounded even when brokers are unreachable.

#include "consumer_config.h"
#include "topic_scan.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <deque>
#include <memory>
#include <optional>

class QThread;

namespace ndh {

class ClusterWatcher;
class TopicScanner;

class TopicBrowserBackend : public QObject
{
    Q_OBJECT
public:
    explicit TopicBrowserBackend(ConsumerConfig config, QObject *parent = nullptr);
    ~TopicBrowserBackend() override; // stop()

    // Starts the threads; the cluster view refreshes every refreshMs (0: no cluster
    // view, e.g. offline on a log).
    void start(int refreshMs = 2000);
    void stop(int timeoutMs = 3000);

    // A new scan replaces the running one; returns its id (batches carry it).
    quint64 startScan(const TopicScanRequest &request);
    quint64 startLogScan(const TopicScanRequest &request, std::shared_ptr<const std::vector<LogRecord>> records);
    void cancelScan();
    void setWatchedGroups(const QStringList &groups);
    void refreshNow();
    quint64 currentScanId() const { return m_scanId; }

    // Records a receiver gets in one event-loop turn at most (~2 ms of the message
    // view's append on this machine).
    static constexpr size_t kRowsPerTurn = 2000;

signals:
    void scanBatch(const ndh::TopicScanBatchPtr &batch);
    void scanStatus(const ndh::TopicScanStatus &status);
    void clusterChanged(const ndh::ClusterSnapshot &snapshot);
    void groupsChanged(const ndh::ConsumerGroupsSnapshot &snapshot);

private:
    // A scanner batch (from `next` on) or a status, waiting for its turn.
    struct Queued
    {
        TopicScanBatchPtr batch;
        size_t next = 0;
        std::optional<TopicScanStatus> status;
    };
    void deliverQueued();
    void dropQueued();
    void dispose(TopicScanBatchPtr batch);

    ConsumerConfig m_config;
    std::deque<Queued> m_queued;
    bool m_deliveryScheduled = false;
    std::shared_ptr<std::atomic<int>> m_inFlight = std::make_shared<std::atomic<int>>(0);
    QThread *m_scanThread = nullptr;
    QThread *m_watchThread = nullptr;
    QPointer<TopicScanner> m_scanner;
    QPointer<ClusterWatcher> m_watcher;
    quint64 m_scanId = 0;
};

} // namespace ndh
