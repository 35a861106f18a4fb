// The whole ingest pipeline, measured on the real path: records in the embedded
// broker -> KafkaConsumerWorker (librdkafka, decode) on the backend thread ->
// IngestBackend hand-off -> PlantModels::applyBatch on the GUI thread (history
// engine, asset tree, alarm list, plot series). 300-byte NDH envelopes over 10,000
// assets.
//
//   bench_ingest ingest  [records=1000000] [partitions=80] [rounds=2]
//       records/s against `kcat -C -e -c N -o beginning -q` reading the same topic
//       to /dev/null in the same run (the cost of the Kafka client alone). Both read
//       what the broker kept of the topic (its retention drops a partition's oldest
//       records past ~5 MB: too few partitions for `records` lose some, and it says).
//       Both stop at the topic's last record: the console when it has applied N
//       records, kcat when it has read them (-c N). With -e alone kcat waits for an
//       end-of-partition answer, which the embedded broker holds for kcat's default
//       fetch.wait.max.ms (500 ms) when no partition has data; that idle wait used
//       to be counted as kcat's reading time (docs/PERFORMANCE.md, 2026-11-24 22:00).
//   bench_ingest latency [rate=1000] [seconds=10] [partitions=16] [linger.ms=5]
//       record produced (time in the payload) -> applied to the tree, p50/p99/max,
//       and where the time went (producer and broker, fetch and decode, GUI).
//       The producer batches with librdkafka's default linger.ms (5): the embedded
//       broker (librdkafka's mock) answers a fetch with one producer batch per
//       partition, so with batches of a few records (linger.ms 1 at 100,000/s: ~6
//       per partition) the broker, not the consumer, caps how fast any client reads
//       (kcat too; see docs/PERFORMANCE.md, Latency). Before the clock starts the
//       producer is connected and the console has seen every asset once
//       (NDH_BENCH_LATENCY_COLD=1: not); the first second is warm-up;
//       NDH_BENCH_LATENCY_WARMUP_MS sets another (1: measure from the start),
//       NDH_BENCH_LATENCY_TIMELINE=1 prints the worst latency per 250 ms.
//   bench_ingest memory  [seconds=60] [rate=100000] [partitions=80] [history MiB] [plots MiB]
//       resident memory while ingesting at `rate`, every 10 s, and per stored sample.
//       `history MiB` and `plots MiB` lower the history engine's budget (default
//       2 GiB) and the live plot buffers' (256 MiB) so that a 10-minute run reaches
//       them and shows where the whole process levels off.
//   bench_ingest apply   [records=300000] [batch=10000]
//       CPU time per record of each model the GUI thread applies a batch to.
//   bench_ingest history [events=5000000]
//       resident bytes per stored sample of the history engine alone.
//   bench_ingest plant   [records=3000000] [partitions=4] [rounds=2]
//       the plant simulator's backlog on every standard topic (what `ndhctl
//       simulate --rate 0` writes: values, snapshots, alarms, commands, drones),
//       read to its last record by the console, against kcat reading each topic
//       to its last record (-c N, one run per topic, their times summed). A
//       series' values come on several topics read in turn, so the history gets
//       samples older than a series' newest, which one topic never gives.
//
// ingest, latency and memory keep the raw-record journal (File > Export) as the
// console does; NDH_BENCH_JOURNAL=0 runs without it, NDH_BENCH_JOURNAL_MB=n with a
// budget of n MB instead of 512.

#include "bench_support.h"
#include "embedded_broker.h"
#include "envelope_decoder.h"
#include "history_store.h"
#include "ingest_backend.h"
#include "plant_models.h"
#include "plant_simulator.h"
#include "raw_record_journal.h"
#include "topic_catalog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <functional>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <cstdio>
#include <thread>
#include <ctime>

using namespace ndh;
using namespace ndhbench;

