// Alarm list under load (issue 3): 100,000 alarms, then a 1,000-alarms-in-10-s
// flood on top, through AlarmTableModel + AlarmListView (filter/sort proxy, table,
// 1 s time-in-state refresh), offscreen. Prints the event-loop stall (lateness of a
// 1 ms timer: p50/p99/max), the time from a batch handed to the model to its newest
// row painted (p50/p99/max), and, as the peer in the same run, the same batches
// applied to the model alone (no view).
// Usage: bench_alarms [alarms] [flood] [floodSeconds]   (default 100000 1000 10)

#include "alarm_list_view.h"
#include "alarm_table_model.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSysInfo>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace ndh;

namespace {

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

struct Stats
{
    std::vector<double> v;
    double at(double q)
    {
        if (v.empty())
            return 0;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5))];
    }
    QString text()
    {
        return QStringLiteral("p50 %1 ms, p99 %2 ms, max %3 ms (n=%4)")
            .arg(at(0.5), 0, 'f', 2)
            .arg(at(0.99), 0, 'f', 2)
            .arg(at(1.0), 0, 'f', 2)
            .arg(v.size());
    }
};

const char *const kLocations[] = {"FACTORY_A", "FACTORY_B", "WAREHOUSE_C", "FLEET"};

PlantEvent trigger(int i, qint64 t, int priority)
{
    PlantEvent e;
    e.kind = EventKind::AlarmTriggered;
    e.messageId = QStringLiteral("b%1-%2").arg(i).arg(t);
    e.asset = {QLatin1String(kLocations[i % 4]), QStringLiteral("Pump"), QStringLiteral("PUMP_%1").arg(i / 8, 5, 10, QChar(u'0'))};
    e.eventTimeMs = t;
    e.source.topic = QStringLiteral("ndh.assets.alarms.triggered");
    e.source.partition = i % 4;
    e.source.offset = i;
    AlarmInfo a;
    a.alarmId = QStringLiteral("A%1.temperature.HI").arg(i % 8);
    a.alarmType = QStringLiteral("high_limit");
    a.priority = priority;
    a.message = QStringLiteral("temperature above limit");
    a.attribute = QStringLiteral("temperature");
    a.value = 90.0 + i % 10;
    e.alarm = a;
    return e;
}

// Feeds `batches` from a 33 ms timer (the backend's ~30 hand-offs a second) while a
// 1 ms timer measures how late the event loop is; then idles `idleMs` more.
struct Run
{
    Stats stall;
    Stats visible;
    Stats apply;
};

Run feed(AlarmTableModel &model, AlarmListView *view, std::vector<std::vector<PlantEvent>> batches, int idleMs)
{
    Run run;
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = -1;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (lastTick >= 0)
            run.stall.v.push_back(std::max(0.0, double(now - lastTick) / 1e6 - 1.0));
        lastTick = now;
    });
    probe.start();
    size_t next = 0;
    QTimer feeder;
    feeder.setInterval(33);
    QEventLoop loop;
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        if (next >= batches.size()) {
            feeder.stop();
            QTimer::singleShot(idleMs, &loop, &QEventLoop::quit);
            return;
        }
        const qint64 t0 = clock.nsecsElapsed();
        model.applyEvents(batches[next++]);
        const qint64 t1 = clock.nsecsElapsed();
        run.apply.v.push_back(double(t1 - t0) / 1e6);
        if (view) {
            // The newest alarm sorts to the top (raised, newest first): paint it now.
            view->tableView()->viewport()->repaint();
            run.visible.v.push_back(double(clock.nsecsElapsed() - t0) / 1e6);
        }
    });
    feeder.start();
    loop.exec();
    probe.stop();
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int alarms = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const int flood = argc > 2 ? QByteArray(argv[2]).toInt() : 1000;
    const int floodSeconds = argc > 3 ? QByteArray(argv[3]).toInt() : 10;
    const qint64 base = 1754217000000;

    // 100,000 alarms as ~30 batches a second for 1 s (the backend's pace while it
    // catches up with a backlog), then 5 s of living with them (time-in-state
    // refresh every second over every row).
    const int bulkBatches = 30;
    const auto bulk = [&] {
        std::vector<std::vector<PlantEvent>> out(bulkBatches);
        for (int i = 0; i < alarms; ++i)
            out[size_t(i % bulkBatches)].push_back(trigger(i, base + i, 1 + i % 4));
        return out;
    }();
    // The flood: `flood` new alarms spread evenly over floodSeconds.
    const int floodBatches = std::max(1, floodSeconds * 30);
    const auto floodFeed = [&] {
        std::vector<std::vector<PlantEvent>> out(static_cast<size_t>(floodBatches));
        for (int i = 0; i < flood; ++i)
            out[size_t(i) * size_t(floodBatches) / size_t(std::max(1, flood))].push_back(
                trigger(alarms + i, base + alarms + 1000 + i, 1 + i % 2));
        return out;
    }();

    std::printf("bench_alarms: %d alarms, then %d new alarms over %d s; %s, Qt %s, offscreen\n", alarms, flood,
                floodSeconds, qPrintable(cpuModel()), qVersion());

    {
        AlarmTableModel peer;
        peer.setClock([&] { return base + alarms + 60000; });
        const Run a = feed(peer, nullptr, bulk, 0);
        Stats apply = a.apply;
        std::printf("peer (model only)  bulk apply per batch of %d: %s\n", alarms / bulkBatches, qPrintable(apply.text()));
    }

    AlarmTableModel model;
    model.setClock([&] { return base + alarms + 60000; });
    AlarmListView view(&model);
    view.resize(1400, 700);
    view.show();
    QCoreApplication::processEvents();

    Run bulkRun = feed(model, &view, bulk, 5000);
    std::printf("bulk  %6d alarms: apply per batch  %s\n", alarms, qPrintable(bulkRun.apply.text()));
    std::printf("bulk  %6d alarms: batch->row painted %s\n", alarms, qPrintable(bulkRun.visible.text()));
    std::printf("bulk + 5 s idle:    event-loop stall  %s\n", qPrintable(bulkRun.stall.text()));

    Run floodRun = feed(model, &view, floodFeed, 2000);
    std::printf("flood %6d alarms over %d s on top: apply per batch  %s\n", flood, floodSeconds,
                qPrintable(floodRun.apply.text()));
    std::printf("flood: batch->row painted %s\n", qPrintable(floodRun.visible.text()));
    std::printf("flood: event-loop stall   %s\n", qPrintable(floodRun.stall.text()));
    std::printf("rows: %d in the model, %d shown by the filter\n", model.rowCount(), view.tableView()->model()->rowCount());
    return 0;
}
