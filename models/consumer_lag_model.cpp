#include "consumer_lag_model.h"

#include <QLocale>

namespace ndh {

ConsumerLagModel::ConsumerLagModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int ConsumerLagModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConsumerLagModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConsumerLagModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PartitionLag &p = m_rows.at(index.row());
    const auto number = [](qint64 v) { return v < 0 ? QStringLiteral("\u2014") : QLocale().toString(v); };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TopicColumn: return p.topic;
        case PartitionColumn: return QString::number(p.partition);
        case LeaderColumn: return p.leader >= 0 ? QString::number(p.leader) : QStringLiteral("\u2014");
        case HighWatermarkColumn: return number(p.highWatermark);
        case PositionColumn: return number(p.position);
        case LagColumn: return number(p.lag());
        }
    } else if (role == Qt::TextAlignmentRole && index.column() != TopicColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == LagRole) {
        return p.lag();
    }
    return {};
}

QVariant ConsumerLagModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TopicColumn: return tr("Topic");
    case PartitionColumn: return tr("Partition");
    case LeaderColumn: return tr("Leader");
    case HighWatermarkColumn: return tr("High watermark");
    case PositionColumn: return tr("Position");
    case LagColumn: return tr("Lag");
    }
    return {};
}

void ConsumerLagModel::setPartitions(const QList<PartitionLag> &partitions)
{
    bool same = partitions.size() == m_rows.size();
    for (int i = 0; same && i < m_rows.size(); ++i)
        same = m_rows.at(i).topic == partitions.at(i).topic && m_rows.at(i).partition == partitions.at(i).partition;
    if (!same) {
        beginResetModel();
        m_rows = partitions;
        endResetModel();
        return;
    }
    m_rows = partitions;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

} // namespace ndh
