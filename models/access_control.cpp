#include "access_control.h"

#include <QCoreApplication>
#include <QDateTime>

namespace ndh {

namespace {

struct ActionRow
{
    OperatorAction action;
    const char *name;
    const char *display; // translated in context "ndh::AccessControl"
    Role required;
};

// The whole policy in one table (issue 8: viewer acts on nothing, operator
// commands and alarm actions, engineer also re-publishing and configuration).
constexpr ActionRow kActions[] = {
    {OperatorAction::SendCommand, "send_command", QT_TRANSLATE_NOOP("ndh::AccessControl", "send commands"), Role::Operator},
    {OperatorAction::AcknowledgeAlarm, "acknowledge_alarm", QT_TRANSLATE_NOOP("ndh::AccessControl", "acknowledge alarms"), Role::Operator},
    {OperatorAction::ShelveAlarm, "shelve_alarm", QT_TRANSLATE_NOOP("ndh::AccessControl", "shelve alarms"), Role::Operator},
    {OperatorAction::UnshelveAlarm, "unshelve_alarm", QT_TRANSLATE_NOOP("ndh::AccessControl", "unshelve alarms"), Role::Operator},
    {OperatorAction::SuppressAlarm, "suppress_alarm", QT_TRANSLATE_NOOP("ndh::AccessControl", "suppress alarms"), Role::Operator},
    {OperatorAction::ReturnToService, "return_to_service", QT_TRANSLATE_NOOP("ndh::AccessControl", "return alarms to service"), Role::Operator},
    {OperatorAction::RemoveFromService, "remove_from_service", QT_TRANSLATE_NOOP("ndh::AccessControl", "take alarms out of service"), Role::Operator},
    {OperatorAction::ResetAlarm, "reset_alarm", QT_TRANSLATE_NOOP("ndh::AccessControl", "reset latched alarms"), Role::Operator},
    {OperatorAction::Republish, "republish", QT_TRANSLATE_NOOP("ndh::AccessControl", "re-publish records"), Role::Engineer},
    {OperatorAction::EditConfiguration, "edit_configuration", QT_TRANSLATE_NOOP("ndh::AccessControl", "edit the configuration"), Role::Engineer},
    {OperatorAction::ViewAuditLog, "view_audit_log", QT_TRANSLATE_NOOP("ndh::AccessControl", "view the audit log"), Role::Viewer},
    {OperatorAction::ExportAuditLog, "export_audit_log", QT_TRANSLATE_NOOP("ndh::AccessControl", "export the audit log"), Role::Viewer},
};

const ActionRow *rowFor(OperatorAction action)
{
    for (const auto &row : kActions) {
        if (row.action == action)
            return &row;
    }
    return nullptr;
}

QString trAc(const char *text)
{
    return QCoreApplication::translate("ndh::AccessControl", text);
}

} // namespace

QString roleName(Role role)
{
    switch (role) {
    case Role::Viewer: return QStringLiteral("viewer");
    case Role::Operator: return QStringLiteral("operator");
    case Role::Engineer: return QStringLiteral("engineer");
    }
    return QStringLiteral("viewer");
}

QString roleDisplayName(Role role)
{
    switch (role) {
    case Role::Viewer: return trAc(QT_TRANSLATE_NOOP("ndh::AccessControl", "viewer"));
    case Role::Operator: return trAc(QT_TRANSLATE_NOOP("ndh::AccessControl", "operator"));
    case Role::Engineer: return trAc(QT_TRANSLATE_NOOP("ndh::AccessControl", "engineer"));
    }
    return roleName(role);
}

std::optional<Role> roleFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    for (Role r : {Role::Viewer, Role::Operator, Role::Engineer}) {
        if (n == roleName(r))
            return r;
    }
    return std::nullopt;
}

QString actionName(OperatorAction action)
{
    const ActionRow *row = rowFor(action);
    return row ? QString::fromLatin1(row->name) : QStringLiteral("unknown");
}

QString actionDisplayName(OperatorAction action)
{
    const ActionRow *row = rowFor(action);
    return row ? trAc(row->display) : actionName(action);
}

std::optional<OperatorAction> actionFromName(const QString &name)
{
    for (const auto &row : kActions) {
        if (name == QLatin1String(row.name))
            return row.action;
    }
    return std::nullopt;
}

Role requiredRole(OperatorAction action)
{
    const ActionRow *row = rowFor(action);
    // An action missing from the table is refused to everyone below engineer
    // rather than allowed by accident.
    return row ? row->required : Role::Engineer;
}

bool allows(Role role, OperatorAction action)
{
    return static_cast<int>(role) >= static_cast<int>(requiredRole(action));
}

QString whyNot(Role role, OperatorAction action)
{
    if (allows(role, action))
        return {};
    return QCoreApplication::translate("ndh::AccessControl",
                                       "To %1 you need the %2 role; you are signed in as %3.")
        .arg(actionDisplayName(action), roleDisplayName(requiredRole(action)), roleDisplayName(role));
}

OperatorSession::OperatorSession(QObject *parent)
    : QObject(parent)
{
}

void OperatorSession::signIn(const QString &userName, Role role)
{
    const QString name = userName.trimmed();
    const bool differs = !m_signedIn || name != m_userName || role != m_role;
    m_userName = name;
    m_role = role;
    m_signedIn = true;
    if (differs) {
        m_sinceMs = QDateTime::currentMSecsSinceEpoch();
        emit changed();
    }
}

void OperatorSession::signOut()
{
    const bool differs = m_signedIn || m_role != Role::Viewer;
    m_userName.clear();
    m_role = Role::Viewer;
    m_signedIn = false;
    m_sinceMs = 0;
    if (differs)
        emit changed();
}

QString OperatorSession::badgeText() const
{
    const QString who = m_signedIn && !m_userName.isEmpty()
        ? m_userName
        : QCoreApplication::translate("ndh::AccessControl", "not signed in");
    return QStringLiteral("%1 (%2)").arg(who, roleDisplayName(m_role));
}

} // namespace ndh
