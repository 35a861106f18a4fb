// Alarm actions as every console sees them: one console acknowledges, shelves and
// takes an alarm out of service; the actions go to the embedded broker through the
// backend's idempotent producer; a second, independent console converges on the same
// ISA-18.2 states, kcat reads the records as written, and a console started later
// rebuilds the same states from the topics alone.

#include "embedded_broker.h"
#include "envelope_decoder.h"
#include "ingest_backend.h"
#include "kafka_test_support.h"
#include "ndh_envelope_writer.h"
#include "plant_models.h"
#include "topic_catalog.h"

#include <QDateTime>
#include <QtTest>

#include <algorithm>

using namespace ndh;

namespace {

struct Console
{
    PlantModels models;
    IngestBackend backend;
    QList<std::tuple<QString, bool, QString>> published;

    explicit Console(const QString &bootstrap)
        : backend([&] {
            ConsumerConfig c;
            c.bootstrap = bootstrap;
            return c;
        }())
    {
        QObject::connect(&backend, &IngestBackend::batchReady, &models, &PlantModels::applyBatch);
        QObject::connect(&backend, &IngestBackend::published, &models,
                         [this](const QString &id, bool ok, const QString &error) { published << std::tuple{id, ok, error}; });
    }

    QMap<QString, QString> states()
    {
        QMap<QString, QString> out;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const Alarm &a : models.alarms()->machine().alarms())
            out.insert(a.key, isaStateName(a.stateAt(now)));
        return out;
    }
};

QByteArray triggerLine(const char *asset, const char *alarmId, qint64 t, bool latching)
{
    const QString json =
        QStringLiteral("{\"message_id\":\"trig-%1-%2\",\"timestamp\":\"%3\",\"source_orb\":\"NDH-ORB-1\","
                       "\"asset_id\":\"%1\",\"asset_type\":\"Pump\",\"location\":\"FACTORY_A\","
                       "\"event_type\":\"alarm_triggered\",\"event_data\":{\"alarm_id\":\"%2\","
                       "\"severity\":\"high\",\"message\":\"temperature high\",\"latching\":%4}}")
            .arg(QLatin1String(asset), QLatin1String(alarmId), formatTimestampMs(t),
                 latching ? QStringLiteral("true") : QStringLiteral("false"));
    return QByteArray(asset) + ':' + json.toUtf8() + '\n';
}

const AssetPath kP1{QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QStringLiteral("P1")};
const AssetPath kP2{QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QStringLiteral("P2")};
const AssetPath kP3{QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QStringLiteral("P3")};

} // namespace

