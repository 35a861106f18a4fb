#pragma once
// Sends an operator command (issue 8): checks the values against the catalog once
// more, writes the request envelope with a fresh correlation id, lets the
// OperatorActionGate check the role and audit it, and only then tracks it. Every
// tracker transition after "sent" is appended to the audit log as its outcome.
// The UI calls send(); nothing else in the console produces commands, and nothing
// re-sends one.

#include "command_catalog.h"
#include "command_tracker.h"
#include "ndh_envelope_writer.h"
#include "operator_action_gate.h"

#include <QObject>

namespace ndh {

class CommandSender : public QObject
{
    Q_OBJECT
public:
    CommandSender(const CommandCatalog *catalog, OperatorActionGate *gate, CommandTracker *tracker,
                  QObject *parent = nullptr);

    void setWriter(const NdhEnvelopeWriter &writer) { m_writer = writer; }
    const CommandCatalog *catalog() const { return m_catalog; }
    OperatorActionGate *gate() const { return m_gate; }
    CommandTracker *tracker() const { return m_tracker; }

    struct Result
    {
        bool sent = false;
        QString error;          // why not, in words
        QString correlationId;  // when sent
    };
    Result send(const AssetPath &asset, const QString &command, const QVariantMap &values);

    // IngestBackend::published: the tracker and the audit trail hear of it.
    void onPublished(const QString &correlationId, bool ok, const QString &error);
    void applyEvents(const std::vector<PlantEvent> &events) { m_tracker->applyEvents(events); }

private:
    void onCommandChanged(const TrackedCommand &command, CommandState previous);

    const CommandCatalog *m_catalog;
    OperatorActionGate *m_gate;
    CommandTracker *m_tracker;
    NdhEnvelopeWriter m_writer;
};

} // namespace ndh
