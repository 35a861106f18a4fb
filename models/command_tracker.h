#pragma once
// Every command this console sent, followed to its end (issue 8):
//   pending (audited, handed to the producer)
//   -> sent (the broker acknowledged the record)
//   -> completed / failed (commands.response / commands.failed with our correlation id)
//   or timed out (no reply within the command's timeout after it was sent)
//   or outcome unknown (the broker did not confirm in time: it may or may not have it)
//   or not sent (the broker refused it; it never reached the topic).
// Nothing here sends or re-sends: the table only listens. Replies that arrive late,
// twice, or for a correlation id this console never sent are shown as such, never
// counted as a new outcome of another command.

#include "plant_event.h"

#include <QAbstractTableModel>
#include <QJsonObject>

#include <functional>
#include <vector>

class QTimer;

namespace ndh {

enum class CommandState : quint8 { Pending, Sent, Completed, Failed, TimedOut, OutcomeUnknown, NotSent };
QString commandStateName(CommandState state);     // "completed": audit log and wire form
QString commandStateDisplay(CommandState state);  // translated, for the table
bool isFinal(CommandState state);                 // completed, failed, not sent

struct TrackedCommand
{
    QString correlationId;
    AssetPath asset;
    QString command;     // wire name
    QString label;       // as in the catalog
    QJsonObject parameters;
    QString attribute;   // attribute it drives, if any
    QString who;
    QString role;
    int timeoutSec = 10;
    qint64 createdMs = 0;
    qint64 sentMs = 0;
    qint64 finishedMs = 0; // reply, refusal or time-out
    CommandState state = CommandState::Pending;
    QString detail;        // reason, reply text, lateness, duplicates
    bool late = false;     // the reply came after the console gave up waiting
    int extraReplies = 0;  // duplicates and contradictions after the first reply
};

class CommandTracker : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, AssetColumn, CommandColumn, ParametersColumn, StateColumn, DetailColumn,
                  UserColumn, CorrelationColumn, ColumnCount };
    enum Roles { StateRole = Qt::UserRole + 1, AssetKeyRole, CorrelationRole };

    // The broker's acknowledgement may take librdkafka's message timeout (10 s) plus
    // a margin; after that the console says it does not know.
    static constexpr qint64 kAckTimeoutMs = 15000;
    static constexpr int kMaxRows = 5000;

    explicit CommandTracker(QObject *parent = nullptr);

    void setClock(std::function<qint64()> now) { m_now = std::move(now); }
    // How long a command may wait for the broker's acknowledgement (default kAckTimeoutMs).
    void setAckTimeoutMs(qint64 ms) { m_ackTimeoutMs = ms; }
    qint64 now() const { return m_now(); }
    // Starts a 1 s timer that checks for time-outs (tests call checkTimeouts()).
    void startTimeoutTimer();

    // A command audited and handed to the producer.
    void addPending(TrackedCommand command);
    // The delivery report for a record (IngestBackend::published); ignores ids it does not track.
    bool onPublished(const QString &correlationId, bool ok, const QString &error);
    // Replies among consumed events (commands.response / commands.failed).
    void applyEvents(const std::vector<PlantEvent> &events);
    void checkTimeouts();

    const TrackedCommand *find(const QString &correlationId) const;
    const std::vector<TrackedCommand> &commands() const { return m_rows; }
    int unmatchedReplies() const { return m_unmatched; }
    int countIn(CommandState state) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString parametersText(const QJsonObject &parameters);
    // Words from a reply's event_data: reason, error, message, result or status.
    static QString replyText(const PlantEvent &reply);

signals:
    // After every state change (audit outcome records, plot markers, status bar).
    void commandChanged(const ndh::TrackedCommand &command, ndh::CommandState previous);
    // A reply for a correlation id this console did not send (or no longer keeps).
    void unmatchedReply(const QString &correlationId, const QString &assetKey, const QString &text);

private:
    int rowOf(const QString &correlationId) const;
    void setState(int row, CommandState state, const QString &detail);
    void changed(int row);
    void applyReply(const PlantEvent &e);

    std::vector<TrackedCommand> m_rows;
    std::function<qint64()> m_now;
    QTimer *m_timer = nullptr;
    int m_unmatched = 0;
    qint64 m_ackTimeoutMs = kAckTimeoutMs;
};

} // namespace ndh

Q_DECLARE_METATYPE(ndh::TrackedCommand)
Q_DECLARE_METATYPE(ndh::CommandState)
