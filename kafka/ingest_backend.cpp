#include "ingest_backend.h"

#include "cancellable_thread.h"
#include "envelope_publisher.h"
#include "kafka_consumer_worker.h"
#include "kafka_logging.h"
#include "redis_client.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QThread>

#include <algorithm>

namespace ndh {

IngestBackend::IngestBackend(ConsumerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    // Queued signals across the backend thread carry these types.
    qRegisterMetaType<ndh::EventBatchPtr>("ndh::EventBatchPtr");
    qRegisterMetaType<ndh::ConnectionStatus>("ndh::ConnectionStatus");
    qRegisterMetaType<ndh::KafkaHealth>("ndh::KafkaHealth");
}

IngestBackend::~IngestBackend()
{
    stop();
}

void IngestBackend::start()
{
    if (m_thread)
        return;
    m_inFlight->store(0);
    m_held.clear();
    // No QObject parent: if the thread ever fails to stop in time it must outlive us.
    m_thread = newWorkerThread(QStringLiteral("ndh-backend"));
    auto *worker = new KafkaConsumerWorker(m_config, m_inFlight);
    worker->setJournal(m_journal);
    // The Redis state read asks the Kafka worker not to block the shared thread.
    const auto loopDemand = std::make_shared<std::atomic<bool>>(false);
    worker->setLoopDemand(loopDemand);
    worker->setGuiPace(m_guiNsPerEvent);
    worker->setReleaseSignal(m_released);
    worker->moveToThread(m_thread);
    m_worker = worker;
    connect(m_thread, &QThread::started, worker, &KafkaConsumerWorker::start);
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &KafkaConsumerWorker::batchReady, this, &IngestBackend::relayBatch, Qt::QueuedConnection);
    connect(worker, &KafkaConsumerWorker::statusChanged, this, &IngestBackend::statusChanged,
            Qt::QueuedConnection);
    connect(worker, &KafkaConsumerWorker::healthChanged, this, &IngestBackend::healthChanged,
            Qt::QueuedConnection);
    // The action producer shares the thread: one backend thread owns librdkafka.
    auto *publisher = new EnvelopePublisher(m_config.bootstrap, m_config.extraProperties);
    publisher->moveToThread(m_thread);
    m_publisher = publisher;
    connect(m_thread, &QThread::finished, publisher, &QObject::deleteLater);
    connect(publisher, &EnvelopePublisher::published, this, &IngestBackend::published, Qt::QueuedConnection);
    if (m_redisConfig.enabled) {
        // Same thread, same in-flight counter: Redis and Kafka batches are coalesced
        // together, never more than one waiting for the GUI.
        auto *redis = new RedisClient(m_redisConfig, m_inFlight);
        redis->setLoopDemand(loopDemand);
        redis->moveToThread(m_thread);
        m_redis = redis;
        connect(m_thread, &QThread::started, redis, &RedisClient::start);
        connect(m_thread, &QThread::finished, redis, &QObject::deleteLater);
        connect(redis, &RedisClient::batchReady, this, &IngestBackend::relayBatch, Qt::QueuedConnection);
        connect(redis, &RedisClient::statusChanged, this, &IngestBackend::redisStatusChanged, Qt::QueuedConnection);
        connect(redis, &RedisClient::snapshotProgress, this, &IngestBackend::redisSnapshotProgress,
                Qt::QueuedConnection);
        connect(redis, &RedisClient::snapshotFinished, this, &IngestBackend::redisSnapshotFinished,
                Qt::QueuedConnection);
    }
    m_thread->start();
}

void IngestBackend::publish(const QString &topic, const QByteArray &key, const QByteArray &payload,
                            const QString &correlationId, const std::vector<LogHeader> &headers)
{
    if (!m_thread || !m_publisher) {
        QMetaObject::invokeMethod(
            this, [this, correlationId] { emit published(correlationId, false, tr("Not connected to Kafka")); },
            Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(
        m_publisher.data(),
        [p = m_publisher.data(), topic, key, payload, correlationId, headers] {
            p->publish(topic, key, payload, correlationId, headers);
        },
        Qt::QueuedConnection);
}

void IngestBackend::relayBatch(const ndh::EventBatchPtr &batch)
{
    QElapsedTimer spent;
    spent.start();
    m_relaying = batch.get();
    m_relayHeld = false;
    emit batchReady(batch);
    m_relaying = nullptr;
    if (m_relayHeld) {
        m_held.push_back({batch.get(), spent.nsecsElapsed()}); // taken on releaseBatch()
        return;
    }
    notePace(qint64(batch->events.size()), spent.nsecsElapsed());
    m_inFlight->fetch_sub(1);
    m_released->notify(); // the worker's next slice goes now
}

void IngestBackend::notePace(qint64 events, qint64 ns)
{
    // What the receivers spent per event, averaged over hand-offs big enough to say.
    if (events >= 64) {
        const qint64 sample = std::max<qint64>(1, ns / events);
        const qint64 old = m_guiNsPerEvent->load(std::memory_order_relaxed);
        m_guiNsPerEvent->store(old > 0 ? (3 * old + sample) / 4 : sample, std::memory_order_relaxed);
    }
}

void IngestBackend::holdBatch(const ndh::EventBatchPtr &batch)
{
    if (batch && batch.get() == m_relaying) // another source's batches are not ours to hold
        m_relayHeld = true;
}

void IngestBackend::releaseBatch(const ndh::EventBatchPtr &batch, qint64 laterNs)
{
    const auto it = std::find_if(m_held.begin(), m_held.end(), [&](const Held &h) { return h.batch == batch.get(); });
    if (it == m_held.end())
        return;
    notePace(qint64(batch->events.size()), it->relayNs + laterNs);
    m_held.erase(it);
    m_inFlight->fetch_sub(1);
    m_released->notify(); // the worker's next slice goes now
}

void IngestBackend::stop(int timeoutMs)
{
    if (!m_thread)
        return;
    QThread *thread = m_thread;
    m_thread = nullptr;
    // Queued before the worker's shutdown (which quits the thread), so outstanding
    // actions get a bounded chance to be confirmed.
    if (m_publisher)
        QMetaObject::invokeMethod(m_publisher.data(), [p = m_publisher.data()] { p->shutdown(1000); },
                                  Qt::QueuedConnection);
    if (m_redis)
        QMetaObject::invokeMethod(m_redis.data(), &RedisClient::shutdown, Qt::QueuedConnection);
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &KafkaConsumerWorker::shutdown, Qt::QueuedConnection);
    else
        thread->quit();
    if (thread->wait(QDeadlineTimer(timeoutMs))) {
        delete thread;
        return;
    }
    // The worker is stuck inside librdkafka. Blocking the GUI longer would be worse
    // than leaving the thread to finish on its own: it deletes itself when it does.
    qCWarning(lcKafka, "backend thread did not stop within %d ms; leaving it to finish", timeoutMs);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    if (thread->isFinished())
        delete thread; // finished between the wait and the connect (drops the posted delete)
}

bool IngestBackend::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

} // namespace ndh
