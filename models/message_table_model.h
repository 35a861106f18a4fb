#pragma once
// The topic browser's message list (issue 5), built for millions of rows in the
// manner of Wireshark's packet list: each row is a fixed 64-byte record (numbers and
// ids of interned strings), the key, value and headers live in large shared byte
// blocks, and the cell text is made only when a cell is painted (data()). A batch
// is inserted with one beginInsertRows; when the bounds are reached the oldest rows
// leave with one beginRemoveRows and droppedRows() counts them so the view says so.
// Rows that come without a summary (an unfiltered scan does not decode) are decoded
// the first time their envelope, asset or event type is asked for (a painted cell,
// the detail view, "show asset"), with the model's decoder, and remembered.

#include "log_record.h"
#include "message_filter.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include <deque>
#include <memory>
#include <span>
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

    // The envelope rules of the connection (topic pattern -> envelope), for rows
    // decoded on demand; set before rows arrive.
    void setTopicEnvelope(const QString &topicPattern, Envelope envelope);

    // One beginInsertRows for the whole batch (and at most one beginRemoveRows).
    // Records past the end of `summaries` (all of them when it is empty) are decoded
    // on demand.
    void append(std::span<const LogRecord> records, std::span<const RecordSummary> summaries = {});
    void append(const std::vector<LogRecord> &records, const std::vector<RecordSummary> &summaries = {})
    {
        append(std::span<const LogRecord>(records), std::span<const RecordSummary>(summaries));
    }
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
    // The row's decode as the detail view shows it (with the reason when it does not
    // decode); decodes now.
    RecordSummary summary(int row) const;
    // Rows whose envelope columns were not decoded yet (tests, benchmarks).
    qsizetype undecodedRows() const;

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
    static quint32 intern(QHash<QString, quint32> &index, QStringList &strings, const QString &text);
    char *reserve(qsizetype n, quint64 *position); // n bytes in the last block
    const char *bytesAt(quint64 position) const;
    void dropFront(qsizetype count);
    const Row &summarized(int row) const; // decodes a pending row first

    // Mutable: a row's envelope columns and the interned assets and event types are
    // a cache filled on demand by const readers (data()).
    mutable std::deque<Row> m_rows;
    std::deque<Block> m_blocks;
    quint64 m_nextPosition = 0;
    qsizetype m_storedBytes = 0;
    QStringList m_topics;
    QHash<QString, quint32> m_topicIndex;
    mutable QStringList m_assets; // [0] = ""
    mutable QHash<QString, quint32> m_assetIndex;
    mutable QStringList m_eventTypes;
    mutable QHash<QString, quint32> m_eventTypeIndex;
    EnvelopeDecoder m_decoder;
    qsizetype m_maxRows = kDefaultMaxRows;
    qsizetype m_maxBytes = kDefaultMaxBytes;
    quint64 m_dropped = 0;
};

} // namespace ndh
