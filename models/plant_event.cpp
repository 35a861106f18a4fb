#include "plant_event.h"

#include <QHash>
#include <QLocale>

#include <atomic>
#include <cstring>

namespace ndh {

std::optional<double> numericValue(const AttributeValue &value)
{
    if (const auto *d = std::get_if<double>(&value))
        return *d;
    if (const auto *i = std::get_if<qint64>(&value))
        return double(*i);
    if (const auto *b = std::get_if<bool>(&value))
        return *b ? 1.0 : 0.0;
    if (const auto *s = std::get_if<QString>(&value)) {
        bool ok = false;
        const double d = s->trimmed().toDouble(&ok);
        if (ok)
            return d;
    }
    return std::nullopt;
}

QString displayText(const AttributeValue &value)
{
    if (const auto *d = std::get_if<double>(&value))
        return QString::number(*d, 'g', 6);
    if (const auto *i = std::get_if<qint64>(&value))
        return QString::number(*i);
    if (const auto *b = std::get_if<bool>(&value))
        return *b ? QStringLiteral("true") : QStringLiteral("false");
    if (const auto *s = std::get_if<QString>(&value))
        return *s;
    return {};
}

bool isNull(const AttributeValue &value)
{
    return std::holds_alternative<std::monostate>(value);
}

QString envelopeName(Envelope envelope)
{
    switch (envelope) {
    case Envelope::Sniff: return QStringLiteral("sniff");
    case Envelope::Ndh: return QStringLiteral("ndh");
    case Envelope::Drone: return QStringLiteral("drone");
    case Envelope::Domain: return QStringLiteral("domain");
    }
    return {};
}

std::optional<Envelope> envelopeFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    for (Envelope e : {Envelope::Sniff, Envelope::Ndh, Envelope::Drone, Envelope::Domain}) {
        if (envelopeName(e) == n)
            return e;
    }
    if (n == u"cloudevents")
        return Envelope::Drone;
    return std::nullopt;
}

QString eventKindName(EventKind kind)
{
    switch (kind) {
    case EventKind::AttributeUpdate: return QStringLiteral("attribute");
    case EventKind::Snapshot: return QStringLiteral("snapshot");
    case EventKind::Lifecycle: return QStringLiteral("lifecycle");
    case EventKind::AlarmTriggered: return QStringLiteral("alarm-triggered");
    case EventKind::AlarmCleared: return QStringLiteral("alarm-cleared");
    case EventKind::AlarmAcknowledged: return QStringLiteral("alarm-acknowledged");
    case EventKind::CommandRequest: return QStringLiteral("command-request");
    case EventKind::CommandResponse: return QStringLiteral("command-response");
    case EventKind::CommandFailed: return QStringLiteral("command-failed");
    case EventKind::System: return QStringLiteral("system");
    case EventKind::AlarmShelved: return QStringLiteral("alarm-shelved");
    case EventKind::AlarmUnshelved: return QStringLiteral("alarm-unshelved");
    case EventKind::AlarmSuppressed: return QStringLiteral("alarm-suppressed");
    case EventKind::AlarmUnsuppressed: return QStringLiteral("alarm-unsuppressed");
    case EventKind::AlarmRemovedFromService: return QStringLiteral("alarm-out-of-service");
    case EventKind::AlarmReturnedToService: return QStringLiteral("alarm-returned-to-service");
    case EventKind::AlarmReset: return QStringLiteral("alarm-reset");
    }
    return {};
}

QString priorityName(int priority)
{
    switch (priority) {
    case 1: return QStringLiteral("critical");
    case 2: return QStringLiteral("high");
    case 3: return QStringLiteral("medium");
    case 4: return QStringLiteral("low");
    default: return QStringLiteral("unknown");
    }
}

