// The alarm list as an operator reads it: one row per alarm with its ISA-18.2
// state at the model's clock, new alarms inserted once per batch.

#include "alarm_table_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ndh;

namespace {

PlantEvent alarmEvent(EventKind kind, const char *asset, const char *id, qint64 t, int priority = 2,
                      const QString &messageId = {})
{
    static int counter = 0;
    PlantEvent e;
    e.kind = kind;
    e.messageId = messageId.isEmpty() ? QStringLiteral("m%1").arg(++counter) : messageId;
    e.asset = {QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QString::fromLatin1(asset)};
    e.eventTimeMs = t;
    AlarmInfo a;
    a.alarmId = QString::fromLatin1(id);
    a.alarmType = QStringLiteral("high_temperature");
    a.priority = priority;
    a.message = QStringLiteral("Bearing temperature high");
    a.attribute = QStringLiteral("temperature");
    a.value = 96.5;
    e.alarm = a;
    return e;
}

QString cell(const AlarmTableModel &m, int row, int column)
{
    return m.index(row, column).data().toString();
}

} // namespace

class TestAlarmTableModel : public QObject
{
    Q_OBJECT
private slots:
    void rowsShowWhatOperatorsNeed()
    {
        AlarmTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([] { return qint64(75000); });
        model.applyEvents({alarmEvent(EventKind::AlarmTriggered, "P1", "HT", 10000)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, AlarmTableModel::PriorityColumn), QStringLiteral("High"));
        QCOMPARE(cell(model, 0, AlarmTableModel::StateColumn), QStringLiteral("Unack"));
        QCOMPARE(cell(model, 0, AlarmTableModel::AssetColumn), QStringLiteral("FACTORY_A/Pump/P1"));
        QCOMPARE(cell(model, 0, AlarmTableModel::AlarmColumn), QStringLiteral("HT (high_temperature)"));
        QCOMPARE(cell(model, 0, AlarmTableModel::ValueColumn), QStringLiteral("96.5"));
        QCOMPARE(cell(model, 0, AlarmTableModel::TimeInStateColumn), QStringLiteral("1 min 05 s"));
        QCOMPARE(model.index(0, 0).data(AlarmTableModel::AttributeKeyRole).toString(),
                 QStringLiteral("FACTORY_A/Pump/P1/temperature"));
        QVERIFY(model.index(0, 0).data(AlarmTableModel::UnacknowledgedRole).toBool());
        QCOMPARE(model.unacknowledgedCount(), 1);
    }

