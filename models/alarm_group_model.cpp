#include "alarm_group_model.h"

#include "alarm_filter_model.h"
#include "alarm_priority.h"
#include "alarm_table_model.h"

#include <QDateTime>

#include <algorithm>

namespace ndh {

namespace {

constexpr quintptr kTopLevel = 0; // internal id of group rows; children carry group + 1

bool isUnacked(IsaState s)
{
    return s == IsaState::Unack || s == IsaState::RtnUnack || s == IsaState::LatchedUnack;
}

} // namespace

AlarmGroupModel::AlarmGroupModel(AlarmFilterModel *flat, QObject *parent)
    : QAbstractItemModel(parent)
    , m_flat(flat)
{
    // Structural changes of the flat list: one rebuild each (a batch is one insert).
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(flat, signal, this, [this] { rebuild(); });
    connect(flat, &QAbstractItemModel::layoutChanged, this, [this] { rebuild(); });
    connect(flat, &QAbstractItemModel::modelReset, this, [this] { rebuild(); });
    connect(flat, &QAbstractItemModel::dataChanged, this, &AlarmGroupModel::onFlatDataChanged);
    rebuild();
}

void AlarmGroupModel::rebuild()
{
    beginResetModel();
    m_groups.clear();
    const AlarmTableModel *alarms = m_flat->alarmModel();
    const int rows = alarms ? m_flat->rowCount() : 0;
    const AssetPath *previous = nullptr;
    for (int r = 0; r < rows; ++r) {
        const Alarm &a = alarms->alarmAt(m_flat->mapToSource(m_flat->index(r, 0)).row());
        if (!previous || !(a.asset == *previous)) {
            Group g;
            g.first = r;
            g.assetKey = a.asset.key();
            m_groups.push_back(std::move(g));
        }
        ++m_groups.back().count;
        previous = &a.asset;
    }
    for (Group &g : m_groups)
        summarize(g);
    orderGroups();
    endResetModel();
}

// The flat list's sort column orders the groups by what their rows show: the newest
// raise, the most urgent priority, the state the group stands for, the asset. Other
// columns, and ties, by asset, ascending whatever the direction.
bool AlarmGroupModel::groupBefore(const Group &a, const Group &b) const
{
    int c = 0;
    switch (m_flat->sortColumn()) {
    case AlarmTableModel::RaisedColumn: c = threeWay(a.newestRaisedMs, b.newestRaisedMs); break;
    case AlarmTableModel::PriorityColumn: c = threeWay(priorityRank(a.priority), priorityRank(b.priority)); break;
    case AlarmTableModel::StateColumn: c = threeWay(int(a.state), int(b.state)); break;
    case AlarmTableModel::AssetColumn: c = a.assetKey.compare(b.assetKey, Qt::CaseInsensitive); break;
    default: break;
    }
    if (c != 0)
        return m_flat->sortOrder() == Qt::AscendingOrder ? c < 0 : c > 0;
    return a.assetKey.compare(b.assetKey, Qt::CaseInsensitive) < 0;
}

void AlarmGroupModel::orderGroups()
{
    std::stable_sort(m_groups.begin(), m_groups.end(),
                     [this](const Group &a, const Group &b) { return groupBefore(a, b); });
    m_byFirst.resize(m_groups.size());
    for (size_t g = 0; g < m_groups.size(); ++g)
        m_byFirst[g] = int(g);
    std::sort(m_byFirst.begin(), m_byFirst.end(),
              [this](int a, int b) { return m_groups[size_t(a)].first < m_groups[size_t(b)].first; });
}

void AlarmGroupModel::summarize(Group &g) const
{
    const AlarmTableModel *alarms = m_flat->alarmModel();
    const qint64 now = alarms->shownAtMs();
    g.unacked = g.needsAttention = 0;
    g.priority = 0;
    g.newestRaisedMs = 0;
    g.state = IsaState::Normal;
    int best = 6;
    for (int r = g.first; r < g.first + g.count; ++r) {
        const Alarm &a = alarms->alarmAt(m_flat->mapToSource(m_flat->index(r, 0)).row());
        const IsaState s = a.stateAt(now);
        g.newestRaisedMs = std::max(g.newestRaisedMs, a.raisedMs);
        const bool attention = needsAttention(s);
        g.needsAttention += attention;
        g.unacked += isUnacked(s);
        // The group stands for its most urgent alarm that needs attention, an
        // unacknowledged one first; otherwise it is as quiet as its alarms.
        const int rank = priorityRank(a.priority) - (isUnacked(s) ? 10 : 0);
        if (attention && rank < best) {
            best = rank;
            g.priority = a.priority;
            g.state = s;
        }
    }
    if (best == 6 && g.count > 0) {
        const Alarm &a = alarms->alarmAt(m_flat->mapToSource(m_flat->index(g.first, 0)).row());
        g.priority = a.priority;
        g.state = a.stateAt(now);
    }
}

int AlarmGroupModel::groupOfFlatRow(int flatRow) const
{
    auto it = std::upper_bound(m_byFirst.begin(), m_byFirst.end(), flatRow,
                               [this](int row, int g) { return row < m_groups[size_t(g)].first; });
    if (it == m_byFirst.begin())
        return -1;
    const int g = *(it - 1);
    return flatRow < m_groups[size_t(g)].first + m_groups[size_t(g)].count ? g : -1;
}

void AlarmGroupModel::onFlatDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                        const QList<int> &roles)
{
    int row = topLeft.row();
    while (row <= bottomRight.row()) {
        const int g = groupOfFlatRow(row);
        if (g < 0)
            return; // not grouped yet: the rebuild that follows shows it
        Group &group = m_groups[size_t(g)];
        const int last = std::min(bottomRight.row(), group.first + group.count - 1);
        summarize(group);
        const QModelIndex parent = index(g, 0);
        emit dataChanged(index(g, 0), index(g, AlarmTableModel::ColumnCount - 1));
        emit dataChanged(index(row - group.first, topLeft.column(), parent),
                         index(last - group.first, bottomRight.column(), parent), roles);
        row = last + 1;
    }
    // An acknowledgement can change what orders the groups (state, priority): a
    // group out of its place is put back, as the flat list re-sorts itself.
    if (!std::is_sorted(m_groups.begin(), m_groups.end(),
                        [this](const Group &a, const Group &b) { return groupBefore(a, b); }))
        rebuild();
}

