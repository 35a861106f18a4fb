#pragma once
// The backend thread of DESIGN.md §3, seen from the GUI thread: starts a worker on a
// named QThread that owns the librdkafka consumer, decodes in batches and hands over
// at most ~30 batches a second. Commands go in by queued invocation; results come
// out as queued signals. stop() is bounded even when brokers are unreachable.

#include "batch_hand_off.h"
#include "connection_health.h"
#include "connection_status.h"
#include "consumer_config.h"
#include "log_record.h"
#include "plant_event.h"
#include "redis_client.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>
#include <vector>

class QThread;

namespace ndh {

class EnvelopePublisher;
class KafkaConsumerWorker;
class RawRecordJournal;
class RedisClient;

class IngestBackend : public QObject
{
    Q_OBJECT
public:
    explicit IngestBackend(ConsumerConfig config, QObject *parent = nullptr);
    ~IngestBackend() override; // calls stop()

    void start();
    // Asks the worker to close and waits at most timeoutMs for the thread.
    void stop(int timeoutMs = 4000);
    bool isRunning() const;
    const ConsumerConfig &config() const { return m_config; }
    // Redis beside Kafka (DESIGN.md §1.4): set before start(); its worker shares the
    // backend thread and the batch hand-off, its link state comes as redisStatusChanged.
    void setRedisConfig(RedisConfig config) { m_redisConfig = std::move(config); }
    const RedisConfig &redisConfig() const { return m_redisConfig; }
    // The raw Kafka records of the session go into this bounded journal too, so File >
    // Export can write the live session (set before start(); optional).
    void setJournal(std::shared_ptr<RawRecordJournal> journal) { m_journal = std::move(journal); }

    // Operator actions out (DESIGN.md §8): handed by queued invocation to the
    // EnvelopePublisher on the backend thread; published() follows once per call,
    // also when the backend is not running (then with ok = false).
    void publish(const QString &topic, const QByteArray &key, const QByteArray &payload,
                 const QString &correlationId, const std::vector<ndh::LogHeader> &headers = {});

    // For a receiver that applies a batch over later event-loop turns (PlantModels
    // with an apply budget: connect its batchHeld and batchReleased here): while it
    // holds a batch the worker keeps coalescing, and the GUI time measured for the
    // batch includes laterNs, what the receiver spent on it after batchReady returned.
    void holdBatch(const ndh::EventBatchPtr &batch);
    void releaseBatch(const ndh::EventBatchPtr &batch, qint64 laterNs);

signals:
    void published(const QString &correlationId, bool ok, const QString &error);
    void batchReady(const ndh::EventBatchPtr &batch);
    void statusChanged(const ndh::ConnectionStatus &status);
    // Per broker and partition, once per statistics interval (connection health view).
    void healthChanged(const ndh::KafkaHealth &health);
    void redisStatusChanged(const ndh::ConnectionStatus &status);
    void redisSnapshotProgress(quint64 read, quint64 total);
    void redisSnapshotFinished(quint64 keys, qint64 elapsedMs);

private:
    // Relays a worker batch and marks it taken once every direct receiver ran, so
    // the worker coalesces instead of queueing batches behind a busy GUI.
    void relayBatch(const ndh::EventBatchPtr &batch);
    void notePace(qint64 events, qint64 ns);

    ConsumerConfig m_config;
    std::shared_ptr<std::atomic<int>> m_inFlight = std::make_shared<std::atomic<int>>(0);
    // GUI nanoseconds per event over recent hand-offs (a moving average), read by the
    // worker to size its slices (ConsumerConfig::guiBudgetMsPerHandoff).
    std::shared_ptr<std::atomic<qint64>> m_guiNsPerEvent = std::make_shared<std::atomic<qint64>>(0);
    // Notified each time m_inFlight goes down: the worker waits on it with a slice ready.
    std::shared_ptr<ReleaseSignal> m_released = std::make_shared<ReleaseSignal>();
    const EventBatch *m_relaying = nullptr; // inside relayBatch's emit
    bool m_relayHeld = false;
    struct Held
    {
        const EventBatch *batch;
        qint64 relayNs;
    };
    std::vector<Held> m_held; // relayed, not yet released by its receiver
    QThread *m_thread = nullptr;
    QPointer<KafkaConsumerWorker> m_worker;
    RedisConfig m_redisConfig;
    std::shared_ptr<RawRecordJournal> m_journal;
    QPointer<RedisClient> m_redis;
    QPointer<EnvelopePublisher> m_publisher;
};

} // namespace ndh
