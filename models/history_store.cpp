#include "history_store.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>

namespace ndh {

namespace {

constexpr size_t kChunkSamples = 4096;
constexpr qint64 kMaxDelta = std::numeric_limits<quint32>::max();
constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

// What an 8-byte slot holds. Absent marks an attribute a snapshot left out: the
// snapshot replaced the asset's attributes, so the attribute is gone from then on.
enum class Slot : quint8 { Double, Int, Bool, String, Null, Absent };

quint64 bitsOf(double d)
{
    quint64 u;
    std::memcpy(&u, &d, sizeof u);
    return u;
}

double doubleOf(quint64 u)
{
    double d;
    std::memcpy(&d, &u, sizeof d);
    return d;
}

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

// Equal text, checked by identity first: the decoder interns names and paths, so
// the strings of an event are usually the very ones stored.
bool sameText(const QString &a, const QString &b)
{
    return a.size() == b.size() && (a.constData() == b.constData() || QStringView(a) == QStringView(b));
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

size_t pointerSlot(const void *p, size_t mask)
{
    return size_t((quint64(quintptr(p)) * 0x9e3779b97f4a7c15ULL) >> 32) & mask;
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

// A run of samples of one series: times as 32-bit offsets from baseMs (49 days),
// values as 8-byte slots, slot types only when the run holds something other
// than doubles. 12 bytes per numeric sample.
//
// For plots, a min/max pyramid over the run: a node for every complete block of
// 8, 64, 512 and 4096 samples holds the indexes of the block's first smallest and
// first largest drawable sample (numeric, not NaN). Any index range then folds
// from at most 7 samples or nodes per level at each edge instead of every sample.
// Nodes are kept in one vector in the order their blocks complete, so the nodes
// of a prefix of the run are a prefix of the vector: about 0.6 bytes per sample
// and one vector per chunk. Appends in order extend it at once; an insert into
// the middle only cuts it back, and the next query rebuilds the rest.
struct Chunk
{
    static constexpr int kLevels = 4;      // blocks of 8, 64, 512 and 4096 samples
    static constexpr quint16 kNone = 0xffff; // a block without a drawable sample
    struct Extremes
    {
        quint16 min = kNone;
        quint16 max = kNone;
    };
    // The running min/max of a range, by index within the chunk. Samples and nodes
    // are taken in index order and only a smaller (larger) value replaces: ties go
    // to the earlier sample, as in a walk over the samples in time order.
    struct Fold
    {
        int iMin = -1, iMax = -1;
        double min = 0, max = 0;
        void takeMin(int i, double v)
        {
            if (iMin < 0 || v < min) {
                iMin = i;
                min = v;
            }
        }
        void takeMax(int i, double v)
        {
            if (iMax < 0 || v > max) {
                iMax = i;
                max = v;
            }
        }
    };

    qint64 baseMs = 0;
    std::vector<quint32> dt;
    std::vector<quint64> raw;
    std::vector<quint8> types; // empty: every slot is a double
    mutable std::vector<Extremes> pyramid;
    mutable size_t summarized = 0; // the pyramid holds every complete block inside [0, summarized)

    size_t size() const { return dt.size(); }
    qint64 timeAt(size_t i) const { return baseMs + qint64(dt[i]); }
    qint64 first() const { return timeAt(0); }
    qint64 last() const { return timeAt(dt.size() - 1); }
    Slot typeAt(size_t i) const { return types.empty() ? Slot::Double : Slot(types[i]); }
    // Index of the first sample with time > t.
    size_t upperBound(qint64 t) const
    {
        if (t < baseMs)
            return 0;
        const qint64 rel = t - baseMs;
        if (rel > kMaxDelta)
            return dt.size();
        return size_t(std::upper_bound(dt.begin(), dt.end(), quint32(rel)) - dt.begin());
    }
    // Index of the first sample at or after `from` with time >= t, searched from
    // `from` outwards: the next pixel column's end is usually near.
    size_t lowerBound(qint64 t, size_t from) const
    {
        if (t <= baseMs)
            return from;
        const qint64 rel = t - baseMs;
        if (rel > kMaxDelta)
            return dt.size();
        const quint32 r = quint32(rel);
        size_t lo = from, hi = from, step = 1;
        while (hi < dt.size() && dt[hi] < r) { // galloping: 1, 2, 4 ... past from
            lo = hi + 1;
            hi = from + step;
            step *= 2;
        }
        hi = std::min(hi, dt.size());
        return size_t(std::lower_bound(dt.begin() + std::ptrdiff_t(lo), dt.begin() + std::ptrdiff_t(hi), r) - dt.begin());
    }
    // The value a plot draws for sample i; false for text, null, absent and NaN.
    bool plotValue(size_t i, double &value) const
    {
        switch (typeAt(i)) {
        case Slot::Double: value = doubleOf(raw[i]); return !std::isnan(value);
        case Slot::Int: value = double(qint64(raw[i])); return true;
        case Slot::Bool: value = raw[i] ? 1.0 : 0.0; return true;
        default: return false;
        }
    }
    // A sample a node names is drawable by construction.
    double nodeValue(quint16 i) const
    {
        double value = 0;
        plotValue(i, value);
        return value;
    }
    static constexpr size_t blockSize(int level) { return size_t(8) << (3 * level); }
    // Nodes of the blocks that end at or before sample n.
    static size_t nodesWithin(size_t n) { return n / 8 + n / 64 + n / 512 + n / 4096; }
    // Where the node of block b of a level is: after every block that ends before
    // it, and after the finer blocks that end with it.
    static size_t nodeIndex(int level, size_t b) { return nodesWithin((b + 1) * blockSize(level) - 1) + size_t(level); }

    // The pyramid no longer holds blocks that reach index `pos` or beyond.
    void invalidateFrom(size_t pos) const
    {
        if (pos >= summarized)
            return;
        summarized = pos;
        pyramid.resize(nodesWithin(pos));
    }
    // Adds the nodes of the complete blocks not summarized yet.
    void summarize() const
    {
        for (size_t end = (summarized / 8 + 1) * 8; end <= size(); end += 8) {
            for (int l = 0; l < kLevels && end % blockSize(l) == 0; ++l) {
                const size_t b = end / blockSize(l) - 1;
                Fold f;
                if (l == 0) {
                    double value;
                    for (size_t i = b * 8; i < end; ++i) {
                        if (plotValue(i, value)) {
                            f.takeMin(int(i), value);
                            f.takeMax(int(i), value);
                        }
                    }
                } else {
                    foldNodes(l - 1, b * 8, b * 8 + 8, f);
                }
                Extremes e;
                if (f.iMin >= 0) {
                    e.min = quint16(f.iMin);
                    e.max = quint16(f.iMax);
                }
                pyramid.push_back(e);
            }
        }
        summarized = size();
    }
    void foldNodes(int level, size_t from, size_t to, Fold &f) const
    {
        for (size_t n = from; n < to; ++n) {
            const Extremes e = pyramid[nodeIndex(level, n)];
            if (e.min != kNone) {
                f.takeMin(e.min, nodeValue(e.min));
                f.takeMax(e.max, nodeValue(e.max));
            }
        }
    }
    // Folds the samples from index i on whose time is before `end`, and leaves i
    // at the first one that is not. Each step takes the biggest block that starts
    // at i and ends before `end` from the pyramid, else one sample: a column costs
    // at most 7 samples or nodes per level at each edge, however many it spans.
    void foldUntil(size_t &i, qint64 end, Fold &f) const
    {
        if (summarized != size())
            summarize();
        const qint64 rel = end - baseMs; // may be negative, or past the offsets' range
        const size_t n = size();
        double value;
        while (i < n) {
            if (i % 8 == 0 && i + 8 <= n && qint64(dt[i + 7]) < rel) {
                int l = 0;
                while (l + 1 < kLevels && i % blockSize(l + 1) == 0 && i + blockSize(l + 1) <= n
                       && qint64(dt[i + blockSize(l + 1) - 1]) < rel)
                    ++l;
                const Extremes e = pyramid[nodeIndex(l, i / blockSize(l))];
                if (e.min != kNone) {
                    f.takeMin(e.min, nodeValue(e.min));
                    f.takeMax(e.max, nodeValue(e.max));
                }
                i += blockSize(l);
                continue;
            }
            if (qint64(dt[i]) >= rel)
                break;
            if (plotValue(i, value)) {
                f.takeMin(int(i), value);
                f.takeMax(int(i), value);
            }
            ++i;
        }
    }

    void seal()
    {
        dt.shrink_to_fit();
        raw.shrink_to_fit();
        types.shrink_to_fit();
        pyramid.shrink_to_fit();
    }
    size_t bytes() const
    {
        size_t b = dt.capacity() * sizeof(quint32) + raw.capacity() * sizeof(quint64) + types.capacity()
                   + sizeof(Chunk);
        return b + pyramid.capacity() * sizeof(Extremes);
    }
};

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
            return {bitsOf(*d), Slot::Double};
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
        case Slot::Double: return doubleOf(raw);
        case Slot::Int: return qint64(raw);
        case Slot::Bool: return raw != 0;
        case Slot::String: return strings.value(qsizetype(raw));
        default: return std::monostate{};
        }
    }

