// The live path a user watches: simulator -> embedded broker -> IngestBackend (its own
// thread, no consumer group) -> PlantModels -> asset tree. Also what the user notices
// when things go wrong: batches stay coalesced when the GUI is slow, the status says
// when brokers are down and recovers by itself, and closing never hangs.

#include "batch_hand_off.h"
#include "demo_plant.h"
#include "embedded_broker.h"
#include "ingest_backend.h"
#include "kafka_client_conf.h"
#include "kafka_produce.h"
#include "kafka_test_support.h"
#include "audit_log.h"
#include "log_file_reader.h"
#include "operator_action_gate.h"
#include "plant_generator.h"
#include "plant_models.h"
#include "plant_simulator.h"
#include "process_threads.h"
#include "raw_record_journal.h"
#include "topic_catalog.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <thread>

#include <librdkafka/rdkafka.h>

#include <sys/resource.h>

using namespace ndh;

namespace {

// Watches a backend the way the GUI does.
struct Observer
{
    QList<ConnectionStatus> statuses;
    quint64 batches = 0;
    quint64 records = 0;
    quint64 events = 0;
    quint64 lostToRetention = 0;
    qint64 firstBatchMs = -1;
    QElapsedTimer clock;

    void attach(IngestBackend &backend)
    {
        clock.start();
        QObject::connect(&backend, &IngestBackend::statusChanged, &backend,
                         [this](const ConnectionStatus &s) { statuses << s; });
        QObject::connect(&backend, &IngestBackend::batchReady, &backend, [this](const EventBatchPtr &b) {
            if (firstBatchMs < 0)
                firstBatchMs = clock.elapsed();
            ++batches;
            records += b->recordsConsumed;
            events += b->events.size();
            lostToRetention += b->recordsLostToRetention;
        });
    }
    ConnectionStatus::State state() const
    {
        return statuses.isEmpty() ? ConnectionStatus::State::Disconnected : statuses.last().state;
    }
    QString lastError() const { return statuses.isEmpty() ? QString() : statuses.last().lastError; }
    double maxRate() const
    {
        double r = 0;
        for (const auto &s : statuses)
            r = std::max(r, s.recordsPerSecond);
        return r;
    }
};

// `count` small plant events into partition 0 of `topic`, as fast as the broker takes them.
bool produceEvents(const QString &bootstrap, const QString &topic, int from, int count)
{
    return ndhtest::produceRecords(bootstrap, topic, from, count, [](int i) {
        return std::pair(QByteArray(), QByteArrayLiteral("{\"message_id\":\"m") + QByteArray::number(i)
                                           + QByteArrayLiteral(
                                               "\",\"timestamp\":\"2025-08-03T10:00:00Z\",\"asset_id\":\"PUMP_001\","
                                               "\"asset_type\":\"Pump\",\"event_type\":\"attribute_changed\","
                                               "\"event_data\":{\"attribute\":\"flow_rate\",\"new_value\":")
                                           + QByteArray::number(i) + QByteArrayLiteral("}}"));
    });
}

ConsumerConfig configFor(const QString &bootstrap)
{
    ConsumerConfig c;
    c.bootstrap = bootstrap;
    return c;
}

} // namespace

class TestIngestBackend : public QObject
{
    Q_OBJECT
private slots:
    void demoPlantShowsUpInTheAssetTree();
    void slowGuiGetsFewerBiggerBatchesAndLosesNothing();
    void lastNStartsNearTheEndOfEachPartition();
    void backendThreadsYieldTheCoresToTheGui();
    void topicCreatedLaterIsPickedUp();
    void stopIsBoundedWhenBrokerUnreachable();
    void stopIsBoundedRightAfterStart();
    void recoversWhenTheBrokerComesBack();
    void fallingBehindRetentionResumesAndCountsTheGap();
    void backlogGoesToTheGuiInBoundedSlicesInOrder();
    void heldBatchKeepsTheNextBackUntilReleased();
    void batchAppliedOverSeveralTurnsHoldsTheNextBack();
    void appliedBatchesAreFreedByTheBackendAndReused();
    void releaseWakesTheWorkerWaitingForIt();
    void journalKeepsConsumedRecordsByteExact_data();
    void journalKeepsConsumedRecordsByteExact();
    void receiverKeepingBatchesKeepsThemIntact();
    void republishKeepsHeadersAndIsAudited();
};

