// History engine: ingest rate, bytes per stored sample, and state-at-t latency
// (p50/p99 over random instants) against a naive replay from the beginning
// (EventTimeline, the reference fold) in the same run.
// Usage: bench_history [events] [assets] [instants]   (default 10000000 10000 1000)

#include "history_store.h"
#include "plant_state.h"

#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

using namespace ndh;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 total = argc > 1 ? atoll(argv[1]) : 10000000;
    const int assets = argc > 2 ? atoi(argv[2]) : 10000;
    const int instants = argc > 3 ? atoi(argv[3]) : 1000;
    std::printf("machine: %d cores, %s\n", QThread::idealThreadCount(), qPrintable(cpuModel()));
    std::printf("events: %lld over %d assets (5 attributes each, 1 alarm cycle per 1000 events)\n",
                static_cast<long long>(total), assets);

    std::mt19937_64 rng(1);
    HistoryStore store(size_t(16) << 30);
    EventTimeline naive;
    const bool withNaive = total <= 2000000; // the reference keeps whole events: bounded here
    const qint64 t0 = 1754217000000;
    const int batchSize = 10000;
    double ingestMs = 0;
    std::vector<PlantEvent> batch;
    batch.reserve(batchSize);
    static const QString names[] = {QStringLiteral("flow_rate"), QStringLiteral("temperature"),
                                    QStringLiteral("pressure"), QStringLiteral("vibration"), QStringLiteral("speed")};
    std::vector<AssetPath> paths;
    for (int a = 0; a < assets; ++a)
        paths.push_back({QStringLiteral("SITE_%1").arg(a % 10), QStringLiteral("Pump"), QStringLiteral("PUMP_%1").arg(a)});
    for (qint64 i = 0; i < total; ++i) {
        PlantEvent e;
        e.asset = paths[size_t(i % assets)];
        e.eventTimeMs = t0 + i; // 1000 events/s of plant time
        if (i % 1000 == 999) {
            e.kind = (i / 1000) % 2 ? EventKind::AlarmCleared : EventKind::AlarmTriggered;
            AlarmInfo al;
            al.alarmId = QStringLiteral("HT");
            al.priority = 2;
            e.alarm = al;
        } else {
            e.attributes.push_back({names[i % 5], double(rng() % 10000) / 10.0, {}});
        }
        batch.push_back(std::move(e));
        if (int(batch.size()) == batchSize || i == total - 1) {
            const auto a = Clock::now();
            store.append(batch);
            ingestMs += ms(a, Clock::now());
            if (withNaive) {
                for (auto &ev : batch)
                    naive.add(std::move(ev));
            }
            batch.clear();
        }
    }
    std::printf("ingest: %.0f events/s into the history engine (%.1f s)\n", double(total) / ingestMs * 1000.0,
                ingestMs / 1000.0);
    std::printf("memory: %.2f bytes per stored sample (%zu samples, %.1f MiB)\n",
                double(store.memoryBytes()) / double(store.sampleCount()), store.sampleCount(),
                double(store.memoryBytes()) / 1048576.0);

    std::vector<double> lat;
    std::vector<qint64> ats;
    for (int i = 0; i < instants; ++i)
        ats.push_back(store.firstMs() + qint64(rng() % quint64(store.lastMs() - store.firstMs() + 1)));
    for (qint64 at : ats) {
        const auto a = Clock::now();
        const PlantState s = store.stateAt(at);
        lat.push_back(ms(a, Clock::now()));
        if (s.assets().empty() && at > store.firstMs() + assets)
            std::printf("unexpected empty state\n");
    }
    std::sort(lat.begin(), lat.end());
    const double p50 = lat[lat.size() / 2];
    const double p99 = lat[std::min(lat.size() - 1, lat.size() * 99 / 100)];
    std::printf("state at t: p50 %.2f ms, p99 %.2f ms over %d random instants\n", p50, p99, instants);
    if (withNaive) {
        std::vector<double> naiveLat;
        for (int i = 0; i < 5; ++i) {
            const auto a = Clock::now();
            const PlantState s = naive.stateAt(ats[size_t(i)]);
            naiveLat.push_back(ms(a, Clock::now()));
        }
        std::sort(naiveLat.begin(), naiveLat.end());
        std::printf("naive replay from the beginning: median %.1f ms (5 instants); ratio %.0fx\n",
                    naiveLat[2], naiveLat[2] / p50);
    } else {
        std::printf("naive replay skipped above 2,000,000 events (run with fewer events for the ratio)\n");
    }
    return 0;
}
