#pragma once
// Who may do what at this console (DESIGN.md §8, issue 8). One table, asked by
// the UI (to disable an action and say why in its tooltip) and again by every
// code path that sends, so a disabled button is never the only guard.

#include <QMetaType>
#include <QObject>
#include <QString>

#include <optional>

namespace ndh {

// Ordered: each role may do everything the previous one may.
enum class Role : quint8 {
    Viewer,   // sees everything, acts on nothing
    Operator, // commands and alarm actions
    Engineer, // also re-publishing records and editing configuration
};
QString roleName(Role role);                            // "viewer", "operator", "engineer" (wire/CLI form)
QString roleDisplayName(Role role);                     // translated, for the status bar
std::optional<Role> roleFromName(const QString &name);  // case-insensitive; nullopt if unknown

enum class OperatorAction : quint8 {
    SendCommand,
    AcknowledgeAlarm,
    ShelveAlarm,
    UnshelveAlarm,
    SuppressAlarm,
    ReturnToService,
    RemoveFromService,
    ResetAlarm,
    Republish,
    EditConfiguration,
    ViewAuditLog,
    ExportAuditLog,
};
QString actionName(OperatorAction action);        // stable name written to the audit log ("send_command")
QString actionDisplayName(OperatorAction action); // translated, for menus and the audit viewer
std::optional<OperatorAction> actionFromName(const QString &name);

// The least role an action needs.
Role requiredRole(OperatorAction action);
bool allows(Role role, OperatorAction action);
// Empty when allowed; otherwise one sentence for a tooltip or a refusal message,
// e.g. "Sending commands needs the operator role; you are signed in as viewer."
QString whyNot(Role role, OperatorAction action);

// The person at the console. Local sign-in only: the name is what the operator
// typed, the role what they chose (or --role). Not an authentication system; it
// makes the audit trail say who did what and keeps viewers from acting.
class OperatorSession : public QObject
{
    Q_OBJECT
public:
    explicit OperatorSession(QObject *parent = nullptr);

    QString userName() const { return m_userName; }
    Role role() const { return m_role; }
    bool isSignedIn() const { return m_signedIn; }
    qint64 signedInSinceMs() const { return m_sinceMs; }

    bool allows(OperatorAction action) const { return ndh::allows(m_role, action); }
    QString whyNot(OperatorAction action) const { return ndh::whyNot(m_role, action); }

    // Replaces user and role; emits changed() once when either differs.
    void signIn(const QString &userName, Role role);
    // Back to an anonymous viewer.
    void signOut();

    // "alice (operator)" for badges and the audit viewer.
    QString badgeText() const;

signals:
    void changed();

private:
    QString m_userName;
    Role m_role = Role::Viewer;
    bool m_signedIn = false;
    qint64 m_sinceMs = 0;
};

} // namespace ndh

Q_DECLARE_METATYPE(ndh::Role)
Q_DECLARE_METATYPE(ndh::OperatorAction)
