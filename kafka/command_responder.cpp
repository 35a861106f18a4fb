#include "command_responder.h"

#include "cancellable_thread.h"
#include "envelope_decoder.h"
#include "kafka_client_conf.h"
#include "kafka_logging.h"
#include "topic_catalog.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QUuid>

#include <librdkafka/rdkafka.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <deque>

namespace ndh {

namespace {

using Json = nlohmann::ordered_json;

rd_kafka_t *rk(void *p)
{
    return static_cast<rd_kafka_t *>(p);
}

// What a plant says when it refuses: one of these, picked per command.
const char *const kReasons[] = {
    "interlock active: guard door open",
    "asset is in local control: remote commands are locked out",
    "rejected by the controller: set point rate-of-change limit",
    "permissive missing: upstream valve not confirmed open",
    "controller busy: previous command still executing",
};

struct Reply
{
    qint64 dueMs = 0;
    std::string topic;
    std::string key;
    std::string payload;
    QString assetId;
    QString command;
    QList<QPair<QString, QVariant>> parameters; // for the plant, on success only
    bool success = false;
};

std::string str(const QString &s)
{
    return s.toStdString();
}

} // namespace

CommandResponder::CommandResponder(QString bootstrap, CommandResponderOptions options)
    : m_bootstrap(std::move(bootstrap))
    , m_options(options)
{
}

CommandResponder::~CommandResponder()
{
    stop();
}

QString CommandResponder::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

CommandResponder::Outcome CommandResponder::outcomeFor(const QString &correlationId) const
{
    const QByteArray h = QCryptographicHash::hash(QByteArray::number(m_options.seed) + ':' + correlationId.toUtf8(),
                                                  QCryptographicHash::Sha256);
    quint32 v = 0;
    for (int i = 0; i < 4; ++i)
        v = (v << 8) | quint8(h[i]);
    const double u = double(v) / 4294967296.0;
    if (u < m_options.failRate)
        return Outcome::Fail;
    if (u < m_options.failRate + m_options.silentRate)
        return Outcome::Silent;
    return Outcome::Complete;
}

bool CommandResponder::start(int timeoutMs)
{
    stop();
    auto fail = [this](const QString &why) {
        std::lock_guard lock(m_mutex);
        m_error = why;
        return false;
    };
    KafkaClientConf cc;
    cc.setGrouplessReader(m_bootstrap, QStringLiteral("ndh-demo-command-responder"));
    rd_kafka_t *consumer = cc.createConsumer();
    if (!consumer)
        return fail(cc.error());
    m_consumer = consumer;

    const QByteArray topic = topics::kCommandRequest;
    rd_kafka_topic_t *t = rd_kafka_topic_new(consumer, topic.constData(), nullptr);
    const rd_kafka_metadata_t *md = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(consumer, 0, t, &md, timeoutMs);
    rd_kafka_topic_destroy(t);
    if (err || !md || md->topic_cnt != 1 || md->topics[0].err || md->topics[0].partition_cnt <= 0) {
        if (md)
            rd_kafka_metadata_destroy(md);
        return fail(QStringLiteral("cannot read the partitions of %1: %2")
                        .arg(QString::fromLatin1(topic), QString::fromUtf8(rd_kafka_err2str(err))));
    }
    const int partitions = md->topics[0].partition_cnt;
    rd_kafka_metadata_destroy(md);

    // Start at each partition's current end, resolved now: a request produced after
    // start() returns is never missed, none from before is answered again.
    rd_kafka_topic_partition_list_t *assignment = rd_kafka_topic_partition_list_new(partitions);
    for (int p = 0; p < partitions; ++p) {
        int64_t low = 0;
        int64_t high = 0;
        if (const auto e = rd_kafka_query_watermark_offsets(consumer, topic.constData(), p, &low, &high, timeoutMs)) {
            rd_kafka_topic_partition_list_destroy(assignment);
            return fail(QStringLiteral("cannot read the end of %1 [%2]: %3")
                            .arg(QString::fromLatin1(topic)).arg(p).arg(QString::fromUtf8(rd_kafka_err2str(e))));
        }
        rd_kafka_topic_partition_list_add(assignment, topic.constData(), p)->offset = high;
    }
    const auto assignErr = rd_kafka_assign(consumer, assignment);
    rd_kafka_topic_partition_list_destroy(assignment);
    if (assignErr)
        return fail(QString::fromUtf8(rd_kafka_err2str(assignErr)));

    KafkaClientConf pc;
    pc.set(QStringLiteral("bootstrap.servers"), m_bootstrap);
    pc.set(QStringLiteral("client.id"), QStringLiteral("ndh-demo-command-responder"));
    pc.set(QStringLiteral("linger.ms"), QStringLiteral("5"));
    rd_kafka_t *producer = pc.createProducer();
    if (!producer)
        return fail(pc.error());
    m_producer = producer;

    m_stop = false;
    m_thread = std::thread([this] {
        runBehindTheGui(); // in --demo the plant shares the cores with the window
        run();
    });
    return true;
}

void CommandResponder::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_consumer) {
        KafkaClientConf::ConsumerDeleter()(rk(m_consumer));
        m_consumer = nullptr;
    }
    if (m_producer) {
        rd_kafka_flush(rk(m_producer), 200);
        rd_kafka_purge(rk(m_producer), RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
        rd_kafka_destroy(rk(m_producer));
        m_producer = nullptr;
    }
}

