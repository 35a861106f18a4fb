// UI responsiveness under full ingest: the console's main window (asset tree, alarm
// list and banner, alarm KPIs, dead letters) with 8 plots x 4 curves following live
// data and the topic browser tailing the topic, fed by the real backend (IngestBackend
// on its thread) from the embedded broker as fast as it goes. A 1 ms PreciseTimer on the GUI thread measures how late
// the event loop answers (stall), and the GUI thread's CPU time between its ticks
// (the stall on an idle core). Peer in the same run: the same window idle.
//
//   QT_QPA_PLATFORM=offscreen bench_ui [records=1000000] [partitions=80]
//
// NDH_BENCH_TURNS=1 also says what the late ticks waited for: every event the loop
// delivered since the previous tick (receiver class and event type, top level only),
// summed over the ticks later than 16 ms.

#include "bench_support.h"
#include "embedded_broker.h"
#include "ingest_backend.h"
#include "main_window.h"
#include "plant_models.h"
#include "plot_area.h"
#include "plot_panel.h"
#include "topic_browser_panel.h"
#include "topic_browser_session.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QTimer>

#include <QMetaEnum>
#include <QThread>

#include <cstdio>
#include <functional>
#include <map>

using namespace ndh;
using namespace ndhbench;

namespace {

const QByteArray kTopic = "ndh.assets.state.attribute_changed";

// Times each top-level event delivery (not the events sent from inside it) while on.
class TimedApp : public QApplication
{
public:
    using QApplication::QApplication;
    struct Delivery
    {
        QString what;
        double ms;
    };
    bool on = false;
    std::vector<Delivery> sinceTick;
    std::map<QString, std::pair<int, double>> paints; // widget class (parent class): count, ms

    void printPaints() const
    {
        std::vector<std::pair<QString, std::pair<int, double>>> rows(paints.begin(), paints.end());
        std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.second.second > b.second.second; });
        std::printf("paint events by widget (top 10 by time):\n");
        for (size_t i = 0; i < rows.size() && i < 10; ++i)
            std::printf("  %-60s %5d paints, %7.1f ms (%.2f ms each)\n", qPrintable(rows[i].first),
                        rows[i].second.first, rows[i].second.second, rows[i].second.second / rows[i].second.first);
    }

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (QThread::currentThread() != thread()) // the worker threads' events
            return QApplication::notify(receiver, event);
        if (on && event->type() == QEvent::Paint) { // paints run inside the window's UpdateRequest
            const QString what = QString::fromLatin1(receiver->metaObject()->className())
                                 + (receiver->parent() ? u'(' + QString::fromLatin1(receiver->parent()->metaObject()->className()) + u')' : QString());
            QElapsedTimer t;
            t.start();
            ++m_depth;
            const bool r = QApplication::notify(receiver, event);
            --m_depth;
            auto &[count, ms] = paints[what];
            ++count;
            ms += double(t.nsecsElapsed()) / 1e6;
            if (m_depth > 0)
                return r;
            sinceTick.push_back({what + QStringLiteral(" Paint"), double(t.nsecsElapsed()) / 1e6});
            return r;
        }
        if (!on || m_depth > 0) {
            ++m_depth;
            const bool r = QApplication::notify(receiver, event);
            --m_depth;
            return r;
        }
        const QEvent::Type type = event->type();
        QString what = QString::fromLatin1(receiver->metaObject()->className());
        if (receiver->parent() && (type == QEvent::Timer || type == QEvent::MetaCall))
            what += u'(' + QString::fromLatin1(receiver->parent()->metaObject()->className()) + u')';
        what += u' ' + QString::fromLatin1(QMetaEnum::fromType<QEvent::Type>().valueToKey(type));
        QElapsedTimer t;
        t.start();
        ++m_depth;
        const bool r = QApplication::notify(receiver, event);
        --m_depth;
        sinceTick.push_back({what, double(t.nsecsElapsed()) / 1e6});
        return r;
    }

private:
    int m_depth = 0;
};

// What the ticks later than 16 ms waited for: per kind of event, how many late ticks
// it delayed, how often it ran and its time in them.
struct LateTurns
{
    struct Sum
    {
        int ticks = 0;
        int count = 0;
        double ms = 0;
        double worst = 0;
    };
    std::map<QString, Sum> byWhat;
    int lateTicks = 0;

    void add(const std::vector<TimedApp::Delivery> &deliveries)
    {
        ++lateTicks;
        std::map<QString, bool> seen;
        for (const auto &d : deliveries) {
            Sum &s = byWhat[d.what];
            if (!seen[d.what])
                ++s.ticks;
            seen[d.what] = true;
            ++s.count;
            s.ms += d.ms;
            s.worst = std::max(s.worst, d.ms);
        }
    }
    void print() const
    {
        std::vector<std::pair<QString, Sum>> rows(byWhat.begin(), byWhat.end());
        std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.second.ms > b.second.ms; });
        std::printf("ticks later than 16 ms: %d; what ran before them (top 15 by time):\n", lateTicks);
        for (size_t i = 0; i < rows.size() && i < 15; ++i) {
            const Sum &s = rows[i].second;
            std::printf("  %-60s in %3d late ticks, %4d times, %7.1f ms (%.1f ms a late tick, worst %.1f)\n",
                        qPrintable(rows[i].first), s.ticks, s.count, s.ms, s.ms / std::max(1, lateTicks), s.worst);
        }
    }
};

struct Stall
{
    std::vector<double> lateMs;
    double worst = 0;
    // GUI-thread CPU time between consecutive ticks: the stall as it would be on an
    // idle core, which holds on a shared machine where lateness does not.
    std::vector<double> cpuMs;
};

