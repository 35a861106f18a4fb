// The decoder turns the three wire envelopes of DESIGN.md §1 into PlantEvents and
// rejects every class of bad input with a reason, never a crash or a silent drop.

#include "describe_event.h"
#include "envelope_decoder.h"

#include <QTest>

using namespace ndh;

namespace {

EventSource kafka(const char *topic, qint64 offset = 7)
{
    EventSource s;
    s.topic = QString::fromLatin1(topic);
    s.partition = 2;
    s.offset = offset;
    s.brokerTimeMs = 1754217000000; // 2025-08-03T10:30:00Z
    return s;
}

const QByteArray kNdhAttribute = R"({
  "message_id": "m-1", "message_type": "asset.state.changed",
  "timestamp": "2025-08-03T10:30:00.250Z", "source_orb": "NDH-ORB-1",
  "asset_id": "PUMP_001", "asset_uuid": "550e8400-e29b-41d4-a716-446655440000",
  "asset_type": "Pump", "location": "FACTORY_A", "event_type": "attribute_changed",
  "event_data": {"attribute": "flow_rate", "old_value": 100.0, "new_value": 125.5, "unit": "m3/h"},
  "correlation_id": "c-9", "version": 1})";

} // namespace

class TestEnvelopeDecoder : public QObject
{
    Q_OBJECT
private slots:
    void ndhAttributeChange()
    {
        EnvelopeDecoder decoder;
        std::vector<PlantEvent> out;
        const auto outcome = decoder.decode(kNdhAttribute, kafka("ndh.assets.state.attribute_changed"), out);
        QVERIFY2(outcome.accepted, qPrintable(outcome.reason));
        QCOMPARE(outcome.envelope, Envelope::Ndh);
        QCOMPARE(out.size(), size_t(1));
        const PlantEvent &e = out.front();
        QCOMPARE(e.kind, EventKind::AttributeUpdate);
        QCOMPARE(e.asset, (AssetPath{"FACTORY_A", "Pump", "PUMP_001"}));
        QCOMPARE(e.messageId, QStringLiteral("m-1"));
        QCOMPARE(e.correlationId, QStringLiteral("c-9"));
        QCOMPARE(e.eventTimeMs, 1754217000250);
        QCOMPARE(e.attributes.size(), size_t(1));
        QCOMPARE(e.attributes[0].name, QStringLiteral("flow_rate"));
        QCOMPARE(std::get<double>(e.attributes[0].value), 125.5);
        QCOMPARE(e.attributes[0].unit, QStringLiteral("m3/h"));
        QCOMPARE(e.source.offset, 7);
    }

    // A Redis state hash's "attributes" field read alone: an empty one (no bytes at
    // all, as an empty hash field arrives) is a clear rejection, nothing appended.
    void attributesAloneAndEmpty()
    {
        EnvelopeDecoder decoder;
        std::vector<AttributeSample> out;
        auto outcome = decoder.decodeAttributes(QByteArrayView(R"({"speed": 1480, "mode": "auto"})"), out);
        QVERIFY2(outcome.accepted, qPrintable(outcome.reason));
        QCOMPARE(out.size(), size_t(2));
        for (const QByteArrayView empty : {QByteArrayView(), QByteArrayView("")}) {
            outcome = decoder.decodeAttributes(empty, out);
            QVERIFY(!outcome.accepted);
            QVERIFY(!outcome.reason.isEmpty());
            QCOMPARE(out.size(), size_t(2));
        }
    }

