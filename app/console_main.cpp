// ndh-console: composes the backend (kafka layer) with the window (ui layer).
// Everything else lives in the layer libraries.

#include "about_dialog.h"
#include "alarm_list_view.h"
#include "asset_tree_view.h"
#include "audit_log.h"
#include "command_catalog.h"
#include "command_sender.h"
#include "command_tracker.h"
#include "connection_dialog.h"
#include "connection_setup.h"
#include "consumer_config.h"
#include "demo_plant.h"
#include "envelope_decoder.h"
#include "first_run_dialog.h"
#include "command_palette.h"
#include "settings_dialog.h"
#include "hmi_style.h"
#include "ingest_backend.h"
#include "keychain_secret_store.h"
#include "language.h"
#include "kafka_record_fetch.h"
#include "log_session_controller.h"
#include "history_backfill.h"
#include "load_history_dialog.h"
#include "main_window.h"
#include "operator_action_gate.h"
#include "operator_controls.h"
#include "command_dialog.h"
#include "plant_models.h"
#include "plot_area.h"
#include "plot_panel.h"
#include "startup_trace.h"
#include "time_cursor.h"
#include "time_slider.h"
#include "topic_browser_panel.h"
#include "topic_browser_session.h"
#include "topic_catalog.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QDateTime>
#include <QFileDialog>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QSettings>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QUuid>
#include <QTimer>

#include <librdkafka/rdkafka.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#ifndef NDH_VERSION
#define NDH_VERSION "0.1.0"
#endif

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ndh-console", text);
}

// Quitting must end within a bound even if a library blocks past its own timeout
// (DESIGN.md §3): once armed, the process exits after the bound no matter what.
class ShutdownWatchdog
{
public:
    explicit ShutdownWatchdog(std::chrono::milliseconds bound)
        : m_bound(bound)
    {
    }
    ~ShutdownWatchdog()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_cv.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }
    void arm()
    {
        if (m_thread.joinable())
            return;
        m_thread = std::thread([this] {
            std::unique_lock lock(m_mutex);
            if (!m_cv.wait_for(lock, m_bound, [this] { return m_done; })) {
                std::fputs("ndh-console: shutdown did not finish in time; exiting anyway\n", stderr);
                std::fflush(stderr);
                std::_Exit(0);
            }
        });
    }

private:
    std::chrono::milliseconds m_bound;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_done = false;
    std::thread m_thread;
};

struct Options
{
    bool demo = true;
    ndh::ConsumerConfig consumer;
    int partitions = 4;
    ndh::SimulatorOptions simulator;
    QString screenshotFile;
    int screenshotAfterMs = 6000;
    QList<QStringList> plots; // attribute keys per plot
    QString filter;
    bool groupAlarms = false;
    bool scrubToAlarm = false; // screenshots: the console scrubbed back to an alarm
    QString logFile; // open this log or incident bundle offline (no broker, no demo)
    QStringList browseTopics; // --browse: open the Topics dock scanning these
    ndh::RedisConfig redis;  // enabled by --redis or --redis-socket
    qint64 staleAfterMs = 60000;
    bool sourceGiven = false; // --demo, --bootstrap or FILE: no first-run choice
    QString language;         // --lang: en, zh_TW, zh_CN or system; empty: the saved choice
    QString theme;            // --theme: light, dark or system; empty: the saved choice
    QString showDialog;       // screenshots: palette[:QUERY], about, shortcuts, settings, welcome or theme:NAME
    QString profile;          // --profile: a saved connection profile (issue 9)
    // Operator actions (issue 8).
    std::optional<ndh::Role> role; // --role; else viewer (operator in --demo)
    QString user;                  // --user; else the OS user
    QString auditLog;              // --audit-log; else AuditLog::defaultPath()
    QString auditTopic;            // --audit-topic: audit records also go to this topic
    QString commandsFile;          // --commands: the command catalog; else the built-in one
    bool showCommands = false;     // screenshots: a few commands sent and the command dialog open
};

int fail(const QString &message)
{
    std::fprintf(stderr, "ndh-console: %s\n", qPrintable(message));
    return 2;
}

