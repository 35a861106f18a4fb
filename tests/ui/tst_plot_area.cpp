// Live plots as an operator uses them: attributes added by double-click or drop,
// curves that grow with new batches, several plots, follow vs. a user zoom.

#include "asset_tree_filter_model.h"
#include "asset_tree_model.h"
#include "asset_tree_view.h"
#include "plant_models.h"
#include "plot_area.h"
#include "plot_panel.h"
#include "ui_test_plant.h"
#include "../bench/history_day.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <qcustomplot.h>

using namespace ndh;
using namespace ndhtest;

namespace {

constexpr qint64 kT0 = 1'700'000'000'000;
const QString kPressure = QStringLiteral("Hall-A/Pump/P-101/pressure");
const QString kSpeed = QStringLiteral("Hall-A/Pump/P-101/speed");

std::vector<double> graphKeys(const QCPGraph *graph)
{
    std::vector<double> keys;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        keys.push_back(it->key);
    return keys;
}

void feed(PlantModels &models, std::vector<PlantEvent> events)
{
    models.applyBatch(batch(std::move(events)));
}

void showAllDataAndFollow(PlotPanel *panel)
{
    panel->showAllData();
    panel->setFollowing(true);
}

void wheel(QCustomPlot *widget, int delta, Qt::KeyboardModifiers modifiers = {})
{
    widget->replot(); // lay out what the user would be looking at
    const QPointF pos = QPointF(widget->axisRect()->rect().center());
    QWheelEvent event(pos, widget->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

// A day of 1 Hz history for one pump (ndhbench::generateHistory): all but the last
// ten minutes loaded from Kafka into the history engine only, the last ten minutes
// live (live buffer and history). What a plot of its pressure must show.
struct Day
{
    QString key = QStringLiteral("SITE_0/Pump/PUMP_0/pressure");
    double first = 0, last = 0; // seconds
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    double liveMin = std::numeric_limits<double>::infinity();
    double liveMax = -std::numeric_limits<double>::infinity();
};

Day loadDay(PlantModels &models)
{
    constexpr int kSeconds = 86400;
    Day day;
    // Watched as a plot open all along would: the live part fills its buffer.
    models.series().watch(day.key);
    const qint64 t0 = ndhbench::generateHistory(ndhbench::kAttributesPerPump, kSeconds, [&](std::vector<PlantEvent> &events) {
        std::vector<PlantEvent> past;
        std::vector<PlantEvent> live;
        for (PlantEvent &e : events) {
            for (const AttributeSample &a : e.attributes) {
                if (a.name != QLatin1String("pressure"))
                    continue;
                const double v = std::get<double>(a.value);
                day.min = std::min(day.min, v);
                day.max = std::max(day.max, v);
            }
            (e.eventTimeMs < 1754217000000 + qint64(kSeconds - 600) * 1000 ? past : live).push_back(std::move(e));
        }
        if (!past.empty())
            models.applyHistoryBatch(batch(std::move(past)));
        if (!live.empty())
            models.applyBatch(batch(std::move(live)));
    });
    day.first = double(t0) / 1000.0;
    day.last = day.first + kSeconds - 1;
    const SeriesStore::Series *buffer = models.series().find(day.key);
    if (buffer) {
        for (double v : buffer->v) {
            day.liveMin = std::min(day.liveMin, v);
            day.liveMax = std::max(day.liveMax, v);
        }
    }
    return day;
}

// A shown plot of the day's pressure, following, one tick in; null if that fails.
PlotPanel *plotDay(PlotArea &area, const Day &day)
{
    PlotPanel *panel = area.addPlot();
    area.resize(900, 500);
    area.show();
    if (!QTest::qWaitForWindowExposed(&area) || !panel->addCurve(day.key))
        return nullptr;
    area.tick();
    return panel;
}

// The window box naming a span it does not show.
QString spanText(double seconds)
{
    return QStringLiteral("%1 h").arg(QLocale().toString(seconds / 3600.0, 'f', seconds < 9.95 * 3600 ? 1 : 0));
}

} // namespace

class TestPlotArea : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void emptyStatesTellWhatToDo()
    {
        PlantModels models;
        PlotArea area(&models);
        QVERIFY(area.isShowingEmptyState());
        QVERIFY(area.emptyStateText().contains(QStringLiteral("Ctrl+N")));
        PlotPanel *panel = area.addPlot();
        area.resize(800, 400);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        QVERIFY(!area.isShowingEmptyState());
        QVERIFY(panel->isShowingEmptyHint());
        // The empty plot still spans the panel, so the hint is readable.
        panel->plot()->replot();
        QVERIFY(panel->plot()->axisRect()->width() > panel->plot()->width() * 3 / 4);
        QCOMPARE(panel->emptyHintText(), QStringLiteral("Double-click or drag an attribute here to plot it"));
        feed(models, ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0, 3));
        QVERIFY(panel->addCurve(kPressure));
        QVERIFY(!panel->isShowingEmptyHint());
        QCOMPARE(panel->plot()->legend->itemCount(), 1);
        panel->plot()->replot();
        QVERIFY(panel->plot()->axisRect()->width() > panel->plot()->width() * 3 / 4);
        // The legend keeps its natural width at the left, not spread over the plot.
        QVERIFY(panel->plot()->legend->outerRect().width() < panel->plot()->width() / 2);
    }

