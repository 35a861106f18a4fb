// kcat is an independent Kafka client: what it produces the console decodes into the
// expected asset, attribute and value, and what `ndhctl simulate` writes kcat reads
// back, exactly --count records, all of which decode with the right keys.

#include "embedded_broker.h"
#include "envelope_decoder.h"
#include "ingest_backend.h"
#include "kafka_test_support.h"
#include "plant_models.h"
#include "topic_catalog.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using namespace ndh;

class TestKcatInterop : public QObject
{
    Q_OBJECT
private slots:
    void kcatRecordsReachTheAssetTree();
    void kcatReadsWhatSimulateWrote();
};

void TestKcatInterop::kcatRecordsReachTheAssetTree()
{
    EmbeddedBroker broker;
    QVERIFY(broker.start(2));
    PlantModels models;
    ConsumerConfig config;
    config.bootstrap = broker.bootstrap();
    IngestBackend backend(config);
    connect(&backend, &IngestBackend::batchReady, &models, &PlantModels::applyBatch);
    backend.start();

    const QByteArray ndh =
        R"(PUMP_042:{"message_id":"m-1","message_type":"asset.state.changed","timestamp":"2025-08-03T10:30:00Z","source_orb":"NDH-ORB-1","asset_id":"PUMP_042","asset_uuid":"550e8400-e29b-41d4-a716-446655440000","asset_type":"Pump","location":"FACTORY_A","event_type":"attribute_changed","event_data":{"attribute":"flow_rate","old_value":100.0,"new_value":125.5,"unit":"m3/h"},"version":1})"
        "\n"
        R"(MOTOR_007:{"message_id":"m-2","timestamp":"2025-08-03T10:30:01Z","asset_id":"MOTOR_007","asset_type":"Motor","location":"FACTORY_B","event_type":"attribute_changed","event_data":{"attribute":"mode","new_value":"manual"}})"
        "\n"
        "BROKEN:{this is not json\n";
    const auto produced = ndhtest::kcatProduce(broker.bootstrap(), QLatin1String(topics::kAttributeChanged), ndh);
    QCOMPARE(produced.exitCode, 0);
    const QByteArray drone =
        R"(3:{"id":"d-1","type":"drone.status.changed","source":"drone-control-service","timestamp":"2025-08-03T10:30:02Z","data":{"drone_id":3,"old_status":"idle","new_status":"flying","location":{"latitude":40.7128,"longitude":-74.006,"altitude":100.5},"battery":85}})"
        "\n";
    QCOMPARE(ndhtest::kcatProduce(broker.bootstrap(), QLatin1String(topics::kDroneEvents), drone).exitCode, 0);

    AssetTreeModel *tree = models.assetTree();
    QTRY_VERIFY_WITH_TIMEOUT(tree->indexForAttribute(QStringLiteral("FACTORY_A/Pump/PUMP_042/flow_rate")).isValid(), 20000);
    const QModelIndex flow = tree->indexForAttribute(QStringLiteral("FACTORY_A/Pump/PUMP_042/flow_rate"));
    QCOMPARE(tree->data(flow, AssetTreeModel::NumericValueRole).toDouble(), 125.5);
    QCOMPARE(tree->data(flow.siblingAtColumn(AssetTreeModel::UnitColumn)).toString(), QStringLiteral("m3/h"));

    QTRY_VERIFY_WITH_TIMEOUT(tree->indexForAttribute(QStringLiteral("FACTORY_B/Motor/MOTOR_007/mode")).isValid(), 20000);
    const QModelIndex mode = tree->indexForAttribute(QStringLiteral("FACTORY_B/Motor/MOTOR_007/mode"));
    QCOMPARE(tree->data(mode.siblingAtColumn(AssetTreeModel::ValueColumn)).toString(), QStringLiteral("manual"));

    QTRY_VERIFY_WITH_TIMEOUT(tree->indexForAttribute(QStringLiteral("FLEET/Drone/DRONE-3/battery")).isValid(), 20000);
    QCOMPARE(tree->data(tree->indexForAttribute(QStringLiteral("FLEET/Drone/DRONE-3/battery")),
                        AssetTreeModel::NumericValueRole).toDouble(), 85.0);

    // The broken record is kept with its key and reason, not dropped.
    QTRY_COMPARE_WITH_TIMEOUT(models.deadLetters()->totalCount(), quint64(1), 20000);
    const DeadLetter &letter = models.deadLetters()->letterAt(0);
    QCOMPARE(letter.key, QByteArray("BROKEN"));
    QCOMPARE(letter.payload, QByteArray("{this is not json"));
    QCOMPARE(letter.source.topic, QLatin1String(topics::kAttributeChanged));
    QVERIFY(!letter.reason.isEmpty());
    backend.stop();
}

void TestKcatInterop::kcatReadsWhatSimulateWrote()
{
    QVERIFY2(!ndhtest::ndhctlPath().isEmpty(), "NDHCTL must point at the ndhctl binary");
    EmbeddedBroker broker;
    QVERIFY(broker.start(3));
    const auto sim = ndhtest::run(ndhtest::ndhctlPath(),
                                  {QStringLiteral("simulate"), QStringLiteral("--bootstrap"), broker.bootstrap(),
                                   QStringLiteral("--count"), QStringLiteral("777"), QStringLiteral("--rate"),
                                   QStringLiteral("0"), QStringLiteral("--seed"), QStringLiteral("3"),
                                   QStringLiteral("--assets"), QStringLiteral("10")},
                                  {}, 60000);
    QVERIFY2(sim.finished && sim.exitCode == 0, sim.err.constData());
    QVERIFY2(sim.err.contains("777 records produced, 777 delivered, 0 failed"), sim.err.constData());

    EnvelopeDecoder decoder;
    int total = 0;
    for (const QString &topic : topics::standardTopics()) {
        ndhtest::ProcessResult r;
        for (const QJsonObject &o : ndhtest::kcatConsumeAll(broker.bootstrap(), topic, &r)) {
            ++total;
            const QByteArray payload = o.value(QStringLiteral("payload")).toString().toUtf8();
            const QString key = o.value(QStringLiteral("key")).toString();
            EventSource source;
            source.topic = topic;
            source.partition = o.value(QStringLiteral("partition")).toInt();
            source.offset = qint64(o.value(QStringLiteral("offset")).toDouble());
            std::vector<PlantEvent> events;
            const DecodeOutcome outcome = decoder.decode(payload, source, events);
            QVERIFY2(outcome.accepted, qPrintable(outcome.reason));
            QCOMPARE(events.size(), size_t(1));
            // Kafka key = asset id (drone id for drones): per-asset ordering.
            const PlantEvent &e = events.front();
            if (e.envelope == Envelope::Drone)
                QCOMPARE(QStringLiteral("DRONE-") + key, e.asset.id);
            else
                QCOMPARE(key, e.asset.id);
            // The record timestamp is the event time.
            QCOMPARE(qint64(o.value(QStringLiteral("ts")).toDouble()), e.eventTimeMs);
        }
        QCOMPARE(r.exitCode, 0);
    }
    QCOMPARE(total, 777);
}

QTEST_GUILESS_MAIN(TestKcatInterop)
#include "tst_kcat_interop.moc"
