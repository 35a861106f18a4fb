// The whole window as the operator meets it: the status bar tells the link state
// (coloured only when abnormal) and the counters, dead letters are one click away,
// the tree feeds the plots, and the keyboard shortcuts do what F1 says.

#include "asset_tree_filter_model.h"
#include "asset_tree_view.h"
#include "connection_status_widget.h"
#include "dead_letter_view.h"
#include "eliding_label.h"
#include "hmi_style.h"
#include "main_window.h"
#include "plant_models.h"
#include "plot_area.h"
#include "plot_panel.h"
#include "ui_test_plant.h"

#include <QDialog>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace ndh;
using namespace ndhtest;

namespace {

constexpr qint64 kT0 = 1'700'000'000'000;

// Share of pixels in the image that are (close to) the colour.
double shareOf(const QImage &image, const QColor &color)
{
    qint64 hits = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - color.red()) < 12 && qAbs(c.green() - color.green()) < 12
                && qAbs(c.blue() - color.blue()) < 12)
                ++hits;
        }
    }
    return double(hits) / double(std::max(1, image.width() * image.height()));
}

// Counts the style changes (setStyleSheet re-polishing) a widget goes through.
class StyleChangeCounter : public QObject
{
public:
    explicit StyleChangeCounter(int *count)
        : m_count(count)
    {
    }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::StyleChange)
            ++*m_count;
        return false;
    }

private:
    int *m_count;
};

