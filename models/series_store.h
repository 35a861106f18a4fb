#pragma once
// Recent numeric samples per attribute for live plots, bounded per series and in
// total. Keys are attribute keys ("location/type/id/attribute"). Times are seconds
// since the epoch (double) as QCustomPlot's date-time axis wants them.
// Memory bound (issue 9, left running for weeks): each series keeps at most
// maxPointsPerSeries() samples, and all series together at most memoryBudget()
// bytes (16 bytes a sample): the per-series cap shrinks as series are added. Past
// the cap a series drops its oldest half; droppedPoints() counts what was dropped
// (the history store keeps the older detail, DESIGN.md §5).
// Lookup per sample: by the sample's IdentityRegistry ref (one index) once the
// series was found by its key the first time; samples without a ref by their key.

#include "plant_event.h"

#include <QHash>
#include <QString>

#include <memory>
#include <span>
#include <vector>

namespace ndh {

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

    // Appends every numeric attribute sample of the events.
    void append(std::span<const PlantEvent> events);
    void append(const std::vector<PlantEvent> &events) { append(std::span<const PlantEvent>(events)); }
    void clear();

    const Series *find(const QString &attributeKey) const;
    QStringList keys() const;
    size_t seriesCount() const { return m_all.size(); }
    size_t maxPointsPerSeries() const { return m_maxPoints; }
    // Bytes held by the samples (allocated capacity of every series).
    size_t memoryBytes() const;
    void setMemoryBudget(size_t bytes);
    size_t memoryBudget() const { return m_budgetBytes; }
    // The cap in force now: maxPointsPerSeries(), lowered so that every series at
    // its cap fits the budget.
    size_t effectivePointsPerSeries() const;
    quint64 droppedPoints() const { return m_droppedPoints; }

private:
    Series &seriesFor(const PlantEvent &e, const AttributeSample &s, QString &prefix);
    void appendSample(Series &s, double t, double v, size_t cap);
    size_t m_maxPoints;
    size_t m_budgetBytes = kDefaultBudgetBytes;
    quint64 m_droppedPoints = 0;
    std::vector<std::unique_ptr<Series>> m_all; // owns every series; never moves one
    QHash<QString, Series *> m_byKey;
    std::vector<Series *> m_byRef; // AttributeSample::seriesRef -> series (nullptr: not met yet)
};

} // namespace ndh
