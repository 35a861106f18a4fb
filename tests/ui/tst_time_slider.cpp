// The time slider as an operator uses it: drag or keys move every view to an
// instant, the banner says "not live" unmistakably, LIVE comes back with what
// arrived meanwhile; plots show a cursor with the values there, and draw history
// older than their live buffer from the history engine.

#include "asset_tree_model.h"
#include "asset_tree_view.h"
#include "main_window.h"
#include "plant_models.h"
#include "plot_area.h"
#include "plot_panel.h"
#include "time_cursor.h"
#include "time_slider.h"
#include "ui_test_plant.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialog>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <qcustomplot.h>

using namespace ndh;
using namespace ndhtest;

namespace {

const qint64 kT0 = (QDateTime::currentMSecsSinceEpoch() / 1000 - 600) * 1000; // ten minutes ago
const QString kSpeed = QStringLiteral("FACTORY_A/Pump/P1/speed");

PlantEvent alarm(EventKind kind, qint64 t)
{
    static int serial = 0;
    PlantEvent e;
    e.messageId = QStringLiteral("alarm-%1").arg(++serial);
    e.kind = kind;
    e.asset = {QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QStringLiteral("P1")};
    e.eventTimeMs = t;
    AlarmInfo a;
    a.alarmId = QStringLiteral("HT");
    a.priority = 1;
    a.message = QStringLiteral("Bearing temperature high");
    e.alarm = a;
    return e;
}

// P1 speed 0..99 rpm, one a second from kT0; P2 appears at +50 s; an alarm at +30 s.
void feed(PlantModels &models)
{
    auto events = ramp(QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QStringLiteral("P1"), QStringLiteral("speed"),
                       QStringLiteral("rpm"), kT0, 100);
    events.push_back(attributeEvent(QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QStringLiteral("P2"), kT0 + 50000,
                                    {{QStringLiteral("flow"), 7.5, {}}}));
    events.push_back(alarm(EventKind::AlarmTriggered, kT0 + 30000));
    events.push_back(alarm(EventKind::AlarmCleared, kT0 + 40000));
    models.applyBatch(batch(std::move(events)));
}

QString shownValue(PlantModels &models, const QString &key)
{
    return models.assetTree()->indexForAttribute(key).siblingAtColumn(AssetTreeModel::ValueColumn).data().toString();
}

} // namespace

