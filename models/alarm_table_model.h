#pragma once
// The alarm list: one row per alarm (asset + alarm id) over an AlarmStateMachine,
// with the ISA-18.2 state derived at the model's clock (live "now", or the time
// slider's instant). A batch appends new alarms with one insert and announces
// changed rows as one range.

#include "alarm_state_machine.h"

#include <QAbstractTableModel>

#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace ndh {

class AlarmTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RaisedColumn,
        PriorityColumn,
        StateColumn,
        AssetColumn,
        AlarmColumn,
        MessageColumn,
        ValueColumn,
        TimeInStateColumn,
        ColumnCount
    };
    enum Role {
        AlarmKeyRole = Qt::UserRole + 1,
        AssetKeyRole,     // "location/type/id"
        AttributeKeyRole, // "location/type/id/attribute" when the alarm names one
        PriorityRole,     // int 1..4 (0 unknown)
        StateRole,        // int(IsaState)
        NeedsAttentionRole, // bool: an unacknowledged or active alarm
        UnacknowledgedRole, // bool
        RaisedMsRole,
        LocationRole,
        SourceRole,       // "topic / partition / offset" of the record behind the newest change
    };

    explicit AlarmTableModel(QObject *parent = nullptr);

    // Feeds alarm events (other kinds are ignored); returns how many alarms changed.
    int applyEvents(std::span<const PlantEvent> events);
    int applyEvents(const std::vector<PlantEvent> &events) { return applyEvents(std::span<const PlantEvent>(events)); }
    void clear();

    void setClock(std::function<qint64()> nowMs);
    qint64 now() const { return m_now(); }
    // The clock moved. Rows whose ISA-18.2 state changed with it (a shelve expired)
    // are announced with dataChanged; time in state moves for every row but changes
    // neither filtering nor sorting (it sorts by the time of the change), so it is
    // only signalled with timeInStateMoved(): views repaint what they show instead
    // of every proxy re-checking 100,000 rows a second.
    void refreshTimes();

    // The live machine (always up to date, also while the list shows the past).
    const AlarmStateMachine &machine() const { return m_machine; }
    // The machine the rows show: the live one, or the one at the time slider's instant.
    const AlarmStateMachine &shownMachine() const { return m_past ? *m_past : m_machine; }
    const Alarm &alarmAt(int row) const { return shownMachine().alarms()[size_t(row)]; }
    int rowForKey(const QString &key) const
    {
        const int row = shownMachine().indexOf(key);
        return row < m_rows ? row : -1;
    }
    int unacknowledgedCount() const;

    // Time slider (DESIGN.md §5): show the alarms as they were at atMs (the history
    // engine's machine at that instant). Live events keep feeding machine() meanwhile.
    // Rows change only at the tail: a machine folded in time order lists alarms by
    // first appearance, so scrubbing adds or removes the newest alarms.
    void showAlarmsAt(const AlarmStateMachine &alarmsAtT, qint64 atMs);
    void showAlarmsAt(AlarmStateMachine &&alarmsAtT, qint64 atMs);
    void returnToLive();
    bool isShowingPast() const { return m_past != nullptr; }
    qint64 shownAtMs() const { return m_past ? m_pastAtMs : m_now(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // A new activation of a priority-1/2 alarm: for the banner and the audible cue.
    void highPriorityAlarmRaised(const QString &alarmKey);
    // The time-in-state column moved for every row (the clock ticked, or the shown
    // instant changed): repaint the visible cells.
    void timeInStateMoved();

private:
    // Moves the rows from what they show now to `next`: removes the tail that differs,
    // inserts the new tail, announces the common rows as changed.
    void switchRows(const AlarmStateMachine &next, qint64 nextNow, const std::function<void()> &commit);
    qint64 shownNow() const { return m_past ? m_pastAtMs : m_now(); }
    // Announces rows (sorted, unique) as changed, one dataChanged per run of rows
    // at most kAnnounceGap apart, so two alarms far apart do not drag 100,000 rows
    // between them through every proxy.
    static constexpr int kAnnounceGap = 64;
    void announceRows(std::vector<int> &rows);

    AlarmStateMachine m_machine;
    std::unique_ptr<AlarmStateMachine> m_past;
    qint64 m_pastAtMs = 0;
    int m_rows = 0;
    // The state each row was last announced in, to find the rows the clock changed.
    std::vector<quint8> m_announcedState;
    std::function<qint64()> m_now;
};

} // namespace ndh
