// Redis beside Kafka (issue 4), against a real redis-server started on a free port
// and redis-cli as an independent client: the state of every asset appears on
// connect, pub/sub values are applied, the same event on both paths is applied once,
// an older value from the slower path never wins, and every outage an operator can
// meet (kill + restart, SIGSTOP, CLIENT KILL, a dropped slow subscriber, a wrong
// password, bad data) is reported, survived and, where possible, recovered from.

#include "embedded_broker.h"
#include "ingest_backend.h"
#include "kafka_test_support.h"
#include "link_health_model.h"
#include "plant_models.h"
#include "redis_client.h"
#include "redis_fixture.h"
#include "redis_state_hash.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace ndh;
using ndhtest::RedisServer;

namespace {

QByteArray resp(const QList<QByteArray> &argv)
{
    QByteArray out = '*' + QByteArray::number(argv.size()) + "\r\n";
    for (const QByteArray &a : argv)
        out += '$' + QByteArray::number(a.size()) + "\r\n" + a + "\r\n";
    return out;
}

QByteArray valueEnvelope(const QString &messageId, const QString &asset, const QString &attribute, double value,
                         qint64 timeMs)
{
    QJsonObject data{{QStringLiteral("attribute"), attribute},
                     {QStringLiteral("old_value"), 0},
                     {QStringLiteral("new_value"), value}};
    QJsonObject doc{{QStringLiteral("message_id"), messageId},
                    {QStringLiteral("message_type"), QStringLiteral("attribute_changed")},
                    {QStringLiteral("timestamp"), formatTimestampMs(timeMs)},
                    {QStringLiteral("source_orb"), QStringLiteral("TEST-ORB")},
                    {QStringLiteral("asset_id"), asset},
                    {QStringLiteral("asset_uuid"), QStringLiteral("uuid-") + asset},
                    {QStringLiteral("asset_type"), QStringLiteral("Pump")},
                    {QStringLiteral("location"), QStringLiteral("HALL")},
                    {QStringLiteral("event_type"), QStringLiteral("attribute_changed")},
                    {QStringLiteral("event_data"), data},
                    {QStringLiteral("version"), 1}};
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

// HSET of one asset's state hash in the documented layout (docs/REDIS.md).
QByteArray stateHash(const QString &asset, double flow, qint64 timeMs, const QString &prefix = QStringLiteral("ndh:state:"))
{
    const QByteArray attrs = QJsonDocument(QJsonObject{{QStringLiteral("flow"), flow}}).toJson(QJsonDocument::Compact);
    return resp({"HSET", (prefix + asset).toUtf8(), "id", asset.toUtf8(), "type", "Pump", "location", "HALL",
                 "lifecycle", "active", "updated", formatTimestampMs(timeMs).toUtf8(), "attributes", attrs});
}

QString attrKey(const QString &asset, const QString &attribute = QStringLiteral("flow"))
{
    return QStringLiteral("HALL/Pump/") + asset + u'/' + attribute;
}

// The console as the GUI composes it: backend -> PlantModels, Redis status watched.
struct Console
{
    PlantModels models;
    IngestBackend backend;
    QList<ConnectionStatus> redisStatuses;
    quint64 snapshotsFinished = 0;
    quint64 lastSnapshotKeys = 0;
    QElapsedTimer clock;

    Console(const RedisConfig &redis, const QString &bootstrap)
        : backend(config(bootstrap))
    {
        clock.start();
        backend.setRedisConfig(redis);
        QObject::connect(&backend, &IngestBackend::batchReady, &models, &PlantModels::applyBatch);
        QObject::connect(&backend, &IngestBackend::redisStatusChanged, &models, [this](const ConnectionStatus &s) {
            redisStatuses << s;
            models.assetTree()->setSourceUp(EventSource::Channel::Redis, s.state == ConnectionStatus::State::Connected);
        });
        QObject::connect(&backend, &IngestBackend::redisSnapshotFinished, &models, [this](quint64 keys, qint64) {
            ++snapshotsFinished;
            lastSnapshotKeys = keys;
        });
    }
    static ConsumerConfig config(const QString &bootstrap)
    {
        ConsumerConfig c;
        c.bootstrap = bootstrap;
        return c;
    }
    ConnectionStatus::State redisState() const
    {
        return redisStatuses.isEmpty() ? ConnectionStatus::State::Disconnected : redisStatuses.last().state;
    }
    QString redisError() const { return redisStatuses.isEmpty() ? QString() : redisStatuses.last().lastError; }
    QString value(const QString &key) const
    {
        auto *tree = const_cast<PlantModels &>(models).assetTree();
        return tree->indexForAttribute(key).siblingAtColumn(AssetTreeModel::ValueColumn).data().toString();
    }
    int origin(const QString &key) const
    {
        auto *tree = const_cast<PlantModels &>(models).assetTree();
        return tree->indexForAttribute(key).data(AssetTreeModel::OriginRole).toInt();
    }
    bool stale(const QString &key) const
    {
        auto *tree = const_cast<PlantModels &>(models).assetTree();
        return tree->indexForAttribute(key).data(AssetTreeModel::StaleRole).toBool();
    }
};

// Kafka is not the subject of most tests here: a port nobody listens on.
QString noKafka()
{
    return QStringLiteral("127.0.0.1:%1").arg(ndhtest::closedLoopbackPort());
}

} // namespace

class TestRedisClient : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void parsesAddresses();
    void stateHashBecomesASnapshot();
    void snapshotOfTenThousandAssetsOnConnect();
    void pubSubValuesAreApplied();
    void sameEventOnBothPathsIsAppliedOnceAndOlderNeverWins();
    void killAndRestartMidStreamLosesNothing();
    void pausedServerIsReportedAndRecovered();
    void killedSubscriberReconnects();
    void slowSubscriberDroppedByServerRereads();
    void wrongPasswordIsClearAndDoesNotStorm();
    void aclUserConnects();
    void userWithoutPublishIsToldAndStaysConnected();
    void userWithoutSubscribeGetsTheStateAndIsTold();
    void roundTripIsMeasuredAndUnknownWhileDown();
    void configuredPrefixAndChannelsFromTheCommandLine();
    void badDataBecomesDeadLetters();
};

