#pragma once
// The always-visible link state in the status bar: state name, endpoint, time in
// state and, when something is wrong, the last error in words. Grey when connected;
// amber or red only when the link is not healthy (ISA-101). Offline on a log file is
// neutral: "Offline: file". Long work with numbers shows a progress bar beside it.

#include "catch_up.h"
#include "connection_status.h"

#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QTimer;

namespace ndh {

class ConnectionStatusWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionStatusWidget(QWidget *parent = nullptr);

    void setStatus(const ConnectionStatus &status);
    // Records the broker deleted before the console could read them (retention):
    // shown beside the link for as long as the console runs, explained in the tooltip.
    void setRecordsLostToRetention(quint64 records);
    quint64 recordsLostToRetention() const { return m_lostToRetention; }
    // Kafka: how far the console is behind the plant (CatchUpTracker). While
    // connected and behind, the state reads "Catching up" or "Falling behind" in
    // amber, the details how many records and how long until live, and the bar how
    // much of the backlog is read.
    void setCatchUp(const CatchUp &catchUp);
    const ConnectionStatus &status() const { return m_status; }

    // Clock for "time in state"; tests pin it.
    void setClock(std::function<qint64()> nowMs);

    // What the operator reads, for tests and the accessible name.
    QString stateText() const;
    QString detailText() const;
    bool isAbnormal() const;
    bool isBehind() const; // connected, and not showing the plant as it is now
    QProgressBar *progressBar() const { return m_progress; }

    // "45 s", "3 min 12 s", "2 h 5 min", "3 d 4 h".
    static QString durationText(qint64 ms);

private:
    void refresh();

    ConnectionStatus m_status;
    quint64 m_lostToRetention = 0;
    CatchUp m_catchUp;
    qint64 m_enteredMs = 0; // when we saw this state, if the backend gave no time
    std::function<qint64()> m_now;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_detailLabel = nullptr;
    QProgressBar *m_progress = nullptr; // long work with numbers (Redis state read)
    QTimer *m_tick = nullptr;
};

} // namespace ndh
