// MainWindow's workspace (issue 10): layouts saved, named, exported and imported; the
// command palette; settings; About; the shortcut list. Kept apart from
// main_window.cpp so the window's panels and the desktop's polish change separately.

#include "main_window.h"

#include "about_dialog.h"
#include "asset_tree_model.h"
#include "asset_tree_view.h"
#include "column_fit.h"
#include "command_palette.h"
#include "layout_file.h"
#include "plant_models.h"
#include "plot_area.h"
#include "plot_panel.h"
#include "settings_dialog.h"
#include "shortcuts_dialog.h"
#include "topic_catalog.h"

#include <QAbstractItemView>
#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QGuiApplication>
#include <QScreen>
#include <QLayout>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

#include <algorithm>
#include <functional>

namespace ndh {

namespace {

constexpr int kLayoutStateVersion = 1; // of the QMainWindow state inside a layout
const QString kLayoutsGroup = QStringLiteral("layouts");

QString plainTitle(QString text)
{
    return text.remove(u'&');
}

QMenu *menuTitled(QMenuBar *bar, const QString &title)
{
    for (QAction *a : bar->actions()) {
        if (a->menu() && a->menu()->title() == title)
            return a->menu();
    }
    return nullptr;
}

} // namespace

QVariantMap MainWindow::headerStates() const
{
    // Every named table and tree: column order, widths, hidden columns and sorting.
    QVariantMap headers;
    for (QAbstractItemView *view : findChildren<QAbstractItemView *>()) {
        if (!headerOf(view) || view->objectName().isEmpty() || qobject_cast<QHeaderView *>(view))
            continue;
        if (view->window() != this)
            continue; // dialogs keep their own
        headers.insert(view->objectName(), saveHeaderState(view));
    }
    return headers;
}

void MainWindow::restoreHeaderStates(const QVariantMap &headers)
{
    for (QAbstractItemView *view : findChildren<QAbstractItemView *>()) {
        const QByteArray state = headers.value(view->objectName()).toByteArray();
        if (!state.isEmpty() && view->window() == this)
            restoreHeaderState(view, state); // tables and trees; fitted columns fitted again, widths set by hand kept
    }
}

QVariantMap MainWindow::layoutState() const
{
    QVariantMap layout;
    layout.insert(QStringLiteral("windowState"), saveState(kLayoutStateVersion));
    layout.insert(QStringLiteral("plots"), m_plots->saveState());
    layout.insert(QStringLiteral("headers"), headerStates());
    layout.insert(QStringLiteral("windowGeometry"), windowGeometry());
    return layout;
}

bool MainWindow::applyLayoutState(const QVariantMap &layout, QString *error)
{
    captureDefaultLayout();
    const QByteArray state = layout.value(QStringLiteral("windowState")).toByteArray();
    if (state.isEmpty() || !restoreState(state, kLayoutStateVersion)) {
        if (error)
            *error = tr("the dock arrangement is damaged or from another version");
        // Back to a known arrangement rather than whatever restoreState left.
        restoreState(m_defaultLayout.value(QStringLiteral("windowState")).toByteArray(), kLayoutStateVersion);
        return false;
    }
    const QVariantMap plots = layout.value(QStringLiteral("plots")).toMap();
    for (PlotPanel *panel : m_plots->plots())
        m_plots->closePlot(panel);
    m_plots->restoreState(plots);
    if (m_plots->plots().isEmpty())
        m_plots->addPlot();
    restoreHeaderStates(layout.value(QStringLiteral("headers")).toMap());
    if (layout.contains(QStringLiteral("windowGeometry")))
        applyWindowGeometry(layout.value(QStringLiteral("windowGeometry")).toMap());
    return true;
}

void MainWindow::captureDefaultLayout()
{
    if (m_defaultLayout.isEmpty()) {
        m_defaultLayout = layoutState();
        m_defaultLayout.remove(QStringLiteral("windowGeometry"));
    }
}

void MainWindow::setVisible(bool visible)
{
    if (visible && !m_shownOnce && !m_savedStateRestored) {
        arrangeFreshLayout();
        // Now, not during show: the minimum must be the tabbed arrangement's. The one
        // of the side-by-side docks may already have widened the window past the
        // screen, and a window is never narrowed back by itself.
        layout()->activate();
        if (const QScreen *s = screen())
            resize(size().boundedTo(s->availableGeometry().size()).expandedTo(minimumSizeHint()));
    }
    QMainWindow::setVisible(visible);
}

void MainWindow::arrangeFreshLayout()
{
    if (m_freshLayoutArranged)
        return;
    m_freshLayoutArranged = true;
    // Fresh start: one tab group at the bottom, alarms in front; panels attached after
    // the constructor (commands, connection health) join it rather than stand beside
    // it, which would add their minimum widths together.
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        if (dock != m_alarmDock && dockWidgetArea(dock) == Qt::BottomDockWidgetArea && !dock->isFloating()
            && !tabifiedDockWidgets(m_alarmDock).contains(dock))
            tabifyDockWidget(m_alarmDock, dock);
    }
    m_alarmDock->raise();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    if (m_savedStateRestored) {
        // Docks that did not exist yet when the saved state was applied.
        for (QDockWidget *dock : findChildren<QDockWidget *>())
            restoreDockWidget(dock);
        return;
    }
    arrangeFreshLayout(); // when shown without setVisible (showMaximized...)
    // The tree wide enough for asset names; this is then what "Reset to the default
    // layout" restores (the docks, not the window's size and place).
    resizeDocks({m_assetDock}, {std::clamp(width() / 3, 260, 560)}, Qt::Horizontal);
    m_defaultLayout = layoutState();
    m_defaultLayout.remove(QStringLiteral("windowGeometry"));
}