void TestRedisClient::init()
{
    // scripts/install-deps.sh installs redis-server: its absence is a broken set-up,
    // not a reason to pass silently.
    if (!RedisServer::available())
        QFAIL("redis-server / redis-cli not installed: run scripts/install-deps.sh");
}

void TestRedisClient::parsesAddresses()
{
    QString error;
    auto ep = parseRedisAddress(QStringLiteral("redis.plant:6380"), &error);
    QVERIFY(ep);
    QCOMPARE(ep->host, QStringLiteral("redis.plant"));
    QCOMPARE(ep->port, 6380);
    ep = parseRedisAddress(QStringLiteral("10.0.0.5"), &error);
    QVERIFY(ep);
    QCOMPARE(ep->port, 6379);
    ep = parseRedisAddress(QStringLiteral("[::1]:7000"), &error);
    QVERIFY(ep);
    QCOMPARE(ep->host, QStringLiteral("::1"));
    QCOMPARE(ep->port, 7000);
    QVERIFY(!parseRedisAddress(QStringLiteral("host:notaport"), &error));
    QVERIFY(error.contains(u"notaport"));

    // Naming options: defaults kept unless given, three channels in routing order.
    RedisConfig c;
    QVERIFY(applyRedisNaming(c, {}, {}, &error));
    QCOMPARE(c.keyPrefix, QStringLiteral("ndh:state:"));
    QCOMPARE(c.channels, QStringList({QStringLiteral("ndh:asset:status"), QStringLiteral("ndh:asset:alarm"),
                                      QStringLiteral("ndh:asset:value")}));
    QVERIFY(applyRedisNaming(c, QStringLiteral("site7:st:"), QStringLiteral("s7:status, s7:alarm,s7:value"), &error));
    QCOMPARE(c.keyPrefix, QStringLiteral("site7:st:"));
    QCOMPARE(c.channels.last(), QStringLiteral("s7:value"));
    QVERIFY(!applyRedisNaming(c, QStringLiteral("bad*"), {}, &error));
    QVERIFY(error.contains(u"--redis-prefix"));
    QVERIFY(!applyRedisNaming(c, {}, QStringLiteral("only,two"), &error));
    QVERIFY(error.contains(u"three"));
    QVERIFY(!applyRedisNaming(c, {}, QStringLiteral("a,,c"), &error));
}

void TestRedisClient::stateHashBecomesASnapshot()
{
    EnvelopeDecoder decoder;
    std::vector<PlantEvent> out;
    QString reason;
    QVERIFY(redisSnapshotFromHash(QStringLiteral("ndh:state:P1"),
                                  {{"id", "P1"},
                                   {"type", "Pump"},
                                   {"location", "HALL"},
                                   {"lifecycle", "active"},
                                   {"updated", "2025-01-09T10:00:00Z"},
                                   {"attributes", "{\"flow\":12.5,\"mode\":\"auto\"}"}},
                                  decoder, out, &reason));
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].kind, EventKind::Snapshot);
    QCOMPARE(out[0].source.channel, EventSource::Channel::Redis);
    QCOMPARE(out[0].asset.key(), QStringLiteral("HALL/Pump/P1"));
    QCOMPARE(out[0].lifecycle, QStringLiteral("active"));
    QCOMPARE(out[0].attributes.size(), size_t(2));
    QCOMPARE(out[0].eventTimeMs, *parseTimestampMs(QStringLiteral("2025-01-09T10:00:00Z")));

    out.clear();
    QVERIFY(!redisSnapshotFromHash(QStringLiteral("ndh:state:P2"), {{"id", "P2"}, {"attributes", "{oops"}}, decoder,
                                   out, &reason));
    QVERIFY(out.empty());
    QVERIFY2(reason.contains(u"attributes") && reason.contains(u"ndh:state:P2"), qPrintable(reason));

    // 100,000 nested brackets in a hash (well under its 1 MB bound) used to crash the
    // console: the hash is re-rendered as JSON, one stack frame per level.
    const QByteArray deep = "{\"a\":" + QByteArray(100000, '[') + QByteArray(100000, ']') + '}';
    QVERIFY(!redisSnapshotFromHash(QStringLiteral("ndh:state:P3"), {{"id", "P3"}, {"attributes", deep}}, decoder, out,
                                   &reason));
    QVERIFY(out.empty());
    QVERIFY2(reason.contains(u"ndh:state:P3") && reason.contains(u"nested deeper than 32 levels"), qPrintable(reason));
    // Just inside the bound it is still a snapshot.
    const QByteArray nested = "{\"a\":" + QByteArray(20, '[') + QByteArray(20, ']') + '}';
    QVERIFY2(redisSnapshotFromHash(QStringLiteral("ndh:state:P4"), {{"id", "P4"}, {"attributes", nested}}, decoder, out,
                                   &reason),
             qPrintable(reason));
}

