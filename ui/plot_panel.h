#pragma once
// One live trend: a QCustomPlot with a date-time x axis, a legend naming each curve
// by asset / attribute [unit], and a small toolbar (follow/pause, window length,
// clear, close). Curves are fed incrementally from the SeriesStore: each remembers
// the absolute sample index it has consumed, so a tick copies only what is new.
// The panel never replots on its own; PlotArea's single timer calls tick().

#include <QFrame>
#include <QPointer>
#include <QStringList>
#include <QVariantMap>

#include <memory>
#include <vector>

class QAction;
class QComboBox;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPAxis;
class QCustomPlot;
class QLabel;
class QMimeData;
class QToolBar;

namespace ndh {

class PlantModels;

class PlotPanel : public QFrame
{
    Q_OBJECT
public:
    // More curves than this on one plot are unreadable; open another plot instead.
    static constexpr int kMaxCurves = 10;
    // Short enough that a new plot visibly moves within seconds; wider is one click.
    static constexpr int kDefaultWindowSeconds = 60;

    explicit PlotPanel(PlantModels *models, QWidget *parent = nullptr);
    ~PlotPanel() override;

    // False (and message() says why) when the curve is already there, the plot is
    // full or the attribute is not numeric.
    bool addCurve(const QString &attributeKey);
    bool removeCurve(const QString &attributeKey);
    void clearCurves();
    QStringList curveKeys() const;
    int curveCount() const { return int(m_curves.size()); }
    QString curveLabel(const QString &attributeKey) const;
    QCPGraph *graphFor(const QString &attributeKey) const;
    QCustomPlot *plot() const { return m_plot; }

    bool isFollowing() const { return m_following; }
    void setFollowing(bool follow);
    int windowSeconds() const { return m_windowSeconds; }
    void setWindowSeconds(int seconds);
    static QList<int> windowChoices(); // seconds: 1 min, 5 min, 15 min, 1 h
    // What the window box says: the chosen length while the plot shows it, else the
    // span actually shown (zoomed, panned or "Show all data").
    QString windowText() const;

    // The value axes fit the curves in view (auto) until the operator zooms values by
    // hand (Ctrl+wheel); following again or "Show all data" returns to auto.
    bool isAutoValueRange() const { return m_autoValueRange; }
    // Pauses and shows everything known of the plotted attributes, the history
    // engine's first to last sample and the live buffer, values fitted (Home).
    void showAllData();
    // A curve's live buffer lost its oldest samples to the memory budget of all live
    // plot buffers (SeriesStore): the toolbar says so, muted, with the reason.
    bool isShowingDroppedNote() const;
    QString droppedNoteText() const;

    void setCurrent(bool current);
    bool isCurrent() const { return m_current; }
    QString emptyHintText() const;
    bool isShowingEmptyHint() const;

    // One step of the shared replot timer: copy new samples, move the window when
    // following, and replot if anything changed. Hidden plots skip the step and
    // catch up by index when shown again. tick() is prepareFrame() then replot();
    // PlotArea's timer calls the two apart so that it can spread the replots of
    // several plots over its frames.
    void tick();
    // Copies new samples and moves the axes; true when the plot needs a replot.
    bool prepareFrame();
    // Redraws the plot into its buffers now (the widget repaints with the window's
    // next paint, never synchronously) and clears isDirty().
    void replot();
    bool isDirty() const { return m_dirty; }
    bool isShown() const;
    // While following live: the time in ms the window takes to move one pixel
    // column (window length / plot width), the rate beyond which a replot shows
    // nothing new; 0 when paused or scrubbed.
    int msPerPixelFollowing() const;

    // A vertical line at an instant (an alarm's time) with a short label; one marker
    // per plot, replaced by the next. showTimeMarker() also pauses following and
    // centres the window on it, so the instant stays in view.
    void setTimeMarker(qint64 timeMs, const QString &label);
    void clearTimeMarker();
    void showTimeMarker(qint64 timeMs, const QString &label);
    qint64 timeMarkerMs() const { return m_markerMs; } // 0: none

    // Time slider (DESIGN.md §5): away from live, a vertical cursor at the slider's
    // instant and each curve's value there in the legend; a following plot keeps the
    // cursor centred. Where the visible range reaches back past the live buffer the
    // curves are drawn from the history engine, min/max per pixel column.
    bool isShowingCursor() const;
    double cursorPosition() const; // seconds since the epoch; NaN when live
    QString cursorValueText(const QString &attributeKey) const;
    bool isDrawingHistory(const QString &attributeKey) const;

    // {"curves": [...keys], "window": seconds} for QSettings.
    QVariantMap saveState() const;
    void restoreState(const QVariantMap &state);

    static QStringList attributeKeysFromMime(const QMimeData *mime);

signals:
    void activatedByUser(ndh::PlotPanel *panel); // clicked or focused: becomes current
    void closeRequested(ndh::PlotPanel *panel);
    void followingChanged(bool following);
    void message(const QString &text);           // for the status bar

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    struct Curve
    {
        QString key;
        QCPGraph *graph = nullptr;
        quint64 nextIndex = 0; // absolute SeriesStore index of the next sample to copy
        QString unit;
        int colorIndex = 0;
    };

    bool pullNewData();
    void applyFollow();
    void rescaleValueAxes();
    void assignAxes();
    void updateLegendAndHint();
    void updateTimeFormat();
    void updatePausedLabel();
    void updateDroppedNote();
    void onRangeChangedByAnyone(QCPAxis *axis);
    void setAutoValueRange(bool on);
    void updateWindowCombo();
    void showContextMenu(const QPoint &pos);
    QCPGraph *graphAtLegend(const QPoint &pos) const;
    Curve *curveFor(const QCPGraph *graph);
    int freeColorIndex() const;
    QString labelFor(const QString &key, QString *unit) const;
    struct HistoryView;
    void setUpTimeCursor();
    bool followCursor();
    void updateCursor();
    bool updateHistoryData();
    QString legendSuffix(const QCPGraph *graph) const;
    void unwatchCurves(); // the store stops keeping the curves' samples for this plot

    QPointer<PlantModels> m_models; // a QPointer: the panel may outlive them
    QToolBar *m_toolBar;
    QAction *m_followAction;
    QAction *m_clearAction;
    QAction *m_closeAction;
    QAction *m_showAllAction;
    QComboBox *m_windowCombo;
    QLabel *m_pausedLabel;
    QLabel *m_droppedLabel; // "older samples dropped": the live buffers' memory budget
    QAction *m_droppedNote = nullptr; // its place in the toolbar (shown and hidden there)
    QCustomPlot *m_plot;
    QCPItemText *m_hint;
    QCPItemStraightLine *m_marker = nullptr;
    QCPItemText *m_markerLabel = nullptr;
    qint64 m_markerMs = 0;
    std::vector<Curve> m_curves;
    std::unique_ptr<HistoryView> m_historyView;
    bool m_following = true;
    bool m_dirty = true;
    bool m_current = false;
    int m_settingRange = 0; // > 0 while the panel itself moves the axes
    int m_windowSeconds = kDefaultWindowSeconds;
    bool m_autoValueRange = true;
    bool m_fitValues = false; // the operator moved the time axis: refit values on the next tick
};

} // namespace ndh
