// The embedded broker is a real Kafka endpoint: kcat sees the standard topics with the
// requested partitions, unknown topics are auto-created on first produce, and the
// fault hooks really take the broker away and bring it back. The demo plant comes up
// in two steps (the listener at once, the rest on a thread) so a window need not wait.

#include "demo_plant.h"
#include "embedded_broker.h"
#include "kafka_test_support.h"
#include "process_threads.h"
#include "topic_catalog.h"

#include <QtTest>

#include <atomic>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

using namespace ndh;

class TestEmbeddedBroker : public QObject
{
    Q_OBJECT
private slots:
    void standardTopicsListedByKcat();
    void unknownTopicIsAutoCreatedOnFirstProduce();
    void createTopicAfterStart();
    void brokerDownAndUp();
    void twoBrokersGetTheirOwnPorts();
    void refusesZeroPartitions();
    void listenerFirstTopicsAfter();
    void demoPlantComesUpInTheBackground();
    void demoPlantThatCannotStartSaysWhy();
};

void TestEmbeddedBroker::standardTopicsListedByKcat()
{
    EmbeddedBroker broker;
    QVERIFY2(broker.start(3), qPrintable(broker.error()));
    QVERIFY(broker.bootstrap().startsWith(u"127.0.0.1:"));

    ndhtest::ProcessResult r;
    const QMap<QString, int> listed = ndhtest::kcatTopics(broker.bootstrap(), &r);
    QCOMPARE(r.exitCode, 0);
    for (const QString &topic : topics::standardTopics()) {
        QVERIFY2(listed.contains(topic), qPrintable(topic));
        QCOMPARE(listed.value(topic), 3);
    }
    QCOMPARE(broker.createdTopics().size(), topics::standardTopics().size());
}

void TestEmbeddedBroker::unknownTopicIsAutoCreatedOnFirstProduce()
{
    EmbeddedBroker broker;
    QVERIFY2(broker.start(2), qPrintable(broker.error()));
    QVERIFY(!ndhtest::kcatTopics(broker.bootstrap()).contains(QStringLiteral("plant.custom")));

    const auto produced = ndhtest::kcatProduce(broker.bootstrap(), QStringLiteral("plant.custom"),
                                               "K1:{\"n\":1}\nK2:{\"n\":2}\n");
    QCOMPARE(produced.exitCode, 0);
    const QMap<QString, int> listed = ndhtest::kcatTopics(broker.bootstrap());
    QVERIFY(listed.contains(QStringLiteral("plant.custom")));
    QCOMPARE(listed.value(QStringLiteral("plant.custom")), 4); // the mock's default

    const QList<QJsonObject> records = ndhtest::kcatConsumeAll(broker.bootstrap(), QStringLiteral("plant.custom"));
    QCOMPARE(records.size(), 2);
    QStringList keys;
    for (const QJsonObject &o : records)
        keys << o.value(QStringLiteral("key")).toString();
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("K1"), QStringLiteral("K2")}));
}

void TestEmbeddedBroker::createTopicAfterStart()
{
    EmbeddedBroker broker;
    QVERIFY(broker.start(1));
    QVERIFY(broker.createTopic(QStringLiteral("ndh.extra"), 6));
    QVERIFY(broker.createTopic(QStringLiteral("ndh.extra"), 6)); // idempotent
    QCOMPARE(ndhtest::kcatTopics(broker.bootstrap()).value(QStringLiteral("ndh.extra")), 6);
}

void TestEmbeddedBroker::brokerDownAndUp()
{
    EmbeddedBroker broker;
    QVERIFY(broker.start(1));
    QVERIFY(broker.setBrokerDown());
    ndhtest::ProcessResult down;
    const auto listedWhileDown = ndhtest::run(ndhtest::kcatPath(), {QStringLiteral("-L"), QStringLiteral("-b"),
                                                                    broker.bootstrap(), QStringLiteral("-m"),
                                                                    QStringLiteral("2")});
    QVERIFY(listedWhileDown.exitCode != 0);

    QVERIFY(broker.setBrokerUp());
    ndhtest::ProcessResult up;
    QVERIFY(ndhtest::kcatTopics(broker.bootstrap(), &up).contains(QLatin1String(topics::kAttributeChanged)));
    QCOMPARE(up.exitCode, 0);
}

