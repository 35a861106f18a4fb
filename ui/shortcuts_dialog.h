#pragma once
// Help > Keyboard shortcuts (F1): built from the window's actual QActions each time it
// opens, so a key added, changed or removed anywhere shows here without anyone
// editing a list. Mouse gestures, which are not actions, follow in their own group.

#include <QDialog>
#include <QList>
#include <QString>

class QTreeWidget;

namespace ndh {

struct ShortcutRow
{
    QString keys;   // native text, e.g. "Ctrl+Shift+P"
    QString action; // the action's text without mnemonics
    QString where;  // the menu or panel it belongs to
};

class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    // Every action of `window` that has a shortcut: menu actions under their menu's
    // title, the others under their dock's title; the same key and text once.
    static QList<ShortcutRow> collect(QWidget *window);

    explicit ShortcutsDialog(QWidget *window);

    // Re-reads the window's actions.
    void refresh();
    QTreeWidget *list() const { return m_list; }

private:
    QWidget *m_window;
    QTreeWidget *m_list;
};

} // namespace ndh