    void doubleClickedAttributeIsPlottedAndGrows()
    {
        PlantModels models;
        AssetTreeView tree(models.assetTree());
        PlotArea area(&models);
        connect(&tree, &AssetTreeView::attributeActivated, &area, &PlotArea::addAttributeToCurrentPlot);
        PlotPanel *panel = area.addPlot();
        area.resize(900, 500);
        area.show();
        tree.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        QVERIFY(QTest::qWaitForWindowExposed(&tree));

        feed(models, ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0, 10, 4.0));
        tree.treeView()->expandAll();
        const QModelIndex source = models.assetTree()->indexForAttribute(kPressure);
        const QModelIndex row = tree.filterModel()->mapFromSource(source);
        doubleClick(tree.treeView()->viewport(), tree.treeView()->visualRect(row).center());

        QCOMPARE(panel->curveKeys(), QStringList{kPressure});
        QCOMPARE(panel->curveLabel(kPressure), QStringLiteral("P-101 / pressure [bar]"));
        QCPGraph *graph = panel->graphFor(kPressure);
        QVERIFY(graph);
        const SeriesStore::Series *series = models.series().find(kPressure);
        QCOMPARE(graph->data()->size(), 10);
        QCOMPARE(graphKeys(graph), series->t);
        QCOMPARE(graph->data()->at(9)->value, 13.0);
        QCOMPARE(graph->pen().width(), 1);
        QVERIFY(!graph->antialiased());

