#include "alarm_filter_model.h"

#include "alarm_priority.h"
#include "alarm_table_model.h"

namespace ndh {

AlarmFilterModel::AlarmFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void AlarmFilterModel::setAlarmModel(AlarmTableModel *model)
{
    if (m_alarms)
        disconnect(m_alarms, nullptr, this, nullptr);
    m_alarms = model;
    setSourceModel(model);
    if (!model)
        return;
    // A sorted proxy places each inserted row by itself: one beginInsertRows per
    // position, each O(rows) in the proxy and its views, so 3,333 alarms arriving at
    // once into 100,000 took ~0.7 s. For a large batch, dynamic sorting is switched
    // off while the rows go in (QSortFilterProxyModel then appends them as one
    // block, after QSortFilterProxyModel's own slot ran, as this connection is made
    // later) and back on afterwards, which sorts once (O(n log n), keeping
    // selections through persistent indexes).
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (!parent.isValid() && last - first + 1 >= kBulkInsertRows && dynamicSortFilter()
                    && sortColumn() >= 0) {
                    m_resortAfterInsert = true;
                    setDynamicSortFilter(false);
                }
            });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_resortAfterInsert)
            return;
        m_resortAfterInsert = false;
        setDynamicSortFilter(true); // sorts once
    });
}

void AlarmFilterModel::refilter()
{
    invalidateFilter();
    emit filterChanged();
}

void AlarmFilterModel::setPriorities(const QSet<int> &priorities)
{
    if (priorities == m_priorities)
        return;
    m_priorities = priorities;
    refilter();
}

void AlarmFilterModel::setStates(const QSet<IsaState> &states)
{
    if (states == m_states)
        return;
    m_states = states;
    refilter();
}

void AlarmFilterModel::setLocation(const QString &location)
{
    if (location == m_location)
        return;
    m_location = location;
    refilter();
}

void AlarmFilterModel::setText(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_text)
        return;
    m_text = t;
    refilter();
}

void AlarmFilterModel::setHideNormal(bool hide)
{
    if (hide == m_hideNormal)
        return;
    m_hideNormal = hide;
    refilter();
}

void AlarmFilterModel::setGroupByAsset(bool group)
{
    if (group == m_groupByAsset)
        return;
    m_groupByAsset = group;
    invalidate(); // the order changes, not the set of rows
    emit filterChanged();
}

QStringList AlarmFilterModel::visibleKeys() const
{
    QStringList keys;
    keys.reserve(rowCount());
    for (int r = 0; r < rowCount(); ++r)
        keys << m_alarms->alarmAt(mapToSource(index(r, 0)).row()).key;
    return keys;
}

bool AlarmFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_alarms || sourceParent.isValid() || sourceRow >= m_alarms->rowCount())
        return false;
    const Alarm &a = m_alarms->alarmAt(sourceRow);
    if (!m_priorities.isEmpty() && !m_priorities.contains(a.priority >= 1 && a.priority <= 4 ? a.priority : 0))
        return false;
    if (!m_location.isEmpty() && a.asset.location != m_location)
        return false;
    if (!m_states.isEmpty() || m_hideNormal) {
        // Through the model's role: it knows which instant the rows show (live or the
        // time slider's).
        const auto s = IsaState(m_alarms->index(sourceRow, 0).data(AlarmTableModel::StateRole).toInt());
        if (m_hideNormal && s == IsaState::Normal)
            return false;
        if (!m_states.isEmpty() && !m_states.contains(s))
            return false;
    }
    if (!m_text.isEmpty()) {
        const auto has = [this](const QString &s) { return s.contains(m_text, Qt::CaseInsensitive); };
        if (!has(a.key) && !has(a.message) && !has(a.alarmType))
            return false;
    }
    return true;
}

int AlarmFilterModel::compareColumn(const Alarm &a, const Alarm &b, int column) const
{
    switch (column) {
    case AlarmTableModel::RaisedColumn: return threeWay(a.raisedMs, b.raisedMs);
    case AlarmTableModel::PriorityColumn: return threeWay(priorityRank(a.priority), priorityRank(b.priority));
    case AlarmTableModel::AssetColumn: return a.asset.key().compare(b.asset.key(), Qt::CaseInsensitive);
    case AlarmTableModel::AlarmColumn: return a.alarmId.compare(b.alarmId, Qt::CaseInsensitive);
    case AlarmTableModel::MessageColumn: return a.message.compare(b.message, Qt::CaseInsensitive);
    case AlarmTableModel::ValueColumn: {
        const auto x = numericValue(a.valueAtTrigger);
        const auto y = numericValue(b.valueAtTrigger);
        if (x && y)
            return threeWay(*x, *y);
        return displayText(a.valueAtTrigger).compare(displayText(b.valueAtTrigger));
    }
    // Longest in state first when ascending reads oddly; sort by the change time
    // instead, so ascending = longest in state.
    case AlarmTableModel::TimeInStateColumn: return threeWay(a.lastChangeMs, b.lastChangeMs);
    default: return 0;
    }
}

bool AlarmFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_alarms)
        return QSortFilterProxyModel::lessThan(left, right);
    const Alarm &a = m_alarms->alarmAt(left.row());
    const Alarm &b = m_alarms->alarmAt(right.row());
    if (m_groupByAsset) {
        // Assets always ascending whatever the column's direction, so groups stay put.
        const int g = a.asset.key().compare(b.asset.key(), Qt::CaseInsensitive);
        if (g != 0)
            return sortOrder() == Qt::AscendingOrder ? g < 0 : g > 0;
    }
    const int c = left.column() == AlarmTableModel::StateColumn
                      ? threeWay(left.data(AlarmTableModel::StateRole).toInt(), right.data(AlarmTableModel::StateRole).toInt())
                      : compareColumn(a, b, left.column());
    if (c != 0)
        return c < 0;
    // Stable tie-break: the order alarms first appeared.
    return left.row() < right.row();
}

} // namespace ndh