void TestRedisClient::snapshotOfTenThousandAssetsOnConnect()
{
    RedisServer server;
    QVERIFY(server.start());
    const qint64 t = QDateTime::currentMSecsSinceEpoch() - 1000;
    QByteArray commands;
    for (int i = 0; i < 10000; ++i)
        commands += stateHash(QStringLiteral("P%1").arg(i, 5, 10, QChar(u'0')), i, t);
    // Not ours: other applications' keys in the same database are left alone.
    commands += resp({"SET", "other:app:key", "x"});
    QVERIFY(server.pipe(commands));

    Console console(ndhtest::consoleRedisConfig(server), noKafka());
    console.backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(console.snapshotsFinished, quint64(1), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(console.models.assetTree()->assetCount(), 10000, 10000);
    qInfo("10,000 assets in the tree %lld ms after start", console.clock.elapsed());
    QCOMPARE(console.lastSnapshotKeys, quint64(10000));
    QCOMPARE(console.value(attrKey(QStringLiteral("P04242"))), QStringLiteral("4242"));
    QCOMPARE(console.origin(attrKey(QStringLiteral("P04242"))), int(AssetTreeModel::OriginRedis));
    QCOMPARE(console.redisState(), ConnectionStatus::State::Connected);
    QCOMPARE(console.models.deadLetters()->totalCount(), quint64(0));
    // The server was never asked for KEYS.
    const QByteArray stats = server.cli({QStringLiteral("INFO"), QStringLiteral("commandstats")});
    QVERIFY2(!stats.contains("cmdstat_keys"), stats.constData());
    QVERIFY(stats.contains("cmdstat_scan"));
}

void TestRedisClient::pubSubValuesAreApplied()
{
    RedisServer server;
    QVERIFY(server.start());
    Console console(ndhtest::consoleRedisConfig(server), noKafka());
    console.backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(console.snapshotsFinished, quint64(1), 10000);
    const qint64 t = QDateTime::currentMSecsSinceEpoch();
    server.cli({QStringLiteral("PUBLISH"), QStringLiteral("ndh:asset:value"),
                QString::fromUtf8(valueEnvelope(QStringLiteral("m-1"), QStringLiteral("P1"), QStringLiteral("flow"), 42.5, t))});
    QTRY_COMPARE_WITH_TIMEOUT(console.value(attrKey(QStringLiteral("P1"))), QStringLiteral("42.5"), 5000);
    QCOMPARE(console.origin(attrKey(QStringLiteral("P1"))), int(AssetTreeModel::OriginRedis));
    QVERIFY(console.models.assetTree()->indexForAttribute(attrKey(QStringLiteral("P1")))
                .siblingAtColumn(AssetTreeModel::OriginColumn)
                .data()
                .toString()
                .contains(u"Redis"));
}

void TestRedisClient::sameEventOnBothPathsIsAppliedOnceAndOlderNeverWins()
{
    RedisServer server;
    QVERIFY(server.start());
    EmbeddedBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.error()));
    Console console(ndhtest::consoleRedisConfig(server), broker.bootstrap());
    console.backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(console.snapshotsFinished, quint64(1), 10000);

    // One event, both paths (reference 000: asset.value.updated goes to both).
    const qint64 t1 = QDateTime::currentMSecsSinceEpoch() - 5000;
    const QByteArray e1 = valueEnvelope(QStringLiteral("dup-1"), QStringLiteral("P7"), QStringLiteral("flow"), 7.5, t1);
    server.cli({QStringLiteral("PUBLISH"), QStringLiteral("ndh:asset:value"), QString::fromUtf8(e1)});
    QTRY_COMPARE_WITH_TIMEOUT(console.value(attrKey(QStringLiteral("P7"))), QStringLiteral("7.5"), 5000);
    QVERIFY(ndhtest::kcatProduce(broker.bootstrap(), QStringLiteral("ndh.assets.state.attribute_changed"),
                                 "P7:" + e1 + '\n')
                .finished);
    QTRY_COMPARE_WITH_TIMEOUT(console.origin(attrKey(QStringLiteral("P7"))),
                              int(AssetTreeModel::OriginRedis | AssetTreeModel::OriginKafka), 20000);
    const HistoryStore &history = console.models.history();
    QCOMPARE(history.samplesInRange(attrKey(QStringLiteral("P7")), t1 - 1, t1 + 1), size_t(1));

    // Redis is faster: the newer value arrives there first; Kafka then delivers an
    // older one (a different event). The tree keeps the newer value.
    const qint64 t3 = t1 + 3000;
    const qint64 t2 = t1 + 2000;
    server.cli({QStringLiteral("PUBLISH"), QStringLiteral("ndh:asset:value"),
                QString::fromUtf8(valueEnvelope(QStringLiteral("new-3"), QStringLiteral("P7"), QStringLiteral("flow"), 9.0, t3))});
    QTRY_COMPARE_WITH_TIMEOUT(console.value(attrKey(QStringLiteral("P7"))), QStringLiteral("9"), 5000);
    const quint64 before = console.models.eventsApplied();
    QVERIFY(ndhtest::kcatProduce(broker.bootstrap(), QStringLiteral("ndh.assets.state.attribute_changed"),
                                 "P7:" + valueEnvelope(QStringLiteral("old-2"), QStringLiteral("P7"), QStringLiteral("flow"), 8.0, t2)
                                     + '\n')
                .finished);
    QTRY_VERIFY_WITH_TIMEOUT(console.models.eventsApplied() > before, 20000);
    QCOMPARE(console.value(attrKey(QStringLiteral("P7"))), QStringLiteral("9"));
    QCOMPARE(console.origin(attrKey(QStringLiteral("P7"))), int(AssetTreeModel::OriginRedis));
    // The older one is still history.
    QCOMPARE(history.samplesInRange(attrKey(QStringLiteral("P7")), t2 - 1, t2 + 1), size_t(1));
}

