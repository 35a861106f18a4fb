#pragma once
// Writes the console's own operator actions on alarms as strict NDH envelopes
// (DESIGN.md §1.1, reference 000): every field present, always the same JSON types,
// timestamps in ISO 8601 UTC with 'Z'. The decoder reads back exactly what is
// written here, so a published action replays into the same AlarmStateMachine
// transition on every console.

#include "alarm_state_machine.h"
#include "log_record.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json_fwd.hpp>

namespace ndh {

struct AlarmActionRequest
{
    AlarmAction action = AlarmAction::Acknowledge;
    AssetPath asset;
    QString assetUuid;     // empty: written as null
    QString alarmId;
    QString operatorName;
    QString comment;       // acknowledge / reset comment, or shelve / service reason
    qint64 timeMs = 0;     // when the operator acted (UTC ms)
    qint64 shelvedUntilMs = 0; // Shelve: expiry; 0 = until unshelved
    QString correlationId; // empty: the message id is used
};

// An operator command (issue 8) for ndh.assets.commands.request.
struct CommandRequest
{
    AssetPath asset;
    QString assetUuid;     // empty: written as null
    QString command;       // wire name from the command catalog
    QByteArray parametersJson = "{}"; // validated parameters, a JSON object
    QString operatorName;
    QString role;
    int timeoutSec = 10;
    qint64 timeMs = 0;
    QString correlationId; // empty: the message id is used
};

struct OutgoingRecord
{
    QString topic;
    QByteArray key; // asset id: per-asset ordering as for every NDH record
    QByteArray payload;
    QString messageId;
    QString correlationId;
    std::vector<LogHeader> headers; // Kafka record headers (a re-published record keeps its own)
};

class NdhEnvelopeWriter
{
public:
    // sourceOrb empty: defaultSourceOrb().
    explicit NdhEnvelopeWriter(QString sourceOrb = {});

    static QString defaultSourceOrb(); // "ndh-console@<host>"
    QString sourceOrb() const { return m_sourceOrb; }

    // True for the actions an operator publishes (acknowledge, shelve, unshelve,
    // remove from / return to service, reset); false for trigger, clear, suppress.
    static bool isOperatorAction(AlarmAction action);
    // "ndh.assets.alarms.acknowledged" (ack, reset), ".shelved" (shelve, unshelve),
    // ".service" (out of service, return); empty for other actions.
    static QString topicFor(AlarmAction action);
    // "alarm_acknowledged", "alarm_shelved", ...; empty for other actions.
    static QString eventTypeFor(AlarmAction action);

    // The record to publish; an empty topic when the request is not an operator
    // action or names no asset/alarm (nothing to write, nothing lost).
    OutgoingRecord alarmAction(const AlarmActionRequest &request) const;
    // The request envelope on ndh.assets.commands.request (event_type "command_request",
    // event_data {command, parameters, operator, role, timeout_s}); an empty topic when
    // it names no asset or command, or the parameters are not a JSON object.
    OutgoingRecord command(const CommandRequest &request) const;

private:
    // The NDH envelope around event_data, every field present (DESIGN.md §1.1).
    QByteArray envelope(const OutgoingRecord &out, const AssetPath &asset, const QString &assetUuid, qint64 timeMs,
                        const QString &eventType, nlohmann::ordered_json data) const;

    QString m_sourceOrb;
};

} // namespace ndh
