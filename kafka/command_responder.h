#pragma once
// The demo plant's answer to operator commands (issue 8): reads
// ndh.assets.commands.request and replies as a plant would, so the console's whole
// command loop runs against the embedded broker. Per command, decided from its
// correlation id (so a run is reproducible): most complete after a short delay
// with a response, some fail with a reason on commands.failed, some get no reply
// at all (the console then says "timed out"). An accepted command is handed to
// the plant (PlantSimulator::postCommand), so a set point or a stop shows up in the
// plant's values. Its own thread, consumer (assign, no group) and producer.

#include <QList>
#include <QPair>
#include <QString>
#include <QVariant>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

namespace ndh {

struct CommandResponderOptions
{
    double failRate = 0.15;   // share of commands refused with a reason
    double silentRate = 0.08; // share of commands that never get a reply
    int minDelayMs = 400;     // reply delay, uniform between these
    int maxDelayMs = 2500;
    quint64 seed = 1;
};

class CommandResponder
{
public:
    using PlantHook = std::function<void(const QString &assetId, const QString &command,
                                         const QList<QPair<QString, QVariant>> &parameters)>;

    CommandResponder(QString bootstrap, CommandResponderOptions options = {});
    ~CommandResponder(); // stop()
    CommandResponder(const CommandResponder &) = delete;
    CommandResponder &operator=(const CommandResponder &) = delete;

    // Called on the responder thread for every command it completes. Set before start().
    void setPlantHook(PlantHook hook) { m_hook = std::move(hook); }

    // Reads the request topic's partitions and their current end (bounded by
    // timeoutMs); every request produced after start() returns is answered.
    bool start(int timeoutMs = 5000);
    void stop();
    QString error() const;

    quint64 requests() const { return m_requests.load(); }
    quint64 completed() const { return m_completed.load(); }
    quint64 failed() const { return m_failed.load(); }
    quint64 silent() const { return m_silent.load(); }

    enum class Outcome { Complete, Fail, Silent };
    // The decision for one correlation id (exposed for tests).
    Outcome outcomeFor(const QString &correlationId) const;

private:
    void run();

    QString m_bootstrap;
    CommandResponderOptions m_options;
    PlantHook m_hook;
    void *m_consumer = nullptr; // rd_kafka_t
    void *m_producer = nullptr;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<quint64> m_requests{0};
    std::atomic<quint64> m_completed{0};
    std::atomic<quint64> m_failed{0};
    std::atomic<quint64> m_silent{0};
    mutable std::mutex m_mutex;
    QString m_error;
};

} // namespace ndh
