// The whole command loop of issue 8 against the embedded broker: the console's
// CommandSender (gate, audit log, tracker) publishes through the IngestBackend's
// idempotent producer, the demo plant's CommandResponder answers on
// commands.response / commands.failed, and the tracker follows each command to
// completed, failed (with the plant's reason), timed out, or outcome unknown when
// the broker is down. kcat, an independent client, shows that the audit record was
// on disk before the command reached the topic, and that a command reaches the
// topic exactly once even when the broker answers Produce requests with errors.

#include "audit_log.h"
#include "command_catalog.h"
#include "command_responder.h"
#include "command_sender.h"
#include "command_tracker.h"
#include "embedded_broker.h"
#include "ingest_backend.h"
#include "kafka_test_support.h"
#include "operator_action_gate.h"
#include "topic_catalog.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace ndh;

namespace {

const AssetPath kMotor{QStringLiteral("FACTORY_A"), QStringLiteral("Motor"), QStringLiteral("MOTOR_002")};

// One console's operator side, wired as app/console_main.cpp wires it.
struct Console
{
    OperatorSession session;
    AuditLog audit;
    OperatorActionGate gate{&session, &audit};
    CommandCatalog catalog;
    CommandTracker tracker;
    CommandSender sender{&catalog, &gate, &tracker};
    IngestBackend backend;
    QString auditPathAtHandOff; // audit file contents when the record was handed to the producer
    QByteArray auditAtHandOff;

    Console(const QString &bootstrap, const QString &auditPath)
        : backend([&] {
            ConsumerConfig c;
            c.bootstrap = bootstrap;
            c.topics = {QLatin1String(topics::kCommandResponse), QLatin1String(topics::kCommandFailed)};
            return c;
        }())
    {
        QString error;
        if (!catalog.loadFile(qEnvironmentVariable("NDH_SOURCE_DIR") + QStringLiteral("/resources/config/commands.json"), &error))
            qFatal("catalog: %s", qPrintable(error));
        if (!audit.open(auditPath))
            qFatal("audit: %s", qPrintable(audit.lastError()));
        gate.setSender([this](const OutgoingRecord &r) {
            QFile f(audit.path());
            if (f.open(QIODevice::ReadOnly))
                auditAtHandOff = f.readAll();
            backend.publish(r.topic, r.key, r.payload, r.correlationId);
        });
        QObject::connect(&backend, &IngestBackend::published, &sender, &CommandSender::onPublished);
        QObject::connect(&backend, &IngestBackend::batchReady, &sender,
                         [this](const EventBatchPtr &b) { sender.applyEvents(b->events); });
        tracker.startTimeoutTimer();
        gate.signIn(QStringLiteral("alice"), Role::Operator);
    }
};

} // namespace

class TstCommandLoop : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void completesAndTheAuditRecordCameFirst();
    void failsWithThePlantsReason();
    void timesOutWithoutReply();
    void outcomeUnknownWhenTheBrokerIsDown();
    void exactlyOnceDespiteProduceErrors();
    void viewerSendsNothing();

private:
    void startResponder(double failRate, double silentRate);
    std::unique_ptr<Console> console(int ackTimeoutMs = 15000);
    QList<QJsonObject> requestsOnTopic();

    QTemporaryDir m_dir;
    std::unique_ptr<EmbeddedBroker> m_broker;
    std::unique_ptr<CommandResponder> m_responder;
    QList<std::tuple<QString, QString>> m_applied; // what the plant was told (asset, command)
    QMutex m_appliedMutex;
};

void TstCommandLoop::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TstCommandLoop::init()
{
    m_broker = std::make_unique<EmbeddedBroker>();
    QVERIFY2(m_broker->start(2), qPrintable(m_broker->error()));
    m_applied.clear();
}

void TstCommandLoop::cleanup()
{
    m_responder.reset();
    m_broker.reset();
}

void TstCommandLoop::startResponder(double failRate, double silentRate)
{
    CommandResponderOptions o;
    o.failRate = failRate;
    o.silentRate = silentRate;
    o.minDelayMs = 50;
    o.maxDelayMs = 200;
    m_responder = std::make_unique<CommandResponder>(m_broker->bootstrap(), o);
    m_responder->setPlantHook([this](const QString &asset, const QString &command, const QList<QPair<QString, QVariant>> &) {
        QMutexLocker lock(&m_appliedMutex);
        m_applied << std::tuple{asset, command};
    });
    QVERIFY2(m_responder->start(5000), qPrintable(m_responder->error()));
}