namespace {

const QByteArray kTopic = "ndh.assets.state.attribute_changed";

// The middle value, or the mean of the two middle ones (bench_support.h's
// percentile() takes the nearest rank: of two rounds, the larger).
double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n == 0 ? 0.0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

quint64 arg(const QStringList &args, int i, quint64 fallback)
{
    return args.size() > i ? args[i].toULongLong() : fallback;
}

bool startBroker(EmbeddedBroker &broker, int partitions)
{
    if (broker.start(partitions, 1, {QString::fromLatin1(kTopic)}))
        return true;
    std::fprintf(stderr, "broker: %s\n", qPrintable(broker.error()));
    return false;
}

ConsumerConfig consumerConfig(const QString &bootstrap, const QStringList &topics = {QString::fromLatin1(kTopic)})
{
    ConsumerConfig config;
    config.bootstrap = bootstrap;
    config.topics = topics;
    // NDH_BENCH_MAX_EVENTS_PER_HANDOFF=0: whole backlogs in one batch (before the slicing).
    if (const QByteArray cap = qgetenv("NDH_BENCH_MAX_EVENTS_PER_HANDOFF"); !cap.isEmpty())
        config.maxEventsPerHandoff = cap.toInt();
    // NDH_BENCH_KAFKA="name=value,...": librdkafka properties for the console's consumer.
    for (const QString &kv : QString::fromLocal8Bit(qgetenv("NDH_BENCH_KAFKA")).split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = kv.indexOf(u'=');
        if (eq > 0)
            config.extraProperties.append({kv.left(eq), kv.mid(eq + 1)});
    }
    return config;
}

// A producer thread offering `rate` records/s, each stamped with the time it was
// produced, until `stop` is set. `stampedFrom` > 0: counts in `counted` the records
// stamped at or after it (what the latency run must see applied). `acks` (optional):
// acks[seq] = when the broker acknowledged record `seq` (0: not, or past the end).
// How a paced producer starts (optional): `plant` records first, as fast as it goes
// (every asset and attribute once, older event times), flushed, which also connects
// it and learns every partition's leader; then `primed` is set, and the paced
// production begins once `go` is, counting the records stamped from `stampedFrom`.
struct ProducerStart
{
    quint64 plant = 0;
    std::atomic<bool> primed{false};
    std::atomic<bool> go{false};
    std::atomic<qint64> stampedFrom{0};
};

std::thread pacedProducer(const QString &bootstrap, quint64 rate, int lingerMs, const std::atomic<bool> &stop,
                          ProducerStart *startUp = nullptr, std::atomic<quint64> *counted = nullptr,
                          std::vector<qint64> *acks = nullptr, double *cpuSeconds = nullptr)
{
    return std::thread([bootstrap, rate, lingerMs, &stop, startUp, counted, acks, cpuSeconds] {
        Producer producer(bootstrap, lingerMs, acks);
        NdhFeed feed;
        if (startUp) {
            const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - qint64(startUp->plant);
            for (quint64 i = 0; i < startUp->plant; ++i)
                producer.produce(kTopic, feed.assetId(i), feed.payload(i, t0 + qint64(i)));
            producer.flush();
            startUp->primed = true;
            while (!startUp->go.load() && !stop.load())
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        const qint64 stampedFrom = startUp ? startUp->stampedFrom.load() : 0;
        const double cpu0 = threadCpuNow();
        const auto start = std::chrono::steady_clock::now();
        quint64 sent = 0;
        while (!stop.load()) {
            const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const quint64 due = quint64(elapsed * double(rate));
            for (; sent < due && !stop.load(); ++sent) {
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                producer.produce(kTopic, feed.assetId(sent), feed.payload(sent, now), sent);
                if (counted && stampedFrom > 0 && now >= stampedFrom)
                    counted->fetch_add(1, std::memory_order_relaxed);
            }
            if (acks)
                producer.poll(); // acknowledgements timed to the loop turn, not to 1,000 records
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        if (acks) {
            producer.flush();
            producer.poll();
        }
        if (cpuSeconds)
            *cpuSeconds = threadCpuNow() - cpu0; // read after join()
    });
}

// Produces `records` envelopes as fast as the producer goes; returns bytes.
quint64 fill(const QString &bootstrap, quint64 records)
{
    Producer producer(bootstrap, 20);
    NdhFeed feed;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - qint64(records);
    quint64 bytes = 0;
    for (quint64 i = 0; i < records; ++i) {
        const QByteArray p = feed.payload(i, t0 + qint64(i));
        bytes += quint64(p.size());
        producer.produce(kTopic, feed.assetId(i), p);
    }
    producer.flush();
    return bytes;
}

struct KcatRun
{
    double seconds = -1;
    double cpuSeconds = 0;
};

KcatRun runKcat(const QString &bootstrap, quint64 records, const QByteArray &topic = kTopic)
{
    const QString kcat = QStandardPaths::findExecutable(QStringLiteral("kcat"));
    if (kcat.isEmpty())
        return {};
    const double childCpu = cpuSeconds(RUSAGE_CHILDREN);
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    p.start(kcat, {QStringLiteral("-C"), QStringLiteral("-e"), QStringLiteral("-c"), QString::number(records),
                   QStringLiteral("-o"), QStringLiteral("beginning"), QStringLiteral("-q"), QStringLiteral("-b"),
                   bootstrap, QStringLiteral("-t"), QString::fromLatin1(topic)});
    if (!p.waitForFinished(600000) || p.exitCode() != 0) {
        std::fprintf(stderr, "kcat failed: %s\n", p.readAllStandardError().constData());
        return {};
    }
    KcatRun run;
    run.seconds = double(clock.nsecsElapsed()) / 1e9;
    run.cpuSeconds = cpuSeconds(RUSAGE_CHILDREN) - childCpu;
    return run;
}

// Where a console run's two cores went, phase by phase: a thread samples every
// thread's run and run-queue wait time (/proc/self/task/*/schedstat, ns) every 50 ms
// (its own cost: a few hundred us a sample). The fetch side (the consumer's
// librdkafka threads and the embedded broker's) is done once it has used 97% of the
// CPU it uses in the whole run; what follows is the backend decoding the backlog the
// fetch ran ahead of it. For each phase: the cores busy, the backend thread's run
// and wait shares, and the GUI (main) thread's run share.
class PhaseSampler
{
public:
    struct Phases
    {
        double fetchSeconds = 0;      // start -> the fetch side 97% done
        double backendRunFetch = 0;   // the backend thread's share of a core in that phase
        double backendWaitFetch = 0;  // its share waiting for a core (runnable)
        double coresFetch = 0;        // cores busy in that phase (this process)
        double guiRunFetch = 0;       // the GUI thread's share of a core
        double tailSeconds = 0;       // the rest of the run
        double backendRunTail = 0;
        double backendWaitTail = 0;
        double coresTail = 0;
        double guiRunTail = 0;
        double samplerCpuSeconds = 0; // what sampling itself cost
    };

    // The first sample is taken here, before what is measured starts.
    PhaseSampler()
    {
        takeSample();
        m_thread = std::thread([this] { run(); });
    }
    ~PhaseSampler() { stop(); }
    // Ends sampling (one last sample, at once) and works out the phases. All zero
    // when the kernel keeps no scheduler statistics (schedstat reads 0).
    Phases stop()
    {
        if (m_thread.joinable()) {
            {
                const std::lock_guard lock(m_mutex);
                m_stop = true;
            }
            m_wake.notify_all();
            m_thread.join();
        }
        Phases p;
        p.samplerCpuSeconds = m_cpuSeconds;
        if (m_samples.size() < 2)
            return p;
        const Sample &first = m_samples.front();
        const Sample &last = m_samples.back();
        const double fetchTotal = last.fetchRun - first.fetchRun;
        if (fetchTotal <= 0)
            return p;
        size_t f = 0;
        while (f + 1 < m_samples.size() && m_samples[f].fetchRun - first.fetchRun < 0.97 * fetchTotal)
            ++f;
        const Sample &done = m_samples[f];
        const auto share = [](double ns, double seconds) { return seconds > 0 ? ns / 1e9 / seconds : 0.0; };
        p.fetchSeconds = done.seconds - first.seconds;
        p.backendRunFetch = share(done.backendRun - first.backendRun, p.fetchSeconds);
        p.backendWaitFetch = share(done.backendWait - first.backendWait, p.fetchSeconds);
        p.coresFetch = share(done.allRun - first.allRun, p.fetchSeconds);
        p.guiRunFetch = share(done.guiRun - first.guiRun, p.fetchSeconds);
        p.tailSeconds = last.seconds - done.seconds;
        p.backendRunTail = share(last.backendRun - done.backendRun, p.tailSeconds);
        p.backendWaitTail = share(last.backendWait - done.backendWait, p.tailSeconds);
        p.coresTail = share(last.allRun - done.allRun, p.tailSeconds);
        p.guiRunTail = share(last.guiRun - done.guiRun, p.tailSeconds);
        return p;
    }

private:
    struct Sample
    {
        double seconds = 0;
        double allRun = 0, fetchRun = 0, backendRun = 0, backendWait = 0, guiRun = 0; // ns, summed over threads
    };
    void run()
    {
#ifdef __linux__
        pthread_setname_np(pthread_self(), "bench-sampler");
#endif
        const double cpu0 = threadCpuNow();
        for (;;) {
            std::unique_lock lock(m_mutex);
            const bool stopped = m_wake.wait_for(lock, std::chrono::milliseconds(50), [this] { return m_stop; });
            lock.unlock();
            takeSample();
            if (stopped)
                break;
        }
        m_cpuSeconds = threadCpuNow() - cpu0;
    }
    void takeSample()
    {
        // Threads come and go (librdkafka starts its broker threads as it learns
        // them): sums are kept per thread id, so one that ended still counts.
        ndhtest::forEachThreadFile(QStringLiteral("schedstat"), [&](const QString &tid, const QByteArray &name,
                                                                    const QByteArray &text) {
            const QList<QByteArray> f = text.trimmed().split(' '); // run ns, run-queue wait ns, slices
            if (name == "bench-sampler" || f.size() < 2)
                return;
            const Kind kind = name == "ndh-backend"     ? Kind::Backend
                              : name.startsWith("rdk:") ? Kind::Fetch
                              : tid == m_guiTid         ? Kind::Gui
                                                        : Kind::Other;
            m_byThread[tid] = {f[0].toDouble(), f[1].toDouble(), kind};
        });
        Sample s;
        s.seconds = double(m_clock.nsecsElapsed()) / 1e9;
        for (const auto &[tid, t] : m_byThread) {
            s.allRun += t.run;
            if (t.kind == Kind::Fetch)
                s.fetchRun += t.run;
            if (t.kind == Kind::Backend) {
                s.backendRun += t.run;
                s.backendWait += t.wait;
            }
            if (t.kind == Kind::Gui)
                s.guiRun += t.run;
        }
        m_samples.push_back(s);
    }
    QElapsedTimer m_clock = [] {
        QElapsedTimer c;
        c.start();
        return c;
    }();
    enum class Kind { Other, Fetch, Backend, Gui };
    // The main thread's id is the process's.
    const QString m_guiTid = QString::number(QCoreApplication::applicationPid());
    struct ThreadTimes
    {
        double run = 0, wait = 0; // ns, since the thread started
        Kind kind = Kind::Other;
    };
    std::map<QString, ThreadTimes> m_byThread;
    std::vector<Sample> m_samples;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    double m_cpuSeconds = 0;
    std::thread m_thread;
};

struct ConsoleRun
{
    double seconds = 0;
    double applySeconds = 0; // GUI thread busy in applyBatch
    double firstBatchSeconds = -1; // start -> the first batch applied (connect, metadata, assign, first fetch)
    double applyCpuSeconds = 0;
    double cpuSeconds = 0; // the whole console side: backend thread, librdkafka, GUI apply
    double backendCpuSeconds = 0; // the ndh-backend thread alone (decode, hand-off)
    double librdkafkaCpuSeconds = 0; // the console consumer's librdkafka threads (fetch, parse record batches)
    double guiCpuSeconds = 0; // the GUI thread: apply, and the rest of its event loop (freeing batches, timers)
    double journalCpuSeconds = 0; // the record reader, which fills the raw-record journal (ndh-journal)
    double brokerCpuSeconds = 0; // the embedded broker's thread while the console read (not in cpuSeconds)
    quint64 batches = 0;
    quint64 events = 0;
    bool complete = true; // read every record (not stopped by the 10 s stall watchdog or the 600 s limit)
    qint64 rssAfter = 0;
    PhaseSampler::Phases phases;
};

// The raw-record journal the console keeps for File > Export, on as the console runs;
// NDH_BENCH_JOURNAL=0 measures without it. Says which.
void setBenchJournal(IngestBackend &backend)
{
    const bool on = qEnvironmentVariableIsEmpty("NDH_BENCH_JOURNAL") || qEnvironmentVariableIntValue("NDH_BENCH_JOURNAL") > 0;
    // NDH_BENCH_JOURNAL_MB: a smaller budget, whose blocks are reused once full (the
    // journal's fresh pages are part of what filling it costs).
    const int mb = qEnvironmentVariableIntValue("NDH_BENCH_JOURNAL_MB");
    const size_t budget = mb > 0 ? size_t(mb) << 20 : RawRecordJournal::kDefaultBudgetBytes;
    if (on)
        backend.setJournal(std::make_shared<RawRecordJournal>(budget));
    std::printf("raw-record journal: %s, budget %zu MB\n",
                on ? "on, as the console runs (NDH_BENCH_JOURNAL=0: off)" : "off (NDH_BENCH_JOURNAL=0)", budget >> 20);
}

// The curves bench_ui plots (8 plots of 4 curves): their series keep live samples,
// as for plots open on the console; every other attribute goes to the history and
// the tree only (SeriesStore::watch).
void watchPlottedSeries(SeriesStore &series, const HistoryStore *history)
{
    for (int p = 0; p < 8; ++p) {
        for (int c = 0; c < 4; ++c)
            series.watch(NdhFeed::plottedKey(p, c), history);
    }
}

ConsoleRun runConsole(const QString &bootstrap, quint64 records, const QStringList &topics = {QString::fromLatin1(kTopic)})
{
    ConsoleRun run;
    PlantModels models;
    watchPlottedSeries(models.series(), &models.history());
    IngestBackend backend(consumerConfig(bootstrap, topics));
    setBenchJournal(backend);
    QEventLoop loop;
    QElapsedTimer clock;
    QObject::connect(&backend, &IngestBackend::batchReady, &models, [&](const EventBatchPtr &batch) {
        QElapsedTimer apply;
        apply.start();
        const double cpu0 = threadCpuNow();
        models.applyBatch(batch);
        run.applyCpuSeconds += threadCpuNow() - cpu0;
        run.applySeconds += double(apply.nsecsElapsed()) / 1e9;
        if (run.firstBatchSeconds < 0)
            run.firstBatchSeconds = double(clock.nsecsElapsed()) / 1e9;
        if (models.recordsConsumed() >= records)
            loop.quit();
    });
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    // A console that stops making progress ends the run with what it read, instead
    // of holding it for the full 600 s.
    quint64 lastSeen = 0;
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    QTimer watchdog;
    QObject::connect(&watchdog, &QTimer::timeout, &loop, [&] {
        if (models.recordsConsumed() != lastSeen) {
            lastSeen = models.recordsConsumed();
            sinceProgress.restart();
        } else if (sinceProgress.elapsed() > 10000) {
            std::fprintf(stderr, "console stalled: no record for 10 s\n");
            loop.quit();
        }
    });
    watchdog.start(500);
    const double cpu0 = cpuSeconds() - threadCpuSeconds("rdk:mock");
    const double guiCpu0 = threadCpuNow();
    clock.start();
    PhaseSampler sampler;
    backend.start();
    loop.exec();
    run.guiCpuSeconds = threadCpuNow() - guiCpu0;
    run.seconds = double(clock.nsecsElapsed()) / 1e9;
    run.cpuSeconds = cpuSeconds() - threadCpuSeconds("rdk:mock") - cpu0;
    run.phases = sampler.stop();
    run.cpuSeconds -= run.phases.samplerCpuSeconds; // the benchmark's, not the console's
    run.backendCpuSeconds = threadCpuSeconds("ndh-backend");
    run.journalCpuSeconds = threadCpuSeconds("ndh-journal"); // this run's, alive until backend.stop()
    // Every librdkafka thread in the process now is the console's consumer's, started
    // with this run (its command publisher starts a client only when it first
    // publishes), but for the embedded broker's.
    run.librdkafkaCpuSeconds = threadCpuSeconds("rdk:", NameMatch::Prefix) - threadCpuSeconds("rdk:mock");
    run.batches = models.batchesApplied();
    run.events = models.eventsApplied();
    run.rssAfter = residentBytes();
    backend.stop();
    if (models.recordsConsumed() < records) {
        run.complete = false;
        std::fprintf(stderr, "console read only %llu of %llu records: no ratio from this round\n",
                     qulonglong(models.recordsConsumed()), qulonglong(records));
    }
    return run;
}

int ingest(const QStringList &args)
{
    quint64 records = arg(args, 2, 1000000);
    const int partitions = int(arg(args, 3, 80));
    const int rounds = int(arg(args, 4, 2));
    EmbeddedBroker broker;
    if (!startBroker(broker, partitions))
        return 1;
    QElapsedTimer clock;
    clock.start();
    const quint64 bytes = fill(broker.bootstrap(), records);
    std::printf("topic: %llu records, %.0f bytes each on average, %d partitions (%.1f MB), produced in %.1f s\n",
                qulonglong(records), double(bytes) / double(records), partitions, double(bytes) / 1e6,
                double(clock.elapsed()) / 1000.0);
    // kcat and the console read the same topic: what the broker kept of it.
    records = recordsKept(broker.bootstrap(), kTopic.constData(), partitions, records);
    if (records == 0)
        return 1;
    double bestKcat = 0, bestConsole = 0, kcatCpu = 0;
    ConsoleRun best;
    // Each round's own ratio too: kcat and the console a few seconds apart, so a
    // host that speeds up or slows down between rounds moves both.
    std::vector<double> roundRatios;
    for (int r = 0; r < rounds; ++r) {
        // The embedded broker's thread serves each reader on the same two cores: its
        // CPU while each reads says how much of the machine the reader left it.
        const double brokerCpu0 = threadCpuSeconds("rdk:mock");
        const KcatRun k = runKcat(broker.bootstrap(), records);
        const double brokerCpu1 = threadCpuSeconds("rdk:mock");
        ConsoleRun c = runConsole(broker.bootstrap(), records);
        const double brokerCpu2 = threadCpuSeconds("rdk:mock");
        c.brokerCpuSeconds = brokerCpu2 - brokerCpu1;
        std::printf("round %d: kcat %.2f s (%.0f rec/s, %.2f CPU s), console %.2f s (%.0f rec/s, %.2f CPU s; GUI apply "
                    "%.2f s wall, %.2f CPU s, in %llu batches, %llu events; CPU s of the backend thread %.2f, GUI thread %.2f; "
                    "first batch applied after %.0f ms); broker thread CPU s serving kcat %.2f, the console %.2f\n",
                    r + 1, k.seconds, double(records) / k.seconds, k.cpuSeconds, c.seconds, double(records) / c.seconds,
                    c.cpuSeconds, c.applySeconds, c.applyCpuSeconds, qulonglong(c.batches), qulonglong(c.events),
                    c.backendCpuSeconds, c.guiCpuSeconds, 1000.0 * c.firstBatchSeconds, brokerCpu1 - brokerCpu0,
                    brokerCpu2 - brokerCpu1);
        std::fflush(stdout);
        if (k.seconds > 0 && c.seconds > 0 && c.complete)
            roundRatios.push_back(k.seconds / c.seconds);
        if (k.seconds > 0 && (bestKcat == 0 || k.seconds < bestKcat)) {
            bestKcat = k.seconds;
            kcatCpu = k.cpuSeconds;
        }
        if (c.complete && (bestConsole == 0 || c.seconds < bestConsole)) {
            bestConsole = c.seconds;
            best = c;
        }
    }
    if (bestConsole == 0) {
        std::printf("\ningest: the console did not read every record in any round: no figures\n");
        return 1;
    }
    const double consoleRate = double(records) / bestConsole;
    const double kcatRate = bestKcat > 0 ? double(records) / bestKcat : 0;
    std::printf("\ningest, best of %d: console %.0f records/s (%.1f MB/s), kcat %.0f records/s, ratio %.2f\n", rounds,
                consoleRate, double(bytes) / bestConsole / 1e6, kcatRate, kcatRate > 0 ? consoleRate / kcatRate : 0.0);
    if (!roundRatios.empty()) {
        QStringList each;
        for (double r : roundRatios)
            each << QString::number(r, 'f', 2);
        std::printf("ratio of each round (console rate / kcat rate, read one after the other): %s; median %.2f\n",
                    qPrintable(each.join(QStringLiteral(", "))), median(roundRatios));
    }
    std::printf("ingest CPU per record: console %.2f us (GUI apply %.2f us), kcat %.2f us; records per CPU-second: "
                "console %.0f, kcat %.0f, ratio %.2f\n",
                1e6 * best.cpuSeconds / double(records), 1e6 * best.applyCpuSeconds / double(records),
                1e6 * kcatCpu / double(records), double(records) / best.cpuSeconds, double(records) / kcatCpu,
                kcatCpu / best.cpuSeconds);
    std::printf("CPU per record by thread: backend (ndh-backend) %.2f us, GUI %.2f us (of which apply %.2f us), "
                "librdkafka's threads (rdk:*) %.2f us, record reader and journal (ndh-journal) %.2f us\n",
                1e6 * best.backendCpuSeconds / double(records), 1e6 * best.guiCpuSeconds / double(records),
                1e6 * best.applyCpuSeconds / double(records), 1e6 * best.librdkafkaCpuSeconds / double(records),
                1e6 * best.journalCpuSeconds / double(records));
    std::printf("GUI thread busy applying: %.0f%% of the run\n", 100.0 * best.applySeconds / bestConsole);
    // The machine's bound: every thread's CPU a record, the broker's included, spread
    // over every core all run long. Against it, how the run used the cores.
    const int cores = QThread::idealThreadCount(); // the cores this process may use
    const double allUs = 1e6 * (best.cpuSeconds + best.brokerCpuSeconds) / double(records);
    const double bound = 1e6 * cores / allUs;
    std::printf("bound on %d cores: %.2f us of CPU a record with the broker's -> at most %.0f records/s with every "
                "core busy all run; this run got %.0f%% of that\n",
                cores, allUs, bound, 100.0 * consoleRate / bound);
    const PhaseSampler::Phases &p = best.phases;
    if (p.fetchSeconds <= 0) {
        std::printf("phases: not measured (no scheduler statistics in /proc/self/task/*/schedstat)\n");
    } else {
        std::printf("phases (sampled every 50 ms): fetch %.2f s (cores busy %.2f; the backend thread ran %.0f%% and "
                    "waited for a core %.0f%% of it, the GUI thread ran %.0f%%), then the backend decoding what was "
                    "fetched ahead %.2f s (cores busy %.2f, the backend thread ran %.0f%% and waited for a core %.0f%%, "
                    "the GUI thread ran %.0f%%); sampling cost %.0f ms of CPU\n",
                    p.fetchSeconds, p.coresFetch, 100.0 * p.backendRunFetch, 100.0 * p.backendWaitFetch,
                    100.0 * p.guiRunFetch, p.tailSeconds, p.coresTail, 100.0 * p.backendRunTail,
                    100.0 * p.backendWaitTail, 100.0 * p.guiRunTail, 1000.0 * p.samplerCpuSeconds);
    }
    return 0;
}

int plant(const QStringList &args)
{
    const quint64 records = arg(args, 2, 3000000);
    const int partitions = int(arg(args, 3, 4));
    const int rounds = int(arg(args, 4, 2));
    const QStringList topics = topics::standardTopics();
    EmbeddedBroker broker;
    if (!broker.start(partitions, 1, topics)) {
        std::fprintf(stderr, "broker: %s\n", qPrintable(broker.error()));
        return 1;
    }
    SimulatorOptions options;
    options.rate = 0; // as fast as it goes
    options.count = qint64(records);
    options.seed = 7;
    PlantSimulator simulator(broker.bootstrap(), options);
    if (!simulator.start() || !simulator.waitFinished(600000)) {
        std::fprintf(stderr, "simulator: %s\n", qPrintable(simulator.error()));
        return 1;
    }
    simulator.stop();
    std::vector<std::pair<QByteArray, quint64>> held;
    quint64 kept = 0;
    for (const QString &t : topics) {
        const QByteArray name = t.toUtf8();
        const quint64 n = recordsHeld(broker.bootstrap(), name.constData(), partitions);
        kept += n;
        if (n > 0)
            held.emplace_back(name, n);
    }
    std::printf("plant backlog: %llu records produced on %lld topics in %.1f s; the broker kept %llu of them on %zu "
                "topics%s\n",
                qulonglong(simulator.delivered()), static_cast<long long>(topics.size()), simulator.elapsedSec(),
                qulonglong(kept), held.size(),
                kept < simulator.delivered() ? " (its ~5 MB per partition retention dropped the oldest)" : "");
    if (kept == 0)
        return 1;
    std::vector<double> ratios;
    for (int r = 0; r < rounds; ++r) {
        double kcatSeconds = 0, kcatCpu = 0;
        for (const auto &[topic, n] : held) {
            const KcatRun k = runKcat(broker.bootstrap(), n, topic);
            if (k.seconds < 0)
                return 1;
            kcatSeconds += k.seconds;
            kcatCpu += k.cpuSeconds;
        }
        const ConsoleRun c = runConsole(broker.bootstrap(), kept, topics);
        if (c.complete)
            ratios.push_back(kcatSeconds / c.seconds);
        std::printf("round %d: console %.2f s (%.0f rec/s, %.2f CPU s; GUI apply %.2f CPU s; backend %.2f), kcat %zu "
                    "runs, one per topic, %.2f s in all (%.0f rec/s, %.2f CPU s); ratio %.2f\n",
                    r + 1, c.seconds, double(kept) / c.seconds, c.cpuSeconds, c.applyCpuSeconds, c.backendCpuSeconds,
                    held.size(), kcatSeconds, double(kept) / kcatSeconds, kcatCpu,
                    c.complete ? kcatSeconds / c.seconds : 0.0);
    }
    if (ratios.empty()) {
        std::printf("plant backlog: the console did not read every record in any round: no ratio\n");
        return 1;
    }
    std::printf("plant backlog, ratio (console rate / kcat rate) median of %zu complete rounds of %d: %.2f\n",
                ratios.size(), rounds, median(ratios));
    return 0;
}

int latency(const QStringList &args)
{
    const quint64 rate = arg(args, 2, 1000);
    const int seconds = int(arg(args, 3, 10));
    const int partitions = int(arg(args, 4, 16));
    const int lingerMs = int(arg(args, 5, 5));
    EmbeddedBroker broker;
    if (!startBroker(broker, partitions))
        return 1;
    PlantModels models;
    IngestBackend backend(consumerConfig(broker.bootstrap()));
    setBenchJournal(backend);
    // Per measured record: produced (the stamp in its payload), handed to the GUI by
    // the backend (EventBatch::createdMs) and applied to the tree; the producer adds
    // when the broker acknowledged it. The legs say whose time it was: producer and
    // broker, then the console's fetch and decode (and waiting for the GUI to take the
    // previous slice), then the GUI.
    struct Measured
    {
        quint64 seq;
        qint64 producedMs, handedOffMs, appliedMs;
    };
    std::vector<Measured> measured;
    measured.reserve(size_t(rate) * size_t(seconds + 1));
    std::vector<double> applyMs; // GUI time per hand-off
    qint64 measureFromMs = 0;
    QObject::connect(&backend, &IngestBackend::batchReady, &models, [&](const EventBatchPtr &batch) {
        QElapsedTimer apply;
        apply.start();
        models.applyBatch(batch);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (measureFromMs == 0)
            return;
        applyMs.push_back(double(apply.nsecsElapsed()) / 1e6);
        for (const PlantEvent &e : batch->events) {
            if (e.eventTimeMs >= measureFromMs)
                measured.push_back({QStringView(e.messageId).mid(2).toULongLong(), e.eventTimeMs, batch->createdMs,
                                    now});
        }
    });
    backend.start();
    // Let the consumer assign its partitions before the clock starts.
    QEventLoop settle;
    QTimer::singleShot(1500, &settle, &QEventLoop::quit);
    settle.exec();
    std::atomic<bool> stop{false};
    std::atomic<quint64> produced{0};
    const QString bootstrap = broker.bootstrap();
    std::vector<qint64> acks(size_t(rate) * size_t(seconds + 3), 0);
    double producerCpu = 0;
    // Before the clock starts the producer is connected and the plant is known to
    // the console, as a console that read the state on connect knows it: every asset
    // and attribute once (older event times, not measured). Otherwise the producer's
    // own start (~1 s before its first acknowledgement) and the console meeting
    // 10,000 assets for the first time (tree rows, history series, registry) fall in
    // the first seconds. NDH_BENCH_LATENCY_COLD=1: neither (the producer is created
    // but sends nothing before the clock, and the console meets the plant as it runs).
    const bool cold = qEnvironmentVariableIntValue("NDH_BENCH_LATENCY_COLD") != 0;
    ProducerStart startUp;
    startUp.plant = cold ? 0 : quint64(NdhFeed().assets) * 4;
    std::thread producerThread =
        pacedProducer(bootstrap, rate, lingerMs, stop, &startUp, &produced, &acks, &producerCpu);
    if (!cold) {
        QElapsedTimer known;
        known.start();
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &settle, [&] {
            if ((startUp.primed.load() && models.recordsConsumed() >= startUp.plant) || known.elapsed() > 60000)
                settle.quit();
        });
        poll.start(5);
        settle.exec();
        std::printf("before the clock: %llu records (%d assets x 4 attributes) produced and applied in %lld ms\n",
                    qulonglong(models.recordsConsumed()), NdhFeed().assets, qlonglong(known.elapsed()));
    } else {
        std::printf("cold: the producer sent nothing before the clock; the console meets the plant as it runs\n");
    }
    // The first second is warm-up (NDH_BENCH_LATENCY_WARMUP_MS: another length).
    const qint64 warmUpMs = qEnvironmentVariableIsSet("NDH_BENCH_LATENCY_WARMUP_MS")
                                ? qEnvironmentVariableIntValue("NDH_BENCH_LATENCY_WARMUP_MS")
                                : 1000;
    measureFromMs = QDateTime::currentMSecsSinceEpoch() + std::max<qint64>(1, warmUpMs);
    startUp.stampedFrom = measureFromMs;
    startUp.go = true;
    QEventLoop loop;
    QTimer::singleShot((seconds + 1) * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    stop = true;
    producerThread.join();
    // Every record produced in the measured window is measured: a backlog still
    // queued at the end counts with the time it takes to apply (up to 60 s).
    QElapsedTimer drain;
    drain.start();
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (measured.size() + models.recordsLostToRetention() >= produced.load() || drain.elapsed() > 60000)
            loop.quit();
    });
    poll.start(5);
    loop.exec();
    const double backendCpu = threadCpuSeconds("ndh-backend");
    backend.stop();

    std::vector<double> total, toAck, ackToHandOff, handOffToApplied;
    for (const Measured &m : measured) {
        total.push_back(double(m.appliedMs - m.producedMs));
        const qint64 acked = m.seq < acks.size() ? acks[m.seq] : 0;
        if (acked > 0) {
            toAck.push_back(double(acked - m.producedMs));
            // The acknowledgement reaches the producer after the broker had the record:
            // a record fetched before it was acknowledged counts 0 here.
            ackToHandOff.push_back(double(std::max<qint64>(0, m.handedOffMs - acked)));
        }
        handOffToApplied.push_back(double(m.appliedMs - m.handedOffMs));
    }
    const size_t n = total.size();
    const double p99 = percentile(total, 0.99);
    // Where the slowest 1% spent their time, on average.
    double slowAck = 0, slowFetch = 0, slowGui = 0;
    size_t slow = 0;
    for (const Measured &m : measured) {
        if (double(m.appliedMs - m.producedMs) < p99)
            continue;
        const qint64 acked = m.seq < acks.size() && acks[m.seq] > 0 ? acks[m.seq] : m.producedMs;
        slowAck += double(acked - m.producedMs);
        slowFetch += double(std::max<qint64>(0, m.handedOffMs - acked));
        slowGui += double(m.appliedMs - m.handedOffMs);
        ++slow;
    }
    if (slow > 0) {
        slowAck /= double(slow);
        slowFetch /= double(slow);
        slowGui /= double(slow);
    }
    std::printf("latency at %llu records/s for %d s (%zu of %llu records measured, %llu lost to retention, %llu "
                "batches, producer linger.ms %d): produced -> in tree p50 %.0f ms, p99 %.0f ms, max %.0f ms\n",
                qulonglong(rate), seconds, n, qulonglong(produced.load()),
                qulonglong(models.recordsLostToRetention()), qulonglong(models.batchesApplied()), lingerMs,
                percentile(total, 0.5), p99, total.empty() ? 0.0 : total.back());
    std::printf("  legs p50/p99: produced -> acknowledged by the broker %.0f/%.0f ms; acknowledged -> handed to the "
                "GUI %.0f/%.0f ms; handed -> applied %.0f/%.0f ms\n",
                percentile(toAck, 0.5), percentile(toAck, 0.99), percentile(ackToHandOff, 0.5),
                percentile(ackToHandOff, 0.99), percentile(handOffToApplied, 0.5), percentile(handOffToApplied, 0.99));
    std::printf("  the slowest 1%% (%zu records), mean legs: %.0f ms producer and broker, %.0f ms fetch and decode, %.0f "
                "ms GUI\n",
                slow, slowAck, slowFetch, slowGui);
    // The bench's own producer shares the two cores with the console and the broker.
    const double records = std::max(1.0, double(models.recordsConsumed()));
    std::printf("  CPU a record: backend thread %.2f us; the bench's producer thread %.2f us (building payloads, "
                "produce(), on the same cores)\n",
                1e6 * backendCpu / records, 1e6 * producerCpu / records);
    const double applyP50 = percentile(applyMs, 0.5), applyP99 = percentile(applyMs, 0.99);
    std::printf("  GUI apply per hand-off p50 %.1f ms, p99 %.1f ms, max %.1f ms (%zu hand-offs)\n", applyP50, applyP99,
                applyMs.empty() ? 0.0 : applyMs.back(), applyMs.size());
    // NDH_BENCH_LATENCY_TIMELINE=1: the worst latency per 250 ms of production time,
    // to tell a start-up transient from periodic stalls.
    if (qEnvironmentVariableIntValue("NDH_BENCH_LATENCY_TIMELINE") > 0) {
        std::map<qint64, std::pair<size_t, qint64>> buckets; // 250 ms of production -> (records, worst)
        for (const Measured &m : measured) {
            auto &b = buckets[(m.producedMs - measureFromMs) / 250];
            ++b.first;
            b.second = std::max(b.second, m.appliedMs - m.producedMs);
        }
        for (const auto &[bucket, b] : buckets)
            std::printf("  produced at +%5.2f s: %6zu records, worst %5lld ms\n", double(bucket) / 4.0, b.first,
                        qlonglong(b.second));
    }
    return 0;
}

int memory(const QStringList &args)
{
    const int seconds = int(arg(args, 2, 60));
    const quint64 rate = arg(args, 3, 100000);
    const int partitions = int(arg(args, 4, 80));
    const quint64 historyMiB = arg(args, 5, 0);
    const quint64 plotsMiB = arg(args, 6, 0);
    EmbeddedBroker broker;
    if (!startBroker(broker, partitions))
        return 1;
    const qint64 rssStart = residentBytes();
    PlantModels models;
    watchPlottedSeries(models.series(), &models.history());
    if (historyMiB > 0)
        models.history().setMemoryBudget(size_t(historyMiB) << 20);
    if (plotsMiB > 0)
        models.series().setMemoryBudget(size_t(plotsMiB) << 20);
    IngestBackend backend(consumerConfig(broker.bootstrap()));
    setBenchJournal(backend);
    QObject::connect(&backend, &IngestBackend::batchReady, &models, &PlantModels::applyBatch);
    backend.start();
    std::atomic<bool> stop{false};
    const QString bootstrap = broker.bootstrap();
    std::thread producerThread = pacedProducer(bootstrap, rate, 5, stop);
    QElapsedTimer clock;
    clock.start();
    QTimer tick;
    QEventLoop loop;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        const qint64 rss = residentBytes();
        const HistoryStore &h = models.history();
        std::printf("t=%4llds events %llu  history samples %zu (engine %.1f B/sample)  RSS %.0f MiB\n",
                    qlonglong(clock.elapsed() / 1000), qulonglong(models.eventsApplied()), h.sampleCount(),
                    h.sampleCount() ? double(h.memoryBytes()) / double(h.sampleCount()) : 0.0,
                    double(rss) / 1048576.0);
        std::fflush(stdout);
        if (clock.elapsed() >= qint64(seconds) * 1000)
            loop.quit();
    });
    tick.start(10000);
    loop.exec();
    stop = true;
    producerThread.join();
    const qint64 rss = residentBytes();
    const HistoryStore &h = models.history();
    std::printf("\nafter %d s at %llu records/s offered: %llu events applied (%.0f/s), %zu samples in history, "
                "RSS %.0f MiB (%.0f MiB at start), %.1f resident bytes per stored sample (whole process: history, "
                "plot series, tree, broker)\n",
                seconds, qulonglong(rate), qulonglong(models.eventsApplied()),
                double(models.eventsApplied()) / (double(clock.elapsed()) / 1000.0), h.sampleCount(),
                double(rss) / 1048576.0, double(rssStart) / 1048576.0,
                h.sampleCount() ? double(rss - rssStart) / double(h.sampleCount()) : 0.0);
    backend.stop();
    return 0;
}

