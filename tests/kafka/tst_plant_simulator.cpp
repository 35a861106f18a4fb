// The demo plant is strict in what it emits (every envelope field, fixed JSON types,
// key = asset), everything it emits decodes, it covers every kind of event the console
// shows, and a run with a simulated clock is byte-for-byte reproducible per seed, also
// after a round trip through the broker.

#include "embedded_broker.h"
#include "envelope_decoder.h"
#include "kafka_test_support.h"
#include "plant_generator.h"
#include "plant_simulator.h"
#include "topic_catalog.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace ndh;
using Json = nlohmann::json;

namespace {

constexpr qint64 kStart = 1754215200000; // 2025-08-03T10:00:00Z

std::vector<PlantRecord> generate(quint64 seed, int assets, int count)
{
    PlantGenerator g(seed, assets);
    std::vector<PlantRecord> out;
    for (int i = 0; i < count; ++i)
        out.push_back(g.next(kStart + i * 5));
    return out;
}

// Every record of every standard topic, per topic and partition in offset order.
QMap<QString, QStringList> readBack(const QString &bootstrap, int *total)
{
    QMap<QString, QStringList> out;
    *total = 0;
    for (const QString &topic : topics::standardTopics()) {
        for (const QJsonObject &o : ndhtest::kcatConsumeAll(bootstrap, topic)) {
            const QString where = topic + u'/' + QString::number(o.value(QStringLiteral("partition")).toInt());
            out[where] << QStringLiteral("%1|%2|%3")
                              .arg(o.value(QStringLiteral("key")).toString())
                              .arg(qint64(o.value(QStringLiteral("ts")).toDouble()))
                              .arg(o.value(QStringLiteral("payload")).toString());
            ++*total;
        }
    }
    return out;
}

bool isUuid(const std::string &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return re.match(QString::fromStdString(s)).hasMatch();
}

bool isUtcTime(const Json &j)
{
    return j.is_string() && j.get<std::string>().back() == 'Z'
           && parseTimestampMs(QString::fromStdString(j.get<std::string>())).has_value();
}

} // namespace

class TestPlantSimulator : public QObject
{
    Q_OBJECT
private slots:
    void generatorIsDeterministicPerSeed();
    void startupAnnouncesEveryAsset();
    void emitsStrictEnvelopes();
    void everyRecordDecodesAndEveryKindAppears();
    void runThroughBrokerIsByteIdenticalPerSeed();
    void simulatedDurationIsACount();
    void pacesToTheRate();
    void unreachableClusterFailsToStart();
};

void TestPlantSimulator::generatorIsDeterministicPerSeed()
{
    const auto a = generate(7, 12, 3000);
    const auto b = generate(7, 12, 3000);
    const auto c = generate(8, 12, 3000);
    int differences = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].payload, b[i].payload);
        QCOMPARE(a[i].key, b[i].key);
        QCOMPARE(a[i].topic, b[i].topic);
        differences += a[i].payload != c[i].payload;
    }
    QVERIFY2(differences > 2000, "another seed must give another plant history");
}

void TestPlantSimulator::startupAnnouncesEveryAsset()
{
    PlantGenerator g(1, 8);
    QCOMPARE(int(g.assets().size()), 8);
    PlantRecord first = g.next(kStart);
    QCOMPARE(first.topic, QByteArray("ndh.system.events.orb_started"));
    for (const auto &asset : g.assets()) {
        for (const char *topic : {"ndh.assets.events.created", "ndh.assets.events.activated", topics::kStateSnapshot}) {
            const PlantRecord r = g.next(kStart);
            QCOMPARE(r.topic, QByteArray(topic));
            QCOMPARE(QString::fromUtf8(r.key), asset.id);
        }
    }
    // Then the drones announce their status.
    for (int d = 1; d <= PlantGenerator::kDroneCount; ++d) {
        const PlantRecord r = g.next(kStart);
        QCOMPARE(r.topic, QByteArray(topics::kDroneEvents));
        QCOMPARE(r.key, QByteArray::number(d));
    }
    // Asset ids follow the plant's naming; every location and type is used.
    QSet<QString> locations, types;
    const PlantGenerator plant(1, 24);
    for (const auto &a : plant.assets()) {
        QVERIFY2(QRegularExpression(QStringLiteral("^(PUMP|MOTOR|COMPRESSOR|CONVEYOR)_\\d{3}$")).match(a.id).hasMatch(),
                 qPrintable(a.id));
        locations.insert(a.location);
        types.insert(a.type);
    }
    QCOMPARE(locations.size(), 3);
    QCOMPARE(types.size(), 4);
}