void TestRedisClient::killAndRestartMidStreamLosesNothing()
{
    RedisServer server;
    QVERIFY(server.start());
    const qint64 t = QDateTime::currentMSecsSinceEpoch() - 10000;
    QByteArray commands;
    for (int i = 0; i < 500; ++i)
        commands += stateHash(QStringLiteral("K%1").arg(i), i, t);
    QVERIFY(server.pipe(commands));
    Console console(ndhtest::consoleRedisConfig(server), noKafka());
    console.backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(console.snapshotsFinished, quint64(1), 10000);
    QCOMPARE(console.models.assetTree()->assetCount(), 500);
    QVERIFY(!console.stale(attrKey(QStringLiteral("K1"))));

    QElapsedTimer down;
    down.start();
    server.stop();
    QTRY_COMPARE_WITH_TIMEOUT(console.redisState(), ConnectionStatus::State::BrokerDown, 10000);
    qInfo("Redis killed: reported down after %lld ms (%s)", down.elapsed(), qPrintable(console.redisError()));
    QVERIFY(console.redisError().contains(server.address()));
    // The last state stays, marked stale.
    QCOMPARE(console.value(attrKey(QStringLiteral("K1"))), QStringLiteral("1"));
    QVERIFY(console.stale(attrKey(QStringLiteral("K1"))));

    // Restarted empty (no persistence): the publisher rewrites the state and goes on
    // publishing; the console must end with every update made during the gap.
    QVERIFY(server.start());
    QByteArray gap;
    const qint64 t2 = t + 5000;
    for (int i = 0; i < 500; ++i) {
        const QString id = QStringLiteral("K%1").arg(i);
        gap += stateHash(id, i + 1000, t2);
        gap += resp({"PUBLISH", "ndh:asset:value",
                     valueEnvelope(QStringLiteral("gap-%1").arg(i), id, QStringLiteral("flow"), i + 1000, t2)});
    }
    QVERIFY(server.pipe(gap));
    QTRY_COMPARE_WITH_TIMEOUT(console.redisState(), ConnectionStatus::State::Connected, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(console.snapshotsFinished >= 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(console.value(attrKey(QStringLiteral("K499"))), QStringLiteral("1499"), 5000);
    for (int i = 0; i < 500; i += 37)
        QCOMPARE(console.value(attrKey(QStringLiteral("K%1").arg(i))), QString::number(i + 1000));
    QVERIFY(!console.stale(attrKey(QStringLiteral("K1"))));
}

void TestRedisClient::pausedServerIsReportedAndRecovered()
{
    RedisServer server;
    QVERIFY(server.start());
    Console console(ndhtest::consoleRedisConfig(server), noKafka());
    console.backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(console.snapshotsFinished, quint64(1), 10000);
    QElapsedTimer paused;
    paused.start();
    server.pause();
    QTRY_COMPARE_WITH_TIMEOUT(console.redisState(), ConnectionStatus::State::BrokerDown, 10000);
    qInfo("SIGSTOP: reported down after %lld ms (%s)", paused.elapsed(), qPrintable(console.redisError()));
    QVERIFY(!console.redisError().isEmpty());
    server.resume();
    QTRY_COMPARE_WITH_TIMEOUT(console.redisState(), ConnectionStatus::State::Connected, 15000);
    server.cli({QStringLiteral("PUBLISH"), QStringLiteral("ndh:asset:value"),
                QString::fromUtf8(valueEnvelope(QStringLiteral("after"), QStringLiteral("P1"), QStringLiteral("flow"), 3,
                                                QDateTime::currentMSecsSinceEpoch()))});
    QTRY_COMPARE_WITH_TIMEOUT(console.value(attrKey(QStringLiteral("P1"))), QStringLiteral("3"), 5000);
}

void TestRedisClient::killedSubscriberReconnects()
{
    RedisServer server;
    QVERIFY(server.start());
    Console console(ndhtest::consoleRedisConfig(server), noKafka());
    console.backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(console.snapshotsFinished, quint64(1), 10000);
    QCOMPARE(server.cli({QStringLiteral("CLIENT"), QStringLiteral("KILL"), QStringLiteral("TYPE"),
                         QStringLiteral("pubsub")})
                 .trimmed(),
             QByteArray("1"));
    QTRY_VERIFY_WITH_TIMEOUT(console.redisStatuses.size() >= 2
                                 && std::any_of(console.redisStatuses.begin(), console.redisStatuses.end(),
                                                [](const ConnectionStatus &s) {
                                                    return s.state == ConnectionStatus::State::BrokerDown;
                                                }),
                             10000);
    QTRY_COMPARE_WITH_TIMEOUT(console.snapshotsFinished, quint64(2), 15000); // re-read after re-subscribing
    QCOMPARE(console.redisState(), ConnectionStatus::State::Connected);
    server.cli({QStringLiteral("PUBLISH"), QStringLiteral("ndh:asset:status"),
                QString::fromUtf8(valueEnvelope(QStringLiteral("x"), QStringLiteral("P2"), QStringLiteral("flow"), 5,
                                                QDateTime::currentMSecsSinceEpoch()))});
    QTRY_COMPARE_WITH_TIMEOUT(console.value(attrKey(QStringLiteral("P2"))), QStringLiteral("5"), 5000);
}

void TestRedisClient::slowSubscriberDroppedByServerRereads()
{
    // A subscriber whose output buffer passes 64 kB is disconnected by the server.
    RedisServer server({QStringLiteral("--client-output-buffer-limit"), QStringLiteral("pubsub 64kb 32kb 1")});
    QVERIFY(server.start());
    Console console(ndhtest::consoleRedisConfig(server), noKafka());
    console.backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(console.snapshotsFinished, quint64(1), 10000);
    const qint64 t = QDateTime::currentMSecsSinceEpoch();
    QByteArray flood;
    const QByteArray big(200 * 1024, 'x');
    for (int i = 0; i < 20; ++i)
        flood += resp({"PUBLISH", "ndh:asset:value", big});
    // The real update: state written, then published (the order publishers use).
    flood += stateHash(QStringLiteral("S1"), 77, t);
    flood += resp({"PUBLISH", "ndh:asset:value",
                   valueEnvelope(QStringLiteral("s1"), QStringLiteral("S1"), QStringLiteral("flow"), 77, t)});
    QVERIFY(server.pipe(flood));
    // Dropped (the server says why only in its log), reported, reconnected, re-read.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(console.redisStatuses.begin(), console.redisStatuses.end(),
                                         [](const ConnectionStatus &s) {
                                             return s.state == ConnectionStatus::State::BrokerDown;
                                         }),
                             10000);
    QTRY_VERIFY_WITH_TIMEOUT(console.snapshotsFinished >= 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(console.value(attrKey(QStringLiteral("S1"))), QStringLiteral("77"), 5000);
    QCOMPARE(console.redisState(), ConnectionStatus::State::Connected);
}

void TestRedisClient::wrongPasswordIsClearAndDoesNotStorm()
{
    RedisServer server({QStringLiteral("--requirepass"), QStringLiteral("right-one")});
    server.setCliPassword(QStringLiteral("right-one"));
    QVERIFY(server.start());
    RedisConfig config = ndhtest::consoleRedisConfig(server);
    const QString secret = QStringLiteral("Sekr1t-Wr0ng-%1").arg(QDateTime::currentMSecsSinceEpoch());
    config.endpoint.password = secret;
    QByteArray logged;
    static QByteArray *sink = nullptr;
    sink = &logged;
    const auto previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &m) {
        *sink += m.toUtf8() + '\n';
    });
    Console console(config, noKafka());
    console.backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(console.redisState(), ConnectionStatus::State::BrokerDown, 10000);
    const QString error = console.redisError();
    QVERIFY2(error.contains(u"password"), qPrintable(error));
    QVERIFY(!error.contains(secret));
    const qint64 connectionsBefore = server.infoNumber("total_connections_received");
    QTest::qWait(3000);
    const qint64 connectionsAfter = server.infoNumber("total_connections_received");
    console.backend.stop();
    qInstallMessageHandler(previous);
    // Two per attempt would be a storm at the normal backoff (~12 attempts in 3 s);
    // the INFO calls themselves count one each.
    QVERIFY2(connectionsAfter - connectionsBefore <= 2,
             qPrintable(QStringLiteral("%1 connections in 3 s").arg(connectionsAfter - connectionsBefore)));
    QVERIFY(!logged.contains(secret.toUtf8()));
    QVERIFY(logged.contains("password"));
}

