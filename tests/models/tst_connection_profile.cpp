// Connection profiles as a user keeps them: what makes one unusable is said in words,
// they survive a restart through QSettings, and no secret ever reaches the settings
// file, whatever the profile holds.

#include "connection_profile.h"
#include "secret_store.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace ndh;

Q_DECLARE_METATYPE(ndh::ConnectionProfile)

class TestConnectionProfile : public QObject
{
    Q_OBJECT
private slots:
    void validation_data();
    void validation();
    void roundTripsThroughSettingsWithoutSecrets();
    void groupIdStrategy();
    void neededSecrets();
    void sessionStoreKeepsSecretsInMemory();
};

namespace {
ConnectionProfile good()
{
    ConnectionProfile p;
    p.name = QStringLiteral("Plant A");
    p.kafka.bootstrap = QStringLiteral("kafka1.plant:9093,[::1]:9094");
    return p;
}
} // namespace

void TestConnectionProfile::validation_data()
{
    QTest::addColumn<ConnectionProfile>("profile");
    QTest::addColumn<QString>("problem"); // a word of the expected problem; empty: valid
    QTest::newRow("good") << good() << QString();
    ConnectionProfile p = good();
    p.name.clear();
    QTest::newRow("no name") << p << QStringLiteral("name");
    p = good();
    p.kafka.bootstrap = QStringLiteral("kafka1.plant");
    QTest::newRow("no port") << p << QStringLiteral("kafka1.plant");
    p = good();
    p.kafka.bootstrap = QStringLiteral("kafka1:99999");
    QTest::newRow("port out of range") << p << QStringLiteral("kafka1:99999");
    p = good();
    p.kafka.bootstrap.clear();
    QTest::newRow("no servers") << p << QStringLiteral("bootstrap");
    p = good();
    p.kafka.security = SecurityProtocol::SaslSsl;
    QTest::newRow("SASL without user") << p << QStringLiteral("user");
    p = good();
    p.kafka.caFile = QStringLiteral("/etc/ssl/ca.pem");
    QTest::newRow("certificate on PLAINTEXT") << p << QStringLiteral("PLAINTEXT");
    p = good();
    p.kafka.security = SecurityProtocol::Ssl;
    p.kafka.certFile = QStringLiteral("/nonexistent/client.pem");
    QTest::newRow("certificate without key") << p << QStringLiteral("key");
    p.kafka.keyFile = QStringLiteral("/nonexistent/client.key");
    QTest::newRow("unreadable files") << p << QStringLiteral("cannot be read");
    p = good();
    p.kafka.groupStrategy = GroupIdStrategy::Fixed;
    QTest::newRow("fixed group without id") << p << QStringLiteral("group id");
    p = good();
    p.redis.enabled = true;
    QTest::newRow("redis without address") << p << QStringLiteral("Redis");
}

void TestConnectionProfile::validation()
{
    QFETCH(ConnectionProfile, profile);
    QFETCH(QString, problem);
    const QStringList problems = profile.validate();
    if (problem.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'|')));
    } else {
        QVERIFY(!problems.isEmpty());
        QVERIFY2(problems.join(u'|').contains(problem), qPrintable(problems.join(u'|')));
    }
}

