#pragma once
// The one background thread of a loader that can be started again once it ended
// (HistoryBackfill's "ndh-backfill", LogFileLoader's "ndh-log-reader"): start()
// refuses while a run is going, reaps the previous thread, clears the cancel flag
// and starts the body under its name; the body polls cancelled().

#include <QString>
#include <QThread>

#include <atomic>
#include <functional>

namespace ndh {

// Background threads (consuming, decoding, scanning, loading) yield the two cores
// to the GUI thread when both want them: the calling thread's nice value is raised
// (per thread on Linux; threads it creates afterwards, librdkafka's, inherit it), so
// under full load the GUI's event loop is not preempted by the work it waits for.
// The value is the GUI (main) thread's plus NDH_WORKER_NICE (default 5; 0: the same);
// a thread already that far behind (started by another worker) stays where it is.
// QThread priorities do nothing for ordinary threads on Linux.
void runBehindTheGui();
// A QThread named `name` whose started() first calls runBehindTheGui().
QThread *newWorkerThread(const QString &name);

class CancellableThread
{
public:
    CancellableThread() = default;
    // Deletes an ended thread; one still running is left alone (owners cancel and
    // wait, bounded, before they go), since deleting a running QThread aborts.
    ~CancellableThread();
    CancellableThread(const CancellableThread &) = delete;
    CancellableThread &operator=(const CancellableThread &) = delete;

    // False, and nothing started, while a run is going.
    bool start(const QString &name, std::function<void()> body,
               QThread::Priority priority = QThread::InheritPriority);
    void cancel() { m_cancel = true; }
    bool cancelled() const { return m_cancel.load(); }
    bool isRunning() const { return m_thread && m_thread->isRunning(); }
    // True once no run is going (at once when none was started).
    bool wait(int timeoutMs) { return !m_thread || m_thread->wait(QDeadlineTimer(timeoutMs)); }

private:
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
};

} // namespace ndh
