#include "plot_area.h"

#include "hmi_style.h"
#include "plant_models.h"
#include "plot_panel.h"

#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <vector>

namespace ndh {

PlotArea::PlotArea(PlantModels *models, QWidget *parent)
    : QWidget(parent)
    , m_models(models)
    , m_stack(new QStackedWidget(this))
    , m_splitter(new QSplitter(Qt::Vertical, m_stack))
    , m_emptyLabel(new QLabel(m_stack))
    , m_replotTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("plotArea"));
    m_splitter->setObjectName(QStringLiteral("plotSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(6);

    m_emptyLabel->setObjectName(QStringLiteral("plotAreaEmpty"));
    m_emptyLabel->setTextFormat(Qt::PlainText);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setText(tr("No plots open.\n\nPress Ctrl+N for a new plot, or double-click an attribute "
                             "in the asset tree to plot it."));
    QPalette muted = m_emptyLabel->palette();
    muted.setColor(QPalette::WindowText, HmiStyle::mutedText());
    m_emptyLabel->setPalette(muted);

    m_stack->addWidget(m_splitter);
    m_stack->addWidget(m_emptyLabel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    // One timer for every plot: replots are coalesced to the timer's pace however
    // many batches arrive, plots that did not change cost nothing, and the changed
    // ones share the frames (frame()).
    m_clock.start();
    m_replotTimer->setTimerType(Qt::CoarseTimer);
    m_replotTimer->setInterval(kFrameIntervalMs);
    connect(m_replotTimer, &QTimer::timeout, this, [this] { frame(kMaxPlots); });
    m_replotTimer->start();

    updateEmptyState();
}

PlotPanel *PlotArea::addPlot()
{
    if (plots().size() >= kMaxPlots) {
        emit message(tr("At most %1 plots fit; close one first.").arg(kMaxPlots));
        return nullptr;
    }
    auto *panel = new PlotPanel(m_models, m_splitter);
    m_splitter->addWidget(panel);
    // Share the height evenly; the operator can drag the handles afterwards.
    const int n = m_splitter->count();
    m_splitter->setSizes(QList<int>(n, std::max(1, m_splitter->height() / std::max(1, n))));
    connect(panel, &PlotPanel::activatedByUser, this, &PlotArea::setCurrentPlot);
    connect(panel, &PlotPanel::closeRequested, this, [this](PlotPanel *p) {
        // Deferred: the request comes from inside the panel's own action.
        QMetaObject::invokeMethod(this, [this, p] { closePlot(p); }, Qt::QueuedConnection);
    });
    connect(panel, &PlotPanel::message, this, &PlotArea::message);
    setCurrentPlot(panel);
    updateEmptyState();
    emit plotCountChanged(int(plots().size()));
    return panel;
}

void PlotArea::closePlot(PlotPanel *panel)
{
    if (!panel || !plots().contains(panel))
        return;
    const bool wasCurrent = panel == m_current;
    panel->hide();
    m_lastReplotMs.remove(panel);
    panel->setParent(nullptr);
    panel->deleteLater();
    if (wasCurrent) {
        m_current = nullptr;
        const auto remaining = plots();
        setCurrentPlot(remaining.isEmpty() ? nullptr : remaining.last());
    }
    updateEmptyState();
    emit plotCountChanged(int(plots().size()));
}

QList<PlotPanel *> PlotArea::plots() const
{
    QList<PlotPanel *> result;
    for (int i = 0; i < m_splitter->count(); ++i) {
        if (auto *panel = qobject_cast<PlotPanel *>(m_splitter->widget(i)))
            result << panel;
    }
    return result;
}

PlotPanel *PlotArea::currentPlot() const
{
    if (m_current)
        return m_current;
    const auto all = plots();
    return all.isEmpty() ? nullptr : all.last();
}

void PlotArea::setCurrentPlot(PlotPanel *panel)
{
    m_current = panel;
    for (PlotPanel *p : plots())
        p->setCurrent(p == panel);
}

bool PlotArea::addAttributeToCurrentPlot(const QString &attributeKey)
{
    PlotPanel *panel = currentPlot();
    if (!panel)
        panel = addPlot();
    return panel && panel->addCurve(attributeKey);
}

bool PlotArea::plotAttributeAt(const QString &attributeKey, qint64 timeMs, const QString &label)
{
    PlotPanel *panel = currentPlot();
    if (!panel)
        panel = addPlot();
    if (!panel)
        return false;
    if (!panel->curveKeys().contains(attributeKey) && !panel->addCurve(attributeKey))
        return false;
    panel->showTimeMarker(timeMs, label);
    return true;
}

void PlotArea::tick()
{
    for (PlotPanel *panel : plots()) {
        panel->tick();
        m_lastReplotMs.insert(panel, m_clock.elapsed());
    }
}

int PlotArea::replotIntervalMs(const PlotPanel *panel)
{
    return std::clamp(panel->msPerPixelFollowing(), kReplotIntervalMs, kMaxFollowReplotIntervalMs);
}

int PlotArea::frame(int maxReplots, int budgetMs)
{
    const qint64 now = m_clock.elapsed();
    struct Due
    {
        PlotPanel *panel;
        qint64 last;
    };
    std::vector<Due> due;
    for (PlotPanel *panel : plots()) {
        const qint64 last = m_lastReplotMs.value(panel, -kMaxFollowReplotIntervalMs);
        if (now - last >= replotIntervalMs(panel) && panel->prepareFrame())
            due.push_back({panel, last});
    }
    std::stable_sort(due.begin(), due.end(), [](const Due &a, const Due &b) { return a.last < b.last; });
    QElapsedTimer spent;
    spent.start();
    int replotted = 0;
    for (const Due &d : due) {
        if (replotted >= maxReplots || (replotted > 0 && spent.elapsed() >= budgetMs))
            break;
        d.panel->replot();
        m_lastReplotMs.insert(d.panel, m_clock.elapsed());
        ++replotted;
    }
    return replotted;
}

QVariantMap PlotArea::saveState() const
{
    QVariantList plotStates;
    for (PlotPanel *panel : plots())
        plotStates << panel->saveState();
    return {{QStringLiteral("plots"), plotStates}, {QStringLiteral("splitter"), m_splitter->saveState()}};
}

void PlotArea::restoreState(const QVariantMap &state)
{
    const QVariantList plotStates = state.value(QStringLiteral("plots")).toList();
    for (const QVariant &plotState : plotStates) {
        if (PlotPanel *panel = addPlot())
            panel->restoreState(plotState.toMap());
    }
    m_splitter->restoreState(state.value(QStringLiteral("splitter")).toByteArray());
}

QString PlotArea::emptyStateText() const
{
    return m_emptyLabel->text();
}

bool PlotArea::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_emptyLabel;
}

void PlotArea::updateEmptyState()
{
    m_stack->setCurrentWidget(plots().isEmpty() ? static_cast<QWidget *>(m_emptyLabel) : m_splitter);
}

} // namespace ndh