void TestConnectionProfile::roundTripsThroughSettingsWithoutSecrets()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("ndh.ini"));
    ConnectionProfile a = good();
    a.kafka.security = SecurityProtocol::SaslSsl;
    a.kafka.mechanism = SaslMechanism::ScramSha256;
    a.kafka.saslUser = QStringLiteral("operator");
    a.kafka.caFile = QStringLiteral("/etc/ndh/ca.pem");
    a.kafka.verifyServer = false;
    a.kafka.groupStrategy = GroupIdStrategy::Fixed;
    a.kafka.groupId = QStringLiteral("control-room-1");
    a.kafka.topics = {QStringLiteral("ndh.assets.alarms.triggered"), QStringLiteral("drone-events")};
    a.kafka.topicEnvelopes = {{QStringLiteral("drone-*"), Envelope::Drone}};
    a.redis.enabled = true;
    a.redis.address = QStringLiteral("redis.plant:6380");
    a.redis.db = 3;
    a.redis.user = QStringLiteral("console");
    a.redis.usesPassword = true;
    ConnectionProfile b = good();
    b.name = QStringLiteral("Lab");
    {
        QSettings settings(file, QSettings::IniFormat);
        ConnectionProfileStore store(settings);
        store.save({a, b});
        store.setLastUsed(QStringLiteral("Lab"));
        // Secrets go elsewhere; even a session store next to the settings keeps them apart.
        SessionSecretStore secrets;
        secrets.write(secretKey(a.name, SecretKind::KafkaPassword), QStringLiteral("s3cr3t-SASL-pw"), [](bool, const QString &) {});
    }
    QSettings settings(file, QSettings::IniFormat);
    ConnectionProfileStore store(settings);
    const QList<ConnectionProfile> loaded = store.load();
    QCOMPARE(loaded.size(), 2);
    const ConnectionProfile &l = loaded.first();
    QCOMPARE(l.name, a.name);
    QCOMPARE(l.kafka.bootstrap, a.kafka.bootstrap);
    QCOMPARE(l.kafka.security, SecurityProtocol::SaslSsl);
    QCOMPARE(l.kafka.mechanism, SaslMechanism::ScramSha256);
    QCOMPARE(l.kafka.saslUser, QStringLiteral("operator"));
    QCOMPARE(l.kafka.caFile, a.kafka.caFile);
    QCOMPARE(l.kafka.verifyServer, false);
    QCOMPARE(l.kafka.groupStrategy, GroupIdStrategy::Fixed);
    QCOMPARE(l.kafka.groupId, a.kafka.groupId);
    QCOMPARE(l.kafka.topics, a.kafka.topics);
    QCOMPARE(l.kafka.topicEnvelopes, a.kafka.topicEnvelopes);
    QCOMPARE(l.redis.enabled, true);
    QCOMPARE(l.redis.address, a.redis.address);
    QCOMPARE(l.redis.db, 3);
    QCOMPARE(l.redis.usesPassword, true);
    QCOMPARE(store.lastUsed(), QStringLiteral("Lab"));
    QVERIFY(store.find(QStringLiteral("Lab")).has_value());
    QVERIFY(!store.find(QStringLiteral("nope")).has_value());

    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains("operator"));
    QVERIFY(!text.contains("s3cr3t"));
    // No key holds a password; only the flag that one is needed.
    QVERIFY(!QByteArray(text).replace("usesPassword=", "").toLower().contains("password="));
}

void TestConnectionProfile::groupIdStrategy()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("ndh.ini")), QSettings::IniFormat);
    ConnectionProfileStore store(settings);
    const QString id = store.consoleId();
    QVERIFY(!id.isEmpty());
    QCOMPARE(store.consoleId(), id); // stable across calls (and restarts: it is saved)
    ConnectionProfile p = good();
    QCOMPARE(p.effectiveGroupId(id), QStringLiteral("ndh-console-") + id);
    p.kafka.groupId = QStringLiteral("hall-b");
    QCOMPARE(p.effectiveGroupId(id), QStringLiteral("hall-b-") + id);
    p.kafka.groupStrategy = GroupIdStrategy::Fixed;
    QCOMPARE(p.effectiveGroupId(id), QStringLiteral("hall-b"));
    // Another console (another install) gets another unique group.
    QTemporaryDir other;
    QSettings otherSettings(other.filePath(QStringLiteral("ndh.ini")), QSettings::IniFormat);
    QVERIFY(ConnectionProfileStore(otherSettings).consoleId() != id);
}

void TestConnectionProfile::neededSecrets()
{
    ConnectionProfile p = good();
    QVERIFY(p.neededSecrets().isEmpty());
    p.kafka.security = SecurityProtocol::SaslSsl;
    p.kafka.keyFile = QStringLiteral("k.pem");
    p.redis.enabled = true;
    p.redis.usesPassword = true;
    QCOMPARE(p.neededSecrets(),
             (QList<SecretKind>{SecretKind::KafkaPassword, SecretKind::KeyPassphrase, SecretKind::RedisPassword}));
    QCOMPARE(secretKey(QStringLiteral("Plant A"), SecretKind::RedisPassword), QStringLiteral("Plant A/redis-password"));
}

void TestConnectionProfile::sessionStoreKeepsSecretsInMemory()
{
    SessionSecretStore s;
    QVERIFY(!s.isPersistent());
    bool found = true;
    s.read(QStringLiteral("x"), [&](bool f, const QString &, const QString &) { found = f; });
    QVERIFY(!found);
    s.write(QStringLiteral("x"), QStringLiteral("pw"), [](bool, const QString &) {});
    QString value;
    s.read(QStringLiteral("x"), [&](bool f, const QString &v, const QString &) {
        found = f;
        value = v;
    });
    QVERIFY(found);
    QCOMPARE(value, QStringLiteral("pw"));
    s.remove(QStringLiteral("x"));
    s.read(QStringLiteral("x"), [&](bool f, const QString &, const QString &) { found = f; });
    QVERIFY(!found);
}

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "tst_connection_profile.moc"
