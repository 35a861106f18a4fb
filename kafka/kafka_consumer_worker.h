#pragma once
// The backend worker of DESIGN.md §3: lives on the "ndh-backend" thread and owns the
// librdkafka consumer. It reads without a consumer group (metadata, then assign() of
// every partition of the configured topics, re-checked every few seconds for new
// topics and partitions), decodes in batches and hands the GUI one coalesced batch
// at a time, never more than maxHandoffsPerSecond a second and never while the
// previous one has not been taken. Its loop is a short timer slot, so queued
// invocations from the GUI thread (shutdown, later: seek, commands) still run.

#include "batch_hand_off.h"
#include "connection_health.h"
#include "connection_status.h"
#include "consumer_config.h"
#include "envelope_decoder.h"
#include "kafka_statistics.h"
#include "log_file_reader.h"
#include "plant_event.h"
#include "raw_record_journal.h"
#include "record_reader.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <array>
#include <atomic>
#include <future>
#include <memory>

class QTimer;
struct rd_kafka_s;
struct rd_kafka_queue_s;
struct rd_kafka_message_s;
struct rd_kafka_metadata;

namespace ndh {

class KafkaConsumerWorker : public QObject
{
    Q_OBJECT
public:
    // inFlight counts batches emitted but not yet taken by the GUI thread; the
    // receiver decrements it once a batch has been applied.
    KafkaConsumerWorker(ConsumerConfig config, std::shared_ptr<std::atomic<int>> inFlight);
    ~KafkaConsumerWorker() override; // destroys the consumer without a group close

    // Bounds of one turn of the loop: how long it may wait for the reader's next
    // batch, and how many events may wait for a GUI that is behind before the worker
    // stops decoding (the reader's bounded backlog, then librdkafka's bounded queue,
    // hold the rest).
    static constexpr int kPollSliceMs = 5; // a record at a low rate waits at most this for its batch
    static constexpr int kMetadataTimeoutMs = 300;
    static constexpr int kMetadataIntervalMs = 3000;
    static constexpr int kMetadataRetryMs = 1000;
    static constexpr size_t kMaxPendingEvents = 200000;

    // Every consumed record also goes, raw, into this bounded journal (File > Export
    // of the live session). Set before start(); optional.
    void setJournal(std::shared_ptr<RawRecordJournal> journal);
    // Set by another worker on this thread (the Redis state read on connect) while it
    // needs the event loop to turn at once: the worker then never blocks the thread
    // in a poll slice, and asks for no metadata. Set before start(); optional.
    void setLoopDemand(std::shared_ptr<const std::atomic<bool>> demand) { m_loopDemand = std::move(demand); }
    // Nanoseconds of GUI time per event, as the receiver measured it (0: not known yet);
    // with ConsumerConfig::guiBudgetMsPerHandoff it sizes the slices.
    void setGuiPace(std::shared_ptr<const std::atomic<qint64>> nsPerEvent) { m_guiNsPerEvent = std::move(nsPerEvent); }
    // Notified by the receiver each time it lets go of a batch (the in-flight count
    // went down): with the next slice ready the worker waits on it, not on a timer,
    // so the slice goes the moment the GUI is free. Set before start(); optional
    // (without it the worker looks again every millisecond).
    void setReleaseSignal(std::shared_ptr<ReleaseSignal> signal) { m_released = std::move(signal); }

public slots:
    void start();    // creates the consumer and starts the loop (worker thread)
    void shutdown(); // destroys the consumer and quits the worker thread

signals:
    void batchReady(const ndh::EventBatchPtr &batch);
    void statusChanged(const ndh::ConnectionStatus &status);
    // Once per statistics interval (ConsumerConfig::statisticsIntervalMs).
    void healthChanged(const ndh::KafkaHealth &health);

private:
    void pump();
    void consumeSlice(bool noWait);
    // Decodes the records read and not decoded yet, in order, until the pending batch
    // holds `cap` events (0: no bound); false when it is full (the rest stay read).
    bool decodeRead(size_t cap, qint64 nowMs);
    void handleError(rd_kafka_message_s *error);
    // Before the client goes away: the records decoded go to the journal, the rest
    // of what was read is dropped, and the reader stops.
    void stopReading();
    EventSource &sourceFor(const QString &topic);
    // The cluster's metadata is asked for on a thread of its own: against a broker
    // that is down the answer takes kMetadataTimeoutMs, and this thread also serves
    // Redis (and the loop that hands batches to the GUI), which must not stall for it.
    void requestMetadata();
    void takeMetadataAnswer(); // when it has come: status, new partitions assigned
    void dropMetadataAnswer(); // waits for one still asked for, and frees it
    void handOff(bool force);
    void restartAfterRetentionGap(rd_kafka_message_s *error);
    void countRetentionGap(const QString &topic, int partition, qint64 firstOffsetRead);
    void tickStatus();
    void setState(ConnectionStatus::State state, const QString &error = {});
    void destroyConsumer();
    void onClientError(int err, const QString &reason);
    static void errorCallback(rd_kafka_s *rk, int err, const char *reason, void *opaque);
    static int statsCallback(rd_kafka_s *rk, char *json, size_t len, void *opaque);
    void onStatistics(std::string_view json);

