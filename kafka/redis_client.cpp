#include "redis_client.h"

#include "batch_hand_off.h"
#include "redis_state_hash.h"

#include <QLoggingCategory>

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>
#include <QTimer>

#include <hiredis/hiredis.h>

#include <algorithm>

namespace ndh {

namespace {

// SCAN MATCH takes a glob: the prefix itself must match literally.
QByteArray globEscaped(const QByteArray &prefix)
{
    QByteArray out;
    out.reserve(prefix.size() + 4);
    for (char c : prefix) {
        if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

} // namespace

std::optional<RedisEndpoint> parseRedisAddress(const QString &text, QString *error)
{
    RedisEndpoint ep;
    QString host = text.trimmed();
    QString port;
    if (host.startsWith(u'[')) {
        const int close = host.indexOf(u']');
        if (close < 0) {
            if (error)
                *error = QStringLiteral("'%1' is not HOST:PORT (unclosed '[')").arg(text);
            return std::nullopt;
        }
        port = host.mid(close + 1).startsWith(u':') ? host.mid(close + 2) : QString();
        host = host.mid(1, close - 1);
    } else if (host.count(u':') == 1) {
        port = host.section(u':', 1);
        host = host.section(u':', 0, 0);
    }
    if (host.isEmpty()) {
        if (error)
            *error = QStringLiteral("'%1' is not HOST:PORT (no host)").arg(text);
        return std::nullopt;
    }
    ep.host = host;
    if (!port.isEmpty()) {
        bool ok = false;
        const int p = port.toInt(&ok);
        if (!ok || p <= 0 || p > 65535) {
            if (error)
                *error = QStringLiteral("'%1' is not HOST:PORT (bad port '%2')").arg(text, port);
            return std::nullopt;
        }
        ep.port = p;
    }
    return ep;
}

bool applyRedisNaming(RedisConfig &config, const QString &prefix, const QString &channels, QString *error)
{
    const auto bad = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const auto plain = [](const QString &name) {
        for (const QChar c : name) {
            if (c.isSpace() || c == u'*' || c == u'?' || c == u'[' || c == u']')
                return false;
        }
        return !name.isEmpty();
    };
    if (!prefix.isNull()) {
        if (!plain(prefix))
            return bad(QStringLiteral("--redis-prefix '%1' must be a non-empty key prefix without spaces or "
                                      "glob characters (* ? [ ])")
                           .arg(prefix));
        config.keyPrefix = prefix;
    }
    if (!channels.isNull()) {
        const QStringList names = channels.split(u',');
        if (names.size() != 3)
            return bad(QStringLiteral("--redis-channels needs three names, STATUS,ALARM,VALUE (got '%1')").arg(channels));
        QStringList trimmed;
        for (const QString &n : names) {
            if (!plain(n.trimmed()))
                return bad(QStringLiteral("--redis-channels: '%1' is not a channel name (empty, spaces or glob "
                                          "characters)")
                               .arg(n));
            trimmed << n.trimmed();
        }
        config.channels = trimmed;
    }
    return true;
}

RedisClient::RedisClient(RedisConfig config, std::shared_ptr<std::atomic<int>> inFlight)
    : m_config(std::move(config))
    , m_inFlight(std::move(inFlight))
{
    m_status.source = ConnectionStatus::Source::Redis;
    m_status.endpoint = QStringLiteral("Redis ") + m_config.endpoint.displayName();
    m_pending = std::make_unique<EventBatch>();
    m_heartbeatChannel = QByteArrayLiteral("ndh:console:heartbeat:")
                         + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
}

RedisClient::~RedisClient()
{
    teardown();
}

void RedisClient::start()
{
    if (m_running)
        return;
    m_running = true;
    m_clock.start();
    m_sinceHandoff.start();
    m_tickTimer = new QTimer(this);
    m_tickTimer->setInterval(33);
    connect(m_tickTimer, &QTimer::timeout, this, &RedisClient::tick);
    m_tickTimer->start();
    m_reconnectTimer = new QTimer(this);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &RedisClient::connectNow);
    connectNow();
}

void RedisClient::shutdown()
{
    m_running = false;
    if (m_tickTimer)
        m_tickTimer->stop();
    if (m_reconnectTimer)
        m_reconnectTimer->stop();
    teardown();
    setState(ConnectionStatus::State::Disconnected);
}

void RedisClient::teardown()
{
    ++m_generation;
    for (QPointer<RedisQtAdapter> *a : {&m_cmd, &m_sub}) {
        if (*a) {
            (*a)->disconnect(this);
            (*a)->close(); // from now on no handler of it runs
            (*a)->deleteLater();
        }
        *a = nullptr;
    }
    m_readyCount = 0;
    m_subscribedAcks = 0;
    setSnapshotting(false);
    m_scanInFlight = false;
    m_readsInFlight = 0;
}

void RedisClient::connectNow()
{
    if (!m_running)
        return;
    teardown();
    ++m_attempts;
    if (m_status.state != ConnectionStatus::State::BrokerDown)
        setState(ConnectionStatus::State::Connecting);
    const quint64 gen = m_generation;
    for (QPointer<RedisQtAdapter> *slot : {&m_cmd, &m_sub}) {
        auto *adapter = new RedisQtAdapter(this);
        *slot = adapter;
        const bool subscriber = slot == &m_sub;
        connect(adapter, &RedisQtAdapter::ready, this, [this, gen] {
            if (gen == m_generation)
                onAdapterReady();
        });
        connect(adapter, &RedisQtAdapter::failed, this, [this, gen, subscriber](const QString &reason, bool auth) {
            if (gen != m_generation)
                return;
            // The ACL refused SUBSCRIBE (hiredis drops the subscriber connection on it).
            if (subscriber && auth && m_readyCount == 2 && m_subscribedAcks < 0 && m_cmd && m_cmd->isReady())
                onSubscribeDenied(reason);
            else
                onAdapterFailed(reason, auth);
        });
    }
    m_cmd->open(m_config.endpoint);
    if (m_sub)
        m_sub->open(m_config.endpoint);
}

void RedisClient::onAdapterReady()
{
    if (++m_readyCount == 2)
        subscribeAll();
}

void RedisClient::onSubscribeDenied(const QString &why)
{
    // A user allowed to read the state but not to SUBSCRIBE (no &channel or
    // +subscribe in its ACL): that is the site's choice, not an outage. Reconnecting
    // would only be refused again (a retry storm), and the state is still worth
    // having: read it, say once that live updates are off, and keep the command
    // connection's liveness by PING. The next reconnect (after a real outage) tries
    // SUBSCRIBE again, so a corrected ACL takes effect then.
    if (m_sub) {
        m_sub->disconnect(this);
        m_sub->close();
        m_sub->deleteLater();
        m_sub = nullptr;
    }
    m_subscribeDenied = true;
    m_subscribedAcks = 0;
    m_backoffMs = 0;
    m_lastEchoMs = m_clock.elapsed();
    m_heartbeatWaiting = false;
    m_status.note = tr("no live updates: this Redis user may not SUBSCRIBE to the NDH channels; the state is read "
                       "on connect only (%1)")
                        .arg(why);
    qCWarning(lcRedis, "Redis at %s: %s", qPrintable(m_config.endpoint.displayName()), qPrintable(m_status.note));
    setState(ConnectionStatus::State::Connected);
    emit statusChanged(m_status);
    startSnapshot();
}

void RedisClient::onAdapterFailed(const QString &reason, bool authProblem)
{
    teardown();
    setState(ConnectionStatus::State::BrokerDown, reason);
    scheduleReconnect(authProblem);
}

void RedisClient::scheduleReconnect(bool authProblem)
{
    if (!m_running)
        return;
    if (authProblem) {
        // Retrying a refused password at once is a retry storm that may lock the
        // account: wait long, the operator has to fix the credentials anyway.
        m_backoffMs = std::max(m_config.authBackoffMs, m_backoffMs * 2);
    } else {
        m_backoffMs = m_backoffMs <= 0 ? m_config.backoffInitialMs : std::min(m_backoffMs * 2, m_config.backoffMaxMs);
    }
    const int jitter = int(QRandomGenerator::global()->bounded(std::max(1, m_backoffMs / 5)));
    m_reconnectTimer->start(m_backoffMs + jitter);
}

void RedisClient::subscribeAll()
{
    const quint64 gen = m_generation;
    auto handler = [this, gen](redisReply *r) {
        if (gen == m_generation)
            onMessage(r);
    };
    QList<QByteArray> sub{QByteArrayLiteral("SUBSCRIBE"), m_heartbeatChannel};
    for (const QString &c : std::as_const(m_config.channels))
        sub << c.toUtf8();
    m_subscribedAcks = -(int(sub.size()) - 1);
    if (!m_config.patterns.isEmpty()) {
        QList<QByteArray> psub{QByteArrayLiteral("PSUBSCRIBE")};
        for (const QString &p : std::as_const(m_config.patterns))
            psub << p.toUtf8();
        m_subscribedAcks -= int(psub.size()) - 1;
        m_sub->subscribe(psub, handler);
    }
    m_sub->subscribe(sub, handler);
}

void RedisClient::onMessage(redisReply *reply)
{
    if (!reply)
        return;
    const qint64 now = m_clock.elapsed();
    m_lastEchoMs = now; // anything from the subscriber proves it alive
    if (reply->type == REDIS_REPLY_ERROR) {
        bool auth = false;
        const QString why = RedisQtAdapter::explainError(redisReplyBytes(reply), &auth);
        if (auth && m_subscribedAcks < 0)
            onSubscribeDenied(why);
        else
            onAdapterFailed(tr("Redis at %1: SUBSCRIBE failed: %2").arg(m_config.endpoint.displayName(), why), auth);
        return;
    }
    if (reply->type != REDIS_REPLY_ARRAY || reply->elements < 3)
        return;
    const QByteArray kind = redisReplyBytes(reply->element[0]);
    if (kind == "subscribe" || kind == "psubscribe") {
        if (++m_subscribedAcks == 0) {
            // Subscribed to everything: from now on nothing published is missed, so
            // the state read below plus the stream is complete.
            m_backoffMs = 0;
            m_lastEchoMs = now;
            m_heartbeatWaiting = false;
            if (m_subscribeDenied) {
                m_subscribeDenied = false; // the ACL was corrected meanwhile
                m_status.note.clear();
            }
            setState(ConnectionStatus::State::Connected);
            qCInfo(lcRedis, "Redis at %s: subscribed to %lld channels", qPrintable(m_config.endpoint.displayName()),
                   qlonglong(m_config.channels.size() + m_config.patterns.size()));
            startSnapshot();
        }
        return;
    }
    const auto message = redisPubSubMessage(reply);
    if (!message)
        return;
    if (message->channel == m_heartbeatChannel && kind == "message") {
        m_heartbeatWaiting = false;
        return;
    }
    EventSource source;
    source.channel = EventSource::Channel::Redis;
    source.topic = QString::fromUtf8(message->channel);
    source.brokerTimeMs = QDateTime::currentMSecsSinceEpoch();
    m_decoder.decodeOrDeadLetter(message->payload, {}, source, m_pending->events, m_pending->deadLetters,
                                 source.brokerTimeMs);
    ++m_pending->recordsConsumed;
    m_pending->bytesConsumed += quint64(message->payload.size());
    ++m_messagesThisWindow;
}

void RedisClient::setSnapshotting(bool on)
{
    m_snapshotting = on;
    if (m_loopDemand)
        m_loopDemand->store(on, std::memory_order_relaxed);
}

void RedisClient::startSnapshot()
{
    setSnapshotting(true);
    m_scanDone = false;
    m_scanInFlight = false;
    m_cursor = "0";
    m_readsInFlight = 0;
    m_keysRead = 0;
    m_keysTotal = 0;
    m_snapshotStartMs = m_clock.elapsed();
    m_lastProgressMs = 0;
    const quint64 gen = m_generation;
    // DBSIZE counts every key, not just ours: an upper bound for the progress bar.
    m_cmd->command({QByteArrayLiteral("DBSIZE")}, [this, gen](redisReply *r) {
        if (gen == m_generation && r && r->type == REDIS_REPLY_INTEGER)
            m_keysTotal = quint64(std::max<long long>(0, r->integer));
    });
    scanNext();
}

void RedisClient::scanNext()
{
    if (!m_snapshotting || m_scanInFlight || m_scanDone || !m_cmd)
        return;
    if (m_readsInFlight >= m_config.maxReadsInFlight)
        return; // resumed when reads come back
    if (m_pending->events.size() >= kMaxPendingEvents && m_inFlight->load() > 0)
        return; // the GUI is behind: the tick resumes once it took the batch
    const quint64 gen = m_generation;
    m_scanInFlight = true;
    m_cmd->command({QByteArrayLiteral("SCAN"), m_cursor, QByteArrayLiteral("MATCH"),
                    globEscaped(m_config.keyPrefix.toUtf8()) + '*', QByteArrayLiteral("COUNT"),
                    QByteArray::number(std::max(1, m_config.scanCount))},
                   [this, gen](redisReply *r) {
                       if (gen == m_generation)
                           onScanReply(r);
                   });
}

void RedisClient::onScanReply(redisReply *reply)
{
    m_scanInFlight = false;
    if (!reply)
        return;
    if (reply->type == REDIS_REPLY_ERROR) {
        bool auth = false;
        const QString why = RedisQtAdapter::explainError(redisReplyBytes(reply), &auth);
        onAdapterFailed(tr("Redis at %1: reading the state failed: %2").arg(m_config.endpoint.displayName(), why),
                        auth);
        return;
    }
    if (reply->type != REDIS_REPLY_ARRAY || reply->elements != 2 || reply->element[1]->type != REDIS_REPLY_ARRAY)
        return;
    m_cursor = redisReplyBytes(reply->element[0]);
    m_scanDone = m_cursor == "0" || m_cursor.isEmpty();
    const quint64 gen = m_generation;
    const redisReply *keys = reply->element[1];
    for (size_t i = 0; i < keys->elements; ++i) {
        const QByteArray key = redisReplyBytes(keys->element[i]);
        ++m_readsInFlight;
        m_cmd->command({QByteArrayLiteral("HGETALL"), key}, [this, gen, key](redisReply *r) {
            if (gen == m_generation)
                onHashReply(key, r);
        });
    }
    if (!finishSnapshotIfDone())
        scanNext();
}

void RedisClient::onHashReply(const QByteArray &key, redisReply *reply)
{
    --m_readsInFlight;
    if (!reply)
        return;
    const QString where = QStringLiteral("redis:") + QString::fromUtf8(key);
    if (reply->type == REDIS_REPLY_ERROR) {
        bool auth = false;
        const QByteArray err = redisReplyBytes(reply);
        const QString why = RedisQtAdapter::explainError(err, &auth);
        addDeadLetter(err, key,
                      err.startsWith("WRONGTYPE")
                          ? tr("key %1 under the state prefix is not a hash").arg(QString::fromUtf8(key))
                          : tr("reading key %1 failed: %2").arg(QString::fromUtf8(key), why),
                      where);
    } else if (reply->type == REDIS_REPLY_ARRAY && reply->elements >= 2) {
        qsizetype bytes = 0;
        const RedisHashFields fields = redisHashFields(reply, &bytes);
        if (bytes > m_config.maxHashBytes) {
            addDeadLetter(redisHashAsJson(fields), key,
                          tr("state hash %1 is %2 bytes, more than the %3 bytes allowed")
                              .arg(QString::fromUtf8(key))
                              .arg(bytes)
                              .arg(m_config.maxHashBytes),
                          where);
        } else {
            QString reason;
            if (!redisSnapshotFromHash(QString::fromUtf8(key), fields, m_decoder, m_pending->events, &reason))
                addDeadLetter(redisHashAsJson(fields), key, reason, where);
        }
        ++m_pending->recordsConsumed;
        m_pending->bytesConsumed += quint64(bytes);
    }
    ++m_keysRead;
    const qint64 now = m_clock.elapsed();
    if (now - m_lastProgressMs >= 200) {
        m_lastProgressMs = now;
        emit snapshotProgress(m_keysRead, std::max(m_keysTotal, m_keysRead));
        m_status.progress = tr("reading state: %1 assets").arg(QLocale().toString(m_keysRead));
        // DBSIZE counts every key of the database: the bar may end before it is full.
        m_status.progressDone = m_keysRead;
        m_status.progressTotal = std::max(m_keysTotal, m_keysRead);
        emit statusChanged(m_status);
    }
    if (!finishSnapshotIfDone())
        scanNext();
}

bool RedisClient::finishSnapshotIfDone()
{
    if (!m_snapshotting || !m_scanDone || m_readsInFlight > 0 || m_scanInFlight)
        return false;
    setSnapshotting(false);
    const qint64 elapsed = m_clock.elapsed() - m_snapshotStartMs;
    qCInfo(lcRedis, "Redis at %s: read the state of %llu keys in %lld ms",
           qPrintable(m_config.endpoint.displayName()), m_keysRead, elapsed);
    handOff(true);
    emit snapshotProgress(m_keysRead, m_keysRead);
    emit snapshotFinished(m_keysRead, elapsed);
    m_status.progress.clear();
    m_status.progressDone = m_status.progressTotal = 0;
    emit statusChanged(m_status);
    return true;
}

void RedisClient::addDeadLetter(const QByteArray &payload, const QByteArray &key, const QString &reason,
                                const QString &where)
{
    DeadLetter d;
    const qsizetype limit = m_decoder.limits().maxPayloadBytes;
    d.payloadSize = payload.size();
    d.payload = payload.left(limit);
    d.key = key;
    d.reason = reason;
    d.source.channel = EventSource::Channel::Redis;
    d.source.topic = where;
    d.receivedMs = QDateTime::currentMSecsSinceEpoch();
    m_pending->deadLetters.push_back(std::move(d));
}

void RedisClient::heartbeat()
{
    if (!m_cmd || !m_cmd->isReady() || m_subscribedAcks != 0 || m_readyCount != 2)
        return;
    const qint64 now = m_clock.elapsed();
    if (now - m_lastEchoMs > m_config.heartbeatTimeoutMs) {
        onAdapterFailed(tr("Redis at %1 stopped delivering messages (nothing for %2 ms)")
                            .arg(m_config.endpoint.displayName())
                            .arg(now - m_lastEchoMs),
                        false);
        return;
    }
    if (now - m_lastHeartbeatSentMs < m_config.heartbeatIntervalMs)
        return;
    m_lastHeartbeatSentMs = now;
    const quint64 gen = m_generation;
    // Timed only when nothing else is queued on the connection: a heartbeat behind
    // 4,000 pipelined HGETALLs would measure the state read, not the link.
    const bool alone = m_cmd->outstanding() == 0;
    const qint64 sentNs = m_clock.nsecsElapsed();
    if (m_heartbeatDenied || m_subscribeDenied) {
        // Without PUBLISH (or without a subscription to echo it) the server's liveness still shows: an unanswered PING trips
        // the command timeout (a paused server), a closed socket the adapter (a killed
        // server or subscriber). Only a subscription that silently stops delivering
        // while its socket stays open goes unnoticed; the status note says so.
        m_lastEchoMs = now;
        m_cmd->command({QByteArrayLiteral("PING")}, [this, gen, sentNs, alone](redisReply *r) {
            if (gen == m_generation && r && r->type != REDIS_REPLY_ERROR)
                onHeartbeatAnswered(sentNs, alone);
        });
        return;
    }
    m_heartbeatWaiting = true;
    // The reply proves the server answers; the echo on the subscriber proves the
    // subscription still delivers (a killed or dropped subscriber is noticed too).
    m_cmd->command({QByteArrayLiteral("PUBLISH"), m_heartbeatChannel, QByteArray::number(now)},
                   [this, gen, sentNs, alone](redisReply *r) {
                       if (gen != m_generation || !r)
                           return;
                       if (r->type == REDIS_REPLY_ERROR)
                           onHeartbeatRefused(redisReplyBytes(r));
                       else
                           onHeartbeatAnswered(sentNs, alone);
                   });
}

void RedisClient::onHeartbeatAnswered(qint64 sentNs, bool alone)
{
    if (!alone)
        return;
    const double ms = double(m_clock.nsecsElapsed() - sentNs) / 1e6;
    m_status.roundTripMs = std::max(ms, 0.001); // a measured round trip is never "unknown"
    // The health view shows it; once every few seconds is all an operator reads, and
    // every status change goes to the GUI thread.
    const qint64 now = m_clock.elapsed();
    if (m_lastRoundTripReportMs == 0 || now - m_lastRoundTripReportMs >= kRoundTripReportMs) {
        m_lastRoundTripReportMs = now;
        emit statusChanged(m_status);
    }
}

void RedisClient::onHeartbeatRefused(const QByteArray &error)
{
    if (m_heartbeatDenied)
        return;
    // A restricted ACL user without PUBLISH on the heartbeat channel: that is the
    // site's choice, not an outage. Keep the data flowing, degrade liveness to PING
    // and say so once, instead of reporting Redis down and reconnecting forever.
    m_heartbeatDenied = true;
    m_heartbeatWaiting = false;
    m_lastEchoMs = m_clock.elapsed();
    const QString why = RedisQtAdapter::explainError(error);
    m_status.note = tr("no heartbeat: this Redis user may not PUBLISH to %1 (%2); a subscription that stops "
                       "delivering while connected is not detected")
                        .arg(QString::fromUtf8(m_heartbeatChannel), why);
    qCWarning(lcRedis, "Redis at %s: %s", qPrintable(m_config.endpoint.displayName()), qPrintable(m_status.note));
    emit statusChanged(m_status);
}

void RedisClient::tick()
{
    heartbeat();
    if (m_snapshotting)
        scanNext();
    handOff(false);
    const qint64 now = m_clock.elapsed();
    if (now - m_rateWindowStartMs >= 1000) {
        const double rate = double(m_messagesThisWindow) * 1000.0 / double(now - m_rateWindowStartMs);
        m_messagesThisWindow = 0;
        m_rateWindowStartMs = now;
        if (rate != m_status.recordsPerSecond) {
            m_status.recordsPerSecond = rate;
            emit statusChanged(m_status);
        }
    }
}

void RedisClient::handOff(bool force)
{
    // The in-flight counter is shared with the Kafka worker: the GUI takes one batch
    // at a time, whichever source it came from.
    if (EventBatchPtr batch = takeBatchForHandOff(m_pending, *m_inFlight, m_config.maxHandoffsPerSecond,
                                                  m_sinceHandoff, force))
        emit batchReady(batch);
}

void RedisClient::setState(ConnectionStatus::State state, const QString &error)
{
    // One report per episode: repeated failures of the same kind change nothing an
    // operator would act on.
    if (state == m_status.state && (state != ConnectionStatus::State::BrokerDown || m_status.lastError == error))
        return;
    const bool wasDown = m_status.state == ConnectionStatus::State::BrokerDown;
    m_status.state = state;
    m_status.sinceMs = QDateTime::currentMSecsSinceEpoch();
    if (state != ConnectionStatus::State::Connected) {
        m_status.roundTripMs = -1; // unknown until a heartbeat is answered again
        m_lastRoundTripReportMs = 0;
    }
    if (state == ConnectionStatus::State::BrokerDown) {
        m_status.lastError = error;
        m_status.progress.clear();
        m_status.progressDone = m_status.progressTotal = 0;
        qCWarning(lcRedis, "%s", qPrintable(error)); // never contains the password
    } else if (state == ConnectionStatus::State::Connected) {
        m_status.lastError.clear();
        if (wasDown)
            qCInfo(lcRedis, "Redis at %s reachable again", qPrintable(m_config.endpoint.displayName()));
    }
    emit statusChanged(m_status);
}

} // namespace ndh
