#pragma once
// Records that failed to decode, newest last, with the reason and raw bytes. Keeps
// the newest kMaxRows rows (older ones are counted, not shown).

#include "plant_event.h"

#include <QAbstractTableModel>

#include <deque>
#include <vector>

namespace ndh {

class DeadLetterModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, SourceColumn, PartitionColumn, OffsetColumn, SizeColumn, ReasonColumn, PreviewColumn, ColumnCount };
    enum Role { PayloadRole = Qt::UserRole + 1, KeyRole };
    static constexpr int kMaxRows = 10000;

    explicit DeadLetterModel(QObject *parent = nullptr);

    void append(const std::vector<DeadLetter> &letters);
    void clear();
    quint64 totalCount() const { return m_total; }
    const DeadLetter &letterAt(int row) const { return m_rows.at(size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void totalCountChanged(quint64 total);

private:
    std::deque<DeadLetter> m_rows;
    quint64 m_total = 0;
};

} // namespace ndh