std::unique_ptr<Console> TstCommandLoop::console(int ackTimeoutMs)
{
    auto c = std::make_unique<Console>(m_broker->bootstrap(),
                                       m_dir.filePath(QStringLiteral("%1.jsonl").arg(QTest::currentTestFunction())));
    c->tracker.setAckTimeoutMs(ackTimeoutMs);
    c->backend.start();
    return c;
}

QList<QJsonObject> TstCommandLoop::requestsOnTopic()
{
    const auto r = ndhtest::run(ndhtest::kcatPath(), {QStringLiteral("-C"), QStringLiteral("-b"), m_broker->bootstrap(),
                                                      QStringLiteral("-t"), QLatin1String(topics::kCommandRequest),
                                                      QStringLiteral("-e"), QStringLiteral("-q"), QStringLiteral("-J")},
                                {}, 30000);
    QList<QJsonObject> out;
    for (const QByteArray &line : r.out.split('\n')) {
        if (!line.trimmed().isEmpty())
            out << QJsonDocument::fromJson(line).object();
    }
    return out;
}

void TstCommandLoop::completesAndTheAuditRecordCameFirst()
{
    startResponder(0, 0);
    auto c = console();
    const auto r = c->sender.send(kMotor, QStringLiteral("set_speed"), {{QStringLiteral("speed"), 1500}});
    QVERIFY2(r.sent, qPrintable(r.error));
    QTRY_COMPARE_WITH_TIMEOUT(int(c->tracker.find(r.correlationId)->state), int(CommandState::Completed), 20000);
    QCOMPARE(c->tracker.find(r.correlationId)->detail, QStringLiteral("ok"));
    {
        QMutexLocker lock(&m_appliedMutex);
        QVERIFY(m_applied.contains(std::tuple{QStringLiteral("MOTOR_002"), QStringLiteral("set_speed")}));
    }

    // kcat reads the request as the plant got it: one record, our correlation id.
    const QList<QJsonObject> records = requestsOnTopic();
    QCOMPARE(records.size(), 1);
    const QJsonObject envelope = QJsonDocument::fromJson(records.first().value(u"payload").toString().toUtf8()).object();
    QCOMPARE(envelope.value(u"correlation_id").toString(), r.correlationId);
    QCOMPARE(envelope.value(u"event_data").toObject().value(u"parameters").toObject().value(u"speed").toInt(), 1500);
    QCOMPARE(envelope.value(u"event_data").toObject().value(u"operator").toString(), QStringLiteral("alice"));
    const qint64 brokerTs = qint64(records.first().value(u"ts").toDouble());

    // The audit record was on disk when the record was handed to the producer, and
    // it was written no later than the broker stamped the record.
    QVERIFY(c->auditAtHandOff.contains(r.correlationId.toUtf8()));
    const auto audit = AuditLog::readFile(c->audit.path());
    const auto first = std::find_if(audit.begin(), audit.end(),
                                    [&](const AuditRecord &a) { return a.entry.correlationId == r.correlationId; });
    QVERIFY(first != audit.end());
    QCOMPARE(first->entry.outcome, QStringLiteral("requested"));
    QVERIFY2(first->timeMs <= brokerTs, qPrintable(QStringLiteral("%1 > %2").arg(first->timeMs).arg(brokerTs)));
    // Then the delivery report and the outcome, each its own record, the chain intact.
    QStringList outcomes;
    for (const AuditRecord &a : audit) {
        if (a.entry.correlationId == r.correlationId)
            outcomes << a.entry.outcome;
    }
    QCOMPARE(outcomes, (QStringList{QStringLiteral("requested"), QStringLiteral("sent"), QStringLiteral("completed")}));
    QVERIFY(AuditLog::verifyFile(c->audit.path()).ok());
}

