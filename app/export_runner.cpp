#include "export_runner.h"

#include <QProgressDialog>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <limits>

namespace ndh {

struct ExportRunner::Job
{
    Work work;
    std::atomic<quint64> done{0};
    std::atomic<bool> cancel{false};
    bool ok = false; // written by the worker, read after it ended
    QString error;
};

ExportRunner::ExportRunner(QObject *parent)
    : QObject(parent)
    , m_tick(new QTimer(this))
{
    m_tick->setInterval(kTickMs);
    connect(m_tick, &QTimer::timeout, this, [this] {
        if (m_job && m_dialog)
            m_dialog->setValue(int(std::min<quint64>(m_job->done.load(), quint64(m_dialog->maximum()))));
    });
}

ExportRunner::~ExportRunner()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
    delete m_dialog;
}

bool ExportRunner::start(Work work, quint64 total, const QString &label, QWidget *dialogParent)
{
    if (m_job)
        return false;
    auto job = std::make_shared<Job>();
    job->work = std::move(work);
    m_job = job;
    m_thread = QThread::create([job] {
        const Progress progress = [&job = *job](quint64 done, quint64) {
            job.done.store(done);
            return !job.cancel.load();
        };
        job->ok = job->work(progress, &job->error);
    });
    m_thread->setObjectName(QStringLiteral("ndh-log-writer"));
    // Queued (the signal comes from the worker); a late one for an export already
    // finished by wait() finds another job, or none, and does nothing.
    connect(m_thread, &QThread::finished, this, [this, job] {
        if (m_job == job)
            finish();
    });

    const int maximum = int(std::min<quint64>(total, quint64(std::numeric_limits<int>::max())));
    m_dialog = new QProgressDialog(label, tr("Cancel"), 0, maximum, dialogParent);
    m_dialog->setWindowTitle(tr("Export"));
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setMinimumDuration(kDialogAfterMs);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    connect(m_dialog, &QProgressDialog::canceled, this, &ExportRunner::cancel);
    m_tick->start();
    m_thread->start();
    return true;
}

void ExportRunner::cancel()
{
    if (m_job)
        m_job->cancel.store(true);
}

void ExportRunner::wait()
{
    if (m_thread)
        m_thread->wait();
    finish();
}

void ExportRunner::finish()
{
    if (!m_job)
        return;
    const std::shared_ptr<Job> job = std::move(m_job);
    m_job.reset();
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    m_tick->stop();
    if (m_dialog) {
        // Later: finish() may run inside the dialog's own setValue().
        m_dialog->hide();
        m_dialog->deleteLater();
    }
    m_dialog = nullptr;
    emit finished(job->ok, !job->ok && job->cancel.load(), job->error);
}

} // namespace ndh
