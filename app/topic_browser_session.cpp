#include "topic_browser_session.h"

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
{
    m_panel->setBootstrap(online ? config.bootstrap : QString());
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
            [this](const QString &path, const std::vector<LogRecord> &records) {
                QString error;
                const bool ok = exportRecords(path, records, &error);
                m_panel->exportFinished(ok, ok ? tr("Exported %1 record(s) to %2")
                                                     .arg(QLocale().toString(qulonglong(records.size())),
                                                          QFileInfo(path).fileName())
                                               : tr("Export to %1 failed: %2").arg(path, error));
            });
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
    m_backend->stop(timeoutMs);
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
