// The alarm list narrowed down the way an operator does it: by priority, state,
// location and text, sorted by any column, grouped by asset; always a valid model.

#include "alarm_filter_model.h"
#include "alarm_table_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace ndh;

namespace {

PlantEvent alarmEvent(EventKind kind, const char *location, const char *asset, const char *id, qint64 t,
                      int priority, const char *message = "Bearing temperature high")
{
    static int counter = 0;
    PlantEvent e;
    e.kind = kind;
    e.messageId = QStringLiteral("f%1").arg(++counter);
    e.asset = {QString::fromLatin1(location), QStringLiteral("Pump"), QString::fromLatin1(asset)};
    e.eventTimeMs = t;
    AlarmInfo a;
    a.alarmId = QString::fromLatin1(id);
    a.priority = priority;
    a.message = QString::fromLatin1(message);
    a.value = double(t) / 1000.0;
    e.alarm = a;
    return e;
}

struct Fixture
{
    AlarmTableModel alarms;
    AlarmFilterModel filter;
    QAbstractItemModelTester sourceTester{&alarms, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester tester{&filter, QAbstractItemModelTester::FailureReportingMode::QtTest};

    Fixture()
    {
        alarms.setClock([] { return qint64(100000); });
        filter.setAlarmModel(&alarms);
        alarms.applyEvents({
            alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", "P2", "TEMP", 1000, 1),
            alarmEvent(EventKind::AlarmTriggered, "FACTORY_B", "P1", "VIB", 2000, 3, "Vibration high"),
            alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", "P1", "TEMP", 3000, 2),
            alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", "P2", "PRESS", 4000, 4, "Pressure low"),
        });
        // P1#TEMP acknowledged and cleared: Normal.
        alarms.applyEvents({alarmEvent(EventKind::AlarmAcknowledged, "FACTORY_A", "P1", "TEMP", 5000, 0),
                            alarmEvent(EventKind::AlarmCleared, "FACTORY_A", "P1", "TEMP", 6000, 0)});
    }
};

QStringList ids(const QStringList &keys)
{
    QStringList out;
    for (const QString &k : keys)
        out << k.section(u'/', 1); // "Pump/P2#TEMP"
    return out;
}

} // namespace

class TestAlarmFilterModel : public QObject
{
    Q_OBJECT
private slots:
    void filtersNarrowTheList()
    {
        Fixture f;
        QCOMPARE(f.filter.rowCount(), 4);
        f.filter.setPriorities({1, 2});
        QCOMPARE(ids(f.filter.visibleKeys()), (QStringList{"Pump/P2#TEMP", "Pump/P1#TEMP"}));
        f.filter.setPriorities({});
        f.filter.setLocation(QStringLiteral("FACTORY_B"));
        QCOMPARE(ids(f.filter.visibleKeys()), QStringList{"Pump/P1#VIB"});
        f.filter.setLocation({});
        f.filter.setText(QStringLiteral("  pressure "));
        QCOMPARE(ids(f.filter.visibleKeys()), QStringList{"Pump/P2#PRESS"});
        f.filter.setText({});
        f.filter.setStates({IsaState::Normal});
        QCOMPARE(ids(f.filter.visibleKeys()), QStringList{"Pump/P1#TEMP"});
        f.filter.setStates({});
        f.filter.setHideNormal(true);
        QCOMPARE(f.filter.rowCount(), 3);
        QVERIFY(!f.filter.visibleKeys().join(u',').contains(u"P1#TEMP"));
    }

    void stateFilterFollowsLiveChanges()
    {
        Fixture f;
        f.filter.setStates({IsaState::Unack});
        QCOMPARE(f.filter.rowCount(), 3);
        // Another console acknowledges: the row leaves the "Unack" view by itself.
        f.alarms.applyEvents({alarmEvent(EventKind::AlarmAcknowledged, "FACTORY_A", "P2", "TEMP", 7000, 0)});
        QCOMPARE(f.filter.rowCount(), 2);
        // A new alarm arrives in the filtered view.
        f.alarms.applyEvents({alarmEvent(EventKind::AlarmTriggered, "FACTORY_C", "P9", "LVL", 8000, 2)});
        QCOMPARE(f.filter.rowCount(), 3);
    }

