#pragma once
// The plant history the plot benchmarks draw (issue 6): `attributes` attributes at
// 1 Hz for `seconds` seconds, 5 per pump (one event per pump per second), random
// walks with rare spikes, handed over in time order in batches of about 10,000
// events. Same seed, same history.

#include "plant_event.h"

#include <QString>

#include <random>
#include <vector>

namespace ndhbench {

inline constexpr int kAttributesPerPump = 5;

// The pumps' attribute names, kAttributesPerPump of them.
inline const QString *pumpAttributeNames()
{
    static const QString names[kAttributesPerPump] = {QStringLiteral("flow_rate"), QStringLiteral("temperature"),
                                                      QStringLiteral("pressure"), QStringLiteral("vibration"),
                                                      QStringLiteral("speed")};
    return names;
}

// Paths of `pumps` pumps spread over 10 sites: SITE_<a % 10>/Pump/PUMP_<a>.
inline std::vector<ndh::AssetPath> pumpPaths(int pumps)
{
    std::vector<ndh::AssetPath> paths;
    for (int a = 0; a < pumps; ++a)
        paths.push_back({QStringLiteral("SITE_%1").arg(a % 10), QStringLiteral("Pump"), QStringLiteral("PUMP_%1").arg(a)});
    return paths;
}

// sink(std::vector<ndh::PlantEvent> &batch) for each batch; returns the first time.
template<typename Sink>
qint64 generateHistory(int attributes, int seconds, Sink &&sink)
{
    using namespace ndh;
    const int pumps = std::max(1, attributes / kAttributesPerPump);
    const qint64 t0 = 1754217000000;
    const QString *names = pumpAttributeNames();
    const std::vector<AssetPath> paths = pumpPaths(pumps);
    std::mt19937_64 rng(6);
    std::vector<double> level(size_t(pumps * kAttributesPerPump), 50.0);
    std::normal_distribution<double> step(0.0, 0.5);
    std::vector<PlantEvent> batch;
    for (int s = 0; s < seconds; ++s) {
        for (int a = 0; a < pumps; ++a) {
            PlantEvent e;
            e.asset = paths[size_t(a)];
            e.eventTimeMs = t0 + qint64(s) * 1000 + a % 1000;
            for (int k = 0; k < kAttributesPerPump; ++k) {
                double &x = level[size_t(a * kAttributesPerPump + k)];
                x += step(rng);
                e.attributes.push_back({names[k], rng() % 5000 == 0 ? x + 40.0 : x, {}});
            }
            batch.push_back(std::move(e));
        }
        if (batch.size() >= 10000 || s == seconds - 1) {
            sink(batch);
            batch.clear();
        }
    }
    return t0;
}

} // namespace ndhbench
