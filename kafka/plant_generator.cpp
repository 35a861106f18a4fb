#include "plant_generator.h"

#include "envelope_decoder.h"
#include "topic_catalog.h"

#include <QUuid>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ndh {

namespace {

struct AttributeSpec
{
    const char *name;
    const char *unit;
    double base;
    double sigma;
    double min;
    double max;
    double alarmHigh;     // a "high" alarm when the value rises above this
    const char *severity; // "critical", "high", "medium", "low"
    bool integer;         // emitted as a JSON integer (rpm, %)
};

struct TypeSpec
{
    const char *type;
    const char *idPrefix;
    std::vector<AttributeSpec> attributes;
};

const std::vector<TypeSpec> &typeSpecs()
{
    static const std::vector<TypeSpec> specs = {
        {"Pump", "PUMP", {
            {"flow_rate", "m3/h", 120, 2.0, 0, 220, 165, "high", false},
            {"pressure", "bar", 6.0, 0.08, 0, 12, 8.5, "critical", false},
            {"temperature", "°C", 45, 0.4, 5, 120, 68, "high", false},
            {"vibration", "mm/s", 2.8, 0.15, 0, 20, 7.1, "medium", false}}},
        {"Motor", "MOTOR", {
            {"speed", "rpm", 1480, 6, 0, 1800, 1560, "medium", true},
            {"current", "A", 42, 0.6, 0, 90, 60, "high", false},
            {"temperature", "°C", 62, 0.5, 5, 150, 90, "critical", false},
            {"power", "kW", 22, 0.4, 0, 45, 32, "low", false}}},
        {"Compressor", "COMPRESSOR", {
            {"pressure", "bar", 7.5, 0.08, 0, 14, 9.5, "critical", false},
            {"temperature", "°C", 82, 0.5, 5, 160, 105, "high", false},
            {"power", "kW", 55, 0.8, 0, 110, 75, "medium", false},
            {"flow_rate", "m3/h", 300, 4, 0, 600, 420, "low", false}}},
        {"Conveyor", "CONVEYOR", {
            {"speed", "m/s", 1.5, 0.03, 0, 3, 2.1, "medium", false},
            {"current", "A", 12, 0.3, 0, 30, 18, "high", false},
            {"load", "%", 60, 2, 0, 120, 95, "high", true},
            {"temperature", "°C", 35, 0.3, 5, 100, 55, "low", false}}},
    };
    return specs;
}

const QStringList kLocations = {QStringLiteral("FACTORY_A"), QStringLiteral("FACTORY_B"),
                                QStringLiteral("WAREHOUSE_C")};
// Warehouse assets report their measurements through the warehouse service's domain
// events (reference 003) instead of the NDH hub, as a mixed plant does.
const QString kDomainLocation = QStringLiteral("WAREHOUSE_C");

// Mean reversion per update: slow in normal operation, faster during an excursion
// so that a disturbance visibly crosses its alarm limit within a few updates.
constexpr double kTheta = 0.1;
constexpr double kExcursionTheta = 0.3;
// Per attribute update. At the demo's 200 records/s this raises a few alarms a
// minute: enough to see the alarm list work, far from a flood (the flood and
// chattering scenarios are separate, see AlarmScenarios).
constexpr double kExcursionProbability = 0.001;

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

double round6(double v)
{
    return std::round(v * 1e6) / 1e6;
}

std::string str(const QString &s)
{
    return s.toStdString();
}

QString isoTime(qint64 ms)
{
    return formatTimestampMs(ms);
}

} // namespace

struct PlantGenerator::Attribute
{
    const AttributeSpec *spec = nullptr;
    double value = 0;   // the walk, unrounded
    double target = 0;  // where the walk is pulled to
    std::optional<double> setpoint; // an operator's set point replaces the base
    int excursionLeft = 0;
    bool alarmActive = false;

    nlohmann::ordered_json json() const
    {
        if (spec->integer)
            return qint64(std::llround(value));
        return round2(value);
    }
};

