// What an operator sees of roles and commands (issue 8): a viewer finds "Send"
// disabled with the reason as its tooltip, and the sending path refuses even when
// called directly; an operator's command goes through the dialog's validation, is
// audited before it leaves and shows up in the Commands panel; the alarm actions
// follow the role; the badge names user and role; the audit viewer shows the
// verification result and exports what it shows.

#include "access_control.h"
#include "alarm_list_view.h"
#include "asset_tree_view.h"
#include "audit_log.h"
#include "audit_log_view.h"
#include "command_catalog.h"
#include "command_dialog.h"
#include "command_sender.h"
#include "command_tracker.h"
#include "commands_panel.h"
#include "main_window.h"
#include "operator_action_gate.h"
#include "operator_controls.h"
#include "plant_models.h"
#include "ui_test_plant.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace ndh;

namespace {

const QString kMotorKey = QStringLiteral("FACTORY_A/Motor/MOTOR_002");

struct Rig
{
    PlantModels models;
    MainWindow window{&models};
    OperatorSession session;
    AuditLog audit;
    OperatorActionGate gate{&session, &audit};
    CommandCatalog catalog;
    CommandTracker tracker;
    CommandSender sender{&catalog, &gate, &tracker};
    QList<OutgoingRecord> sent;
    bool auditHadItWhenSent = false;
    std::unique_ptr<OperatorControls> controls;

    explicit Rig(const QString &auditPath, AuditLog::Verify verify = AuditLog::Verify::Now)
    {
        QString error;
        if (!catalog.loadFile(qEnvironmentVariable("NDH_SOURCE_DIR") + QStringLiteral("/resources/config/commands.json"), &error))
            qFatal("%s", qPrintable(error));
        audit.open(auditPath, verify);
        gate.setSender([this](const OutgoingRecord &r) {
            const auto records = AuditLog::readFile(audit.path());
            auditHadItWhenSent = !records.empty() && records.back().entry.correlationId == r.correlationId;
            sent << r;
        });
        controls = std::make_unique<OperatorControls>(&window, &gate, &sender);
        controls->setInteractive(false);
        models.applyBatch(ndhtest::batch({ndhtest::attributeEvent(QStringLiteral("FACTORY_A"), QStringLiteral("Motor"),
                                                                  QStringLiteral("MOTOR_002"), 1000, {{QStringLiteral("speed"), 1480.0, QStringLiteral("rpm")}})}));
    }
};

} // namespace

class TstOperatorControls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void viewerCannotSend();
    void operatorSendsAValidatedCommand();
    void alarmActionsFollowTheRole();
    void unwritableAuditLogDisablesActions();
    void auditViewerShowsVerificationAndExports();
    void auditLogVerifiedInTheBackgroundAtStart();

private:
    QString auditPath() { return m_dir.filePath(QStringLiteral("%1.jsonl").arg(QTest::currentTestFunction())); }
    QTemporaryDir m_dir;
};

void TstOperatorControls::viewerCannotSend()
{
    Rig rig(auditPath());
    rig.gate.signIn(QStringLiteral("victor"), Role::Viewer);
    QVERIFY(rig.controls->badge()->text().contains(QLatin1String("victor")));
    QVERIFY(rig.controls->badge()->text().contains(roleDisplayName(Role::Viewer)));
    QVERIFY(!rig.controls->sendCommandAction()->isEnabled());

    CommandDialog *dialog = rig.controls->openCommandDialog(kMotorKey, QStringLiteral("stop"));
    QVERIFY(dialog);
    QPushButton *send = dialog->sendButton();
    QVERIFY(!send->isEnabled());
    QVERIFY2(send->toolTip().contains(roleDisplayName(Role::Operator)), qPrintable(send->toolTip()));
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(dialog->isVisible());

    // The sending path refuses on its own, whatever the UI did.
    const auto r = rig.sender.send(OperatorControls::assetFromKey(kMotorKey), QStringLiteral("stop"), {});
    QVERIFY(!r.sent);
    QVERIFY(rig.sent.isEmpty());
    QCOMPARE(rig.tracker.rowCount(), 0);

    // Signing in as operator while the dialog is open enables it.
    rig.gate.signIn(QStringLiteral("alice"), Role::Operator);
    QVERIFY(send->isEnabled());
    dialog->close();
}

