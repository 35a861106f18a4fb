#include "plant_models.h"

#include <algorithm>

namespace ndh {

PlantModels::PlantModels(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ndh::EventBatchPtr>();
    qRegisterMetaType<ndh::ConnectionStatus>();
}

void PlantModels::applyBatch(const EventBatchPtr &batch)
{
    if (!batch)
        return;
    m_history.append(batch->events);
    m_tree.applyEvents(batch->events);
    m_alarms.applyEvents(batch->events);
    m_series.append(batch->events);
    m_deadLetters.append(batch->deadLetters);
    m_eventsApplied += batch->events.size();
    m_recordsConsumed += batch->recordsConsumed;
    m_recordsLostToRetention += batch->recordsLostToRetention;
    ++m_batches;
    emit batchApplied(m_eventsApplied);
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
