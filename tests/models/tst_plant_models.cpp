// One backend batch reaches every view's model at once: tree, alarms, history,
// plot series and dead letters, with a single notification for the plots.

#include "plant_models.h"

#include <QSignalSpy>
#include <QTest>

using namespace ndh;

class TestPlantModels : public QObject
{
    Q_OBJECT
private slots:
    void batchReachesEveryModel()
    {
        PlantModels models;
        QSignalSpy applied(&models, &PlantModels::batchApplied);
        auto batch = std::make_shared<EventBatch>();
        PlantEvent value;
        value.messageId = QStringLiteral("v1");
        value.asset = {QStringLiteral("A"), QStringLiteral("Pump"), QStringLiteral("P1")};
        value.eventTimeMs = 1000;
        value.attributes.push_back({QStringLiteral("speed"), 1480.0, QStringLiteral("rpm")});
        PlantEvent alarm = value;
        alarm.messageId = QStringLiteral("a1");
        alarm.kind = EventKind::AlarmTriggered;
        alarm.attributes.clear();
        alarm.alarm = AlarmInfo{};
        alarm.alarm->alarmId = QStringLiteral("HT");
        batch->events = {value, alarm};
        DeadLetter dead;
        dead.reason = QStringLiteral("invalid JSON");
        batch->deadLetters.push_back(dead);
        batch->recordsConsumed = 3;
        models.applyBatch(batch);

        QCOMPARE(applied.count(), 1);
        QCOMPARE(models.assetTree()->assetCount(), 1);
        QCOMPARE(models.alarms()->rowCount(), 1);
        QCOMPARE(models.deadLetters()->rowCount(), 1);
        QCOMPARE(models.series().find(QStringLiteral("A/Pump/P1/speed"))->v.front(), 1480.0);
        QCOMPARE(std::get<double>(models.history().valueAt(QStringLiteral("A/Pump/P1/speed"), 2000)->value), 1480.0);
        QCOMPARE(models.eventsApplied(), quint64(2));
        QCOMPARE(models.recordsConsumed(), quint64(3));
    }

    void connectionStatusIsRelayed()
    {
        PlantModels models;
        QSignalSpy changed(&models, &PlantModels::connectionStatusChanged);
        ConnectionStatus s;
        s.state = ConnectionStatus::State::BrokerDown;
        s.lastError = QStringLiteral("connection refused");
        models.setConnectionStatus(s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(models.connectionStatus().lastError, QStringLiteral("connection refused"));
        // A Redis status is kept apart: the Kafka one is not overwritten.
        ConnectionStatus r;
        r.source = ConnectionStatus::Source::Redis;
        r.state = ConnectionStatus::State::Connected;
        models.setConnectionStatus(r);
        QCOMPARE(models.redisStatus().state, ConnectionStatus::State::Connected);
        QCOMPARE(models.connectionStatus().state, ConnectionStatus::State::BrokerDown);
    }
};

QTEST_GUILESS_MAIN(TestPlantModels)
#include "tst_plant_models.moc"
