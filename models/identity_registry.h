#pragma once
// One process-wide numbering of what events name: each asset (location, type, id)
// and each (asset, attribute) series gets a small integer the first time any thread
// meets it, and keeps it for the life of the process. The decoder stamps these on
// every event (PlantEvent::assetRef, AttributeSample::seriesRef), so the models that
// look assets and series up per event (history, tree, raw-record journal) find them
// by one array index instead of each hashing the names or keying tables by the
// strings' addresses with lifetime rules of their own.
//
// Threads: several decode at once (Kafka backend, Redis mirror, log loader, history
// backfill) and get the same refs for the same names. Adding is under a mutex (only
// for names not seen before on this thread); reading an entry by its ref takes no
// lock: entries never move or change once published, and a ref reaches another
// thread through the batch hand-off, which orders the entry before it.
//
// Bounded: past kMaxAssets assets or kMaxSeries series (a producer inventing a new
// asset id per record) new names get no ref (kNoRef) and are counted in refused();
// models then find them by name as they do for events built by hand.

#include "plant_event.h"

#include <QString>

#include <atomic>
#include <memory>

namespace ndh {

class IdentityRegistry
{
public:
    static constexpr qint32 kNoRef = -1;
    static constexpr qint32 kMaxAssets = 1 << 20;
    static constexpr qint32 kMaxSeries = 1 << 22;

    // The registry every decoder uses.
    static IdentityRegistry &global();

    IdentityRegistry();
    ~IdentityRegistry();
    IdentityRegistry(const IdentityRegistry &) = delete;
    IdentityRegistry &operator=(const IdentityRegistry &) = delete;

    // The ref of the asset with exactly these parts (text, not key(): "A/B"+"C" and
    // "A"+"B/C" are two assets here), added when new; kNoRef when the registry is full.
    qint32 assetRef(const AssetPath &path);
    // The ref of attribute `name` of asset `asset`; kNoRef when asset is kNoRef or
    // the registry is full.
    qint32 seriesRef(qint32 asset, const QString &name);

    // Stamps e.assetRef and, except on command events (whose attributes are command
    // parameters no model keeps as series), every attribute's seriesRef. Remembers
    // per thread what it answered for the very strings of recent events, so a
    // decoder's interned names cost a probe of a small table, not a lock.
    void identify(PlantEvent &e);
    // The two halves of identify(), for a caller that remembers refs of its own.
    qint32 identifyAsset(const AssetPath &path);
    qint32 identifySeries(qint32 asset, const QString &name);

    // Lock-free reads of published entries (0 <= ref < count).
    const AssetPath &assetPath(qint32 ref) const;
    qint32 seriesAsset(qint32 ref) const;
    const QString &seriesName(qint32 ref) const;
    qint32 assetCount() const { return m_assetCount.load(std::memory_order_acquire); }
    qint32 seriesCount() const { return m_seriesCount.load(std::memory_order_acquire); }
    // Names that got no ref because the registry was full.
    quint64 refused() const { return m_refused.load(std::memory_order_relaxed); }

    struct AssetEntry;
    struct SeriesEntry;

private:
    struct Impl;
    static constexpr int kChunkShift = 12; // 4,096 entries a chunk
    static constexpr qint32 kChunkSize = 1 << kChunkShift;
    template<typename Entry, size_t N>
    static Entry &newEntry(std::atomic<Entry *> (&chunks)[N], qint32 ref);
    const AssetEntry &assetEntry(qint32 ref) const;
    const SeriesEntry &seriesEntry(qint32 ref) const;

    std::unique_ptr<Impl> m_impl; // the text-keyed maps, under its mutex
    // Entries in chunks that never move: a reader indexes without a lock.
    std::atomic<AssetEntry *> m_assetChunks[kMaxAssets / kChunkSize] = {};
    std::atomic<SeriesEntry *> m_seriesChunks[kMaxSeries / kChunkSize] = {};
    std::atomic<qint32> m_assetCount{0};
    std::atomic<qint32> m_seriesCount{0};
    std::atomic<quint64> m_refused{0};
    const quint64 m_instance; // tells registries apart in the per-thread caches
};

} // namespace ndh
