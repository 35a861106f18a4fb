#pragma once
// The pacing of DESIGN.md §3, shared by every backend source (Kafka, Redis): the
// pending batch goes to the GUI only when the GUI has taken the previous one, and at
// most maxPerSecond times a second unless forced (shutdown, end of a read).

#include "envelope_decoder.h"
#include "plant_event.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <iterator>
#include <memory>
#include <mutex>
#include <vector>

namespace ndh {

// The pacing rule alone, for batches of any kind (the topic browser's scans hand
// over their own batch type): true when a batch may go to the GUI now.
inline bool handOffDue(const std::atomic<int> &inFlight, int maxPerSecond, const QElapsedTimer &sinceLast, bool force)
{
    if (inFlight.load() > 0)
        return false; // the GUI has not taken the last one: keep coalescing
    const int perSecond = std::max(1, maxPerSecond);
    const qint64 minGapMs = (1000 + perSecond - 1) / perSecond;
    return force || sinceLast.elapsed() >= minGapMs;
}

// The GUI letting go of a batch, seen on the backend thread the moment it happens:
// a worker whose next slice is ready waits here instead of sleeping a fixed time,
// and whoever decrements the in-flight count calls notify() right after.
class ReleaseSignal
{
public:
    // Any thread, after the in-flight count went down.
    void notify()
    {
        {
            // Under the lock: a waiter between its check and its wait cannot miss it.
            const std::lock_guard lock(m_mutex);
        }
        m_released.notify_all();
    }
    // Until nothing is in flight, at most `timeout`; true when nothing is.
    bool waitUntilTaken(const std::atomic<int> &inFlight, std::chrono::microseconds timeout)
    {
        std::unique_lock lock(m_mutex);
        return m_released.wait_for(lock, timeout, [&] { return inFlight.load() <= 0; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_released;
};

// Nothing to tell the GUI: no record read, no event, no dead letter, no gap.
inline bool carriesNothing(const EventBatch &batch)
{
    return batch.recordsConsumed == 0 && batch.events.empty() && batch.deadLetters.empty()
           && batch.recordsLostToRetention == 0;
}

// The batch to emit now (a fresh pending batch takes its place), or nullptr to keep
// coalescing. `inFlight` counts batches the GUI has not applied yet; the receiver
// decrements it.
//
// maxEvents > 0 bounds the GUI's work per event-loop turn: a bigger backlog goes in
// slices of maxEvents (oldest first, dead letters with the first slice, records
// consumed shared out in proportion), each handed off as soon as the GUI took the
// one before, so timers and repaints run between slices.
inline EventBatchPtr takeBatchForHandOff(std::unique_ptr<EventBatch> &pending, std::atomic<int> &inFlight,
                                         int maxPerSecond, QElapsedTimer &sinceLast, bool force,
                                         size_t maxEvents = 0)
{
    if (carriesNothing(*pending))
        return nullptr;
    // A full slice goes as soon as the GUI took the last one (the pacing is for trickles).
    const bool backlog = maxEvents > 0 && pending->events.size() >= maxEvents;
    if (!handOffDue(inFlight, maxPerSecond, sinceLast, force || backlog))
        return nullptr;
    inFlight.fetch_add(1);
    sinceLast.restart();
    if (!backlog || pending->events.size() == maxEvents) {
        pending->createdMs = QDateTime::currentMSecsSinceEpoch();
        EventBatchPtr batch(pending.release());
        pending = std::make_unique<EventBatch>();
        return batch;
    }
    auto slice = std::make_unique<EventBatch>();
    const auto cut = pending->events.begin() + std::ptrdiff_t(maxEvents);
    slice->events.assign(std::make_move_iterator(pending->events.begin()), std::make_move_iterator(cut));
    pending->events.erase(pending->events.begin(), cut);
    slice->deadLetters = std::move(pending->deadLetters);
    pending->deadLetters.clear();
    const size_t left = pending->events.size();
    const auto share = [&](quint64 &total) {
        const quint64 part = total - total * left / (left + maxEvents);
        total -= part;
        return part;
    };
    slice->recordsConsumed = share(pending->recordsConsumed);
    slice->bytesConsumed = share(pending->bytesConsumed);
    slice->recordsLostToRetention = pending->recordsLostToRetention;
    pending->recordsLostToRetention = 0;
    slice->createdMs = QDateTime::currentMSecsSinceEpoch();
    return EventBatchPtr(slice.release());
}

// Batches handed to the GUI, kept so that the last reference to each drops on the
// backend thread: once the GUI has applied a batch and let go of it, reap() destroys
// its events here (their QStrings and vectors would otherwise be freed on the GUI
// thread), giving their buffers back to this thread's decoder, and keeps a few
// emptied batches, their vectors' capacity intact, for fresh() to hand out again.
// A receiver that keeps a batch (a test collecting them) is no harm: past kMaxKept
// batches the oldest is let go, to die wherever its last holder drops it.
class SpentBatches
{
public:
    static constexpr size_t kMaxKept = 8;
    static constexpr size_t kMaxFree = 2; // one being filled while one is still with the GUI

    // An empty batch to fill, with room for `reserve` events.
    std::shared_ptr<EventBatch> fresh(size_t reserve)
    {
        std::shared_ptr<EventBatch> batch;
        if (!m_free.empty()) {
            batch = std::move(m_free.back());
            m_free.pop_back();
        } else {
            batch = std::make_shared<EventBatch>();
        }
        if (reserve > batch->events.capacity())
            batch->events.reserve(reserve);
        return batch;
    }

    // The batch as the GUI gets it; a reference stays here until reap() frees it.
    EventBatchPtr handOut(std::shared_ptr<EventBatch> batch)
    {
        m_out.push_back(batch);
        if (m_out.size() > kMaxKept)
            m_out.erase(m_out.begin());
        return batch;
    }

    // Frees the batches nobody else holds any more, on the calling thread; returns
    // how many events it destroyed.
    size_t reap()
    {
        size_t destroyed = 0;
        for (auto it = m_out.begin(); it != m_out.end();) {
            // use_count() 1 is exact for the one owner left (nobody can copy a pointer
            // they no longer hold); the fence orders the other thread's last reads of
            // the batch before the destruction here.
            if (it->use_count() != 1) {
                ++it;
                continue;
            }
            std::atomic_thread_fence(std::memory_order_acquire);
            EventBatch &batch = **it;
            destroyed += batch.events.size();
            recycleDecodedEvents(batch.events); // keeps the capacity, and the events' buffers
            batch.deadLetters.clear();
            batch.recordsConsumed = batch.bytesConsumed = batch.recordsLostToRetention = 0;
            batch.createdMs = 0;
            if (m_free.size() < kMaxFree)
                m_free.push_back(std::move(*it));
            it = m_out.erase(it);
        }
        return destroyed;
    }

    size_t outstanding() const { return m_out.size(); }

private:
    std::vector<std::shared_ptr<EventBatch>> m_out; // a few: a vector, no node allocations
    std::vector<std::shared_ptr<EventBatch>> m_free;
};

} // namespace ndh
