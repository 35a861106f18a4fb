#include "connection_profile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QSysInfo>

namespace ndh {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ndh::ConnectionProfile", text);
}

constexpr auto kGroup = "connections";

} // namespace

QString securityProtocolName(SecurityProtocol p)
{
    switch (p) {
    case SecurityProtocol::Plaintext: return QStringLiteral("PLAINTEXT");
    case SecurityProtocol::Ssl: return QStringLiteral("SSL");
    case SecurityProtocol::SaslSsl: return QStringLiteral("SASL_SSL");
    }
    return {};
}

std::optional<SecurityProtocol> securityProtocolFromName(const QString &name)
{
    for (auto p : {SecurityProtocol::Plaintext, SecurityProtocol::Ssl, SecurityProtocol::SaslSsl}) {
        if (name.compare(securityProtocolName(p), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

QString saslMechanismName(SaslMechanism m)
{
    switch (m) {
    case SaslMechanism::Plain: return QStringLiteral("PLAIN");
    case SaslMechanism::ScramSha256: return QStringLiteral("SCRAM-SHA-256");
    case SaslMechanism::ScramSha512: return QStringLiteral("SCRAM-SHA-512");
    }
    return {};
}

std::optional<SaslMechanism> saslMechanismFromName(const QString &name)
{
    for (auto m : {SaslMechanism::Plain, SaslMechanism::ScramSha256, SaslMechanism::ScramSha512}) {
        if (name.compare(saslMechanismName(m), Qt::CaseInsensitive) == 0)
            return m;
    }
    return std::nullopt;
}

QStringList ConnectionProfile::validate(bool checkFiles) const
{
    QStringList problems;
    if (name.trimmed().isEmpty())
        problems << tr("The profile needs a name.");
    else if (name.contains(u'/') || name.contains(u'\\'))
        problems << tr("A profile name cannot contain / or \\.");

    // host:port, comma-separated; IPv6 in brackets.
    static const QRegularExpression server(QStringLiteral(R"(^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):(\d{1,5})$)"));
    const QStringList servers = kafka.bootstrap.split(u',', Qt::SkipEmptyParts);
    if (servers.isEmpty())
        problems << tr("Give at least one Kafka bootstrap server as host:port.");
    for (const QString &s : servers) {
        const auto m = server.match(s.trimmed());
        if (!m.hasMatch() || m.captured(2).toInt() < 1 || m.captured(2).toInt() > 65535)
            problems << tr("\"%1\" is not a Kafka server address (host:port).").arg(s.trimmed());
    }
    if (kafka.usesSasl() && kafka.saslUser.trimmed().isEmpty())
        problems << tr("SASL needs a user name.");
    if (!kafka.usesTls() && (!kafka.caFile.isEmpty() || !kafka.certFile.isEmpty() || !kafka.keyFile.isEmpty()))
        problems << tr("Certificates are set but the security protocol is PLAINTEXT: choose SSL or SASL_SSL.");
    if (kafka.certFile.isEmpty() != kafka.keyFile.isEmpty())
        problems << tr("A client certificate needs its private key, and a key its certificate.");
    if (checkFiles && kafka.usesTls()) {
        const QList<QPair<QString, QString>> files{{tr("CA file"), kafka.caFile},
                                                   {tr("Client certificate"), kafka.certFile},
                                                   {tr("Client key"), kafka.keyFile}};
        for (const auto &[what, path] : files) {
            if (!path.isEmpty() && !QFileInfo(path).isReadable())
                problems << tr("%1 \"%2\" cannot be read.").arg(what, path);
        }
    }
    if (kafka.groupStrategy == GroupIdStrategy::Fixed && kafka.groupId.trimmed().isEmpty())
        problems << tr("A fixed consumer group needs a group id.");
    if (redis.enabled && redis.address.trimmed().isEmpty() && redis.unixSocket.trimmed().isEmpty())
        problems << tr("Redis is on but has no address or socket.");
    if (redis.enabled && (redis.db < 0 || redis.db > 1000))
        problems << tr("The Redis database number must be from 0 to 1000.");
    return problems;
}

QList<SecretKind> ConnectionProfile::neededSecrets() const
{
    QList<SecretKind> out;
    if (kafka.usesSasl())
        out << SecretKind::KafkaPassword;
    if (kafka.usesTls() && !kafka.keyFile.isEmpty())
        out << SecretKind::KeyPassphrase;
    if (redis.enabled && redis.usesPassword)
        out << SecretKind::RedisPassword;
    return out;
}

QString ConnectionProfile::effectiveGroupId(const QString &consoleId) const
{
    if (kafka.groupStrategy == GroupIdStrategy::Fixed)
        return kafka.groupId.trimmed();
    const QString prefix = kafka.groupId.trimmed().isEmpty() ? QStringLiteral("ndh-console") : kafka.groupId.trimmed();
    return prefix + u'-' + consoleId;
}

QString secretKey(const QString &profileName, SecretKind kind)
{
    switch (kind) {
    case SecretKind::KafkaPassword: return profileName + QStringLiteral("/kafka-password");
    case SecretKind::KeyPassphrase: return profileName + QStringLiteral("/key-passphrase");
    case SecretKind::RedisPassword: return profileName + QStringLiteral("/redis-password");
    }
    return {};
}

QString secretKindLabel(SecretKind kind)
{
    switch (kind) {
    case SecretKind::KafkaPassword: return tr("Kafka SASL password");
    case SecretKind::KeyPassphrase: return tr("Client key passphrase");
    case SecretKind::RedisPassword: return tr("Redis password");
    }
    return {};
}

QList<ConnectionProfile> ConnectionProfileStore::load() const
{
    QList<ConnectionProfile> out;
    m_settings.beginGroup(QLatin1String(kGroup));
    const int n = m_settings.beginReadArray(QStringLiteral("profiles"));
    for (int i = 0; i < n; ++i) {
        m_settings.setArrayIndex(i);
        ConnectionProfile p;
        p.name = m_settings.value(QStringLiteral("name")).toString();
        KafkaClusterSettings &k = p.kafka;
        k.bootstrap = m_settings.value(QStringLiteral("kafka/bootstrap")).toString();
        k.security = securityProtocolFromName(m_settings.value(QStringLiteral("kafka/security")).toString())
                         .value_or(SecurityProtocol::Plaintext);
        k.mechanism = saslMechanismFromName(m_settings.value(QStringLiteral("kafka/mechanism")).toString())
                          .value_or(SaslMechanism::ScramSha512);
        k.saslUser = m_settings.value(QStringLiteral("kafka/user")).toString();
        k.caFile = m_settings.value(QStringLiteral("kafka/caFile")).toString();
        k.certFile = m_settings.value(QStringLiteral("kafka/certFile")).toString();
        k.keyFile = m_settings.value(QStringLiteral("kafka/keyFile")).toString();
        k.verifyServer = m_settings.value(QStringLiteral("kafka/verifyServer"), true).toBool();
        k.groupStrategy = m_settings.value(QStringLiteral("kafka/groupStrategy")).toString() == u"fixed"
                              ? GroupIdStrategy::Fixed
                              : GroupIdStrategy::UniquePerConsole;
        k.groupId = m_settings.value(QStringLiteral("kafka/groupId")).toString();
        k.topics = m_settings.value(QStringLiteral("kafka/topics")).toStringList();
        for (const QString &rule : m_settings.value(QStringLiteral("kafka/envelopes")).toStringList()) {
            const int eq = rule.lastIndexOf(u'=');
            if (const auto e = envelopeFromName(rule.mid(eq + 1)); eq > 0 && e)
                k.topicEnvelopes << qMakePair(rule.left(eq), *e);
        }
        RedisServerSettings &r = p.redis;
        r.enabled = m_settings.value(QStringLiteral("redis/enabled"), false).toBool();
        r.address = m_settings.value(QStringLiteral("redis/address")).toString();
        r.unixSocket = m_settings.value(QStringLiteral("redis/socket")).toString();
        r.db = m_settings.value(QStringLiteral("redis/db"), 0).toInt();
        r.user = m_settings.value(QStringLiteral("redis/user")).toString();
        r.usesPassword = m_settings.value(QStringLiteral("redis/usesPassword"), false).toBool();
        if (!p.name.isEmpty())
            out << p;
    }
    m_settings.endArray();
    m_settings.endGroup();
    return out;
}

void ConnectionProfileStore::save(const QList<ConnectionProfile> &profiles)
{
    m_settings.beginGroup(QLatin1String(kGroup));
    m_settings.remove(QStringLiteral("profiles"));
    m_settings.beginWriteArray(QStringLiteral("profiles"), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &p = profiles.at(i);
        const KafkaClusterSettings &k = p.kafka;
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("name"), p.name);
        m_settings.setValue(QStringLiteral("kafka/bootstrap"), k.bootstrap);
        m_settings.setValue(QStringLiteral("kafka/security"), securityProtocolName(k.security));
        m_settings.setValue(QStringLiteral("kafka/mechanism"), saslMechanismName(k.mechanism));
        m_settings.setValue(QStringLiteral("kafka/user"), k.saslUser);
        m_settings.setValue(QStringLiteral("kafka/caFile"), k.caFile);
        m_settings.setValue(QStringLiteral("kafka/certFile"), k.certFile);
        m_settings.setValue(QStringLiteral("kafka/keyFile"), k.keyFile);
        m_settings.setValue(QStringLiteral("kafka/verifyServer"), k.verifyServer);
        m_settings.setValue(QStringLiteral("kafka/groupStrategy"),
                            k.groupStrategy == GroupIdStrategy::Fixed ? QStringLiteral("fixed")
                                                                      : QStringLiteral("unique"));
        m_settings.setValue(QStringLiteral("kafka/groupId"), k.groupId);
        m_settings.setValue(QStringLiteral("kafka/topics"), k.topics);
        QStringList rules;
        for (const auto &[pattern, envelope] : k.topicEnvelopes)
            rules << pattern + u'=' + envelopeName(envelope);
        m_settings.setValue(QStringLiteral("kafka/envelopes"), rules);
        const RedisServerSettings &r = p.redis;
        m_settings.setValue(QStringLiteral("redis/enabled"), r.enabled);
        m_settings.setValue(QStringLiteral("redis/address"), r.address);
        m_settings.setValue(QStringLiteral("redis/socket"), r.unixSocket);
        m_settings.setValue(QStringLiteral("redis/db"), r.db);
        m_settings.setValue(QStringLiteral("redis/user"), r.user);
        m_settings.setValue(QStringLiteral("redis/usesPassword"), r.usesPassword);
    }
    m_settings.endArray();
    m_settings.endGroup();
}

std::optional<ConnectionProfile> ConnectionProfileStore::find(const QString &name) const
{
    for (const ConnectionProfile &p : load()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

QString ConnectionProfileStore::lastUsed() const
{
    return m_settings.value(QStringLiteral("connections/lastUsed")).toString();
}

void ConnectionProfileStore::setLastUsed(const QString &name)
{
    m_settings.setValue(QStringLiteral("connections/lastUsed"), name);
}

QString ConnectionProfileStore::consoleId()
{
    QString id = m_settings.value(QStringLiteral("connections/consoleId")).toString();
    if (id.isEmpty()) {
        QString host = QSysInfo::machineHostName().toLower();
        host.replace(QRegularExpression(QStringLiteral("[^a-z0-9-]")), QStringLiteral("-"));
        id = QStringLiteral("%1-%2").arg(host.left(32)).arg(QRandomGenerator::global()->generate(), 8, 16, QChar(u'0'));
        m_settings.setValue(QStringLiteral("connections/consoleId"), id);
    }
    return id;
}

} // namespace ndh