void TstOperatorControls::operatorSendsAValidatedCommand()
{
    Rig rig(auditPath());
    QAbstractItemModelTester tester(&rig.tracker, QAbstractItemModelTester::FailureReportingMode::QtTest);
    rig.gate.signIn(QStringLiteral("alice"), Role::Operator);
    CommandDialog *dialog = rig.controls->openCommandDialog(kMotorKey, QStringLiteral("set_speed"));
    QVERIFY(dialog);
    auto *speed = qobject_cast<QSpinBox *>(dialog->editorFor(QStringLiteral("speed")));
    QVERIFY(speed);
    speed->setValue(1900); // above the motor's 1750 rpm
    QVERIFY(!dialog->sendButton()->isEnabled());
    QVERIFY2(dialog->sendButton()->toolTip().contains(QLatin1String("1750")), qPrintable(dialog->sendButton()->toolTip()));
    speed->setValue(1200);
    QVERIFY(dialog->sendButton()->isEnabled());
    QVERIFY(dialog->confirmationText().contains(QLatin1String("MOTOR_002")));
    QVERIFY(dialog->confirmationText().contains(QLatin1String("1200 rpm")));
    QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);

    QCOMPARE(rig.sent.size(), 1);
    QVERIFY(rig.auditHadItWhenSent);
    QCOMPARE(rig.sent.first().topic, QStringLiteral("ndh.assets.commands.request"));
    QCOMPARE(rig.tracker.rowCount(), 1);
    QCOMPARE(rig.tracker.commands().front().state, CommandState::Pending);
    QVERIFY(rig.controls->commandsDock()->isVisible() || !rig.window.isVisible());
    rig.sender.onPublished(rig.sent.first().correlationId, true, {});
    QCOMPARE(rig.tracker.commands().front().state, CommandState::Sent);
    QVERIFY(rig.controls->commandsPanel()->summaryText().contains(QLatin1String("1 waiting")));

    // The list: the state reads whole, the detail (why a command failed) gets the room.
    CommandsPanel panel(&rig.tracker);
    panel.resize(900, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QHeaderView *h = panel.tableView()->horizontalHeader();
    const QString state = commandStateDisplay(CommandState::Sent);
    QVERIFY(h->sectionSize(CommandTracker::StateColumn) > panel.tableView()->fontMetrics().horizontalAdvance(state));
    for (int c : {CommandTracker::AssetColumn, CommandTracker::CommandColumn, CommandTracker::ParametersColumn,
                  CommandTracker::UserColumn})
        QVERIFY(h->sectionSize(CommandTracker::DetailColumn) > h->sectionSize(c));
}

void TstOperatorControls::alarmActionsFollowTheRole()
{
    Rig rig(auditPath());
    AlarmListView *alarms = rig.window.alarmListView();
    QVERIFY(alarms);
    rig.gate.signIn(QStringLiteral("victor"), Role::Viewer);
    QVERIFY2(alarms->acknowledgeAction()->toolTip().contains(roleDisplayName(Role::Operator)),
             qPrintable(alarms->acknowledgeAction()->toolTip()));
    rig.gate.signIn(QStringLiteral("alice"), Role::Operator);
    QCOMPARE(alarms->operatorName(), QStringLiteral("alice"));
    QVERIFY(!alarms->acknowledgeAction()->toolTip().contains(roleDisplayName(Role::Operator) + u';'));
}

void TstOperatorControls::unwritableAuditLogDisablesActions()
{
    const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
    QFile b(blocker);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.close();
    Rig rig(blocker + QStringLiteral("/audit.jsonl"));
    QVERIFY(!rig.audit.isWritable());
    QString error;
    QVERIFY(!rig.gate.signIn(QStringLiteral("alice"), Role::Operator, &error));
    rig.gate.signIn(QStringLiteral("alice"), Role::Viewer);
    QVERIFY(rig.controls->badge()->text().contains(QLatin1String("AUDIT LOG")));
    CommandDialog *dialog = rig.controls->openCommandDialog(kMotorKey, QStringLiteral("stop"));
    QVERIFY(!dialog->sendButton()->isEnabled());
    dialog->close();
}

