// ndhctl: the console's pieces from the command line (DESIGN.md §4): run the embedded
// broker, publish the demo plant into any cluster, print the plant's state at an
// instant. Exit codes: 0 success, 1 the operation failed (e.g. broker unreachable),
// 2 bad command line.

#include "cluster_log_io.h"
#include "embedded_broker.h"
#include "envelope_decoder.h"
#include "history_store.h"
#include "log_file_reader.h"
#include "log_file_writer.h"
#include "plant_generator.h"
#include "plant_simulator.h"
#include "redis_plant_mirror.h"
#include "plant_state.h"
#include "raw_record_journal.h"
#include "topic_catalog.h"
#include "topic_snapshot_reader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdio>
#include <optional>

#ifdef Q_OS_UNIX
#include <signal.h>
#include <time.h>
#else
#include <atomic>
#include <thread>
#endif

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

void printErr(const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stderr);
    std::fflush(stderr);
}

void printOut(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

// Ctrl+C / SIGTERM as a value to wait for. On POSIX the signals are blocked in every
// thread (call block() before any librdkafka thread starts) and taken synchronously,
// so no handler runs in a random librdkafka thread.
class TerminationSignals
{
public:
    void block()
    {
#ifdef Q_OS_UNIX
        sigemptyset(&m_set);
        sigaddset(&m_set, SIGINT);
        sigaddset(&m_set, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &m_set, nullptr);
#else
        std::signal(SIGINT, &TerminationSignals::onSignal);
        std::signal(SIGTERM, &TerminationSignals::onSignal);
#endif
    }
    // True when a termination signal arrived within timeoutMs (-1: wait forever).
    bool wait(int timeoutMs)
    {
#ifdef Q_OS_UNIX
        if (timeoutMs < 0) {
            int sig = 0;
            return sigwait(&m_set, &sig) == 0;
        }
        const timespec ts{timeoutMs / 1000, long(timeoutMs % 1000) * 1000000L};
        return sigtimedwait(&m_set, nullptr, &ts) > 0;
#else
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        while (!s_signalled.load() && (timeoutMs < 0 || std::chrono::steady_clock::now() < until))
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        return s_signalled.load();
#endif
    }

private:
#ifdef Q_OS_UNIX
    sigset_t m_set{};
#else
    static void onSignal(int) { s_signalled = true; }
    static inline std::atomic<bool> s_signalled{false};
#endif
};

// Parses the sub-command's options; on --help prints it and returns 0 through
// `exitCode`, on a bad command line prints why and returns 2.
bool parseCommand(QCommandLineParser &parser, const QString &command, const QStringList &arguments,
                  int &exitCode)
{
    parser.addHelpOption();
    parser.addPositionalArgument(command, QString(), command);
    if (!parser.parse(arguments)) {
        printErr(QStringLiteral("ndhctl %1: %2\nTry 'ndhctl %1 --help'.").arg(command, parser.errorText()));
        exitCode = kExitUsage;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        exitCode = 0;
        return false;
    }
    if (parser.positionalArguments().size() > 1) {
        printErr(QStringLiteral("ndhctl %1: unexpected argument '%2'\nTry 'ndhctl %1 --help'.")
                     .arg(command, parser.positionalArguments().at(1)));
        exitCode = kExitUsage;
        return false;
    }
    return true;
}

int usageError(const QString &command, const QString &message)
{
    printErr(QStringLiteral("ndhctl %1: %2\nTry 'ndhctl %1 --help'.").arg(command, message));
    return kExitUsage;
}

std::optional<qint64> integerOption(const QCommandLineParser &p, const QString &name, qint64 min, qint64 max,
                                    const QString &command, int &exitCode)
{
    bool ok = false;
    const qint64 v = p.value(name).toLongLong(&ok);
    if (!ok || v < min || v > max) {
        exitCode = usageError(command, QStringLiteral("--%1 must be a whole number from %2 to %3, got '%4'")
                                           .arg(name)
                                           .arg(min)
                                           .arg(max)
                                           .arg(p.value(name)));
        return std::nullopt;
    }
    return v;
}

std::optional<double> numberOption(const QCommandLineParser &p, const QString &name, double min, double max,
                                   const QString &command, int &exitCode)
{
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok || !(v >= min) || !(v <= max)) {
        exitCode = usageError(command, QStringLiteral("--%1 must be a number from %2 to %3, got '%4'")
                                           .arg(name)
                                           .arg(min)
                                           .arg(max)
                                           .arg(p.value(name)));
        return std::nullopt;
    }
    return v;
}

