#pragma once
// The alarm list as an operator narrows it down: a sort/filter proxy over
// AlarmTableModel by priority, ISA-18.2 state, location and free text, with an
// optional grouping that keeps each asset's alarms together (assets in order, then
// the chosen sort column inside each asset). Reads the alarms directly rather than
// through QVariant roles, so re-filtering 100,000 rows stays cheap.

#include "alarm_state_machine.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace ndh {

// -1, 0 or 1 as a is before, level with or after b: the list's and its groups' orders.
template <typename T>
int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

class AlarmTableModel;

class AlarmFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    // Inserts of at least this many rows are sorted in one pass instead of row by row.
    static constexpr int kBulkInsertRows = 64;

    explicit AlarmFilterModel(QObject *parent = nullptr);

    void setAlarmModel(AlarmTableModel *model);
    AlarmTableModel *alarmModel() const { return m_alarms; }

    // Empty set: every priority (0 = unknown, 1..4).
    void setPriorities(const QSet<int> &priorities);
    QSet<int> priorities() const { return m_priorities; }
    // Empty set: every state.
    void setStates(const QSet<IsaState> &states);
    QSet<IsaState> states() const { return m_states; }
    // Empty: every location; otherwise an exact location ("FACTORY_A").
    void setLocation(const QString &location);
    QString location() const { return m_location; }
    // Case-insensitive substring of asset, alarm id/type or message.
    void setText(const QString &text);
    QString text() const { return m_text; }
    // Hides alarms in the Normal state (acknowledged and cleared): the default of an
    // operator's list, which shows what still needs attention or was set aside.
    void setHideNormal(bool hide);
    bool hideNormal() const { return m_hideNormal; }

    void setGroupByAsset(bool group);
    bool groupByAsset() const { return m_groupByAsset; }

    // The alarm keys of the visible rows, in view order.
    QStringList visibleKeys() const;

signals:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();
    int compareColumn(const Alarm &a, const Alarm &b, int column) const;

    AlarmTableModel *m_alarms = nullptr;
    QSet<int> m_priorities;
    QSet<IsaState> m_states;
    QString m_location;
    QString m_text;
    bool m_hideNormal = false;
    bool m_groupByAsset = false;
    bool m_resortAfterInsert = false;
};

} // namespace ndh
