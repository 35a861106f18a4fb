#pragma once
// The command palette (Ctrl+Shift+P): one box to find an action, an asset or a topic
// by name, so nobody has to remember which menu or dock holds it. Every word typed
// must appear in the entry's name or detail; names that start with the first word
// come first. The palette only lists and chooses: what a choice does is the
// window's business (entryChosen).

#include <QDialog>
#include <QList>
#include <QString>

class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace ndh {

struct PaletteEntry
{
    enum class Kind { Action, Asset, Topic };
    Kind kind = Kind::Action;
    QString text;   // what is matched and shown: "Acknowledge", "PUMP_001", "ndh.assets.alarms.triggered"
    QString detail; // shown beside it: the menu and keys, the asset's location/type
    QString id;     // what the window needs to act: action objectName/pointer index, asset key, topic
};

class CommandPalette : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kMaxShown = 200;

    explicit CommandPalette(QWidget *parent = nullptr);

    void setEntries(QList<PaletteEntry> entries);
    void setQuery(const QString &query);
    QLineEdit *queryEdit() const { return m_query; }
    // What the list shows now, best first (for tests and for the window's checks).
    QList<PaletteEntry> shownEntries() const;
    // Chooses the current row, as Enter does.
    void chooseCurrent();

signals:
    void entryChosen(const ndh::PaletteEntry &entry);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();
    static QString kindName(PaletteEntry::Kind kind);

    QLineEdit *m_query;
    QListWidget *m_list;
    QList<PaletteEntry> m_entries;
    QList<int> m_shown; // indexes into m_entries
};

} // namespace ndh