    static void put(Chunk &c, size_t pos, qint64 t, quint64 raw, Slot type)
    {
        c.invalidateFrom(pos); // later samples move up one index
        store(c, pos, t, raw, type);
        if (c.summarized + 1 == c.size())
            c.summarize(); // in order: at most one new node per level
    }

    static void store(Chunk &c, size_t pos, qint64 t, quint64 raw, Slot type)
    {
        c.dt.insert(c.dt.begin() + std::ptrdiff_t(pos), quint32(t - c.baseMs));
        c.raw.insert(c.raw.begin() + std::ptrdiff_t(pos), raw);
        // Types are kept only once the chunk holds something other than a double.
        if (c.types.empty() && type == Slot::Double)
            return;
        if (c.types.empty())
            c.types.assign(c.dt.size() - 1, quint8(Slot::Double));
        c.types.insert(c.types.begin() + std::ptrdiff_t(pos), quint8(type));
    }

    static void seal(Chunk &c) { c.seal(); }

    // Index of the chunk holding the last sample with time <= t, or -1.
    int chunkAtOrBefore(qint64 t) const
    {
        auto it = std::upper_bound(chunks.begin(), chunks.end(), t,
                                   [](qint64 v, const Chunk &c) { return v < c.first(); });
        return int(it - chunks.begin()) - 1;
    }

