// The alarm list grouped by asset as an operator folds it: one row per asset that
// says how many alarms it has, how many wait for an acknowledgement and how urgent
// the worst is, with the asset's alarms inside, following filters, sorting, new
// alarms and acknowledgements; always a valid model.

#include "alarm_filter_model.h"
#include "alarm_group_model.h"
#include "alarm_priority.h"
#include "alarm_table_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ndh;

namespace {

PlantEvent alarmEvent(EventKind kind, const char *asset, const char *id, qint64 t, int priority = 2)
{
    static int counter = 0;
    PlantEvent e;
    e.kind = kind;
    e.messageId = QStringLiteral("g%1").arg(++counter);
    e.asset = {QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QString::fromLatin1(asset)};
    e.eventTimeMs = t;
    AlarmInfo a;
    a.alarmId = QString::fromLatin1(id);
    a.priority = priority;
    a.message = QStringLiteral("Bearing temperature high");
    e.alarm = a;
    return e;
}

struct Fixture
{
    AlarmTableModel alarms;
    AlarmFilterModel flat;
    AlarmGroupModel *groups = nullptr;
    QAbstractItemModelTester *tester = nullptr;

    Fixture()
    {
        alarms.setClock([] { return qint64(100000); });
        flat.setAlarmModel(&alarms);
        flat.setGroupByAsset(true);
        flat.sort(AlarmTableModel::RaisedColumn, Qt::DescendingOrder);
        groups = new AlarmGroupModel(&flat, &flat);
        tester = new QAbstractItemModelTester(groups, QAbstractItemModelTester::FailureReportingMode::QtTest, groups);
        alarms.applyEvents({alarmEvent(EventKind::AlarmTriggered, "P2", "HT", 1000, 3),
                            alarmEvent(EventKind::AlarmTriggered, "P1", "HT", 2000, 2),
                            alarmEvent(EventKind::AlarmTriggered, "P2", "VIB", 3000, 1),
                            alarmEvent(EventKind::AlarmTriggered, "P2", "LOW", 4000, 4)});
    }
    QString cell(const QModelIndex &i, int column) const { return i.siblingAtColumn(column).data().toString(); }
};

} // namespace

class TestAlarmGroupModel : public QObject
{
    Q_OBJECT
private slots:
    void oneRowPerAssetWithItsAlarmsInside()
    {
        Fixture f;
        QCOMPARE(f.groups->rowCount(), 2);
        // Newest raise first, as the list is sorted: P2's newest (4000) before P1's (2000).
        const QModelIndex p2 = f.groups->index(0, 0);
        const QModelIndex p1 = f.groups->index(1, 0);
        QCOMPARE(f.cell(p1, AlarmTableModel::AssetColumn), QStringLiteral("FACTORY_A/Pump/P1"));
        QCOMPARE(f.cell(p2, AlarmTableModel::AssetColumn), QStringLiteral("FACTORY_A/Pump/P2"));
        QCOMPARE(f.groups->rowCount(p2), 3);
        QCOMPARE(f.cell(p2, AlarmTableModel::AlarmColumn), QStringLiteral("3 alarms"));
        QCOMPARE(f.cell(p2, AlarmTableModel::StateColumn), QStringLiteral("3 unack"));
        // The worst of the three (critical VIB) is what the folded row shows.
        QCOMPARE(f.cell(p2, AlarmTableModel::PriorityColumn), priorityLabel(1));
        QVERIFY(p2.data(AlarmTableModel::UnacknowledgedRole).toBool());
        // Inside: newest first, as the flat list sorts.
        QCOMPARE(f.groups->index(0, 0, p2).data(AlarmTableModel::AlarmKeyRole).toString(),
                 QStringLiteral("FACTORY_A/Pump/P2#LOW"));
        QCOMPARE(f.groups->index(2, 0, p2).data(AlarmTableModel::AlarmKeyRole).toString(),
                 QStringLiteral("FACTORY_A/Pump/P2#HT"));
        QVERIFY(f.groups->index(0, 0, p2).data(AlarmGroupModel::IsGroupRole).toBool() == false);
        // Round trip with the flat list.
        const QModelIndex child = f.groups->index(1, AlarmTableModel::StateColumn, p2);
        QCOMPARE(f.groups->fromFlat(f.groups->toFlat(child)), child);
    }

    void acknowledgementsUpdateTheGroupRowInPlace()
    {
        Fixture f;
        QSignalSpy reset(f.groups, &QAbstractItemModel::modelReset);
        QSignalSpy changed(f.groups, &QAbstractItemModel::dataChanged);
        f.alarms.applyEvents({alarmEvent(EventKind::AlarmAcknowledged, "P2", "VIB", 5000)});
        QCOMPARE(reset.count(), 0); // folded/unfolded groups stay as they are
        QVERIFY(changed.count() >= 2); // the alarm and its group row
        const QModelIndex p2 = f.groups->groupIndex(QStringLiteral("FACTORY_A/Pump/P2"));
        QCOMPARE(f.cell(p2, AlarmTableModel::StateColumn), QStringLiteral("2 unack"));
        // The most urgent alarm still waiting for an acknowledgement leads now.
        QCOMPARE(f.cell(p2, AlarmTableModel::PriorityColumn), priorityLabel(3));
    }

