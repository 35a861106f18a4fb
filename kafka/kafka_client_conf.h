#pragma once
// Owning wrapper of a librdkafka configuration: collects properties, remembers the
// first one that was refused (with librdkafka's reason) and hands the raw handle to
// rd_kafka_new(), which takes ownership on success.

#include "connection_profile.h"

#include <QList>
#include <QPair>
#include <QString>

struct rd_kafka_conf_s;
struct rd_kafka_s;

namespace ndh {

class KafkaClientConf
{
public:
    KafkaClientConf(); // with log routing to lcKafka already installed
    ~KafkaClientConf();
    KafkaClientConf(const KafkaClientConf &) = delete;
    KafkaClientConf &operator=(const KafkaClientConf &) = delete;

    // False when librdkafka refuses the property; error() then says which and why.
    bool set(const QString &name, const QString &value);
    bool setAll(const QList<QPair<QString, QString>> &properties);
    // The reader every tool here uses: assign() only, never a group join (no 3 s
    // rebalance, no commits; librdkafka still wants a group id, so a throwaway one),
    // end-of-partition events, and short empty fetches (the mock holds an empty
    // fetch for the whole wait).
    void setGrouplessReader(const QString &bootstrap, const QString &clientId);
    QString error() const { return m_error; }
    rd_kafka_conf_s *raw() { return m_conf; }

    // The one mapping of a connection profile's security to librdkafka (issue 9):
    // security.protocol, SASL mechanism/user/password, CA, client certificate and key.
    // Server verification (certificate chain and host name) is on unless the profile
    // turned it off explicitly, and then the console shows it. Secrets enter librdkafka
    // here and are never echoed: set() redacts them in errors.
    static QList<QPair<QString, QString>> securityProperties(const KafkaClusterSettings &cluster,
                                                             const ConnectionSecrets &secrets);
    // Properties whose values are secrets (passwords, keys): never logged or shown.
    static bool isSecretProperty(const QString &name);

    // Creates the client; the configuration is consumed on success. nullptr with
    // error() set on failure.
    rd_kafka_s *createProducer();
    rd_kafka_s *createConsumer();

    // Destroys a consumer without a group close: it never joined one, and a close
    // would wait on brokers that may be gone.
    struct ConsumerDeleter
    {
        void operator()(rd_kafka_s *rk) const;
    };

private:
    rd_kafka_s *create(int type);
    rd_kafka_conf_s *m_conf = nullptr;
    QString m_error;
};

} // namespace ndh