QVariantMap MainWindow::windowGeometry() const
{
    const QRect g = normalGeometry().isValid() ? normalGeometry() : geometry();
    return {{QStringLiteral("x"), g.x()},
            {QStringLiteral("y"), g.y()},
            {QStringLiteral("width"), g.width()},
            {QStringLiteral("height"), g.height()},
            {QStringLiteral("maximized"), isMaximized()}};
}

void MainWindow::applyWindowGeometry(const QVariantMap &geometry)
{
    bool okW = false;
    bool okH = false;
    const int w = geometry.value(QStringLiteral("width")).toInt(&okW);
    const int h = geometry.value(QStringLiteral("height")).toInt(&okH);
    if (!okW || !okH || w <= 0 || h <= 0)
        return; // no usable size: keep the window as it is
    QRect wanted(geometry.value(QStringLiteral("x")).toInt(), geometry.value(QStringLiteral("y")).toInt(), w, h);
    // The screen the layout's window was on if this desk has it, else this window's.
    const QScreen *target = QGuiApplication::screenAt(wanted.center());
    if (!target)
        target = screen();
    if (target) {
        const QRect avail = target->availableGeometry();
        wanted.setSize(wanted.size().boundedTo(avail.size()).expandedTo(minimumSizeHint()));
        wanted.moveLeft(std::clamp(wanted.x(), avail.left(), std::max(avail.left(), avail.right() + 1 - wanted.width())));
        wanted.moveTop(std::clamp(wanted.y(), avail.top(), std::max(avail.top(), avail.bottom() + 1 - wanted.height())));
    }
    if (isMaximized() && isVisible())
        showNormal();
    setGeometry(wanted);
    if (geometry.value(QStringLiteral("maximized")).toBool() && isVisible())
        showMaximized();
}

void MainWindow::resetLayout()
{
    captureDefaultLayout();
    applyLayoutState(m_defaultLayout);
}

QStringList MainWindow::savedLayoutNames() const
{
    QSettings settings;
    settings.beginGroup(kLayoutsGroup);
    QStringList names;
    for (const QString &key : settings.childKeys())
        names << QString::fromUtf8(QByteArray::fromPercentEncoding(key.toLatin1()));
    names.sort(Qt::CaseInsensitive);
    return names;
}

void MainWindow::saveLayoutAs(const QString &name)
{
    QSettings settings;
    settings.beginGroup(kLayoutsGroup);
    settings.setValue(QString::fromLatin1(name.toUtf8().toPercentEncoding()),
                      QString::fromUtf8(LayoutFile::toJson(layoutState(), name)));
    rebuildLayoutsMenu();
}