    void ndhSnapshotKeepsJsonTypes()
    {
        const QByteArray snap = R"({"message_id":"s1","timestamp":"2025-08-03T10:30:00","asset_id":"MOTOR_7",
            "asset_type":"Motor","location":"FACTORY_B","event_type":"state_snapshot",
            "event_data":{"attributes":{"speed":1480,"temperature":61.5,"mode":"auto","running":true,
                                        "rating":{"power":75}},
                          "lifecycle_state":"active","units":{"speed":"rpm"}}})";
        EnvelopeDecoder decoder;
        std::vector<PlantEvent> out;
        QVERIFY(decoder.decode(snap, kafka("ndh.assets.state.snapshot"), out).accepted);
        const PlantEvent &e = out.front();
        QCOMPARE(e.kind, EventKind::Snapshot);
        QCOMPARE(e.lifecycle, QStringLiteral("active"));
        QCOMPARE(e.eventTimeMs, 1754217000000); // naive timestamps are UTC
        QCOMPARE(e.attributes.size(), size_t(5));
        const auto find = [&e](const char *n) {
            return *std::find_if(e.attributes.begin(), e.attributes.end(),
                                 [n](const AttributeSample &s) { return s.name == QLatin1String(n); });
        };
        QCOMPARE(std::get<qint64>(find("speed").value), 1480);
        QCOMPARE(find("speed").unit, QStringLiteral("rpm"));
        QCOMPARE(std::get<double>(find("temperature").value), 61.5);
        QCOMPARE(std::get<QString>(find("mode").value), QStringLiteral("auto"));
        QCOMPARE(std::get<bool>(find("running").value), true);
        QCOMPARE(std::get<qint64>(find("rating.power").value), 75);
    }

    void ndhKinds_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("eventData");
        QTest::addColumn<QString>("eventType");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("lifecycle");
        QTest::newRow("activated") << "ndh.assets.events.activated" << QByteArray("{}") << "activated"
                                   << int(EventKind::Lifecycle) << "active";
        QTest::newRow("deactivated") << "ndh.assets.events.deactivated" << QByteArray("{}") << "deactivated"
                                     << int(EventKind::Lifecycle) << "inactive";
        QTest::newRow("created") << "ndh.assets.events.created" << QByteArray("{}") << "created"
                                 << int(EventKind::Lifecycle) << "created";
        QTest::newRow("state changed") << "ndh.assets.state.changed"
                                       << QByteArray(R"({"old_state":"idle","new_state":"running"})")
                                       << "state_changed" << int(EventKind::Lifecycle) << "running";
        QTest::newRow("alarm triggered") << "ndh.assets.alarms.triggered"
                                         << QByteArray(R"({"alarm_id":"HT","severity":"high","message":"hot"})")
                                         << "alarm_triggered" << int(EventKind::AlarmTriggered) << "";
        QTest::newRow("alarm cleared") << "ndh.assets.alarms.cleared" << QByteArray(R"({"alarm_id":"HT"})")
                                       << "alarm_cleared" << int(EventKind::AlarmCleared) << "";
        QTest::newRow("alarm ack") << "ndh.assets.alarms.acknowledged"
                                   << QByteArray(R"({"alarm_id":"HT","operator":"li"})") << "alarm_acknowledged"
                                   << int(EventKind::AlarmAcknowledged) << "";
        QTest::newRow("alarm shelved") << "ndh.assets.alarms.shelved"
                                       << QByteArray(R"({"alarm_id":"HT","reason":"sensor fault","duration_s":600})")
                                       << "alarm_shelved" << int(EventKind::AlarmShelved) << "";
        QTest::newRow("alarm unshelved") << "ndh.assets.alarms.shelved" << QByteArray(R"({"alarm_id":"HT"})")
                                         << "alarm_unshelved" << int(EventKind::AlarmUnshelved) << "";
        QTest::newRow("out of service") << "ndh.assets.alarms.service" << QByteArray(R"({"alarm_id":"HT"})")
                                        << "alarm_out_of_service" << int(EventKind::AlarmRemovedFromService) << "";
        QTest::newRow("returned to service") << "ndh.assets.alarms.service" << QByteArray(R"({"alarm_id":"HT"})")
                                             << "alarm_returned_to_service"
                                             << int(EventKind::AlarmReturnedToService) << "";
        QTest::newRow("alarm reset") << "ndh.assets.alarms.acknowledged" << QByteArray(R"({"alarm_id":"HT"})")
                                     << "alarm_reset" << int(EventKind::AlarmReset) << "";
        QTest::newRow("command request") << "ndh.assets.commands.request" << QByteArray(R"({"command":"stop"})")
                                         << "command_request" << int(EventKind::CommandRequest) << "";
        QTest::newRow("command failed") << "ndh.assets.commands.failed" << QByteArray(R"({"reason":"interlock"})")
                                        << "command_failed" << int(EventKind::CommandFailed) << "";
        QTest::newRow("history value") << "ndh.assets.history.value"
                                       << QByteArray(R"({"attribute":"pressure","value":"4.2"})")
                                       << "history_value" << int(EventKind::AttributeUpdate) << "";
    }
    void ndhKinds()
    {
        QFETCH(QString, topic);
        QFETCH(QByteArray, eventData);
        QFETCH(QString, eventType);
        QFETCH(int, kind);
        QFETCH(QString, lifecycle);
        // (moc misreads raw strings that end in a quote, so these are plain literals.)
        const QByteArray payload = "{\"message_id\":\"x\",\"timestamp\":\"2025-08-03T10:30:00Z\",\"asset_id\":\"P1\","
                                   "\"asset_type\":\"Pump\",\"location\":\"L\",\"event_type\":\""
                                   + eventType.toUtf8() + "\",\"event_data\":" + eventData + "}";
        EnvelopeDecoder decoder;
        std::vector<PlantEvent> out;
        const auto outcome = decoder.decode(payload, kafka(qPrintable(topic)), out);
        QVERIFY2(outcome.accepted, qPrintable(outcome.reason));
        QCOMPARE(int(out.front().kind), kind);
        QCOMPARE(out.front().lifecycle, lifecycle);
    }

    void ndhAlarmDetails()
    {
        const QByteArray payload = R"({"message_id":"a1","timestamp":"2025-08-03T10:30:00Z","asset_id":"P1",
            "asset_type":"Pump","location":"L","event_type":"alarm_triggered",
            "event_data":{"alarm_id":"HT-1","alarm_type":"high_temperature","severity":"critical",
                          "message":"Bearing temperature high","attribute":"temperature","value":96.5}})";
        std::vector<PlantEvent> out;
        QVERIFY(EnvelopeDecoder().decode(payload, kafka("ndh.assets.alarms.triggered"), out).accepted);
        const AlarmInfo &a = *out.front().alarm;
        QCOMPARE(a.alarmId, QStringLiteral("HT-1"));
        QCOMPARE(a.alarmType, QStringLiteral("high_temperature"));
        QCOMPARE(a.priority, 1);
        QCOMPARE(a.message, QStringLiteral("Bearing temperature high"));
        QCOMPARE(a.attribute, QStringLiteral("temperature"));
        QCOMPARE(std::get<double>(a.value), 96.5);

        // The alarm is held out of line (PlantEvent::alarm): a copy of the event is a
        // copy of the alarm too, not a second handle on the same one, so a model that
        // keeps and annotates its copy leaves the batch's event as decoded.
        PlantEvent kept = out.front();
        QVERIFY(kept.alarm);
        kept.alarm->comment = QStringLiteral("acknowledged at the pump");
        QCOMPARE(out.front().alarm->comment, QString());
        PlantEvent moved = std::move(kept);
        QVERIFY(moved.alarm);
        QCOMPARE(moved.alarm->alarmId, QStringLiteral("HT-1"));
        QCOMPARE(moved.alarm->comment, QStringLiteral("acknowledged at the pump"));
        // Events without an alarm carry none, and copy as none.
        QVERIFY(EnvelopeDecoder().decode(kNdhAttribute, kafka("ndh.assets.state.attribute_changed"), out).accepted);
        const PlantEvent plain = out.back();
        QVERIFY(!plain.alarm);
    }

    void shelveDurationBecomesExpiry()
    {
        const QByteArray payload = R"({"message_id":"s","timestamp":"2025-08-03T10:30:00Z","asset_id":"P1",
            "event_type":"alarm_shelved","event_data":{"alarm_id":"HT","duration_s":600,"operator":"chen",
            "reason":"sensor fault"}})";
        std::vector<PlantEvent> out;
        QVERIFY(EnvelopeDecoder().decode(payload, kafka("ndh.assets.alarms.shelved"), out).accepted);
        QCOMPARE(out.front().alarm->shelvedUntilMs, 1754217000000 + 600000);
        QCOMPARE(out.front().alarm->operatorName, QStringLiteral("chen"));
        QCOMPARE(out.front().alarm->comment, QStringLiteral("sensor fault"));
    }

    void ndhSystemEventNeedsNoAsset()
    {
        const QByteArray payload = R"({"message_id":"o1","timestamp":"2025-08-03T10:30:00Z",
            "source_orb":"NDH-ORB-1","event_type":"orb_started","event_data":{}})";
        std::vector<PlantEvent> out;
        const auto outcome = EnvelopeDecoder().decode(payload, kafka("ndh.system.events.orb_started"), out);
        QVERIFY2(outcome.accepted, qPrintable(outcome.reason));
        QCOMPARE(out.front().kind, EventKind::System);
        QCOMPARE(out.front().asset.id, QStringLiteral("NDH-ORB-1"));
    }

    void liberalInput()
    {
        // Numbers as strings, missing optional fields, extra fields, no timestamp
        // (falls back to the broker time), no message id (falls back to the offset).
        const QByteArray payload = R"({"asset_id": 42, "event_type":"attribute_changed", "extra": [1,2],
            "event_data":{"attribute":"speed","new_value":"1500"}})";
        std::vector<PlantEvent> out;
        const auto outcome = EnvelopeDecoder().decode(payload, kafka("ndh.assets.state.attribute_changed", 99), out);
        QVERIFY2(outcome.accepted, qPrintable(outcome.reason));
        const PlantEvent &e = out.front();
        QCOMPARE(e.asset.id, QStringLiteral("42"));
        QCOMPARE(e.asset.location, QStringLiteral("UNKNOWN"));
        QCOMPARE(e.eventTimeMs, 1754217000000);
        QCOMPARE(e.messageId, QStringLiteral("ndh.assets.state.attribute_changed/2/99"));
        QCOMPARE(std::get<QString>(e.attributes[0].value), QStringLiteral("1500"));
        QCOMPARE(numericValue(e.attributes[0].value).value(), 1500.0);
    }

    void droneStatusChanged()
    {
        const QByteArray payload = R"({"id":"event-uuid","type":"drone.status.changed","source":"drone-control-service",
            "timestamp":"2025-08-03T10:30:00Z","data":{"drone_id":1,"old_status":"idle","new_status":"flying",
            "location":{"latitude":40.7128,"longitude":-74.0060,"altitude":100.5},"battery":85}})";
        std::vector<PlantEvent> out;
        const auto outcome = EnvelopeDecoder().decode(payload, kafka("drone-events"), out);
        QVERIFY2(outcome.accepted, qPrintable(outcome.reason));
        QCOMPARE(outcome.envelope, Envelope::Drone);
        const PlantEvent &e = out.front();
        QCOMPARE(e.kind, EventKind::Lifecycle);
        QCOMPARE(e.asset, (AssetPath{"FLEET", "Drone", "DRONE-1"}));
        QCOMPARE(e.lifecycle, QStringLiteral("flying"));
        QStringList names;
        for (const auto &s : e.attributes)
            names << s.name;
        names.sort();
        QCOMPARE(names, (QStringList{"altitude", "battery", "latitude", "longitude", "status"}));
    }

    void droneAlertAndTask()
    {
        const QByteArray alert = R"({"id":"a-1","type":"alert.created","source":"monitoring-service",
            "timestamp":"2025-08-03T10:40:00Z","data":{"alert_id":456,"type":"battery_low","level":"warning",
            "message":"无人机电量低于20%","drone_id":1,"auto_action":"return_to_base"}})";
        std::vector<PlantEvent> out;
        QVERIFY(EnvelopeDecoder().decode(alert, kafka("alert-events"), out).accepted);
        QCOMPARE(out.front().kind, EventKind::AlarmTriggered);
        QCOMPARE(out.front().alarm->alarmId, QStringLiteral("456"));
        QCOMPARE(out.front().alarm->priority, 3);
        QCOMPARE(out.front().alarm->message, QStringLiteral("无人机电量低于20%"));

        const QByteArray task = R"({"id":"t-1","type":"task.progress","source":"task-service",
            "timestamp":"2025-08-03T10:35:00Z","data":{"task_id":123,"drone_id":1,"progress":75,
            "current_step":"巡检点位3"}})";
        out.clear();
        QVERIFY(EnvelopeDecoder().decode(task, kafka("task-events"), out).accepted);
        QCOMPARE(out.front().kind, EventKind::AttributeUpdate);
        QCOMPARE(out.front().asset.id, QStringLiteral("DRONE-1"));
        QCOMPARE(out.front().attributes.size(), size_t(3));
    }

    void domainEnvelope()
    {
        const QByteArray payload = R"({"event_id":"d-1","event_type":"AttributeChanged","aggregate_id":"CONV_3",
            "aggregate_type":"Conveyor","event_version":4,"timestamp":"2025-08-03T18:30:00+08:00",
            "metadata":{"correlation_id":"corr","causation_id":"cause","user_id":"u","source_service":"mes"},
            "payload":{"location":"WAREHOUSE_C","attribute":"belt_speed","new_value":1.25,"unit":"m/s"}})";
        std::vector<PlantEvent> out;
        const auto outcome = EnvelopeDecoder().decode(payload, kafka("domain-events"), out);
        QVERIFY2(outcome.accepted, qPrintable(outcome.reason));
        QCOMPARE(outcome.envelope, Envelope::Domain);
        const PlantEvent &e = out.front();
        QCOMPARE(e.asset, (AssetPath{"WAREHOUSE_C", "Conveyor", "CONV_3"}));
        QCOMPARE(e.eventTimeMs, 1754217000000); // +08:00 offset applied
        QCOMPARE(e.correlationId, QStringLiteral("corr"));
        QCOMPARE(e.attributes[0].name, QStringLiteral("belt_speed"));
        QCOMPARE(e.attributes[0].unit, QStringLiteral("m/s"));
    }

    void configuredEnvelopeOverridesSniffing()
    {
        EnvelopeDecoder decoder;
        decoder.setTopicEnvelope(QStringLiteral("legacy.*"), Envelope::Domain);
        QCOMPARE(decoder.envelopeForTopic(QStringLiteral("legacy.plant")), Envelope::Domain);
        QCOMPARE(decoder.envelopeForTopic(QStringLiteral("other")), Envelope::Sniff);
        std::vector<PlantEvent> out;
        // An NDH record on a topic pinned to the domain envelope is rejected, with the envelope named.
        const auto outcome = decoder.decode(kNdhAttribute, kafka("legacy.plant"), out);
        QVERIFY(!outcome.accepted);
        QVERIFY2(outcome.reason.startsWith(u"domain envelope"), qPrintable(outcome.reason));
    }

    void envelopeRulesFromCommandLines()
    {
        QString error;
        const auto rule = parseEnvelopeRule(QStringLiteral("legacy.*=domain"), &error);
        QVERIFY(rule);
        QCOMPARE(rule->first, QStringLiteral("legacy.*"));
        QCOMPARE(rule->second, Envelope::Domain);
        QCOMPARE(parseEnvelopeRule(QStringLiteral("drone-events = CloudEvents"), &error)->second, Envelope::Drone);
        for (const char *bad : {"legacy.*", "=ndh", "topic=xml", ""}) {
            QVERIFY2(!parseEnvelopeRule(QString::fromLatin1(bad), &error), bad);
            QVERIFY(error.contains(u"TOPIC_PATTERN=ENVELOPE"));
        }
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("reasonContains");
        QTest::newRow("empty") << QByteArray() << "empty";
        QTest::newRow("invalid json") << QByteArray(R"({"asset_id": "P1", )") << "invalid JSON";
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe garbage", 12) << "invalid UTF-8 at byte 1";
        QTest::newRow("not an object") << QByteArray("[1,2,3]") << "not a JSON object";
        QTest::newRow("unknown envelope") << QByteArray(R"({"hello":"world"})") << "unknown envelope";
        QTest::newRow("missing asset id") << QByteArray(R"({"message_id":"1","event_type":"attribute_changed",
            "timestamp":"2025-01-01T00:00:00Z","event_data":{"attribute":"a","new_value":1}})")
                                          << "missing asset_id";
        QTest::newRow("wrong type asset id") << QByteArray(R"({"asset_id":{"x":1},"event_data":{}})")
                                             << "'asset_id' must be a string";
        QTest::newRow("wrong type event_data") << QByteArray(R"({"asset_id":"P","event_data":"x"})")
                                               << "'event_data' must be an object";
        QTest::newRow("bad timestamp") << QByteArray(R"({"asset_id":"P","timestamp":"yesterday","event_data":{}})")
                                       << "not an ISO 8601 time";
        QTest::newRow("bad attribute") << QByteArray(R"({"asset_id":"P","timestamp":"2025-01-01","event_type":"attribute_changed",
            "event_data":{"attribute":7,"new_value":1}})") << "'attribute' must be a non-empty string";
        QTest::newRow("object value") << QByteArray(R"({"asset_id":"P","timestamp":"2025-01-01",
            "event_data":{"attribute":"a","new_value":{"deep":1}}})") << "must be a number, string or bool";
        QTest::newRow("drone without type") << QByteArray(R"({"id":"1","type":"","data":{"drone_id":1}})")
                                            << "missing 'type'";
        QTest::newRow("domain without aggregate") << QByteArray(R"({"event_id":"1","event_type":"X","payload":{}})")
                                                  << "missing aggregate_id";
        QTest::newRow("absurd nesting") << (QByteArray(100000, '[') + QByteArray(100000, ']')) << "nested deeper";
        QTest::newRow("oversize") << (QByteArray("{\"asset_id\":\"P\",\"pad\":\"") + QByteArray(2 << 20, 'x') + "\"}")
                                  << "exceeds";
        // Hostile input (issue 9): each is refused with a reason an engineer can act on.
        const QByteArray head = R"({"asset_id":"P","timestamp":"2025-01-01","event_type":"attribute_changed",)";
        const auto withValue = [&head](const QByteArray &value) {
            return head + R"("event_data":{"attribute":"a","new_value":)" + value + "}}";
        };
        QTest::newRow("100,000 nested objects")
            << (QByteArray("{\"a\":").repeated(100000) + "1" + QByteArray(100000, '}'))
            << "nested deeper than 32 levels";
        QTest::newRow("100,000 brackets inside an envelope")
            << (head + R"("event_data":{"attribute":"a","new_value":)" + QByteArray(100000, '[')
                + QByteArray(100000, ']') + "}}")
            << "nested deeper than 32 levels";
        QTest::newRow("100,000 unclosed brackets") << QByteArray(100000, '[') << "invalid JSON at byte 100000";
        QTest::newRow("100 MB payload") << withValue('"' + QByteArray(100 << 20, 'x') + '"')
                                        << "payload of 104857720 bytes exceeds the 1048576-byte limit";
        QTest::newRow("invalid UTF-8") << withValue("\"caf\xe9\"") << "invalid UTF-8 at byte 120";
        QTest::newRow("overlong UTF-8") << withValue("\"\xc0\xaf\"") << "invalid UTF-8 at byte 117";
        QTest::newRow("UTF-8 surrogate") << withValue("\"\xed\xa0\x80\"") << "invalid UTF-8 at byte 117";
        QTest::newRow("NaN") << withValue("NaN") << "NaN is not a JSON number";
        QTest::newRow("Infinity") << withValue("Infinity") << "Infinity is not a JSON number";
        QTest::newRow("-Infinity") << withValue("-Infinity") << "-Infinity is not a JSON number";
        QTest::newRow("1e400") << withValue("1e400") << "number out of range at byte 116: 1e400 does not fit";
        QTest::newRow("-1e400") << withValue("-1e400") << "-1e400 does not fit";
        QTest::newRow("30-digit integer") << withValue("123456789012345678901234567890")
                                          << "12345678901234567890... does not fit";
        QTest::newRow("duplicate key") << QByteArray(R"({"asset_id":"P","asset_id":"Q","event_data":{}})")
                                       << "duplicate key \"asset_id\"";
        QTest::newRow("duplicate key deep inside") << withValue(R"({"x":[{"k":1,"k":2}]})") << "duplicate key \"k\"";
        QByteArray manyKeys = head + R"("event_data":{"attributes":{)";
        for (int i = 0; i < 5000; ++i)
            manyKeys += "\"k" + QByteArray::number(i) + "\":1,";
        QTest::newRow("duplicate among 5,000 keys") << (manyKeys + R"("k17":2}}})") << "duplicate key \"k17\"";
    }
    void rejects()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, reasonContains);
        EnvelopeDecoder decoder;
        std::vector<PlantEvent> out;
        std::vector<DeadLetter> dead;
        const bool ok = decoder.decodeOrDeadLetter(payload, "key-1", kafka("ndh.assets.state.changed", 1234), out,
                                                   dead, 42);
        QVERIFY(!ok);
        QVERIFY(out.empty());
        QCOMPARE(dead.size(), size_t(1));
        QVERIFY2(dead[0].reason.contains(reasonContains), qPrintable(dead[0].reason));
        // The record is kept: raw bytes (up to the bound), key, where it came from.
        QCOMPARE(dead[0].payloadSize, payload.size());
        QCOMPARE(dead[0].payload, payload.left(decoder.limits().maxPayloadBytes));
        QCOMPARE(dead[0].key, QByteArray("key-1"));
        QCOMPARE(dead[0].source.offset, 1234);
        QCOMPARE(dead[0].receivedMs, 42);
    }

    void bracketsInsideStringsAreNotNesting()
    {
        const QByteArray payload = "{\"asset_id\":\"P\",\"timestamp\":\"2025-01-01\",\"event_data\":"
                                   "{\"attribute\":\"note\",\"new_value\":\""
                                   + QByteArray(200, '[') + "\"}}";
        std::vector<PlantEvent> out;
        const auto outcome = EnvelopeDecoder().decode(payload, kafka("ndh.x"), out);
        QVERIFY2(outcome.accepted, qPrintable(outcome.reason));
    }

    void boundsLeaveOrdinaryRecordsAlone()
    {
        // Just under every bound: 32 levels, 1 MiB, 1,000 distinct attributes, big but
        // finite numbers, escaped non-ASCII text. All of it must still decode.
        QByteArray nested = QByteArray("[").repeated(28) + "1" + QByteArray("]").repeated(28);
        QByteArray attrs;
        for (int i = 0; i < 999; ++i)
            attrs += "\"a" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ',';
        const QByteArray payload = R"({"asset_id":"P","timestamp":"2025-01-01","event_type":"snapshot","event_data":{)"
                                   R"("attributes":{)" + attrs + R"("deep":)" + nested
                                   + R"(},"note":"caf\u00e9 \u6cf5 1.7e308 -9223372036854775808","big":1.7e308,)"
                                   "\"small\":-9223372036854775808,\"pad\":\""
                                   + QByteArray(900000, ' ') + "\"}}";
        QVERIFY(payload.size() < EnvelopeDecoder().limits().maxPayloadBytes);
        std::vector<PlantEvent> out;
        const auto outcome = EnvelopeDecoder().decode(payload, kafka("ndh.assets.state.snapshot"), out);
        QVERIFY2(outcome.accepted, qPrintable(outcome.reason));
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out[0].attributes.size(), size_t(1000));
    }

    void timestamps_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("zulu") << "2025-08-03T10:30:00Z" << qint64(1754217000000);
        QTest::newRow("naive") << "2025-08-03T10:30:00" << qint64(1754217000000);
        QTest::newRow("micro") << "2025-08-03T10:30:00.123456" << qint64(1754217000123);
        QTest::newRow("offset") << "2025-08-03T12:30:00+02:00" << qint64(1754217000000);
        QTest::newRow("neg offset") << "2025-08-03T05:30:00-0500" << qint64(1754217000000);
        QTest::newRow("space") << "2025-08-03 10:30:00" << qint64(1754217000000);
        QTest::newRow("date") << "2025-08-03" << qint64(1754179200000);
        QTest::newRow("epoch s") << "1754217000" << qint64(1754217000000);
        QTest::newRow("epoch ms") << "1754217000123" << qint64(1754217000123);
        QTest::newRow("leap day") << "2024-02-29T00:00:00Z" << qint64(1709164800000);
    }
    void timestamps()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QCOMPARE(parseTimestampMs(text).value_or(-1), ms);
    }

    void badTimestamps()
    {
        for (const char *t : {"", "yesterday", "2025-13-01", "2025-02-30", "2025-08-03T25:00:00",
                              "2025-08-03T10:30:00Zjunk", "2025/08/03"})
            QVERIFY2(!parseTimestampMs(QString::fromLatin1(t)), t);
    }

    void formatRoundTrips()
    {
        QCOMPARE(formatTimestampMs(1754217000123), QStringLiteral("2025-08-03T10:30:00.123Z"));
        QCOMPARE(parseTimestampMs(formatTimestampMs(1709164800000)).value(), 1709164800000);
        QCOMPARE(formatTimestampMs(0), QStringLiteral("1970-01-01T00:00:00.000Z"));
    }

    // Repeated names are shared between records (interned for speed); an event that
    // changes its copy must not change any other event, earlier or later.
    void sharedNamesStayIndependent()
    {
        EnvelopeDecoder decoder;
        std::vector<PlantEvent> out;
        const EventSource src = kafka("ndh.assets.state.attribute_changed");
        QVERIFY(decoder.decode(kNdhAttribute, src, out).accepted);
        QVERIFY(decoder.decode(kNdhAttribute, src, out).accepted);
        out[0].asset.id += QStringLiteral("-edited");
        out[0].attributes[0].name[0] = u'F';
        QVERIFY(decoder.decode(kNdhAttribute, src, out).accepted);
        for (size_t i = 1; i < out.size(); ++i) {
            QCOMPARE(out[i].asset, (AssetPath{"FACTORY_A", "Pump", "PUMP_001"}));
            QCOMPARE(out[i].attributes[0].name, QStringLiteral("flow_rate"));
            QCOMPARE(out[i].eventType, QStringLiteral("attribute_changed"));
            QCOMPARE(out[i].kind, EventKind::AttributeUpdate);
        }
        // Names longer than the shared-name bound and many distinct names decode alike.
        const QString longId = QString(200, u'X');
        const QByteArray record = "{\"message_id\":\"m-2\",\"timestamp\":\"2025-08-03T10:30:00Z\",\"asset_type\":"
                                  "\"Pump\",\"location\":\"FACTORY_A\",\"event_type\":\"attribute_changed\","
                                  "\"asset_id\":\"" + longId.toLatin1()
                                  + "\",\"event_data\":{\"attribute\":\"a\",\"new_value\":1}}";
        out.clear();
        QVERIFY(decoder.decode(record, src, out).accepted);
        QCOMPARE(out.front().asset.id, longId);
    }

    // The names looked up last are found again without a lookup in the shared-name
    // table: names that share that shortcut's slot (same length, first and last
    // byte) each come back as themselves, and so does a name after the table
    // filled up and started over (its entries numbered anew).
    void recentNamesComeBackAsThemselves()
    {
        const auto record = [](const QByteArray &type, const QByteArray &location) {
            return "{\"message_id\":\"m-1\",\"timestamp\":\"2025-08-03T10:30:00Z\",\"asset_id\":\"P1\","
                   "\"asset_type\":\"" + type + "\",\"location\":\"" + location + "\","
                   "\"event_type\":\"attribute_changed\",\"event_data\":{\"attribute\":\"a\",\"new_value\":1}}";
        };
        EnvelopeDecoder decoder;
        const EventSource src = kafka("ndh.assets.state.attribute_changed");
        std::vector<PlantEvent> out;
        // Same length, first and last byte: short ones, ones of 9 to 24 bytes that
        // differ in the middle, and ones of 24 and 25 bytes (the longest the shortcut
        // keeps, and one past it).
        const QByteArray a24 = "C" + QByteArray(22, 'x') + "r", b24 = "C" + QByteArray(11, 'x') + "y" + QByteArray(10, 'x') + "r";
        const QByteArray a25 = "C" + QByteArray(23, 'x') + "r", b25 = "C" + QByteArray(12, 'x') + "y" + QByteArray(10, 'x') + "r";
        for (const QByteArray &type : {QByteArray("Pump"), QByteArray("Pimp"), QByteArray("Pump"), QByteArray("Pimp"),
                                       QByteArray("Compressor"), QByteArray("Comprexxor"), QByteArray("Compressor"),
                                       a24, b24, a24, a25, b25, a25, b24}) {
            out.clear();
            QVERIFY(decoder.decode(record(type, "SITE_A"), src, out).accepted);
            QCOMPARE(out.front().asset.type, QString::fromLatin1(type));
        }
        // An empty name is not a slot never filled.
        out.clear();
        QVERIFY(decoder.decode(record("Pump", ""), src, out).accepted);
        QCOMPARE(out.front().asset.location, QStringLiteral("UNKNOWN")); // an empty location reads as none
        // 200,000 distinct names fill the table; it starts over on the next, and the
        // records after that still say what they say.
        int wrong = 0;
        for (int i = 0; i <= 200010; ++i) {
            out.clear();
            const QByteArray location = "L" + QByteArray::number(i);
            QVERIFY(decoder.decode(record("Pump", location), src, out).accepted);
            const PlantEvent &e = out.front();
            wrong += e.asset.type != u"Pump" || e.asset.location != QLatin1String(location)
                     || e.eventType != u"attribute_changed" || e.attributes.front().name != u"a";
        }
        QCOMPARE(wrong, 0);
        for (const QByteArray type : {"Pump", "Pimp"}) {
            out.clear();
            QVERIFY(decoder.decode(record(type, "SITE_A"), src, out).accepted);
            QCOMPARE(out.front().asset.type, QString::fromLatin1(type));
            QCOMPARE(out.front().asset.location, QStringLiteral("SITE_A"));
        }
    }

    // Records that repeat the layout of the records before them are read through
    // that layout (a record shape) instead of being parsed. Whatever a record
    // holds, the events or the rejection must be the ones the parser gives: values
    // of every kind and edge, escapes, UTF-8 good and bad, other spacing, truncated
    // records, trailing bytes, a depth limit the shape is over.
    void recordShapesReadAsTheParserDoes()
    {
        const QByteArray snapshot =
            "{\"message_id\":\"m-1\",\"timestamp\":\"2025-08-03T10:30:00.125Z\",\"asset_id\":\"P1\",\"asset_type\":\"Pump\","
            "\"location\":\"SITE_A\",\"event_type\":\"snapshot\",\"event_data\":{\"attributes\":{\"speed\":1450,\"flow\":12.75,"
            "\"on\":true,\"mode\":\"auto\",\"note\":null,\"cfg\":{\"k\":1}},\"lifecycle_state\":\"running\"},\"correlation_id\":null}";
        const QByteArray alarm =
            "{\"message_id\":\"m-2\", \"timestamp\":1754217000.5, \"asset_id\":\"P1\", \"asset_type\":\"Pump\", \"location\":\"SITE_A\", "
            "\"event_type\":\"alarm_triggered\", \"event_data\":{\"alarm_id\":\"HI-1\", \"priority\":2, \"message\":\"flow high\", "
            "\"value\":{\"x\":1, \"y\":\"z\"}, \"latching\":false}}";
        // (token in the base record, what replaces it)
        QList<std::pair<QByteArray, QByteArray>> variants = {
            {"1450", "0"}, {"1450", "-5"}, {"1450", "123456789012345678"}, {"1450", "1234567890123456789"},
            {"1450", "9223372036854775807"}, {"1450", "9223372036854775808"}, {"1450", "18446744073709551616"},
            {"1450", "-0"}, {"1450", "-0.0"}, {"1450", "0.1"}, {"1450", "9007199254740993"}, {"1450", "1e3"},
            {"1450", "1E-2"}, {"1450", "01"}, {"1450", "1."}, {"1450", ".5"}, {"1450", "-"}, {"1450", "--1"},
            {"1450", "1.5.5"}, {"1450", "1450 "}, {"1450", "\"1450\""}, {"1450", "true"},
            {"12.75", "12345678901234.5"}, {"12.75", "123456789012345.6"}, {"12.75", "0.000000000000001"},
            {"12.75", "0.30000000000000004"}, {"12.75", "-12.750"}, {"12.75", "2.2250738585072014"},
            {"12.75", "99999999999999.9"}, {"12.75", "12"},
            {"12.75", "1234567890123456.5"}, {"12.75", "123456789012345678.25"},
            {"\"auto\"", "\"\""}, {"\"auto\"", "\"manual\""}, {"\"auto\"", "\"a\\\"b\""}, {"\"auto\"", "\"a\\\\nb\""},
            {"\"auto\"", "\"\\u00e9\""}, {"\"auto\"", "\"\xc3\xa9t\xc3\xa9\""}, {"\"auto\"", "\"\xe2\x82\xac \xf0\x9f\x94\xa5\""},
            {"\"auto\"", "\"\xc3\x28\""}, {"\"auto\"", "\"\xc0\xaf\""}, {"\"auto\"", "\"\xed\xa0\x80\""},
            {"\"auto\"", "\"a\x01z\""}, {"\"auto\"", "\"a\tz\""}, {"\"auto\"", "\"a\x7fz\""},
            {"\"auto\"", "\"" + QByteArray(300, 'w') + "\""}, {"\"auto\"", "\"abcdefgh\xc3\xa9ijklmnop\""},
            {"\"auto\"", "\"unterminated"}, {"\"auto\"", "7"},
            {"true", "false"}, {"true", "null"}, {"true", "\"true\""}, {"true", "1"}, {"true", "tru"},
            {"true", "truex"}, {"null", "nul"}, {"null", "{}"}, {"null", "[1,2]"},
            {"\"speed\"", "\"mode\""}, {"\"speed\":", "\"speed\" :"}, {"{\"k\":1}", "{}"}, {"{\"k\":1}", "{\"k\":1,\"j\":2}"},
            {"\"P1\"", "\"PUMP-77\""}, {"2025-08-03T10:30:00.125Z", "not a time"}, {"\"snapshot\"", "\"attribute_changed\""},
            {"1754217000.5", "1754217000"}, {"1754217000.5", "\"2025-08-03T10:30:00Z\""}, {"\"HI-1\"", "\"\""},
            {"{\"x\":1, \"y\":\"z\"}", "{\"x\":1,  \"y\":\"z\" }"}, {"{\"x\":1, \"y\":\"z\"}", "3.5"},
            {"false}}", "false} } "}, {"false}}", "false}}x"}, {"false}}", "false}"},
        };
        const EventSource src = kafka("ndh.assets.state.snapshot");
        const auto read = [&src](const EnvelopeDecoder &decoder, const QByteArray &record) {
            return test::describeDecode(decoder, record, src);
        };
        // Both set here, whatever NDH_DECODER_SHAPES says; and the shapes tried on
        // every record, whatever the tests before left them doing.
        DecoderLimits shapes, parseAll;
        shapes.readRecordShapes = true;
        shapes.restUnrepeatedShapes = false;
        parseAll.readRecordShapes = false;
        const EnvelopeDecoder shaped(shapes), parsed(parseAll);
        // A NUL byte, and a backslash, a control byte and a non-ASCII letter at each
        // place of the 8-byte words a string is scanned in.
        variants.append({QByteArray("\"auto\""), QByteArray("\"a\0z\"", 5)});
        for (int at = 0; at < 17; ++at) {
            for (const QByteArray &odd : {QByteArray("\\n"), QByteArray("\x1f"), QByteArray("\xc3\xa9")})
                variants.append({QByteArray("\"auto\""), "\"" + QByteArray(at, 'w') + odd + QByteArray(20, 'w') + "\""});
        }
        // A shape learnt from a value with an escape reads plain values of that layout.
        const QByteArray escapedValue = "\"a\\\"uto\"";
        const QByteArray escaped = QByteArray(snapshot).replace("\"auto\"", escapedValue);
        variants.append({escapedValue, QByteArray("\"auto\"")});
        int compared = 0;
        for (const QByteArray &base : {snapshot, alarm, escaped}) {
            QList<QByteArray> records;
            for (const auto &[token, replacement] : variants) {
                if (const qsizetype at = base.indexOf(token); at >= 0)
                    records.append(QByteArray(base).replace(at, token.size(), replacement));
            }
            for (qsizetype size = 0; size < base.size(); ++size)
                records.append(base.left(size));
            records.append(base + " ");
            records.append(" " + base);
            const quint64 before = recordsReadThroughShapes();
            for (const QByteArray &record : records) {
                QCOMPARE(read(shaped, base), read(parsed, base)); // the base's shape is learnt, then read through
                QCOMPARE(read(shaped, record), read(parsed, record));
                ++compared;
            }
            // Not a test that passes because nothing went through a shape: the base
            // did each time, and so did the variants with its layout. (The base with
            // an escape is parsed each time; its plain variant is read through it.)
            const quint64 reads = recordsReadThroughShapes() - before;
            QVERIFY2(base == escaped ? reads >= 1 : reads > quint64(records.size()),
                     qPrintable(QStringLiteral("%1 of %2").arg(reads).arg(records.size())));
        }
        QVERIFY(compared > 1000);
        // A shape learnt under a deep limit is not read under a shallower one: the
        // record is refused for its depth, as the parser refuses it.
        DecoderLimits shallow;
        shallow.maxDepth = 3;
        DecoderLimits shallowParsed = shallow;
        shallowParsed.readRecordShapes = false;
        const QString refused = read(EnvelopeDecoder(shallowParsed), snapshot);
        QVERIFY2(refused.contains(u"deeper"), qPrintable(refused));
        QCOMPARE(read(EnvelopeDecoder(shallow), snapshot), refused);
    }

    // A feed that does not repeat its layouts (here 16 in turn, more than the
    // decoder keeps) is parsed record by record after a while, not tried against
    // every shape and learnt from each time; and once the feed repeats its layout
    // again, the shapes are read again.
    void recordShapesRestWhileTheFeedDoesNotRepeat()
    {
        const auto record = [](int i, int layouts) {
            return "{\"message_id\":\"m-" + QByteArray::number(i) + "\",\"timestamp\":\"2025-08-03T10:30:00Z\","
                   "\"asset_id\":\"P1\",\"asset_type\":\"Pump\",\"location\":\"A\",\"event_type\":\"attribute_changed\","
                   "\"event_data\":{\"attribute\":\"flow\",\"new_value\":" + QByteArray::number(i) + ",\"tag_"
                   + QByteArray::number(layouts == 1 ? 0 : 1 + i % layouts) + "\":1}}"; // tag_0: the steady layout
        };
        DecoderLimits limits;
        limits.readRecordShapes = true; // whatever NDH_DECODER_SHAPES says
        const EnvelopeDecoder decoder(limits);
        const EventSource src = kafka("ndh.assets.state.attribute_changed");
        std::vector<PlantEvent> out;
        int wrong = 0;
        const auto decodeAll = [&](int from, int to, int layouts) {
            const quint64 before = recordsReadThroughShapes();
            for (int i = from; i < to; ++i) {
                out.clear();
                wrong += !decoder.decode(record(i, layouts), src, out).accepted
                         || out.front().attributes.front().value != AttributeValue(qint64(i));
            }
            return recordsReadThroughShapes() - before;
        };
        QVERIFY(decodeAll(0, 2000, 1) > 1000); // read through the shape, whatever the tests before left
        // A window of 256 records without a match, and the shapes rest (for 4,096
        // records the first time: RecordShapes' kWindow and kMinRest): the records
        // after it are parsed even though their layout is kept...
        QCOMPARE(decodeAll(0, 1000, 16), quint64(0));
        QCOMPARE(decodeAll(1000, 2000, 1), quint64(0));
        // ...and once the rest is over, read through it again.
        const quint64 steady = decodeAll(2000, 42000, 1);
        QVERIFY2(steady > 30000, qPrintable(QString::number(steady)));
        QCOMPARE(wrong, 0);
    }

    // Spent events lend their message-id and attribute buffers to the next records
    // decoded on the same thread: every new event still says exactly what its own
    // record says, and text someone else still holds is left alone.
    void spentEventsLendTheirBuffers()
    {
        const auto record = [](const QByteArray &id, const QByteArray &data) {
            return "{\"message_id\":\"" + id + "\",\"timestamp\":\"2025-08-03T10:30:00Z\",\"asset_id\":\"P1\","
                   "\"asset_type\":\"Pump\",\"location\":\"A\",\"event_type\":\"attribute_changed\","
                   "\"event_data\":" + data + "}";
        };
        const QByteArray snapshot = R"({"attributes":{"a":1,"b":2,"c":3,"d":4,"e":5}})";
        const QByteArray one = R"({"attribute":"flow","new_value":7.5})";
        EnvelopeDecoder decoder;
        const EventSource src = kafka("ndh.assets.state.attribute_changed");
        std::vector<PlantEvent> out;
        QVERIFY(decoder.decode(record("held-id-1", one), src, out).accepted);
        QVERIFY(decoder.decode(record("m-\xc3\xa9t\xc3\xa9-2", snapshot), src, out).accepted);
        QVERIFY(decoder.decode(record(QByteArray(100, 'L'), one), src, out).accepted);
        QCOMPARE(out[1].messageId, QString::fromUtf8("m-\xc3\xa9t\xc3\xa9-2"));
        QCOMPARE(out[1].attributes.size(), size_t(5));
        const QString held = out[0].messageId; // a model keeping the id: shared, not lent
        const QChar *lentId = out[1].messageId.constData();
        const AttributeSample *lentAttributes = out[2].attributes.data();

        recycleDecodedEvents(out);
        QVERIFY(out.empty());
        QCOMPARE(held, QStringLiteral("held-id-1"));

        // Newest spares first: the third event's attribute vector, and the second's
        // id (the first's is shared, the third's longer than a spare is kept).
        QVERIFY(decoder.decode(record("x-22", one), src, out).accepted);
        QCOMPARE(out[0].messageId, QStringLiteral("x-22"));
        QCOMPARE(out[0].messageId.constData(), lentId);
        QCOMPARE(out[0].attributes.size(), size_t(1));
        QCOMPARE(out[0].attributes[0].name, QStringLiteral("flow"));
        QCOMPARE(std::get<double>(out[0].attributes[0].value), 7.5);
        QVERIFY(out[0].attributes.data() == lentAttributes);
        // No spare is left (the shared id was not kept); the held text stays its own.
        QVERIFY(decoder.decode(record("y-1", one), src, out).accepted);
        QCOMPARE(out.back().messageId, QStringLiteral("y-1"));
        QVERIFY(out.back().messageId.constData() != held.constData());
        QCOMPARE(held, QStringLiteral("held-id-1"));
        out.pop_back();
        // Text that is not ASCII, and ids longer than any spare, are converted as always.
        QVERIFY(decoder.decode(record("\xc3\xbc-3", snapshot), src, out).accepted);
        QVERIFY(decoder.decode(record(QByteArray(300, 'Z'), snapshot), src, out).accepted);
        QCOMPARE(out[1].messageId, QString::fromUtf8("\xc3\xbc-3"));
        QCOMPARE(out[2].messageId, QString(300, u'Z'));
        QCOMPARE(out[1].attributes.size(), size_t(5));
        QCOMPARE(out[2].attributes.size(), size_t(5));
        QCOMPARE(held, QStringLiteral("held-id-1"));

        // Ids that grow longer than the spares ("m-9" -> "m-10") still decode whole.
        recycleDecodedEvents(out);
        for (const QByteArray id : {"m-9", "m-10", "m-11", "m-100"}) {
            QVERIFY(decoder.decode(record(id, one), src, out).accepted);
            QCOMPARE(out.back().messageId, QString::fromLatin1(id));
            recycleDecodedEvents(out);
        }
    }

    // The plant writes correlation_id = message_id for every event that starts a
    // chain: the event says so, and its id's buffer still goes back to the spares.
    // Ids of chains (another correlation id, a causation id) go back as well, so a
    // feed that carries them does not run the spares dry.
    void correlationIdThatIsTheMessageId()
    {
        const auto record = [](const QByteArray &id, const QByteArray &correlation, const QByteArray &causation = {}) {
            return "{\"message_id\":\"" + id + "\",\"correlation_id\":\"" + correlation + "\","
                   + (causation.isEmpty() ? QByteArray() : "\"causation_id\":\"" + causation + "\",")
                   + "\"timestamp\":\"2025-08-03T10:30:00Z\",\"asset_id\":\"P1\",\"asset_type\":\"Pump\","
                     "\"location\":\"A\",\"event_type\":\"attribute_changed\","
                     "\"event_data\":{\"attribute\":\"flow\",\"new_value\":1}}";
        };
        EnvelopeDecoder decoder;
        const EventSource src = kafka("ndh.assets.state.attribute_changed");
        std::vector<PlantEvent> out;
        // Spares to start from (whatever earlier tests left, and four of these), so
        // that an id not given back is told from one given back by its buffer.
        for (const QByteArray id : {"seed-000001", "seed-000002", "seed-000003", "seed-000004"})
            QVERIFY(decoder.decode(record(id, "s"), src, out).accepted);
        recycleDecodedEvents(out);

        QVERIFY(decoder.decode(record("m-1", "m-1"), src, out).accepted);
        QVERIFY(decoder.decode(record("m-2", "m-2"), src, out).accepted);
        QCOMPARE(out[0].messageId, QStringLiteral("m-1"));
        QCOMPARE(out[0].correlationId, QStringLiteral("m-1"));
        QSet<const QChar *> lent = {out[0].messageId.constData(), out[1].messageId.constData()};
        recycleDecodedEvents(out);
        // The two records' own buffers, newest spares first: each id took one, its
        // correlation id none.
        QVERIFY(decoder.decode(record("m-8", "m-8"), src, out).accepted);
        QVERIFY(decoder.decode(record("m-9", "m-9"), src, out).accepted);
        QCOMPARE(out[1].messageId, QStringLiteral("m-9"));
        QCOMPARE(out[1].correlationId, QStringLiteral("m-9"));
        QVERIFY(lent.contains(out[0].messageId.constData()));
        QVERIFY(lent.contains(out[1].messageId.constData()));
        out.erase(out.begin());

        // A model keeping the correlation id keeps the text; the id is not lent then.
        const QString kept = out[0].correlationId;
        recycleDecodedEvents(out);
        QVERIFY(decoder.decode(record("m-3", "m-3"), src, out).accepted);
        QCOMPARE(kept, QStringLiteral("m-9"));
        QVERIFY(out[0].messageId.constData() != kept.constData());
        recycleDecodedEvents(out);

        // Anything else is the record's own text: another id, one longer or shorter,
        // the same id in other than ASCII.
        QVERIFY(decoder.decode(record("m-4", "m-40"), src, out).accepted);
        QVERIFY(decoder.decode(record("m-55", "m-5"), src, out).accepted);
        QVERIFY(decoder.decode(record("m-6", "c-6", "m-5"), src, out).accepted);
        QVERIFY(decoder.decode(record("\xc3\xa9-7", "\xc3\xa9-7"), src, out).accepted);
        QCOMPARE(out[0].correlationId, QStringLiteral("m-40"));
        QCOMPARE(out[1].correlationId, QStringLiteral("m-5"));
        QCOMPARE(out[2].correlationId, QStringLiteral("c-6"));
        QCOMPARE(out[2].causationId, QStringLiteral("m-5"));
        QCOMPARE(out[3].messageId, QString::fromUtf8("\xc3\xa9-7"));
        QCOMPARE(out[3].correlationId, QString::fromUtf8("\xc3\xa9-7"));
        // The chain ids' buffers go back too, and the next records' ids take them.
        lent = {out[2].messageId.constData(), out[2].correlationId.constData(), out[2].causationId.constData()};
        out.erase(out.begin(), out.begin() + 2);
        out.pop_back();
        recycleDecodedEvents(out);
        for (const QByteArray id : {"n-1", "n-2", "n-3"}) {
            QVERIFY(decoder.decode(record(id, id), src, out).accepted);
            QCOMPARE(out.back().messageId, QString::fromLatin1(id));
            QVERIFY(lent.contains(out.back().messageId.constData()));
        }
        recycleDecodedEvents(out);
    }

    void priorities()
    {
        QCOMPARE(priorityFromText(QStringLiteral("critical")), 1);
        QCOMPARE(priorityFromText(QStringLiteral("HIGH")), 2);
        QCOMPARE(priorityFromText(QStringLiteral("warning")), 3);
        QCOMPARE(priorityFromText(QStringLiteral("info")), 4);
        QCOMPARE(priorityFromText(QStringLiteral("P2")), 2);
        QCOMPARE(priorityFromText(QStringLiteral("3")), 3);
        QCOMPARE(priorityFromText(QStringLiteral("900")), 1);
        QCOMPARE(priorityFromText(QStringLiteral("banana")), 0);
    }
};

QTEST_GUILESS_MAIN(TestEnvelopeDecoder)
#include "tst_envelope_decoder.moc"