int priorityFromText(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return 0;
    static const QHash<QString, int> words = {
        {QStringLiteral("critical"), 1}, {QStringLiteral("emergency"), 1}, {QStringLiteral("urgent"), 1},
        {QStringLiteral("fatal"), 1},    {QStringLiteral("high"), 2},      {QStringLiteral("major"), 2},
        {QStringLiteral("error"), 2},    {QStringLiteral("alarm"), 2},     {QStringLiteral("medium"), 3},
        {QStringLiteral("warning"), 3},  {QStringLiteral("warn"), 3},      {QStringLiteral("minor"), 3},
        {QStringLiteral("low"), 4},      {QStringLiteral("info"), 4},      {QStringLiteral("advisory"), 4},
        {QStringLiteral("notice"), 4},   {QStringLiteral("journal"), 4},
    };
    if (auto it = words.constFind(t); it != words.constEnd())
        return *it;
    QString digits = t;
    if (digits.startsWith(u'p'))
        digits.remove(0, 1); // "P1".."P4"
    bool ok = false;
    const double n = digits.toDouble(&ok);
    if (!ok)
        return 0;
    if (n >= 1 && n <= 4 && n == int(n))
        return int(n);
    // OPC UA / IEC 62682 style severity 1..1000.
    if (n > 4 && n <= 1000)
        return n >= 800 ? 1 : n >= 600 ? 2 : n >= 400 ? 3 : 4;
    return 0;
}

QString defaultUnit(const QString &attribute)
{
    static const QHash<QString, QString> units = {
        {QStringLiteral("temperature"), QStringLiteral("°C")},
        {QStringLiteral("flow_rate"), QStringLiteral("m³/h")},
        {QStringLiteral("pressure"), QStringLiteral("bar")},
        {QStringLiteral("vibration"), QStringLiteral("mm/s")},
        {QStringLiteral("speed"), QStringLiteral("rpm")},
        {QStringLiteral("current"), QStringLiteral("A")},
        {QStringLiteral("voltage"), QStringLiteral("V")},
        {QStringLiteral("power"), QStringLiteral("kW")},
        {QStringLiteral("battery"), QStringLiteral("%")},
        {QStringLiteral("progress"), QStringLiteral("%")},
        {QStringLiteral("task_progress"), QStringLiteral("%")},
        {QStringLiteral("altitude"), QStringLiteral("m")},
        {QStringLiteral("latitude"), QStringLiteral("°")},
        {QStringLiteral("longitude"), QStringLiteral("°")},
        {QStringLiteral("humidity"), QStringLiteral("%RH")},
    };
    return units.value(attribute);
}

quint64 messageIdHash(const QString &messageId)
{
    if (messageId.isEmpty())
        return 0;
    const quint64 h = quint64(qHash(messageId, 0x9e3779b97f4a7c15ULL));
    return h + (h == 0); // hash 0 shares 1's place: a 64-bit collision like any other
}

QString lastingCopy(const QString &text)
{
    constexpr size_t kBudgetChars = size_t(32) << 20; // 64 MB of UTF-16
    constexpr size_t kChunkChars = size_t(64) << 10;
    // Chunks are never freed (copies of their texts may be anywhere until the process
    // ends) but stay reachable from this list, so leak checkers see them as held.
    struct Chunk
    {
        Chunk *next;
        char16_t text[kChunkChars];
    };
    static std::atomic<Chunk *> chunks{nullptr};
    static std::atomic<size_t> reserved{0};
    thread_local char16_t *fill = nullptr; // each thread fills its own chunk
    thread_local size_t fillLeft = 0;
    const size_t n = size_t(text.size());
    if (n == 0 || n > kChunkChars)
        return text;
    if (fillLeft < n) {
        if (reserved.load(std::memory_order_relaxed) >= kBudgetChars
            || reserved.fetch_add(kChunkChars, std::memory_order_relaxed) + kChunkChars > kBudgetChars)
            return text;
        auto *chunk = new Chunk;
        chunk->next = chunks.load(std::memory_order_relaxed);
        while (!chunks.compare_exchange_weak(chunk->next, chunk, std::memory_order_release, std::memory_order_relaxed)) {
        }
        fill = chunk->text;
        fillLeft = kChunkChars;
    }
    char16_t *at = fill;
    // constData(), not utf16(): utf16() would reallocate a raw-data `text` in place.
    std::memcpy(at, text.constData(), n * sizeof(char16_t));
    fill += n;
    fillLeft -= n;
    return QString::fromRawData(reinterpret_cast<const QChar *>(at), qsizetype(n));
}

} // namespace ndh
