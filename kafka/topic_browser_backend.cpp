#include "topic_browser_backend.h"

#include "cluster_watcher.h"
#include "kafka_logging.h"
#include "topic_scanner.h"

#include <QDeadlineTimer>
#include <QThread>

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
    m_scanThread = new QThread;
    m_scanThread->setObjectName(QStringLiteral("ndh-topic-scan"));
    auto *scanner = new TopicScanner(m_config, m_inFlight);
    scanner->moveToThread(m_scanThread);
    m_scanner = scanner;
    connect(m_scanThread, &QThread::finished, scanner, &QObject::deleteLater);
    connect(scanner, &TopicScanner::batchReady, this, [this](const TopicScanBatchPtr &batch) {
        // Stale batches of a replaced scan are dropped here, not shown.
        if (batch->scanId == m_scanId)
            emit scanBatch(batch);
        m_inFlight->fetch_sub(1);
    }, Qt::QueuedConnection);
    connect(scanner, &TopicScanner::statusChanged, this, [this](const TopicScanStatus &status) {
        if (status.scanId == m_scanId)
            emit scanStatus(status);
    }, Qt::QueuedConnection);
    m_scanThread->start();

    if (refreshMs > 0) {
        m_watchThread = new QThread;
        m_watchThread->setObjectName(QStringLiteral("ndh-topic-watch"));
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

void TopicBrowserBackend::stop(int timeoutMs)
{
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
