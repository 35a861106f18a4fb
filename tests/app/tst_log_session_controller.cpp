// The console offline (issue 7): a log opened from the File menu, the command line's
// path or a drop fills the tree, the alarms and the history; damage is reported by
// line; File > Export writes back exactly the records that were opened; an incident
// bundle carries the layout and a manifest. A live session (demo broker -> backend)
// exports what it consumed, and the export re-opens offline with the same state.

#include "alarm_table_model.h"
#include "asset_tree_filter_model.h"
#include "asset_tree_view.h"
#include "audit_log.h"
#include "audit_log_view.h"
#include "demo_plant.h"
#include "connection_status_widget.h"
#include "ingest_backend.h"
#include "log_file_reader.h"
#include "log_file_writer.h"
#include "log_session_controller.h"
#include "main_window.h"
#include "plant_generator.h"
#include "plant_models.h"
#include "hmi_style.h"
#include "plot_area.h"
#include "plot_panel.h"
#include "time_cursor.h"
#include "time_slider.h"
#include "raw_record_journal.h"

#include <QDockWidget>
#include <QLabel>
#include <QToolButton>
#include <QPushButton>
#include <QTableView>
#include <qcustomplot.h>
#include <QtTest>

using namespace ndh;

namespace {

QByteArray plantLog(int count, qint64 startMs = 1754217000000, qint64 stepMs = 100)
{
    PlantGenerator generator(11, 10);
    QByteArray out;
    qint64 now = startMs;
    for (int i = 0; i < count; ++i) {
        const PlantRecord p = generator.next(now += stepMs);
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
    void bundleCarriesTheAuditEntriesOfItsPeriod();
    void oldLogRunsOnItsOwnClock();
    void liveSessionExportReopensWithTheSameState();

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

    // The status bar says which file, in a neutral colour; ages count from the log's end.
    QCOMPARE(c.models.connectionStatus().state, ConnectionStatus::State::Offline);
    ConnectionStatusWidget *status = c.window.connectionStatusWidget();
    QCOMPARE(status->stateText(), QStringLiteral("Offline: plant.jsonl"));
    QVERIFY(!status->isAbnormal());
    QVERIFY(!status->detailText().contains(QStringLiteral("Disconnected")));
    const qint64 firstMs = 1754217000000;
    QVERIFY2(c.logs.logEndMs() > firstMs && c.logs.logEndMs() <= firstMs + 5000 * 100 + 60000,
             qPrintable(QString::number(c.logs.logEndMs())));
    QCOMPARE(c.models.assetTree()->shownAtMs(), c.logs.logEndMs());
    int fresh = 0;
    for (const QString &key : c.models.series().keys()) {
        const QModelIndex i = c.models.assetTree()->indexForAttribute(key);
        const qint64 updated = c.models.assetTree()->data(i, AssetTreeModel::UpdatedMsRole).toLongLong();
        QVERIFY(updated <= c.logs.logEndMs());
        // Nothing aged in days because the log is old; written near the end = not stale.
        QVERIFY2(!c.models.assetTree()->data(i.siblingAtColumn(AssetTreeModel::AgeColumn)).toString().contains(u'd'),
                 qPrintable(key));
        if (c.logs.logEndMs() - updated < 30000) {
            ++fresh;
            QVERIFY(!c.models.assetTree()->data(i, AssetTreeModel::StaleRole).toBool());
        }
    }
    QVERIFY(fresh > 0);
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
        c.window.deadLetterDock()->hide(); // the docks' layout travels too
        QVERIFY(!c.window.alarmDock()->isHidden());
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
    QVERIFY(c.window.deadLetterDock()->isHidden());
    QVERIFY(!c.window.alarmDock()->isHidden());
    QVERIFY(c.window.windowTitle().contains(QStringLiteral("broker1:9092")));
}

namespace {

// Appends an audit entry written strictly after `afterMs` (the log stamps its own time).
qint64 appendAfter(AuditLog &audit, qint64 afterMs, const QString &action)
{
    while (QDateTime::currentMSecsSinceEpoch() <= afterMs)
        QThread::usleep(200);
    AuditEntry entry;
    entry.who = QStringLiteral("olga");
    entry.role = QStringLiteral("operator");
    entry.action = action;
    entry.asset = QStringLiteral("FACTORY_A/Pump/PUMP_001");
    entry.outcome = QStringLiteral("requested");
    AuditRecord written;
    return audit.append(entry, &written) ? written.timeMs : -1;
}

} // namespace

void TestLogSessionController::bundleCarriesTheAuditEntriesOfItsPeriod()
{
    // The local audit log: one entry before the incident's period, two in it, one after.
    AuditLog audit;
    const QString auditPath = path(QStringLiteral("audit/audit.jsonl"));
    QVERIFY(audit.open(auditPath));
    const qint64 before = appendAfter(audit, 0, QStringLiteral("sign_in"));
    const qint64 first = appendAfter(audit, before, QStringLiteral("acknowledge_alarm"));
    const qint64 second = appendAfter(audit, first, QStringLiteral("send_command"));
    const qint64 after = appendAfter(audit, second, QStringLiteral("sign_out"));
    QVERIFY(before > 0 && first > before && second > first && after > second);
    // A log whose records (1 ms apart) cover all four entries.
    const QString logPath = path(QStringLiteral("audited.jsonl"));
    QVERIFY(writeFile(logPath, plantLog(int(after - before) + 400, before - 200, 1)));

    QString error;
    const QString bundlePath = path(QStringLiteral("audited.ndh"));
    {
        Console c;
        c.logs.setAuditProvider([auditPath](qint64 fromMs, qint64 toMs) {
            return AuditLog::excerptFile(auditPath, fromMs, toMs);
        });
        QVERIFY(c.load(logPath));
        LogExportDialog::Choice bundle;
        bundle.kind = LogExportDialog::Kind::Bundle;
        bundle.path = bundlePath;
        bundle.fromMs = first;
        bundle.toMs = second;
        QVERIFY2(c.logs.exportTo(bundle, &error), qPrintable(error));
    }
    LogFileReader reader;
    QVERIFY(reader.open(bundlePath));
    const QJsonObject manifest = QJsonDocument::fromJson(reader.bundle().manifest).object();
    QCOMPARE(manifest.value(QStringLiteral("audit_entries")).toInt(), 2);
    // The exact lines of the local log, checksums included.
    const QList<QByteArray> local = readFile(auditPath).split('\n');
    QCOMPARE(reader.bundle().audit, local.at(1) + '\n' + local.at(2) + '\n');

    Console c;
    QAction *show = c.window.findChild<QAction *>(QStringLiteral("bundleAuditAction"));
    QVERIFY(show);
    QVERIFY(!show->isEnabled());
    QVERIFY(c.load(bundlePath));
    QVERIFY(show->isEnabled());
    QVERIFY(show->text().contains(u'2'));
    QVERIFY2(c.logs.lastMessage().contains(QStringLiteral("2 audit entries")), qPrintable(c.logs.lastMessage()));
    AuditLogView *view = c.logs.showBundleAudit();
    QVERIFY(view);
    QVERIFY(view->isExcerpt());
    QVERIFY2(view->verification().ok(), qPrintable(view->verificationText()));
    QCOMPARE(view->shownCount(), 2);
    QStringList actions;
    for (int row = 0; row < view->tableView()->model()->rowCount(); ++row)
        actions << view->tableView()->model()->index(row, 4).data().toString();
    QCOMPARE(actions, (QStringList{QStringLiteral("acknowledge_alarm"), QStringLiteral("send_command")}));
    QVERIFY(view->windowTitle().contains(QStringLiteral("audited.ndh")));
    // Read-only: nothing to reload, and the local audit log was not touched.
    QPushButton *reload = nullptr;
    for (QPushButton *b : view->findChildren<QPushButton *>())
        if (b->text().contains(QStringLiteral("Reload")))
            reload = b;
    QVERIFY(reload && reload->isHidden());
    QCOMPARE(AuditLog::verifyFile(auditPath).records, qint64(4));

    // An entry edited inside the bundle shows as damaged, not as intact.
    QByteArray edited = reader.bundle().audit;
    edited.replace("send_command", "send_commanx");
    AuditVerification v;
    QCOMPARE(AuditLog::readExcerpt(edited, &v).size(), size_t(1));
    QVERIFY(!v.ok());
    QCOMPARE(v.firstBrokenLine, qint64(2));
    // A plain log has none.
    Console plain;
    QVERIFY(plain.load(logPath));
    QVERIFY(!plain.logs.bundleAuditAction()->isEnabled());
    QVERIFY(!plain.logs.showBundleAudit());
}

void TestLogSessionController::oldLogRunsOnItsOwnClock()
{
    // Records of three days ago, 100 ms apart over 500 s.
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - 3 * 86400000LL;
    const QString logPath = path(QStringLiteral("three-days-old.jsonl"));
    const QByteArray log = plantLog(5000, start, 100);
    QVERIFY(writeFile(logPath, log));
    // The log's range, from its own "ts" fields.
    qint64 firstMs = std::numeric_limits<qint64>::max();
    qint64 lastMs = 0;
    for (const QByteArray &line : log.split('\n')) {
        LogDamage damage;
        if (const auto r = LogFileReader::parseLine(line, &damage)) {
            firstMs = std::min(firstMs, r->timestampMs);
            lastMs = std::max(lastMs, r->timestampMs);
        }
    }
    QCOMPARE(lastMs - firstMs, qint64(4999 * 100));

    Console c;
    c.window.resize(1366, 768);
    c.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&c.window));
    QVERIFY(!c.window.plotArea()->plots().isEmpty());
    PlotPanel *before = c.window.plotArea()->plots().first(); // there before the log: empty
    QVERIFY(c.load(logPath));
    QTRY_COMPARE(c.models.recordsConsumed(), quint64(5000));
    QCOMPARE(c.logs.logEndMs(), lastMs);

