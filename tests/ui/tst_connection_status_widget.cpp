// The link badge in the status bar, as an operator reads it: the state in words,
// amber/red only when something is wrong, "Offline: <file>" in the neutral colour
// for an opened log, a progress bar while Redis' state is read, and a lasting note
// (e.g. no heartbeat permission) shown even while connected; and, from the
// statistics' lag, whether the console is still catching up with the plant or
// falling behind it, so hours-old values are never taken for live ones.

#include "connection_status_widget.h"

#include <QLabel>
#include <QProgressBar>
#include <QtTest>

using namespace ndh;

class TestConnectionStatusWidget : public QObject
{
    Q_OBJECT
private slots:
    void offlineIsNeutralAndNamesTheFile();
    void redisStateReadShowsAProgressBar();
    void noteShowsWhileConnected();
    void backlogShowsCatchingUpUntilLive();
    void plantFasterThanTheConsoleShowsFallingBehind();
    void liveAtAHighRateIsNotBehind();
};

namespace {

QString styleOf(const ConnectionStatusWidget &w)
{
    return w.findChild<QLabel *>(QStringLiteral("connectionState"))->styleSheet();
}

// One statistics sample: four partitions, each at `highWatermark` with the console at
// `position` (-1: not read yet).
KafkaHealth sample(qint64 takenMs, qint64 highWatermark, qint64 position, int knownPartitions = 4)
{
    KafkaHealth h;
    h.takenMs = takenMs;
    for (int p = 0; p < 4; ++p) {
        PartitionLag l;
        l.topic = QStringLiteral("ndh.assets.state.attribute_changed");
        l.partition = p;
        l.highWatermark = highWatermark;
        l.position = p < knownPartitions ? position : -1;
        h.partitions << l;
    }
    return h;
}

ConnectionStatus connected()
{
    ConnectionStatus s;
    s.state = ConnectionStatus::State::Connected;
    s.endpoint = QStringLiteral("kafka-1:9092");
    s.sinceMs = 1;
    return s;
}

} // namespace

void TestConnectionStatusWidget::backlogShowsCatchingUpUntilLive()
{
    ConnectionStatusWidget w;
    w.setClock([] { return qint64(5000); });
    w.show();
    w.setStatus(connected());
    CatchUpTracker tracker;
    const QLocale locale;
    // The console starts on four partitions of 1,000,000 records each.
    w.setCatchUp(tracker.add(sample(1000, 1000000, 0)));
    QCOMPARE(w.stateText(), QStringLiteral("Catching up"));
    QVERIFY(!styleOf(w).isEmpty()); // amber: what is on screen is not now
    // First on the line, before the endpoint: the status bar cuts the end of it.
    QVERIFY2(w.detailText().startsWith(tr("%1 records behind").arg(locale.toString(4000000))), qPrintable(w.detailText()));
    QVERIFY(w.detailText().contains(u"kafka-1:9092"));
    QVERIFY(!w.detailText().contains(u"live in")); // no rate after one sample
    QVERIFY(!w.progressBar()->isVisible()); // nothing read of the backlog yet: no "0 of 4,000,000"
    QVERIFY(w.toolTip().contains(u"older than the plant's"));

    // A second later it has read a quarter: 1,000,000 a second, 3 s to go.
    w.setCatchUp(tracker.add(sample(2000, 1000000, 250000)));
    QVERIFY2(w.detailText().contains(tr("%1 records behind").arg(locale.toString(3000000))), qPrintable(w.detailText()));
    QVERIFY2(w.detailText().startsWith(u"live in about 3 s"), qPrintable(w.detailText()));
    QProgressBar *bar = w.progressBar();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->value(), 250); // a quarter of the backlog, of 1000
    QVERIFY2(bar->text().contains(locale.toString(4000000)), qPrintable(bar->text()));

    w.setCatchUp(tracker.add(sample(3000, 1000000, 750000)));
    QCOMPARE(bar->value(), 750);

    // All read: live, the neutral colour, no bar.
    w.setCatchUp(tracker.add(sample(4000, 1000000, 1000000)));
    QCOMPARE(w.stateText(), QStringLiteral("Connected"));
    QVERIFY(styleOf(w).isEmpty());
    QVERIFY(!bar->isVisible());
    QVERIFY(!w.detailText().contains(u"behind"));
    QVERIFY2(w.detailText().startsWith(u"kafka-1:9092"), qPrintable(w.detailText()));

    // Behind while the broker is down: the link's state is what matters then.
    CatchUpTracker afterRestart;
    w.setCatchUp(afterRestart.add(sample(5000, 1000000, 0)));
    QCOMPARE(w.stateText(), QStringLiteral("Catching up"));
    ConnectionStatus down = connected();
    down.state = ConnectionStatus::State::BrokerDown;
    w.setStatus(down);
    QCOMPARE(w.stateText(), QStringLiteral("Broker down"));
    QVERIFY(!w.detailText().contains(u"behind"));
}

