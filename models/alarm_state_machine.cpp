#include "alarm_state_machine.h"

#include <QCoreApplication>

namespace ndh {

QString isaStateKey(IsaState state)
{
    switch (state) {
    case IsaState::Normal: return QStringLiteral("normal");
    case IsaState::Unack: return QStringLiteral("unack");
    case IsaState::Acked: return QStringLiteral("acked");
    case IsaState::RtnUnack: return QStringLiteral("rtn-unack");
    case IsaState::LatchedUnack: return QStringLiteral("latched-unack");
    case IsaState::LatchedAcked: return QStringLiteral("latched-acked");
    case IsaState::Shelved: return QStringLiteral("shelved");
    case IsaState::Suppressed: return QStringLiteral("suppressed");
    case IsaState::OutOfService: return QStringLiteral("out-of-service");
    }
    return {};
}

QString isaStateName(IsaState state)
{
    const char *text = "";
    switch (state) {
    case IsaState::Normal: text = QT_TRANSLATE_NOOP("ndh::IsaState", "Normal"); break;
    case IsaState::Unack: text = QT_TRANSLATE_NOOP("ndh::IsaState", "Unack"); break;
    case IsaState::Acked: text = QT_TRANSLATE_NOOP("ndh::IsaState", "Acked"); break;
    case IsaState::RtnUnack: text = QT_TRANSLATE_NOOP("ndh::IsaState", "RTN-Unack"); break;
    case IsaState::LatchedUnack: text = QT_TRANSLATE_NOOP("ndh::IsaState", "Latched-Unack"); break;
    case IsaState::LatchedAcked: text = QT_TRANSLATE_NOOP("ndh::IsaState", "Latched-Acked"); break;
    case IsaState::Shelved: text = QT_TRANSLATE_NOOP("ndh::IsaState", "Shelved"); break;
    case IsaState::Suppressed: text = QT_TRANSLATE_NOOP("ndh::IsaState", "Suppressed"); break;
    case IsaState::OutOfService: text = QT_TRANSLATE_NOOP("ndh::IsaState", "Out-of-service"); break;
    }
    return QCoreApplication::translate("ndh::IsaState", text);
}

bool needsAttention(IsaState state)
{
    switch (state) {
    case IsaState::Unack:
    case IsaState::Acked:
    case IsaState::RtnUnack:
    case IsaState::LatchedUnack:
    case IsaState::LatchedAcked:
        return true;
    default:
        return false;
    }
}

IsaState Alarm::stateAt(qint64 nowMs) const
{
    // Precedence of ISA-18.2: out of service, then suppressed by design, then shelved.
    if (outOfService)
        return IsaState::OutOfService;
    if (suppressed)
        return IsaState::Suppressed;
    if (nowMs < shelvedUntilMs)
        return IsaState::Shelved;
    if (active)
        return acknowledged ? IsaState::Acked : IsaState::Unack;
    if (latched)
        return acknowledged ? IsaState::LatchedAcked : IsaState::LatchedUnack;
    return acknowledged ? IsaState::Normal : IsaState::RtnUnack;
}

std::optional<AlarmTransition> alarmTransitionFrom(const PlantEvent &event)
{
    AlarmTransition t;
    switch (event.kind) {
    case EventKind::AlarmTriggered: t.action = AlarmAction::Trigger; break;
    case EventKind::AlarmCleared: t.action = AlarmAction::Clear; break;
    case EventKind::AlarmAcknowledged: t.action = AlarmAction::Acknowledge; break;
    case EventKind::AlarmShelved: t.action = AlarmAction::Shelve; break;
    case EventKind::AlarmUnshelved: t.action = AlarmAction::Unshelve; break;
    case EventKind::AlarmSuppressed: t.action = AlarmAction::Suppress; break;
    case EventKind::AlarmUnsuppressed: t.action = AlarmAction::Unsuppress; break;
    case EventKind::AlarmRemovedFromService: t.action = AlarmAction::RemoveFromService; break;
    case EventKind::AlarmReturnedToService: t.action = AlarmAction::ReturnToService; break;
    case EventKind::AlarmReset: t.action = AlarmAction::Reset; break;
    default: return std::nullopt;
    }
    if (!event.alarm)
        return std::nullopt;
    t.messageId = event.messageId;
    t.timeMs = event.eventTimeMs;
    t.asset = event.asset;
    t.info = *event.alarm;
    t.latching = event.alarm->latching;
    t.shelveUntilMs = event.alarm->shelvedUntilMs;
    t.source = event.source;
    return t;
}

QString AlarmStateMachine::keyFor(const AssetPath &asset, const QString &alarmId)
{
    return asset.key() + u'#' + alarmId;
}

const Alarm *AlarmStateMachine::find(const QString &key) const
{
    const int i = m_index.value(key, -1);
    return i < 0 ? nullptr : &m_alarms[size_t(i)];
}

void AlarmStateMachine::clear()
{
    m_alarms.clear();
    m_index.clear();
    m_seen.clear();
    m_activations.clear();
    m_duplicates = 0;
}

bool AlarmStateMachine::apply(const PlantEvent &event)
{
    const auto t = alarmTransitionFrom(event);
    return t && apply(*t);
}

bool AlarmStateMachine::apply(const AlarmTransition &t)
{
    if (!t.messageId.isEmpty()) {
        // The same record via Kafka and Redis, or a redelivery, counts once.
        if (m_seen.contains(t.messageId)) {
            ++m_duplicates;
            return false;
        }
        m_seen.insert(t.messageId);
    }
    const QString key = keyFor(t.asset, t.info.alarmId);
    int i = m_index.value(key, -1);
    if (i < 0) {
        i = int(m_alarms.size());
        Alarm a;
        a.key = key;
        a.asset = t.asset;
        a.alarmId = t.info.alarmId;
        m_alarms.push_back(std::move(a));
        m_index.insert(key, i);
    }
    Alarm &a = m_alarms[size_t(i)];
    const Alarm before = a;

    // Descriptive fields follow the newest record that carries them.
    const auto describe = [&a, &t] {
        if (!t.info.alarmType.isEmpty())
            a.alarmType = t.info.alarmType;
        if (!t.info.message.isEmpty())
            a.message = t.info.message;
        if (!t.info.attribute.isEmpty())
            a.attribute = t.info.attribute;
        if (t.info.priority != 0)
            a.priority = t.info.priority;
    };

    switch (t.action) {
    case AlarmAction::Trigger:
        describe();
        // An activation nobody acknowledged yet, even if it arrives after its clear
        // (then the alarm is RTN-Unack: it happened and no one saw it).
        if (t.timeMs > a.lastAckMs)
            a.acknowledged = false;
        // A trigger is a new activation unless the alarm is already active from an
        // earlier trigger (a repeat of the same condition is not a new alarm).
        if (t.timeMs > a.lastTriggerMs) {
            if (!before.active || before.acknowledged) {
                ++a.activations;
                m_activations.push_back({t.timeMs, i});
            }
            a.lastTriggerMs = t.timeMs;
            a.raisedMs = t.timeMs;
            a.valueAtTrigger = t.info.value;
        }
        if (t.latching)
            a.latching = true;
        if (t.timeMs >= a.lastProcessMs) {
            a.lastProcessMs = t.timeMs;
            a.active = true;
        }
        if (a.latching)
            a.latched = true;
        break;
    case AlarmAction::Clear:
        describe();
        // A clear older than the newest trigger does not end that newer activation.
        if (t.timeMs >= a.lastProcessMs) {
            a.lastProcessMs = t.timeMs;
            a.active = false;
        }
        break;
    case AlarmAction::Acknowledge:
        // Acknowledges the activations up to its own time; a later one stays unacked.
        if (t.timeMs > a.lastAckMs)
            a.lastAckMs = t.timeMs;
        if (t.timeMs >= a.lastTriggerMs)
            a.acknowledged = true;
        break;
    case AlarmAction::Shelve:
        a.shelvedUntilMs = t.shelveUntilMs > 0 ? t.shelveUntilMs : std::numeric_limits<qint64>::max();
        break;
    case AlarmAction::Unshelve:
        a.shelvedUntilMs = 0;
        break;
    case AlarmAction::Suppress:
        a.suppressed = true;
        break;
    case AlarmAction::Unsuppress:
        a.suppressed = false;
        break;
    case AlarmAction::RemoveFromService:
        a.outOfService = true;
        break;
    case AlarmAction::ReturnToService:
        a.outOfService = false;
        a.shelvedUntilMs = 0;
        break;
    case AlarmAction::Reset:
        // Only a latch whose condition has gone can be reset; resetting is the
        // operator's acknowledgement of it.
        if (!a.active && a.latched) {
            a.latched = false;
            a.acknowledged = true;
            a.lastAckMs = std::max(a.lastAckMs, t.timeMs);
        }
        break;
    }
    if (!t.info.operatorName.isEmpty())
        a.lastOperator = t.info.operatorName;
    if (!t.info.comment.isEmpty())
        a.lastComment = t.info.comment;

    const bool changed = before.active != a.active || before.acknowledged != a.acknowledged
                         || before.latched != a.latched || before.suppressed != a.suppressed
                         || before.outOfService != a.outOfService || before.shelvedUntilMs != a.shelvedUntilMs
                         || before.activations != a.activations || before.message != a.message
                         || before.priority != a.priority;
    if (changed || t.timeMs > a.lastChangeMs) {
        a.lastChangeMs = std::max(a.lastChangeMs, t.timeMs);
        a.lastSource = t.source;
    }
    return changed;
}

} // namespace ndh
