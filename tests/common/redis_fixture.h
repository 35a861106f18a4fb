#pragma once
// A real redis-server for one test: started on a free loopback port with no
// persistence, waited for until it answers PING, killed on teardown. Commands go
// through redis-cli, an independent client, so the tests never check our client
// with itself. Pause/resume (SIGSTOP/SIGCONT), kill and restart on the same port
// reproduce the outages an operator must be told about.

#include "kafka_test_support.h"
#include "redis_client.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>

namespace ndhtest {

class RedisServer
{
public:
    explicit RedisServer(QStringList extraArgs = {})
        : m_extra(std::move(extraArgs))
    {
    }
    ~RedisServer() { stop(); }
    RedisServer(const RedisServer &) = delete;
    RedisServer &operator=(const RedisServer &) = delete;

    static QString serverPath() { return QStandardPaths::findExecutable(QStringLiteral("redis-server")); }
    static QString cliPath() { return QStandardPaths::findExecutable(QStringLiteral("redis-cli")); }
    static bool available() { return !serverPath().isEmpty() && !cliPath().isEmpty(); }

    // Starts on a free port (or the port of a previous start, for restarts).
    bool start(int timeoutMs = 10000)
    {
        if (m_port == 0)
            m_port = closedLoopbackPort();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        QStringList args{QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                         QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                         QStringLiteral("--appendonly"), QStringLiteral("no"), QStringLiteral("--dir"),
                         m_dir.path()};
        args += m_extra;
        m_process->start(serverPath(), args);
        if (!m_process->waitForStarted(5000))
            return false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (cli({QStringLiteral("PING")}).trimmed() == "PONG")
                return true;
            QThread::msleep(50);
        }
        return false;
    }
    void stop()
    {
        if (!m_process)
            return;
        if (m_paused)
            resume();
        m_process->kill();
        m_process->waitForFinished(5000);
        m_process.reset();
    }
    void pause()
    {
        ::kill(pid_t(m_process->processId()), SIGSTOP);
        m_paused = true;
    }
    void resume()
    {
        ::kill(pid_t(m_process->processId()), SIGCONT);
        m_paused = false;
    }
    // Credentials redis-cli uses (for servers started with --requirepass).
    void setCliPassword(const QString &password)
    {
        m_cliAuth = {QStringLiteral("--no-auth-warning"), QStringLiteral("-a"), password};
    }
    int port() const { return m_port; }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QByteArray output() const { return m_process ? m_process->readAll() : QByteArray(); }

    // redis-cli against this server; returns stdout (raw mode, one reply per line).
    QByteArray cli(const QStringList &args, const QByteArray &input = {}, const QStringList &auth = {}) const
    {
        QStringList a{QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port)};
        a += auth.isEmpty() ? m_cliAuth : auth;
        a += args;
        return run(cliPath(), a, input, 30000).out;
    }
    // Many commands at once, in RESP (redis-cli --pipe).
    bool pipe(const QByteArray &commands) const
    {
        QStringList args{QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port)};
        args += m_cliAuth;
        args << QStringLiteral("--pipe");
        const ProcessResult r = run(cliPath(), args, commands, 120000);
        return r.finished && r.exitCode == 0;
    }
    qint64 infoNumber(const QByteArray &field) const
    {
        const QByteArray info = cli({QStringLiteral("INFO"), QStringLiteral("all")});
        for (const QByteArray &line : info.split('\n')) {
            if (line.startsWith(field + ':'))
                return line.mid(field.size() + 1).trimmed().toLongLong();
        }
        return -1;
    }

private:
    QStringList m_extra;
    QStringList m_cliAuth;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    bool m_paused = false;
};

// What a console under test uses to reach this server: loopback, and short reconnect
// back-off so outage tests see the reconnect within a few hundred milliseconds.
inline ndh::RedisConfig consoleRedisConfig(const RedisServer &server)
{
    ndh::RedisConfig c;
    c.enabled = true;
    c.endpoint.host = QStringLiteral("127.0.0.1");
    c.endpoint.port = server.port();
    c.backoffInitialMs = 100;
    c.backoffMaxMs = 500;
    return c;
}

} // namespace ndhtest
