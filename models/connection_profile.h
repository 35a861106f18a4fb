#pragma once
// A named way to reach a plant: one Kafka cluster (bootstrap servers, security,
// certificates, group id strategy, topics and their envelopes) and optionally one
// Redis server. Profiles are kept in QSettings by ConnectionProfileStore WITHOUT
// secrets: passwords and key passphrases live in the OS keychain (SecretStore) or,
// when there is none, only in memory for the session. Validation says in words what
// is wrong before anything tries to connect.

#include "plant_event.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

class QSettings;

namespace ndh {

enum class SecurityProtocol : quint8 { Plaintext, Ssl, SaslSsl };
enum class SaslMechanism : quint8 { Plain, ScramSha256, ScramSha512 };
// Unique per console (default): every console reads every partition and is told
// apart on the cluster; Fixed: a group id the cluster's ACLs allow.
enum class GroupIdStrategy : quint8 { UniquePerConsole, Fixed };

// The librdkafka spellings ("SASL_SSL", "SCRAM-SHA-256"), also used in settings.
QString securityProtocolName(SecurityProtocol p);
std::optional<SecurityProtocol> securityProtocolFromName(const QString &name);
QString saslMechanismName(SaslMechanism m);
std::optional<SaslMechanism> saslMechanismFromName(const QString &name);

struct KafkaClusterSettings
{
    QString bootstrap; // "host:port[,host:port]"
    SecurityProtocol security = SecurityProtocol::Plaintext;
    SaslMechanism mechanism = SaslMechanism::ScramSha512;
    QString saslUser;
    QString caFile;   // PEM bundle that signs the brokers' certificates; empty: system store
    QString certFile; // client certificate (PEM) for mutual TLS
    QString keyFile;  // its private key (PEM); a passphrase is a secret
    // Off only by an explicit, shown choice: the console says so wherever it shows
    // the link (ssl.endpoint.identification.algorithm and certificate checks).
    bool verifyServer = true;
    GroupIdStrategy groupStrategy = GroupIdStrategy::UniquePerConsole;
    QString groupId; // for Fixed; the prefix for UniquePerConsole (empty: "ndh-console")
    QStringList topics; // empty: the standard NDH topics
    QList<QPair<QString, Envelope>> topicEnvelopes; // pattern -> envelope; others sniffed

    bool usesTls() const { return security != SecurityProtocol::Plaintext; }
    bool usesSasl() const { return security == SecurityProtocol::SaslSsl; }
};

struct RedisServerSettings
{
    bool enabled = false;
    QString address; // "host:port" (or empty with unixSocket)
    QString unixSocket;
    int db = 0;
    QString user;
    bool usesPassword = false; // the password itself is a secret
};

// Secrets of one profile, in memory only.
struct ConnectionSecrets
{
    QString kafkaPassword;  // SASL
    QString keyPassphrase;  // client key
    QString redisPassword;
};

enum class SecretKind : quint8 { KafkaPassword, KeyPassphrase, RedisPassword };

struct ConnectionProfile
{
    QString name;
    KafkaClusterSettings kafka;
    RedisServerSettings redis;

    // Problems that stop a connection, in words; empty when the profile can be used.
    // Files are checked for existence when checkFiles is true.
    QStringList validate(bool checkFiles = true) const;
    // The secrets this profile needs the user (or keychain) to provide.
    QList<SecretKind> neededSecrets() const;
    // The group id this console uses on the cluster. `consoleId` is the per-install
    // identity (ConnectionProfileStore::consoleId) for UniquePerConsole.
    QString effectiveGroupId(const QString &consoleId) const;
};

// Keychain entry name of one secret: "<profile>/kafka-password" and so on.
QString secretKey(const QString &profileName, SecretKind kind);
QString secretKindLabel(SecretKind kind); // "Kafka SASL password" (translated)

// QSettings persistence (group "connections"). Never writes a secret: the settings
// hold only which secrets a profile needs.
class ConnectionProfileStore
{
public:
    explicit ConnectionProfileStore(QSettings &settings)
        : m_settings(settings)
    {
    }
    QList<ConnectionProfile> load() const;
    void save(const QList<ConnectionProfile> &profiles);
    std::optional<ConnectionProfile> find(const QString &name) const;
    QString lastUsed() const;
    void setLastUsed(const QString &name);
    // A stable identity of this console installation (created on first use), so a
    // unique group id survives restarts instead of littering the cluster.
    QString consoleId();

private:
    QSettings &m_settings;
};

} // namespace ndh
