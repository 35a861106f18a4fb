#include "redis_qt_adapter.h"

#include <QLoggingCategory>

#include <QSocketNotifier>
#include <QTimer>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <poll.h>

namespace ndh {

Q_LOGGING_CATEGORY(lcRedis, "ndh.redis")

struct RedisQtAdapter::Pending
{
    RedisQtAdapter *self = nullptr;
    ReplyHandler handler;
    bool persistent = false;
};

QString RedisEndpoint::displayName() const
{
    QString name = unixSocket.isEmpty() ? QStringLiteral("%1:%2").arg(host).arg(port)
                                        : QStringLiteral("unix:%1").arg(unixSocket);
    if (db != 0)
        name += QStringLiteral("/%1").arg(db);
    return name;
}

RedisQtAdapter::RedisQtAdapter(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
}

RedisQtAdapter::~RedisQtAdapter()
{
    m_closing = true;
    freeContext();
    for (Pending *p : m_persistent)
        delete p;
    m_persistent.clear();
}

QString RedisQtAdapter::explainError(const QByteArray &redisError, bool *authProblem)
{
    const QString text = QString::fromUtf8(redisError.left(400));
    bool auth = false;
    QString explained;
    if (redisError.startsWith("WRONGPASS") || redisError.contains("invalid password")
        || redisError.contains("invalid username-password")) {
        auth = true;
        explained = tr("Redis refused the user name or password");
    } else if (redisError.startsWith("NOAUTH")) {
        auth = true;
        explained = tr("Redis requires a password (set NDH_REDIS_PASSWORD)");
    } else if (redisError.startsWith("NOPERM")) {
        auth = true;
        explained = tr("the Redis user is not allowed to do this (ACL)");
    } else if (redisError.startsWith("WRONGTYPE")) {
        explained = tr("the key holds a different data type");
    } else if (redisError.contains("AUTH") && redisError.contains("without any password configured")) {
        // A password was given to a server that has none: not fatal for the data, but
        // the operator configured something that does not match.
        auth = true;
        explained = tr("a password was given but the Redis server has none configured");
    }
    if (authProblem)
        *authProblem = auth;
    return explained.isEmpty() ? text : explained + QStringLiteral(" (") + text + u')';
}

bool RedisQtAdapter::open(const RedisEndpoint &endpoint)
{
    if (m_ctx || m_failed || m_closedEmitted)
        return false;
    m_endpoint = endpoint;
    m_openedAtMs = m_clock.elapsed();
    const QByteArray host = endpoint.host.toUtf8();
    const QByteArray path = endpoint.unixSocket.toUtf8();
    redisAsyncContext *ac = endpoint.unixSocket.isEmpty() ? redisAsyncConnect(host.constData(), endpoint.port)
                                                          : redisAsyncConnectUnix(path.constData());
    if (!ac || ac->err) {
        const QString why = ac && ac->errstr ? QString::fromUtf8(ac->errstr) : tr("out of memory");
        if (ac)
            redisAsyncFree(ac);
        fail(tr("Cannot reach Redis at %1: %2").arg(endpoint.displayName(), why), false);
        return false;
    }
    m_ctx = ac;
    ac->data = this;
    ac->ev.data = this;
    ac->ev.addRead = &RedisQtAdapter::addRead;
    ac->ev.delRead = &RedisQtAdapter::delRead;
    ac->ev.addWrite = &RedisQtAdapter::addWrite;
    ac->ev.delWrite = &RedisQtAdapter::delWrite;
    ac->ev.cleanup = &RedisQtAdapter::cleanup;
    redisAsyncSetConnectCallback(ac, &RedisQtAdapter::onConnectCb);
    redisAsyncSetDisconnectCallback(ac, &RedisQtAdapter::onDisconnectCb);

    const int fd = ac->c.fd;
    m_read = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    m_write = new QSocketNotifier(qintptr(fd), QSocketNotifier::Write, this);
    connect(m_read, &QSocketNotifier::activated, this, [this, fd] { readBurst(fd); });
    connect(m_write, &QSocketNotifier::activated, this, [this] {
        if (m_ctx)
            redisAsyncHandleWrite(m_ctx);
    });
    // The non-blocking connect completes when the socket turns writable; hiredis
    // only learns of it through the write handler.
    m_read->setEnabled(true);
    m_write->setEnabled(true);

    m_watchdog = new QTimer(this);
    m_watchdog->setInterval(100);
    connect(m_watchdog, &QTimer::timeout, this, &RedisQtAdapter::checkTimeouts);
    m_watchdog->start();
    return true;
}

void RedisQtAdapter::readBurst(int fd)
{
    // hiredis reads 16 kB per call, and the backend thread's loop blocks in the Kafka
    // poll for up to 15 ms a turn. Going back to the loop after each read would make
    // every pipelined round trip cost two such turns (measured: 10,000 state hashes in
    // 1.5 s, 100,000 in 19 s, with the thread idle 90 % of the time). So within one
    // turn: read what is there, send what the handlers queued at once (the next SCAN
    // page, more HGETALLs), and while replies are owed wait briefly for them, all
    // within a time budget so the loop (timeouts, Kafka, hand-offs) still turns.
    QElapsedTimer burst;
    burst.start();
    for (int i = 0; i < kMaxReadsPerTurn && m_ctx && !m_closing; ++i) {
        redisAsyncHandleRead(m_ctx);
        if (!m_ctx || m_closing)
            break;
        if (m_ctx->c.obuf && sdslen(m_ctx->c.obuf) > 0)
            redisAsyncHandleWrite(m_ctx); // non-blocking; a partial write leaves the notifier on
        if (!m_ctx || m_closing)
            break;
        const qint64 left = kReadBurstMs - burst.elapsed();
        if (left <= 0)
            break;
        const int wait = m_sentAt.empty() ? 0 : int(std::min<qint64>(left, kAwaitReplyMs));
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, wait) <= 0 || !(p.revents & POLLIN))
            break;
    }
}

