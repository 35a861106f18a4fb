#include "plot_panel.h"

#include "asset_tree_model.h"
#include "hmi_style.h"
#include "plant_models.h"
#include "time_cursor.h"

#include <QAction>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QElapsedTimer>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QToolBar>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ndh {

namespace {

// Room right of the newest sample so it is not drawn on the frame.
constexpr double kFollowHeadroom = 0.02;
// Vertical breathing space around the data when the plot scales itself.
constexpr double kValueMargin = 0.08;
// Legend entries per row above the plot before wrapping.
constexpr int kLegendColumns = 3;

void styleAxis(QCPAxis *axis)
{
    const QColor c = HmiStyle::plotAxis();
    axis->setBasePen(QPen(c, 1));
    axis->setTickPen(QPen(c, 1));
    axis->setSubTickPen(QPen(c, 1));
    axis->setTickLabelColor(c);
    axis->setLabelColor(c);
    axis->grid()->setPen(QPen(HmiStyle::plotGrid(), 1, Qt::DotLine));
    axis->grid()->setZeroLinePen(Qt::NoPen);
    axis->grid()->setSubGridVisible(false);
}

} // namespace

// What the time slider adds to a plot: the cursor line, the value suffixes in the
// legend, and per curve the live buffer kept aside while the graph draws history.
struct PlotPanel::HistoryView
{
    QCPItemStraightLine *cursor = nullptr;
    QHash<const QCPGraph *, QSharedPointer<QCPGraphDataContainer>> live; // set while drawing history
    QHash<const QCPGraph *, QSharedPointer<QCPGraphDataContainer>> past;
    QHash<const QCPGraph *, QString> suffix;
    // What the history data was decimated for: redone when any of it changes.
    double lower = 0, upper = 0;
    int width = 0;
    size_t samples = 0;
    QElapsedTimer sinceDecimated;
    bool cursorDirty = true;
    bool live_ = true;
    qint64 shownMs = 0;
};

namespace {
// More live points in [lower, upper] than a few per pixel column.
bool denseInRange(const SeriesStore::Series &s, double lower, double upper, int width)
{
    const auto from = std::lower_bound(s.t.begin(), s.t.end(), lower);
    const auto to = std::upper_bound(from, s.t.end(), upper);
    return to - from > 4 * std::ptrdiff_t(width);
}

// The container the live path appends to: the graph's own, or the one put aside
// while the graph shows history.
QCPGraphDataContainer *liveDataOf(const QHash<const QCPGraph *, QSharedPointer<QCPGraphDataContainer>> &aside,
                                  QCPGraph *graph)
{
    const auto it = aside.constFind(graph);
    return it != aside.constEnd() ? it->data() : graph->data().data();
}
} // namespace

