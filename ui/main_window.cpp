#include "main_window.h"

#include "about_dialog.h"
#include "alarm_banner.h"
#include "alarm_kpi_view.h"
#include "alarm_list_view.h"
#include "asset_tree_view.h"
#include "connection_status_widget.h"
#include "dead_letter_view.h"
#include "eliding_label.h"
#include "hmi_style.h"
#include "load_history_dialog.h"
#include "plain_text_tooltips.h"
#include "plant_models.h"
#include "plot_area.h"
#include "plot_panel.h"
#include "shortcuts_dialog.h"
#include "time_slider.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace ndh {

namespace {

// Bump when docks are added or renamed so an old layout is not forced on new docks.
constexpr int kWindowStateVersion = 2; // 2: alarm docks
constexpr int kMessageTimeoutMs = 5000;

} // namespace

MainWindow::MainWindow(PlantModels *models, QWidget *parent)
    : QMainWindow(parent)
    , m_models(models)
    , m_tree(new AssetTreeView(models->assetTree(), this))
    , m_plots(new PlotArea(models, this))
    , m_deadLetters(new DeadLetterView(models->deadLetters(), this))
    , m_assetDock(new QDockWidget(tr("Assets"), this))
    , m_deadLetterDock(new QDockWidget(tr("Dead letters"), this))
    , m_connection(new ConnectionStatusWidget(this))
    , m_rateLabel(new QLabel(this))
    , m_eventsLabel(new QLabel(this))
    , m_deadLetterButton(new QToolButton(this))
    , m_rateTimer(new QTimer(this))
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    setObjectName(QStringLiteral("mainWindow"));
    PlainTextToolTips::install(); // tooltips quoting the plant's messages stay plain text
    setWindowTitle(tr("NDH Console"));
    setWindowIcon(HmiStyle::icon(QStringLiteral("ndh-console")));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    // The tree runs the full height on the left; bottom panels sit under the plots.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setTabPosition(Qt::BottomDockWidgetArea, QTabWidget::North);

    setCentralWidget(m_plots);
    m_plots->addPlot();

    m_assetDock->setObjectName(QStringLiteral("assetDock"));
    m_assetDock->setWidget(m_tree);
    addDockWidget(Qt::LeftDockWidgetArea, m_assetDock);

    m_deadLetterDock->setObjectName(QStringLiteral("deadLetterDock"));
    m_deadLetterDock->setWidget(m_deadLetters);
    addDockWidget(Qt::BottomDockWidgetArea, m_deadLetterDock);
    // Hidden until wanted: the status bar counts dead letters (amber when > 0) and
    // one click opens this dock; an empty panel would only take room from the plots.
    m_deadLetterDock->hide();

    connect(m_tree, &AssetTreeView::attributeActivated, this, [this](const QString &key) {
        m_plots->addAttributeToCurrentPlot(key);
    });

    createMenus();
    createStatusBar();
    createAlarmUi();
    createHistoryUi();
    createTopicBrowserUi();
    createWorkspaceUi();

    connect(m_models, &PlantModels::batchApplied, this, &MainWindow::onBatchApplied);
    connect(m_models, &PlantModels::connectionStatusChanged, this, &MainWindow::onConnectionStatus);
    connect(m_models->deadLetters(), &DeadLetterModel::totalCountChanged, this, &MainWindow::updateCounters);

    m_rateTimer->setInterval(1000);
    connect(m_rateTimer, &QTimer::timeout, this, &MainWindow::updateRate);
    m_rateTimer->start();
    m_rateSampleMs = m_now();
    m_rateSampleRecords = m_models->recordsConsumed();

    onConnectionStatus(m_models->connectionStatus());
    updateCounters();

    // 1400x900 is a wish, not a need: a 1366x768 desk gets a window that fits.
    resize(QSize(1400, 900).boundedTo(screen() ? screen()->availableGeometry().size() : QSize(1400, 900)));
    resizeDocks({m_assetDock}, {520}, Qt::Horizontal);
    resizeDocks({m_deadLetterDock}, {200}, Qt::Vertical);
}

MainWindow::~MainWindow() = default;

void MainWindow::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
    m_rateSampleMs = m_now();
    m_connection->setClock(m_now);
}