struct PlantGenerator::Asset
{
    AssetInfo info;
    QString uuid;
    QString lifecycle = QStringLiteral("active");
    QString mode = QStringLiteral("auto");
    std::vector<Attribute> attributes;
    QString lastDomainEventId;
};

struct PlantGenerator::Drone
{
    int id = 0;
    QString status = QStringLiteral("idle");
    double battery = 100;
    double latitude = 0;
    double longitude = 0;
    double altitude = 0;
    double speed = 0;
    double heading = 0;
    qint64 taskId = 0;
    int progress = 0;
    qint64 openAlertId = 0; // 0: no battery alert open
};

PlantGenerator::PlantGenerator(quint64 seed, int assets)
    : m_rng(seed)
    , m_seed(seed)
{
    const auto &specs = typeSpecs();
    std::vector<int> perType(specs.size(), 0);
    for (int i = 0; i < std::max(0, assets); ++i) {
        const size_t t = size_t(i) % specs.size();
        const TypeSpec &spec = specs[t];
        Asset a;
        a.info.id = QStringLiteral("%1_%2").arg(QLatin1String(spec.idPrefix)).arg(++perType[t], 3, 10, QChar(u'0'));
        a.info.type = QLatin1String(spec.type);
        a.info.location = kLocations[(i / int(specs.size())) % kLocations.size()];
        a.info.domainEnvelope = a.info.location == kDomainLocation;
        // Name-based UUID: the same asset has the same UUID in every run and seed.
        a.uuid = QUuid::createUuidV5(QUuid(QStringLiteral("6ba7b811-9dad-11d1-80b4-00c04fd430c8")),
                                     QStringLiteral("ndh:asset:") + a.info.id)
                     .toString(QUuid::WithoutBraces);
        for (const AttributeSpec &as : spec.attributes) {
            Attribute attr;
            attr.spec = &as;
            attr.value = as.base + as.sigma * 3 * (uniform() - 0.5);
            attr.target = as.base;
            a.attributes.push_back(attr);
        }
        m_assetInfo.push_back(a.info);
        m_assets.push_back(std::move(a));
    }
    for (int d = 1; d <= kDroneCount; ++d) {
        Drone drone;
        drone.id = d;
        drone.battery = 70 + 30 * uniform();
        drone.latitude = 25.0330 + 0.01 * d;
        drone.longitude = 121.5654 + 0.01 * d;
        m_drones.push_back(drone);
    }
}

PlantGenerator::~PlantGenerator() = default;

QStringList PlantGenerator::locations()
{
    return kLocations;
}

QStringList PlantGenerator::assetTypes()
{
    QStringList out;
    for (const TypeSpec &s : typeSpecs())
        out << QLatin1String(s.type);
    return out;
}

double PlantGenerator::uniform()
{
    return double(m_rng() >> 11) * (1.0 / 9007199254740992.0);
}

