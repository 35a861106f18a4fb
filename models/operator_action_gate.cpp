#include "operator_action_gate.h"

#include "audit_log.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace ndh {

namespace {

QString trGate(const char *text)
{
    return QCoreApplication::translate("ndh::OperatorActionGate", text);
}

} // namespace

OperatorActionGate::OperatorActionGate(OperatorSession *session, AuditLog *audit, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_audit(audit)
{
}

QString OperatorActionGate::whyNot(OperatorAction action) const
{
    if (!m_session)
        return trGate("Nobody is signed in.");
    if (const QString why = m_session->whyNot(action); !why.isEmpty())
        return why;
    if (!m_audit || !m_audit->isWritable())
        return trGate("Actions are refused because the audit log cannot be written (%1). Viewing goes on.")
            .arg(m_audit ? m_audit->lastError() : trGate("no audit log"));
    if (!m_send)
        return trGate("Not connected to Kafka.");
    return {};
}

QString OperatorActionGate::submit(const Submission &s)
{
    AuditEntry entry;
    entry.who = m_session ? m_session->userName() : QString();
    entry.role = m_session ? roleName(m_session->role()) : QString();
    entry.asset = s.assetKey;
    entry.action = actionName(s.action);
    entry.parameters = s.parameters;
    entry.correlationId = s.record.correlationId;

    QString why = whyNot(s.action);
    if (why.isEmpty() && (s.record.topic.isEmpty() || s.record.correlationId.isEmpty()))
        why = trGate("Nothing to send: the action names no asset or has no correlation id.");
    if (why.isEmpty() && m_inFlight.contains(s.record.correlationId))
        why = trGate("This action was already sent (correlation id %1); it is never sent twice.")
                  .arg(s.record.correlationId);
    if (why.isEmpty() && m_inFlight.size() >= kMaxInFlight)
        why = trGate("Too many actions wait for the broker; try again when they are confirmed.");
    if (!why.isEmpty()) {
        // Attempts the role forbids are worth a record; a dead audit log cannot take one.
        if (m_audit && m_audit->isWritable()) {
            entry.outcome = QStringLiteral("refused");
            entry.detail = why;
            m_audit->append(entry);
        }
        emit refused(why);
        return why;
    }

    entry.outcome = QStringLiteral("requested");
    QString auditError;
    if (!m_audit->append(entry, nullptr, &auditError)) {
        why = trGate("Refused: the audit log cannot be written (%1). Nothing was sent.").arg(auditError);
        emit refused(why);
        return why;
    }
    m_inFlight.insert(s.record.correlationId, {s.action, s.assetKey});
    m_send(s.record);
    emit submitted(s.record);
    return {};
}

std::optional<OperatorActionGate::Submission> OperatorActionGate::alarmSubmission(const OutgoingRecord &record)
{
    const QJsonObject doc = QJsonDocument::fromJson(record.payload).object();
    static const QHash<QString, OperatorAction> kActions = {
        {QStringLiteral("alarm_acknowledged"), OperatorAction::AcknowledgeAlarm},
        {QStringLiteral("alarm_reset"), OperatorAction::ResetAlarm},
        {QStringLiteral("alarm_shelved"), OperatorAction::ShelveAlarm},
        {QStringLiteral("alarm_unshelved"), OperatorAction::UnshelveAlarm},
        {QStringLiteral("alarm_out_of_service"), OperatorAction::RemoveFromService},
        {QStringLiteral("alarm_returned_to_service"), OperatorAction::ReturnToService},
    };
    const auto it = kActions.constFind(doc.value(u"event_type").toString());
    if (it == kActions.cend())
        return std::nullopt;
    Submission s;
    s.action = *it;
    s.assetKey = doc.value(u"location").toString() + u'/' + doc.value(u"asset_type").toString() + u'/'
                 + doc.value(u"asset_id").toString();
    s.parameters = doc.value(u"event_data").toObject();
    s.parameters.insert(QStringLiteral("topic"), record.topic);
    s.record = record;
    return s;
}

bool OperatorActionGate::onPublished(const QString &correlationId, bool ok, const QString &error)
{
    const auto it = m_inFlight.constFind(correlationId);
    if (it == m_inFlight.cend())
        return false;
    const InFlight f = *it;
    m_inFlight.erase(it);
    recordOutcome(f.action, f.assetKey, correlationId, ok ? QStringLiteral("sent") : QStringLiteral("not_confirmed"),
                  ok ? QString() : error);
    return true;
}

void OperatorActionGate::recordOutcome(OperatorAction action, const QString &assetKey, const QString &correlationId,
                                       const QString &outcome, const QString &detail)
{
    if (!m_audit)
        return;
    AuditEntry entry;
    entry.kind = QStringLiteral("outcome");
    entry.who = m_session ? m_session->userName() : QString();
    entry.role = m_session ? roleName(m_session->role()) : QString();
    entry.asset = assetKey;
    entry.action = actionName(action);
    entry.correlationId = correlationId;
    entry.outcome = outcome;
    entry.detail = detail;
    // An outcome that cannot be written is reported by AuditLog::writeFailed; the
    // action already left, so there is nothing left to refuse.
    m_audit->append(entry);
}

bool OperatorActionGate::signIn(const QString &userName, Role role, QString *error)
{
    const QString name = userName.trimmed();
    if (name.isEmpty()) {
        if (error)
            *error = trGate("Enter a user name.");
        return false;
    }
    if (m_audit && m_audit->isWritable()) {
        AuditEntry entry;
        entry.kind = QStringLiteral("session");
        entry.who = name;
        entry.role = roleName(role);
        entry.action = QStringLiteral("sign_in");
        entry.outcome = QStringLiteral("done");
        if (m_session && m_session->isSignedIn())
            entry.parameters = {{QStringLiteral("previous_user"), m_session->userName()},
                                {QStringLiteral("previous_role"), roleName(m_session->role())}};
        m_audit->append(entry);
    } else if (role != Role::Viewer) {
        // Without an audit trail nobody may take a role that acts.
        if (error)
            *error = trGate("The audit log cannot be written (%1); only the viewer role is available.")
                         .arg(m_audit ? m_audit->lastError() : trGate("no audit log"));
        return false;
    }
    if (m_session)
        m_session->signIn(name, role);
    return true;
}

void OperatorActionGate::signOut()
{
    if (m_audit && m_audit->isWritable() && m_session && m_session->isSignedIn()) {
        AuditEntry entry;
        entry.kind = QStringLiteral("session");
        entry.who = m_session->userName();
        entry.role = roleName(m_session->role());
        entry.action = QStringLiteral("sign_out");
        entry.outcome = QStringLiteral("done");
        m_audit->append(entry);
    }
    if (m_session)
        m_session->signOut();
}

} // namespace ndh
