#include "alarm_table_model.h"

#include "alarm_priority.h"

#include <QDateTime>

#include <algorithm>

namespace ndh {

namespace {

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        ms = 0;
    const qint64 s = ms / 1000;
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
    if (s < 86400)
        return QStringLiteral("%1 h %2 min").arg(s / 3600).arg(s / 60 % 60, 2, 10, QChar(u'0'));
    return QStringLiteral("%1 d %2 h").arg(s / 86400).arg(s / 3600 % 24);
}

} // namespace

AlarmTableModel::AlarmTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

void AlarmTableModel::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
    refreshTimes();
}

int AlarmTableModel::applyEvents(std::span<const PlantEvent> events)
{
    const int before = m_rows;
    std::vector<int> changedRows;
    int changes = 0;
    QStringList raised;
    for (const PlantEvent &e : events) {
        // Most of a batch is attribute updates: no alarm, no transition to build.
        if (!e.alarm)
            continue;
        const auto t = alarmTransitionFrom(e);
        if (!t)
            continue;
        const QString key = AlarmStateMachine::keyFor(t->asset, t->info.alarmId);
        const Alarm *old = m_machine.find(key);
        const quint32 activationsBefore = old ? old->activations : 0;
        if (!m_machine.apply(*t))
            continue;
        ++changes;
        const int row = m_machine.indexOf(key);
        const Alarm &a = m_machine.alarms()[size_t(row)];
        if (a.activations > activationsBefore && a.active && !a.acknowledged && a.priority >= 1
            && a.priority <= 2)
            raised << key;
        if (row < before)
            changedRows.push_back(row);
    }
    if (m_past) {
        // The rows show the past; live changes reach them on returnToLive().
        for (const QString &key : std::as_const(raised))
            emit highPriorityAlarmRaised(key);
        return changes;
    }
    // The machine already holds the new rows; views learn about them in one go.
    const int after = int(m_machine.alarms().size());
    if (after > before) {
        beginInsertRows({}, before, after - 1);
        m_rows = after;
        m_announcedState.resize(size_t(after));
        const qint64 now = shownNow();
        for (int r = before; r < after; ++r)
            m_announcedState[size_t(r)] = quint8(m_machine.alarms()[size_t(r)].stateAt(now));
        endInsertRows();
    }
    announceRows(changedRows);
    for (const QString &key : std::as_const(raised))
        emit highPriorityAlarmRaised(key);
    return changes;
}

