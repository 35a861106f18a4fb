// libFuzzer target: bytes as a Redis server could send them (RESP), parsed by
// hiredis's own reader exactly as the console's connections do, and every reply
// handled as both connections would: as a pub/sub message (payload through the
// envelope decoder) and as an HGETALL reply of a state hash (fields -> snapshot
// event, or a dead letter rendered as JSON). Any crash or sanitizer report is a
// finding; a refused hash must say why.
#include "redis_state_hash.h"

#include <hiredis/hiredis.h>

#include <cstdint>
#include <cstdlib>

using namespace ndh;

namespace {

void handle(const redisReply *reply, const EnvelopeDecoder &decoder)
{
    std::vector<PlantEvent> events;
    std::vector<DeadLetter> deadLetters;
    if (const auto message = redisPubSubMessage(reply)) {
        EventSource source;
        source.channel = EventSource::Channel::Redis;
        source.topic = QString::fromUtf8(message->channel);
        decoder.decodeOrDeadLetter(message->payload, {}, source, events, deadLetters, 1);
    }
    qsizetype bytes = 0;
    const RedisHashFields fields = redisHashFields(reply, &bytes);
    if (fields.isEmpty())
        return;
    QString reason;
    if (!redisSnapshotFromHash(QStringLiteral("ndh:state:FUZZ"), fields, decoder, events, &reason)) {
        if (reason.isEmpty())
            abort();
        (void)redisHashAsJson(fields).size();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const EnvelopeDecoder decoder;
    redisReader *reader = redisReaderCreate();
    if (redisReaderFeed(reader, reinterpret_cast<const char *>(data), size) == REDIS_OK) {
        void *reply = nullptr;
        while (redisReaderGetReply(reader, &reply) == REDIS_OK && reply) {
            handle(static_cast<const redisReply *>(reply), decoder);
            freeReplyObject(reply);
            reply = nullptr;
        }
    }
    redisReaderFree(reader);
    return 0;
}
