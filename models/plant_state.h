#pragma once
// The state of the whole plant as a fold over events in event-time order. Used by
// `ndhctl state` and by tests as the reference answer; the history engine builds
// on the same apply() so live and replayed state cannot disagree.

#include "alarm_state_machine.h"
#include "plant_event.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <vector>

namespace ndh {

struct AssetState
{
    AssetPath path;
    QString lifecycle;
    std::map<QString, AttributeValue> attributes; // sorted by name
    std::map<QString, QString> units;
    qint64 updatedMs = 0; // event time of the newest event applied
};

class PlantState
{
public:
    // Applies one event on top of the current state (callers order events).
    void apply(const PlantEvent &event);

    const std::map<QString, AssetState> &assets() const { return m_assets; } // by asset key
    const AlarmStateMachine &alarms() const { return m_alarms; }

    // For builders that know the state without a replay (the history engine).
    AssetState &assetState(const AssetPath &path);
    void setAlarms(const AlarmStateMachine &alarms) { m_alarms = alarms; }

    // {"at","assets":[...],"alarms":[...],"rejected":N} as `ndhctl state` prints it.
    nlohmann::json toJson(qint64 atMs, quint64 rejected) const;

private:
    std::map<QString, AssetState> m_assets;
    AlarmStateMachine m_alarms;
};

// Collects events in any arrival order and answers "state at t": every event with
// event time <= t applied in event-time order, ties in arrival order, each message
// id once.
class EventTimeline
{
public:
    void add(PlantEvent event); // duplicates (same message id) are ignored
    PlantState stateAt(qint64 atMs) const;
    qint64 latestEventMs() const { return m_latestMs; }
    size_t size() const { return m_events.size(); }
    const std::vector<PlantEvent> &events() const { return m_events; } // arrival order, each id once
    quint64 duplicates() const { return m_duplicates; }

private:
    std::vector<PlantEvent> m_events;
    QSet<QString> m_seenIds;
    qint64 m_latestMs = 0;
    quint64 m_duplicates = 0;
};

} // namespace ndh
