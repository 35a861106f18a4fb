#include "history_store.h"

#include "sample_chunk.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>

namespace ndh {

namespace {

constexpr size_t kChunkSamples = 4096;
constexpr qint64 kMaxDelta = SampleChunk::kMaxDelta;
constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

using Slot = SampleSlot; // what a sample's 8-byte slot holds

// Sorted (time, text) changes with ties kept in arrival order.
struct TextTimeline
{
    std::vector<std::pair<qint64, QString>> entries;

    void insert(qint64 t, const QString &text)
    {
        auto it = std::upper_bound(entries.begin(), entries.end(), t,
                                   [](qint64 v, const auto &e) { return v < e.first; });
        entries.insert(it, {t, text});
    }
    const std::pair<qint64, QString> *at(qint64 t) const
    {
        auto it = std::upper_bound(entries.begin(), entries.end(), t,
                                   [](qint64 v, const auto &e) { return v < e.first; });
        return it == entries.begin() ? nullptr : &*(it - 1);
    }
};

void insertSorted(std::vector<qint64> &v, qint64 t)
{
    v.insert(std::upper_bound(v.begin(), v.end(), t), t);
}

std::optional<qint64> lastAtOrBefore(const std::vector<qint64> &v, qint64 t)
{
    auto it = std::upper_bound(v.begin(), v.end(), t);
    if (it == v.begin())
        return std::nullopt;
    return *(it - 1);
}

// A 64-bit hash of a string given in pieces: the same for the same characters
// however they are split, so "location/type/id" hashes from an AssetPath without
// being built. Four UTF-16 units a step.
class PieceHash
{
public:
    void add(QStringView s) { add(s.utf16(), s.size()); }
    void add(const char16_t *p, qsizetype n)
    {
        m_length += quint64(n);
        if (m_pending) {
            while (n > 0 && m_pending < 4) {
                m_word |= quint64(*p++) << (16 * m_pending++);
                --n;
            }
            if (m_pending < 4)
                return;
            step(m_word);
            m_word = 0;
            m_pending = 0;
        }
        for (; n >= 4; n -= 4, p += 4) {
            quint64 w;
            std::memcpy(&w, p, sizeof w);
            step(w);
        }
        for (; n > 0; --n)
            m_word |= quint64(*p++) << (16 * m_pending++);
    }
    quint64 result()
    {
        if (m_pending)
            step(m_word);
        step(m_length);
        quint64 h = m_h; // murmur3's finaliser: every bit of the input reaches every bit
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ULL;
        h ^= h >> 33;
        return h;
    }

private:
    void step(quint64 w) { m_h = ((m_h << 5 | m_h >> 59) ^ w) * 0x9e3779b97f4a7c15ULL; }

    quint64 m_h = 0x243f6a8885a308d3ULL;
    quint64 m_word = 0;
    quint64 m_length = 0;
    int m_pending = 0; // units in m_word
};

quint64 assetHash(const AssetPath &p)
{
    static constexpr char16_t kSlash = u'/';
    PieceHash h;
    h.add(p.location);
    h.add(&kSlash, 1);
    h.add(p.type);
    h.add(&kSlash, 1);
    h.add(p.id);
    return h.result();
}

quint64 keyHash(const QString &key)
{
    PieceHash h;
    h.add(key);
    return h.result();
}

// Whether `key` is exactly location + '/' + type + '/' + id.
bool keyIs(const QString &key, const AssetPath &p)
{
    const qsizetype l = p.location.size(), t = p.type.size();
    if (key.size() != l + t + p.id.size() + 2)
        return false;
    const QStringView k(key);
    return k.at(l) == u'/' && k.at(l + t + 1) == u'/' && k.first(l) == QStringView(p.location)
           && k.sliced(l + 1, t) == QStringView(p.type) && k.sliced(l + t + 2) == QStringView(p.id);
}

// Home slot of a message-id hash in a table of mask + 1 slots.
size_t idHome(quint64 h, size_t mask)
{
    return size_t((h * 0x9e3779b97f4a7c15ULL) >> 32) & mask;
}

// A slot of the message-id set (HistoryStore::m_idSlots), 32 bits: the id's
// distance from its home slot (5 bits, saturating), 6 bits of its hash (a tag:
// the ring is read only when they match), and its ring index + 1 (0: empty).
constexpr quint32 kIdIndexMask = (quint32(1) << 21) - 1;
constexpr quint32 kIdTagMask = quint32(63) << 21;
constexpr int kIdDistanceShift = 27;
constexpr quint32 kIdFar = 31;
static_assert(HistoryStore::kDedupWindow < kIdIndexMask);

quint32 idTag(quint64 h)
{
    return quint32(h >> 58) << 21;
}

quint32 idSlot(quint32 distance, quint32 tag, quint32 index)
{
    return std::min(distance, kIdFar) << kIdDistanceShift | tag | (index + 1);
}

// Key table (HistoryStore::KeySlot): linear probing from the hash's lower bits,
// the upper half as a tag, index -1 for an empty slot.
template<typename Table, typename Same>
int findKey(const Table &table, quint64 h, Same &&same)
{
    if (table.empty())
        return -1;
    const size_t mask = table.size() - 1;
    for (size_t i = size_t(h) & mask; table[i].index >= 0; i = (i + 1) & mask) {
        if (table[i].tag == quint32(h >> 32) && same(table[i].index))
            return table[i].index;
    }
    return -1;
}

template<typename Table>
void placeKey(Table &table, quint64 h, int index)
{
    const size_t mask = table.size() - 1;
    size_t i = size_t(h) & mask;
    while (table[i].index >= 0)
        i = (i + 1) & mask;
    table[i].tag = quint32(h >> 32);
    table[i].index = index;
}

// Adds the newest of `count` entries (index count - 1, hash h); past half full,
// the table doubles and every entry is placed again by hashOf(index).
template<typename Table, typename HashOf>
void addKey(Table &table, quint64 h, size_t count, HashOf &&hashOf)
{
    if (2 * count > table.size()) {
        table.assign(std::max<size_t>(64, table.size() * 2), {0, -1});
        for (size_t k = 0; k + 1 < count; ++k)
            placeKey(table, hashOf(k), int(k));
    }
    placeKey(table, h, int(count - 1));
}

} // namespace

// A run of samples of one series (sample_chunk.h): packed in blocks of 64, a few
// bytes per numeric sample, with the min/max pyramid plots decimate through.
using Chunk = SampleChunk;

struct HistoryStore::Series
{
    int asset = 0;
    QString name;
    QString key;
    QString unit;
    std::vector<Chunk> chunks;
    QStringList strings;
    QHash<QString, quint32> stringIndex;