bool MainWindow::loadSavedLayout(const QString &name, QString *error)
{
    QSettings settings;
    settings.beginGroup(kLayoutsGroup);
    const QByteArray json = settings.value(QString::fromLatin1(name.toUtf8().toPercentEncoding())).toString().toUtf8();
    QString why;
    const auto layout = LayoutFile::fromJson(json, &why);
    if (!layout || !applyLayoutState(*layout, &why)) {
        if (error)
            *error = tr("Layout \u201c%1\u201d cannot be used: %2. The default layout is shown.").arg(name, why);
        resetLayout();
        return false;
    }
    return true;
}

bool MainWindow::exportLayout(const QString &path, QString *error) const
{
    return LayoutFile::write(path, layoutState(), QFileInfo(path).completeBaseName(), error);
}

bool MainWindow::importLayout(const QString &path, QString *error)
{
    QString why;
    QString name;
    const auto layout = LayoutFile::read(path, &why, &name);
    if (!layout || !applyLayoutState(*layout, &why)) {
        if (error)
            *error = tr("Cannot use the layout %1: %2. The default layout is shown.").arg(QDir::toNativeSeparators(path), why);
        resetLayout();
        return false;
    }
    if (!name.isEmpty())
        saveLayoutAs(name); // imported layouts are kept by name, like saved ones
    return true;
}

void MainWindow::rebuildLayoutsMenu()
{
    if (!m_layoutsMenu)
        return;
    for (QAction *a : std::as_const(m_savedLayoutActions)) {
        m_layoutsMenu->removeAction(a);
        a->deleteLater();
    }
    m_savedLayoutActions.clear();
    QAction *before = m_layoutsMenu->actions().value(0);
    for (const QString &name : savedLayoutNames()) {
        auto *a = new QAction(name, m_layoutsMenu);
        a->setObjectName(QStringLiteral("savedLayout"));
        connect(a, &QAction::triggered, this, [this, name] {
            QString error;
            if (!loadSavedLayout(name, &error))
                QMessageBox::warning(this, tr("Layout"), error);
        });
        m_layoutsMenu->insertAction(before, a);
        m_savedLayoutActions.append(a);
    }
    if (!m_savedLayoutActions.isEmpty() && !m_layoutSeparator) {
        m_layoutSeparator = m_layoutsMenu->insertSeparator(before);
    }
}