void MainWindow::setSourceDescription(const QString &description)
{
    m_sourceDescription = description;
    setWindowTitle(description.isEmpty() ? tr("NDH Console") : tr("NDH Console \u2014 %1").arg(description));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(HmiStyle::icon(QStringLiteral("quit")), tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &MainWindow::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *toggleTree = m_assetDock->toggleViewAction();
    toggleTree->setText(tr("&Asset tree"));
    toggleTree->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    view->addAction(toggleTree);
    QAction *toggleDead = m_deadLetterDock->toggleViewAction();
    toggleDead->setText(tr("&Dead letters"));
    toggleDead->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    view->addAction(toggleDead);
    view->addSeparator();

    m_focusFilterAction = view->addAction(tr("&Filter assets"));
    m_focusFilterAction->setObjectName(QStringLiteral("focusFilterAction"));
    m_focusFilterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(m_focusFilterAction, &QAction::triggered, this, [this] {
        m_assetDock->show();
        m_assetDock->raise();
        m_tree->focusFilter();
    });

    m_newPlotAction = view->addAction(HmiStyle::icon(QStringLiteral("new-plot")), tr("&New plot"));
    m_newPlotAction->setObjectName(QStringLiteral("newPlotAction"));
    m_newPlotAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_newPlotAction->setToolTip(tr("Add an empty plot below the others (Ctrl+N)"));
    connect(m_newPlotAction, &QAction::triggered, this, [this] {
        if (PlotPanel *panel = m_plots->addPlot())
            panel->setFocus(Qt::OtherFocusReason);
    });
    connect(m_plots, &PlotArea::plotCountChanged, this,
            [this](int count) { m_newPlotAction->setEnabled(count < PlotArea::kMaxPlots); });

    QAction *closePlot = view->addAction(tr("&Close current plot"));
    closePlot->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    connect(closePlot, &QAction::triggered, this, [this] { m_plots->closePlot(m_plots->currentPlot()); });

    QAction *follow = view->addAction(tr("Follow / &pause current plot"));
    follow->setToolTip(tr("Space does the same while a plot has the focus"));
    connect(follow, &QAction::triggered, this, [this] {
        if (PlotPanel *panel = m_plots->currentPlot())
            panel->setFollowing(!panel->isFollowing());
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard shortcuts"));
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(QKeySequence(Qt::Key_F1));
    connect(shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    QAction *about = help->addAction(tr("&About NDH Console"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createStatusBar()
{
    // Everything is a permanent widget: QStatusBar::showMessage would hide the link
    // state, which must stay visible; transient messages get their own label.
    auto *message = new ElidingLabel(this); // a long message shows its start and "..."
    message->setObjectName(QStringLiteral("statusMessage"));
    message->setTextFormat(Qt::PlainText);
    auto *messageTimer = new QTimer(this);
    messageTimer->setSingleShot(true);
    messageTimer->setInterval(kMessageTimeoutMs);
    // Hidden while it has nothing to say, so that it takes no width from the links.
    connect(messageTimer, &QTimer::timeout, message, [message] {
        message->clear();
        message->hide();
    });
    const auto say = [message, messageTimer](const QString &text) {
        message->setText(text);
        message->show();
        messageTimer->start();
    };
    connect(m_plots, &PlotArea::message, this, say);
    // QStatusBar::showMessage (used across the console) draws in the space the
    // permanent widgets leave, which here is none: show it in the label instead.
    connect(statusBar(), &QStatusBar::messageChanged, this, [say](const QString &text) {
        if (!text.isEmpty())
            say(text);
    });

    m_rateLabel->setObjectName(QStringLiteral("rateLabel"));
    m_rateLabel->setToolTip(tr("Records read from the data source per second"));
    m_eventsLabel->setObjectName(QStringLiteral("eventsLabel"));
    m_eventsLabel->setToolTip(tr("Events decoded and applied since start"));
    m_deadLetterButton->setObjectName(QStringLiteral("deadLetterButton"));
    m_deadLetterButton->setAutoRaise(true);
    m_deadLetterButton->setToolTip(tr("Records that could not be decoded. Click to show them."));
    connect(m_deadLetterButton, &QToolButton::clicked, this, &MainWindow::showDeadLetters);

    statusBar()->addPermanentWidget(m_connection, 3);
    // The links' details and a message share the width and elide.
    statusBar()->addPermanentWidget(message, 2);
    message->hide();
    statusBar()->addPermanentWidget(m_rateLabel);
    statusBar()->addPermanentWidget(m_eventsLabel);
    statusBar()->addPermanentWidget(m_deadLetterButton);
}

void MainWindow::onBatchApplied()
{
    updateCounters();
}

void MainWindow::onConnectionStatus(const ConnectionStatus &status)
{
    if (status.source == ConnectionStatus::Source::Redis) {
        // Only consoles configured with Redis ever get here; the badge sits beside Kafka's.
        if (!m_redisConnection) {
            // With two sources, where each value came from matters: show the column.
            m_tree->treeView()->header()->showSection(AssetTreeModel::OriginColumn);
            m_redisConnection = new ConnectionStatusWidget(this);
            m_redisConnection->setObjectName(QStringLiteral("redisStatus"));
            m_redisConnection->setClock(m_now);
            statusBar()->insertPermanentWidget(1, m_redisConnection, 2); // right after Kafka's
        }
        m_redisConnection->setStatus(status);
        return;
    }
    m_connection->setStatus(status);
}

void MainWindow::updateCounters()
{
    m_connection->setRecordsLostToRetention(m_models->recordsLostToRetention());
    const QLocale locale;
    m_eventsLabel->setText(tr("Events: %1").arg(locale.toString(m_models->eventsApplied())));
    const quint64 dead = m_models->deadLetters()->totalCount();
    m_deadLetterButton->setText(tr("Dead letters: %1").arg(locale.toString(dead)));
    // Amber only when something was rejected: otherwise it is just a grey counter.
    // (Restyled when that changes only: this runs on every batch applied.)
    HmiStyle::restyle(m_deadLetterButton,
                      dead > 0 ? QStringLiteral("QToolButton { %1 }")
                                     .arg(HmiStyle::warningBadgeStyle())
                               : QString());
    m_rateLabel->setText(tr("%1 records/s").arg(locale.toString(qRound64(m_recordsPerSecond))));
}

void MainWindow::updateRate()
{
    const qint64 now = m_now();
    const quint64 records = m_models->recordsConsumed();
    const qint64 dt = now - m_rateSampleMs;
    if (dt <= 0)
        return;
    m_recordsPerSecond = double(records - m_rateSampleRecords) * 1000.0 / double(dt);
    m_rateSampleMs = now;
    m_rateSampleRecords = records;
    updateCounters();
}

QString MainWindow::rateText() const
{
    return m_rateLabel->text();
}

QString MainWindow::eventsText() const
{
    return m_eventsLabel->text();
}

void MainWindow::showDeadLetters()
{
    m_deadLetterDock->show();
    m_deadLetterDock->raise();
    m_deadLetters->setFocus(Qt::OtherFocusReason);
}

void MainWindow::showShortcuts()
{
    // Built from the actions each time, so it lists exactly the keys that work.
    auto *dialog = findChild<ShortcutsDialog *>(QStringLiteral("shortcutsDialog"));
    if (!dialog)
        dialog = new ShortcutsDialog(this);
    dialog->refresh();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState(kWindowStateVersion));
    settings.setValue(QStringLiteral("plots"), m_plots->saveState());
    settings.setValue(QStringLiteral("assetTreeHeader"), m_tree->saveHeaderState());
    settings.setValue(QStringLiteral("headers"), headerStates());
    settings.endGroup();
}

void MainWindow::restoreSettings()
{
    captureDefaultLayout(); // what "Reset to the default layout" goes back to
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    m_savedStateRestored = restoreState(settings.value(QStringLiteral("state")).toByteArray(), kWindowStateVersion);
    const QVariantMap plots = settings.value(QStringLiteral("plots")).toMap();
    if (!plots.value(QStringLiteral("plots")).toList().isEmpty()) {
        // Replace the default empty plot with what the operator had.
        for (PlotPanel *panel : m_plots->plots())
            m_plots->closePlot(panel);
        m_plots->restoreState(plots);
    }
    m_tree->restoreHeaderState(settings.value(QStringLiteral("assetTreeHeader")).toByteArray());
    restoreHeaderStates(settings.value(QStringLiteral("headers")).toMap());
    settings.endGroup();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace ndh

namespace ndh {

void MainWindow::createHistoryUi()
{
    // The time slider spans the window's width under everything, above the status bar.
    m_timeSlider = new TimeSlider(m_models, this);
    auto *bar = new QToolBar(tr("Time slider"), this);
    bar->setObjectName(QStringLiteral("timeSliderBar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->addWidget(m_timeSlider);
    addToolBar(Qt::BottomToolBarArea, bar);

    // Steps go to the events of the asset selected in the tree.
    QTreeView *treeView = m_tree->treeView();
    connect(treeView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        m_timeSlider->setSelectedAsset(current.data(AssetTreeModel::AssetKeyRole).toString());
    });

    m_loadHistoryDialog = new LoadHistoryDialog(this);
    m_loadHistoryAction = new QAction(tr("Load &history\u2026"), this);
    m_loadHistoryAction->setObjectName(QStringLiteral("loadHistoryAction"));
    m_loadHistoryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_loadHistoryAction->setToolTip(tr("Read a time range from Kafka into the history (Ctrl+Shift+H)"));
    connect(m_loadHistoryAction, &QAction::triggered, this, [this] {
        if (!m_loadHistoryDialog->isRunning() && !m_models->history().isEmpty()) {
            // Offer the hour before what is already known.
            const qint64 first = m_models->history().firstMs();
            m_loadHistoryDialog->setRange(first - 3600 * 1000, first);
        }
        m_loadHistoryDialog->show();
        m_loadHistoryDialog->raise();
    });
    // Into the File menu, above Quit.
    if (QAction *quit = findChild<QAction *>(QStringLiteral("quitAction"))) {
        for (QAction *menuAction : menuBar()->actions()) {
            QMenu *menu = menuAction->menu();
            if (menu && menu->actions().contains(quit)) {
                menu->insertAction(quit, m_loadHistoryAction);
                menu->insertSeparator(quit);
                break;
            }
        }
    }

    QMenu *history = new QMenu(tr("H&istory"), this);
    history->setObjectName(QStringLiteral("historyMenu"));
    history->addActions(m_timeSlider->actions());
    history->addSeparator();
    history->addAction(m_loadHistoryAction);
    insertMenuBeforeHelp(history);
}

void MainWindow::insertMenuBeforeHelp(QMenu *menu)
{
    const QList<QAction *> menus = menuBar()->actions();
    menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), menu);
}

} // namespace ndh

namespace ndh {

void MainWindow::createAlarmUi()
{
    // The banner sits above the trends, where it is seen whatever dock is in front.
    m_alarmBanner = new AlarmBanner(m_models->alarms(), this);
    QWidget *plots = takeCentralWidget();
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_alarmBanner);
    column->addWidget(plots, 1);
    setCentralWidget(central);

    m_alarmList = new AlarmListView(m_models->alarms(), this);
    m_alarmDock = new QDockWidget(tr("Alarms"), this);
    m_alarmDock->setObjectName(QStringLiteral("alarmDock"));
    m_alarmDock->setWidget(m_alarmList);
    addDockWidget(Qt::BottomDockWidgetArea, m_alarmDock);
    m_alarmKpis = new AlarmKpiView(m_models->alarms(), this);
    m_alarmKpiDock = new QDockWidget(tr("Alarm KPIs"), this);
    m_alarmKpiDock->setObjectName(QStringLiteral("alarmKpiDock"));
    m_alarmKpiDock->setWidget(m_alarmKpis);
    addDockWidget(Qt::BottomDockWidgetArea, m_alarmKpiDock);
    tabifyDockWidget(m_alarmDock, m_alarmKpiDock);
    m_alarmDock->raise();
    resizeDocks({m_alarmDock}, {300}, Qt::Vertical);
    // The alarm docks take their share of the width too: give the tree back enough
    // for full asset and attribute names.
    resizeDocks({m_assetDock}, {560}, Qt::Horizontal);

    for (QAction *menuAction : menuBar()->actions()) {
        if (menuAction->menu() && menuAction->menu()->title() == tr("&View")) {
            QMenu *view = menuAction->menu();
            QAction *toggleAlarms = m_alarmDock->toggleViewAction();
            toggleAlarms->setText(tr("A&larms"));
            toggleAlarms->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
            QAction *toggleKpis = m_alarmKpiDock->toggleViewAction();
            toggleKpis->setText(tr("Alarm &KPIs"));
            toggleKpis->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
            QAction *first = view->actions().value(2); // after the tree and dead-letter toggles
            view->insertAction(first, toggleAlarms);
            view->insertAction(first, toggleKpis);
            view->insertAction(first, m_alarmBanner->muteAction());
            break;
        }
    }

    if (auto *message = findChild<QLabel *>(QStringLiteral("statusMessage")))
        connect(m_alarmList, &AlarmListView::statusMessage, message, &QLabel::setText);
    connect(m_alarmBanner, &AlarmBanner::alarmClicked, this, [this](const QString &key) {
        m_alarmDock->show();
        m_alarmDock->raise();
        m_alarmList->selectAlarm(key);
    });
    connect(m_alarmList, &AlarmListView::assetRequested, this, &MainWindow::showAsset);
    connect(m_alarmList, &AlarmListView::plotRequested, this,
            [this](const QString &attributeKey, qint64 timeMs, const QString &label) {
                if (!m_plots->plotAttributeAt(attributeKey, timeMs, label))
                    statusBar()->showMessage(tr("Cannot plot %1").arg(attributeKey), kMessageTimeoutMs);
            });
}

void MainWindow::showAsset(const QString &assetKey)
{
    const QModelIndex source = m_models->assetTree()->indexForAsset(assetKey);
    QTreeView *tree = m_tree->treeView();
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(tree->model());
    QModelIndex index = proxy ? proxy->mapFromSource(source) : source;
    if (source.isValid() && !index.isValid()) {
        m_tree->setFilterText({}); // hidden by the tree's filter: show it rather than fail
        index = proxy ? proxy->mapFromSource(source) : source;
    }
    if (!index.isValid())
        return;
    m_assetDock->show();
    m_assetDock->raise();
    tree->setCurrentIndex(index);
    tree->scrollTo(index, QAbstractItemView::PositionAtCenter);
    tree->setFocus(Qt::OtherFocusReason);
}

} // namespace ndh