void TestRedisClient::aclUserConnects()
{
    RedisServer server;
    QVERIFY(server.start());
    QCOMPARE(server.cli({QStringLiteral("ACL"), QStringLiteral("SETUSER"), QStringLiteral("console"), QStringLiteral("on"),
                         QStringLiteral(">pw-1"), QStringLiteral("~ndh:*"), QStringLiteral("&*"), QStringLiteral("+@all")})
                 .trimmed(),
             QByteArray("OK"));
    QVERIFY(server.pipe(stateHash(QStringLiteral("A1"), 1, QDateTime::currentMSecsSinceEpoch())
                        + resp({"SELECT", "3"}) + stateHash(QStringLiteral("A3"), 3, QDateTime::currentMSecsSinceEpoch())));
    RedisConfig config = ndhtest::consoleRedisConfig(server);
    config.endpoint.user = QStringLiteral("console");
    config.endpoint.password = QStringLiteral("pw-1");
    config.endpoint.db = 3;
    Console console(config, noKafka());
    console.backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(console.snapshotsFinished, quint64(1), 10000);
    QCOMPARE(console.redisState(), ConnectionStatus::State::Connected);
    // Database 3 only.
    QCOMPARE(console.value(attrKey(QStringLiteral("A3"))), QStringLiteral("3"));
    QVERIFY(!console.models.assetTree()->indexForAttribute(attrKey(QStringLiteral("A1"))).isValid());
}

