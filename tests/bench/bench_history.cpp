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
//
// Late mode: the same events appended in time order, and in the order a console
// reads them when a series' values come on several topics (each in order, read in
// turn), which leaves samples older than a series' newest; rates, ratio, and the
// two histories compared.
// Usage: bench_history late [events] [assets] [topics] [run]   (default 3000000 60 3 300)

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

// The same events appended in time order and as a console reads a plant whose values
// come on several topics: each event on one of them at random, each topic in order,
// the topics taken in turn, `run` events of the first before the next (a fetch's
// worth), k + 1 runs of the k-th (they drain at different speeds). A series then
// gets samples older than its newest at every change of topic. Both stores must
// end up the same; the figure is the ingest rate of each and their ratio.
int lateMode(qint64 total, int assets, int topics, int run)
{
    std::printf("machine: %d cores, %s\n", QThread::idealThreadCount(), qPrintable(cpuModel()));
    std::printf("late samples: %lld events over %d assets (5 attributes each), on %d topics read %d events "
                "of one at a time, appended in batches of 10,000\n",
                static_cast<long long>(total), assets, topics, run);
    const QString *names = ndhbench::pumpAttributeNames();
    const std::vector<AssetPath> paths = ndhbench::pumpPaths(assets);
    std::mt19937_64 rng(3);
    const qint64 t0 = 1754217000000;
    std::vector<PlantEvent> inOrder;
    inOrder.reserve(size_t(total));
    for (qint64 i = 0; i < total; ++i) {
        PlantEvent e;
        e.asset = paths[size_t(i % assets)];
        e.eventTimeMs = t0 + i;
        e.attributes.push_back({names[(i / assets) % 5], double(rng() % 10000) / 10.0, {}});
        inOrder.push_back(std::move(e));
    }
    // Each event is on one of the topics, at random; the reader takes `run` events of
    // each topic in turn.
    std::vector<std::vector<size_t>> onTopic(static_cast<size_t>(topics));
    for (qint64 i = 0; i < total; ++i)
        onTopic[size_t(rng() % quint64(topics))].push_back(size_t(i));
    std::vector<size_t> readOrder;
    readOrder.reserve(size_t(total));
    std::vector<size_t> next(static_cast<size_t>(topics), 0);
    while (readOrder.size() < size_t(total)) {
        for (size_t k = 0; k < onTopic.size(); ++k) {
            // Topic k gives k + 1 runs a turn: the topics drain at different speeds, as
            // partitions of different sizes do, so the slower ones fall further behind.
            for (int r = 0; r < run * int(k + 1) && next[k] < onTopic[k].size(); ++r)
                readOrder.push_back(onTopic[k][next[k]++]);
        }
    }
    const auto ingest = [&](HistoryStore &store, const auto &eventAt) {
        std::vector<PlantEvent> batch;
        batch.reserve(10000);
        double spent = 0;
        for (qint64 i = 0; i < total; ++i) {
            batch.push_back(eventAt(i));
            if (batch.size() == 10000 || i == total - 1) {
                const auto a = Clock::now();
                store.append(batch);
                spent += ms(a, Clock::now());
                batch.clear();
            }
        }
        const auto a = Clock::now();
        store.packAll(); // what late samples left unpacked: packed here, and counted
        return spent + ms(a, Clock::now());
    };
    HistoryStore ordered(size_t(16) << 30), late(size_t(16) << 30);
    const double orderedMs = ingest(ordered, [&](qint64 i) { return inOrder[size_t(i)]; });
    const double lateMs = ingest(late, [&](qint64 i) { return inOrder[readOrder[size_t(i)]]; });
    std::printf("in time order: %.0f samples/s (%.2f s); topics in turn: %.0f samples/s (%.2f s); ratio %.2f\n",
                double(total) / orderedMs * 1000.0, orderedMs / 1000.0, double(total) / lateMs * 1000.0,
                lateMs / 1000.0, orderedMs / lateMs);
    std::printf("memory: %.2f bytes per sample in time order, %.2f read from the topics in turn\n",
                double(ordered.memoryBytes()) / double(ordered.sampleCount()),
                double(late.memoryBytes()) / double(late.sampleCount()));
    // The same history either way: every series' values at 200 instants.
    int differ = 0;
    for (int k = 0; k < 200; ++k) {
        const qint64 at = t0 + qint64(rng() % quint64(total));
        const PlantState a = ordered.stateAt(at), b = late.stateAt(at);
        bool same = a.assets().size() == b.assets().size();
        for (auto i = a.assets().begin(), j = b.assets().begin(); same && i != a.assets().end(); ++i, ++j)
            same = i->first == j->first && i->second.attributes == j->second.attributes;
        differ += same ? 0 : 1;
    }
    std::printf("state at 200 random instants compared: %d differ\n", differ);
    return differ == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "plot") == 0)
        return plotMode(argc > 2 ? atoi(argv[2]) : 1000, argc > 3 ? atoi(argv[3]) : 86400, argc > 4 ? atoi(argv[4]) : 200);
    if (argc > 1 && qstrcmp(argv[1], "late") == 0)
        return lateMode(argc > 2 ? atoll(argv[2]) : 3000000, argc > 3 ? atoi(argv[3]) : 60, argc > 4 ? atoi(argv[4]) : 3,
                        argc > 5 ? atoi(argv[5]) : 300);
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
    const QString *names = ndhbench::pumpAttributeNames();
    const std::vector<AssetPath> paths = ndhbench::pumpPaths(assets);
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
