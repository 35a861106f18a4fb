#pragma once
// The time machine of DESIGN.md §5: every attribute sample, lifecycle change and
// alarm transition the console has seen, indexed by event time, so that the state of
// the whole plant at any instant is answered without replaying from the start:
// attribute values by binary search in per-series chunks (packed, sample_chunk.h:
// 2-8 bytes per numeric sample with the min/max pyramid plots decimate through),
// alarms from the nearest periodic snapshot of the alarm state machine.
// Out-of-order events are placed by event time; duplicates (same message id) are
// stored once. Memory is bounded: past the budget the oldest detail is dropped and
// completeFromMs() says from when history is still complete.

#include "alarm_state_machine.h"
#include "plant_event.h"
#include "plant_state.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace ndh {

class HistoryStore
{
public:
    static constexpr size_t kDefaultBudgetBytes = size_t(2) << 30; // 2 GiB
    // A message id seen among the last kDedupWindow distinct ids is a duplicate.
    static constexpr size_t kDedupWindow = 1 << 20;

    explicit HistoryStore(size_t memoryBudgetBytes = kDefaultBudgetBytes);
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    // Stores every event of the batch; returns how many were new (not duplicates).
    // `idHashes`, when given (events.size() of them): messageIdHash() of each
    // event's id is written there, for the tree to use instead of hashing again.
    size_t append(std::span<const PlantEvent> events, quint64 *idHashes = nullptr);
    // Also a part of a batch (PlantModels applies a big one over several turns).
    size_t append(const std::vector<PlantEvent> &events) { return append(std::span<const PlantEvent>(events)); }
    // Packs what late samples left unpacked; append() does so once they stop coming.
    void packAll();
    void clear();

    // The plant at `atMs`: identical to folding every stored event with event time
    // <= atMs in event-time order (PlantState::apply), but without the replay.
    PlantState stateAt(qint64 atMs) const;

    struct Sample
    {
        qint64 timeMs = 0;
        AttributeValue value;
    };
    // Newest value of one attribute at or before atMs ("location/type/id/attribute").
    std::optional<Sample> valueAt(const QString &attributeKey, qint64 atMs) const;
    // Min/max per bucket over [fromMs, toMs] for plots: for each of `buckets` columns
    // with data, its minimum and maximum in the order they occurred (one point when
    // they are the same sample). Text, null and NaN samples are not drawn. Times are
    // seconds since the epoch, as plots want them. Pyramid: through per-chunk min/max
    // pyramids, a few steps per column however many samples it spans. Walk: one
    // step per sample, the reference for tests and benchmarks, and cheaper when there
    // are only a few samples per column. Auto picks by the samples in range.
    enum class Decimation { Auto, Pyramid, Walk };
    void decimate(const QString &attributeKey, qint64 fromMs, qint64 toMs, int buckets,
                  std::vector<double> &t, std::vector<double> &v, Decimation how = Decimation::Auto) const;
    size_t samplesInRange(const QString &attributeKey, qint64 fromMs, qint64 toMs) const;
    // The newest `maxCount` samples at or after fromMs of one attribute that a plot
    // draws (numbers, bools as 0/1; not text, null or NaN), oldest first, appended
    // to t (seconds since the epoch) and v: what a plot's live buffer starts from
    // (SeriesStore::watch).
    void recentPlotValues(const QString &attributeKey, qint64 fromMs, size_t maxCount, std::vector<double> &t,
                          std::vector<double> &v) const;
    // Event times of the first and last stored sample of one attribute ("show all
    // data" on a plot); nothing for an attribute without samples.
    std::optional<std::pair<qint64, qint64>> sampleSpan(const QString &attributeKey) const;

    // Neighbouring event times, for "step to previous/next event" (of one asset when
    // assetKey is given).
    std::optional<qint64> nextEventAfter(qint64 tMs, const QString &assetKey = {}) const;
    std::optional<qint64> previousEventBefore(qint64 tMs, const QString &assetKey = {}) const;

    // Per-row lookups for views that show an instant without building a PlantState
    // (the asset tree while the time slider is dragged). Ids count from 0 in order
    // of first appearance and stay valid until clear(), which bumps generation().
    struct AssetAt
    {
        struct Value
        {
            int seriesId;
            qint64 timeMs;
            AttributeValue value;
        };
        bool known = false;  // any event of the asset at or before the instant
        QString lifecycle;
        qint64 updatedMs = 0; // event time of its newest event (as PlantState)
        std::vector<Value> values; // attributes with a value then, in series order
    };
    void assetAt(int assetId, qint64 atMs, AssetAt &out) const; // reuses out's buffers
    // For a walk calling assetAt() over `ids` in turn: call before the i-th to
    // warm the caches for the next few. Such a walk waits on memory, not on
    // arithmetic: asset, its series, their chunks and bits, each found through the
    // one before; this fetches each level of the assets ahead one step further.
    void prefetchAhead(std::span<const int> ids, size_t i) const;
    std::optional<Sample> sampleAt(int seriesId, qint64 atMs) const;
    // The alarm state machine at atMs; valid until the next call on this store.
    const AlarmStateMachine &alarmStateAt(qint64 atMs) const;
    int assetIdCount() const { return int(m_assets.size()); }
    int seriesIdCount() const { return int(m_series.size()); }
    quint64 generation() const { return m_generation; }
    const AssetPath &assetPath(int assetId) const;
    const QString &assetKey(int assetId) const;
    int seriesAsset(int seriesId) const;
    const QString &seriesName(int seriesId) const;
    const QString &seriesKey(int seriesId) const;
    const QString &seriesUnit(int seriesId) const;