void RedisQtAdapter::close()
{
    if (m_closing)
        return;
    m_closing = true;
    // Never free the context under hiredis' feet (a handler may call close()).
    QMetaObject::invokeMethod(this, [this] { freeContext(); }, Qt::QueuedConnection);
}

void RedisQtAdapter::freeContext()
{
    m_closing = true;
    m_ready = false;
    if (m_watchdog)
        m_watchdog->stop();
    if (redisAsyncContext *ac = m_ctx)
        redisAsyncFree(ac); // runs every handler with null (ignored while closing), then cleanup()
    m_ctx = nullptr;
    dropNotifiers();
    m_sentAt.clear();
    if (!m_closedEmitted) {
        m_closedEmitted = true;
        QMetaObject::invokeMethod(this, &RedisQtAdapter::closed, Qt::QueuedConnection);
    }
}

void RedisQtAdapter::dropNotifiers()
{
    for (QSocketNotifier **n : {&m_read, &m_write}) {
        if (*n) {
            (*n)->setEnabled(false);
            (*n)->deleteLater(); // may be inside its own activated() right now
            *n = nullptr;
        }
    }
}

void RedisQtAdapter::fail(const QString &reason, bool authProblem)
{
    if (m_failed)
        return;
    m_failed = true;
    m_ready = false;
    QMetaObject::invokeMethod(
        this, [this, reason, authProblem] { emit failed(reason, authProblem); }, Qt::QueuedConnection);
    close();
}

void RedisQtAdapter::checkTimeouts()
{
    const qint64 now = m_clock.elapsed();
    if (!m_ready && now - m_openedAtMs > m_endpoint.connectTimeoutMs) {
        fail(tr("Redis at %1 did not answer within %2 ms").arg(m_endpoint.displayName()).arg(m_endpoint.connectTimeoutMs),
             false);
        return;
    }
    if (!m_sentAt.empty() && now - m_sentAt.front() > m_endpoint.commandTimeoutMs) {
        fail(tr("Redis at %1 stopped answering (no reply within %2 ms)")
                 .arg(m_endpoint.displayName())
                 .arg(m_endpoint.commandTimeoutMs),
             false);
    }
}

bool RedisQtAdapter::command(const QList<QByteArray> &argv, ReplyHandler handler)
{
    return send(argv, std::move(handler), false);
}

bool RedisQtAdapter::subscribe(const QList<QByteArray> &argv, ReplyHandler handler)
{
    return send(argv, std::move(handler), true);
}

bool RedisQtAdapter::send(const QList<QByteArray> &argv, ReplyHandler handler, bool persistent)
{
    if (!m_ctx || m_closing || argv.isEmpty())
        return false;
    std::vector<const char *> args;
    std::vector<size_t> lens;
    args.reserve(size_t(argv.size()));
    lens.reserve(size_t(argv.size()));
    for (const QByteArray &a : argv) {
        args.push_back(a.constData());
        lens.push_back(size_t(a.size()));
    }
    auto *p = new Pending{this, std::move(handler), persistent};
    if (redisAsyncCommandArgv(m_ctx, &RedisQtAdapter::onReplyCb, p, int(args.size()), args.data(), lens.data())
        != REDIS_OK) {
        delete p;
        return false;
    }
    if (persistent)
        m_persistent.push_back(p);
    else
        m_sentAt.push_back(m_clock.elapsed());
    return true;
}

