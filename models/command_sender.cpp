#include "command_sender.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QUuid>

namespace ndh {

CommandSender::CommandSender(const CommandCatalog *catalog, OperatorActionGate *gate, CommandTracker *tracker,
                             QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_gate(gate)
    , m_tracker(tracker)
{
    connect(m_tracker, &CommandTracker::commandChanged, this, &CommandSender::onCommandChanged);
}

CommandSender::Result CommandSender::send(const AssetPath &asset, const QString &command, const QVariantMap &values)
{
    Result result;
    // The role first, so a viewer learns the real reason before anything else.
    if (const QString why = m_gate->session()->whyNot(OperatorAction::SendCommand); !why.isEmpty()) {
        OperatorActionGate::Submission refused;
        refused.assetKey = asset.key();
        refused.parameters = {{QStringLiteral("command"), command}};
        result.error = m_gate->submit(refused); // audited as refused, says why
        return result;
    }
    const CommandSpec *spec = m_catalog->find(asset.type, command);
    if (!spec) {
        result.error = QCoreApplication::translate("ndh::CommandSender", "%1 takes no command %2.").arg(asset.type, command);
        return result;
    }
    QString invalid;
    const auto parameters = CommandCatalog::validate(*spec, values, &invalid);
    if (!parameters) {
        result.error = invalid;
        return result;
    }

    CommandRequest request;
    request.asset = asset;
    request.command = spec->name;
    request.parametersJson = QJsonDocument(*parameters).toJson(QJsonDocument::Compact);
    request.operatorName = m_gate->session()->userName();
    request.role = roleName(m_gate->session()->role());
    request.timeoutSec = spec->timeoutSec;
    request.timeMs = m_tracker->now();
    request.correlationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const OutgoingRecord record = m_writer.command(request);

    OperatorActionGate::Submission s;
    s.action = OperatorAction::SendCommand;
    s.assetKey = asset.key();
    QJsonObject audited = *parameters;
    s.parameters = {{QStringLiteral("command"), spec->name}, {QStringLiteral("parameters"), audited},
                    {QStringLiteral("topic"), record.topic}};
    s.record = record;
    if (const QString why = m_gate->submit(s); !why.isEmpty()) {
        result.error = why;
        return result;
    }
    TrackedCommand tracked;
    tracked.correlationId = record.correlationId;
    tracked.asset = asset;
    tracked.command = spec->name;
    tracked.label = spec->label;
    tracked.parameters = *parameters;
    tracked.attribute = spec->attribute;
    tracked.who = request.operatorName;
    tracked.role = request.role;
    tracked.timeoutSec = spec->timeoutSec;
    tracked.createdMs = request.timeMs;
    m_tracker->addPending(tracked);
    result.sent = true;
    result.correlationId = record.correlationId;
    return result;
}

void CommandSender::onPublished(const QString &correlationId, bool ok, const QString &error)
{
    m_tracker->onPublished(correlationId, ok, error);
    m_gate->onPublished(correlationId, ok, error);
}

void CommandSender::onCommandChanged(const TrackedCommand &command, CommandState previous)
{
    // Pending is the audit record written before sending; "sent" is the delivery
    // report the gate appends. Everything after that is an outcome of its own.
    if (command.state == CommandState::Pending || command.state == CommandState::Sent)
        return;
    if (command.state == previous)
        return;
    m_gate->recordOutcome(OperatorAction::SendCommand, command.asset.key(), command.correlationId,
                          commandStateName(command.state), command.detail);
}

} // namespace ndh