    ConsumerConfig m_config;
    std::shared_ptr<std::atomic<int>> m_inFlight;
    EnvelopeDecoder m_decoder;
    rd_kafka_s *m_rk = nullptr;
    rd_kafka_queue_s *m_queue = nullptr;
    QTimer *m_timer = nullptr;

    QSet<QString> m_wantedTopics;
    QSet<QString> m_assigned; // "topic\npartition"
    bool m_initialAssignmentDone = false;
    // Partitions whose read position the broker had deleted (retention): the position
    // that was gone, until the first record read after it tells how many were lost.
    QHash<QString, qint64> m_retentionGaps; // "topic\npartition" -> offset that was out of range
    // topic -> the source its records get (built once, not per record)
    QHash<QString, EventSource> m_sources;
    EventSource *m_lastSource = nullptr;

    // Reads the queue ahead of decoding, into the journal's blocks (set before start()).
    std::shared_ptr<RawRecordJournal> m_journal;
    std::unique_ptr<RecordReader> m_reader;
    // The batch being decoded: its first m_readNext records are, and the first
    // m_errorsNext of its errors are handled (the slice filled up first).
    RecordReader::Batch *m_read = nullptr;
    size_t m_readNext = 0;
    size_t m_errorsNext = 0;

    std::shared_ptr<EventBatch> m_pending;
    SpentBatches m_spent; // handed off; freed here once the GUI let go
    std::shared_ptr<const std::atomic<bool>> m_loopDemand;
    std::shared_ptr<const std::atomic<qint64>> m_guiNsPerEvent;
    std::shared_ptr<ReleaseSignal> m_released;
    // Events per hand-off at most now: maxEventsPerHandoff, lowered to what the GUI
    // applies in guiBudgetMsPerHandoff at its measured pace (0: unbounded).
    size_t sliceCap() const;
    QElapsedTimer m_sinceHandoff;
    QElapsedTimer m_clock;
    qint64 m_nextMetadataMs = 0;
    struct MetadataAnswer
    {
        int err = 0; // rd_kafka_resp_err_t
        const rd_kafka_metadata *md = nullptr;
    };
    std::future<MetadataAnswer> m_metadataAnswer;
    qint64 m_nextStatusMs = 0;

    ConnectionStatus m_status;
    QString m_lastTransportError;
    KafkaStatistics m_statistics;
    QHash<QString, QString> m_brokerErrors; // librdkafka broker name -> last error, in words
    quint64 m_recordsThisSecond = 0;
    qint64 m_rateWindowStartMs = 0;
};

} // namespace ndh
