#include "message_table_model.h"

#include "envelope_decoder.h"

#include <QDateTime>
#include <QLocale>
#include <QStringDecoder>
#include <QTimeZone>

#include <algorithm>
#include <cstring>

namespace ndh {

namespace {
constexpr qsizetype kBlockBytes = qsizetype(4) << 20;
constexpr quint32 kMaxInterned = 1u << 20; // distinct assets / event types; beyond: shown blank
constexpr quint8 kNotDecoded = 0xff;
constexpr quint8 kPending = 0xfe; // not decoded yet: decoded when first shown
} // namespace

struct MessageTableModel::Row
{
    qint64 timeMs = 0;
    qint64 offset = -1;
    quint64 position = 0; // key, then value, then headers
    qint32 keyLen = -1;   // -1: null
    qint32 valueLen = -1; // -1: null (tombstone)
    quint32 headerLen = 0;
    qint32 partition = -1;
    qint32 broker = -1;
    quint32 asset = 0;
    quint32 eventType = 0;
    quint16 topic = 0;
    quint8 envelope = kNotDecoded;
    quint8 tstype = 0;
};

static_assert(sizeof(void *) != 8 || sizeof(MessageTableModel::Row) <= 64, "rows stay compact");

MessageTableModel::MessageTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_assets << QString();
    m_eventTypes << QString();
}

MessageTableModel::~MessageTableModel() = default;

void MessageTableModel::setTopicEnvelope(const QString &topicPattern, Envelope envelope)
{
    m_decoder.setTopicEnvelope(topicPattern, envelope);
}

void MessageTableModel::setLimits(qsizetype maxRows, qsizetype maxBytes)
{
    m_maxRows = std::max<qsizetype>(1, maxRows);
    m_maxBytes = std::max<qsizetype>(1, maxBytes);
}

quint32 MessageTableModel::intern(QHash<QString, quint32> &index, QStringList &strings, const QString &text)
{
    if (text.isEmpty())
        return 0;
    const auto it = index.constFind(text);
    if (it != index.constEnd())
        return *it;
    if (quint32(strings.size()) >= kMaxInterned)
        return 0;
    const quint32 id = quint32(strings.size());
    strings << text;
    index.insert(text, id);
    return id;
}

char *MessageTableModel::reserve(qsizetype n, quint64 *position)
{
    if (m_blocks.empty() || m_blocks.back().size - m_blocks.back().used < n) {
        Block b;
        b.size = std::max(kBlockBytes, n);
        b.data.reset(new char[size_t(b.size)]); // not zeroed: every byte used is written
        // Positions stay increasing: the unused tail of the last block is skipped.
        b.start = m_blocks.empty() ? 0 : m_blocks.back().start + quint64(m_blocks.back().size);
        m_blocks.push_back(std::move(b));
    }
    Block &b = m_blocks.back();
    *position = b.start + quint64(b.used);
    char *out = b.data.get() + b.used;
    b.used += n;
    m_storedBytes += n;
    return out;
}

const char *MessageTableModel::bytesAt(quint64 position) const
{
    // Blocks are few (bytes / 4 MB): a binary search over their starts.
    auto it = std::upper_bound(m_blocks.begin(), m_blocks.end(), position,
                               [](quint64 p, const Block &b) { return p < b.start; });
    if (it == m_blocks.begin())
        return nullptr;
    --it;
    return it->data.get() + (position - it->start);
}

