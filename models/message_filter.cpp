#include "message_filter.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <algorithm>

namespace ndh {

RecordSummary summarizeRecord(const EnvelopeDecoder &decoder, const LogRecord &record)
{
    return summarizeRecord(decoder, record.topic, record.partition, record.offset, record.timestampMs,
                           record.payload ? record.payload->constData() : nullptr,
                           record.payload ? record.payload->size() : 0);
}

RecordSummary summarizeRecord(const EnvelopeDecoder &decoder, const QString &topic, qint32 partition, qint64 offset,
                              qint64 timestampMs, const char *payload, qsizetype payloadLen)
{
    RecordSummary s;
    if (!payload) {
        s.reason = QCoreApplication::translate("ndh::MessageFilter", "no value (tombstone)");
        return s;
    }
    EventSource source;
    source.topic = topic;
    source.partition = partition;
    source.offset = offset;
    source.brokerTimeMs = timestampMs > 0 ? timestampMs : 0;
    thread_local std::vector<PlantEvent> events;
    events.clear();
    const DecodeOutcome outcome = decoder.decode(QByteArrayView(payload, payloadLen), source, events);
    s.decoded = outcome.accepted;
    if (!outcome.accepted) {
        s.reason = outcome.reason;
        return s;
    }
    s.envelope = outcome.envelope;
    if (!events.empty()) {
        const PlantEvent &e = events.front();
        s.assetKey = e.asset.key();
        s.eventType = e.eventType;
        s.eventTimeMs = e.eventTimeMs;
    }
    return s;
}

QString bytesAsText(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (!decoder.hasError())
        return text;
    text.clear();
    text.reserve(bytes.size() * 2);
    for (char c : bytes) {
        const uchar u = uchar(c);
        text += (u >= 0x20 && u < 0x7f) ? QString(QChar(u)) : QStringLiteral("\\x%1").arg(u, 2, 16, QChar(u'0'));
    }
    return text;
}

bool containsBytesCaseInsensitive(QByteArrayView haystack, QByteArrayView lowerNeedle)
{
    if (lowerNeedle.isEmpty())
        return true;
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    const char first = lowerNeedle.front();
    const char firstUpper = (first >= 'a' && first <= 'z') ? char(first - 'a' + 'A') : first;
    const char *p = haystack.data();
    const char *end = haystack.data() + haystack.size();
    const qsizetype n = lowerNeedle.size();
    while (end - p >= n) {
        // memchr finds candidates fast; only those are compared in full.
        const char *a = static_cast<const char *>(memchr(p, first, size_t(end - p - n + 1)));
        const char *b = first == firstUpper ? nullptr
                                            : static_cast<const char *>(memchr(p, firstUpper, size_t(end - p - n + 1)));
        const char *c = !a ? b : !b ? a : std::min(a, b);
        if (!c)
            return false;
        qsizetype j = 1;
        while (j < n && lower(c[j]) == lowerNeedle[j])
            ++j;
        if (j == n)
            return true;
        p = c + 1;
    }
    return false;
}

std::optional<MessageFilter> MessageFilter::compile(const MessageFilterSpec &spec, QString *error)
{
    MessageFilter f;
    f.m_spec = spec;
    f.m_spec.key = spec.key.trimmed();
    f.m_spec.asset = spec.asset.trimmed();
    f.m_spec.eventType = spec.eventType.trimmed();
    f.m_spec.expression = spec.expression.trimmed();
    f.m_key = f.m_spec.key.toLower().toUtf8();
    f.m_text = spec.text.toLower().toUtf8();
    if (!f.m_spec.expression.isEmpty()) {
        FieldExpression::Error e;
        f.m_expression = FieldExpression::parse(f.m_spec.expression, &e);
        if (!f.m_expression) {
            if (error)
                *error = QCoreApplication::translate("ndh::MessageFilter", "JSON field test, %1").arg(e.toString());
            return std::nullopt;
        }
    }
    return f;
}

bool MessageFilter::matchesBytes(const char *key, qsizetype keyLen, const char *payload, qsizetype payloadLen) const
{
    if (!m_key.isEmpty() && !(key && containsBytesCaseInsensitive(QByteArrayView(key, keyLen), m_key)))
        return false;
    if (!m_text.isEmpty() && !(payload && containsBytesCaseInsensitive(QByteArrayView(payload, payloadLen), m_text)))
        return false;
    return true;
}

bool MessageFilter::matchesBytes(const LogRecord &record) const
{
    return matchesBytes(record.key ? record.key->constData() : nullptr, record.key ? record.key->size() : 0,
                        record.payload ? record.payload->constData() : nullptr,
                        record.payload ? record.payload->size() : 0);
}

bool MessageFilter::matchesSummary(const RecordSummary &summary) const
{
    if (!m_spec.asset.isEmpty() && !summary.assetKey.contains(m_spec.asset, Qt::CaseInsensitive))
        return false;
    if (!m_spec.eventType.isEmpty() && !summary.eventType.contains(m_spec.eventType, Qt::CaseInsensitive))
        return false;
    return true;
}

bool MessageFilter::matchesExpression(const char *payload, qsizetype payloadLen) const
{
    if (!m_expression)
        return true;
    return payload && m_expression->matches(QByteArrayView(payload, payloadLen));
}

bool MessageFilter::matchesExpression(const LogRecord &record) const
{
    return matchesExpression(record.payload ? record.payload->constData() : nullptr,
                             record.payload ? record.payload->size() : 0);
}

} // namespace ndh