// --- broker -----------------------------------------------------------------------------

int runBroker(const QStringList &arguments)
{
    const QString command = QStringLiteral("broker");
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Runs the embedded Kafka broker (librdkafka mock cluster) on a loopback port with every "
        "standard topic created, until Ctrl+C or SIGTERM.\nThe first line of standard output is "
        "'bootstrap HOST:PORT'. Any Kafka client (kcat, the console) can connect to it.\n"
        "Each partition keeps only its newest ~100,000 messages (5 MB)."));
    p.addOption({QStringLiteral("partitions"), QStringLiteral("Partitions per topic (default 4)."),
                 QStringLiteral("N"), QStringLiteral("4")});
    p.addOption({QStringLiteral("brokers"), QStringLiteral("Number of brokers in the cluster (default 1)."),
                 QStringLiteral("N"), QStringLiteral("1")});
    int exitCode = 0;
    if (!parseCommand(p, command, arguments, exitCode))
        return exitCode;
    const auto partitions = integerOption(p, QStringLiteral("partitions"), 1, 1000, command, exitCode);
    const auto brokers = integerOption(p, QStringLiteral("brokers"), 1, 16, command, exitCode);
    if (!partitions || !brokers)
        return exitCode;

    TerminationSignals termination;
    termination.block(); // before the broker's threads exist, so they inherit the mask
    ndh::EmbeddedBroker broker;
    if (!broker.start(int(*partitions), int(*brokers))) {
        printErr(QStringLiteral("ndhctl broker: %1").arg(broker.error()));
        return kExitFailure;
    }
    // Scripts read this line to find the port: it goes first and is flushed at once.
    printOut(QStringLiteral("bootstrap %1\n").arg(broker.bootstrap()));
    printErr(QStringLiteral("ndhctl broker: %1 topics x %2 partitions at %3; Ctrl+C to stop")
                 .arg(broker.createdTopics().size())
                 .arg(*partitions)
                 .arg(broker.bootstrap()));
    termination.wait(-1);
    printErr(QStringLiteral("ndhctl broker: stopping"));
    broker.stop();
    return 0;
}

// --- simulate ---------------------------------------------------------------------------

