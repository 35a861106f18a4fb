// The console offline (issue 7): a log opened from the File menu, the command line's
// path or a drop fills the tree, the alarms and the history; damage is reported by
// line; File > Export writes back exactly the records that were opened; an incident
// bundle carries the layout and a manifest.

#include "log_file_reader.h"
#include "log_file_writer.h"
#include "log_session_controller.h"
#include "main_window.h"
#include "plant_generator.h"
#include "plant_models.h"
#include "plot_area.h"
#include "raw_record_journal.h"

#include <QtTest>

using namespace ndh;

namespace {

QByteArray plantLog(int count)
{
    PlantGenerator generator(11, 10);
    QByteArray out;
    qint64 now = 1754217000000;
    for (int i = 0; i < count; ++i) {
        const PlantRecord p = generator.next(now += 100);
        LogRecord r;
        r.topic = QString::fromUtf8(p.topic);
        r.partition = i % 3;
        r.offset = i;
        r.tstype = LogRecord::TimestampType::Create;
        r.timestampMs = p.timestampMs;
        r.broker = 1;
        r.key = p.key;
        r.payload = p.payload;
        LogFileWriter::appendJson(r, out);
    }
    return out;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

struct Console
{
    PlantModels models;
    MainWindow window{&models};
    LogSessionController logs{&models, &window};
    Console() { logs.setInteractive(false); }
    bool load(const QString &path)
    {
        QSignalSpy done(&logs, &LogSessionController::loadFinished);
        logs.openFile(path);
        return done.wait(60000);
    }
};

} // namespace

class TestLogSessionController : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_log = plantLog(5000);
        QVERIFY(writeFile(path(QStringLiteral("plant.jsonl")), m_log));
    }
    void openFillsTheViewsOffline();
    void openExportOpenGivesTheSameRecords();
    void damageIsNamedByLine();
    void dropOpensTheFile();
    void bundleCarriesLayoutAndManifest();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
    QByteArray m_log;
};

void TestLogSessionController::openFillsTheViewsOffline()
{
    Console c;
    QAction *open = c.window.findChild<QAction *>(QStringLiteral("openLogAction"));
    QVERIFY(open);
    QCOMPARE(open->shortcut(), QKeySequence(QKeySequence::Open));
    QVERIFY(c.load(path(QStringLiteral("plant.jsonl"))));
    QTRY_COMPARE(c.models.recordsConsumed(), quint64(5000));
    QVERIFY(c.models.assetTree()->assetCount() >= 10);
    QVERIFY(c.models.alarms()->rowCount() > 0);
    QVERIFY(!c.models.history().isEmpty());
    QCOMPARE(c.models.deadLetters()->totalCount(), quint64(0));
    QVERIFY(c.window.windowTitle().contains(QStringLiteral("plant.jsonl")));
    QCOMPARE(c.logs.journal()->size(), size_t(5000));
}

void TestLogSessionController::openExportOpenGivesTheSameRecords()
{
    Console c;
    QVERIFY(c.load(path(QStringLiteral("plant.jsonl"))));
    LogExportDialog::Choice all;
    all.kind = LogExportDialog::Kind::CompressedLog;
    all.path = path(QStringLiteral("again.jsonl.zst"));
    all.fromMs = c.logs.journal()->firstMs();
    all.toMs = c.logs.journal()->lastMs();
    QString error;
    QVERIFY2(c.logs.exportTo(all, &error), qPrintable(error));
    const auto plain = QProcessEnvironment::systemEnvironment(); // zstd CLI decompresses it
    QProcess zstd;
    zstd.start(QStringLiteral("zstd"), {QStringLiteral("-dc"), all.path});
    QVERIFY(zstd.waitForFinished(30000));
    QCOMPARE(zstd.readAllStandardOutput(), m_log);

    // A topic and a time range select a subset, still byte-identical lines.
    LogExportDialog::Choice some = all;
    some.kind = LogExportDialog::Kind::Log;
    some.path = path(QStringLiteral("some.jsonl"));
    some.topics = {QStringLiteral("ndh.assets.state.attribute_changed")};
    some.toMs = all.fromMs + (all.toMs - all.fromMs) / 2;
    QVERIFY(c.logs.exportTo(some, &error));
    const QByteArray subset = readFile(some.path);
    QVERIFY(!subset.isEmpty());
    QVERIFY(subset.count('\n') < 2500);
    for (const QByteArray &line : subset.split('\n')) {
        if (!line.isEmpty()) {
            QVERIFY(m_log.contains(line + '\n'));
            QVERIFY(line.startsWith("{\"topic\":\"ndh.assets.state.attribute_changed\""));
        }
    }
    // Nothing selected: an error, and no file.
    LogExportDialog::Choice none = all;
    none.path = path(QStringLiteral("none.jsonl"));
    none.topics = {QStringLiteral("no.such.topic")};
    QVERIFY(!c.logs.exportTo(none, &error));
    QVERIFY(!QFile::exists(none.path));
}

