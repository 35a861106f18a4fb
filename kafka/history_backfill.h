#pragma once
// "Load history...": reads a time range of the configured topics from Kafka into
// the history engine (DESIGN.md §5), on its own "ndh-backfill" thread with its own
// consumer (assign(), no group), while live ingest goes on.
//
// Where each partition starts: on a real cluster the broker's time index answers
// offsetsForTimes, so reading starts at the first record at (from - slack) and ends
// at the first record after (to + slack). The embedded broker (librdkafka 2.0.2
// mock) answers -1 to every ListOffsets by time (DESIGN.md §4), so a probe at the
// epoch, which any broker with a time index answers for a non-empty partition,
// tells the two apart: without an index the partition is read from its low
// watermark. Either way every event is filtered by its own event time, and
// progress is honest: offsets read against offsets to read, fixed at the start.
// Events in range go out as batches (queued signals) for PlantModels::applyHistoryBatch.

#include "cancellable_thread.h"
#include "consumer_config.h"
#include "plant_event.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <mutex>

namespace ndh {

class HistoryBackfill : public QObject
{
    Q_OBJECT
public:
    // Broker timestamps (when a record was produced) may differ from event times in
    // the payload: seek this much wider, then filter by event time.
    static constexpr qint64 kTimeSlackMs = 60'000;
    static constexpr size_t kBatchEvents = 5000;
    static constexpr int kStallTimeoutMs = 30'000; // no record and no end for this long: give up
    static constexpr int kProgressIntervalMs = 100;

    explicit HistoryBackfill(ConsumerConfig config, QObject *parent = nullptr);
    ~HistoryBackfill() override; // cancels and waits (bounded)

    // Starts reading [fromMs, toMs] (event time). False when a load is running.
    bool start(qint64 fromMs, qint64 toMs);
    void cancel();
    bool isRunning() const;
    bool wait(int timeoutMs);

    // Where a partition starts and ends given the time index's answers (-1: none).
    // With an index, -1 for `from` means no record at or after it: nothing to read.
    struct Range
    {
        qint64 start = 0;
        qint64 end = 0;
        bool byTime = false;
    };
    static Range plan(qint64 low, qint64 high, bool timeIndex, qint64 fromOffset, qint64 toOffset);

    // After finished(): what the last load did.
    quint64 recordsRead() const { return m_records.load(); }
    quint64 eventsInRange() const { return m_eventsInRange.load(); }
    int partitionsByTime() const { return m_byTime.load(); }
    int partitionsScanned() const { return m_scanned.load(); }

signals:
    void batchReady(const ndh::EventBatchPtr &batch);
    void progress(quint64 offsetsRead, quint64 offsetsTotal);
    void finished(bool ok, bool cancelled, const QString &summary);

private:
    void run(qint64 fromMs, qint64 toMs);

    ConsumerConfig m_config;
    CancellableThread m_thread; // "ndh-backfill"
    std::atomic<quint64> m_records{0};
    std::atomic<quint64> m_eventsInRange{0};
    std::atomic<int> m_byTime{0};
    std::atomic<int> m_scanned{0};
};

} // namespace ndh
