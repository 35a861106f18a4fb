#pragma once
// Alarm-system performance figures of EEMUA 191 / ISA-18.2 over a time range:
// activation rate per 10 minutes, flood episodes (more than 10 activations in 10
// minutes starts one, fewer than 5 ends it), top contributors, chattering (more than
// 3 activations of one alarm within a minute), stale alarms (active over 24 h) and the
// priority distribution. Pure computation over an AlarmStateMachine.

#include "alarm_state_machine.h"

#include <QString>

#include <array>
#include <vector>

namespace ndh {

struct FloodEpisode
{
    qint64 startMs = 0;
    qint64 endMs = 0; // 0 while the flood goes on
};

struct AlarmKpis
{
    static constexpr qint64 kWindowMs = 10 * 60 * 1000;
    static constexpr int kFloodStartAbove = 10;
    static constexpr int kFloodEndBelow = 5;
    static constexpr qint64 kChatterWindowMs = 60 * 1000;
    static constexpr int kChatterAbove = 3;
    static constexpr qint64 kStaleMs = 24LL * 3600 * 1000;

    qint64 fromMs = 0;
    qint64 toMs = 0;
    int activations = 0;
    double perTenMinutes = 0.0;      // average over the range
    int lastTenMinutes = 0;          // activations in the 10 minutes before toMs
    bool inFlood = false;            // at toMs
    qint64 timeInFloodMs = 0;        // within the range
    std::vector<FloodEpisode> floods;
    struct Contributor
    {
        QString alarmKey;
        int activations = 0;
    };
    std::vector<Contributor> top;    // up to 10, most activations first
    std::vector<QString> chattering; // alarm keys
    std::vector<QString> stale;      // alarm keys
    std::array<int, 5> byPriority{}; // [0] unknown, [1] critical .. [4] low

    static AlarmKpis compute(const AlarmStateMachine &machine, qint64 fromMs, qint64 toMs);
};

} // namespace ndh