    QStringList attributeKeys() const;
    bool isEmpty() const { return m_events == 0; }
    qint64 firstMs() const { return m_firstMs; }
    qint64 lastMs() const { return m_lastMs; }
    qint64 completeFromMs() const { return m_completeFromMs; } // == firstMs() until detail is dropped
    size_t sampleCount() const { return m_samples; }
    size_t eventCount() const { return m_events; }
    quint64 duplicates() const { return m_duplicates; }
    size_t memoryBytes() const;
    size_t memoryBudget() const { return m_budget; }
    void setMemoryBudget(size_t bytes);

    struct Series;
    struct Asset;

private:
    int assetIndexFor(const PlantEvent &e);
    int assetByKey(const AssetPath &path);
    int findAsset(const QString &assetKey) const;
    int findSeries(const QString &attributeKey) const;
    Series &seriesFor(Asset &asset, int assetIndex, const AttributeSample &sample);
    int seriesByName(Asset &asset, int assetIndex, const QString &name);
    void prefetch(const PlantEvent &e, quint64 idHash) const;
    bool isDuplicate(quint64 idHash);
    void insertId(quint64 h, quint32 index);
    void placeId(quint64 h, quint32 index);
    size_t idSlotHome(size_t i, size_t mask) const;
    void eraseId(quint32 index);
    void addTouch(Asset &asset, qint64 t);
    void storeAlarm(AlarmTransition t);
    void enforceBudget();
    void dropBefore(qint64 cutoffMs);
    // prefetchAhead() over ids idAt(0..n). Always inlined: GCC finds a function that
    // only prefetches free of effects and drops calls to it.
    template<typename IdAt>
    [[gnu::always_inline]] inline void prefetchWalk(size_t i, size_t n, IdAt &&idAt) const;
    const AlarmStateMachine &alarmsAt(qint64 atMs, size_t &replayed) const;
    template<typename F>
    void forEachAsset(const QString &assetKey, F &&f) const;

    size_t m_budget;
    std::vector<std::unique_ptr<Asset>> m_assets;
    // Asset key ("location/type/id") -> asset and attribute key -> series: open
    // addressing over a hash of the key (an AssetPath's computed from its parts,
    // without building the key). A slot holds the hash's upper half and the index
    // (-1: empty); at most half the slots are used.
    struct KeySlot
    {
        quint32 tag;
        qint32 index;
    };
    std::vector<KeySlot> m_assetSlots;
    // Assets and series by the IdentityRegistry refs events carry (-1: not met
    // yet), so a decoded event finds them with one index; events without refs
    // (built by hand) are looked up by name in the tables above and below.
    std::vector<qint32> m_assetsByRef;
    std::vector<qint32> m_seriesByRef;
    std::vector<std::unique_ptr<Series>> m_series;
    std::vector<KeySlot> m_seriesSlots;
    // Series an out-of-order insert left with an unpacked chunk; packed once late
    // samples stop coming to them (packQuietSeries()).
    std::vector<Series *> m_unpacked;
    quint64 m_batches = 0; // append() calls: batches, or the slices PlantModels applies them in
    static constexpr quint64 kQuietBatches = 4;
    static constexpr size_t kMaxOpenSeries = 512;
    void packQuietSeries();

    // Alarm transitions sorted by time (ties in arrival order) with snapshots of the
    // state machine every kAlarmSnapshotEvery transitions. Snapshots after an
    // out-of-order insert are dropped and rebuilt lazily.
    struct AlarmEntry
    {
        qint64 timeMs;
        quint64 seq;
        AlarmTransition transition;
    };
    std::vector<AlarmEntry> m_alarmLog;
    std::vector<AlarmEntry> m_lateAlarms; // this batch's transitions older than the log's newest
    void mergeLateAlarms();
    struct AlarmSnapshot
    {
        size_t applied; // m_alarmLog[0, applied) folded in
        qint64 timeMs;  // time of the last folded entry
        AlarmStateMachine machine;
    };
    mutable std::vector<AlarmSnapshot> m_alarmSnapshots;
    mutable AlarmStateMachine m_scratchAlarms;
    AlarmStateMachine m_baseAlarms; // state carried over from dropped history
    static constexpr size_t kAlarmSnapshotEvery = 512;

    // Recent message ids (hashed), bounded: duplicates arrive close together (the
    // same record from Redis and Kafka, a producer retry). The last kDedupWindow
    // distinct ids in arrival order (a ring once full: m_idOldest is the next to
    // go), and their ring indexes in an open-addressing set (linear probing, 0 =
    // empty, at most half full, deletion by backward shift; 4 bytes a slot, see
    // idSlot() in the .cpp).
    std::vector<quint64> m_idRing;
    size_t m_idOldest = 0;
    std::vector<quint32> m_idSlots;
    static constexpr size_t kLookahead = 16; // events append() prefetches ahead

    quint64 m_seq = 0;
    quint64 m_generation = 0;
    size_t m_samples = 0;
    size_t m_samplesAtBudgetCheck = 0;
    size_t m_events = 0;
    quint64 m_duplicates = 0;
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
    qint64 m_completeFromMs = 0;
};

} // namespace ndh
