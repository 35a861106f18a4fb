#include "identity_registry.h"

#include <QHash>

#include <algorithm>
#include <bit>
#include <mutex>
#include <vector>

namespace ndh {

struct IdentityRegistry::AssetEntry
{
    AssetPath path;
};

struct IdentityRegistry::SeriesEntry
{
    qint32 asset = kNoRef;
    QString name;
};

namespace {

struct SeriesName
{
    qint32 asset;
    QString name;
    bool operator==(const SeriesName &) const = default;
};

size_t qHash(const SeriesName &k, size_t seed = 0)
{
    return qHashMulti(seed, k.asset, k.name);
}

} // namespace

} // namespace ndh

namespace ndh {

size_t qHash(const AssetPath &p, size_t seed = 0)
{
    return qHashMulti(seed, p.location, p.type, p.id);
}

struct IdentityRegistry::Impl
{
    std::mutex mutex;
    QHash<AssetPath, qint32> assets;
    QHash<SeriesName, qint32> series;
};

namespace {

std::atomic<quint64> g_instances{0};

// A string's address and length as one key: equal keys of live strings that share
// their data mean equal text (shared data is never modified in place).
const void *addressKey(const QString &s)
{
    return reinterpret_cast<const void *>(quintptr(s.constData()) ^ (quintptr(s.size()) << 48));
}

// What identify() answered on this thread for the very strings (by address) of
// recent events. An address is a key only while its string is alive: the
// registry's entry holds it (the first strings a name was seen with), or a pin
// here does (the same name in another decoder's strings, or anew after a
// decoder's interner started over). Strings nobody else holds (built for one
// event) are never remembered: their address could be reused for another text.
// Bounded: a table that grows past its limit starts over.
class LocalRefs
{
public:
    quint64 owner = 0;

    struct AssetSlot
    {
        const void *keys[3];
        qint32 ref;
        bool used;
    };
    struct SeriesSlot
    {
        const void *name; // null: empty
        qint32 asset;
        qint32 ref;
    };

    void reset(quint64 forOwner)
    {
        owner = forOwner;
        m_assets.assign(1024, AssetSlot{{}, 0, false});
        m_series.assign(4096, SeriesSlot{nullptr, 0, 0});
        m_assetsUsed = m_seriesUsed = 0;
        m_pins.clear();
    }

    static size_t assetHash(const void *const keys[3])
    {
        quint64 h = 0x9e3779b97f4a7c15ull;
        for (int i = 0; i < 3; ++i) {
            h ^= quint64(quintptr(keys[i]));
            h *= 0xbf58476d1ce4e5b9ull;
            h ^= h >> 31;
        }
        return size_t(h);
    }
    static size_t seriesHash(const void *name, qint32 asset)
    {
        quint64 h = (quint64(quintptr(name)) ^ (quint64(quint32(asset)) << 32)) * 0xbf58476d1ce4e5b9ull;
        return size_t(h ^ (h >> 31));
    }

    // Slot of the path's strings: its ref when used, else where to put it.
    AssetSlot &assetSlot(const AssetPath &p)
    {
        const void *keys[3] = {addressKey(p.location), addressKey(p.type), addressKey(p.id)};
        const size_t mask = m_assets.size() - 1;
        for (size_t i = assetHash(keys) & mask;; i = (i + 1) & mask) {
            AssetSlot &s = m_assets[i];
            if (!s.used || (s.keys[0] == keys[0] && s.keys[1] == keys[1] && s.keys[2] == keys[2]))
                return s;
        }
    }
    SeriesSlot &seriesSlot(qint32 asset, const QString &name)
    {
        const void *key = addressKey(name);
        const size_t mask = m_series.size() - 1;
        for (size_t i = seriesHash(key, asset) & mask;; i = (i + 1) & mask) {
            SeriesSlot &s = m_series[i];
            if (!s.name || (s.name == key && s.asset == asset))
                return s;
        }
    }