int runSimulate(const QStringList &arguments)
{
    const QString command = QStringLiteral("simulate");
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Publishes the demo plant (pumps, motors, compressors, conveyors in FACTORY_A, FACTORY_B, "
        "WAREHOUSE_C, plus %1 drones) into a Kafka cluster: NDH envelopes on ndh.*, drone envelopes on "
        "drone-events/task-events/alert-events/monitoring-data, domain envelopes on domain-events.\n"
        "Runs until --count records or --duration seconds, or Ctrl+C; waits for every record to be "
        "delivered and prints a summary on standard error.\n"
        "With --start-time the records carry a simulated clock and the output is identical for a seed.")
                                    .arg(ndh::PlantGenerator::kDroneCount));
    p.addOption({QStringLiteral("bootstrap"), QStringLiteral("Kafka bootstrap servers HOST:PORT[,...] (required)."),
                 QStringLiteral("B")});
    p.addOption({QStringLiteral("assets"), QStringLiteral("Number of plant assets (default 40)."),
                 QStringLiteral("N"), QStringLiteral("40")});
    p.addOption({QStringLiteral("rate"),
                 QStringLiteral("Records per second over all topics (default 200; 0: as fast as possible)."),
                 QStringLiteral("MSGS_PER_S"), QStringLiteral("200")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("S"),
                 QStringLiteral("1")});
    p.addOption({QStringLiteral("duration"), QStringLiteral("Stop after this many seconds."), QStringLiteral("SEC")});
    p.addOption({QStringLiteral("count"), QStringLiteral("Stop after this many records."), QStringLiteral("N")});
    p.addOption({QStringLiteral("start-time"),
                 QStringLiteral("Simulated clock start (ISO 8601, e.g. 2025-08-03T10:30:00Z, or epoch seconds)."),
                 QStringLiteral("ISO")});
    p.addOption({QStringLiteral("timeout"),
                 QStringLiteral("Seconds to wait for the cluster to answer, and for deliveries at the end "
                                "(default 10)."),
                 QStringLiteral("SEC"), QStringLiteral("10")});
    p.addOption({QStringLiteral("redis"),
                 QStringLiteral("Also write each asset's state hash to Redis and publish the low-latency events "
                                "there (reference 000's routing; docs/REDIS.md). Password from the environment "
                                "variable NDH_REDIS_PASSWORD."),
                 QStringLiteral("HOST:PORT")});
    p.addOption({QStringLiteral("redis-prefix"),
                 QStringLiteral("With --redis: key prefix of the state hashes (default ndh:state:)."),
                 QStringLiteral("PREFIX")});
    p.addOption({QStringLiteral("redis-channels"),
                 QStringLiteral("With --redis: channels for status, alarms and values (default "
                                "ndh:asset:status,ndh:asset:alarm,ndh:asset:value)."),
                 QStringLiteral("STATUS,ALARM,VALUE")});
    int exitCode = 0;
    if (!parseCommand(p, command, arguments, exitCode))
        return exitCode;
    if (p.value(QStringLiteral("bootstrap")).trimmed().isEmpty())
        return usageError(command, QStringLiteral("--bootstrap HOST:PORT is required"));
    std::unique_ptr<ndh::RedisPlantMirror> mirror;
    if (p.isSet(QStringLiteral("redis"))) {
        QString why;
        const auto endpoint = ndh::parseRedisAddress(p.value(QStringLiteral("redis")), &why);
        if (!endpoint)
            return usageError(command, QStringLiteral("--redis %1").arg(why));
        ndh::RedisConfig redis;
        redis.endpoint = *endpoint;
        redis.endpoint.password = qEnvironmentVariable("NDH_REDIS_PASSWORD");
        const auto optional = [&p](const char *name) {
            return p.isSet(QString::fromLatin1(name)) ? p.value(QString::fromLatin1(name)) : QString();
        };
        if (!ndh::applyRedisNaming(redis, optional("redis-prefix"), optional("redis-channels"), &why))
            return usageError(command, why);
        mirror = std::make_unique<ndh::RedisPlantMirror>(redis);
        if (!mirror->connect()) {
            printErr(QStringLiteral("ndhctl simulate: %1").arg(mirror->error()));
            return kExitFailure;
        }
    }

    ndh::SimulatorOptions options;
    const auto assets = integerOption(p, QStringLiteral("assets"), 0, 100000, command, exitCode);
    const auto rate = numberOption(p, QStringLiteral("rate"), 0, 1e7, command, exitCode);
    const auto seed = integerOption(p, QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max(), command, exitCode);
    const auto timeout = numberOption(p, QStringLiteral("timeout"), 0.1, 3600, command, exitCode);
    if (!assets || !rate || !seed || !timeout)
        return exitCode;
    options.assets = int(*assets);
    options.rate = *rate;
    options.seed = quint64(*seed);
    if (p.isSet(QStringLiteral("count"))) {
        const auto count = integerOption(p, QStringLiteral("count"), 0, std::numeric_limits<qint64>::max(), command, exitCode);
        if (!count)
            return exitCode;
        options.count = *count;
    }
    if (p.isSet(QStringLiteral("duration"))) {
        const auto duration = numberOption(p, QStringLiteral("duration"), 0, 1e9, command, exitCode);
        if (!duration)
            return exitCode;
        options.durationSec = *duration;
    }
    if (p.isSet(QStringLiteral("start-time"))) {
        const auto start = ndh::parseTimestampMs(p.value(QStringLiteral("start-time")));
        if (!start || *start < 0)
            return usageError(command, QStringLiteral("--start-time '%1' is not a time: use ISO 8601 "
                                                      "(2025-08-03T10:30:00Z) or epoch seconds")
                                           .arg(p.value(QStringLiteral("start-time"))));
        options.startTimeMs = *start;
    }

    TerminationSignals termination;
    termination.block();
    const int timeoutMs = int(*timeout * 1000);
    ndh::PlantSimulator simulator(p.value(QStringLiteral("bootstrap")).trimmed(), options);
    simulator.setFlushTimeoutMs(std::max(timeoutMs, 1000));
    std::atomic<bool> redisFailed = false;
    if (mirror) {
        // On the simulator thread, just before each record goes to Kafka; pipelined
        // and flushed in small groups so Redis keeps up with the rate.
        simulator.setRecordTap([&mirror, &redisFailed, n = quint64(0)](const ndh::PlantRecord &record) mutable {
            if (redisFailed)
                return;
            mirror->mirror(record);
            if (++n % 64 == 0 && !mirror->flush())
                redisFailed = true;
        });
    }
    if (!simulator.start(timeoutMs)) {
        printErr(QStringLiteral("ndhctl simulate: %1").arg(simulator.error()));
        return kExitFailure;
    }
    bool interrupted = false;
    while (!simulator.waitFinished(0)) {
        if (termination.wait(200)) {
            interrupted = true;
            simulator.requestStop();
        }
    }
    simulator.stop();
    if (mirror) {
        if (!redisFailed && !mirror->flush())
            redisFailed = true;
        printErr(QStringLiteral("ndhctl simulate: redis: %1 state hashes written, %2 events published%3")
                     .arg(mirror->hashesWritten())
                     .arg(mirror->published())
                     .arg(redisFailed ? QStringLiteral("; failed: ") + mirror->error() : QString()));
        if (redisFailed)
            return kExitFailure;
    }
    const quint64 produced = simulator.produced();
    const quint64 delivered = simulator.delivered();
    const double secs = simulator.elapsedSec();
    printErr(QStringLiteral("ndhctl simulate: %1 records produced, %2 delivered, %3 failed in %4 s (%5 records/s); "
                            "seed %6, %7 assets + %8 drones%9")
                 .arg(produced)
                 .arg(delivered)
                 .arg(simulator.failed())
                 .arg(secs, 0, 'f', 1)
                 .arg(secs > 0 ? double(delivered) / secs : 0.0, 0, 'f', 0)
                 .arg(options.seed)
                 .arg(options.assets)
                 .arg(ndh::PlantGenerator::kDroneCount)
                 .arg(interrupted ? QStringLiteral(" (interrupted)") : QString()));
    if (simulator.failed() > 0 || delivered != produced) {
        printErr(QStringLiteral("ndhctl simulate: %1").arg(simulator.error().isEmpty()
                                                              ? QStringLiteral("not every record was delivered")
                                                              : simulator.error()));
        return kExitFailure;
    }
    return 0;
}