void TstOperatorControls::auditViewerShowsVerificationAndExports()
{
    Rig rig(auditPath());
    rig.gate.signIn(QStringLiteral("alice"), Role::Operator);
    QVERIFY(rig.sender.send(OperatorControls::assetFromKey(kMotorKey), QStringLiteral("start"), {}).sent);
    AuditLogView *view = rig.controls->showAuditLog();
    QVERIFY(view);
    // Read on a worker: the view shows at once and says so, then the outcome.
    QVERIFY(view->isLoading());
    QVERIFY2(view->verificationText().contains(QLatin1String("Verifying")), qPrintable(view->verificationText()));
    QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading(), 30000);
    QVERIFY2(view->verificationText().contains(QLatin1String("intact")), qPrintable(view->verificationText()));
    QCOMPARE(view->shownCount(), 2); // sign-in and the command
    view->filterEdit()->setText(QStringLiteral("send_command"));
    QCOMPARE(view->shownCount(), 1);
    QString error;
    const QString csv = m_dir.filePath(QStringLiteral("export.csv"));
    QVERIFY2(view->exportCsv(csv, &error), qPrintable(error));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2); // header + the command
    QVERIFY(lines[1].contains("MOTOR_002"));
    const QString jsonl = m_dir.filePath(QStringLiteral("export.jsonl"));
    QVERIFY2(view->exportJsonl(jsonl, &error), qPrintable(error));
    QCOMPARE(AuditLog::readFile(jsonl).size(), size_t(1));
    view->close();

    // A tampered log is shown as such.
    QFile log(rig.audit.path());
    QVERIFY(log.open(QIODevice::ReadWrite));
    QByteArray all = log.readAll();
    all.replace("\"start\"", "\"stop\"");
    log.seek(0);
    log.write(all);
    log.close();
    AuditLogView damaged(rig.audit.path());
    QTRY_VERIFY_WITH_TIMEOUT(!damaged.isLoading(), 30000);
    QVERIFY2(damaged.verificationText().contains(QLatin1String("DAMAGED")), qPrintable(damaged.verificationText()));
    QVERIFY2(damaged.verificationText().contains(QLatin1String("line 2")), qPrintable(damaged.verificationText()));
}

void TstOperatorControls::auditLogVerifiedInTheBackgroundAtStart()
{
    // A log of some length with one edited record, opened as the console opens it.
    const QString path = auditPath();
    {
        AuditLog log;
        QVERIFY(log.open(path));
        AuditEntry e;
        e.who = QStringLiteral("alice");
        e.action = QStringLiteral("send_command");
        for (int i = 0; i < 2000; ++i) {
            e.correlationId = QStringLiteral("c%1").arg(i);
            QVERIFY(log.append(e));
        }
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray all = f.readAll();
    all.replace("\"c1000\"", "\"c9999\""); // line 1001
    f.seek(0);
    f.write(all);
    f.close();

    Rig rig(path, AuditLog::Verify::InBackground);
    QSignalSpy status(rig.controls.get(), &OperatorControls::statusMessage);
    // At once: the console works (the sign-in is audited) while the check runs.
    QVERIFY(rig.audit.isVerifying());
    QVERIFY2(rig.controls->badge()->text().contains(QLatin1String("verifying")), qPrintable(rig.controls->badge()->text()));
    QVERIFY(rig.gate.signIn(QStringLiteral("alice"), Role::Operator));
    // Then the outcome, with the edited line named.
    QTRY_VERIFY_WITH_TIMEOUT(!rig.audit.isVerifying(), 60000);
    QVERIFY2(rig.controls->badge()->text().contains(QLatin1String("audit log damaged")),
             qPrintable(rig.controls->badge()->text()));
    QVERIFY(!rig.controls->badge()->text().contains(QLatin1String("verifying")));
    QVERIFY(!status.isEmpty());
    const QString said = status.last().first().toString();
    QVERIFY2(said.contains(QLatin1String("DAMAGED")) && said.contains(QLatin1String("line 1001")), qPrintable(said));
    QCOMPARE(rig.window.statusBar()->currentMessage(), said);
    QCOMPARE(rig.audit.verification().records, 2000); // 1999 intact + the sign-in
}

QTEST_MAIN(TstOperatorControls)
#include "tst_operator_controls.moc"