std::optional<Options> parseOptions(const QCoreApplication &app, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Operator console for NDH assets on Kafka and Redis."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  tr("Run the embedded broker and plant simulator and connect to them "
                                     "(what a first start with no arguments offers first)."));
    const QCommandLineOption bootstrap(QStringLiteral("bootstrap"), tr("Kafka bootstrap servers."),
                                       QStringLiteral("HOST:PORT"));
    const QCommandLineOption topics(QStringLiteral("topics"), tr("Comma-separated topics (default: the standard topics)."),
                                    QStringLiteral("t1,t2"));
    const QCommandLineOption start(QStringLiteral("start"), tr("Where to start reading: beginning, end or last:N."),
                                   QStringLiteral("beginning|end|last:N"), QStringLiteral("beginning"));
    const QCommandLineOption partitions(QStringLiteral("partitions"), tr("Partitions per topic of the demo broker."),
                                        QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption rate(QStringLiteral("rate"), tr("Demo simulator: messages per second."),
                                  QStringLiteral("R"), QStringLiteral("200"));
    const QCommandLineOption assets(QStringLiteral("assets"), tr("Demo simulator: number of assets."),
                                    QStringLiteral("N"), QStringLiteral("40"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Demo simulator: random seed."), QStringLiteral("S"),
                                  QStringLiteral("1"));
    const QCommandLineOption envelope(QStringLiteral("envelope"),
                                      tr("Pin topics to an envelope instead of sniffing each record "
                                         "(repeatable; PATTERN takes '*')."),
                                      QStringLiteral("PATTERN=ndh|drone|domain"));
    const QCommandLineOption plot(QStringLiteral("plot"),
                                  tr("Open a plot with these attribute keys (location/type/asset/attribute, "
                                     "comma-separated); repeat for more plots."),
                                  QStringLiteral("KEYS"));
    const QCommandLineOption filter(QStringLiteral("filter"), tr("Start with this asset tree filter."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        tr("Save a picture of the main window to FILE, then quit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption screenshotAfter(QStringLiteral("screenshot-after"),
                                             tr("Milliseconds to wait before the screenshot."), QStringLiteral("MS"),
                                             QStringLiteral("6000"));
    parser.addOptions({demo, bootstrap, topics, start, envelope, partitions, rate, assets, seed, plot, filter, screenshot,
                       screenshotAfter});
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      tr("Demo simulator: alarm scenario on top of the plant: flood, chattering, "
                                         "alarms (both) or none."),
                                      QStringLiteral("NAME"), QStringLiteral("none"));
    parser.addOption(scenario);
    const QCommandLineOption groupAlarms(QStringLiteral("group-alarms"),
                                         tr("Start with the alarm list grouped by asset."));
    parser.addOption(groupAlarms);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 tr("A log (kcat -C -J lines, .jsonl or .jsonl.zst) or an incident bundle (.ndh) "
                                    "to open offline, without any broker."),
                                 QStringLiteral("[FILE]"));
    const QCommandLineOption browse(QStringLiteral("browse"),
                                    tr("Open the Topics dock and scan these topics from the beginning (comma-separated)."),
                                    QStringLiteral("t1,t2"));
    parser.addOption(browse);
    const QCommandLineOption scrubToAlarm(QStringLiteral("scrub-to-alarm"),
                                          tr("With --screenshot: scrub back to the newest high-priority alarm "
                                             "before taking the picture."));
    parser.addOption(scrubToAlarm);
    const QCommandLineOption redis(QStringLiteral("redis"),
                                   tr("Also read Redis (state on connect, low-latency channels); password from "
                                      "the environment variable NDH_REDIS_PASSWORD."),
                                   QStringLiteral("HOST:PORT"));
    const QCommandLineOption redisSocket(QStringLiteral("redis-socket"), tr("Redis over a unix socket instead."),
                                         QStringLiteral("PATH"));
    const QCommandLineOption redisDb(QStringLiteral("redis-db"), tr("Redis database number."), QStringLiteral("N"),
                                     QStringLiteral("0"));
    const QCommandLineOption redisUser(QStringLiteral("redis-user"), tr("Redis ACL user."), QStringLiteral("USER"));
    const QCommandLineOption staleAfter(QStringLiteral("stale-after"),
                                        tr("Seconds of silence after which a value is shown as stale."),
                                        QStringLiteral("SEC"), QStringLiteral("60"));
    const QCommandLineOption redisPrefix(QStringLiteral("redis-prefix"),
                                         tr("Key prefix of the per-asset state hashes (default ndh:state:)."),
                                         QStringLiteral("PREFIX"));
    const QCommandLineOption redisChannels(
        QStringLiteral("redis-channels"),
        tr("Pub/sub channels for status, alarms and values (default "
           "ndh:asset:status,ndh:asset:alarm,ndh:asset:value)."),
        QStringLiteral("STATUS,ALARM,VALUE"));
    parser.addOptions({redis, redisSocket, redisDb, redisUser, staleAfter, redisPrefix, redisChannels});
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  tr("Language of the window: en, zh_TW, zh_CN or system (default: as chosen in "
                                     "Settings, else the system's)."),
                                  QStringLiteral("CODE"));
    const QCommandLineOption theme(QStringLiteral("theme"), tr("Colours: light, dark or system (default: as chosen in Settings)."),
                                   QStringLiteral("NAME"));
    QCommandLineOption showDialog(QStringLiteral("show-dialog"),
                                  QStringLiteral("With --screenshot: open palette[:QUERY], about, shortcuts, settings or "
                                                 "welcome for the picture, or switch to theme:light|dark live."),
                                  QStringLiteral("NAME"));
    showDialog.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({lang, theme, showDialog});
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     tr("Connect with a saved connection profile (File > Connections); its "
                                        "passwords come from the system keychain, NDH_KAFKA_PASSWORD / "
                                        "NDH_REDIS_PASSWORD, or a prompt."),
                                     QStringLiteral("NAME"));
    parser.addOption(profile);
    const QCommandLineOption role(QStringLiteral("role"),
                                  tr("Start signed in with this role: viewer, operator or engineer (default: viewer; "
                                     "operator with --demo). The sign-in is audited."),
                                  QStringLiteral("ROLE"));
    const QCommandLineOption user(QStringLiteral("user"), tr("User name for the audit trail (default: the OS user)."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption auditLog(QStringLiteral("audit-log"),
                                      tr("Audit log file (default: audit/audit.jsonl in the application data folder)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption auditTopic(QStringLiteral("audit-topic"),
                                        tr("Also publish every audit record to this Kafka topic, e.g. ndh.console.audit."),
                                        QStringLiteral("TOPIC"));
    const QCommandLineOption commandsFile(QStringLiteral("commands"),
                                          tr("Command catalog (JSON) instead of the built-in one."), QStringLiteral("FILE"));
    parser.addOptions({role, user, auditLog, auditTopic, commandsFile});
    QCommandLineOption showCommands(QStringLiteral("show-commands"),
                                          tr("Screenshots: send a few commands in the demo and show the command dialog."));
    showCommands.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(showCommands);
    parser.process(app);

    Options o;
    const auto number = [&](const QCommandLineOption &option, double min, double max, bool *ok) {
        const double v = parser.value(option).toDouble(ok);
        if (*ok && (v < min || v > max))
            *ok = false;
        if (!*ok)
            *error = tr("--%1 must be a number from %2 to %3").arg(option.names().first()).arg(min).arg(max);
        return v;
    };
    bool ok = true;
    o.partitions = int(number(partitions, 1, 1000, &ok));
    if (!ok)
        return std::nullopt;
    o.simulator.rate = number(rate, 0.1, 100000, &ok);
    if (!ok)
        return std::nullopt;
    o.simulator.assets = int(number(assets, 1, 100000, &ok));
    if (!ok)
        return std::nullopt;
    o.simulator.seed = quint64(number(seed, 0, 1e15, &ok));
    if (!ok)
        return std::nullopt;
    o.screenshotAfterMs = int(number(screenshotAfter, 0, 3600 * 1000, &ok));
    if (!ok)
        return std::nullopt;

    o.demo = parser.isSet(demo) || !parser.isSet(bootstrap);
    o.sourceGiven = parser.isSet(demo) || parser.isSet(bootstrap) || !parser.positionalArguments().isEmpty();
    if (parser.isSet(profile)) {
        if (o.sourceGiven) {
            *error = tr("--profile excludes --demo, --bootstrap and FILE");
            return std::nullopt;
        }
        o.profile = parser.value(profile).trimmed();
        o.sourceGiven = true;
    }
    if (parser.isSet(lang)) {
        o.language = ndh::Language::resolve(parser.value(lang));
        if (o.language.isEmpty()) {
            *error = tr("--lang must be one of: %1, system").arg(ndh::Language::available().join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }
    o.theme = parser.value(theme).trimmed().toLower();
    o.showDialog = parser.value(showDialog);
    if (!o.theme.isEmpty() && o.theme != u"light" && o.theme != u"dark" && o.theme != u"system") {
        *error = tr("--theme must be light, dark or system");
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        if (parser.isSet(demo) || parser.isSet(bootstrap) || parser.positionalArguments().size() > 1) {
            *error = tr("give one FILE to open offline, or --demo / --bootstrap, not both");
            return std::nullopt;
        }
        o.logFile = parser.positionalArguments().first();
        o.demo = false;
    }
    if (parser.isSet(bootstrap) && parser.isSet(demo)) {
        *error = tr("--demo and --bootstrap exclude each other");
        return std::nullopt;
    }
    o.consumer.bootstrap = parser.value(bootstrap).trimmed();
    for (const QString &t : parser.value(topics).split(u',', Qt::SkipEmptyParts))
        o.consumer.topics << t.trimmed();

    const QString from = parser.value(start).trimmed().toLower();
    if (from == u"beginning") {
        o.consumer.startFrom = ndh::ConsumerConfig::StartFrom::Beginning;
    } else if (from == u"end") {
        o.consumer.startFrom = ndh::ConsumerConfig::StartFrom::End;
    } else if (from.startsWith(u"last:")) {
        const qint64 n = from.mid(5).toLongLong(&ok);
        if (!ok || n <= 0) {
            *error = tr("--start last:N needs a positive N");
            return std::nullopt;
        }
        o.consumer.startFrom = ndh::ConsumerConfig::StartFrom::LastN;
        o.consumer.lastN = n;
    } else {
        *error = tr("--start must be beginning, end or last:N");
        return std::nullopt;
    }

    for (const QString &rule : parser.values(envelope)) {
        const auto parsed = ndh::parseEnvelopeRule(rule, error);
        if (!parsed)
            return std::nullopt;
        o.consumer.topicEnvelopes << qMakePair(parsed->first, parsed->second);
    }

    for (const QString &keys : parser.values(plot))
        o.plots << keys.split(u',', Qt::SkipEmptyParts);
    o.filter = parser.value(filter);
    o.groupAlarms = parser.isSet(groupAlarms);
    o.scrubToAlarm = parser.isSet(scrubToAlarm);
    for (const QString &t : parser.value(browse).split(u',', Qt::SkipEmptyParts))
        o.browseTopics << t.trimmed();
    o.screenshotFile = parser.value(screenshot);
    if (parser.isSet(redis) || parser.isSet(redisSocket)) {
        o.redis.enabled = true;
        if (parser.isSet(redis)) {
            const auto endpoint = ndh::parseRedisAddress(parser.value(redis), error);
            if (!endpoint)
                return std::nullopt;
            o.redis.endpoint = *endpoint;
        }
        o.redis.endpoint.unixSocket = parser.value(redisSocket);
        o.redis.endpoint.db = int(number(redisDb, 0, 1000, &ok));
        if (!ok)
            return std::nullopt;
        o.redis.endpoint.user = parser.value(redisUser);
        if (!ndh::applyRedisNaming(o.redis, parser.isSet(redisPrefix) ? parser.value(redisPrefix) : QString(),
                                   parser.isSet(redisChannels) ? parser.value(redisChannels) : QString(), error))
            return std::nullopt;
        // Never a command-line argument: it would show in `ps` and shell history.
        o.redis.endpoint.password = qEnvironmentVariable("NDH_REDIS_PASSWORD");
    }
    o.staleAfterMs = qint64(number(staleAfter, 1, 86400, &ok) * 1000);
    if (!ok)
        return std::nullopt;
    if (const auto scenarios = ndh::AlarmScenarios::fromName(parser.value(scenario))) {
        o.simulator.scenarios = *scenarios;
    } else {
        *error = tr("--scenario must be flood, chattering, alarms or none");
        return std::nullopt;
    }
    if (parser.isSet(role)) {
        o.role = ndh::roleFromName(parser.value(role));
        if (!o.role) {
            *error = tr("--role must be viewer, operator or engineer");
            return std::nullopt;
        }
    }
    o.user = parser.value(user).trimmed();
    o.auditLog = parser.value(auditLog);
    o.auditTopic = parser.value(auditTopic).trimmed();
    o.commandsFile = parser.value(commandsFile);
    o.showCommands = parser.isSet(showCommands);
    return o;
}

// Re-publish from the topic browser (issue 5): the one switch for who may. Off until
// the roles (issue 8) call this with their verdict; records leave through the
// backend's idempotent producer like alarm actions, with the record's own headers.
void setTopicRepublishAllowed(ndh::MainWindow &window, bool allowed, const QString &whyNot)
{
    if (ndh::TopicBrowserPanel *panel = window.topicBrowser())
        panel->setRepublishAllowed(allowed, whyNot);
}

void connectTopicRepublish(ndh::MainWindow &window, ndh::IngestBackend &backend, ndh::OperatorActionGate &gate)
{
    ndh::TopicBrowserPanel *panel = window.topicBrowser();
    if (!panel)
        return;
    // Through the gate (issue 8): engineer role, audit record on disk, then the producer.
    QObject::connect(panel, &ndh::TopicBrowserPanel::republishRequested, &gate,
                     [&gate, panel](const QString &topic, const QByteArray &key, const QByteArray &payload,
                                    const std::vector<ndh::LogHeader> &headers) {
                         ndh::OperatorActionGate::Submission s;
                         s.action = ndh::OperatorAction::Republish;
                         s.parameters = {{QStringLiteral("topic"), topic},
                                         {QStringLiteral("key"), QString::fromUtf8(key)},
                                         {QStringLiteral("bytes"), payload.size()},
                                         {QStringLiteral("headers"), qsizetype(headers.size())}};
                         s.record.topic = topic;
                         s.record.key = key;
                         s.record.payload = payload;
                         s.record.headers = headers;
                         s.record.correlationId = QStringLiteral("republish-%1").arg(
                             QUuid::createUuid().toString(QUuid::WithoutBraces));
                         if (const QString why = gate.submit(s); !why.isEmpty())
                             emit panel->statusMessage(tr("Re-publish refused: %1").arg(why));
                     });
    const auto updateAllowed = [&window, &gate] {
        const QString why = gate.whyNot(ndh::OperatorAction::Republish);
        setTopicRepublishAllowed(window, why.isEmpty(), why);
    };
    QObject::connect(gate.session(), &ndh::OperatorSession::changed, panel, updateAllowed);
    QObject::connect(gate.auditLog(), &ndh::AuditLog::writeFailed, panel, updateAllowed);
    QObject::connect(&backend, &ndh::IngestBackend::published, panel,
                     [panel](const QString &correlationId, bool ok, const QString &error) {
                         if (!correlationId.startsWith(QStringLiteral("republish-")))
                             return;
                         emit panel->statusMessage(ok ? tr("Re-published the record")
                                                      : tr("Re-publish failed: %1").arg(error));
                     });
    updateAllowed();
}

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("NDH Console"));
    QCoreApplication::setOrganizationName(QStringLiteral("NDH"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NDH_VERSION));
}

// --version and --help must work where there is no display (CI, ssh, a package
// check): they are answered before a QApplication needs a window system.
bool asksOnlyForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-v" || arg == "--version" || arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-?")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (asksOnlyForHelpOrVersion(argc, argv)) {
        QCoreApplication core(argc, argv);
        setApplicationNames();
        QString ignored;
        parseOptions(core, &ignored); // prints and exits on --help / --version
        // Still here: "-h" was the value of another option; the full application
        // below parses the line again.
    }
    QApplication app(argc, argv);
    setApplicationNames();
    qRegisterMetaType<ndh::EventBatchPtr>("ndh::EventBatchPtr");
    qRegisterMetaType<ndh::ConnectionStatus>("ndh::ConnectionStatus");

    QString error;
    std::optional<Options> options = parseOptions(app, &error);
    if (!options)
        return fail(error);

    // Language and colours: the command line, else the Settings choice (not for
    // screenshots, which must look the same on every machine), else the system's.
    const bool screenshotRun = !options->screenshotFile.isEmpty();
    const QString language = !options->language.isEmpty() ? options->language
                             : screenshotRun              ? ndh::Language::resolve(ndh::Language::systemChoice())
                                                          : ndh::Language::resolve(ndh::Language::savedChoice());
    if (!ndh::Language::install(language.isEmpty() ? QStringLiteral("en") : language))
        std::fprintf(stderr, "ndh-console: no %s translation in this build; using English\n", qPrintable(language));
    ndh::HmiStyle::setTheme(ndh::HmiStyle::resolveTheme(
        !options->theme.isEmpty() ? options->theme : screenshotRun ? QStringLiteral("light") : ndh::HmiStyle::savedThemeChoice()));
    ndh::HmiStyle::setCommandLineTheme(options->theme); // Settings shows it and leaves it be
    ndh::HmiStyle::applyTo(app);
    ndh::AboutDialog::setBackendVersions({{QStringLiteral("librdkafka"), QString::fromLatin1(rd_kafka_version_str())},
                                          {QStringLiteral("hiredis"), QStringLiteral(NDH_HIREDIS_VERSION)}});
    QApplication::setWindowIcon(ndh::HmiStyle::icon(QStringLiteral("ndh-console")));

    // A connection profile: --profile, else the one used last when nothing else was
    // asked for. Its secrets come from the keychain, the environment or a prompt.
    // Read before screenshots switch to scratch settings: a picture of a profile
    // needs the profile, but must not change what was used last.
    ndh::KeychainSecretStore secretStore;
    QString sourceDescription;
    std::optional<ndh::ConnectionProfile> activeProfile;
    const auto applyProfile = [&](const QString &profileName, QSettings &settings) {
        const auto connection = ndh::connectionForProfile(profileName, settings, secretStore, !screenshotRun, &error);
        if (!connection)
            return false;
        if (!screenshotRun)
            ndh::ConnectionProfileStore(settings).setLastUsed(profileName);
        const ndh::ConsumerConfig fromCommandLine = options->consumer;
        options->consumer = connection->consumer;
        options->consumer.startFrom = fromCommandLine.startFrom;
        options->consumer.lastN = fromCommandLine.lastN;
        if (connection->redis.enabled)
            options->redis = connection->redis;
        options->demo = false;
        options->sourceGiven = true; // no first-run welcome over a chosen profile
        activeProfile = connection->profile;
        sourceDescription = tr("%1 (%2)").arg(profileName, options->consumer.bootstrap);
        if (options->consumer.tlsVerificationOff)
            sourceDescription += tr(" \u2014 TLS verification OFF");
        return true;
    };
    {
        QSettings settings;
        QString profileName = options->profile;
        if (profileName.isEmpty() && !options->sourceGiven && !screenshotRun)
            profileName = ndh::ConnectionProfileStore(settings).lastUsed();
        if (!profileName.isEmpty() && !applyProfile(profileName, settings))
            return fail(error);
    }

    // Screenshots are for docs and checks: they must neither read nor change the
    // operator's saved layout.
    std::unique_ptr<QTemporaryDir> scratchSettings;
    if (!options->screenshotFile.isEmpty()) {
        scratchSettings = std::make_unique<QTemporaryDir>();
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, scratchSettings->path());
    }

    // First start with nothing asked for: offer the demo, a cluster or a log rather
    // than an empty window (the command line and tests always say what they want).
    const bool configured = QSettings().value(QStringLiteral("firstRun/done")).toBool()
                            || QSettings().contains(QStringLiteral("mainWindow/state"));
    if (!options->sourceGiven && !screenshotRun && !configured) {
        ndh::FirstRunDialog welcome;
        if (welcome.exec() != QDialog::Accepted)
            return 0;
        QSettings().setValue(QStringLiteral("firstRun/done"), true);
        switch (welcome.choice()) {
        case ndh::FirstRunDialog::Choice::Connect: {
            // The connection dialog: a saved profile (with TLS/SASL and its secrets in
            // the keychain), or the demo it also offers.
            QSettings settings;
            const std::optional<QString> chosen = ndh::firstRunChoice(settings, secretStore);
            if (!chosen)
                return 0;
            if (!chosen->isEmpty() && !applyProfile(*chosen, settings))
                return fail(error);
            break;
        }
        case ndh::FirstRunDialog::Choice::OpenLog: {
            const QString file = QFileDialog::getOpenFileName(nullptr, tr("Open log or incident"), QString(),
                                                              tr("Logs and incidents (*.jsonl *.jsonl.zst *.zst *.json *.ndh);;All files (*)"));
            if (file.isEmpty())
                return 0;
            options->demo = false;
            options->logFile = file;
            break;
        }
        case ndh::FirstRunDialog::Choice::Demo:
        case ndh::FirstRunDialog::Choice::None:
            break;
        }
    }

    // Declared first so it is destroyed last: it guards everything below.
    ShutdownWatchdog watchdog(std::chrono::milliseconds(5000));

    ndh::ConsumerConfig consumer = options->consumer;
    // --demo: the broker's listener now (its address is what the consumer, the topic
    // browser and "Load history" are built with), the topics, simulator and command
    // responder on a thread of their own while the window is built and shown; the
    // consumer starts once the plant is up. Until then the window says "connecting".
    // The context is declared before the plant, so it outlives the plant's thread.
    QObject demoContext;
    std::function<void(const QString &)> onDemoPlantStarted; // set below, called on this thread
    std::unique_ptr<ndh::DemoPlant> demo;
    const auto demoFailed = [&options](const QString &plantError) {
        const QString why = plantError.isEmpty() ? tr("unknown error") : plantError;
        std::fprintf(stderr, "ndh-console: cannot start the demo plant: %s\n", qPrintable(why));
        QMessageBox box(QMessageBox::Critical, tr("NDH Console"), tr("The demo plant could not start."),
                        QMessageBox::Close);
        box.setTextFormat(Qt::PlainText);
        box.setInformativeText(tr("The embedded Kafka broker or the plant simulator failed: %1\n\n"
                                  "Connect to a real cluster with --bootstrap HOST:PORT instead.")
                                   .arg(why));
        if (options->screenshotFile.isEmpty())
            box.exec();
        return 3;
    };
    if (options->demo) {
        demo = std::make_unique<ndh::DemoPlant>();
        if (!demo->startBroker(options->partitions))
            return demoFailed(demo->error());
        consumer.bootstrap = demo->bootstrap();
        ndh::startupMark("demo broker listening");
        demo->startPlantInBackground(options->simulator, [&demoContext, &onDemoPlantStarted](const QString &plantError) {
            ndh::startupMark("demo plant up");
            QMetaObject::invokeMethod(
                &demoContext, [&onDemoPlantStarted, plantError] { onDemoPlantStarted(plantError); },
                Qt::QueuedConnection);
        });
    }

    ndh::PlantModels models;
    models.assetTree()->setStaleAfterMs(options->staleAfterMs);
    ndh::IngestBackend backend(consumer);
    backend.setRedisConfig(options->redis);
    QObject::connect(&backend, &ndh::IngestBackend::batchReady, &models, &ndh::PlantModels::applyBatch);
    // A big batch goes in over several event-loop turns of a few ms each; the backend
    // hands off the next one only once it is all in.
    models.setApplyBudgetMs(ndh::PlantModels::kLiveApplyBudgetMs);
    QObject::connect(&models, &ndh::PlantModels::batchHeld, &backend, &ndh::IngestBackend::holdBatch);
    QObject::connect(&models, &ndh::PlantModels::batchReleased, &backend, &ndh::IngestBackend::releaseBatch);
    QObject::connect(&backend, &ndh::IngestBackend::statusChanged, &models, &ndh::PlantModels::setConnectionStatus);
    QObject::connect(&backend, &ndh::IngestBackend::redisStatusChanged, &models,
                     &ndh::PlantModels::setConnectionStatus);

    if (demo) {
        // The first frame shows the plant on its way, not "Disconnected".
        ndh::ConnectionStatus starting;
        starting.state = ndh::ConnectionStatus::State::Connecting;
        starting.endpoint = consumer.bootstrap;
        starting.sinceMs = QDateTime::currentMSecsSinceEpoch();
        models.setConnectionStatus(starting);
    }
    ndh::startupMark("window build");
    ndh::MainWindow window(&models);
    window.setSourceDescription(demo                           ? tr("embedded demo plant (%1)").arg(consumer.bootstrap)
                                : !sourceDescription.isEmpty() ? sourceDescription
                                                               : consumer.bootstrap);
    // File > Connections and the "Connection health" dock (before the saved layout
    // is restored, so the dock takes its saved place).
    ndh::ConnectionsUi connectionsUi(&window, &secretStore);
    connectionsUi.attach(&backend);
    window.restoreSettings();
    ndh::StartupTrace startupTrace(&app, &models); // NDH_STARTUP_TRACE: start-up benchmark (issue 11)

    // "Load history...": its own consumer on its own thread, into the history only.
    ndh::HistoryBackfill backfill(consumer);
    QObject::connect(&backfill, &ndh::HistoryBackfill::batchReady, &models, &ndh::PlantModels::applyHistoryBatch);
    ndh::LoadHistoryDialog *loadHistory = window.loadHistoryDialog();
    QObject::connect(loadHistory, &ndh::LoadHistoryDialog::startRequested, &backfill,
                     [&backfill](qint64 fromMs, qint64 toMs) { backfill.start(fromMs, toMs); });
    QObject::connect(loadHistory, &ndh::LoadHistoryDialog::cancelRequested, &backfill, &ndh::HistoryBackfill::cancel);
    QObject::connect(&backfill, &ndh::HistoryBackfill::progress, loadHistory, &ndh::LoadHistoryDialog::setProgress);
    QObject::connect(&backfill, &ndh::HistoryBackfill::finished, loadHistory, &ndh::LoadHistoryDialog::setFinished);
    if (options->scrubToAlarm && !options->screenshotFile.isEmpty()) {
        QTimer::singleShot(std::max(0, options->screenshotAfterMs - 1500), &window, [&window, &models] {
            const ndh::Alarm *newest = nullptr;
            for (const ndh::Alarm &a : models.alarms()->machine().alarms()) {
                if (a.raisedMs > 0 && a.priority >= 1 && a.priority <= 2 && (!newest || a.raisedMs > newest->raisedMs))
                    newest = &a;
            }
            if (!newest)
                return;
            // Its watched attribute if the plant reports it, else the asset's first number.
            QString key = newest->asset.key() + u'/' + newest->attribute;
            if (newest->attribute.isEmpty() || !models.series().carriesNumbers(key)) {
                key.clear();
                for (const QString &k : models.series().keys()) {
                    if (k.startsWith(newest->asset.key() + u'/') && (key.isEmpty() || k < key))
                        key = k;
                }
            }
            if (!key.isEmpty())
                window.plotArea()->addAttributeToCurrentPlot(key);
            window.assetTreeView()->setFilterText(newest->asset.id);
            window.timeSlider()->jumpToAlarm(newest->key);
            models.timeCursor()->flush();
        });
    }
    // Operator actions (issue 8): every command, alarm action and re-publish passes the
    // gate (role, then the audit record on disk, then the idempotent producer, once).
    ndh::OperatorSession session;
    ndh::AuditLog audit;
    const QString auditPath = options->auditLog.isEmpty() ? ndh::AuditLog::defaultPath() : options->auditLog;
    // The whole chain is verified on a worker (seconds for a long log); the window
    // shows at once, the badge says "verifying" until the outcome is known.
    QObject::connect(&audit, &ndh::AuditLog::verified, [](const ndh::AuditVerification &v) {
        if (!v.ok())
            std::fprintf(stderr, "ndh-console: %s\n", qPrintable(v.summary()));
    });
    if (!audit.open(auditPath, ndh::AuditLog::Verify::InBackground))
        std::fprintf(stderr, "ndh-console: %s; commands and alarm actions are refused\n", qPrintable(audit.lastError()));
    ndh::OperatorActionGate gate(&session, &audit);
    if (options->logFile.isEmpty()) {
        gate.setSender([&backend](const ndh::OutgoingRecord &r) {
            backend.publish(r.topic, r.key, r.payload, r.correlationId, r.headers);
        });
    }
    QObject::connect(&backend, &ndh::IngestBackend::published, &gate, &ndh::OperatorActionGate::onPublished);
    if (!options->auditTopic.isEmpty() && options->logFile.isEmpty()) {
        // After the local write: the topic is a copy for the plant's records, never the only one.
        QObject::connect(&audit, &ndh::AuditLog::appended, &backend,
                         [&backend, topic = options->auditTopic](const QByteArray &line, const ndh::AuditRecord &r) {
                             backend.publish(topic, r.host.toUtf8(), line,
                                             QStringLiteral("audit-%1-%2").arg(r.seq).arg(r.checksum.left(12)));
                         });
    }
    ndh::CommandCatalog catalog;
    {
        QString catalogError;
        const QString file = options->commandsFile.isEmpty() ? ndh::CommandCatalog::builtInPath() : options->commandsFile;
        if (!catalog.loadFile(file, &catalogError))
            return fail(tr("the command catalog cannot be used: %1").arg(catalogError));
    }
    ndh::CommandTracker tracker;
    tracker.startTimeoutTimer();
    ndh::CommandSender commandSender(&catalog, &gate, &tracker);
    QObject::connect(&backend, &ndh::IngestBackend::published, &commandSender, &ndh::CommandSender::onPublished);
    QObject::connect(&backend, &ndh::IngestBackend::batchReady, &commandSender,
                     [&commandSender](const ndh::EventBatchPtr &batch) { commandSender.applyEvents(batch->events); });
    ndh::OperatorControls operatorControls(&window, &gate, &commandSender);
    operatorControls.setInteractive(options->screenshotFile.isEmpty());
    {
        // Safe by default: a viewer. The demo starts as operator so it can be tried at
        // once; the badge in the status bar shows it. --role says otherwise.
        const ndh::Role startRole = options->role ? *options->role : demo ? ndh::Role::Operator : ndh::Role::Viewer;
        const QString startUser = options->user.isEmpty() ? ndh::AlarmListView::osUserName() : options->user;
        QString signInError;
        if (!gate.signIn(startUser, startRole, &signInError)) {
            std::fprintf(stderr, "ndh-console: %s\n", qPrintable(signInError));
            gate.signIn(startUser, ndh::Role::Viewer);
        }
    }

    if (options->showCommands && demo && !options->screenshotFile.isEmpty()) {
        // For docs/screenshot-commands.png: some commands on the way, the dialog open.
        QTimer::singleShot(1500, &window, [&models, &commandSender] {
            int sent = 0;
            const QStringList wanted = {QStringLiteral("Motor"), QStringLiteral("Pump"), QStringLiteral("Compressor"),
                                        QStringLiteral("Conveyor"), QStringLiteral("Motor"), QStringLiteral("Pump")};
            QStringList keys;
            for (const QString &k : models.series().keys()) {
                if (const QString asset = k.section(u'/', 0, 2); !keys.contains(asset))
                    keys << asset;
            }
            keys.sort(); // the same picture every run
            for (const QString &type : wanted) {
                for (const QString &key : std::as_const(keys)) {
                    const ndh::AssetPath asset = ndh::OperatorControls::assetFromKey(key);
                    if (asset.type != type)
                        continue;
                    const auto commands = commandSender.catalog()->commandsFor(type);
                    const ndh::CommandSpec *spec = commands[size_t(sent) % commands.size()];
                    QVariantMap values;
                    for (const ndh::CommandParameter &p : spec->parameters)
                        values.insert(p.name, p.defaultValue);
                    commandSender.send(asset, spec->name, values);
                    keys.removeAll(key);
                    ++sent;
                    break;
                }
            }
        });
        QTimer::singleShot(std::max(0, options->screenshotAfterMs - 1200), &window, [&models, &operatorControls, &window] {
            operatorControls.commandsDock()->raise(); // the panel in front of the docks it shares a tab bar with
            QStringList candidates = models.series().keys();
            candidates.sort();
            // The plotted asset first, so its plot shows the commands' markers.
            if (const auto plots = window.plotArea()->plots(); !plots.isEmpty() && plots.first()->curveCount() > 0)
                candidates.prepend(plots.first()->curveKeys().first());
            for (const QString &k : std::as_const(candidates)) {
                const QString key = k.section(u'/', 0, 2);
                if (ndh::OperatorControls::assetFromKey(key).type == QLatin1String("Motor")) {
                    if (ndh::CommandDialog *dialog = operatorControls.openCommandDialog(key, QStringLiteral("set_speed")))
                        dialog->adjustSize();
                    break;
                }
            }
        });
    }

    // Alarm actions leave through the backend's idempotent producer and come back
    // through the topics like everyone else's.
    if (ndh::AlarmListView *alarms = window.alarmListView()) {
        alarms->setPublisher([&gate, alarms](const ndh::OutgoingRecord &r) {
            const auto submission = ndh::OperatorActionGate::alarmSubmission(r);
            const QString why = submission ? gate.submit(*submission) : tr("not an alarm action");
            if (!why.isEmpty()) {
                // The list waits for a delivery report: it gets the refusal instead.
                QMetaObject::invokeMethod(alarms, [alarms, id = r.correlationId, why] { alarms->onPublished(id, false, why); },
                                          Qt::QueuedConnection);
            }
        });
        QObject::connect(&backend, &ndh::IngestBackend::published, alarms, &ndh::AlarmListView::onPublished);
        // "Kafka record…": the one record behind the alarm, read on a pool thread
        // (the application waits for the pool before it goes), answered on the GUI thread.
        alarms->setRecordFetcher([consumer](const ndh::EventSource &source, ndh::AlarmListView::RecordDone done) {
            QThreadPool::globalInstance()->start([consumer, source, done = std::move(done)] {
                const ndh::KafkaRecordFetch f = ndh::fetchKafkaRecord(consumer, source.topic, source.partition, source.offset);
                QMetaObject::invokeMethod(qApp, [done, f] { done(f.ok, f.record, f.error); }, Qt::QueuedConnection);
            });
        });
    }
    if (!options->plots.isEmpty()) {
        const auto existing = window.plotArea()->plots();
        for (ndh::PlotPanel *panel : existing) {
            if (panel->curveCount() == 0)
                window.plotArea()->closePlot(panel);
        }
        for (const QStringList &keys : options->plots) {
            if (ndh::PlotPanel *panel = window.plotArea()->addPlot()) {
                for (const QString &key : keys)
                    panel->addCurve(key.trimmed());
            }
        }
    }
    if (!options->filter.isEmpty())
        window.assetTreeView()->setFilterText(options->filter);
    if (options->groupAlarms && window.alarmListView())
        window.alarmListView()->groupByAssetBox()->setChecked(true);
    // Exported logs and incident bundles (File > Open/Export, drag-and-drop, FILE).
    ndh::LogSessionController logs(&models, &window);
    logs.setSourceCluster(demo ? QStringLiteral("embedded demo plant") : consumer.bootstrap);
    logs.setLoadInPlace(!options->logFile.isEmpty());
    // Incident bundles carry the audit entries of their period (read on the writer's thread).
    logs.setAuditProvider([path = audit.path()](qint64 fromMs, qint64 toMs) {
        return ndh::AuditLog::excerptFile(path, fromMs, toMs);
    });
    // The live session's raw Kafka records, so File > Export works on it too.
    backend.setJournal(logs.journal());
    logs.setInteractive(options->screenshotFile.isEmpty());
    // Topic browser (issue 5): the cluster (or, offline, the opened log) on its own threads.
    ndh::TopicBrowserSession topicBrowser(window.topicBrowser(), consumer, &logs, options->logFile.isEmpty());
    connectTopicRepublish(window, backend, gate);
    topicBrowser.start();
    if (!options->browseTopics.isEmpty()) {
        window.topicDock()->show();
        window.topicDock()->raise();
        // Room for the list and the detail: the bottom docks beside it step aside.
        const QList<QDockWidget *> tabbed = window.tabifiedDockWidgets(window.topicDock());
        for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
            if (dock != window.topicDock() && !tabbed.contains(dock)
                && window.dockWidgetArea(dock) == Qt::BottomDockWidgetArea)
                dock->hide();
        }
        window.resizeDocks({window.topicDock()}, {window.height() * 2 / 3}, Qt::Vertical);
        window.resizeDocks({window.assetDock()}, {window.width() / 6}, Qt::Horizontal);
        window.topicDock()->raise();
        window.topicBrowser()->setScanTopics(options->browseTopics);
        // Once the demo has written a little: scan, then show the newest record in full.
        QTimer::singleShot(1500, &window, [&window] { window.topicBrowser()->startScan(); });
        if (!options->screenshotFile.isEmpty()) {
            QTimer::singleShot(std::max(0, options->screenshotAfterMs - 800), &window, [&window] {
                ndh::TopicBrowserPanel *panel = window.topicBrowser();
                window.topicDock()->raise();
                panel->selectRow(panel->messages()->rowCount() - 1);
            });
        }
    }
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, [&watchdog, &topicBrowser] {
        watchdog.arm();
        topicBrowser.stop(2000);
    });
    ndh::startupMark("window show");
    window.show();
    if (!options->logFile.isEmpty())
        logs.openFile(options->logFile);

    QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, [&] {
        watchdog.arm();
        window.saveSettings();
        backend.stop(4000);
        if (demo)
            demo->stop();
    });

    if (!options->showDialog.isEmpty() && !options->screenshotFile.isEmpty()) {
        QTimer::singleShot(std::max(0, options->screenshotAfterMs - 1000), &window, [&window, name = options->showDialog] {
            if (name.startsWith(QLatin1String("palette"))) {
                window.showCommandPalette();
                window.commandPalette()->setQuery(name.section(u':', 1));
            } else if (name == u"about") {
                (new ndh::AboutDialog(&window))->show();
            } else if (name == u"shortcuts") {
                window.showShortcuts();
            } else if (name == u"settings") {
                (new ndh::SettingsDialog(&window))->show();
            } else if (name == u"welcome") {
                (new ndh::FirstRunDialog(&window))->show();
            } else if (name.startsWith(QLatin1String("theme:"))) {
                // The theme switched live in the running window (as Settings does).
                ndh::HmiStyle::applyTheme(ndh::HmiStyle::resolveTheme(name.section(u':', 1)));
            }
        });
    }

    // Pictures for issue 9: the connection dialog (on the profile in use) and the
    // connection health dock.
    if (!options->screenshotFile.isEmpty()
        && (options->showDialog == u"connections" || options->showDialog == u"health")) {
        QTimer::singleShot(std::max(0, options->screenshotAfterMs - 1000), &window, [&] {
            if (options->showDialog == u"health") {
                connectionsUi.healthDock()->show();
                connectionsUi.healthDock()->raise();
                return;
            }
            QSettings settings;
            auto *dialog = new ndh::ConnectionDialog(
                activeProfile ? QList<ndh::ConnectionProfile>{*activeProfile} : ndh::ConnectionProfileStore(settings).load(),
                &secretStore, &window);
            dialog->show();
        });
    }

    int exitCode = 0;
    if (!options->screenshotFile.isEmpty()) {
        QTimer::singleShot(options->screenshotAfterMs, &window, [&] {
            QPixmap picture = window.grab();
            // Open dialogs (commands, palette, About...) are windows of their own: drawn
            // over the middle for the picture.
            for (QDialog *dialog : window.findChildren<QDialog *>()) {
                if (!dialog->isVisible())
                    continue;
                QPainter painter(&picture);
                const QPixmap d = dialog->grab();
                painter.drawPixmap((picture.width() - d.width()) / 2, (picture.height() - d.height()) / 3, d);
            }
            if (!picture.save(options->screenshotFile)) {
                std::fprintf(stderr, "ndh-console: cannot write %s\n", qPrintable(options->screenshotFile));
                exitCode = 4;
            }
            // What the picture shows, in numbers, so scripts and tests can check it.
            std::fprintf(stderr, "ndh-console: screenshot %s: %s, %d assets, %d attributes, %llu events, %llu dead letters\n",
                         qPrintable(options->screenshotFile),
                         qPrintable(ndh::connectionStateName(models.connectionStatus().state)),
                         models.assetTree()->assetCount(), models.assetTree()->attributeCount(),
                         static_cast<unsigned long long>(models.eventsApplied()),
                         static_cast<unsigned long long>(models.deadLetters()->totalCount()));
            QCoreApplication::quit();
        });
    }

    if (demo) {
        onDemoPlantStarted = [&](const QString &plantError) {
            if (!plantError.isEmpty()) {
                QCoreApplication::exit(demoFailed(plantError));
                return;
            }
            ndh::startupMark("backend start");
            backend.start();
        };
    } else if (options->logFile.isEmpty()) {
        backend.start();
    }
    const int rc = QApplication::exec();
    return exitCode != 0 ? exitCode : rc;
}