// --- logs (issue 7) ---------------------------------------------------------------------

QStringList topicList(const QCommandLineParser &p)
{
    QStringList topics;
    for (const QString &t : p.value(QStringLiteral("topics")).split(u',', Qt::SkipEmptyParts))
        topics << t.trimmed();
    return topics;
}

void printDamage(const QString &command, const ndh::LogFileReader &reader)
{
    if (reader.damageCount() == 0)
        return;
    printErr(QStringLiteral("ndhctl %1: %2: %3 damaged line(s) skipped, everything else loaded")
                 .arg(command, reader.path())
                 .arg(reader.damageCount()));
    for (size_t i = 0; i < reader.damages().size() && i < 10; ++i)
        printErr(QStringLiteral("  %1").arg(reader.damages()[i].message()));
}

// The state at an instant from the history engine, the same one the console's time
// slider scrubs, so `ndhctl state --at` and the console cannot disagree.
ndh::PlantState historyStateAt(const ndh::EventTimeline &timeline, qint64 atMs)
{
    ndh::HistoryStore history;
    history.append(timeline.events());
    return history.stateAt(atMs);
}

// `state --file`: the same EventTimeline as `state --bootstrap`, fed from the file,
// so both print identical JSON for the same records.
int stateFromFile(const QCommandLineParser &p, std::optional<qint64> at)
{
    const QString command = QStringLiteral("state");
    const QStringList topics = topicList(p);
    ndh::LogFileReader reader;
    if (!reader.open(p.value(QStringLiteral("file")))) {
        printErr(QStringLiteral("ndhctl state: %1").arg(reader.fatalDamage()->message()));
        return kExitFailure;
    }
    ndh::EnvelopeDecoder decoder;
    ndh::EventTimeline timeline;
    std::vector<ndh::PlantEvent> events;
    std::vector<ndh::DeadLetter> letters;
    quint64 rejected = 0;
    std::optional<ndh::DeadLetter> firstRejected;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    ndh::LogChunk chunk;
    bool more = true;
    while (more) {
        chunk.clear();
        more = reader.readChunk(chunk, 10000);
        for (const ndh::LogRecord &r : chunk.records) {
            if (!topics.isEmpty() && !topics.contains(r.topic))
                continue;
            ndh::EventSource source;
            source.channel = ndh::EventSource::Channel::File;
            source.topic = r.topic;
            source.partition = r.partition;
            source.offset = r.offset;
            source.brokerTimeMs = r.tstype != ndh::LogRecord::TimestampType::None && r.timestampMs > 0 ? r.timestampMs : 0;
            events.clear();
            letters.clear();
            if (!decoder.decodeOrDeadLetter(r.payload.value_or(QByteArray()), r.key.value_or(QByteArray()), source,
                                            events, letters, nowMs)) {
                ++rejected;
                if (!firstRejected && !letters.empty())
                    firstRejected = letters.front();
            }
            for (ndh::PlantEvent &e : events)
                timeline.add(std::move(e));
        }
        rejected += chunk.damages.size();
    }
    if (reader.fatalDamage() && reader.recordsRead() == 0) {
        printErr(QStringLiteral("ndhctl state: %1").arg(reader.fatalDamage()->message()));
        return kExitFailure;
    }
    printDamage(command, reader);
    if (firstRejected)
        printErr(QStringLiteral("ndhctl state: record(s) could not be decoded; first: %1 [%2] offset %3: %4")
                     .arg(firstRejected->source.topic)
                     .arg(firstRejected->source.partition)
                     .arg(firstRejected->source.offset)
                     .arg(firstRejected->reason));
    const qint64 atMs = at ? *at : timeline.size() > 0 ? timeline.latestEventMs() : QDateTime::currentMSecsSinceEpoch();
    try {
        printOut(QString::fromStdString(historyStateAt(timeline, atMs).toJson(atMs, rejected).dump(2)) + u'\n');
    } catch (const std::exception &ex) {
        printErr(QStringLiteral("ndhctl state: cannot print the state: %1").arg(QString::fromUtf8(ex.what())));
        return kExitFailure;
    }
    return 0;
}

