#include "incident_bundle.h"

#include "envelope_decoder.h"
#include "log_file_writer.h"
#include "zstd_stream.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSaveFile>

#include <cstring>

namespace ndh {

namespace {

// One ustar header block (POSIX.1-1988): regular file, mode 0644.
QByteArray tarHeader(const QByteArray &name, qint64 size, qint64 mtimeSec)
{
    QByteArray h(512, '\0');
    auto put = [&h](int at, int width, const QByteArray &value) {
        std::memcpy(h.data() + at, value.constData(), size_t(std::min<qsizetype>(width, value.size())));
    };
    auto octal = [](qint64 v, int width) {
        return QByteArray::number(v, 8).rightJustified(width - 1, '0');
    };
    put(0, 100, name);
    put(100, 8, octal(0644, 8));
    put(108, 8, octal(0, 8));
    put(116, 8, octal(0, 8));
    put(124, 12, octal(size, 12));
    put(136, 12, octal(mtimeSec, 12));
    std::memset(h.data() + 148, ' ', 8); // checksum is computed with spaces here
    h[156] = '0';
    put(257, 6, QByteArray("ustar", 6)); // "ustar\0"
    put(263, 2, "00");
    put(265, 32, "ndh");
    put(297, 32, "ndh");
    unsigned sum = 0;
    for (char c : std::as_const(h))
        sum += quint8(c);
    put(148, 8, QByteArray::number(sum, 8).rightJustified(6, '0') + QByteArray("\0 ", 2));
    return h;
}

bool writeMember(ZstdSink &sink, const QByteArray &name, const QByteArray &content, qint64 mtimeSec)
{
    if (!sink.write(tarHeader(name, content.size(), mtimeSec)) || !sink.write(content))
        return false;
    const qsizetype pad = (512 - content.size() % 512) % 512;
    return sink.write(QByteArray(pad, '\0'));
}

} // namespace

QByteArray alarmJournalFor(const std::vector<LogRecord> &records, int *transitions)
{
    EnvelopeDecoder decoder;
    std::vector<PlantEvent> events;
    QByteArray out;
    int count = 0;
    for (const LogRecord &r : records) {
        if (!r.payload)
            continue;
        events.clear();
        EventSource source;
        source.channel = EventSource::Channel::File;
        source.topic = r.topic;
        source.partition = r.partition;
        source.offset = r.offset;
        decoder.decode(*r.payload, source, events);
        for (const PlantEvent &e : events) {
            if (!e.alarm)
                continue;
            QJsonObject o{{QStringLiteral("time"), formatTimestampMs(e.eventTimeMs)},
                          {QStringLiteral("transition"), eventKindName(e.kind)},
                          {QStringLiteral("asset"), e.asset.key()},
                          {QStringLiteral("alarm_id"), e.alarm->alarmId},
                          {QStringLiteral("alarm_type"), e.alarm->alarmType},
                          {QStringLiteral("priority"), priorityName(e.alarm->priority)},
                          {QStringLiteral("message"), e.alarm->message},
                          {QStringLiteral("message_id"), e.messageId},
                          {QStringLiteral("topic"), r.topic},
                          {QStringLiteral("partition"), r.partition},
                          {QStringLiteral("offset"), double(r.offset)}};
            if (!e.alarm->operatorName.isEmpty())
                o.insert(QStringLiteral("operator"), e.alarm->operatorName);
            if (!e.alarm->comment.isEmpty())
                o.insert(QStringLiteral("comment"), e.alarm->comment);
            out += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
            ++count;
        }
    }
    if (transitions)
        *transitions = count;
    return out;
}

QJsonObject bundleManifest(const std::vector<LogRecord> &records, const IncidentBundleInfo &info,
                           int alarmTransitions, int auditEntries)
{
    QMap<QString, int> topics;
    for (const LogRecord &r : records)
        ++topics[r.topic];
    QJsonObject topicCounts;
    for (auto it = topics.cbegin(); it != topics.cend(); ++it)
        topicCounts.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("ndh-incident-bundle")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("created"), formatTimestampMs(QDateTime::currentMSecsSinceEpoch())},
        {QStringLiteral("from"), formatTimestampMs(info.fromMs)},
        {QStringLiteral("to"), formatTimestampMs(info.toMs)},
        {QStringLiteral("source_cluster"), info.sourceCluster},
        {QStringLiteral("topics"), topicCounts},
        {QStringLiteral("records"), double(records.size())},
        {QStringLiteral("alarm_transitions"), alarmTransitions},
        {QStringLiteral("audit_entries"), auditEntries},
        {QStringLiteral("members"),
         QJsonArray{QStringLiteral("manifest.json"), QStringLiteral("layout.json"), QStringLiteral("alarms.jsonl"),
                    QStringLiteral("audit.jsonl"), QStringLiteral("log.jsonl")}},
    };
}

bool writeIncidentBundle(const QString &path, const std::vector<LogRecord> &records, const IncidentBundleInfo &info,
                         const std::function<bool(quint64 done, quint64 total)> &progress, QString *error)
{
    // The log goes last and its size is in its header: serialize it first.
    QByteArray log;
    const quint64 total = records.size();
    quint64 done = 0;
    for (const LogRecord &r : records) {
        LogFileWriter::appendJson(r, log);
        if ((++done & 1023) == 0 && progress && !progress(done / 2, total)) {
            *error = QStringLiteral("cancelled");
            return false;
        }
    }
    int transitions = 0;
    const QByteArray alarms = alarmJournalFor(records, &transitions);
    const QByteArray audit = info.auditEntries ? info.auditEntries(info.fromMs, info.toMs) : QByteArray();
    const int auditCount = int(audit.count('\n'));
    const QByteArray manifest =
        QJsonDocument(bundleManifest(records, info, transitions, auditCount)).toJson(QJsonDocument::Indented);
    const QByteArray layout = info.layout.isEmpty() ? QByteArray("{}\n") : info.layout;

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    ZstdSink sink(&file, true, 6);
    const qint64 mtime = QDateTime::currentSecsSinceEpoch();
    bool ok = writeMember(sink, "manifest.json", manifest, mtime) && writeMember(sink, "layout.json", layout, mtime)
              && writeMember(sink, "alarms.jsonl", alarms, mtime) && writeMember(sink, "audit.jsonl", audit, mtime)
              && sink.write(tarHeader("log.jsonl", log.size(), mtime));
    constexpr qsizetype kSlice = 4 << 20;
    for (qsizetype at = 0; ok && at < log.size(); at += kSlice) {
        ok = sink.write(log.constData() + at, std::min(kSlice, log.size() - at));
        if (ok && progress && !progress(total / 2 + quint64(double(at) / double(log.size()) * double(total / 2)), total)) {
            file.cancelWriting();
            *error = QStringLiteral("cancelled");
            return false;
        }
    }
    ok = ok && sink.write(QByteArray((512 - log.size() % 512) % 512, '\0')) && sink.write(QByteArray(1024, '\0'))
         && sink.finish();
    if (!ok) {
        file.cancelWriting();
        *error = sink.error();
        return false;
    }
    if (!file.commit()) {
        *error = QStringLiteral("cannot save %1: %2").arg(path, file.errorString());
        return false;
    }
    if (progress)
        progress(total, total);
    return true;
}

} // namespace ndh
