#pragma once
// How the console's consumer connects and where it starts reading.

#include "plant_event.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace ndh {

struct ConsumerConfig
{
    enum class StartFrom : quint8 { Beginning, End, LastN };
    QString bootstrap;                 // "host:port[,host:port]"
    QStringList topics;                // empty: topics::standardTopics()
    StartFrom startFrom = StartFrom::Beginning;
    qint64 lastN = 1000;               // per partition, for StartFrom::LastN
    QList<QPair<QString, Envelope>> topicEnvelopes; // pattern -> envelope; others sniffed
    QList<QPair<QString, QString>> extraProperties; // librdkafka properties passed through
    int maxHandoffsPerSecond = 30;     // DESIGN.md §3
    // Events per hand-off at most: a backlog is applied in slices, one per GUI
    // event-loop turn, so the GUI never stalls on one huge batch (0: unbounded).
    int maxEventsPerHandoff = 10000;
    // GUI time one hand-off may take, in ms: the backend measures what the GUI spends
    // per event (IngestBackend) and sizes slices to this budget, maxEventsPerHandoff
    // remaining the upper bound (0: the count alone).
    int guiBudgetMsPerHandoff = 8;
    // Group id of the console on the cluster (a profile's strategy); empty: a random
    // one per run. The console reads with assign(), never joining the group, so every
    // console sees every partition whatever the id; the id names it to the cluster
    // (ACLs, quotas, monitoring).
    QString groupId;
    // librdkafka statistics for the connection health view; 0 turns them off.
    int statisticsIntervalMs = 1000;
    bool tlsVerificationOff = false; // the profile turned server verification off
};

} // namespace ndh
