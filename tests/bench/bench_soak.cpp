// Soak: the console left running next to a plant (issue 9). The demo plant (embedded
// broker + simulator: NDH, drone and domain envelopes, alarms, command replies) at a
// steady simulated rate, ingested by the real backend (IngestBackend on its thread)
// into the main window (offscreen) with 4 plots following live attributes, for a
// configurable time. Samples resident memory every 10 s and how late a 10 ms timer on
// the GUI thread fires (GuiStallProbe: wall clock, and minus the time the thread
// waited for a CPU on this shared machine). Reports memory growth per hour (least-
// squares fit after the first minute of warm-up), how much of it is the history
// store filling toward its memory budget (by design, DESIGN.md §5) and how much is
// not, and stall p50/p99/max.
// Peers in the same run: the same window idle for 10 s before ingest (stall), and the
// payload bytes ingested per hour (memory growth as a share of what came in).
//
//   QT_QPA_PLATFORM=offscreen bench_soak [--minutes 2] [--rate 200] [--assets 40]
//                                        [--history-budget-mb 2048]
//   QT_QPA_PLATFORM=offscreen bench_soak --minutes 60       # the one-hour soak

#include "bench_support.h"
#include "demo_plant.h"
#include "gui_stall_probe.h"
#include "ingest_backend.h"
#include "main_window.h"
#include "plant_models.h"
#include "plot_area.h"
#include "plot_panel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>

using namespace ndh;
using namespace ndhbench;

namespace {

struct Percentiles
{
    double p50 = 0, p99 = 0, max = 0;
};

Percentiles percentiles(const std::vector<float> &samples)
{
    std::vector<double> v(samples.begin(), samples.end());
    Percentiles p;
    if (v.empty())
        return p;
    p.max = *std::max_element(v.begin(), v.end());
    p.p50 = percentile(v, 0.5);
    p.p99 = percentile(v, 0.99);
    return p;
}

// Slope of y over x by least squares (units of y per unit of x).
double slope(const std::vector<double> &x, const std::vector<double> &y)
{
    const size_t n = x.size();
    if (n < 2)
        return 0;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < n; ++i) {
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        sxy += x[i] * y[i];
    }
    const double d = double(n) * sxx - sx * sx;
    return d == 0 ? 0 : (double(n) * sxy - sx * sy) / d;
}