    void sortsByPriorityAndTime()
    {
        Fixture f;
        f.filter.sort(AlarmTableModel::PriorityColumn, Qt::AscendingOrder);
        QCOMPARE(ids(f.filter.visibleKeys()),
                 (QStringList{"Pump/P2#TEMP", "Pump/P1#TEMP", "Pump/P1#VIB", "Pump/P2#PRESS"}));
        f.filter.sort(AlarmTableModel::RaisedColumn, Qt::DescendingOrder);
        QCOMPARE(ids(f.filter.visibleKeys()),
                 (QStringList{"Pump/P2#PRESS", "Pump/P1#TEMP", "Pump/P1#VIB", "Pump/P2#TEMP"}));
        // Value at trigger sorts numerically (2 < 10), not as text.
        f.alarms.applyEvents({alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", "P3", "X", 10000, 2)});
        f.filter.sort(AlarmTableModel::ValueColumn, Qt::AscendingOrder);
        QCOMPARE(ids(f.filter.visibleKeys()).last(), QStringLiteral("Pump/P3#X"));
    }

    void groupByAssetKeepsAssetsTogether()
    {
        Fixture f;
        f.filter.sort(AlarmTableModel::RaisedColumn, Qt::DescendingOrder);
        f.filter.setGroupByAsset(true);
        // Assets ascending (A/P1, A/P2, B/P1), newest first inside each asset.
        const QStringList keys = f.filter.visibleKeys();
        QCOMPARE(keys, (QStringList{"FACTORY_A/Pump/P1#TEMP", "FACTORY_A/Pump/P2#PRESS", "FACTORY_A/Pump/P2#TEMP",
                                    "FACTORY_B/Pump/P1#VIB"}));
        f.filter.setGroupByAsset(false);
        QCOMPARE(f.filter.visibleKeys().first(), QStringLiteral("FACTORY_A/Pump/P2#PRESS"));
    }

    void aBacklogArrivesAsOneInsertSortedAndKeepsTheSelection()
    {
        Fixture f;
        f.filter.sort(AlarmTableModel::RaisedColumn, Qt::DescendingOrder);
        const QPersistentModelIndex selected = f.filter.index(1, 0); // what an operator had selected
        const QString selectedKey = selected.data(AlarmTableModel::AlarmKeyRole).toString();
        // A catch-up batch whose raise times interleave with each other and with the
        // rows already shown (row by row, this was 300 separate inserts).
        std::vector<PlantEvent> backlog;
        for (int i = 0; i < 300; ++i)
            backlog.push_back(alarmEvent(EventKind::AlarmTriggered, "FACTORY_C", qPrintable(QStringLiteral("Q%1").arg(i)),
                                         "HT", 500 + (i * 37) % 9000, 1 + i % 4));
        QSignalSpy inserted(&f.filter, &QAbstractItemModel::rowsInserted);
        f.alarms.applyEvents(backlog);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(f.filter.rowCount(), 304); // the four of the fixture, one of them Normal but not hidden
        qint64 previous = std::numeric_limits<qint64>::max();
        for (int r = 0; r < f.filter.rowCount(); ++r) {
            const qint64 raised = f.filter.index(r, 0).data(AlarmTableModel::RaisedMsRole).toLongLong();
            QVERIFY2(raised <= previous, qPrintable(QStringLiteral("row %1 out of order").arg(r)));
            previous = raised;
        }
        QVERIFY(selected.isValid());
        QCOMPARE(selected.data(AlarmTableModel::AlarmKeyRole).toString(), selectedKey);
        // Small batches still go in where they belong, with sorting kept live.
        QVERIFY(f.filter.dynamicSortFilter());
        f.alarms.applyEvents({alarmEvent(EventKind::AlarmTriggered, "FACTORY_C", "NEW", "HT", 99000, 1)});
        QCOMPARE(f.filter.index(0, 0).data(AlarmTableModel::AlarmKeyRole).toString(),
                 QStringLiteral("FACTORY_C/Pump/NEW#HT"));
    }

    // An alarm raised again (after it returned to Normal) is new to the operator: it
    // moves to the top of a list sorted newest first, alone or inside a backlog.
    void aReRaisedAlarmMovesToTheTop()
    {
        Fixture f;
        f.filter.sort(AlarmTableModel::RaisedColumn, Qt::DescendingOrder);
        QCOMPARE(f.filter.visibleKeys().last(), QStringLiteral("FACTORY_A/Pump/P2#TEMP")); // raised at 1000
        f.alarms.applyEvents({alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", "P1", "TEMP", 9000, 2)});
        QCOMPARE(f.filter.visibleKeys().first(), QStringLiteral("FACTORY_A/Pump/P1#TEMP"));

        // A backlog of new alarms with, in the same batch, the oldest row cleared,
        // acknowledged and raised once more, newest of all.
        std::vector<PlantEvent> backlog;
        for (int i = 0; i < 2 * AlarmFilterModel::kBulkInsertRows; ++i)
            backlog.push_back(alarmEvent(EventKind::AlarmTriggered, "FACTORY_D", qPrintable(QStringLiteral("R%1").arg(i)),
                                         "HT", 10000 + (i * 53) % 5000, 1 + i % 4));
        backlog.push_back(alarmEvent(EventKind::AlarmCleared, "FACTORY_A", "P2", "TEMP", 15500, 0));
        backlog.push_back(alarmEvent(EventKind::AlarmAcknowledged, "FACTORY_A", "P2", "TEMP", 15600, 0));
        backlog.push_back(alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", "P2", "TEMP", 20000, 1));
        f.alarms.applyEvents(backlog);
        QCOMPARE(f.filter.rowCount(), 4 + 2 * AlarmFilterModel::kBulkInsertRows);
        QCOMPARE(f.filter.visibleKeys().first(), QStringLiteral("FACTORY_A/Pump/P2#TEMP"));
        qint64 previous = std::numeric_limits<qint64>::max();
        for (int r = 0; r < f.filter.rowCount(); ++r) {
            const qint64 raised = f.filter.index(r, 0).data(AlarmTableModel::RaisedMsRole).toLongLong();
            QVERIFY2(raised <= previous, qPrintable(QStringLiteral("row %1 out of order").arg(r)));
            previous = raised;
        }
    }
};

QTEST_GUILESS_MAIN(TestAlarmFilterModel)
#include "tst_alarm_filter_model.moc"