// Where the GUI thread's time goes: the same records decoded once, then applied to
// each model on its own (fresh models, batches of 10,000 as the backend hands over),
// in CPU time of this thread.
int applyBreakdown(const QStringList &args)
{
    const quint64 records = arg(args, 2, 300000);
    const size_t batchSize = size_t(arg(args, 3, 10000));
    NdhFeed feed;
    EnvelopeDecoder decoder;
    EventSource source;
    source.topic = QString::fromLatin1(kTopic);
    std::vector<std::vector<PlantEvent>> batches(1);
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - qint64(records);
    std::vector<QByteArray> payloads;
    payloads.reserve(size_t(records));
    for (quint64 i = 0; i < records; ++i)
        payloads.push_back(feed.payload(i, t0 + qint64(i)));
    double cpu = threadCpuNow();
    for (quint64 i = 0; i < records; ++i) {
        source.offset = qint64(i);
        if (batches.back().size() >= batchSize)
            batches.emplace_back();
        decoder.decode(payloads[size_t(i)], source, batches.back());
    }
    const double decodeUs = 1e6 * (threadCpuNow() - cpu) / double(records);
    // CPU a record, and the slowest batch (one turn of the GUI thread, a stall).
    const auto timeIt = [&](const char *what, const std::function<void(const std::vector<PlantEvent> &)> &apply) {
        const double c0 = threadCpuNow();
        double slowest = 0;
        for (const auto &b : batches) {
            const double c = threadCpuNow();
            apply(b);
            slowest = std::max(slowest, threadCpuNow() - c);
        }
        const double us = 1e6 * (threadCpuNow() - c0) / double(records);
        std::printf("  %-34s %6.2f us/record, slowest batch %5.1f ms\n", what, us, 1e3 * slowest);
        return us;
    };
    std::printf("apply breakdown, %llu records in batches of %zu (CPU time of the GUI thread):\n",
                qulonglong(records), batchSize);
    std::printf("  %-34s %6.2f us/record\n", "decode (backend thread, for scale)", decodeUs);
    HistoryStore history;
    timeIt("HistoryStore::append", [&](const auto &b) { history.append(b); });
    AssetTreeModel tree;
    timeIt("AssetTreeModel::applyEvents", [&](const auto &b) { tree.applyEvents(b); });
    AlarmTableModel alarms;
    timeIt("AlarmTableModel::applyEvents", [&](const auto &b) { alarms.applyEvents(b); });
    SeriesStore series;
    watchPlottedSeries(series, nullptr);
    timeIt("SeriesStore::append (32 plotted)", [&](const auto &b) { series.append(b); });
    // The real GUI-thread step: every model at once, and the batch released after.
    PlantModels models;
    watchPlottedSeries(models.series(), &models.history());
    const double c0 = threadCpuNow();
    for (auto &b : batches) {
        auto batch = std::make_shared<EventBatch>();
        batch->events = std::move(b);
        models.applyBatch(batch);
    }
    batches.clear();
    std::printf("  %-34s %6.2f us/record\n", "PlantModels::applyBatch + release",
                1e6 * (threadCpuNow() - c0) / double(records));
    return 0;
}

