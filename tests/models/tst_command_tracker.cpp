// Every state of the command lifecycle (issue 8) as the Commands dock shows it:
// pending, sent, completed, failed, timed out, outcome unknown, not sent; late,
// duplicate, conflicting and unknown replies; under QAbstractItemModelTester.

#include "command_tracker.h"
#include "envelope_decoder.h"
#include "ndh_envelope_writer.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ndh;

namespace {

TrackedCommand cmd(const QString &corr, int timeoutSec = 10)
{
    TrackedCommand c;
    c.correlationId = corr;
    c.asset = {QStringLiteral("FACTORY_A"), QStringLiteral("Motor"), QStringLiteral("MOTOR_002")};
    c.command = QStringLiteral("set_speed");
    c.label = QStringLiteral("Set speed");
    c.parameters = {{QStringLiteral("speed"), 1500}};
    c.who = QStringLiteral("alice");
    c.role = QStringLiteral("operator");
    c.timeoutSec = timeoutSec;
    return c;
}

PlantEvent reply(const QString &corr, bool ok, const QString &text = {}, const QString &assetId = QStringLiteral("MOTOR_002"))
{
    PlantEvent e;
    e.kind = ok ? EventKind::CommandResponse : EventKind::CommandFailed;
    e.asset = {QStringLiteral("FACTORY_A"), QStringLiteral("Motor"), assetId};
    e.correlationId = corr;
    if (!text.isEmpty())
        e.attributes.push_back({ok ? QStringLiteral("result") : QStringLiteral("reason"), text, {}});
    return e;
}

} // namespace

class TstCommandTracker : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup() { delete m_tester; delete m_tracker; }

    void completes();
    void failsWithReason();
    void timesOutWhenNoReply();
    void outcomeUnknownWhenTheBrokerNeverConfirms();
    void outcomeUnknownWhenTheDeliveryTimesOut();
    void notSentWhenTheBrokerRefuses();
    void lateReplyAfterTimeoutIsShownAsLate();
    void duplicateAndConflictingReplies();
    void unknownCorrelationIdIsCountedNotApplied();
    void replyFromAnotherAssetIsIgnored();
    void onePendingRowPerCorrelationId();
    void requestAndRepliesRoundTripThroughTheDecoder();

private:
    QString state(int row) const
    {
        return m_tracker->data(m_tracker->index(row, CommandTracker::StateColumn)).toString();
    }
    CommandTracker *m_tracker = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
    qint64 m_now = 1'000'000;
};

