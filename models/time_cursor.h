#pragma once
// The one instant every view shows (DESIGN.md §5): live ("now"), or a moment in the
// history the time slider was moved to. Moving it rebuilds the plant at that instant
// from the history engine and hands it to the asset tree and the alarm list; plots
// read time() for their cursor. Requests are coalesced to one rebuild per GUI frame,
// so a drag that moves the slider 200 times a second costs at most ~60 rebuilds.
// Playback advances the instant at 0.1x to 100x real time and returns to live when
// it catches up with the newest event. Live data keeps flowing into the history (and
// underneath the views) while the cursor is away from live.

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <optional>

class QTimer;

namespace ndh {

class AlarmTableModel;
class AssetTreeModel;
class HistoryStore;

class TimeCursor : public QObject
{
    Q_OBJECT
public:
    static constexpr double kMinSpeed = 0.1;
    static constexpr double kMaxSpeed = 100.0;
    static constexpr int kFrameMs = 16;     // coalescing of scrub requests
    static constexpr int kPlayTickMs = 40;  // playback step (25 Hz)

    TimeCursor(const HistoryStore *history, AssetTreeModel *tree, AlarmTableModel *alarms,
               QObject *parent = nullptr);

    bool isLive() const { return m_live; }
    // The instant shown: the requested one when not live, the newest event when live.
    qint64 timeMs() const;
    // The instant the views show now (lags timeMs() by at most one frame while dragging).
    qint64 shownMs() const { return m_shownMs; }
    bool isPlaying() const { return m_playing; }
    double speed() const { return m_speed; }
    quint64 rebuilds() const { return m_rebuilds; }

    // The span the slider offers: first..last event known (live, backfill, files).
    qint64 firstMs() const;
    qint64 lastMs() const;

public slots:
    // Leaves live (if needed) and shows atMs, clamped to the known span. Coalesced:
    // the views update at the next frame (or at flush()).
    void setTime(qint64 atMs);
    void goLive();
    void play();
    void pause();
    void togglePlay();
    void setSpeed(double speed); // clamped to [kMinSpeed, kMaxSpeed]
    // Steps to the neighbouring event (of one asset when assetKey is not empty).
    // False when there is none in that direction.
    bool stepToNextEvent(const QString &assetKey = {});
    bool stepToPreviousEvent(const QString &assetKey = {});
    // Applies a pending request now (tests, benchmarks, before a screenshot).
    void flush();
    // History older than or at the shown instant changed (backfill): show it again.
    void historyChanged(qint64 earliestChangedMs);

signals:
    void timeChanged(qint64 atMs);   // at every request (labels, slider handle)
    void shown(qint64 atMs);         // after the tree and alarm list show atMs
    void liveChanged(bool live);
    void playingChanged(bool playing);
    void speedChanged(double speed);

private:
    void apply();
    void onPlayTick();

    const HistoryStore *m_history;
    AssetTreeModel *m_tree;
    AlarmTableModel *m_alarms;
    QTimer *m_frameTimer;
    QTimer *m_playTimer;
    QElapsedTimer m_playClock;
    bool m_live = true;
    bool m_playing = false;
    double m_speed = 1.0;
    double m_playPosMs = 0; // fractional playback position (0.1x moves < 1 ms per tick)
    qint64 m_requestedMs = 0;
    qint64 m_shownMs = 0;
    quint64 m_rebuilds = 0;
};

} // namespace ndh
