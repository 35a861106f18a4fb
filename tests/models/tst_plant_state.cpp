// State at t is a fold of events in event-time order, whatever order they arrived
// in, each message once: what `ndhctl state` and the time slider rely on.

#include "envelope_decoder.h"
#include "plant_state.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace ndh;

namespace {

PlantEvent attr(const char *id, qint64 t, const char *name, AttributeValue v, const char *messageId)
{
    PlantEvent e;
    e.messageId = QString::fromLatin1(messageId);
    e.kind = EventKind::AttributeUpdate;
    e.asset = {QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QString::fromLatin1(id)};
    e.eventTimeMs = t;
    e.attributes.push_back({QString::fromLatin1(name), std::move(v), {}});
    return e;
}

PlantEvent alarm(EventKind kind, qint64 t, const char *messageId)
{
    PlantEvent e;
    e.messageId = QString::fromLatin1(messageId);
    e.kind = kind;
    e.asset = {QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QStringLiteral("P1")};
    e.eventTimeMs = t;
    AlarmInfo a;
    a.alarmId = QStringLiteral("HT");
    a.priority = 2;
    e.alarm = a;
    return e;
}

} // namespace

class TestPlantState : public QObject
{
    Q_OBJECT
private slots:
    void outOfOrderEventsArePlacedByEventTime()
    {
        EventTimeline timeline;
        // Arrival order: newest first.
        timeline.add(attr("P1", 3000, "speed", qint64(30), "m3"));
        timeline.add(attr("P1", 1000, "speed", qint64(10), "m1"));
        timeline.add(attr("P1", 2000, "speed", qint64(20), "m2"));
        QCOMPARE(std::get<qint64>(timeline.stateAt(3000).assets().begin()->second.attributes.at("speed")), 30);
        QCOMPARE(std::get<qint64>(timeline.stateAt(2500).assets().begin()->second.attributes.at("speed")), 20);
        QCOMPARE(std::get<qint64>(timeline.stateAt(1000).assets().begin()->second.attributes.at("speed")), 10);
        QVERIFY(timeline.stateAt(999).assets().empty());
        QCOMPARE(timeline.latestEventMs(), 3000);
    }

    void tiesKeepArrivalOrder()
    {
        EventTimeline timeline;
        timeline.add(attr("P1", 1000, "mode", QStringLiteral("manual"), "a"));
        timeline.add(attr("P1", 1000, "mode", QStringLiteral("auto"), "b"));
        QCOMPARE(std::get<QString>(timeline.stateAt(1000).assets().begin()->second.attributes.at("mode")),
                 QStringLiteral("auto"));
    }

    void duplicatesApplyOnce()
    {
        EventTimeline timeline;
        timeline.add(attr("P1", 1000, "speed", qint64(10), "same"));
        // A redelivery with the same id but a later time must not move the state.
        timeline.add(attr("P1", 5000, "speed", qint64(99), "same"));
        QCOMPARE(timeline.size(), size_t(1));
        QCOMPARE(timeline.duplicates(), quint64(1));
        QCOMPARE(std::get<qint64>(timeline.stateAt(9000).assets().begin()->second.attributes.at("speed")), 10);
    }

    void snapshotReplacesAttributes()
    {
        PlantState state;
        state.apply(attr("P1", 1000, "old", qint64(1), "a"));
        PlantEvent snap = attr("P1", 2000, "speed", qint64(5), "s");
        snap.kind = EventKind::Snapshot;
        snap.lifecycle = QStringLiteral("active");
        state.apply(snap);
        const AssetState &a = state.assets().begin()->second;
        QCOMPARE(a.attributes.size(), size_t(1));
        QVERIFY(a.attributes.count(QStringLiteral("speed")));
        QCOMPARE(a.lifecycle, QStringLiteral("active"));
        QCOMPARE(a.updatedMs, 2000);
    }