int runExport(const QStringList &arguments)
{
    const QString command = QStringLiteral("export");
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Reads topics from the beginning to their current end and writes every record as kcat -C -J prints "
        "it, one per line (DESIGN.md section 6). FILE ending in .zst is zstd-compressed. The file is written "
        "atomically: complete, or not at all.\n"
        "--from/--to select by event time (the envelope's timestamp; the record timestamp when a record "
        "does not decode)."));
    p.addOption({QStringLiteral("bootstrap"), QStringLiteral("Kafka bootstrap servers HOST:PORT[,...] (required)."),
                 QStringLiteral("B")});
    p.addOption({QStringLiteral("topics"), QStringLiteral("Comma-separated topics (default: every standard topic)."),
                 QStringLiteral("T1,T2,...")});
    p.addOption({QStringLiteral("from"), QStringLiteral("Oldest event time to keep (ISO 8601 or epoch)."),
                 QStringLiteral("TIME")});
    p.addOption({QStringLiteral("to"), QStringLiteral("Newest event time to keep (ISO 8601 or epoch)."),
                 QStringLiteral("TIME")});
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("The log file to write (required)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("timeout"), QStringLiteral("Give up after this many seconds (default 30)."),
                 QStringLiteral("SEC"), QStringLiteral("30")});
    int exitCode = 0;
    if (!parseCommand(p, command, arguments, exitCode))
        return exitCode;
    if (p.value(QStringLiteral("bootstrap")).trimmed().isEmpty())
        return usageError(command, QStringLiteral("--bootstrap HOST:PORT is required"));
    if (p.value(QStringLiteral("output")).isEmpty())
        return usageError(command, QStringLiteral("-o FILE is required"));
    const auto timeout = numberOption(p, QStringLiteral("timeout"), 0.1, 86400, command, exitCode);
    if (!timeout)
        return exitCode;
    ndh::RawRecordJournal::Selection selection;
    for (const QString &name : {QStringLiteral("from"), QStringLiteral("to")}) {
        if (!p.isSet(name))
            continue;
        const auto t = ndh::parseTimestampMs(p.value(name));
        if (!t)
            return usageError(command, QStringLiteral("--%1 '%2' is not a time: use ISO 8601 (2025-08-03T10:30:00Z) "
                                                      "or epoch seconds")
                                           .arg(name, p.value(name)));
        (name == u"from" ? selection.fromMs : selection.toMs) = *t;
    }
    const QString output = p.value(QStringLiteral("output"));
    ndh::LogFileWriter writer;
    if (!writer.open(output, {ndh::LogFileWriter::compressionForPath(output), 3})) {
        printErr(QStringLiteral("ndhctl export: %1").arg(writer.error()));
        return kExitFailure;
    }
    TerminationSignals termination;
    termination.block();
    ndh::EnvelopeDecoder decoder;
    std::vector<ndh::PlantEvent> events;
    bool writeFailed = false;
    quint64 skipped = 0;
    ndh::ClusterLogReader reader(p.value(QStringLiteral("bootstrap")).trimmed(), topicList(p));
    const bool ok = reader.read(int(*timeout * 1000), [&](ndh::LogRecord &&r) {
        ndh::RecordIndex index;
        index.eventTimeMs = r.timestampMs;
        if (p.isSet(QStringLiteral("from")) || p.isSet(QStringLiteral("to"))) {
            events.clear();
            if (r.payload && decoder.decode(*r.payload, {}, events).accepted && !events.empty())
                index.eventTimeMs = events.front().eventTimeMs;
        }
        if (!ndh::selectionMatches(selection, r, index)) {
            ++skipped;
            return true;
        }
        if (!writer.write(r)) {
            writeFailed = true;
            return false;
        }
        return !termination.wait(0);
    });
    if (!ok || writeFailed) {
        writer.cancel();
        printErr(QStringLiteral("ndhctl export: %1; nothing was written").arg(writeFailed ? writer.error() : reader.error()));
        return kExitFailure;
    }
    if (!reader.missingTopics().isEmpty())
        printErr(QStringLiteral("ndhctl export: not on the cluster: %1").arg(reader.missingTopics().join(u", ")));
    if (!writer.commit()) {
        printErr(QStringLiteral("ndhctl export: %1").arg(writer.error()));
        return kExitFailure;
    }
    printErr(QStringLiteral("ndhctl export: %1 records written to %2 (%3 outside the time range)")
                 .arg(writer.recordsWritten())
                 .arg(output)
                 .arg(skipped));
    return 0;
}

