// Scrub latency: from a time-slider move to the asset tree and the alarm list
// showing that instant (TimeCursor::setTime + flush: AssetTreeModel::showHistoryAt
// and AlarmTableModel::showAlarmsAt with their signals to a view; HistoryStore::stateAt
// alone is the peer), p50/p99 over random instants, with the plant fed through PlantModels as
// the backend feeds it. A second figure for small steps (an operator dragging
// slowly or stepping with the keys), where few rows change.
// Usage: bench_scrub [events] [assets] [instants]   (default 2000000 10000 1000)

#include "plant_models.h"
#include "time_cursor.h"

#include <QCoreApplication>
#include <QSortFilterProxyModel>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

using namespace ndh;
using Clock = std::chrono::steady_clock;

namespace {

struct Figures
{
    double p50, p99, max;
};

Figures percentiles(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const auto at = [&v](double q) { return v[std::min(v.size() - 1, size_t(q * double(v.size())))]; };
    return {at(0.50), at(0.99), v.back()};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 total = argc > 1 ? atoll(argv[1]) : 2000000;
    const int assets = argc > 2 ? atoi(argv[2]) : 10000;
    const int instants = argc > 3 ? atoi(argv[3]) : 1000;
    std::printf("machine: %d cores\n", QThread::idealThreadCount());
    std::printf("events: %lld over %d assets (5 attributes each, 1 alarm cycle per 1000 events)\n",
                static_cast<long long>(total), assets);

    PlantModels models;
    // A view-like listener on both models, as the GUI has (proxies react to every signal).
    QSortFilterProxyModel treeProxy;
    treeProxy.setSourceModel(models.assetTree());
    treeProxy.setRecursiveFilteringEnabled(true);
    QSortFilterProxyModel alarmProxy;
    alarmProxy.setSourceModel(models.alarms());

    std::mt19937_64 rng(1);
    const qint64 t0 = 1754217000000;
    const int batchSize = 10000;
    qint64 n = 0;
    int alarmSerial = 0;
    while (n < total) {
        auto batch = std::make_shared<EventBatch>();
        for (int i = 0; i < batchSize && n < total; ++i, ++n) {
            PlantEvent e;
            e.messageId = QStringLiteral("m%1").arg(n);
            const int a = int(rng() % quint64(assets));
            e.asset = {QStringLiteral("SITE_%1").arg(a % 20), QStringLiteral("Pump"), QStringLiteral("P%1").arg(a)};
            e.eventTimeMs = t0 + n * 10; // 100 events/s of plant time
            if (n % 1000 == 0) {
                e.kind = (alarmSerial++ % 2) ? EventKind::AlarmCleared : EventKind::AlarmTriggered;
                AlarmInfo info;
                info.alarmId = QStringLiteral("HT%1").arg(a % 50);
                info.priority = 1 + int(rng() % 4);
                e.alarm = info;
            } else {
                e.kind = EventKind::AttributeUpdate;
                e.attributes.push_back({QStringLiteral("a%1").arg(int(rng() % 5)), double(rng() % 10000) / 10.0, {}});
            }
            batch->events.push_back(std::move(e));
        }
        models.applyBatch(batch);
    }
    const HistoryStore &h = models.history();
    std::printf("tree: %d assets, %d attributes; alarms: %d; history: %zu samples\n", models.assetTree()->assetCount(),
                models.assetTree()->attributeCount(), models.alarms()->rowCount(), h.sampleCount());

    TimeCursor *cursor = models.timeCursor();
    std::uniform_int_distribution<qint64> pick(h.firstMs(), h.lastMs());
    std::vector<double> random, steps, stateOnly;
    for (int i = 0; i < instants; ++i) {
        const qint64 t = pick(rng);
        const auto a = Clock::now();
        (void)h.stateAt(t);
        const auto b = Clock::now();
        cursor->setTime(t);
        cursor->flush();
        const auto c = Clock::now();
        stateOnly.push_back(std::chrono::duration<double, std::milli>(b - a).count());
        random.push_back(std::chrono::duration<double, std::milli>(c - b).count());
    }
    // Small steps: one second of plant time (100 events) at a time from a random start.
    qint64 t = pick(rng);
    for (int i = 0; i < instants; ++i) {
        t = std::min(t + 1000, h.lastMs());
        const auto a = Clock::now();
        cursor->setTime(t);
        cursor->flush();
        steps.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
    }
    const auto liveStart = Clock::now();
    cursor->goLive();
    const double liveMs = std::chrono::duration<double, std::milli>(Clock::now() - liveStart).count();

    const Figures r = percentiles(random), s = percentiles(steps), st = percentiles(stateOnly);
    std::printf("stateAt alone (random instant):      p50 %.2f ms  p99 %.2f ms\n", st.p50, st.p99);
    std::printf("scrub to a random instant (to views): p50 %.2f ms  p99 %.2f ms  max %.2f ms\n", r.p50, r.p99, r.max);
    std::printf("scrub by 1 s steps (to views):        p50 %.2f ms  p99 %.2f ms  max %.2f ms\n", s.p50, s.p99, s.max);
    std::printf("return to live (to views):            %.2f ms\n", liveMs);
    std::printf("ratio scrub/stateAt at p50: %.2f\n", r.p50 / st.p50);
    return 0;
}