void RedisQtAdapter::handshake()
{
    const auto step = [this](redisReply *reply, const char *what) {
        if (!reply || m_failed)
            return false;
        if (reply->type == REDIS_REPLY_ERROR) {
            bool auth = false;
            const QString why = explainError(QByteArray(reply->str, qsizetype(reply->len)), &auth);
            fail(tr("Redis at %1: %2 failed: %3").arg(m_endpoint.displayName(), QLatin1String(what), why), auth);
            return false;
        }
        return true;
    };
    if (!m_endpoint.password.isEmpty()) {
        QList<QByteArray> auth{QByteArrayLiteral("AUTH")};
        if (!m_endpoint.user.isEmpty())
            auth << m_endpoint.user.toUtf8();
        auth << m_endpoint.password.toUtf8();
        command(auth, [step](redisReply *r) { step(r, "AUTH"); });
    }
    if (m_endpoint.db != 0)
        command({QByteArrayLiteral("SELECT"), QByteArray::number(m_endpoint.db)},
                [step](redisReply *r) { step(r, "SELECT"); });
    command({QByteArrayLiteral("PING")}, [this, step](redisReply *r) {
        if (!step(r, "PING"))
            return;
        m_ready = true;
        QMetaObject::invokeMethod(this, &RedisQtAdapter::ready, Qt::QueuedConnection);
    });
}

void RedisQtAdapter::onConnectCb(const redisAsyncContext *ac, int status)
{
    auto *self = static_cast<RedisQtAdapter *>(ac->data);
    if (!self || self->m_closing)
        return;
    if (status != REDIS_OK) {
        // hiredis frees the context right after this (cleanup() forgets it).
        self->fail(tr("Cannot reach Redis at %1: %2")
                       .arg(self->m_endpoint.displayName(), QString::fromUtf8(ac->errstr ? ac->errstr : "")),
                   false);
        return;
    }
    self->handshake();
}

void RedisQtAdapter::onDisconnectCb(const redisAsyncContext *ac, int status)
{
    auto *self = static_cast<RedisQtAdapter *>(ac->data);
    if (!self || self->m_closing)
        return;
    self->m_ctx = nullptr; // freed by hiredis when this returns
    bool authProblem = false;
    const QString why = status == REDIS_OK ? tr("connection closed") : lossReason(ac, &authProblem);
    self->fail(tr("Lost the connection to Redis at %1: %2").arg(self->m_endpoint.displayName(), why), authProblem);
}

QString RedisQtAdapter::lossReason(const redisAsyncContext *ac, bool *authProblem)
{
    const QByteArray text(*ac->errstr ? ac->errstr : "connection lost");
    // hiredis also drops the connection on an error reply nobody waits for: the
    // server's answer to SUBSCRIBE on a channel or command the ACL denies (NOPERM).
    // Say so in words, and flag it as a permission problem, so the client neither
    // storms nor calls it an outage.
    if (ac->err == REDIS_ERR_OTHER)
        return explainError(text, authProblem);
    return QString::fromUtf8(text);
}

void RedisQtAdapter::onReplyCb(redisAsyncContext *, void *reply, void *privdata)
{
    auto *p = static_cast<Pending *>(privdata);
    RedisQtAdapter *self = p->self;
    if (!p->persistent && !self->m_sentAt.empty())
        self->m_sentAt.pop_front();
    if (!self->m_closing && p->handler)
        p->handler(static_cast<redisReply *>(reply));
    if (!p->persistent)
        delete p; // a one-reply command's callback is never called again
}

void RedisQtAdapter::addRead(void *self)
{
    if (auto *a = static_cast<RedisQtAdapter *>(self); a->m_read)
        a->m_read->setEnabled(true);
}

void RedisQtAdapter::delRead(void *self)
{
    if (auto *a = static_cast<RedisQtAdapter *>(self); a->m_read)
        a->m_read->setEnabled(false);
}

void RedisQtAdapter::addWrite(void *self)
{
    if (auto *a = static_cast<RedisQtAdapter *>(self); a->m_write)
        a->m_write->setEnabled(true);
}

void RedisQtAdapter::delWrite(void *self)
{
    if (auto *a = static_cast<RedisQtAdapter *>(self); a->m_write)
        a->m_write->setEnabled(false);
}

void RedisQtAdapter::cleanup(void *self)
{
    // Called by hiredis while it frees the context (after every handler ran).
    auto *a = static_cast<RedisQtAdapter *>(self);
    bool authProblem = false;
    const QString why = a->m_ctx && *a->m_ctx->errstr ? lossReason(a->m_ctx, &authProblem)
                                                      : tr("connection closed by the server");
    a->m_ctx = nullptr;
    a->dropNotifiers();
    a->m_sentAt.clear();
    for (Pending *p : a->m_persistent)
        delete p;
    a->m_persistent.clear();
    if (!a->m_closing && !a->m_failed) {
        // Freed by hiredis on its own (a failed connect, an error reply nobody waited
        // for): report it like a loss. hiredis runs this before the disconnect callback.
        a->fail(tr("Lost the connection to Redis at %1: %2").arg(a->m_endpoint.displayName(), why), authProblem);
    }
}

} // namespace ndh
