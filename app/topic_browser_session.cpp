#include "topic_browser_session.h"

#include "log_file_writer.h"
#include "log_session_controller.h"
#include "raw_record_journal.h"
#include "topic_browser_backend.h"
#include "topic_browser_panel.h"

#include <QFileInfo>
#include <QLocale>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <limits>

namespace ndh {

TopicBrowserSession::TopicBrowserSession(TopicBrowserPanel *panel, ConsumerConfig config, LogSessionController *logs,
                                         bool online, QObject *parent)
    : QObject(parent)
    , m_panel(panel)
    , m_logs(logs)
    , m_online(online)
    , m_backend(std::make_unique<TopicBrowserBackend>(config))
{
    m_panel->setBootstrap(online ? config.bootstrap : QString());
    // Rows of an unfiltered scan are decoded when shown, with the connection's rules.
    for (const auto &[pattern, envelope] : std::as_const(config.topicEnvelopes))
        m_panel->messages()->setTopicEnvelope(pattern, envelope);
    m_panel->setRecordFormatter([](const LogRecord &r) {
        QByteArray line;
        LogFileWriter::appendJson(r, line);
        return line;
    });
    connect(m_panel, &TopicBrowserPanel::scanRequested, this, [this](const TopicScanRequest &request) {
        if (!m_online && m_logs) {
            if (!m_logRecords)
                m_logRecords = std::make_shared<const std::vector<LogRecord>>(m_logs->journal()->select({}));
            m_backend->startLogScan(request, m_logRecords);
        } else {
            m_backend->startScan(request);
        }
    });
    connect(m_panel, &TopicBrowserPanel::cancelRequested, m_backend.get(), &TopicBrowserBackend::cancelScan);
    connect(m_panel, &TopicBrowserPanel::watchedGroupsChanged, m_backend.get(), &TopicBrowserBackend::setWatchedGroups);
    connect(m_backend.get(), &TopicBrowserBackend::scanBatch, m_panel, &TopicBrowserPanel::applyBatch);
    connect(m_backend.get(), &TopicBrowserBackend::scanStatus, m_panel, &TopicBrowserPanel::setScanStatus);
    connect(m_backend.get(), &TopicBrowserBackend::clusterChanged, m_panel, &TopicBrowserPanel::setCluster);
    connect(m_backend.get(), &TopicBrowserBackend::groupsChanged, m_panel, &TopicBrowserPanel::setGroups);
    connect(m_panel, &TopicBrowserPanel::exportRequested, this,
            [this](const QString &path, const std::vector<LogRecord> &records) { startExport(path, records); });
    if (m_logs && !m_online)
        connect(m_logs, &LogSessionController::loadFinished, this, &TopicBrowserSession::onLogLoaded);
}

TopicBrowserSession::~TopicBrowserSession()
{
    stop();
}

void TopicBrowserSession::start()
{
    m_backend->start(m_online ? 2000 : 0);
}

void TopicBrowserSession::stop(int timeoutMs)
{
    if (m_exportThread) {
        cancelExport();
        m_exportThread->wait();
        finishExport();
    }
    m_backend->stop(timeoutMs);
}

struct ExportJob
{
    QString path;
    std::vector<LogRecord> records;
    std::atomic<quint64> done{0};
    std::atomic<bool> cancel{false};
    bool ok = false;
    QString error;
};

void TopicBrowserSession::startExport(const QString &path, std::vector<LogRecord> records)
{
    if (m_export) {
        m_panel->exportFinished(true, tr("An export is still running; wait for it or cancel it first."));
        return;
    }
    auto job = std::make_shared<ExportJob>();
    job->path = path;
    job->records = std::move(records);
    m_export = job;
    m_exportThread = QThread::create([job] {
        LogFileWriter::Options options;
        options.compress = LogFileWriter::compressionForPath(job->path);
        job->ok = writeLogFile(job->path, job->records, options,
                               [&job = *job](quint64 done, quint64) {
                                   job.done.store(done);
                                   return !job.cancel.load();
                               },
                               &job->error);
    });
    m_exportThread->setObjectName(QStringLiteral("ndh-topic-export"));
    connect(m_exportThread, &QThread::finished, this, &TopicBrowserSession::finishExport);

    const int total = int(std::min<size_t>(job->records.size(), size_t(std::numeric_limits<int>::max())));
    m_exportDialog = new QProgressDialog(tr("Writing %1 record(s) to %2…")
                                             .arg(QLocale().toString(qulonglong(job->records.size())),
                                                  QFileInfo(path).fileName()),
                                         tr("Cancel"), 0, total, m_panel);
    m_exportDialog->setObjectName(QStringLiteral("topicExportProgress"));
    m_exportDialog->setWindowTitle(tr("Export"));
    m_exportDialog->setWindowModality(Qt::WindowModal);
    m_exportDialog->setMinimumDuration(400);
    m_exportDialog->setAutoClose(false);
    m_exportDialog->setAutoReset(false);
    connect(m_exportDialog, &QProgressDialog::canceled, this, &TopicBrowserSession::cancelExport);
    m_exportTick = new QTimer(this);
    connect(m_exportTick, &QTimer::timeout, this, [this, job] {
        if (m_exportDialog)
            m_exportDialog->setValue(int(std::min<quint64>(job->done.load(), quint64(m_exportDialog->maximum()))));
    });
    m_exportTick->start(50);
    m_exportThread->start();
}

void TopicBrowserSession::cancelExport()
{
    if (m_export)
        m_export->cancel.store(true);
}

void TopicBrowserSession::finishExport()
{
    if (!m_export)
        return;
    const std::shared_ptr<ExportJob> job = std::move(m_export);
    m_export.reset();
    if (m_exportThread) {
        m_exportThread->wait();
        m_exportThread->deleteLater();
        m_exportThread = nullptr;
    }
    delete m_exportTick;
    m_exportTick = nullptr;
    if (m_exportDialog)
        m_exportDialog->deleteLater();
    m_exportDialog = nullptr;
    const bool cancelled = !job->ok && job->cancel.load();
    QString message;
    if (job->ok)
        message = tr("Exported %1 record(s) to %2").arg(QLocale().toString(qulonglong(job->records.size())),
                                                       QFileInfo(job->path).fileName());
    else if (cancelled)
        message = tr("Export cancelled: %1 was not written").arg(QFileInfo(job->path).fileName());
    else
        message = tr("Export to %1 failed: %2").arg(job->path, job->error);
    m_panel->exportFinished(job->ok || cancelled, message);
    emit exportEnded(job->ok, cancelled, message);
}

void TopicBrowserSession::onLogLoaded()
{
    m_logRecords.reset(); // the next scan reads the new log
    m_panel->setOfflineTopics(m_logs->journal()->topicCounts());
}

bool TopicBrowserSession::exportRecords(const QString &path, const std::vector<LogRecord> &records, QString *error)
{
    LogFileWriter::Options options;
    options.compress = LogFileWriter::compressionForPath(path);
    return writeLogFile(path, records, options, {}, error);
}

} // namespace ndh
