#include "plant_simulator.h"

#include "cancellable_thread.h"
#include "kafka_client_conf.h"
#include "kafka_logging.h"
#include "plant_generator.h"

#include <QDateTime>

#include <librdkafka/rdkafka.h>

#include <chrono>
#include <cmath>

namespace ndh {

using Clock = std::chrono::steady_clock;

PlantSimulator::PlantSimulator(QString bootstrap, SimulatorOptions options)
    : m_bootstrap(std::move(bootstrap))
    , m_options(options)
{
}

PlantSimulator::~PlantSimulator()
{
    stop();
    if (m_producer) {
        rd_kafka_destroy(m_producer);
        m_producer = nullptr;
    }
}

QString PlantSimulator::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

void PlantSimulator::setError(const QString &error)
{
    std::lock_guard lock(m_mutex);
    m_error = error;
}

void PlantSimulator::onDelivery(rd_kafka_t *, const rd_kafka_message_t *message, void *opaque)
{
    auto *self = static_cast<PlantSimulator *>(opaque);
    if (message->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        self->m_delivered.fetch_add(1);
    } else {
        self->m_failed.fetch_add(1);
        self->setError(QStringLiteral("Delivery to %1 failed: %2")
                           .arg(QString::fromUtf8(rd_kafka_topic_name(message->rkt)),
                                QString::fromUtf8(rd_kafka_err2str(message->err))));
    }
}

void PlantSimulator::onError(rd_kafka_t *, int err, const char *reason, void *opaque)
{
    auto *self = static_cast<PlantSimulator *>(opaque);
    std::lock_guard lock(self->m_mutex);
    // The per-broker reason says more than the "all brokers down" summary after it.
    if (err != RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN || self->m_lastClientError.isEmpty())
        self->m_lastClientError = QString::fromUtf8(reason);
    qCDebug(lcKafka, "simulator: %s: %s", rd_kafka_err2name(rd_kafka_resp_err_t(err)), reason);
}

bool PlantSimulator::start(int connectTimeoutMs)
{
    if (m_producer)
        return false;
    if (m_options.rate < 0 || !std::isfinite(m_options.rate)) {
        setError(QStringLiteral("The rate must be a positive number of messages per second"));
        return false;
    }
    KafkaClientConf conf;
    conf.set(QStringLiteral("bootstrap.servers"), m_bootstrap);
    conf.set(QStringLiteral("client.id"), QStringLiteral("ndh-plant-simulator"));
    // Small batches keep the demo live; the delivery timeout bounds how long a
    // record may wait for a broker that went away.
    conf.set(QStringLiteral("linger.ms"), QStringLiteral("5"));
    conf.set(QStringLiteral("message.timeout.ms"), QStringLiteral("30000"));
    conf.set(QStringLiteral("reconnect.backoff.max.ms"), QStringLiteral("2000"));
    conf.set(QStringLiteral("log.connection.close"), QStringLiteral("false"));
    rd_kafka_conf_set_opaque(conf.raw(), this);
    rd_kafka_conf_set_dr_msg_cb(conf.raw(), &PlantSimulator::onDelivery);
    rd_kafka_conf_set_error_cb(conf.raw(), &PlantSimulator::onError);
    m_producer = conf.createProducer();
    if (!m_producer) {
        setError(conf.error());
        return false;
    }

    // A metadata round trip proves the cluster is there before we promise a run.
    const rd_kafka_metadata_t *md = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(m_producer, 0, nullptr, &md, std::max(1, connectTimeoutMs));
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        rd_kafka_poll(m_producer, 0); // serves the error callback that knows why
        QString detail;
        {
            std::lock_guard lock(m_mutex);
            detail = m_lastClientError;
        }
        setError(QStringLiteral("Cannot reach Kafka at %1: %2")
                     .arg(m_bootstrap, detail.isEmpty() ? QString::fromUtf8(rd_kafka_err2str(err))
                                                        : operatorReason(detail)));
        rd_kafka_destroy(m_producer);
        m_producer = nullptr;
        return false;
    }
    rd_kafka_metadata_destroy(md);

    m_stopRequested = false;
    m_finished = false;
    m_thread = std::thread([this] {
        runBehindTheGui(); // in --demo the plant shares the cores with the window
        run();
    });
    return true;
}

void PlantSimulator::requestStop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopRequested = true;
    }
    m_wake.notify_all();
}

void PlantSimulator::stop(int flushTimeoutMs)
{
    if (!m_thread.joinable())
        return;
    m_flushTimeoutMs = std::min(m_flushTimeoutMs.load(), flushTimeoutMs);
    requestStop();
    m_thread.join();
}

