// The console's alarm actions as they go on the wire: strict NDH envelopes on the
// right topic, which the decoder reads back into exactly the transition that was
// meant (the round trip every other console relies on to converge).

#include "envelope_decoder.h"
#include "ndh_envelope_writer.h"
#include "topic_catalog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

using namespace ndh;

Q_DECLARE_METATYPE(ndh::AlarmAction)

namespace {

const AssetPath kPump{QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QStringLiteral("PUMP_001")};
constexpr qint64 kT = 1754217000123; // 2025-08-03T10:30:00.123Z

AlarmActionRequest request(AlarmAction action)
{
    AlarmActionRequest r;
    r.action = action;
    r.asset = kPump;
    r.alarmId = QStringLiteral("PUMP_001.temperature.HI");
    r.operatorName = QStringLiteral("li.wei");
    r.comment = QStringLiteral("checked on site, 溫度感測器");
    r.timeMs = kT;
    r.correlationId = QStringLiteral("corr-42");
    return r;
}

} // namespace

class TestNdhEnvelopeWriter : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<AlarmAction>("action");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QString>("eventType");
        QTest::addColumn<int>("kind");
        QTest::newRow("ack") << AlarmAction::Acknowledge << "ndh.assets.alarms.acknowledged"
                             << "alarm_acknowledged" << int(EventKind::AlarmAcknowledged);
        QTest::newRow("reset") << AlarmAction::Reset << "ndh.assets.alarms.acknowledged" << "alarm_reset"
                               << int(EventKind::AlarmReset);
        QTest::newRow("shelve") << AlarmAction::Shelve << "ndh.assets.alarms.shelved" << "alarm_shelved"
                                << int(EventKind::AlarmShelved);
        QTest::newRow("unshelve") << AlarmAction::Unshelve << "ndh.assets.alarms.shelved" << "alarm_unshelved"
                                  << int(EventKind::AlarmUnshelved);
        QTest::newRow("out of service") << AlarmAction::RemoveFromService << "ndh.assets.alarms.service"
                                        << "alarm_out_of_service" << int(EventKind::AlarmRemovedFromService);
        QTest::newRow("return to service") << AlarmAction::ReturnToService << "ndh.assets.alarms.service"
                                           << "alarm_returned_to_service" << int(EventKind::AlarmReturnedToService);
    }

    void roundTrip()
    {
        QFETCH(AlarmAction, action);
        QFETCH(QString, topic);
        QFETCH(QString, eventType);
        QFETCH(int, kind);
        NdhEnvelopeWriter writer(QStringLiteral("ndh-console@host1"));
        AlarmActionRequest r = request(action);
        if (action == AlarmAction::Shelve)
            r.shelvedUntilMs = kT + 3600 * 1000;
        const OutgoingRecord rec = writer.alarmAction(r);
        QCOMPARE(rec.topic, topic);
        QCOMPARE(rec.key, QByteArray("PUMP_001"));
        QCOMPARE(rec.correlationId, QStringLiteral("corr-42"));

        // Strict on the wire: every envelope field, UTC with Z.
        const QJsonObject doc = QJsonDocument::fromJson(rec.payload).object();
        for (const char *f : {"message_id", "message_type", "timestamp", "source_orb", "asset_id", "asset_uuid",
                              "asset_type", "location", "event_type", "event_data", "correlation_id",
                              "causation_id", "version"})
            QVERIFY2(doc.contains(QLatin1String(f)), f);
        QCOMPARE(doc.value(u"timestamp").toString(), QStringLiteral("2025-08-03T10:30:00.123Z"));
        QCOMPARE(doc.value(u"source_orb").toString(), QStringLiteral("ndh-console@host1"));
        QCOMPARE(doc.value(u"event_type").toString(), eventType);
        QCOMPARE(doc.value(u"message_id").toString(), rec.messageId);
        QCOMPARE(QUuid::fromString(rec.messageId).isNull(), false);

        // And the decoder reads back exactly that.
        EnvelopeDecoder decoder;
        std::vector<PlantEvent> out;
        EventSource src;
        src.topic = rec.topic;
        src.partition = 1;
        src.offset = 7;
        const DecodeOutcome o = decoder.decode(rec.payload, src, out);
        QVERIFY2(o.accepted, qPrintable(o.reason));
        QCOMPARE(out.size(), size_t(1));
        const PlantEvent &e = out.front();
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.messageId, rec.messageId);
        QCOMPARE(e.asset, kPump);
        QCOMPARE(e.eventTimeMs, kT);
        QCOMPARE(e.correlationId, QStringLiteral("corr-42"));
        QVERIFY(e.alarm);
        QCOMPARE(e.alarm->alarmId, r.alarmId);
        QCOMPARE(e.alarm->operatorName, r.operatorName);
        QCOMPARE(e.alarm->comment, r.comment);
        QCOMPARE(e.alarm->shelvedUntilMs, r.shelvedUntilMs);
        const auto t = alarmTransitionFrom(e);
        QVERIFY(t);
        QCOMPARE(int(t->action), int(action));
    }

    void shelveCarriesDuration()
    {
        NdhEnvelopeWriter writer(QStringLiteral("ndh-console@host1"));
        AlarmActionRequest r = request(AlarmAction::Shelve);
        r.shelvedUntilMs = kT + 900 * 1000;
        const QJsonObject data = QJsonDocument::fromJson(writer.alarmAction(r).payload).object().value(u"event_data").toObject();
        QCOMPARE(data.value(u"duration_s").toInt(), 900);
        QCOMPARE(data.value(u"shelved_until").toString(), QStringLiteral("2025-08-03T10:45:00.123Z"));
        QCOMPARE(data.value(u"reason").toString(), r.comment);
    }

    void nothingWrittenForNonActions()
    {
        NdhEnvelopeWriter writer;
        QVERIFY(writer.sourceOrb().startsWith(u"ndh-console@"));
        QVERIFY(writer.alarmAction(request(AlarmAction::Trigger)).topic.isEmpty());
        AlarmActionRequest noAlarm = request(AlarmAction::Acknowledge);
        noAlarm.alarmId.clear();
        QVERIFY(writer.alarmAction(noAlarm).topic.isEmpty());
        // Without a correlation id the message id stands in, and each message is unique.
        AlarmActionRequest r = request(AlarmAction::Acknowledge);
        r.correlationId.clear();
        const OutgoingRecord a = writer.alarmAction(r);
        const OutgoingRecord b = writer.alarmAction(r);
        QCOMPARE(a.correlationId, a.messageId);
        QVERIFY(a.messageId != b.messageId);
    }

    void actionTopicsAreStandardTopics()
    {
        for (const auto action : {AlarmAction::Acknowledge, AlarmAction::Shelve, AlarmAction::ReturnToService})
            QVERIFY(topics::standardTopics().contains(NdhEnvelopeWriter::topicFor(action)));
    }
};

QTEST_GUILESS_MAIN(TestNdhEnvelopeWriter)
#include "tst_ndh_envelope_writer.moc"
