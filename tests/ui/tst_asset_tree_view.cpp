// What an operator sees in the asset tree: the plant hierarchy with live values,
// units and ages, a filter that narrows it, and double-click to plot.

#include "asset_tree_filter_model.h"
#include "asset_tree_model.h"
#include "asset_tree_view.h"
#include "hmi_style.h"
#include "plant_models.h"
#include "ui_test_plant.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QElapsedTimer>
#include <QPaintEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QHeaderView>
#include <QTest>
#include <QTreeView>

using namespace ndh;
using namespace ndhtest;

namespace {

constexpr qint64 kT0 = 1'700'000'000'000;

// Proxy index of the row named `name` under `parent`, or invalid.
QModelIndex child(const QAbstractItemModel *model, const QModelIndex &parent, const QString &name)
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (i.data().toString() == name)
            return i;
    }
    return {};
}

QModelIndex path(const QAbstractItemModel *model, const QStringList &names)
{
    QModelIndex i;
    for (const QString &n : names) {
        i = child(model, i, n);
        if (!i.isValid())
            return {};
    }
    return i;
}

QString cell(const QModelIndex &i, int column)
{
    return i.siblingAtColumn(column).data().toString();
}

std::vector<PlantEvent> twoHalls()
{
    return {
        attributeEvent(QStringLiteral("Hall-A"), QStringLiteral("Pump"), QStringLiteral("P-101"), kT0,
                       {{QStringLiteral("pressure"), 4.25, QStringLiteral("bar")},
                        {QStringLiteral("speed"), qint64(1480), QStringLiteral("rpm")}},
                       QStringLiteral("active")),
        attributeEvent(QStringLiteral("Hall-A"), QStringLiteral("Motor"), QStringLiteral("M-201"), kT0,
                       {{QStringLiteral("current"), 12.5, QStringLiteral("A")}}, QStringLiteral("active")),
        attributeEvent(QStringLiteral("Hall-B"), QStringLiteral("Pump"), QStringLiteral("P-102"), kT0,
                       {{QStringLiteral("pressure"), 3.9, QStringLiteral("bar")},
                        {QStringLiteral("status"), QStringLiteral("running"), QString()}},
                       QStringLiteral("inactive")),
    };
}

} // namespace

