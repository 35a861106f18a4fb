// The door every operator action goes through (issue 8): role first, then the audit
// record on disk, then exactly one hand-off to the sender; refusals say why and
// are audited; an unwritable audit log refuses actions while viewing goes on.

#include "access_control.h"
#include "audit_log.h"
#include "operator_action_gate.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ndh;

using Submission = OperatorActionGate::Submission;

class TstOperatorActionGate : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void viewerIsRefusedAndTheAttemptAudited();
    void operatorSendsOnceAfterTheAuditRecord();
    void sameCorrelationIdIsNeverSentTwice();
    void deliveryReportIsAppendedAsOutcome();
    void unwritableAuditLogRefusesEvenAnEngineer();
    void signInIsAudited();
    void noActingRoleWithoutAnAuditLog();
    void alarmActionsAreRecognisedAndGated();

private:
    Submission submission(const QString &corr) const;
    std::vector<AuditRecord> records() const { return AuditLog::readFile(m_log->path()); }

    QTemporaryDir m_dir;
    OperatorSession *m_session = nullptr;
    AuditLog *m_log = nullptr;
    OperatorActionGate *m_gate = nullptr;
    QList<OutgoingRecord> m_sent;
    qint64 m_recordsOnDiskWhenSent = -1;
};

void TstOperatorActionGate::init()
{
    m_session = new OperatorSession;
    m_log = new AuditLog;
    QVERIFY(m_log->open(m_dir.filePath(QStringLiteral("audit-%1.jsonl").arg(QTest::currentTestFunction()))));
    m_gate = new OperatorActionGate(m_session, m_log);
    m_sent.clear();
    m_gate->setSender([this](const OutgoingRecord &r) {
        m_recordsOnDiskWhenSent = AuditLog::verifyFile(m_log->path()).records;
        m_sent << r;
    });
}

void TstOperatorActionGate::cleanup()
{
    delete m_gate;
    delete m_log;
    delete m_session;
}

OperatorActionGate::Submission TstOperatorActionGate::submission(const QString &corr) const
{
    Submission s;
    s.action = OperatorAction::SendCommand;
    s.assetKey = QStringLiteral("FACTORY_A/Motor/MOTOR_002");
    s.parameters = {{QStringLiteral("command"), QStringLiteral("stop")}};
    s.record.topic = QStringLiteral("ndh.assets.commands.request");
    s.record.key = "MOTOR_002";
    s.record.payload = "{}";
    s.record.correlationId = corr;
    return s;
}

void TstOperatorActionGate::viewerIsRefusedAndTheAttemptAudited()
{
    QSignalSpy refused(m_gate, &OperatorActionGate::refused);
    QVERIFY(m_gate->signIn(QStringLiteral("victor"), Role::Viewer));
    QVERIFY(!m_gate->whyNot(OperatorAction::SendCommand).isEmpty());
    const QString why = m_gate->submit(submission(QStringLiteral("c1")));
    QVERIFY2(why.contains(QLatin1String("operator")), qPrintable(why));
    QVERIFY(m_sent.isEmpty());
    QCOMPARE(refused.count(), 1);
    const auto rs = records();
    QCOMPARE(rs.back().entry.outcome, QStringLiteral("refused"));
    QCOMPARE(rs.back().entry.who, QStringLiteral("victor"));
    QCOMPARE(rs.back().entry.role, QStringLiteral("viewer"));
}

void TstOperatorActionGate::operatorSendsOnceAfterTheAuditRecord()
{
    QVERIFY(m_gate->signIn(QStringLiteral("alice"), Role::Operator));
    const qint64 before = AuditLog::verifyFile(m_log->path()).records;
    QCOMPARE(m_gate->submit(submission(QStringLiteral("c1"))), QString());
    QCOMPARE(m_sent.size(), 1);
    // The audit record was on disk when the record was handed over.
    QCOMPARE(m_recordsOnDiskWhenSent, before + 1);
    const auto rs = records();
    QCOMPARE(rs.back().entry.correlationId, QStringLiteral("c1"));
    QCOMPARE(rs.back().entry.outcome, QStringLiteral("requested"));
    QCOMPARE(rs.back().entry.action, QStringLiteral("send_command"));
    QCOMPARE(rs.back().entry.asset, QStringLiteral("FACTORY_A/Motor/MOTOR_002"));
}

void TstOperatorActionGate::sameCorrelationIdIsNeverSentTwice()
{
    QVERIFY(m_gate->signIn(QStringLiteral("alice"), Role::Operator));
    QCOMPARE(m_gate->submit(submission(QStringLiteral("c1"))), QString());
    QVERIFY(!m_gate->submit(submission(QStringLiteral("c1"))).isEmpty());
    QCOMPARE(m_sent.size(), 1);
}

