// The connection health tables an operator reads: one row per broker and the Redis
// server (state in words, round trip, reconnects, the last error kept after recovery,
// time in state) and one row per partition with the console's lag. Both run under
// QAbstractItemModelTester.

#include "consumer_lag_model.h"
#include "link_health_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace ndh;

class TestLinkHealthModel : public QObject
{
    Q_OBJECT
private slots:
    void brokersThenRedis();
    void redisCountsReconnectsAndKeepsTheLastError();
    void roundTripInWords();
    void lagPerPartition();
};

namespace {
KafkaHealth health(int brokers, ConnectionStatus::State state, double rtt)
{
    KafkaHealth h;
    for (int i = 1; i <= brokers; ++i) {
        LinkHealth b;
        b.name = QStringLiteral("127.0.0.1:%1").arg(9090 + i);
        b.nodeId = i;
        b.state = state;
        b.roundTripMs = rtt;
        b.reconnects = quint64(i - 1);
        b.stateSinceMs = 1000000;
        h.brokers << b;
    }
    return h;
}
} // namespace

void TestLinkHealthModel::brokersThenRedis()
{
    LinkHealthModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setClock([] { return qint64(1000000 + 75000); });
    m.setKafkaHealth(health(3, ConnectionStatus::State::Connected, 1.5));
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(m.index(0, LinkHealthModel::LinkColumn).data().toString(), QStringLiteral("Kafka 127.0.0.1:9091 (broker 1)"));
    QCOMPARE(m.index(2, LinkHealthModel::StateColumn).data().toString(), QStringLiteral("Connected"));
    QCOMPARE(m.index(2, LinkHealthModel::ReconnectsColumn).data().toString(), QStringLiteral("2"));
    QCOMPARE(m.index(0, LinkHealthModel::SinceColumn).data().toString(), QStringLiteral("1 min 15 s"));
    QCOMPARE(m.index(0, 0).data(LinkHealthModel::AbnormalRole).toBool(), false);

    // Same brokers: updated in place, no reset (selection and scroll stay).
    QSignalSpy resets(&m, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&m, &QAbstractItemModel::dataChanged);
    KafkaHealth down = health(3, ConnectionStatus::State::BrokerDown, 1.5);
    down.brokers[1].lastError = QStringLiteral("connection refused (is the broker running on that host and port?)");
    m.setKafkaHealth(down);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(m.index(1, LinkHealthModel::StateColumn).data().toString(), QStringLiteral("Broker down"));
    QVERIFY(m.index(1, LinkHealthModel::LastErrorColumn).data().toString().contains(u"connection refused"));
    QCOMPARE(m.index(1, 0).data(LinkHealthModel::AbnormalRole).toBool(), true);

    ConnectionStatus redis;
    redis.source = ConnectionStatus::Source::Redis;
    redis.endpoint = QStringLiteral("127.0.0.1:6379");
    redis.state = ConnectionStatus::State::Connected;
    m.setRedisStatus(redis);
    QCOMPARE(m.rowCount(), 4);
    QCOMPARE(m.index(3, LinkHealthModel::LinkColumn).data().toString(), QStringLiteral("Redis 127.0.0.1:6379"));
    // A changed broker set resets the Kafka rows; Redis stays last.
    m.setKafkaHealth(health(1, ConnectionStatus::State::Connected, 2));
    QCOMPARE(resets.size(), 1);
    QCOMPARE(m.rowCount(), 2);
    QCOMPARE(m.link(1).kind, LinkHealth::Kind::Redis);
}

void TestLinkHealthModel::redisCountsReconnectsAndKeepsTheLastError()
{
    LinkHealthModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ConnectionStatus s;
    s.source = ConnectionStatus::Source::Redis;
    s.endpoint = QStringLiteral("redis:6379");
    s.state = ConnectionStatus::State::Connecting;
    m.setRedisStatus(s);
    s.state = ConnectionStatus::State::Connected;
    s.roundTripMs = 0.8;
    m.setRedisStatus(s);
    QCOMPARE(m.link(0).reconnects, quint64(0));
    s.state = ConnectionStatus::State::BrokerDown;
    s.lastError = QStringLiteral("Redis at redis:6379 does not answer");
    m.setRedisStatus(s);
    QCOMPARE(m.index(0, LinkHealthModel::StateColumn).data().toString(), QStringLiteral("Broker down"));
    // The round trip from before the outage is not shown as if it were current.
    QCOMPARE(m.index(0, LinkHealthModel::RoundTripColumn).data().toString(), QStringLiteral("\u2014"));
    QCOMPARE(m.index(0, LinkHealthModel::RoundTripColumn).data(LinkHealthModel::RoundTripMsRole).toDouble(), -1.0);
    s.state = ConnectionStatus::State::Connected;
    s.lastError.clear();
    m.setRedisStatus(s);
    QCOMPARE(m.link(0).reconnects, quint64(1));
    QCOMPARE(m.index(0, LinkHealthModel::LastErrorColumn).data().toString(), QStringLiteral("Redis at redis:6379 does not answer"));
    QCOMPARE(m.index(0, LinkHealthModel::RoundTripColumn).data().toString(), QStringLiteral("0.8 ms"));
}

void TestLinkHealthModel::roundTripInWords()
{
    QCOMPARE(LinkHealthModel::roundTripText(-1), QStringLiteral("\u2014"));
    QCOMPARE(LinkHealthModel::roundTripText(0.42), QStringLiteral("0.4 ms"));
    QCOMPARE(LinkHealthModel::roundTripText(37.2), QStringLiteral("37 ms"));
    QCOMPARE(LinkHealthModel::roundTripText(2512), QStringLiteral("2.5 s"));
}

void TestLinkHealthModel::lagPerPartition()
{
    ConsumerLagModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<PartitionLag> parts;
    for (int p = 0; p < 3; ++p) {
        PartitionLag l;
        l.topic = QStringLiteral("ndh.assets.alarms.triggered");
        l.partition = p;
        l.leader = p + 1;
        l.highWatermark = 1000;
        l.position = 1000 - p * 10;
        parts << l;
    }
    parts[2].position = -1; // nothing read yet: unknown, not zero
    m.setPartitions(parts);
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(m.index(1, ConsumerLagModel::LagColumn).data().toString(), QStringLiteral("10"));
    QCOMPARE(m.index(1, ConsumerLagModel::LagColumn).data(ConsumerLagModel::LagRole).toLongLong(), 10);
    QCOMPARE(m.index(2, ConsumerLagModel::LagColumn).data().toString(), QStringLiteral("\u2014"));
    QCOMPARE(m.index(0, ConsumerLagModel::HighWatermarkColumn).data().toString(), QLocale().toString(1000));
    KafkaHealth h;
    h.partitions = parts;
    QCOMPARE(h.totalLag(), qint64(10));
    QSignalSpy resets(&m, &QAbstractItemModel::modelReset);
    parts[1].position = 1000;
    m.setPartitions(parts);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(m.index(1, ConsumerLagModel::LagColumn).data().toString(), QStringLiteral("0"));
}

QTEST_GUILESS_MAIN(TestLinkHealthModel)
#include "tst_link_health_model.moc"