void TestPlantSimulator::emitsStrictEnvelopes()
{
    const QStringList drone = topics::droneTopics();
    int ndh = 0, droneCount = 0, domain = 0;
    for (const PlantRecord &r : generate(3, 12, 6000)) {
        const Json doc = Json::parse(r.payload.toStdString());
        const QString topic = QString::fromUtf8(r.topic);
        const std::string key = r.key.toStdString();
        QVERIFY2(topics::standardTopics().contains(topic), qPrintable(topic));
        if (topic.startsWith(u"ndh.")) {
            ++ndh;
            QVERIFY(isUuid(doc.at("message_id").get<std::string>()));
            QVERIFY(doc.at("message_type").is_string());
            QVERIFY2(isUtcTime(doc.at("timestamp")), r.payload.constData());
            QCOMPARE(doc.at("source_orb").get<std::string>(), std::string(PlantGenerator::kSourceOrb));
            QCOMPARE(doc.at("asset_id").get<std::string>(), key);
            QVERIFY(isUuid(doc.at("asset_uuid").get<std::string>()));
            QVERIFY(doc.at("asset_type").is_string() && doc.at("location").is_string());
            QCOMPARE(doc.at("event_type").get<std::string>(), topic.section(u'.', -1).toStdString());
            QVERIFY(doc.at("event_data").is_object());
            QVERIFY(doc.at("correlation_id").is_string());
            QVERIFY(doc.at("causation_id").is_string() || doc.at("causation_id").is_null());
            QVERIFY(doc.at("version").is_number_integer());
            if (topic == QLatin1String(topics::kAttributeChanged)) {
                const Json &d = doc.at("event_data");
                QVERIFY(d.at("attribute").is_string() && d.contains("old_value") && d.contains("new_value")
                        && d.at("unit").is_string());
            }
            if (topic == QLatin1String(topics::kStateSnapshot)) {
                const Json &d = doc.at("event_data");
                QVERIFY(d.at("attributes").is_object() && d.at("units").is_object()
                        && d.at("lifecycle_state").is_string());
            }
            if (topic.startsWith(u"ndh.assets.alarms.")) {
                const Json &d = doc.at("event_data");
                for (const char *f : {"alarm_id", "alarm_type", "severity", "message", "attribute"})
                    QVERIFY2(d.at(f).is_string(), f);
                QVERIFY(d.at("value").is_number());
            }
        } else if (drone.contains(topic)) {
            ++droneCount;
            for (const char *f : {"id", "type", "source"})
                QVERIFY(doc.at(f).is_string());
            QVERIFY(isUtcTime(doc.at("timestamp")));
            QVERIFY(doc.at("data").is_object());
            QCOMPARE(std::to_string(doc.at("data").at("drone_id").get<int>()), key);
        } else {
            QCOMPARE(topic, QLatin1String(topics::kDomainEvents));
            ++domain;
            QVERIFY(isUuid(doc.at("event_id").get<std::string>()));
            QVERIFY(doc.at("event_type").is_string() && doc.at("aggregate_type").is_string());
            QCOMPARE(doc.at("aggregate_id").get<std::string>(), key);
            QVERIFY(doc.at("event_version").is_number_integer());
            QVERIFY(isUtcTime(doc.at("timestamp")));
            const Json &m = doc.at("metadata");
            for (const char *f : {"correlation_id", "user_id", "source_service"})
                QVERIFY(m.at(f).is_string());
            QVERIFY(m.contains("causation_id"));
            QVERIFY(doc.at("payload").at("location").is_string());
        }
    }
    QVERIFY(ndh > 3000);
    QVERIFY(droneCount > 200);
    QVERIFY(domain > 100);
}

