#pragma once
// Reads the consumer's queue on a thread of its own ("ndh-journal"), ahead of the
// backend thread that decodes. Each record is copied once, into the raw-record
// journal's blocks (the copy File > Export keeps), and its librdkafka message is
// destroyed at once; the backend then decodes the record from those bytes, sets
// its journal index (event time, asset) and hands the batch back, and this thread
// appends it to the journal.
//
// Why not leave the backlog in librdkafka's queue, as the console did until
// 2026-11-24: while the console catches up, librdkafka's prefetch held every
// record read and not yet decoded (its fetch buffers plus an op of a few hundred
// bytes a record), up to 256 MB of memory touched for the first time, and freeing
// it afterwards handed it back to the kernel. Reading ahead keeps far fewer of
// librdkafka's buffers alive, and reuses them (its queue still grows while fetches
// come in bursts); the backlog lives in the journal's blocks, which hold those
// bytes anyway (docs/PERFORMANCE.md).
//
// Bounded: past kMaxBacklogBytes read and not yet decoded, reading pauses and
// librdkafka's own bounded queue holds the rest.

#include "raw_record_journal.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include <QByteArray>
#include <QHash>
#include <QString>

struct rd_kafka_queue_s;
struct rd_kafka_message_s;

namespace ndh {

class RecordReader
{
public:
    static constexpr size_t kMaxBacklogBytes = size_t(256) << 20;
    static constexpr int kPollMs = 5;             // a record at a low rate waits at most this
    static constexpr size_t kMaxBatchRecords = 2048; // records and errors
    static constexpr size_t kSpareBatches = 16; // kept for reuse once a backlog is drained

    // Records read in one go, in the order the queue gave them.
    struct Batch
    {
        Batch(RawRecordJournal *journal, RawRecordJournal::Filling *filling)
            : slice(journal, filling)
        {
        }
        RawRecordJournal::Slice slice;
        // What the queue gave between records (an offset out of range, ...), each
        // with its position: after that many records of the slice. The backend's to
        // handle and destroy.
        std::vector<std::pair<size_t, rd_kafka_message_s *>> errors;
        size_t bytes = 0; // counted against the backlog bound, errors too
        // Destroys the errors from the `from`th on (those not handled) and forgets
        // them all: they hold references into the client.
        void dropErrors(size_t from = 0);
    };

    // `journal`: where the records go once decoded; nullptr: nowhere (a batch's
    // blocks are let go once it is decoded). Reads from `queue` until stop(), pausing while the batches
    // read and not yet done hold `maxBacklogBytes` or more.
    RecordReader(rd_kafka_queue_s *queue, std::shared_ptr<RawRecordJournal> journal,
                 size_t maxBacklogBytes = kMaxBacklogBytes);
    ~RecordReader(); // stop()
    RecordReader(const RecordReader &) = delete;
    RecordReader &operator=(const RecordReader &) = delete;

    // The backend: the oldest batch not taken yet, waiting up to `timeoutMs` for one
    // (0: none waits); nullptr when there is none.
    Batch *take(int timeoutMs);
    // The backend: `batch` is decoded (its records' index set, its errors destroyed):
    // journaled and reused on the reader's thread.
    void done(Batch *batch);
    // The backend, before the client goes away: reading stops, the batches done are
    // journaled, and the errors of batches never taken are destroyed. Batches taken
    // must be done() first. Idempotent.
    void stop();

private:
    void run();
    void read(Batch &batch, rd_kafka_message_s **messages, size_t n);
    void journal(Batch &batch);
    const QString &topicOf(const void *rkt);
    Batch *freeBatch();

    rd_kafka_queue_s *const m_queue;
    const std::shared_ptr<RawRecordJournal> m_journal;
    const size_t m_maxBacklogBytes;
    RawRecordJournal::Filling m_filling; // the reader thread's: its batches write in turn
    std::vector<std::unique_ptr<Batch>> m_batches; // every batch, owned here
    std::vector<Batch *> m_free;                   // the reader thread's
    struct TopicName
    {
        QByteArray utf8;
        QString text;
    };
    QHash<const void *, TopicName> m_topics; // rd_kafka_topic_t* -> its name, the reader thread's

    std::mutex m_mutex;
    std::condition_variable m_readyChanged; // the backend waits on it
    std::condition_variable m_doneChanged;  // the reader waits on it while the backlog is full
    std::deque<Batch *> m_ready;
    std::vector<Batch *> m_done;
    size_t m_backlogBytes = 0;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace ndh
