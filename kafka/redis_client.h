#pragma once
// The Redis side of the backend (DESIGN.md §1.4, §3): a worker on the same
// "ndh-backend" thread as the Kafka consumer. On every (re)connect it first
// subscribes to the NDH pub/sub channels, then reads the current state of every
// asset (incremental SCAN MATCH prefix + pipelined HGETALL, never KEYS) and hands
// both over as Snapshot / decoded PlantEvents (source channel Redis) in the same
// coalesced EventBatch hand-off as Kafka. Subscribing before reading means nothing
// published during an outage is lost: it is either in the hashes or on the channel.
// Liveness: a heartbeat PUBLISH on the command connection every second, received
// back on the subscriber; a missing reply or echo reports Redis down within 3 s.
// The heartbeat's reply time is the round trip shown in the connection health view.
// The heartbeat needs PUBLISH on its channel (ACL); a user without it is told once
// (status note) and liveness falls back to PING (docs/REDIS.md). A user without
// SUBSCRIBE is told the same way and still gets the state read on connect.
// Reconnects with backoff; credential/ACL refusals back off for long (no storm).
// Bad data (non-hash keys, garbage JSON, oversized hashes) becomes dead letters;
// replies become fields and events in redis_state_hash.h.

#include "connection_status.h"
#include "envelope_decoder.h"
#include "plant_event.h"
#include "redis_qt_adapter.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <memory>

class QTimer;

namespace ndh {

struct RedisConfig
{
    bool enabled = false; // the console uses Redis only when asked (--redis)
    RedisEndpoint endpoint;
    // State hashes: one per asset, key = keyPrefix + asset id (docs/REDIS.md).
    QString keyPrefix = QStringLiteral("ndh:state:");
    // Low-latency channels (reference 000's routing table), each carrying NDH envelopes.
    QStringList channels = {QStringLiteral("ndh:asset:status"), QStringLiteral("ndh:asset:alarm"),
                            QStringLiteral("ndh:asset:value")};
    QStringList patterns; // PSUBSCRIBE patterns, e.g. "ndh:asset:*"
    int scanCount = 1000;        // SCAN COUNT hint per page
    int maxReadsInFlight = 4000; // pipelined HGETALLs waiting for replies
    int heartbeatIntervalMs = 1000;
    int heartbeatTimeoutMs = 2500; // echo not back on the subscriber: down
    int backoffInitialMs = 250;
    int backoffMaxMs = 5000;
    int authBackoffMs = 30000; // after a refused password or ACL denial
    int maxHandoffsPerSecond = 30;
    qsizetype maxHashBytes = 1 << 20; // a larger state hash is dead-lettered

};

// "host:port", "host" (port 6379) or "[v6addr]:port". nullopt with error set otherwise.
std::optional<RedisEndpoint> parseRedisAddress(const QString &text, QString *error);

// The command-line naming options shared by ndh-console and `ndhctl simulate`:
// --redis-prefix PREFIX and --redis-channels STATUS,ALARM,VALUE (three names, in the
// routing order). An empty text keeps the default. False with *error set otherwise.
bool applyRedisNaming(RedisConfig &config, const QString &prefix, const QString &channels, QString *error);

class RedisClient : public QObject
{
    Q_OBJECT
public:
    RedisClient(RedisConfig config, std::shared_ptr<std::atomic<int>> inFlight);
    ~RedisClient() override;

    static constexpr size_t kMaxPendingEvents = 200000;
    static constexpr qint64 kRoundTripReportMs = 2000; // round-trip updates to the GUI at most this often

    quint64 connectAttempts() const { return m_attempts; }
    // Raised while the state is read on connect, so the Kafka worker on the same
    // thread does not block the loop meanwhile (KafkaConsumerWorker::setLoopDemand).
    void setLoopDemand(std::shared_ptr<std::atomic<bool>> demand) { m_loopDemand = std::move(demand); }

public slots:
    void start();
    void shutdown(); // closes both connections; does not quit the thread

signals:
    void batchReady(const ndh::EventBatchPtr &batch);
    void statusChanged(const ndh::ConnectionStatus &status);
    // Reading the state on connect: keys read so far of about `total` (DBSIZE).
    void snapshotProgress(quint64 read, quint64 total);
    void snapshotFinished(quint64 keys, qint64 elapsedMs);

private:
    void connectNow();
    void onAdapterReady();
    void onAdapterFailed(const QString &reason, bool authProblem);
    void onSubscribeDenied(const QString &why);
    void subscribeAll();
    void startSnapshot();
    void scanNext();
    void onScanReply(redisReply *reply);
    void onHashReply(const QByteArray &key, redisReply *reply);
    bool finishSnapshotIfDone();
    void onMessage(redisReply *reply);
    void heartbeat();
    void onHeartbeatRefused(const QByteArray &error);
    void onHeartbeatAnswered(qint64 sentNs, bool alone);
    void setSnapshotting(bool on);
    void tick();
    void handOff(bool force);
    void teardown();
    void scheduleReconnect(bool authProblem);
    void setState(ConnectionStatus::State state, const QString &error = {});
    void addDeadLetter(const QByteArray &payload, const QByteArray &key, const QString &reason,
                       const QString &where);
    void emitStatus();

    RedisConfig m_config;
    std::shared_ptr<std::atomic<int>> m_inFlight;
    EnvelopeDecoder m_decoder;
    QPointer<RedisQtAdapter> m_cmd; // commands, SCAN/HGETALL, heartbeat PUBLISH
    QPointer<RedisQtAdapter> m_sub; // SUBSCRIBE only (hiredis allows nothing else there)
    QTimer *m_tickTimer = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    QElapsedTimer m_clock;

    bool m_running = false;
    int m_readyCount = 0;
    int m_subscribedAcks = 0;
    int m_backoffMs = 0;
    quint64 m_attempts = 0;
    quint64 m_generation = 0;

    // Snapshot in progress.
    bool m_snapshotting = false;
    bool m_scanInFlight = false;
    bool m_scanDone = false;
    QByteArray m_cursor = "0";
    int m_readsInFlight = 0;
    quint64 m_keysRead = 0;
    quint64 m_keysTotal = 0;
    qint64 m_snapshotStartMs = 0;
    qint64 m_lastProgressMs = 0;

    // Liveness.
    QByteArray m_heartbeatChannel;
    qint64 m_lastHeartbeatSentMs = 0;
    qint64 m_lastEchoMs = 0;
    bool m_heartbeatWaiting = false;
    bool m_heartbeatDenied = false; // no PUBLISH permission (ACL): liveness by PING only
    bool m_subscribeDenied = false; // no SUBSCRIBE permission (ACL): state read only, liveness by PING
    qint64 m_lastRoundTripReportMs = 0;
    std::shared_ptr<std::atomic<bool>> m_loopDemand;

    std::unique_ptr<EventBatch> m_pending;
    QElapsedTimer m_sinceHandoff;
    ConnectionStatus m_status;
    quint64 m_messagesThisWindow = 0;
    qint64 m_rateWindowStartMs = 0;
};

} // namespace ndh
