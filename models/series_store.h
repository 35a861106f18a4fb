#pragma once
// Recent numeric samples per attribute for live plots, bounded per series. Keys are
// attribute keys ("location/type/id/attribute"). Times are seconds since the epoch
// (double) as QCustomPlot's date-time axis wants them.

#include "plant_event.h"

#include <QHash>
#include <QString>

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
        quint64 endIndex() const { return firstIndex + t.size(); }
    };

    explicit SeriesStore(size_t maxPointsPerSeries = 200000);

    // Appends every numeric attribute sample of the events.
    void append(const std::vector<PlantEvent> &events);
    void clear();

    const Series *find(const QString &attributeKey) const;
    QStringList keys() const;
    size_t seriesCount() const { return m_series.size(); }
    size_t maxPointsPerSeries() const { return m_maxPoints; }
    // Bytes held by the samples (allocated capacity of every series).
    size_t memoryBytes() const;

private:
    void appendSample(const QString &key, double t, double v);
    size_t m_maxPoints;
    QHash<QString, Series> m_series;
};

} // namespace ndh