        // New batches extend the curve: only the new samples are copied, once.
        feed(models, ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0 + 10'000, 5, 14.0));
        area.tick();
        QCOMPARE(graph->data()->size(), 15);
        QCOMPARE(graphKeys(graph), series->t);
        area.tick(); // nothing new: nothing copied twice
        QCOMPARE(graph->data()->size(), 15);
        // ...and by the timer alone, too.
        feed(models, ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0 + 15'000, 1, 19.0));
        QTRY_COMPARE(graph->data()->size(), 16);

        // Same attribute twice is refused with a reason.
        QSignalSpy messages(&area, &PlotArea::message);
        QVERIFY(!area.addAttributeToCurrentPlot(kPressure));
        QCOMPARE(messages.count(), 1);
        QCOMPARE(panel->curveCount(), 1);
    }

    void nonNumericAttributeIsRefused()
    {
        PlantModels models;
        PlotArea area(&models);
        PlotPanel *panel = area.addPlot();
        feed(models, {attributeEvent("Hall-A", "Pump", "P-101", kT0, {{"status", QStringLiteral("running"), {}}})});
        QSignalSpy messages(panel, &PlotPanel::message);
        QVERIFY(!panel->addCurve(QStringLiteral("Hall-A/Pump/P-101/status")));
        QCOMPARE(panel->curveCount(), 0);
        QCOMPARE(messages.count(), 1);
        QVERIFY(messages.at(0).at(0).toString().contains(QStringLiteral("not a number")));
    }

    void droppedAttributesAreAdded()
    {
        PlantModels models;
        PlotArea area(&models);
        PlotPanel *panel = area.addPlot();
        area.resize(800, 400);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        auto events = ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0, 4);
        auto speed = ramp("Hall-A", "Pump", "P-101", "speed", "rpm", kT0, 6, 1000);
        events.insert(events.end(), speed.begin(), speed.end());
        feed(models, std::move(events));

        // The same mime data the tree produces when two attributes are dragged.
        AssetTreeModel *tree = models.assetTree();
        std::unique_ptr<QMimeData> mime(
            tree->mimeData({tree->indexForAttribute(kPressure), tree->indexForAttribute(kSpeed)}));
        QVERIFY(mime);
        const QPoint pos = panel->plot()->geometry().center();
        QDragEnterEvent enter(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, {});
        QApplication::sendEvent(panel, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(pos), Qt::CopyAction, mime.get(), Qt::LeftButton, {});
        QApplication::sendEvent(panel, &drop);
        QVERIFY(drop.isAccepted());

        QCOMPARE(panel->curveKeys(), (QStringList{kPressure, kSpeed}));
        QCOMPARE(panel->graphFor(kPressure)->data()->size(), 4);
        QCOMPARE(panel->graphFor(kSpeed)->data()->size(), 6);
        // Two units: each gets its own axis, labelled with the unit.
        QCOMPARE(panel->graphFor(kPressure)->valueAxis(), panel->plot()->yAxis);
        QCOMPARE(panel->graphFor(kSpeed)->valueAxis(), panel->plot()->yAxis2);
        QCOMPARE(panel->plot()->yAxis->label(), QStringLiteral("bar"));
        QCOMPARE(panel->plot()->yAxis2->label(), QStringLiteral("rpm"));
        QVERIFY(panel->plot()->yAxis2->visible());
        // Each axis wears the colour of its one curve.
        QCOMPARE(panel->plot()->yAxis->labelColor(), panel->graphFor(kPressure)->pen().color());
        QCOMPARE(panel->plot()->yAxis2->tickLabelColor(), panel->graphFor(kSpeed)->pen().color());
        // Distinct colours.
        QVERIFY(panel->graphFor(kPressure)->pen().color() != panel->graphFor(kSpeed)->pen().color());

        // Something that is not an attribute is not accepted.
        QMimeData text;
        text.setText(QStringLiteral("hello"));
        QDragEnterEvent other(pos, Qt::CopyAction, &text, Qt::LeftButton, {});
        other.setAccepted(false);
        QApplication::sendEvent(panel, &other);
        QVERIFY(!other.isAccepted());
    }

    void severalPlotsAndTheCurrentOne()
    {
        PlantModels models;
        PlotArea area(&models);
        area.resize(800, 700);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        auto events = ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0, 4);
        auto speed = ramp("Hall-A", "Pump", "P-101", "speed", "rpm", kT0, 4, 1000);
        events.insert(events.end(), speed.begin(), speed.end());
        feed(models, std::move(events));

        // No plot yet: a double-clicked attribute opens one.
        QVERIFY(area.addAttributeToCurrentPlot(kPressure));
        QCOMPARE(area.plots().size(), 1);
        PlotPanel *first = area.plots().at(0);
        PlotPanel *second = area.addPlot();
        QCOMPARE(area.plots().size(), 2);
        QCOMPARE(area.currentPlot(), second); // a new plot is where the next curve goes
        QVERIFY(second->isCurrent() && !first->isCurrent());

        // Clicking a plot makes it current.
        QTest::mouseClick(first->plot(), Qt::LeftButton, {}, first->plot()->rect().center());
        QCOMPARE(area.currentPlot(), first);
        QVERIFY(area.addAttributeToCurrentPlot(kSpeed));
        QCOMPARE(first->curveKeys(), (QStringList{kPressure, kSpeed}));
        QCOMPARE(second->curveCount(), 0);

