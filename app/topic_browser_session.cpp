#include "topic_browser_session.h"

#include "export_runner.h"
#include "log_file_writer.h"
#include "log_session_controller.h"
#include "raw_record_journal.h"
#include "topic_browser_backend.h"
#include "topic_browser_panel.h"

#include <QFileInfo>
#include <QLocale>

namespace ndh {

TopicBrowserSession::TopicBrowserSession(TopicBrowserPanel *panel, ConsumerConfig config, LogSessionController *logs,
                                         bool online, QObject *parent)
    : QObject(parent)
    , m_panel(panel)
    , m_logs(logs)
    , m_online(online)
    , m_backend(std::make_unique<TopicBrowserBackend>(config))
    , m_export(new ExportRunner(this))
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
    connect(m_export, &ExportRunner::finished, this, &TopicBrowserSession::finishExport);
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
    if (m_export->isRunning()) {
        m_export->cancel();
        m_export->wait();
    }
    m_backend->stop(timeoutMs);
}

bool TopicBrowserSession::isExporting() const
{
    return m_export->isRunning();
}

QProgressDialog *TopicBrowserSession::exportProgress() const
{
    return m_export->progressDialog();
}

void TopicBrowserSession::startExport(const QString &path, std::vector<LogRecord> records)
{
    if (m_export->isRunning()) {
        m_panel->exportFinished(true, tr("An export is still running; wait for it or cancel it first."));
        return;
    }
    m_exportPath = path;
    m_exportRecords = records.size();
    auto shared = std::make_shared<const std::vector<LogRecord>>(std::move(records));
    m_export->start([path, shared](const ExportRunner::Progress &progress,
                                   QString *error) { return exportRecords(path, *shared, progress, error); },
                    m_exportRecords,
                    tr("Writing %1 record(s) to %2…")
                        .arg(QLocale().toString(qulonglong(m_exportRecords)), QFileInfo(path).fileName()),
                    m_panel);
    m_export->progressDialog()->setObjectName(QStringLiteral("topicExportProgress"));
}

void TopicBrowserSession::cancelExport()
{
    m_export->cancel();
}

void TopicBrowserSession::finishExport(bool ok, bool cancelled, const QString &error)
{
    QString message;
    if (ok)
        message = tr("Exported %1 record(s) to %2").arg(QLocale().toString(qulonglong(m_exportRecords)),
                                                       QFileInfo(m_exportPath).fileName());
    else if (cancelled)
        message = tr("Export cancelled: %1 was not written").arg(QFileInfo(m_exportPath).fileName());
    else
        message = tr("Export to %1 failed: %2").arg(m_exportPath, error);
    m_panel->exportFinished(ok || cancelled, message);
    emit exportEnded(ok, cancelled, message);
}

void TopicBrowserSession::onLogLoaded()
{
    m_logRecords.reset(); // the next scan reads the new log
    m_panel->setOfflineTopics(m_logs->journal()->topicCounts());
}

bool TopicBrowserSession::exportRecords(const QString &path, const std::vector<LogRecord> &records, QString *error)
{
    return exportRecords(path, records, {}, error);
}

bool TopicBrowserSession::exportRecords(const QString &path, const std::vector<LogRecord> &records,
                                        const std::function<bool(quint64, quint64)> &progress, QString *error)
{
    LogFileWriter::Options options;
    options.compress = LogFileWriter::compressionForPath(path);
    return writeLogFile(path, records, options, progress, error);
}

} // namespace ndh
