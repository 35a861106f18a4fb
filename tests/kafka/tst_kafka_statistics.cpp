// librdkafka statistics -> what the connection health view shows: the brokers the
// cluster told us about (bootstrap and internal/logical ones hidden), their state in
// the console's words, round trip in ms (kept while no request is answered), the
// last error per broker, the console's lag per assigned partition, and messages/s.
// Also: a real consumer on the embedded broker produces statistics this reads, and
// garbage or oversized input is refused, not crashed on.

#include "embedded_broker.h"
#include "kafka_client_conf.h"
#include "kafka_statistics.h"

#include <QtTest>

#include <librdkafka/rdkafka.h>

using namespace ndh;

namespace {

// Shaped like librdkafka 2.0.2's statistics (trimmed to the fields that matter).
std::string sample(long long rxmsgs, long long rttAvgUs, long long rttCnt, const char *state1)
{
    QByteArray json = R"({"name":"ndh-console#consumer-1","ts":1,"time":1700000000,"rxmsgs":RXMSGS,"brokers":{
  "127.0.0.1:9092/bootstrap":{"name":"127.0.0.1:9092/bootstrap","nodeid":-1,"nodename":"127.0.0.1:9092","source":"configured","state":"UP","stateage":5000000,"connects":1,"disconnects":0,"rtt":{"avg":100,"cnt":1}},
  "127.0.0.1:9092/1":{"name":"127.0.0.1:9092/1","nodeid":1,"nodename":"127.0.0.1:9092","source":"learned","state":"STATE1","stateage":2000000,"connects":3,"disconnects":2,"rtt":{"min":10,"max":9000,"avg":RTTAVG,"cnt":RTTCNT}},
  "127.0.0.1:9093/2":{"name":"127.0.0.1:9093/2","nodeid":2,"nodename":"127.0.0.1:9093","source":"learned","state":"INIT","stateage":9000000,"connects":0,"disconnects":0,"rtt":{"avg":0,"cnt":0}},
  "GroupCoordinator":{"name":"GroupCoordinator","nodeid":-1,"nodename":"","source":"logical","state":"UP","stateage":1,"rtt":{"avg":0,"cnt":0}},
  ":0/internal":{"name":":0/internal","nodeid":-1,"nodename":"","source":"internal","state":"UP","stateage":1}},
 "topics":{"ndh.assets.alarms.triggered":{"topic":"ndh.assets.alarms.triggered","partitions":{
  "1":{"partition":1,"leader":2,"desired":true,"hi_offset":500,"lo_offset":0,"app_offset":480,"next_offset":500},
  "0":{"partition":0,"leader":1,"desired":true,"hi_offset":1000,"lo_offset":0,"app_offset":1000,"next_offset":1000},
  "2":{"partition":2,"leader":1,"desired":true,"hi_offset":0,"lo_offset":0,"app_offset":-1001,"next_offset":0},
  "3":{"partition":3,"leader":1,"desired":false,"hi_offset":10,"lo_offset":0,"app_offset":-1001},
  "-1":{"partition":-1,"leader":-1,"desired":false,"hi_offset":-1,"lo_offset":-1,"app_offset":-1001}}}}})";
    json.replace("RXMSGS", QByteArray::number(rxmsgs))
        .replace("RTTAVG", QByteArray::number(rttAvgUs))
        .replace("RTTCNT", QByteArray::number(rttCnt))
        .replace("STATE1", state1);
    return json.toStdString();
}

} // namespace

class TestKafkaStatistics : public QObject
{
    Q_OBJECT
private slots:
    void readsBrokersLagAndRate();
    void refusesGarbage();
    void realConsumerStatistics();
    void securityPropertiesAreAcceptedAndRedacted();
};

