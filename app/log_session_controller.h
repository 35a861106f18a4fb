#pragma once
// Offline logs in the console (issue 7): File > Open / drag-and-drop / command line
// load a log or an incident bundle through LogFileLoader into PlantModels (tree,
// plots, alarms, history all fill), with progress and cancel in the status bar and
// damage in a plain-text message plus the dead-letter view; File > Export writes
// what the session holds (RawRecordJournal) as a log or a bundle, atomically, with a
// progress dialog and cancel. Lives in app/ because it joins ui and kafka.

#include "log_export_dialog.h"
#include "log_file_loader.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QToolButton;

namespace ndh {

class AuditLogView;
class MainWindow;
class PlantModels;
class RawRecordJournal;

class LogSessionController : public QObject
{
    Q_OBJECT
public:
    LogSessionController(PlantModels *models, MainWindow *window, QObject *parent = nullptr);
    ~LogSessionController() override;

    // "broker1:9092", "embedded demo plant": written into bundle manifests.
    void setSourceCluster(const QString &source) { m_sourceCluster = source; }
    // The audit entries of a period (AuditLog::excerptFile lines) for incident bundles.
    void setAuditProvider(std::function<QByteArray(qint64, qint64)> provider) { m_audit = std::move(provider); }
    // When false (a live session), File > Open starts a new console window for the file.
    void setLoadInPlace(bool inPlace) { m_loadInPlace = inPlace; }
    // Tests answer dialogs themselves.
    void setInteractive(bool interactive) { m_interactive = interactive; }

    std::shared_ptr<RawRecordJournal> journal() const { return m_journal; }
    LogFileLoader *loader() const { return m_loader; }
    QAction *openAction() const { return m_open; }
    QAction *exportAction() const { return m_export; }
    QAction *exportBundleAction() const { return m_exportBundle; }
    // File > Incident audit entries: enabled while an opened bundle holds some.
    QAction *bundleAuditAction() const { return m_bundleAuditAction; }
    // The opened bundle's audit.jsonl (empty for a plain log).
    QByteArray bundleAudit() const { return m_bundleAudit; }
    std::optional<LogLoadSummary> lastSummary() const { return m_lastSummary; }
    // The opened log's newest event time (0 before any), which offline ages count from.
    qint64 logEndMs() const { return m_logEndMs->load(); }
    QString lastMessage() const { return m_lastMessage; }

    // Loads `path` (in this window when it holds nothing yet, else in a new one).
    void openFile(const QString &path);
    // Writes the selection without a dialog; false with `error` on failure/cancel.
    bool exportTo(const LogExportDialog::Choice &choice, QString *error);
    // Shows the opened bundle's audit entries read-only (nullptr when it has none).
    AuditLogView *showBundleAudit();

public slots:
    void chooseAndOpen();
    void chooseAndExport(LogExportDialog::Kind kind = LogExportDialog::Kind::Log);
    void cancelLoad();

signals:
    void loadFinished(const ndh::LogLoadSummary &summary);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onOpened(const QString &path, int format, const BundleContents &bundle);
    void onProgress(qint64 done, qint64 total, quint64 records);
    void onFinished(const LogLoadSummary &summary);
    QByteArray layoutJson() const;
    void restoreLayout(const QByteArray &json);

    PlantModels *m_models;
    MainWindow *m_window;
    std::shared_ptr<RawRecordJournal> m_journal;
    LogFileLoader *m_loader;
    QAction *m_open = nullptr;
    QAction *m_export = nullptr;
    QAction *m_exportBundle = nullptr;
    QAction *m_bundleAuditAction = nullptr;
    QByteArray m_bundleAudit;
    QString m_bundlePath;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QString m_sourceCluster;
    std::function<QByteArray(qint64, qint64)> m_audit;
    bool m_loadInPlace = true;
    bool m_interactive = true;
    std::optional<LogLoadSummary> m_lastSummary;
    QString m_lastMessage;
    QString m_loadingPath;
    // Newest event time of the opened log: the offline tree's "now" (shared with its clock).
    std::shared_ptr<std::atomic<qint64>> m_logEndMs = std::make_shared<std::atomic<qint64>>(0);
};

} // namespace ndh
