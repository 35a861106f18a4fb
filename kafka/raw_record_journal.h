#pragma once
// The raw records behind the current session, kept so the console can export what
// it knows (DESIGN.md §6) byte for byte, not a re-encoding of decoded events.
// Bounded: past the byte budget the oldest records are dropped and counted, and
// completeFromMs() says from when the journal is still complete. Thread-safe: the
// reader thread appends while the GUI selects.
//
// Cheap to feed (docs/PERFORMANCE.md): a record is one fixed-size entry plus its
// headers, key and payload, written once, straight into large blocks the journal
// then keeps (no copy on append); topics and asset keys are kept once each, not per
// record, and a decoded event's asset is found by its registry ref
// (PlantEvent::assetRef), one array index. The live consumer's RecordReader copies
// each consumed record into a Slice on its own thread (no lock, no allocation per
// record once its buffers are warm), the backend decodes it from there and sets its
// index, and the slice goes in with one append. select() rebuilds the LogRecords,
// as they were consumed.

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
        quint64 block = 0;      // sequence number of the block holding the bytes (a Slice: its own list)
        quint32 pos = 0;        // of the headers, then key, then payload, in the block
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
    // The journal's entries, oldest first: a queue in chunks of ~29,000 entries
    // (2 MB), one allocation per chunk instead of one per few
    // entries; a chunk emptied at the front is kept for the next at the back.
    class EntryQueue
    {
    public:
        void push_back(const Entry &e);
        void pop_front();
        const Entry &front() const { return m_chunks.front()[m_head]; }
        bool empty() const { return m_count == 0; }
        size_t size() const { return m_count; }
        void clear();
        template<typename F>
        void forEach(F &&f) const
        {
            size_t chunk = 0, at = m_head;
            for (size_t i = 0; i < m_count; ++i) {
                f(m_chunks[chunk][at]);
                if (++at == kChunkEntries) {
                    at = 0;
                    ++chunk;
                }
            }
        }

    private:
        struct Free
        {
            void operator()(Entry *p) const;
        };
        using Chunk = std::unique_ptr<Entry[], Free>;
        static const size_t kChunkEntries;
        std::deque<Chunk> m_chunks;
        Chunk m_spare;
        size_t m_head = 0; // of the oldest entry, in m_chunks.front()
        size_t m_count = 0;
    };
    // Bytes of records; shared by the journal (while an entry points into it), the
    // slices with records in it (until appended) and the Filling writing into it.
    struct Block
    {
        std::shared_ptr<char[]> data;
        size_t capacity = 0;
    };

public:
    static constexpr size_t kDefaultBudgetBytes = size_t(512) << 20;

    // Where slices write: the block being filled and how much of it is used. Each
    // slice has its own unless given one; slices of one writer that are filled in
    // turn and appended in that order share one (RecordReader keeps several in
    // flight), so that none starts a block of its own.
    class Filling
    {
        friend class RawRecordJournal;
        Block m_block;
        size_t m_used = 0;
    };

    explicit RawRecordJournal(size_t budgetBytes = kDefaultBudgetBytes);
    ~RawRecordJournal();

    // Records gathered by one writer without locking, appended in one go: their
    // bytes go straight into blocks the journal takes over as they are (past the
    // last record appended, the block being filled is its Filling's alone, and
    // slices sharing a Filling are appended in the order they were filled). Keep it
    // between appends: its buffers keep their capacity. `journal`: where its blocks
    // come from (a freed block of that journal is reused), nullptr: its own.
    class Slice
    {
    public:
        explicit Slice(RawRecordJournal *journal = nullptr, Filling *filling = nullptr)
            : m_journal(journal)
            , m_filling(filling ? filling : &m_ownFilling)
        {
        }
        Slice(const Slice &) = delete;
        Slice &operator=(const Slice &) = delete;
        // `key`/`payload` null (data() == nullptr): no key / a tombstone. The asset
        // (nullptr / kNoRef if the record decoded to none): by `assetRef`, the
        // decoder's IdentityRegistry ref, when it has one, else by `asset`'s text.
        void add(const QString &topic, qint32 partition, qint64 offset, LogRecord::TimestampType tstype,
                 qint64 timestampMs, qint32 broker, QByteArrayView key, QByteArrayView payload, qint64 eventTimeMs,
                 const AssetPath *asset, qint32 assetRef = -1);
        // Headers of the record added next (before its add()).
        void addHeader(QByteArrayView name, std::optional<QByteArrayView> value);
        void add(const LogRecord &record, const RecordIndex &index);
        bool empty() const { return m_entries.empty(); }
        size_t size() const { return m_entries.size(); }
        void clear();

        // Record `i` (in the order added) as the live consumer decodes it, straight
        // from the journal's block: the bytes it was read into are the ones kept.
        struct Record
        {
            const QString *topic = nullptr;
            qint32 partition = -1;
            qint64 offset = -1;
            qint64 timestampMs = 0;
            QByteArrayView key;     // data() null: no key
            QByteArrayView payload; // data() null: a tombstone
        };
        Record record(size_t i) const;
        // What decoding record `i` learnt, after it was added (the event time and
        // asset as add() takes them).
        void setIndex(size_t i, qint64 eventTimeMs, const AssetPath *asset, qint32 assetRef);
        // Keeps only the first `n` records (n <= size()).
        void truncate(size_t n);

    private:
        friend class RawRecordJournal;
        // Room for `n` more bytes of the record being written (its headers so far
        // move along into a new block); where to write them.
        char *room(size_t n);
        void setAsset(Entry &e, const AssetPath *asset, qint32 assetRef);
        RawRecordJournal *m_journal;
        Filling m_ownFilling;
        Filling *m_filling;
        std::vector<Entry> m_entries;
        std::vector<Block> m_blocks; // Entry::block indexes these; the last is the filling's block
        quint32 m_pendingHeaderBytes = 0;
        quint16 m_pendingHeaders = 0;
        std::vector<QString> m_topics; // Entry::topic indexes these
        std::vector<QString> m_assetKeys; // asset by text: Entry::asset & ~kRefAsset indexes these
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
    static size_t entryBytes(const Entry &e);
    Block newBlock(size_t atLeast); // a spare one when there is one
    static Block allocateBlock(size_t size);
    quint32 topicId(const QString &topic);
    quint32 assetIdForRef(qint32 ref);
    quint32 assetId(const QString &key);
    void push(const Entry &e);
    void evict();
    LogRecord recordAt(const Entry &e) const;

    mutable std::mutex m_mutex;
    EntryQueue m_entries;
    std::deque<Block> m_blocks; // m_blocks[i] has sequence number m_firstBlock + i
    quint64 m_firstBlock = 0;
    Block m_spare;              // a block no entry and no slice uses any more, reused first
    size_t m_blockSize;
    std::vector<QString> m_topics;
    QHash<QString, quint32> m_topicIds;
    std::vector<QString> m_assetKeys;
    QHash<QString, quint32> m_assetIdsByKey;
    std::vector<quint32> m_assetIdsByRef; // IdentityRegistry ref -> index in m_assetKeys (kNoAsset: not yet)
    std::mutex m_loaderMutex;            // append(records, index) from any thread, through:
    Slice m_loaderSlice{this};
    size_t m_budget;
    size_t m_bytes = 0;
    quint64 m_dropped = 0;
    qint64 m_completeFromMs = std::numeric_limits<qint64>::min();
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
};

bool selectionMatches(const RawRecordJournal::Selection &selection, const LogRecord &record, const RecordIndex &index);

} // namespace ndh