    void alarmStates()
    {
        PlantState state;
        state.apply(alarm(EventKind::AlarmTriggered, 1000, "1"));
        const auto label = [&state] { return isaStateKey(state.alarms().alarms().front().stateAt(9999)); };
        QCOMPARE(label(), QStringLiteral("unack"));
        state.apply(alarm(EventKind::AlarmAcknowledged, 2000, "2"));
        QCOMPARE(label(), QStringLiteral("acked"));
        state.apply(alarm(EventKind::AlarmCleared, 3000, "3"));
        QCOMPARE(label(), QStringLiteral("normal"));
        state.apply(alarm(EventKind::AlarmTriggered, 4000, "4"));
        state.apply(alarm(EventKind::AlarmCleared, 5000, "5"));
        QCOMPARE(label(), QStringLiteral("rtn-unack"));
    }

    void jsonShape()
    {
        EventTimeline timeline;
        timeline.add(attr("P2", 1000, "speed", qint64(1480), "a"));
        timeline.add(attr("P1", 1000, "temperature", 61.5, "b"));
        timeline.add(attr("P1", 1500, "running", true, "c"));
        timeline.add(alarm(EventKind::AlarmTriggered, 1200, "d"));
        const nlohmann::json j = timeline.stateAt(2000).toJson(2000, 3);
        const auto expected = nlohmann::json::parse(R"({
          "at": "1970-01-01T00:00:02.000Z",
          "assets": [
            {"location":"FACTORY_A","type":"Pump","id":"P1","lifecycle":null,
             "attributes":{"running":true,"temperature":61.5},"updated":"1970-01-01T00:00:01.500Z"},
            {"location":"FACTORY_A","type":"Pump","id":"P2","lifecycle":null,
             "attributes":{"speed":1480},"updated":"1970-01-01T00:00:01.000Z"}],
          "alarms": [{"asset":"P1","path":"FACTORY_A/Pump/P1","alarm_id":"HT","state":"unack","priority":"high"}],
          "rejected": 3})");
        QCOMPARE(QString::fromStdString(j.dump()), QString::fromStdString(expected.dump()));
        // JSON types survive: integer stays integer, bool stays bool.
        QVERIFY(j["assets"][1]["attributes"]["speed"].is_number_integer());
        QVERIFY(j["assets"][0]["attributes"]["running"].is_boolean());
    }

    void decodedRecordsFoldToState()
    {
        // Through the real decoder: a snapshot then an attribute change delivered first.
        EnvelopeDecoder decoder;
        std::vector<PlantEvent> events;
        EventSource src;
        src.topic = QStringLiteral("ndh.assets.state.attribute_changed");
        QVERIFY(decoder.decode(R"({"message_id":"2","timestamp":"2025-01-01T00:00:02Z","asset_id":"P1",
            "asset_type":"Pump","location":"A","event_type":"attribute_changed",
            "event_data":{"attribute":"speed","new_value":1500}})", src, events).accepted);
        src.topic = QStringLiteral("ndh.assets.state.snapshot");
        QVERIFY(decoder.decode(R"({"message_id":"1","timestamp":"2025-01-01T00:00:01Z","asset_id":"P1",
            "asset_type":"Pump","location":"A","event_type":"state_snapshot",
            "event_data":{"attributes":{"speed":1000,"mode":"auto"},"lifecycle_state":"active"}})", src, events).accepted);
        EventTimeline timeline;
        for (auto &e : events)
            timeline.add(std::move(e));
        const AssetState a = timeline.stateAt(timeline.latestEventMs()).assets().begin()->second;
        QCOMPARE(std::get<qint64>(a.attributes.at("speed")), 1500);
        QCOMPARE(std::get<QString>(a.attributes.at("mode")), QStringLiteral("auto"));
        QCOMPARE(a.lifecycle, QStringLiteral("active"));
    }
};

QTEST_GUILESS_MAIN(TestPlantState)
#include "tst_plant_state.moc"
