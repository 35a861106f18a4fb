#include "redis_plant_mirror.h"

#include "plant_generator.h"

#include <hiredis/hiredis.h>

#include <vector>

namespace ndh {

namespace {

nlohmann::json toJson(const AttributeValue &v)
{
    if (const auto *b = std::get_if<bool>(&v))
        return *b;
    if (const auto *i = std::get_if<qint64>(&v))
        return *i;
    if (const auto *d = std::get_if<double>(&v))
        return *d;
    if (const auto *s = std::get_if<QString>(&v))
        return s->toStdString();
    return nullptr;
}

} // namespace

RedisPlantMirror::RedisPlantMirror(RedisConfig config)
    : m_config(std::move(config))
{
}

RedisPlantMirror::~RedisPlantMirror()
{
    if (m_ctx) {
        flush();
        redisFree(m_ctx);
    }
}

bool RedisPlantMirror::connect(int timeoutMs)
{
    const RedisEndpoint &ep = m_config.endpoint;
    const timeval tv{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    m_ctx = ep.unixSocket.isEmpty() ? redisConnectWithTimeout(ep.host.toUtf8().constData(), ep.port, tv)
                                    : redisConnectUnixWithTimeout(ep.unixSocket.toUtf8().constData(), tv);
    if (!m_ctx || m_ctx->err) {
        m_error = QStringLiteral("Cannot reach Redis at %1: %2")
                      .arg(ep.displayName(), QString::fromUtf8(m_ctx ? m_ctx->errstr : "out of memory"));
        if (m_ctx)
            redisFree(m_ctx);
        m_ctx = nullptr;
        return false;
    }
    redisSetTimeout(m_ctx, tv);
    const auto check = [this, &ep](redisReply *r, const char *what) {
        const bool ok = r && r->type != REDIS_REPLY_ERROR;
        if (!ok)
            m_error = QStringLiteral("Redis at %1: %2 failed: %3")
                          .arg(ep.displayName(), QLatin1String(what),
                               r ? RedisQtAdapter::explainError(QByteArray(r->str, qsizetype(r->len)))
                                 : QString::fromUtf8(m_ctx->errstr));
        if (r)
            freeReplyObject(r);
        return ok;
    };
    if (!ep.password.isEmpty()) {
        const QByteArray user = ep.user.toUtf8();
        const QByteArray pass = ep.password.toUtf8();
        std::vector<const char *> argv{"AUTH"};
        std::vector<size_t> lens{4};
        if (!user.isEmpty()) {
            argv.push_back(user.constData());
            lens.push_back(size_t(user.size()));
        }
        argv.push_back(pass.constData());
        lens.push_back(size_t(pass.size()));
        if (!check(static_cast<redisReply *>(redisCommandArgv(m_ctx, int(argv.size()), argv.data(), lens.data())),
                   "AUTH"))
            return false;
    }
    if (ep.db != 0
        && !check(static_cast<redisReply *>(redisCommand(m_ctx, "SELECT %d", ep.db)), "SELECT"))
        return false;
    return check(static_cast<redisReply *>(redisCommand(m_ctx, "PING")), "PING");
}

void RedisPlantMirror::append(const QList<QByteArray> &argv)
{
    std::vector<const char *> args;
    std::vector<size_t> lens;
    for (const QByteArray &a : argv) {
        args.push_back(a.constData());
        lens.push_back(size_t(a.size()));
    }
    if (redisAppendCommandArgv(m_ctx, int(args.size()), args.data(), lens.data()) == REDIS_OK)
        ++m_queued;
    if (m_queued >= 256)
        flush();
}

bool RedisPlantMirror::flush()
{
    if (!m_ctx)
        return false;
    bool ok = true;
    for (; m_queued > 0; --m_queued) {
        void *reply = nullptr;
        if (redisGetReply(m_ctx, &reply) != REDIS_OK) {
            m_error = QStringLiteral("Redis at %1: %2")
                          .arg(m_config.endpoint.displayName(), QString::fromUtf8(m_ctx->errstr));
            ++m_errors;
            m_queued = 0;
            return false;
        }
        auto *r = static_cast<redisReply *>(reply);
        if (r->type == REDIS_REPLY_ERROR) {
            ++m_errors;
            m_error = QString::fromUtf8(r->str, qsizetype(r->len));
            ok = false;
        }
        freeReplyObject(r);
    }
    return ok;
}

void RedisPlantMirror::mirror(const PlantRecord &record)
{
    mirror(record.topic, record.payload);
}

void RedisPlantMirror::mirror(const QByteArray &topic, const QByteArray &payload)
{
    if (!m_ctx)
        return;
    EventSource source;
    source.topic = QString::fromUtf8(topic);
    std::vector<PlantEvent> events;
    if (!m_decoder.decode(QByteArrayView(payload), source, events).accepted)
        return;
    bool publishedOnce = false;
    for (const PlantEvent &e : events) {
        // Routing of reference 000: status, alarm and value channels, in that order.
        int route = -1;
        switch (e.kind) {
        case EventKind::Lifecycle: route = 0; break;
        case EventKind::AlarmTriggered: route = 1; break;
        case EventKind::AttributeUpdate: route = 2; break;
        default: break;
        }
        if (route >= 0 && route < m_config.channels.size() && !publishedOnce) {
            append({QByteArrayLiteral("PUBLISH"), m_config.channels.at(route).toUtf8(), payload});
            ++m_published;
            publishedOnce = true;
        }
        if (e.kind != EventKind::Snapshot && e.kind != EventKind::AttributeUpdate && e.kind != EventKind::Lifecycle)
            continue;
        AssetState &st = m_assets[e.asset.key()];
        if (e.eventTimeMs < st.updatedMs)
            continue;
        st.path = e.asset;
        if (e.kind == EventKind::Snapshot)
            st.attributes = nlohmann::json::object();
        for (const AttributeSample &s : e.attributes)
            st.attributes[s.name.toStdString()] = toJson(s.value);
        if (!e.lifecycle.isEmpty())
            st.lifecycle = e.lifecycle;
        st.updatedMs = e.eventTimeMs;
        st.messageId = e.messageId;
        append({QByteArrayLiteral("HSET"), (m_config.keyPrefix + e.asset.id).toUtf8(), QByteArrayLiteral("id"),
                e.asset.id.toUtf8(), QByteArrayLiteral("type"), e.asset.type.toUtf8(), QByteArrayLiteral("location"),
                e.asset.location.toUtf8(), QByteArrayLiteral("lifecycle"), st.lifecycle.toUtf8(),
                QByteArrayLiteral("updated"), formatTimestampMs(st.updatedMs).toUtf8(), QByteArrayLiteral("attributes"),
                QByteArray::fromStdString(st.attributes.dump()), QByteArrayLiteral("message_id"),
                st.messageId.toUtf8()});
        ++m_hashes;
    }
}

} // namespace ndh
