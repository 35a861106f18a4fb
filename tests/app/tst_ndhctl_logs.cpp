// `ndhctl export`, `state --file` and `replay` against the embedded broker, with kcat
// as the independent client: a kcat -C -J capture answers `state --file` exactly as
// the cluster answers `state --bootstrap`, and a replayed log reads back the same.

#include "embedded_broker.h"
#include "kafka_test_support.h"

#include <QtTest>

using namespace ndh;

namespace {

QByteArray kcatCapture(const QString &bootstrap)
{
    QByteArray all;
    for (const QString &topic : ndhtest::kcatTopics(bootstrap).keys()) {
        const auto r = ndhtest::run(ndhtest::kcatPath(), {QStringLiteral("-C"), QStringLiteral("-J"), QStringLiteral("-e"),
                                                          QStringLiteral("-q"), QStringLiteral("-b"), bootstrap,
                                                          QStringLiteral("-t"), topic, QStringLiteral("-X"),
                                                          QStringLiteral("fetch.wait.max.ms=10")});
        all += r.out;
    }
    return all;
}

// Records as comparable tuples, order-free (kcat interleaves partitions).
QStringList recordSet(const QByteArray &jsonl, bool withOffsets = true)
{
    QStringList out;
    for (const QByteArray &line : jsonl.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonObject o = QJsonDocument::fromJson(line).object();
        o.remove(QStringLiteral("broker"));
        if (!withOffsets)
            o.remove(QStringLiteral("offset"));
        out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    out.sort();
    return out;
}

} // namespace

class TestNdhctlLogs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void stateFromKcatCaptureEqualsStateFromCluster();
    void exportThenReplayIntoAnotherCluster();
    void badFilesGiveClearErrors();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    ndhtest::ProcessResult ndhctl(const QStringList &args) { return ndhtest::run(ndhtest::ndhctlPath(), args, {}, 60000); }
    QTemporaryDir m_dir;
    EmbeddedBroker m_broker;
    QByteArray m_stateFromCluster;
};

void TestNdhctlLogs::initTestCase()
{
    QVERIFY(!ndhtest::ndhctlPath().isEmpty());
    QVERIFY(m_broker.start(3));
    const auto sim = ndhctl({QStringLiteral("simulate"), QStringLiteral("--bootstrap"), m_broker.bootstrap(),
                             QStringLiteral("--count"), QStringLiteral("4000"), QStringLiteral("--rate"), QStringLiteral("0"),
                             QStringLiteral("--start-time"), QStringLiteral("2025-08-03T10:30:00Z")});
    QCOMPARE(sim.exitCode, 0);
    const auto state = ndhctl({QStringLiteral("state"), QStringLiteral("--bootstrap"), m_broker.bootstrap()});
    QCOMPARE(state.exitCode, 0);
    m_stateFromCluster = state.out;
    QVERIFY(m_stateFromCluster.contains("\"assets\""));
}