class TestTimeSlider : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NDH-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_time_slider"));
        QSettings().clear();
    }

    void dragShowsTheInstantAndLiveReturns()
    {
        PlantModels models;
        MainWindow window(&models);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        feed(models);
        TimeSlider *slider = window.timeSlider();
        QVERIFY(slider && slider->isVisible());
        TimeCursor *cursor = slider->cursor();
        QVERIFY(cursor->isLive());
        QVERIFY(!slider->banner()->isVisible());
        QVERIFY(slider->liveButton()->isChecked());
        QCOMPARE(shownValue(models, kSpeed), QStringLiteral("99"));

        // Press in the middle of the bar and drag to a quarter of it.
        QWidget *track = slider->track();
        const int left = 6;
        const int width = track->width() - 12;
        const int y = track->height() / 2;
        const auto send = [track, y](QEvent::Type type, int x, Qt::MouseButton button, Qt::MouseButtons buttons) {
            QMouseEvent e(type, QPointF(x, y), track->mapToGlobal(QPointF(x, y)), button, buttons, Qt::NoModifier);
            QCoreApplication::sendEvent(track, &e);
        };
        send(QEvent::MouseButtonPress, left + width / 2, Qt::LeftButton, Qt::LeftButton);
        QCOMPARE(cursor->timeMs(), kT0 + qint64(double(width / 2) / width * 99000));
        send(QEvent::MouseMove, left + width / 3, Qt::NoButton, Qt::LeftButton);
        send(QEvent::MouseMove, left + width / 4, Qt::NoButton, Qt::LeftButton);
        send(QEvent::MouseButtonRelease, left + width / 4, Qt::LeftButton, Qt::NoButton);
        send(QEvent::MouseMove, left + width / 8, Qt::NoButton, Qt::NoButton); // hovering moves nothing
        QVERIFY(!cursor->isLive());
        QCOMPARE(track->width() - 12, width); // leaving live does not move the bar under the mouse
        const qint64 expected = kT0 + qint64(double(width / 4) / width * 99000);
        QCOMPARE(cursor->timeMs(), expected);
        cursor->flush();
        // The tree shows the value at that instant, not the newest.
        const int second = int((cursor->timeMs() - kT0) / 1000);
        QCOMPARE(shownValue(models, kSpeed), QString::number(second));

        // Unmistakable: a banner in words and colour, LIVE unchecked.
        QVERIFY(slider->banner()->isVisible());
        QVERIFY(slider->banner()->text().contains(QStringLiteral("not live")));
        QVERIFY(slider->banner()->text().contains(
            QDateTime::fromMSecsSinceEpoch(cursor->timeMs()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        QVERIFY(!slider->liveButton()->isChecked());
        QCOMPARE(slider->timeLabel()->text(), TimeSlider::formatInstant(cursor->timeMs()));

        // Live data keeps arriving; LIVE shows it.
        models.applyBatch(batch({attributeEvent(QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QStringLiteral("P1"),
                                                kT0 + 120000, {{QStringLiteral("speed"), 500.0, {}}})}));
        QCOMPARE(shownValue(models, kSpeed), QString::number(second));
        QTest::mouseClick(slider->liveButton(), Qt::LeftButton);
        QVERIFY(cursor->isLive());
        QVERIFY(!slider->banner()->isVisible());
        QVERIFY(slider->liveButton()->isChecked());
        QCOMPARE(shownValue(models, kSpeed), QStringLiteral("500"));
    }

    void keyboardMovesTheCursor()
    {
        PlantModels models;
        MainWindow window(&models);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        feed(models);
        TimeSlider *slider = window.timeSlider();
        TimeCursor *cursor = slider->cursor();
        QWidget *track = slider->track();
        track->setFocus();
        QTest::keyClick(track, Qt::Key_Home);
        QCOMPARE(cursor->timeMs(), kT0);
        QTest::keyClick(track, Qt::Key_Right);
        QCOMPARE(cursor->timeMs(), kT0 + 1000);
        QTest::keyClick(track, Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(cursor->timeMs(), kT0 + 61000);
        QTest::keyClick(track, Qt::Key_Left);
        QCOMPARE(cursor->timeMs(), kT0 + 60000);
        cursor->flush();
        QCOMPARE(shownValue(models, kSpeed), QStringLiteral("60"));
        QTest::keyClick(track, Qt::Key_End);
        QVERIFY(cursor->isLive());

        // Window-wide shortcuts: step through the selected asset's events, back to live.
        QTreeView *tree = window.assetTreeView()->treeView();
        const QModelIndex p2 = models.assetTree()->indexForAsset(QStringLiteral("FACTORY_A/Pump/P2"));
        QVERIFY(p2.isValid());
        window.assetTreeView()->treeView()->expandAll();
        const QModelIndex proxyP2 = tree->model()->match(tree->model()->index(0, 0), AssetTreeModel::AssetKeyRole,
                                                         QStringLiteral("FACTORY_A/Pump/P2"), 1,
                                                         Qt::MatchRecursive | Qt::MatchExactly).value(0);
        QVERIFY(proxyP2.isValid());
        tree->setCurrentIndex(proxyP2);
        QCOMPARE(slider->selectedAsset(), QStringLiteral("FACTORY_A/Pump/P2"));
        window.activateWindow();
        QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(cursor->timeMs(), kT0 + 50000); // P2's only event, not P1's newest
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(cursor->isLive());
    }

    void jumpsToAnAlarmAndToADate()
    {
        PlantModels models;
        MainWindow window(&models);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        feed(models);
        TimeSlider *slider = window.timeSlider();
        TimeCursor *cursor = slider->cursor();
        QVERIFY(slider->jumpToAlarm(QStringLiteral("FACTORY_A/Pump/P1#HT")));
        QCOMPARE(cursor->timeMs(), kT0 + 30000);
        cursor->flush();
        AlarmTableModel *alarms = models.alarms();
        QCOMPARE(alarms->rowCount(), 1);
        QCOMPARE(alarms->index(0, AlarmTableModel::StateColumn).data().toString(), QStringLiteral("Unack"));
        QCOMPARE(shownValue(models, kSpeed), QStringLiteral("30"));
        cursor->goLive();
        QCOMPARE(alarms->index(0, AlarmTableModel::StateColumn).data().toString(), QStringLiteral("RTN-Unack"));

        slider->jumpToTimeAction()->trigger();
        auto *dialog = window.findChild<QDialog *>(QStringLiteral("jumpToTimeDialog"));
        QVERIFY(dialog && dialog->isVisible());
        auto *edit = dialog->findChild<QDateTimeEdit *>(QStringLiteral("jumpDateTime"));
        edit->setDateTime(QDateTime::fromMSecsSinceEpoch(kT0 + 12000));
        dialog->accept();
        QCOMPARE(cursor->timeMs(), kT0 + 12000);
        QVERIFY(!cursor->isLive());
    }

    void speedChoicesDriveThePlayback()
    {
        PlantModels models;
        TimeSlider slider(&models);
        QComboBox *speed = slider.speedCombo();
        QCOMPARE(speed->itemData(0).toDouble(), TimeCursor::kMinSpeed);
        QCOMPARE(speed->itemData(speed->count() - 1).toDouble(), TimeCursor::kMaxSpeed);
        speed->setCurrentIndex(speed->count() - 1);
        QCOMPARE(slider.cursor()->speed(), 100.0);
        slider.cursor()->setSpeed(0.5);
        QCOMPARE(speed->currentData().toDouble(), 0.5);
    }

    void plotShowsACursorWithTheValuesThere()
    {
        PlantModels models;
        PlotArea area(&models);
        area.resize(900, 400);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        feed(models);
        PlotPanel *panel = area.addPlot();
        QVERIFY(panel->addCurve(kSpeed));
        area.tick();
        QVERIFY(!panel->isShowingCursor());
        const QString liveName = panel->curveLabel(kSpeed);

        TimeCursor *cursor = models.timeCursor();
        cursor->setTime(kT0 + 42000);
        area.tick();
        QVERIFY(panel->isShowingCursor());
        QCOMPARE(panel->cursorPosition(), double(kT0 + 42000) / 1000.0);
        QCOMPARE(panel->cursorValueText(kSpeed), QStringLiteral("= 42 rpm"));
        QCOMPARE(panel->curveLabel(kSpeed), liveName + QStringLiteral("  = 42 rpm"));
        // A following plot centres the cursor.
        QVERIFY(panel->isFollowing());
        QCOMPARE(panel->plot()->xAxis->range().center(), double(kT0 + 42000) / 1000.0);

        cursor->setTime(kT0 + 42500); // between samples: the value then is the older one
        area.tick();
        QCOMPARE(panel->cursorValueText(kSpeed), QStringLiteral("= 42 rpm"));

        cursor->goLive();
        area.tick();
        QVERIFY(!panel->isShowingCursor());
        QCOMPARE(panel->curveLabel(kSpeed), liveName);
    }

    void plotDrawsHistoryOlderThanItsBufferFromTheHistoryEngine()
    {
        PlantModels models;
        PlotArea area(&models);
        area.resize(900, 400);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        feed(models);
        // A day ago, two hours at 1 Hz, loaded from Kafka: in the history engine only.
        const qint64 dayAgo = kT0 - 86400 * 1000;
        auto old = ramp(QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QStringLiteral("P1"), QStringLiteral("speed"),
                        QStringLiteral("rpm"), dayAgo, 7200, 1000.0);
        models.applyHistoryBatch(batch(std::move(old)));
        PlotPanel *panel = area.addPlot();
        QVERIFY(panel->addCurve(kSpeed));
        area.tick();
        QVERIFY(!panel->isDrawingHistory(kSpeed)); // the live window is in the buffer
        const int liveCount = panel->graphFor(kSpeed)->data()->size();
        QCOMPARE(liveCount, 100);

        // The operator pans back to yesterday.
        panel->plot()->xAxis->setRange(double(dayAgo) / 1000.0, double(dayAgo) / 1000.0 + 7200);
        QVERIFY(!panel->isFollowing());
        area.tick();
        QVERIFY(panel->isDrawingHistory(kSpeed));
        const auto data = panel->graphFor(kSpeed)->data();
        const int columns = panel->plot()->axisRect()->width();
        QVERIFY(data->size() > 0);
        QVERIFY2(data->size() <= 2 * columns, qPrintable(QString::number(data->size())));
        bool found = false;
        const QCPRange values = panel->graphFor(kSpeed)->getValueRange(found);
        QVERIFY(found);
        QCOMPARE(values.lower, 1000.0); // min and max survive the decimation
        QCOMPARE(values.upper, 1000.0 + 7199);

        // Live data keeps going into the buffer meanwhile, and is there on return.
        models.applyBatch(batch({attributeEvent(QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QStringLiteral("P1"),
                                                kT0 + 100000, {{QStringLiteral("speed"), 7.0, QStringLiteral("rpm")}})}));
        area.tick();
        panel->setFollowing(true);
        area.tick();
        QVERIFY(!panel->isDrawingHistory(kSpeed));
        QCOMPARE(panel->graphFor(kSpeed)->data()->size(), liveCount + 1);
    }
};

QTEST_MAIN(TestTimeSlider)
#include "tst_time_slider.moc"