void CommandResponder::run()
{
    std::deque<Reply> due; // ordered by dueMs (delays are drawn per command, so sort on insert)
    while (!m_stop.load()) {
        rd_kafka_message_t *msg = rd_kafka_consumer_poll(rk(m_consumer), 50);
        if (msg) {
            if (!msg->err && msg->payload && msg->len > 0 && msg->len < 1024 * 1024) {
                const Json doc = Json::parse(static_cast<const char *>(msg->payload),
                                             static_cast<const char *>(msg->payload) + msg->len, nullptr, false);
                if (doc.is_object() && doc.contains("event_data") && doc["event_data"].is_object()) {
                    m_requests.fetch_add(1);
                    const Json &data = doc["event_data"];
                    const QString corr = QString::fromStdString(doc.value("correlation_id", std::string()));
                    const QString assetId = QString::fromStdString(doc.value("asset_id", std::string()));
                    const QString command = QString::fromStdString(data.value("command", std::string()));
                    const Outcome outcome = corr.isEmpty() ? Outcome::Fail : outcomeFor(corr);
                    if (outcome == Outcome::Silent) {
                        m_silent.fetch_add(1);
                    } else {
                        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
                        const int span = std::max(0, m_options.maxDelayMs - m_options.minDelayMs);
                        const qint64 delay = m_options.minDelayMs
                                             + (span ? qint64(qHash(corr, size_t(m_options.seed)) % size_t(span + 1)) : 0);
                        Reply r;
                        r.dueMs = nowMs + delay;
                        r.assetId = assetId;
                        r.command = command;
                        r.success = outcome == Outcome::Complete;
                        Json reply;
                        reply["command"] = str(command);
                        if (r.success) {
                            reply["status"] = "completed";
                            reply["result"] = "ok";
                            if (data.contains("parameters") && data["parameters"].is_object()) {
                                reply["applied"] = data["parameters"];
                                for (const auto &[k, v] : data["parameters"].items()) {
                                    const QString name = QString::fromStdString(k);
                                    if (v.is_number())
                                        r.parameters.append({name, v.get<double>()});
                                    else if (v.is_string())
                                        r.parameters.append({name, QString::fromStdString(v.get<std::string>())});
                                    else if (v.is_boolean())
                                        r.parameters.append({name, v.get<bool>()});
                                }
                            }
                        } else {
                            reply["status"] = "failed";
                            reply["reason"] = corr.isEmpty()
                                                  ? std::string("request without correlation_id")
                                                  : std::string(kReasons[qHash(corr, 7u) % std::size(kReasons)]);
                        }
                        reply["duration_ms"] = delay;
                        Json env;
                        env["message_id"] = str(QUuid::createUuid().toString(QUuid::WithoutBraces));
                        env["message_type"] = r.success ? "asset.commands.response" : "asset.commands.failed";
                        env["timestamp"] = str(formatTimestampMs(r.dueMs));
                        env["source_orb"] = "NDH-ORB-1";
                        env["asset_id"] = str(assetId);
                        env["asset_uuid"] = doc.contains("asset_uuid") ? doc["asset_uuid"] : Json(nullptr);
                        env["asset_type"] = doc.value("asset_type", std::string());
                        env["location"] = doc.value("location", std::string());
                        env["event_type"] = r.success ? "command_response" : "command_failed";
                        env["event_data"] = std::move(reply);
                        env["correlation_id"] = str(corr);
                        env["causation_id"] = doc.value("message_id", std::string());
                        env["version"] = 1;
                        r.topic = r.success ? topics::kCommandResponse : topics::kCommandFailed;
                        r.key = str(assetId);
                        r.payload = env.dump();
                        auto at = std::upper_bound(due.begin(), due.end(), r.dueMs,
                                                   [](qint64 t, const Reply &x) { return t < x.dueMs; });
                        if (due.size() < 10000)
                            due.insert(at, std::move(r));
                    }
                }
            }
            rd_kafka_message_destroy(msg);
        }
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        while (!due.empty() && due.front().dueMs <= nowMs) {
            Reply r = std::move(due.front());
            due.pop_front();
            if (r.success && m_hook)
                m_hook(r.assetId, r.command, r.parameters);
            const auto err = rd_kafka_producev(
                rk(m_producer), RD_KAFKA_V_TOPIC(r.topic.c_str()),
                RD_KAFKA_V_KEY(const_cast<char *>(r.key.data()), r.key.size()),
                RD_KAFKA_V_VALUE(const_cast<char *>(r.payload.data()), r.payload.size()),
                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
            if (err) {
                std::lock_guard lock(m_mutex);
                m_error = QString::fromUtf8(rd_kafka_err2str(err));
            } else {
                (r.success ? m_completed : m_failed).fetch_add(1);
            }
        }
        rd_kafka_poll(rk(m_producer), 0);
    }
}

} // namespace ndh