PlotPanel::PlotPanel(PlantModels *models, QWidget *parent)
    : QFrame(parent)
    , m_models(models)
    , m_toolBar(new QToolBar(this))
    , m_followAction(new QAction(HmiStyle::icon(QStringLiteral("follow")), tr("Follow"), this))
    , m_clearAction(new QAction(HmiStyle::icon(QStringLiteral("clear")), tr("Clear"), this))
    , m_closeAction(new QAction(HmiStyle::icon(QStringLiteral("close")), tr("Close plot"), this))
    , m_showAllAction(new QAction(tr("Show all data"), this))
    , m_windowCombo(new QComboBox(this))
    , m_pausedLabel(new QLabel(this))
    , m_droppedLabel(new QLabel(this))
    , m_plot(new QCustomPlot(this))
    , m_hint(nullptr)
{
    setObjectName(QStringLiteral("plotPanel"));
    setAcceptDrops(true);
    setMinimumHeight(140);

    // --- toolbar -------------------------------------------------------------
    m_toolBar->setObjectName(QStringLiteral("plotToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setFloatable(false);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_followAction->setObjectName(QStringLiteral("followAction"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    m_followAction->setShortcut(Qt::Key_Space);
    m_followAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_followAction->setToolTip(tr("Follow the newest data (Space).\n"
                                  "Dragging or zooming the plot pauses it; this resumes."));
    connect(m_followAction, &QAction::toggled, this, &PlotPanel::setFollowing);
    addAction(m_followAction); // the Space shortcut works anywhere inside this plot
    m_toolBar->addAction(m_followAction);

    auto *windowLabel = new QLabel(tr("Window:"), this);
    m_toolBar->addWidget(windowLabel);
    for (int seconds : windowChoices()) {
        const QString text = seconds < 3600 ? tr("%1 min").arg(seconds / 60) : tr("%1 h").arg(seconds / 3600);
        m_windowCombo->addItem(text, seconds);
    }
    m_windowCombo->setObjectName(QStringLiteral("windowCombo"));
    m_windowCombo->setToolTip(tr("Length of time shown while following"));
    m_windowCombo->setFocusPolicy(Qt::NoFocus); // keep Space for follow/pause
    m_windowCombo->setCurrentIndex(int(windowChoices().indexOf(m_windowSeconds)));
    connect(m_windowCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && m_windowCombo->itemData(index).toInt() > 0) // not the shown-span entry
            setWindowSeconds(m_windowCombo->itemData(index).toInt());
    });
    m_toolBar->addWidget(m_windowCombo);

    m_clearAction->setObjectName(QStringLiteral("clearAction"));
    m_clearAction->setToolTip(tr("Remove every curve from this plot"));
    connect(m_clearAction, &QAction::triggered, this, &PlotPanel::clearCurves);
    m_toolBar->addAction(m_clearAction);

    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_pausedLabel->setObjectName(QStringLiteral("pausedLabel"));
    m_pausedLabel->setTextFormat(Qt::PlainText);
    QFont bold = m_pausedLabel->font();
    bold.setBold(true);
    m_pausedLabel->setFont(bold);
    m_toolBar->addWidget(m_pausedLabel);
    m_droppedLabel->setObjectName(QStringLiteral("droppedLabel"));
    m_droppedLabel->setTextFormat(Qt::PlainText);
    m_droppedLabel->setText(tr("older samples dropped: memory budget"));
    m_droppedLabel->setToolTip(tr("The live buffers of all plots share a memory budget; this plot's oldest live "
                                  "samples were dropped to stay within it.\nZooming or panning back draws them "
                                  "from the history store."));
    QPalette mutedPalette = m_droppedLabel->palette();
    mutedPalette.setColor(QPalette::WindowText, HmiStyle::mutedText());
    m_droppedLabel->setPalette(mutedPalette);
    m_droppedLabel->setContentsMargins(6, 0, 6, 0);
    m_droppedNote = m_toolBar->addWidget(m_droppedLabel);
    m_droppedNote->setVisible(false);

    m_closeAction->setObjectName(QStringLiteral("closeAction"));
    m_closeAction->setToolTip(tr("Close this plot"));
    connect(m_closeAction, &QAction::triggered, this, [this] { emit closeRequested(this); });
    m_toolBar->addAction(m_closeAction);

    m_showAllAction->setObjectName(QStringLiteral("showAllAction"));
    // Home: back to everything there is, as in most chart tools; inside this plot only,
    // like Space.
    m_showAllAction->setShortcut(Qt::Key_Home);
    m_showAllAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_showAllAction->setToolTip(tr("Pause and show everything known of these curves (Home)"));
    addAction(m_showAllAction);
    connect(m_showAllAction, &QAction::triggered, this, &PlotPanel::showAllData);

    // --- plot ----------------------------------------------------------------
    m_plot->setObjectName(QStringLiteral("plot"));
    m_plot->setFocusPolicy(Qt::ClickFocus);
    m_plot->setBackground(HmiStyle::plotBackground());
    // Dense live series: no antialiasing on lines and grid, fast polylines; text
    // stays smooth (Qt antialiases glyphs regardless).
    m_plot->setNotAntialiasedElements(QCP::aePlottables | QCP::aeGrid | QCP::aeAxes | QCP::aeSubGrid
                                      | QCP::aeZeroLine);
    m_plot->setPlottingHint(QCP::phFastPolylines, true);
    m_plot->setPlottingHint(QCP::phCacheLabels, true);
    // QCustomPlot's default repaints the widget inside every replot(), and a repaint
    // paints everything dirty in the window: eight plots were eight window paints
    // per frame. Replots now mark the widget for the window's next paint.
    m_plot->setPlottingHint(QCP::phImmediateRefresh, false);
    m_plot->setNoAntialiasingOnDrag(true);

    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::LocalTime);
    ticker->setDateTimeFormat(QStringLiteral("HH:mm:ss"));
    ticker->setTickCount(6);
    m_plot->xAxis->setTicker(ticker);
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2})
        styleAxis(axis);
    m_plot->yAxis2->setVisible(false);
    m_plot->yAxis2->grid()->setVisible(false);
    m_plot->xAxis2->setVisible(false);

    // The legend sits in its own row above the axes: inside them it would hide the
    // newest samples (right) or the first ones of a filling strip chart (left).
    // Always visible: an empty legend is only a few pixels high.
    QCPLegend *legend = m_plot->legend;
    legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->take(legend);
    m_plot->axisRect()->insetLayout()->simplify();
    // Row 0 holds the legend at its natural width and a spacer for the rest: a
    // grid column is only as wide as its narrowest maximum, and an empty legend's
    // maximum is a few pixels, which would squeeze the axes below it to a sliver.
    auto *legendRow = new QCPLayoutGrid;
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, legendRow);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->plotLayout()->setRowSpacing(0);
    legendRow->addElement(0, 0, legend);
    legendRow->addElement(0, 1, new QCPLayoutElement(m_plot));
    legendRow->setColumnStretchFactor(0, 0.001);
    legendRow->setColumnSpacing(0);
    legendRow->setMargins(QMargins(0, 0, 0, 0));
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setWrap(kLegendColumns);
    legend->setMargins(QMargins(4, 4, 4, 0));
    legend->setFont(font());
    legend->setBrush(Qt::NoBrush);
    legend->setBorderPen(Qt::NoPen);
    legend->setIconSize(22, 10);
    legend->setColumnSpacing(18);
    legend->setRowSpacing(0);
    legend->setLayer(QStringLiteral("legend"));

    m_hint = new QCPItemText(m_plot);
    m_hint->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_hint->position->setCoords(0.5, 0.5);
    m_hint->setPositionAlignment(Qt::AlignCenter);
    m_hint->setText(tr("Double-click or drag an attribute here to plot it"));
    m_hint->setColor(HmiStyle::mutedText());
    QFont hintFont = font();
    hintFont.setPointSizeF(hintFont.pointSizeF() + 2);
    m_hint->setFont(hintFont);

    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    QCPAxisRect *rect = m_plot->axisRect();
    rect->setRangeDragAxes({m_plot->xAxis}, {m_plot->yAxis, m_plot->yAxis2});
    rect->setRangeZoomAxes({m_plot->xAxis}, {m_plot->yAxis, m_plot->yAxis2});
    rect->setRangeZoom(Qt::Horizontal);
    // The wheel zooms time; Ctrl+wheel zooms values. QCustomPlot emits mouseWheel
    // before it zooms, so the orientation is set in time.
    connect(m_plot, &QCustomPlot::mouseWheel, this, [rect](QWheelEvent *event) {
        rect->setRangeZoom(event->modifiers() & Qt::ControlModifier ? Qt::Vertical : Qt::Horizontal);
    });
    // Dragging pans time; it pans values too once the operator has zoomed them.
    rect->setRangeDrag(Qt::Horizontal);
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2}) {
        connect(axis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
                [this, axis] { onRangeChangedByAnyone(axis); });
    }
    connect(m_plot, &QCustomPlot::legendDoubleClick, this,
            [this](QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *) {
                if (auto *pli = qobject_cast<QCPPlottableLegendItem *>(item)) {
                    // Deferred: QCustomPlot still holds the legend item while it
                    // delivers this signal, and removing the curve deletes it.
                    if (Curve *c = curveFor(qobject_cast<QCPGraph *>(pli->plottable()))) {
                        QMetaObject::invokeMethod(this, [this, key = c->key] { removeCurve(key); },
                                                  Qt::QueuedConnection);
                    }
                }
            });
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QCustomPlot::customContextMenuRequested, this, &PlotPanel::showContextMenu);
    m_plot->installEventFilter(this);
    m_plot->setToolTip(tr("Drag to pan, wheel to zoom time, Ctrl+wheel to zoom values.\n"
                          "Double-click a legend entry to remove its curve."));

    // The plant's newest event (offline: the log's end), today's clock before any.
    const double now = double(m_models->timeCursor()->lastMs()) / 1000.0;
    ++m_settingRange;
    m_plot->xAxis->setRange(now - m_windowSeconds, now);
    m_plot->yAxis->setRange(0, 1);
    --m_settingRange;

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(3, 3, 3, 3);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_plot, 1);
    setFocusProxy(m_plot);

    updateTimeFormat();
    updatePausedLabel();
    updateLegendAndHint();
    setUpTimeCursor();
}

