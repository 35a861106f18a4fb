#pragma once
// The central trend area: several PlotPanels stacked in a vertical splitter, the
// notion of the "current" plot (last clicked or focused, where a double-clicked
// attribute goes), and the one replot timer that paces every plot (DESIGN.md §3).

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QVariantList>
#include <QWidget>

class QLabel;
class QSplitter;
class QStackedWidget;
class QTimer;

namespace ndh {

class PlantModels;
class PlotPanel;

class PlotArea : public QWidget
{
    Q_OBJECT
public:
    // Beyond this many plots each one is too short to read.
    static constexpr int kMaxPlots = 8;
    // A plot is redrawn at most this often (~30 Hz)...
    static constexpr int kReplotIntervalMs = 33;
    // ...by a timer that runs at the display rate and redraws in one frame only as
    // many changed plots as fit kFrameBudgetMs (at least one), longest-waiting
    // first: eight plots are spread over the frames instead of eight replots in one
    // event-loop turn, and under load each plot's rate drops instead of the GUI's.
    static constexpr int kFrameIntervalMs = 16;
    static constexpr int kFrameBudgetMs = 3;
    // A plot following live waits between replots as long as its view takes to
    // move one pixel column (a 1-minute window 1,000 pixels wide: 60 ms), at most
    // this long, so that new values and what the operator changed show within it.
    static constexpr int kMaxFollowReplotIntervalMs = 100;

    explicit PlotArea(PlantModels *models, QWidget *parent = nullptr);

    PlotPanel *addPlot();
    void closePlot(PlotPanel *panel);
    QList<PlotPanel *> plots() const;
    PlotPanel *currentPlot() const;
    void setCurrentPlot(PlotPanel *panel);

    // Adds the attribute to the current plot, creating a plot if there is none.
    bool addAttributeToCurrentPlot(const QString &attributeKey);

    // Adds the attribute to the current plot (if not there yet) and marks timeMs on
    // it, paused and centred on that instant: "show me this alarm on its trend".
    bool plotAttributeAt(const QString &attributeKey, qint64 timeMs, const QString &label);

    // Every plot brought up to date and replotted at once, public so tests step
    // the plots deterministically.
    void tick();
    // One frame of the timer: every shown plot takes its new samples, and changed
    // plots are replotted, the longest-waiting first, until maxReplots are done or
    // the frame's budget is spent. Returns how many were replotted.
    int frame(int maxReplots, int budgetMs = kFrameBudgetMs);
    // The least time between two replots of the panel by frame().
    static int replotIntervalMs(const PlotPanel *panel);

    QVariantMap saveState() const;
    void restoreState(const QVariantMap &state);

    QString emptyStateText() const;
    bool isShowingEmptyState() const;

signals:
    void message(const QString &text);
    void plotCountChanged(int count);

private:
    void updateEmptyState();

    PlantModels *m_models;
    QStackedWidget *m_stack;
    QSplitter *m_splitter;
    QLabel *m_emptyLabel;
    QTimer *m_replotTimer;
    PlotPanel *m_current = nullptr;
    QHash<PlotPanel *, qint64> m_lastReplotMs; // by m_clock
    QElapsedTimer m_clock;
};

} // namespace ndh
