#pragma once
// Shared fixtures for tests that talk to real Kafka parts: the ndhctl and kcat
// processes, a loopback port with nothing listening, and small JSON helpers.
// Header-only so any test target can include it.

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace ndhtest {

struct ProcessResult
{
    bool started = false;
    bool finished = false; // false: killed at the timeout
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
};

// Runs a program to completion (or kills it at timeoutMs) feeding it `input`.
inline ProcessResult run(const QString &program, const QStringList &args, const QByteArray &input = {},
                         int timeoutMs = 30000)
{
    ProcessResult r;
    QProcess p;
    QElapsedTimer clock;
    clock.start();
    p.start(program, args);
    r.started = p.waitForStarted(10000);
    if (!r.started)
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.elapsedMs = clock.elapsed();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

inline QString kcatPath()
{
    const QString found = QStandardPaths::findExecutable(QStringLiteral("kcat"));
    return found.isEmpty() ? QStringLiteral("/usr/bin/kcat") : found;
}

inline QString ndhctlPath()
{
    return qEnvironmentVariable("NDHCTL");
}

// A loopback port nobody listens on: bound by us, then released.
inline int closedLoopbackPort()
{
#ifdef Q_OS_UNIX
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
#else
    return 1; // tcpmux: never a Kafka broker
#endif
}

// kcat -P with "key:payload" lines (kcat -K:), one record per line.
inline ProcessResult kcatProduce(const QString &bootstrap, const QString &topic, const QByteArray &keyedLines)
{
    return run(kcatPath(), {QStringLiteral("-P"), QStringLiteral("-b"), bootstrap, QStringLiteral("-t"), topic,
                            QStringLiteral("-K:"), QStringLiteral("-m"), QStringLiteral("10")},
               keyedLines);
}

// kcat -C -J -e: every record of a topic as kcat's JSON envelope (DESIGN.md §6).
inline QList<QJsonObject> kcatConsumeAll(const QString &bootstrap, const QString &topic, ProcessResult *result = nullptr)
{
    const ProcessResult r = run(kcatPath(), {QStringLiteral("-C"), QStringLiteral("-J"), QStringLiteral("-e"),
                                             QStringLiteral("-q"), QStringLiteral("-b"), bootstrap,
                                             QStringLiteral("-t"), topic, QStringLiteral("-m"), QStringLiteral("10"),
                                             // The mock broker holds an empty fetch for the whole wait: keep it
                                             // short so reaching the end of empty partitions is quick.
                                             QStringLiteral("-X"), QStringLiteral("fetch.wait.max.ms=10")});
    if (result)
        *result = r;
    QList<QJsonObject> out;
    for (const QByteArray &line : r.out.split('\n')) {
        if (!line.trimmed().isEmpty())
            out << QJsonDocument::fromJson(line).object();
    }
    return out;
}

// kcat -L -J: topic name -> partition count.
inline QMap<QString, int> kcatTopics(const QString &bootstrap, ProcessResult *result = nullptr)
{
    const ProcessResult r = run(kcatPath(), {QStringLiteral("-L"), QStringLiteral("-J"), QStringLiteral("-b"),
                                             bootstrap, QStringLiteral("-m"), QStringLiteral("5")});
    if (result)
        *result = r;
    QMap<QString, int> out;
    const QJsonArray topics = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("topics")).toArray();
    for (const QJsonValue &t : topics) {
        const QJsonObject o = t.toObject();
        out.insert(o.value(QStringLiteral("topic")).toString(), int(o.value(QStringLiteral("partitions")).toArray().size()));
    }
    return out;
}

} // namespace ndhtest
