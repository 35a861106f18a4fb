#include "alarm_kpis.h"

#include <QHash>

#include <algorithm>

namespace ndh {

AlarmKpis AlarmKpis::compute(const AlarmStateMachine &machine, qint64 fromMs, qint64 toMs)
{
    AlarmKpis k;
    k.fromMs = fromMs;
    k.toMs = toMs;
    const auto &alarms = machine.alarms();

    // Activations within the range, plus the 10 minutes before it so a flood that
    // began earlier is seen as ongoing at fromMs.
    std::vector<AlarmActivation> acts;
    for (const AlarmActivation &a : machine.activations()) {
        if (a.timeMs > toMs || a.timeMs < fromMs - kWindowMs)
            continue;
        acts.push_back(a);
    }
    std::sort(acts.begin(), acts.end(), [](const AlarmActivation &a, const AlarmActivation &b) {
        return a.timeMs < b.timeMs;
    });

    QHash<int, std::vector<qint64>> perAlarm;
    for (const AlarmActivation &a : acts) {
        if (a.timeMs < fromMs)
            continue;
        ++k.activations;
        if (a.timeMs > toMs - kWindowMs)
            ++k.lastTenMinutes;
        perAlarm[a.alarmIndex].push_back(a.timeMs);
        const int p = alarms[size_t(a.alarmIndex)].priority;
        ++k.byPriority[size_t(p >= 1 && p <= 4 ? p : 0)];
    }
    const qint64 span = std::max<qint64>(toMs - fromMs, 1);
    k.perTenMinutes = double(k.activations) * double(kWindowMs) / double(span);

    // Flood: sweep activations entering and leaving a sliding 10-minute window.
    struct Edge
    {
        qint64 t;
        int delta;
    };
    std::vector<Edge> edges;
    edges.reserve(acts.size() * 2);
    for (const AlarmActivation &a : acts) {
        edges.push_back({a.timeMs, +1});
        edges.push_back({a.timeMs + kWindowMs, -1});
    }
    // Leaving before entering at the same instant: the window is (t - 10 min, t].
    std::sort(edges.begin(), edges.end(), [](const Edge &a, const Edge &b) {
        return a.t != b.t ? a.t < b.t : a.delta < b.delta;
    });
    int inWindow = 0;
    bool flood = false;
    FloodEpisode current;
    for (const Edge &e : edges) {
        if (e.t > toMs)
            break;
        inWindow += e.delta;
        if (!flood && inWindow > kFloodStartAbove) {
            flood = true;
            current = {e.t, 0};
        } else if (flood && inWindow < kFloodEndBelow) {
            flood = false;
            current.endMs = e.t;
            if (current.endMs >= fromMs)
                k.floods.push_back(current);
        }
    }
    if (flood)
        k.floods.push_back(current);
    k.inFlood = flood;
    for (const FloodEpisode &f : k.floods) {
        const qint64 start = std::max(f.startMs, fromMs);
        const qint64 end = f.endMs == 0 ? toMs : std::min(f.endMs, toMs);
        k.timeInFloodMs += std::max<qint64>(0, end - start);
    }

    // Top contributors and chattering.
    for (auto it = perAlarm.cbegin(); it != perAlarm.cend(); ++it) {
        const QString &key = alarms[size_t(it.key())].key;
        k.top.push_back({key, int(it->size())});
        const auto &times = *it; // sorted: acts were sorted
        for (size_t i = 0, j = 0; j < times.size(); ++j) {
            while (times[j] - times[i] >= kChatterWindowMs)
                ++i;
            if (int(j - i + 1) > kChatterAbove) {
                k.chattering.push_back(key);
                break;
            }
        }
    }
    std::sort(k.top.begin(), k.top.end(), [](const Contributor &a, const Contributor &b) {
        return a.activations != b.activations ? a.activations > b.activations : a.alarmKey < b.alarmKey;
    });
    if (k.top.size() > 10)
        k.top.resize(10);
    std::sort(k.chattering.begin(), k.chattering.end());

    for (const Alarm &a : alarms) {
        if (a.active && a.raisedMs <= toMs && toMs - a.raisedMs > kStaleMs)
            k.stale.push_back(a.key);
    }
    return k;
}

} // namespace ndh
