#pragma once
// The console's own consumer lag, one row per assigned partition: high watermark,
// the console's position, the difference, and the partition's leader. Replaced once
// per statistics interval; the same partitions in the same order update in place.

#include "connection_health.h"

#include <QAbstractTableModel>

namespace ndh {

class ConsumerLagModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TopicColumn, PartitionColumn, LeaderColumn, HighWatermarkColumn, PositionColumn, LagColumn, ColumnCount };
    enum Role { LagRole = Qt::UserRole + 1 };

    explicit ConsumerLagModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setPartitions(const QList<PartitionLag> &partitions);
    const QList<PartitionLag> &partitions() const { return m_rows; }

private:
    QList<PartitionLag> m_rows;
};

} // namespace ndh