void TestEmbeddedBroker::twoBrokersGetTheirOwnPorts()
{
    EmbeddedBroker a;
    EmbeddedBroker b;
    QVERIFY(a.start(1));
    QVERIFY(b.start(1));
    QVERIFY(a.bootstrap() != b.bootstrap());
    QVERIFY(a.createTopic(QStringLiteral("only.in.a"), 1));
    QVERIFY(ndhtest::kcatTopics(a.bootstrap()).contains(QStringLiteral("only.in.a")));
    QVERIFY(!ndhtest::kcatTopics(b.bootstrap()).contains(QStringLiteral("only.in.a")));
}

void TestEmbeddedBroker::refusesZeroPartitions()
{
    EmbeddedBroker broker;
    QVERIFY(!broker.start(0));
    QVERIFY(!broker.error().isEmpty());
    QVERIFY(!broker.isRunning());
    QVERIFY(broker.bootstrap().isEmpty());
}

void TestEmbeddedBroker::listenerFirstTopicsAfter()
{
    EmbeddedBroker broker;
    QVERIFY(broker.startCluster(2));
    QVERIFY(broker.isRunning());
    QVERIFY(!broker.bootstrap().isEmpty());
    QVERIFY(broker.createdTopics().isEmpty());
    ndhtest::ProcessResult listed;
    QVERIFY(!ndhtest::kcatTopics(broker.bootstrap(), &listed).contains(QLatin1String(topics::kAttributeChanged)));
    QCOMPARE(listed.exitCode, 0); // the broker answers before it has any topic
    QVERIFY2(broker.createTopics(), qPrintable(broker.error()));
    QCOMPARE(broker.createdTopics(), topics::standardTopics());
    const QMap<QString, int> all = ndhtest::kcatTopics(broker.bootstrap());
    for (const QString &topic : topics::standardTopics())
        QCOMPARE(all.value(topic), 2);
}

void TestEmbeddedBroker::demoPlantComesUpInTheBackground()
{
    DemoPlant demo;
    QVERIFY(demo.startBroker(1));
    const QString bootstrap = demo.bootstrap();
    QVERIFY(!bootstrap.isEmpty());
    std::atomic<bool> called{false};
    QString error = QStringLiteral("not called");
    SimulatorOptions options;
    options.assets = 3;
    options.rate = 500;
    options.count = 50;
    demo.startPlantInBackground(options, [&](const QString &e) {
        error = e;
        called = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return called.load(); }, 20000));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(demo.bootstrap(), bootstrap); // the address the console was built with
#ifdef Q_OS_LINUX
    // The plant shares the cores with the window: its broker's thread and every
    // Kafka client it started (the broker's handle, the simulator's, the
    // responder's) run behind the GUI, like the console's own background threads.
    const int gui = getpriority(PRIO_PROCESS, 0); // this (main) thread's
    if (gui <= 14) {
        QMultiMap<QByteArray, int> nice;
        ndhtest::forEachThreadStat([&](const QByteArray &name, const QList<QByteArray> &f) {
            if (f.size() > 16)
                nice.insert(name, f[16].toInt());
        });
        QCOMPARE(nice.values("rdk:mock"), QList<int>{gui + 5});
        QVERIFY(nice.values("rdk:main").size() >= 3);
        QCOMPARE(nice.values("rdk:main"), QList<int>(nice.values("rdk:main").size(), gui + 5));
    }
#endif
    QVERIFY(demo.commandResponder() != nullptr);
    // The plant publishes on the broker the window's consumer was given.
    QVERIFY(QTest::qWaitFor(
        [&] { return !ndhtest::kcatConsumeAll(bootstrap, QLatin1String(topics::kAttributeChanged)).isEmpty(); },
        20000));
    demo.stop();
    QVERIFY(demo.bootstrap().isEmpty());
}

void TestEmbeddedBroker::demoPlantThatCannotStartSaysWhy()
{
    DemoPlant demo;
    QVERIFY(demo.startBroker(1));
    std::atomic<bool> called{false};
    QString error;
    SimulatorOptions options;
    options.rate = -1; // refused by the simulator
    demo.startPlantInBackground(options, [&](const QString &e) {
        error = e;
        called = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return called.load(); }, 20000));
    QVERIFY2(error.contains(QLatin1String("rate")), qPrintable(error));
    demo.stop(); // joins the starter; nothing left running
}

QTEST_GUILESS_MAIN(TestEmbeddedBroker)
#include "tst_embedded_broker.moc"