PlotPanel::~PlotPanel()
{
    unwatchCurves();
}

void PlotPanel::unwatchCurves()
{
    if (!m_models) // the models went first (a test's order of destruction)
        return;
    for (const Curve &c : m_curves)
        m_models->series().unwatch(c.key);
}

QList<int> PlotPanel::windowChoices()
{
    return {60, 300, 900, 3600};
}

QStringList PlotPanel::attributeKeysFromMime(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(QLatin1String(AssetTreeModel::kAttributeMimeType)))
        return {};
    const QString text = QString::fromUtf8(mime->data(QLatin1String(AssetTreeModel::kAttributeMimeType)));
    QStringList keys;
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        const QString key = line.trimmed();
        if (!key.isEmpty() && !keys.contains(key))
            keys << key;
    }
    return keys;
}

QString PlotPanel::labelFor(const QString &key, QString *unit) const
{
    const QModelIndex index = m_models->assetTree()->indexForAttribute(key);
    QString asset;
    QString attribute;
    QString u;
    if (index.isValid()) {
        attribute = index.data().toString();
        asset = index.parent().data().toString();
        u = index.siblingAtColumn(AssetTreeModel::UnitColumn).data().toString();
    } else {
        // Not in the tree yet (a restored plot before its first event): the key
        // ends in ".../asset/attribute".
        attribute = key.section(u'/', -1);
        asset = key.section(u'/', -2, -2);
    }
    if (unit)
        *unit = u;
    return u.isEmpty() ? tr("%1 / %2").arg(asset, attribute) : tr("%1 / %2 [%3]").arg(asset, attribute, u);
}

int PlotPanel::freeColorIndex() const
{
    for (int i = 0; i < HmiStyle::curveColorCount(); ++i) {
        const bool used = std::any_of(m_curves.begin(), m_curves.end(),
                                      [i](const Curve &c) { return c.colorIndex == i; });
        if (!used)
            return i;
    }
    return int(m_curves.size());
}

bool PlotPanel::addCurve(const QString &attributeKey)
{
    if (attributeKey.isEmpty())
        return false;
    if (graphFor(attributeKey)) {
        emit message(tr("%1 is already on this plot.").arg(labelFor(attributeKey, nullptr)));
        return false;
    }
    if (curveCount() >= kMaxCurves) {
        emit message(tr("A plot shows at most %1 curves; open another plot with Ctrl+N.").arg(kMaxCurves));
        return false;
    }
    const QModelIndex index = m_models->assetTree()->indexForAttribute(attributeKey);
    // The tree and the series store are fed from the same batch, so an attribute the
    // tree knows but the store does not has never carried a number.
    if (index.isValid() && !m_models->series().carriesNumbers(attributeKey)) {
        emit message(tr("%1 is not a number and cannot be plotted.").arg(labelFor(attributeKey, nullptr)));
        return false;
    }

    Curve curve;
    curve.key = attributeKey;
    curve.colorIndex = freeColorIndex();
    curve.graph = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
    QPen pen(HmiStyle::curveColor(curve.colorIndex), 1);
    pen.setCosmetic(true);
    curve.graph->setPen(pen);
    curve.graph->setAntialiased(false);
    curve.graph->setLineStyle(QCPGraph::lsLine);
    curve.graph->setAdaptiveSampling(true);
    curve.graph->setName(labelFor(attributeKey, &curve.unit));
    m_curves.push_back(curve);
    // From now on the store keeps its samples, starting from the newest in history.
    m_models->series().watch(attributeKey, &m_models->history());

    assignAxes();
    pullNewData();
    if (m_following)
        applyFollow();
    updateLegendAndHint();
    m_dirty = true;
    return true;
}

bool PlotPanel::removeCurve(const QString &attributeKey)
{
    const auto it = std::find_if(m_curves.begin(), m_curves.end(),
                                 [&](const Curve &c) { return c.key == attributeKey; });
    if (it == m_curves.end())
        return false;
    m_historyView->live.remove(it->graph); // a later graph may get the same address
    m_historyView->past.remove(it->graph);
    m_historyView->suffix.remove(it->graph);
    m_plot->removeGraph(it->graph);
    m_curves.erase(it);
    m_models->series().unwatch(attributeKey);
    assignAxes();
    updateLegendAndHint();
    m_dirty = true;
    return true;
}

