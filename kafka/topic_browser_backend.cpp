#include "topic_browser_backend.h"

#include "cancellable_thread.h"
#include "cluster_watcher.h"
#include "kafka_logging.h"
#include "topic_scanner.h"

#include <QDeadlineTimer>
#include <QThread>
#include <QTimer>

namespace ndh {

namespace {
// Waits for a thread within the deadline; a thread stuck in librdkafka is left to
// finish and delete itself rather than block the GUI.
void stopThread(QThread *thread, const QDeadlineTimer &deadline)
{
    if (!thread)
        return;
    if (thread->wait(deadline)) {
        delete thread;
        return;
    }
    qCWarning(lcKafka, "%s did not stop in time; leaving it to finish", qPrintable(thread->objectName()));
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    if (thread->isFinished())
        delete thread;
}
} // namespace

TopicBrowserBackend::TopicBrowserBackend(ConsumerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    qRegisterMetaType<ndh::TopicScanBatchPtr>("ndh::TopicScanBatchPtr");
    qRegisterMetaType<ndh::TopicScanStatus>("ndh::TopicScanStatus");
    qRegisterMetaType<ndh::ClusterSnapshot>("ndh::ClusterSnapshot");
    qRegisterMetaType<ndh::ConsumerGroupsSnapshot>("ndh::ConsumerGroupsSnapshot");
}

TopicBrowserBackend::~TopicBrowserBackend()
{
    stop();
}

void TopicBrowserBackend::start(int refreshMs)
{
    if (m_scanThread)
        return;
    m_scanThread = newWorkerThread(QStringLiteral("ndh-topic-scan"));
    auto *scanner = new TopicScanner(m_config, m_inFlight);
    scanner->moveToThread(m_scanThread);
    m_scanner = scanner;
    connect(m_scanThread, &QThread::finished, scanner, &QObject::deleteLater);
    connect(scanner, &TopicScanner::batchReady, this, [this](const TopicScanBatchPtr &batch) {
        m_queued.push_back({batch, 0, std::nullopt});
        deliverQueued();
    }, Qt::QueuedConnection);
    connect(scanner, &TopicScanner::statusChanged, this, [this](const TopicScanStatus &status) {
        if (status.scanId != m_scanId)
            return;
        if (m_queued.empty())
            emit scanStatus(status);
        else
            m_queued.push_back({nullptr, 0, status}); // after the rows it speaks of
    }, Qt::QueuedConnection);
    m_scanThread->start();

    if (refreshMs > 0) {
        m_watchThread = newWorkerThread(QStringLiteral("ndh-topic-watch"));
        auto *watcher = new ClusterWatcher(m_config);
        watcher->moveToThread(m_watchThread);
        m_watcher = watcher;
        connect(m_watchThread, &QThread::finished, watcher, &QObject::deleteLater);
        connect(watcher, &ClusterWatcher::clusterChanged, this, &TopicBrowserBackend::clusterChanged, Qt::QueuedConnection);
        connect(watcher, &ClusterWatcher::groupsChanged, this, &TopicBrowserBackend::groupsChanged, Qt::QueuedConnection);
        connect(m_watchThread, &QThread::started, watcher, [watcher, refreshMs] { watcher->start(refreshMs); });
        m_watchThread->start();
    }
}

void TopicBrowserBackend::deliverQueued()
{
    size_t budget = kRowsPerTurn;
    const auto taken = [this] { // the front batch, all of it delivered or dropped
        dispose(std::move(m_queued.front().batch));
        m_queued.pop_front();
        m_inFlight->fetch_sub(1); // the scanner may hand off again
    };
    while (!m_queued.empty()) {
        Queued &q = m_queued.front();
        if (q.status) {
            if (q.status->scanId == m_scanId)
                emit scanStatus(*q.status);
            m_queued.pop_front();
            continue;
        }
        const TopicScanBatch &batch = *q.batch;
        const size_t n = batch.records.size();
        if (batch.scanId != m_scanId) { // a replaced scan's: dropped, not shown
            taken();
            continue;
        }
        const quint64 scanId = m_scanId;
        if (q.next == 0 && n <= budget) { // fits this turn whole
            budget -= n;
            emit scanBatch(q.batch);
            if (m_scanId != scanId)
                return; // a receiver stopped or replaced the scan: the queue is not what it was
            taken();
            continue;
        }
        if (budget == 0)
            break;
        // The next slice, a view of the batch's records (nothing copied), with the
        // totals as they stood after its last record.
        const size_t end = q.next + std::min(budget, n - q.next);
        auto slice = std::make_shared<TopicScanBatch>();
        slice->scanId = batch.scanId;
        slice->whole = q.batch;
        slice->first = q.next;
        slice->count = end - q.next;
        slice->scanned = batch.scanned;
        slice->matched = batch.matched - quint64(n - end);
        slice->skippedBeforeStart = batch.skippedBeforeStart;
        slice->scannedBytes = batch.scannedBytes;
        slice->partitionsDone = batch.partitionsDone;
        slice->partitionsTotal = batch.partitionsTotal;
        slice->progress = batch.progress;
        budget -= end - q.next;
        q.next = end;
        emit scanBatch(slice);
        slice.reset(); // before taken(): the batch's last reference must not stay here
        if (m_scanId != scanId)
            return;
        if (end == n)
            taken();
    }
    if (!m_queued.empty() && !m_deliveryScheduled) {
        m_deliveryScheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_deliveryScheduled = false;
            deliverQueued();
        });
    }
}

