#pragma once
// One export at a time on a worker thread ("ndh-log-writer"), shared by File >
// Export (LogSessionController::exportTo, which waits for it in a local event loop)
// and the Topics panel's export (TopicBrowserSession, which does not wait). The
// work gets a progress callback (records done, total) that returns false once the
// export is cancelled; a window-modal progress dialog follows it every 50 ms and
// its Cancel sets that flag. The log writers commit atomically, so a cancelled
// export leaves neither the file nor a temporary file.

#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>

#include <functional>
#include <memory>

class QThread;
class QTimer;
class QWidget;

namespace ndh {

class ExportRunner : public QObject
{
    Q_OBJECT
public:
    static constexpr int kTickMs = 50;
    static constexpr int kDialogAfterMs = 400; // quick exports show no dialog

    using Progress = std::function<bool(quint64 done, quint64 total)>;
    // Runs on the worker: true when written; false with *error (also on cancel).
    using Work = std::function<bool(const Progress &progress, QString *error)>;

    explicit ExportRunner(QObject *parent = nullptr);
    ~ExportRunner() override; // cancels and waits, without finished()

    // Starts `work` with a progress dialog (label, `total` records) over
    // dialogParent. False, and nothing started, while an export runs.
    bool start(Work work, quint64 total, const QString &label, QWidget *dialogParent);
    void cancel();
    bool isRunning() const { return m_job != nullptr; }
    QProgressDialog *progressDialog() const { return m_dialog; } // while one runs
    // Blocks until the worker ended; finished() has been emitted when it returns.
    void wait();

signals:
    // cancelled: the progress callback was told to stop and the work gave up.
    void finished(bool ok, bool cancelled, const QString &error);

private:
    struct Job;
    void finish();

    std::shared_ptr<Job> m_job;
    QThread *m_thread = nullptr;
    QPointer<QProgressDialog> m_dialog;
    QTimer *m_tick;
};

} // namespace ndh
