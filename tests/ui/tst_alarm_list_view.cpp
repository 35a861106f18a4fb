// The alarm console as an operator uses it: filter, sort and group the list; the
// actions that apply to the selection are enabled and the others are not; an
// acknowledgement is published as an NDH envelope and shows up once it comes back;
// acknowledging what is already acknowledged or gone is explained, not an error; the
// banner shows the newest unacknowledged high alarms and selects them on click; the
// KPI panel reports a flood; a plot marks the alarm time.

#include "alarm_banner.h"
#include "alarm_filter_model.h"
#include "alarm_group_model.h"
#include "alarm_kpi_view.h"
#include "alarm_list_view.h"
#include "alarm_table_model.h"
#include "column_fit.h"
#include "envelope_decoder.h"
#include "plant_models.h"
#include "plot_area.h"
#include "plot_panel.h"
#include "topic_catalog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTreeView>
#include <QTableWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace ndh;

namespace {

constexpr qint64 kNow = 1754217000000;

PlantEvent alarmEvent(EventKind kind, const char *location, const char *asset, const char *id, qint64 t,
                      int priority, const char *attribute = "temperature", bool latching = false)
{
    static int counter = 0;
    PlantEvent e;
    e.kind = kind;
    e.messageId = QStringLiteral("ui%1").arg(++counter);
    e.asset = {QString::fromLatin1(location), QStringLiteral("Pump"), QString::fromLatin1(asset)};
    e.eventTimeMs = t;
    e.source.topic = QStringLiteral("ndh.assets.alarms.triggered");
    e.source.partition = 2;
    e.source.offset = 40 + counter;
    AlarmInfo a;
    a.alarmId = QString::fromLatin1(id);
    a.priority = priority;
    a.message = QStringLiteral("%1 %2 high").arg(QLatin1String(asset), QLatin1String(attribute));
    a.attribute = QString::fromLatin1(attribute);
    a.latching = latching;
    a.value = 91.5;
    e.alarm = a;
    return e;
}

struct Fixture
{
    AlarmTableModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    AlarmListView view{&model};
    std::vector<OutgoingRecord> sent;

    Fixture()
    {
        model.setClock([] { return kNow; });
        QAbstractItemModelTester *proxyTester =
            new QAbstractItemModelTester(view.filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                         &view);
        Q_UNUSED(proxyTester);
        view.setInteractive(false);
        view.setOperatorName(QStringLiteral("night.shift"));
        view.setPublisher([this](const OutgoingRecord &r) { sent.push_back(r); });
        model.applyEvents({
            alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", "P1", "TEMP.HI", kNow - 50000, 1),
            alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", "P2", "TEMP.HI", kNow - 40000, 2),
            alarmEvent(EventKind::AlarmTriggered, "FACTORY_B", "M1", "VIB.HI", kNow - 30000, 3, "vibration"),
            alarmEvent(EventKind::AlarmTriggered, "FACTORY_B", "M2", "LOAD.HI", kNow - 20000, 4, "load", true),
        });
        view.resize(1200, 500);
        view.show();
    }

    // Feeds what was published back, as Kafka would deliver it to every console.
    void deliverSent()
    {
        EnvelopeDecoder decoder;
        std::vector<PlantEvent> events;
        for (const OutgoingRecord &r : sent) {
            EventSource s;
            s.topic = r.topic;
            QVERIFY(decoder.decode(r.payload, s, events).accepted);
        }
        sent.clear();
        model.applyEvents(events);
    }

    bool select(const QString &key) { return view.selectAlarm(key); }
    QString state(const char *asset, const char *id) const
    {
        const Alarm *a = model.machine().find(QStringLiteral("%1/Pump/%2#%3")
                                                  .arg(QLatin1String(asset[0] == 'M' ? "FACTORY_B" : "FACTORY_A"),
                                                       QLatin1String(asset), QLatin1String(id)));
        return a ? isaStateName(a->stateAt(kNow)) : QString();
    }
};

// What the visible columns of `view` take, in pixels.
int columnsWidth(const QHeaderView *header)
{
    int sum = 0;
    for (int c = 0; c < header->count(); ++c)
        sum += header->isSectionHidden(c) ? 0 : header->sectionSize(c);
    return sum;
}

QString key(const char *location, const char *asset, const char *id)
{
    return QStringLiteral("%1/Pump/%2#%3").arg(QLatin1String(location), QLatin1String(asset), QLatin1String(id));
}

} // namespace

