#pragma once
// The raw records behind the current session, kept so the console can export what
// it knows (DESIGN.md §6) byte for byte, not a re-encoding of decoded events.
// Bounded: past the byte budget the oldest records are dropped and counted, and
// completeFromMs() says from when the journal is still complete. Thread-safe: the
// reader thread appends while the GUI selects.
//
// Cheap to feed (docs/PERFORMANCE.md): a record is one fixed-size entry plus its
// headers, key and payload copied once into large shared blocks; topics and asset
// keys are kept once each, not per record. The live consumer fills a Slice as it
// decodes (no lock, no allocation per record once its buffers are warm) and hands
// it over in one append. select() rebuilds the LogRecords, as they were consumed.

#include "log_file_reader.h"

#include <QHash>
#include <QMap>
#include <QStringList>

#include <deque>
#include <limits>
#include <memory>
#include <mutex>

namespace ndh {

class RawRecordJournal
{
    static constexpr quint32 kNoAsset = std::numeric_limits<quint32>::max();
    struct Entry
    {
        qint64 offset = -1;
        qint64 timestampMs = 0;
        qint64 eventTimeMs = 0;
        quint64 block = 0;      // sequence number of the block holding the bytes (a Slice: unused)
        quint32 pos = 0;        // of the headers, then key, then payload, in the block (Slice: in its buffer)
        quint32 headerBytes = 0;
        qint32 keyLen = -1;     // -1: no key
        qint32 payloadLen = -1; // -1: no payload (a tombstone)
        qint32 partition = -1;
        qint32 broker = -1;
        quint32 topic = 0;
        quint32 asset = kNoAsset;
        LogRecord::TimestampType tstype = LogRecord::TimestampType::None;
        quint16 headerCount = 0;
    };

public:
    static constexpr size_t kDefaultBudgetBytes = size_t(512) << 20;

    explicit RawRecordJournal(size_t budgetBytes = kDefaultBudgetBytes);
    ~RawRecordJournal();

    // Records gathered by one writer without locking, appended in one go. Keep it
    // between appends: its buffers keep their capacity.
    class Slice
    {
    public:
        // `key`/`payload` null (data() == nullptr): no key / a tombstone. `asset`:
        // the first decoded event's asset, nullptr if the record decoded to none.
        void add(const QString &topic, qint32 partition, qint64 offset, LogRecord::TimestampType tstype,
                 qint64 timestampMs, qint32 broker, QByteArrayView key, QByteArrayView payload, qint64 eventTimeMs,
                 const AssetPath *asset);
        // Headers of the record added next (before its add()).
        void addHeader(QByteArrayView name, std::optional<QByteArrayView> value);
        void add(const LogRecord &record, const RecordIndex &index);
        bool empty() const { return m_entries.empty(); }
        size_t size() const { return m_entries.size(); }
        void clear();

    private:
        friend class RawRecordJournal;
        std::vector<Entry> m_entries;
        std::vector<char> m_bytes;
        quint32 m_pendingHeaderBytes = 0;
        quint16 m_pendingHeaders = 0;
        std::vector<QString> m_topics; // Entry::topic indexes these
        std::vector<AssetPath> m_assets; // Entry::asset indexes these
        std::vector<QString> m_assetKeys; // or these (add(LogRecord)), at m_assets.size() + i
    };

    // Takes the slice's records over and leaves it empty.
    void append(Slice &slice);
    // index[i] describes records[i] (sizes must match).
    void append(const std::vector<LogRecord> &records, const std::vector<RecordIndex> &index);
    void append(std::vector<LogRecord> &&records, std::vector<RecordIndex> &&index);
    void clear();

    struct Selection
    {
        qint64 fromMs = std::numeric_limits<qint64>::min(); // event time, inclusive
        qint64 toMs = std::numeric_limits<qint64>::max();
        QStringList topics;    // empty: every topic
        QStringList assetKeys; // "location/type/id" or a prefix of it; empty: every record
    };
    // Matching records in arrival order (the order they were read or consumed).
    std::vector<LogRecord> select(const Selection &selection) const;

    size_t size() const;
    size_t bytes() const;
    quint64 dropped() const;
    qint64 completeFromMs() const; // min() while nothing was dropped
    qint64 firstMs() const;
    qint64 lastMs() const;
    QMap<QString, quint64> topicCounts() const;

private:
    struct Block
    {
        char *data = nullptr;
        size_t capacity = 0;
        size_t used = 0;
    };
    static size_t entryBytes(const Entry &e);
    char *reserve(size_t n, quint64 &block, quint32 &pos);
    void freeBlock(Block &b);
    quint32 topicId(const QString &topic);
    quint32 assetId(const AssetPath &asset);
    quint32 assetId(const QString &key);
    void push(const Entry &e);
    void evict();
    LogRecord recordAt(const Entry &e) const;

    mutable std::mutex m_mutex;
    std::deque<Entry> m_entries;
    std::deque<Block> m_blocks; // m_blocks[i] has sequence number m_firstBlock + i
    quint64 m_firstBlock = 0;
    Block m_spare;              // a freed block, reused before allocating
    size_t m_blockSize;
    std::vector<QString> m_topics;
    QHash<QString, quint32> m_topicIds;
    std::vector<QString> m_assetKeys;
    // The decoder hands out one shared string per distinct text (its interner): an
    // asset is looked up by its strings' addresses, kept valid (and not reused) by
    // holding the strings in m_heldAssets; equal text at other addresses still maps
    // to one id through m_assetIdsByKey.
    struct AssetAddress
    {
        const QChar *location;
        const QChar *type;
        const QChar *id;
        bool operator==(const AssetAddress &) const = default;
        friend size_t qHash(const AssetAddress &a, size_t seed = 0) { return qHashMulti(seed, a.location, a.type, a.id); }
    };
    QHash<AssetAddress, quint32> m_assetIdsByAddress;
    std::vector<AssetPath> m_heldAssets;
    QHash<QString, quint32> m_assetIdsByKey;
    size_t m_budget;
    size_t m_bytes = 0;
    quint64 m_dropped = 0;
    qint64 m_completeFromMs = std::numeric_limits<qint64>::min();
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
};

bool selectionMatches(const RawRecordJournal::Selection &selection, const LogRecord &record, const RecordIndex &index);

} // namespace ndh