int historyAlone(const QStringList &args)
{
    const quint64 events = arg(args, 2, 5000000);
    NdhFeed feed;
    HistoryStore history;
    const qint64 rssBefore = residentBytes();
    const qint64 t0 = 1754217000000;
    static const std::array<const char *, 4> kAttributes = {"pressure", "temperature", "flow_rate", "speed"};
    std::vector<PlantEvent> batch;
    for (quint64 i = 0; i < events; ++i) {
        PlantEvent e;
        e.messageId = QStringLiteral("m-%1").arg(i);
        e.eventType = QStringLiteral("attribute_changed");
        const int a = int(i % quint64(feed.assets));
        e.asset = {QStringLiteral("AREA-%1").arg(a % 20), QStringLiteral("Pump"), QString::fromLatin1(feed.assetId(i))};
        e.eventTimeMs = t0 + qint64(i);
        e.attributes.push_back({QString::fromLatin1(kAttributes[(i / quint64(feed.assets)) % 4]),
                                double((i * 7919) % 100000) / 100.0, {}});
        batch.push_back(std::move(e));
        if (batch.size() == 10000) {
            history.append(batch);
            batch.clear();
        }
    }
    history.append(batch);
    batch.clear();
    batch.shrink_to_fit();
    const qint64 rssAfter = residentBytes();
    std::printf("history engine alone: %zu samples; engine's own count %.2f B/sample; resident %.2f B/sample "
                "(RSS +%.1f MiB)\n",
                history.sampleCount(), double(history.memoryBytes()) / double(history.sampleCount()),
                double(rssAfter - rssBefore) / double(history.sampleCount()), double(rssAfter - rssBefore) / 1048576.0);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // Line by line even into a pipe or file: a run cut short (timeout(1)) keeps what
    // it printed.
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const QStringList args = app.arguments();
    printMachine();
    const QString mode = args.size() > 1 ? args[1] : QStringLiteral("ingest");
    if (mode == u"ingest")
        return ingest(args);
    if (mode == u"latency")
        return latency(args);
    if (mode == u"memory")
        return memory(args);
    if (mode == u"history")
        return historyAlone(args);
    if (mode == u"apply")
        return applyBreakdown(args);
    if (mode == u"plant")
        return plant(args);
    std::fprintf(stderr, "usage: bench_ingest ingest|latency|memory|history|apply|plant [...]\n");
    return 2;
}
