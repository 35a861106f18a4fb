#include "catch_up.h"

#include <algorithm>

namespace ndh {

const CatchUp &CatchUpTracker::add(const KafkaHealth &health)
{
    qint64 lag = 0;
    qint64 highWatermarks = 0;
    int known = 0;
    for (const PartitionLag &p : health.partitions) {
        if (p.lag() < 0)
            continue;
        lag += p.lag();
        highWatermarks += p.highWatermark;
        ++known;
    }
    const double dt = double(health.takenMs - m_previousMs) / 1000.0;
    if (m_havePrevious && known == m_previousKnown && dt > 0) {
        // Smoothed over a few intervals: a fetch landing just before or after a
        // sample moves one interval's figure a lot.
        const double drain = double(m_previousLag - lag) / dt;
        const double produce = std::max(0.0, double(highWatermarks - m_previousHighWatermarks) / dt);
        m_drainPerSecond = m_rateKnown ? 0.5 * m_drainPerSecond + 0.5 * drain : drain;
        m_producePerSecond = m_rateKnown ? 0.5 * m_producePerSecond + 0.5 * produce : produce;
        m_rateKnown = true;
        if (lag > m_previousLag) {
            // The growth over the whole run of growing intervals, from the lags
            // themselves: the smoothed drain still remembers a faster past.
            ++m_growingIntervals;
            m_grownRecords += double(lag - m_previousLag);
            m_grownSeconds += dt;
        } else {
            m_growingIntervals = 0;
            m_grownRecords = m_grownSeconds = 0;
        }
    } else {
        m_rateKnown = false;
        m_growingIntervals = 0;
        m_grownRecords = m_grownSeconds = 0;
    }
    m_havePrevious = true;
    m_previousMs = health.takenMs;
    m_previousLag = lag;
    m_previousHighWatermarks = highWatermarks;
    m_previousKnown = known;

    const double threshold = std::max(double(kMinRecordsBehind), kLiveSeconds * m_producePerSecond);
    CatchUp next;
    next.recordsBehind = lag;
    if (double(lag) <= threshold) {
        m_current = next; // live: a later spell starts its progress afresh
        return m_current;
    }
    const bool wasBehind = m_current.state != CatchUp::State::Live;
    next.peakBehind = std::max(lag, wasBehind ? m_current.peakBehind : 0);
    if (m_growingIntervals >= 2) {
        next.state = CatchUp::State::FallingBehind;
        next.growthPerSecond = m_grownSeconds > 0 ? m_grownRecords / m_grownSeconds : 0;
    } else {
        next.state = CatchUp::State::CatchingUp;
        // A console that reads about as fast as the plant writes drains a trickle:
        // an estimate of days says nothing, and none is given.
        if (m_rateKnown && m_drainPerSecond > 0 && double(lag) / m_drainPerSecond <= kMaxSecondsLeft)
            next.secondsLeft = double(lag) / m_drainPerSecond;
    }
    m_current = next;
    return m_current;
}

} // namespace ndh
