#pragma once
// The Redis half of the hybrid routing of reference 000, for the simulator
// (`ndhctl simulate --redis`) and tests: mirrors each plant record into Redis as
// a state hash per asset (HSET key = prefix + asset id) and PUBLISHes the
// low-latency events on their channels with the record's own payload, so the
// message id is the same as on Kafka:
//   asset status changes (lifecycle) -> status channel
//   alarms triggered                 -> alarm channel
//   attribute value updates          -> value channel (they also go to Kafka)
// A blocking hiredis context with pipelining: it runs on the simulator's thread.

#include "envelope_decoder.h"
#include "redis_client.h"

#include <QHash>
#include <QString>

#include <nlohmann/json.hpp>

struct redisContext;

namespace ndh {

struct PlantRecord;

class RedisPlantMirror
{
public:
    explicit RedisPlantMirror(RedisConfig config);
    ~RedisPlantMirror();
    RedisPlantMirror(const RedisPlantMirror &) = delete;
    RedisPlantMirror &operator=(const RedisPlantMirror &) = delete;

    // Connects, authenticates and selects the database. False with error() set.
    bool connect(int timeoutMs = 3000);
    QString error() const { return m_error; }

    // Mirrors one record (any envelope; undecodable records are skipped).
    void mirror(const PlantRecord &record);
    // Mirrors raw bytes as they would arrive on Kafka `topic`.
    void mirror(const QByteArray &topic, const QByteArray &payload);
    // Sends what is pipelined and reads every reply. False when Redis failed.
    bool flush();

    quint64 hashesWritten() const { return m_hashes; }
    quint64 published() const { return m_published; }
    quint64 errors() const { return m_errors; }

private:
    struct AssetState
    {
        AssetPath path;
        nlohmann::json attributes = nlohmann::json::object();
        QString lifecycle;
        qint64 updatedMs = 0;
        QString messageId;
    };
    void append(const QList<QByteArray> &argv);

    RedisConfig m_config;
    EnvelopeDecoder m_decoder;
    redisContext *m_ctx = nullptr;
    QHash<QString, AssetState> m_assets;
    int m_queued = 0;
    quint64 m_hashes = 0;
    quint64 m_published = 0;
    quint64 m_errors = 0;
    QString m_error;
};

} // namespace ndh
