#include "shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>

namespace ndh {

namespace {

QString plain(QString text)
{
    // "&Save layout…" -> "Save layout…"; "&&" stays one ampersand.
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

QString keysOf(const QAction *a)
{
    QStringList keys;
    for (const QKeySequence &k : a->shortcuts())
        keys << k.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

QString panelOf(const QAction *a, QWidget *window)
{
    for (QObject *o = a->parent(); o && o != window; o = o->parent()) {
        if (auto *dock = qobject_cast<QDockWidget *>(o))
            return plain(dock->windowTitle());
    }
    return {};
}

} // namespace

QList<ShortcutRow> ShortcutsDialog::collect(QWidget *window)
{
    QList<ShortcutRow> rows;
    QSet<QString> seen; // keys + text
    QSet<const QAction *> done;
    const auto add = [&](QAction *a, const QString &where) {
        done.insert(a);
        const QString keys = keysOf(a);
        if (keys.isEmpty() || a->text().isEmpty())
            return;
        const QString text = plain(a->text());
        if (seen.contains(keys + u'\n' + text))
            return;
        seen.insert(keys + u'\n' + text);
        rows.append({keys, text, where});
    };

    // Menus first, in menu order: that is where a user looks for an action.
    if (auto *main = qobject_cast<QMainWindow *>(window)) {
        std::function<void(QMenu *, const QString &)> walk = [&](QMenu *menu, const QString &path) {
            for (QAction *a : menu->actions()) {
                if (a->menu())
                    walk(a->menu(), path + QStringLiteral(" \u203a ") + plain(a->menu()->title()));
                else if (!a->isSeparator())
                    add(a, path);
            }
        };
        for (QAction *top : main->menuBar()->actions()) {
            if (top->menu())
                walk(top->menu(), plain(top->menu()->title()));
        }
    }
    // Then the keys that work inside a panel (alarm list, plots, time slider).
    for (QAction *a : window->findChildren<QAction *>()) {
        if (done.contains(a))
            continue;
        QString where = panelOf(a, window);
        if (where.isEmpty())
            where = tr("Main window");
        add(a, where);
    }
    return rows;
}

ShortcutsDialog::ShortcutsDialog(QWidget *window)
    : QDialog(window)
    , m_window(window)
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    m_list->setObjectName(QStringLiteral("shortcutsList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Keys"), tr("Action"), tr("Where")});
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(720, 560);
    refresh();
}

void ShortcutsDialog::refresh()
{
    m_list->clear();
    for (const ShortcutRow &r : collect(m_window))
        new QTreeWidgetItem(m_list, {r.keys, r.action, r.where});
    // Mouse gestures are no actions; they are listed here by hand.
    const QList<QPair<QString, QString>> mouse = {
        {tr("Double-click / Enter"), tr("Plot the selected attribute on the current plot")},
        {tr("Drag"), tr("Drag attributes from the tree onto any plot")},
        {tr("Mouse wheel"), tr("Zoom time on a plot (pauses follow)")},
        {tr("Ctrl+wheel"), tr("Zoom values on a plot")},
        {tr("Drag on a plot"), tr("Pan (pauses follow)")},
        {tr("Double-click legend"), tr("Remove that curve")},
    };
    for (const auto &[keys, action] : mouse)
        new QTreeWidgetItem(m_list, {keys, action, tr("Mouse")});
    for (int c = 0; c < 3; ++c)
        m_list->resizeColumnToContents(c);
}

} // namespace ndh