void TestLogSessionController::damageIsNamedByLine()
{
    QByteArray bytes = m_log;
    bytes.insert(bytes.indexOf('\n') + 1, "{\"topic\":\"x\",\"partition\":\n");
    bytes.chop(40); // and a truncated last line
    QVERIFY(writeFile(path(QStringLiteral("damaged.jsonl")), bytes));
    Console c;
    QVERIFY(c.load(path(QStringLiteral("damaged.jsonl"))));
    const LogLoadSummary summary = *c.logs.lastSummary();
    QCOMPARE(summary.records, quint64(4999)); // 5000 minus the truncated last one
    QCOMPARE(summary.damageCount, quint64(2));
    QVERIFY2(c.logs.lastMessage().contains(QStringLiteral("line 2 (byte")), qPrintable(c.logs.lastMessage()));
    QVERIFY(c.logs.lastMessage().contains(QStringLiteral("line 5001 (byte")));
    QVERIFY(c.logs.lastMessage().contains(QStringLiteral("truncated last line")));
    QTRY_COMPARE(c.models.deadLetters()->totalCount(), quint64(2));

    Console folder;
    QVERIFY(folder.load(m_dir.path()));
    QVERIFY(folder.logs.lastMessage().contains(QStringLiteral("could not be opened")));
    QVERIFY(folder.logs.lastMessage().contains(QStringLiteral("folder")));
}

void TestLogSessionController::dropOpensTheFile()
{
    Console c;
    QVERIFY(c.window.acceptDrops());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path(QStringLiteral("plant.jsonl")))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&c.window, &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy done(&c.logs, &LogSessionController::loadFinished);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&c.window, &drop);
    QVERIFY(done.wait(60000));
    QTRY_COMPARE(c.models.recordsConsumed(), quint64(5000));
}

void TestLogSessionController::bundleCarriesLayoutAndManifest()
{
    QString error;
    {
        Console c;
        QVERIFY(c.load(path(QStringLiteral("plant.jsonl"))));
        c.logs.setSourceCluster(QStringLiteral("broker1:9092"));
        c.window.plotArea()->addPlot();
        LogExportDialog::Choice bundle;
        bundle.kind = LogExportDialog::Kind::Bundle;
        bundle.path = path(QStringLiteral("incident.ndh"));
        bundle.fromMs = c.logs.journal()->firstMs();
        bundle.toMs = c.logs.journal()->lastMs();
        QVERIFY2(c.logs.exportTo(bundle, &error), qPrintable(error));
    }
    LogFileReader reader;
    QVERIFY(reader.open(path(QStringLiteral("incident.ndh"))));
    const QJsonObject manifest = QJsonDocument::fromJson(reader.bundle().manifest).object();
    QCOMPARE(manifest.value(QStringLiteral("records")).toInt(), 5000);
    QCOMPARE(manifest.value(QStringLiteral("source_cluster")).toString(), QStringLiteral("broker1:9092"));
    const QJsonObject layout = QJsonDocument::fromJson(reader.bundle().layout).object();
    QCOMPARE(layout.value(QStringLiteral("plots")).toObject().value(QStringLiteral("plots")).toArray().size(), 2);

    Console c;
    QCOMPARE(c.window.plotArea()->plots().size(), 1);
    QVERIFY(c.load(path(QStringLiteral("incident.ndh"))));
    QTRY_COMPARE(c.models.recordsConsumed(), quint64(5000));
    QCOMPARE(c.window.plotArea()->plots().size(), 2); // the layout came along
    QVERIFY(c.window.windowTitle().contains(QStringLiteral("broker1:9092")));
}

QTEST_MAIN(TestLogSessionController)
#include "tst_log_session_controller.moc"