void MessageTableModel::append(std::span<const LogRecord> records, std::span<const RecordSummary> summaries)
{
    if (records.empty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(records.size()) - 1);
    const QString *lastTopic = nullptr;
    quint16 lastTopicId = 0;
    for (size_t i = 0; i < records.size(); ++i) {
        const LogRecord &r = records[i];
        Row row;
        row.timeMs = r.timestampMs;
        row.offset = r.offset;
        row.partition = r.partition;
        row.broker = r.broker;
        row.tstype = quint8(r.tstype);
        row.keyLen = r.key ? qint32(r.key->size()) : -1;
        row.valueLen = r.payload ? qint32(r.payload->size()) : -1;
        // Key, value and headers straight into the block: one copy per record.
        qsizetype headerBytes = 0;
        if (!r.headers.empty()) {
            headerBytes = qsizetype(sizeof(qint32));
            for (const LogHeader &h : r.headers)
                headerBytes += qsizetype(2 * sizeof(qint32)) + h.name.size() + (h.value ? h.value->size() : 0);
        }
        row.headerLen = quint32(headerBytes);
        char *out = reserve(std::max(0, row.keyLen) + std::max(0, row.valueLen) + headerBytes, &row.position);
        auto put = [&out](const char *data, qsizetype n) {
            if (n > 0)
                std::memcpy(out, data, size_t(n));
            out += n;
        };
        auto put32 = [&put](qint32 v) { put(reinterpret_cast<const char *>(&v), sizeof v); };
        if (r.key)
            put(r.key->constData(), r.key->size());
        if (r.payload)
            put(r.payload->constData(), r.payload->size());
        if (!r.headers.empty()) {
            put32(qint32(r.headers.size()));
            for (const LogHeader &h : r.headers) {
                put32(qint32(h.name.size()));
                put(h.name.constData(), h.name.size());
                put32(h.value ? qint32(h.value->size()) : -1);
                if (h.value)
                    put(h.value->constData(), h.value->size());
            }
        }
        // A batch is mostly one topic: its id is looked up once per change of topic.
        if (!lastTopic || !(r.topic.constData() == lastTopic->constData() || r.topic == *lastTopic)) {
            lastTopic = &r.topic;
            lastTopicId = quint16(std::min<quint32>(
                intern(m_topicIndex, m_topics, r.topic.isEmpty() ? QStringLiteral("?") : r.topic), 0xffff));
        }
        row.topic = lastTopicId;
        if (i < summaries.size()) {
            const RecordSummary &s = summaries[i];
            row.envelope = s.decoded ? quint8(s.envelope) : kNotDecoded;
            row.asset = intern(m_assetIndex, m_assets, s.assetKey);
            row.eventType = intern(m_eventTypeIndex, m_eventTypes, s.eventType);
        } else {
            row.envelope = kPending;
        }
        m_rows.push_back(row);
    }
    endInsertRows();

    qsizetype excess = qsizetype(m_rows.size()) - m_maxRows;
    if (m_storedBytes > m_maxBytes) {
        // Count how many of the oldest rows free enough bytes.
        qsizetype bytes = m_storedBytes;
        qsizetype n = 0;
        for (const Row &row : m_rows) {
            if (bytes <= m_maxBytes || n + 1 >= qsizetype(m_rows.size()))
                break;
            bytes -= std::max(0, row.keyLen) + std::max(0, row.valueLen) + qsizetype(row.headerLen);
            ++n;
        }
        excess = std::max(excess, n);
    }
    if (excess > 0)
        dropFront(excess);
}

void MessageTableModel::dropFront(qsizetype count)
{
    count = std::min<qsizetype>(count, qsizetype(m_rows.size()) - 1);
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, int(count) - 1);
    for (qsizetype i = 0; i < count; ++i) {
        const Row &row = m_rows.front();
        m_storedBytes -= std::max(0, row.keyLen) + std::max(0, row.valueLen) + qsizetype(row.headerLen);
        m_rows.pop_front();
    }
    // Free blocks nothing refers to any more.
    const quint64 firstUsed = m_rows.front().position;
    while (m_blocks.size() > 1 && m_blocks.front().start + quint64(m_blocks.front().size) <= firstUsed)
        m_blocks.pop_front();
    endRemoveRows();
    m_dropped += quint64(count);
    emit rowsDropped(m_dropped);
}

void MessageTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_blocks.clear();
    m_storedBytes = 0;
    m_dropped = 0;
    m_topics.clear();
    m_topicIndex.clear();
    m_assets = QStringList{QString()};
    m_assetIndex.clear();
    m_eventTypes = QStringList{QString()};
    m_eventTypeIndex.clear();
    endResetModel();
}

qsizetype MessageTableModel::residentBytes() const
{
    qsizetype n = qsizetype(m_rows.size() * sizeof(Row));
    for (const Block &b : m_blocks)
        n += b.size;
    auto strings = [](const QStringList &list) {
        qsizetype s = 0;
        for (const QString &t : list)
            s += t.size() * 2 + 64; // text, hash node and list entry
        return s;
    };
    return n + strings(m_topics) + strings(m_assets) + strings(m_eventTypes);
}

LogRecord MessageTableModel::record(int row) const
{
    LogRecord r;
    if (row < 0 || row >= int(m_rows.size()))
        return r;
    const Row &x = m_rows[size_t(row)];
    r.topic = m_topics.value(x.topic);
    r.partition = x.partition;
    r.offset = x.offset;
    r.timestampMs = x.timeMs;
    r.tstype = LogRecord::TimestampType(x.tstype);
    r.broker = x.broker;
    const char *p = bytesAt(x.position);
    if (!p)
        return r;
    if (x.keyLen >= 0) {
        r.key = QByteArray(p, x.keyLen);
        p += x.keyLen;
    }
    if (x.valueLen >= 0) {
        r.payload = QByteArray(p, x.valueLen);
        p += x.valueLen;
    }
    if (x.headerLen > 0) {
        auto get32 = [&p] {
            qint32 v = 0;
            std::memcpy(&v, p, sizeof v);
            p += sizeof v;
            return v;
        };
        const qint32 count = get32();
        for (qint32 h = 0; h < count; ++h) {
            LogHeader header;
            const qint32 nameLen = get32();
            header.name = QByteArray(p, nameLen);
            p += nameLen;
            const qint32 valueLen = get32();
            if (valueLen >= 0) {
                header.value = QByteArray(p, valueLen);
                p += valueLen;
            }
            r.headers.push_back(std::move(header));
        }
    }
    return r;
}

