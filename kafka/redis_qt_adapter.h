#pragma once
// One hiredis asynchronous connection driven by the Qt event loop of the thread the
// adapter lives on: QSocketNotifiers for read/write readiness, QTimers for the
// connect and command timeouts hiredis 0.14 does not have, and the handshake a
// console needs (AUTH with an ACL user, SELECT db) before ready() is announced.
// Replies are delivered to std::function handlers; once the adapter is closing or
// gone, no handler runs. State changes (ready, failed, closed) are emitted from the
// event loop, never from inside hiredis, so receivers may delete or reopen freely.
// Secrets: the password is sent, never logged or included in any error text.

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <vector>

class QSocketNotifier;
class QTimer;
struct redisAsyncContext;
struct redisReply;

namespace ndh {

Q_DECLARE_LOGGING_CATEGORY(lcRedis)

struct RedisEndpoint
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 6379;
    QString unixSocket; // when set, used instead of host:port
    int db = 0;
    QString user;     // ACL user (Redis 6+); empty: the default user
    QString password; // empty: no AUTH. Never logged.
    int connectTimeoutMs = 2000;
    int commandTimeoutMs = 1500; // the oldest unanswered command waits at most this long

    // "host:port" or "unix:/path", plus "/db" when not 0: for status text, never secrets.
    QString displayName() const;
};

class RedisQtAdapter : public QObject
{
    Q_OBJECT
public:
    // reply is null when the command could not complete (connection lost or closed).
    using ReplyHandler = std::function<void(redisReply *reply)>;

    explicit RedisQtAdapter(QObject *parent = nullptr);
    static constexpr int kMaxReadsPerTurn = 1024; // x 16 kB: at most 16 MB per event-loop turn
    static constexpr int kReadBurstMs = 20;       // reading and answering at most this long per turn
    static constexpr int kAwaitReplyMs = 2;       // wait for an owed reply before yielding the turn
    ~RedisQtAdapter() override; // frees the context; no handler runs afterwards

    // Starts a non-blocking connect and the handshake. False (and failed() queued)
    // when not even a socket could be made. One open per adapter.
    bool open(const RedisEndpoint &endpoint);
    void close(); // drops the connection; closed() follows
    bool isReady() const { return m_ready; }
    const RedisEndpoint &endpoint() const { return m_endpoint; }

    // A command with one reply; counted against the command timeout.
    bool command(const QList<QByteArray> &argv, ReplyHandler handler);
    // SUBSCRIBE / PSUBSCRIBE: the handler runs for the confirmation and every message.
    bool subscribe(const QList<QByteArray> &argv, ReplyHandler handler);
    int outstanding() const { return int(m_sentAt.size()); }

    // Text of an error reply in words an operator understands (WRONGPASS, NOAUTH,
    // NOPERM, WRONGTYPE explained); true in *authProblem for credential/ACL errors.
    static QString explainError(const QByteArray &redisError, bool *authProblem = nullptr);

signals:
    void ready();
    // Once per episode: why the connection could not be made or was lost.
    // authProblem: the server refused the credentials or the ACL denies a command.
    void failed(const QString &reason, bool authProblem);
    void closed();

private:
    struct Pending;
    static void onConnectCb(const redisAsyncContext *ac, int status);
    static void onDisconnectCb(const redisAsyncContext *ac, int status);
    static void onReplyCb(redisAsyncContext *ac, void *reply, void *privdata);
    static void addRead(void *self);
    static void delRead(void *self);
    static void addWrite(void *self);
    static void delWrite(void *self);
    static void cleanup(void *self);

    bool send(const QList<QByteArray> &argv, ReplyHandler handler, bool persistent);
    void handshake();
    void fail(const QString &reason, bool authProblem);
    void checkTimeouts();
    void readBurst(int fd);
    static QString lossReason(const redisAsyncContext *ac, bool *authProblem);
    void dropNotifiers();
    void freeContext();

    RedisEndpoint m_endpoint;
    redisAsyncContext *m_ctx = nullptr;
    QSocketNotifier *m_read = nullptr;
    QSocketNotifier *m_write = nullptr;
    QTimer *m_watchdog = nullptr;
    QElapsedTimer m_clock;
    qint64 m_openedAtMs = 0;
    std::deque<qint64> m_sentAt; // issue times of unanswered one-reply commands
    std::vector<Pending *> m_persistent; // subscribe handlers; freed with the context
    bool m_ready = false;
    bool m_closing = false;
    bool m_failed = false;
    bool m_closedEmitted = false;
};

} // namespace ndh