void TestRedisClient::userWithoutPublishIsToldAndStaysConnected()
{
    RedisServer server;
    QVERIFY(server.start());
    // A read-only console user: every key and channel, but no PUBLISH (the heartbeat).
    QCOMPARE(server.cli({QStringLiteral("ACL"), QStringLiteral("SETUSER"), QStringLiteral("reader"), QStringLiteral("on"),
                         QStringLiteral(">pw-2"), QStringLiteral("~*"), QStringLiteral("&*"), QStringLiteral("+@all"),
                         QStringLiteral("-publish")})
                 .trimmed(),
             QByteArray("OK"));
    QVERIFY(server.pipe(stateHash(QStringLiteral("R1"), 1, QDateTime::currentMSecsSinceEpoch())));
    RedisConfig config = ndhtest::consoleRedisConfig(server);
    config.endpoint.user = QStringLiteral("reader");
    config.endpoint.password = QStringLiteral("pw-2");
    Console console(config, noKafka());
    console.backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(console.snapshotsFinished, quint64(1), 10000);
    QCOMPARE(console.value(attrKey(QStringLiteral("R1"))), QStringLiteral("1"));
    // Told once, in words, and not reported down: the data still flows.
    QTRY_VERIFY_WITH_TIMEOUT(!console.redisStatuses.last().note.isEmpty(), 5000);
    QVERIFY2(console.redisStatuses.last().note.contains(QStringLiteral("PUBLISH")),
             qPrintable(console.redisStatuses.last().note));
    QTest::qWait(4000); // longer than the heartbeat timeout
    for (const ConnectionStatus &s : std::as_const(console.redisStatuses))
        QVERIFY2(s.state != ConnectionStatus::State::BrokerDown, qPrintable(s.lastError));
    QCOMPARE(console.redisState(), ConnectionStatus::State::Connected);
    server.cli({QStringLiteral("PUBLISH"), QStringLiteral("ndh:asset:value"),
                QString::fromUtf8(valueEnvelope(QStringLiteral("m-r2"), QStringLiteral("R1"), QStringLiteral("flow"), 2,
                                                QDateTime::currentMSecsSinceEpoch()))});
    QTRY_COMPARE_WITH_TIMEOUT(console.value(attrKey(QStringLiteral("R1"))), QStringLiteral("2"), 5000);
    // Liveness falls back to PING: a paused server is still reported.
    server.pause();
    QTRY_COMPARE_WITH_TIMEOUT(console.redisState(), ConnectionStatus::State::BrokerDown, 10000);
    server.resume();
    QTRY_COMPARE_WITH_TIMEOUT(console.redisState(), ConnectionStatus::State::Connected, 15000);
}