ConnectionStatus status(ConnectionStatus::State state, const QString &error, qint64 sinceMs)
{
    ConnectionStatus s;
    s.state = state;
    s.endpoint = QStringLiteral("broker1:9092");
    s.lastError = error;
    s.sinceMs = sinceMs;
    return s;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NDH-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
        QSettings().clear();
    }

    void statusBarShowsConnectionState()
    {
        PlantModels models;
        MainWindow window(&models);
        qint64 now = kT0 + 125'000;
        window.setClock([&now] { return now; });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConnectionStatusWidget *link = window.connectionStatusWidget();

        models.setConnectionStatus(status(ConnectionStatus::State::Connected, {}, kT0));
        QCOMPARE(link->stateText(), QStringLiteral("Connected"));
        QCOMPARE(link->detailText(), QStringLiteral("broker1:9092 \u00b7 for 2 min 5 s"));
        QVERIFY(!link->isAbnormal());
        auto *stateLabel = link->findChild<QLabel *>(QStringLiteral("connectionState"));
        QVERIFY(stateLabel->isVisible());
        // Grey when healthy: no alarm colour anywhere in the badge.
        QCOMPARE(shareOf(stateLabel->grab().toImage(), HmiStyle::alarmBackground()), 0.0);

        models.setConnectionStatus(status(ConnectionStatus::State::BrokerDown,
                                          QStringLiteral("Cannot reach broker1:9092: connection refused"), kT0 + 120'000));
        QCOMPARE(link->stateText(), QStringLiteral("Broker down"));
        QVERIFY(link->detailText().contains(QStringLiteral("for 5 s")));
        QVERIFY(link->detailText().contains(QStringLiteral("Cannot reach broker1:9092: connection refused")));
        QVERIFY(link->isAbnormal());
        QCOMPARE(stateLabel->text(), QStringLiteral("Broker down"));
        // Red badge an operator notices, not a subtle hint.
        QVERIFY(shareOf(stateLabel->grab().toImage(), HmiStyle::alarmBackground()) > 0.3);
        // The error is in the detail label the operator reads.
        auto *detail = link->findChild<QLabel *>(QStringLiteral("connectionDetail"));
        QVERIFY(detail->text().contains(QStringLiteral("connection refused")));
        QCOMPARE(detail->textFormat(), Qt::PlainText);
        // Where the bar has no room for the whole error, it shows its start and
        // "..." rather than a word cut in half; the tooltip has it whole.
        auto *eliding = dynamic_cast<ElidingLabel *>(detail);
        QVERIFY(eliding);
        detail->setFixedWidth(detail->fontMetrics().horizontalAdvance(detail->text()) / 2);
        QVERIFY2(eliding->shownText().endsWith(QChar(0x2026)), qPrintable(eliding->shownText()));
        QVERIFY(detail->text().startsWith(eliding->shownText().chopped(1)));
        QVERIFY(link->toolTip().contains(QStringLiteral("connection refused")));
        detail->setMinimumWidth(0);
        detail->setMaximumWidth(QWIDGETSIZE_MAX);

        // Time in state keeps counting with the clock.
        now += 60'000;
        QTRY_VERIFY_WITH_TIMEOUT(link->detailText().contains(QStringLiteral("for 1 min 5 s")), 2500);

        models.setConnectionStatus(status(ConnectionStatus::State::Connecting, {}, kT0));
        QCOMPARE(link->stateText(), QStringLiteral("Connecting"));
        QVERIFY(shareOf(stateLabel->grab().toImage(), HmiStyle::warningBackground()) > 0.3);

        // Redis gets its own badge beside Kafka's; Kafka's is left as it was.
        QVERIFY(!window.redisStatusWidget());
        ConnectionStatus redis = status(ConnectionStatus::State::BrokerDown, QStringLiteral("Redis at 127.0.0.1:6379: connection refused"), kT0);
        redis.source = ConnectionStatus::Source::Redis;
        models.setConnectionStatus(redis);
        QVERIFY(window.redisStatusWidget());
        QVERIFY(window.redisStatusWidget()->isVisible());
        QCOMPARE(window.redisStatusWidget()->stateText(), QStringLiteral("Redis down"));
        QVERIFY(window.redisStatusWidget()->detailText().contains(QStringLiteral("connection refused")));
        QCOMPARE(link->stateText(), QStringLiteral("Connecting"));
    }

    void statusMessagesAreReadable()
    {
        PlantModels models;
        MainWindow window(&models);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *message = window.findChild<QLabel *>(QStringLiteral("statusMessage"));
        QVERIFY(message);
        // Any part of the console may say something through the status bar; the
        // permanent badges leave QStatusBar no room of its own, so it must show here.
        const QString said = QStringLiteral("Audit log verified: 2,000 records intact");
        window.statusBar()->showMessage(said, 5000);
        QCOMPARE(message->text(), said);
        QVERIFY(message->isVisible());
        QVERIFY2(message->width() >= message->fontMetrics().horizontalAdvance(said) / 2,
                 qPrintable(QStringLiteral("message label %1 px wide").arg(message->width())));
        // A message longer than the bar shows its start and "...", and the window
        // keeps its width.
        const QString longSaid = QStringLiteral("Cannot publish the command: ") + QString(400, u'x');
        const int widthBefore = window.width();
        window.statusBar()->showMessage(longSaid, 5000);
        QCoreApplication::processEvents();
        QCOMPARE(message->text(), longSaid); // whole, for accessibility
        auto *elidingMessage = dynamic_cast<ElidingLabel *>(message);
        QVERIFY(elidingMessage);
        QVERIFY2(elidingMessage->shownText().startsWith(QStringLiteral("Cannot publish the command")),
                 qPrintable(elidingMessage->shownText()));
        QVERIFY(elidingMessage->shownText().endsWith(QChar(0x2026)));
        QCOMPARE(window.width(), widthBefore);
    }

    void countersAndDeadLetters()
    {
        PlantModels models;
        MainWindow window(&models);
        qint64 now = kT0;
        window.setClock([&now] { return now; });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.deadLetterDock()->hide();
        QToolButton *deadButton = window.deadLetterButton();
        QCOMPARE(deadButton->text(), QStringLiteral("Dead letters: 0"));
        QVERIFY(deadButton->styleSheet().isEmpty()); // nothing abnormal, no colour

        auto events = ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0, 5);
        models.applyBatch(batch(std::move(events),
                                {deadLetter("{oops", QStringLiteral("JSON parse error"), QStringLiteral("drone-events"), 1, 10),
                                 deadLetter("\xff\xfe", QStringLiteral("not UTF-8"), QStringLiteral("drone-events"), 1, 11)}));
        QCOMPARE(window.eventsText(), QStringLiteral("Events: 5"));
        QCOMPARE(deadButton->text(), QStringLiteral("Dead letters: 2"));
        QVERIFY(shareOf(deadButton->grab().toImage(), HmiStyle::warningBackground()) > 0.3);

        // 7 records consumed over 1 s of the pinned clock.
        now += 1000;
        QTRY_COMPARE_WITH_TIMEOUT(window.rateText(), QStringLiteral("7 records/s"), 2500);

        // One click from the counter to the records.
        QVERIFY(!window.deadLetterDock()->isVisible());
        QTest::mouseClick(deadButton, Qt::LeftButton);
        QVERIFY(window.deadLetterDock()->isVisible());
        QCOMPARE(window.deadLetterView()->tableView()->model()->rowCount(), 2);
        QVERIFY(window.deadLetterView()->detailText().contains(QStringLiteral("not UTF-8")));

        // Later batches change the count, not the colour: the button is not styled
        // (re-polished) again on each of them.
        int restyled = 0;
        StyleChangeCounter counter(&restyled);
        deadButton->installEventFilter(&counter);
        for (int i = 0; i < 5; ++i)
            models.applyBatch(batch(ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0 + 10 * (i + 1), 1),
                                    {deadLetter("{oops", QStringLiteral("JSON parse error"), QStringLiteral("drone-events"), 1,
                                                12 + i)}));
        QCOMPARE(deadButton->text(), QStringLiteral("Dead letters: 7"));
        QCOMPARE(restyled, 0);
        deadButton->removeEventFilter(&counter);
        QVERIFY(shareOf(deadButton->grab().toImage(), HmiStyle::warningBackground()) > 0.3);
        QCOMPARE(window.eventsText(), QStringLiteral("Events: 10"));
    }

    void recordsLostToRetentionStayVisible()
    {
        PlantModels models;
        MainWindow window(&models);
        window.setClock([] { return kT0 + 10'000; });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        models.setConnectionStatus(status(ConnectionStatus::State::Connected, {}, kT0));
        ConnectionStatusWidget *link = window.connectionStatusWidget();
        QVERIFY(!link->detailText().contains(u"retention"));
        QVERIFY(!link->toolTip().contains(u"retention"));

        // The consumer skipped records the broker had already deleted: two batches.
        for (quint64 lost : {1000ULL, 234ULL}) {
            auto b = std::make_shared<EventBatch>();
            b->recordsLostToRetention = lost;
            models.applyBatch(b);
        }
        auto *detail = link->findChild<QLabel *>(QStringLiteral("connectionDetail"));
        const QString n = QLocale().toString(1234); // "1,234" in English
        QVERIFY2(detail->text().endsWith(n + QStringLiteral(" records lost to retention")), qPrintable(detail->text()));
        QVERIFY(link->toolTip().contains(n + QStringLiteral(" records were deleted by the broker (retention)")));
        QVERIFY(!link->isAbnormal()); // a fact to know, not a link fault: no alarm colour

        // Later batches without loss keep the count; a reconnect does not clear it.
        models.applyBatch(batch(ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0, 3)));
        models.setConnectionStatus(status(ConnectionStatus::State::Connecting, {}, kT0));
        QVERIFY(link->detailText().contains(n + QStringLiteral(" records lost to retention")));
    }

    void treeDoubleClickPlotsOnCurrentPlot()
    {
        PlantModels models;
        MainWindow window(&models);
        // The test screen is 800 px wide: without the bottom panels the tree gets its width.
        for (QDockWidget *dock : {window.alarmDock(), window.alarmKpiDock(), window.topicDock()})
            dock->hide();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        models.applyBatch(batch(ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0, 8)));

        QTreeView *tree = window.assetTreeView()->treeView();
        tree->expandAll();
        const QModelIndex row = window.assetTreeView()->filterModel()->mapFromSource(
            models.assetTree()->indexForAttribute(QStringLiteral("Hall-A/Pump/P-101/pressure")));
        QVERIFY(row.isValid());
        doubleClick(tree->viewport(), tree->visualRect(row).center());

        PlotPanel *plot = window.plotArea()->currentPlot();
        QVERIFY(plot);
        QCOMPARE(plot->curveKeys(), QStringList{QStringLiteral("Hall-A/Pump/P-101/pressure")});
        QCOMPARE(plot->curveLabel(QStringLiteral("Hall-A/Pump/P-101/pressure")), QStringLiteral("P-101 / pressure [bar]"));
    }

    void noTwoActionsShareAShortcut()
    {
        // Two actions on one key make Qt fire neither ("ambiguous shortcut"): the
        // operator presses a key and nothing happens.
        PlantModels models;
        MainWindow window(&models);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QHash<QString, QString> seen; // key -> action text
        int checked = 0;
        for (QAction *a : window.findChildren<QAction *>()) {
            for (const QKeySequence &k : a->shortcuts()) {
                const QString key = k.toString(QKeySequence::PortableText);
                const QString text = a->text().remove(u'&');
                if (key.isEmpty())
                    continue;
                ++checked;
                // The same action of several plots (Space: follow) is one shortcut per plot.
                if (seen.contains(key) && seen.value(key) == text)
                    continue;
                QVERIFY2(!seen.contains(key),
                         qPrintable(QStringLiteral("%1 is both '%2' and '%3'").arg(key, seen.value(key), text)));
                seen.insert(key, text);
            }
        }
        QVERIFY(checked > 20);
    }

    void keyboardShortcuts()
    {
        PlantModels models;
        MainWindow window(&models);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        const int plots = int(window.plotArea()->plots().size());

        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(int(window.plotArea()->plots().size()), plots + 1);

        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(window.assetTreeView()->filterEdit()->hasFocus());

        QTest::keyClick(&window, Qt::Key_F1);
        auto *dialog = window.findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        dialog->close();
    }

    void layoutIsSavedAndRestored()
    {
        PlantModels models;
        models.applyBatch(batch(ramp("Hall-A", "Pump", "P-101", "pressure", "bar", kT0, 3)));
        {
            MainWindow window(&models);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.plotArea()->currentPlot()->addCurve(QStringLiteral("Hall-A/Pump/P-101/pressure"));
            window.plotArea()->addPlot();
            window.deadLetterDock()->hide();
            window.close(); // saves
        }
        MainWindow restored(&models);
        restored.restoreSettings();
        restored.show();
        QVERIFY(QTest::qWaitForWindowExposed(&restored));
        QCOMPARE(restored.plotArea()->plots().size(), 2);
        QCOMPARE(restored.plotArea()->plots().at(0)->curveKeys(), QStringList{QStringLiteral("Hall-A/Pump/P-101/pressure")});
        QVERIFY(!restored.deadLetterDock()->isVisible());
        QVERIFY(restored.assetDock()->isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
