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
    case 2: return QStringLiteral("int:%1").arg(std::get<qint64>(v));
    case 3: {
        const double d = std::get<double>(v);
        return QStringLiteral("double:%1%2").arg(std::signbit(d) ? u"-" : u"+").arg(std::fabs(d), 0, 'g', 17);
    }
    default: return QStringLiteral("text:\"%1\"").arg(std::get<QString>(v));
    }
}

inline QString describeEvent(const PlantEvent &e)
{
    QString s = QStringLiteral("id=%1 type=%2 asset=%3/%4/%5 ref=%6 envelope=%7 kind=%8 time=%9")
                    .arg(e.messageId, e.eventType, e.asset.location, e.asset.type, e.asset.id)
                    .arg(e.assetRef)
                    .arg(int(e.envelope))
                    .arg(int(e.kind))
                    .arg(e.eventTimeMs);
    s += QStringLiteral(" lifecycle=%1 correlation=%2 causation=%3 source=%4/%5/%6/%7")
             .arg(e.lifecycle, e.correlationId, e.causationId, e.source.topic)
             .arg(e.source.partition)
             .arg(e.source.offset)
             .arg(e.source.brokerTimeMs);
    for (const AttributeSample &a : e.attributes)
        s += QStringLiteral(" [%1=%2 unit=%3 ref=%4]").arg(a.name, describeValue(a.value), a.unit).arg(a.seriesRef);
    if (e.alarm) {
        const AlarmInfo &a = *e.alarm;
        s += QStringLiteral(" alarm{%1 %2 p%3 \"%4\" attr=%5 value=%6 by=%7 \"%8\" latching=%9 until=%10}")
                 .arg(a.alarmId, a.alarmType)
                 .arg(a.priority)
                 .arg(a.message, a.attribute, describeValue(a.value), a.operatorName, a.comment)
                 .arg(a.latching)
                 .arg(a.shelvedUntilMs);
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
