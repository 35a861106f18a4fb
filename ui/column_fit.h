#pragma once
// Keeps a list's columns fitted to the width of its view, so that no column is
// squeezed to nothing while others hold more than they need (the alarm message
// was unreadable at 1400 px: the fixed columns took the whole view). Columns of
// short, known content are as wide as their header text and a sample of it; the
// flexible ones share the rest by weight and never go below their minimum (the
// view scrolls then). A column the user sizes by hand keeps that width from then
// on; the flexible columns left share what remains.

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStyledItemDelegate>

#include <vector>

class QAbstractItemView;
class QFontMetrics;
class QHeaderView;

namespace ndh {

// The horizontal header of a table or tree view; nullptr for any other view.
QHeaderView *headerOf(const QAbstractItemView *view);

// A view's header state for settings and layouts, with its ColumnFit's columns
// sized by hand when it has one; and back (false: not a header state), the column
// toggles of the header's menu (checkable actions whose data is their column)
// checked as the restored columns are shown.
QByteArray saveHeaderState(const QAbstractItemView *view);
bool restoreHeaderState(QAbstractItemView *view, const QByteArray &state);

// Checkable "show this column" actions in the header's context menu for the view's
// columns first..last (named by the model's header text, the column as their data,
// as restoreHeaderState expects): the way to columns a view hides by default. Call
// once the view has its model (columns past the model's are left out), and before
// creating the view's ColumnFit, so that they come first in the menu.
void addColumnToggles(QAbstractItemView *view, int first, int last);

// A '/' path too long for `width` pixels, shortened so that its last part stays
// whole: "WAREHOUSE_C/…/CONVEYOR_006", then "…/CONVEYOR_006" (which a view may
// still elide at its left). A path that fits, or has no '/', is returned as it is.
QString elidedPath(const QString &path, const QFontMetrics &metrics, int width);

// Draws a column's text elided its own way (a view has one mode for all columns):
// topic names at their left ("…state.attribute_changed") beside keys elided in
// the middle. Set with QAbstractItemView::setItemDelegateForColumn.
class ElidingDelegate : public QStyledItemDelegate
{
public:
    ElidingDelegate(Qt::TextElideMode mode, QObject *parent)
        : QStyledItemDelegate(parent), m_mode(mode)
    {
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = m_mode;
    }

private:
    Qt::TextElideMode m_mode;
};

class ColumnFit : public QObject
{
    Q_OBJECT
public:
    struct Column
    {
        int column = 0;
        // 0: as wide as the header text and the widest of `samples` (in the cell
        // font). > 0: a share of what is left, this many parts of it.
        int weight = 0;
        QStringList samples;
        int minimum = 0; // pixels, for a flexible column
        int extra = 0;   // pixels added, for a tree's branch indentation in column 0
    };

    // How the view draws its cells, for measuring the samples: Bold where some rows
    // are bold (unacknowledged alarms), so that the widest cell fits.
    enum class CellFont { Regular, Bold };

    // Fits `view`'s columns (its header is found from the view) now and whenever
    // its viewport is resized. Columns not listed are left alone.
    ColumnFit(QAbstractItemView *view, std::vector<Column> columns, CellFont font = CellFont::Regular);
    // The one fitting `view`'s columns, if any.
    static ColumnFit *of(const QAbstractItemView *view);

    void fit();
    // The header's state (QHeaderView::saveState) with the columns sized by hand,
    // and back. restoreState also takes a plain header state, from before the
    // columns were fitted: its order, hidden columns and sorting are kept, its
    // widths (mostly old defaults) are fitted again, and Stretch is undone. A
    // damaged state is refused (false) and changes nothing.
    QByteArray saveState() const;
    bool restoreState(const QByteArray &state);
    // Columns the user sized by hand (kept at their width).
    const QSet<int> &pinned() const { return m_pinned; }
    // Their widths, to carry them to another view of the same columns (the alarm
    // list's groups); pinWidths sizes and pins them there, column 0 `extraForFirst`
    // wider (a tree's branches).
    QHash<int, int> pinnedWidths() const;
    void pinWidths(const QHash<int, int> &widths, int extraForFirst = 0);
    // Forgets the widths set by hand: every column fitted again.
    void fitAll();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    const Column *listed(int column) const; // nullptr: a column it leaves alone
    void makeInteractive();
    int contentWidth(const Column &c) const;

    QAbstractItemView *m_view;
    QHeaderView *m_header;
    std::vector<Column> m_columns;
    CellFont m_font;
    QSet<int> m_pinned;
    bool m_applying = false;
};

} // namespace ndh
