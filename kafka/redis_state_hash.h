#pragma once
// What the Redis side turns replies into (DESIGN.md §1.4): an HGETALL reply into
// the fields of one state hash and that hash into a Snapshot event, a pub/sub
// reply into its channel and payload. Pure functions with no connection, so the
// client uses them and the fuzz target (tests/fuzz/fuzz_redis_reply.cpp) feeds
// them whatever bytes a server could send.

#include "envelope_decoder.h"
#include "plant_event.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>
#include <vector>

struct redisReply;

namespace ndh {

using RedisHashFields = QList<QPair<QByteArray, QByteArray>>;

// Bytes of a string-like reply; empty for nil, integers, arrays and null.
QByteArray redisReplyBytes(const redisReply *reply);

// The name/value pairs of an HGETALL array reply (a trailing odd element is
// ignored); *bytes = their total size, for the hash size limit.
RedisHashFields redisHashFields(const redisReply *reply, qsizetype *bytes);

// A hash rendered as one JSON object, so a dead letter keeps it whole and readable.
QByteArray redisHashAsJson(const RedisHashFields &fields);

// One state hash as read from Redis -> one Snapshot event, built from the fields
// directly (no envelope text in between); the attributes are read by
// EnvelopeDecoder::decodeAttributes. False with *reason set when it cannot be one
// (missing id, unreadable time, attributes not a JSON object, nested deeper or
// with more attributes than the decoder allows). Field names: id|asset_id, type|asset_type,
// location, lifecycle|lifecycle_state|status, updated|timestamp|updated_at (ISO 8601
// or epoch ms), attributes (JSON object), message_id.
bool redisSnapshotFromHash(const QString &key, const RedisHashFields &fields, const EnvelopeDecoder &decoder,
                           std::vector<PlantEvent> &out, QString *reason);

// A "message"/"pmessage" reply of a subscriber connection; nullopt for anything
// else (subscribe acknowledgements, malformed arrays).
struct RedisPubSubMessage
{
    QByteArray channel;
    QByteArray payload;
};
std::optional<RedisPubSubMessage> redisPubSubMessage(const redisReply *reply);

} // namespace ndh