    std::pair<quint64, Slot> encode(const AttributeValue &v)
    {
        if (const auto *d = std::get_if<double>(&v))
            return {std::bit_cast<quint64>(*d), Slot::Double};
        if (const auto *i = std::get_if<qint64>(&v))
            return {quint64(*i), Slot::Int};
        if (const auto *b = std::get_if<bool>(&v))
            return {quint64(*b), Slot::Bool};
        if (const auto *s = std::get_if<QString>(&v)) {
            auto it = stringIndex.constFind(*s);
            if (it == stringIndex.constEnd()) {
                it = stringIndex.insert(*s, quint32(strings.size()));
                strings << *s;
            }
            return {*it, Slot::String};
        }
        return {0, Slot::Null};
    }

    AttributeValue decode(quint64 raw, Slot type) const
    {
        switch (type) {
        case Slot::Double: return std::bit_cast<double>(raw);
        case Slot::Int: return qint64(raw);
        case Slot::Bool: return raw != 0;
        case Slot::String: return strings.value(qsizetype(raw));
        default: return std::monostate{};
        }
    }

    // Index of the chunk holding the last sample with time <= t, or -1.
    int chunkAtOrBefore(qint64 t) const
    {
        auto it = std::upper_bound(chunks.begin(), chunks.end(), t,
                                   [](qint64 v, const Chunk &c) { return v < c.first(); });
        return int(it - chunks.begin()) - 1;
    }

    bool unpacked = false; // a chunk waits for packAll()
    quint64 lateBatch = 0; // the store's batch that last brought a sample older than the newest

    // Stores a sample (`batch`: the store's batch number); true if that left a chunk
    // unpacked for the first time since packAll(), which then compacts it.
    bool insert(qint64 t, quint64 raw, Slot type, quint64 batch)
    {
        bool late = false;
        const bool leftUnpacked = place(t, raw, type, late);
        if (late)
            lateBatch = batch; // also when it went into a chunk of its own or split one
        if (!leftUnpacked || unpacked)
            return false;
        unpacked = true;
        return true;
    }

    // True if the chunk it went into is left unpacked; `late` says the sample was
    // older than the newest.
    bool place(qint64 t, quint64 raw, Slot type, bool &late)
    {
        // Fast path: in order, packed at once into the last chunk.
        if (chunks.empty() || t >= chunks.back().last()) {
            if (chunks.empty() || chunks.back().size() >= kChunkSamples || t - chunks.back().baseMs() > kMaxDelta) {
                if (!chunks.empty())
                    chunks.back().pack(); // sealed: no spare capacity
                if (chunks.capacity() == chunks.size())
                    chunks.reserve(chunks.size() + chunks.size() / 2 + 1);
                chunks.emplace_back(t);
            }
            Chunk &c = chunks.back();
            c.insert(c.size(), t, raw, type);
            return !c.isPacked();
        }
        // Out of order: after every sample with time <= t (ties keep arrival order).
        late = true;
        int ci = chunkAtOrBefore(t);
        if (ci < 0) {
            // Before everything: into the first chunk, rebased, if the offsets fit.
            Chunk &c = chunks.front();
            if (c.last() - t <= kMaxDelta && c.size() < 2 * kChunkSamples) {
                c.rebase(t);
                c.insert(0, t, raw, type);
                return !c.isPacked();
            }
            Chunk n(t);
            n.insert(0, t, raw, type);
            chunks.insert(chunks.begin(), std::move(n));
            return false;
        }
        Chunk &c = chunks[size_t(ci)];
        if (t - c.baseMs() > kMaxDelta) {
            // The gap after this chunk is too wide for its offsets: a chunk of its own.
            Chunk n(t);
            n.insert(0, t, raw, type);
            chunks.insert(chunks.begin() + ci + 1, std::move(n));
            return false;
        }
        c.insert(c.upperBound(t), t, raw, type);
        if (c.size() > 2 * kChunkSamples) {
            Chunk n = c.splitOff(c.size() / 2); // packs both halves
            chunks.insert(chunks.begin() + std::ptrdiff_t(ci) + 1, std::move(n));
            return false;
        }
        return !c.isPacked();
    }

    // Packs the chunks inserts left unpacked.
    void packAll()
    {
        for (Chunk &c : chunks) {
            if (!c.isPacked())
                c.pack();
        }
        unpacked = false;
    }

    struct Found
    {
        qint64 t;
        quint64 raw;
        Slot type;
    };
    std::optional<Found> at(qint64 t) const
    {
        const int ci = chunkAtOrBefore(t);
        if (ci < 0)
            return std::nullopt;
        const Chunk &c = chunks[size_t(ci)];
        const size_t p = c.upperBound(t) - 1;
        return Found{c.timeAt(p), c.rawAt(p), c.typeAt(p)};
    }

    std::optional<qint64> firstAfter(qint64 t) const
    {
        int ci = std::max(chunkAtOrBefore(t), 0);
        for (; size_t(ci) < chunks.size(); ++ci) {
            const Chunk &c = chunks[size_t(ci)];
            const size_t p = c.upperBound(t);
            if (p < c.size())
                return c.timeAt(p);
        }
        return std::nullopt;
    }

    // Drops samples older than the newest one at or before cutoff (which is kept so
    // the value at the cutoff stays known). Returns how many were dropped.
    size_t dropBefore(qint64 cutoff)
    {
        const int ci = chunkAtOrBefore(cutoff);
        if (ci < 0)
            return 0;
        size_t dropped = 0;
        for (int i = 0; i < ci; ++i)
            dropped += chunks[size_t(i)].size();
        chunks.erase(chunks.begin(), chunks.begin() + ci);
        Chunk &c = chunks.front();
        const size_t keepFrom = c.upperBound(cutoff) - 1;
        if (keepFrom > 0) {
            c.eraseFront(keepFrom); // and packs it: the memory goes back
            dropped += keepFrom;
        }
        return dropped;
    }

