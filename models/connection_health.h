#pragma once
// The connection health view's facts (issue 9): per Kafka broker and Redis server its
// state, round trip, reconnects and last error in words; per assigned partition the
// console's own consumer lag; the rate in. The Kafka side is parsed on the backend
// thread from librdkafka's statistics and handed over once per statistics interval.

#include "connection_status.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace ndh {

struct LinkHealth
{
    enum class Kind : quint8 { KafkaBroker, Redis };
    Kind kind = Kind::KafkaBroker;
    QString name;      // "127.0.0.1:9092" (Kafka adds " #1" for the node id)
    int nodeId = -1;   // Kafka broker id; -1 for a bootstrap address not yet learned
    ConnectionStatus::State state = ConnectionStatus::State::Disconnected;
    QString rawState;  // librdkafka's ("UP", "CONNECT", "DOWN"...), for engineers
    double roundTripMs = -1; // average over the last interval; -1 unknown
    quint64 reconnects = 0;
    QString lastError; // in words; empty when none since the last connect
    qint64 stateSinceMs = 0; // epoch ms the state was entered
};

struct PartitionLag
{
    QString topic;
    int partition = -1;
    int leader = -1;
    qint64 highWatermark = -1; // -1 unknown
    qint64 position = -1;      // next offset the console will read; -1 not yet
    // Records the console has not read yet; -1 when either end is unknown.
    qint64 lag() const { return highWatermark >= 0 && position >= 0 ? std::max<qint64>(0, highWatermark - position) : -1; }
};

struct KafkaHealth
{
    qint64 takenMs = 0;
    QList<LinkHealth> brokers;
    QList<PartitionLag> partitions;
    double messagesPerSecond = 0;
    quint64 messagesTotal = 0;
    bool tlsVerificationOff = false; // shown, never silent
    qint64 totalLag() const
    {
        qint64 sum = 0;
        for (const PartitionLag &p : partitions)
            sum += std::max<qint64>(0, p.lag());
        return sum;
    }
};

} // namespace ndh

Q_DECLARE_METATYPE(ndh::KafkaHealth)