class TestAlarmActions : public QObject
{
    Q_OBJECT
private slots:
    void actionsConvergeAcrossConsoles()
    {
        EmbeddedBroker broker;
        QVERIFY2(broker.start(2), qPrintable(broker.error()));
        // The broker creates the action topics the consoles consume.
        const QStringList created = broker.createdTopics();
        QVERIFY(created.contains(QLatin1String(topics::kAlarmShelved)));
        QVERIFY(created.contains(QLatin1String(topics::kAlarmService)));

        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 60000;
        const auto produced = ndhtest::kcatProduce(broker.bootstrap(), QLatin1String(topics::kAlarmTriggered),
                                                   triggerLine("P1", "TEMP.HI", t0, false)
                                                       + triggerLine("P2", "TEMP.HI", t0 + 1, false)
                                                       + triggerLine("P3", "TEMP.HI", t0 + 2, false));
        QVERIFY2(produced.exitCode == 0, produced.err.constData());

        Console a(broker.bootstrap());
        Console b(broker.bootstrap());
        a.backend.start();
        b.backend.start();
        QTRY_COMPARE_WITH_TIMEOUT(a.models.alarms()->rowCount(), 3, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(b.models.alarms()->rowCount(), 3, 20000);
        QCOMPARE(b.states().values(), (QStringList{"Unack", "Unack", "Unack"}));

        // Console A acts; each action is published once and confirmed.
        NdhEnvelopeWriter writer(QStringLiteral("ndh-console@test"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto act = [&](AlarmAction action, const AssetPath &asset, const QString &comment, qint64 until = 0) {
            AlarmActionRequest r;
            r.action = action;
            r.asset = asset;
            r.alarmId = QStringLiteral("TEMP.HI");
            r.operatorName = QStringLiteral("tester");
            r.comment = comment;
            r.timeMs = now;
            r.shelvedUntilMs = until;
            const OutgoingRecord rec = writer.alarmAction(r);
            a.backend.publish(rec.topic, rec.key, rec.payload, rec.correlationId);
            return rec.correlationId;
        };
        const QString ackId = act(AlarmAction::Acknowledge, kP1, QStringLiteral("seen, cooling started"));
        act(AlarmAction::Shelve, kP2, QStringLiteral("sensor under repair"), now + 3600 * 1000);
        act(AlarmAction::RemoveFromService, kP3, QStringLiteral("pump decommissioned"));
        QTRY_COMPARE_WITH_TIMEOUT(a.published.size(), 3, 20000);
        for (const auto &[id, ok, error] : std::as_const(a.published))
            QVERIFY2(ok, qPrintable(error));
        // Delivery reports keep order per partition only; the three actions go to
        // three topics, so the ack's report is somewhere among them.
        QVERIFY(std::any_of(a.published.begin(), a.published.end(),
                            [&ackId](const auto &p) { return std::get<0>(p) == ackId; }));

        const QMap<QString, QString> expected{{AlarmStateMachine::keyFor(kP1, QStringLiteral("TEMP.HI")), "Acked"},
                                              {AlarmStateMachine::keyFor(kP2, QStringLiteral("TEMP.HI")), "Shelved"},
                                              {AlarmStateMachine::keyFor(kP3, QStringLiteral("TEMP.HI")), "Out-of-service"}};
        // The acting console learns its own actions from the topics, like everyone.
        QTRY_COMPARE_WITH_TIMEOUT(a.states(), expected, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(b.states(), expected, 20000);
        const Alarm *acked = b.models.alarms()->machine().find(expected.firstKey());
        QVERIFY(acked);
        QCOMPARE(acked->lastOperator, QStringLiteral("tester"));
        QCOMPARE(acked->lastComment, QStringLiteral("seen, cooling started"));

        // An independent client reads exactly one acknowledgement, as written.
        const QList<QJsonObject> records = ndhtest::kcatConsumeAll(broker.bootstrap(), QLatin1String(topics::kAlarmAcknowledged));
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().value(u"key").toString(), QStringLiteral("P1"));
        const QJsonObject payload = QJsonDocument::fromJson(records.first().value(u"payload").toString().toUtf8()).object();
        QCOMPARE(payload.value(u"correlation_id").toString(), ackId);
        QCOMPARE(payload.value(u"source_orb").toString(), QStringLiteral("ndh-console@test"));
        QCOMPARE(payload.value(u"event_data").toObject().value(u"operator").toString(), QStringLiteral("tester"));

        // A console started later rebuilds the same states from the topics.
        Console late(broker.bootstrap());
        late.backend.start();
        QTRY_COMPARE_WITH_TIMEOUT(late.states(), expected, 20000);

        a.backend.stop();
        b.backend.stop();
        late.backend.stop();
    }

    void publishWithoutBackendFailsOnceAndSaysWhy()
    {
        ConsumerConfig c;
        c.bootstrap = QStringLiteral("127.0.0.1:%1").arg(ndhtest::closedLoopbackPort());
        IngestBackend backend(c);
        QSignalSpy spy(&backend, &IngestBackend::published);
        backend.publish(QLatin1String(topics::kAlarmAcknowledged), "P1", "{}", QStringLiteral("c1"));
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("c1"));
        QCOMPARE(spy.at(0).at(1).toBool(), false);
        QVERIFY(!spy.at(0).at(2).toString().isEmpty());
    }

    void undeliverableActionIsReportedNotResent()
    {
        // A cluster that never answers: the action fails once, within the message
        // timeout, and is not retried by the console.
        ConsumerConfig c;
        c.bootstrap = QStringLiteral("127.0.0.1:%1").arg(ndhtest::closedLoopbackPort());
        IngestBackend backend(c);
        QSignalSpy spy(&backend, &IngestBackend::published);
        backend.start();
        backend.publish(QLatin1String(topics::kAlarmAcknowledged), "P1", "{\"x\":1}", QStringLiteral("c2"));
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        QCOMPARE(spy.at(0).at(1).toBool(), false);
        QTest::qWait(500);
        QCOMPARE(spy.count(), 1);
        backend.stop();
    }
};

QTEST_GUILESS_MAIN(TestAlarmActions)
#include "tst_alarm_actions.moc"
