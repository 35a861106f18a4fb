#pragma once
// The one door every operator action goes through on its way to Kafka (issue 8):
// 1. the signed-in role must allow it (asked again here, whatever the UI showed);
// 2. the audit record is written and fsync'ed, or the action is refused;
// 3. only then the record is handed to the send function, exactly once.
// The delivery report and later outcomes are appended to the audit log as records
// of their own. Nothing here retries: a refused or failed action stays so.

#include "access_control.h"
#include "ndh_envelope_writer.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <optional>

namespace ndh {

class AuditLog;

class OperatorActionGate : public QObject
{
    Q_OBJECT
public:
    using SendFunction = std::function<void(const OutgoingRecord &record)>;
    static constexpr int kMaxInFlight = 10000;

    OperatorActionGate(OperatorSession *session, AuditLog *audit, QObject *parent = nullptr);

    // Where records go (the app: IngestBackend::publish). None: actions are refused.
    void setSender(SendFunction send) { m_send = std::move(send); }
    bool hasSender() const { return bool(m_send); }

    OperatorSession *session() const { return m_session; }
    AuditLog *auditLog() const { return m_audit; }

    // Empty when the action can be taken now; else why not, in words (role, audit
    // log, connection). For tooltips of disabled controls.
    QString whyNot(OperatorAction action) const;

    struct Submission
    {
        OperatorAction action = OperatorAction::SendCommand;
        QString assetKey;
        QJsonObject parameters; // what the audit record shows
        OutgoingRecord record;  // what goes to Kafka
    };
    // Empty when the record was audited and handed to the sender; otherwise the
    // refusal in words (a refusal by role is audited too, when the log can be written).
    QString submit(const Submission &submission);
    // An alarm action record (NdhEnvelopeWriter::alarmAction) described for the gate:
    // the action from its event_type, the asset, the alarm id and comment/reason.
    // nullopt when the record is not an alarm action.
    static std::optional<Submission> alarmSubmission(const OutgoingRecord &record);

    // Delivery report (IngestBackend::published): appends "sent" or "not_sent" for
    // records this gate let through; true when it was one of them.
    bool onPublished(const QString &correlationId, bool ok, const QString &error);
    // A later outcome (command completed, failed, timed out...) as its own record.
    void recordOutcome(OperatorAction action, const QString &assetKey, const QString &correlationId,
                       const QString &outcome, const QString &detail);
    // Sign-in / sign-out, audited (a session change is an action of its own).
    bool signIn(const QString &userName, Role role, QString *error = nullptr);
    void signOut();

signals:
    void refused(const QString &reason);
    // The record left (handed to the sender) after its audit record was on disk.
    void submitted(const ndh::OutgoingRecord &record);

private:
    struct InFlight
    {
        OperatorAction action;
        QString assetKey;
    };

    OperatorSession *m_session;
    AuditLog *m_audit;
    SendFunction m_send;
    QHash<QString, InFlight> m_inFlight;
};

} // namespace ndh