    // The time slider spans the log, and "now" is its end.
    TimeCursor *cursor = c.models.timeCursor();
    QCOMPARE(cursor->firstMs(), firstMs);
    QCOMPARE(cursor->lastMs(), lastMs);
    QCOMPARE(cursor->timeMs(), lastMs);
    // ...and it says so: no promise of live data that will never come.
    TimeSlider *slider = c.window.timeSlider();
    // With the log's date: the lists and plots show times of day only.
    const QString endLabel = QStringLiteral("End of log: ")
                             + QDateTime::fromMSecsSinceEpoch(lastMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QCOMPARE(slider->timeLabel()->text(), endLabel);
    QCOMPARE(slider->liveButton()->text(), QStringLiteral("END"));
    cursor->setTime(firstMs + (lastMs - firstMs) / 2);
    QVERIFY(slider->banner()->isVisibleTo(&c.window));
    QVERIFY2(slider->banner()->text().contains(QFileInfo(logPath).fileName())
                 && !slider->banner()->text().contains(QStringLiteral("Live data keeps arriving")),
             qPrintable(slider->banner()->text()));
    slider->liveButton()->click();
    QCOMPARE(cursor->timeMs(), lastMs);
    QCOMPARE(slider->timeLabel()->text(), endLabel);

    // Plots show a minute inside the log (plus the 2 % headroom that keeps the newest
    // sample off the frame), not today's: one with a curve, one added empty, the one
    // from before the log was opened.
    QStringList keys = c.models.series().keys();
    keys.sort();
    PlotPanel *withCurve = c.window.plotArea()->addPlot();
    QVERIFY(withCurve);
    withCurve->addCurve(keys.first());
    PlotPanel *empty = c.window.plotArea()->addPlot();
    QVERIFY(empty);
    for (PlotPanel *panel : {before, withCurve, empty}) {
        const double headroom = 0.05 * panel->windowSeconds();
        // A curve is followed to its own newest sample; an empty plot to the log's end.
        const double end = panel == withCurve ? double(firstMs) / 1000.0 + panel->windowSeconds()
                                              : double(lastMs) / 1000.0;
        QTRY_VERIFY2(panel->plot()->xAxis->range().lower >= double(firstMs) / 1000.0
                         && panel->plot()->xAxis->range().upper <= double(lastMs) / 1000.0 + headroom
                         && panel->plot()->xAxis->range().upper >= end,
                     qPrintable(QStringLiteral("x from %1 to %2, log from %3 to %4")
                                    .arg(panel->plot()->xAxis->range().lower, 0, 'f', 1)
                                    .arg(panel->plot()->xAxis->range().upper, 0, 'f', 1)
                                    .arg(double(firstMs) / 1000.0, 0, 'f', 1)
                                    .arg(double(lastMs) / 1000.0, 0, 'f', 1)));
    }

    // Ages and times in state count from the log's end: nothing is "3 d" old, and a
    // value written in the log's last half minute is neither stale nor greyed.
    AssetTreeFilterModel *tree = c.window.assetTreeView()->filterModel();
    int fresh = 0;
    for (const QString &key : c.models.series().keys()) {
        const QModelIndex i = c.models.assetTree()->indexForAttribute(key);
        const qint64 updated = c.models.assetTree()->data(i, AssetTreeModel::UpdatedMsRole).toLongLong();
        QVERIFY2(!i.siblingAtColumn(AssetTreeModel::AgeColumn).data().toString().contains(u'd'), qPrintable(key));
        if (lastMs - updated >= 30000)
            continue;
        ++fresh;
        const QModelIndex shown = tree->mapFromSource(i.siblingAtColumn(AssetTreeModel::AgeColumn));
        QVERIFY(shown.isValid());
        QVERIFY2(!shown.data(Qt::ToolTipRole).toString().contains(QStringLiteral("stale")), qPrintable(key));
        QVERIFY(shown.data(Qt::ForegroundRole).value<QBrush>().color() != HmiStyle::staleText());
    }
    QVERIFY(fresh > 0);
    AlarmTableModel *alarms = c.models.alarms();
    QVERIFY(alarms->rowCount() > 0);
    for (int row = 0; row < alarms->rowCount(); ++row) {
        const QString inState = alarms->index(row, AlarmTableModel::TimeInStateColumn).data().toString();
        QVERIFY2(!inState.contains(QStringLiteral(" d")), qPrintable(inState));
    }
}

void TestLogSessionController::liveSessionExportReopensWithTheSameState()
{
    DemoPlant demo;
    SimulatorOptions options;
    options.assets = 12;
    options.rate = 4000;
    options.count = 3000;
    options.startTimeMs = 1754217000000;
    QVERIFY2(demo.start(2, options), qPrintable(demo.error()));

    Console live;
    live.logs.setLoadInPlace(false);
    IngestBackend backend([&] {
        ConsumerConfig c;
        c.bootstrap = demo.bootstrap();
        return c;
    }());
    backend.setJournal(live.logs.journal());
    connect(&backend, &IngestBackend::batchReady, &live.models, &PlantModels::applyBatch);
    backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(live.models.recordsConsumed(), quint64(options.count), 60000);
    backend.stop();
    QCOMPARE(live.logs.journal()->size(), size_t(options.count));
    QCOMPARE(live.logs.journal()->dropped(), quint64(0));

    // File > Export of the live session (the dialog's choice: everything).
    LogExportDialog::Choice all;
    all.kind = LogExportDialog::Kind::CompressedLog;
    all.path = path(QStringLiteral("live.jsonl.zst"));
    all.fromMs = live.logs.journal()->firstMs();
    all.toMs = live.logs.journal()->lastMs();
    QString error;
    QVERIFY2(live.logs.exportTo(all, &error), qPrintable(error));

    Console offline;
    QVERIFY(offline.load(all.path));
    QCOMPARE(offline.logs.lastSummary()->records, quint64(options.count));
    QCOMPARE(offline.logs.lastSummary()->damageCount, quint64(0));
    QTRY_COMPARE(offline.models.recordsConsumed(), quint64(options.count));

    // What the operator sees: the same assets, each attribute with the same value and time.
    AssetTreeModel *a = live.models.assetTree();
    AssetTreeModel *b = offline.models.assetTree();
    QCOMPARE(b->assetCount(), a->assetCount());
    QCOMPARE(b->attributeCount(), a->attributeCount());
    QVERIFY(a->attributeCount() > 20);
    const QStringList keys = live.models.series().keys();
    QVERIFY(!keys.isEmpty());
    int compared = 0;
    for (const QString &key : keys) {
        const QModelIndex x = a->indexForAttribute(key);
        const QModelIndex y = b->indexForAttribute(key);
        QCOMPARE(y.isValid(), x.isValid()); // some series (command durations) have no tree row
        if (!x.isValid())
            continue;
        ++compared;
        QCOMPARE(b->data(y.siblingAtColumn(AssetTreeModel::ValueColumn)).toString(),
                 a->data(x.siblingAtColumn(AssetTreeModel::ValueColumn)).toString());
        QCOMPARE(b->data(y, AssetTreeModel::UpdatedMsRole), a->data(x, AssetTreeModel::UpdatedMsRole));
    }
    QVERIFY(compared > 20);
    QCOMPARE(offline.models.alarms()->rowCount(), live.models.alarms()->rowCount());
    QCOMPARE(offline.models.deadLetters()->totalCount(), live.models.deadLetters()->totalCount());
}

QTEST_MAIN(TestLogSessionController)
#include "tst_log_session_controller.moc"