void MainWindow::createWorkspaceUi()
{
    QMenu *view = menuTitled(menuBar(), tr("&View"));
    QMenu *file = menuTitled(menuBar(), tr("&File"));
    if (!view)
        view = menuBar()->addMenu(tr("&View"));

    view->addSeparator();
    m_paletteAction = view->addAction(tr("&Command palette\u2026"));
    m_paletteAction->setObjectName(QStringLiteral("paletteAction"));
    m_paletteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_paletteAction->setToolTip(tr("Find an action, asset or topic by name (Ctrl+Shift+P)"));
    connect(m_paletteAction, &QAction::triggered, this, &MainWindow::showCommandPalette);

    m_layoutsMenu = view->addMenu(tr("&Layouts"));
    m_layoutsMenu->setObjectName(QStringLiteral("layoutsMenu"));
    QAction *save = m_layoutsMenu->addAction(tr("&Save layout as\u2026"));
    save->setObjectName(QStringLiteral("saveLayoutAction"));
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    connect(save, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save layout"), tr("Name of this layout:"),
                                                   QLineEdit::Normal, QString(), &ok)
                                 .trimmed();
        if (ok && !name.isEmpty())
            saveLayoutAs(name);
    });
    QAction *exportAction = m_layoutsMenu->addAction(tr("E&xport layout\u2026"));
    exportAction->setObjectName(QStringLiteral("exportLayoutAction"));
    connect(exportAction, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export layout"),
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/layout.ndhlayout"),
            tr("Layouts (*.ndhlayout);;All files (*)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!exportLayout(path, &error))
            QMessageBox::warning(this, tr("Export layout"), error);
    });
    QAction *importAction = m_layoutsMenu->addAction(tr("&Import layout\u2026"));
    importAction->setObjectName(QStringLiteral("importLayoutAction"));
    connect(importAction, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import layout"),
                                                          QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                                          tr("Layouts (*.ndhlayout);;All files (*)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!importLayout(path, &error))
            QMessageBox::warning(this, tr("Import layout"), error);
    });
    m_layoutsMenu->addSeparator();
    QAction *reset = m_layoutsMenu->addAction(tr("&Reset to the default layout"));
    reset->setObjectName(QStringLiteral("resetLayoutAction"));
    connect(reset, &QAction::triggered, this, &MainWindow::resetLayout);
    rebuildLayoutsMenu();

    m_settingsAction = new QAction(tr("&Settings\u2026"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    QAction *quit = findChild<QAction *>(QStringLiteral("quitAction"));
    if (file && quit) {
        file->insertAction(quit, m_settingsAction);
        file->insertSeparator(quit);
    } else if (file) {
        file->addAction(m_settingsAction);
    }
}

QList<PaletteEntry> MainWindow::paletteEntries() const
{
    QList<PaletteEntry> entries;
    // Actions: every menu entry, with its menu and keys as the detail.
    int index = 0;
    m_paletteActions.clear();
    std::function<void(QMenu *, const QString &)> walk = [&](QMenu *menu, const QString &path) {
        for (QAction *a : menu->actions()) {
            if (a->menu()) {
                walk(a->menu(), path + QStringLiteral(" \u203a ") + plainTitle(a->menu()->title()));
                continue;
            }
            if (a->isSeparator() || a->text().isEmpty() || a == m_paletteAction)
                continue;
            QString detail = path;
            if (!a->shortcut().isEmpty())
                detail += QStringLiteral(" (%1)").arg(a->shortcut().toString(QKeySequence::NativeText));
            entries.append({PaletteEntry::Kind::Action, plainTitle(a->text()), detail, QString::number(index++)});
            m_paletteActions.append(a);
        }
    };
    for (QAction *top : menuBar()->actions()) {
        if (top->menu())
            walk(top->menu(), plainTitle(top->menu()->title()));
    }
    // Assets: every asset the tree knows, by id with its location and type.
    const QAbstractItemModel *tree = m_models->assetTree();
    std::function<void(const QModelIndex &)> assets = [&](const QModelIndex &parent) {
        for (int row = 0; row < tree->rowCount(parent); ++row) {
            const QModelIndex i = tree->index(row, 0, parent);
            const auto kind = AssetTreeModel::NodeKind(i.data(AssetTreeModel::NodeKindRole).toInt());
            if (kind == AssetTreeModel::NodeKind::Asset) {
                const QString key = i.data(AssetTreeModel::AssetKeyRole).toString();
                const QString id = key.section(u'/', -1);
                entries.append({PaletteEntry::Kind::Asset, id, key.section(u'/', 0, -2), key});
            } else if (kind != AssetTreeModel::NodeKind::Attribute) {
                assets(i);
            }
        }
    };
    assets({});
    // Topics: the standard NDH and drone topics.
    for (const QString &topic : topics::standardTopics())
        entries.append({PaletteEntry::Kind::Topic, topic, QString(), topic});
    return entries;
}

void MainWindow::showCommandPalette()
{
    if (!m_palette) {
        m_palette = new CommandPalette(this);
        connect(m_palette, &CommandPalette::entryChosen, this, &MainWindow::runPaletteEntry);
    }
    m_palette->setEntries(paletteEntries());
    m_palette->setQuery({});
    m_palette->show();
    m_palette->raise();
    m_palette->activateWindow();
    m_palette->queryEdit()->setFocus(Qt::PopupFocusReason);
}

void MainWindow::runPaletteEntry(const PaletteEntry &entry)
{
    switch (entry.kind) {
    case PaletteEntry::Kind::Action: {
        bool ok = false;
        const int i = entry.id.toInt(&ok);
        if (ok && i >= 0 && i < m_paletteActions.size() && m_paletteActions.at(i)->isEnabled())
            m_paletteActions.at(i)->trigger();
        break;
    }
    case PaletteEntry::Kind::Asset:
        showAsset(entry.id);
        break;
    case PaletteEntry::Kind::Topic: {
        // The topic browser, when this build has one, takes it from here.
        for (QDockWidget *dock : findChildren<QDockWidget *>()) {
            if (!dock->objectName().contains(QLatin1String("topic"), Qt::CaseInsensitive))
                continue;
            dock->show();
            dock->raise();
            if (dock->widget())
                QMetaObject::invokeMethod(dock->widget(), "selectTopic", Q_ARG(QString, entry.id));
            return;
        }
        statusBar()->showMessage(tr("Topic %1").arg(entry.id), 5000);
        break;
    }
    }
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    dialog.exec();
}

} // namespace ndh
