// The link badge in the status bar, as an operator reads it: the state in words,
// amber/red only when something is wrong, "Offline: <file>" in the neutral colour
// for an opened log, a progress bar while Redis' state is read, and a lasting note
// (e.g. no heartbeat permission) shown even while connected.

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
};

namespace {

QString styleOf(const ConnectionStatusWidget &w)
{
    return w.findChild<QLabel *>(QStringLiteral("connectionState"))->styleSheet();
}

} // namespace

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