void TstOperatorActionGate::deliveryReportIsAppendedAsOutcome()
{
    QVERIFY(m_gate->signIn(QStringLiteral("alice"), Role::Operator));
    m_gate->submit(submission(QStringLiteral("c1")));
    m_gate->submit(submission(QStringLiteral("c2")));
    QVERIFY(m_gate->onPublished(QStringLiteral("c1"), true, {}));
    QVERIFY(m_gate->onPublished(QStringLiteral("c2"), false, QStringLiteral("Local: Message timed out")));
    QVERIFY(!m_gate->onPublished(QStringLiteral("c1"), true, {})); // once
    QVERIFY(!m_gate->onPublished(QStringLiteral("not-ours"), true, {}));
    const auto rs = records();
    QCOMPARE(rs[rs.size() - 2].entry.kind, QStringLiteral("outcome"));
    QCOMPARE(rs[rs.size() - 2].entry.outcome, QStringLiteral("sent"));
    QCOMPARE(rs.back().entry.outcome, QStringLiteral("not_confirmed"));
    QVERIFY(rs.back().entry.detail.contains(QLatin1String("timed out")));
    QVERIFY(AuditLog::verifyFile(m_log->path()).ok());
}

void TstOperatorActionGate::unwritableAuditLogRefusesEvenAnEngineer()
{
    QVERIFY(m_gate->signIn(QStringLiteral("erin"), Role::Engineer));
    // Make the log unwritable for sure: a regular file where its folder should be.
    const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
    QFile b(blocker);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.close();
    QVERIFY(!m_log->open(blocker + QStringLiteral("/audit.jsonl")));
    const QString whyNot = m_gate->whyNot(OperatorAction::AcknowledgeAlarm);
    QVERIFY2(whyNot.contains(QLatin1String("audit log")), qPrintable(whyNot));
    const QString why = m_gate->submit(submission(QStringLiteral("c1")));
    QVERIFY2(why.contains(QLatin1String("audit log")), qPrintable(why));
    QVERIFY(m_sent.isEmpty());
    // Viewing is no action: still allowed by role.
    QVERIFY(m_session->allows(OperatorAction::ViewAuditLog));
}

void TstOperatorActionGate::signInIsAudited()
{
    QSignalSpy changed(m_session, &OperatorSession::changed);
    QVERIFY(m_gate->signIn(QStringLiteral("alice"), Role::Operator));
    QVERIFY(m_gate->signIn(QStringLiteral("bob"), Role::Engineer));
    m_gate->signOut();
    QCOMPARE(changed.count(), 3);
    const auto rs = records();
    QCOMPARE(rs.size(), size_t(3));
    QCOMPARE(rs[0].entry.action, QStringLiteral("sign_in"));
    QCOMPARE(rs[1].entry.who, QStringLiteral("bob"));
    QCOMPARE(rs[1].entry.parameters.value(QStringLiteral("previous_user")).toString(), QStringLiteral("alice"));
    QCOMPARE(rs[2].entry.action, QStringLiteral("sign_out"));
    QString error;
    QVERIFY(!m_gate->signIn(QStringLiteral("  "), Role::Operator, &error));
    QVERIFY(!error.isEmpty());
}

void TstOperatorActionGate::noActingRoleWithoutAnAuditLog()
{
    const QString blocker = m_dir.filePath(QStringLiteral("blocker2"));
    QFile b(blocker);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.close();
    QVERIFY(!m_log->open(blocker + QStringLiteral("/audit.jsonl")));
    QString error;
    QVERIFY(!m_gate->signIn(QStringLiteral("alice"), Role::Operator, &error));
    QVERIFY(error.contains(QLatin1String("viewer")));
    QVERIFY(m_gate->signIn(QStringLiteral("alice"), Role::Viewer, &error));
    QCOMPARE(m_session->role(), Role::Viewer);
}

void TstOperatorActionGate::alarmActionsAreRecognisedAndGated()
{
    AlarmActionRequest req;
    req.action = AlarmAction::Shelve;
    req.asset = {QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QStringLiteral("PUMP_001")};
    req.alarmId = QStringLiteral("PUMP_001.temperature.HI");
    req.operatorName = QStringLiteral("victor");
    req.comment = QStringLiteral("sensor being replaced");
    req.timeMs = 1'700'000'000'000;
    req.shelvedUntilMs = req.timeMs + 3600'000;
    const OutgoingRecord rec = NdhEnvelopeWriter(QStringLiteral("test")).alarmAction(req);
    const auto s = OperatorActionGate::alarmSubmission(rec);
    QVERIFY(s);
    QCOMPARE(s->action, OperatorAction::ShelveAlarm);
    QCOMPARE(s->assetKey, QStringLiteral("FACTORY_A/Pump/PUMP_001"));
    QCOMPARE(s->parameters.value(QStringLiteral("alarm_id")).toString(), req.alarmId);
    QVERIFY(!OperatorActionGate::alarmSubmission(OutgoingRecord{}));

    QVERIFY(m_gate->signIn(QStringLiteral("victor"), Role::Viewer));
    QVERIFY(!m_gate->submit(*s).isEmpty());
    QVERIFY(m_sent.isEmpty());
    QVERIFY(m_gate->signIn(QStringLiteral("olga"), Role::Operator));
    QCOMPARE(m_gate->submit(*s), QString());
    QCOMPARE(m_sent.size(), 1);
    QCOMPARE(records().back().entry.action, QStringLiteral("shelve_alarm"));
}

QTEST_GUILESS_MAIN(TstOperatorActionGate)
#include "tst_operator_action_gate.moc"