        QTest::mouseClick(second->plot(), Qt::LeftButton, {}, second->plot()->rect().center());
        QVERIFY(area.addAttributeToCurrentPlot(kSpeed));
        QCOMPARE(second->curveKeys(), QStringList{kSpeed});

        // Close via the plot's own button.
        second->findChild<QAction *>(QStringLiteral("closeAction"))->trigger();
        QTRY_COMPARE(area.plots().size(), 1);
        QCOMPARE(area.currentPlot(), first);

        // Bounded number of plots.
        while (area.plots().size() < PlotArea::kMaxPlots)
            QVERIFY(area.addPlot());
        QSignalSpy messages(&area, &PlotArea::message);
        QVERIFY(!area.addPlot());
        QCOMPARE(messages.count(), 1);
    }

    // Issue 11: eight changed plots are not eight replots in one event-loop turn.
    // A frame replots at most as many as it is allowed, the longest-waiting first,
    // and a replot never paints the window synchronously (the plots reach the
    // screen with the window's next paint).
    void changedPlotsShareTheFrames()
    {
        PlantModels models;
        PlotArea area(&models);
        // The test steps the frames itself.
        const auto timers = area.findChildren<QTimer *>(QString(), Qt::FindDirectChildrenOnly);
        QCOMPARE(timers.size(), 1);
        timers.first()->stop();
        area.resize(800, 1200);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        QStringList keys;
        std::vector<PlantEvent> events;
        for (int p = 0; p < PlotArea::kMaxPlots; ++p) {
            const QString asset = QStringLiteral("P-%1").arg(p);
            auto e = ramp("Hall-A", "Pump", asset, "pressure", "bar", kT0, 4, 10.0 * p);
            events.insert(events.end(), e.begin(), e.end());
            keys << QStringLiteral("Hall-A/Pump/%1/pressure").arg(asset);
        }
        feed(models, std::move(events));
        QMap<QCustomPlot *, int> replots;
        for (int p = 0; p < PlotArea::kMaxPlots; ++p) {
            PlotPanel *panel = area.addPlot();
            QVERIFY(panel && panel->addCurve(keys[p]));
            connect(panel->plot(), &QCustomPlot::afterReplot, this, [&replots, plot = panel->plot()] { ++replots[plot]; });
        }
        area.tick();
        QTest::qWait(PlotArea::kMaxFollowReplotIntervalMs + 5); // every plot due again
        replots.clear();

        struct PaintCount : QObject
        {
            int paints = 0;
            bool eventFilter(QObject *, QEvent *e) override
            {
                paints += e->type() == QEvent::Paint;
                return false;
            }
        } paintCount;
        for (PlotPanel *panel : area.plots())
            panel->plot()->installEventFilter(&paintCount);

        // New samples for every curve: all eight plots need a replot.
        std::vector<PlantEvent> more;
        for (int p = 0; p < PlotArea::kMaxPlots; ++p) {
            auto e = ramp("Hall-A", "Pump", QStringLiteral("P-%1").arg(p), "pressure", "bar", kT0 + 4000, 2, 10.0 * p + 5);
            more.insert(more.end(), e.begin(), e.end());
        }
        feed(models, std::move(more));
        QCOMPARE(area.frame(2, 1000), 2);
        QCOMPARE(replots.size(), 2);
        QCOMPARE(paintCount.paints, 0); // drawn into the plots' buffers, painted later
        int frames = 1;
        while (replots.size() < PlotArea::kMaxPlots && frames < 10) {
            QCOMPARE(area.frame(2, 1000), 2);
            ++frames;
        }
        QCOMPARE(frames, PlotArea::kMaxPlots / 2);
        for (QCustomPlot *plot : replots.keys())
            QCOMPARE(replots.value(plot), 1); // each once: the longest-waiting went first
        // The window's next paint brings every replotted plot to the screen.
        QTRY_VERIFY(paintCount.paints >= PlotArea::kMaxPlots);
    }

    // A plot following live is replotted as often as its view moves a pixel column
    // (within 33-100 ms); paused, at the full rate.
    void followingPlotReplotsWhenItsViewMovesAPixel()
    {
        PlantModels models;
        PlotArea area(&models);
        area.resize(900, 400);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        feed(models, ramp("Hall-A", "Pump", "P-1", "pressure", "bar", kT0, 4));
        PlotPanel *panel = area.addPlot();
        QVERIFY(panel && panel->addCurve(QStringLiteral("Hall-A/Pump/P-1/pressure")));
        area.tick();
        const int width = panel->plot()->axisRect()->width();
        QVERIFY(width > 100);
        panel->setWindowSeconds(60);
        QCOMPARE(panel->msPerPixelFollowing(), 60000 / width);
        QCOMPARE(PlotArea::replotIntervalMs(panel),
                 std::clamp(60000 / width, PlotArea::kReplotIntervalMs, PlotArea::kMaxFollowReplotIntervalMs));
        panel->setWindowSeconds(900); // 15 minutes: far more than 100 ms a pixel
        QCOMPARE(PlotArea::replotIntervalMs(panel), PlotArea::kMaxFollowReplotIntervalMs);
        panel->setFollowing(false);
        QCOMPARE(panel->msPerPixelFollowing(), 0);
        QCOMPARE(PlotArea::replotIntervalMs(panel), PlotArea::kReplotIntervalMs);
    }

    // The live buffers of all plots share a memory budget (SeriesStore): a plot whose
    // curve lost old samples to it says so, muted, and Home shows all data.
    void droppedSamplesAreNotedAndHomeShowsAll()
    {
        PlantModels models;
        PlotArea area(&models);
        area.resize(900, 400);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        feed(models, ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0, 10));
        PlotPanel *panel = area.addPlot();
        QVERIFY(panel->addCurve(kPressure));
        area.tick();
        QVERIFY(!panel->isShowingDroppedNote());

        // A budget of 64 samples a series, then a series over it.
        models.series().setMemoryBudget(64 * 2 * sizeof(double));
        feed(models, ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0 + 10'000, 100, 50.0));
        area.tick();
        QVERIFY(models.series().droppedPoints() > 0);
        QVERIFY(panel->isShowingDroppedNote());
        auto *note = panel->findChild<QLabel *>(QStringLiteral("droppedLabel"));
        QVERIFY(note);
        QTRY_VERIFY(note->isVisible()); // once the toolbar lays itself out
        QCOMPARE(panel->droppedNoteText(), QStringLiteral("older samples dropped: memory budget"));
        QVERIFY(note->toolTip().contains(QStringLiteral("history store")));
        // A plot of an attribute that kept all its samples says nothing.
        PlotPanel *other = area.addPlot();
        feed(models, ramp("Hall-A", "Pump", "P-101", "speed", "rpm", kT0, 5));
        QVERIFY(other->addCurve(kSpeed));
        area.tick();
        QVERIFY(!other->isShowingDroppedNote());
        // Removing the curve takes the note away.
        panel->removeCurve(kPressure);
        QVERIFY(!panel->isShowingDroppedNote());

        // Home inside a plot: Show all data (pauses, spans the whole history).
        QVERIFY(other->isFollowing());
        QAction *showAll = other->findChild<QAction *>(QStringLiteral("showAllAction"));
        QVERIFY(showAll);
        QCOMPARE(showAll->shortcut(), QKeySequence(Qt::Key_Home));
        QCOMPARE(showAll->shortcutContext(), Qt::WidgetWithChildrenShortcut);
        area.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&area));
        other->plot()->setFocus();
        QTRY_VERIFY(other->plot()->hasFocus());
        QTest::keyClick(other->plot(), Qt::Key_Home);
        QVERIFY(!other->isFollowing());
        QVERIFY(other->plot()->xAxis->range().contains(double(kT0) / 1000.0));
    }

    void followTracksNewestDataAndUserZoomPauses()
    {
        PlantModels models;
        PlotArea area(&models);
        PlotPanel *panel = area.addPlot();
        area.resize(900, 500);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        QVERIFY(panel->isFollowing());
        QCOMPARE(panel->windowSeconds(), PlotPanel::kDefaultWindowSeconds);
        panel->setWindowSeconds(300);

        feed(models, ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0, 600)); // 10 minutes
        QVERIFY(panel->addCurve(kPressure));
        area.tick();
        const double newest = double(kT0) / 1000.0 + 599;
        QCPRange x = panel->plot()->xAxis->range();
        QVERIFY(x.contains(newest));
        QVERIFY(x.upper - newest < 0.05 * 300);
        QVERIFY(qAbs(x.size() - 300) < 1e-6);
        // Values scaled to what is visible (the last 5 minutes: ~300..599).
        const QCPRange y = panel->plot()->yAxis->range();
        QVERIFY(y.contains(590) && y.contains(310));
        QVERIFY(y.lower > 200);

        // New data moves the window.
        feed(models, ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0 + 600'000, 60, 600));
        area.tick();
        x = panel->plot()->xAxis->range();
        QVERIFY(x.contains(newest + 60));
        QVERIFY(!x.contains(newest - 250));

        // Window length choice applies at once.
        panel->setWindowSeconds(60);
        QVERIFY(qAbs(panel->plot()->xAxis->range().size() - 60) < 1e-6);
        QVERIFY(panel->isFollowing());

        // A wheel zoom is the operator taking over: follow pauses, the view stays.
        QSignalSpy following(panel, &PlotPanel::followingChanged);
        wheel(panel->plot(), 120);
        QVERIFY(!panel->isFollowing());
        QCOMPARE(following.count(), 1);
        auto *followAction = panel->findChild<QAction *>(QStringLiteral("followAction"));
        QVERIFY(!followAction->isChecked());
        const QCPRange zoomed = panel->plot()->xAxis->range();
        QVERIFY(zoomed.size() < 60);
        feed(models, ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0 + 660'000, 30, 660));
        area.tick();
        QCOMPARE(panel->plot()->xAxis->range(), zoomed);
        QCOMPARE(panel->graphFor(kPressure)->data()->size(), 690); // data still arrives

        // The follow button resumes and jumps to the newest data.
        followAction->trigger();
        QVERIFY(panel->isFollowing());
        QVERIFY(panel->plot()->xAxis->range().contains(double(kT0) / 1000.0 + 689));
        QVERIFY(qAbs(panel->plot()->xAxis->range().size() - 60) < 1e-6);

        // Space on the focused plot toggles too.
        panel->plot()->setFocus();
        QVERIFY(QTest::qWaitForWindowActive(&area));
        QTest::keyClick(panel->plot(), Qt::Key_Space);
        QVERIFY(!panel->isFollowing());
        QTest::keyClick(panel->plot(), Qt::Key_Space);
        QVERIFY(panel->isFollowing());
    }

    void shortHistoryFillsFromTheLeft()
    {
        PlantModels models;
        PlotArea area(&models);
        PlotPanel *panel = area.addPlot();
        area.resize(900, 500);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        feed(models, ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0, 10));
        QVERIFY(panel->addCurve(kPressure));
        area.tick();
        // 10 s of data in a 5 min window: drawn from the left edge, not squeezed right.
        panel->setWindowSeconds(300);
        const double oldest = double(kT0) / 1000.0;
        const QCPRange x = panel->plot()->xAxis->range();
        QVERIFY(x.contains(oldest) && x.contains(oldest + 9));
        QVERIFY(oldest - x.lower < 0.05 * 300);
        QVERIFY(qAbs(x.size() - 300) < 1e-6);
    }

    void curvesCanBeRemoved()
    {
        PlantModels models;
        PlotArea area(&models);
        PlotPanel *panel = area.addPlot();
        area.resize(900, 500);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        auto events = ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0, 4);
        auto speed = ramp("Hall-A", "Pump", "P-101", "speed", "rpm", kT0, 4, 1000);
        events.insert(events.end(), speed.begin(), speed.end());
        feed(models, std::move(events));
        QVERIFY(panel->addCurve(kPressure));
        QVERIFY(panel->addCurve(kSpeed));
        panel->plot()->replot();

        // Double-click on a legend entry removes that curve.
        QCPAbstractLegendItem *item = panel->plot()->legend->itemWithPlottable(panel->graphFor(kSpeed));
        QVERIFY(item);
        QTest::mouseDClick(panel->plot(), Qt::LeftButton, {}, item->outerRect().center());
        QTRY_COMPARE(panel->curveKeys(), QStringList{kPressure});
        QVERIFY(!panel->plot()->yAxis2->visible());

        // Clear removes the rest and brings the hint back.
        panel->findChild<QAction *>(QStringLiteral("clearAction"))->trigger();
        QCOMPARE(panel->curveCount(), 0);
        QCOMPARE(panel->plot()->graphCount(), 0);
        QVERIFY(panel->isShowingEmptyHint());
    }

    void pausedPlotZoomedOutToADayFitsItsValues()
    {
        PlantModels models;
        const Day day = loadDay(models);
        QVERIFY(models.series().find(day.key));
        QVERIFY(models.series().find(day.key)->t.size() <= 600); // the rest is history only
        PlotArea area(&models);
        PlotPanel *panel = plotDay(area, day);
        QVERIFY(panel);
        // Following the last minute: the values fit that minute, not the day.
        QCPRange y = panel->plot()->yAxis->range();
        QVERIFY(!(y.contains(day.min) && y.contains(day.max)));
        QVERIFY(panel->isAutoValueRange());

        // The operator zooms time out past a day: follow pauses, the day is drawn from
        // history, and the values axis fits what is now in view, spikes included.
        wheel(panel->plot(), -120 * 50);
        QVERIFY(!panel->isFollowing());
        area.tick();
        const QCPRange x = panel->plot()->xAxis->range();
        QVERIFY2(x.contains(day.first) && x.contains(day.last), qPrintable(QString::number(x.size())));
        QVERIFY(panel->isDrawingHistory(day.key));
        y = panel->plot()->yAxis->range();
        QVERIFY2(y.contains(day.min) && y.contains(day.max),
                 qPrintable(QStringLiteral("y %1..%2, data %3..%4").arg(y.lower).arg(y.upper).arg(day.min).arg(day.max)));
        QVERIFY(y.size() < 1.3 * (day.max - day.min)); // fitted, with a small margin
        QVERIFY(panel->isAutoValueRange());

        // Ctrl+wheel: the operator sets the values by hand; zooming time keeps them.
        wheel(panel->plot(), 120, Qt::ControlModifier);
        QVERIFY(!panel->isAutoValueRange());
        area.tick();
        const QCPRange manual = panel->plot()->yAxis->range();
        QVERIFY(manual.size() < y.size());
        wheel(panel->plot(), 120 * 10);
        area.tick();
        QVERIFY(panel->plot()->xAxis->range().size() < x.size());
        QCOMPARE(panel->plot()->yAxis->range(), manual);

        // Following again hands the values back to the plot: the last minute's fit.
        panel->setFollowing(true);
        area.tick();
        QVERIFY(panel->isAutoValueRange());
        QVERIFY(panel->plot()->yAxis->range() != manual);
        QVERIFY(panel->plot()->yAxis->range().size() < y.size());
    }

    void showAllDataSpansTheWholeHistory()
    {
        PlantModels models;
        const Day day = loadDay(models);
        PlotArea area(&models);
        PlotPanel *panel = plotDay(area, day);
        QVERIFY(panel);
        auto *showAll = panel->findChild<QAction *>(QStringLiteral("showAllAction"));
        QVERIFY(showAll);
        showAll->trigger();
        area.tick();
        QVERIFY(!panel->isFollowing());
        // First to last sample the history engine holds, not just the live buffer's
        // ten minutes, with only a little room either side.
        const QCPRange x = panel->plot()->xAxis->range();
        QVERIFY(x.contains(day.first) && x.contains(day.last));
        QVERIFY2(x.size() < 1.1 * (day.last - day.first), qPrintable(QString::number(x.size())));
        QVERIFY(panel->isDrawingHistory(day.key));
        const auto data = panel->graphFor(day.key)->data();
        QVERIFY(data->size() <= 2 * panel->plot()->axisRect()->width()); // min/max columns
        // Drawn from the first pixel column of the day to the last (each column's
        // points are its min and max, not its edges).
        const double column = x.size() / panel->plot()->axisRect()->width();
        QVERIFY(data->constBegin()->key >= day.first && data->constBegin()->key <= day.first + column);
        QVERIFY((data->constEnd() - 1)->key <= day.last && (data->constEnd() - 1)->key >= day.last - column);
        // ...with the values of the whole day in view.
        const QCPRange y = panel->plot()->yAxis->range();
        QVERIFY(day.min < day.liveMin || day.max > day.liveMax); // the buffer alone would clip
        QVERIFY(y.contains(day.min) && y.contains(day.max));
        QVERIFY(y.size() < 1.3 * (day.max - day.min));

        // A value zoom by hand is undone by showing all again.
        wheel(panel->plot(), 240, Qt::ControlModifier);
        QVERIFY(!panel->isAutoValueRange());
        showAll->trigger();
        QVERIFY(panel->isAutoValueRange());
        QCOMPARE(panel->plot()->yAxis->range(), y);
    }

    void windowBoxNamesTheSpanShown()
    {
        PlantModels models;
        const Day day = loadDay(models);
        PlotArea area(&models);
        PlotPanel *panel = plotDay(area, day);
        QVERIFY(panel);
        auto *combo = panel->findChild<QComboBox *>(QStringLiteral("windowCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->currentText(), QStringLiteral("1 min"));
        QCOMPARE(combo->count(), int(PlotPanel::windowChoices().size()));

        // A day shown: the box says so, not "1 min".
        panel->findChild<QAction *>(QStringLiteral("showAllAction"))->trigger();
        area.tick();
        const double span = panel->plot()->xAxis->range().size();
        QVERIFY(span > 86400);
        QCOMPARE(combo->currentText(), spanText(span));
        QCOMPARE(panel->windowText(), combo->currentText());
        QCOMPARE(panel->windowSeconds(), 60); // still the length following returns to

        // Zooming time updates it as it goes; a user zoom to a few minutes reads in minutes.
        wheel(panel->plot(), 120 * 40);
        const double zoomed = panel->plot()->xAxis->range().size();
        QVERIFY(zoomed < 2 * 3600);
        QCOMPARE(combo->currentText(),
                 QStringLiteral("%1 min").arg(QLocale().toString(zoomed / 60.0, 'f', zoomed < 9.95 * 60 ? 1 : 0)));

        // Choosing a length shows it, and the span entry goes away.
        combo->setCurrentIndex(int(PlotPanel::windowChoices().indexOf(300)));
        QCOMPARE(panel->plot()->xAxis->range().size(), 300.0);
        QCOMPARE(combo->currentText(), QStringLiteral("5 min"));
        QCOMPARE(combo->count(), int(PlotPanel::windowChoices().size()));

        // Following again: the chosen window, named as such.
        showAllDataAndFollow(panel);
        area.tick();
        QCOMPARE(combo->currentText(), QStringLiteral("5 min"));
        QVERIFY(qAbs(panel->plot()->xAxis->range().size() - 300) < 1e-6);
    }

    void stateRoundTrips()
    {
        PlantModels models;
        PlotArea area(&models);
        feed(models, ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0, 4));
        area.addPlot()->addCurve(kPressure);
        area.addPlot()->setWindowSeconds(900);
        const QVariantMap state = area.saveState();

        PlotArea restored(&models);
        restored.restoreState(state);
        QCOMPARE(restored.plots().size(), 2);
        QCOMPARE(restored.plots().at(0)->curveKeys(), QStringList{kPressure});
        QCOMPARE(restored.plots().at(0)->graphFor(kPressure)->data()->size(), 4);
        QCOMPARE(restored.plots().at(1)->windowSeconds(), 900);
    }
};

QTEST_MAIN(TestPlotArea)
#include "tst_plot_area.moc"
