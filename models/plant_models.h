#pragma once
// The GUI-thread side of ingest: owns the item models and stores that views read,
// and applies each backend batch to all of them at once.

#include "alarm_table_model.h"
#include "asset_tree_model.h"
#include "connection_status.h"
#include "dead_letter_model.h"
#include "history_store.h"
#include "plant_event.h"
#include "series_store.h"
#include "time_cursor.h"

#include <QObject>

namespace ndh {

class PlantModels : public QObject
{
    Q_OBJECT
public:
    explicit PlantModels(QObject *parent = nullptr);

    AssetTreeModel *assetTree() { return &m_tree; }
    DeadLetterModel *deadLetters() { return &m_deadLetters; }
    AlarmTableModel *alarms() { return &m_alarms; }
    const HistoryStore &history() const { return m_history; }
    HistoryStore &history() { return m_history; }
    const SeriesStore &series() const { return m_series; }
    SeriesStore &series() { return m_series; } // tests and settings: the live buffers' budget
    const ConnectionStatus &connectionStatus() const { return m_status; } // Kafka
    const ConnectionStatus &redisStatus() const { return m_redisStatus; }
    // The instant every view shows (live or scrubbed); see TimeCursor.
    TimeCursor *timeCursor() { return &m_cursor; }

    quint64 eventsApplied() const { return m_eventsApplied; }
    quint64 recordsConsumed() const { return m_recordsConsumed; }
    // Records the broker deleted (retention) before the console read them.
    quint64 recordsLostToRetention() const { return m_recordsLostToRetention; }
    quint64 batchesApplied() const { return m_batches; }

public slots:
    void applyBatch(const ndh::EventBatchPtr &batch);
    void setConnectionStatus(const ndh::ConnectionStatus &status);
    // History loaded from Kafka or a file: into the history engine only (the live
    // tree, alarm list and plots' live buffers stay live); a scrubbed view that this
    // history touches is shown again.
    void applyHistoryBatch(const ndh::EventBatchPtr &batch);

signals:
    // After a batch is in every model; plots mark themselves dirty on this.
    void batchApplied(quint64 eventsApplied);
    void connectionStatusChanged(const ndh::ConnectionStatus &status);
    // After applyHistoryBatch(): the event-time span the batch covered.
    void historyExtended(qint64 fromMs, qint64 toMs);

private:
    AssetTreeModel m_tree;
    DeadLetterModel m_deadLetters;
    AlarmTableModel m_alarms;
    SeriesStore m_series;
    HistoryStore m_history;
    ConnectionStatus m_status;
    ConnectionStatus m_redisStatus;
    TimeCursor m_cursor{&m_history, &m_tree, &m_alarms};
    quint64 m_eventsApplied = 0;
    quint64 m_recordsConsumed = 0;
    quint64 m_recordsLostToRetention = 0;
    quint64 m_batches = 0;
};

} // namespace ndh
