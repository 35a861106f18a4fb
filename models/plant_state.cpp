#include "plant_state.h"

#include "envelope_decoder.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <numeric>
#include <tuple>

namespace ndh {

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
    AssetState &asset = assetState(event.asset);
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
    default:
        m_alarms.apply(event);
        break;
    }
}

AssetState &PlantState::assetState(const AssetPath &path)
{
    AssetState &asset = m_assets[path.key()];
    if (asset.path.id.isEmpty())
        asset.path = path;
    return asset;
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
    // Alarms back in normal need no one's attention; every other state is reported.
    json alarms = json::array();
    for (const Alarm &alarm : m_alarms.alarms()) {
        const IsaState state = alarm.stateAt(atMs);
        if (state == IsaState::Normal)
            continue;
        alarms.push_back({{"asset", alarm.asset.id.toStdString()},
                          {"path", alarm.asset.key().toStdString()},
                          {"alarm_id", alarm.alarmId.toStdString()},
                          {"state", isaStateKey(state).toStdString()},
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