void TestPlantSimulator::everyRecordDecodesAndEveryKindAppears()
{
    EnvelopeDecoder decoder;
    QSet<int> kinds;
    QSet<int> envelopes;
    QSet<QString> assets;
    std::vector<PlantEvent> events;
    qint64 offset = 0;
    for (const PlantRecord &r : generate(11, 12, 8000)) {
        EventSource source;
        source.topic = QString::fromUtf8(r.topic);
        source.offset = offset++;
        const DecodeOutcome outcome = decoder.decode(r.payload, source, events);
        QVERIFY2(outcome.accepted, qPrintable(outcome.reason + u' ' + QString::fromUtf8(r.payload)));
    }
    for (const PlantEvent &e : events) {
        kinds.insert(int(e.kind));
        envelopes.insert(int(e.envelope));
        assets.insert(e.asset.key());
        if (e.kind == EventKind::AttributeUpdate && e.envelope == Envelope::Ndh && e.attributes.front().name != u"mode")
            QVERIFY2(!e.attributes.front().unit.isEmpty(), qPrintable(e.attributes.front().name));
    }
    for (EventKind k : {EventKind::Snapshot, EventKind::AttributeUpdate, EventKind::Lifecycle,
                        EventKind::AlarmTriggered, EventKind::AlarmCleared, EventKind::CommandResponse,
                        EventKind::System})
        QVERIFY2(kinds.contains(int(k)), qPrintable(eventKindName(k)));
    QCOMPARE(envelopes, (QSet<int>{int(Envelope::Ndh), int(Envelope::Drone), int(Envelope::Domain)}));
    const PlantGenerator plant(11, 12);
    for (const auto &a : plant.assets())
        QVERIFY2(assets.contains(a.location + u'/' + a.type + u'/' + a.id), qPrintable(a.id));
    QVERIFY(assets.contains(QStringLiteral("FLEET/Drone/DRONE-1")));
}

void TestPlantSimulator::runThroughBrokerIsByteIdenticalPerSeed()
{
    SimulatorOptions options;
    options.assets = 10;
    options.rate = 0; // as fast as possible: the clock is simulated anyway
    options.seed = 42;
    options.count = 1500;
    options.startTimeMs = kStart;

    QMap<QString, QStringList> runs[2];
    for (auto &run : runs) {
        EmbeddedBroker broker;
        QVERIFY2(broker.start(3), qPrintable(broker.error()));
        PlantSimulator sim(broker.bootstrap(), options);
        QVERIFY2(sim.start(5000), qPrintable(sim.error()));
        QVERIFY(sim.waitFinished(30000));
        QCOMPARE(sim.produced(), quint64(1500));
        QCOMPARE(sim.delivered(), quint64(1500));
        QCOMPARE(sim.failed(), quint64(0));
        int total = 0;
        run = readBack(broker.bootstrap(), &total);
        QCOMPARE(total, 1500);
    }
    QCOMPARE(runs[0].keys(), runs[1].keys());
    for (const QString &where : runs[0].keys())
        QCOMPARE(runs[0][where], runs[1][where]);
}

void TestPlantSimulator::simulatedDurationIsACount()
{
    EmbeddedBroker broker;
    QVERIFY(broker.start(2));
    SimulatorOptions options;
    options.assets = 4;
    options.rate = 400;
    options.durationSec = 2; // simulated seconds: exactly 800 records, however fast we run
    options.startTimeMs = kStart;
    PlantSimulator sim(broker.bootstrap(), options);
    QVERIFY(sim.start(5000));
    QVERIFY(sim.waitFinished(30000));
    QCOMPARE(sim.delivered(), quint64(800));
}

void TestPlantSimulator::pacesToTheRate()
{
    // A lower bound only: the simulator must not outrun its rate (an upper bound
    // would depend on the machine).
    EmbeddedBroker broker;
    QVERIFY(broker.start(1));
    SimulatorOptions options;
    options.assets = 2;
    options.rate = 100;
    options.count = 61;
    PlantSimulator sim(broker.bootstrap(), options);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(sim.start(5000));
    QVERIFY(sim.waitFinished(30000));
    QCOMPARE(sim.delivered(), quint64(61));
    QVERIFY2(clock.elapsed() >= 590, qPrintable(QString::number(clock.elapsed())));
}

void TestPlantSimulator::unreachableClusterFailsToStart()
{
    PlantSimulator sim(QStringLiteral("127.0.0.1:%1").arg(ndhtest::closedLoopbackPort()), {});
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!sim.start(2000));
    QVERIFY(clock.elapsed() < 10000);
    QVERIFY2(sim.error().contains(u"Cannot reach Kafka"), qPrintable(sim.error()));
}

QTEST_GUILESS_MAIN(TestPlantSimulator)
#include "tst_plant_simulator.moc"