bool PlantSimulator::waitFinished(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return m_finished.load(); });
    const bool done = m_finished.load();
    lock.unlock();
    if (done && m_thread.joinable())
        m_thread.join();
    return done;
}

void PlantSimulator::postCommand(const QString &assetId, const QString &command,
                                 const QList<QPair<QString, QVariant>> &parameters)
{
    std::lock_guard lock(m_mutex);
    if (m_posted.size() < 1000) // bounded: a stalled simulator does not pile up commands
        m_posted.push_back({assetId, command, parameters});
}

void PlantSimulator::run()
{
    PlantGenerator generator(m_options.seed, m_options.assets);
    generator.setAlarmScenarios(m_options.scenarios);
    const bool simulatedClock = m_options.startTimeMs >= 0;
    const double rate = m_options.rate;
    // With a simulated clock the duration is simulated time too, so a duration run is
    // as reproducible as a count run.
    qint64 limit = m_options.count;
    if (simulatedClock && m_options.durationSec >= 0 && rate > 0) {
        const auto byDuration = qint64(std::llround(m_options.durationSec * rate));
        limit = limit < 0 ? byDuration : std::min(limit, byDuration);
    }
    const auto started = Clock::now();
    auto paceOrigin = started;
    qint64 paceBase = 0; // record index paceOrigin corresponds to

    for (qint64 n = 0; !m_stopRequested.load(); ++n) {
        if (limit >= 0 && n >= limit)
            break;
        const auto now = Clock::now();
        if (!simulatedClock && m_options.durationSec >= 0
            && std::chrono::duration<double>(now - started).count() >= m_options.durationSec)
            break;
        if (rate > 0) {
            auto due = paceOrigin + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(double(n - paceBase) / rate));
            // After a stall (broker away, machine busy) do not burst to catch up.
            if (now - due > std::chrono::seconds(1)) {
                paceOrigin = now;
                paceBase = n;
                due = now;
            }
            std::unique_lock lock(m_mutex);
            m_wake.wait_until(lock, due, [this] { return m_stopRequested.load(); });
            if (m_stopRequested.load())
                break;
        }
        const qint64 nowMs = simulatedClock
                                 ? m_options.startTimeMs + (rate > 0 ? qint64(std::llround(double(n) * 1000.0 / rate)) : n)
                                 : QDateTime::currentMSecsSinceEpoch();
        std::vector<PostedCommand> posted;
        {
            std::lock_guard lock(m_mutex);
            posted.swap(m_posted);
        }
        for (const PostedCommand &c : posted)
            generator.applyCommand(c.assetId, c.command, c.parameters, nowMs);
        const PlantRecord record = generator.next(nowMs);
        if (m_tap)
            m_tap(record);
        for (;;) {
            const rd_kafka_resp_err_t err = rd_kafka_producev(
                m_producer, RD_KAFKA_V_TOPIC(record.topic.constData()),
                RD_KAFKA_V_KEY(const_cast<char *>(record.key.constData()), size_t(record.key.size())),
                RD_KAFKA_V_VALUE(const_cast<char *>(record.payload.constData()), size_t(record.payload.size())),
                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_TIMESTAMP(record.timestampMs),
                RD_KAFKA_V_END);
            if (err == RD_KAFKA_RESP_ERR_NO_ERROR) {
                m_produced.fetch_add(1);
                break;
            }
            if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL || m_stopRequested.load()) {
                m_failed.fetch_add(1);
                setError(QStringLiteral("Cannot produce to %1: %2")
                             .arg(QString::fromUtf8(record.topic), QString::fromUtf8(rd_kafka_err2str(err))));
                break;
            }
            rd_kafka_poll(m_producer, 50); // queue full: let deliveries drain
        }
        rd_kafka_poll(m_producer, 0);
    }

    // Flush in slices so that stop() can shorten the allowance while we wait.
    const auto flushStart = Clock::now();
    while (rd_kafka_outq_len(m_producer) > 0
           && Clock::now() - flushStart < std::chrono::milliseconds(m_flushTimeoutMs.load()))
        rd_kafka_flush(m_producer, 100);
    if (rd_kafka_outq_len(m_producer) > 0) {
        // Give up on what is left so destroying the producer does not wait on it.
        rd_kafka_purge(m_producer, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
        rd_kafka_poll(m_producer, 0);
    }
    m_elapsedSec = std::chrono::duration<double>(Clock::now() - started).count();
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
    }
    m_wake.notify_all();
    qCDebug(lcKafka, "simulator: %llu produced, %llu delivered, %llu failed in %.1f s",
           static_cast<unsigned long long>(m_produced.load()), static_cast<unsigned long long>(m_delivered.load()),
           static_cast<unsigned long long>(m_failed.load()), m_elapsedSec.load());
}

} // namespace ndh
