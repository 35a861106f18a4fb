// History engine: ingest rate, bytes per stored sample, and state-at-t latency
// (p50/p99 over random instants) against a naive replay from the beginning
// (EventTimeline, the reference fold) in the same run.
// Usage: bench_history [events] [assets] [instants]   (default 10000000 10000 1000)
//
// Plot mode: a day of 1 Hz samples for 1,000 attributes, then the time to decimate
// 32 curves (8 plots x 4) to 1,600 pixel columns, for the whole day and for random
// zoom windows, as plots get it (HistoryStore::decimate, Auto: the min/max pyramid,
// or a walk when there are at most 8 samples per column) and through the pyramid
// alone, against a walk over every sample in the same run; every result is compared.
// Usage: bench_history plot [attributes] [seconds] [windows]   (default 1000 86400 200)

#include "history_day.h"
#include "history_store.h"
#include "plant_state.h"

#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cmath>
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

double percentile(std::vector<double> v, int p)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, v.size() * size_t(p) / 100)];
}

int plotMode(int attributes, int seconds, int windows)
{
    constexpr int kCurves = 32;
    constexpr int kColumns = 1600;
    attributes = std::max(1, attributes / ndhbench::kAttributesPerPump) * ndhbench::kAttributesPerPump;
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    const QByteArray load = loadavg.open(QIODevice::ReadOnly) ? loadavg.readAll().trimmed() : QByteArray("?");
    std::printf("machine: %d cores, %s, load %s\n", QThread::idealThreadCount(), qPrintable(cpuModel()), load.constData());
    std::printf("plot: %d attributes at 1 Hz for %d s (%lld samples), %d curves to %d columns\n", attributes,
                seconds, static_cast<long long>(attributes) * seconds, kCurves, kColumns);
    std::mt19937_64 rng(6);
    HistoryStore store(size_t(16) << 30);
    double ingestMs = 0;
    ndhbench::generateHistory(attributes, seconds, [&](std::vector<PlantEvent> &batch) {
        const auto a = Clock::now();
        store.append(batch);
        ingestMs += ms(a, Clock::now());
    });
    std::printf("ingest: %.0f samples/s into the history engine (%.1f s)\n",
                double(store.sampleCount()) / ingestMs * 1000.0, ingestMs / 1000.0);
    std::printf("memory: %.2f bytes per stored sample, min/max pyramid included (%zu samples, %.1f MiB)\n",
                double(store.memoryBytes()) / double(store.sampleCount()), store.sampleCount(),
                double(store.memoryBytes()) / 1048576.0);

    const QStringList keys = store.attributeKeys();
    QStringList curves;
    for (int c = 0; c < kCurves; ++c)
        curves << keys[int(rng() % quint64(keys.size()))];
    std::vector<double> t, v, tw, vw;
    size_t mismatches = 0, points = 0;
    using D = HistoryStore::Decimation;
    // One replot's decimation: every curve, one way.
    const auto replot = [&](qint64 from, qint64 to, D how) {
        const auto a = Clock::now();
        for (const QString &key : curves)
            store.decimate(key, from, to, kColumns, t, v, how);
        return ms(a, Clock::now());
    };
    const auto check = [&](qint64 from, qint64 to) {
        for (const QString &key : curves) {
            store.decimate(key, from, to, kColumns, tw, vw, D::Walk);
            for (const D how : {D::Auto, D::Pyramid}) {
                store.decimate(key, from, to, kColumns, t, v, how);
                mismatches += (t != tw || v != vw) ? 1 : 0;
            }
            points += t.size();
        }
    };
    std::vector<double> autoMs, pyr, walk;
    const auto round = [&](qint64 from, qint64 to) {
        autoMs.push_back(replot(from, to, D::Auto));
        pyr.push_back(replot(from, to, D::Pyramid));
        walk.push_back(replot(from, to, D::Walk));
    };
    const auto report = [&](const char *what) {
        const double a50 = percentile(autoMs, 50), w50 = percentile(walk, 50);
        std::printf("%s: decimate p50 %.3f ms, p99 %.3f ms (pyramid alone p50 %.3f ms, p99 %.3f ms); "
                    "walk p50 %.3f ms, p99 %.3f ms; ratio %.1fx (p50)\n",
                    what, a50, percentile(autoMs, 99), percentile(pyr, 50), percentile(pyr, 99), w50,
                    percentile(walk, 99), w50 / a50);
        autoMs.clear();
        pyr.clear();
        walk.clear();
    };

    const qint64 first = store.firstMs(), last = store.lastMs();
    check(first, last);
    std::printf("whole day: %zu points for %d curves\n", points, kCurves);
    for (int r = 0; r < 50; ++r)
        round(first, last);
    report("whole day, 32 curves");

    // Windows from a minute to the whole span, log-uniform in length.
    std::uniform_real_distribution<double> logWidth(std::log(60000.0), std::log(double(last - first)));
    for (int w = 0; w < windows; ++w) {
        const qint64 width = qint64(std::exp(logWidth(rng)));
        const qint64 from = first + qint64(rng() % quint64(std::max<qint64>(1, last - first - width)));
        check(from, from + width);
        round(from, from + width);
    }
    report("random windows (1 min to 1 day), 32 curves");
    std::printf("results compared with the walk: %zu differ (of %d, pyramid and decimate)\n", mismatches,
                2 * kCurves * (windows + 1));
    return mismatches == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "plot") == 0)
        return plotMode(argc > 2 ? atoi(argv[2]) : 1000, argc > 3 ? atoi(argv[3]) : 86400, argc > 4 ? atoi(argv[4]) : 200);
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
