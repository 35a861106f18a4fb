#include "log_file_loader.h"

#include "envelope_decoder.h"
#include "raw_record_journal.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QPointer>
#include <QThread>

namespace ndh {

LogFileLoader::LogFileLoader(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ndh::EventBatchPtr>();
    qRegisterMetaType<ndh::LogLoadSummary>();
    qRegisterMetaType<ndh::BundleContents>();
}

LogFileLoader::~LogFileLoader()
{
    cancel();
    wait(10000);
}

bool LogFileLoader::isRunning() const
{
    return m_thread.isRunning();
}

bool LogFileLoader::start(const QString &path)
{
    return m_thread.start(QStringLiteral("ndh-log-reader"), [this, path] { run(path); }, QThread::LowPriority);
}

void LogFileLoader::cancel()
{
    m_thread.cancel();
}

bool LogFileLoader::wait(int timeoutMs)
{
    return m_thread.wait(timeoutMs);
}

void LogFileLoader::deliver(const EventBatchPtr &batch)
{
    m_inFlight->fetch_add(1);
    QPointer<LogFileLoader> self(this);
    auto inFlight = m_inFlight;
    QMetaObject::invokeMethod(
        this,
        [self, batch, inFlight] {
            if (self)
                emit self->batchReady(batch);
            inFlight->fetch_sub(1);
        },
        Qt::QueuedConnection);
}

void LogFileLoader::run(const QString &path)
{
    QElapsedTimer clock;
    clock.start();
    LogLoadSummary summary;
    summary.path = path;
    LogFileReader reader;
    const bool ok = reader.open(path);
    summary.format = reader.format();
    if (ok) {
        const BundleContents bundle = reader.bundle();
        const int format = int(reader.format());
        QMetaObject::invokeMethod(
            this, [this, path, format, bundle] { emit opened(path, format, bundle); }, Qt::QueuedConnection);
    }
    EnvelopeDecoder decoder;
    const QString fileName = QFileInfo(path).fileName();
    LogChunk chunk;
    std::vector<RecordIndex> index;
    bool first = true;
    qint64 lastProgressMs = -1000;
    while (ok && !m_thread.cancelled()) {
        // Back-pressure: the GUI applies batches as fast as it can; do not run ahead.
        while (m_inFlight->load() >= kMaxBatchesInFlight && !m_thread.cancelled())
            QThread::msleep(2);
        chunk.clear();
        const bool more = reader.readChunk(chunk, first ? kFirstChunkRecords : kChunkRecords);
        auto batch = std::make_shared<EventBatch>();
        index.clear();
        appendLogChunk(decoder, chunk, fileName, *batch, QDateTime::currentMSecsSinceEpoch(),
                       m_journal ? &index : nullptr);
        if (m_journal)
            m_journal->append(std::move(chunk.records), std::move(index)); // not read again before clear()
        summary.events += batch->events.size();
        summary.rejected += quint64(batch->deadLetters.size()) - quint64(chunk.damages.size());
        batch->createdMs = QDateTime::currentMSecsSinceEpoch();
        if (!batch->events.empty() || !batch->deadLetters.empty() || batch->recordsConsumed > 0)
            deliver(batch);
        if (first) {
            summary.firstBatchSeconds = double(clock.nsecsElapsed()) / 1e9;
            first = false;
        }
        if (clock.elapsed() - lastProgressMs >= 100 || !more) {
            lastProgressMs = clock.elapsed();
            const qint64 done = reader.fileBytesRead();
            const qint64 total = reader.fileSize();
            const quint64 records = reader.recordsRead();
            QMetaObject::invokeMethod(
                this, [this, done, total, records] { emit progress(done, total, records); }, Qt::QueuedConnection);
        }
        if (!more)
            break;
    }
    summary.cancelled = m_thread.cancelled();
    summary.records = reader.recordsRead();
    summary.damageCount = reader.damageCount();
    for (size_t i = 0; i < reader.damages().size() && i < kDamagesInSummary; ++i)
        summary.damages.push_back(reader.damages()[i]);
    summary.fatal = reader.fatalDamage();
    summary.logBytes = reader.logBytesRead();
    summary.seconds = double(clock.nsecsElapsed()) / 1e9;
    QMetaObject::invokeMethod(this, [this, summary] { emit finished(summary); }, Qt::QueuedConnection);
}

} // namespace ndh
