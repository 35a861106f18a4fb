// ndh-console's connections as a user meets them (issue 9), run as a process:
// quitting after every broker vanished mid-session ends well within the 5 s bound
// (the console's own watchdog would say otherwise) and the status said the brokers
// were down; a saved SASL profile connects by --profile with its password from the
// environment (no keychain on this machine), and the password is in neither the
// settings file nor any log line, even with every logging category on.

#include "connection_profile.h"
#include "embedded_broker.h"
#include "kafka_test_support.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace ndhtest;

namespace {

QString console()
{
    return qEnvironmentVariable("NDH_CONSOLE");
}

// The console as a QProcess, noting when the screenshot line (after which it quits)
// appeared on stderr.
struct ConsoleRun
{
    QProcess process;
    QByteArray err;
    QElapsedTimer clock;
    qint64 screenshotAtMs = -1;

    void start(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        process.setProcessEnvironment(env);
        QObject::connect(&process, &QProcess::readyReadStandardError, &process, [this] {
            err += process.readAllStandardError();
            if (screenshotAtMs < 0 && err.contains("ndh-console: screenshot "))
                screenshotAtMs = clock.elapsed();
        });
        clock.start();
        process.start(console(), args);
    }
    bool finish(int timeoutMs)
    {
        const bool done = process.waitForFinished(timeoutMs);
        err += process.readAllStandardError();
        return done;
    }
    QString state() const
    {
        static const QRegularExpression re(QStringLiteral("screenshot .*: ([A-Za-z ]+), \\d+ assets"));
        return re.match(QString::fromUtf8(err)).captured(1);
    }
};

} // namespace

class TestConsoleConnections : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(QFile::exists(console()), "NDH_CONSOLE must name the ndh-console binary"); }
    void quitsInTimeAfterEveryBrokerVanished();
    void profileConnectsAndItsPasswordStaysSecret();
    void unknownProfileIsAClearError();
};

void TestConsoleConnections::quitsInTimeAfterEveryBrokerVanished()
{
    ndh::EmbeddedBroker broker;
    QVERIFY2(broker.start(2), qPrintable(broker.error()));
    QTemporaryDir dir;
    ConsoleRun run;
    run.start({QStringLiteral("--bootstrap"), broker.bootstrap(), QStringLiteral("--screenshot"),
               dir.filePath(QStringLiteral("down.png")), QStringLiteral("--screenshot-after"), QStringLiteral("5000")});
    QVERIFY(run.process.waitForStarted(10000));
    QTest::qWait(2000); // connected to the (empty) cluster by now
    QVERIFY(broker.setBrokerDown(-1));
    QVERIFY2(run.finish(60000), run.err.constData());
    const qint64 quitMs = run.clock.elapsed() - run.screenshotAtMs;
    qInfo("quit took %lld ms after every broker vanished (bound 5000 ms)", quitMs);
    QCOMPARE(run.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(run.process.exitCode(), 0);
    QVERIFY2(run.screenshotAtMs >= 0, run.err.constData());
    // The watchdog ends the process at 5 s and says so: it must not have had to.
    QVERIFY2(!run.err.contains("did not finish in time"), run.err.constData());
    QVERIFY2(!run.err.contains("did not stop within"), run.err.constData());
    // The user was told.
    QCOMPARE(run.state(), QStringLiteral("Broker down"));
}

void TestConsoleConnections::profileConnectsAndItsPasswordStaysSecret()
{
    const QString password = QStringLiteral("Zq7-plant-SASL-%1").arg(QDateTime::currentMSecsSinceEpoch());
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral("config"));
    const QString settingsFile = config + QStringLiteral("/NDH/NDH Console.conf");
    {
        QSettings settings(settingsFile, QSettings::IniFormat);
        ndh::ConnectionProfile p;
        p.name = QStringLiteral("Secure plant");
        p.kafka.bootstrap = QStringLiteral("127.0.0.1:%1").arg(closedLoopbackPort());
        p.kafka.security = ndh::SecurityProtocol::SaslSsl;
        p.kafka.mechanism = ndh::SaslMechanism::ScramSha512;
        p.kafka.saslUser = QStringLiteral("operator");
        ndh::ConnectionProfileStore(settings).save({p});
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("NDH_NO_KEYCHAIN"), QStringLiteral("1"));
    env.insert(QStringLiteral("NDH_KAFKA_PASSWORD"), password);
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    ConsoleRun run;
    run.start({QStringLiteral("--profile"), QStringLiteral("Secure plant"), QStringLiteral("--screenshot"),
               home.filePath(QStringLiteral("secure.png")), QStringLiteral("--screenshot-after"),
               QStringLiteral("3000")},
              env);
    QVERIFY2(run.finish(60000), run.err.constData());
    const QByteArray out = run.process.readAllStandardOutput();
    QCOMPARE(run.process.exitCode(), 0);
    // It used the profile (and said the cluster is not there).
    QVERIFY2(run.state() == QStringLiteral("Broker down") || run.state() == QStringLiteral("Connecting"),
             run.err.constData());
    QVERIFY2(run.err.contains("ndh.kafka"), "debug logging was on, so the kafka category spoke");
    QVERIFY2(!run.err.contains(password.toUtf8()), "password in the log output");
    QVERIFY(!out.contains(password.toUtf8()));
    // Nor in any file the console wrote (settings, caches, data).
    QDirIterator files(home.path(), QDir::Files, QDirIterator::Subdirectories);
    int checked = 0;
    while (files.hasNext()) {
        QFile f(files.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(password.toUtf8()), qPrintable(f.fileName()));
        ++checked;
    }
    QVERIFY(QFile::exists(settingsFile));
    QVERIFY(checked >= 1);
    QSettings settings(settingsFile, QSettings::IniFormat);
    QCOMPARE(ndh::ConnectionProfileStore(settings).load().first().kafka.saslUser, QStringLiteral("operator"));
}

void TestConsoleConnections::unknownProfileIsAClearError()
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(console(), {QStringLiteral("--profile"), QStringLiteral("Nowhere"), QStringLiteral("--screenshot"),
                        home.filePath(QStringLiteral("x.png"))});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("no connection profile \"Nowhere\""));
    p.start(console(), {QStringLiteral("--profile"), QStringLiteral("A"), QStringLiteral("--demo")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("--profile excludes"));
}

QTEST_GUILESS_MAIN(TestConsoleConnections)
#include "tst_console_connections.moc"