void TestIngestBackend::demoPlantShowsUpInTheAssetTree()
{
    DemoPlant demo;
    SimulatorOptions options;
    options.assets = 12;
    options.rate = 2000;
    QVERIFY2(demo.start(4, options), qPrintable(demo.error()));

    PlantModels models;
    IngestBackend backend(configFor(demo.bootstrap()));
    Observer observer;
    observer.attach(backend);
    connect(&backend, &IngestBackend::batchReady, &models, &PlantModels::applyBatch);
    connect(&backend, &IngestBackend::statusChanged, &models, &PlantModels::setConnectionStatus);
    backend.start();
    QVERIFY(backend.isRunning());

    QTRY_COMPARE_WITH_TIMEOUT(observer.state(), ConnectionStatus::State::Connected, 15000);
    QCOMPARE(observer.statuses.first().state, ConnectionStatus::State::Connecting);
    QCOMPARE(observer.statuses.first().endpoint, demo.bootstrap());

    // Every simulated asset appears with values, and the drones too.
    AssetTreeModel *tree = models.assetTree();
    const PlantGenerator plant(options.seed, options.assets);
    for (const auto &asset : plant.assets()) {
        const QString key = asset.location + u'/' + asset.type + u'/' + asset.id;
        QTRY_VERIFY2_WITH_TIMEOUT(tree->indexForAsset(key).isValid(), qPrintable(key), 20000);
    }
    // An asset's row can come from its 'created' event before its snapshot's values.
    QTRY_VERIFY_WITH_TIMEOUT(tree->indexForAttribute(QStringLiteral("FACTORY_A/Pump/PUMP_001/flow_rate")).isValid(),
                             20000);
    const QModelIndex flow = tree->indexForAttribute(QStringLiteral("FACTORY_A/Pump/PUMP_001/flow_rate"));
    QVERIFY(tree->data(flow, AssetTreeModel::NumericValueRole).isValid());
    QCOMPARE(tree->data(flow.siblingAtColumn(AssetTreeModel::UnitColumn)).toString(), QStringLiteral("m3/h"));
    QTRY_VERIFY_WITH_TIMEOUT(tree->indexForAsset(QStringLiteral("FLEET/Drone/DRONE-1")).isValid(), 20000);
    QCOMPARE(models.deadLetters()->totalCount(), quint64(0));

    // Hand-offs are coalesced: count them over a few seconds of a 2000 records/s flow.
    const quint64 batchesBefore = observer.batches;
    const quint64 recordsBefore = observer.records;
    QElapsedTimer window;
    window.start();
    QTest::qWait(3000);
    const double seconds = window.elapsed() / 1000.0;
    const double perSecond = double(observer.batches - batchesBefore) / seconds;
    const double recordsPerSecond = double(observer.records - recordsBefore) / seconds;
    qInfo("first batch after %lld ms; %.1f hand-offs/s carrying %.0f records/s; status rate up to %.0f/s",
          observer.firstBatchMs, perSecond, recordsPerSecond, observer.maxRate());
    QVERIFY2(perSecond <= 40, qPrintable(QString::number(perSecond)));
    QVERIFY(observer.batches - batchesBefore >= 3); // and it is live
    QVERIFY(recordsPerSecond > 100);
    QVERIFY(observer.maxRate() > 0);
    QCOMPARE(models.recordsConsumed(), observer.records);

    backend.stop();
    QVERIFY(!backend.isRunning());
}

void TestIngestBackend::slowGuiGetsFewerBiggerBatchesAndLosesNothing()
{
    DemoPlant demo;
    SimulatorOptions options;
    options.assets = 8;
    options.rate = 3000;
    options.count = 3000;
    QVERIFY(demo.start(4, options));

    IngestBackend backend(configFor(demo.bootstrap()));
    Observer observer;
    observer.attach(backend);
    // A GUI that needs 250 ms per batch. Unpaced, the worker would queue ~30 batches a
    // second behind it; paced, it keeps coalescing until the previous one was taken.
    // No batch may be handed off while the previous one is still being applied: each
    // is created (createdMs, stamped by the worker at hand-off) after the GUI finished
    // with the one before.
    qint64 previousTakenMs = 0;
    int handedOffWhileBusy = 0;
    connect(&backend, &IngestBackend::batchReady, this, [&](const EventBatchPtr &batch) {
        if (batch->createdMs < previousTakenMs)
            ++handedOffWhileBusy;
        QThread::msleep(250);
        previousTakenMs = QDateTime::currentMSecsSinceEpoch();
    });
    backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(observer.records, quint64(3000), 40000);
    QTest::qWait(300); // anything still queued would show up now
    QCOMPARE(observer.records, quint64(3000));
    qInfo("3000 records in %llu batches behind a 250 ms GUI", observer.batches);
    QCOMPARE(handedOffWhileBusy, 0);
    QVERIFY2(observer.batches <= 16, qPrintable(QString::number(observer.batches)));
}

