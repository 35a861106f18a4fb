#include "series_store.h"

#include "history_store.h"

#include <QStringList>

#include <algorithm>

namespace ndh {

SeriesStore::SeriesStore(size_t maxPointsPerSeries)
    : m_maxPoints(std::max<size_t>(maxPointsPerSeries, 16))
{
}

SeriesStore::~SeriesStore() = default;

void SeriesStore::append(std::span<const PlantEvent> events)
{
    const size_t cap = effectivePointsPerSeries(); // changes with watch() only
    for (const PlantEvent &e : events) {
        if (e.attributes.empty())
            continue;
        m_liveFromMs = std::min(m_liveFromMs, e.eventTimeMs);
        const double t = double(e.eventTimeMs) / 1000.0;
        QString prefix; // built once per event, only when a new attribute needs it
        for (const AttributeSample &s : e.attributes) {
            // Strings that merely look numeric ("OK", "42 rpm") are not plotted.
            if (std::holds_alternative<QString>(s.value) || isNull(s.value))
                continue;
            const qint32 ref = s.seriesRef;
            Series *series = nullptr;
            if (ref >= 0 && size_t(ref) < m_refState.size() && m_refState[size_t(ref)] != Unknown) {
                if (m_refState[size_t(ref)] == NotWatched)
                    continue; // known, numeric, and no plot shows it
                series = m_byRef[size_t(ref)];
            } else {
                Attribute &a = attributeFor(e, s, prefix);
                series = a.series.get();
            }
            if (!series)
                continue;
            const auto v = numericValue(s.value);
            if (!v)
                continue;
            appendSample(*series, t, *v, cap);
        }
    }
}

// The attribute of a sample met by key: remembered as carrying numbers, and its
// ref's state set so that its next samples skip the key.
SeriesStore::Attribute &SeriesStore::attributeFor(const PlantEvent &e, const AttributeSample &s, QString &prefix)
{
    if (prefix.isEmpty())
        prefix = e.asset.key() + u'/';
    Attribute &a = m_byKey[prefix + s.name];
    a.numeric = true;
    if (s.seriesRef >= 0) {
        a.refsShared = a.refsShared || (a.ref >= 0 && a.ref != s.seriesRef);
        a.ref = s.seriesRef;
        setRefState(s.seriesRef, a.series ? Watched : NotWatched, a.series.get());
    }
    return a;
}

void SeriesStore::setRefState(qint32 ref, RefState state, Series *series)
{
    if (size_t(ref) >= m_refState.size()) {
        const size_t size = std::max(size_t(ref) + 1, m_refState.size() * 2);
        m_refState.resize(size, Unknown);
        m_byRef.resize(size, nullptr);
    }
    m_refState[size_t(ref)] = state;
    m_byRef[size_t(ref)] = series;
}

// The attribute's watch changed: its ref follows, or, when it had several, every
// ref is looked up by its key again on its next sample.
void SeriesStore::refWatchChanged(const Attribute &a)
{
    if (a.refsShared) {
        std::fill(m_refState.begin(), m_refState.end(), Unknown);
        std::fill(m_byRef.begin(), m_byRef.end(), nullptr);
    } else if (a.ref >= 0) {
        setRefState(a.ref, a.series ? Watched : NotWatched, a.series.get());
    }
}

void SeriesStore::watch(const QString &attributeKey, const HistoryStore *history)
{
    Attribute &a = m_byKey[attributeKey];
    if (a.watchers++ > 0)
        return;
    a.series = std::make_unique<Series>();
    ++m_watchedCount;
    refWatchChanged(a);
    if (history) {
        // Half the cap, as a series holds right after dropping its oldest half: room
        // for live samples before the first drop.
        Series &s = *a.series;
        history->recentPlotValues(attributeKey, m_liveFromMs, effectivePointsPerSeries() / 2, s.t, s.v);
    }
}

void SeriesStore::unwatch(const QString &attributeKey)
{
    const auto it = m_byKey.find(attributeKey);
    if (it == m_byKey.end() || it->second.watchers == 0)
        return;
    Attribute &a = it->second;
    if (--a.watchers > 0)
        return;
    a.series.reset();
    --m_watchedCount;
    refWatchChanged(a);
    if (!a.numeric)
        m_byKey.erase(it);
}

size_t SeriesStore::effectivePointsPerSeries() const
{
    constexpr size_t kMinPoints = 16;
    const size_t series = std::max<size_t>(1, m_watchedCount);
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
    for (auto it = m_byKey.begin(); it != m_byKey.end();) {
        Attribute &a = it->second;
        if (a.watchers == 0) {
            it = m_byKey.erase(it);
            continue;
        }
        *a.series = Series(); // empty: a plot sees endIndex() go back and starts over
        a.numeric = false;
        a.ref = -1;
        a.refsShared = false;
        ++it;
    }
    m_refState.clear();
    m_byRef.clear();
    m_droppedPoints = 0;
    m_liveFromMs = std::numeric_limits<qint64>::max();
}

const SeriesStore::Series *SeriesStore::find(const QString &attributeKey) const
{
    const auto it = m_byKey.find(attributeKey);
    return it == m_byKey.end() ? nullptr : it->second.series.get();
}

bool SeriesStore::carriesNumbers(const QString &attributeKey) const
{
    const auto it = m_byKey.find(attributeKey);
    return it != m_byKey.end() && it->second.numeric;
}

size_t SeriesStore::memoryBytes() const
{
    size_t bytes = 0;
    for (const auto &[key, a] : m_byKey) {
        if (a.series)
            bytes += (a.series->t.capacity() + a.series->v.capacity()) * sizeof(double);
    }
    return bytes;
}

QStringList SeriesStore::keys() const
{
    QStringList keys;
    for (const auto &[key, a] : m_byKey) {
        if (a.numeric)
            keys << key;
    }
    return keys;
}

} // namespace ndh
