#pragma once
// Joins the "Topics" dock (ui) to its backend (kafka) in the console (issue 5):
// scans go to the cluster, or, offline, to the records of the opened log; batches,
// statuses, the live cluster and consumer-group snapshots come back to the panel;
// exports go through the log writer (DESIGN.md §6, kcat -J lines, .zst compressed);
// "Copy as JSON" uses the same writer's line. Lives in app/ because it joins ui and
// kafka.

#include "consumer_config.h"

#include <QObject>
#include <QPointer>
#include <QProgressDialog>

#include <memory>
#include <vector>

class QThread;
class QTimer;

namespace ndh {

class LogSessionController;
struct ExportJob;
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

    // The panel's exports run here: on a worker thread, with a progress dialog whose
    // Cancel leaves no file (the writer commits atomically). One at a time.
    void startExport(const QString &path, std::vector<LogRecord> records);
    bool isExporting() const { return m_export != nullptr; }
    QProgressDialog *exportProgress() const { return m_exportDialog; } // while one runs
    void cancelExport();

signals:
    void exportEnded(bool ok, bool cancelled, const QString &message);

private:
    void onLogLoaded();
    void finishExport();

    TopicBrowserPanel *m_panel;
    LogSessionController *m_logs;
    bool m_online;
    std::unique_ptr<TopicBrowserBackend> m_backend;
    std::shared_ptr<const std::vector<LogRecord>> m_logRecords; // snapshot of the opened log
    std::shared_ptr<ExportJob> m_export;
    QThread *m_exportThread = nullptr;
    QPointer<QProgressDialog> m_exportDialog;
    QTimer *m_exportTick = nullptr;
};

} // namespace ndh
