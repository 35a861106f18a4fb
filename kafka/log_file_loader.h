#pragma once
// Loads a log or incident bundle into the console in the background (DESIGN.md §3,
// §6): a reader thread ("ndh-log-reader") reads, decodes and hands the GUI one batch
// at a time; the first batch is small so the first state shows at once, the rest
// follow with progress, and at most a few batches wait for the GUI (back-pressure,
// so a 1 GB log never piles up in memory). Cancel is honoured between chunks.

#include "cancellable_thread.h"
#include "log_file_reader.h"
#include "plant_event.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace ndh {

class RawRecordJournal;

struct LogLoadSummary
{
    QString path;
    LogFileReader::Format format = LogFileReader::Format::Unknown;
    bool cancelled = false;
    quint64 records = 0;
    quint64 events = 0;
    quint64 rejected = 0;      // records that did not decode (dead letters)
    quint64 damageCount = 0;   // damaged lines and stream damage
    std::vector<LogDamage> damages; // the first few, for the message
    std::optional<LogDamage> fatal; // nothing could be read past this
    qint64 logBytes = 0;
    double seconds = 0;
    double firstBatchSeconds = 0;
};

class LogFileLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr size_t kFirstChunkRecords = 2000;
    static constexpr size_t kChunkRecords = 20000;
    static constexpr int kMaxBatchesInFlight = 3;
    static constexpr size_t kDamagesInSummary = 20;

    explicit LogFileLoader(QObject *parent = nullptr);
    ~LogFileLoader() override; // cancels and waits

    // Raw records also go here (for File > Export); optional.
    void setJournal(std::shared_ptr<RawRecordJournal> journal) { m_journal = std::move(journal); }

    // Starts loading; false if a load is already running.
    bool start(const QString &path);
    void cancel();
    bool isRunning() const;
    // Blocks until the reader thread ended (tests, shutdown).
    bool wait(int timeoutMs);

signals:
    // The bundle's manifest, layout and journals, before the first batch.
    void opened(const QString &path, int format, const ndh::BundleContents &bundle);
    void batchReady(const ndh::EventBatchPtr &batch);
    void progress(qint64 bytesDone, qint64 bytesTotal, quint64 records);
    void finished(const ndh::LogLoadSummary &summary);

private:
    void run(const QString &path);
    void deliver(const EventBatchPtr &batch);

    std::shared_ptr<RawRecordJournal> m_journal;
    CancellableThread m_thread; // "ndh-log-reader"
    std::shared_ptr<std::atomic<int>> m_inFlight = std::make_shared<std::atomic<int>>(0);
};

} // namespace ndh

Q_DECLARE_METATYPE(ndh::LogLoadSummary)
Q_DECLARE_METATYPE(ndh::BundleContents)