void TestIngestBackend::lastNStartsNearTheEndOfEachPartition()
{
    EmbeddedBroker broker;
    QVERIFY(broker.start(2));
    SimulatorOptions options;
    options.assets = 6;
    options.rate = 0;
    options.count = 600;
    options.startTimeMs = 1754215200000;
    PlantSimulator sim(broker.bootstrap(), options);
    QVERIFY(sim.start(5000));
    QVERIFY(sim.waitFinished(30000));

    // What "the last 3 per partition" means for what is on the broker, as kcat sees it.
    quint64 expected = 0;
    for (const QString &topic : topics::standardTopics()) {
        QMap<int, int> perPartition;
        for (const QJsonObject &o : ndhtest::kcatConsumeAll(broker.bootstrap(), topic))
            ++perPartition[o.value(QStringLiteral("partition")).toInt()];
        for (int n : perPartition)
            expected += quint64(std::min(n, 3));
    }
    QVERIFY(expected > 20);

    ConsumerConfig config = configFor(broker.bootstrap());
    config.startFrom = ConsumerConfig::StartFrom::LastN;
    config.lastN = 3;
    IngestBackend backend(config);
    Observer observer;
    observer.attach(backend);
    backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(observer.records, expected, 20000);
    QTest::qWait(500);
    QCOMPARE(observer.records, expected);
}

// Nice values of this process's threads by name.
QMultiMap<QByteArray, int> threadNiceValues()
{
    QMultiMap<QByteArray, int> out;
    ndhtest::forEachThreadStat([&](const QByteArray &name, const QList<QByteArray> &f) {
        if (f.size() > 16)
            out.insert(name, f[16].toInt());
    });
    return out;
}

void TestIngestBackend::backendThreadsYieldTheCoresToTheGui()
{
#ifndef Q_OS_LINUX
    QSKIP("per-thread nice values are a Linux feature");
#endif
    // Under full load the GUI thread must not wait behind the work it applies: the
    // backend thread, and the librdkafka threads it starts, run at a higher nice value.
    EmbeddedBroker broker;
    QVERIFY(broker.start(1));
    const int before = int(threadNiceValues().values("rdk:main").count(std::min(19, getpriority(PRIO_PROCESS, 0) + 5)));
    IngestBackend backend(configFor(broker.bootstrap()));
    Observer observer;
    observer.attach(backend);
    backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(observer.state(), ConnectionStatus::State::Connected, 15000);
    const QMultiMap<QByteArray, int> nice = threadNiceValues();
    const int gui = getpriority(PRIO_PROCESS, 0); // this (main) thread's, on Linux
    if (gui > 14)
        QSKIP("the test runs at nice 15 or more: no lower priority left to give the backend");
    const int worker = gui + 5;
    QCOMPARE(nice.values("ndh-backend"), QList<int>{worker});
    // The consumer's librdkafka threads inherit it; the embedded broker's (started by
    // this thread) do not.
    QCOMPARE(int(nice.values("rdk:main").count(worker)), before + 1);
    QVERIFY(nice.values("rdk:main").contains(gui));
}

void TestIngestBackend::topicCreatedLaterIsPickedUp()
{
    EmbeddedBroker broker;
    QVERIFY(broker.start(1));
    ConsumerConfig config = configFor(broker.bootstrap());
    config.topics = {QStringLiteral("site.late")};
    IngestBackend backend(config);
    Observer observer;
    observer.attach(backend);
    backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(observer.state(), ConnectionStatus::State::Connected, 15000);

    const QByteArray line = R"(PUMP_009:{"message_id":"late-1","timestamp":"2025-08-03T10:00:00Z","asset_id":"PUMP_009","asset_type":"Pump","location":"FACTORY_A","event_type":"attribute_changed","event_data":{"attribute":"flow_rate","new_value":1}})";
    QCOMPARE(ndhtest::kcatProduce(broker.bootstrap(), QStringLiteral("site.late"), line + '\n').exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(observer.records, quint64(1), 15000);
    QCOMPARE(observer.events, quint64(1));
}

void TestIngestBackend::stopIsBoundedWhenBrokerUnreachable()
{
    const QString bootstrap = QStringLiteral("127.0.0.1:%1").arg(ndhtest::closedLoopbackPort());
    IngestBackend backend(configFor(bootstrap));
    Observer observer;
    observer.attach(backend);
    backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(observer.state(), ConnectionStatus::State::BrokerDown, 15000);
    QVERIFY2(observer.lastError().contains(bootstrap), qPrintable(observer.lastError()));
    QVERIFY2(observer.lastError().contains(u"refused"), qPrintable(observer.lastError()));
    // Reported once per episode, not once per retry.
    QTest::qWait(2500);
    int downReports = 0;
    for (const auto &s : observer.statuses)
        downReports += s.state == ConnectionStatus::State::BrokerDown;
    QCOMPARE(downReports, 1);

    QElapsedTimer clock;
    clock.start();
    backend.stop();
    qInfo("stop() with the broker unreachable took %lld ms", clock.elapsed());
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!backend.isRunning());
}