void AlarmTableModel::announceRows(std::vector<int> &rows)
{
    if (rows.empty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const qint64 now = shownNow();
    for (int r : rows)
        m_announcedState[size_t(r)] = quint8(alarmAt(r).stateAt(now));
    size_t i = 0;
    while (i < rows.size()) {
        size_t j = i;
        // Rows close together share one range (a few extra rows are cheaper than
        // another signal); far apart they do not.
        while (j + 1 < rows.size() && rows[j + 1] - rows[j] <= kAnnounceGap)
            ++j;
        emit dataChanged(index(rows[i], 0), index(rows[j], ColumnCount - 1));
        i = j + 1;
    }
}

void AlarmTableModel::clear()
{
    beginResetModel();
    m_machine.clear();
    m_past.reset();
    m_rows = 0;
    m_announcedState.clear();
    endResetModel();
}

void AlarmTableModel::refreshTimes()
{
    if (rowCount() == 0)
        return;
    // A few comparisons per alarm: ~1 ms for 100,000 rows, and only the rows a
    // shelve expiry (or its end) changed reach the proxies.
    const qint64 now = shownNow();
    std::vector<int> changed;
    for (int r = 0; r < m_rows; ++r) {
        if (m_announcedState[size_t(r)] != quint8(alarmAt(r).stateAt(now)))
            changed.push_back(r);
    }
    announceRows(changed);
    emit timeInStateMoved();
}

namespace {

// Whether a row shows the same thing in two machines (time in state aside, which
// views repaint on timeInStateMoved()).
bool sameRow(const Alarm &a, qint64 aNow, const Alarm &b, qint64 bNow)
{
    return a.lastChangeMs == b.lastChangeMs && a.activations == b.activations && a.raisedMs == b.raisedMs
           && a.active == b.active && a.acknowledged == b.acknowledged && a.latched == b.latched
           && a.shelvedUntilMs == b.shelvedUntilMs && a.suppressed == b.suppressed
           && a.outOfService == b.outOfService && a.priority == b.priority
           && a.lastSource.offset == b.lastSource.offset && a.stateAt(aNow) == b.stateAt(bNow);
}

} // namespace

void AlarmTableModel::switchRows(const AlarmStateMachine &next, qint64 nextNow, const std::function<void()> &commit)
{
    const AlarmStateMachine &shown = shownMachine();
    const qint64 shownAt = shownNow();
    const int nextRows = int(next.alarms().size());
    int common = 0;
    const int limit = std::min(m_rows, nextRows);
    while (common < limit && shown.alarms()[size_t(common)].key == next.alarms()[size_t(common)].key)
        ++common;
    // Only rows that show something else are announced: a scrub step usually
    // changes a handful of alarms out of thousands.
    std::vector<int> changed;
    for (int r = 0; r < common; ++r) {
        if (!sameRow(shown.alarms()[size_t(r)], shownAt, next.alarms()[size_t(r)], nextNow))
            changed.push_back(r);
    }
    if (m_rows > common) {
        beginRemoveRows({}, common, m_rows - 1);
        m_rows = common;
        m_announcedState.resize(size_t(common));
        endRemoveRows();
    }
    commit(); // rows [0, common) are the same alarms in both machines
    if (nextRows > common) {
        beginInsertRows({}, common, nextRows - 1);
        m_rows = nextRows;
        m_announcedState.resize(size_t(nextRows));
        for (int r = common; r < nextRows; ++r)
            m_announcedState[size_t(r)] = quint8(next.alarms()[size_t(r)].stateAt(nextNow));
        endInsertRows();
    }
    announceRows(changed);
    if (shownAt != nextNow)
        emit timeInStateMoved();
}

void AlarmTableModel::showAlarmsAt(const AlarmStateMachine &alarmsAtT, qint64 atMs)
{
    showAlarmsAt(AlarmStateMachine(alarmsAtT), atMs);
}

void AlarmTableModel::showAlarmsAt(AlarmStateMachine &&alarmsAtT, qint64 atMs)
{
    auto next = std::make_unique<AlarmStateMachine>(std::move(alarmsAtT));
    const AlarmStateMachine &ref = *next;
    switchRows(ref, atMs, [&] {
        m_past = std::move(next);
        m_pastAtMs = atMs;
    });
}

void AlarmTableModel::returnToLive()
{
    if (!m_past)
        return;
    switchRows(m_machine, m_now(), [&] { m_past.reset(); });
}

int AlarmTableModel::unacknowledgedCount() const
{
    int n = 0;
    const qint64 now = shownNow();
    for (const Alarm &a : shownMachine().alarms()) {
        const IsaState s = a.stateAt(now);
        n += s == IsaState::Unack || s == IsaState::RtnUnack || s == IsaState::LatchedUnack;
    }
    return n;
}

int AlarmTableModel::rowCount(const QModelIndex &parent) const
{
    // Rows the views were told about; the machine may hold more mid-batch.
    return parent.isValid() ? 0 : m_rows;
}

int AlarmTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlarmTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Alarm &a = alarmAt(index.row());
    const qint64 now = shownNow();
    const IsaState state = a.stateAt(now);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RaisedColumn:
            return a.raisedMs > 0 ? QDateTime::fromMSecsSinceEpoch(a.raisedMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                  : QString();
        case PriorityColumn: return priorityLabel(a.priority);
        case StateColumn: return isaStateName(state);
        case AssetColumn: return a.asset.key();
        case AlarmColumn:
            return a.alarmType.isEmpty() || a.alarmType == a.alarmId ? a.alarmId
                                                                     : a.alarmId + QStringLiteral(" (") + a.alarmType + u')';
        case MessageColumn: return a.message;
        case ValueColumn: return displayText(a.valueAtTrigger);
        case TimeInStateColumn: return formatDuration(now - a.lastChangeMs);
        default: return {};
        }
    case Qt::ToolTipRole: {
        QString tip = a.message.isEmpty() ? a.alarmId : a.message;
        if (!a.lastOperator.isEmpty())
            tip += QStringLiteral("\n") + tr("Last action by %1").arg(a.lastOperator);
        if (!a.lastComment.isEmpty())
            tip += QStringLiteral(": ") + a.lastComment;
        if (state == IsaState::Shelved)
            tip += QStringLiteral("\n")
                   + tr("Shelved until %1").arg(QDateTime::fromMSecsSinceEpoch(a.shelvedUntilMs).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        return tip;
    }
    case AlarmKeyRole: return a.key;
    case AssetKeyRole: return a.asset.key();
    case AttributeKeyRole:
        return a.attribute.isEmpty() ? QVariant() : QVariant(a.asset.key() + u'/' + a.attribute);
    case PriorityRole: return a.priority;
    case StateRole: return int(state);
    case NeedsAttentionRole: return needsAttention(state);
    case UnacknowledgedRole:
        return state == IsaState::Unack || state == IsaState::RtnUnack || state == IsaState::LatchedUnack;
    case RaisedMsRole: return a.raisedMs;
    case LocationRole: return a.asset.location;
    case SourceRole:
        if (a.lastSource.topic.isEmpty())
            return {};
        return QStringLiteral("%1 / %2 / %3").arg(a.lastSource.topic).arg(a.lastSource.partition).arg(a.lastSource.offset);
    default:
        return {};
    }
}

QVariant AlarmTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RaisedColumn: return tr("Raised");
    case PriorityColumn: return tr("Priority");
    case StateColumn: return tr("State");
    case AssetColumn: return tr("Asset");
    case AlarmColumn: return tr("Alarm");
    case MessageColumn: return tr("Message");
    case ValueColumn: return tr("Value at trigger");
    case TimeInStateColumn: return tr("Time in state");
    default: return {};
    }
}

} // namespace ndh