    void insert(qint64 t, quint64 raw, Slot type)
    {
        // Fast path: in order.
        if (chunks.empty() || t >= chunks.back().last()) {
            if (chunks.empty() || chunks.back().size() >= kChunkSamples || t - chunks.back().baseMs > kMaxDelta) {
                if (!chunks.empty())
                    seal(chunks.back());
                Chunk c;
                c.baseMs = t;
                // Room for a few samples at once: a young series would otherwise
                // reallocate at its 2nd, 3rd and 5th sample (capacities past 8 are
                // what doubling gives anyway).
                c.dt.reserve(8);
                c.raw.reserve(8);
                chunks.push_back(std::move(c));
            }
            Chunk &c = chunks.back();
            put(c, c.size(), t, raw, type);
            return;
        }
        // Out of order: after every sample with time <= t (ties keep arrival order).
        int ci = chunkAtOrBefore(t);
        if (ci < 0) {
            // Before everything: into the first chunk, rebased, if the offsets fit.
            Chunk &c = chunks.front();
            if (c.last() - t <= kMaxDelta && c.size() < 2 * kChunkSamples) {
                const quint32 shift = quint32(c.baseMs - t);
                for (quint32 &d : c.dt)
                    d += shift;
                c.baseMs = t;
                put(c, 0, t, raw, type);
            } else {
                Chunk n;
                n.baseMs = t;
                put(n, 0, t, raw, type);
                chunks.insert(chunks.begin(), std::move(n));
            }
            return;
        }
        Chunk &c = chunks[size_t(ci)];
        if (t - c.baseMs > kMaxDelta) {
            // The gap after this chunk is too wide for its offsets: a chunk of its own.
            Chunk n;
            n.baseMs = t;
            put(n, 0, t, raw, type);
            chunks.insert(chunks.begin() + ci + 1, std::move(n));
            return;
        }
        put(c, c.upperBound(t), t, raw, type);
        if (c.size() > 2 * kChunkSamples)
            split(size_t(ci));
    }

