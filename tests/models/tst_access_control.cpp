// The role table of issue 8: viewer acts on nothing, operator commands and alarm
// actions, engineer also re-publishing and configuration; refusals say why.

#include "access_control.h"

#include <QSignalSpy>
#include <QTest>

using namespace ndh;

class TstAccessControl : public QObject
{
    Q_OBJECT
private slots:
    void table_data();
    void table();
    void everyActionHasAStableName();
    void roleNamesRoundTrip();
    void sessionSignalsOnlyOnChange();
};

void TstAccessControl::table_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<OperatorAction>("action");
    QTest::addColumn<bool>("allowed");

    struct Row { const char *name; Role role; OperatorAction action; bool allowed; };
    const Row rows[] = {
        {"viewer cannot send", Role::Viewer, OperatorAction::SendCommand, false},
        {"viewer cannot acknowledge", Role::Viewer, OperatorAction::AcknowledgeAlarm, false},
        {"viewer cannot shelve", Role::Viewer, OperatorAction::ShelveAlarm, false},
        {"viewer cannot return to service", Role::Viewer, OperatorAction::ReturnToService, false},
        {"viewer cannot reset", Role::Viewer, OperatorAction::ResetAlarm, false},
        {"viewer cannot republish", Role::Viewer, OperatorAction::Republish, false},
        {"viewer cannot configure", Role::Viewer, OperatorAction::EditConfiguration, false},
        {"viewer views the audit log", Role::Viewer, OperatorAction::ViewAuditLog, true},
        {"viewer exports the audit log", Role::Viewer, OperatorAction::ExportAuditLog, true},
        {"operator sends", Role::Operator, OperatorAction::SendCommand, true},
        {"operator acknowledges", Role::Operator, OperatorAction::AcknowledgeAlarm, true},
        {"operator shelves", Role::Operator, OperatorAction::ShelveAlarm, true},
        {"operator returns to service", Role::Operator, OperatorAction::ReturnToService, true},
        {"operator resets", Role::Operator, OperatorAction::ResetAlarm, true},
        {"operator cannot republish", Role::Operator, OperatorAction::Republish, false},
        {"operator cannot configure", Role::Operator, OperatorAction::EditConfiguration, false},
        {"engineer sends", Role::Engineer, OperatorAction::SendCommand, true},
        {"engineer acknowledges", Role::Engineer, OperatorAction::AcknowledgeAlarm, true},
        {"engineer republishes", Role::Engineer, OperatorAction::Republish, true},
        {"engineer configures", Role::Engineer, OperatorAction::EditConfiguration, true},
    };
    for (const Row &r : rows)
        QTest::newRow(r.name) << r.role << r.action << r.allowed;
}

void TstAccessControl::table()
{
    QFETCH(Role, role);
    QFETCH(OperatorAction, action);
    QFETCH(bool, allowed);

    // Given a role, when asked about an action, then the answer and the reason agree.
    QCOMPARE(allows(role, action), allowed);
    const QString reason = whyNot(role, action);
    QCOMPARE(reason.isEmpty(), allowed);
    if (!allowed) {
        QVERIFY2(reason.contains(roleDisplayName(requiredRole(action))), qPrintable(reason));
        QVERIFY2(reason.contains(roleDisplayName(role)), qPrintable(reason));
    }
}

void TstAccessControl::everyActionHasAStableName()
{
    for (int i = 0; i <= static_cast<int>(OperatorAction::ExportAuditLog); ++i) {
        const auto action = static_cast<OperatorAction>(i);
        const QString name = actionName(action);
        QVERIFY2(name != QLatin1String("unknown"), qPrintable(QString::number(i)));
        QCOMPARE(actionFromName(name), std::optional<OperatorAction>(action));
    }
    QCOMPARE(actionFromName(QStringLiteral("launch_missiles")), std::nullopt);
}

void TstAccessControl::roleNamesRoundTrip()
{
    for (Role r : {Role::Viewer, Role::Operator, Role::Engineer})
        QCOMPARE(roleFromName(roleName(r)), std::optional<Role>(r));
    QCOMPARE(roleFromName(QStringLiteral(" Operator ")), std::optional<Role>(Role::Operator));
    QCOMPARE(roleFromName(QStringLiteral("admin")), std::nullopt);
}

void TstAccessControl::sessionSignalsOnlyOnChange()
{
    OperatorSession session;
    QSignalSpy spy(&session, &OperatorSession::changed);
    QCOMPARE(session.role(), Role::Viewer);
    QVERIFY(!session.allows(OperatorAction::SendCommand));
    QVERIFY(!session.whyNot(OperatorAction::SendCommand).isEmpty());

    session.signIn(QStringLiteral("alice"), Role::Operator);
    QCOMPARE(spy.count(), 1);
    QVERIFY(session.isSignedIn());
    QVERIFY(session.allows(OperatorAction::SendCommand));
    QVERIFY(session.badgeText().contains(QLatin1String("alice")));

    session.signIn(QStringLiteral("alice"), Role::Operator);
    QCOMPARE(spy.count(), 1);

    session.signIn(QStringLiteral("alice"), Role::Engineer);
    QCOMPARE(spy.count(), 2);

    session.signOut();
    QCOMPARE(spy.count(), 3);
    QCOMPARE(session.role(), Role::Viewer);
    QVERIFY(!session.allows(OperatorAction::AcknowledgeAlarm));
}

QTEST_GUILESS_MAIN(TstAccessControl)
#include "tst_access_control.moc"
