#pragma once
// The incident bundle (.ndh, docs/INCIDENT_BUNDLE.md): one file an engineer carries
// home. A POSIX tar archive compressed with zstd (so `tar --zstd -xf incident.ndh`
// unpacks it) holding manifest.json, layout.json, alarms.jsonl, audit.jsonl and,
// last so it streams, log.jsonl (kcat -J lines). LogFileReader opens it like a log.

#include "log_file_reader.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <vector>

namespace ndh {

struct IncidentBundleInfo
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString sourceCluster; // bootstrap servers or "file:NAME"
    QByteArray layout;     // the window layout (JSON), may be empty
    // Audit entries of the period as the audit log's own lines (AuditLog::excerptFile,
    // checksums included); empty: the bundle has an empty audit.jsonl.
    std::function<QByteArray(qint64 fromMs, qint64 toMs)> auditEntries;
};

// Alarm transitions found in the records, one JSON object per line, in record order.
QByteArray alarmJournalFor(const std::vector<LogRecord> &records, int *transitions = nullptr);

// Builds the manifest: format, version, created, time range, source cluster, topics
// with record counts, record/alarm/audit counts and the member list.
QJsonObject bundleManifest(const std::vector<LogRecord> &records, const IncidentBundleInfo &info,
                           int alarmTransitions, int auditEntries);

// Writes the bundle atomically (complete or absent). progress(done, total) returns
// false to cancel.
bool writeIncidentBundle(const QString &path, const std::vector<LogRecord> &records, const IncidentBundleInfo &info,
                         const std::function<bool(quint64 done, quint64 total)> &progress, QString *error);

} // namespace ndh