// Runs the event loop for `ms` (or until `done` says so) while a 1 ms timer records
// how late each of its ticks fires.
Stall measure(int maxMs, const std::function<bool()> &done, LateTurns *lateTurns = nullptr)
{
    Stall s;
    auto *app = static_cast<TimedApp *>(QCoreApplication::instance());
    QElapsedTimer clock;
    clock.start();
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(1);
    qint64 last = clock.nsecsElapsed();
    double lastCpu = threadCpuNow();
    QEventLoop loop;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        const qint64 now = clock.nsecsElapsed();
        const double late = std::max(0.0, double(now - last) / 1e6 - 1.0);
        s.lateMs.push_back(late);
        s.worst = std::max(s.worst, late);
        const double cpu = threadCpuNow();
        s.cpuMs.push_back(1e3 * (cpu - lastCpu));
        lastCpu = cpu;
        if (lateTurns && late > 16.0)
            lateTurns->add(app->sinceTick);
        app->sinceTick.clear();
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
    const double cpuMax = s.cpuMs.empty() ? 0.0 : *std::max_element(s.cpuMs.begin(), s.cpuMs.end());
    std::printf("%s: GUI CPU between ticks p50 %.2f ms, p99 %.2f ms, max %.1f ms\n", what, percentile(s.cpuMs, 0.5),
                percentile(s.cpuMs, 0.99), cpuMax);
}

} // namespace

int main(int argc, char **argv)
{
    TimedApp app(argc, argv);
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
    // What the broker kept of the topic is what the window can ingest.
    const quint64 kept = recordsKept(broker.bootstrap(), kTopic.constData(), partitions, records);
    if (kept == 0)
        return 1;

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
            plots->addAttributeToCurrentPlot(NdhFeed::plottedKey(p, c));
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
    // As the console: big batches over several turns (NDH_BENCH_APPLY_BUDGET_MS=0: each at once).
    models.setApplyBudgetMs(qEnvironmentVariableIsSet("NDH_BENCH_APPLY_BUDGET_MS")
                                ? qEnvironmentVariableIntValue("NDH_BENCH_APPLY_BUDGET_MS")
                                : PlantModels::kLiveApplyBudgetMs);
    QObject::connect(&models, &PlantModels::batchHeld, &backend, &IngestBackend::holdBatch);
    QObject::connect(&models, &PlantModels::batchReleased, &backend, &IngestBackend::releaseBatch);
    // The topic browser tails the same topic on its own consumer, into the Topics
    // dock: the newest 100 of each partition, then following (NDH_BENCH_TOPIC_BROWSER=
    // all: the whole topic from the beginning; 0: no browser).
    const QByteArray browse = qgetenv("NDH_BENCH_TOPIC_BROWSER");
    std::unique_ptr<TopicBrowserSession> browser;
    if (browse != "0" && window.topicBrowser()) {
        browser = std::make_unique<TopicBrowserSession>(window.topicBrowser(), config, nullptr, true);
        browser->start();
        window.topicDock()->show();
        window.topicDock()->raise();
        TopicBrowserPanel *panel = window.topicBrowser();
        panel->setScanTopics({QString::fromLatin1(kTopic)});
        if (browse == "all")
            panel->setStart(TopicScanRequest::Start::Beginning);
        else
            panel->setStart(TopicScanRequest::Start::LastN, QStringLiteral("100"));
        panel->setStop(TopicScanRequest::Stop::Follow);
        std::printf("topic browser: %s, then following, in the Topics dock\n",
                    browse == "all" ? "the whole topic from the beginning" : "the newest 100 of each partition");
    } else {
        std::printf("topic browser: off\n");
    }
    QElapsedTimer clock;
    clock.start();
    const double guiCpu0 = threadCpuNow();
    if (browser)
        window.topicBrowser()->startScan();
    backend.start();
    LateTurns lateTurns;
    app.on = !qEnvironmentVariableIsEmpty("NDH_BENCH_TURNS");
    const Stall busy = measure(600000, [&] { return models.recordsConsumed() >= kept; }, &lateTurns);
    app.on = false;
    const double seconds = double(clock.elapsed()) / 1000.0;
    const double guiCpu = threadCpuNow() - guiCpu0;
    print("full ingest into the window", busy);
    // CPU time holds on a shared machine where the stall figures do not: per record,
    // and per hand-off (what one event-loop turn costs the GUI on an idle core).
    std::printf("GUI thread CPU with the window open: %.2f us per record, %.1f ms per hand-off (%llu hand-offs)\n",
                1e6 * guiCpu / double(std::max<quint64>(1, models.recordsConsumed())),
                1e3 * guiCpu / double(std::max<quint64>(1, models.batchesApplied())),
                qulonglong(models.batchesApplied()));
    std::printf("ingested %llu records in %.1f s (%.0f records/s) with the window open; %d alarms in the list; %d "
                "rows in the topic browser\n",
                qulonglong(models.recordsConsumed()), seconds, double(models.recordsConsumed()) / seconds,
                models.alarms()->rowCount(), window.topicBrowser() ? window.topicBrowser()->messages()->rowCount() : 0);
    // NDH_BENCH_SHOT=file.png: the window as it looks at the end of the ingest.
    if (const QString shot = qEnvironmentVariable("NDH_BENCH_SHOT"); !shot.isEmpty()) {
        window.plotArea()->tick();
        window.grab().save(shot);
        if (!plots->plots().isEmpty())
            plots->plots().first()->grab().save(QString(shot).replace(QStringLiteral(".png"), QStringLiteral("-plot.png")));
    }
    if (!qEnvironmentVariableIsEmpty("NDH_BENCH_TURNS")) {
        lateTurns.print();
        app.printPaints();
    }
    backend.stop();
    if (browser)
        browser->stop();
    return 0;
}
