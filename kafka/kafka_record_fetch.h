#pragma once
// Reads the one Kafka record behind something the console shows (an alarm's newest
// change): topic, partition, offset, with a groupless consumer of its own. Blocking
// and bounded by a timeout, so callers run it off the GUI thread (the app hands
// the alarm list a fetch function that does). The record comes back whole (key,
// headers, payload, broker timestamp), or with an error an operator understands:
// the offset is gone (retention), not written yet, or the cluster is unreachable.

#include "consumer_config.h"
#include "log_record.h"

#include <QString>

namespace ndh {

struct KafkaRecordFetch
{
    bool ok = false;
    QString error;
    LogRecord record;
};

KafkaRecordFetch fetchKafkaRecord(const ConsumerConfig &config, const QString &topic, int partition, qint64 offset,
                                  int timeoutMs = 10'000);

} // namespace ndh