void PlotPanel::clearCurves()
{
    m_historyView->live.clear();
    m_historyView->past.clear();
    m_historyView->suffix.clear();
    m_plot->clearGraphs();
    unwatchCurves();
    m_curves.clear();
    assignAxes();
    updateLegendAndHint();
    m_dirty = true;
}

QStringList PlotPanel::curveKeys() const
{
    QStringList keys;
    for (const Curve &c : m_curves)
        keys << c.key;
    return keys;
}

QString PlotPanel::curveLabel(const QString &attributeKey) const
{
    const QCPGraph *graph = graphFor(attributeKey);
    return graph ? graph->name() : QString();
}

QCPGraph *PlotPanel::graphFor(const QString &attributeKey) const
{
    for (const Curve &c : m_curves) {
        if (c.key == attributeKey)
            return c.graph;
    }
    return nullptr;
}

PlotPanel::Curve *PlotPanel::curveFor(const QCPGraph *graph)
{
    for (Curve &c : m_curves) {
        if (c.graph == graph)
            return &c;
    }
    return nullptr;
}

bool PlotPanel::pullNewData()
{
    const SeriesStore &store = m_models->series();
    bool appended = false;
    bool relabelled = false;
    for (Curve &c : m_curves) {
        if (c.unit.isEmpty()) {
            // The unit may arrive after the first value (a later snapshot).
            const QString label = labelFor(c.key, &c.unit) + legendSuffix(c.graph);
            if (label != c.graph->name()) {
                c.graph->setName(label);
                relabelled = true;
            }
        }
        const SeriesStore::Series *s = store.find(c.key);
        if (!s)
            continue;
        if (s->endIndex() < c.nextIndex) {
            // The store was cleared and refilled: start over from what it has.
            liveDataOf(m_historyView->live, c.graph)->clear();
            c.nextIndex = 0;
        }
        if (s->endIndex() == c.nextIndex)
            continue;
        // The live buffer, also while the graph draws history instead.
        QCPGraphDataContainer *data = liveDataOf(m_historyView->live, c.graph);
        const quint64 from = std::max(c.nextIndex, s->firstIndex);
        const size_t begin = size_t(from - s->firstIndex);
        QVector<QCPGraphData> points;
        points.reserve(qsizetype(s->t.size() - begin));
        for (size_t i = begin; i < s->t.size(); ++i)
            points.append(QCPGraphData(s->t[i], s->v[i]));
        // Records from several partitions can arrive slightly out of time order.
        const bool sorted = std::is_sorted(points.cbegin(), points.cend(), qcpLessThanSortKey<QCPGraphData>);
        data->add(points, sorted);
        c.nextIndex = s->endIndex();
        // Mirror the store's bound so a plot never holds more than the store.
        if (size_t(data->size()) > s->t.size() && !s->t.empty())
            data->removeBefore(*std::min_element(s->t.cbegin(), s->t.cend()));
        appended = true;
    }
    if (relabelled)
        assignAxes();
    if (appended || relabelled)
        m_dirty = true;
    if (appended)
        updateDroppedNote();
    return appended;
}

void PlotPanel::assignAxes()
{
    // The first unit gets the left axis, a second unit the right one; a third unit
    // shares the left axis (its label then lists both).
    QStringList leftUnits;
    QStringList rightUnits;
    bool leftUsed = false;
    bool rightUsed = false;
    QString leftUnit;
    QString rightUnit;
    for (Curve &c : m_curves) {
        QCPAxis *axis = m_plot->yAxis;
        if (!leftUsed || c.unit == leftUnit) {
            leftUsed = true;
            leftUnit = c.unit;
        } else if (!rightUsed || c.unit == rightUnit) {
            rightUsed = true;
            rightUnit = c.unit;
            axis = m_plot->yAxis2;
        }
        if (c.graph->valueAxis() != axis)
            c.graph->setValueAxis(axis);
        QStringList &units = axis == m_plot->yAxis ? leftUnits : rightUnits;
        if (!c.unit.isEmpty() && !units.contains(c.unit))
            units << c.unit;
    }
    m_plot->yAxis->setLabel(leftUnits.join(QStringLiteral(", ")));
    m_plot->yAxis2->setLabel(rightUnits.join(QStringLiteral(", ")));
    m_plot->yAxis2->setVisible(rightUsed);
    // With two axes, an axis that carries one curve wears that curve's colour, so
    // the reader knows which scale belongs to which line.
    for (QCPAxis *axis : {m_plot->yAxis, m_plot->yAxis2}) {
        const QCPGraph *only = nullptr;
        int count = 0;
        for (const Curve &c : m_curves) {
            if (c.graph->valueAxis() == axis) {
                only = c.graph;
                ++count;
            }
        }
        const QColor color = rightUsed && count == 1 ? only->pen().color() : HmiStyle::plotAxis();
        axis->setLabelColor(color);
        axis->setTickLabelColor(color);
    }
    if (m_following)
        rescaleValueAxes();
}

void PlotPanel::updateLegendAndHint()
{
    const bool empty = m_curves.empty();
    m_hint->setVisible(empty);
    m_clearAction->setEnabled(!empty);
    updateDroppedNote();
}

bool PlotPanel::isShowingEmptyHint() const
{
    return m_hint->visible();
}

QString PlotPanel::emptyHintText() const
{
    return m_hint->text();
}

void PlotPanel::setFollowing(bool follow)
{
    if (follow == m_following)
        return;
    m_following = follow;
    m_followAction->setChecked(follow);
    if (follow) {
        setAutoValueRange(true);
        applyFollow();
    }
    updatePausedLabel();
    m_dirty = true;
    emit followingChanged(follow);
}