void TestKafkaStatistics::readsBrokersLagAndRate()
{
    KafkaStatistics stats;
    QHash<QString, QString> errors{{QStringLiteral("127.0.0.1:9092/1"), QStringLiteral("connection refused")}};
    QString error;
    auto h = stats.parse(sample(100, 1500, 4, "UP"), 1000000, errors, &error);
    QVERIFY2(h, qPrintable(error));
    QCOMPARE(h->brokers.size(), 2); // learned only: no bootstrap, logical or internal rows
    const LinkHealth &b1 = h->brokers.at(0);
    QCOMPARE(b1.nodeId, 1);
    QCOMPARE(b1.name, QStringLiteral("127.0.0.1:9092"));
    QCOMPARE(b1.state, ConnectionStatus::State::Connected);
    QCOMPARE(b1.rawState, QStringLiteral("UP"));
    QCOMPARE(b1.roundTripMs, 1.5);
    QCOMPARE(b1.reconnects, quint64(2));
    QCOMPARE(b1.lastError, QStringLiteral("connection refused"));
    QCOMPARE(b1.stateSinceMs, qint64(1000000 - 2000));
    QCOMPARE(h->brokers.at(1).state, ConnectionStatus::State::Disconnected); // INIT: idle, nobody needed it
    QCOMPARE(h->brokers.at(1).roundTripMs, -1.0);

    QCOMPARE(h->partitions.size(), 3); // desired only, sorted, no -1
    QCOMPARE(h->partitions.at(0).partition, 0);
    QCOMPARE(h->partitions.at(0).lag(), qint64(0));
    QCOMPARE(h->partitions.at(1).lag(), qint64(20));
    QCOMPARE(h->partitions.at(1).leader, 2);
    QCOMPARE(h->partitions.at(2).lag(), qint64(0)); // empty partition: caught up
    QCOMPARE(h->totalLag(), qint64(20));
    QCOMPARE(h->messagesPerSecond, 0.0); // no previous sample yet

    // One second later: 400 more messages, the broker is down and no request was
    // answered this interval: the last known round trip stays.
    h = stats.parse(sample(500, 0, 0, "DOWN"), 1001000, {}, &error);
    QVERIFY(h);
    QCOMPARE(h->messagesPerSecond, 400.0);
    QCOMPARE(h->brokers.at(0).state, ConnectionStatus::State::BrokerDown);
    QCOMPARE(h->brokers.at(0).roundTripMs, 1.5);
    QCOMPARE(KafkaStatistics::stateFor("TRY_CONNECT"), ConnectionStatus::State::BrokerDown);
    QCOMPARE(KafkaStatistics::stateFor("APIVERSION_QUERY"), ConnectionStatus::State::Connecting);
    QCOMPARE(KafkaStatistics::stateFor("AUTH_HANDSHAKE"), ConnectionStatus::State::Connecting);
}

void TestKafkaStatistics::refusesGarbage()
{
    KafkaStatistics stats;
    QString error;
    QVERIFY(!stats.parse("not json", 1, {}, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!stats.parse("[1,2,3]", 1, {}, &error));
    const std::string nested(100000, '[');
    QVERIFY(!stats.parse(nested, 1, {}, &error));
    const std::string huge(KafkaStatistics::kMaxBytes + 1, ' ');
    QVERIFY(!stats.parse(huge, 1, {}, &error));
    QVERIFY(error.contains(u"bound"));
    // Wrong types where numbers belong: read as unknown, not a crash.
    const std::string wrongTypes = R"({"rxmsgs":"x","brokers":{"a/1":{"nodeid":"one","state":5}},)"
                                   R"("topics":{"t":{"partitions":{"0":{"partition":0,"desired":true,"hi_offset":"a"}}}}})";
    auto h = stats.parse(wrongTypes, 1, {}, &error);
    QVERIFY(h);
    QCOMPARE(h->brokers.size(), 1);
    QCOMPARE(h->partitions.size(), 1);
    QCOMPARE(h->partitions.at(0).lag(), qint64(-1));
}

void TestKafkaStatistics::realConsumerStatistics()
{
    EmbeddedBroker broker;
    QVERIFY2(broker.start(2, 2, {QStringLiteral("t")}), qPrintable(broker.error()));
    KafkaClientConf conf;
    conf.setGrouplessReader(broker.bootstrap(), QStringLiteral("stats-test"));
    conf.set(QStringLiteral("statistics.interval.ms"), QStringLiteral("100"));
    struct Seen
    {
        std::string json;
    } seen;
    rd_kafka_conf_set_opaque(conf.raw(), &seen);
    rd_kafka_conf_set_stats_cb(conf.raw(), [](rd_kafka_t *, char *json, size_t len, void *opaque) {
        static_cast<Seen *>(opaque)->json.assign(json, len);
        return 0;
    });
    std::unique_ptr<rd_kafka_t, KafkaClientConf::ConsumerDeleter> rk(conf.createConsumer());
    QVERIFY2(rk, qPrintable(conf.error()));
    rd_kafka_topic_partition_list_t *parts = rd_kafka_topic_partition_list_new(2);
    rd_kafka_topic_partition_list_add(parts, "t", 0)->offset = RD_KAFKA_OFFSET_BEGINNING;
    rd_kafka_topic_partition_list_add(parts, "t", 1)->offset = RD_KAFKA_OFFSET_BEGINNING;
    QCOMPARE(rd_kafka_assign(rk.get(), parts), RD_KAFKA_RESP_ERR_NO_ERROR);
    rd_kafka_topic_partition_list_destroy(parts);
    KafkaStatistics stats;
    std::optional<KafkaHealth> h;
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        rd_kafka_poll(rk.get(), 0);
        if (rd_kafka_message_t *m = rd_kafka_consumer_poll(rk.get(), 0))
            rd_kafka_message_destroy(m);
        if (!seen.json.empty())
            h = stats.parse(seen.json, 1, {});
        return h && h->brokers.size() == 2 && h->partitions.size() == 2
               && std::any_of(h->brokers.begin(), h->brokers.end(),
                              [](const LinkHealth &b) { return b.state == ConnectionStatus::State::Connected; });
    }(), 15000);
    for (const LinkHealth &b : h->brokers)
        QVERIFY2(b.nodeId == 1 || b.nodeId == 2, qPrintable(b.name));
}