int runReplay(const QStringList &arguments)
{
    const QString command = QStringLiteral("replay");
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Re-publishes a log (kcat -C -J lines, .jsonl.zst or .ndh) into a Kafka cluster, for testing other "
        "consumers. Keys, headers and create timestamps are kept; each record goes to its original partition "
        "when the topic has it (otherwise the partitioner chooses). Damaged lines are reported and skipped.\n"
        "Pace: as fast as possible (default), --rate records per second, or --realtime (the gaps between the "
        "records' timestamps, divided by --speed)."));
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The log to replay."));
    p.addOption({QStringLiteral("bootstrap"), QStringLiteral("Kafka bootstrap servers HOST:PORT[,...] (required)."),
                 QStringLiteral("B")});
    p.addOption({QStringLiteral("rate"), QStringLiteral("Records per second."), QStringLiteral("X")});
    p.addOption({QStringLiteral("realtime"), QStringLiteral("Keep the recorded gaps between records.")});
    p.addOption({QStringLiteral("speed"), QStringLiteral("With --realtime: play this many times faster (default 1)."),
                 QStringLiteral("F"), QStringLiteral("1")});
    p.addOption({QStringLiteral("timeout"), QStringLiteral("Seconds to wait for the cluster and for deliveries (default 30)."),
                 QStringLiteral("SEC"), QStringLiteral("30")});
    p.addHelpOption();
    if (!p.parse(arguments))
        return usageError(command, p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        printOut(p.helpText());
        return 0;
    }
    const QStringList positional = p.positionalArguments().mid(1);
    if (positional.size() != 1)
        return usageError(command, QStringLiteral("give exactly one log FILE"));
    if (p.value(QStringLiteral("bootstrap")).trimmed().isEmpty())
        return usageError(command, QStringLiteral("--bootstrap HOST:PORT is required"));
    if (p.isSet(QStringLiteral("rate")) && p.isSet(QStringLiteral("realtime")))
        return usageError(command, QStringLiteral("--rate and --realtime exclude each other"));
    int exitCode = 0;
    const auto timeout = numberOption(p, QStringLiteral("timeout"), 0.1, 3600, command, exitCode);
    const auto speed = numberOption(p, QStringLiteral("speed"), 0.001, 1e6, command, exitCode);
    if (!timeout || !speed)
        return exitCode;
    double rate = 0;
    if (p.isSet(QStringLiteral("rate"))) {
        const auto r = numberOption(p, QStringLiteral("rate"), 0.001, 1e7, command, exitCode);
        if (!r)
            return exitCode;
        rate = *r;
    }
    const bool realtime = p.isSet(QStringLiteral("realtime"));

    ndh::LogFileReader reader;
    if (!reader.open(positional.first())) {
        printErr(QStringLiteral("ndhctl replay: %1").arg(reader.fatalDamage()->message()));
        return kExitFailure;
    }
    TerminationSignals termination;
    termination.block();
    ndh::LogReplayer replayer(p.value(QStringLiteral("bootstrap")).trimmed());
    const int timeoutMs = int(*timeout * 1000);
    if (!replayer.start(timeoutMs)) {
        printErr(QStringLiteral("ndhctl replay: %1").arg(replayer.error()));
        return kExitFailure;
    }
    QElapsedTimer clock;
    clock.start();
    qint64 firstTs = -1;
    quint64 sent = 0;
    bool interrupted = false;
    ndh::LogChunk chunk;
    bool more = true;
    while (more && !interrupted) {
        chunk.clear();
        more = reader.readChunk(chunk, 1000);
        for (const ndh::LogRecord &r : chunk.records) {
            // Pacing: wait until this record is due (signals end the wait early).
            qint64 dueMs = 0;
            if (rate > 0)
                dueMs = qint64(double(sent) * 1000.0 / rate);
            else if (realtime && r.timestampMs > 0) {
                if (firstTs < 0)
                    firstTs = r.timestampMs;
                dueMs = qint64(double(r.timestampMs - firstTs) / *speed);
            }
            const qint64 waitMs = dueMs - clock.elapsed();
            if (waitMs > 0 && termination.wait(int(waitMs))) {
                interrupted = true;
                break;
            }
            if (!replayer.publish(r)) {
                printErr(QStringLiteral("ndhctl replay: %1").arg(replayer.error()));
                return kExitFailure;
            }
            ++sent;
        }
        if (termination.wait(0))
            interrupted = true;
    }
    const bool delivered = replayer.finish(timeoutMs);
    printDamage(command, reader);
    printErr(QStringLiteral("ndhctl replay: %1 records published, %2 delivered, %3 failed in %4 s%5%6")
                 .arg(replayer.produced())
                 .arg(replayer.delivered())
                 .arg(replayer.failed())
                 .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1)
                 .arg(replayer.repartitioned() > 0
                          ? QStringLiteral("; %1 went to another partition (the topic has fewer)").arg(replayer.repartitioned())
                          : QString())
                 .arg(interrupted ? QStringLiteral(" (interrupted)") : QString()));
    if (!delivered) {
        printErr(QStringLiteral("ndhctl replay: %1").arg(replayer.error()));
        return kExitFailure;
    }
    return reader.fatalDamage() ? kExitFailure : 0;
}

