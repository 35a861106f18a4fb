#pragma once
// What the topic browser keeps of a scan: records whose key, asset, event type,
// text and JSON fields pass the filters the engineer typed. Applied by the scanner
// while it consumes (so only matches cross to the GUI) and by the offline browser
// over an opened log. Each part is optional; all given parts must match.
//
// summarizeRecord() is the one place that tells, for a record, which envelope it
// carries, which asset and which event type: the table's columns and the filters
// both use it.

#include "envelope_decoder.h"
#include "field_expression.h"
#include "log_record.h"

#include <QString>

#include <optional>

namespace ndh {

struct RecordSummary
{
    bool decoded = false;                 // one of the three envelopes
    Envelope envelope = Envelope::Sniff;  // Sniff: not decoded (reason says why)
    QString assetKey;                     // "location/type/id", empty if none
    QString eventType;                    // as on the wire
    qint64 eventTimeMs = 0;
    QString reason;                       // why it did not decode
};

// Decodes the payload once with the console's decoder (same envelope rules).
RecordSummary summarizeRecord(const EnvelopeDecoder &decoder, const LogRecord &record);
// The same from the record's parts (payload nullptr: a tombstone), for callers that
// keep records in their own compact form (the message list decodes a row only when
// its envelope columns are shown).
RecordSummary summarizeRecord(const EnvelopeDecoder &decoder, const QString &topic, qint32 partition, qint64 offset,
                              qint64 timestampMs, const char *payload, qsizetype payloadLen);

struct MessageFilterSpec
{
    QString key;        // substring of the key, case-insensitive
    QString asset;      // substring of the asset key ("location/type/id")
    QString eventType;  // substring of the event type
    QString text;       // substring of the payload, case-insensitive
    QString expression; // FieldExpression over the JSON payload
    bool isEmpty() const
    {
        return key.isEmpty() && asset.isEmpty() && eventType.isEmpty() && text.isEmpty() && expression.trimmed().isEmpty();
    }
    bool operator==(const MessageFilterSpec &) const = default;
};

class MessageFilter
{
public:
    MessageFilter() = default; // matches everything

    // nullopt with `error` ("JSON field test, column 14: ...") when the expression
    // does not parse.
    static std::optional<MessageFilter> compile(const MessageFilterSpec &spec, QString *error);

    const MessageFilterSpec &spec() const { return m_spec; }
    bool isEmpty() const { return m_spec.isEmpty(); }
    // Asset or event type filters need the summary; otherwise the scanner can skip
    // decoding records the cheap tests already rejected.
    bool needsSummary() const { return !m_spec.asset.isEmpty() || !m_spec.eventType.isEmpty(); }

    // Cheap byte tests first (key, text), then the summary, then the JSON test.
    // The view forms take raw bytes (nullptr: null key/value) so a scanner tests a
    // record before copying it.
    bool matchesBytes(const char *key, qsizetype keyLen, const char *payload, qsizetype payloadLen) const;
    bool matchesBytes(const LogRecord &record) const;
    bool matchesExpression(const char *payload, qsizetype payloadLen) const;
    bool matchesSummary(const RecordSummary &summary) const;
    bool matchesExpression(const LogRecord &record) const;
    bool matches(const LogRecord &record, const RecordSummary &summary) const
    {
        return matchesBytes(record) && matchesSummary(summary) && matchesExpression(record);
    }

private:
    MessageFilterSpec m_spec;
    QByteArray m_key;
    QByteArray m_text;
    std::optional<FieldExpression> m_expression;
};

// Bytes as text for views: the UTF-8 text when they are UTF-8, else printable ASCII
// as is and every other byte as \xNN (never a replacement character).
QString bytesAsText(QByteArrayView bytes);

// ASCII case-insensitive substring search over raw bytes (payloads need not be UTF-8).
bool containsBytesCaseInsensitive(QByteArrayView haystack, QByteArrayView lowerNeedle);

} // namespace ndh