QModelIndex AlarmGroupModel::fromFlat(const QModelIndex &flatIndex) const
{
    if (!flatIndex.isValid())
        return {};
    const int g = groupOfFlatRow(flatIndex.row());
    if (g < 0)
        return {};
    return createIndex(flatIndex.row() - m_groups[size_t(g)].first, flatIndex.column(), quintptr(g) + 1);
}

QModelIndex AlarmGroupModel::toFlat(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kTopLevel)
        return {};
    const Group &g = m_groups[size_t(index.internalId() - 1)];
    return m_flat->index(g.first + index.row(), index.column());
}

QModelIndex AlarmGroupModel::groupIndex(const QString &assetKey) const
{
    for (size_t g = 0; g < m_groups.size(); ++g) {
        if (m_groups[g].assetKey == assetKey)
            return createIndex(int(g), 0, kTopLevel);
    }
    return {};
}

QString AlarmGroupModel::groupAssetKey(const QModelIndex &groupRow) const
{
    if (!groupRow.isValid() || groupRow.internalId() != kTopLevel)
        return {};
    return m_groups[size_t(groupRow.row())].assetKey;
}

QModelIndex AlarmGroupModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= AlarmTableModel::ColumnCount)
        return {};
    if (!parent.isValid())
        return row < int(m_groups.size()) ? createIndex(row, column, kTopLevel) : QModelIndex();
    if (parent.internalId() != kTopLevel || parent.column() != 0 || parent.row() >= int(m_groups.size()))
        return {};
    if (row >= m_groups[size_t(parent.row())].count)
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex AlarmGroupModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int AlarmGroupModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != kTopLevel || parent.column() != 0)
        return 0;
    return m_groups[size_t(parent.row())].count;
}

int AlarmGroupModel::columnCount(const QModelIndex &) const
{
    return AlarmTableModel::ColumnCount;
}

bool AlarmGroupModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant AlarmGroupModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() != kTopLevel) {
        if (role == IsGroupRole)
            return false;
        return toFlat(index).data(role);
    }
    const Group &g = m_groups[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AlarmTableModel::RaisedColumn:
            return g.newestRaisedMs > 0
                       ? QDateTime::fromMSecsSinceEpoch(g.newestRaisedMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QString();
        case AlarmTableModel::PriorityColumn: return g.needsAttention > 0 ? priorityLabel(g.priority) : QString();
        case AlarmTableModel::StateColumn:
            return g.unacked > 0 ? tr("%1 unack").arg(g.unacked)
                                 : (g.needsAttention > 0 ? isaStateName(g.state) : QString());
        case AlarmTableModel::AssetColumn: return g.assetKey;
        // Spelled out rather than a numerus form: the row must read right even where
        // no translation is loaded.
        case AlarmTableModel::AlarmColumn: return g.count == 1 ? tr("1 alarm") : tr("%1 alarms").arg(g.count);
        default: return {};
        }
    case Qt::ToolTipRole:
        return tr("%1: %2 alarms, %3 unacknowledged").arg(g.assetKey).arg(g.count).arg(g.unacked);
    case IsGroupRole: return true;
    case GroupAlarmCountRole: return g.count;
    case GroupUnackedCountRole: return g.unacked;
    case AlarmTableModel::AssetKeyRole: return g.assetKey;
    case AlarmTableModel::PriorityRole: return g.priority;
    case AlarmTableModel::StateRole: return int(g.state);
    case AlarmTableModel::UnacknowledgedRole: return g.unacked > 0;
    case AlarmTableModel::NeedsAttentionRole: return g.needsAttention > 0;
    case AlarmTableModel::RaisedMsRole: return g.newestRaisedMs;
    default: return {};
    }
}

QVariant AlarmGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return m_flat->headerData(section, orientation, role);
}

void AlarmGroupModel::sort(int column, Qt::SortOrder order)
{
    m_flat->sort(column, order); // the layout change that follows rebuilds the groups
}

} // namespace ndh