void TestIngestBackend::stopIsBoundedRightAfterStart()
{
    // An address that never answers at all (TEST-NET-1), stopped while still connecting.
    ConsumerConfig config = configFor(QStringLiteral("192.0.2.1:9092"));
    IngestBackend backend(config);
    backend.start();
    QElapsedTimer clock;
    clock.start();
    backend.stop();
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!backend.isRunning());
}

void TestIngestBackend::recoversWhenTheBrokerComesBack()
{
    EmbeddedBroker broker;
    QVERIFY(broker.start(2));
    SimulatorOptions options;
    options.assets = 6;
    options.rate = 500;
    PlantSimulator sim(broker.bootstrap(), options);
    QVERIFY(sim.start(5000));

    IngestBackend backend(configFor(broker.bootstrap()));
    Observer observer;
    observer.attach(backend);
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(observer.records > 200, 20000);

    QVERIFY(broker.setBrokerDown());
    QTRY_COMPARE_WITH_TIMEOUT(observer.state(), ConnectionStatus::State::BrokerDown, 20000);
    QVERIFY(!observer.lastError().isEmpty());
    const quint64 atOutage = observer.records;

    QVERIFY(broker.setBrokerUp());
    QTRY_COMPARE_WITH_TIMEOUT(observer.state(), ConnectionStatus::State::Connected, 20000);
    QVERIFY(observer.lastError().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(observer.records > atOutage + 200, 20000);
    backend.stop();
    sim.stop();
}

void TestIngestBackend::fallingBehindRetentionResumesAndCountsTheGap()
{
    // The mock keeps only the newest 100,000 records of a partition. A console whose
    // fetches are slow (1 s round trip, 20 KB a fetch) while a producer writes 160,000
    // records falls behind that retention: its next fetch position is gone.
    EmbeddedBroker broker;
    const QString topic = QStringLiteral("site.fast");
    QVERIFY(broker.start(1, 1, {topic}));
    ConsumerConfig config = configFor(broker.bootstrap());
    config.topics = {topic};
    config.extraProperties = {{QStringLiteral("max.partition.fetch.bytes"), QStringLiteral("20000")}};
    IngestBackend backend(config);
    Observer observer;
    observer.attach(backend);
    backend.start();
    QVERIFY(produceEvents(broker.bootstrap(), topic, 0, 10));
    QTRY_COMPARE_WITH_TIMEOUT(observer.records, quint64(10), 20000);

    QVERIFY(broker.setBrokerRtt(1, 1000));
    constexpr int kProduced = 160000;
    QVERIFY(produceEvents(broker.bootstrap(), topic, 10, kProduced));
    QVERIFY(broker.setBrokerRtt(1, 0));
    const quint64 behind = observer.records;
    qInfo("consumer at %llu of %d when the producer finished", behind, kProduced + 10);
    QVERIFY(behind < 60000); // it really is behind the retention

    // It must go on from the oldest record still there and say how many it missed:
    // nothing else lost, everything after the gap read.
    QTRY_VERIFY_WITH_TIMEOUT(observer.records + observer.lostToRetention == quint64(kProduced + 10)
                                 && observer.lostToRetention > 0, 60000);
    qInfo("read %llu, lost to retention %llu", observer.records, observer.lostToRetention);
    // Later records keep coming.
    QVERIFY(produceEvents(broker.bootstrap(), topic, kProduced + 10, 5));
    QTRY_COMPARE_WITH_TIMEOUT(observer.records + observer.lostToRetention, quint64(kProduced + 15), 20000);
    backend.stop();
}

void TestIngestBackend::backlogGoesToTheGuiInBoundedSlicesInOrder()
{
    // A GUI behind by thousands of events gets them in slices of at most
    // maxEventsPerHandoff, one per event-loop turn: oldest first, none lost or repeated.
    EmbeddedBroker broker;
    const QString topic = QStringLiteral("site.backlog");
    QVERIFY(broker.start(1, 1, {topic}));
    QVERIFY(produceEvents(broker.bootstrap(), topic, 0, 5000));
    ConsumerConfig config = configFor(broker.bootstrap());
    config.topics = {topic};
    config.maxEventsPerHandoff = 300;
    IngestBackend backend(config);
    Observer observer;
    observer.attach(backend);
    size_t biggest = 0;
    qint64 lastOffset = -1;
    int outOfOrder = 0;
    connect(&backend, &IngestBackend::batchReady, this, [&](const EventBatchPtr &batch) {
        biggest = std::max(biggest, batch->events.size());
        for (const PlantEvent &e : batch->events) {
            outOfOrder += e.source.offset != lastOffset + 1;
            lastOffset = e.source.offset;
        }
        QThread::msleep(30); // a slow GUI: the backlog builds up behind it
    });
    backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(observer.events, quint64(5000), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(observer.records, quint64(5000), 5000);
    qInfo("5000 events in %llu batches, biggest %zu", observer.batches, biggest);
    QVERIFY2(biggest <= 300, qPrintable(QString::number(biggest)));
    QVERIFY(observer.batches >= 5000 / 300);
    QCOMPARE(outOfOrder, 0);
    QCOMPARE(lastOffset, qint64(4999));
}

void TestIngestBackend::heldBatchKeepsTheNextBackUntilReleased()
{
    // A receiver that holds a batch (it applies it over later turns) gets no other
    // while it does, whatever the backlog; once it releases it, the rest follows.
    EmbeddedBroker broker;
    const QString topic = QStringLiteral("site.held");
    QVERIFY(broker.start(1, 1, {topic}));
    QVERIFY(produceEvents(broker.bootstrap(), topic, 0, 3000));
    ConsumerConfig config = configFor(broker.bootstrap());
    config.topics = {topic};
    config.maxEventsPerHandoff = 500;
    IngestBackend backend(config);
    std::vector<EventBatchPtr> got;
    size_t events = 0;
    connect(&backend, &IngestBackend::batchReady, this, [&](const EventBatchPtr &b) {
        got.push_back(b);
        events += b->events.size();
        if (got.size() == 1)
            backend.holdBatch(b);
    });
    backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), size_t(1), 30000);
    // Unheld, the backlog would follow in a few 33 ms hand-offs.
    QTest::qWait(500);
    QCOMPARE(got.size(), size_t(1));
    // Releasing a batch the backend never handed out changes nothing.
    backend.releaseBatch(std::make_shared<EventBatch>(), 0);
    QTest::qWait(200);
    QCOMPARE(got.size(), size_t(1));
    backend.releaseBatch(got.front(), 1000000);
    QTRY_COMPARE_WITH_TIMEOUT(events, size_t(3000), 30000);
    QVERIFY(got.size() > 1);
}

