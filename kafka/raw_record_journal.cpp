#include "raw_record_journal.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <utility>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace ndh {

namespace {

constexpr size_t kBlockBytes = size_t(4) << 20;
constexpr size_t kHugePage = size_t(2) << 20;
constexpr size_t kMaxHeldAssets = 65536;
constexpr quint32 kKeyAsset = 0x80000000u; // Slice: the asset is m_assetKeys[asset & ~kKeyAsset]

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

void putInt(std::vector<char> &out, qint32 v)
{
    const size_t at = out.size();
    out.resize(at + sizeof v);
    std::memcpy(out.data() + at, &v, sizeof v);
}

void putBytes(std::vector<char> &out, QByteArrayView bytes)
{
    out.insert(out.end(), bytes.data(), bytes.data() + bytes.size());
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

void RawRecordJournal::Slice::addHeader(QByteArrayView name, std::optional<QByteArrayView> value)
{
    const size_t before = m_bytes.size();
    putInt(m_bytes, qint32(name.size()));
    putBytes(m_bytes, name);
    putInt(m_bytes, value ? qint32(value->size()) : -1);
    if (value)
        putBytes(m_bytes, *value);
    m_pendingHeaderBytes += quint32(m_bytes.size() - before);
    ++m_pendingHeaders;
}

void RawRecordJournal::Slice::add(const QString &topic, qint32 partition, qint64 offset,
                                  LogRecord::TimestampType tstype, qint64 timestampMs, qint32 broker,
                                  QByteArrayView key, QByteArrayView payload, qint64 eventTimeMs,
                                  const AssetPath *asset)
{
    Entry e;
    e.offset = offset;
    e.timestampMs = timestampMs;
    e.eventTimeMs = eventTimeMs;
    e.pos = quint32(m_bytes.size() - m_pendingHeaderBytes);
    e.headerBytes = m_pendingHeaderBytes;
    e.headerCount = m_pendingHeaders;
    m_pendingHeaderBytes = 0;
    m_pendingHeaders = 0;
    e.partition = partition;
    e.broker = broker;
    e.tstype = tstype;
    if (key.data()) {
        e.keyLen = qint32(key.size());
        putBytes(m_bytes, key);
    }
    if (payload.data()) {
        e.payloadLen = qint32(payload.size());
        putBytes(m_bytes, payload);
    }
    // The consumer passes the same topic string record after record.
    if (m_topics.empty() || !(m_topics.back().constData() == topic.constData() || m_topics.back() == topic))
        m_topics.push_back(topic);
    e.topic = quint32(m_topics.size() - 1);
    if (asset) {
        e.asset = quint32(m_assets.size());
        m_assets.push_back(*asset);
    }
    m_entries.push_back(e);
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
        m_entries.back().asset = kKeyAsset | quint32(m_assetKeys.size());
        m_assetKeys.push_back(index.assetKey);
    }
}

void RawRecordJournal::Slice::clear()
{
    m_entries.clear();
    m_bytes.clear();
    m_pendingHeaderBytes = 0;
    m_pendingHeaders = 0;
    m_topics.clear();
    m_assets.clear();
    m_assetKeys.clear();
}

// --- RawRecordJournal ---

RawRecordJournal::RawRecordJournal(size_t budgetBytes)
    : m_blockSize(std::clamp(budgetBytes / 16, size_t(64) << 10, kBlockBytes))
    , m_budget(budgetBytes)
{
}

RawRecordJournal::~RawRecordJournal()
{
    for (Block &b : m_blocks)
        freeBlock(b);
    freeBlock(m_spare);
}

size_t RawRecordJournal::entryBytes(const Entry &e)
{
    return sizeof(Entry) + e.headerBytes + size_t(std::max(e.keyLen, 0)) + size_t(std::max(e.payloadLen, 0));
}

void RawRecordJournal::freeBlock(Block &b)
{
    std::free(b.data);
    b = Block();
}

char *RawRecordJournal::reserve(size_t n, quint64 &block, quint32 &pos)
{
    if (m_blocks.empty() || m_blocks.back().capacity - m_blocks.back().used < n) {
        Block b;
        if (n <= m_blockSize && m_spare.data) {
            b = m_spare; // already faulted in: filling it costs no page faults
            m_spare = Block();
        } else if (n <= m_blockSize && m_blockSize >= kHugePage) {
            // Large aligned blocks, so the kernel can back them with huge pages: one
            // fault per 2 MB instead of per 4 KB as the journal fills.
            b.data = static_cast<char *>(std::aligned_alloc(kHugePage, m_blockSize));
            b.capacity = m_blockSize;
#ifdef MADV_HUGEPAGE
            if (b.data)
                madvise(b.data, b.capacity, MADV_HUGEPAGE);
#endif
        } else {
            b.capacity = std::max(n, m_blockSize);
            b.data = static_cast<char *>(std::malloc(b.capacity));
        }
        if (!b.data)
            throw std::bad_alloc();
        b.used = 0;
        m_blocks.push_back(b);
    }
    Block &b = m_blocks.back();
    block = m_firstBlock + m_blocks.size() - 1;
    pos = quint32(b.used);
    b.used += n;
    return b.data + pos;
}

quint32 RawRecordJournal::topicId(const QString &topic)
{
    auto it = m_topicIds.constFind(topic);
    if (it != m_topicIds.constEnd())
        return *it;
    m_topics.push_back(topic);
    return m_topicIds[topic] = quint32(m_topics.size() - 1);
}

quint32 RawRecordJournal::assetId(const AssetPath &asset)
{
    const AssetAddress address{asset.location.constData(), asset.type.constData(), asset.id.constData()};
    auto it = m_assetIdsByAddress.constFind(address);
    if (it != m_assetIdsByAddress.constEnd())
        return *it;
    const quint32 id = assetId(asset.key());
    if (m_heldAssets.size() >= kMaxHeldAssets) { // the decoder's interner starts over past its own bound
        m_assetIdsByAddress.clear();
        m_heldAssets.clear();
    }
    m_heldAssets.push_back(asset);
    m_assetIdsByAddress.insert(address, id);
    return id;
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
    // Blocks no entry points into any more; the tail block stays to be filled.
    while (m_blocks.size() > 1 && (m_entries.empty() || m_firstBlock < m_entries.front().block)) {
        Block &b = m_blocks.front();
        if (!m_spare.data && b.capacity == m_blockSize)
            m_spare = b;
        else
            freeBlock(b);
        m_blocks.pop_front();
        ++m_firstBlock;
    }
}

void RawRecordJournal::append(Slice &slice)
{
    {
        const std::lock_guard lock(m_mutex);
        std::vector<quint32> topics(slice.m_topics.size());
        for (size_t i = 0; i < topics.size(); ++i)
            topics[i] = topicId(slice.m_topics[i]);
        for (const Entry &in : slice.m_entries) {
            Entry e = in;
            const size_t n = e.headerBytes + size_t(std::max(e.keyLen, 0)) + size_t(std::max(e.payloadLen, 0));
            char *to = reserve(n, e.block, e.pos);
            if (n)
                std::memcpy(to, slice.m_bytes.data() + in.pos, n);
            e.topic = topics[in.topic];
            if (in.asset != kNoAsset)
                e.asset = in.asset & kKeyAsset ? assetId(slice.m_assetKeys[in.asset & ~kKeyAsset])
                                               : assetId(slice.m_assets[in.asset]);
            push(e);
        }
        evict();
    }
    slice.clear();
}

void RawRecordJournal::append(const std::vector<LogRecord> &records, const std::vector<RecordIndex> &index)
{
    Slice slice;
    for (size_t i = 0; i < records.size() && i < index.size(); ++i)
        slice.add(records[i], index[i]);
    append(slice);
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
    for (Block &b : m_blocks)
        freeBlock(b);
    m_firstBlock += m_blocks.size();
    m_blocks.clear();
    m_topics.clear();
    m_topicIds.clear();
    m_assetKeys.clear();
    m_assetIdsByAddress.clear();
    m_heldAssets.clear();
    m_assetIdsByKey.clear();
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
    const char *p = m_blocks[size_t(e.block - m_firstBlock)].data + e.pos;
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
    for (const Entry &e : m_entries) {
        if (matches(selection, m_topics[e.topic], e.eventTimeMs, e.asset == kNoAsset ? none : m_assetKeys[e.asset]))
            out.push_back(recordAt(e));
    }
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
    for (const Entry &e : m_entries)
        ++counts[e.topic];
    QMap<QString, quint64> out;
    for (size_t i = 0; i < counts.size(); ++i)
        if (counts[i])
            out[m_topics[i]] += counts[i];
    return out;
}

} // namespace ndh