// --- state ------------------------------------------------------------------------------

int runState(const QStringList &arguments)
{
    const QString command = QStringLiteral("state");
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Reads every record up to the current end of each partition and prints the plant's state at "
        "TIME (default: the latest event) as JSON:\n"
        "{\"at\", \"assets\": [{\"location\", \"type\", \"id\", \"lifecycle\", \"attributes\", \"updated\"}], "
        "\"alarms\": [...], \"rejected\": N}\n"
        "State at t applies every event with event time <= t in event-time order (ties in arrival order), "
        "each message id once. Naive timestamps are UTC. Records that cannot be decoded are counted in "
        "\"rejected\"."));
    p.addOption({QStringLiteral("bootstrap"), QStringLiteral("Kafka bootstrap servers HOST:PORT[,...] (this or --file)."),
                 QStringLiteral("B")});
    p.addOption({QStringLiteral("file"),
                 QStringLiteral("Answer from an exported log instead of a cluster: kcat -C -J lines, .jsonl.zst or "
                                "an incident bundle (.ndh)."),
                 QStringLiteral("F")});
    p.addOption({QStringLiteral("topics"),
                 QStringLiteral("Comma-separated topics to read (default: every standard topic; with --file: "
                                "every topic in the file)."),
                 QStringLiteral("T1,T2,...")});
    p.addOption({QStringLiteral("at"),
                 QStringLiteral("The instant (ISO 8601, e.g. 2025-08-03T10:30:00Z, or epoch seconds/ms)."),
                 QStringLiteral("TIME")});
    p.addOption({QStringLiteral("envelope"),
                 QStringLiteral("Pin topics to an envelope instead of sniffing each record (repeatable; "
                                "PATTERN takes '*')."),
                 QStringLiteral("PATTERN=ndh|drone|domain")});
    p.addOption({QStringLiteral("timeout"),
                 QStringLiteral("Give up after this many seconds (default 10)."), QStringLiteral("SEC"),
                 QStringLiteral("10")});
    int exitCode = 0;
    if (!parseCommand(p, command, arguments, exitCode))
        return exitCode;
    const bool fromFile = p.isSet(QStringLiteral("file"));
    if (fromFile && p.isSet(QStringLiteral("bootstrap")))
        return usageError(command, QStringLiteral("--bootstrap and --file exclude each other"));
    if (!fromFile && p.value(QStringLiteral("bootstrap")).trimmed().isEmpty())
        return usageError(command, QStringLiteral("--bootstrap HOST:PORT or --file F is required"));
    const auto timeout = numberOption(p, QStringLiteral("timeout"), 0.1, 3600, command, exitCode);
    if (!timeout)
        return exitCode;
    std::optional<qint64> at;
    if (p.isSet(QStringLiteral("at"))) {
        at = ndh::parseTimestampMs(p.value(QStringLiteral("at")));
        if (!at)
            return usageError(command, QStringLiteral("--at '%1' is not a time: use ISO 8601 "
                                                      "(2025-08-03T10:30:00Z) or epoch seconds")
                                           .arg(p.value(QStringLiteral("at"))));
    }
    if (fromFile)
        return stateFromFile(p, at);
    ndh::ConsumerConfig config;
    config.bootstrap = p.value(QStringLiteral("bootstrap")).trimmed();
    if (p.isSet(QStringLiteral("topics"))) {
        for (const QString &t : p.value(QStringLiteral("topics")).split(u',', Qt::SkipEmptyParts))
            config.topics << t.trimmed();
        if (config.topics.isEmpty())
            return usageError(command, QStringLiteral("--topics needs at least one topic name"));
    }
    for (const QString &rule : p.values(QStringLiteral("envelope"))) {
        QString why;
        const auto parsed = ndh::parseEnvelopeRule(rule, &why);
        if (!parsed)
            return usageError(command, QStringLiteral("--envelope %1").arg(why));
        config.topicEnvelopes << qMakePair(parsed->first, parsed->second);
    }

    ndh::TopicSnapshotReader reader(config);
    if (!reader.read(int(*timeout * 1000))) {
        printErr(QStringLiteral("ndhctl state: %1").arg(reader.error()));
        return kExitFailure;
    }
    if (p.isSet(QStringLiteral("topics")) && !reader.missingTopics().isEmpty())
        printErr(QStringLiteral("ndhctl state: not on the cluster: %1").arg(reader.missingTopics().join(u", ")));
    if (reader.rejected() > 0) {
        const ndh::DeadLetter &first = reader.deadLetters().front();
        printErr(QStringLiteral("ndhctl state: %1 record(s) could not be decoded; first: %2 [%3] offset %4: %5")
                     .arg(reader.rejected())
                     .arg(first.source.topic)
                     .arg(first.source.partition)
                     .arg(first.source.offset)
                     .arg(first.reason));
    }
    const ndh::EventTimeline &timeline = reader.timeline();
    // Without --at: the newest event time, or now when there are no events at all.
    const qint64 atMs = at ? *at : timeline.size() > 0 ? timeline.latestEventMs() : QDateTime::currentMSecsSinceEpoch();
    try {
        printOut(QString::fromStdString(historyStateAt(timeline, atMs).toJson(atMs, reader.rejected()).dump(2)) + u'\n');
    } catch (const std::exception &ex) {
        printErr(QStringLiteral("ndhctl state: cannot print the state: %1").arg(QString::fromUtf8(ex.what())));
        return kExitFailure;
    }
    return 0;
}