    void newAlarmsAndFiltersRegroup()
    {
        Fixture f;
        f.alarms.applyEvents({alarmEvent(EventKind::AlarmTriggered, "P0", "HT", 6000, 2),
                              alarmEvent(EventKind::AlarmTriggered, "P1", "VIB", 7000, 2)});
        QCOMPARE(f.groups->rowCount(), 3);
        QCOMPARE(groupOrder(f), (QStringList{QStringLiteral("P1"), QStringLiteral("P0"), QStringLiteral("P2")}));
        QCOMPARE(f.groups->rowCount(f.groups->groupIndex(QStringLiteral("FACTORY_A/Pump/P1"))), 2);
        f.flat.setText(QStringLiteral("VIB"));
        QCOMPARE(f.groups->rowCount(), 2); // P1 and P2 have a VIB alarm
        QCOMPARE(f.groups->rowCount(f.groups->index(1, 0)), 1);
        f.flat.setText({});
        f.groups->sort(AlarmTableModel::PriorityColumn, Qt::AscendingOrder); // sorts inside groups
        const QModelIndex p2 = f.groups->groupIndex(QStringLiteral("FACTORY_A/Pump/P2"));
        QCOMPARE(f.groups->index(0, 0, p2).data(AlarmTableModel::AlarmKeyRole).toString(),
                 QStringLiteral("FACTORY_A/Pump/P2#VIB"));
    }

    // The header's sort reads true on the folded rows: sorted by Raised, the asset
    // whose newest alarm is newest comes first; by Priority, the one with the most
    // urgent alarm; by Asset, the assets in order. It sorted only inside the groups
    // before, and the groups stayed in asset order under a "Raised" arrow.
    void groupsFollowTheSortColumn()
    {
        Fixture f;
        f.alarms.applyEvents({alarmEvent(EventKind::AlarmTriggered, "P3", "HT", 3500, 2)});
        // Newest raise: P2 4000, P3 3500, P1 2000.
        QCOMPARE(groupOrder(f), (QStringList{QStringLiteral("P2"), QStringLiteral("P3"), QStringLiteral("P1")}));
        f.groups->sort(AlarmTableModel::RaisedColumn, Qt::AscendingOrder);
        QCOMPARE(groupOrder(f), (QStringList{QStringLiteral("P1"), QStringLiteral("P3"), QStringLiteral("P2")}));
        // Most urgent first: P2 has a critical alarm; P1 and P3 are high, by asset.
        f.groups->sort(AlarmTableModel::PriorityColumn, Qt::AscendingOrder);
        QCOMPARE(groupOrder(f), (QStringList{QStringLiteral("P2"), QStringLiteral("P1"), QStringLiteral("P3")}));
        f.groups->sort(AlarmTableModel::AssetColumn, Qt::DescendingOrder);
        QCOMPARE(groupOrder(f), (QStringList{QStringLiteral("P3"), QStringLiteral("P2"), QStringLiteral("P1")}));
        // Children still map to their own alarms after the reordering.
        const QModelIndex p2 = f.groups->groupIndex(QStringLiteral("FACTORY_A/Pump/P2"));
        for (int r = 0; r < f.groups->rowCount(p2); ++r) {
            const QModelIndex child = f.groups->index(r, 0, p2);
            QVERIFY(child.data(AlarmTableModel::AlarmKeyRole).toString().startsWith(u"FACTORY_A/Pump/P2#"));
            QCOMPARE(f.groups->fromFlat(f.groups->toFlat(child)), child);
        }

        // Acknowledging P2's critical alarm leaves it a medium one waiting: under
        // Priority, P2 moves behind the high ones at once.
        f.groups->sort(AlarmTableModel::PriorityColumn, Qt::AscendingOrder);
        f.alarms.applyEvents({alarmEvent(EventKind::AlarmAcknowledged, "P2", "VIB", 5000)});
        QCOMPARE(groupOrder(f), (QStringList{QStringLiteral("P1"), QStringLiteral("P3"), QStringLiteral("P2")}));
    }

private:
    static QStringList groupOrder(const Fixture &f)
    {
        QStringList ids;
        for (int g = 0; g < f.groups->rowCount(); ++g)
            ids << f.groups->groupAssetKey(f.groups->index(g, 0)).section(u'/', -1);
        return ids;
    }
};

QTEST_GUILESS_MAIN(TestAlarmGroupModel)
#include "tst_alarm_group_model.moc"
