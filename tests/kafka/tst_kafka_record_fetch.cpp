// The raw record behind an alarm, read from the cluster by topic/partition/offset:
// the bytes kcat produced come back whole, and an offset the cluster does not hold
// or an unreachable cluster is explained, never a hang.

#include "embedded_broker.h"
#include "kafka_record_fetch.h"
#include "kafka_test_support.h"

#include <QTest>

using namespace ndh;

class TestKafkaRecordFetch : public QObject
{
    Q_OBJECT

private:
    EmbeddedBroker m_broker;
    const QString m_topic = QStringLiteral("record-fetch");

    ConsumerConfig config() const
    {
        ConsumerConfig c;
        c.bootstrap = m_broker.bootstrap();
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_broker.start(2, 1, {m_topic}), qPrintable(m_broker.error()));
        // Three records into partition 1, the middle one with a key and a header.
        const auto produce = [this](const QStringList &extra, const QByteArray &line) {
            const auto r = ndhtest::run(ndhtest::kcatPath(),
                                        QStringList{QStringLiteral("-P"), QStringLiteral("-b"), m_broker.bootstrap(),
                                                    QStringLiteral("-t"), m_topic, QStringLiteral("-p"), QStringLiteral("1")}
                                            + extra,
                                        line);
            QCOMPARE(r.exitCode, 0);
        };
        produce({}, "first\n");
        produce({QStringLiteral("-K"), QStringLiteral("\t"), QStringLiteral("-H"), QStringLiteral("origin=plc-7")},
                "PUMP_001\t{\"alarm_id\":\"HT\",\"value\":97.5}\n");
        produce({}, "third\n");
    }

    void readsTheRecordAtAnOffset()
    {
        const KafkaRecordFetch f = fetchKafkaRecord(config(), m_topic, 1, 1);
        QVERIFY2(f.ok, qPrintable(f.error));
        QCOMPARE(f.record.topic, m_topic);
        QCOMPARE(f.record.partition, 1);
        QCOMPARE(f.record.offset, qint64(1));
        QCOMPARE(f.record.key.value_or(QByteArray()), QByteArray("PUMP_001"));
        QCOMPARE(f.record.payload.value_or(QByteArray()), QByteArray("{\"alarm_id\":\"HT\",\"value\":97.5}"));
        QCOMPARE(f.record.headers.size(), size_t(1));
        QCOMPARE(f.record.headers.front().name, QByteArray("origin"));
        QVERIFY(f.record.timestampMs > 0);
        // The first and the last as well: no off-by-one at either end.
        QCOMPARE(fetchKafkaRecord(config(), m_topic, 1, 0).record.payload.value_or(QByteArray()), QByteArray("first"));
        QCOMPARE(fetchKafkaRecord(config(), m_topic, 1, 2).record.payload.value_or(QByteArray()), QByteArray("third"));
    }

    void anOffsetTheClusterDoesNotHoldIsExplained()
    {
        const KafkaRecordFetch f = fetchKafkaRecord(config(), m_topic, 1, 42);
        QVERIFY(!f.ok);
        QVERIFY2(f.error.contains(QStringLiteral("not on the cluster")), qPrintable(f.error));
        const KafkaRecordFetch none = fetchKafkaRecord(config(), m_topic, -1, 0);
        QVERIFY(!none.ok);
        QVERIFY2(none.error.contains(QStringLiteral("No Kafka record")), qPrintable(none.error));
    }

    void anUnreachableClusterIsExplainedWithinTheTimeout()
    {
        ConsumerConfig c;
        c.bootstrap = QStringLiteral("127.0.0.1:%1").arg(ndhtest::closedLoopbackPort());
        const KafkaRecordFetch f = fetchKafkaRecord(c, m_topic, 0, 0, 2000);
        QVERIFY(!f.ok);
        QVERIFY2(f.error.contains(QStringLiteral("Cannot reach")), qPrintable(f.error));
    }
};

QTEST_GUILESS_MAIN(TestKafkaRecordFetch)
#include "tst_kafka_record_fetch.moc"