double PlantGenerator::normal()
{
    // Box-Muller, one draw per call: simple and identical on every platform.
    const double u1 = 1.0 - uniform(); // (0, 1]
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

int PlantGenerator::pick(int n)
{
    return n <= 1 ? 0 : int(uniform() * n) % n;
}

QString PlantGenerator::nextMessageId()
{
    // SplitMix64 over seed and counter: unique per message, reproducible per seed,
    // shaped as a version-4 UUID because consumers expect one.
    auto mix = [](quint64 z) {
        z += 0x9E3779B97F4A7C15ULL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    };
    const quint64 counter = ++m_idCounter;
    const quint64 hi = mix(m_seed * 0x100000001B3ULL ^ counter);
    const quint64 lo = mix(hi ^ (counter << 1));
    return QString::asprintf("%08llx-%04llx-4%03llx-%04llx-%012llx",
                             static_cast<unsigned long long>(hi >> 32),
                             static_cast<unsigned long long>((hi >> 16) & 0xFFFF),
                             static_cast<unsigned long long>(hi & 0xFFF),
                             static_cast<unsigned long long>(0x8000 | ((lo >> 48) & 0x3FFF)),
                             static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
}

PlantRecord PlantGenerator::next(qint64 nowMs)
{
    if (!m_started) {
        m_started = true;
        startup(nowMs);
    }
    while (m_pending.empty())
        step(nowMs);
    PlantRecord r = std::move(m_pending.front());
    m_pending.pop_front();
    ++m_generated;
    return r;
}

void PlantGenerator::push(const char *topic, const QString &key, const Json &doc, qint64 nowMs)
{
    PlantRecord r;
    r.topic = topic;
    r.key = key.toUtf8();
    r.payload = QByteArray::fromStdString(doc.dump());
    r.timestampMs = nowMs;
    m_pending.push_back(std::move(r));
}

QString PlantGenerator::emitNdh(const char *topic, const Asset &asset, qint64 nowMs, Json eventData,
                                const QString &correlationId, const QString &causationId)
{
    const QString id = nextMessageId();
    const QString t = QLatin1String(topic);
    // message_type names the topic's entity and event ("asset.state.attribute_changed");
    // event_type is the event alone, as in reference 000.
    Json doc;
    doc["message_id"] = str(id);
    doc["message_type"] = "asset." + str(t.section(u'.', 2));
    doc["timestamp"] = str(isoTime(nowMs));
    doc["source_orb"] = kSourceOrb;
    doc["asset_id"] = str(asset.info.id);
    doc["asset_uuid"] = str(asset.uuid);
    doc["asset_type"] = str(asset.info.type);
    doc["location"] = str(asset.info.location);
    doc["event_type"] = str(t.section(u'.', -1));
    doc["event_data"] = std::move(eventData);
    doc["correlation_id"] = str(correlationId.isEmpty() ? id : correlationId);
    doc["causation_id"] = causationId.isEmpty() ? Json(nullptr) : Json(str(causationId));
    doc["version"] = 1;
    push(topic, asset.info.id, doc, nowMs);
    return id;
}

void PlantGenerator::emitSnapshot(const Asset &asset, qint64 nowMs)
{
    Json attributes = Json::object();
    Json units = Json::object();
    for (const Attribute &a : asset.attributes) {
        attributes[a.spec->name] = a.json();
        units[a.spec->name] = a.spec->unit;
    }
    attributes["mode"] = str(asset.mode);
    attributes["running"] = asset.lifecycle == u"active";
    Json data;
    data["attributes"] = std::move(attributes);
    data["lifecycle_state"] = str(asset.lifecycle);
    data["units"] = std::move(units);
    emitNdh(topics::kStateSnapshot, asset, nowMs, std::move(data));
}

void PlantGenerator::emitDrone(const char *topic, const Drone &drone, const char *type, const char *source,
                               qint64 nowMs, Json data)
{
    Json doc;
    doc["id"] = str(nextMessageId());
    doc["type"] = type;
    doc["source"] = source;
    doc["timestamp"] = str(isoTime(nowMs));
    doc["data"] = std::move(data);
    push(topic, QString::number(drone.id), doc, nowMs);
}

void PlantGenerator::startup(qint64 nowMs)
{
    // The ORB announces itself as a system asset of its own.
    Asset orb;
    orb.info = {QLatin1String(kSourceOrb), QStringLiteral("ORB"), QStringLiteral("SYSTEM"), false};
    orb.uuid = QUuid::createUuidV5(QUuid(QStringLiteral("6ba7b811-9dad-11d1-80b4-00c04fd430c8")),
                                   QStringLiteral("ndh:orb:") + orb.info.id)
                   .toString(QUuid::WithoutBraces);
    Json orbData;
    orbData["orb_id"] = kSourceOrb;
    orbData["version"] = "1.0.0";
    orbData["assets"] = qint64(m_assets.size());
    const QString started = emitNdh("ndh.system.events.orb_started", orb, nowMs, std::move(orbData));

    for (const Asset &a : m_assets) {
        Json created;
        created["new_state"] = "created";
        created["reason"] = "registered";
        const QString createdId = emitNdh("ndh.assets.events.created", a, nowMs, std::move(created), started, started);
        Json activated;
        activated["old_state"] = "created";
        activated["new_state"] = "active";
        activated["reason"] = "commissioned";
        emitNdh("ndh.assets.events.activated", a, nowMs, std::move(activated), started, createdId);
        emitSnapshot(a, nowMs);
    }
    for (const Drone &d : m_drones) {
        Json data;
        data["drone_id"] = d.id;
        data["old_status"] = "offline";
        data["new_status"] = str(d.status);
        data["location"] = {{"latitude", round6(d.latitude)}, {"longitude", round6(d.longitude)},
                            {"altitude", round2(d.altitude)}};
        data["battery"] = qint64(std::llround(d.battery));
        emitDrone(topics::kDroneEvents, d, "drone.status.changed", "drone-control-service", nowMs, std::move(data));
    }
}

void PlantGenerator::step(qint64 nowMs)
{
    if ((m_scenarios.chattering || m_scenarios.flood) && scenarioStep(nowMs))
        return;
    const double r = uniform();
    if (m_assets.empty() || r >= 0.88) {
        droneStep(nowMs);
    } else if (r < 0.74) {
        attributeStep(nowMs);
    } else if (r < 0.79) {
        // Periodic snapshots, round robin, so a late joiner gets every asset's state.
        emitSnapshot(m_assets[size_t(m_snapshotCursor++) % m_assets.size()], nowMs);
    } else if (r < 0.81) {
        lifecycleStep(nowMs);
    } else if (r < 0.83) {
        modeStep(nowMs);
    } else {
        commandStep(nowMs);
    }
}

void PlantGenerator::attributeStep(qint64 nowMs)
{
    std::vector<size_t> active;
    for (size_t i = 0; i < m_assets.size(); ++i) {
        if (m_assets[i].lifecycle == u"active")
            active.push_back(i);
    }
    if (active.empty()) {
        lifecycleStep(nowMs);
        return;
    }
    Asset &asset = m_assets[active[size_t(pick(int(active.size())))]];
    Attribute &attr = asset.attributes[size_t(pick(int(asset.attributes.size())))];
    const AttributeSpec &spec = *attr.spec;

    const Json oldValue = attr.json();
    if (attr.excursionLeft > 0) {
        if (--attr.excursionLeft == 0)
            attr.target = attr.setpoint.value_or(spec.base);
    } else if (uniform() < kExcursionProbability) {
        // A disturbance: pull the value well past its alarm limit for a while.
        attr.target = spec.alarmHigh + (spec.alarmHigh - spec.base) * (0.3 + 0.4 * uniform());
        attr.excursionLeft = 6 + pick(10);
    }
    const double theta = attr.excursionLeft > 0 ? kExcursionTheta : kTheta;
    attr.value += theta * (attr.target - attr.value) + spec.sigma * normal();
    attr.value = std::clamp(attr.value, spec.min, spec.max);
    const Json newValue = attr.json();

    QString causeId;
    if (asset.info.domainEnvelope) {
        Json doc;
        causeId = nextMessageId();
        doc["event_id"] = str(causeId);
        doc["event_type"] = "AssetAttributeChanged";
        doc["aggregate_id"] = str(asset.info.id);
        doc["aggregate_type"] = str(asset.info.type);
        doc["event_version"] = 1;
        doc["timestamp"] = str(isoTime(nowMs));
        doc["metadata"] = {{"correlation_id", str(causeId)},
                           {"causation_id", asset.lastDomainEventId.isEmpty()
                                                ? Json(nullptr)
                                                : Json(str(asset.lastDomainEventId))},
                           {"user_id", "system"},
                           {"source_service", "warehouse-service"}};
        doc["payload"] = {{"location", str(asset.info.location)}, {"attribute", spec.name},
                          {"old_value", oldValue}, {"new_value", newValue}, {"unit", spec.unit}};
        asset.lastDomainEventId = causeId;
        push(topics::kDomainEvents, asset.info.id, doc, nowMs);
    } else {
        Json data;
        data["attribute"] = spec.name;
        data["old_value"] = oldValue;
        data["new_value"] = newValue;
        data["unit"] = spec.unit;
        causeId = emitNdh(topics::kAttributeChanged, asset, nowMs, std::move(data));
    }
    checkAlarm(asset, attr, nowMs, causeId);
}

void PlantGenerator::checkAlarm(Asset &asset, Attribute &attr, qint64 nowMs, const QString &causeId)
{
    const AttributeSpec &spec = *attr.spec;
    // Hysteresis: clear only a tenth of the way back towards normal, so a value
    // hovering at the limit does not chatter.
    const double deadband = 0.1 * (spec.alarmHigh - spec.base);
    const bool raise = !attr.alarmActive && attr.value > spec.alarmHigh;
    const bool clear = attr.alarmActive && attr.value < spec.alarmHigh - deadband;
    if (!raise && !clear)
        return;
    attr.alarmActive = raise;
    Json data;
    data["alarm_id"] = str(QStringLiteral("%1.%2.HI").arg(asset.info.id, QLatin1String(spec.name)));
    data["alarm_type"] = "high_limit";
    data["severity"] = spec.severity;
    data["message"] = raise ? str(QStringLiteral("%1 %2 above %3 %4")
                                       .arg(asset.info.id, QLatin1String(spec.name))
                                       .arg(spec.alarmHigh)
                                       .arg(QString::fromUtf8(spec.unit)))
                            : str(QStringLiteral("%1 %2 back to normal").arg(asset.info.id, QLatin1String(spec.name)));
    data["attribute"] = spec.name;
    data["value"] = attr.json();
    emitNdh(raise ? topics::kAlarmTriggered : topics::kAlarmCleared, asset, nowMs, std::move(data), causeId, causeId);
}

void PlantGenerator::modeStep(qint64 nowMs)
{
    Asset &asset = m_assets[size_t(pick(int(m_assets.size())))];
    if (asset.info.domainEnvelope || asset.lifecycle != u"active")
        return; // nothing emitted; step() is simply called again
    const QString old = asset.mode;
    asset.mode = asset.mode == u"auto" ? QStringLiteral("manual") : QStringLiteral("auto");
    Json data;
    data["attribute"] = "mode";
    data["old_value"] = str(old);
    data["new_value"] = str(asset.mode);
    data["unit"] = "";
    emitNdh(topics::kAttributeChanged, asset, nowMs, std::move(data));
}

void PlantGenerator::lifecycleStep(qint64 nowMs)
{
    std::vector<size_t> inactive;
    for (size_t i = 0; i < m_assets.size(); ++i) {
        if (m_assets[i].lifecycle != u"active")
            inactive.push_back(i);
    }
    // Keep most of the plant running: bring one back before taking another out of service.
    const bool reactivate = !inactive.empty() && (inactive.size() * 10 >= m_assets.size() || uniform() < 0.6);
    Asset &asset = reactivate ? m_assets[inactive[size_t(pick(int(inactive.size())))]]
                              : m_assets[size_t(pick(int(m_assets.size())))];
    if (!reactivate && asset.lifecycle != u"active")
        return;
    Json data;
    data["old_state"] = str(asset.lifecycle);
    asset.lifecycle = reactivate ? QStringLiteral("active") : QStringLiteral("inactive");
    data["new_state"] = str(asset.lifecycle);
    data["reason"] = reactivate ? "maintenance completed" : "scheduled maintenance";
    emitNdh(reactivate ? "ndh.assets.events.activated" : "ndh.assets.events.deactivated", asset, nowMs,
            std::move(data));
}

void PlantGenerator::commandStep(qint64 nowMs)
{
    Asset &asset = m_assets[size_t(pick(int(m_assets.size())))];
    static const char *const kCommands[] = {"set_mode", "reset_counter", "read_parameters", "calibrate"};
    const QString commandId = QStringLiteral("CMD-%1-%2").arg(m_seed).arg(++m_commandCounter, 6, 10, QChar(u'0'));
    Json data;
    data["command_id"] = str(commandId);
    data["command"] = kCommands[pick(4)];
    data["status"] = "completed";
    data["result"] = "ok";
    data["duration_ms"] = qint64(20 + pick(400));
    emitNdh(topics::kCommandResponse, asset, nowMs, std::move(data), commandId, commandId);
}

bool PlantGenerator::applyCommand(const QString &assetId, const QString &command,
                                  const QList<QPair<QString, QVariant>> &parameters, qint64 nowMs)
{
    for (Drone &d : m_drones) {
        if (assetId != QStringLiteral("DRONE-%1").arg(d.id))
            continue;
        const char *status = command == u"return_to_base" || command == u"land" ? "returning"
                             : command == u"hold_position"                     ? "flying"
                                                                               : nullptr;
        for (const auto &[name, value] : parameters) {
            if (name == u"altitude")
                d.altitude = value.toDouble();
        }
        Json data;
        data["drone_id"] = d.id;
        data["old_status"] = str(d.status);
        if (status)
            d.status = QLatin1String(status);
        data["new_status"] = str(d.status);
        data["location"] = Json{{"latitude", round6(d.latitude)}, {"longitude", round6(d.longitude)},
                                {"altitude", round2(d.altitude)}};
        data["battery"] = qint64(std::llround(d.battery));
        emitDrone(topics::kDroneEvents, d, "drone.status.changed", "drone-control-service", nowMs, std::move(data));
        return true;
    }
    for (Asset &asset : m_assets) {
        if (asset.info.id != assetId)
            continue;
        if (command == u"start" || command == u"stop") {
            const QString next = command == u"start" ? QStringLiteral("active") : QStringLiteral("inactive");
            if (asset.lifecycle != next) {
                Json data;
                data["old_state"] = str(asset.lifecycle);
                asset.lifecycle = next;
                data["new_state"] = str(asset.lifecycle);
                data["reason"] = "operator command";
                emitNdh(command == u"start" ? "ndh.assets.events.activated" : "ndh.assets.events.deactivated", asset,
                        nowMs, std::move(data));
            }
            return true;
        }
        for (const auto &[name, value] : parameters) {
            if (name == u"mode") {
                asset.mode = value.toString();
                continue;
            }
            for (Attribute &a : asset.attributes) {
                if (name == QLatin1String(a.spec->name)) {
                    a.setpoint = std::clamp(value.toDouble(), a.spec->min, a.spec->max);
                    a.target = *a.setpoint;
                    a.excursionLeft = 0;
                }
            }
        }
        emitSnapshot(asset, nowMs);
        return true;
    }
    return false;
}

void PlantGenerator::droneStep(qint64 nowMs)
{
    Drone &d = m_drones[size_t(pick(int(m_drones.size())))];
    auto locationJson = [&d] {
        return Json{{"latitude", round6(d.latitude)}, {"longitude", round6(d.longitude)},
                    {"altitude", round2(d.altitude)}};
    };
    auto changeStatus = [&](const char *newStatus) {
        Json data;
        data["drone_id"] = d.id;
        data["old_status"] = str(d.status);
        data["new_status"] = newStatus;
        data["location"] = locationJson();
        data["battery"] = qint64(std::llround(d.battery));
        d.status = QLatin1String(newStatus);
        emitDrone(topics::kDroneEvents, d, "drone.status.changed", "drone-control-service", nowMs,
                  std::move(data));
    };

    // Flight physics, coarse: flying drains the battery, charging refills it.
    if (d.status == u"flying") {
        d.battery = std::max(0.0, d.battery - 0.6 - 0.4 * uniform());
        d.altitude = std::clamp(d.altitude + 5 * normal(), 30.0, 150.0);
        d.speed = std::clamp(d.speed + normal(), 4.0, 18.0);
        d.heading = std::fmod(d.heading + 20 * normal() + 360.0, 360.0);
        d.latitude += 0.0002 * std::cos(d.heading * std::numbers::pi / 180);
        d.longitude += 0.0002 * std::sin(d.heading * std::numbers::pi / 180);
    } else if (d.status == u"returning") {
        d.battery = std::max(0.0, d.battery - 0.5);
        d.altitude = std::max(0.0, d.altitude - 15);
        d.speed = d.altitude > 0 ? 10 : 0;
    } else if (d.status == u"charging") {
        d.battery = std::min(100.0, d.battery + 3 + 2 * uniform());
    }

    if (d.status == u"flying" && d.battery < 20 && d.openAlertId == 0) {
        d.openAlertId = qint64(++m_alertCounter);
        Json data;
        data["alert_id"] = d.openAlertId;
        data["type"] = "battery_low";
        data["level"] = "warning";
        data["message"] = str(QStringLiteral("Drone %1 battery below 20%").arg(d.id));
        data["drone_id"] = d.id;
        data["auto_action"] = "return_to_base";
        emitDrone(topics::kAlertEvents, d, "alert.created", "monitoring-service", nowMs, std::move(data));
        changeStatus("returning");
        return;
    }
    if (d.status == u"returning" && d.altitude <= 0) {
        d.speed = 0;
        changeStatus("charging");
        return;
    }
    if (d.status == u"charging" && d.battery >= 95) {
        if (d.openAlertId != 0) {
            Json data;
            data["alert_id"] = d.openAlertId;
            data["type"] = "battery_low";
            data["level"] = "warning";
            data["message"] = str(QStringLiteral("Drone %1 battery recharged").arg(d.id));
            data["drone_id"] = d.id;
            data["auto_action"] = "none";
            d.openAlertId = 0;
            emitDrone(topics::kAlertEvents, d, "alert.resolved", "monitoring-service", nowMs, std::move(data));
        }
        changeStatus("idle");
        return;
    }
    if (d.status == u"idle") {
        if (uniform() < 0.3) {
            d.taskId = qint64(1000 * d.id) + pick(1000);
            d.progress = 0;
            d.altitude = 30;
            d.speed = 8;
            changeStatus("flying");
        }
        return; // idle drones stay quiet otherwise
    }
    if (d.status == u"flying" && uniform() < 0.25) {
        d.progress = std::min(100, d.progress + 5 + pick(10));
        Json data;
        data["task_id"] = d.taskId;
        data["drone_id"] = d.id;
        data["progress"] = d.progress;
        data["current_step"] = str(QStringLiteral("waypoint %1").arg(d.progress / 10 + 1));
        data["estimated_completion"] = str(isoTime(nowMs + qint64(100 - d.progress) * 6000));
        emitDrone(topics::kTaskEvents, d, "task.progress", "task-service", nowMs, std::move(data));
        return;
    }
    Json data;
    data["drone_id"] = d.id;
    data["battery"] = round2(d.battery);
    data["altitude"] = round2(d.altitude);
    data["speed"] = round2(d.speed);
    data["heading"] = round2(d.heading);
    data["location"] = {{"latitude", round6(d.latitude)}, {"longitude", round6(d.longitude)}};
    emitDrone(topics::kMonitoringData, d, "drone.telemetry", "telemetry-service", nowMs, std::move(data));
}

} // namespace ndh

namespace ndh {

std::optional<AlarmScenarios> AlarmScenarios::fromName(const QString &name)
{
    AlarmScenarios s;
    const QString n = name.trimmed().toLower();
    if (n == u"flood")
        s.flood = true;
    else if (n == u"chattering")
        s.chattering = true;
    else if (n == u"alarms")
        s.flood = s.chattering = true;
    else if (n != u"none" && !n.isEmpty())
        return std::nullopt;
    return s;
}

namespace {

const char *floodSeverity(int i)
{
    return i == 0 ? "critical" : (i % 3 == 0 ? "high" : (i % 3 == 1 ? "medium" : "low"));
}

} // namespace

bool PlantGenerator::scenarioStep(qint64 nowMs)
{
    if (m_assets.empty())
        return false;
    if (m_scenarioStartMs < 0) {
        m_scenarioStartMs = nowMs;
        m_nextChatterMs = nowMs + m_scenarios.chatterPeriodMs;
        m_nextFloodMs = nowMs + m_scenarios.floodFirstAfterMs;
    }
    const auto alarm = [&](Asset &asset, const QString &alarmId, const char *type, const char *severity,
                           const QString &message, const char *attribute, const Json &value, bool raise) {
        Json data;
        data["alarm_id"] = str(alarmId);
        data["alarm_type"] = type;
        data["severity"] = severity;
        data["message"] = str(message);
        data["attribute"] = attribute;
        data["value"] = value;
        emitNdh(raise ? topics::kAlarmTriggered : topics::kAlarmCleared, asset, nowMs, std::move(data));
    };

    if (m_scenarios.chattering && nowMs >= m_nextChatterMs) {
        // A badly tuned pressure switch on the first pump: no deadband, so it toggles.
        m_nextChatterMs = nowMs + std::max<qint64>(1, m_scenarios.chatterPeriodMs);
        m_chatterActive = !m_chatterActive;
        Asset &a = m_assets.front();
        alarm(a, QStringLiteral("%1.pressure_switch.LO").arg(a.info.id), "low_pressure_switch", "medium",
              m_chatterActive ? QStringLiteral("%1 suction pressure switch low").arg(a.info.id)
                              : QStringLiteral("%1 suction pressure switch back to normal").arg(a.info.id),
              "pressure", m_chatterActive ? Json(2.9) : Json(3.1), m_chatterActive);
        return true;
    }

    if (!m_scenarios.flood)
        return false;
    const int n = std::max(1, m_scenarios.floodAlarms);
    if (m_floodStartMs < 0 && nowMs >= m_nextFloodMs && m_floodCleared) {
        m_floodStartMs = nowMs;
        m_floodRaised = 0;
        m_floodCleared = false;
        m_floodCleaning = 0;
        ++m_floodCount;
        m_nextFloodMs = nowMs + std::max<qint64>(m_scenarios.floodEveryMs, m_scenarios.floodClearAfterMs + 1000);
    }
    if (m_floodStartMs >= 0 && m_floodRaised < n
        && nowMs >= m_floodStartMs + m_scenarios.floodSpanMs * m_floodRaised / n) {
        // The cascade: the first compressor trips (critical), then every asset
        // downstream reports low flow / low pressure / trip in turn.
        const int i = m_floodRaised++;
        Asset &a = m_assets[size_t(i) % m_assets.size()];
        const bool root = i == 0;
        const char *severity = floodSeverity(i);
        const char *attribute = i % 2 == 0 ? "flow_rate" : "pressure";
        alarm(a, QStringLiteral("%1.%2.LO").arg(a.info.id, QLatin1String(attribute)), "low_limit", severity,
              root ? QStringLiteral("%1 tripped: upstream supply lost").arg(a.info.id)
                   : QStringLiteral("%1 %2 low after upstream trip").arg(a.info.id, QLatin1String(attribute)),
              attribute, Json(0.0), true);
        return true;
    }
    if (m_floodStartMs >= 0 && m_floodRaised >= n && nowMs >= m_floodStartMs + m_scenarios.floodClearAfterMs) {
        const int i = m_floodCleaning++;
        Asset &a = m_assets[size_t(i) % m_assets.size()];
        const char *attribute = i % 2 == 0 ? "flow_rate" : "pressure";
        alarm(a, QStringLiteral("%1.%2.LO").arg(a.info.id, QLatin1String(attribute)), "low_limit", floodSeverity(i),
              QStringLiteral("%1 %2 back to normal").arg(a.info.id, QLatin1String(attribute)), attribute, Json(1.0),
              false);
        if (m_floodCleaning >= n) {
            m_floodStartMs = -1;
            m_floodCleared = true;
        }
        return true;
    }
    return false;
}

} // namespace ndh