void TstCommandTracker::init()
{
    m_tracker = new CommandTracker;
    m_tester = new QAbstractItemModelTester(m_tracker, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_now = 1'000'000;
    m_tracker->setClock([this] { return m_now; });
}

void TstCommandTracker::completes()
{
    QSignalSpy changed(m_tracker, &CommandTracker::commandChanged);
    m_tracker->addPending(cmd(QStringLiteral("c1")));
    QCOMPARE(m_tracker->rowCount(), 1);
    QCOMPARE(m_tracker->find(QStringLiteral("c1"))->state, CommandState::Pending);
    QCOMPARE(state(0), QStringLiteral("Pending"));
    QVERIFY(m_tracker->onPublished(QStringLiteral("c1"), true, {}));
    QCOMPARE(m_tracker->find(QStringLiteral("c1"))->state, CommandState::Sent);
    m_tracker->applyEvents({reply(QStringLiteral("c1"), true, QStringLiteral("speed set"))});
    const TrackedCommand *c = m_tracker->find(QStringLiteral("c1"));
    QCOMPARE(c->state, CommandState::Completed);
    QCOMPARE(c->detail, QStringLiteral("speed set"));
    QCOMPARE(state(0), QStringLiteral("Completed"));
    QCOMPARE(changed.count(), 3);
    QCOMPARE(m_tracker->data(m_tracker->index(0, CommandTracker::ParametersColumn)).toString(), QStringLiteral("speed=1500"));
    // Nothing more happens with time.
    m_now += 3600'000;
    m_tracker->checkTimeouts();
    QCOMPARE(m_tracker->find(QStringLiteral("c1"))->state, CommandState::Completed);
}

void TstCommandTracker::failsWithReason()
{
    m_tracker->addPending(cmd(QStringLiteral("c1")));
    m_tracker->onPublished(QStringLiteral("c1"), true, {});
    m_tracker->applyEvents({reply(QStringLiteral("c1"), false, QStringLiteral("interlock: guard door open"))});
    QCOMPARE(m_tracker->find(QStringLiteral("c1"))->state, CommandState::Failed);
    QCOMPARE(m_tracker->data(m_tracker->index(0, CommandTracker::DetailColumn)).toString(),
             QStringLiteral("interlock: guard door open"));
}

void TstCommandTracker::timesOutWhenNoReply()
{
    m_tracker->addPending(cmd(QStringLiteral("c1"), 5));
    m_tracker->onPublished(QStringLiteral("c1"), true, {});
    m_now += 5000;
    m_tracker->checkTimeouts();
    QCOMPARE(m_tracker->find(QStringLiteral("c1"))->state, CommandState::Sent);
    m_now += 1;
    m_tracker->checkTimeouts();
    QCOMPARE(m_tracker->find(QStringLiteral("c1"))->state, CommandState::TimedOut);
    QCOMPARE(state(0), QStringLiteral("Timed out"));
}

void TstCommandTracker::outcomeUnknownWhenTheBrokerNeverConfirms()
{
    m_tracker->addPending(cmd(QStringLiteral("c1")));
    m_now += CommandTracker::kAckTimeoutMs + 1;
    m_tracker->checkTimeouts();
    const TrackedCommand *c = m_tracker->find(QStringLiteral("c1"));
    QCOMPARE(c->state, CommandState::OutcomeUnknown);
    QVERIFY(c->detail.contains(QLatin1String("before you send it again")));
    // A delivery report that finally comes settles it.
    m_tracker->onPublished(QStringLiteral("c1"), true, {});
    QCOMPARE(m_tracker->find(QStringLiteral("c1"))->state, CommandState::Sent);
}

void TstCommandTracker::outcomeUnknownWhenTheDeliveryTimesOut()
{
    m_tracker->addPending(cmd(QStringLiteral("c1")));
    m_tracker->onPublished(QStringLiteral("c1"), false, QStringLiteral("Local: Message timed out"));
    QCOMPARE(m_tracker->find(QStringLiteral("c1"))->state, CommandState::OutcomeUnknown);
}

void TstCommandTracker::notSentWhenTheBrokerRefuses()
{
    m_tracker->addPending(cmd(QStringLiteral("c1")));
    m_tracker->onPublished(QStringLiteral("c1"), false, QStringLiteral("Broker: Topic authorization failed"));
    const TrackedCommand *c = m_tracker->find(QStringLiteral("c1"));
    QCOMPARE(c->state, CommandState::NotSent);
    QVERIFY(c->detail.contains(QLatin1String("authorization")));
    QVERIFY(!m_tracker->onPublished(QStringLiteral("other"), true, {}));
}

void TstCommandTracker::lateReplyAfterTimeoutIsShownAsLate()
{
    m_tracker->addPending(cmd(QStringLiteral("c1"), 1));
    m_tracker->onPublished(QStringLiteral("c1"), true, {});
    m_now += 2000;
    m_tracker->checkTimeouts();
    QCOMPARE(m_tracker->find(QStringLiteral("c1"))->state, CommandState::TimedOut);
    m_tracker->applyEvents({reply(QStringLiteral("c1"), true, QStringLiteral("ok"))});
    const TrackedCommand *c = m_tracker->find(QStringLiteral("c1"));
    QCOMPARE(c->state, CommandState::Completed);
    QVERIFY(c->late);
    QCOMPARE(state(0), QStringLiteral("Completed (late)"));
    QVERIFY(c->detail.contains(QLatin1String("late")));
}

void TstCommandTracker::duplicateAndConflictingReplies()
{
    QSignalSpy changed(m_tracker, &CommandTracker::commandChanged);
    m_tracker->addPending(cmd(QStringLiteral("c1")));
    m_tracker->onPublished(QStringLiteral("c1"), true, {});
    m_tracker->applyEvents({reply(QStringLiteral("c1"), true, QStringLiteral("ok")),
                            reply(QStringLiteral("c1"), true, QStringLiteral("ok"))});
    QCOMPARE(m_tracker->find(QStringLiteral("c1"))->state, CommandState::Completed);
    QCOMPARE(m_tracker->find(QStringLiteral("c1"))->extraReplies, 1);
    QCOMPARE(state(0), QStringLiteral("Completed +1 extra reply"));
    const int transitions = changed.count();
    m_tracker->applyEvents({reply(QStringLiteral("c1"), false, QStringLiteral("tripped"))});
    // The first outcome stands; the contradiction is shown, not silently applied.
    QCOMPARE(m_tracker->find(QStringLiteral("c1"))->state, CommandState::Completed);
    QVERIFY(m_tracker->find(QStringLiteral("c1"))->detail.contains(QLatin1String("CONFLICTING")));
    QCOMPARE(changed.count(), transitions);
}

void TstCommandTracker::unknownCorrelationIdIsCountedNotApplied()
{
    QSignalSpy unmatched(m_tracker, &CommandTracker::unmatchedReply);
    m_tracker->addPending(cmd(QStringLiteral("c1")));
    m_tracker->onPublished(QStringLiteral("c1"), true, {});
    m_tracker->applyEvents({reply(QStringLiteral("someone-else"), true), reply(QString(), false)});
    QCOMPARE(m_tracker->unmatchedReplies(), 2);
    QCOMPARE(unmatched.count(), 2);
    QCOMPARE(m_tracker->find(QStringLiteral("c1"))->state, CommandState::Sent);
    QCOMPARE(m_tracker->rowCount(), 1);
}

void TstCommandTracker::replyFromAnotherAssetIsIgnored()
{
    m_tracker->addPending(cmd(QStringLiteral("c1")));
    m_tracker->onPublished(QStringLiteral("c1"), true, {});
    m_tracker->applyEvents({reply(QStringLiteral("c1"), true, {}, QStringLiteral("PUMP_001"))});
    QCOMPARE(m_tracker->find(QStringLiteral("c1"))->state, CommandState::Sent);
    QVERIFY(m_tracker->find(QStringLiteral("c1"))->detail.contains(QLatin1String("PUMP_001")));
}

void TstCommandTracker::onePendingRowPerCorrelationId()
{
    m_tracker->addPending(cmd(QStringLiteral("c1")));
    m_tracker->addPending(cmd(QStringLiteral("c1")));
    QCOMPARE(m_tracker->rowCount(), 1);
}

void TstCommandTracker::requestAndRepliesRoundTripThroughTheDecoder()
{
    // What the console writes decodes as a command request with its correlation id.
    CommandRequest req;
    req.asset = {QStringLiteral("FACTORY_A"), QStringLiteral("Motor"), QStringLiteral("MOTOR_002")};
    req.command = QStringLiteral("set_speed");
    req.parametersJson = "{\"speed\":1500}";
    req.operatorName = QStringLiteral("alice");
    req.role = QStringLiteral("operator");
    req.timeMs = 1'700'000'000'000;
    req.correlationId = QStringLiteral("corr-1");
    const OutgoingRecord rec = NdhEnvelopeWriter(QStringLiteral("test")).command(req);
    QCOMPARE(rec.topic, QStringLiteral("ndh.assets.commands.request"));
    QCOMPARE(rec.key, QByteArray("MOTOR_002"));
    EnvelopeDecoder decoder;
    EventSource source;
    source.topic = rec.topic;
    std::vector<PlantEvent> events;
    QVERIFY(decoder.decode(rec.payload, source, events).accepted);
    QCOMPARE(events.size(), size_t(1));
    QCOMPARE(events[0].kind, EventKind::CommandRequest);
    QCOMPARE(events[0].correlationId, QStringLiteral("corr-1"));
    // Bad parameters: nothing to send.
    req.parametersJson = "[1]";
    QVERIFY(NdhEnvelopeWriter().command(req).topic.isEmpty());

    // A plant's refusal keeps its reason through the decoder into the tracker.
    const QByteArray failed = R"({"message_id":"m1","timestamp":"2026-01-01T00:00:00Z","source_orb":"ORB",)"
                              R"("asset_id":"MOTOR_002","asset_type":"Motor","location":"FACTORY_A",)"
                              R"("event_type":"command_failed","event_data":{"command":"set_speed",)"
                              R"("status":"failed","reason":"interlock active"},"correlation_id":"corr-1"})";
    source.topic = QStringLiteral("ndh.assets.commands.failed");
    events.clear();
    QVERIFY(decoder.decode(failed, source, events).accepted);
    QCOMPARE(events.size(), size_t(1));
    QCOMPARE(events[0].kind, EventKind::CommandFailed);
    QCOMPARE(CommandTracker::replyText(events[0]), QStringLiteral("interlock active"));
    m_tracker->addPending(cmd(QStringLiteral("corr-1")));
    m_tracker->onPublished(QStringLiteral("corr-1"), true, {});
    m_tracker->applyEvents(events);
    QCOMPARE(m_tracker->find(QStringLiteral("corr-1"))->state, CommandState::Failed);
    QCOMPARE(m_tracker->find(QStringLiteral("corr-1"))->detail, QStringLiteral("interlock active"));
}

QTEST_GUILESS_MAIN(TstCommandTracker)
#include "tst_command_tracker.moc"
