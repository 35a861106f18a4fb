// The time slider's instant as every view shows it: the asset tree and the alarm
// list at t must say exactly what a naive replay of the events up to t says, and
// returning to live must show everything that arrived while the operator scrubbed.

#include "plant_models.h"
#include "plant_state.h"
#include "time_cursor.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace ndh;

namespace {

constexpr qint64 kT0 = 1'763'800'000'000; // 2025-11-22

PlantEvent valueEvent(const char *id, qint64 t, std::vector<AttributeSample> samples, const QString &lifecycle = {},
                      EventKind kind = EventKind::AttributeUpdate)
{
    static int serial = 0;
    PlantEvent e;
    e.messageId = QStringLiteral("v%1").arg(++serial);
    e.kind = kind;
    e.asset = {QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QString::fromLatin1(id)};
    e.eventTimeMs = t;
    e.attributes = std::move(samples);
    e.lifecycle = lifecycle;
    return e;
}

PlantEvent alarmEvent(EventKind kind, const char *id, const char *alarm, qint64 t, int priority = 1)
{
    static int serial = 0;
    PlantEvent e;
    e.messageId = QStringLiteral("a%1").arg(++serial);
    e.kind = kind;
    e.asset = {QStringLiteral("FACTORY_A"), QStringLiteral("Pump"), QString::fromLatin1(id)};
    e.eventTimeMs = t;
    AlarmInfo a;
    a.alarmId = QString::fromLatin1(alarm);
    a.priority = priority;
    a.message = QStringLiteral("Bearing temperature high");
    e.alarm = a;
    return e;
}

EventBatchPtr batchOf(std::vector<PlantEvent> events)
{
    auto b = std::make_shared<EventBatch>();
    b->events = std::move(events);
    b->recordsConsumed = b->events.size();
    return b;
}

// The plant's story: P1 starts, speeds up, alarms, the alarm clears and is
// acknowledged; P2 appears halfway; a snapshot of P1 drops an attribute.
std::vector<PlantEvent> story()
{
    return {
        valueEvent("P1", kT0 + 1000, {{QStringLiteral("speed"), 10.0, QStringLiteral("rpm")}}, QStringLiteral("running")),
        valueEvent("P1", kT0 + 2000, {{QStringLiteral("speed"), 20.0, {}}, {QStringLiteral("mode"), QStringLiteral("auto"), {}}}),
        alarmEvent(EventKind::AlarmTriggered, "P1", "HT", kT0 + 2500),
        // Arrives late (a slower partition) but belongs before the alarm.
        valueEvent("P1", kT0 + 2400, {{QStringLiteral("temperature"), qint64(97), {}}}),
        valueEvent("P2", kT0 + 3000, {{QStringLiteral("flow"), 5.5, QStringLiteral("m3/h")}}, QStringLiteral("idle")),
        alarmEvent(EventKind::AlarmCleared, "P1", "HT", kT0 + 3500),
        alarmEvent(EventKind::AlarmTriggered, "P2", "LF", kT0 + 3600, 3),
        alarmEvent(EventKind::AlarmAcknowledged, "P1", "HT", kT0 + 3700),
        valueEvent("P1", kT0 + 4000, {{QStringLiteral("speed"), 0.0, {}}}, QStringLiteral("stopped"),
                   EventKind::Snapshot),
    };
}

// What the tree shows, row by row, against a replayed state.
void compareTree(AssetTreeModel &tree, const PlantState &expected)
{
    for (const auto &[key, asset] : expected.assets()) {
        const QModelIndex a = tree.indexForAsset(key);
        QVERIFY2(a.isValid(), qPrintable(key));
        QCOMPARE(a.siblingAtColumn(AssetTreeModel::ValueColumn).data().toString(), asset.lifecycle);
        QCOMPARE(a.data(AssetTreeModel::UpdatedMsRole).toLongLong(), asset.updatedMs);
    }
    for (int l = 0; l < tree.rowCount(); ++l) {
        const QModelIndex location = tree.index(l, 0);
        for (int t = 0; t < tree.rowCount(location); ++t) {
            const QModelIndex type = tree.index(t, 0, location);
            for (int r = 0; r < tree.rowCount(type); ++r) {
                const QModelIndex a = tree.index(r, 0, type);
                const QString key = a.data(AssetTreeModel::AssetKeyRole).toString();
                const auto st = expected.assets().find(key);
                for (int c = 0; c < tree.rowCount(a); ++c) {
                    const QModelIndex attr = tree.index(c, 0, a);
                    QString want;
                    if (st != expected.assets().end()) {
                        const auto v = st->second.attributes.find(attr.data().toString());
                        if (v != st->second.attributes.end())
                            want = displayText(v->second);
                    }
                    QCOMPARE(attr.siblingAtColumn(AssetTreeModel::ValueColumn).data().toString(), want);
                }
            }
        }
    }
}

void compareAlarms(AlarmTableModel &alarms, const PlantState &expected, qint64 at)
{
    const auto &want = expected.alarms().alarms();
    QCOMPARE(alarms.rowCount(), int(want.size()));
    for (int row = 0; row < alarms.rowCount(); ++row) {
        const QModelIndex i = alarms.index(row, AlarmTableModel::StateColumn);
        const QString key = i.data(AlarmTableModel::AlarmKeyRole).toString();
        const Alarm *a = expected.alarms().find(key);
        QVERIFY2(a, qPrintable(key));
        QCOMPARE(i.data().toString(), isaStateName(a->stateAt(at)));
    }
}

} // namespace

