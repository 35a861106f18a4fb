#pragma once
// The console's main window: the asset tree dock (left), the trend area (centre),
// the dead-letter dock (bottom, where later panels tabify), and a status bar that
// always shows the link state, throughput and the dead-letter count. Knows only
// PlantModels; the app wires the backend to them.

#include <QMainWindow>
#include <QVariantMap>

#include <functional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTimer;
class QToolButton;

namespace ndh {

class AlarmBanner;
class CommandPalette;
struct PaletteEntry;
class AlarmKpiView;
class AlarmListView;
class AssetTreeView;
class ConnectionStatusWidget;
class DeadLetterView;
class PlantModels;
class PlotArea;
class LoadHistoryDialog;
class TimeSlider;
class TopicBrowserPanel;
struct ConnectionStatus;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(PlantModels *models, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shown in the title bar: "embedded demo plant", "broker1:9092"...
    void setSourceDescription(const QString &description);

    // Window geometry, dock layout, open plots and tree columns (QSettings).
    void restoreSettings();
    void saveSettings() const;

    AssetTreeView *assetTreeView() const { return m_tree; }
    PlotArea *plotArea() const { return m_plots; }
    DeadLetterView *deadLetterView() const { return m_deadLetters; }
    ConnectionStatusWidget *connectionStatusWidget() const { return m_connection; }
    ConnectionStatusWidget *redisStatusWidget() const { return m_redisConnection; }
    QDockWidget *assetDock() const { return m_assetDock; }
    QDockWidget *deadLetterDock() const { return m_deadLetterDock; }
    // Menus added by panels attached later go before Help, which stays last.
    void insertMenuBeforeHelp(QMenu *menu);
    AlarmListView *alarmListView() const { return m_alarmList; }
    AlarmBanner *alarmBanner() const { return m_alarmBanner; }
    AlarmKpiView *alarmKpiView() const { return m_alarmKpis; }
    QDockWidget *alarmDock() const { return m_alarmDock; }
    QDockWidget *alarmKpiDock() const { return m_alarmKpiDock; }
    QToolButton *deadLetterButton() const { return m_deadLetterButton; }
    QString rateText() const;
    QString eventsText() const;
    QAction *newPlotAction() const { return m_newPlotAction; }
    QAction *focusFilterAction() const { return m_focusFilterAction; }
    // History (DESIGN.md §5): the time slider at the bottom, and "Load history..."
    // whose dialog the app connects to the backend's backfill.
    TimeSlider *timeSlider() const { return m_timeSlider; }
    LoadHistoryDialog *loadHistoryDialog() const { return m_loadHistoryDialog; }
    QAction *loadHistoryAction() const { return m_loadHistoryAction; }
    // Topic browser (issue 5): the "Topics" dock, tabbed with the alarms.
    TopicBrowserPanel *topicBrowser() const { return m_topicBrowser; }
    QDockWidget *topicDock() const { return m_topicDock; }

    // Throughput clock; tests pin it.
    void setClock(std::function<qint64()> nowMs);

    // Workspace (issue 10): the arrangement as one value (docks, open plots and their
    // curves, column order and widths of every named table), named layouts kept in
    // QSettings, and layouts exported to / imported from files (LayoutFile). A layout
    // that cannot be applied is reported and the default layout is shown instead.
    QVariantMap layoutState() const;
    bool applyLayoutState(const QVariantMap &layout, QString *error = nullptr);
    void resetLayout();
    QStringList savedLayoutNames() const;
    void saveLayoutAs(const QString &name);
    bool loadSavedLayout(const QString &name, QString *error = nullptr);
    bool exportLayout(const QString &path, QString *error = nullptr) const;
    bool importLayout(const QString &path, QString *error = nullptr);
    // Ctrl+Shift+P: find an action, asset or topic by name.
    CommandPalette *commandPalette() const { return m_palette; }
    QList<PaletteEntry> paletteEntries() const;
    void runPaletteEntry(const PaletteEntry &entry);

public slots:
    void showCommandPalette();
    void showSettings();
    void showDeadLetters();
    void showShortcuts();
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;
    // First show: panels attached from outside after restoreSettings() (commands,
    // connection health) get their saved place, or on a fresh start are tabbed with
    // the alarms so the tree keeps its width on a 1366-px screen.
    void showEvent(QShowEvent *event) override;

public:
    // The first show arranges a fresh window before Qt sizes it: docks added after the
    // constructor would otherwise stand side by side and force a window wider than a
    // 1366-px screen.
    void setVisible(bool visible) override;

private:
    void createMenus();
    void createStatusBar();
    void createAlarmUi();
    void showAsset(const QString &assetKey);
    void onBatchApplied();
    void onConnectionStatus(const ConnectionStatus &status);
    void updateCounters();
    void updateRate();
    void createHistoryUi();
    void createTopicBrowserUi(); // main_window_topics.cpp
    void createWorkspaceUi();
    void captureDefaultLayout();
    void arrangeFreshLayout();
    // A layout's window geometry (plain numbers, readable in a .ndhlayout), fitted into
    // the available screen so a layout from a bigger desk never opens off-screen.
    QVariantMap windowGeometry() const;
    void applyWindowGeometry(const QVariantMap &geometry);
    void rebuildLayoutsMenu();
    QVariantMap headerStates() const;
    void restoreHeaderStates(const QVariantMap &headers);

    PlantModels *m_models;
    AssetTreeView *m_tree;
    PlotArea *m_plots;
    DeadLetterView *m_deadLetters;
    QDockWidget *m_assetDock;
    QDockWidget *m_deadLetterDock;
    AlarmListView *m_alarmList = nullptr;
    AlarmBanner *m_alarmBanner = nullptr;
    AlarmKpiView *m_alarmKpis = nullptr;
    QDockWidget *m_alarmDock = nullptr;
    QDockWidget *m_alarmKpiDock = nullptr;
    ConnectionStatusWidget *m_connection;
    ConnectionStatusWidget *m_redisConnection = nullptr; // shown once Redis reports

    QLabel *m_rateLabel;
    QLabel *m_eventsLabel;
    QToolButton *m_deadLetterButton;
    QAction *m_newPlotAction = nullptr;
    QAction *m_focusFilterAction = nullptr;
    QTimer *m_rateTimer;
    std::function<qint64()> m_now;
    qint64 m_rateSampleMs = 0;
    quint64 m_rateSampleRecords = 0;
    double m_recordsPerSecond = 0.0;
    QString m_sourceDescription;
    TimeSlider *m_timeSlider = nullptr;
    LoadHistoryDialog *m_loadHistoryDialog = nullptr;
    QAction *m_loadHistoryAction = nullptr;
    TopicBrowserPanel *m_topicBrowser = nullptr;
    QDockWidget *m_topicDock = nullptr;
    // Workspace (main_window_workspace.cpp).
    QVariantMap m_defaultLayout; // as built, before any saved layout was applied
    bool m_savedStateRestored = false;
    bool m_shownOnce = false;
    bool m_freshLayoutArranged = false;
    QMenu *m_layoutsMenu = nullptr;
    QList<QAction *> m_savedLayoutActions;
    QAction *m_layoutSeparator = nullptr;
    QAction *m_paletteAction = nullptr;
    QAction *m_settingsAction = nullptr;
    CommandPalette *m_palette = nullptr;
    mutable QList<QAction *> m_paletteActions; // what the palette's action entries run
};

} // namespace ndh