    void batchInsertsOnceAndChangesOneRange()
    {
        AlarmTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        std::vector<PlantEvent> flood;
        for (int i = 0; i < 1000; ++i)
            flood.push_back(alarmEvent(EventKind::AlarmTriggered, qPrintable(QStringLiteral("P%1").arg(i)), "HT", 1000 + i));
        model.applyEvents(flood);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 1000);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applyEvents({alarmEvent(EventKind::AlarmAcknowledged, "P3", "HT", 5000),
                           alarmEvent(EventKind::AlarmAcknowledged, "P7", "HT", 5000)});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 3);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 7);
        QCOMPARE(cell(model, 3, AlarmTableModel::StateColumn), QStringLiteral("Acked"));
        QCOMPARE(model.unacknowledgedCount(), 998);
    }

    void duplicateDeliveryChangesNothing()
    {
        AlarmTableModel model;
        const PlantEvent t = alarmEvent(EventKind::AlarmTriggered, "P1", "HT", 1000, 2, QStringLiteral("same"));
        QCOMPARE(model.applyEvents({t}), 1);
        QCOMPARE(model.applyEvents({t}), 0); // e.g. the same record from Redis and Kafka
        QCOMPARE(model.machine().duplicates(), quint64(1));
    }

    void highPriorityActivationsAreAnnounced()
    {
        AlarmTableModel model;
        QSignalSpy raised(&model, &AlarmTableModel::highPriorityAlarmRaised);
        model.applyEvents({alarmEvent(EventKind::AlarmTriggered, "P1", "HT", 1000, 1),
                           alarmEvent(EventKind::AlarmTriggered, "P2", "LOW", 1000, 4)});
        QCOMPARE(raised.count(), 1);
        QCOMPARE(raised.at(0).at(0).toString(), QStringLiteral("FACTORY_A/Pump/P1#HT"));
    }

    void shelveExpiresWithTheClock()
    {
        AlarmTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        qint64 now = 2000;
        model.setClock([&now] { return now; });
        PlantEvent shelve = alarmEvent(EventKind::AlarmShelved, "P1", "HT", 1500);
        shelve.alarm->shelvedUntilMs = 60000;
        model.applyEvents({alarmEvent(EventKind::AlarmTriggered, "P1", "HT", 1000), shelve});
        QCOMPARE(cell(model, 0, AlarmTableModel::StateColumn), QStringLiteral("Shelved"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        now = 61000;
        model.refreshTimes();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cell(model, 0, AlarmTableModel::StateColumn), QStringLiteral("Unack"));
    }

    void clockTicksAnnounceOnlyTheRowsWhoseStateChanged()
    {
        AlarmTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        qint64 now = 2000;
        model.setClock([&now] { return now; });
        PlantEvent shelve = alarmEvent(EventKind::AlarmShelved, "P3", "HT", 1500);
        shelve.alarm->shelvedUntilMs = 60000;
        model.applyEvents({alarmEvent(EventKind::AlarmTriggered, "P1", "HT", 1000),
                           alarmEvent(EventKind::AlarmTriggered, "P2", "HT", 1000),
                           alarmEvent(EventKind::AlarmTriggered, "P3", "HT", 1000), shelve,
                           alarmEvent(EventKind::AlarmTriggered, "P4", "HT", 1000)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy moved(&model, &AlarmTableModel::timeInStateMoved);
        now = 30000;
        model.refreshTimes();
        // Time in state moved for all four; nothing else did: no row goes through
        // the proxies, the views repaint.
        QCOMPARE(changed.count(), 0);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(cell(model, 0, AlarmTableModel::TimeInStateColumn), QStringLiteral("29 s"));
        now = 61000; // P3's shelve expires: that row alone
        model.refreshTimes();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 2);
        QCOMPARE(cell(model, 2, AlarmTableModel::StateColumn), QStringLiteral("Unack"));
        model.refreshTimes(); // announced once, not every second after
        QCOMPARE(changed.count(), 1);
    }

    void changesFarApartAreAnnouncedSeparately()
    {
        AlarmTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([] { return qint64(90000); });
        std::vector<PlantEvent> many;
        for (int i = 0; i < 100; ++i)
            many.push_back(alarmEvent(EventKind::AlarmTriggered, qPrintable(QStringLiteral("P%1").arg(i)), "HT", 1000));
        model.applyEvents(many);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applyEvents({alarmEvent(EventKind::AlarmAcknowledged, "P0", "HT", 2000),
                           alarmEvent(EventKind::AlarmAcknowledged, "P98", "HT", 2000),
                           alarmEvent(EventKind::AlarmAcknowledged, "P99", "HT", 2000)});
        // Rows 0 and 98..99, not the 97 rows between them.
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 0);
        QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 98);
        QCOMPARE(changed.at(1).at(1).toModelIndex().row(), 99);
        QCOMPARE(cell(model, 98, AlarmTableModel::StateColumn), QStringLiteral("Acked"));
    }

    void scrubbingAnnouncesOnlyRowsThatShowSomethingElse()
    {
        AlarmTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([] { return qint64(90000); });
        AlarmStateMachine before;
        for (const char *asset : {"P1", "P2", "P3"})
            before.apply(alarmEvent(EventKind::AlarmTriggered, asset, "HT", 1000));
        AlarmStateMachine after = before;
        after.apply(alarmEvent(EventKind::AlarmAcknowledged, "P2", "HT", 5000));
        model.showAlarmsAt(before, 4000);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy moved(&model, &AlarmTableModel::timeInStateMoved);
        model.showAlarmsAt(after, 6000);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(cell(model, 1, AlarmTableModel::StateColumn), QStringLiteral("Acked"));
        QCOMPARE(cell(model, 0, AlarmTableModel::TimeInStateColumn), QStringLiteral("5 s"));
    }
};

QTEST_GUILESS_MAIN(TestAlarmTableModel)
#include "tst_alarm_table_model.moc"