class TestAlarmListView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void filterBarNarrowsTheList()
    {
        Fixture f;
        QCOMPARE(f.view.filterModel()->rowCount(), 4);
        f.view.priorityCombo()->setCurrentIndex(f.view.priorityCombo()->findText(QStringLiteral("High and above")));
        QCOMPARE(f.view.filterModel()->rowCount(), 2);
        f.view.priorityCombo()->setCurrentIndex(0);
        QTRY_COMPARE(f.view.locationCombo()->count(), 3); // all + FACTORY_A + FACTORY_B
        f.view.locationCombo()->setCurrentIndex(f.view.locationCombo()->findText(QStringLiteral("FACTORY_B")));
        QCOMPARE(f.view.filterModel()->rowCount(), 2);
        f.view.textFilter()->setText(QStringLiteral("vibration"));
        QCOMPARE(f.view.filterModel()->visibleKeys(), QStringList{key("FACTORY_B", "M1", "VIB.HI")});
        f.view.textFilter()->clear();
        f.view.locationCombo()->setCurrentIndex(0);
        f.view.stateCombo()->setCurrentIndex(f.view.stateCombo()->findText(QStringLiteral("Shelved")));
        QCOMPARE(f.view.filterModel()->rowCount(), 0);
    }

    void sortsAndGroups()
    {
        Fixture f;
        // Newest first by default.
        QCOMPARE(f.view.filterModel()->visibleKeys().first(), key("FACTORY_B", "M2", "LOAD.HI"));
        f.view.tableView()->sortByColumn(AlarmTableModel::PriorityColumn, Qt::AscendingOrder);
        QCOMPARE(f.view.filterModel()->visibleKeys().first(), key("FACTORY_A", "P1", "TEMP.HI"));
        f.view.tableView()->sortByColumn(AlarmTableModel::RaisedColumn, Qt::DescendingOrder);
        f.view.groupByAssetBox()->setChecked(true);
        QVERIFY(f.view.filterModel()->groupByAsset());
        QCOMPARE(f.view.filterModel()->visibleKeys(),
                 (QStringList{key("FACTORY_A", "P1", "TEMP.HI"), key("FACTORY_A", "P2", "TEMP.HI"),
                              key("FACTORY_B", "M1", "VIB.HI"), key("FACTORY_B", "M2", "LOAD.HI")}));
    }

    void groupedByAssetFoldsAndActsOnAWholeAsset()
    {
        Fixture f;
        f.model.applyEvents({alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", "P1", "PRESS.HI", kNow - 45000, 2,
                                        "pressure")});
        QVERIFY(f.select(key("FACTORY_A", "P2", "TEMP.HI")));
        f.view.groupByAssetBox()->setChecked(true);
        QTreeView *tree = f.view.groupView();
        QVERIFY(tree && tree->isVisible());
        QVERIFY(!f.view.tableView()->isVisible());
        AlarmGroupModel *groups = f.view.groupModel();
        new QAbstractItemModelTester(groups, QAbstractItemModelTester::FailureReportingMode::QtTest, groups);
        QCOMPARE(groups->rowCount(), 4); // P1, P2, M1, M2
        // The alarm in hand is still selected, its asset unfolded.
        QCOMPARE(f.view.selectedKeys(), QStringList{key("FACTORY_A", "P2", "TEMP.HI")});
        const QModelIndex p1 = groups->groupIndex(QStringLiteral("FACTORY_A/Pump/P1"));
        QVERIFY(!tree->isExpanded(p1)); // folded: one line for two alarms
        QCOMPARE(p1.siblingAtColumn(AlarmTableModel::AlarmColumn).data().toString(), QStringLiteral("2 alarms"));
        QCOMPARE(p1.siblingAtColumn(AlarmTableModel::StateColumn).data().toString(), QStringLiteral("2 unack"));
        // Selecting the asset row acts on all of its alarms.
        tree->selectionModel()->setCurrentIndex(p1, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(f.view.selectedKeys().size(), 2);
        QVERIFY(f.view.acknowledgeAction()->isEnabled());
        f.view.acknowledgeAction()->trigger();
        QCOMPARE(f.sent.size(), size_t(2));
        // Unfolded groups stay unfolded when new alarms regroup the list.
        tree->expand(p1);
        f.model.applyEvents({alarmEvent(EventKind::AlarmTriggered, "FACTORY_C", "K1", "LEVEL.LO", kNow - 1000, 3, "level")});
        QCOMPARE(groups->rowCount(), 5);
        QVERIFY(tree->isExpanded(groups->groupIndex(QStringLiteral("FACTORY_A/Pump/P1"))));
        // The acknowledgements come back from Kafka: the folded row says so.
        f.deliverSent();
        QCOMPARE(groups->groupIndex(QStringLiteral("FACTORY_A/Pump/P1")).siblingAtColumn(AlarmTableModel::StateColumn)
                     .data().toString(),
                 QStringLiteral("Acked"));
        f.view.groupByAssetBox()->setChecked(false);
        QVERIFY(f.view.tableView()->isVisible());
        QVERIFY(!f.view.groupModel());
    }

    void actionsFollowTheSelection()
    {
        Fixture f;
        QVERIFY(!f.view.acknowledgeAction()->isEnabled()); // nothing selected
        QVERIFY(f.select(key("FACTORY_A", "P1", "TEMP.HI")));
        QVERIFY(f.view.acknowledgeAction()->isEnabled());
        QVERIFY(f.view.shelveAction()->isEnabled());
        QVERIFY(!f.view.unshelveAction()->isEnabled());
        QVERIFY(!f.view.returnToServiceAction()->isEnabled());
        QVERIFY(!f.view.resetAction()->isEnabled()); // active, not a cleared latch
        QVERIFY(f.view.plotAction()->isEnabled());
        // A latched alarm whose condition cleared can be reset.
        f.model.applyEvents({alarmEvent(EventKind::AlarmCleared, "FACTORY_B", "M2", "LOAD.HI", kNow - 10000, 4, "load")});
        QVERIFY(f.select(key("FACTORY_B", "M2", "LOAD.HI")));
        QVERIFY(f.view.resetAction()->isEnabled());
        // Viewers (and consoles without Kafka) see the actions, disabled.
        f.view.setActionsAllowed(false);
        QVERIFY(!f.view.acknowledgeAction()->isEnabled());
        QVERIFY(!f.view.resetAction()->isEnabled());
        QVERIFY(!f.view.acknowledgeAction()->statusTip().isEmpty());
        f.view.setActionsAllowed(true);
        f.view.setPublisher({});
        QVERIFY(!f.view.acknowledgeAction()->isEnabled());
    }

    void acknowledgePublishesAndConverges()
    {
        Fixture f;
        f.view.filterModel()->sort(AlarmTableModel::PriorityColumn, Qt::AscendingOrder);
        f.view.tableView()->selectRow(0);
        f.view.tableView()->selectionModel()->select(f.view.filterModel()->index(1, 0),
                                                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(f.view.selectedKeys().size(), 2);
        f.view.acknowledgeAction()->trigger();
        QCOMPARE(f.sent.size(), size_t(2));
        const OutgoingRecord &r = f.sent.front();
        QCOMPARE(r.topic, QLatin1String(topics::kAlarmAcknowledged));
        QCOMPARE(r.key, QByteArray("P1"));
        const QJsonObject doc = QJsonDocument::fromJson(r.payload).object();
        QCOMPARE(doc.value(u"event_type").toString(), QStringLiteral("alarm_acknowledged"));
        QCOMPARE(doc.value(u"event_data").toObject().value(u"operator").toString(), QStringLiteral("night.shift"));
        QCOMPARE(doc.value(u"event_data").toObject().value(u"alarm_id").toString(), QStringLiteral("TEMP.HI"));
        // Nothing changes locally until Kafka delivers it back.
        QCOMPARE(f.state("P1", "TEMP.HI"), QStringLiteral("Unack"));
        f.view.onPublished(r.correlationId, true, {});
        QVERIFY(f.view.lastStatus().contains(u"confirmed"));
        f.deliverSent();
        QCOMPARE(f.state("P1", "TEMP.HI"), QStringLiteral("Acked"));
        QCOMPARE(f.state("P2", "TEMP.HI"), QStringLiteral("Acked"));
        QVERIFY(!f.view.acknowledgeAction()->isEnabled());

        // Already acknowledged (by another console, say): explained, nothing sent.
        f.view.acknowledgeSelected();
        QVERIFY(f.sent.empty());
        QVERIFY2(f.view.lastStatus().contains(u"already acknowledged (last by night.shift)"),
                 qPrintable(f.view.lastStatus()));
    }

    void acknowledgeVisibleOnlyTouchesTheUnacknowledgedShown()
    {
        Fixture f;
        f.view.priorityCombo()->setCurrentIndex(f.view.priorityCombo()->findText(QStringLiteral("High and above")));
        f.model.applyEvents({alarmEvent(EventKind::AlarmAcknowledged, "FACTORY_A", "P2", "TEMP.HI", kNow - 1000, 0)});
        f.view.acknowledgeVisibleAction()->trigger();
        QCOMPARE(f.sent.size(), size_t(1)); // P1 only: P2 is acknowledged, M1/M2 filtered out
        QCOMPARE(f.sent.front().key, QByteArray("P1"));
        QVERIFY(f.view.lastStatus().contains(u"1 alarm(s) already acknowledged"));
    }

    void shelveAndServiceActions()
    {
        Fixture f;
        f.view.setDefaultShelve(30, QStringLiteral("sensor swap"));
        QVERIFY(f.select(key("FACTORY_B", "M1", "VIB.HI")));
        f.view.shelveAction()->trigger();
        QCOMPARE(f.sent.size(), size_t(1));
        QCOMPARE(f.sent.front().topic, QLatin1String(topics::kAlarmShelved));
        const QJsonObject data = QJsonDocument::fromJson(f.sent.front().payload).object().value(u"event_data").toObject();
        QCOMPARE(data.value(u"reason").toString(), QStringLiteral("sensor swap"));
        QCOMPARE(data.value(u"duration_s").toInt(), 1800);
        f.deliverSent();
        QCOMPARE(f.state("M1", "VIB.HI"), QStringLiteral("Shelved"));
        QVERIFY(f.view.unshelveAction()->isEnabled());
        QVERIFY(!f.view.shelveAction()->isEnabled());
        // Shelved alarms leave the operator's "Unacknowledged" view.
        f.view.stateCombo()->setCurrentIndex(f.view.stateCombo()->findText(QStringLiteral("Shelved")));
        QCOMPARE(f.view.filterModel()->visibleKeys(), QStringList{key("FACTORY_B", "M1", "VIB.HI")});

        QVERIFY(f.select(key("FACTORY_B", "M1", "VIB.HI")));
        f.view.returnToServiceAction()->trigger();
        QCOMPARE(f.sent.front().topic, QLatin1String(topics::kAlarmService));
        f.deliverSent();
        QCOMPARE(f.state("M1", "VIB.HI"), QStringLiteral("Unack"));

        // A failed delivery is reported, the state is unchanged.
        QVERIFY(f.select(key("FACTORY_B", "M1", "VIB.HI")));
        f.view.removeFromServiceAction()->trigger();
        f.view.onPublished(f.sent.front().correlationId, false, QStringLiteral("Broker: timed out"));
        QVERIFY(f.view.lastStatus().contains(u"Broker: timed out"));
        QCOMPARE(f.state("M1", "VIB.HI"), QStringLiteral("Unack"));
    }

    void goneAlarmIsExplained()
    {
        Fixture f;
        QVERIFY(f.select(key("FACTORY_A", "P1", "TEMP.HI")));
        f.model.clear(); // e.g. the console re-read the topics: the alarm no longer exists
        f.view.acknowledgeSelected();
        QVERIFY(f.sent.empty());
        QVERIFY2(f.view.lastStatus().contains(u"No alarm selected") || f.view.lastStatus().contains(u"no longer exist"),
                 qPrintable(f.view.lastStatus()));
    }

    void navigationSignals()
    {
        Fixture f;
        QVERIFY(f.select(key("FACTORY_A", "P2", "TEMP.HI")));
        QSignalSpy asset(&f.view, &AlarmListView::assetRequested);
        QSignalSpy plot(&f.view, &AlarmListView::plotRequested);
        f.view.goToAssetAction()->trigger();
        QCOMPARE(asset.value(0).value(0).toString(), QStringLiteral("FACTORY_A/Pump/P2"));
        f.view.plotAction()->trigger();
        QCOMPARE(plot.value(0).value(0).toString(), QStringLiteral("FACTORY_A/Pump/P2/temperature"));
        QCOMPARE(plot.value(0).value(1).toLongLong(), kNow - 40000);
        const QString record = f.view.recordText(key("FACTORY_A", "P2", "TEMP.HI"));
        QVERIFY(record.contains(u"topic ndh.assets.alarms.triggered, partition 2"));
        QVERIFY(record.contains(u"kcat -C -J"));
    }

    void bannerShowsNewestUnackedHighAndSelectsOnClick()
    {
        Fixture f;
        AlarmBanner banner(&f.model);
        banner.resize(1400, 40); // a whole window's width: room for three alarms
        int beeps = 0;
        banner.setBeeper([&beeps] { ++beeps; });
        banner.muteAction()->setChecked(false);
        banner.refresh();
        QCOMPARE(banner.shownKeys(), (QStringList{key("FACTORY_A", "P2", "TEMP.HI"), key("FACTORY_A", "P1", "TEMP.HI")}));
        f.model.applyEvents({alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", "P3", "PRESS.HI", kNow - 5000, 1, "pressure"),
                             alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", "P4", "PRESS.HI", kNow - 4000, 2, "pressure")});
        QCOMPARE(beeps, 1); // two new high alarms in one go: one cue
        banner.refresh();
        QCOMPARE(banner.shownKeys().first(), key("FACTORY_A", "P4", "PRESS.HI"));
        QCOMPARE(banner.moreCount(), 1);
        QVERIFY(banner.text().contains(u"+1 more"));
        QSignalSpy clicked(&banner, &AlarmBanner::alarmClicked);
        QObject::connect(&banner, &AlarmBanner::alarmClicked, &f.view, &AlarmListView::selectAlarm);
        auto buttons = banner.findChildren<QToolButton *>();
        QTest::mouseClick(buttons.at(1), Qt::LeftButton);
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(f.view.selectedKeys(), QStringList{key("FACTORY_A", "P3", "PRESS.HI")});
        // Muted: no cue; acknowledged alarms leave the banner.
        banner.muteAction()->setChecked(true);
        QTest::qWait(AlarmBanner::kBeepIntervalMs + 50);
        f.model.applyEvents({alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", "P5", "PRESS.HI", kNow - 3000, 1, "pressure")});
        QCOMPARE(beeps, 1);
        banner.muteAction()->setChecked(false);
        std::vector<PlantEvent> acks;
        for (const char *p : {"P1", "P2", "P3", "P4", "P5"})
            acks.push_back(alarmEvent(EventKind::AlarmAcknowledged, "FACTORY_A", p, p[1] >= '3' ? "PRESS.HI" : "TEMP.HI", kNow, 0));
        f.model.applyEvents(acks);
        banner.refresh();
        QVERIFY(banner.shownKeys().isEmpty());
        QVERIFY(banner.text().contains(u"No unacknowledged"));
    }

    // Alarms piling up must not take width from the docks beside the banner (the
    // asset tree's values): the strip shows fewer of them, never asks for more room,
    // and what it leaves out is counted in "+N more". It grew before: each alarm was
    // fixed at the width it last had, and the window widened the strip to fit them.
    void bannerShowsFewerAlarmsRatherThanWidening()
    {
        Fixture f;
        f.model.applyEvents({alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", "COMPRESSOR_007", "PRESS.HI", kNow - 5000, 1, "pressure"),
                             alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", "CONVEYOR_002", "CURRENT.HI", kNow - 4000, 2, "current")});
        QWidget window;
        auto *layout = new QHBoxLayout(&window);
        auto *dock = new QTreeView(&window); // stands in for the asset tree beside the strip
        dock->setMinimumWidth(100);
        dock->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        auto *banner = new AlarmBanner(&f.model, &window);
        banner->setBeeper([] {});
        layout->addWidget(dock, 1);
        layout->addWidget(banner, 2);
        window.resize(1400, 80);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Each alarm shown names its asset whole: "COMPRESSOR_0..." does not say which
        // compressor.
        const auto headsWhole = [&](int width) {
            const QList<QToolButton *> chips = banner->findChildren<QToolButton *>(); // in the order shown
            for (int i = 0; i < banner->shownKeys().size(); ++i) {
                const QString assetId = banner->shownKeys()[i].section(u'#', 0, 0).section(u'/', -1);
                QVERIFY2(chips[i]->text().contains(assetId),
                         qPrintable(QStringLiteral("at %1: \"%2\" for %3").arg(width).arg(chips[i]->text(), assetId)));
            }
        };
        banner->refresh();
        QCoreApplication::processEvents();
        const int dockWidth = dock->width();
        const int found = int(banner->shownKeys().size()) + banner->moreCount();
        QCOMPARE(found, 4); // the fixture's two, and these two

        // Narrower, as when the operator widens the tree: fewer alarms, none widened.
        for (int width : {1400, 1000, 760, 1400}) {
            window.resize(width, 80);
            QCoreApplication::processEvents();
            banner->refresh();
            QCoreApplication::processEvents();
            QVERIFY2(banner->minimumSizeHint().width() <= 520,
                     qPrintable(QStringLiteral("at %1: the strip asks for %2 px").arg(width).arg(banner->minimumSizeHint().width())));
            QCOMPARE(int(banner->shownKeys().size()) + banner->moreCount(), found);
            QVERIFY(!banner->shownKeys().isEmpty());
            for (QToolButton *b : banner->findChildren<QToolButton *>()) {
                if (b->isVisible())
                    QVERIFY2(b->geometry().right() <= banner->width(), qPrintable(b->text()));
            }
            if (banner->moreCount() > 0)
                QVERIFY(banner->text().contains(QStringLiteral("+%1 more").arg(banner->moreCount())));
            // Where the strip has room for one chip at least, each names its asset whole.
            if (width >= 1000)
                headsWhole(width);
        }
        QCOMPARE(dock->width(), dockWidth); // the tree kept its width throughout
        window.resize(760, 80);
        QCoreApplication::processEvents();
        banner->refresh();
        QVERIFY2(banner->shownKeys().size() < 3, qPrintable(banner->text()));
        // Every width where two or more alarms are shown: each names its asset whole,
        // also where the strip has just the room their heads need. A chip exactly as
        // wide as its head had no room left for the ellipsis after it, and Qt cut the
        // name instead ('00:31:49  CRITICAL  MOTOR_0...').
        for (int width = 900; width <= 1600; width += 3) {
            window.resize(width, 80);
            QCoreApplication::processEvents();
            banner->refresh();
            if (banner->shownKeys().size() >= 2)
                headsWhole(width);
            if (QTest::currentTestFailed())
                return;
        }
    }

    // A message is shortened by the asset's id only where the whole id leads it:
    // "P12 seal leak" on P1 keeps its text ("2 seal leak" would be another fault).
    void bannerKeepsAMessageThatOnlyStartsLikeTheAsset()
    {
        AlarmTableModel model;
        model.setClock([] { return kNow; });
        PlantEvent e = alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", "P1", "SEAL", kNow - 1000, 1);
        e.alarm->message = QStringLiteral("P12 seal leak");
        PlantEvent f = alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", "P3", "TEMP", kNow - 500, 1);
        f.alarm->message = QStringLiteral("P3: temperature high");
        model.applyEvents({e, f});
        AlarmBanner banner(&model);
        banner.setBeeper([] {});
        banner.resize(1400, 40);
        banner.refresh();
        QVERIFY2(banner.text().contains(u"P1  P12 seal leak"), qPrintable(banner.text()));
        QVERIFY2(banner.text().contains(u"P3  temperature high"), qPrintable(banner.text()));
    }

    void kpiPanelReportsFlood()
    {
        AlarmTableModel model;
        model.setClock([] { return kNow; });
        AlarmKpiView kpi(&model);
        QVERIFY(kpi.floodText().contains(u"no flood"));
        std::vector<PlantEvent> flood;
        for (int i = 0; i < 12; ++i)
            flood.push_back(alarmEvent(EventKind::AlarmTriggered, "FACTORY_A", qPrintable(QStringLiteral("F%1").arg(i)),
                                       "LVL.HI", kNow - 300000 + i * 1000, 2, "level"));
        model.applyEvents(flood);
        kpi.recompute();
        QVERIFY2(kpi.floodText().contains(u"IN FLOOD"), qPrintable(kpi.floodText()));
        QCOMPARE(kpi.topTable()->rowCount(), 10);
        // A range before the flood: no flood there.
        kpi.setCustomRange(kNow - 3 * 3600 * 1000, kNow - 2 * 3600 * 1000);
        QVERIFY(kpi.floodText().contains(u"no flood"));
    }

    void plotMarksTheAlarmTime()
    {
        PlantModels models;
        PlotArea area(&models);
        QVERIFY(area.plotAttributeAt(QStringLiteral("FACTORY_A/Pump/P1/temperature"), kNow - 40000, QStringLiteral("TEMP.HI")));
        PlotPanel *panel = area.currentPlot();
        QVERIFY(panel);
        QCOMPARE(panel->timeMarkerMs(), kNow - 40000);
        QVERIFY(!panel->isFollowing());
        QCOMPARE(panel->curveKeys(), QStringList{QStringLiteral("FACTORY_A/Pump/P1/temperature")});
    }

    void recordDialogShowsTheRecordReadFromKafka()
    {
        Fixture f;
        QVERIFY(f.select(key("FACTORY_A", "P2", "TEMP.HI")));
        EventSource asked;
        AlarmListView::RecordDone answer;
        f.view.setRecordFetcher([&](const EventSource &source, AlarmListView::RecordDone done) {
            asked = source;
            answer = std::move(done);
        });
        f.view.showRecordAction()->trigger();
        auto *dialog = f.view.findChild<QDialog *>(QStringLiteral("alarmRecordDialog"));
        QVERIFY(dialog);
        auto *text = dialog->findChild<QPlainTextEdit *>(QStringLiteral("alarmRecordText"));
        QVERIFY(text->toPlainText().contains(u"Reading the record from Kafka"));
        QVERIFY(!text->toPlainText().contains(u"kcat")); // it is being read, not explained
        QCOMPARE(asked.topic, QStringLiteral("ndh.assets.alarms.triggered"));
        QCOMPARE(asked.partition, 2);
        LogRecord record;
        record.topic = asked.topic;
        record.partition = asked.partition;
        record.offset = asked.offset;
        record.key = QByteArray("PUMP_2");
        record.headers.push_back({QByteArray("origin"), QByteArray("plc-7")});
        record.payload = QByteArray("{\"alarm_id\":\"TEMP.HI\",\"note\":\"<b>hot</b>\"}");
        answer(true, record, {});
        const QString shown = text->toPlainText();
        QVERIFY2(shown.contains(u"\"alarm_id\": \"TEMP.HI\""), qPrintable(shown)); // indented JSON
        QVERIFY(shown.contains(u"<b>hot</b>"));                                   // as text, never markup
        QVERIFY(shown.contains(u"Key: PUMP_2"));
        QVERIFY(shown.contains(u"Header origin: plc-7"));
        dialog->close(); // deleted on close; a late answer goes nowhere
        QTest::qWait(1);
        QVERIFY(!f.view.findChild<QDialog *>(QStringLiteral("alarmRecordDialog")));
        answer(true, record, {});

        f.view.showRecordAction()->trigger();
        dialog = f.view.findChild<QDialog *>(QStringLiteral("alarmRecordDialog"));
        answer(false, {}, QStringLiteral("Offset 7 is no longer on the cluster: retention removed it"));
        QVERIFY(dialog->findChild<QPlainTextEdit *>(QStringLiteral("alarmRecordText"))
                    ->toPlainText()
                    .contains(u"Could not read the record: Offset 7 is no longer on the cluster"));
        dialog->close();
    }
    // The fixed widths took a whole 900-pixel view and left the message a few
    // pixels: now every short column shows its header whole, the message is the
    // widest text column and reads whole, and the columns fill the view.
    void columnsFitTheViewAndTheMessageReads()
    {
        Fixture f; // 1200 pixels wide
        QTableView *table = f.view.tableView();
        QHeaderView *h = table->horizontalHeader();
        QTRY_COMPARE(columnsWidth(h), table->viewport()->width());
        for (int c : {AlarmTableModel::RaisedColumn, AlarmTableModel::PriorityColumn, AlarmTableModel::StateColumn,
                      AlarmTableModel::ValueColumn, AlarmTableModel::TimeInStateColumn}) {
            const QString label = f.model.headerData(c, Qt::Horizontal).toString();
            QVERIFY2(h->sectionSize(c) > h->fontMetrics().horizontalAdvance(label), qPrintable(label));
        }
        const int message = h->sectionSize(AlarmTableModel::MessageColumn);
        QVERIFY(message > h->sectionSize(AlarmTableModel::AssetColumn));
        QVERIFY(message > h->sectionSize(AlarmTableModel::AlarmColumn));
        QFont bold = table->font();
        bold.setBold(true);
        for (int r = 0; r < f.view.filterModel()->rowCount(); ++r) {
            const QString text = f.view.filterModel()->index(r, AlarmTableModel::MessageColumn).data().toString();
            QVERIFY2(QFontMetrics(bold).horizontalAdvance(text) < message, qPrintable(text));
        }

        // Narrow: the asset, alarm and message keep a readable width, the rest scrolls.
        f.view.resize(600, 500);
        QTRY_VERIFY(columnsWidth(h) > table->viewport()->width());
        QVERIFY(h->sectionSize(AlarmTableModel::MessageColumn) >= 220);
        QVERIFY(h->sectionSize(AlarmTableModel::AssetColumn) >= 160);
        // Wide again: fitted again.
        f.view.resize(1600, 500);
        QTRY_COMPARE(columnsWidth(h), table->viewport()->width());
        QVERIFY(h->sectionSize(AlarmTableModel::MessageColumn) > message);

        // Hiding and showing a column is not sizing it: the message still follows the view.
        h->hideSection(AlarmTableModel::MessageColumn);
        h->showSection(AlarmTableModel::MessageColumn);
        const int wide = h->sectionSize(AlarmTableModel::MessageColumn);
        f.view.resize(1500, 500);
        QTRY_VERIFY(h->sectionSize(AlarmTableModel::MessageColumn) < wide);
        QTRY_COMPARE(columnsWidth(h), table->viewport()->width());

        // A column sized by hand keeps its width; the others make room for it.
        h->resizeSection(AlarmTableModel::AssetColumn, 333);
        QCOMPARE(columnsWidth(h), table->viewport()->width());
        f.view.resize(1300, 500);
        QTRY_COMPARE(columnsWidth(h), table->viewport()->width());
        QCOMPARE(h->sectionSize(AlarmTableModel::AssetColumn), 333);

        // The groups are fitted the same way.
        f.view.groupByAssetBox()->setChecked(true);
        QTreeView *tree = f.view.groupView();
        QTRY_COMPARE(columnsWidth(tree->header()), tree->viewport()->width());
        QVERIFY(tree->header()->sectionSize(AlarmTableModel::MessageColumn)
                > tree->header()->sectionSize(AlarmTableModel::AlarmColumn));
        // The width set by hand in the list holds in the groups.
        QCOMPARE(tree->header()->sectionSize(AlarmTableModel::AssetColumn), 333);
    }

    // Widths set by hand come back with a saved header, the flexible columns' too,
    // and stay when the view is resized; the other columns are fitted again. A
    // header saved before the columns were fitted (the message column set to
    // stretch) fits too, and a short column the user had widened stays as wide.
    void aSavedHeaderKeepsWhatWasSizedByHand()
    {
        QByteArray saved, plain;
        {
            Fixture f;
            QHeaderView *h = f.view.tableView()->horizontalHeader();
            QTRY_COMPARE(columnsWidth(h), f.view.tableView()->viewport()->width());
            h->resizeSection(AlarmTableModel::AssetColumn, 301);
            saved = f.view.saveHeaderState();
            h->resizeSection(AlarmTableModel::ValueColumn, 190);
            h->setSectionResizeMode(AlarmTableModel::MessageColumn, QHeaderView::Stretch);
            h->setStretchLastSection(true); // as the topic browser's list had it
            plain = h->saveState();
        }
        {
            Fixture f;
            QTableView *table = f.view.tableView();
            QHeaderView *h = table->horizontalHeader();
            QTRY_COMPARE(columnsWidth(h), table->viewport()->width());
            f.view.restoreHeaderState(saved);
            QCOMPARE(h->sectionSize(AlarmTableModel::AssetColumn), 301);
            QCOMPARE(columnsWidth(h), table->viewport()->width());
            f.view.resize(1400, 500);
            QTRY_COMPARE(columnsWidth(h), table->viewport()->width());
            QCOMPARE(h->sectionSize(AlarmTableModel::AssetColumn), 301);
        }
        Fixture f;
        QTableView *table = f.view.tableView();
        QHeaderView *h = table->horizontalHeader();
        QTRY_COMPARE(columnsWidth(h), table->viewport()->width());
        const int fittedValue = h->sectionSize(AlarmTableModel::ValueColumn);
        f.view.restoreHeaderState(plain);
        QCOMPARE(h->sectionResizeMode(AlarmTableModel::MessageColumn), QHeaderView::Interactive);
        QVERIFY(!h->stretchLastSection());
        QCOMPARE(h->sectionSize(AlarmTableModel::ValueColumn), fittedValue); // an old width is fitted again
        QCOMPARE(columnsWidth(h), table->viewport()->width());
        QVERIFY(ColumnFit::of(table)->pinned().isEmpty());

        // A damaged state (a layout file's): refused, and the widths set by hand stay.
        h->resizeSection(AlarmTableModel::ValueColumn, 170);
        QByteArray damaged = saved.left(saved.indexOf('1') + 1);
        damaged.append("\xff\xff\xff\xff", 4);
        QVERIFY(!ndh::restoreHeaderState(table, damaged));
        QVERIFY(!ndh::restoreHeaderState(table, saved.left(saved.size() - 9)));
        QCOMPARE(h->sectionSize(AlarmTableModel::ValueColumn), 170);
        QCOMPARE(columnsWidth(h), table->viewport()->width());

        // The header's menu fits every column again.
        QAction *fitAll = h->findChild<QAction *>(QStringLiteral("fitColumnsAction"));
        QVERIFY(fitAll && h->actions().contains(fitAll));
        fitAll->trigger();
        QCOMPARE(h->sectionSize(AlarmTableModel::ValueColumn), fittedValue);
        QCOMPARE(columnsWidth(h), table->viewport()->width());
    }

    // The raised time: today's as the time, this year's without the year.
    void raisedTimesShowWhatTheNightShiftNeeds()
    {
        const QDate today(2026, 11, 24);
        QCOMPARE(alarmListTime(QStringLiteral("2026-11-24 03:12:45"), today), QStringLiteral("03:12:45"));
        QCOMPARE(alarmListTime(QStringLiteral("2026-11-23 23:50:12"), today), QStringLiteral("11-23 23:50:12"));
        QCOMPARE(alarmListTime(QStringLiteral("2025-12-31 23:59:59"), today), QStringLiteral("2025-12-31 23:59:59"));
        QCOMPARE(alarmListTime(QString(), today), QString());
        // A log of an earlier year opened offline: the list's day is the log's, so
        // its alarms show their times; the column has no room for a whole date.
        AlarmTableModel offline;
        const qint64 logEnd = QDateTime(QDate(2025, 8, 3), QTime(10, 31)).toMSecsSinceEpoch();
        offline.setClock([logEnd] { return logEnd; });
        QCOMPARE(alarmListDay(offline), QDate(2025, 8, 3));
        QCOMPARE(alarmListTime(QStringLiteral("2025-08-03 10:30:59"), alarmListDay(offline)), QStringLiteral("10:30:59"));
        QCOMPARE(alarmListTime(QStringLiteral("2025-08-02 23:59:01"), alarmListDay(offline)), QStringLiteral("08-02 23:59:01"));
    }

    // An asset path in a narrow cell keeps the asset's id whole.
    void aLongAssetPathKeepsItsId()
    {
        const QFontMetrics m(QApplication::font());
        const QString path = QStringLiteral("WAREHOUSE_C/Conveyor/CONVEYOR_006");
        QCOMPARE(elidedPath(path, m, m.horizontalAdvance(path)), path);
        const QString middle = QStringLiteral("WAREHOUSE_C/\u2026/CONVEYOR_006");
        QCOMPARE(elidedPath(path, m, m.horizontalAdvance(middle)), middle);
        QCOMPARE(elidedPath(path, m, m.horizontalAdvance(middle) - 1), QStringLiteral("\u2026/CONVEYOR_006"));
        QCOMPARE(elidedPath(QStringLiteral("CONVEYOR_006"), m, 10), QStringLiteral("CONVEYOR_006"));
        QCOMPARE(elidedPath(QStringLiteral("FLEET/DRONE-1"), m, 10), QStringLiteral("\u2026/DRONE-1"));
    }
};

QTEST_MAIN(TestAlarmListView)
#include "tst_alarm_list_view.moc"
