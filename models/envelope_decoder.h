#pragma once
// Turns one raw record (Kafka, Redis or log line) into PlantEvents. Liberal in what
// it accepts (missing optional fields, numbers as strings, extra fields), bounded in
// what it will try (size, nesting), and never throws: a rejection is a value.

#include "plant_event.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <vector>

namespace ndh {

// DecoderLimits::readRecordShapes when not set: true unless NDH_DECODER_SHAPES=0.
bool recordShapesByDefault();

struct DecoderLimits
{
    qsizetype maxPayloadBytes = 1 << 20; // 1 MiB: larger records are dead-lettered
    int maxDepth = 32;                   // JSON nesting deeper than this is rejected
    int maxAttributes = 1000;            // attributes per snapshot
    // Records read through the layout of the records before them where it is the
    // same (faster; the same events and errors); false: every record is parsed.
    // NDH_DECODER_SHAPES=0 in the environment makes false the default, for
    // comparing the two (scripts/bench-ab.sh) or ruling the shapes out.
    bool readRecordShapes = recordShapesByDefault();
    // While fewer than half of the records match a shape, the shapes rest (every
    // record is parsed) for a while; false: they are tried on every record, for
    // tests and fuzzers that compare the two readings of every record.
    bool restUnrepeatedShapes = true;
};

struct DecodeOutcome
{
    bool accepted = false;
    QString reason; // why it was rejected, empty when accepted
    Envelope envelope = Envelope::Sniff; // envelope detected/used
};

class EnvelopeDecoder
{
public:
    explicit EnvelopeDecoder(DecoderLimits limits = {});

    // Topic pattern with '*' wildcards ("ndh.*", "drone-events") -> envelope. The
    // first matching rule wins; topics with no rule are sniffed.
    void setTopicEnvelope(const QString &topicPattern, Envelope envelope);
    Envelope envelopeForTopic(const QString &topic) const;
    const DecoderLimits &limits() const { return m_limits; }

    // Appends the decoded events (zero or more) to `out`. On rejection nothing is
    // appended and the outcome says why.
    DecodeOutcome decode(QByteArrayView payload, const EventSource &source,
                         std::vector<PlantEvent> &out) const;

    // A JSON object of attribute values kept outside an envelope (the `attributes`
    // field of a Redis state hash), read by the same rules as an envelope's
    // attributes: size, depth, duplicate keys, attribute count, nested groups, value
    // types. Appends to `out`; on rejection nothing is appended and the outcome says why.
    DecodeOutcome decodeAttributes(QByteArrayView json, std::vector<AttributeSample> &out) const;

    // Convenience: decode, and on rejection fill a dead letter for the record.
    bool decodeOrDeadLetter(QByteArrayView payload, QByteArrayView key, const EventSource &source,
                            std::vector<PlantEvent> &out, std::vector<DeadLetter> &deadLetters,
                            qint64 nowMs) const;

private:
    struct Rule
    {
        QString pattern;
        Envelope envelope;
    };
    DecoderLimits m_limits;
    QList<Rule> m_rules;
};

// Destroys the events (`events` is left empty) on the calling thread, keeping their
// message-id and attribute buffers for this thread's decoder to fill again: the
// backend hands them back once the GUI has applied a batch, so decoding a record
// allocates nothing for them. A buffer another holder still shares is not kept.
void recycleDecodedEvents(std::vector<PlantEvent> &events);

// How many records this thread's decoders read through a record shape (the layout
// of records before them) instead of parsing them: for benchmarks and tests.
quint64 recordsReadThroughShapes();

// "PATTERN=ENVELOPE" as given on command lines (`--envelope 'legacy.*=domain'`):
// a topic pattern with '*' wildcards and one of sniff, ndh, drone, domain.
// nullopt with `error` set when it is not that.
std::optional<std::pair<QString, Envelope>> parseEnvelopeRule(const QString &text, QString *error);

// ISO 8601 ("2025-08-03T10:30:00Z", "...+08:00", ".123456", naive = UTC, date only),
// or epoch seconds/milliseconds as number or digit string. nullopt when unparseable.
std::optional<qint64> parseTimestampMs(QByteArrayView text);
std::optional<qint64> parseTimestampMs(const QString &text);
QString formatTimestampMs(qint64 ms); // ISO 8601 UTC with milliseconds and 'Z'

} // namespace ndh
