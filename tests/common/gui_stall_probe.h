#pragma once
// Measures how late the GUI thread's event loop serves a 10 ms timer: the stall an
// operator would feel. On a shared, noisy machine a thread also waits for a CPU
// while it is ready to run; Linux counts that wait per thread (schedstat), so the
// probe reports both the raw lateness and the lateness left after subtracting that
// wait, which is what the console itself caused (busy work or blocking on the GUI
// thread). Header-only; create it on the thread to watch.

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace ndhtest {

class GuiStallProbe : public QObject
{
public:
    static constexpr int kIntervalMs = 10;

    explicit GuiStallProbe(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kIntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }

    void start()
    {
        reset();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    // Around work of the test harness itself that blocks this thread (starting a
    // server, running redis-cli): not the console's stall, so not measured.
    void suspend() { m_timer.stop(); }
    void resume()
    {
        m_lastNs = 0;
        m_timer.start();
    }
    // Forget what was measured so far (e.g. before the fault starts).
    void reset()
    {
        m_clock.start();
        m_lastNs = 0;
        m_lastWaitNs = runQueueWaitNs();
        m_maxLateMs = 0;
        m_maxOwnLateMs = 0;
        m_ticks = 0;
        m_lateSamples.clear();
        m_ownSamples.clear();
    }

    // Keep every tick's lateness (wall clock and own), for percentiles over long runs
    // (bench_soak); off by default, the tests need only the maximum.
    void keepSamples(bool keep) { m_keepSamples = keep; }
    const std::vector<float> &latenessSamplesMs() const { return m_lateSamples; }
    const std::vector<float> &ownStallSamplesMs() const { return m_ownSamples; }

    double maxLatenessMs() const { return m_maxLateMs; }    // wall clock
    double maxOwnStallMs() const { return m_maxOwnLateMs; } // minus waiting for a CPU
    quint64 ticks() const { return m_ticks; }
    static bool canSubtractCpuWait() { return QFile::exists(QStringLiteral("/proc/thread-self/schedstat")); }

private:
    // Nanoseconds this thread spent runnable but waiting for a CPU (0 if unknown).
    static qint64 runQueueWaitNs()
    {
        QFile f(QStringLiteral("/proc/thread-self/schedstat"));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        const QList<QByteArray> parts = f.readAll().simplified().split(' ');
        return parts.size() >= 2 ? parts.at(1).toLongLong() : 0;
    }
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 wait = runQueueWaitNs();
        if (m_lastNs > 0) {
            const double lateMs = double(now - m_lastNs) / 1e6 - kIntervalMs;
            const double ownMs = lateMs - double(wait - m_lastWaitNs) / 1e6;
            m_maxLateMs = std::max(m_maxLateMs, lateMs);
            m_maxOwnLateMs = std::max(m_maxOwnLateMs, ownMs);
            if (m_keepSamples) {
                m_lateSamples.push_back(float(std::max(0.0, lateMs)));
                m_ownSamples.push_back(float(std::max(0.0, ownMs)));
            }
        }
        m_lastNs = now;
        m_lastWaitNs = wait;
        ++m_ticks;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_lastWaitNs = 0;
    double m_maxLateMs = 0;
    double m_maxOwnLateMs = 0;
    quint64 m_ticks = 0;
    bool m_keepSamples = false;
    std::vector<float> m_lateSamples;
    std::vector<float> m_ownSamples;
};

} // namespace ndhtest
