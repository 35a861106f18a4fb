#pragma once
// An item view whose repaints for changed values are paced: a value change marks
// its columns, and they are repainted at most once per repaintInterval()
// instead of after every batch (issue 11). Under full ingest a batch lands every
// ~10 ms and changes most visible rows of the asset tree; painting the tree after
// each one cost 3-5 ms of GUI time a batch, for values nobody reads faster than a
// few times a second. Rows added or removed, selection, scrolling and hovering
// repaint at once as before; only dataChanged is paced. A sort/filter proxy with
// recursive filtering also reports every changed row's ancestors (first column):
// paced too.

#include <QAbstractItemView>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace ndh {

template<class View>
class PacedItemView : public View
{
public:
    explicit PacedItemView(QWidget *parent = nullptr)
        : View(parent)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::CoarseTimer);
        m_timer.setInterval(kDefaultIntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { repaintPending(); });
    }

    static constexpr int kDefaultIntervalMs = 100;

    int repaintInterval() const { return m_timer.interval(); }
    // 0 repaints with every change, as a plain view does.
    void setRepaintInterval(int ms) { m_timer.setInterval(std::max(0, ms)); }
    bool isRepaintPending() const { return m_timer.isActive(); }
    // Viewport repaints this view asked for because values changed.
    quint64 pacedRepaints() const { return m_paced; }

    // Marks the logical columns first..last of every row for the next paced repaint
    // (for a model signal that says "many rows changed" without dataChanged).
    void scheduleRepaint(int firstColumn, int lastColumn)
    {
        m_first = std::min(m_first, firstColumn);
        m_last = std::max(m_last, lastColumn);
        if (m_timer.interval() == 0)
            repaintPending();
        else if (!m_timer.isActive())
            m_timer.start(); // started, not restarted: a steady stream still repaints
    }

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override
    {
        // Skipping the base class skips QTreeView re-reading hasChildren of the
        // changed rows: the models here say so with rowsInserted/rowsRemoved.
        if (m_timer.interval() == 0 || !this->isVisible()) {
            View::dataChanged(topLeft, bottomRight, roles);
            return;
        }
        scheduleRepaint(topLeft.column(), bottomRight.column());
    }

private:
    // Only the changed columns are repainted: the views paint just the columns a
    // region touches, and a tree's names (the widest column) rarely change.
    void repaintPending()
    {
        QRect dirty;
        for (int c = std::max(0, m_first); c <= m_last && c < this->model()->columnCount(this->rootIndex()); ++c) {
            if (this->isColumnHidden(c))
                continue;
            const int x = this->columnViewportPosition(c);
            dirty |= QRect(x, 0, this->columnWidth(c), this->viewport()->height());
        }
        m_first = std::numeric_limits<int>::max();
        m_last = -1;
        if (!dirty.isEmpty()) {
            ++m_paced;
            this->viewport()->update(dirty);
        }
    }

    QTimer m_timer;
    quint64 m_paced = 0;
    int m_first = std::numeric_limits<int>::max();
    int m_last = -1;
};

} // namespace ndh
