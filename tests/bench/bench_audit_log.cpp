// What the audit trail costs an operator action (issue 8): AuditLog::append (JSON,
// SHA-256 chain, write, flush, fsync) per record, against its peer measured in the
// same run, the same line written and flushed without fsync; how long verifying the
// whole file takes, and how soon open() returns when it verifies on a worker (as the
// console does). Prints figures, no thresholds.
// Usage: bench_audit_log [records]   (default 2000)

#include "audit_log.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace ndh;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::max(10, atoi(argv[1])) : 2000;
    QTemporaryDir dir;
    AuditLog log;
    if (!log.open(dir.filePath(QStringLiteral("audit.jsonl")))) {
        std::fprintf(stderr, "cannot open: %s\n", qPrintable(log.lastError()));
        return 1;
    }
    AuditEntry e;
    e.who = QStringLiteral("alice");
    e.role = QStringLiteral("operator");
    e.asset = QStringLiteral("FACTORY_A/Motor/MOTOR_002");
    e.action = QStringLiteral("send_command");
    e.parameters = {{QStringLiteral("command"), QStringLiteral("set_speed")}, {QStringLiteral("speed"), 1500}};
    e.outcome = QStringLiteral("requested");

    std::vector<qint64> us;
    QByteArray lastLine;
    QObject::connect(&log, &AuditLog::appended, [&lastLine](const QByteArray &line) { lastLine = line; });
    QElapsedTimer t;
    for (int i = 0; i < n; ++i) {
        e.correlationId = QString::number(i);
        t.start();
        if (!log.append(e))
            return 2;
        us.push_back(t.nsecsElapsed() / 1000);
    }
    // Peer: the same bytes, written and flushed, no checksum and no fsync.
    QFile peer(dir.filePath(QStringLiteral("peer.jsonl")));
    peer.open(QIODevice::WriteOnly | QIODevice::Append);
    std::vector<qint64> peerUs;
    for (int i = 0; i < n; ++i) {
        t.start();
        peer.write(lastLine + '\n');
        peer.flush();
        peerUs.push_back(t.nsecsElapsed() / 1000);
    }
    auto median = [](std::vector<qint64> v) { std::sort(v.begin(), v.end()); return v[v.size() / 2]; };
    auto p99 = [](std::vector<qint64> v) { std::sort(v.begin(), v.end()); return v[v.size() * 99 / 100]; };
    t.start();
    const AuditVerification v = AuditLog::verifyFile(log.path());
    const qint64 verifyMs = t.elapsed();
    std::printf("audit append+fsync: %d records, median %lld us, p99 %lld us\n", n, median(us), p99(us));
    std::printf("peer write+flush (no checksum, no fsync): median %lld us, p99 %lld us; ratio %.1fx\n",
                median(peerUs), p99(peerUs), double(median(us)) / double(std::max<qint64>(1, median(peerUs))));
    // What the console does at start: open at once, verify on a worker.
    log.close();
    AuditLog background;
    t.start();
    background.open(log.path(), AuditLog::Verify::InBackground);
    const qint64 openMs = t.elapsed();
    background.waitForVerification();
    const qint64 verifiedMs = t.elapsed();
    std::printf("verify on open: %lld records in %lld ms (%s)\n", v.records, verifyMs, v.ok() ? "intact" : "DAMAGED");
    std::printf("open in the background (the console): returns in %lld ms, verified (%s) after %lld ms\n", openMs,
                background.verification().ok() ? "intact" : "DAMAGED", verifiedMs);
    return 0;
}
