#pragma once
// One metadata request turned into the console's terms, and the one wording of "the
// cluster did not answer", shared by every groupless reader (ndhctl state, export,
// history backfill, the topic browser): brokers, topics with their partitions and
// leaders, partition counts by topic, and the client's own last error reason.

#include "topic_scan.h"

#include <QHash>
#include <QString>

struct rd_kafka_conf_s;
struct rd_kafka_s;

namespace ndh {

// Collects librdkafka's error callback reasons into *lastError (the per-broker reason
// is kept over the later "all brokers down" summary). Uses the configuration's
// opaque: call before any other opaque user, and only on readers that need no other.
void captureClientErrors(rd_kafka_conf_s *conf, QString *lastError);

// Metadata of every topic (or only `topic`); brokers and partitions with leaders, no
// watermarks. Returns librdkafka's error code (0 on success).
int fetchClusterMetadata(rd_kafka_s *rk, int timeoutMs, ClusterSnapshot &out, const QString &topic = {});

// Topic name -> partition count, of the topics metadata answered without error.
QHash<QString, int> partitionCounts(const ClusterSnapshot &snapshot);

// "Cannot reach Kafka at HOST:PORT: <reason>", the reason in operator words: the
// client's own last error when it has one, else "no answer within N s (<err>)".
QString cannotReachKafka(const QString &bootstrap, const QString &lastClientError, int err, int timeoutMs);

} // namespace ndh