void TstCommandLoop::failsWithThePlantsReason()
{
    startResponder(1.0, 0);
    auto c = console();
    const auto r = c->sender.send(kMotor, QStringLiteral("stop"), {});
    QVERIFY2(r.sent, qPrintable(r.error));
    QTRY_COMPARE_WITH_TIMEOUT(int(c->tracker.find(r.correlationId)->state), int(CommandState::Failed), 20000);
    const QString reason = c->tracker.find(r.correlationId)->detail;
    QVERIFY2(reason.contains(u':') && !reason.contains(QLatin1String("refused the command")), qPrintable(reason));
    QMutexLocker lock(&m_appliedMutex);
    QVERIFY(m_applied.isEmpty()); // a refused command changes nothing in the plant
}

void TstCommandLoop::timesOutWithoutReply()
{
    // Timeouts come from the catalog; the shortest there is long for a test, so
    // build the command by hand with 1 s.
    startResponder(0, 1.0);
    auto c = console();
    CommandCatalog quick;
    QString error;
    QVERIFY2(quick.load(R"({"version":1,"asset_types":{"Motor":[{"name":"stop","timeout_s":1}]}})", &error), qPrintable(error));
    CommandSender sender(&quick, &c->gate, &c->tracker);
    QObject::connect(&c->backend, &IngestBackend::published, &sender, &CommandSender::onPublished);
    const auto r = sender.send(kMotor, QStringLiteral("stop"), {});
    QVERIFY2(r.sent, qPrintable(r.error));
    QTRY_COMPARE_WITH_TIMEOUT(int(c->tracker.find(r.correlationId)->state), int(CommandState::Sent), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(int(c->tracker.find(r.correlationId)->state), int(CommandState::TimedOut), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_responder->silent() >= 1, 10000);
    // Never re-sent by itself: still exactly one request on the topic.
    QCOMPARE(requestsOnTopic().size(), 1);
}

void TstCommandLoop::outcomeUnknownWhenTheBrokerIsDown()
{
    startResponder(0, 0);
    auto c = console(1500);
    QVERIFY(m_broker->setBrokerDown(-1));
    const auto r = c->sender.send(kMotor, QStringLiteral("start"), {});
    QVERIFY2(r.sent, qPrintable(r.error));
    QTRY_COMPARE_WITH_TIMEOUT(int(c->tracker.find(r.correlationId)->state), int(CommandState::OutcomeUnknown), 20000);
    QVERIFY(c->tracker.find(r.correlationId)->detail.contains(QLatin1String("before you send it again")));
    const auto audit = AuditLog::readFile(c->audit.path());
    QCOMPARE(audit.back().entry.outcome, QStringLiteral("unknown"));
    QVERIFY(m_broker->setBrokerUp(-1));
}

void TstCommandLoop::exactlyOnceDespiteProduceErrors()
{
    startResponder(0, 0);
    auto c = console();
    // The first Produce requests fail with a retriable error (NOT_ENOUGH_REPLICAS):
    // the idempotent producer retries the same record, the broker keeps one.
    QVERIFY(m_broker->pushRequestErrors(0, 3, 19));
    const auto r = c->sender.send(kMotor, QStringLiteral("set_mode"), {{QStringLiteral("mode"), QStringLiteral("manual")}});
    QVERIFY2(r.sent, qPrintable(r.error));
    QTRY_COMPARE_WITH_TIMEOUT(int(c->tracker.find(r.correlationId)->state), int(CommandState::Completed), 30000);
    const QList<QJsonObject> records = requestsOnTopic();
    int ours = 0;
    for (const QJsonObject &rec : records)
        ours += rec.value(u"payload").toString().contains(r.correlationId) ? 1 : 0;
    QCOMPARE(ours, 1);
}

void TstCommandLoop::viewerSendsNothing()
{
    startResponder(0, 0);
    auto c = console();
    c->gate.signIn(QStringLiteral("victor"), Role::Viewer);
    const auto r = c->sender.send(kMotor, QStringLiteral("stop"), {});
    QVERIFY(!r.sent);
    QVERIFY2(r.error.contains(QLatin1String("operator")), qPrintable(r.error));
    QCOMPARE(c->tracker.rowCount(), 0);
    QTest::qWait(500);
    QCOMPARE(requestsOnTopic().size(), 0);
    QCOMPARE(AuditLog::readFile(c->audit.path()).back().entry.outcome, QStringLiteral("refused"));
}

QTEST_MAIN(TstCommandLoop)
#include "tst_command_loop.moc"
