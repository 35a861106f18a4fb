#include "series_store.h"

#include <QStringList>

namespace ndh {

SeriesStore::SeriesStore(size_t maxPointsPerSeries)
    : m_maxPoints(std::max<size_t>(maxPointsPerSeries, 16))
{
}

void SeriesStore::append(const std::vector<PlantEvent> &events)
{
    for (const PlantEvent &e : events) {
        if (e.attributes.empty())
            continue;
        const double t = double(e.eventTimeMs) / 1000.0;
        QString prefix; // built once per event, only when a numeric sample needs it
        for (const AttributeSample &s : e.attributes) {
            // Strings that merely look numeric ("OK", "42 rpm") are not plotted.
            if (std::holds_alternative<QString>(s.value) || isNull(s.value))
                continue;
            const auto v = numericValue(s.value);
            if (!v)
                continue;
            if (prefix.isEmpty())
                prefix = e.asset.key() + u'/';
            appendSample(prefix + s.name, t, *v);
        }
    }
}

void SeriesStore::appendSample(const QString &key, double t, double v)
{
    Series &s = m_series[key];
    if (s.t.size() >= m_maxPoints) {
        // Drop the oldest half at once: amortised O(1) per sample, and plots only
        // need to notice that firstIndex moved.
        const size_t drop = s.t.size() / 2;
        s.t.erase(s.t.begin(), s.t.begin() + std::ptrdiff_t(drop));
        s.v.erase(s.v.begin(), s.v.begin() + std::ptrdiff_t(drop));
        s.firstIndex += drop;
    }
    s.t.push_back(t);
    s.v.push_back(v);
}

void SeriesStore::clear()
{
    m_series.clear();
}

const SeriesStore::Series *SeriesStore::find(const QString &attributeKey) const
{
    auto it = m_series.constFind(attributeKey);
    return it == m_series.constEnd() ? nullptr : &*it;
}

size_t SeriesStore::memoryBytes() const
{
    size_t bytes = 0;
    for (const Series &s : m_series)
        bytes += (s.t.capacity() + s.v.capacity()) * sizeof(double);
    return bytes;
}

QStringList SeriesStore::keys() const
{
    return m_series.keys();
}

} // namespace ndh