void runFor(qint64 ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

void printStall(const char *what, const ndhtest::GuiStallProbe &probe)
{
    const Percentiles wall = percentiles(probe.latenessSamplesMs());
    const Percentiles own = percentiles(probe.ownStallSamplesMs());
    std::printf("%s: stall p50 %.2f ms, p99 %.2f ms, max %.1f ms; minus CPU wait p50 %.2f, p99 %.2f, max %.1f ms "
                "(%llu ticks of 10 ms)\n",
                what, wall.p50, wall.p99, wall.max, own.p50, own.p99, own.max, qulonglong(probe.ticks()));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("ndh-bench")); // leaves the console's own settings alone
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("minutes"), QStringLiteral("Soak duration (default 2; 60 for the hour)."),
                 QStringLiteral("MIN"), QStringLiteral("2")});
    p.addOption({QStringLiteral("rate"), QStringLiteral("Simulated messages per second (default 200, the demo's)."),
                 QStringLiteral("N"), QStringLiteral("200")});
    p.addOption({QStringLiteral("assets"), QStringLiteral("Plant assets (default 40)."), QStringLiteral("N"),
                 QStringLiteral("40")});
    p.addOption({QStringLiteral("history-budget-mb"),
                 QStringLiteral("History store memory budget (default: the console's, 2048)."), QStringLiteral("MB"),
                 QString::number(HistoryStore::kDefaultBudgetBytes >> 20)});
    p.process(app);
    const double minutes = p.value(QStringLiteral("minutes")).toDouble();
    SimulatorOptions options;
    options.rate = p.value(QStringLiteral("rate")).toDouble();
    options.assets = p.value(QStringLiteral("assets")).toInt();
    if (minutes <= 0 || options.rate <= 0 || options.assets <= 0) {
        std::fprintf(stderr, "bench_soak: --minutes, --rate and --assets must be positive\n");
        return 2;
    }
    printMachine();
    std::printf("soak: %.1f min at %.0f messages/s, %d assets, demo plant (all envelopes, alarms, commands)\n",
                minutes, options.rate, options.assets);

    PlantModels models;
    models.history().setMemoryBudget(size_t(p.value(QStringLiteral("history-budget-mb")).toULongLong()) << 20);
    std::printf("history store budget: %zu MB\n", models.history().memoryBudget() >> 20);
    MainWindow window(&models);
    window.resize(1600, 1000);
    window.show();
    ndhtest::GuiStallProbe probe;
    probe.keepSamples(true);
    probe.start();
    runFor(10000);
    printStall("idle window (peer)", probe);

    DemoPlant plant;
    if (!plant.start(4, options)) {
        std::fprintf(stderr, "bench_soak: demo plant: %s\n", qPrintable(plant.error()));
        return 1;
    }
    ConsumerConfig config;
    config.bootstrap = plant.bootstrap();
    IngestBackend backend(config);
    QObject::connect(&backend, &IngestBackend::batchReady, &models, &PlantModels::applyBatch);
    backend.start();

    // Plots follow the first live attributes, as an engineer would set them up.
    runFor(5000);
    PlotArea *plots = window.plotArea();
    const QStringList keys = models.history().attributeKeys();
    for (int i = 0; i < 4 && i * 2 < keys.size(); ++i) {
        PlotPanel *panel = i < plots->plots().size() ? plots->plots()[i] : plots->addPlot();
        if (!panel)
            break;
        plots->setCurrentPlot(panel);
        for (int c = 0; c < 2 && i * 2 + c < keys.size(); ++c)
            plots->addAttributeToCurrentPlot(keys[i * 2 + c]);
    }

    probe.reset();
    QElapsedTimer clock;
    clock.start();
    const qint64 totalMs = qint64(minutes * 60000.0);
    const qint64 warmupMs = std::min<qint64>(60000, totalMs / 4);
    std::vector<double> hours, rssMb, historyMb, seriesMb;
    std::printf("%8s %10s %12s %11s %12s %10s\n", "t [s]", "RSS [MB]", "history [MB]", "series [MB]", "records",
                "alarms");
    for (qint64 next = 0; next <= totalMs; next += 10000) {
        runFor(std::max<qint64>(1, next - clock.elapsed()));
        const qint64 t = clock.elapsed();
        const double mb = double(residentBytes()) / 1e6;
        const double history = double(models.history().memoryBytes()) / 1e6;
        const double series = double(models.series().memoryBytes()) / 1e6;
        if (t >= warmupMs) {
            hours.push_back(double(t) / 3.6e6);
            rssMb.push_back(mb);
            historyMb.push_back(history);
            seriesMb.push_back(series);
        }
        if (next % 60000 == 0) {
            std::printf("%8.0f %10.1f %12.1f %11.1f %12llu %10d\n", double(t) / 1000, mb, history, series,
                        qulonglong(models.recordsConsumed()), models.alarms()->rowCount());
            std::fflush(stdout);
        }
    }
    const double elapsedH = double(clock.elapsed()) / 3.6e6;
    printStall("live window under steady ingest", probe);
    const double growthMbPerHour = slope(hours, rssMb);
    const quint64 records = models.recordsConsumed();
    std::printf("ingested %llu records in %.1f min (%.0f records/s), %llu events applied, %d alarms in the list, "
                "%lld dead letters\n",
                qulonglong(records), elapsedH * 60, double(records) / (elapsedH * 3600),
                qulonglong(models.eventsApplied()), models.alarms()->rowCount(),
                qlonglong(models.deadLetters()->rowCount()));
    std::printf("memory: RSS %.1f MB at the end; growth %.1f MB/hour (least-squares over %zu samples after %.0f s "
                "warm-up)\n",
                rssMb.empty() ? 0.0 : rssMb.back(), growthMbPerHour, rssMb.size(), double(warmupMs) / 1000);
    const double historyPerHour = slope(hours, historyMb);
    std::printf("  of which the history store: %.1f MB/hour (%.1f MB held, budget %zu MB); everything else: %.1f "
                "MB/hour\n",
                historyPerHour, historyMb.empty() ? 0.0 : historyMb.back(), models.history().memoryBudget() >> 20,
                growthMbPerHour - historyPerHour);
    const double seriesPerHour = slope(hours, seriesMb);
    std::printf("  of which the live-plot series store: %.1f MB/hour (%.1f MB held in %zu series of at most %zu "
                "points); neither: %.1f MB/hour\n",
                seriesPerHour, seriesMb.empty() ? 0.0 : seriesMb.back(), models.series().seriesCount(),
                models.series().maxPointsPerSeries(), growthMbPerHour - historyPerHour - seriesPerHour);
    const double recordsPerHour = double(records) / elapsedH;
    std::printf("memory growth per record ingested: %.0f bytes (peer: %.0f records/hour came in)\n",
                recordsPerHour > 0 ? growthMbPerHour * 1e6 / recordsPerHour : 0.0, recordsPerHour);
    backend.stop();
    plant.stop();
    return 0;
}
