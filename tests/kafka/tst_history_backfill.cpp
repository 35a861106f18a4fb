// "Load history..." against the embedded broker with the plant simulator: only the
// asked range arrives, progress reaches 100 %, cancel stops it, and the history
// engine then answers for that range. The mock has no time index (DESIGN.md §4),
// so its partitions are read from the start and filtered; the seek-by-time plan a
// real cluster gets is checked on its own.

#include "dead_letter_model.h"
#include "embedded_broker.h"
#include "kafka_test_support.h"
#include "history_backfill.h"
#include "history_store.h"
#include "plant_models.h"
#include "plant_simulator.h"
#include "topic_snapshot_reader.h"

#include <QSignalSpy>
#include <QTest>

using namespace ndh;

namespace {
constexpr qint64 kT0 = 1'763'800'000'000;
constexpr int kRecords = 4000; // simulated clock: one record per ms from kT0
}

class TestHistoryBackfill : public QObject
{
    Q_OBJECT

private:
    EmbeddedBroker m_broker;

    struct Run
    {
        std::vector<PlantEvent> events;
        quint64 lastDone = 0;
        quint64 lastTotal = 0;
        bool ok = false;
        bool cancelled = false;
        QString summary;
        int progressSignals = 0;
    };

    Run load(HistoryBackfill &backfill, qint64 from, qint64 to, bool cancelAtOnce = false)
    {
        Run run;
        QObject context;
        connect(&backfill, &HistoryBackfill::batchReady, &context, [&run](const EventBatchPtr &b) {
            run.events.insert(run.events.end(), b->events.begin(), b->events.end());
        });
        connect(&backfill, &HistoryBackfill::progress, &context, [&run](quint64 done, quint64 total) {
            run.lastDone = done;
            run.lastTotal = total;
            ++run.progressSignals;
        });
        QSignalSpy finished(&backfill, &HistoryBackfill::finished);
        if (!backfill.start(from, to))
            return run;
        if (cancelAtOnce)
            backfill.cancel();
        if (!finished.wait(60000))
            return run;
        QCoreApplication::processEvents(); // batches queued before finished
        run.ok = finished.first().at(0).toBool();
        run.cancelled = finished.first().at(1).toBool();
        run.summary = finished.first().at(2).toString();
        return run;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<ndh::EventBatchPtr>();
        QVERIFY2(m_broker.start(3), qPrintable(m_broker.error()));
        SimulatorOptions options;
        options.rate = 0; // as fast as it goes; the simulated clock still advances 1 ms a record
        options.count = kRecords;
        options.startTimeMs = kT0;
        options.assets = 20;
        PlantSimulator simulator(m_broker.bootstrap(), options);
        QVERIFY2(simulator.start(), qPrintable(simulator.error()));
        QVERIFY(simulator.waitFinished(60000));
        QCOMPARE(simulator.delivered(), quint64(kRecords));
    }

    void loadsOnlyTheRangeWithFullProgress()
    {
        ConsumerConfig config;
        config.bootstrap = m_broker.bootstrap();
        HistoryBackfill backfill(config);
        const Run all = load(backfill, 0, kT0 * 2);
        QVERIFY2(all.ok, qPrintable(all.summary));
        QCOMPARE(backfill.recordsRead(), quint64(kRecords));
        // The same records through an independent path (the snapshot reader).
        TopicSnapshotReader reader(config);
        QVERIFY2(reader.read(30000), qPrintable(reader.error()));
        QCOMPARE(all.events.size(), reader.timeline().size() + reader.timeline().duplicates());
        // Honest progress: offsets read against offsets to read, ending at 100 %.
        QCOMPARE(all.lastTotal, quint64(kRecords));
        QCOMPARE(all.lastDone, all.lastTotal);
        QVERIFY(all.progressSignals >= 2);

        // Only [from, to]: every event inside, and all of those the full load saw.
        const qint64 from = kT0 + 1000;
        const qint64 to = kT0 + 2499;
        const Run part = load(backfill, from, to);
        QVERIFY2(part.ok, qPrintable(part.summary));
        size_t expected = 0;
        for (const PlantEvent &e : all.events)
            expected += e.eventTimeMs >= from && e.eventTimeMs <= to;
        QVERIFY(expected > 0 && expected < all.events.size());
        QCOMPARE(part.events.size(), expected);
        for (const PlantEvent &e : part.events)
            QVERIFY(e.eventTimeMs >= from && e.eventTimeMs <= to);
        QCOMPARE(backfill.eventsInRange(), quint64(expected));
        QCOMPARE(part.lastDone, part.lastTotal);

        // The mock has no time index: every partition was read and filtered.
        QCOMPARE(backfill.partitionsByTime(), 0);
        QVERIFY(backfill.partitionsScanned() > 0);

        // Into the history engine, it answers for that range.
        HistoryStore history;
        history.append(part.events);
        QCOMPARE(history.firstMs(), std::min_element(part.events.begin(), part.events.end(), [](const auto &a, const auto &b) {
                                        return a.eventTimeMs < b.eventTimeMs;
                                    })->eventTimeMs);
        QVERIFY(history.lastMs() <= to);
    }

