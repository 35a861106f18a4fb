#pragma once
// ISA-18.2 / IEC 62682 alarm states as orthogonal flags per alarm (active,
// acknowledged, latched, shelved-until, suppressed, out-of-service), from which the
// state label is derived. Transitions are applied idempotently (message ids) and
// order-independently (event times), so every console that reads the same topics,
// in whatever order, converges on the same states.

#include "plant_event.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <limits>
#include <vector>

namespace ndh {

enum class AlarmAction : quint8 {
    Trigger,
    Clear,
    Acknowledge,
    Shelve,
    Unshelve,
    Suppress,
    Unsuppress,
    RemoveFromService,
    ReturnToService,
    Reset, // latched alarm reset by an operator
};

enum class IsaState : quint8 {
    Normal,
    Unack,
    Acked,
    RtnUnack,
    LatchedUnack,
    LatchedAcked,
    Shelved,
    Suppressed,
    OutOfService,
};
QString isaStateKey(IsaState state);  // "normal", "unack", "rtn-unack", ... (stable, for JSON)
QString isaStateName(IsaState state); // "Normal", "Unack", "RTN-Unack", ... (for people)
bool needsAttention(IsaState state);  // Unack, RTN-Unack, Latched-Unack, Acked, Latched-Acked

struct AlarmTransition
{
    QString messageId;
    AlarmAction action = AlarmAction::Trigger;
    qint64 timeMs = 0;
    AssetPath asset;
    AlarmInfo info;
    bool latching = false;    // Trigger: the alarm latches until reset
    qint64 shelveUntilMs = 0; // Shelve: expiry
    EventSource source;
};

// Reads an alarm transition out of a decoded event; nullopt for other kinds.
std::optional<AlarmTransition> alarmTransitionFrom(const PlantEvent &event);

struct Alarm
{
    static constexpr qint64 kNever = std::numeric_limits<qint64>::min();

    QString key; // asset key + '#' + alarm id
    AssetPath asset;
    QString alarmId;
    QString alarmType;
    QString message;
    QString attribute;
    int priority = 0;
    AttributeValue valueAtTrigger;

    bool active = false;
    bool acknowledged = true;
    bool latching = false;
    bool latched = false;
    bool suppressed = false;
    bool outOfService = false;
    qint64 shelvedUntilMs = 0; // shelved while now < shelvedUntilMs

    qint64 raisedMs = 0;     // newest activation
    qint64 lastProcessMs = kNever; // newest trigger/clear applied to `active`
    qint64 lastTriggerMs = kNever;
    qint64 lastAckMs = kNever;
    qint64 lastChangeMs = 0; // newest transition of any kind
    quint32 activations = 0;
    QString lastOperator;
    QString lastComment;
    EventSource lastSource; // the record behind the newest transition

    IsaState stateAt(qint64 nowMs) const;
};

// One activation (a new trigger) of an alarm, for KPIs: alarm rates, floods,
// chattering and top contributors are all counted over activations.
struct AlarmActivation
{
    qint64 timeMs = 0;
    int alarmIndex = 0; // into AlarmStateMachine::alarms()
};

class AlarmStateMachine
{
public:
    // Applies one transition; false when it changed nothing (duplicate, stale, or
    // an action that does not apply, such as acknowledging an acknowledged alarm).
    bool apply(const AlarmTransition &transition);
    bool apply(const PlantEvent &event);

    const Alarm *find(const QString &key) const;
    const std::vector<Alarm> &alarms() const { return m_alarms; } // in order of first appearance
    int indexOf(const QString &key) const { return m_index.value(key, -1); }
    quint64 duplicates() const { return m_duplicates; }
    // Every activation seen, in arrival order (not necessarily time order).
    const std::vector<AlarmActivation> &activations() const { return m_activations; }
    void clear();

    static QString keyFor(const AssetPath &asset, const QString &alarmId);

private:
    std::vector<Alarm> m_alarms;
    QHash<QString, int> m_index;
    QSet<QString> m_seen;
    std::vector<AlarmActivation> m_activations;
    quint64 m_duplicates = 0;
};

} // namespace ndh