void PlotPanel::setWindowSeconds(int seconds)
{
    if (seconds <= 0)
        return;
    m_windowSeconds = seconds;
    const int comboIndex = m_windowCombo->findData(seconds);
    if (comboIndex >= 0 && comboIndex != m_windowCombo->currentIndex()) {
        const QSignalBlocker block(m_windowCombo);
        m_windowCombo->setCurrentIndex(comboIndex);
    }
    if (m_following) {
        applyFollow();
    } else {
        ++m_settingRange;
        const double upper = m_plot->xAxis->range().upper;
        m_plot->xAxis->setRange(upper - seconds, upper);
        --m_settingRange;
    }
    m_dirty = true;
}

void PlotPanel::applyFollow()
{
    if (followCursor())
        return;
    double newest = -std::numeric_limits<double>::infinity();
    double oldest = std::numeric_limits<double>::infinity();
    for (const Curve &c : m_curves) {
        const QCPGraphDataContainer *data = liveDataOf(m_historyView->live, c.graph); // not history drawn
        if (!data->isEmpty()) {
            newest = std::max(newest, (data->constEnd() - 1)->key);
            oldest = std::min(oldest, data->constBegin()->key);
        }
    }
    if (!std::isfinite(newest)) {
        // No curve data (an empty plot): end at the plant's newest event, which for
        // an opened log is its end, not today's clock.
        if (m_models->history().isEmpty())
            return;
        const double last = double(m_models->timeCursor()->lastMs()) / 1000.0;
        const double upper = last + kFollowHeadroom * m_windowSeconds;
        if (m_plot->xAxis->range().upper != upper) {
            ++m_settingRange;
            m_plot->xAxis->setRange(upper - m_windowSeconds, upper);
            --m_settingRange;
            m_dirty = true;
        }
        return;
    }
    // A strip chart: while there is less data than the window, it fills from the
    // left instead of sitting squeezed against the right edge.
    double upper = newest + kFollowHeadroom * m_windowSeconds;
    if (newest - oldest < (1.0 - 2 * kFollowHeadroom) * m_windowSeconds)
        upper = oldest - kFollowHeadroom * m_windowSeconds + m_windowSeconds;
    ++m_settingRange;
    m_plot->xAxis->setRange(upper - m_windowSeconds, upper);
    rescaleValueAxes();
    --m_settingRange;
    m_dirty = true;
}

void PlotPanel::rescaleValueAxes()
{
    ++m_settingRange;
    const QCPRange keys = m_plot->xAxis->range();
    for (QCPAxis *axis : {m_plot->yAxis, m_plot->yAxis2}) {
        QCPRange total;
        bool any = false;
        for (const Curve &c : m_curves) {
            if (c.graph->valueAxis() != axis)
                continue;
            bool found = false;
            const QCPRange r = c.graph->getValueRange(found, QCP::sdBoth, keys);
            if (!found)
                continue;
            if (any)
                total.expand(r);
            else
                total = r;
            any = true;
        }
        if (!any)
            continue;
        double pad = total.size() * kValueMargin;
        if (pad <= 0) // a flat line: centre it instead of dividing by zero range
            pad = std::max(std::abs(total.center()) * 0.05, 0.5);
        axis->setRange(total.lower - pad, total.upper + pad);
    }
    --m_settingRange;
}

void PlotPanel::onRangeChangedByAnyone(QCPAxis *axis)
{
    if (axis == m_plot->xAxis) {
        updateTimeFormat();
        updateWindowCombo();
    }
    // Only the operator moves the axes when the panel is not: that pauses follow so
    // the view they chose stays put. Time moved by hand refits the values (once the
    // new range's data is in, on the next tick); values moved by hand stay.
    if (m_settingRange == 0) {
        if (axis == m_plot->xAxis)
            m_fitValues = true;
        else
            setAutoValueRange(false);
        if (m_following)
            setFollowing(false);
    }
}

void PlotPanel::setAutoValueRange(bool on)
{
    if (on == m_autoValueRange)
        return;
    m_autoValueRange = on;
    m_plot->axisRect()->setRangeDrag(on ? Qt::Horizontal : Qt::Horizontal | Qt::Vertical);
    if (on) {
        m_fitValues = true;
        m_dirty = true;
    }
}

QString PlotPanel::windowText() const
{
    return m_windowCombo->currentText();
}

// The window box never claims a length the plot is not showing: away from every
// choice it names the span in view, in an extra entry that goes again when the
// span matches a choice.
void PlotPanel::updateWindowCombo()
{
    const double span = m_plot->xAxis->range().size();
    const QList<int> choices = windowChoices();
    int match = -1;
    for (int i = 0; i < choices.size(); ++i) {
        if (std::abs(span - choices[i]) <= 0.005 * choices[i])
            match = i;
    }
    const QSignalBlocker block(m_windowCombo);
    const int customIndex = int(choices.size());
    if (match >= 0) {
        if (m_windowCombo->count() > customIndex)
            m_windowCombo->removeItem(customIndex);
        m_windowCombo->setCurrentIndex(match);
        return;
    }
    const QLocale locale;
    const auto number = [&locale](double x) { return locale.toString(x, 'f', x < 9.95 ? 1 : 0); };
    const QString text = span < 2 * 3600 ? tr("%1 min").arg(number(span / 60.0)) : tr("%1 h").arg(number(span / 3600.0));
    if (m_windowCombo->count() > customIndex)
        m_windowCombo->setItemText(customIndex, text);
    else
        m_windowCombo->addItem(text, 0);
    m_windowCombo->setCurrentIndex(customIndex);
}

