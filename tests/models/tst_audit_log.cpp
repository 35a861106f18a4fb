// The audit trail of issue 8: append-only, one checksummed record per line, chained;
// edits, deletions and a cut last line are found and reported with their line, the
// file is never rewritten, and a log that cannot be written says so.

#include "audit_log.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace ndh;

namespace {

AuditEntry command(const QString &corr, double setpoint)
{
    AuditEntry e;
    e.who = QStringLiteral("alice");
    e.role = QStringLiteral("operator");
    e.asset = QStringLiteral("PLANT-A/Pump/P-101");
    e.action = QStringLiteral("send_command");
    e.parameters = {{QStringLiteral("command"), QStringLiteral("set_speed")}, {QStringLiteral("rpm"), setpoint}};
    e.correlationId = corr;
    e.outcome = QStringLiteral("requested");
    return e;
}

QList<QByteArray> lines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> out = f.readAll().split('\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

void writeLines(const QString &path, const QList<QByteArray> &ls, bool finalNewline = true)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QByteArray all = ls.join('\n');
    if (finalNewline)
        all += '\n';
    f.write(all);
}

} // namespace

class TstAuditLog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QVERIFY(m_dir.isValid()); m_path = m_dir.filePath(QStringLiteral("audit/audit.jsonl")); QFile::remove(m_path); }

    void defaultPathIsUnderAppData();
    void appendsChainedRecordsAndReadsThemBack();
    void outcomeIsItsOwnRecord();
    void editedLineIsFound();
    void deletedLineIsFound();
    void cutLastLineIsFoundAndNotRewritten();
    void reopenContinuesTheChain();
    void backgroundVerificationMatchesTheSynchronousOne_data();
    void backgroundVerificationMatchesTheSynchronousOne();
    void unwritableFolderRefusesWithAReason();
    void writeFailureMidSessionRefuses();

private:
    void fill(int n)
    {
        AuditLog log;
        QVERIFY(log.open(m_path));
        for (int i = 0; i < n; ++i)
            QVERIFY(log.append(command(QStringLiteral("c%1").arg(i), 1000 + i)));
    }

    QTemporaryDir m_dir;
    QString m_path;
};