    void split(size_t ci)
    {
        Chunk &c = chunks[ci];
        const size_t half = c.size() / 2;
        Chunk n;
        n.baseMs = c.timeAt(half);
        for (size_t i = half; i < c.size(); ++i)
            n.dt.push_back(quint32(c.timeAt(i) - n.baseMs));
        n.raw.assign(c.raw.begin() + std::ptrdiff_t(half), c.raw.end());
        if (!c.types.empty())
            n.types.assign(c.types.begin() + std::ptrdiff_t(half), c.types.end());
        c.dt.resize(half);
        c.raw.resize(half);
        if (!c.types.empty())
            c.types.resize(half);
        c.invalidateFrom(half);
        c.summarize();
        n.summarize();
        seal(c);
        chunks.insert(chunks.begin() + std::ptrdiff_t(ci) + 1, std::move(n));
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
        return Found{c.timeAt(p), c.raw[p], c.typeAt(p)};
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
            c.dt.erase(c.dt.begin(), c.dt.begin() + std::ptrdiff_t(keepFrom));
            c.raw.erase(c.raw.begin(), c.raw.begin() + std::ptrdiff_t(keepFrom));
            if (!c.types.empty())
                c.types.erase(c.types.begin(), c.types.begin() + std::ptrdiff_t(keepFrom));
            c.invalidateFrom(0); // every index moved
            c.summarize();
            seal(c); // give the memory back: this is why we are dropping
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
    m_assetsById = {};
    m_series.clear();
    m_seriesSlots = {};
    m_alarmLog.clear();
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

// The asset whose key is path.key().
int HistoryStore::assetIndexFor(const AssetPath &path)
{
    if (const int known = assetById(path); known >= 0)
        return known;
    return assetByKey(path);
}

// The asset that keeps path's very id string (the same characters in memory: the
// same id, as the asset keeps that string alive), of the same type and location;
// -1 if none. Paths from the decoder, which interns strings, are found here
// without reading or hashing their text.
int HistoryStore::assetById(const AssetPath &path) const
{
    if (m_assetsById.empty())
        return -1;
    const QChar *id = path.id.constData();
    const size_t mask = m_assetsById.size() - 1;
    for (size_t i = pointerSlot(id, mask); m_assetsById[i].asset >= 0; i = (i + 1) & mask) {
        if (m_assetsById[i].id != id)
            continue;
        const Asset &a = *m_assets[size_t(m_assetsById[i].asset)];
        if (a.path.id.size() == path.id.size() && sameText(a.path.type, path.type)
            && sameText(a.path.location, path.location))
            return m_assetsById[i].asset;
    }
    return -1;
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
    const int index = int(m_assets.size());
    auto a = std::make_unique<Asset>();
    a->path = path;
    a->key = path.key();
    m_assets.push_back(std::move(a));
    addKey(m_assetSlots, h, m_assets.size(), [this](size_t ai) { return keyHash(m_assets[ai]->key); });
    if (m_assetsById.size() != m_assetSlots.size()) {
        m_assetsById.assign(m_assetSlots.size(), AssetById{nullptr, -1});
        for (int ai = 0; ai < index; ++ai)
            placeById(ai);
    }
    placeById(index);
    return index;
}

void HistoryStore::placeById(int asset)
{
    const QChar *id = m_assets[size_t(asset)]->path.id.constData();
    const size_t mask = m_assetsById.size() - 1;
    size_t i = pointerSlot(id, mask);
    while (m_assetsById[i].asset >= 0)
        i = (i + 1) & mask;
    m_assetsById[i] = {id, asset};
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

HistoryStore::Series &HistoryStore::seriesFor(Asset &asset, int assetIndex, const QString &name)
{
    // The asset's own series first: a series it created is the one its key names.
    for (int si : asset.series) {
        Series &s = *m_series[size_t(si)];
        if (sameText(s.name, name))
            return s;
    }
    const QString key = asset.key + u'/' + name;
    const quint64 h = keyHash(key);
    // Another asset's, when parts hold '/'.
    if (const int known = findKey(m_seriesSlots, h, [&](int si) { return m_series[size_t(si)]->key == key; });
        known >= 0)
        return *m_series[size_t(known)];
    auto s = std::make_unique<Series>();
    s->asset = assetIndex;
    s->name = name;
    s->key = key;
    // Every earlier snapshot of the asset left this attribute out (had it carried
    // it, the series would exist): it was absent from each of those instants.
    for (qint64 t : asset.snapshots) {
        s->insert(t, 0, Slot::Absent);
        ++m_samples;
    }
    const int index = int(m_series.size());
    asset.series.push_back(index);
    m_series.push_back(std::move(s));
    addKey(m_seriesSlots, h, m_series.size(), [this](size_t si) { return keyHash(m_series[si]->key); });
    return *m_series.back();
}

quint64 HistoryStore::idHash(const QString &messageId)
{
    if (messageId.isEmpty())
        return 0; // no id: never a duplicate
    const quint64 h = quint64(qHash(messageId, 0x9e3779b97f4a7c15ULL));
    return h + (h == 0); // 0 marks an empty slot: hash 0 shares 1's place, a 64-bit collision like any other
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
    if (!m_assetsById.empty())
        __builtin_prefetch(&m_assetsById[pointerSlot(e.asset.id.constData(), m_assetsById.size() - 1)]);
    if (!e.attributes.empty())
        __builtin_prefetch(e.attributes.data());
}

bool HistoryStore::isDuplicate(quint64 h)
{
    if (h == 0)
        return false;
    if (!m_idSlots.empty()) {
        const size_t mask = m_idSlots.size() - 1;
        for (size_t i = idHome(h, mask); m_idSlots[i] != 0; i = (i + 1) & mask) {
            if (m_idSlots[i] == h)
                return true;
        }
    }
    if (m_idRing.size() < kDedupWindow) {
        if (m_idRing.capacity() == 0)
            m_idRing.reserve(kDedupWindow); // address space: pages are used as the ring fills
        m_idRing.push_back(h);
    } else {
        // The window is full: the oldest id leaves as this one comes in.
        eraseId(m_idRing[m_idOldest]);
        m_idRing[m_idOldest] = h;
        m_idOldest = (m_idOldest + 1) % kDedupWindow;
    }
    insertId(h);
    return false;
}

void HistoryStore::insertId(quint64 h)
{
    if (2 * m_idRing.size() > m_idSlots.size()) {
        // Grow (the ring holds every id but h, which is placed below).
        m_idSlots.assign(std::max<size_t>(1024, m_idSlots.size() * 2), 0);
        const size_t mask = m_idSlots.size() - 1;
        for (quint64 id : m_idRing) {
            if (id == h)
                continue;
            size_t i = idHome(id, mask);
            while (m_idSlots[i] != 0)
                i = (i + 1) & mask;
            m_idSlots[i] = id;
        }
    }
    const size_t mask = m_idSlots.size() - 1;
    size_t i = idHome(h, mask);
    while (m_idSlots[i] != 0)
        i = (i + 1) & mask;
    m_idSlots[i] = h;
}

void HistoryStore::eraseId(quint64 h)
{
    const size_t mask = m_idSlots.size() - 1;
    size_t i = idHome(h, mask);
    while (m_idSlots[i] != h)
        i = (i + 1) & mask;
    // Backward shift: pull up each later id of the run whose home is not after the
    // hole, so every id stays reachable from its home without gaps.
    for (size_t j = (i + 1) & mask; m_idSlots[j] != 0; j = (j + 1) & mask) {
        const size_t home = idHome(m_idSlots[j], mask);
        const bool between = i <= j ? (i < home && home <= j) : (i < home || home <= j);
        if (!between) {
            m_idSlots[i] = m_idSlots[j];
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

size_t HistoryStore::append(const std::vector<PlantEvent> &events)
{
    size_t stored = 0;
    std::array<quint64, kLookahead> ids; // message-id hashes, kLookahead events ahead
    const size_t n = events.size();
    const auto lookAhead = [&](size_t j) {
        ids[j % kLookahead] = idHash(events[j].messageId);
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
        const int assetIndex = assetIndexFor(e.asset);
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
                    s.insert(t, 0, Slot::Absent);
                    ++m_samples;
                    traced = true;
                }
            }
            insertSorted(asset.snapshots, t);
        }
        for (const AttributeSample &a : e.attributes) {
            Series &s = seriesFor(asset, assetIndex, a.name);
            const auto [raw, type] = s.encode(a.value);
            s.insert(t, raw, type);
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
    auto pos = std::upper_bound(m_alarmLog.begin(), m_alarmLog.end(), t.timeMs,
                                [](qint64 v, const AlarmEntry &e) { return v < e.timeMs; });
    const size_t index = size_t(pos - m_alarmLog.begin());
    m_alarmLog.insert(pos, {t.timeMs, seq, std::move(t)});
    // Snapshots that folded entries at or after the insert point are now wrong.
    while (!m_alarmSnapshots.empty() && m_alarmSnapshots.back().applied > index)
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

PlantState HistoryStore::stateAt(qint64 atMs) const
{
    PlantState state;
    AssetAt at;
    for (int ai = 0; ai < int(m_assets.size()); ++ai) {
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
        for (size_t i = c.upperBound(columns.fromMs - 1); i < end; ++i) {
            double value;
            if (!c.plotValue(i, value))
                continue; // text, null, absent and NaN are not drawn
            const qint64 ti = c.timeAt(i);
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
    size_t b = sizeof(*this) + (m_idRing.size() + m_idSlots.size()) * sizeof(quint64);
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
