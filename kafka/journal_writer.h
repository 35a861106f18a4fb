#pragma once
// The raw-record journal filled on a thread of its own ("ndh-journal"). The backend
// thread hands over each consumed message as it is (its bytes stay in librdkafka's
// buffer, nothing is copied) with what decoding learnt of it, and goes on decoding;
// this thread copies the bytes into the journal's blocks, indexes them and
// destroys the message. Writing the journal was a sixth of the backend thread's
// time while catching up (docs/PERFORMANCE.md), on a thread that bounds the rate.
// Bounded: the backend waits when the writer has not taken the previous hand-over.

#include "plant_event.h"
#include "raw_record_journal.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

struct rd_kafka_message_s;

namespace ndh {

class JournalWriter
{
public:
    explicit JournalWriter(std::shared_ptr<RawRecordJournal> journal);
    ~JournalWriter(); // finish(), then the thread ends
    JournalWriter(const JournalWriter &) = delete;
    JournalWriter &operator=(const JournalWriter &) = delete;

    // The backend thread, for each consumed message after decoding it (its events
    // are events[firstNew...]): the message is the writer's from here, to destroy.
    void add(rd_kafka_message_s *msg, const QString &topic, const std::vector<PlantEvent> &events, size_t firstNew);
    // The backend thread: hands what add() gathered to the writer thread (waiting
    // first while the writer has not taken the previous hand-over).
    void flush();
    // Until every message added is in the journal and destroyed: before the client
    // whose messages they are goes away.
    void finish();

private:
    struct Item
    {
        rd_kafka_message_s *msg = nullptr;
        QString topic;
        qint64 eventTimeMs = 0;
        qint32 assetRef = -1;
        bool decoded = false;
        AssetPath asset; // only when decoded without a registry ref
    };
    void run();

    const std::shared_ptr<RawRecordJournal> m_journal;
    std::vector<Item> m_gathering; // the backend thread's
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<Item> m_handed; // waiting for the writer
    bool m_writing = false;     // the writer is journaling a hand-over
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace ndh
