#pragma once
// The alarm list grouped by asset, as collapsible groups: one top-level row per
// asset (its alarm count, highest priority, how many are unacknowledged, newest
// raise) with that asset's alarms as children, in the order of the flat list it
// reads (AlarmFilterModel with group-by-asset on, which keeps each asset's alarms
// adjacent, so a group is a range of flat rows and a child is found by addition).
// Filters and sorting stay in the flat list; the groups themselves are ordered by
// the flat list's sort column applied to what their rows show (newest raise, most
// urgent priority, state), so the header's sort reads true on the folded rows. Structural changes of the flat list
// (new alarms, filters) rebuild the groups in one pass and reset; value changes
// are forwarded as dataChanged on the children and their group row.

#include "alarm_state_machine.h"

#include <QAbstractItemModel>

#include <vector>

namespace ndh {

class AlarmFilterModel;

class AlarmGroupModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        IsGroupRole = Qt::UserRole + 100, // bool: an asset row, not an alarm
        GroupAlarmCountRole,              // int: alarms in the group
        GroupUnackedCountRole,            // int: unacknowledged alarms in the group
    };

    explicit AlarmGroupModel(AlarmFilterModel *flat, QObject *parent = nullptr);

    AlarmFilterModel *flatModel() const { return m_flat; }
    // Flat row <-> grouped index (column kept).
    QModelIndex fromFlat(const QModelIndex &flatIndex) const;
    QModelIndex toFlat(const QModelIndex &index) const; // invalid for group rows
    // The group row of an asset key ("location/type/id"), or invalid.
    QModelIndex groupIndex(const QString &assetKey) const;
    QString groupAssetKey(const QModelIndex &groupRow) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override; // sorts the flat list

private:
    struct Group
    {
        int first = 0; // flat rows [first, first + count)
        int count = 0;
        int unacked = 0;
        int priority = 0; // most urgent (1 = critical), 0 unknown
        int needsAttention = 0;
        qint64 newestRaisedMs = 0;
        IsaState state = IsaState::Normal; // the one the row stands for (colour)
        QString assetKey;
    };
    void rebuild();
    void summarize(Group &g) const;
    bool groupBefore(const Group &a, const Group &b) const;
    void orderGroups(); // m_groups in the order shown; m_byFirst follows the flat rows
    void onFlatDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    int groupOfFlatRow(int flatRow) const;

    AlarmFilterModel *m_flat;
    std::vector<Group> m_groups; // in the order shown
    std::vector<int> m_byFirst;  // m_groups' indices in the order of their flat rows
};

} // namespace ndh
