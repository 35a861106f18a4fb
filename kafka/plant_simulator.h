#pragma once
// Publishes the demo plant (PlantGenerator) into a Kafka cluster from its own thread
// with a librdkafka producer, paced to SimulatorOptions::rate and stopping after
// SimulatorOptions::count records or durationSec seconds. With startTimeMs >= 0 the
// records carry a simulated clock (startTimeMs + n / rate), so a run is byte-for-byte
// reproducible for a seed; otherwise they carry the wall clock.

#include "demo_plant.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QVariant>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

struct rd_kafka_s;
struct rd_kafka_message_s;

namespace ndh {

struct PlantRecord;

class PlantSimulator
{
public:
    PlantSimulator(QString bootstrap, SimulatorOptions options);
    ~PlantSimulator(); // stop()
    PlantSimulator(const PlantSimulator &) = delete;
    PlantSimulator &operator=(const PlantSimulator &) = delete;

    // Connects (bounded by connectTimeoutMs: the cluster must answer a metadata
    // request) and starts publishing. False with error() set on failure.
    bool start(int connectTimeoutMs = 10000);
    // Asks the thread to stop producing; returns at once.
    void requestStop();
    // Stops producing, waits up to flushTimeoutMs for outstanding deliveries, joins.
    void stop(int flushTimeoutMs = 2000);
    // Blocks until the run ended by itself (count/duration/requestStop) and every
    // record was delivered or failed, or until timeoutMs passed. True when finished.
    bool waitFinished(int timeoutMs);
    bool isFinished() const { return m_finished.load(); }

    quint64 produced() const { return m_produced.load(); }   // handed to librdkafka
    quint64 delivered() const { return m_delivered.load(); } // acknowledged by the broker
    quint64 failed() const { return m_failed.load(); }
    QString error() const;           // why start() failed, or the last delivery error
    double elapsedSec() const { return m_elapsedSec.load(); }

    // How long the final flush may take once count/duration is reached.
    void setFlushTimeoutMs(int ms) { m_flushTimeoutMs = ms; }
    // Called on the simulator thread with every record just before it goes to Kafka
    // (the Redis mirror of `ndhctl simulate --redis`). Set before start().
    void setRecordTap(std::function<void(const PlantRecord &)> tap) { m_tap = std::move(tap); }

    // An accepted operator command for the plant (CommandResponder, issue 8); applied
    // by the simulator thread before its next record. Any thread.
    void postCommand(const QString &assetId, const QString &command, const QList<QPair<QString, QVariant>> &parameters);

private:
    struct PostedCommand
    {
        QString assetId;
        QString command;
        QList<QPair<QString, QVariant>> parameters;
    };

    void run();
    void setError(const QString &error);
    static void onDelivery(rd_kafka_s *rk, const rd_kafka_message_s *message, void *opaque);
    static void onError(rd_kafka_s *rk, int err, const char *reason, void *opaque);

    QString m_bootstrap;
    SimulatorOptions m_options;
    rd_kafka_s *m_producer = nullptr;
    std::thread m_thread;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_finished{false};
    std::atomic<quint64> m_produced{0};
    std::atomic<quint64> m_delivered{0};
    std::atomic<quint64> m_failed{0};
    std::atomic<double> m_elapsedSec{0};
    std::atomic<int> m_flushTimeoutMs{30000};
    mutable std::mutex m_mutex; // guards m_error; with m_wake, lets stop() cut a pacing wait short
    std::condition_variable m_wake;
    QString m_error;
    QString m_lastClientError;
    std::function<void(const PlantRecord &)> m_tap;
    std::vector<PostedCommand> m_posted; // guarded by m_mutex
};

} // namespace ndh
