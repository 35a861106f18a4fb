#include "series_store.h"

#include <QStringList>

#include <algorithm>

namespace ndh {

SeriesStore::SeriesStore(size_t maxPointsPerSeries)
    : m_maxPoints(std::max<size_t>(maxPointsPerSeries, 16))
{
}

void SeriesStore::append(std::span<const PlantEvent> events)
{
    size_t cap = effectivePointsPerSeries();
    size_t seriesCount = m_all.size();
    for (const PlantEvent &e : events) {
        if (e.attributes.empty())
            continue;
        const double t = double(e.eventTimeMs) / 1000.0;
        QString prefix; // built once per event, only when a new series needs it
        for (const AttributeSample &s : e.attributes) {
            // Strings that merely look numeric ("OK", "42 rpm") are not plotted.
            if (std::holds_alternative<QString>(s.value) || isNull(s.value))
                continue;
            const auto v = numericValue(s.value);
            if (!v)
                continue;
            Series &series = seriesFor(e, s, prefix);
            if (m_all.size() != seriesCount) { // a new series lowers the cap
                seriesCount = m_all.size();
                cap = effectivePointsPerSeries();
            }
            appendSample(series, t, *v, cap);
        }
    }
}

SeriesStore::Series &SeriesStore::seriesFor(const PlantEvent &e, const AttributeSample &s, QString &prefix)
{
    const qint32 ref = s.seriesRef;
    if (ref >= 0 && size_t(ref) < m_byRef.size() && m_byRef[size_t(ref)])
        return *m_byRef[size_t(ref)];
    if (prefix.isEmpty())
        prefix = e.asset.key() + u'/';
    Series *&byKey = m_byKey[prefix + s.name];
    if (!byKey) {
        m_all.push_back(std::make_unique<Series>());
        byKey = m_all.back().get();
    }
    if (ref >= 0) {
        if (size_t(ref) >= m_byRef.size())
            m_byRef.resize(std::max(size_t(ref) + 1, m_byRef.size() * 2), nullptr);
        m_byRef[size_t(ref)] = byKey;
    }
    return *byKey;
}

size_t SeriesStore::effectivePointsPerSeries() const
{
    constexpr size_t kMinPoints = 16;
    const size_t series = std::max<size_t>(1, m_all.size());
    const size_t byBudget = m_budgetBytes / (2 * sizeof(double)) / series;
    return std::max(kMinPoints, std::min(m_maxPoints, byBudget));
}

void SeriesStore::setMemoryBudget(size_t bytes)
{
    m_budgetBytes = bytes;
}

void SeriesStore::appendSample(Series &s, double t, double v, size_t cap)
{
    if (s.t.size() >= cap) {
        // Drop down to half the cap at once: amortised O(1) per sample, and plots
        // only need to notice that firstIndex moved.
        const size_t drop = s.t.size() - cap / 2;
        s.t.erase(s.t.begin(), s.t.begin() + std::ptrdiff_t(drop));
        s.v.erase(s.v.begin(), s.v.begin() + std::ptrdiff_t(drop));
        s.firstIndex += drop;
        m_droppedPoints += drop;
        if (cap < m_maxPoints)
            s.droppedByBudget = true;
        if (s.t.capacity() > cap) { // the cap shrank (more series): give the memory back
            s.t.shrink_to_fit();
            s.v.shrink_to_fit();
        }
    }
    if (s.t.size() == s.t.capacity()) {
        // Grow by doubling, but never past the cap, so capacity stays within budget.
        const size_t want = std::min(cap, std::max<size_t>(16, s.t.size() * 2));
        s.t.reserve(want);
        s.v.reserve(want);
    }
    s.t.push_back(t);
    s.v.push_back(v);
}

void SeriesStore::clear()
{
    m_byKey.clear();
    m_byRef.clear();
    m_all.clear();
    m_droppedPoints = 0;
}

const SeriesStore::Series *SeriesStore::find(const QString &attributeKey) const
{
    return m_byKey.value(attributeKey, nullptr);
}

size_t SeriesStore::memoryBytes() const
{
    size_t bytes = 0;
    for (const auto &s : m_all)
        bytes += (s->t.capacity() + s->v.capacity()) * sizeof(double);
    return bytes;
}

QStringList SeriesStore::keys() const
{
    return m_byKey.keys();
}

} // namespace ndh