void TestIngestBackend::batchAppliedOverSeveralTurnsHoldsTheNextBack()
{
    // The console's wiring: PlantModels applies a big batch over several event-loop
    // turns and holds it meanwhile; the backend hands off the next batch only once the
    // last one is all in, so batches never pile up in the GUI, and every record is
    // applied once, in order.
    EmbeddedBroker broker;
    const QString topic = QStringLiteral("site.portions");
    QVERIFY(broker.start(1, 1, {topic}));
    constexpr int kEvents = 20000;
    QVERIFY(produceEvents(broker.bootstrap(), topic, 0, kEvents));
    ConsumerConfig config = configFor(broker.bootstrap());
    config.topics = {topic};
    IngestBackend backend(config);
    PlantModels models;
    models.setApplyBudgetMs(1); // a few thousand events take longer than that
    models.series().watch(QStringLiteral("UNKNOWN/Pump/PUMP_001/flow_rate")); // a plot of it, open all along
    size_t deliveries = 0;
    size_t deliveredWhilePending = 0;
    connect(&backend, &IngestBackend::batchReady, this, [&](const EventBatchPtr &) {
        ++deliveries;
        deliveredWhilePending += models.pendingEvents() > 0;
    });
    connect(&backend, &IngestBackend::batchReady, &models, &PlantModels::applyBatch);
    connect(&models, &PlantModels::batchHeld, &backend, &IngestBackend::holdBatch);
    connect(&models, &PlantModels::batchReleased, &backend, &IngestBackend::releaseBatch);
    QSignalSpy held(&models, &PlantModels::batchHeld);
    QSignalSpy released(&models, &PlantModels::batchReleased);
    // The views' share of each turn (paints, replots): a batch takes many turns, and
    // the backend has the next one ready long before.
    QTimer views;
    views.setInterval(0);
    connect(&views, &QTimer::timeout, this, [] { QThread::msleep(3); });
    views.start();
    backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(models.eventsApplied(), quint64(kEvents), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(models.recordsConsumed(), quint64(kEvents), 5000);
    qInfo("%d events in %zu hand-offs, %lld held, %llu portions", kEvents, deliveries, qlonglong(held.count()),
          qulonglong(models.portionsApplied()));
    QVERIFY(held.count() > 0);
    QCOMPARE(released.count(), held.count());
    QCOMPARE(deliveredWhilePending, size_t(0));
    QCOMPARE(models.history().eventCount(), size_t(kEvents));
    const QStringList keys = models.series().keys();
    QCOMPARE(keys.size(), 1);
    const SeriesStore::Series *flow = models.series().find(keys.first());
    QVERIFY(flow);
    QCOMPARE(flow->endIndex(), quint64(kEvents));
    for (size_t i = 0; i < flow->v.size(); ++i)
        QCOMPARE(flow->v[i], double(flow->firstIndex + i));
}

void TestIngestBackend::appliedBatchesAreFreedByTheBackendAndReused()
{
    // The GUI applies a batch and lets go of it; its events are then destroyed by the
    // backend thread (reap), not by the GUI, and the emptied batch is filled again.
    SpentBatches spent;
    std::shared_ptr<EventBatch> filling = spent.fresh(100);
    QVERIFY(filling->events.capacity() >= 100);
    filling->events.resize(50);
    filling->events[7].messageId = QStringLiteral("kept while the GUI holds it");
    filling->recordsConsumed = 50;
    filling->deadLetters.resize(2);
    const EventBatch *const object = filling.get();
    EventBatchPtr gui = spent.handOut(std::move(filling));
    QCOMPARE(spent.reap(), size_t(0)); // the GUI still has it
    QCOMPARE(gui->events.size(), size_t(50));
    QCOMPARE(gui->events[7].messageId, QStringLiteral("kept while the GUI holds it"));

    std::thread guiThread([batch = std::move(gui)]() mutable { batch.reset(); });
    guiThread.join();
    QCOMPARE(spent.reap(), size_t(50)); // freed here
    QCOMPARE(spent.outstanding(), size_t(0));

    std::shared_ptr<EventBatch> next = spent.fresh(10);
    QCOMPARE(next.get(), object);
    QVERIFY(next->events.empty());
    QVERIFY(next->events.capacity() >= 100);
    QVERIFY(next->deadLetters.empty());
    QCOMPARE(next->recordsConsumed, quint64(0));
}

void TestIngestBackend::releaseWakesTheWorkerWaitingForIt()
{
    // The worker whose next slice is ready waits for the GUI to let go of the last
    // one: the release wakes it then, not at the end of its wait.
    ReleaseSignal released;
    std::atomic<int> inFlight{1};
    QVERIFY(!released.waitUntilTaken(inFlight, std::chrono::milliseconds(20))); // not released: waits it out
    std::thread gui([&] {
        QThread::msleep(50);
        inFlight.fetch_sub(1);
        released.notify();
    });
    QElapsedTimer waited;
    waited.start();
    QVERIFY(released.waitUntilTaken(inFlight, std::chrono::seconds(120)));
    QVERIFY(waited.elapsed() < 60000); // woken by the release, not by the bound
    gui.join();
    QVERIFY(released.waitUntilTaken(inFlight, std::chrono::seconds(120))); // nothing in flight: no wait
}

void TestIngestBackend::journalKeepsConsumedRecordsByteExact_data()
{
    QTest::addColumn<int>("maxEventsPerHandoff");
    QTest::newRow("default slices") << ConsumerConfig().maxEventsPerHandoff;
    // Slices end inside the reader's batches: each record's index is still its own.
    QTest::newRow("slices of 7 events") << 7;
}

void TestIngestBackend::journalKeepsConsumedRecordsByteExact()
{
    // What File > Export writes of a live session: every consumed record as it was
    // on the broker, headers (with and without value) and all, whether it decoded
    // to an event or not, with a key or none, a tombstone or an empty value.
    QFETCH(int, maxEventsPerHandoff);
    EmbeddedBroker broker;
    const QString topic = QStringLiteral("site.journal");
    QVERIFY(broker.start(1, 1, {topic}));
    constexpr int kRecords = 600;
    // A second apart, in 2025: the journal's time index is each record's event time
    // when it decoded, its broker time (now) when it did not.
    const auto eventTime = [](int i) {
        return QDateTime(QDate(2025, 8, 3), QTime(10, 0), Qt::UTC).addSecs(i);
    };
    std::vector<LogRecord> expected;
    {
        KafkaClientConf conf;
        conf.set(QStringLiteral("bootstrap.servers"), broker.bootstrap());
        rd_kafka_t *rk = conf.createProducer();
        QVERIFY(rk);
        for (int i = 0; i < kRecords; ++i) {
            LogRecord r;
            r.topic = topic;
            r.partition = 0;
            r.offset = i;
            if (i % 4 != 0)
                r.key = QByteArray("PUMP_") + QByteArray::number(i % 7);
            if (i % 5 != 1) // a tombstone every fifth
                r.payload = i % 7 == 2 ? QByteArray("")
                            : i % 2 ? QByteArrayLiteral("{\"message_id\":\"m") + QByteArray::number(i)
                                          + QByteArrayLiteral("\",\"timestamp\":\"")
                                          + eventTime(i).toString(Qt::ISODate).toLatin1()
                                          + QByteArrayLiteral("\",\"asset_id\":"
                                                              "\"PUMP_001\",\"asset_type\":\"Pump\",\"event_type\":"
                                                              "\"attribute_changed\",\"event_data\":{\"attribute\":"
                                                              "\"flow_rate\",\"new_value\":")
                                          + QByteArray::number(i) + QByteArrayLiteral("}}")
                                    : QByteArray("not json \0 ") + QByteArray::number(i);
            if (i % 3 == 0)
                r.headers = {{QByteArray("trace"), QByteArray("t-") + QByteArray::number(i)},
                             {QByteArray("novalue"), std::nullopt}};
            rd_kafka_headers_t *headers = rd_kafka_headers_new(r.headers.size());
            for (const LogHeader &h : r.headers)
                rd_kafka_header_add(headers, h.name.constData(), h.name.size(), h.value ? h.value->constData() : nullptr,
                                    h.value ? h.value->size() : 0);
            const QByteArray topicName = topic.toUtf8();
            const char *key = r.key ? r.key->constData() : nullptr;
            const size_t keyLen = r.key ? size_t(r.key->size()) : 0;
            char *value = r.payload ? const_cast<char *>(r.payload->constData()) : nullptr;
            const size_t valueLen = r.payload ? size_t(r.payload->size()) : 0;
            const auto err = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topicName.constData()), RD_KAFKA_V_PARTITION(0),
                                               RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_KEY(key, keyLen),
                                               RD_KAFKA_V_VALUE(value, valueLen), RD_KAFKA_V_HEADERS(headers),
                                               RD_KAFKA_V_END);
            QCOMPARE(int(err), int(RD_KAFKA_RESP_ERR_NO_ERROR)); // the headers are the record's now
            expected.push_back(std::move(r));
        }
        QCOMPARE(int(rd_kafka_flush(rk, 30000)), int(RD_KAFKA_RESP_ERR_NO_ERROR));
        rd_kafka_destroy(rk);
    }
    ConsumerConfig config = configFor(broker.bootstrap());
    config.topics = {topic};
    config.maxEventsPerHandoff = maxEventsPerHandoff;
    IngestBackend backend(config);
    auto journal = std::make_shared<RawRecordJournal>();
    backend.setJournal(journal);
    QString assetKey;
    connect(&backend, &IngestBackend::batchReady, this, [&](const EventBatchPtr &b) {
        if (assetKey.isEmpty() && !b->events.empty())
            assetKey = b->events.front().asset.key();
    });
    backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(journal->size(), size_t(kRecords), 30000);
    // The journal is written on its own thread, and its batch reaches this thread
    // apart from it: wait for the first decoded batch too, not only the journal.
    QTRY_VERIFY_WITH_TIMEOUT(!assetKey.isEmpty(), 30000);
    backend.stop();
    const std::vector<LogRecord> got = journal->select({});
    QCOMPARE(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i) {
        const LogRecord &g = got[i];
        const LogRecord &e = expected[i];
        QCOMPARE(g.topic, e.topic);
        QCOMPARE(g.offset, e.offset);
        QCOMPARE(g.key, e.key);
        QCOMPARE(g.payload, e.payload);
        QCOMPARE(g.headers.size(), e.headers.size());
        for (size_t h = 0; h < g.headers.size(); ++h) {
            QCOMPARE(g.headers[h].name, e.headers[h].name);
            QCOMPARE(g.headers[h].value, e.headers[h].value);
        }
        QCOMPARE(g.tstype, LogRecord::TimestampType::Create);
    }
    // The ones that decoded are found by their asset, the others are not.
    RawRecordJournal::Selection pump;
    pump.assetKeys = {assetKey};
    std::vector<LogRecord> decodable;
    for (int i = 0; i < kRecords; ++i)
        if (i % 5 != 1 && i % 7 != 2 && i % 2)
            decodable.push_back(expected[size_t(i)]);
    const std::vector<LogRecord> byAsset = journal->select(pump);
    QCOMPARE(byAsset.size(), decodable.size());
    for (size_t i = 0; i < byAsset.size(); ++i)
        QCOMPARE(byAsset[i].offset, decodable[i].offset);
    // And by their event time.
    RawRecordJournal::Selection window;
    window.fromMs = eventTime(100).toMSecsSinceEpoch();
    window.toMs = eventTime(199).toMSecsSinceEpoch();
    std::vector<qint64> inWindow;
    for (const LogRecord &r : decodable)
        if (r.offset >= 100 && r.offset <= 199)
            inWindow.push_back(r.offset);
    std::vector<qint64> got100;
    for (const LogRecord &r : journal->select(window))
        got100.push_back(r.offset);
    QCOMPARE(got100, inWindow);
}

