#include "redis_state_hash.h"

#include "identity_registry.h"

#include <QCoreApplication>

#include <hiredis/hiredis.h>
#include <nlohmann/json.hpp>

#include <cstring>

namespace ndh {

QByteArray redisReplyBytes(const redisReply *reply)
{
    return reply && reply->str ? QByteArray(reply->str, qsizetype(reply->len)) : QByteArray();
}

RedisHashFields redisHashFields(const redisReply *reply, qsizetype *bytes)
{
    RedisHashFields fields;
    qsizetype total = 0;
    if (reply && reply->type == REDIS_REPLY_ARRAY) {
        fields.reserve(qsizetype(reply->elements / 2));
        for (size_t i = 0; i + 1 < reply->elements; i += 2) {
            QByteArray name = redisReplyBytes(reply->element[i]);
            QByteArray value = redisReplyBytes(reply->element[i + 1]);
            total += name.size() + value.size();
            fields.append({std::move(name), std::move(value)});
        }
    }
    if (bytes)
        *bytes = total;
    return fields;
}

QByteArray redisHashAsJson(const RedisHashFields &fields)
{
    nlohmann::json doc = nlohmann::json::object();
    for (const auto &[name, value] : fields)
        doc[name.toStdString()] = value.toStdString();
    return QByteArray::fromStdString(doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

bool redisSnapshotFromHash(const QString &key, const RedisHashFields &fields, const EnvelopeDecoder &decoder,
                           std::vector<PlantEvent> &out, QString *reason)
{
    // Built straight from the fields: rendering them as an envelope and decoding that
    // again cost most of the state read on connect (docs/PERFORMANCE.md, "Redis").
    // The attributes go through the decoder's own attribute rules, so a value reads
    // the same here as in an envelope on Kafka or on a channel.
    const auto field = [&fields](std::initializer_list<const char *> names) -> const QByteArray * {
        for (const char *n : names) {
            for (const auto &[name, value] : fields) {
                if (name == n)
                    return &value;
            }
        }
        return nullptr;
    };
    const auto text = [&field](std::initializer_list<const char *> names, const QString &fallback = {}) {
        const QByteArray *v = field(names);
        return v && !v->isEmpty() ? QString::fromUtf8(*v) : fallback;
    };
    // Texts keep the translation context they had as RedisClient members.
    const auto refuse = [&](const QString &why) {
        if (reason)
            *reason = why;
        return false;
    };
    PlantEvent e;
    e.asset.id = text({"id", "asset_id"});
    if (e.asset.id.isEmpty())
        e.asset.id = key.section(u':', -1);
    if (e.asset.id.isEmpty())
        return refuse(QCoreApplication::translate("ndh::RedisClient", "state hash %1 has no 'id' field").arg(key));
    if (const QByteArray *attrs = field({"attributes"})) {
        const DecodeOutcome outcome = decoder.decodeAttributes(*attrs, e.attributes);
        if (!outcome.accepted)
            return refuse(QCoreApplication::translate("ndh::RedisClient",
                                                      "field 'attributes' of state hash %1 is not a JSON object of "
                                                      "attributes: %2")
                              .arg(key, outcome.reason));
    }
    // No time at all: the state is of unknown age (0), so any dated event from either
    // path wins over it; a time that is there but unreadable is bad data.
    const QByteArray *updated = field({"updated", "timestamp", "updated_at"});
    std::optional<qint64> time = 0;
    if (updated && !updated->isEmpty()) {
        time = parseTimestampMs(QByteArrayView(*updated));
        if (!time)
            return refuse(QCoreApplication::translate("ndh::RedisClient", "state hash %1: %2")
                              .arg(key, QStringLiteral("'updated' is not an ISO 8601 or epoch time: \"%1\"")
                                            .arg(QString::fromUtf8(updated->left(64)))));
    }
    e.envelope = Envelope::Ndh;
    e.kind = EventKind::Snapshot;
    e.eventType = QStringLiteral("state_snapshot");
    e.messageId = QStringLiteral("redis:") + key + u'@' + (updated ? QString::fromUtf8(*updated) : QString());
    e.asset.type = text({"type", "asset_type"}, QStringLiteral("Asset"));
    e.asset.location = text({"location"}, QStringLiteral("UNKNOWN"));
    e.lifecycle = text({"lifecycle", "lifecycle_state", "status"});
    e.eventTimeMs = *time;
    e.source.channel = EventSource::Channel::Redis;
    e.source.topic = key;
    e.source.brokerTimeMs = *time;
    // Refs like every decoded event, so the models find this asset by index too.
    IdentityRegistry::global().identify(e);
    out.push_back(std::move(e));
    return true;
}

std::optional<RedisPubSubMessage> redisPubSubMessage(const redisReply *reply)
{
    if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements < 3)
        return std::nullopt;
    const QByteArray kind = redisReplyBytes(reply->element[0]);
    const bool pattern = kind == "pmessage";
    if (!pattern && kind != "message")
        return std::nullopt;
    if (pattern && reply->elements < 4)
        return std::nullopt;
    return RedisPubSubMessage{redisReplyBytes(reply->element[pattern ? 2 : 1]),
                              redisReplyBytes(reply->element[pattern ? 3 : 2])};
}

} // namespace ndh
