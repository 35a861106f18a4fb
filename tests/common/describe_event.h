#pragma once
// Every field of a decoded event as one line of text, values with their JSON type
// (an integer and a double of the same value differ, so do 0 and -0): two decoders
// read a record the same way when their lines are equal. For tests and fuzzers.
#include "envelope_decoder.h"
#include "plant_event.h"

#include <QString>

#include <cmath>
#include <variant>

namespace ndh::test {

inline QString describeValue(const AttributeValue &v)
{
    switch (v.index()) {
    case 0: return QStringLiteral("null");
    case 1: return std::get<bool>(v) ? QStringLiteral("bool:true") : QStringLiteral("bool:false");
    case 2: return "int:" + QString::number(std::get<qint64>(v));
    case 3: {
        const double d = std::get<double>(v);
        return (std::signbit(d) ? "double:-" : "double:+") + QString::number(std::fabs(d), 'g', 17);
    }
    default: return "text:\"" + std::get<QString>(v) + u'"';
    }
}

inline QString describeEvent(const PlantEvent &e)
{
    // Joined, not QString::arg()'d: a "%1" in decoded text stays as it is.
    const auto n = [](qint64 v) { return QString::number(v); };
    QString s = "id=" + e.messageId + " type=" + e.eventType + " asset=" + e.asset.location + u'/' + e.asset.type
                + u'/' + e.asset.id + " ref=" + n(e.assetRef) + " envelope=" + n(int(e.envelope)) + " kind="
                + n(int(e.kind)) + " time=" + n(e.eventTimeMs) + " lifecycle=" + e.lifecycle + " correlation="
                + e.correlationId + " causation=" + e.causationId + " source=" + e.source.topic + u'/'
                + n(e.source.partition) + u'/' + n(e.source.offset) + u'/' + n(e.source.brokerTimeMs);
    for (const AttributeSample &a : e.attributes)
        s += " [" + a.name + u'=' + describeValue(a.value) + " unit=" + a.unit + " ref=" + n(a.seriesRef) + u']';
    if (e.alarm) {
        const AlarmInfo &a = *e.alarm;
        s += " alarm{" + a.alarmId + u' ' + a.alarmType + " p" + n(a.priority) + " \"" + a.message + "\" attr="
             + a.attribute + " value=" + describeValue(a.value) + " by=" + a.operatorName + " \"" + a.comment
             + "\" latching=" + n(a.latching) + " until=" + n(a.shelvedUntilMs) + u'}';
    }
    return s;
}

// What a decoder makes of one record: "accepted" and its events, or the rejection.
inline QString describeDecode(const EnvelopeDecoder &decoder, QByteArrayView record, const EventSource &source)
{
    std::vector<PlantEvent> out;
    const DecodeOutcome o = decoder.decode(record, source, out);
    QString text = o.accepted ? QStringLiteral("accepted") : QStringLiteral("rejected: ") + o.reason;
    for (const PlantEvent &e : out)
        text += u'\n' + describeEvent(e);
    return text;
}

} // namespace ndh::test