    // Whether `s` may be a key: it stays alive through `held` (the registry's copy)
    // or a pin, which is added when needed.
    bool keepable(const QString &s, const QString &held, int &pinsNeeded) const
    {
        if (addressKey(s) == addressKey(held))
            return true;
        if (!s.data_ptr().isShared())
            return false; // built for this event alone: its address may soon hold another text
        ++pinsNeeded;
        return true;
    }
    void pin(const QString &s, const QString &held)
    {
        if (addressKey(s) != addressKey(held))
            m_pins.push_back(s);
    }

    void rememberAsset(const AssetPath &p, const AssetPath &held, qint32 ref)
    {
        int pins = 0;
        if (!keepable(p.location, held.location, pins) || !keepable(p.type, held.type, pins)
            || !keepable(p.id, held.id, pins))
            return;
        if ((m_assetsUsed + 1) * 2 > m_assets.size() || tooManyPins(pins)) {
            if (m_assets.size() >= kMaxSlots || tooManyPins(pins)) {
                reset(owner);
            } else {
                std::vector<AssetSlot> old(2 * m_assets.size(), AssetSlot{{}, 0, false});
                old.swap(m_assets);
                const size_t mask = m_assets.size() - 1;
                for (const AssetSlot &s : old) {
                    if (!s.used)
                        continue;
                    size_t i = assetHash(s.keys) & mask;
                    while (m_assets[i].used)
                        i = (i + 1) & mask;
                    m_assets[i] = s;
                }
            }
        }
        pin(p.location, held.location);
        pin(p.type, held.type);
        pin(p.id, held.id);
        AssetSlot &slot = assetSlot(p);
        if (!slot.used) {
            slot = {{addressKey(p.location), addressKey(p.type), addressKey(p.id)}, ref, true};
            ++m_assetsUsed;
        }
    }

    void rememberSeries(qint32 asset, const QString &name, const QString &held, qint32 ref)
    {
        int pins = 0;
        if (!keepable(name, held, pins))
            return;
        if ((m_seriesUsed + 1) * 2 > m_series.size() || tooManyPins(pins)) {
            if (m_series.size() >= kMaxSlots || tooManyPins(pins)) {
                reset(owner);
            } else {
                std::vector<SeriesSlot> old(2 * m_series.size(), SeriesSlot{nullptr, 0, 0});
                old.swap(m_series);
                const size_t mask = m_series.size() - 1;
                for (const SeriesSlot &s : old) {
                    if (!s.name)
                        continue;
                    size_t i = seriesHash(s.name, s.asset) & mask;
                    while (m_series[i].name)
                        i = (i + 1) & mask;
                    m_series[i] = s;
                }
            }
        }
        pin(name, held);
        SeriesSlot &slot = seriesSlot(asset, name);
        if (!slot.name) {
            slot = {addressKey(name), asset, ref};
            ++m_seriesUsed;
        }
    }

private:
    static constexpr size_t kMaxSlots = size_t(1) << 19;
    bool tooManyPins(int adding) const { return m_pins.size() + size_t(adding) > kMaxSlots; }

