#pragma once
// The GUI-thread side of ingest: owns the item models and stores that views read,
// and applies each backend batch to all of them.
//
// With an apply budget (setApplyBudgetMs(), the console sets one) a batch that takes
// longer goes in over several event-loop turns: events are applied in order, in
// portions that stop once the turn's budget is spent, and the rest continues on the
// next turn, so timers and paints run in between. After each portion every model
// holds the same prefix of the events. Batches that arrive meanwhile queue behind, in
// order. A sender with back-pressure (IngestBackend) learns from batchHeld() that a
// batch outlived its hand-off and from batchReleased() that it is all in.

#include "alarm_table_model.h"
#include "asset_tree_model.h"
#include "connection_status.h"
#include "dead_letter_model.h"
#include "history_store.h"
#include "plant_event.h"
#include "series_store.h"
#include "time_cursor.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <deque>
#include <vector>

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

    // The console's budget for live ingest: with the views' share of a turn (a few
    // ms of paints and replots) a turn stays well inside a 60 Hz frame.
    static constexpr int kLiveApplyBudgetMs = 4;
    // GUI time, in ms, one event-loop turn may spend applying batches; the rest of a
    // batch waits for the next turn. 0 (the default): each batch at once, in the call.
    void setApplyBudgetMs(int ms);
    int applyBudgetMs() const { return m_budgetMs; }
    // Events received and not yet in the models.
    size_t pendingEvents() const;
    // Applies everything pending now, whatever the budget (shutdown, tests).
    void applyPendingNow();
    // Portions applied so far (each a prefix of its batch, in one turn).
    quint64 portionsApplied() const { return m_portions; }

public slots:
    void applyBatch(const ndh::EventBatchPtr &batch);
    void setConnectionStatus(const ndh::ConnectionStatus &status);
    // History loaded from Kafka or a file: into the history engine only (the live
    // tree, alarm list and plots' live buffers stay live); a scrubbed view that this
    // history touches is shown again.
    void applyHistoryBatch(const ndh::EventBatchPtr &batch);

signals:
    // After a batch is in every model (all of it); plots mark themselves dirty on this.
    void batchApplied(quint64 eventsApplied);
    // applyBatch() returns with part of this batch still to apply (an apply budget).
    void batchHeld(const ndh::EventBatchPtr &batch);
    // A held batch is now in every model; laterNs: the GUI time spent applying it
    // after the applyBatch() call that delivered it returned.
    void batchReleased(const ndh::EventBatchPtr &batch, qint64 laterNs);
    void connectionStatusChanged(const ndh::ConnectionStatus &status);
    // After applyHistoryBatch(): the event-time span the batch covered.
    void historyExtended(qint64 fromMs, qint64 toMs);

private:
    struct Pending
    {
        EventBatchPtr batch;
        size_t next = 0;     // events applied so far: the prefix every model holds
        bool held = false;   // batchHeld() was emitted for it
        qint64 laterNs = 0;  // apply time in turns after its delivery
    };
    // Applies queued events until the budget of this turn is spent (all of them
    // without one).
    void applyQueued(bool unbounded);
    void applyRange(const EventBatch &batch, size_t from, size_t to);
    void finishBatch(Pending &p);
    void continueLater();

    AssetTreeModel m_tree;
    DeadLetterModel m_deadLetters;
    AlarmTableModel m_alarms;
    SeriesStore m_series;
    HistoryStore m_history;
    std::vector<quint64> m_idHashes; // applyRange()'s: the part's message ids, hashed once
    ConnectionStatus m_status;
    ConnectionStatus m_redisStatus;
    TimeCursor m_cursor{&m_history, &m_tree, &m_alarms};
    quint64 m_eventsApplied = 0;
    quint64 m_recordsConsumed = 0;
    quint64 m_recordsLostToRetention = 0;
    quint64 m_batches = 0;
    quint64 m_portions = 0;
    int m_budgetMs = 0;
    std::deque<Pending> m_queue;
    QTimer m_continue;        // the next turn's portion
    qint64 m_nsPerEvent = 0;  // recent apply cost, to size portions
    bool m_applying = false;  // inside applyQueued (a model's signal may re-enter)
};

} // namespace ndh
