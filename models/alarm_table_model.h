#pragma once
// The alarm list: one row per alarm (asset + alarm id) over an AlarmStateMachine,
// with the ISA-18.2 state derived at the model's clock (live "now", or the time
// slider's instant). A batch appends new alarms with one insert and announces
// changed rows as one range.

#include "alarm_state_machine.h"

#include <QAbstractTableModel>

#include <functional>

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
    int applyEvents(const std::vector<PlantEvent> &events);
    void clear();

    void setClock(std::function<qint64()> nowMs);
    qint64 now() const { return m_now(); }
    // The clock moved (time in state, shelve expiry): one dataChanged for the rows.
    void refreshTimes();

    const AlarmStateMachine &machine() const { return m_machine; }
    const Alarm &alarmAt(int row) const { return m_machine.alarms()[size_t(row)]; }
    int rowForKey(const QString &key) const { return m_machine.indexOf(key); }
    int unacknowledgedCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // A new activation of a priority-1/2 alarm: for the banner and the audible cue.
    void highPriorityAlarmRaised(const QString &alarmKey);

private:
    AlarmStateMachine m_machine;
    int m_rows = 0;
    std::function<qint64()> m_now;
};

} // namespace ndh