    std::vector<AssetSlot> m_assets;
    std::vector<SeriesSlot> m_series;
    size_t m_assetsUsed = 0;
    size_t m_seriesUsed = 0;
    std::vector<QString> m_pins;
};

LocalRefs &localRefs(quint64 owner)
{
    thread_local LocalRefs refs;
    if (refs.owner != owner)
        refs.reset(owner);
    return refs;
}

} // namespace

// The place of entry `ref` (under the mutex), its chunk allocated when it is the
// first: published before any ref in it is.
template<typename Entry, size_t N>
Entry &IdentityRegistry::newEntry(std::atomic<Entry *> (&chunks)[N], qint32 ref)
{
    auto &chunk = chunks[ref >> kChunkShift];
    Entry *entries = chunk.load(std::memory_order_relaxed);
    if (!entries) {
        entries = new Entry[kChunkSize];
        chunk.store(entries, std::memory_order_release);
    }
    return entries[ref & (kChunkSize - 1)];
}

IdentityRegistry &IdentityRegistry::global()
{
    static IdentityRegistry registry;
    return registry;
}

IdentityRegistry::IdentityRegistry()
    : m_impl(std::make_unique<Impl>())
    , m_instance(++g_instances)
{
}

IdentityRegistry::~IdentityRegistry()
{
    for (auto &chunk : m_assetChunks)
        delete[] chunk.load(std::memory_order_relaxed);
    for (auto &chunk : m_seriesChunks)
        delete[] chunk.load(std::memory_order_relaxed);
}

qint32 IdentityRegistry::assetRef(const AssetPath &path)
{
    std::lock_guard lock(m_impl->mutex);
    if (const auto it = m_impl->assets.constFind(path); it != m_impl->assets.cend())
        return *it;
    const qint32 ref = m_assetCount.load(std::memory_order_relaxed);
    if (ref >= kMaxAssets) {
        m_refused.fetch_add(1, std::memory_order_relaxed);
        return kNoRef;
    }
    newEntry(m_assetChunks, ref).path = path;
    m_impl->assets.insert(path, ref);
    m_assetCount.store(ref + 1, std::memory_order_release);
    return ref;
}

qint32 IdentityRegistry::seriesRef(qint32 asset, const QString &name)
{
    if (asset < 0 || asset >= assetCount())
        return kNoRef;
    std::lock_guard lock(m_impl->mutex);
    const SeriesName key{asset, name};
    if (const auto it = m_impl->series.constFind(key); it != m_impl->series.cend())
        return *it;
    const qint32 ref = m_seriesCount.load(std::memory_order_relaxed);
    if (ref >= kMaxSeries) {
        m_refused.fetch_add(1, std::memory_order_relaxed);
        return kNoRef;
    }
    newEntry(m_seriesChunks, ref) = {asset, name};
    m_impl->series.insert(key, ref);
    m_seriesCount.store(ref + 1, std::memory_order_release);
    return ref;
}

const IdentityRegistry::AssetEntry &IdentityRegistry::assetEntry(qint32 ref) const
{
    Q_ASSERT(ref >= 0 && ref < assetCount());
    return m_assetChunks[ref >> kChunkShift].load(std::memory_order_acquire)[ref & (kChunkSize - 1)];
}

const IdentityRegistry::SeriesEntry &IdentityRegistry::seriesEntry(qint32 ref) const
{
    Q_ASSERT(ref >= 0 && ref < seriesCount());
    return m_seriesChunks[ref >> kChunkShift].load(std::memory_order_acquire)[ref & (kChunkSize - 1)];
}

const AssetPath &IdentityRegistry::assetPath(qint32 ref) const
{
    return assetEntry(ref).path;
}

qint32 IdentityRegistry::seriesAsset(qint32 ref) const
{
    return seriesEntry(ref).asset;
}

const QString &IdentityRegistry::seriesName(qint32 ref) const
{
    return seriesEntry(ref).name;
}

qint32 IdentityRegistry::identifyAsset(const AssetPath &path)
{
    LocalRefs &local = localRefs(m_instance);
    if (const LocalRefs::AssetSlot &slot = local.assetSlot(path); slot.used)
        return slot.ref;
    const qint32 ref = assetRef(path);
    if (ref >= 0)
        local.rememberAsset(path, assetPath(ref), ref);
    return ref;
}

qint32 IdentityRegistry::identifySeries(qint32 asset, const QString &name)
{
    if (asset < 0)
        return kNoRef;
    LocalRefs &local = localRefs(m_instance);
    if (const LocalRefs::SeriesSlot &slot = local.seriesSlot(asset, name); slot.name)
        return slot.ref;
    const qint32 ref = seriesRef(asset, name);
    if (ref >= 0)
        local.rememberSeries(asset, name, seriesName(ref), ref);
    return ref;
}

void IdentityRegistry::identify(PlantEvent &e)
{
    e.assetRef = identifyAsset(e.asset);
    const bool command = isCommand(e.kind);
    for (AttributeSample &a : e.attributes)
        a.seriesRef = command ? kNoRef : identifySeries(e.assetRef, a.name);
}

} // namespace ndh