void PlotPanel::showAllData()
{
    if (m_curves.empty())
        return;
    setFollowing(false);
    const HistoryStore &history = m_models->history();
    double first = std::numeric_limits<double>::infinity();
    double last = -std::numeric_limits<double>::infinity();
    for (const Curve &c : m_curves) {
        if (const auto span = history.sampleSpan(c.key)) {
            first = std::min(first, double(span->first) / 1000.0);
            last = std::max(last, double(span->second) / 1000.0);
        }
        const QCPGraphDataContainer *data = liveDataOf(m_historyView->live, c.graph);
        if (!data->isEmpty()) {
            first = std::min(first, data->constBegin()->key);
            last = std::max(last, (data->constEnd() - 1)->key);
        }
    }
    if (!std::isfinite(first))
        return;
    // A little room either side so the first and last samples are not on the frame;
    // a single instant gets the chosen window around it.
    const double pad = last > first ? (last - first) * kFollowHeadroom : m_windowSeconds / 2.0;
    ++m_settingRange;
    m_plot->xAxis->setRange(first - pad, last + pad);
    --m_settingRange;
    setAutoValueRange(true);
    updateHistoryData();
    rescaleValueAxes();
    m_fitValues = false;
    m_dirty = true;
}

void PlotPanel::updateTimeFormat()
{
    auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>();
    if (!ticker)
        return;
    const double span = m_plot->xAxis->range().size();
    QString format;
    if (span <= 20 * 60)
        format = QStringLiteral("HH:mm:ss");
    else if (span <= 24 * 3600)
        format = QStringLiteral("HH:mm");
    else
        format = QStringLiteral("dd MMM\nHH:mm");
    if (ticker->dateTimeFormat() != format)
        ticker->setDateTimeFormat(format);
}

void PlotPanel::updatePausedLabel()
{
    m_pausedLabel->setText(m_following ? QString() : tr("Paused \u2014 Space or Follow resumes"));
    m_pausedLabel->setVisible(!m_following);
}

void PlotPanel::updateDroppedNote()
{
    const SeriesStore &store = m_models->series();
    const bool dropped = std::any_of(m_curves.begin(), m_curves.end(), [&store](const Curve &c) {
        const SeriesStore::Series *s = store.find(c.key);
        return s && s->droppedByBudget;
    });
    if (m_droppedNote && dropped != m_droppedNote->isVisible())
        m_droppedNote->setVisible(dropped);
}

bool PlotPanel::isShowingDroppedNote() const
{
    return m_droppedNote && m_droppedNote->isVisible();
}

QString PlotPanel::droppedNoteText() const
{
    return m_droppedLabel->text();
}

void PlotPanel::setCurrent(bool current)
{
    if (m_current == current)
        return;
    m_current = current;
    update();
}

bool PlotPanel::isShown() const
{
    return isVisible() && m_plot->height() >= 8 && !window()->isMinimized();
}

void PlotPanel::tick()
{
    if (prepareFrame())
        replot();
}

void PlotPanel::replot()
{
    // Without phImmediateRefresh, replot() draws the layers into the plot's buffers
    // and update()s the widget: the pixels reach the screen with the window's next
    // paint, together with every other widget, not in a paint of their own.
    m_plot->replot(QCustomPlot::rpRefreshHint);
    // The replot laid the axes out for the new range; history columns decimated for
    // the old axis width are redone now rather than drawn a frame too wide.
    if (!m_historyView->live.isEmpty() && m_plot->axisRect()->width() != m_historyView->width
        && updateHistoryData()) {
        if (m_autoValueRange)
            rescaleValueAxes();
        m_plot->replot(QCustomPlot::rpRefreshHint);
    }
    m_dirty = false;
}

bool PlotPanel::prepareFrame()
{
    // Hidden or collapsed plots are skipped; their curves catch up by index later.
    if (!isShown())
        return false;
    const bool pulled = pullNewData();
    updateCursor();
    if (m_following && (m_dirty || m_curves.empty()))
        applyFollow();
    // Values in auto fit what is drawn: after the history columns for a new range
    // are in, and as new data lands in a paused view.
    const bool redrawn = updateHistoryData();
    if (m_autoValueRange && (redrawn || m_fitValues || (pulled && !m_following)))
        rescaleValueAxes();
    m_fitValues = false;
    return m_dirty;
}

int PlotPanel::msPerPixelFollowing() const
{
    if (!m_following || !m_models->timeCursor()->isLive())
        return 0;
    const int width = m_plot->axisRect()->width();
    return width > 0 ? int(qint64(m_windowSeconds) * 1000 / width) : 0;
}

QVariantMap PlotPanel::saveState() const
{
    return {{QStringLiteral("curves"), curveKeys()}, {QStringLiteral("window"), m_windowSeconds}};
}

void PlotPanel::restoreState(const QVariantMap &state)
{
    const int seconds = state.value(QStringLiteral("window")).toInt();
    if (windowChoices().contains(seconds))
        setWindowSeconds(seconds);
    const QStringList keys = state.value(QStringLiteral("curves")).toStringList();
    for (const QString &key : keys.mid(0, kMaxCurves))
        addCurve(key);
}

QCPGraph *PlotPanel::graphAtLegend(const QPoint &pos) const
{
    QCPLegend *legend = m_plot->legend;
    if (!legend->visible())
        return nullptr;
    for (int i = 0; i < legend->itemCount(); ++i) {
        auto *item = qobject_cast<QCPPlottableLegendItem *>(legend->item(i));
        if (item && item->outerRect().contains(pos))
            return qobject_cast<QCPGraph *>(item->plottable());
    }
    return nullptr;
}

