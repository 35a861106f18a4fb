#pragma once
// The topic browser's message list (issue 5), built for millions of rows in the
// manner of Wireshark's packet list: each row is a fixed 64-byte record (numbers and
// ids of interned strings), the key, value and headers live in large shared byte
// blocks, and the cell text is made only when a cell is painted (data()). A batch
// is inserted with one beginInsertRows; when the bounds are reached the oldest rows
// leave with one beginRemoveRows and droppedRows() counts them so the view says so.

#include "log_record.h"
#include "message_filter.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include <deque>
#include <memory>
#include <vector>

namespace ndh {

class MessageTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, TopicColumn, PartitionColumn, OffsetColumn, KeyColumn, EnvelopeColumn, AssetColumn,
                  EventTypeColumn, SizeColumn, ColumnCount };
    enum Role {
        AssetKeyRole = Qt::UserRole + 1, // "location/type/id"
        TimestampRole,                   // qint64 ms
        OffsetRole,                      // qint64
        PartitionRole,                   // int
        TopicRole,                       // QString
    };

    static constexpr qsizetype kDefaultMaxRows = 1'000'000;
    static constexpr qsizetype kDefaultMaxBytes = qsizetype(256) << 20; // keys, values and headers
    static constexpr int kMaxKeyPreview = 64;                           // characters shown in the key column

    explicit MessageTableModel(QObject *parent = nullptr);
    ~MessageTableModel() override;

    // Bounds on what is kept; the oldest rows drop out past either (at least one row
    // is always kept, however large).
    void setLimits(qsizetype maxRows, qsizetype maxBytes);
    qsizetype maxRows() const { return m_maxRows; }
    qsizetype maxBytes() const { return m_maxBytes; }

    // One beginInsertRows for the whole batch (and at most one beginRemoveRows).
    void append(const std::vector<LogRecord> &records, const std::vector<RecordSummary> &summaries);
    void clear();

    quint64 droppedRows() const { return m_dropped; } // since the last clear()
    qsizetype storedBytes() const { return m_storedBytes; }
    // Approximate resident bytes: rows, byte blocks and interned strings.
    qsizetype residentBytes() const;

    // The whole record of a row, as read (for the detail view, copy, export).
    LogRecord record(int row) const;
    std::vector<LogRecord> records(const QList<int> &rows) const;
    QString assetKey(int row) const;
    QString eventType(int row) const;
    QString envelopeText(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    struct Row; // at most 64 bytes: the resident cost of a row besides its bytes

    // Key text as the key column shows it: UTF-8 when it is, else escaped bytes.
    static QString keyPreview(const std::optional<QByteArray> &key);

signals:
    void rowsDropped(quint64 total);

private:
    struct Block
    {
        quint64 start = 0; // global byte position of data[0]
        qsizetype size = 0;
        qsizetype used = 0;
        std::unique_ptr<char[]> data;
    };
    quint32 intern(QHash<QString, quint32> &index, QStringList &strings, const QString &text);
    quint64 store(QByteArrayView bytes);
    const char *bytesAt(quint64 position) const;
    void dropFront(qsizetype count);

    std::deque<Row> m_rows;
    std::deque<Block> m_blocks;
    quint64 m_nextPosition = 0;
    qsizetype m_storedBytes = 0;
    QStringList m_topics;
    QHash<QString, quint32> m_topicIndex;
    QStringList m_assets; // [0] = ""
    QHash<QString, quint32> m_assetIndex;
    QStringList m_eventTypes;
    QHash<QString, quint32> m_eventTypeIndex;
    qsizetype m_maxRows = kDefaultMaxRows;
    qsizetype m_maxBytes = kDefaultMaxBytes;
    quint64 m_dropped = 0;
};

} // namespace ndh
