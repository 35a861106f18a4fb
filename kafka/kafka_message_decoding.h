#pragma once
// Decodes one consumed Kafka message into events (or a dead letter), with the record's
// place (topic, partition, offset, broker timestamp) as its source. One place, so the
// live consumer, `ndhctl state` and the history backfill describe a record alike.
// logRecordFromMessage keeps the raw record as kcat -C -J prints it (ndhctl export,
// the live session's journal for File > Export).

#include "envelope_decoder.h"
#include "log_file_reader.h"
#include "raw_record_journal.h"

#include <librdkafka/rdkafka.h>

#include <cstring>
#include <vector>

namespace ndh {

// `source` names the topic (channel Kafka) and is reused from record to record: the
// record's partition, offset and broker timestamp (<= 0: none) are filled in here,
// the topic string is not built again per record.
inline bool decodeKafkaRecord(const EnvelopeDecoder &decoder, EventSource &source, qint32 partition, qint64 offset,
                              qint64 timestampMs, QByteArrayView key, QByteArrayView payload,
                              std::vector<PlantEvent> &events, std::vector<DeadLetter> &deadLetters, qint64 nowMs)
{
    source.partition = partition;
    source.offset = offset;
    source.brokerTimeMs = timestampMs > 0 ? timestampMs : 0;
    return decoder.decodeOrDeadLetter(payload, key, source, events, deadLetters, nowMs);
}

inline bool decodeKafkaMessage(const EnvelopeDecoder &decoder, EventSource &source, const rd_kafka_message_t *msg,
                               std::vector<PlantEvent> &events, std::vector<DeadLetter> &deadLetters, qint64 nowMs)
{
    return decodeKafkaRecord(decoder, source, msg->partition, msg->offset, rd_kafka_message_timestamp(msg, nullptr),
                             QByteArrayView(static_cast<const char *>(msg->key), qsizetype(msg->key_len)),
                             QByteArrayView(static_cast<const char *>(msg->payload), qsizetype(msg->len)), events,
                             deadLetters, nowMs);
}

inline bool decodeKafkaMessage(const EnvelopeDecoder &decoder, const QString &topic, const rd_kafka_message_t *msg,
                               std::vector<PlantEvent> &events, std::vector<DeadLetter> &deadLetters, qint64 nowMs)
{
    EventSource source;
    source.channel = EventSource::Channel::Kafka;
    source.topic = topic;
    return decodeKafkaMessage(decoder, source, msg, events, deadLetters, nowMs);
}

inline LogRecord::TimestampType logTimestampType(rd_kafka_timestamp_type_t tstype)
{
    return tstype == RD_KAFKA_TIMESTAMP_CREATE_TIME       ? LogRecord::TimestampType::Create
           : tstype == RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME ? LogRecord::TimestampType::LogAppend
                                                          : LogRecord::TimestampType::None;
}

// Calls f(name, value) for each of the message's headers (value nullptr: no value).
template<typename F>
inline void forEachMessageHeader(const rd_kafka_message_t *msg, F &&f)
{
    // rd_kafka_message_headers takes a non-const message (it parses lazily).
    rd_kafka_headers_t *headers = nullptr;
    if (rd_kafka_message_headers(const_cast<rd_kafka_message_t *>(msg), &headers) != RD_KAFKA_RESP_ERR_NO_ERROR
        || !headers)
        return;
    const char *name = nullptr;
    const void *value = nullptr;
    size_t size = 0;
    for (size_t h = 0; rd_kafka_header_get_all(headers, h, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR; ++h)
        f(name, static_cast<const char *>(value), size);
}

inline LogRecord logRecordFromMessage(const QString &topic, const rd_kafka_message_t *msg)
{
    LogRecord r;
    r.topic = topic;
    r.partition = msg->partition;
    r.offset = msg->offset;
    rd_kafka_timestamp_type_t tstype = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE;
    r.timestampMs = rd_kafka_message_timestamp(msg, &tstype);
    r.tstype = logTimestampType(tstype);
    r.broker = rd_kafka_message_broker_id(msg);
    forEachMessageHeader(msg, [&](const char *name, const char *value, size_t size) {
        LogHeader header{QByteArray(name), std::nullopt};
        if (value)
            header.value = QByteArray(value, qsizetype(size));
        r.headers.push_back(std::move(header));
    });
    if (msg->key)
        r.key = QByteArray(static_cast<const char *>(msg->key), qsizetype(msg->key_len));
    if (msg->payload)
        r.payload = QByteArray(static_cast<const char *>(msg->payload), qsizetype(msg->len));
    return r;
}

// Bytes of `v` as a Kafka (zigzag) varint.
inline size_t kafkaVarintSize(qint64 v)
{
    quint64 z = (quint64(v) << 1) ^ quint64(v >> 63);
    size_t n = 1;
    while (z >= 0x80) {
        z >>= 7;
        ++n;
    }
    return n;
}

// True when the record certainly carries no headers, read without
// rd_kafka_message_headers(). A v2 record is laid out key length (varint), key,
// value length (varint), value, header count (varint), headers; librdkafka points
// key and payload into it in place. When the payload sits exactly where that layout
// puts it after the key (proof that both are in place), the byte after the value is
// the header count, 0x00 for none. Anything else (no key, an empty or 1 MiB+ value,
// other layouts): false, and the caller asks librdkafka.
inline bool recordHasNoHeaders(const rd_kafka_message_t *msg)
{
    if (!msg->key || !msg->payload || msg->len == 0 || msg->len >= (size_t(1) << 20))
        return false;
    const char *key = static_cast<const char *>(msg->key);
    const char *value = static_cast<const char *>(msg->payload);
    return key + msg->key_len + kafkaVarintSize(qint64(msg->len)) == value && value[msg->len] == 0;
}

// A consumed record into a journal slice, as logRecordFromMessage keeps it: its
// bytes written once, into the journal's own blocks. Indexed by its broker time and
// no asset until decoding it says more (Slice::setIndex).
inline void journalMessage(RawRecordJournal::Slice &slice, const QString &topic, const rd_kafka_message_t *msg)
{
    rd_kafka_timestamp_type_t rdType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE;
    const qint64 timestampMs = rd_kafka_message_timestamp(msg, &rdType);
    const LogRecord::TimestampType tstype = logTimestampType(rdType);
    // rd_kafka_message_headers() allocates and frees a parse buffer for every record
    // of a v2 batch, headers or not (librdkafka 2.0.2 keeps the header count with the
    // header bytes): ~5% of the thread that read them. Skipped when the record provably has
    // none: see recordHasNoHeaders().
    if (!recordHasNoHeaders(msg)) {
        forEachMessageHeader(msg, [&](const char *name, const char *value, size_t size) {
            slice.addHeader(QByteArrayView(name, qsizetype(std::strlen(name))),
                            value ? std::optional<QByteArrayView>(QByteArrayView(value, qsizetype(size)))
                                  : std::nullopt);
        });
    }
    const qint64 eventTimeMs = tstype != LogRecord::TimestampType::None && timestampMs > 0 ? timestampMs : 0;
    slice.add(topic, msg->partition, msg->offset, tstype, timestampMs, rd_kafka_message_broker_id(msg),
              QByteArrayView(static_cast<const char *>(msg->key), qsizetype(msg->key_len)),
              QByteArrayView(static_cast<const char *>(msg->payload), qsizetype(msg->len)), eventTimeMs, nullptr);
}

} // namespace ndh