void PlotPanel::showContextMenu(const QPoint &pos)
{
    emit activatedByUser(this);
    QMenu menu(this);
    if (QCPGraph *graph = graphAtLegend(pos)) {
        const QString key = curveFor(graph)->key;
        QAction *remove = menu.addAction(tr("Remove %1").arg(graph->name()));
        connect(remove, &QAction::triggered, this, [this, key] { removeCurve(key); });
        menu.addSeparator();
    } else if (!m_curves.empty()) {
        QMenu *removeMenu = menu.addMenu(tr("Remove curve"));
        for (const Curve &c : m_curves) {
            const QString key = c.key;
            QAction *remove = removeMenu->addAction(c.graph->name());
            connect(remove, &QAction::triggered, this, [this, key] { removeCurve(key); });
        }
        menu.addSeparator();
    }
    menu.addAction(m_followAction);
    m_showAllAction->setEnabled(!m_curves.empty());
    menu.addAction(m_showAllAction);
    menu.addSeparator();
    menu.addAction(m_clearAction);
    menu.addAction(m_closeAction);
    menu.exec(m_plot->mapToGlobal(pos));
}

void PlotPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (!attributeKeysFromMime(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void PlotPanel::dragMoveEvent(QDragMoveEvent *event)
{
    if (!attributeKeysFromMime(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void PlotPanel::dropEvent(QDropEvent *event)
{
    const QStringList keys = attributeKeysFromMime(event->mimeData());
    if (keys.isEmpty())
        return;
    for (const QString &key : keys)
        addCurve(key);
    event->acceptProposedAction();
    emit activatedByUser(this);
}

bool PlotPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && (event->type() == QEvent::FocusIn || event->type() == QEvent::MouseButtonPress))
        emit activatedByUser(this);
    if (watched == m_plot && event->type() == QEvent::PaletteChange) {
        // A live theme switch (HmiStyle::applyTheme): the colours taken from the theme
        // when the plot was built follow the new one, each curve keeping its colour slot.
        m_plot->setBackground(HmiStyle::plotBackground());
        for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2})
            styleAxis(axis);
        m_hint->setColor(HmiStyle::mutedText());
        for (const Curve &c : m_curves) {
            QPen pen = c.graph->pen();
            pen.setColor(HmiStyle::curveColor(c.colorIndex));
            c.graph->setPen(pen);
        }
        if (m_marker) {
            m_marker->setPen(QPen(HmiStyle::plotAxis(), 1, Qt::DashLine));
            m_markerLabel->setColor(HmiStyle::plotAxis());
        }
        if (m_historyView && m_historyView->cursor)
            m_historyView->cursor->setPen(QPen(HmiStyle::plotAxis(), 2));
        assignAxes(); // an axis carrying one curve wears that curve's (new) colour
        m_plot->replot();
    }
    return QFrame::eventFilter(watched, event);
}

void PlotPanel::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    // The current plot (where a double-clicked attribute goes) has a darker frame.
    QPainter painter(this);
    const int width = m_current ? 2 : 1;
    painter.setPen(QPen(m_current ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid), width));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(rect()).adjusted(width / 2.0, width / 2.0, -width / 2.0, -width / 2.0));
}

} // namespace ndh

namespace ndh {

void PlotPanel::setTimeMarker(qint64 timeMs, const QString &label)
{
    if (!m_marker) {
        m_marker = new QCPItemStraightLine(m_plot);
        m_marker->setPen(QPen(HmiStyle::plotAxis(), 1, Qt::DashLine));
        m_markerLabel = new QCPItemText(m_plot);
        m_markerLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        m_markerLabel->setColor(HmiStyle::plotAxis());
        m_markerLabel->setPadding(QMargins(3, 2, 3, 2));
    }
    const double x = double(timeMs) / 1000.0;
    m_marker->point1->setTypeX(QCPItemPosition::ptPlotCoords);
    m_marker->point1->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_marker->point2->setTypeX(QCPItemPosition::ptPlotCoords);
    m_marker->point2->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_marker->point1->setCoords(x, 0);
    m_marker->point2->setCoords(x, 1);
    m_markerLabel->position->setTypeX(QCPItemPosition::ptPlotCoords);
    m_markerLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_markerLabel->position->setCoords(x, 0);
    m_markerLabel->setText(label);
    m_marker->setVisible(true);
    m_markerLabel->setVisible(true);
    m_markerMs = timeMs;
    m_dirty = true;
}

void PlotPanel::clearTimeMarker()
{
    if (m_marker) {
        m_marker->setVisible(false);
        m_markerLabel->setVisible(false);
    }
    m_markerMs = 0;
    m_dirty = true;
}

void PlotPanel::showTimeMarker(qint64 timeMs, const QString &label)
{
    setTimeMarker(timeMs, label);
    setFollowing(false);
    const double x = double(timeMs) / 1000.0;
    const double half = m_windowSeconds / 2.0;
    ++m_settingRange;
    m_plot->xAxis->setRange(x - half, x + half);
    --m_settingRange;
    m_dirty = true;
}

} // namespace ndh

