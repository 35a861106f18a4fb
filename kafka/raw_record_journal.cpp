#include "raw_record_journal.h"

#include "identity_registry.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <type_traits>
#include <utility>

namespace ndh {

namespace {

constexpr size_t kBlockBytes = size_t(4) << 20;
constexpr quint32 kRefAsset = 0x80000000u; // Slice: the asset is IdentityRegistry ref (asset & ~kRefAsset)

bool matches(const RawRecordJournal::Selection &s, const QString &topic, qint64 eventTimeMs, const QString &assetKey)
{
    if (eventTimeMs < s.fromMs || eventTimeMs > s.toMs)
        return false;
    if (!s.topics.isEmpty() && !s.topics.contains(topic))
        return false;
    if (!s.assetKeys.isEmpty()) {
        if (assetKey.isEmpty())
            return false;
        for (const QString &k : s.assetKeys) {
            if (assetKey.size() >= k.size() && assetKey.startsWith(k)
                && (assetKey.size() == k.size() || assetKey.at(k.size()) == u'/'))
                return true;
        }
        return false;
    }
    return true;
}

qint32 getInt(const char *&p)
{
    qint32 v;
    std::memcpy(&v, p, sizeof v);
    p += sizeof v;
    return v;
}

} // namespace

bool selectionMatches(const RawRecordJournal::Selection &s, const LogRecord &record, const RecordIndex &index)
{
    return matches(s, record.topic, index.eventTimeMs, index.assetKey);
}

// --- Slice ---

char *RawRecordJournal::Slice::room(size_t n)
{
    Filling &f = *m_filling;
    if (!f.m_block.data || f.m_block.capacity - f.m_used < n) {
        // The record's headers so far go along: a record's bytes are contiguous.
        const size_t carried = m_pendingHeaderBytes;
        Block b = m_journal ? m_journal->newBlock(carried + n) : allocateBlock(std::max(carried + n, kBlockBytes));
        if (carried)
            std::memcpy(b.data.get(), f.m_block.data.get() + f.m_used - carried, carried);
        f.m_block = std::move(b);
        f.m_used = carried;
    }
    if (m_blocks.empty() || m_blocks.back().data != f.m_block.data) {
        // The block given up stays only if a record of this slice is in it.
        if (!m_blocks.empty() && (m_entries.empty() || m_entries.back().block != m_blocks.size() - 1))
            m_blocks.pop_back();
        m_blocks.push_back(f.m_block);
    }
    char *at = f.m_block.data.get() + f.m_used;
    f.m_used += n;
    return at;
}

void RawRecordJournal::Slice::addHeader(QByteArrayView name, std::optional<QByteArrayView> value)
{
    const qint32 nameLen = qint32(name.size());
    const qint32 valueLen = value ? qint32(value->size()) : -1;
    const size_t n = 2 * sizeof(qint32) + size_t(nameLen) + size_t(std::max(valueLen, 0));
    char *p = room(n);
    std::memcpy(p, &nameLen, sizeof nameLen);
    p += sizeof nameLen;
    if (nameLen)
        std::memcpy(p, name.data(), size_t(nameLen));
    p += nameLen;
    std::memcpy(p, &valueLen, sizeof valueLen);
    p += sizeof valueLen;
    if (valueLen > 0)
        std::memcpy(p, value->data(), size_t(valueLen));
    m_pendingHeaderBytes += quint32(n);
    ++m_pendingHeaders;
}

void RawRecordJournal::Slice::add(const QString &topic, qint32 partition, qint64 offset,
                                  LogRecord::TimestampType tstype, qint64 timestampMs, qint32 broker,
                                  QByteArrayView key, QByteArrayView payload, qint64 eventTimeMs,
                                  const AssetPath *asset, qint32 assetRef)
{
    const size_t keyLen = key.data() ? size_t(key.size()) : 0;
    const size_t payloadLen = payload.data() ? size_t(payload.size()) : 0;
    // Straight into the block the journal will keep: the only copy of the bytes.
    char *p = room(keyLen + payloadLen);
    if (keyLen)
        std::memcpy(p, key.data(), keyLen);
    if (payloadLen)
        std::memcpy(p + keyLen, payload.data(), payloadLen);
    Entry &e = m_entries.emplace_back();
    e.offset = offset;
    e.timestampMs = timestampMs;
    e.eventTimeMs = eventTimeMs;
    e.block = m_blocks.size() - 1;
    e.pos = quint32(m_filling->m_used - keyLen - payloadLen - m_pendingHeaderBytes);
    e.headerBytes = m_pendingHeaderBytes;
    e.headerCount = m_pendingHeaders;
    m_pendingHeaderBytes = 0;
    m_pendingHeaders = 0;
    e.partition = partition;
    e.broker = broker;
    e.tstype = tstype;
    if (key.data())
        e.keyLen = qint32(keyLen);
    if (payload.data())
        e.payloadLen = qint32(payloadLen);
    // The consumer passes the same topic string record after record.
    if (m_topics.empty() || !(m_topics.back().constData() == topic.constData() || m_topics.back() == topic))
        m_topics.push_back(topic);
    e.topic = quint32(m_topics.size() - 1);
    setAsset(e, asset, assetRef);
}

void RawRecordJournal::Slice::setAsset(Entry &e, const AssetPath *asset, qint32 assetRef)
{
    if (assetRef >= 0) {
        e.asset = kRefAsset | quint32(assetRef);
    } else if (asset) {
        e.asset = quint32(m_assetKeys.size());
        m_assetKeys.push_back(asset->key());
    }
}

RawRecordJournal::Slice::Record RawRecordJournal::Slice::record(size_t i) const
{
    const Entry &e = m_entries[i];
    const char *key = m_blocks[size_t(e.block)].data.get() + e.pos + e.headerBytes;
    const qsizetype keyLen = std::max(e.keyLen, 0);
    Record r;
    r.topic = &m_topics[e.topic];
    r.partition = e.partition;
    r.offset = e.offset;
    r.timestampMs = e.timestampMs;
    if (e.keyLen >= 0)
        r.key = QByteArrayView(key, keyLen);
    if (e.payloadLen >= 0)
        r.payload = QByteArrayView(key + keyLen, e.payloadLen);
    return r;
}

void RawRecordJournal::Slice::setIndex(size_t i, qint64 eventTimeMs, const AssetPath *asset, qint32 assetRef)
{
    Entry &e = m_entries[i];
    e.eventTimeMs = eventTimeMs;
    setAsset(e, asset, assetRef);
}

void RawRecordJournal::Slice::truncate(size_t n)
{
    if (n < m_entries.size())
        m_entries.resize(n);
}

void RawRecordJournal::Slice::add(const LogRecord &r, const RecordIndex &index)
{
    for (const LogHeader &h : r.headers)
        addHeader(h.name, h.value ? std::optional<QByteArrayView>(*h.value) : std::nullopt);
    // A present but empty QByteArray may have a null data(): keep it present.
    static const char empty = 0;
    const QByteArrayView key = r.key ? QByteArrayView(r.key->isNull() ? &empty : r.key->constData(), r.key->size())
                                     : QByteArrayView();
    const QByteArrayView payload = r.payload ? QByteArrayView(r.payload->isNull() ? &empty : r.payload->constData(),
                                                              r.payload->size())
                                             : QByteArrayView();
    add(r.topic, r.partition, r.offset, r.tstype, r.timestampMs, r.broker, key, payload, index.eventTimeMs, nullptr);
    if (!index.assetKey.isEmpty()) {
        m_entries.back().asset = quint32(m_assetKeys.size());
        m_assetKeys.push_back(index.assetKey);
    }
}

void RawRecordJournal::Slice::clear()
{
    // The records belong to the journal now; the block being filled stays the
    // filling's to fill on (its start is the journal's, read-only from here on).
    m_entries.clear();
    m_blocks.clear();
    m_filling->m_used -= m_pendingHeaderBytes; // headers of a record never added are dropped
    m_pendingHeaderBytes = 0;
    m_pendingHeaders = 0;
    m_topics.clear();
    m_assetKeys.clear();
}

// --- EntryQueue ---

namespace {
constexpr size_t kEntryChunkBytes = size_t(2) << 20;
}

const size_t RawRecordJournal::EntryQueue::kChunkEntries = kEntryChunkBytes / sizeof(Entry);

void RawRecordJournal::EntryQueue::Free::operator()(Entry *p) const
{
    std::free(p);
}

void RawRecordJournal::EntryQueue::push_back(const Entry &e)
{
    const size_t tail = m_head + m_count;
    if (tail == m_chunks.size() * kChunkEntries) {
        if (!m_spare) {
            // Entry is trivially copyable: raw memory holds entries as they are copied in.
            static_assert(std::is_trivially_copyable_v<Entry>);
            auto *memory = static_cast<Entry *>(std::malloc(kEntryChunkBytes));
            if (!memory)
                throw std::bad_alloc();
            m_spare.reset(memory);
        }
        m_chunks.push_back(std::move(m_spare));
    }
    std::memcpy(&m_chunks[tail / kChunkEntries][tail % kChunkEntries], &e, sizeof e);
    ++m_count;
}

void RawRecordJournal::EntryQueue::pop_front()
{
    --m_count;
    if (++m_head == kChunkEntries || m_count == 0) {
        m_head = 0;
        if (m_count == 0 && m_chunks.size() == 1)
            return; // the one chunk serves on from its start
        m_spare = std::move(m_chunks.front());
        m_chunks.pop_front();
    }
}

void RawRecordJournal::EntryQueue::clear()
{
    if (!m_chunks.empty() && !m_spare)
        m_spare = std::move(m_chunks.front());
    m_chunks.clear();
    m_head = 0;
    m_count = 0;
}

// --- RawRecordJournal ---

RawRecordJournal::RawRecordJournal(size_t budgetBytes)
    : m_blockSize(std::clamp(budgetBytes / 16, size_t(64) << 10, kBlockBytes))
    , m_budget(budgetBytes)
{
}

RawRecordJournal::~RawRecordJournal() = default;

size_t RawRecordJournal::entryBytes(const Entry &e)
{
    return sizeof(Entry) + e.headerBytes + size_t(std::max(e.keyLen, 0)) + size_t(std::max(e.payloadLen, 0));
}

// A block of at least `size` bytes, in ordinary pages. The journal used to ask for
// huge pages (MADV_HUGEPAGE: one fault per 2 MB): with the kernel's default
// `defrag=madvise` each such fault may compact memory first, on the backend
// thread, and filling the journal then cost the consumer up to a third of its rate
// (docs/PERFORMANCE.md, the summary of 2026-11-23 20:30).
RawRecordJournal::Block RawRecordJournal::allocateBlock(size_t size)
{
    Block b;
    char *data = static_cast<char *>(std::malloc(size));
    if (!data)
        throw std::bad_alloc();
    b.data = std::shared_ptr<char[]>(data, [](char *p) { std::free(p); });
    b.capacity = size;
    return b;
}

RawRecordJournal::Block RawRecordJournal::newBlock(size_t atLeast)
{
    size_t size = 0;
    {
        const std::lock_guard lock(m_mutex);
        if (m_spare.data && m_spare.capacity >= atLeast)
            return std::exchange(m_spare, Block()); // already faulted in: no page faults filling it
        size = std::max(atLeast, m_blockSize);
    }
    return allocateBlock(size);
}

quint32 RawRecordJournal::topicId(const QString &topic)
{
    auto it = m_topicIds.constFind(topic);
    if (it != m_topicIds.constEnd())
        return *it;
    m_topics.push_back(topic);
    return m_topicIds[topic] = quint32(m_topics.size() - 1);
}

quint32 RawRecordJournal::assetIdForRef(qint32 ref)
{
    const size_t at = size_t(ref);
    if (at < m_assetIdsByRef.size() && m_assetIdsByRef[at] != kNoAsset)
        return m_assetIdsByRef[at];
    if (at >= m_assetIdsByRef.size())
        m_assetIdsByRef.resize(std::max(at + 1, m_assetIdsByRef.size() * 2), kNoAsset);
    return m_assetIdsByRef[at] = assetId(IdentityRegistry::global().assetPath(ref).key());
}

quint32 RawRecordJournal::assetId(const QString &key)
{
    auto it = m_assetIdsByKey.constFind(key);
    if (it != m_assetIdsByKey.constEnd())
        return *it;
    m_assetKeys.push_back(key);
    return m_assetIdsByKey[key] = quint32(m_assetKeys.size() - 1);
}

void RawRecordJournal::push(const Entry &e)
{
    const qint64 t = e.eventTimeMs;
    if (m_entries.empty() && m_dropped == 0) {
        m_firstMs = t;
        m_lastMs = t;
    }
    if (t > 0) {
        m_firstMs = m_firstMs > 0 ? std::min(m_firstMs, t) : t;
        m_lastMs = std::max(m_lastMs, t);
    }
    m_entries.push_back(e);
    m_bytes += entryBytes(e);
}

void RawRecordJournal::evict()
{
    while (m_bytes > m_budget && !m_entries.empty()) {
        const Entry &e = m_entries.front();
        m_completeFromMs = std::max(m_completeFromMs, e.eventTimeMs + 1);
        m_bytes -= entryBytes(e);
        ++m_dropped;
        m_entries.pop_front();
    }
    // Blocks no entry points into any more (a Filling may still be filling the last:
    // it keeps its own reference).
    while (!m_blocks.empty() && (m_entries.empty() || m_firstBlock < m_entries.front().block)) {
        Block &b = m_blocks.front();
        if (!m_spare.data && b.capacity == m_blockSize && b.data.use_count() == 1)
            m_spare = std::move(b);
        m_blocks.pop_front();
        ++m_firstBlock;
    }
}

void RawRecordJournal::append(Slice &slice)
{
    if (!slice.m_entries.empty()) {
        const std::lock_guard lock(m_mutex);
        std::array<quint32, 4> topicsHere;
        std::vector<quint32> topicsMany;
        quint32 *topics = topicsHere.data();
        if (slice.m_topics.size() > topicsHere.size()) {
            topicsMany.resize(slice.m_topics.size());
            topics = topicsMany.data();
        }
        for (size_t i = 0; i < slice.m_topics.size(); ++i)
            topics[i] = topicId(slice.m_topics[i]);
        // The slice's blocks join the journal's as they are; a block the slice goes
        // on filling is the journal's last already after its first append.
        quint64 blockSeq = 0;
        size_t blockOfSlice = size_t(-1);
        for (const Entry &in : slice.m_entries) {
            if (in.block != blockOfSlice) {
                blockOfSlice = size_t(in.block);
                const Block &b = slice.m_blocks[blockOfSlice];
                if (m_blocks.empty() || m_blocks.back().data != b.data)
                    m_blocks.push_back(b);
                blockSeq = m_firstBlock + m_blocks.size() - 1;
            }
            Entry e = in;
            e.block = blockSeq;
            e.topic = topics[in.topic];
            if (in.asset != kNoAsset)
                e.asset = in.asset & kRefAsset ? assetIdForRef(qint32(in.asset & ~kRefAsset))
                                               : assetId(slice.m_assetKeys[in.asset]);
            push(e);
        }
        evict();
    }
    slice.clear();
}

void RawRecordJournal::append(const std::vector<LogRecord> &records, const std::vector<RecordIndex> &index)
{
    const std::lock_guard lock(m_loaderMutex);
    for (size_t i = 0; i < records.size() && i < index.size(); ++i)
        m_loaderSlice.add(records[i], index[i]);
    append(m_loaderSlice);
}

void RawRecordJournal::append(std::vector<LogRecord> &&records, std::vector<RecordIndex> &&index)
{
    append(std::as_const(records), std::as_const(index));
    records.clear();
    index.clear();
}

void RawRecordJournal::clear()
{
    const std::lock_guard lock(m_mutex);
    m_entries.clear();
    m_firstBlock += m_blocks.size();
    m_blocks.clear();
    m_topics.clear();
    m_topicIds.clear();
    m_assetKeys.clear();
    m_assetIdsByKey.clear();
    m_assetIdsByRef.clear();
    m_bytes = 0;
    m_dropped = 0;
    m_completeFromMs = std::numeric_limits<qint64>::min();
    m_firstMs = m_lastMs = 0;
}

LogRecord RawRecordJournal::recordAt(const Entry &e) const
{
    LogRecord r;
    r.topic = m_topics[e.topic];
    r.partition = e.partition;
    r.offset = e.offset;
    r.tstype = e.tstype;
    r.timestampMs = e.timestampMs;
    r.broker = e.broker;
    const char *p = m_blocks[size_t(e.block - m_firstBlock)].data.get() + e.pos;
    r.headers.reserve(e.headerCount);
    for (quint16 h = 0; h < e.headerCount; ++h) {
        LogHeader header;
        const qint32 nameLen = getInt(p);
        header.name = QByteArray(p, nameLen);
        p += nameLen;
        const qint32 valueLen = getInt(p);
        if (valueLen >= 0) {
            header.value = QByteArray(p, valueLen);
            p += valueLen;
        }
        r.headers.push_back(std::move(header));
    }
    if (e.keyLen >= 0) {
        r.key = QByteArray(p, e.keyLen);
        p += e.keyLen;
    }
    if (e.payloadLen >= 0)
        r.payload = QByteArray(p, e.payloadLen);
    return r;
}

std::vector<LogRecord> RawRecordJournal::select(const Selection &selection) const
{
    const std::lock_guard lock(m_mutex);
    static const QString none;
    std::vector<LogRecord> out;
    m_entries.forEach([&](const Entry &e) {
        if (matches(selection, m_topics[e.topic], e.eventTimeMs, e.asset == kNoAsset ? none : m_assetKeys[e.asset]))
            out.push_back(recordAt(e));
    });
    return out;
}

size_t RawRecordJournal::size() const
{
    const std::lock_guard lock(m_mutex);
    return m_entries.size();
}

size_t RawRecordJournal::bytes() const
{
    const std::lock_guard lock(m_mutex);
    return m_bytes;
}

quint64 RawRecordJournal::dropped() const
{
    const std::lock_guard lock(m_mutex);
    return m_dropped;
}

qint64 RawRecordJournal::completeFromMs() const
{
    const std::lock_guard lock(m_mutex);
    return m_completeFromMs;
}

qint64 RawRecordJournal::firstMs() const
{
    const std::lock_guard lock(m_mutex);
    return m_firstMs;
}

qint64 RawRecordJournal::lastMs() const
{
    const std::lock_guard lock(m_mutex);
    return m_lastMs;
}

QMap<QString, quint64> RawRecordJournal::topicCounts() const
{
    const std::lock_guard lock(m_mutex);
    std::vector<quint64> counts(m_topics.size());
    m_entries.forEach([&](const Entry &e) { ++counts[e.topic]; });
    QMap<QString, quint64> out;
    for (size_t i = 0; i < counts.size(); ++i)
        if (counts[i])
            out[m_topics[i]] += counts[i];
    return out;
}

} // namespace ndh