class TestAssetTreeView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showsHierarchyWithValuesAndUnits()
    {
        PlantModels models;
        models.assetTree()->setClock([] { return kT0 + 3000; });
        AssetTreeView view(models.assetTree());
        QAbstractItemModelTester tester(view.treeView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.isShowingEmptyState());
        QVERIFY(view.emptyStateText().contains(QStringLiteral("Waiting for data")));

        models.applyBatch(batch(twoHalls()));
        const QAbstractItemModel *m = view.treeView()->model();

        QVERIFY(!view.isShowingEmptyState());
        QCOMPARE(m->rowCount(), 2); // Hall-A, Hall-B
        const QModelIndex pressure = path(m, {"Hall-A", "Pump", "P-101", "pressure"});
        QVERIFY(pressure.isValid());
        QCOMPARE(cell(pressure, AssetTreeModel::ValueColumn), QStringLiteral("4.25"));
        QCOMPARE(cell(pressure, AssetTreeModel::UnitColumn), QStringLiteral("bar"));
        QCOMPARE(cell(pressure, AssetTreeModel::AgeColumn), QStringLiteral("3.0 s"));
        const QModelIndex speed = path(m, {"Hall-A", "Pump", "P-101", "speed"});
        QCOMPARE(cell(speed, AssetTreeModel::ValueColumn), QStringLiteral("1480"));
        QCOMPARE(cell(speed, AssetTreeModel::UnitColumn), QStringLiteral("rpm"));
        // Asset rows show their lifecycle.
        QCOMPARE(cell(path(m, {"Hall-A", "Pump", "P-101"}), AssetTreeModel::ValueColumn), QStringLiteral("active"));

        // First level opened on first data, deeper levels left to the operator.
        QVERIFY(view.treeView()->isExpanded(path(m, {"Hall-A"})));
        QVERIFY(view.treeView()->isExpanded(path(m, {"Hall-B"})));
        QVERIFY(!view.treeView()->isExpanded(path(m, {"Hall-A", "Pump"})));
        QVERIFY(view.treeView()->uniformRowHeights());

        // A location that appears later opens too; one the operator folded stays folded.
        view.treeView()->collapse(path(m, {"Hall-A"}));
        models.applyBatch(batch({attributeEvent(QStringLiteral("Hall-C"), QStringLiteral("Fan"), QStringLiteral("F-1"),
                                                kT0, {{QStringLiteral("speed"), 1.0, QStringLiteral("rpm")}})}));
        QVERIFY(view.treeView()->isExpanded(path(m, {"Hall-C"})));
        QVERIFY(!view.treeView()->isExpanded(path(m, {"Hall-A"})));

        // Names sort naturally, whatever order the events came in.
        models.applyBatch(batch({attributeEvent(QStringLiteral("Hall-A"), QStringLiteral("Pump"), QStringLiteral("P-10"),
                                                kT0, {{QStringLiteral("pressure"), 1.0, QStringLiteral("bar")}}),
                                 attributeEvent(QStringLiteral("Hall-A"), QStringLiteral("Pump"), QStringLiteral("P-9"),
                                                kT0, {{QStringLiteral("pressure"), 1.0, QStringLiteral("bar")}})}));
        const QModelIndex pumps = path(m, {"Hall-A", "Pump"});
        QStringList order;
        for (int r = 0; r < m->rowCount(pumps); ++r)
            order << m->index(r, 0, pumps).data().toString();
        QCOMPARE(order, (QStringList{"P-9", "P-10", "P-101"}));
        QCOMPARE(m->index(0, 0).data().toString(), QStringLiteral("Hall-A"));
        QCOMPARE(m->index(1, 0).data().toString(), QStringLiteral("Hall-B"));

        // A new value replaces the shown one.
        models.applyBatch(batch({attributeEvent(QStringLiteral("Hall-A"), QStringLiteral("Pump"), QStringLiteral("P-101"),
                                                kT0 + 1000, {{QStringLiteral("pressure"), 4.5, QStringLiteral("bar")}})}));
        QCOMPARE(cell(path(m, {"Hall-A", "Pump", "P-101", "pressure"}), AssetTreeModel::ValueColumn), QStringLiteral("4.5"));
    }

    // The names keep their room: the columns fill the dock exactly (no scrolling
    // for the hidden engineer columns), and in a narrow dock the name column keeps
    // a readable width while the age scrolls. A column shown from the header's
    // menu is fitted in, and fitted out when hidden again.
    void columnsFitTheDockNamesFirst()
    {
        PlantModels models;
        AssetTreeView view(models.assetTree());
        view.resize(450, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        models.applyBatch(batch(twoHalls()));
        QTreeView *tree = view.treeView();
        QHeaderView *h = tree->header();
        QTRY_COMPARE(h->length(), tree->viewport()->width());
        QVERIFY(h->isSectionHidden(AssetTreeModel::UpdatedColumn));
        QVERIFY(h->sectionSize(AssetTreeModel::NameColumn) > h->sectionSize(AssetTreeModel::ValueColumn));

        view.resize(260, 400);
        QTRY_VERIFY(h->length() > tree->viewport()->width());
        QVERIFY(h->sectionSize(AssetTreeModel::NameColumn) >= 150);

        // With Redis beside Kafka the window shows the Source column. At the dock's
        // width in a 1400 px window (455 px) the columns still fit, and an attribute
        // three levels down keeps room for a name like "temperature".
        view.resize(455, 400);
        const QString source = models.assetTree()->headerData(AssetTreeModel::OriginColumn, Qt::Horizontal).toString();
        for (QAction *a : h->actions()) {
            if (a->text() == source)
                a->trigger();
        }
        QVERIFY(!h->isSectionHidden(AssetTreeModel::OriginColumn));
        QTRY_COMPARE(h->length(), tree->viewport()->width());
        QVERIFY2(h->sectionSize(AssetTreeModel::NameColumn)
                     >= 3 * tree->indentation() + h->fontMetrics().horizontalAdvance(QStringLiteral("temperature")) + 8,
                 qPrintable(QString::number(h->sectionSize(AssetTreeModel::NameColumn))));
        QVERIFY(h->sectionSize(AssetTreeModel::ValueColumn) >= 80);
        for (QAction *a : h->actions()) {
            if (a->text() == source)
                a->trigger(); // hidden again
        }

        view.resize(700, 400);
        const QString updated = models.assetTree()->headerData(AssetTreeModel::UpdatedColumn, Qt::Horizontal).toString();
        QAction *toggle = nullptr;
        for (QAction *a : h->actions()) {
            if (a->text() == updated)
                toggle = a;
        }
        QVERIFY(toggle);
        toggle->trigger();
        QVERIFY(!h->isSectionHidden(AssetTreeModel::UpdatedColumn));
        QTRY_COMPARE(h->length(), tree->viewport()->width());
        QVERIFY(h->sectionSize(AssetTreeModel::UpdatedColumn) > h->fontMetrics().horizontalAdvance(updated));
        toggle->trigger();
        QTRY_COMPARE(h->length(), tree->viewport()->width());
        // "Fit columns to the view" comes after the column toggles.
        QCOMPARE(h->actions().last()->objectName(), QStringLiteral("fitColumnsAction"));
    }

    void filterNarrowsRows()
    {
        PlantModels models;
        AssetTreeView view(models.assetTree());
        QAbstractItemModelTester tester(view.treeView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        models.applyBatch(batch(twoHalls()));
        const QAbstractItemModel *m = view.treeView()->model();

        view.filterEdit()->setText(QStringLiteral("P-102"));
        QCOMPARE(m->rowCount(), 1);
        QVERIFY(path(m, {"Hall-B", "Pump", "P-102", "pressure"}).isValid()); // children of a match stay
        QVERIFY(!path(m, {"Hall-A"}).isValid());
        // Matches are opened up so the operator sees them without clicking.
        QVERIFY(view.treeView()->isExpanded(path(m, {"Hall-B", "Pump", "P-102"})));

        // Every word must appear in the row's path: location and attribute together.
        view.filterEdit()->setText(QStringLiteral("hall-a  PRESSURE"));
        QCOMPARE(m->rowCount(), 1);
        const QModelIndex pump = path(m, {"Hall-A", "Pump"});
        QVERIFY(pump.isValid());
        QVERIFY(!path(m, {"Hall-A", "Motor"}).isValid());
        const QModelIndex asset = path(m, {"Hall-A", "Pump", "P-101"});
        QCOMPARE(m->rowCount(asset), 1);
        QCOMPARE(m->index(0, 0, asset).data().toString(), QStringLiteral("pressure"));

        // A type name matches all its assets.
        view.filterEdit()->setText(QStringLiteral("motor"));
        QVERIFY(path(m, {"Hall-A", "Motor", "M-201", "current"}).isValid());
        QVERIFY(!path(m, {"Hall-A", "Pump"}).isValid());

        // Rows arriving while filtered are filtered too.
        models.applyBatch(batch({attributeEvent(QStringLiteral("Hall-C"), QStringLiteral("Motor"), QStringLiteral("M-301"),
                                                kT0, {{QStringLiteral("current"), 1.0, QStringLiteral("A")}}),
                                 attributeEvent(QStringLiteral("Hall-C"), QStringLiteral("Fan"), QStringLiteral("F-1"),
                                                kT0, {{QStringLiteral("speed"), 1.0, QStringLiteral("rpm")}})}));
        QVERIFY(path(m, {"Hall-C", "Motor", "M-301", "current"}).isValid());
        QVERIFY(!path(m, {"Hall-C", "Fan"}).isValid());
        QVERIFY(view.treeView()->isExpanded(path(m, {"Hall-C", "Motor", "M-301"})));

        view.filterEdit()->setText(QStringLiteral("no-such-thing"));
        QCOMPARE(m->rowCount(), 0);
        QVERIFY(view.isShowingEmptyState());
        QVERIFY(view.emptyStateText().contains(QStringLiteral("no-such-thing")));

        view.filterEdit()->clear();
        QCOMPARE(m->rowCount(), 3);
        QVERIFY(!view.isShowingEmptyState());
    }

    void doubleClickOnAttributeAsksToPlotIt()
    {
        PlantModels models;
        AssetTreeView view(models.assetTree());
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        models.applyBatch(batch(twoHalls()));
        QTreeView *tree = view.treeView();
        const QAbstractItemModel *m = tree->model();
        tree->expandAll();
        QSignalSpy activated(&view, &AssetTreeView::attributeActivated);

        const QModelIndex asset = path(m, {"Hall-A", "Pump", "P-101"});
        doubleClick(tree->viewport(), tree->visualRect(asset).center());
        QCOMPARE(activated.count(), 0); // an asset is not a curve
        tree->expandAll(); // the double-click folded it

        const QModelIndex speed = path(m, {"Hall-A", "Pump", "P-101", "speed"});
        doubleClick(tree->viewport(), tree->visualRect(speed).center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("Hall-A/Pump/P-101/speed"));

        // Keyboard: select and press Enter.
        const QModelIndex pressure = path(m, {"Hall-B", "Pump", "P-102", "pressure"});
        tree->setFocus();
        tree->setCurrentIndex(pressure);
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.at(1).at(0).toString(), QStringLiteral("Hall-B/Pump/P-102/pressure"));
    }

    void attributesDragAsAttributeKeys()
    {
        PlantModels models;
        AssetTreeView view(models.assetTree());
        models.applyBatch(batch(twoHalls()));
        const QAbstractItemModel *m = view.treeView()->model();
        QVERIFY(view.treeView()->dragEnabled());
        const QModelIndex speed = path(m, {"Hall-A", "Pump", "P-101", "speed"});
        QVERIFY(m->flags(speed) & Qt::ItemIsDragEnabled);
        std::unique_ptr<QMimeData> mime(m->mimeData({speed}));
        QVERIFY(mime);
        QCOMPARE(QString::fromUtf8(mime->data(QLatin1String(AssetTreeModel::kAttributeMimeType))),
                 QStringLiteral("Hall-A/Pump/P-101/speed"));
    }

    void outOfServiceAssetsAreMutedAndStaleAgesMarked()
    {
        PlantModels models;
        AssetTreeView view(models.assetTree());
        qint64 now = kT0 + 1000;
        view.filterModel()->setClock([&now] { return now; });
        models.applyBatch(batch(twoHalls()));
        const QAbstractItemModel *m = view.treeView()->model();

        const QModelIndex inactive = path(m, {"Hall-B", "Pump", "P-102"});
        QCOMPARE(inactive.data(Qt::ForegroundRole).value<QBrush>().color(), HmiStyle::mutedText());
        QVERIFY(inactive.data(Qt::FontRole).value<QFont>().italic());
        QCOMPARE(path(m, {"Hall-B", "Pump", "P-102", "pressure"}).data(Qt::ForegroundRole).value<QBrush>().color(),
                 HmiStyle::mutedText());
        const QModelIndex active = path(m, {"Hall-A", "Pump", "P-101"});
        QVERIFY(active.data(Qt::ForegroundRole).value<QBrush>().color() != HmiStyle::mutedText());

        const QModelIndex age = path(m, {"Hall-A", "Pump", "P-101", "pressure"}).siblingAtColumn(AssetTreeModel::AgeColumn);
        QVERIFY(age.data(Qt::ForegroundRole).value<QBrush>().color() != HmiStyle::staleText());
        now = kT0 + AssetTreeFilterModel::kStaleAfterMs + 5000;
        QCOMPARE(age.data(Qt::ForegroundRole).value<QBrush>().color(), HmiStyle::staleText());
        QVERIFY(age.data(Qt::ToolTipRole).toString().contains(QStringLiteral("stale")));
    }

    void agesRefreshOnceASecond()
    {
        PlantModels models;
        qint64 now = kT0 + 2000;
        models.assetTree()->setClock([&now] { return now; });
        AssetTreeView view(models.assetTree());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        models.applyBatch(batch(twoHalls()));
        QAbstractItemModel *m = view.treeView()->model();
        const QModelIndex age = path(m, {"Hall-A", "Pump", "P-101", "pressure"}).siblingAtColumn(AssetTreeModel::AgeColumn);
        QCOMPARE(age.data().toString(), QStringLiteral("2.0 s"));
        QSignalSpy changed(m, &QAbstractItemModel::dataChanged);
        now = kT0 + 45000;
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 2500);
        QCOMPARE(age.data().toString(), QStringLiteral("45 s"));
    }

    // Issue 11: under full ingest a batch lands every ~10 ms; the tree repaints the
    // changed values at most every 100 ms instead of after each batch, and the
    // newest value is on screen within that.
    void valueChangesRepaintPaced()
    {
        PlantModels models;
        models.assetTree()->setClock([] { return kT0 + 1000; });
        AssetTreeView view(models.assetTree());
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        models.applyBatch(batch(twoHalls()));
        QTreeView *tree = view.treeView();
        tree->expandAll();
        const QModelIndex pressure = path(tree->model(), {"Hall-A", "Pump", "P-101", "pressure"});
        QVERIFY(pressure.isValid());
        QTest::qWait(300); // first paints of the new rows done

        struct PaintLog : QObject
        {
            QList<QRegion> regions;
            bool eventFilter(QObject *, QEvent *e) override
            {
                if (e->type() == QEvent::Paint)
                    regions << static_cast<QPaintEvent *>(e)->region();
                return false;
            }
        } log;
        tree->viewport()->installEventFilter(&log);

        // 20 batches 5 ms apart, each a new pressure: 100 ms of ingest.
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 20; ++i) {
            models.applyBatch(batch({attributeEvent(QStringLiteral("Hall-A"), QStringLiteral("Pump"),
                                                    QStringLiteral("P-101"), kT0 + 1000 + i,
                                                    {{QStringLiteral("pressure"), 5.0 + i, QStringLiteral("bar")}})}));
            QTest::qWait(5);
        }
        const QRect valueCell = tree->visualRect(pressure.siblingAtColumn(AssetTreeModel::ValueColumn));
        // The last value reaches the screen within the pacing interval after the burst.
        QTRY_VERIFY_WITH_TIMEOUT(!log.regions.isEmpty() && log.regions.last().intersects(valueCell), 500);
        QTest::qWait(250);
        const qint64 ms = clock.elapsed();
        QVERIFY2(log.regions.size() <= 1 + ms / 100 + 1,
                 qPrintable(QStringLiteral("%1 paints in %2 ms").arg(log.regions.size()).arg(ms)));
        QCOMPARE(cell(pressure, AssetTreeModel::ValueColumn), QStringLiteral("24"));
    }
};

QTEST_MAIN(TestAssetTreeView)
#include "tst_asset_tree_view.moc"