    void cancelStopsIt()
    {
        ConsumerConfig config;
        config.bootstrap = m_broker.bootstrap();
        HistoryBackfill backfill(config);
        const Run run = load(backfill, 0, kT0 * 2, true);
        QVERIFY(run.cancelled);
        QVERIFY(!run.ok);
        QVERIFY(backfill.recordsRead() < quint64(kRecords));
        QVERIFY(backfill.wait(10000)); // the thread ends once the consumer is gone
        QVERIFY(!backfill.isRunning());
        // And it can load again afterwards.
        const Run again = load(backfill, 0, kT0 * 2);
        QVERIFY2(again.ok, qPrintable(again.summary));
        QCOMPARE(backfill.recordsRead(), quint64(kRecords));
    }

    void unreachableClusterSaysSo()
    {
        ConsumerConfig config;
        config.bootstrap = QStringLiteral("127.0.0.1:1");
        config.extraProperties = {{QStringLiteral("socket.connection.setup.timeout.ms"), QStringLiteral("1000")}};
        HistoryBackfill backfill(config);
        const Run run = load(backfill, 0, kT0);
        QVERIFY(!run.ok);
        QVERIFY2(run.summary.contains(QStringLiteral("Cannot reach Kafka at 127.0.0.1:1")), qPrintable(run.summary));
    }

    void realClusterSeeksByTime_data()
    {
        QTest::addColumn<bool>("timeIndex");
        QTest::addColumn<qint64>("fromOffset");
        QTest::addColumn<qint64>("toOffset");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<bool>("byTime");
        // partition [100, 1000)
        QTest::newRow("index answers both ends") << true << qint64(400) << qint64(700) << qint64(400) << qint64(700) << true;
        QTest::newRow("range runs past the newest record") << true << qint64(400) << qint64(-1) << qint64(400) << qint64(1000) << true;
        QTest::newRow("nothing at or after from") << true << qint64(-1) << qint64(-1) << qint64(1000) << qint64(1000) << true;
        QTest::newRow("offset below low watermark (retention)") << true << qint64(5) << qint64(700) << qint64(100) << qint64(700) << true;
        QTest::newRow("no time index (mock): read all, filter") << false << qint64(-1) << qint64(-1) << qint64(100) << qint64(1000) << false;
    }

    void realClusterSeeksByTime()
    {
        QFETCH(bool, timeIndex);
        QFETCH(qint64, fromOffset);
        QFETCH(qint64, toOffset);
        const HistoryBackfill::Range r = HistoryBackfill::plan(100, 1000, timeIndex, fromOffset, toOffset);
        QTEST(r.start, "start");
        QTEST(r.end, "end");
        QTEST(r.byTime, "byTime");
    }

    // Runs last: it adds a record the tests above do not count.
    void undecodableRecordsReachTheDeadLetters()
    {
        const auto produced = ndhtest::run(ndhtest::kcatPath(),
                                           {QStringLiteral("-P"), QStringLiteral("-b"), m_broker.bootstrap(),
                                            QStringLiteral("-t"), QStringLiteral("ndh.assets.alarms.triggered"),
                                            QStringLiteral("-p"), QStringLiteral("0")},
                                           QByteArray("this is not an envelope\n"));
        QCOMPARE(produced.exitCode, 0);
        ConsumerConfig config;
        config.bootstrap = m_broker.bootstrap();
        HistoryBackfill backfill(config);
        PlantModels models;
        connect(&backfill, &HistoryBackfill::batchReady, &models, &PlantModels::applyHistoryBatch);
        const Run run = load(backfill, kT0, kT0 + 999);
        QVERIFY2(run.ok, qPrintable(run.summary));
        // Shown in the dead-letter list with where it came from, whatever the range:
        // a record that cannot be decoded has no event time to filter by.
        DeadLetterModel *letters = models.deadLetters();
        QCOMPARE(letters->rowCount(), 1);
        QCOMPARE(letters->index(0, DeadLetterModel::SourceColumn).data().toString(),
                 QStringLiteral("ndh.assets.alarms.triggered"));
        QCOMPARE(letters->index(0, 0).data(DeadLetterModel::PayloadRole).toByteArray(),
                 QByteArray("this is not an envelope"));
        QVERIFY(!run.events.empty()); // the good records in range still arrived
    }
};

QTEST_GUILESS_MAIN(TestHistoryBackfill)
#include "tst_history_backfill.moc"
