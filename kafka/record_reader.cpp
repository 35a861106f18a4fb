#include "record_reader.h"

#include "kafka_message_decoding.h"

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <array>

#ifdef __linux__
#include <pthread.h>
#endif

namespace ndh {

namespace {
// What a record read ahead holds besides its key and value, counted against the
// backlog bound: its journal entry and a share of its batch (headers are rare).
constexpr size_t kEntryBytes = 96;
// An error message kept for the backend (librdkafka's op and message).
constexpr size_t kMessageBytes = 512;
} // namespace

void RecordReader::Batch::dropErrors(size_t from)
{
    for (size_t i = from; i < errors.size(); ++i)
        rd_kafka_message_destroy(errors[i].second);
    errors.clear();
}

RecordReader::RecordReader(rd_kafka_queue_s *queue, std::shared_ptr<RawRecordJournal> journal,
                           size_t maxBacklogBytes)
    : m_queue(queue)
    , m_journal(std::move(journal))
    , m_maxBacklogBytes(maxBacklogBytes)
    , m_thread([this] { run(); })
{
}

RecordReader::~RecordReader()
{
    stop();
}

RecordReader::Batch *RecordReader::take(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    if (m_ready.empty() && timeoutMs > 0)
        m_readyChanged.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return !m_ready.empty(); });
    if (m_ready.empty())
        return nullptr;
    Batch *batch = m_ready.front();
    m_ready.pop_front();
    return batch;
}

void RecordReader::done(Batch *batch)
{
    {
        const std::lock_guard lock(m_mutex);
        m_backlogBytes -= batch->bytes;
        m_done.push_back(batch);
    }
    m_doneChanged.notify_one();
}

void RecordReader::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_doneChanged.notify_one();
    if (m_thread.joinable())
        m_thread.join();
    // Read and never taken: not shown, so not journaled either.
    for (Batch *batch : m_ready)
        batch->dropErrors();
    m_ready.clear();
}

RecordReader::Batch *RecordReader::freeBatch()
{
    if (m_free.empty()) {
        m_batches.push_back(std::make_unique<Batch>(m_journal.get(), &m_filling));
        return m_batches.back().get();
    }
    Batch *batch = m_free.back();
    m_free.pop_back();
    return batch;
}

const QString &RecordReader::topicOf(const void *rkt)
{
    const char *name = rd_kafka_topic_name(static_cast<rd_kafka_topic_t *>(const_cast<void *>(rkt)));
    auto it = m_topics.find(rkt);
    // A handle freed with its topic may come back as another topic's: the name decides.
    if (it == m_topics.end() || it->utf8 != name) {
        if (m_topics.size() > 1000) // topics that came and went: forget, keep the cache small
            m_topics.clear();
        // Copied into every record's source: no reference count to bounce between threads.
        it = m_topics.insert(rkt, {QByteArray(name), lastingCopy(QString::fromUtf8(name))});
    }
    return it->text;
}

void RecordReader::read(Batch &batch, rd_kafka_message_s **messages, size_t n)
{
    const void *lastRkt = nullptr;
    const QString *topic = nullptr;
    for (size_t i = 0; i < n; ++i) {
        rd_kafka_message_t *msg = messages[i];
        if (msg->err) {
            batch.errors.emplace_back(batch.slice.size(), msg);
            batch.bytes += kMessageBytes; // an error waits as librdkafka's message
            continue;
        }
        if (msg->rkt != lastRkt) {
            lastRkt = msg->rkt;
            topic = &topicOf(lastRkt);
        }
        journalMessage(batch.slice, *topic, msg);
        batch.bytes += msg->len + msg->key_len + kEntryBytes;
        rd_kafka_message_destroy(msg); // its fetch buffer goes back to librdkafka for the next fetch
    }
}

void RecordReader::journal(Batch &batch)
{
    if (m_journal)
        m_journal->append(batch.slice); // one lock per batch; leaves the slice empty
    else
        batch.slice.clear();
    batch.errors.clear();
    batch.bytes = 0;
    if (m_free.size() < kSpareBatches) {
        m_free.push_back(&batch);
        return;
    }
    // A backlog drained: its batches' buffers go, but for a few.
    const auto it = std::find_if(m_batches.begin(), m_batches.end(), [&](const auto &b) { return b.get() == &batch; });
    m_batches.erase(it);
}

void RecordReader::run()
{
#ifdef __linux__
    pthread_setname_np(pthread_self(), "ndh-journal");
#endif
    // No runBehindTheGui() here: this thread inherits the backend thread's nice value
    // (already behind the GUI), as librdkafka's threads do. Another step down and it
    // fell behind librdkafka's fetches, whose queue then grew as before.
    std::array<rd_kafka_message_t *, 512> messages{};
    std::vector<Batch *> journaling;
    for (;;) {
        bool reading = false;
        {
            std::unique_lock lock(m_mutex);
            m_doneChanged.wait(lock, [this] { return m_stop || !m_done.empty() || m_backlogBytes < m_maxBacklogBytes; });
            journaling.swap(m_done);
            if (m_stop && journaling.empty())
                return; // everything done is journaled
            reading = !m_stop && m_backlogBytes < m_maxBacklogBytes;
        }
        for (Batch *batch : journaling)
            journal(*batch);
        journaling.clear();
        if (!reading)
            continue;
        // Waits up to kPollMs for a full array, returns at once when the backlog is there.
        ssize_t n = rd_kafka_consume_batch_queue(m_queue, kPollMs, messages.data(), messages.size());
        if (n <= 0)
            continue;
        Batch *batch = freeBatch();
        read(*batch, messages.data(), size_t(n));
        while (size_t(n) == messages.size() && batch->slice.size() + batch->errors.size() < kMaxBatchRecords) {
            n = rd_kafka_consume_batch_queue(m_queue, 0, messages.data(), messages.size());
            if (n <= 0)
                break;
            read(*batch, messages.data(), size_t(n));
        }
        {
            const std::lock_guard lock(m_mutex);
            m_backlogBytes += batch->bytes;
            m_ready.push_back(batch);
        }
        m_readyChanged.notify_one();
    }
}

} // namespace ndh
