#include "plant_models.h"

#include <algorithm>

namespace ndh {

namespace {
// Events a portion applies at least: fewer would spend more on the models' per-call
// work (row inserts, change announcements) than on the events.
constexpr size_t kMinPortion = 64;
// Apply cost assumed before any portion was timed.
constexpr qint64 kFirstGuessNsPerEvent = 3000;
} // namespace

PlantModels::PlantModels(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ndh::EventBatchPtr>();
    qRegisterMetaType<ndh::ConnectionStatus>();
    m_continue.setSingleShot(true);
    m_continue.setInterval(0);
    connect(&m_continue, &QTimer::timeout, this, [this] { applyQueued(false); });
}

void PlantModels::applyBatch(const EventBatchPtr &batch)
{
    if (!batch)
        return;
    m_queue.push_back({batch});
    if (m_applying)
        return; // delivered from inside a portion (a model's signal): queued behind
    applyQueued(m_budgetMs <= 0);
    // Still queued (partly applied, or behind another): the sender learns it was kept.
    for (Pending &p : m_queue) {
        if (p.batch == batch && !p.held) {
            p.held = true;
            emit batchHeld(batch);
            break;
        }
    }
}

void PlantModels::setApplyBudgetMs(int ms)
{
    m_budgetMs = std::max(0, ms);
    if (m_budgetMs == 0)
        applyPendingNow();
}

size_t PlantModels::pendingEvents() const
{
    size_t n = 0;
    for (const Pending &p : m_queue)
        n += p.batch->events.size() - p.next;
    return n;
}

void PlantModels::applyPendingNow()
{
    if (!m_applying)
        applyQueued(true);
}

void PlantModels::applyQueued(bool unbounded)
{
    QElapsedTimer clock;
    clock.start();
    const qint64 budgetNs = qint64(m_budgetMs) * 1000000;
    m_applying = true;
    bool first = true; // every turn applies at least one portion
    while (!m_queue.empty()) {
        Pending &p = m_queue.front();
        const size_t n = p.batch->events.size();
        bool spent = false;
        while (p.next < n) {
            size_t count = n - p.next;
            if (!unbounded) {
                // Half of what the rest of the budget is expected to take: the estimate
                // adapts (new rows cost more than updates) and the overrun stays small.
                const qint64 left = budgetNs - clock.nsecsElapsed();
                const qint64 perEvent = m_nsPerEvent > 0 ? m_nsPerEvent : kFirstGuessNsPerEvent;
                const size_t fit = left > 0 ? size_t(left / perEvent) : 0;
                if (!first && fit < kMinPortion) {
                    spent = true;
                    break;
                }
                count = std::min(count, std::max(kMinPortion, fit / 2));
            }
            const qint64 t0 = clock.nsecsElapsed();
            applyRange(*p.batch, p.next, p.next + count);
            const qint64 dt = clock.nsecsElapsed() - t0;
            if (count >= kMinPortion / 2) {
                const qint64 sample = std::max<qint64>(1, dt / qint64(count));
                m_nsPerEvent = m_nsPerEvent > 0 ? (3 * m_nsPerEvent + sample) / 4 : sample;
            }
            if (p.held)
                p.laterNs += dt;
            p.next += count;
            m_eventsApplied += count;
            ++m_portions;
            first = false;
        }
        if (spent)
            break;
        finishBatch(p); // pops it
    }
    m_applying = false;
    if (m_queue.empty())
        m_continue.stop();
    else if (!m_continue.isActive())
        m_continue.start(); // the rest on the next turn, after timers and paints
}

void PlantModels::applyRange(const EventBatch &batch, size_t from, size_t to)
{
    // The same order as a whole batch: each model sees the same prefix after it.
    const std::span<const PlantEvent> part(batch.events.data() + from, to - from);
    // Each id hashed once, by the history, for the tree too.
    m_idHashes.resize(part.size());
    m_history.append(part, m_idHashes.data());
    m_tree.applyEvents(part, m_idHashes);
    m_alarms.applyEvents(part);
    m_series.append(part);
}

void PlantModels::finishBatch(Pending &p)
{
    const Pending done = std::move(p);
    m_queue.pop_front();
    m_deadLetters.append(done.batch->deadLetters);
    m_recordsConsumed += done.batch->recordsConsumed;
    m_recordsLostToRetention += done.batch->recordsLostToRetention;
    ++m_batches;
    emit batchApplied(m_eventsApplied);
    if (done.held)
        emit batchReleased(done.batch, done.laterNs);
}

void PlantModels::applyHistoryBatch(const EventBatchPtr &batch)
{
    if (!batch)
        return;
    m_deadLetters.append(batch->deadLetters);
    if (batch->events.empty())
        return;
    m_history.append(batch->events);
    qint64 from = batch->events.front().eventTimeMs;
    qint64 to = from;
    for (const PlantEvent &e : batch->events) {
        from = std::min(from, e.eventTimeMs);
        to = std::max(to, e.eventTimeMs);
    }
    m_cursor.historyChanged(from);
    emit historyExtended(from, to);
}

void PlantModels::setConnectionStatus(const ConnectionStatus &status)
{
    const bool redis = status.source == ConnectionStatus::Source::Redis;
    (redis ? m_redisStatus : m_status) = status;
    // Values a silent source delivered turn stale in the tree (AssetTreeModel::StaleRole).
    m_tree.setSourceUp(redis ? EventSource::Channel::Redis : EventSource::Channel::Kafka,
                       status.state == ConnectionStatus::State::Connected);
    emit connectionStatusChanged(status);
}

} // namespace ndh