QString generalHelp()
{
    return QStringLiteral(
        "Usage: ndhctl <command> [options]\n"
        "\n"
        "The NDH console's Kafka tools.\n"
        "\n"
        "Commands:\n"
        "  broker     Run the embedded Kafka broker with the standard topics\n"
        "  simulate   Publish the demo plant into a Kafka cluster\n"
        "  state      Print the plant's state at an instant as JSON (from a cluster or a log)\n"
        "  export     Write topics of a cluster to a log file (kcat -J lines, optionally .zst)\n"
        "  replay     Re-publish a log file into a cluster\n"
        "\n"
        "Run 'ndhctl <command> --help' for a command's options.\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ndhctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        printErr(generalHelp());
        return kExitUsage;
    }
    const QString command = args.at(1);
    if (command == u"--help" || command == u"-h" || command == u"help") {
        printOut(generalHelp());
        return 0;
    }
    if (command == u"--version" || command == u"-v") {
        printOut(QStringLiteral("ndhctl %1\n").arg(QCoreApplication::applicationVersion()));
        return 0;
    }
    if (command == u"broker")
        return runBroker(args);
    if (command == u"simulate")
        return runSimulate(args);
    if (command == u"state")
        return runState(args);
    if (command == u"export")
        return runExport(args);
    if (command == u"replay")
        return runReplay(args);
    printErr(QStringLiteral("ndhctl: unknown command '%1'\nTry 'ndhctl --help'.").arg(command));
    return kExitUsage;
}
