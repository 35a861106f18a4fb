#pragma once
// The one internal event every envelope decodes into (DESIGN.md §1). Everything
// downstream of the decoder (history, tree, plots, alarms, state) speaks only this.

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

namespace ndh {

// A value as it arrived on the wire, JSON type preserved (100 stays an integer,
// "100" stays a string) so exports and `ndhctl state` emit what was received.
using AttributeValue = std::variant<std::monostate, bool, qint64, double, QString>;

// Numeric view for plots: numbers, bools as 0/1, strings that parse as numbers.
std::optional<double> numericValue(const AttributeValue &value);
// Text for views: plain, never rich text; doubles with up to 6 significant digits.
QString displayText(const AttributeValue &value);
bool isNull(const AttributeValue &value);
// Unit conventionally used for a well-known attribute name when a message names none.
QString defaultUnit(const QString &attribute);

// `text` in storage that lives as long as the process: copies of the result
// (QString::fromRawData) are made and dropped without touching a shared reference
// count. For names the backend hands to the GUI in every event (interned asset ids,
// types, attribute names, topics): each copy of an owned QString is an atomic
// increment and decrement on a header that the two threads pass between their
// cores. Bounded: past 64 MB for the whole process, `text` itself is returned, so a
// stream that keeps inventing names costs what any text costs.
QString lastingCopy(const QString &text);

// Equal text, checked by identity first: the decoder interns names and paths, so
// the strings of an event are usually the very ones a model stored.
inline bool sameText(const QString &a, const QString &b)
{
    return a.size() == b.size() && (a.constData() == b.constData() || QStringView(a) == QStringView(b));
}

// A message id as one number, for the models that recognise an event seen before
// (the history's duplicate window, the tree's same event by the other path): equal
// ids give equal numbers; 0 for the empty id and only for it; otherwise different
// ids differ but for a 64-bit collision.
quint64 messageIdHash(const QString &messageId);

// Where an asset sits in the plant: location > asset type > asset id.
struct AssetPath
{
    QString location;
    QString type;
    QString id;

    // Stable key "location/type/id" used for lookups across models.
    QString key() const { return location + u'/' + type + u'/' + id; }
    bool operator==(const AssetPath &) const = default;
};

enum class Envelope : quint8 {
    Sniff,  // configuration value only: detect from the payload
    Ndh,    // reference 000: message_id, asset_id, event_type, event_data
    Drone,  // reference 004: id, type, source, timestamp, data
    Domain, // reference 003: event_id, aggregate_id, metadata, payload
};
QString envelopeName(Envelope envelope);
std::optional<Envelope> envelopeFromName(const QString &name);

enum class EventKind : quint8 {
    AttributeUpdate,  // one or more attribute values changed
    Snapshot,         // full state: attributes and lifecycle
    Lifecycle,        // created/activated/deactivated/deleted or status change
    AlarmTriggered,
    AlarmCleared,
    AlarmAcknowledged,
    CommandRequest,
    CommandResponse,
    CommandFailed,
    System,           // ORB started/stopped, adapters
    // Operator actions on alarms (ISA-18.2), published by consoles.
    AlarmShelved,
    AlarmUnshelved,
    AlarmSuppressed,
    AlarmUnsuppressed,
    AlarmRemovedFromService,
    AlarmReturnedToService,
    AlarmReset,
};
QString eventKindName(EventKind kind);
inline bool isCommand(EventKind kind)
{
    return kind == EventKind::CommandRequest || kind == EventKind::CommandResponse || kind == EventKind::CommandFailed;
}

struct EventSource
{
    enum class Channel : quint8 { Kafka, Redis, File };
    QString topic;          // Kafka topic, Redis channel, or file path
    qint64 offset = -1;
    qint64 brokerTimeMs = 0; // record timestamp (create or log-append), 0 if none
    qint32 partition = -1;
    Channel channel = Channel::Kafka; // last: no padding between the fields (48 bytes)
};

struct AttributeSample
{
    QString name;
    AttributeValue value;
    QString unit; // empty when the message carried none
    // IdentityRegistry ref of the (asset, name) series; -1 when not stamped (events
    // built by hand, command parameters, a full registry). Stamped by the decoder.
    qint32 seriesRef = -1;
};

// Alarm payload common to the three envelopes.
struct AlarmInfo
{
    QString alarmId;
    QString alarmType;
    int priority = 0; // 1 critical, 2 high, 3 medium, 4 low; 0 unknown
    QString message;
    QString attribute;       // attribute the alarm watches, if named
    AttributeValue value;    // value at trigger, if given
    QString operatorName;    // who acknowledged / shelved
    QString comment;
    bool latching = false;   // trigger of an alarm that latches until reset
    qint64 shelvedUntilMs = 0; // shelve: expiry (0: until unshelved)
};
QString priorityName(int priority);
int priorityFromText(const QString &text); // "critical", "warning", "P2", "800"... -> 1..4, 0 unknown

// An optional value kept on the heap: one pointer in its owner instead of the whole
// T. For a large member that is rarely there (PlantEvent::alarm: 200 bytes, on one
// event in hundreds), so the events without it stay small: fewer cache lines to
// write when decoding, to read when applying and to free afterwards, a million
// times a second while catching up. Copies copy the value; reads as std::optional
// does (bool, *, ->).
template<typename T>
class OutOfLine
{
public:
    OutOfLine() = default;
    OutOfLine(const T &value)
        : m_value(std::make_unique<T>(value))
    {
    }
    OutOfLine(T &&value)
        : m_value(std::make_unique<T>(std::move(value)))
    {
    }
    OutOfLine(const OutOfLine &other)
        : m_value(other.m_value ? std::make_unique<T>(*other.m_value) : nullptr)
    {
    }
    OutOfLine(OutOfLine &&) noexcept = default;
    OutOfLine &operator=(const OutOfLine &other)
    {
        if (this != &other)
            m_value = other.m_value ? std::make_unique<T>(*other.m_value) : nullptr;
        return *this;
    }
    OutOfLine &operator=(OutOfLine &&) noexcept = default;

