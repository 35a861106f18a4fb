#pragma once
// The demo plant as a pure, deterministic record generator: given a seed, an asset
// count and the times it is asked at, it always yields the same records, byte for
// byte (its own uniform/normal draws over std::mt19937_64, so no dependency on the
// standard library's distributions). PlantSimulator paces and publishes it; tests
// read it directly.
//
// What it emits (strict: every field of the envelope, always the same JSON types):
// - NDH envelope on ndh.*: orb_started, then per asset events.created, events.activated
//   and a state.snapshot; then mostly state.attribute_changed, periodic snapshots,
//   occasional deactivated/activated, alarms.triggered/cleared on threshold crossings
//   (with hysteresis), commands.response now and then;
// - drone envelope on drone-events, task-events, alert-events, monitoring-data;
// - domain envelope on domain-events for the attribute changes of warehouse assets.
// Kafka key: asset id; for drones the drone id.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QVariant>
#include <QString>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

#include <deque>
#include <optional>
#include <random>
#include <vector>

namespace ndh {

struct PlantRecord
{
    QByteArray topic;
    QByteArray key;
    QByteArray payload;
    qint64 timestampMs = 0; // event time, also used as the Kafka record timestamp
};

// Alarm scenarios on top of the normal plant (off by default, so a seed's output
// is unchanged unless asked for). Scheduled on the records' clock, so they are as
// deterministic as the rest. The plant itself already raises high temperature and
// vibration alarms on its excursions and drone battery alerts (alert.created).
struct AlarmScenarios
{
    // One pressure switch alarm toggling every chatterPeriodMs (> 3 activations a minute).
    bool chattering = false;
    qint64 chatterPeriodMs = 7000;
    // An upstream trip cascading into floodAlarms alarms over floodSpanMs (EEMUA 191
    // flood: more than 10 in 10 minutes), repeating every floodEveryMs; the first
    // one starts floodFirstAfterMs after the first record; everything clears
    // floodClearAfterMs after the cascade began.
    bool flood = false;
    int floodAlarms = 30;
    qint64 floodSpanMs = 60 * 1000;
    qint64 floodEveryMs = 15 * 60 * 1000;
    qint64 floodFirstAfterMs = 2000;
    qint64 floodClearAfterMs = 8 * 60 * 1000;

    // "flood", "chattering", "alarms" (both), "none"; nullopt for anything else.
    static std::optional<AlarmScenarios> fromName(const QString &name);
};

class PlantGenerator
{
public:
    static constexpr int kDroneCount = 3;
    static constexpr auto kSourceOrb = "NDH-ORB-1";

    PlantGenerator(quint64 seed, int assets);
    ~PlantGenerator(); // out of line: the private structs are complete only in the .cpp
    PlantGenerator(const PlantGenerator &) = delete;
    PlantGenerator &operator=(const PlantGenerator &) = delete;

    void setAlarmScenarios(const AlarmScenarios &scenarios) { m_scenarios = scenarios; }
    const AlarmScenarios &alarmScenarios() const { return m_scenarios; }

    // The next record, stamped with nowMs for records that start at this call.
    PlantRecord next(qint64 nowMs);
    quint64 generated() const { return m_generated; }

    // An operator command the plant accepted (issue 8, CommandResponder): start/stop
    // change the lifecycle, set_mode the mode, a numeric parameter named after an
    // attribute becomes its new set point (the value walks there), drone commands
    // change the drone's status or altitude. Resulting events come with the next
    // records. False when the asset is not in this plant.
    bool applyCommand(const QString &assetId, const QString &command, const QList<QPair<QString, QVariant>> &parameters,
                      qint64 nowMs);

    // The asset ids, keys and locations the generator publishes (for tests and docs).
    struct AssetInfo
    {
        QString id;       // "PUMP_001"
        QString type;     // "Pump"
        QString location; // "FACTORY_A"
        bool domainEnvelope = false; // value changes go to domain-events
    };
    const std::vector<AssetInfo> &assets() const { return m_assetInfo; }
    static QStringList locations();
    static QStringList assetTypes();

private:
    struct Attribute;
    struct Asset;
    struct Drone;

    double uniform();          // [0, 1)
    double normal();           // N(0, 1)
    int pick(int n);           // [0, n)
    QString nextMessageId();

    void startup(qint64 nowMs);
    void step(qint64 nowMs);
    void attributeStep(qint64 nowMs);
    void modeStep(qint64 nowMs);
    void lifecycleStep(qint64 nowMs);
    void commandStep(qint64 nowMs);
    void droneStep(qint64 nowMs);

    using Json = nlohmann::ordered_json;
    QString emitNdh(const char *topic, const Asset &asset, qint64 nowMs, Json eventData,
                    const QString &correlationId = {}, const QString &causationId = {});
    void emitSnapshot(const Asset &asset, qint64 nowMs);
    void emitDrone(const char *topic, const Drone &drone, const char *type, const char *source,
                   qint64 nowMs, Json data);
    void push(const char *topic, const QString &key, const Json &doc, qint64 nowMs);
    void checkAlarm(Asset &asset, Attribute &attr, qint64 nowMs, const QString &causeId);
    bool scenarioStep(qint64 nowMs); // true when it emitted a record

    AlarmScenarios m_scenarios;
    qint64 m_scenarioStartMs = -1;
    qint64 m_nextChatterMs = 0;
    bool m_chatterActive = false;
    qint64 m_nextFloodMs = 0;
    qint64 m_floodStartMs = -1; // the cascade in progress, -1 when none
    int m_floodRaised = 0;
    bool m_floodCleared = true;
    int m_floodCleaning = 0;
    quint64 m_floodCount = 0;

    std::mt19937_64 m_rng;
    quint64 m_seed;
    quint64 m_idCounter = 0;
    quint64 m_generated = 0;
    quint64 m_commandCounter = 0;
    quint64 m_alertCounter = 0;
    bool m_started = false;
    int m_snapshotCursor = 0;
    std::vector<Asset> m_assets;
    std::vector<Drone> m_drones;
    std::vector<AssetInfo> m_assetInfo;
    std::deque<PlantRecord> m_pending;
};

} // namespace ndh
