#include "dead_letter_model.h"

#include "envelope_decoder.h"

#include <QDateTime>

namespace ndh {

namespace {

// First bytes of a payload as one line of plain text; control bytes become dots so
// a hostile record cannot break the table layout.
QString preview(const QByteArray &payload)
{
    QString s = QString::fromUtf8(payload.left(160));
    for (QChar &c : s) {
        if (c.unicode() < 0x20 || c == QChar(0xFFFD))
            c = u'·';
    }
    return s.left(120);
}

} // namespace

DeadLetterModel::DeadLetterModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DeadLetterModel::append(const std::vector<DeadLetter> &letters)
{
    if (letters.empty())
        return;
    m_total += letters.size();
    // Keep only what fits; a burst larger than the bound keeps its newest part.
    const size_t incoming = std::min(letters.size(), size_t(kMaxRows));
    const size_t overflow = m_rows.size() + incoming > size_t(kMaxRows) ? m_rows.size() + incoming - kMaxRows : 0;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow) - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + std::ptrdiff_t(overflow));
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(incoming) - 1);
    m_rows.insert(m_rows.end(), letters.end() - std::ptrdiff_t(incoming), letters.end());
    endInsertRows();
    emit totalCountChanged(m_total);
}

void DeadLetterModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int DeadLetterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeadLetterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeadLetterModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const DeadLetter &d = m_rows[size_t(index.row())];
    if (role == PayloadRole)
        return d.payload;
    if (role == KeyRole)
        return d.key;
    if (role == Qt::ToolTipRole)
        return d.reason;
    if (role == Qt::TextAlignmentRole) {
        const int c = index.column();
        if (c == PartitionColumn || c == OffsetColumn || c == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(d.receivedMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    case SourceColumn:
        return d.source.topic;
    case PartitionColumn:
        return d.source.partition >= 0 ? QVariant(d.source.partition) : QVariant();
    case OffsetColumn:
        return d.source.offset >= 0 ? QVariant(d.source.offset) : QVariant();
    case SizeColumn:
        return d.payloadSize;
    case ReasonColumn:
        return d.reason;
    case PreviewColumn:
        return preview(d.payload);
    default:
        return {};
    }
}

QVariant DeadLetterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Received");
    case SourceColumn: return tr("Topic / channel");
    case PartitionColumn: return tr("Partition");
    case OffsetColumn: return tr("Offset");
    case SizeColumn: return tr("Bytes");
    case ReasonColumn: return tr("Reason");
    case PreviewColumn: return tr("Payload");
    default: return {};
    }
}

} // namespace ndh