    size_t bytes() const
    {
        size_t b = sizeof(Series) + size_t(key.capacity() + name.capacity() + unit.capacity()) * 2
                   + chunks.capacity() * sizeof(Chunk);
        for (const Chunk &c : chunks)
            b += c.bytes() - sizeof(Chunk);
        for (const QString &s : strings)
            b += size_t(s.capacity()) * 2 + 48;
        return b;
    }
};

struct HistoryStore::Asset
{
    AssetPath path;
    QString key;
    std::vector<int> series;
    TextTimeline lifecycle;
    std::vector<qint64> touches;   // events that left no other trace (alarms, empty updates)
    std::vector<qint64> snapshots; // times of snapshots: attributes created later were absent then
};

HistoryStore::HistoryStore(size_t memoryBudgetBytes)
    : m_budget(memoryBudgetBytes)
{
}

HistoryStore::~HistoryStore() = default;

void HistoryStore::clear()
{
    ++m_generation;
    m_assets.clear();
    m_assetSlots = {};
    m_assetsByRef = {};
    m_series.clear();
    m_seriesSlots = {};
    m_seriesByRef = {};
    m_unpacked.clear();
    m_alarmLog.clear();
    m_lateAlarms.clear();
    m_alarmSnapshots.clear();
    m_baseAlarms.clear();
    m_idRing = {};
    m_idOldest = 0;
    m_idSlots = {};
    m_samples = m_events = 0;
    m_samplesAtBudgetCheck = 0;
    m_duplicates = 0;
    m_firstMs = m_lastMs = m_completeFromMs = 0;
}

void HistoryStore::setMemoryBudget(size_t bytes)
{
    m_budget = bytes;
    enforceBudget();
}

namespace {

// Entry `ref` of a by-ref table, grown to hold it.
qint32 &byRef(std::vector<qint32> &table, qint32 ref)
{
    if (size_t(ref) >= table.size())
        table.resize(size_t(ref) + 1, -1);
    return table[size_t(ref)];
}

} // namespace

// The asset whose key is e.asset.key(): by the event's registry ref when it has
// one (one index; the id is compared in case the event was changed after it was
// stamped), else by name.
int HistoryStore::assetIndexFor(const PlantEvent &e)
{
    const qint32 ref = e.assetRef;
    if (ref >= 0 && size_t(ref) < m_assetsByRef.size()) {
        const qint32 known = m_assetsByRef[size_t(ref)];
        if (known >= 0 && sameText(m_assets[size_t(known)]->path.id, e.asset.id))
            return known;
    }
    const int index = assetByKey(e.asset);
    if (ref >= 0)
        byRef(m_assetsByRef, ref) = index;
    return index;
}

// By the key's text, hashed from the parts. Equal parts make equal keys, and a
// part holding a '/' is compared as the key it makes, as a map keyed by key()
// would; a new key is a new asset.
int HistoryStore::assetByKey(const AssetPath &path)
{
    const quint64 h = assetHash(path);
    const int known = findKey(m_assetSlots, h, [&](int ai) {
        const Asset &a = *m_assets[size_t(ai)];
        return (sameText(a.path.id, path.id) && sameText(a.path.type, path.type)
                && sameText(a.path.location, path.location))
               || keyIs(a.key, path);
    });
    if (known >= 0)
        return known;
    auto a = std::make_unique<Asset>();
    a->path = path;
    a->key = path.key();
    m_assets.push_back(std::move(a));
    addKey(m_assetSlots, h, m_assets.size(), [this](size_t ai) { return keyHash(m_assets[ai]->key); });
    return int(m_assets.size()) - 1;
}

int HistoryStore::findAsset(const QString &assetKey) const
{
    return findKey(m_assetSlots, keyHash(assetKey), [&](int ai) { return m_assets[size_t(ai)]->key == assetKey; });
}

int HistoryStore::findSeries(const QString &attributeKey) const
{
    return findKey(m_seriesSlots, keyHash(attributeKey),
                   [&](int si) { return m_series[size_t(si)]->key == attributeKey; });
}

// The series of a sample: by its registry ref when it has one (one index; asset
// and name are compared in case the event was changed after it was stamped),
// else by name.
HistoryStore::Series &HistoryStore::seriesFor(Asset &asset, int assetIndex, const AttributeSample &sample)
{
    const qint32 ref = sample.seriesRef;
    if (ref >= 0 && size_t(ref) < m_seriesByRef.size()) {
        if (const qint32 known = m_seriesByRef[size_t(ref)]; known >= 0) {
            Series &s = *m_series[size_t(known)];
            if (s.asset == assetIndex && sameText(s.name, sample.name))
                return s;
        }
    }
    const int index = seriesByName(asset, assetIndex, sample.name);
    if (ref >= 0)
        byRef(m_seriesByRef, ref) = index;
    return *m_series[size_t(index)];
}

int HistoryStore::seriesByName(Asset &asset, int assetIndex, const QString &name)
{
    // The asset's own series first: a series it created is the one its key names.
    for (int si : asset.series) {
        if (sameText(m_series[size_t(si)]->name, name))
            return si;
    }
    const QString key = asset.key + u'/' + name;
    const quint64 h = keyHash(key);
    // Another asset's, when parts hold '/'.
    if (const int known = findKey(m_seriesSlots, h, [&](int si) { return m_series[size_t(si)]->key == key; });
        known >= 0)
        return known;
    auto s = std::make_unique<Series>();
    s->asset = assetIndex;
    s->name = name;
    s->key = key;
    // Every earlier snapshot of the asset left this attribute out (had it carried
    // it, the series would exist): it was absent from each of those instants.
    for (qint64 t : asset.snapshots) {
        s->insert(t, 0, Slot::Absent, m_batches); // in time order: packed as it goes
        ++m_samples;
    }
    const int index = int(m_series.size());
    asset.series.push_back(index);
    m_series.push_back(std::move(s));
    addKey(m_seriesSlots, h, m_series.size(), [this](size_t si) { return keyHash(m_series[si]->key); });
    return index;
}

// Fetches into the cache, kLookahead events ahead, the slots storing an event
// will look up: its id's in the id set and the one of the id that leaves the
// window by then, its asset's, and its attributes. The id set is too large for
// the cache, and each event would wait on these misses in turn. (Fetching the
// asset and series themselves a few events ahead as well gained nothing.)
void HistoryStore::prefetch(const PlantEvent &e, quint64 idHash) const
{
    if (idHash != 0 && !m_idSlots.empty()) {
        const size_t mask = m_idSlots.size() - 1;
        __builtin_prefetch(&m_idSlots[idHome(idHash, mask)]);
        if (m_idRing.size() == kDedupWindow)
            __builtin_prefetch(&m_idSlots[idHome(m_idRing[(m_idOldest + kLookahead) % kDedupWindow], mask)]);
    }
    if (e.assetRef >= 0 && size_t(e.assetRef) < m_assetsByRef.size())
        __builtin_prefetch(&m_assetsByRef[size_t(e.assetRef)]);
    if (!e.attributes.empty())
        __builtin_prefetch(e.attributes.data());
}

bool HistoryStore::isDuplicate(quint64 h)
{
    if (h == 0)
        return false;
    if (!m_idSlots.empty()) {
        const size_t mask = m_idSlots.size() - 1;
        const quint32 tag = idTag(h);
        for (size_t i = idHome(h, mask); m_idSlots[i] != 0; i = (i + 1) & mask) {
            const quint32 slot = m_idSlots[i];
            if ((slot & kIdTagMask) == tag && m_idRing[(slot & kIdIndexMask) - 1] == h)
                return true;
        }
    }
    quint32 index;
    if (m_idRing.size() < kDedupWindow) {
        if (m_idRing.capacity() == 0)
            m_idRing.reserve(kDedupWindow); // address space: pages are used as the ring fills
        index = quint32(m_idRing.size());
        m_idRing.push_back(h);
    } else {
        // The window is full: the oldest id leaves as this one comes in.
        index = quint32(m_idOldest);
        eraseId(index);
        m_idRing[m_idOldest] = h;
        m_idOldest = (m_idOldest + 1) % kDedupWindow;
    }
    insertId(h, index);
    return false;
}

// Places the id at ring index `index` (its hash h) in the set, probing from home.
void HistoryStore::insertId(quint64 h, quint32 index)
{
    if (2 * m_idRing.size() > m_idSlots.size()) {
        // Grow (the ring holds every id: all are placed again, h among them).
        m_idSlots.assign(std::max<size_t>(1024, m_idSlots.size() * 2), 0);
        for (size_t k = 0; k < m_idRing.size(); ++k)
            placeId(m_idRing[k], quint32(k));
        return;
    }
    placeId(h, index);
}

void HistoryStore::placeId(quint64 h, quint32 index)
{
    const size_t mask = m_idSlots.size() - 1;
    size_t i = idHome(h, mask);
    quint32 distance = 0;
    while (m_idSlots[i] != 0) {
        i = (i + 1) & mask;
        ++distance;
    }
    m_idSlots[i] = idSlot(distance, idTag(h), index);
}

// The slot an id sits in says how far it is from its home, up to kIdFar (from
// there on the home is computed from the id's hash in the ring).
size_t HistoryStore::idSlotHome(size_t i, size_t mask) const
{
    const quint32 slot = m_idSlots[i];
    const quint32 distance = slot >> kIdDistanceShift;
    if (distance < kIdFar)
        return (i - distance) & mask;
    return idHome(m_idRing[(slot & kIdIndexMask) - 1], mask);
}

void HistoryStore::eraseId(quint32 index)
{
    const size_t mask = m_idSlots.size() - 1;
    size_t i = idHome(m_idRing[index], mask);
    while ((m_idSlots[i] & kIdIndexMask) != index + 1)
        i = (i + 1) & mask;
    // Backward shift: pull up each later id of the run whose home is not after the
    // hole, so every id stays reachable from its home without gaps.
    for (size_t j = (i + 1) & mask; m_idSlots[j] != 0; j = (j + 1) & mask) {
        const size_t home = idSlotHome(j, mask);
        const bool between = i <= j ? (i < home && home <= j) : (i < home || home <= j);
        if (!between) {
            const quint32 slot = m_idSlots[j];
            m_idSlots[i] = idSlot(quint32((i - home) & mask), slot & kIdTagMask, (slot & kIdIndexMask) - 1);
            i = j;
        }
    }
    m_idSlots[i] = 0;
}

void HistoryStore::addTouch(Asset &asset, qint64 t)
{
    if (asset.touches.empty() || t >= asset.touches.back())
        asset.touches.push_back(t);
    else
        insertSorted(asset.touches, t);
}

// Series whose chunks late samples unpacked stay unpacked while late samples keep
// coming: when a plant's values come on several topics and one is read behind the
// others (a backlog read from the beginning), its samples land inside what the
// others already stored, batch after batch, and packing after each batch re-encoded
// the same run of samples every time (bench_history late). A series is packed once
// no late sample came for kQuietBatches batches, and beyond kMaxOpenSeries the ones
// quiet longest are, which bounds the memory unpacked samples take (12 bytes each
// instead of about 3).
void HistoryStore::packQuietSeries()
{
    size_t keep = 0;
    for (Series *s : m_unpacked) {
        if (m_batches - s->lateBatch >= kQuietBatches)
            s->packAll();
        else
            m_unpacked[keep++] = s;
    }
    m_unpacked.resize(keep);
    if (m_unpacked.size() > kMaxOpenSeries) {
        const auto cut = m_unpacked.end() - std::ptrdiff_t(kMaxOpenSeries);
        std::nth_element(m_unpacked.begin(), cut, m_unpacked.end(),
                         [](const Series *a, const Series *b) { return a->lateBatch < b->lateBatch; });
        for (auto it = m_unpacked.begin(); it != cut; ++it)
            (*it)->packAll();
        m_unpacked.erase(m_unpacked.begin(), cut);
    }
}

void HistoryStore::packAll()
{
    for (Series *s : m_unpacked)
        s->packAll();
    m_unpacked.clear();
}

size_t HistoryStore::append(std::span<const PlantEvent> events, quint64 *idHashes)
{
    ++m_batches;
    size_t stored = 0;
    std::array<quint64, kLookahead> ids; // message-id hashes, kLookahead events ahead
    const size_t n = events.size();
    const auto lookAhead = [&](size_t j) {
        ids[j % kLookahead] = messageIdHash(events[j].messageId); // 0: no id, never a duplicate (0 marks an empty slot)
        if (idHashes)
            idHashes[j] = ids[j % kLookahead];
        prefetch(events[j], ids[j % kLookahead]);
    };
    for (size_t j = 0; j < std::min(n, kLookahead); ++j)
        lookAhead(j);
    for (size_t k = 0; k < n; ++k) {
        const PlantEvent &e = events[k];
        const quint64 id = ids[k % kLookahead];
        if (k + kLookahead < n)
            lookAhead(k + kLookahead);
        switch (e.kind) {
        case EventKind::CommandRequest:
        case EventKind::CommandResponse:
        case EventKind::CommandFailed:
        case EventKind::System:
            continue; // they carry no plant state
        default:
            break;
        }
        if (isDuplicate(id)) {
            ++m_duplicates;
            continue;
        }
        ++stored;
        ++m_events;
        const qint64 t = e.eventTimeMs;
        if (m_events == 1) {
            m_firstMs = m_lastMs = m_completeFromMs = t;
        } else {
            m_firstMs = std::min(m_firstMs, t);
            m_completeFromMs = std::min(m_completeFromMs, t);
            m_lastMs = std::max(m_lastMs, t);
        }
        const int assetIndex = assetIndexFor(e);
        Asset &asset = *m_assets[size_t(assetIndex)];
        bool traced = false;

        if (auto transition = e.alarm ? alarmTransitionFrom(e) : std::nullopt) {
            storeAlarm(std::move(*transition));
            addTouch(asset, t);
            continue;
        }
        if (e.kind == EventKind::Snapshot) {
            // Attributes the snapshot does not carry are gone from this instant on.
            for (int si : asset.series) {
                Series &s = *m_series[size_t(si)];
                const bool carried = std::any_of(e.attributes.begin(), e.attributes.end(),
                                                 [&s](const AttributeSample &a) { return a.name == s.name; });
                if (!carried) {
                    if (s.insert(t, 0, Slot::Absent, m_batches))
                        m_unpacked.push_back(&s);
                    ++m_samples;
                    traced = true;
                }
            }
            insertSorted(asset.snapshots, t);
        }
        for (const AttributeSample &a : e.attributes) {
            Series &s = seriesFor(asset, assetIndex, a);
            const auto [raw, type] = s.encode(a.value);
            if (s.insert(t, raw, type, m_batches))
                m_unpacked.push_back(&s); // out of order: packed again once quiet (packQuietSeries)
            if (!a.unit.isEmpty() && !sameText(s.unit, a.unit))
                s.unit = a.unit;
            ++m_samples;
            traced = true;
        }
        if (!e.lifecycle.isEmpty()) {
            asset.lifecycle.insert(t, e.lifecycle);
            traced = true;
        }
        if (!traced)
            addTouch(asset, t);
    }
    mergeLateAlarms();
    packQuietSeries();
    // Measuring walks every series, so it is done every 64k samples, not per batch,
    // and with more than 16k series every 4 samples per series, so that its cost
    // per sample stays bounded (and so the overshoot: 4 samples per series).
    const size_t checkEvery = std::max<size_t>(65536, 4 * m_series.size());
    if (m_samples >= m_samplesAtBudgetCheck + checkEvery || m_samples < m_samplesAtBudgetCheck) {
        m_samplesAtBudgetCheck = m_samples;
        if (memoryBytes() > m_budget)
            enforceBudget();
    }
    return stored;
}

void HistoryStore::storeAlarm(AlarmTransition t)
{
    t.messageId.clear(); // de-duplicated here already; replays must not re-check
    const quint64 seq = ++m_seq;
    if (m_alarmLog.empty() || t.timeMs >= m_alarmLog.back().timeMs) {
        m_alarmLog.push_back({t.timeMs, seq, std::move(t)});
        return;
    }
    // Older than the newest (alarm topics read behind the others): merged in once at
    // the end of the batch, not each moving every later entry.
    m_lateAlarms.push_back({t.timeMs, seq, std::move(t)});
}

// The batch's late transitions into the log, each after the entries of its time
// already there and in arrival order among themselves, as one insert each would
// place them.
void HistoryStore::mergeLateAlarms()
{
    if (m_lateAlarms.empty())
        return;
    const auto byTime = [](const AlarmEntry &a, const AlarmEntry &b) { return a.timeMs < b.timeMs; };
    std::stable_sort(m_lateAlarms.begin(), m_lateAlarms.end(), byTime);
    const size_t first = size_t(std::upper_bound(m_alarmLog.begin(), m_alarmLog.end(), m_lateAlarms.front(), byTime)
                                - m_alarmLog.begin());
    const size_t middle = m_alarmLog.size();
    m_alarmLog.insert(m_alarmLog.end(), std::make_move_iterator(m_lateAlarms.begin()),
                      std::make_move_iterator(m_lateAlarms.end()));
    m_lateAlarms.clear();
    std::inplace_merge(m_alarmLog.begin() + std::ptrdiff_t(first), m_alarmLog.begin() + std::ptrdiff_t(middle),
                       m_alarmLog.end(), byTime);
    // Snapshots that folded entries at or after the first insert point are now wrong.
    while (!m_alarmSnapshots.empty() && m_alarmSnapshots.back().applied > first)
        m_alarmSnapshots.pop_back();
}

const AlarmStateMachine &HistoryStore::alarmsAt(qint64 atMs, size_t &replayed) const
{
    const size_t n = size_t(std::upper_bound(m_alarmLog.begin(), m_alarmLog.end(), atMs,
                                             [](qint64 v, const AlarmEntry &e) { return v < e.timeMs; })
                            - m_alarmLog.begin());
    // Nearest snapshot at or before n, else the base state.
    auto snap = std::upper_bound(m_alarmSnapshots.begin(), m_alarmSnapshots.end(), n,
                                 [](size_t v, const AlarmSnapshot &s) { return v < s.applied; });
    size_t from = 0;
    if (snap != m_alarmSnapshots.begin()) {
        --snap;
        m_scratchAlarms = snap->machine;
        from = snap->applied;
    } else {
        m_scratchAlarms = m_baseAlarms;
    }
    replayed = n - from;
    for (size_t i = from; i < n; ++i) {
        m_scratchAlarms.apply(m_alarmLog[i].transition);
        // Lay down the snapshots an earlier insert dropped, so the next query is cheap.
        const size_t applied = i + 1;
        if (applied % kAlarmSnapshotEvery == 0
            && (m_alarmSnapshots.empty() || m_alarmSnapshots.back().applied < applied))
            m_alarmSnapshots.push_back({applied, m_alarmLog[i].timeMs, m_scratchAlarms});
    }
    return m_scratchAlarms;
}

void HistoryStore::assetAt(int assetId, qint64 atMs, AssetAt &out) const
{
    const Asset &a = *m_assets[size_t(assetId)];
    out.known = false;
    out.lifecycle.clear();
    out.updatedMs = 0;
    out.values.clear();
    qint64 updated = kNoTime;
    for (int si : a.series) {
        const Series &s = *m_series[size_t(si)];
        const auto f = s.at(atMs);
        if (!f)
            continue;
        updated = std::max(updated, f->t);
        if (f->type != Slot::Absent)
            out.values.push_back({si, f->t, s.decode(f->raw, f->type)});
    }
    if (const auto *l = a.lifecycle.at(atMs)) {
        out.lifecycle = l->second;
        updated = std::max(updated, l->first);
    }
    if (const auto touch = lastAtOrBefore(a.touches, atMs))
        updated = std::max(updated, *touch);
    if (updated != kNoTime) {
        out.known = true;
        // The newest event of any kind; the fold starts from 0 like PlantState.
        out.updatedMs = std::max<qint64>(0, updated);
    }
}

template<typename IdAt>
inline void HistoryStore::prefetchWalk(size_t i, size_t n, IdAt &&idAt) const
{
    // Stage k works on the asset k + 1 steps ahead, whose level k + 1 stage k + 1
    // fetched one step ago.
    const auto ahead = [&](size_t k) -> const Asset * {
        const size_t j = i + k + 1;
        if (j >= n)
            return nullptr;
        const int id = idAt(j);
        return id >= 0 ? m_assets[size_t(id)].get() : nullptr;
    };
    if (const Asset *a = ahead(4)) { // the asset itself
        __builtin_prefetch(a);
        __builtin_prefetch(reinterpret_cast<const char *>(a) + 64);
        __builtin_prefetch(reinterpret_cast<const char *>(a) + 128);
    }
    if (const Asset *a = ahead(3)) { // its series' ids, lifecycle and touches
        __builtin_prefetch(a->series.data());
        __builtin_prefetch(a->lifecycle.entries.data());
        __builtin_prefetch(a->touches.data());
    }
    if (const Asset *a = ahead(2)) { // its series
        for (int si : a->series)
            __builtin_prefetch(&m_series[size_t(si)]->chunks); // an address: nothing read
    }
    if (const Asset *a = ahead(1)) { // their chunks
        for (int si : a->series) {
            const auto &chunks = m_series[size_t(si)]->chunks;
            if (!chunks.empty()) {
                __builtin_prefetch(&chunks.front());
                __builtin_prefetch(&chunks.back());
            }
        }
    }
    if (const Asset *a = ahead(0)) { // the records of the chunk a lookup reads (when the series has one)
        for (int si : a->series) {
            const auto &chunks = m_series[size_t(si)]->chunks;
            if (chunks.size() == 1)
                chunks.front().prefetch();
        }
    }
}

void HistoryStore::prefetchAhead(std::span<const int> ids, size_t i) const
{
    prefetchWalk(i, ids.size(), [&](size_t j) { return ids[j]; });
}

PlantState HistoryStore::stateAt(qint64 atMs) const
{
    PlantState state;
    AssetAt at;
    for (int ai = 0; ai < int(m_assets.size()); ++ai) {
        prefetchWalk(size_t(ai), m_assets.size(), [](size_t j) { return int(j); });
        assetAt(ai, atMs, at);
        if (!at.known)
            continue;
        AssetState &st = state.assetState(m_assets[size_t(ai)]->path);
        for (const AssetAt::Value &v : at.values) {
            const Series &s = *m_series[size_t(v.seriesId)];
            st.attributes[s.name] = v.value;
            if (!s.unit.isEmpty())
                st.units[s.name] = s.unit;
        }
        st.lifecycle = at.lifecycle;
        st.updatedMs = at.updatedMs;
    }
    state.setAlarms(alarmStateAt(atMs));
    return state;
}

const AlarmStateMachine &HistoryStore::alarmStateAt(qint64 atMs) const
{
    size_t replayed = 0;
    return alarmsAt(atMs, replayed);
}

std::optional<HistoryStore::Sample> HistoryStore::sampleAt(int seriesId, qint64 atMs) const
{
    if (seriesId < 0 || seriesId >= int(m_series.size()))
        return std::nullopt;
    const Series &s = *m_series[size_t(seriesId)];
    const auto f = s.at(atMs);
    if (!f || f->type == Slot::Absent)
        return std::nullopt;
    return Sample{f->t, s.decode(f->raw, f->type)};
}

const AssetPath &HistoryStore::assetPath(int assetId) const
{
    return m_assets[size_t(assetId)]->path;
}

const QString &HistoryStore::assetKey(int assetId) const
{
    return m_assets[size_t(assetId)]->key;
}

int HistoryStore::seriesAsset(int seriesId) const
{
    return m_series[size_t(seriesId)]->asset;
}

const QString &HistoryStore::seriesName(int seriesId) const
{
    return m_series[size_t(seriesId)]->name;
}

const QString &HistoryStore::seriesKey(int seriesId) const
{
    return m_series[size_t(seriesId)]->key;
}

const QString &HistoryStore::seriesUnit(int seriesId) const
{
    return m_series[size_t(seriesId)]->unit;
}

std::optional<HistoryStore::Sample> HistoryStore::valueAt(const QString &attributeKey, qint64 atMs) const
{
    return sampleAt(findSeries(attributeKey), atMs);
}

namespace {

// Pixel columns of [fromMs, toMs]: the column of a sample time, and the first
// time of a column, exactly as each other's inverse (the column of a time is
// what a walk over the samples computes; the start is found from it).
struct Columns
{
    qint64 fromMs, toMs;
    int count;
    double width;
    Columns(qint64 from, qint64 to, int buckets)
        : fromMs(from), toMs(to), count(buckets), width(double(to - from) / double(buckets))
    {
    }
    int of(qint64 t) const { return std::min(count - 1, int(double(t - fromMs) / width)); }
    // The smallest time in column c or later (c < count).
    qint64 start(int c) const
    {
        qint64 t = fromMs + qint64(double(c) * width); // truncation: at or below the start, or just past
        while (t > fromMs && of(t - 1) >= c)
            --t;
        while (of(t) < c)
            ++t;
        return t;
    }
};

// Min and max of one pixel column, with their times.
struct Column
{
    int count = 0;
    qint64 tMin = 0, tMax = 0;
    double min = 0, max = 0;
    // Appends the column's points: min and max in the order they occurred, so the
    // trace is drawn faithfully; one point when they are the same sample.
    void appendTo(std::vector<double> &t, std::vector<double> &v) const
    {
        if (count == 0)
            return;
        const bool minFirst = tMin <= tMax;
        t.push_back(double(minFirst ? tMin : tMax) / 1000.0);
        v.push_back(minFirst ? min : max);
        if (count > 1 && tMin != tMax) {
            t.push_back(double(minFirst ? tMax : tMin) / 1000.0);
            v.push_back(minFirst ? max : min);
        }
    }
};


size_t samplesIn(const std::vector<Chunk> &chunks, qint64 fromMs, qint64 toMs)
{
    size_t n = 0;
    for (const Chunk &c : chunks) {
        if (c.last() < fromMs || c.first() > toMs)
            continue;
        n += c.upperBound(toMs) - c.upperBound(fromMs - 1);
    }
    return n;
}

// Min/max per column by walking every sample: one division per sample.
void walkColumns(const std::vector<Chunk> &chunks, const Columns &columns, std::vector<double> &t,
                 std::vector<double> &v)
{
    Column cur;
    int curIndex = -1;
    const auto flush = [&] {
        cur.appendTo(t, v);
        cur = Column{};
    };
    for (const Chunk &c : chunks) {
        if (c.last() < columns.fromMs || c.first() > columns.toMs)
            continue;
        const size_t end = c.upperBound(columns.toMs);
        // A block of samples at a time, unpacked in one go.
        qint64 times[Chunk::kBlock];
        quint64 raws[Chunk::kBlock];
        for (size_t i = c.upperBound(columns.fromMs - 1); i < end;) {
            const size_t n = std::min(end - i, Chunk::kBlock - i % Chunk::kBlock);
            c.read(i, n, times, raws);
            const quint8 *types = c.types();
            for (size_t k = 0; k < n; ++k) {
                double value;
                if (!Chunk::plotValueOf(raws[k], types ? Slot(types[i + k]) : c.uniformType(), value))
                    continue; // text, null, absent and NaN are not drawn
                const qint64 ti = times[k];
                const int b = columns.of(ti);
                if (b != curIndex) {
                    flush();
                    curIndex = b;
                }
                if (cur.count == 0 || value < cur.min) {
                    cur.min = value;
                    cur.tMin = ti;
                }
                if (cur.count == 0 || value > cur.max) {
                    cur.max = value;
                    cur.tMax = ti;
                }
                ++cur.count;
            }
            i += n;
        }
    }
    flush();
}

// Min/max per column through the pyramids: a few steps per column.
void pyramidColumns(const std::vector<Chunk> &chunks, const Columns &columns, std::vector<double> &t,
                    std::vector<double> &v)
{
    // The first sample at or after fromMs; chunks follow each other in time.
    size_t ci = size_t(std::partition_point(chunks.begin(), chunks.end(),
                                            [&columns](const Chunk &c) { return c.last() < columns.fromMs; })
                       - chunks.begin());
    size_t i = ci < chunks.size() ? chunks[ci].lowerBound(columns.fromMs, 0) : 0;
    // One column per turn, from the next sample to the first one past the column's
    // end, folded through the pyramid. Columns without samples cost nothing, so
    // sparse data costs its samples, dense data its columns.
    while (ci < chunks.size()) {
        if (i >= chunks[ci].size()) {
            ++ci;
            i = 0;
            continue;
        }
        const qint64 ti = chunks[ci].timeAt(i);
        if (ti > columns.toMs)
            break;
        const int b = columns.of(ti);
        const qint64 end = b + 1 >= columns.count ? columns.toMs + 1 : std::min(columns.toMs + 1, columns.start(b + 1));
        Column col;
        for (; ci < chunks.size(); ++ci, i = 0) {
            const Chunk &c = chunks[ci];
            Chunk::Fold f;
            c.foldUntil(i, end, f);
            if (f.iMin >= 0) {
                // Pieces come in time order: an equal value later does not replace.
                if (col.count == 0 || f.min < col.min) {
                    col.min = f.min;
                    col.tMin = c.timeAt(size_t(f.iMin));
                }
                if (col.count == 0 || f.max > col.max) {
                    col.max = f.max;
                    col.tMax = c.timeAt(size_t(f.iMax));
                }
                col.count += f.iMin == f.iMax ? 1 : 2; // only "one sample or more" matters
            }
            if (i < c.size())
                break;
        }
        col.appendTo(t, v);
    }
}

} // namespace

size_t HistoryStore::samplesInRange(const QString &attributeKey, qint64 fromMs, qint64 toMs) const
{
    const int si = findSeries(attributeKey);
    if (si < 0 || toMs < fromMs)
        return 0;
    return samplesIn(m_series[size_t(si)]->chunks, fromMs, toMs);
}

void HistoryStore::recentPlotValues(const QString &attributeKey, qint64 fromMs, size_t maxCount,
                                    std::vector<double> &t, std::vector<double> &v) const
{
    const int si = findSeries(attributeKey);
    if (si < 0 || maxCount == 0)
        return;
    const std::vector<Chunk> &chunks = m_series[size_t(si)]->chunks;
    // Newest first, back to fromMs or maxCount samples; then turned round.
    const size_t start = t.size();
    for (auto c = chunks.rbegin(); c != chunks.rend() && t.size() - start < maxCount; ++c) {
        for (size_t i = c->size(); i-- > 0 && t.size() - start < maxCount;) {
            const qint64 ms = c->timeAt(i);
            if (ms < fromMs)
                break; // samples are in time order, and chunks too: the rest is older
            double value;
            if (c->plotValue(i, value)) {
                t.push_back(double(ms) / 1000.0);
                v.push_back(value);
            }
        }
        if (c->size() > 0 && c->first() < fromMs)
            break;
    }
    std::reverse(t.begin() + std::ptrdiff_t(start), t.end());
    std::reverse(v.begin() + std::ptrdiff_t(start), v.end());
}

std::optional<std::pair<qint64, qint64>> HistoryStore::sampleSpan(const QString &attributeKey) const
{
    const int si = findSeries(attributeKey);
    if (si < 0)
        return std::nullopt;
    std::optional<std::pair<qint64, qint64>> span;
    for (const Chunk &c : m_series[size_t(si)]->chunks) {
        if (c.size() == 0)
            continue;
        if (!span)
            span.emplace(c.first(), c.last());
        span->first = std::min(span->first, c.first());
        span->second = std::max(span->second, c.last());
    }
    return span;
}

void HistoryStore::decimate(const QString &attributeKey, qint64 fromMs, qint64 toMs, int buckets,
                            std::vector<double> &t, std::vector<double> &v, Decimation how) const
{
    t.clear();
    v.clear();
    const int si = findSeries(attributeKey);
    if (si < 0 || toMs <= fromMs || buckets <= 0)
        return;
    const std::vector<Chunk> &chunks = m_series[size_t(si)]->chunks;
    const Columns columns(fromMs, toMs, buckets);
    // Up to a few samples per column, a walk is cheaper than each column's search
    // and edges, and still costs no more than a few steps per column.
    constexpr size_t kWalkUpTo = 8;
    if (how == Decimation::Auto)
        how = samplesIn(chunks, fromMs, toMs) <= kWalkUpTo * size_t(buckets) ? Decimation::Walk : Decimation::Pyramid;
    if (how == Decimation::Walk)
        walkColumns(chunks, columns, t, v);
    else
        pyramidColumns(chunks, columns, t, v);
}

// Every asset, or only the one named (nothing when it is unknown).
template<typename F>
void HistoryStore::forEachAsset(const QString &assetKey, F &&f) const
{
    if (assetKey.isEmpty()) {
        for (const auto &a : m_assets)
            f(*a);
    } else if (const int ai = findAsset(assetKey); ai >= 0) {
        f(*m_assets[size_t(ai)]);
    }
}

std::optional<qint64> HistoryStore::nextEventAfter(qint64 tMs, const QString &assetKey) const
{
    std::optional<qint64> best;
    const auto consider = [&best](std::optional<qint64> c) {
        if (c && (!best || *c < *best))
            best = c;
    };
    const auto scanAsset = [&](const Asset &a) {
        for (int si : a.series)
            consider(m_series[size_t(si)]->firstAfter(tMs));
        auto l = std::upper_bound(a.lifecycle.entries.begin(), a.lifecycle.entries.end(), tMs,
                                  [](qint64 v, const auto &e) { return v < e.first; });
        if (l != a.lifecycle.entries.end())
            consider(l->first);
        auto touch = std::upper_bound(a.touches.begin(), a.touches.end(), tMs);
        if (touch != a.touches.end())
            consider(*touch);
    };
    forEachAsset(assetKey, scanAsset);
    return best;
}

std::optional<qint64> HistoryStore::previousEventBefore(qint64 tMs, const QString &assetKey) const
{
    std::optional<qint64> best;
    const auto consider = [&best](std::optional<qint64> c) {
        if (c && (!best || *c > *best))
            best = c;
    };
    const auto scanAsset = [&](const Asset &a) {
        for (int si : a.series) {
            const auto f = m_series[size_t(si)]->at(tMs - 1);
            consider(f ? std::optional<qint64>(f->t) : std::nullopt);
        }
        if (const auto *l = a.lifecycle.at(tMs - 1))
            consider(l->first);
        consider(lastAtOrBefore(a.touches, tMs - 1));
    };
    forEachAsset(assetKey, scanAsset);
    return best;
}

QStringList HistoryStore::attributeKeys() const
{
    QStringList keys;
    keys.reserve(qsizetype(m_series.size()));
    for (const auto &s : m_series)
        keys << s->key;
    return keys;
}

size_t HistoryStore::memoryBytes() const
{
    size_t b = sizeof(*this) + m_idRing.size() * sizeof(quint64) + m_idSlots.size() * sizeof(quint32);
    for (const auto &s : m_series)
        b += s->bytes();
    for (const auto &a : m_assets)
        b += sizeof(Asset) + a->touches.capacity() * 8 + a->snapshots.capacity() * 8
             + a->lifecycle.entries.capacity() * 32 + a->series.capacity() * 4;
    b += m_alarmLog.capacity() * (sizeof(AlarmEntry) + 64);
    return b;
}

void HistoryStore::enforceBudget()
{
    // Drop the oldest tenth of the time span at a time until under budget; the
    // newest history is what operators scrub through most.
    int guard = 0;
    while (memoryBytes() > m_budget && m_lastMs > m_completeFromMs && guard++ < 64) {
        const qint64 cutoff = m_completeFromMs + std::max<qint64>(1, (m_lastMs - m_completeFromMs) / 10);
        dropBefore(cutoff);
    }
}

void HistoryStore::dropBefore(qint64 cutoffMs)
{
    for (auto &s : m_series)
        m_samples -= s->dropBefore(cutoffMs);
    for (auto &a : m_assets) {
        auto &entries = a->lifecycle.entries;
        auto it = std::upper_bound(entries.begin(), entries.end(), cutoffMs,
                                   [](qint64 v, const auto &e) { return v < e.first; });
        if (it != entries.begin())
            entries.erase(entries.begin(), it - 1);
        auto touch = std::upper_bound(a->touches.begin(), a->touches.end(), cutoffMs);
        if (touch != a->touches.begin())
            a->touches.erase(a->touches.begin(), touch - 1);
    }
    // Alarms before the cutoff are folded into the base state.
    size_t n = 0;
    while (n < m_alarmLog.size() && m_alarmLog[n].timeMs < cutoffMs)
        m_baseAlarms.apply(m_alarmLog[n++].transition);
    m_alarmLog.erase(m_alarmLog.begin(), m_alarmLog.begin() + std::ptrdiff_t(n));
    m_alarmSnapshots.clear();
    m_completeFromMs = cutoffMs;
}

} // namespace ndh
