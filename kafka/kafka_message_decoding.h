#pragma once
// Decodes one consumed Kafka message into events (or a dead letter), with the record's
// place (topic, partition, offset, broker timestamp) as its source. One place, so the
// live consumer, `ndhctl state` and the history backfill describe a record alike.

#include "envelope_decoder.h"

#include <librdkafka/rdkafka.h>

#include <vector>

namespace ndh {

inline bool decodeKafkaMessage(const EnvelopeDecoder &decoder, const QString &topic, const rd_kafka_message_t *msg,
                               std::vector<PlantEvent> &events, std::vector<DeadLetter> &deadLetters, qint64 nowMs)
{
    EventSource source;
    source.channel = EventSource::Channel::Kafka;
    source.topic = topic;
    source.partition = msg->partition;
    source.offset = msg->offset;
    const qint64 ts = rd_kafka_message_timestamp(msg, nullptr);
    source.brokerTimeMs = ts > 0 ? ts : 0;
    return decoder.decodeOrDeadLetter(QByteArrayView(static_cast<const char *>(msg->payload), qsizetype(msg->len)),
                                      QByteArrayView(static_cast<const char *>(msg->key), qsizetype(msg->key_len)),
                                      source, events, deadLetters, nowMs);
}

} // namespace ndh
