#pragma once
// The central trend area: several PlotPanels stacked in a vertical splitter, the
// notion of the "current" plot (last clicked or focused, where a double-clicked
// attribute goes), and the one replot timer that paces every plot (DESIGN.md §3).

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
    static constexpr int kReplotIntervalMs = 33; // ~30 Hz

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

    // One step of the replot timer, public so tests step it deterministically.
    void tick();

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
};

} // namespace ndh
