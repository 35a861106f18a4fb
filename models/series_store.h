#pragma once
// Recent numeric samples of the attributes plots show, bounded per series and in
// total. Keys are attribute keys ("location/type/id/attribute"). Times are seconds
// since the epoch (double) as QCustomPlot's date-time axis wants them.
// Only watched series keep samples: a plot watches each curve's attribute
// (watch()/unwatch(), counted), and a newly watched series starts from the history
// store's samples since the earliest live sample's time (as if it had been watched
// from the start), so a curve shows its recent past at once. Every other attribute
// is only remembered as carrying numbers (keys(), carriesNumbers()): keeping a live
// buffer for each of 40,000 attributes that no plot shows was a fifth of the GUI
// thread's work while catching up (docs/PERFORMANCE.md).
// Memory bound (issue 9, left running for weeks): each series keeps at most
// maxPointsPerSeries() samples, and all series together at most memoryBudget()
// bytes (16 bytes a sample): the per-series cap shrinks as series are watched. Past
// the cap a series drops its oldest half; droppedPoints() counts what was dropped
// (the history store keeps the older detail, DESIGN.md §5).
// Lookup per sample: by the sample's IdentityRegistry ref (one byte says whether
// it is watched) once the attribute was found by its key the first time; samples
// without a ref by their key.

#include "plant_event.h"

#include <QStringList>
#include <QString>

#include <limits>
#include <memory>
#include <span>
#include <unordered_map>
#include <vector>

namespace ndh {

class HistoryStore;

class SeriesStore
{
public:
    struct Series
    {
        std::vector<double> t;
        std::vector<double> v;
        quint64 firstIndex = 0; // absolute index of t[0]; grows when old samples are dropped
        // Old samples were dropped because the memory budget (not maxPointsPerSeries)
        // lowered the cap: what a plot of this series tells the operator.
        bool droppedByBudget = false;
        quint64 endIndex() const { return firstIndex + t.size(); }
    };

    static constexpr size_t kDefaultBudgetBytes = size_t(256) << 20;

    explicit SeriesStore(size_t maxPointsPerSeries = 200000);
    ~SeriesStore();

    // Appends every numeric attribute sample of the events to its series when the
    // series is watched, and remembers the attribute as carrying numbers.
    void append(std::span<const PlantEvent> events);
    void append(const std::vector<PlantEvent> &events) { append(std::span<const PlantEvent>(events)); }
    // Forgets every sample and attribute; watches stay, their series empty.
    void clear();

    // A plot's interest in one attribute, counted: samples are kept while it is
    // watched at least once. A series not watched before starts from `history`'s
    // samples of it at or after the earliest event time append() met (none
    // without a history); unwatch() as often as watch().
    void watch(const QString &attributeKey, const HistoryStore *history = nullptr);
    void unwatch(const QString &attributeKey);

    // The watched series of an attribute; nullptr when it is not watched.
    const Series *find(const QString &attributeKey) const;
    // Whether the attribute has carried a number (plotted or not).
    bool carriesNumbers(const QString &attributeKey) const;
    // Every attribute that has carried a number.
    QStringList keys() const;
    size_t seriesCount() const { return m_watchedCount; } // watched series
    size_t maxPointsPerSeries() const { return m_maxPoints; }
    // Bytes held by the samples (allocated capacity of every series).
    size_t memoryBytes() const;
    void setMemoryBudget(size_t bytes);
    size_t memoryBudget() const { return m_budgetBytes; }
    // The cap in force now: maxPointsPerSeries(), lowered so that every watched
    // series at its cap fits the budget.
    size_t effectivePointsPerSeries() const;
    quint64 droppedPoints() const { return m_droppedPoints; }

private:
    // One attribute that carried numbers, or that a plot watches before it did.
    struct Attribute
    {
        std::unique_ptr<Series> series; // while watched
        int watchers = 0;
        qint32 ref = -1;     // IdentityRegistry ref of its samples, once one arrived
        bool numeric = false; // a number arrived
        // Samples of it came with two refs (parts holding '/': "A/B"+"C" and "A"+"B/C"
        // make one key): a watch change then sets every ref's state again.
        bool refsShared = false;
    };
    enum RefState : quint8 { Unknown, NotWatched, Watched };
    Attribute &attributeFor(const PlantEvent &e, const AttributeSample &s, QString &prefix);
    void setRefState(qint32 ref, RefState state, Series *series);
    void refWatchChanged(const Attribute &a);
    void appendSample(Series &s, double t, double v, size_t cap);
    size_t m_maxPoints;
    size_t m_budgetBytes = kDefaultBudgetBytes;
    quint64 m_droppedPoints = 0;
    size_t m_watchedCount = 0;
    qint64 m_liveFromMs = std::numeric_limits<qint64>::max(); // earliest event time append() met
    std::unordered_map<QString, Attribute> m_byKey;
    // By AttributeSample::seriesRef: whether watched (a byte a ref, so that the
    // check for the attributes no plot shows stays in the cache), and the series.
    std::vector<quint8> m_refState;
    std::vector<Series *> m_byRef;
};

} // namespace ndh
