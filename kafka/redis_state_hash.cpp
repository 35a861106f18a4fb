#include "redis_state_hash.h"

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
    const auto field = [&fields](std::initializer_list<const char *> names) -> std::optional<QByteArray> {
        for (const char *n : names) {
            for (const auto &[name, value] : fields) {
                if (name == n)
                    return value;
            }
        }
        return std::nullopt;
    };
    // Texts keep the translation context they had as RedisClient members.
    nlohmann::json doc;
    QString id = QString::fromUtf8(field({"id", "asset_id"}).value_or(QByteArray()));
    if (id.isEmpty())
        id = key.section(u':', -1);
    if (id.isEmpty()) {
        if (reason)
            *reason = QCoreApplication::translate("ndh::RedisClient", "state hash %1 has no 'id' field").arg(key);
        return false;
    }
    nlohmann::json attributes = nlohmann::json::object();
    if (const auto attrs = field({"attributes"})) {
        // The decoder's depth bound holds here too: nlohmann's dump() below recurses
        // once per level, so 100,000 nested brackets in a hash would overflow the stack.
        // Values deeper than the bound are discarded while parsing, never built.
        const int maxDepth = decoder.limits().maxDepth;
        bool tooDeep = false;
        const nlohmann::json::parser_callback_t bounded = [&](int depth, nlohmann::json::parse_event_t,
                                                              nlohmann::json &) {
            if (depth <= maxDepth)
                return true;
            tooDeep = true;
            return false;
        };
        attributes = nlohmann::json::parse(attrs->constBegin(), attrs->constEnd(), bounded, false);
        if (tooDeep) {
            if (reason)
                *reason = QCoreApplication::translate("ndh::RedisClient",
                                                      "field 'attributes' of state hash %1 is nested deeper than %2 levels")
                              .arg(key)
                              .arg(maxDepth);
            return false;
        }
        if (attributes.is_discarded() || !attributes.is_object()) {
            if (reason)
                *reason = QCoreApplication::translate("ndh::RedisClient",
                                                      "field 'attributes' of state hash %1 is not a JSON object")
                              .arg(key);
            return false;
        }
    }
    const QByteArray updated = field({"updated", "timestamp", "updated_at"}).value_or(QByteArray());
    doc["message_id"] = (QStringLiteral("redis:") + key + u'@' + QString::fromUtf8(updated)).toStdString();
    doc["event_type"] = "state_snapshot";
    doc["asset_id"] = id.toStdString();
    if (const auto t = field({"type", "asset_type"}))
        doc["asset_type"] = t->toStdString();
    if (const auto l = field({"location"}))
        doc["location"] = l->toStdString();
    if (!updated.isEmpty())
        doc["timestamp"] = updated.toStdString();
    doc["event_data"]["attributes"] = std::move(attributes);
    if (const auto lc = field({"lifecycle", "lifecycle_state", "status"}))
        doc["event_data"]["lifecycle_state"] = lc->toStdString();
    const std::string text = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    EventSource source;
    source.channel = EventSource::Channel::Redis;
    source.topic = key;
    source.brokerTimeMs = updated.isEmpty() ? 0 : parseTimestampMs(QByteArrayView(updated)).value_or(0);
    const qsizetype before = qsizetype(out.size());
    const DecodeOutcome outcome = decoder.decode(QByteArrayView(text.data(), qsizetype(text.size())), source, out);
    if (!outcome.accepted) {
        if (reason)
            *reason = QCoreApplication::translate("ndh::RedisClient", "state hash %1: %2").arg(key, outcome.reason);
        return false;
    }
    for (qsizetype i = before; i < qsizetype(out.size()); ++i)
        out[size_t(i)].kind = EventKind::Snapshot;
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
