#pragma once
// The standard topic names of DESIGN.md §1 in one place, so the broker, the
// simulator, the consumer and the CLI agree on them.

#include "plant_event.h"

#include <QStringList>

namespace ndh::topics {

inline constexpr auto kStateSnapshot = "ndh.assets.state.snapshot";
inline constexpr auto kStateChanged = "ndh.assets.state.changed";
inline constexpr auto kAttributeChanged = "ndh.assets.state.attribute_changed";
inline constexpr auto kAlarmTriggered = "ndh.assets.alarms.triggered";
inline constexpr auto kAlarmCleared = "ndh.assets.alarms.cleared";
inline constexpr auto kAlarmAcknowledged = "ndh.assets.alarms.acknowledged";
// Operator actions published by consoles (ISA-18.2 shelving and service state); the
// acknowledge and latched reset actions go to kAlarmAcknowledged.
inline constexpr auto kAlarmShelved = "ndh.assets.alarms.shelved";
inline constexpr auto kAlarmService = "ndh.assets.alarms.service";
inline constexpr auto kCommandRequest = "ndh.assets.commands.request";
inline constexpr auto kCommandResponse = "ndh.assets.commands.response";
inline constexpr auto kCommandFailed = "ndh.assets.commands.failed";
inline constexpr auto kHistoryValue = "ndh.assets.history.value";
inline constexpr auto kDroneEvents = "drone-events";
inline constexpr auto kTaskEvents = "task-events";
inline constexpr auto kAlertEvents = "alert-events";
inline constexpr auto kSystemEvents = "system-events";
inline constexpr auto kMonitoringData = "monitoring-data";
inline constexpr auto kDomainEvents = "domain-events";

// Every NDH topic of DESIGN.md §1.1 (ndh.<domain>.<entity>.<event>).
QStringList ndhTopics();
// Drone topics of §1.2.
QStringList droneTopics();
// All topics the console consumes by default and `ndhctl broker` creates:
// NDH, drone, and the domain-event topic, plus the alarm-action topics.
QStringList standardTopics();
// Note: there is deliberately no per-topic default envelope. DESIGN.md §1: sniffing is
// the default; a ConsumerConfig::topicEnvelopes rule pins a topic when configured.

} // namespace ndh::topics
