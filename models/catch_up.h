#pragma once
// Whether the console is showing the plant as it is now or still reading records
// it has not yet read: at start (it reads the topics from the beginning), after a
// broker outage, or when the plant produces faster than the console reads. The
// operator must not take hours-old values for live ones; the status bar says so,
// with how far behind and, from the recent rate, how long until live.
//
// Fed once per librdkafka statistics interval with the console's own lag (high
// watermark minus position, summed over its partitions) and the high watermarks
// (their growth is the plant's production rate).

#include "connection_health.h"

namespace ndh {

struct CatchUp
{
    enum class State : quint8 {
        Live,          // less behind than about two seconds of production
        CatchingUp,    // behind, and the lag shrinks
        FallingBehind, // behind, and the lag grew over the last two intervals
    };
    State state = State::Live;
    qint64 recordsBehind = 0;
    // The most behind since this spell began: how much of it is read is its progress.
    qint64 peakBehind = 0;
    double secondsLeft = -1;     // at the recent rate, up to a day; -1 not known
    double growthPerSecond = 0;  // FallingBehind: how many more records behind each second
    bool operator==(const CatchUp &) const = default;
};

class CatchUpTracker
{
public:
    // Never "behind" for fewer records than this (a fetch's worth at modest rates).
    static constexpr qint64 kMinRecordsBehind = 2000;
    // Behind means more records than the plant produces in this many seconds.
    static constexpr double kLiveSeconds = 2.0;
    // Longer estimates until live are not given (a drain of a trickle).
    static constexpr double kMaxSecondsLeft = 24 * 3600.0;

    // One statistics sample (KafkaHealth::takenMs is its time). Partitions whose lag
    // is not known yet (no position, no high watermark) are left out; while the set of
    // known ones changes, rates are not judged from the difference.
    const CatchUp &add(const KafkaHealth &health);

private:
    CatchUp m_current;
    bool m_havePrevious = false;
    qint64 m_previousMs = 0;
    qint64 m_previousLag = 0;
    qint64 m_previousHighWatermarks = 0;
    int m_previousKnown = 0;
    double m_drainPerSecond = 0;   // smoothed: records the lag shrinks by each second
    double m_producePerSecond = 0; // smoothed: records the plant adds each second
    bool m_rateKnown = false;
    int m_growingIntervals = 0;
    double m_grownRecords = 0, m_grownSeconds = 0; // over the current run of growing intervals
};

} // namespace ndh
