#include "ndh_envelope_writer.h"

#include "envelope_decoder.h"
#include "topic_catalog.h"

#include <QSysInfo>
#include <QUuid>

#include <nlohmann/json.hpp>

namespace ndh {

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

} // namespace

NdhEnvelopeWriter::NdhEnvelopeWriter(QString sourceOrb)
    : m_sourceOrb(sourceOrb.isEmpty() ? defaultSourceOrb() : std::move(sourceOrb))
{
}

QString NdhEnvelopeWriter::defaultSourceOrb()
{
    QString host = QSysInfo::machineHostName();
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    return QStringLiteral("ndh-console@") + host;
}

bool NdhEnvelopeWriter::isOperatorAction(AlarmAction action)
{
    return !topicFor(action).isEmpty();
}

QString NdhEnvelopeWriter::topicFor(AlarmAction action)
{
    switch (action) {
    case AlarmAction::Acknowledge:
    case AlarmAction::Reset:
        return QLatin1String(topics::kAlarmAcknowledged);
    case AlarmAction::Shelve:
    case AlarmAction::Unshelve:
        return QLatin1String(topics::kAlarmShelved);
    case AlarmAction::RemoveFromService:
    case AlarmAction::ReturnToService:
        return QLatin1String(topics::kAlarmService);
    default:
        return {};
    }
}

QString NdhEnvelopeWriter::eventTypeFor(AlarmAction action)
{
    switch (action) {
    case AlarmAction::Acknowledge: return QStringLiteral("alarm_acknowledged");
    case AlarmAction::Reset: return QStringLiteral("alarm_reset");
    case AlarmAction::Shelve: return QStringLiteral("alarm_shelved");
    case AlarmAction::Unshelve: return QStringLiteral("alarm_unshelved");
    case AlarmAction::RemoveFromService: return QStringLiteral("alarm_out_of_service");
    case AlarmAction::ReturnToService: return QStringLiteral("alarm_returned_to_service");
    default: return {};
    }
}

QByteArray NdhEnvelopeWriter::envelope(const OutgoingRecord &out, const AssetPath &asset, const QString &assetUuid,
                                       qint64 timeMs, const QString &eventType, nlohmann::ordered_json data) const
{
    using Json = nlohmann::ordered_json;
    Json doc;
    doc["message_id"] = str(out.messageId);
    doc["message_type"] = "asset." + str(out.topic.section(u'.', 2));
    doc["timestamp"] = str(formatTimestampMs(timeMs));
    doc["source_orb"] = str(m_sourceOrb);
    doc["asset_id"] = str(asset.id);
    doc["asset_uuid"] = assetUuid.isEmpty() ? Json(nullptr) : Json(str(assetUuid));
    doc["asset_type"] = str(asset.type);
    doc["location"] = str(asset.location);
    doc["event_type"] = str(eventType);
    doc["event_data"] = std::move(data);
    doc["correlation_id"] = str(out.correlationId);
    doc["causation_id"] = nullptr;
    doc["version"] = 1;
    return QByteArray::fromStdString(doc.dump());
}

OutgoingRecord NdhEnvelopeWriter::alarmAction(const AlarmActionRequest &r) const
{
    OutgoingRecord out;
    const QString topic = topicFor(r.action);
    if (topic.isEmpty() || r.asset.id.isEmpty() || r.alarmId.isEmpty())
        return out;
    using Json = nlohmann::ordered_json;
    out.topic = topic;
    out.key = r.asset.id.toUtf8();
    out.messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    out.correlationId = r.correlationId.isEmpty() ? out.messageId : r.correlationId;

    Json data;
    data["alarm_id"] = str(r.alarmId);
    data["operator"] = str(r.operatorName);
    // Acknowledge and reset carry the operator's comment; shelving and service changes
    // carry the reason for them (the words ISA-18.2 uses).
    const bool withReason = r.action != AlarmAction::Acknowledge && r.action != AlarmAction::Reset;
    data[withReason ? "reason" : "comment"] = str(r.comment);
    if (r.action == AlarmAction::Shelve) {
        if (r.shelvedUntilMs > 0) {
            data["shelved_until"] = str(formatTimestampMs(r.shelvedUntilMs));
            data["duration_s"] = std::max<qint64>(0, (r.shelvedUntilMs - r.timeMs) / 1000);
        } else {
            data["shelved_until"] = nullptr;
            data["duration_s"] = nullptr;
        }
    }

    out.payload = envelope(out, r.asset, r.assetUuid, r.timeMs, eventTypeFor(r.action), std::move(data));
    return out;
}

OutgoingRecord NdhEnvelopeWriter::command(const CommandRequest &r) const
{
    using Json = nlohmann::ordered_json;
    OutgoingRecord out;
    const Json parameters = Json::parse(r.parametersJson.constData(), r.parametersJson.constData() + r.parametersJson.size(),
                                        nullptr, false);
    if (r.asset.id.isEmpty() || r.command.isEmpty() || !parameters.is_object())
        return out;
    out.topic = QLatin1String(topics::kCommandRequest);
    out.key = r.asset.id.toUtf8();
    out.messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    out.correlationId = r.correlationId.isEmpty() ? out.messageId : r.correlationId;
    Json data;
    data["command"] = str(r.command);
    data["parameters"] = parameters;
    data["operator"] = str(r.operatorName);
    data["role"] = str(r.role);
    data["timeout_s"] = r.timeoutSec;
    out.payload = envelope(out, r.asset, r.assetUuid, r.timeMs, QStringLiteral("command_request"), std::move(data));
    return out;
}

} // namespace ndh