std::vector<LogRecord> MessageTableModel::records(const QList<int> &rows) const
{
    std::vector<LogRecord> out;
    out.reserve(size_t(rows.size()));
    for (int row : rows)
        out.push_back(record(row));
    return out;
}

RecordSummary MessageTableModel::summary(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    const Row &x = m_rows[size_t(row)];
    const char *p = bytesAt(x.position);
    return summarizeRecord(m_decoder, m_topics.value(x.topic), x.partition, x.offset, x.timeMs,
                           p && x.valueLen >= 0 ? p + std::max(0, x.keyLen) : nullptr, std::max(0, x.valueLen));
}

const MessageTableModel::Row &MessageTableModel::summarized(int row) const
{
    Row &x = m_rows[size_t(row)];
    if (x.envelope == kPending) {
        const RecordSummary s = summary(row);
        x.envelope = s.decoded ? quint8(s.envelope) : kNotDecoded;
        x.asset = intern(m_assetIndex, m_assets, s.assetKey);
        x.eventType = intern(m_eventTypeIndex, m_eventTypes, s.eventType);
    }
    return x;
}

qsizetype MessageTableModel::undecodedRows() const
{
    return std::count_if(m_rows.begin(), m_rows.end(), [](const Row &x) { return x.envelope == kPending; });
}

QString MessageTableModel::assetKey(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_assets.value(summarized(row).asset) : QString();
}

QString MessageTableModel::eventType(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_eventTypes.value(summarized(row).eventType) : QString();
}

QString MessageTableModel::envelopeText(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    const Row &x = summarized(row);
    if (x.envelope == kNotDecoded)
        return x.valueLen < 0 ? tr("tombstone") : tr("raw");
    return envelopeName(Envelope(x.envelope));
}

QString MessageTableModel::keyPreview(const std::optional<QByteArray> &key)
{
    if (!key)
        return tr("(null)");
    if (key->isEmpty())
        return tr("(empty)");
    const QByteArray head = key->left(kMaxKeyPreview * 4);
    QString text = bytesAsText(head);
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QChar(0xb7);
    }
    if (text.size() > kMaxKeyPreview || key->size() > head.size())
        text = text.left(kMaxKeyPreview) + QChar(0x2026);
    return text;
}

int MessageTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MessageTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &x = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return x.timeMs > 0 ? QDateTime::fromMSecsSinceEpoch(x.timeMs, Qt::UTC)
                                      .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                                : tr("(no time)");
        case TopicColumn: return m_topics.value(x.topic);
        case PartitionColumn: return x.partition;
        case OffsetColumn: return x.offset;
        case KeyColumn: {
            std::optional<QByteArray> key;
            if (x.keyLen >= 0) {
                const char *p = bytesAt(x.position);
                key = QByteArray(p, std::min<qint32>(x.keyLen, kMaxKeyPreview * 4 + 1));
            }
            return keyPreview(key);
        }
        case EnvelopeColumn: return envelopeText(index.row());
        case AssetColumn: {
            const QString &key = m_assets.value(summarized(index.row()).asset);
            return key.mid(key.lastIndexOf(u'/') + 1);
        }
        case EventTypeColumn: return m_eventTypes.value(summarized(index.row()).eventType);
        case SizeColumn: return x.valueLen < 0 ? tr("null") : QLocale().formattedDataSize(x.valueLen, 1, QLocale::DataSizeTraditionalFormat);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == AssetColumn)
            return m_assets.value(summarized(index.row()).asset);
        if (index.column() == TimeColumn)
            return x.tstype == quint8(LogRecord::TimestampType::LogAppend) ? tr("Log-append time (set by the broker)")
                                                                           : tr("Create time (set by the producer)");
        if (index.column() == SizeColumn)
            return tr("%1 bytes").arg(std::max(0, x.valueLen));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == PartitionColumn || index.column() == OffsetColumn || index.column() == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case AssetKeyRole: return m_assets.value(summarized(index.row()).asset);
    case TimestampRole: return x.timeMs;
    case OffsetRole: return x.offset;
    case PartitionRole: return x.partition;
    case TopicRole: return m_topics.value(x.topic);
    }
    return {};
}

QVariant MessageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time (UTC)");
    case TopicColumn: return tr("Topic");
    case PartitionColumn: return tr("Partition");
    case OffsetColumn: return tr("Offset");
    case KeyColumn: return tr("Key");
    case EnvelopeColumn: return tr("Envelope");
    case AssetColumn: return tr("Asset");
    case EventTypeColumn: return tr("Event type");
    case SizeColumn: return tr("Size");
    }
    return {};
}

} // namespace ndh