class TestTimeCursor : public QObject
{
    Q_OBJECT
private slots:
    void viewsShowTheStateAtT_data()
    {
        QTest::addColumn<qint64>("requested");
        QTest::addColumn<qint64>("shown");
        // given the story, when the slider goes to `requested`, then every view shows `shown`
        QTest::newRow("before the first event: clamped to it") << kT0 - 60000 << kT0 + 1000;
        QTest::newRow("first event") << kT0 + 1000 << kT0 + 1000;
        QTest::newRow("between events") << kT0 + 1500 << kT0 + 1500;
        QTest::newRow("late value placed before the alarm") << kT0 + 2450 << kT0 + 2450;
        QTest::newRow("alarm raised") << kT0 + 2500 << kT0 + 2500;
        QTest::newRow("second asset appeared") << kT0 + 3000 << kT0 + 3000;
        QTest::newRow("alarm returned to normal, unacknowledged") << kT0 + 3550 << kT0 + 3550;
        QTest::newRow("acknowledged") << kT0 + 3700 << kT0 + 3700;
        QTest::newRow("snapshot dropped attributes") << kT0 + 4000 << kT0 + 4000;
        QTest::newRow("after the last event: clamped to it") << kT0 + 999999 << kT0 + 4000;
    }

    void viewsShowTheStateAtT()
    {
        QFETCH(qint64, requested);
        QFETCH(qint64, shown);
        PlantModels models;
        QAbstractItemModelTester treeTester(models.assetTree(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester alarmTester(models.alarms(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto events = story();
        models.applyBatch(batchOf(events));
        EventTimeline reference;
        for (const PlantEvent &e : events)
            reference.add(e);

        TimeCursor *cursor = models.timeCursor();
        QVERIFY(cursor->isLive());
        QSignalSpy live(cursor, &TimeCursor::liveChanged);
        cursor->setTime(requested);
        cursor->flush();
        QVERIFY(!cursor->isLive());
        QCOMPARE(live.count(), 1);
        QCOMPARE(cursor->timeMs(), shown);
        QCOMPARE(cursor->shownMs(), shown);
        QVERIFY(models.assetTree()->isShowingPast());
        QCOMPARE(models.assetTree()->shownAtMs(), shown);

        const PlantState expected = reference.stateAt(shown);
        compareTree(*models.assetTree(), expected);
        compareAlarms(*models.alarms(), expected, shown);
        // The same answer as the history engine's (which the plots and ndhctl use).
        QCOMPARE(QString::fromStdString(models.history().stateAt(shown).toJson(shown, 0).dump()),
                 QString::fromStdString(expected.toJson(shown, 0).dump()));
    }

    void scrubbingBackAndForthMovesOnlyTheTail()
    {
        PlantModels models;
        QAbstractItemModelTester alarmTester(models.alarms(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        models.applyBatch(batchOf(story()));
        TimeCursor *cursor = models.timeCursor();
        QCOMPARE(models.alarms()->rowCount(), 2);
        cursor->setTime(kT0 + 2000);
        cursor->flush();
        QCOMPARE(models.alarms()->rowCount(), 0); // nothing had been raised yet
        cursor->setTime(kT0 + 2600);
        cursor->flush();
        QCOMPARE(models.alarms()->rowCount(), 1);
        QCOMPARE(models.alarms()->index(0, AlarmTableModel::StateColumn).data().toString(), QStringLiteral("Unack"));
        QCOMPARE(models.alarms()->index(0, AlarmTableModel::TimeInStateColumn).data().toString(), QStringLiteral("0 s"));
        cursor->setTime(kT0 + 3800);
        cursor->flush();
        QCOMPARE(models.alarms()->rowCount(), 2);
        QCOMPARE(models.alarms()->unacknowledgedCount(), 1); // LF only: HT was acknowledged
        QCOMPARE(models.alarms()->rowForKey(QStringLiteral("FACTORY_A/Pump/P2#LF")), 1);
    }

    void aScrubStepAnnouncesOnlyTheRowsThatChanged()
    {
        PlantModels models;
        AssetTreeModel *tree = models.assetTree();
        QAbstractItemModelTester treeTester(tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        models.applyBatch(batchOf(story()));
        TimeCursor *cursor = models.timeCursor();
        cursor->setTime(kT0 + 3650); // after P2's last event (its alarm at 3600)
        cursor->flush();
        QSignalSpy changed(tree, &QAbstractItemModel::dataChanged);
        QSignalSpy ages(tree, &AssetTreeModel::agesMoved);
        cursor->setTime(kT0 + 3690); // nothing happened in between: only ages moved
        cursor->flush();
        QCOMPARE(changed.count(), 0);
        QCOMPARE(ages.count(), 1);
        const QModelIndex p2Flow = tree->indexForAttribute(QStringLiteral("FACTORY_A/Pump/P2/flow"));
        QCOMPARE(p2Flow.siblingAtColumn(AssetTreeModel::AgeColumn).data().toString(), QStringLiteral("0.7 s"));
        cursor->setTime(kT0 + 4000); // P1's snapshot: P1 and its rows change, P2 does not
        cursor->flush();
        QVERIFY(changed.count() > 0);
        const QModelIndex p2 = tree->indexForAsset(QStringLiteral("FACTORY_A/Pump/P2"));
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            const QModelIndex first = signal.at(0).toModelIndex();
            const QModelIndex last = signal.at(1).toModelIndex();
            QVERIFY2(first.parent() != p2, "an unchanged asset's attributes were announced");
            QVERIFY2(!(first.parent() == p2.parent() && first.row() <= p2.row() && p2.row() <= last.row()),
                     "an unchanged asset row was announced");
        }
        QCOMPARE(tree->indexForAsset(QStringLiteral("FACTORY_A/Pump/P1")).siblingAtColumn(AssetTreeModel::ValueColumn)
                     .data().toString(),
                 QStringLiteral("stopped"));
    }

    void dragRequestsAreCoalescedToOneRebuildPerFrame()
    {
        PlantModels models;
        models.applyBatch(batchOf(story()));
        TimeCursor *cursor = models.timeCursor();
        QSignalSpy moved(cursor, &TimeCursor::timeChanged);
        QSignalSpy shown(cursor, &TimeCursor::shown);
        for (int i = 0; i < 200; ++i)
            cursor->setTime(kT0 + 1000 + i * 10);
        QCOMPARE(moved.count(), 200); // the handle follows every move
        QCOMPARE(shown.count(), 0);   // the models wait for the frame
        QVERIFY(shown.wait(2000));
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.first().first().toLongLong(), kT0 + 1000 + 199 * 10);
        QCOMPARE(cursor->rebuilds(), quint64(1));
    }

    void liveResumesWithEverythingThatArrivedMeanwhile()
    {
        PlantModels models;
        QAbstractItemModelTester treeTester(models.assetTree(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester alarmTester(models.alarms(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        models.applyBatch(batchOf(story()));
        TimeCursor *cursor = models.timeCursor();
        cursor->setTime(kT0 + 2000);
        cursor->flush();

        // Live data keeps arriving while the operator looks at the past.
        models.applyBatch(batchOf({
            valueEvent("P1", kT0 + 5000, {{QStringLiteral("speed"), 40.0, {}}}, QStringLiteral("running")),
            valueEvent("P3", kT0 + 5000, {{QStringLiteral("level"), 2.25, {}}}),
            alarmEvent(EventKind::AlarmTriggered, "P3", "LL", kT0 + 5100, 2),
        }));
        AssetTreeModel *tree = models.assetTree();
        const auto value = [tree](const char *key) {
            return tree->indexForAttribute(QString::fromLatin1(key)).siblingAtColumn(AssetTreeModel::ValueColumn).data().toString();
        };
        // The views still show 2000 ms: P1 at 20 rpm, P3's row is there but had no value then.
        QCOMPARE(value("FACTORY_A/Pump/P1/speed"), QStringLiteral("20"));
        QVERIFY(tree->indexForAttribute(QStringLiteral("FACTORY_A/Pump/P3/level")).isValid());
        QCOMPARE(value("FACTORY_A/Pump/P3/level"), QString());
        QCOMPARE(models.alarms()->rowCount(), 0);
        // ...while the history engine and the live alarm machine took everything in.
        QCOMPARE(models.history().lastMs(), kT0 + 5100);
        QCOMPARE(int(models.alarms()->machine().alarms().size()), 3);

        QSignalSpy live(cursor, &TimeCursor::liveChanged);
        cursor->goLive();
        QCOMPARE(live.count(), 1);
        QVERIFY(cursor->isLive());
        QVERIFY(!tree->isShowingPast());
        QCOMPARE(value("FACTORY_A/Pump/P1/speed"), QStringLiteral("40"));
        QCOMPARE(value("FACTORY_A/Pump/P3/level"), QStringLiteral("2.25"));
        QCOMPARE(models.alarms()->rowCount(), 3);
        QCOMPARE(models.alarms()->rowForKey(QStringLiteral("FACTORY_A/Pump/P3#LL")), 2);
        QCOMPARE(models.alarms()->index(2, AlarmTableModel::StateColumn).data().toString(), QStringLiteral("Unack"));
    }

    void backfilledHistoryIsShownWithoutTouchingLive()
    {
        PlantModels models;
        QAbstractItemModelTester treeTester(models.assetTree(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        models.applyBatch(batchOf({valueEvent("P1", kT0 + 9000, {{QStringLiteral("speed"), 90.0, {}}})}));
        TimeCursor *cursor = models.timeCursor();
        cursor->setTime(kT0 + 9000);
        cursor->flush();
        // History older than the session, loaded from Kafka: an asset the tree never saw.
        QSignalSpy shown(cursor, &TimeCursor::shown);
        models.applyHistoryBatch(batchOf({valueEvent("P9", kT0 + 100, {{QStringLiteral("speed"), 9.0, {}}})}));
        QCOMPARE(models.history().firstMs(), kT0 + 100);
        QVERIFY(shown.wait(2000)); // the scrubbed view is rebuilt with it
        QCOMPARE(models.assetTree()->indexForAttribute(QStringLiteral("FACTORY_A/Pump/P9/speed"))
                     .siblingAtColumn(AssetTreeModel::ValueColumn).data().toString(),
                 QStringLiteral("9"));
        cursor->goLive();
        // Live never saw P9: the live row is empty, but the row stays for the next scrub.
        QCOMPARE(models.assetTree()->indexForAttribute(QStringLiteral("FACTORY_A/Pump/P9/speed"))
                     .siblingAtColumn(AssetTreeModel::ValueColumn).data().toString(),
                 QString());
        QCOMPARE(models.assetTree()->indexForAttribute(QStringLiteral("FACTORY_A/Pump/P1/speed"))
                     .siblingAtColumn(AssetTreeModel::ValueColumn).data().toString(),
                 QStringLiteral("90"));
    }

    void stepsToTheNeighbouringEventOfTheSelectedAsset()
    {
        PlantModels models;
        models.applyBatch(batchOf(story()));
        TimeCursor *cursor = models.timeCursor();
        QVERIFY(!cursor->stepToNextEvent()); // nothing after live
        QVERIFY(cursor->stepToPreviousEvent(QStringLiteral("FACTORY_A/Pump/P2")));
        QCOMPARE(cursor->timeMs(), kT0 + 3600);
        QVERIFY(cursor->stepToPreviousEvent(QStringLiteral("FACTORY_A/Pump/P2")));
        QCOMPARE(cursor->timeMs(), kT0 + 3000);
        QVERIFY(!cursor->stepToPreviousEvent(QStringLiteral("FACTORY_A/Pump/P2")));
        QVERIFY(cursor->stepToNextEvent(QStringLiteral("FACTORY_A/Pump/P1")));
        QCOMPARE(cursor->timeMs(), kT0 + 3500);
        QVERIFY(cursor->stepToPreviousEvent());
        QCOMPARE(cursor->timeMs(), kT0 + 3000);
    }

    void playbackRunsAtItsSpeedAndCatchesUpWithLive()
    {
        PlantModels models;
        models.applyBatch(batchOf(story()));
        TimeCursor *cursor = models.timeCursor();
        cursor->setSpeed(1000);
        QCOMPARE(cursor->speed(), TimeCursor::kMaxSpeed);
        cursor->setSpeed(0.01);
        QCOMPARE(cursor->speed(), TimeCursor::kMinSpeed);
        cursor->setSpeed(10);
        cursor->setTime(kT0 + 1000);
        QSignalSpy moved(cursor, &TimeCursor::timeChanged);
        cursor->play();
        QVERIFY(cursor->isPlaying());
        QTRY_VERIFY(cursor->isLive()); // 3 s of history at 10x
        QVERIFY(!cursor->isPlaying());
        QVERIFY(moved.count() >= 2);
        qint64 last = kT0 + 1000;
        for (int i = 0; i < moved.count() - 1; ++i) { // forward only
            QVERIFY(moved.at(i).first().toLongLong() >= last);
            last = moved.at(i).first().toLongLong();
        }
    }
};

QTEST_GUILESS_MAIN(TestTimeCursor)
#include "tst_time_cursor.moc"