void TstAuditLog::defaultPathIsUnderAppData()
{
    QVERIFY(AuditLog::defaultPath().startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QVERIFY(AuditLog::defaultPath().endsWith(QLatin1String("audit.jsonl")));
}

void TstAuditLog::appendsChainedRecordsAndReadsThemBack()
{
    AuditLog log;
    QSignalSpy appended(&log, &AuditLog::appended);
    QVERIFY(log.open(m_path));
    QVERIFY(log.verification().ok());
    AuditRecord first;
    QVERIFY(log.append(command(QStringLiteral("c1"), 1200.5), &first));
    QVERIFY(log.append(command(QStringLiteral("c2"), 900)));
    QCOMPARE(appended.count(), 2);

    // On disk already (fsync'ed), before the caller does anything else.
    const auto ls = lines(m_path);
    QCOMPARE(ls.size(), 2);
    QCOMPARE(ls.first(), appended.first().first().toByteArray());
    QVERIFY(ls.first().contains("\"sum\":\"" + first.checksum.toLatin1() + "\"}"));

    AuditVerification v;
    const auto records = AuditLog::readFile(m_path, &v);
    QVERIFY2(v.ok(), qPrintable(v.summary()));
    QCOMPARE(v.records, 2);
    QCOMPARE(records.size(), size_t(2));
    const AuditRecord &r = records.front();
    QCOMPARE(r.entry.who, QStringLiteral("alice"));
    QCOMPARE(r.entry.role, QStringLiteral("operator"));
    QCOMPARE(r.entry.asset, QStringLiteral("PLANT-A/Pump/P-101"));
    QCOMPARE(r.entry.correlationId, QStringLiteral("c1"));
    QCOMPARE(r.entry.parameters.value(QStringLiteral("rpm")).toDouble(), 1200.5);
    QVERIFY(!r.host.isEmpty());
    QVERIFY(r.timeMs > 0);
    QCOMPARE(r.seq, 1);
    QCOMPARE(r.line, 1);
    QVERIFY(r.previous.isEmpty());
    QCOMPARE(records.back().previous, r.checksum);
    QCOMPARE(records.back().seq, 2);
}

void TstAuditLog::outcomeIsItsOwnRecord()
{
    AuditLog log;
    QVERIFY(log.open(m_path));
    QVERIFY(log.append(command(QStringLiteral("c1"), 1)));
    AuditEntry outcome = command(QStringLiteral("c1"), 1);
    outcome.kind = QStringLiteral("outcome");
    outcome.outcome = QStringLiteral("failed");
    outcome.detail = QStringLiteral("interlock active");
    QVERIFY(log.append(outcome));
    const auto records = AuditLog::readFile(m_path);
    QCOMPARE(records.size(), size_t(2));
    QCOMPARE(records[0].entry.outcome, QStringLiteral("requested"));
    QCOMPARE(records[1].entry.kind, QStringLiteral("outcome"));
    QCOMPARE(records[1].entry.outcome, QStringLiteral("failed"));
    QCOMPARE(records[1].entry.detail, QStringLiteral("interlock active"));
    QCOMPARE(records[1].entry.correlationId, QStringLiteral("c1"));
}

void TstAuditLog::editedLineIsFound()
{
    fill(5);
    auto ls = lines(m_path);
    ls[2].replace("\"rpm\":1002", "\"rpm\":9002"); // someone changes a set point after the fact
    writeLines(m_path, ls);

    const AuditVerification v = AuditLog::verifyFile(m_path);
    QVERIFY(!v.ok());
    QCOMPARE(v.firstBrokenLine, 3);
    QCOMPARE(v.brokenLines, 1);
    QVERIFY2(v.firstProblem.contains(QLatin1String("edited")), qPrintable(v.firstProblem));
    QVERIFY(v.summary().contains(QLatin1String("line 3")));

    // Opening reports it and never rewrites the file.
    const QByteArray before = [&] { QFile f(m_path); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    AuditLog log;
    QVERIFY(log.open(m_path));
    QCOMPARE(log.verification().firstBrokenLine, 3);
    log.close();
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

void TstAuditLog::deletedLineIsFound()
{
    fill(5);
    auto ls = lines(m_path);
    ls.removeAt(1);
    writeLines(m_path, ls);
    const AuditVerification v = AuditLog::verifyFile(m_path);
    QVERIFY(!v.ok());
    QCOMPARE(v.firstBrokenLine, 2);
    QVERIFY2(v.firstProblem.contains(QLatin1String("removed")), qPrintable(v.firstProblem));
    QCOMPARE(v.records, 4);

    // Also a line re-computed by hand to match: the chain still breaks at the next line.
    QFile::remove(m_path);
    fill(3);
    ls = lines(m_path);
    const qsizetype at = ls[1].indexOf(",\"sum\":\"");
    QByteArray body = ls[1].left(at) + '}';
    body.replace("\"rpm\":1001", "\"rpm\":5001");
    ls[1] = body.left(body.size() - 1) + ",\"sum\":\"" + AuditLog::checksumOf(body).toLatin1() + "\"}";
    writeLines(m_path, ls);
    const AuditVerification v2 = AuditLog::verifyFile(m_path);
    QCOMPARE(v2.firstBrokenLine, 3);
}

void TstAuditLog::cutLastLineIsFoundAndNotRewritten()
{
    fill(3);
    auto ls = lines(m_path);
    ls[2] = ls[2].left(ls[2].size() / 2); // power cut mid-write
    writeLines(m_path, ls, false);

    AuditVerification v;
    const auto records = AuditLog::readFile(m_path, &v);
    QVERIFY(v.truncatedTail);
    QCOMPARE(v.firstBrokenLine, 3);
    QCOMPARE(records.size(), size_t(2)); // everything up to the damage

    // Appending after it starts a fresh line; the cut line stays as it was.
    AuditLog log;
    QVERIFY(log.open(m_path));
    QVERIFY(log.verification().truncatedTail);
    QVERIFY(log.append(command(QStringLiteral("after"), 7)));
    log.close();
    const auto after = lines(m_path);
    QCOMPARE(after.size(), 4);
    QCOMPARE(after[2], ls[2]);
    const AuditVerification v2 = AuditLog::verifyFile(m_path);
    QCOMPARE(v2.brokenLines, 1);        // only the cut line
    QCOMPARE(v2.firstBrokenLine, 3);
    QCOMPARE(v2.records, 3);            // the new record chains onto the last intact one
    QVERIFY(!v2.truncatedTail);
}

void TstAuditLog::reopenContinuesTheChain()
{
    fill(2);
    fill(2);
    const AuditVerification v = AuditLog::verifyFile(m_path);
    QVERIFY2(v.ok(), qPrintable(v.summary()));
    QCOMPARE(v.records, 4);
    QCOMPARE(v.lastSeq, 4);
}

void TstAuditLog::backgroundVerificationMatchesTheSynchronousOne_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<int>("firstBroken"); // in the verified file at open; 0: intact
    QTest::newRow("intact") << QString() << 0;
    QTest::newRow("edited line") << QStringLiteral("edit 3") << 3;
    QTest::newRow("edited last line") << QStringLiteral("edit 6") << 6;
    QTest::newRow("deleted line") << QStringLiteral("delete 2") << 2;
    QTest::newRow("cut last line") << QStringLiteral("cut") << 6;
    QTest::newRow("garbage last line") << QStringLiteral("garbage") << 7;
    QTest::newRow("blank lines at the end") << QStringLiteral("blank") << 7;
    QTest::newRow("over-long last line") << QStringLiteral("long") << 7;
}

void TstAuditLog::backgroundVerificationMatchesTheSynchronousOne()
{
    // The console opens its audit log with Verify::InBackground: the window shows at
    // once, the chain goes on from the last lines, and the whole file is checked on a
    // worker. Whatever the damage, the outcome and what the next record chains onto
    // must be those of the synchronous open.
    QFETCH(QString, damage);
    QFETCH(int, firstBroken);
    fill(6);
    auto ls = lines(m_path);
    bool finalNewline = true;
    if (damage.startsWith(QLatin1String("edit"))) {
        const int n = damage.mid(5).toInt();
        ls[n - 1].replace(QByteArray("\"rpm\":") + QByteArray::number(1000 + n - 1), "\"rpm\":1");
    } else if (damage.startsWith(QLatin1String("delete"))) {
        ls.removeAt(damage.mid(7).toInt() - 1);
    } else if (damage == u"cut") {
        ls.last() = ls.last().left(ls.last().size() / 2);
        finalNewline = false;
    } else if (damage == u"garbage") {
        ls << QByteArray("{\"not\":\"a record\"}");
    } else if (damage == u"blank") {
        ls << QByteArray() << QByteArray();
    } else if (damage == u"long") {
        ls << QByteArray(AuditLog::kMaxLineBytes + 10, 'x');
    }
    writeLines(m_path, ls, finalNewline);
    const QString copy = m_dir.filePath(QStringLiteral("audit/copy.jsonl"));
    QFile::remove(copy);
    QVERIFY(QFile::copy(m_path, copy));

    AuditLog now;
    QVERIFY(now.open(copy, AuditLog::Verify::Now));
    const AuditVerification atOpen = now.verification();
    QCOMPARE(atOpen.firstBrokenLine, qint64(firstBroken));
    QVERIFY(now.append(command(QStringLiteral("next"), 7)));
    now.close();

    AuditLog background;
    QSignalSpy verified(&background, &AuditLog::verified);
    QVERIFY(background.open(m_path, AuditLog::Verify::InBackground));
    QVERIFY(background.isVerifying());
    QVERIFY(background.verification().pending);
    QVERIFY2(background.verification().summary().contains(QLatin1String("Verifying")),
             qPrintable(background.verification().summary()));
    QVERIFY(background.append(command(QStringLiteral("next"), 7))); // while it verifies
    QTRY_COMPARE_WITH_TIMEOUT(verified.count(), 1, 30000);
    QVERIFY(!background.isVerifying());
    const AuditVerification v = background.verification();
    QCOMPARE(verified.first().first().value<AuditVerification>().firstProblem, v.firstProblem);
    QCOMPARE(v.firstBrokenLine, atOpen.firstBrokenLine);
    QCOMPARE(v.firstProblem, atOpen.firstProblem);
    QCOMPARE(v.brokenLines, atOpen.brokenLines);
    QCOMPARE(v.truncatedTail, atOpen.truncatedTail);
    QCOMPARE(v.records, atOpen.records + 1); // and the one appended meanwhile
    QCOMPARE(v.ok(), firstBroken == 0);
    if (firstBroken)
        QVERIFY(v.summary().contains(QStringLiteral("line %1").arg(firstBroken)));
    background.close();

    // Both files now verify alike: the record appended during the background check
    // followed the same record as the one appended after the synchronous check.
    const AuditVerification a = AuditLog::verifyFile(copy);
    const AuditVerification b = AuditLog::verifyFile(m_path);
    QCOMPARE(b.records, a.records);
    QCOMPARE(b.brokenLines, a.brokenLines);
    QCOMPARE(b.firstBrokenLine, a.firstBrokenLine);
    QCOMPARE(b.lastSeq, a.lastSeq);
    QCOMPARE(b.brokenLines, atOpen.brokenLines); // the new record broke nothing
}

void TstAuditLog::unwritableFolderRefusesWithAReason()
{
    // A regular file where the folder should be: the log cannot be created.
    const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
    QFile b(blocker);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.close();
    AuditLog log;
    QVERIFY(!log.open(blocker + QStringLiteral("/audit.jsonl")));
    QVERIFY(!log.isWritable());
    QVERIFY(!log.lastError().isEmpty());
    QString error;
    QVERIFY(!log.append(command(QStringLiteral("c"), 1), nullptr, &error));
    QVERIFY(error.contains(QLatin1String("folder")));
}

void TstAuditLog::writeFailureMidSessionRefuses()
{
    AuditLog log;
    QSignalSpy failed(&log, &AuditLog::writeFailed);
    QVERIFY(log.open(m_path));
    QVERIFY(log.append(command(QStringLiteral("c1"), 1)));
    const qint64 size = QFileInfo(m_path).size();

    // The disk is full: the file may not grow (works for root too).
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit old{};
    getrlimit(RLIMIT_FSIZE, &old);
    rlimit tight = old;
    tight.rlim_cur = rlim_t(size + 10);
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &tight), 0);
    QString error;
    const bool ok = log.append(command(QStringLiteral("c2"), 2), nullptr, &error);
    setrlimit(RLIMIT_FSIZE, &old);

    QVERIFY(!ok);
    QVERIFY(!error.isEmpty());
    QCOMPARE(failed.count(), 1);
    QVERIFY(!log.isWritable());
    // Refused from now on, with the same reason, even though space is back.
    QString again;
    QVERIFY(!log.append(command(QStringLiteral("c3"), 3), nullptr, &again));
    QCOMPARE(again, error);
}

QTEST_GUILESS_MAIN(TstAuditLog)
#include "tst_audit_log.moc"
