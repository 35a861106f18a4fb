#pragma once
// Joins the "Topics" dock (ui) to its backend (kafka) in the console (issue 5):
// scans go to the cluster, or, offline, to the records of the opened log; batches,
// statuses, the live cluster and consumer-group snapshots come back to the panel;
// exports go through the log writer (DESIGN.md §6, kcat -J lines, .zst compressed);
// "Copy as JSON" uses the same writer's line. Lives in app/ because it joins ui and
// kafka.

#include "consumer_config.h"

#include <QObject>
#include <QProgressDialog>

#include <functional>
#include <memory>
#include <vector>

namespace ndh {

class ExportRunner;
class LogSessionController;
class TopicBrowserBackend;
class TopicBrowserPanel;
struct LogRecord;

class TopicBrowserSession : public QObject
{
    Q_OBJECT
public:
    // logs may be null (no offline browsing); online false: only the opened log.
    TopicBrowserSession(TopicBrowserPanel *panel, ConsumerConfig config, LogSessionController *logs, bool online,
                        QObject *parent = nullptr);
    ~TopicBrowserSession() override;

    void start();
    void stop(int timeoutMs = 3000);
    TopicBrowserBackend *backend() const { return m_backend.get(); }

    // Writes records as a log; false with *error on failure.
    static bool exportRecords(const QString &path, const std::vector<LogRecord> &records, QString *error);
    // The same with progress (records done, total) that returns false to cancel.
    static bool exportRecords(const QString &path, const std::vector<LogRecord> &records,
                              const std::function<bool(quint64 done, quint64 total)> &progress, QString *error);

    // The panel's exports run here: on a worker thread, with a progress dialog whose
    // Cancel leaves no file (the writer commits atomically). One at a time.
    void startExport(const QString &path, std::vector<LogRecord> records);
    bool isExporting() const;
    QProgressDialog *exportProgress() const; // while one runs
    void cancelExport();

signals:
    void exportEnded(bool ok, bool cancelled, const QString &message);

private:
    void onLogLoaded();
    void finishExport(bool ok, bool cancelled, const QString &error);

    TopicBrowserPanel *m_panel;
    LogSessionController *m_logs;
    bool m_online;
    std::unique_ptr<TopicBrowserBackend> m_backend;
    std::shared_ptr<const std::vector<LogRecord>> m_logRecords; // snapshot of the opened log
    ExportRunner *m_export;
    QString m_exportPath;
    size_t m_exportRecords = 0;
};

} // namespace ndh
