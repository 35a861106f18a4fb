#include "envelope_publisher.h"

#include "kafka_client_conf.h"
#include "kafka_logging.h"

#include <QTimer>

#include <librdkafka/rdkafka.h>

namespace ndh {

EnvelopePublisher::EnvelopePublisher(QString bootstrap, QList<QPair<QString, QString>> extraProperties,
                                     QObject *parent)
    : QObject(parent)
    , m_bootstrap(std::move(bootstrap))
    , m_extraProperties(std::move(extraProperties))
{
}

EnvelopePublisher::~EnvelopePublisher()
{
    destroyProducer();
}

bool EnvelopePublisher::ensureProducer(QString *error)
{
    if (m_rk)
        return true;
    KafkaClientConf conf;
    conf.set(QStringLiteral("bootstrap.servers"), m_bootstrap);
    conf.set(QStringLiteral("client.id"), QStringLiteral("ndh-console-actions"));
    conf.setAll(m_extraProperties);
    // Operator actions must land once and in order per asset: idempotence implies
    // acks=all and in-flight limits librdkafka keeps safe by itself.
    conf.set(QStringLiteral("enable.idempotence"), QStringLiteral("true"));
    conf.set(QStringLiteral("acks"), QStringLiteral("all"));
    conf.set(QStringLiteral("linger.ms"), QStringLiteral("0"));
    conf.set(QStringLiteral("message.timeout.ms"), QString::number(kMessageTimeoutMs));
    conf.set(QStringLiteral("log.connection.close"), QStringLiteral("false"));
    rd_kafka_conf_set_opaque(conf.raw(), this);
    rd_kafka_conf_set_dr_msg_cb(conf.raw(), &EnvelopePublisher::onDelivery);
    m_rk = conf.createProducer();
    if (!m_rk) {
        *error = conf.error();
        return false;
    }
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setInterval(kPollIntervalMs);
        connect(m_timer, &QTimer::timeout, this, &EnvelopePublisher::poll);
    }
    return true;
}

void EnvelopePublisher::publish(const QString &topic, const QByteArray &key, const QByteArray &payload,
                                const QString &correlationId, const std::vector<LogHeader> &headers)
{
    QString error;
    if (topic.isEmpty() || payload.isEmpty()) {
        emit published(correlationId, false, tr("Nothing to publish: no topic or an empty message"));
        return;
    }
    if (!ensureProducer(&error)) {
        emit published(correlationId, false, error);
        return;
    }
    auto *opaque = new QString(correlationId);
    const QByteArray t = topic.toUtf8();
    // Headers byte for byte (binary values too; a null value stays null). librdkafka
    // owns the list once producev succeeds; on failure it is ours to free.
    rd_kafka_headers_t *hdrs = nullptr;
    if (!headers.empty()) {
        hdrs = rd_kafka_headers_new(headers.size());
        for (const LogHeader &h : headers)
            rd_kafka_header_add(hdrs, h.name.constData(), h.name.size(), h.value ? h.value->constData() : nullptr,
                                h.value ? h.value->size() : 0);
    }
    const rd_kafka_resp_err_t err = rd_kafka_producev(
        m_rk, RD_KAFKA_V_TOPIC(t.constData()),
        RD_KAFKA_V_KEY(const_cast<char *>(key.constData()), size_t(key.size())),
        RD_KAFKA_V_VALUE(const_cast<char *>(payload.constData()), size_t(payload.size())),
        RD_KAFKA_V_HEADERS(hdrs), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        if (hdrs)
            rd_kafka_headers_destroy(hdrs);
        delete opaque;
        emit published(correlationId, false,
                       tr("Kafka refused the message for %1: %2").arg(topic, QString::fromUtf8(rd_kafka_err2str(err))));
        return;
    }
    ++m_outstanding;
    if (!m_timer->isActive())
        m_timer->start();
}

void EnvelopePublisher::onDelivery(rd_kafka_t *, const rd_kafka_message_t *message, void *opaque)
{
    // Served from rd_kafka_poll()/flush() on this object's thread.
    auto *self = static_cast<EnvelopePublisher *>(opaque);
    auto *correlation = static_cast<QString *>(message->_private);
    const QString id = correlation ? *correlation : QString();
    delete correlation;
    --self->m_outstanding;
    if (message->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        emit self->published(id, true, {});
    } else {
        const QString topic = message->rkt ? QString::fromUtf8(rd_kafka_topic_name(message->rkt)) : QString();
        emit self->published(id, false,
                             tr("Not delivered to %1: %2").arg(topic, QString::fromUtf8(rd_kafka_err2str(message->err))));
    }
}

void EnvelopePublisher::poll()
{
    if (!m_rk)
        return;
    rd_kafka_poll(m_rk, 0);
    if (m_outstanding <= 0)
        m_timer->stop();
}

void EnvelopePublisher::shutdown(int flushTimeoutMs)
{
    if (m_rk && m_outstanding > 0)
        rd_kafka_flush(m_rk, std::max(0, flushTimeoutMs)); // serves delivery reports
    destroyProducer();
}

void EnvelopePublisher::destroyProducer()
{
    if (!m_rk)
        return;
    if (m_timer)
        m_timer->stop();
    // Purge what is still queued so its delivery reports (as failures) are served
    // now, with their opaques freed, instead of blocking in rd_kafka_destroy.
    rd_kafka_purge(m_rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
    rd_kafka_poll(m_rk, 0);
    rd_kafka_destroy(m_rk);
    m_rk = nullptr;
    if (m_outstanding > 0)
        qCWarning(lcKafka, "%d alarm action(s) were not confirmed by the broker before shutdown", m_outstanding);
    m_outstanding = 0;
}

} // namespace ndh