void TestConnectionStatusWidget::plantFasterThanTheConsoleShowsFallingBehind()
{
    ConnectionStatusWidget w;
    w.setStatus(connected());
    CatchUpTracker tracker;
    // The plant adds 100,000 records a second on each partition; the console reads
    // 50,000: 200,000 more behind every second.
    for (int s = 0; s < 3; ++s)
        w.setCatchUp(tracker.add(sample(1000 * (s + 1), 500000 + 100000 * s, 50000 * s)));
    QCOMPARE(w.stateText(), QStringLiteral("Falling behind"));
    QVERIFY2(w.detailText().contains(tr("%1 more each second").arg(QLocale().toString(200000))), qPrintable(w.detailText()));
    QVERIFY(w.progressBar()->isHidden()); // no progress to show
    QVERIFY(!styleOf(w).isEmpty());

    // A console that was draining fast, then the plant speeds up: the growth said is
    // the lag's own (600,000 a second), not what a rate smoothed over the fast
    // past gives (it said 0 or 200,000).
    CatchUpTracker sped;
    sped.add(sample(1000, 2000000, 0));       // 8,000,000 behind
    sped.add(sample(2000, 2000000, 250000));  // 7,000,000: 1,000,000 a second read
    sped.add(sample(3000, 2000000, 500000));  // 6,000,000
    sped.add(sample(4000, 2200000, 550000));  // 6,600,000
    const CatchUp fell = sped.add(sample(5000, 2400000, 600000)); // 7,200,000
    QCOMPARE(fell.state, CatchUp::State::FallingBehind);
    QCOMPARE(qRound64(fell.growthPerSecond), qint64(600000));

    // Reading barely faster than the plant writes: no estimate of days or years.
    CatchUpTracker trickle;
    trickle.add(sample(1000, 5000000, 2500000));
    const CatchUp slow = trickle.add(sample(2000, 5000100, 2500100 + 2)); // 8 records less behind in a second
    QCOMPARE(slow.state, CatchUp::State::CatchingUp);
    QCOMPARE(slow.secondsLeft, -1.0);
    w.setCatchUp(slow);
    QVERIFY2(!w.detailText().contains(u"live in"), qPrintable(w.detailText()));

    // Partitions whose position becomes known raise the lag without anyone falling
    // behind: no judgement from that interval.
    CatchUpTracker starting;
    starting.add(sample(1000, 1000000, 900000, 2));
    starting.add(sample(2000, 1000000, 900000, 3));
    QCOMPARE(starting.add(sample(3000, 1000000, 900000, 4)).state, CatchUp::State::CatchingUp);
}

void TestConnectionStatusWidget::liveAtAHighRateIsNotBehind()
{
    // 100,000 records a second, the console 20,000 behind (a fetch's worth): that
    // is less than two seconds of production, so live.
    CatchUpTracker tracker;
    for (int s = 0; s < 4; ++s) {
        const qint64 hw = 1000000 + 25000 * s;
        const CatchUp c = tracker.add(sample(1000 * (s + 1), hw, hw - 5000));
        if (s > 0)
            QCOMPARE(c.state, CatchUp::State::Live);
    }
    // Few records behind at no production at all: live too.
    CatchUpTracker quiet;
    QCOMPARE(quiet.add(sample(1000, 1000, 600)).state, CatchUp::State::Live); // 1,600 behind
}

void TestConnectionStatusWidget::offlineIsNeutralAndNamesTheFile()
{
    ConnectionStatusWidget w;
    w.setClock([] { return qint64(1000000); });
    ConnectionStatus down;
    down.state = ConnectionStatus::State::Disconnected;
    w.setStatus(down);
    QVERIFY(w.isAbnormal());
    const QString amber = styleOf(w);
    QVERIFY(!amber.isEmpty());

    ConnectionStatus offline;
    offline.state = ConnectionStatus::State::Offline;
    offline.endpoint = QStringLiteral("incident-0803.ndh");
    offline.sinceMs = 1;
    w.setStatus(offline);
    QCOMPARE(w.stateText(), QStringLiteral("Offline: incident-0803.ndh"));
    QVERIFY(!w.isAbnormal());
    QVERIFY(styleOf(w).isEmpty()); // the neutral colour of a healthy link
    // How long the file has been open says nothing; the name is not repeated.
    QVERIFY2(!w.detailText().contains(QStringLiteral("incident-0803.ndh")), qPrintable(w.detailText()));
    QVERIFY(!w.detailText().contains(QStringLiteral("for ")));
}

void TestConnectionStatusWidget::redisStateReadShowsAProgressBar()
{
    ConnectionStatusWidget w;
    w.show();
    ConnectionStatus s;
    s.source = ConnectionStatus::Source::Redis;
    s.state = ConnectionStatus::State::Connected;
    s.progress = QStringLiteral("reading state: 4,000 assets");
    s.progressDone = 4000;
    s.progressTotal = 10000;
    w.setStatus(s);
    QProgressBar *bar = w.progressBar();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->value(), 400); // of 1000
    QVERIFY(bar->text().contains(QLocale().toString(10000)));
    QVERIFY(w.detailText().contains(QStringLiteral("reading state")));

    s.progress.clear();
    s.progressDone = s.progressTotal = 0;
    w.setStatus(s);
    QVERIFY(!bar->isVisible());
}

void TestConnectionStatusWidget::noteShowsWhileConnected()
{
    ConnectionStatusWidget w;
    ConnectionStatus s;
    s.source = ConnectionStatus::Source::Redis;
    s.state = ConnectionStatus::State::Connected;
    s.lastError = QStringLiteral("an old error");
    s.note = QStringLiteral("no heartbeat: this Redis user may not PUBLISH");
    w.setStatus(s);
    QVERIFY(!w.isAbnormal());
    QVERIFY(w.detailText().contains(s.note));
    QVERIFY(!w.detailText().contains(s.lastError)); // a stale error next to a healthy link alarms for nothing
}

QTEST_MAIN(TestConnectionStatusWidget)
#include "tst_connection_status_widget.moc"