    explicit operator bool() const { return m_value != nullptr; }
    T &operator*() { return *m_value; }
    const T &operator*() const { return *m_value; }
    T *operator->() { return m_value.get(); }
    const T *operator->() const { return m_value.get(); }

private:
    std::unique_ptr<T> m_value;
};

struct PlantEvent
{
    QString messageId;
    QString eventType; // as on the wire: "attribute_changed", "drone.status.changed"...
    AssetPath asset;
    // IdentityRegistry ref of `asset` (the same number for the same location, type
    // and id on every thread, for the life of the process): models find the asset
    // by it with one index. -1 when not stamped: events built by hand, a full
    // registry. The decoder stamps it; code that changes `asset` (or an attribute's
    // name) afterwards must set the refs to -1 or stamp them again
    // (IdentityRegistry::identify).
    qint32 assetRef = -1;
    Envelope envelope = Envelope::Ndh; // next to assetRef: no padding (288 bytes an event)
    EventKind kind = EventKind::AttributeUpdate;
    qint64 eventTimeMs = 0; // event time, UTC ms since epoch
    std::vector<AttributeSample> attributes;
    QString lifecycle; // new lifecycle state, when the event carries one
    OutOfLine<AlarmInfo> alarm; // alarm events only
    QString correlationId;
    QString causationId;
    EventSource source;
};

// A record that could not be decoded: kept whole so nothing is lost.
struct DeadLetter
{
    QByteArray payload; // raw bytes as received (truncated to the size bound)
    qint64 payloadSize = 0; // original size
    QByteArray key;
    QString reason;     // in words an engineer understands
    EventSource source;
    qint64 receivedMs = 0;
};

// What the backend hands the GUI in one go (DESIGN.md §3).
struct EventBatch
{
    std::vector<PlantEvent> events;
    std::vector<DeadLetter> deadLetters;
    quint64 recordsConsumed = 0; // records read from brokers in this batch
    quint64 bytesConsumed = 0;
    // Records the broker deleted (retention) before the console could read them: the
    // consumer skipped to the oldest record still there (DESIGN.md §3, never stalls).
    quint64 recordsLostToRetention = 0;
    qint64 createdMs = 0;
};
using EventBatchPtr = std::shared_ptr<const EventBatch>;

} // namespace ndh

Q_DECLARE_METATYPE(ndh::EventBatchPtr)