void TestKafkaStatistics::securityPropertiesAreAcceptedAndRedacted()
{
    KafkaClusterSettings sasl;
    sasl.bootstrap = QStringLiteral("kafka:9093");
    sasl.security = SecurityProtocol::SaslSsl;
    sasl.mechanism = SaslMechanism::ScramSha512;
    sasl.saslUser = QStringLiteral("operator");
    ConnectionSecrets secrets;
    secrets.kafkaPassword = QStringLiteral("pa55-w0rd");
    const auto props = KafkaClientConf::securityProperties(sasl, secrets);
    const auto value = [&props](const char *name) {
        for (const auto &[n, v] : props)
            if (n == QLatin1String(name))
                return v;
        return QString();
    };
    QCOMPARE(value("security.protocol"), QStringLiteral("SASL_SSL"));
    QCOMPARE(value("sasl.mechanisms"), QStringLiteral("SCRAM-SHA-512"));
    QCOMPARE(value("sasl.username"), QStringLiteral("operator"));
    QCOMPARE(value("sasl.password"), QStringLiteral("pa55-w0rd"));
    // Verification on: chain and host name.
    QCOMPARE(value("ssl.endpoint.identification.algorithm"), QStringLiteral("https"));
    QCOMPARE(value("enable.ssl.certificate.verification"), QStringLiteral("true"));
    {
        KafkaClientConf conf;
        QVERIFY2(conf.setAll(props), qPrintable(conf.error())); // this librdkafka has SSL and SCRAM
    }
    // Off only when the profile says so, and then both checks are off.
    KafkaClusterSettings off = sasl;
    off.verifyServer = false;
    const auto offProps = KafkaClientConf::securityProperties(off, secrets);
    QVERIFY(offProps.contains(qMakePair(QStringLiteral("ssl.endpoint.identification.algorithm"), QStringLiteral("none"))));
    QVERIFY(offProps.contains(qMakePair(QStringLiteral("enable.ssl.certificate.verification"), QStringLiteral("false"))));
    // PLAINTEXT sets no TLS or SASL property at all.
    KafkaClusterSettings plain;
    QCOMPARE(KafkaClientConf::securityProperties(plain, secrets).size(), 1);
    // A refused secret never shows in the error.
    KafkaClientConf conf;
    QVERIFY(!conf.set(QStringLiteral("ssl.key.password.bogus"), QStringLiteral("pa55-w0rd")));
    QVERIFY(!conf.error().contains(u"pa55"));
    QVERIFY(KafkaClientConf::isSecretProperty(QStringLiteral("sasl.password")));
    QVERIFY(KafkaClientConf::isSecretProperty(QStringLiteral("ssl.key.password")));
    QVERIFY(!KafkaClientConf::isSecretProperty(QStringLiteral("sasl.username")));
}

QTEST_GUILESS_MAIN(TestKafkaStatistics)
#include "tst_kafka_statistics.moc"
