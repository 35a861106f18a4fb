// UI responsiveness under full ingest: the console's main window (asset tree, alarm
// list and banner, alarm KPIs, dead letters) with 8 plots x 4 curves following live
// data, fed by the real backend (IngestBackend on its thread) from the embedded
// broker as fast as it goes. A 1 ms PreciseTimer on the GUI thread measures how late
// the event loop answers (stall). Peer in the same run: the same window idle.
//
//   QT_QPA_PLATFORM=offscreen bench_ui [records=1000000] [partitions=80]

#include "bench_support.h"
#include "embedded_broker.h"
#include "ingest_backend.h"
#include "main_window.h"
#include "plant_models.h"
#include "plot_area.h"
#include "plot_panel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace ndh;
using namespace ndhbench;

namespace {

const QByteArray kTopic = "ndh.assets.state.attribute_changed";

struct Stall
{
    std::vector<double> lateMs;
    double worst = 0;
};

// Runs the event loop for `ms` (or until `done` says so) while a 1 ms timer records
// how late each of its ticks fires.
Stall measure(int maxMs, const std::function<bool()> &done)
{
    Stall s;
    QElapsedTimer clock;
    clock.start();
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(1);
    qint64 last = clock.nsecsElapsed();
    QEventLoop loop;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        const qint64 now = clock.nsecsElapsed();
        const double late = std::max(0.0, double(now - last) / 1e6 - 1.0);
        s.lateMs.push_back(late);
        s.worst = std::max(s.worst, late);
        last = now;
        if (clock.elapsed() >= maxMs || done())
            loop.quit();
    });
    timer.start();
    loop.exec();
    return s;
}

void print(const char *what, Stall s)
{
    const double p50 = percentile(s.lateMs, 0.5);
    const double p99 = percentile(s.lateMs, 0.99);
    std::printf("%s: event-loop stall p50 %.2f ms, p99 %.2f ms, max %.1f ms (%zu ticks)\n", what, p50, p99, s.worst,
                s.lateMs.size());
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("ndh-bench")); // leaves the console's own settings alone
    const QStringList args = app.arguments();
    const quint64 records = args.size() > 1 ? args[1].toULongLong() : 1000000;
    const int partitions = args.size() > 2 ? args[2].toInt() : 80;
    printMachine();
    EmbeddedBroker broker;
    if (!broker.start(partitions, 1, {QString::fromLatin1(kTopic)})) {
        std::fprintf(stderr, "broker: %s\n", qPrintable(broker.error()));
        return 1;
    }
    {
        Producer producer(broker.bootstrap(), 20);
        NdhFeed feed;
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - qint64(records);
        for (quint64 i = 0; i < records; ++i)
            producer.produce(kTopic, feed.assetId(i), feed.payload(i, t0 + qint64(i)));
        producer.flush();
    }

    PlantModels models;
    MainWindow window(&models);
    window.resize(1600, 1000);
    window.show();
    // 8 plots x 4 curves, on assets the feed updates.
    PlotArea *plots = window.plotArea();
    for (int p = 0; p < PlotArea::kMaxPlots; ++p) {
        PlotPanel *panel = p < plots->plots().size() ? plots->plots()[p] : plots->addPlot();
        if (!panel)
            break;
        plots->setCurrentPlot(panel);
        for (int c = 0; c < 4; ++c)
            plots->addAttributeToCurrentPlot(NdhFeed::attributeKey(p * 4 + c, c));
    }
    print("idle window, 8 plots x 4 curves (peer)", measure(3000, [] { return false; }));

    ConsumerConfig config;
    config.bootstrap = broker.bootstrap();
    config.topics = {QString::fromLatin1(kTopic)};
    // NDH_BENCH_MAX_EVENTS_PER_HANDOFF=0: whole backlogs in one batch (before the slicing).
    if (const QByteArray cap = qgetenv("NDH_BENCH_MAX_EVENTS_PER_HANDOFF"); !cap.isEmpty())
        config.maxEventsPerHandoff = cap.toInt();
    // NDH_BENCH_GUI_BUDGET_MS=0: slices by the count alone (before the time budget).
    if (const QByteArray budget = qgetenv("NDH_BENCH_GUI_BUDGET_MS"); !budget.isEmpty())
        config.guiBudgetMsPerHandoff = budget.toInt();
    std::printf("events per hand-off at most: %d (0: unbounded), GUI budget per hand-off %d ms (0: none)\n",
                config.maxEventsPerHandoff, config.guiBudgetMsPerHandoff);
    IngestBackend backend(config);
    QObject::connect(&backend, &IngestBackend::batchReady, &models, &PlantModels::applyBatch);
    QElapsedTimer clock;
    clock.start();
    const double guiCpu0 = threadCpuNow();
    backend.start();
    const Stall busy = measure(600000, [&] { return models.recordsConsumed() >= records; });
    const double seconds = double(clock.elapsed()) / 1000.0;
    const double guiCpu = threadCpuNow() - guiCpu0;
    print("full ingest into the window", busy);
    // CPU time holds on a shared machine where the stall figures do not: per record,
    // and per hand-off (what one event-loop turn costs the GUI on an idle core).
    std::printf("GUI thread CPU with the window open: %.2f us per record, %.1f ms per hand-off (%llu hand-offs)\n",
                1e6 * guiCpu / double(std::max<quint64>(1, models.recordsConsumed())),
                1e3 * guiCpu / double(std::max<quint64>(1, models.batchesApplied())),
                qulonglong(models.batchesApplied()));
    std::printf("ingested %llu records in %.1f s (%.0f records/s) with the window open; %d alarms in the list\n",
                qulonglong(models.recordsConsumed()), seconds, double(models.recordsConsumed()) / seconds,
                models.alarms()->rowCount());
    backend.stop();
    return 0;
}