void TopicBrowserBackend::dropQueued()
{
    for (Queued &q : m_queued) {
        if (q.batch) {
            dispose(std::move(q.batch));
            m_inFlight->fetch_sub(1);
        }
    }
    m_queued.clear();
}

// The scanner built the batch's records (two allocations each, in its own thread's
// heap); they are freed there too, not on the GUI thread between its repaints. Sent
// a turn later: the queued call that brought the batch holds a reference of its own
// until it returns. A receiver still holding the batch (a test collecting them) only
// moves where it dies; after stop() it dies here.
void TopicBrowserBackend::dispose(TopicScanBatchPtr batch)
{
    if (!batch || !m_scanner)
        return;
    QTimer::singleShot(0, this, [this, batch = std::move(batch)]() mutable {
        if (m_scanner)
            QMetaObject::invokeMethod(m_scanner.data(), [b = std::move(batch)]() mutable { b.reset(); },
                                      Qt::QueuedConnection);
    });
}

void TopicBrowserBackend::stop(int timeoutMs)
{
    dropQueued();
    const QDeadlineTimer deadline(timeoutMs);
    QThread *scan = m_scanThread;
    QThread *watch = m_watchThread;
    m_scanThread = nullptr;
    m_watchThread = nullptr;
    ++m_scanId; // nothing more reaches the GUI
    if (m_scanner) {
        m_scanner->requestCancel();
        QMetaObject::invokeMethod(m_scanner.data(), &TopicScanner::shutdown, Qt::QueuedConnection);
    } else if (scan) {
        scan->quit();
    }
    if (m_watcher)
        QMetaObject::invokeMethod(m_watcher.data(), &ClusterWatcher::shutdown, Qt::QueuedConnection);
    else if (watch)
        watch->quit();
    // Both delete themselves on their threads from now on: a QPointer read here
    // could turn stale between its check and its use.
    m_scanner = nullptr;
    m_watcher = nullptr;
    stopThread(scan, deadline);
    stopThread(watch, deadline);
}

quint64 TopicBrowserBackend::startScan(const TopicScanRequest &request)
{
    const quint64 id = ++m_scanId;
    if (m_scanner) {
        m_scanner->requestCancel(); // the running scan ends at its next poll
        QMetaObject::invokeMethod(m_scanner.data(), [s = m_scanner.data(), id, request] { s->startScan(id, request); },
                                  Qt::QueuedConnection);
    }
    return id;
}

quint64 TopicBrowserBackend::startLogScan(const TopicScanRequest &request,
                                          std::shared_ptr<const std::vector<LogRecord>> records)
{
    const quint64 id = ++m_scanId;
    if (m_scanner) {
        m_scanner->requestCancel();
        QMetaObject::invokeMethod(
            m_scanner.data(), [s = m_scanner.data(), id, request, records] { s->startLogScan(id, request, records); },
            Qt::QueuedConnection);
    }
    return id;
}

void TopicBrowserBackend::cancelScan()
{
    if (m_scanner) {
        m_scanner->requestCancel();
        QMetaObject::invokeMethod(m_scanner.data(), &TopicScanner::cancel, Qt::QueuedConnection);
    }
}

void TopicBrowserBackend::setWatchedGroups(const QStringList &groups)
{
    if (m_watcher) {
        QMetaObject::invokeMethod(m_watcher.data(), [w = m_watcher.data(), groups] {
            w->setWatchedGroups(groups);
            w->refreshNow();
        }, Qt::QueuedConnection);
    }
}

void TopicBrowserBackend::refreshNow()
{
    if (m_watcher)
        QMetaObject::invokeMethod(m_watcher.data(), &ClusterWatcher::refreshNow, Qt::QueuedConnection);
}

} // namespace ndh