void TestIngestBackend::receiverKeepingBatchesKeepsThemIntact()
{
    // A receiver that keeps every batch (a test, a later feature): the backend lets go
    // of its own references past a few, and nothing kept is emptied under it.
    SpentBatches spent;
    std::vector<EventBatchPtr> kept;
    for (int i = 0; i < 20; ++i) {
        std::shared_ptr<EventBatch> b = spent.fresh(4);
        b->events.resize(3);
        b->events[0].messageId = QString::number(i);
        kept.push_back(spent.handOut(std::move(b)));
        spent.reap();
    }
    QCOMPARE(spent.outstanding(), SpentBatches::kMaxKept);
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(kept[size_t(i)]->events.size(), size_t(3));
        QCOMPARE(kept[size_t(i)]->events[0].messageId, QString::number(i));
    }
    kept.clear();
    QCOMPARE(spent.reap(), SpentBatches::kMaxKept * 3);
}

void TestIngestBackend::republishKeepsHeadersAndIsAudited()
{
    // As the console wires it: the topic browser's re-publish passes the gate (audit
    // record first), then the backend's producer sends the record with its headers;
    // kcat, an independent client, reads them back byte for byte.
    EmbeddedBroker broker;
    QVERIFY(broker.start(1, 1, {QStringLiteral("republish.target")}));
    ConsumerConfig config = configFor(broker.bootstrap());
    config.topics = {QStringLiteral("republish.target")};
    IngestBackend backend(config);
    backend.start();
    QTemporaryDir dir;
    OperatorSession session;
    AuditLog audit;
    QVERIFY(audit.open(dir.filePath(QStringLiteral("audit.jsonl"))));
    OperatorActionGate gate(&session, &audit);
    gate.setSender([&backend](const OutgoingRecord &r) {
        backend.publish(r.topic, r.key, r.payload, r.correlationId, r.headers);
    });
    QList<std::pair<QString, bool>> published;
    connect(&backend, &IngestBackend::published, this,
            [&published](const QString &id, bool ok, const QString &) { published.append({id, ok}); });
    QVERIFY(gate.signIn(QStringLiteral("erin"), Role::Engineer));

    const std::vector<LogHeader> headers = {{"trace-id", QByteArray("t-42")},
                                            {"binary", QByteArray("\x00\xff\xfe\x80 end", 8)},
                                            {"empty", QByteArray("")},
                                            {"no-value", std::nullopt}};
    OperatorActionGate::Submission s;
    s.action = OperatorAction::Republish;
    s.parameters = {{QStringLiteral("topic"), QStringLiteral("republish.target")}};
    s.record.topic = QStringLiteral("republish.target");
    s.record.key = "PUMP-1";
    s.record.payload = "{\"x\":1}";
    s.record.correlationId = QStringLiteral("republish-1");
    s.record.headers = headers;
    const qint64 before = AuditLog::verifyFile(audit.path()).records;
    QCOMPARE(gate.submit(s), QString());
    QCOMPARE(AuditLog::verifyFile(audit.path()).records, before + 1);
    QTRY_COMPARE_WITH_TIMEOUT(published.size(), 1, 20000);
    QCOMPARE(published.front(), std::make_pair(QStringLiteral("republish-1"), true));

    const auto consumed = ndhtest::run(ndhtest::kcatPath(), {QStringLiteral("-C"), QStringLiteral("-J"), QStringLiteral("-e"),
                                                             QStringLiteral("-q"), QStringLiteral("-b"), broker.bootstrap(),
                                                             QStringLiteral("-t"), QStringLiteral("republish.target")});
    QCOMPARE(consumed.exitCode, 0);
    QCOMPARE(consumed.out.count('\n'), 1);
    QVERIFY2(consumed.out.contains("\"headers\":[\"trace-id\",\"t-42\",\"binary\",\"\\u0000\xff\xfe\x80 end\""),
             consumed.out.constData());
    LogDamage damage;
    const auto got = LogFileReader::parseLine(consumed.out.trimmed(), &damage);
    QVERIFY2(got, qPrintable(damage.message()));
    QCOMPARE(got->key, std::optional<QByteArray>("PUMP-1"));
    QCOMPARE(got->payload, std::optional<QByteArray>("{\"x\":1}"));
    QVERIFY(got->headers == headers);
    backend.stop();
}

QTEST_GUILESS_MAIN(TestIngestBackend)
#include "tst_ingest_backend.moc"