namespace ndh {

void PlotPanel::setUpTimeCursor()
{
    m_historyView = std::make_unique<HistoryView>();
    auto *line = new QCPItemStraightLine(m_plot);
    line->setObjectName(QStringLiteral("timeCursorLine"));
    line->setPen(QPen(HmiStyle::plotAxis(), 2));
    line->setSelectable(false);
    for (QCPItemPosition *p : {line->point1, line->point2}) {
        p->setTypeX(QCPItemPosition::ptPlotCoords);
        p->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    line->setVisible(false);
    m_historyView->cursor = line;
    TimeCursor *cursor = m_models->timeCursor();
    const auto changed = [this] {
        m_historyView->cursorDirty = true;
        m_dirty = true;
    };
    connect(cursor, &TimeCursor::timeChanged, this, changed);
    connect(cursor, &TimeCursor::liveChanged, this, changed);
    connect(m_models, &PlantModels::historyExtended, this, [this] { m_dirty = true; });
}

bool PlotPanel::isShowingCursor() const
{
    return m_historyView->cursor->visible();
}

double PlotPanel::cursorPosition() const
{
    return isShowingCursor() ? m_historyView->cursor->point1->coords().x() : std::numeric_limits<double>::quiet_NaN();
}

QString PlotPanel::cursorValueText(const QString &attributeKey) const
{
    const QCPGraph *graph = graphFor(attributeKey);
    return graph ? m_historyView->suffix.value(graph).trimmed() : QString();
}

bool PlotPanel::isDrawingHistory(const QString &attributeKey) const
{
    const QCPGraph *graph = graphFor(attributeKey);
    return graph && m_historyView->live.contains(graph);
}

QString PlotPanel::legendSuffix(const QCPGraph *graph) const
{
    return m_historyView ? m_historyView->suffix.value(graph) : QString();
}

// A following plot keeps the cursor in the middle while the operator scrubs.
bool PlotPanel::followCursor()
{
    const TimeCursor *cursor = m_models->timeCursor();
    if (cursor->isLive())
        return false;
    const double x = double(cursor->timeMs()) / 1000.0;
    const double half = m_windowSeconds / 2.0;
    if (m_plot->xAxis->range().lower != x - half || m_plot->xAxis->range().upper != x + half) {
        ++m_settingRange;
        m_plot->xAxis->setRange(x - half, x + half);
        --m_settingRange;
    }
    rescaleValueAxes();
    m_dirty = true;
    return true;
}

void PlotPanel::updateCursor()
{
    HistoryView &h = *m_historyView;
    if (!h.cursorDirty)
        return;
    h.cursorDirty = false;
    const TimeCursor *cursor = m_models->timeCursor();
    const bool live = cursor->isLive();
    const qint64 t = cursor->timeMs();
    h.cursor->setVisible(!live);
    if (!live) {
        const double x = double(t) / 1000.0;
        h.cursor->point1->setCoords(x, 0);
        h.cursor->point2->setCoords(x, 1);
    }
    for (Curve &c : m_curves) {
        QString suffix;
        if (!live) {
            const auto sample = m_models->history().valueAt(c.key, t);
            suffix = sample ? QStringLiteral("  = %1").arg(displayText(sample->value)) : QStringLiteral("  = \u2014");
            if (sample && !c.unit.isEmpty())
                suffix += u' ' + c.unit;
        }
        if (suffix == h.suffix.value(c.graph))
            continue;
        const QString base = c.graph->name().left(c.graph->name().size() - h.suffix.value(c.graph).size());
        if (suffix.isEmpty())
            h.suffix.remove(c.graph);
        else
            h.suffix.insert(c.graph, suffix);
        c.graph->setName(base + suffix);
    }
    m_dirty = true;
}

// Swaps each curve between its live buffer and min/max columns from the history
// engine, by whether the visible range reaches back past what the live buffer holds.
// True when any curve's data changed.
bool PlotPanel::updateHistoryData()
{
    HistoryView &h = *m_historyView;
    const HistoryStore &history = m_models->history();
    const QCPRange range = m_plot->xAxis->range();
    const int width = std::max(16, m_plot->axisRect()->width());
    // Redone when the view moved by at least a pixel column or was resized; new
    // samples alone redo it at most once a second (following live moves the range
    // a little every tick, and a day of 1,000 curves is 86 million samples to fold).
    const double column = (range.upper - range.lower) / double(width);
    const bool panned = std::abs(range.lower - h.lower) >= column || std::abs(range.upper - h.upper) >= column
                        || width != h.width;
    const bool grown = history.sampleCount() != h.samples && h.sinceDecimated.hasExpired(1000);
    const bool moved = panned || grown || !h.sinceDecimated.isValid();
    const qint64 fromMs = qint64(range.lower * 1000.0);
    const qint64 toMs = qint64(range.upper * 1000.0);
    bool changed = false;
    std::vector<double> t;
    std::vector<double> v;
    for (Curve &c : m_curves) {
        const SeriesStore::Series *s = m_models->series().find(c.key);
        const double bufferStart = s && !s->t.empty() ? s->t.front() : std::numeric_limits<double>::infinity();
        // Min/max per pixel column from the history engine when the range reaches
        // back past the live buffer, or when the buffer has far more points in view
        // than there are columns (zoomed out): QCustomPlot would walk all of them
        // on every replot.
        const bool dense = s && denseInRange(*s, range.lower, range.upper, width);
        const bool need = (range.lower < bufferStart || dense) && !history.isEmpty()
                          && history.samplesInRange(c.key, fromMs, toMs) > 0;
        const bool drawing = h.live.contains(c.graph);
        if (!need) {
            if (drawing) {
                c.graph->setData(h.live.take(c.graph));
                h.past.remove(c.graph);
                changed = true;
            }
            continue;
        }
        if (drawing && !moved)
            continue;
        history.decimate(c.key, fromMs, toMs, width, t, v);
        QSharedPointer<QCPGraphDataContainer> &past = h.past[c.graph];
        if (!past)
            past = QSharedPointer<QCPGraphDataContainer>::create();
        QVector<QCPGraphData> points;
        points.reserve(qsizetype(t.size()));
        for (size_t i = 0; i < t.size(); ++i)
            points.append(QCPGraphData(t[i], v[i]));
        past->set(points, true);
        if (!drawing) {
            h.live.insert(c.graph, c.graph->data());
            c.graph->setData(past);
        }
        changed = true;
    }
    if (moved) {
        h.lower = range.lower;
        h.upper = range.upper;
        h.width = width;
        h.samples = history.sampleCount();
        h.sinceDecimated.start();
    }
    if (changed)
        m_dirty = true;
    return changed;
}

} // namespace ndh
