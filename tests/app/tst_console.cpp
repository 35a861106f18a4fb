// ndh-console as a user starts it: `--demo` shows a living plant, a broker that is
// not there is reported in the status bar, and the window always closes.

#include "kafka_test_support.h"

#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ndhtest;

namespace {

QString console()
{
    return qEnvironmentVariable("NDH_CONSOLE");
}

struct Summary
{
    QString state;
    int assets = -1;
    int attributes = -1;
    qint64 events = -1;
};

// The line ndh-console prints on stderr when it takes a screenshot.
Summary parseSummary(const QByteArray &err)
{
    static const QRegularExpression re(QStringLiteral(
        "screenshot .*: ([A-Za-z ]+), (\\d+) assets, (\\d+) attributes, (\\d+) events, (\\d+) dead letters"));
    const auto m = re.match(QString::fromUtf8(err));
    Summary s;
    if (m.hasMatch()) {
        s.state = m.captured(1);
        s.assets = m.captured(2).toInt();
        s.attributes = m.captured(3).toInt();
        s.events = m.captured(4).toLongLong();
    }
    return s;
}

} // namespace

class TestConsole : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(console()), "NDH_CONSOLE must name the ndh-console binary");
    }

    void demoShowsALivingPlant()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("demo.png"));
        const auto r = run(console(), {QStringLiteral("--demo"), QStringLiteral("--screenshot"), png,
                                       QStringLiteral("--screenshot-after"), QStringLiteral("4000")},
                           {}, 60000);
        QVERIFY2(r.finished, r.err.constData());
        QCOMPARE(r.exitCode, 0);
        const Summary s = parseSummary(r.err);
        QVERIFY2(s.assets >= 0, r.err.constData());
        QCOMPARE(s.state, QStringLiteral("Connected"));
        // The simulator's 40 assets (and drones) with several attributes each.
        QVERIFY2(s.assets >= 40, r.err.constData());
        QVERIFY2(s.attributes > s.assets, r.err.constData());
        QVERIFY(s.events > 0);
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800 && image.height() >= 500);
    }

    // Start-up (issue 11): the window is built and shown while the demo plant comes
    // up on its own thread; the consumer starts once the plant is there. The first
    // frame must say "connecting" (or already "connected"), never "disconnected",
    // and the plant state follows in a later frame.
    void demoWindowShowsBeforeTheBackendStarts()
    {
        QTemporaryDir dir;
        const QString prefix = dir.filePath(QStringLiteral("startup"));
        qputenv("NDH_STARTUP_TRACE", "quit");
        qputenv("NDH_STARTUP_GRAB", prefix.toLocal8Bit());
        const auto r = run(console(), {QStringLiteral("--demo"), QStringLiteral("--lang"), QStringLiteral("en")}, {},
                           60000);
        qunsetenv("NDH_STARTUP_TRACE");
        qunsetenv("NDH_STARTUP_GRAB");
        QVERIFY2(r.finished, r.err.constData());
        QCOMPARE(r.exitCode, 0);
        const QString err = QString::fromUtf8(r.err);
        const auto at = [&err](const char *what) { return err.indexOf(QLatin1String(what)); };
        QVERIFY2(at("mark demo broker listening") >= 0, r.err.constData());
        QVERIFY2(at("mark window show") > at("mark demo broker listening"), r.err.constData());
        QVERIFY2(at("mark backend start") > at("mark window show"), r.err.constData());
        QVERIFY2(at("mark demo plant up") >= 0, r.err.constData());
        static const QRegularExpression firstFrame(
            QStringLiteral("first frame painted at \\d+ \\(ndh::MainWindow, ([A-Za-z ]+), (\\d+) assets\\)"));
        const auto m = firstFrame.match(err);
        QVERIFY2(m.hasMatch(), r.err.constData());
        QVERIFY2(m.captured(1) == QStringLiteral("Connecting") || m.captured(1) == QStringLiteral("Connected"),
                 qPrintable(m.captured(0)));
        QVERIFY2(at("first plant state painted") > at("first frame painted"), r.err.constData());
        // What the user saw first, and then the plant.
        const QImage first(prefix + QStringLiteral("-first-frame.png"));
        const QImage state(prefix + QStringLiteral("-plant-state.png"));
        QVERIFY(!first.isNull() && first.width() >= 800);
        QVERIFY(!state.isNull());
        if (m.captured(2).toInt() == 0)
            QVERIFY(first != state);
    }

    void unreachableBrokerIsReportedAndQuitIsBounded()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("down.png"));
        const auto r = run(console(), {QStringLiteral("--bootstrap"), QStringLiteral("127.0.0.1:%1").arg(closedLoopbackPort()),
                                       QStringLiteral("--screenshot"), png, QStringLiteral("--screenshot-after"),
                                       QStringLiteral("3000")},
                           {}, 60000);
        QVERIFY2(r.finished, "ndh-console did not exit with the broker unreachable");
        QCOMPARE(r.exitCode, 0);
        const Summary s = parseSummary(r.err);
        QVERIFY2(s.state == QStringLiteral("Broker down") || s.state == QStringLiteral("Connecting"),
                 r.err.constData());
        QCOMPARE(s.assets, 0);
    }

    void contradictoryOptionsAreRefused()
    {
        const auto r = run(console(), {QStringLiteral("--demo"), QStringLiteral("--bootstrap"), QStringLiteral("x:1")});
        QVERIFY(r.finished);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("exclude each other"), r.err.constData());
        const auto bad = run(console(), {QStringLiteral("--envelope"), QStringLiteral("topic=xml")});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains("TOPIC_PATTERN=ENVELOPE"), bad.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestConsole)
#include "tst_console.moc"
