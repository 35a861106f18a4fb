#include "journal_writer.h"

#include "cancellable_thread.h"
#include "kafka_message_decoding.h"

#ifdef __linux__
#include <pthread.h>
#endif

namespace ndh {

JournalWriter::JournalWriter(std::shared_ptr<RawRecordJournal> journal)
    : m_journal(std::move(journal))
    , m_thread([this] { run(); })
{
}

JournalWriter::~JournalWriter()
{
    finish();
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void JournalWriter::add(rd_kafka_message_s *msg, const QString &topic, const std::vector<PlantEvent> &events,
                        size_t firstNew)
{
    Item &item = m_gathering.emplace_back();
    item.msg = msg;
    item.topic = topic;
    const DecodedIndex index = decodedIndex(events, firstNew);
    item.decoded = index.decoded;
    item.eventTimeMs = index.eventTimeMs;
    item.assetRef = index.assetRef;
    if (index.decoded && index.assetRef < 0)
        item.asset = *index.asset; // the event goes to the GUI: the writer keeps its own copy
}

void JournalWriter::flush()
{
    if (m_gathering.empty())
        return;
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_handed.empty(); });
        m_handed.swap(m_gathering); // both keep their capacity
    }
    m_changed.notify_all();
}

void JournalWriter::finish()
{
    flush();
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_handed.empty() && !m_writing; });
}

void JournalWriter::run()
{
#ifdef __linux__
    pthread_setname_np(pthread_self(), "ndh-journal");
#endif
    runBehindTheGui();
    RawRecordJournal::Slice slice(m_journal.get()); // its buffers keep their capacity
    std::vector<Item> writing;
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stop || !m_handed.empty(); });
        if (m_handed.empty())
            return; // stopping, and everything handed over is written
        writing.swap(m_handed);
        m_writing = true;
        lock.unlock();
        m_changed.notify_all(); // the backend may hand over the next
        for (Item &item : writing) {
            journalMessage(slice, item.topic, item.msg,
                           {item.decoded, item.eventTimeMs, item.assetRef, &item.asset});
            rd_kafka_message_destroy(item.msg);
        }
        m_journal->append(slice); // one lock per hand-over
        writing.clear();
        lock.lock();
        m_writing = false;
        m_changed.notify_all();
    }
}

} // namespace ndh
