// ndhctl: the console's pieces from the command line (DESIGN.md §4): run the embedded
// broker, publish the demo plant into any cluster, print the plant's state at an
// instant. Exit codes: 0 success, 1 the operation failed (e.g. broker unreachable),
// 2 bad command line.

#include "embedded_broker.h"
#include "envelope_decoder.h"
#include "plant_generator.h"
#include "plant_simulator.h"
#include "plant_state.h"
#include "topic_catalog.h"
#include "topic_snapshot_reader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>

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
    int exitCode = 0;
    if (!parseCommand(p, command, arguments, exitCode))
        return exitCode;
    if (p.value(QStringLiteral("bootstrap")).trimmed().isEmpty())
        return usageError(command, QStringLiteral("--bootstrap HOST:PORT is required"));

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
    p.addOption({QStringLiteral("bootstrap"), QStringLiteral("Kafka bootstrap servers HOST:PORT[,...] (required)."),
                 QStringLiteral("B")});
    p.addOption({QStringLiteral("topics"),
                 QStringLiteral("Comma-separated topics to read (default: every standard topic)."),
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
    if (p.value(QStringLiteral("bootstrap")).trimmed().isEmpty())
        return usageError(command, QStringLiteral("--bootstrap HOST:PORT is required"));
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
        printOut(QString::fromStdString(timeline.stateAt(atMs).toJson(atMs, reader.rejected()).dump(2)) + u'\n');
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
        "  state      Print the plant's state at an instant as JSON\n"
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
    printErr(QStringLiteral("ndhctl: unknown command '%1'\nTry 'ndhctl --help'.").arg(command));
    return kExitUsage;
}
