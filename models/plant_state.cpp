#include "plant_state.h"

#include "envelope_decoder.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <numeric>
#include <tuple>

namespace ndh {

QString AlarmState::stateLabel() const
{
    if (active)
        return acknowledged ? QStringLiteral("acked") : QStringLiteral("unack");
    return acknowledged ? QStringLiteral("normal") : QStringLiteral("rtn-unack");
}

void PlantState::apply(const PlantEvent &event)
{
    // Commands and system notices say nothing about an asset's state.
    switch (event.kind) {
    case EventKind::CommandRequest:
    case EventKind::CommandResponse:
    case EventKind::CommandFailed:
    case EventKind::System:
        return;
    default:
        break;
    }
    const QString key = event.asset.key();
    AssetState &asset = m_assets[key];
    if (asset.path.id.isEmpty())
        asset.path = event.asset;
    asset.updatedMs = std::max(asset.updatedMs, event.eventTimeMs);

    switch (event.kind) {
    case EventKind::Snapshot:
        // A snapshot is the asset's whole state (reference 000: attributes replaced).
        asset.attributes.clear();
        [[fallthrough]];
    case EventKind::AttributeUpdate:
    case EventKind::Lifecycle:
        for (const AttributeSample &s : event.attributes) {
            asset.attributes[s.name] = s.value;
            if (!s.unit.isEmpty())
                asset.units[s.name] = s.unit;
        }
        if (!event.lifecycle.isEmpty())
            asset.lifecycle = event.lifecycle;
        break;
    case EventKind::AlarmTriggered:
    case EventKind::AlarmCleared:
    case EventKind::AlarmAcknowledged: {
        if (!event.alarm)
            break;
        AlarmState &alarm = m_alarms[key + u'#' + event.alarm->alarmId];
        alarm.assetKey = key;
        alarm.alarmId = event.alarm->alarmId;
        if (event.alarm->priority != 0)
            alarm.priority = event.alarm->priority;
        if (!event.alarm->message.isEmpty())
            alarm.message = event.alarm->message;
        alarm.changedMs = event.eventTimeMs;
        if (event.kind == EventKind::AlarmTriggered) {
            // A new activation needs a new acknowledgement.
            if (!alarm.active)
                alarm.acknowledged = false;
            alarm.active = true;
        } else if (event.kind == EventKind::AlarmCleared) {
            alarm.active = false;
        } else {
            alarm.acknowledged = true;
        }
        break;
    }
    default:
        break;
    }
}

namespace {

nlohmann::json valueJson(const AttributeValue &v)
{
    if (const auto *d = std::get_if<double>(&v))
        return *d;
    if (const auto *i = std::get_if<qint64>(&v))
        return *i;
    if (const auto *b = std::get_if<bool>(&v))
        return *b;
    if (const auto *s = std::get_if<QString>(&v))
        return s->toStdString();
    return nullptr;
}

} // namespace

nlohmann::json PlantState::toJson(qint64 atMs, quint64 rejected) const
{
    using nlohmann::json;
    std::vector<const AssetState *> sorted;
    sorted.reserve(m_assets.size());
    for (const auto &[key, asset] : m_assets)
        sorted.push_back(&asset);
    std::sort(sorted.begin(), sorted.end(), [](const AssetState *a, const AssetState *b) {
        return std::tie(a->path.location, a->path.type, a->path.id)
               < std::tie(b->path.location, b->path.type, b->path.id);
    });
    json assets = json::array();
    for (const AssetState *a : sorted) {
        json attributes = json::object();
        for (const auto &[name, value] : a->attributes)
            attributes[name.toStdString()] = valueJson(value);
        assets.push_back({{"location", a->path.location.toStdString()},
                          {"type", a->path.type.toStdString()},
                          {"id", a->path.id.toStdString()},
                          {"lifecycle", a->lifecycle.isEmpty() ? json(nullptr) : json(a->lifecycle.toStdString())},
                          {"attributes", std::move(attributes)},
                          {"updated", formatTimestampMs(a->updatedMs).toStdString()}});
    }
    // Alarms back in normal (inactive and acknowledged) need no one's attention.
    json alarms = json::array();
    for (const auto &[key, alarm] : m_alarms) {
        if (!alarm.active && alarm.acknowledged)
            continue;
        const auto asset = m_assets.find(alarm.assetKey);
        alarms.push_back({{"asset", asset != m_assets.end() ? asset->second.path.id.toStdString() : std::string()},
                          {"path", alarm.assetKey.toStdString()},
                          {"alarm_id", alarm.alarmId.toStdString()},
                          {"state", alarm.stateLabel().toStdString()},
                          {"priority", priorityName(alarm.priority).toStdString()}});
    }
    return {{"at", formatTimestampMs(atMs).toStdString()},
            {"assets", std::move(assets)},
            {"alarms", std::move(alarms)},
            {"rejected", rejected}};
}

void EventTimeline::add(PlantEvent event)
{
    if (!event.messageId.isEmpty()) {
        if (m_seenIds.contains(event.messageId)) {
            ++m_duplicates;
            return;
        }
        m_seenIds.insert(event.messageId);
    }
    m_latestMs = std::max(m_latestMs, event.eventTimeMs);
    m_events.push_back(std::move(event));
}

PlantState EventTimeline::stateAt(qint64 atMs) const
{
    std::vector<size_t> order(m_events.size());
    std::iota(order.begin(), order.end(), size_t(0));
    // Stable: events with equal event time keep their arrival order.
    std::stable_sort(order.begin(), order.end(),
                     [this](size_t a, size_t b) { return m_events[a].eventTimeMs < m_events[b].eventTimeMs; });
    PlantState state;
    for (size_t i : order) {
        if (m_events[i].eventTimeMs > atMs)
            break;
        state.apply(m_events[i]);
    }
    return state;
}

} // namespace ndh