void TestNdhctlLogs::stateFromKcatCaptureEqualsStateFromCluster()
{
    const QByteArray capture = kcatCapture(m_broker.bootstrap());
    QCOMPARE(capture.count('\n'), 4000);
    QFile f(path(QStringLiteral("capture.jsonl")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(capture);
    f.close();
    const auto fromFile = ndhctl({QStringLiteral("state"), QStringLiteral("--file"), f.fileName()});
    QCOMPARE(fromFile.exitCode, 0);
    QCOMPARE(fromFile.out, m_stateFromCluster);

    // --at answers from the file too, and it differs from the latest state.
    const auto early = ndhctl({QStringLiteral("state"), QStringLiteral("--file"), f.fileName(), QStringLiteral("--at"),
                               QStringLiteral("2025-08-03T10:30:05Z")});
    const auto earlyCluster = ndhctl({QStringLiteral("state"), QStringLiteral("--bootstrap"), m_broker.bootstrap(),
                                      QStringLiteral("--at"), QStringLiteral("2025-08-03T10:30:05Z")});
    QCOMPARE(early.exitCode, 0);
    QCOMPARE(early.out, earlyCluster.out);
    QVERIFY(early.out != fromFile.out);
}

void TestNdhctlLogs::exportThenReplayIntoAnotherCluster()
{
    const QString exported = path(QStringLiteral("export.jsonl.zst"));
    const auto ex = ndhctl({QStringLiteral("export"), QStringLiteral("--bootstrap"), m_broker.bootstrap(),
                            QStringLiteral("-o"), exported});
    QVERIFY2(ex.exitCode == 0, ex.err.constData());
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(4).startsWith("\x28\xb5\x2f\xfd"));
    // What ndhctl exported is what kcat reads from the cluster.
    const auto plain = ndhtest::run(QStringLiteral("zstd"), {QStringLiteral("-dc"), exported});
    QCOMPARE(plain.exitCode, 0);
    QCOMPARE(recordSet(plain.out), recordSet(kcatCapture(m_broker.bootstrap())));
    const auto state = ndhctl({QStringLiteral("state"), QStringLiteral("--file"), exported});
    QCOMPARE(state.out, m_stateFromCluster);

    // A time range keeps only the records of that range.
    const auto ranged = ndhctl({QStringLiteral("export"), QStringLiteral("--bootstrap"), m_broker.bootstrap(),
                                QStringLiteral("--from"), QStringLiteral("2025-08-03T10:30:02Z"), QStringLiteral("--to"),
                                QStringLiteral("2025-08-03T10:30:04Z"), QStringLiteral("-o"), path(QStringLiteral("range.jsonl"))});
    QCOMPARE(ranged.exitCode, 0);
    QFile range(path(QStringLiteral("range.jsonl")));
    QVERIFY(range.open(QIODevice::ReadOnly));
    const qsizetype rangeLines = range.readAll().count('\n');
    QVERIFY(rangeLines > 0);
    QVERIFY(rangeLines < 4000);

    // Replay into a fresh cluster: keys, headers, partitions, timestamps and payloads kept.
    EmbeddedBroker other;
    QVERIFY(other.start(3));
    const auto replay = ndhctl({QStringLiteral("replay"), QStringLiteral("--bootstrap"), other.bootstrap(), exported,
                                QStringLiteral("--rate"), QStringLiteral("20000")});
    QVERIFY2(replay.exitCode == 0, replay.err.constData());
    QVERIFY(replay.err.contains("4000 records published, 4000 delivered"));
    QCOMPARE(recordSet(kcatCapture(other.bootstrap())), recordSet(plain.out));
    QCOMPARE(ndhctl({QStringLiteral("state"), QStringLiteral("--bootstrap"), other.bootstrap()}).out, m_stateFromCluster);
}

void TestNdhctlLogs::badFilesGiveClearErrors()
{
    const auto missing = ndhctl({QStringLiteral("state"), QStringLiteral("--file"), path(QStringLiteral("nope.jsonl"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("does not exist"));
    const auto folder = ndhctl({QStringLiteral("state"), QStringLiteral("--file"), m_dir.path()});
    QCOMPARE(folder.exitCode, 1);
    QVERIFY(folder.err.contains("folder"));

    // A damaged line: reported with its number, everything else answered.
    QFile capture(path(QStringLiteral("capture.jsonl")));
    QVERIFY(capture.open(QIODevice::ReadOnly));
    QByteArray bytes = capture.readAll();
    bytes.insert(bytes.indexOf('\n') + 1, "{\"broken\n");
    QFile damaged(path(QStringLiteral("damaged.jsonl")));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write(bytes);
    damaged.close();
    const auto state = ndhctl({QStringLiteral("state"), QStringLiteral("--file"), damaged.fileName()});
    QCOMPARE(state.exitCode, 0);
    QVERIFY2(state.err.contains("line 2 (byte"), state.err.constData());
    QVERIFY(state.out.contains("\"rejected\": 1"));
    const auto usage = ndhctl({QStringLiteral("state"), QStringLiteral("--file"), damaged.fileName(),
                               QStringLiteral("--bootstrap"), m_broker.bootstrap()});
    QCOMPARE(usage.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestNdhctlLogs)
#include "tst_ndhctl_logs.moc"
