#pragma once
// The pacing of DESIGN.md §3, shared by every backend source (Kafka, Redis): the
// pending batch goes to the GUI only when the GUI has taken the previous one, and at
// most maxPerSecond times a second unless forced (shutdown, end of a read).

#include "plant_event.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <atomic>
#include <memory>

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

// The batch to emit now (a fresh pending batch takes its place), or nullptr to keep
// coalescing. `inFlight` counts batches the GUI has not applied yet; the receiver
// decrements it.
inline EventBatchPtr takeBatchForHandOff(std::unique_ptr<EventBatch> &pending, std::atomic<int> &inFlight,
                                         int maxPerSecond, QElapsedTimer &sinceLast, bool force)
{
    if (pending->recordsConsumed == 0 && pending->events.empty() && pending->deadLetters.empty()
        && pending->recordsLostToRetention == 0)
        return nullptr;
    if (!handOffDue(inFlight, maxPerSecond, sinceLast, force))
        return nullptr;
    pending->createdMs = QDateTime::currentMSecsSinceEpoch();
    inFlight.fetch_add(1);
    EventBatchPtr batch(pending.release());
    pending = std::make_unique<EventBatch>();
    sinceLast.restart();
    return batch;
}

} // namespace ndh
