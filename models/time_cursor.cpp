#include "time_cursor.h"

#include "alarm_table_model.h"
#include "asset_tree_model.h"
#include "history_store.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace ndh {

TimeCursor::TimeCursor(const HistoryStore *history, AssetTreeModel *tree, AlarmTableModel *alarms, QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_tree(tree)
    , m_alarms(alarms)
    , m_frameTimer(new QTimer(this))
    , m_playTimer(new QTimer(this))
{
    m_frameTimer->setSingleShot(true);
    m_frameTimer->setInterval(kFrameMs);
    m_frameTimer->setTimerType(Qt::PreciseTimer);
    connect(m_frameTimer, &QTimer::timeout, this, &TimeCursor::apply);
    m_playTimer->setInterval(kPlayTickMs);
    connect(m_playTimer, &QTimer::timeout, this, &TimeCursor::onPlayTick);
    if (m_tree)
        m_tree->setHistory(m_history);
}

qint64 TimeCursor::firstMs() const
{
    return m_history->isEmpty() ? QDateTime::currentMSecsSinceEpoch() : m_history->firstMs();
}

qint64 TimeCursor::lastMs() const
{
    return m_history->isEmpty() ? QDateTime::currentMSecsSinceEpoch() : m_history->lastMs();
}

qint64 TimeCursor::timeMs() const
{
    return m_live ? lastMs() : m_requestedMs;
}

void TimeCursor::setTime(qint64 atMs)
{
    const qint64 t = std::clamp(atMs, firstMs(), std::max(firstMs(), lastMs()));
    const bool wasLive = m_live;
    m_live = false;
    m_requestedMs = t;
    m_playPosMs = double(t);
    if (wasLive)
        emit liveChanged(false);
    emit timeChanged(t);
    if (!m_frameTimer->isActive())
        m_frameTimer->start();
}

void TimeCursor::flush()
{
    if (m_frameTimer->isActive()) {
        m_frameTimer->stop();
        apply();
    }
}

void TimeCursor::apply()
{
    if (m_live)
        return;
    const qint64 t = m_requestedMs;
    // Row by row from the history engine: building a whole PlantState (10,000
    // maps) per frame was most of the cost of a scrub.
    if (m_tree)
        m_tree->showHistoryAt(t);
    if (m_alarms)
        m_alarms->showAlarmsAt(m_history->alarmStateAt(t), t);
    m_shownMs = t;
    ++m_rebuilds;
    emit shown(t);
}

void TimeCursor::goLive()
{
    m_frameTimer->stop();
    pause();
    if (m_live)
        return;
    m_live = true;
    if (m_tree)
        m_tree->returnToLive();
    if (m_alarms)
        m_alarms->returnToLive();
    m_shownMs = lastMs();
    emit liveChanged(true);
    emit timeChanged(m_shownMs);
}

void TimeCursor::play()
{
    if (m_playing)
        return;
    if (m_live) {
        // Nothing ahead of live: playing starts from the beginning of what is known.
        setTime(firstMs());
    }
    m_playing = true;
    m_playPosMs = double(m_requestedMs);
    m_playClock.start();
    m_playTimer->start();
    emit playingChanged(true);
}

void TimeCursor::pause()
{
    if (!m_playing)
        return;
    m_playing = false;
    m_playTimer->stop();
    emit playingChanged(false);
}

void TimeCursor::togglePlay()
{
    if (m_playing)
        pause();
    else
        play();
}

void TimeCursor::setSpeed(double speed)
{
    const double s = std::clamp(speed, kMinSpeed, kMaxSpeed);
    if (s == m_speed)
        return;
    m_speed = s;
    emit speedChanged(s);
}

void TimeCursor::onPlayTick()
{
    const qint64 elapsed = m_playClock.restart();
    m_playPosMs += double(elapsed) * m_speed;
    if (m_playPosMs >= double(lastMs())) {
        goLive(); // caught up with the present
        return;
    }
    const qint64 t = qint64(m_playPosMs);
    const double pos = m_playPosMs;
    setTime(t);
    m_playPosMs = pos; // keep the fraction setTime() rounded away
}

bool TimeCursor::stepToNextEvent(const QString &assetKey)
{
    if (m_live)
        return false; // nothing after live
    const auto next = m_history->nextEventAfter(m_requestedMs, assetKey);
    if (!next)
        return false;
    setTime(*next);
    return true;
}

bool TimeCursor::stepToPreviousEvent(const QString &assetKey)
{
    const qint64 from = m_live ? lastMs() : m_requestedMs;
    const auto previous = m_history->previousEventBefore(from, assetKey);
    if (!previous)
        return false;
    setTime(*previous);
    return true;
}

void TimeCursor::historyChanged(qint64 earliestChangedMs)
{
    if (!m_live && earliestChangedMs <= m_requestedMs && !m_frameTimer->isActive())
        m_frameTimer->start();
}

} // namespace ndh
