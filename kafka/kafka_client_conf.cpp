#include "kafka_client_conf.h"

#include "kafka_logging.h"

#include <QRandomGenerator>

#include <librdkafka/rdkafka.h>

namespace ndh {

KafkaClientConf::KafkaClientConf()
    : m_conf(rd_kafka_conf_new())
{
    routeRdKafkaLogs(m_conf);
}

KafkaClientConf::~KafkaClientConf()
{
    if (m_conf)
        rd_kafka_conf_destroy(m_conf);
}

bool KafkaClientConf::set(const QString &name, const QString &value)
{
    if (!m_conf)
        return false;
    char errstr[512];
    if (rd_kafka_conf_set(m_conf, name.toUtf8().constData(), value.toUtf8().constData(), errstr,
                          sizeof errstr) != RD_KAFKA_CONF_OK) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("Kafka property %1=%2 refused: %3")
                          .arg(name, isSecretProperty(name) ? QStringLiteral("(hidden)") : value,
                               QString::fromUtf8(errstr));
        return false;
    }
    return true;
}

void KafkaClientConf::setGrouplessReader(const QString &bootstrap, const QString &clientId)
{
    set(QStringLiteral("bootstrap.servers"), bootstrap);
    set(QStringLiteral("client.id"), clientId);
    set(QStringLiteral("group.id"),
        QStringLiteral("%1-%2").arg(clientId).arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0')));
    set(QStringLiteral("enable.auto.commit"), QStringLiteral("false"));
    set(QStringLiteral("enable.auto.offset.store"), QStringLiteral("false"));
    set(QStringLiteral("enable.partition.eof"), QStringLiteral("true"));
    set(QStringLiteral("log.connection.close"), QStringLiteral("false"));
    set(QStringLiteral("fetch.wait.max.ms"), QStringLiteral("50"));
}

bool KafkaClientConf::isSecretProperty(const QString &name)
{
    return name.contains(u"password") || name.contains(u"secret") || name == u"ssl.key.pem"
           || name == u"sasl.oauthbearer.config";
}

QList<QPair<QString, QString>> KafkaClientConf::securityProperties(const KafkaClusterSettings &cluster,
                                                                   const ConnectionSecrets &secrets)
{
    QList<QPair<QString, QString>> p;
    p << qMakePair(QStringLiteral("security.protocol"), securityProtocolName(cluster.security));
    if (cluster.usesSasl()) {
        p << qMakePair(QStringLiteral("sasl.mechanisms"), saslMechanismName(cluster.mechanism))
          << qMakePair(QStringLiteral("sasl.username"), cluster.saslUser)
          << qMakePair(QStringLiteral("sasl.password"), secrets.kafkaPassword);
    }
    if (cluster.usesTls()) {
        if (!cluster.caFile.isEmpty())
            p << qMakePair(QStringLiteral("ssl.ca.location"), cluster.caFile);
        if (!cluster.certFile.isEmpty())
            p << qMakePair(QStringLiteral("ssl.certificate.location"), cluster.certFile);
        if (!cluster.keyFile.isEmpty())
            p << qMakePair(QStringLiteral("ssl.key.location"), cluster.keyFile);
        if (!secrets.keyPassphrase.isEmpty())
            p << qMakePair(QStringLiteral("ssl.key.password"), secrets.keyPassphrase);
        p << qMakePair(QStringLiteral("enable.ssl.certificate.verification"),
                       cluster.verifyServer ? QStringLiteral("true") : QStringLiteral("false"))
          << qMakePair(QStringLiteral("ssl.endpoint.identification.algorithm"),
                       cluster.verifyServer ? QStringLiteral("https") : QStringLiteral("none"));
    }
    return p;
}

void KafkaClientConf::ConsumerDeleter::operator()(rd_kafka_s *rk) const
{
    if (rk)
        rd_kafka_destroy_flags(rk, RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE);
}

bool KafkaClientConf::setAll(const QList<QPair<QString, QString>> &properties)
{
    bool ok = true;
    for (const auto &[name, value] : properties)
        ok = set(name, value) && ok;
    return ok;
}

rd_kafka_s *KafkaClientConf::createProducer()
{
    return create(RD_KAFKA_PRODUCER);
}

rd_kafka_s *KafkaClientConf::createConsumer()
{
    return create(RD_KAFKA_CONSUMER);
}

rd_kafka_s *KafkaClientConf::create(int type)
{
    if (!m_conf || !m_error.isEmpty())
        return nullptr;
    char errstr[512];
    rd_kafka_t *rk = rd_kafka_new(rd_kafka_type_t(type), m_conf, errstr, sizeof errstr);
    if (!rk) {
        m_error = QStringLiteral("Cannot create Kafka client: %1").arg(QString::fromUtf8(errstr));
        return nullptr;
    }
    m_conf = nullptr; // owned by rk now
    return rk;
}

} // namespace ndh
