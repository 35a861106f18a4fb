// The "Topics" dock wired as in the console: against the embedded broker a scan
// started from the panel's controls fills the list, the kcat command of a record,
// run with the real kcat, fetches exactly that record, an export writes a log kcat
// tools read; offline, the same panel browses an opened log.

#include "embedded_broker.h"
#include "kafka_test_support.h"
#include "log_file_reader.h"
#include "log_file_writer.h"
#include "log_session_controller.h"
#include "main_window.h"
#include "message_detail_view.h"
#include "plant_models.h"
#include "topic_browser_backend.h"
#include "topic_browser_panel.h"
#include "topic_browser_session.h"

#include <QDockWidget>
#include <QTreeWidget>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QtTest>

using namespace ndh;

class TestTopicBrowserSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void scansTheClusterAndKcatFetchesTheRecord()
    {
        EmbeddedBroker broker;
        QVERIFY(broker.start(2, 1, {QStringLiteral("browse.session")}));
        const QByteArray lines = "A:{\"asset_id\":\"P-1\",\"event_type\":\"attribute_changed\",\"event_data\":{\"new_value\":1}}\n"
                                 "B:{\"asset_id\":\"P-2\",\"event_type\":\"attribute_changed\",\"event_data\":{\"new_value\":500}}\n"
                                 "C:\xff\xfe binary\n";
        QCOMPARE(ndhtest::kcatProduce(broker.bootstrap(), QStringLiteral("browse.session"), lines).exitCode, 0);

        PlantModels models;
        MainWindow window(&models);
        TopicBrowserPanel *panel = window.topicBrowser();
        QVERIFY(panel);
        QVERIFY(window.topicDock());
        ConsumerConfig config;
        config.bootstrap = broker.bootstrap();
        TopicBrowserSession session(panel, config, nullptr, true);
        session.start();

        // The cluster view fills by itself.
        QTRY_VERIFY_WITH_TIMEOUT(panel->clusterTree()->topLevelItemCount() > 0, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->clusterTree()->findItems(QStringLiteral("browse.session"), Qt::MatchExactly).isEmpty(), 15000);

        panel->setScanTopics({QStringLiteral("browse.session")});
        panel->setFilter({{}, {}, {}, {}, QStringLiteral("event_data.new_value > 100")});
        panel->startScan();
        QTRY_VERIFY_WITH_TIMEOUT(panel->countsLabel()->text().contains(QStringLiteral("done")), 15000);
        QCOMPARE(panel->messages()->rowCount(), 1);
        QVERIFY(panel->countsLabel()->text().contains(QStringLiteral("3 scanned")));
        QVERIFY(panel->countsLabel()->text().contains(QStringLiteral("1 matched")));

        panel->setFilter({});
        panel->startScan();
        QTRY_VERIFY_WITH_TIMEOUT(panel->countsLabel()->text().contains(QStringLiteral("done")), 15000);
        QCOMPARE(panel->messages()->rowCount(), 3);

        // Every row's kcat command, run with kcat, prints that very record.
        for (int row = 0; row < 3; ++row) {
            const LogRecord expected = panel->messages()->record(row);
            const QString command = panel->kcatCommandForRow(row);
            QStringList args = QProcess::splitCommand(command);
            QCOMPARE(args.takeFirst(), QStringLiteral("kcat"));
            const auto fetched = ndhtest::run(ndhtest::kcatPath(), args);
            QCOMPARE(fetched.exitCode, 0);
            // kcat -J writes a value that is not UTF-8 as raw bytes (not JSON): look for them as such.
            const QByteArray place = QStringLiteral("\"partition\":%1,\"offset\":%2,").arg(expected.partition).arg(expected.offset).toUtf8();
            QVERIFY2(fetched.out.contains(place), fetched.out.constData());
            QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            [[maybe_unused]] const QString text = utf8.decode(*expected.payload);
            if (utf8.hasError()) {
                QVERIFY(fetched.out.contains(*expected.payload)); // byte for byte
                continue;
            }
            LogDamage damage;
            const auto got = LogFileReader::parseLine(fetched.out.trimmed(), &damage);
            QVERIFY2(got, qPrintable(damage.detail + u' ' + QString::fromUtf8(fetched.out)));
            QCOMPARE(got->partition, expected.partition);
            QCOMPARE(got->offset, expected.offset);
            QCOMPARE(got->key, expected.key);
            QCOMPARE(got->payload, expected.payload); // binary too
            // "Copy as JSON" is that same kcat -J line.
            QCOMPARE(QJsonDocument::fromJson(panel->jsonForRow(row)).object().value(QStringLiteral("offset")).toInteger(),
                     expected.offset);
        }

        // Export all: a log kcat tools read back whole.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("browse.jsonl"));
        QString error;
        QVERIFY2(TopicBrowserSession::exportRecords(path, panel->messages()->records({0, 1, 2}), &error), qPrintable(error));
        LogFileReader reader;
        QVERIFY(reader.open(path));
        LogChunk chunk;
        reader.readChunk(chunk, 100);
        // All three come back whole, the binary one byte for byte (written raw inside
        // the JSON string as kcat -J does, and read back as a record, not damage).
        QVERIFY(chunk.damages.empty());
        QCOMPARE(chunk.records.size(), size_t(3));
        for (int row = 0; row < 3; ++row)
            QCOMPARE(chunk.records[size_t(row)], panel->messages()->record(row));
        QVERIFY(std::any_of(chunk.records.begin(), chunk.records.end(),
                            [](const LogRecord &r) { return r.payload == QByteArray("\xff\xfe binary"); }));
        session.stop();
    }

    void exportRunsOnAWorkerAndCancelLeavesNoFile()
    {
        PlantModels models;
        MainWindow window(&models);
        TopicBrowserSession session(window.topicBrowser(), {}, nullptr, false);
        QSignalSpy ended(&session, &TopicBrowserSession::exportEnded);
        LogRecord r;
        r.topic = QStringLiteral("ndh.assets.state.changed");
        r.partition = 0;
        r.tstype = LogRecord::TimestampType::Create;
        r.timestampMs = 1754217000000;
        r.key = QByteArray("P-1");
        r.payload = QByteArray(R"({"asset_id":"P-1","event_type":"attribute_changed","event_data":{"new_value":1}})").repeated(4);
        std::vector<LogRecord> many(300000, r);
        for (size_t i = 0; i < many.size(); ++i)
            many[i].offset = qint64(i);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.jsonl"));
        session.startExport(path, many);
        QVERIFY(session.isExporting());
        QVERIFY(session.exportProgress());
        // What the dialog's Cancel button does.
        auto *cancel = session.exportProgress()->findChild<QPushButton *>();
        QVERIFY(cancel);
        cancel->click();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
        QCOMPARE(ended.at(0).at(0).toBool(), false);
        QCOMPARE(ended.at(0).at(1).toBool(), true); // cancelled
        QVERIFY2(ended.at(0).at(2).toString().contains(QStringLiteral("cancelled")), qPrintable(ended.at(0).at(2).toString()));
        QVERIFY(!session.isExporting());
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList()); // no temporary file either

        // Not cancelled: the file is there, complete.
        many.resize(5000);
        session.startExport(path, many);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 30000);
        QCOMPARE(ended.at(1).at(0).toBool(), true);
        LogFileReader reader;
        QVERIFY(reader.open(path));
        LogChunk chunk;
        reader.readChunk(chunk, 10000);
        QCOMPARE(chunk.records.size(), size_t(5000));
        QCOMPARE(chunk.records.back(), many.back());
    }

    void browsesAnOpenedLogOffline()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("incident.jsonl"));
        std::vector<LogRecord> records;
        for (int i = 0; i < 20; ++i) {
            LogRecord r;
            r.topic = i % 2 ? QStringLiteral("ndh.assets.state.changed") : QStringLiteral("drone-events");
            r.partition = i % 3;
            r.offset = i;
            r.tstype = LogRecord::TimestampType::Create;
            r.timestampMs = 1754217000000 + i * 1000;
            r.key = QStringLiteral("K%1").arg(i).toUtf8();
            r.payload = QStringLiteral(R"({"asset_id":"A-%1","event_type":"attribute_changed","event_data":{"new_value":%2}})")
                            .arg(i)
                            .arg(i * 10)
                            .toUtf8();
            records.push_back(r);
        }
        QString error;
        QVERIFY(TopicBrowserSession::exportRecords(path, records, &error));

        PlantModels models;
        MainWindow window(&models);
        LogSessionController logs(&models, &window);
        logs.setInteractive(false);
        TopicBrowserSession session(window.topicBrowser(), {}, &logs, false);
        session.start();
        QSignalSpy loaded(&logs, &LogSessionController::loadFinished);
        logs.openFile(path);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 15000);
        TopicBrowserPanel *panel = window.topicBrowser();
        QVERIFY(panel->isOffline());
        QCOMPARE(panel->clusterTree()->topLevelItemCount(), 2);
        panel->setScanTopics({QStringLiteral("ndh.assets.state.changed")});
        panel->setFilter({{}, {}, {}, {}, QStringLiteral("event_data.new_value >= 100")});
        panel->startScan();
        QTRY_VERIFY_WITH_TIMEOUT(panel->countsLabel()->text().contains(QStringLiteral("done")), 15000);
        // Odd i from 11 to 19: five records, merged by time.
        QCOMPARE(panel->messages()->rowCount(), 5);
        for (int row = 1; row < 5; ++row)
            QVERIFY(panel->messages()->record(row - 1).timestampMs < panel->messages()->record(row).timestampMs);
        QCOMPARE(*panel->messages()->record(0).key, QByteArray("K11"));
        session.stop();
    }
};

QTEST_MAIN(TestTopicBrowserSession)
#include "tst_topic_browser_session.moc"