void TestRedisClient::userWithoutSubscribeGetsTheStateAndIsTold()
{
    RedisServer server;
    QVERIFY(server.start());
    // A user that may read the state hashes but no channel at all (no &pattern) and
    // not SUBSCRIBE: the server answers SUBSCRIBE with NOPERM.
    QCOMPARE(server.cli({QStringLiteral("ACL"), QStringLiteral("SETUSER"), QStringLiteral("nosub"), QStringLiteral("on"),
                         QStringLiteral(">pw-3"), QStringLiteral("~ndh:*"), QStringLiteral("resetchannels"),
                         QStringLiteral("+@all"), QStringLiteral("-subscribe"), QStringLiteral("-psubscribe")})
                 .trimmed(),
             QByteArray("OK"));
    const qint64 t = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(server.pipe(stateHash(QStringLiteral("N1"), 1, t) + stateHash(QStringLiteral("N2"), 2, t)));
    RedisConfig config = ndhtest::consoleRedisConfig(server);
    config.endpoint.user = QStringLiteral("nosub");
    config.endpoint.password = QStringLiteral("pw-3");
    Console console(config, noKafka());
    console.backend.start();
    // The state still loads...
    QTRY_COMPARE_WITH_TIMEOUT(console.snapshotsFinished, quint64(1), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(console.value(attrKey(QStringLiteral("N2"))), QStringLiteral("2"), 5000);
    // ...the user is told why nothing live arrives, in words...
    QTRY_VERIFY_WITH_TIMEOUT(!console.redisStatuses.last().note.isEmpty(), 5000);
    const QString note = console.redisStatuses.last().note;
    QVERIFY2(note.contains(QStringLiteral("SUBSCRIBE")) && note.contains(QStringLiteral("ACL")), qPrintable(note));
    QCOMPARE(console.redisState(), ConnectionStatus::State::Connected);
    // ...and the console does not reconnect over and over (each attempt is two
    // connections; the INFO calls count one each).
    const qint64 connectionsBefore = server.infoNumber("total_connections_received");
    QTest::qWait(4000); // longer than the heartbeat timeout and several normal backoffs
    const qint64 connectionsAfter = server.infoNumber("total_connections_received");
    QVERIFY2(connectionsAfter - connectionsBefore <= 2,
             qPrintable(QStringLiteral("%1 connections in 4 s").arg(connectionsAfter - connectionsBefore)));
    for (const ConnectionStatus &s : std::as_const(console.redisStatuses))
        QVERIFY2(s.state != ConnectionStatus::State::BrokerDown, qPrintable(s.lastError));
    QCOMPARE(console.snapshotsFinished, quint64(1));
    // Liveness still works without a subscription: a paused server is reported.
    server.pause();
    QTRY_COMPARE_WITH_TIMEOUT(console.redisState(), ConnectionStatus::State::BrokerDown, 10000);
    server.resume();
    QTRY_COMPARE_WITH_TIMEOUT(console.redisState(), ConnectionStatus::State::Connected, 15000);
}

void TestRedisClient::roundTripIsMeasuredAndUnknownWhileDown()
{
    RedisServer server;
    QVERIFY(server.start());
    Console console(ndhtest::consoleRedisConfig(server), noKafka());
    console.backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(console.redisState(), ConnectionStatus::State::Connected, 10000);
    // The heartbeat's reply time: there, and a plausible loopback figure.
    QTRY_VERIFY_WITH_TIMEOUT(console.redisStatuses.last().roundTripMs > 0, 10000);
    const double rtt = console.redisStatuses.last().roundTripMs;
    QVERIFY2(rtt < 1500, qPrintable(QString::number(rtt))); // the command timeout bounds any answered round trip
    // The connection health view's model shows it like a Kafka broker's.
    LinkHealthModel links;
    links.setRedisStatus(console.redisStatuses.last());
    QCOMPARE(links.rowCount(), 1);
    QVERIFY(links.index(0, LinkHealthModel::RoundTripColumn).data(LinkHealthModel::RoundTripMsRole).toDouble() > 0);
    QVERIFY2(links.index(0, LinkHealthModel::RoundTripColumn).data().toString().endsWith(QStringLiteral("ms")),
             qPrintable(links.index(0, LinkHealthModel::RoundTripColumn).data().toString()));

    // Paused (SIGSTOP): reported down within the promised 3 s (with slack for a busy
    // machine in the wait, the figure is printed), and the round trip turns unknown.
    QElapsedTimer paused;
    paused.start();
    server.pause();
    QTRY_COMPARE_WITH_TIMEOUT(console.redisState(), ConnectionStatus::State::BrokerDown, 10000);
    qInfo("SIGSTOP: reported down after %lld ms", paused.elapsed());
    QCOMPARE(console.redisStatuses.last().roundTripMs, -1.0);
    links.setRedisStatus(console.redisStatuses.last());
    QCOMPARE(links.index(0, LinkHealthModel::RoundTripColumn).data().toString(), QStringLiteral("\u2014"));
    server.resume();
    QTRY_COMPARE_WITH_TIMEOUT(console.redisState(), ConnectionStatus::State::Connected, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(console.redisStatuses.last().roundTripMs > 0, 10000);

    // Killed: unknown again.
    server.stop();
    QTRY_COMPARE_WITH_TIMEOUT(console.redisState(), ConnectionStatus::State::BrokerDown, 10000);
    QCOMPARE(console.redisStatuses.last().roundTripMs, -1.0);
}

void TestRedisClient::configuredPrefixAndChannelsFromTheCommandLine()
{
    RedisServer server;
    QVERIFY(server.start());
    EmbeddedBroker broker;
    QVERIFY2(broker.start(1), qPrintable(broker.error()));
    // The simulator writes under the configured names...
    const ndhtest::ProcessResult sim = ndhtest::run(
        ndhtest::ndhctlPath(),
        {QStringLiteral("simulate"), QStringLiteral("--bootstrap"), broker.bootstrap(), QStringLiteral("--redis"),
         server.address(), QStringLiteral("--redis-prefix"), QStringLiteral("site7:st:"),
         QStringLiteral("--redis-channels"), QStringLiteral("s7:status,s7:alarm,s7:value"), QStringLiteral("--count"),
         QStringLiteral("300"), QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--assets"),
         QStringLiteral("10")},
        {}, 60000);
    QVERIFY2(sim.finished && sim.exitCode == 0, sim.err.constData());
    QVERIFY(server.cli({QStringLiteral("EXISTS"), QStringLiteral("site7:st:PUMP_001")}).trimmed() == "1");
    QCOMPARE(server.cli({QStringLiteral("KEYS"), QStringLiteral("ndh:state:*")}).trimmed(), QByteArray());
    // ...a bad name is refused with a clear message...
    const ndhtest::ProcessResult bad = ndhtest::run(
        ndhtest::ndhctlPath(), {QStringLiteral("simulate"), QStringLiteral("--bootstrap"), broker.bootstrap(),
                                QStringLiteral("--redis"), server.address(), QStringLiteral("--redis-channels"),
                                QStringLiteral("just-one")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("three names"), bad.err.constData());

    // ...and the console reads them with the same names, and only them.
    RedisConfig config = ndhtest::consoleRedisConfig(server);
    QString error;
    QVERIFY(applyRedisNaming(config, QStringLiteral("site7:st:"), QStringLiteral("s7:status,s7:alarm,s7:value"), &error));
    QVERIFY(server.pipe(stateHash(QStringLiteral("OTHER"), 1, QDateTime::currentMSecsSinceEpoch())));
    Console console(config, noKafka());
    console.backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(console.snapshotsFinished, quint64(1), 10000);
    QTRY_VERIFY(console.models.assetTree()->indexForAsset(QStringLiteral("FACTORY_A/Pump/PUMP_001")).isValid());
    QVERIFY(!console.models.assetTree()->indexForAttribute(attrKey(QStringLiteral("OTHER"))).isValid());
    server.cli({QStringLiteral("PUBLISH"), QStringLiteral("s7:value"),
                QString::fromUtf8(valueEnvelope(QStringLiteral("m-s7"), QStringLiteral("S7"), QStringLiteral("flow"), 7,
                                                QDateTime::currentMSecsSinceEpoch()))});
    QTRY_COMPARE_WITH_TIMEOUT(console.value(attrKey(QStringLiteral("S7"))), QStringLiteral("7"), 5000);
}

void TestRedisClient::badDataBecomesDeadLetters()
{
    RedisServer server;
    QVERIFY(server.start());
    const qint64 t = QDateTime::currentMSecsSinceEpoch();
    QByteArray commands = stateHash(QStringLiteral("GOOD1"), 1, t) + stateHash(QStringLiteral("GOOD2"), 2, t);
    commands += resp({"SET", "ndh:state:NOTAHASH", "plain string"});
    commands += resp({"RPUSH", "ndh:state:ALIST", "a", "b"});
    commands += resp({"HSET", "ndh:state:GARBAGE", "id", "GARBAGE", "attributes", "{not json"});
    commands += resp({"HSET", "ndh:state:HUGE", "id", "HUGE", "attributes",
                      "{\"blob\":\"" + QByteArray(3 << 20, 'y') + "\"}"});
    QVERIFY(server.pipe(commands));
    Console console(ndhtest::consoleRedisConfig(server), noKafka());
    console.backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(console.snapshotsFinished, quint64(1), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(console.models.assetTree()->assetCount(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(console.models.deadLetters()->totalCount(), quint64(4), 5000);
    QStringList reasons;
    auto *dl = console.models.deadLetters();
    for (int r = 0; r < dl->rowCount(); ++r) {
        for (int c = 0; c < dl->columnCount(); ++c)
            reasons << dl->index(r, c).data().toString();
    }
    const QString all = reasons.join(u'\n');
    QVERIFY2(all.contains(u"not a hash"), qPrintable(all));
    QVERIFY2(all.contains(u"not a JSON object"), qPrintable(all));
    QVERIFY2(all.contains(u"bytes allowed"), qPrintable(all));

    // Garbage on a channel: a dead letter, and the stream goes on.
    server.cli({QStringLiteral("PUBLISH"), QStringLiteral("ndh:asset:alarm"), QStringLiteral("{\"half\":")});
    server.cli({QStringLiteral("PUBLISH"), QStringLiteral("ndh:asset:value"),
                QString::fromUtf8(valueEnvelope(QStringLiteral("ok"), QStringLiteral("GOOD1"), QStringLiteral("flow"), 11,
                                                t + 1000))});
    QTRY_COMPARE_WITH_TIMEOUT(console.value(attrKey(QStringLiteral("GOOD1"))), QStringLiteral("11"), 5000);
    QCOMPARE(console.models.deadLetters()->totalCount(), quint64(5));
    QCOMPARE(console.redisState(), ConnectionStatus::State::Connected);
}

QTEST_GUILESS_MAIN(TestRedisClient)
#include "tst_redis_client.moc"
