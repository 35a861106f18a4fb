// Plot redraw over a day of history (issue 6): 8 plots x 4 curves zoomed out to a
// day of 1 Hz samples, with 1,000 attributes in the history engine. Each round
// pans every plot by a few pixel columns, so PlotPanel decimates all 32 curves
// again from the history engine (min/max per column through the pyramid), and
// replots them. Peer in the same run: the same plots with each curve's raw day
// (86,400 points) handed to QCustomPlot, which samples it on every replot.
// Usage: QT_QPA_PLATFORM=offscreen bench_history_plot [attributes] [seconds] [rounds] [png]
//        (default 1000 86400 40; png: a grab of the zoomed-out plots)

#include "bench_support.h"
#include "history_day.h"
#include "plant_models.h"
#include "plot_area.h"
#include "plot_panel.h"

#include <QApplication>
#include <QElapsedTimer>

#include <qcustomplot.h>

#include <cstdio>

using namespace ndh;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int attributes = argc > 1 ? atoi(argv[1]) : 1000;
    const int seconds = argc > 2 ? atoi(argv[2]) : 86400;
    const int rounds = argc > 3 ? atoi(argv[3]) : 40;
    const QString png = argc > 4 ? QString::fromLocal8Bit(argv[4]) : QString();
    constexpr int kPlots = 8;
    constexpr int kCurvesPerPlot = 4;
    ndhbench::printMachine();

    PlantModels models;
    // 32 curves: four attributes of eight pumps spread over the plant; their raw
    // samples are kept for the peer.
    const int pumps = std::max(1, attributes / ndhbench::kAttributesPerPump);
    QStringList keys;
    QHash<QString, QVector<QCPGraphData>> raw;
    for (int p = 0; p < kPlots; ++p) {
        const int pump = p * pumps / kPlots;
        for (const char *name : {"flow_rate", "temperature", "pressure", "vibration"}) {
            keys << QStringLiteral("SITE_%1/Pump/PUMP_%2/%3").arg(pump % 10).arg(pump).arg(QLatin1String(name));
            raw[keys.back()].reserve(seconds);
        }
    }
    QElapsedTimer load;
    load.start();
    ndhbench::generateHistory(attributes, seconds, [&](std::vector<PlantEvent> &events) {
        for (const PlantEvent &e : events) {
            const QString prefix = e.asset.key() + u'/';
            for (const AttributeSample &a : e.attributes) {
                auto it = raw.find(prefix + a.name);
                if (it != raw.end())
                    it->append(QCPGraphData(double(e.eventTimeMs) / 1000.0, std::get<double>(a.value)));
            }
        }
        auto batch = std::make_shared<EventBatch>();
        batch->events = std::move(events);
        models.applyHistoryBatch(batch);
        events.clear();
    });
    const HistoryStore &history = models.history();
    std::printf("history: %zu samples, %.2f bytes per sample, loaded in %.1f s\n", history.sampleCount(),
                double(history.memoryBytes()) / double(history.sampleCount()), double(load.elapsed()) / 1000.0);

    PlotArea area(&models);
    area.resize(1700, 1400);
    QList<PlotPanel *> panels;
    for (int p = 0; p < kPlots; ++p) {
        PlotPanel *panel = area.addPlot();
        for (int c = 0; c < kCurvesPerPlot; ++c)
            panel->addCurve(keys[p * kCurvesPerPlot + c]);
        panels << panel;
    }
    area.show();
    app.processEvents();
    const double first = double(history.firstMs()) / 1000.0;
    const double last = double(history.lastMs()) / 1000.0;
    const int columns = panels.front()->plot()->axisRect()->width();

    // The whole day in view; every round a few columns further, as a pan does.
    const auto setDay = [&](int round) {
        const double shift = double(round % 8) * 3.0 * (last - first) / double(columns);
        for (PlotPanel *panel : panels)
            panel->plot()->xAxis->setRange(first - shift, last + 60.0 - shift);
    };
    std::vector<double> decimateMs, replotMs, peerMs;
    size_t points = 0;
    for (int r = 0; r < rounds; ++r) {
        setDay(r);
        QElapsedTimer t;
        t.start();
        // Takes each curve from the history engine, decimated. (PlotArea::tick()
        // would also replot each panel, which the next step times on its own.)
        for (PlotPanel *panel : panels)
            panel->prepareFrame();
        decimateMs.push_back(double(t.nsecsElapsed()) / 1e6);
        t.start();
        for (PlotPanel *panel : panels)
            panel->plot()->replot(QCustomPlot::rpImmediateRefresh);
        replotMs.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    bool allHistory = true;
    for (const QString &key : keys) {
        for (PlotPanel *panel : panels) {
            if (panel->graphFor(key)) {
                allHistory = allHistory && panel->isDrawingHistory(key);
                points += size_t(panel->graphFor(key)->data()->size());
            }
        }
    }
    if (!png.isEmpty()) {
        // Two plots of the day at a readable height, as an operator would look.
        PlotArea shot(&models);
        shot.resize(1366, 700);
        for (int p = 0; p < 2; ++p) {
            PlotPanel *panel = shot.addPlot();
            for (int c = 0; c < kCurvesPerPlot; ++c)
                panel->addCurve(keys[p * kCurvesPerPlot + c]);
        }
        shot.show();
        app.processEvents();
        for (PlotPanel *panel : shot.plots())
            panel->showAllData(); // as the operator does: the day, values fitted
        shot.tick();
        for (PlotPanel *panel : shot.plots())
            panel->plot()->replot(QCustomPlot::rpImmediateRefresh);
        app.processEvents();
        shot.grab().save(png);
        std::printf("screenshot: %s\n", qPrintable(png));
    }

    // Peer: the raw day in every graph; QCustomPlot's adaptive sampling does the rest.
    for (PlotPanel *panel : panels) {
        for (const QString &key : panel->curveKeys())
            panel->graphFor(key)->data()->set(raw.value(key), true);
    }
    for (int r = 0; r < rounds; ++r) {
        for (PlotPanel *panel : panels)
            panel->plot()->xAxis->setRange(first - double(r % 8) * 3.0 * (last - first) / double(columns),
                                           last + 60.0);
        QElapsedTimer t;
        t.start();
        for (PlotPanel *panel : panels)
            panel->plot()->replot(QCustomPlot::rpImmediateRefresh);
        peerMs.push_back(double(t.nsecsElapsed()) / 1e6);
    }

    const double dec50 = ndhbench::percentile(decimateMs, 0.5), rep50 = ndhbench::percentile(replotMs, 0.5);
    const double peer50 = ndhbench::percentile(peerMs, 0.5);
    std::printf("plots: %d x %d curves, %d columns wide, a day in view; history drawn for every curve: %s (%zu points)\n",
                kPlots, kCurvesPerPlot, columns, allHistory ? "yes" : "NO", points);
    std::printf("pan over a day: decimate (prepareFrame) p50 %.1f ms, p99 %.1f ms; replot p50 %.1f ms, p99 %.1f ms; "
                "together p50 %.1f ms\n",
                dec50, ndhbench::percentile(decimateMs, 0.99), rep50, ndhbench::percentile(replotMs, 0.99), dec50 + rep50);
    std::printf("peer, raw day in QCustomPlot (%d points per curve): replot p50 %.1f ms, p99 %.1f ms; ratio %.1fx\n",
                seconds, peer50, ndhbench::percentile(peerMs, 0.99), peer50 / (dec50 + rep50));
    return allHistory ? 0 : 1;
}
