// One backend batch reaches every view's model at once: tree, alarms, history,
// plot series and dead letters, with a single notification for the plots. With an
// apply budget a big batch goes in over several event-loop turns, a prefix at a time.

#include "plant_models.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace ndh;

namespace {

constexpr int kAssets = 50;

// Event i sets attribute "n" of asset P<i % kAssets> to i.
std::shared_ptr<EventBatch> numbered(int from, int count, quint64 records)
{
    auto batch = std::make_shared<EventBatch>();
    batch->events.reserve(size_t(count));
    for (int i = from; i < from + count; ++i) {
        PlantEvent e;
        e.messageId = QStringLiteral("m%1").arg(i);
        e.asset = {QStringLiteral("A"), QStringLiteral("Pump"), QStringLiteral("P%1").arg(i % kAssets)};
        e.eventTimeMs = 1000 + i;
        e.attributes.push_back({QStringLiteral("n"), qint64(i), {}});
        batch->events.push_back(std::move(e));
    }
    batch->recordsConsumed = records;
    return batch;
}

// The live plot buffers of every asset's series, as plots showing them would.
void watchAll(PlantModels &models)
{
    for (int a = 0; a < kAssets; ++a)
        models.series().watch(QStringLiteral("A/Pump/P%1/n").arg(a), &models.history());
}

// Every model holds exactly events 0..applied-1, each once, in order.
bool holdsPrefix(const PlantModels &models, int applied, QString *why)
{
    if (models.history().eventCount() != size_t(applied)) {
        *why = QStringLiteral("history has %1 events, %2 applied").arg(models.history().eventCount()).arg(applied);
        return false;
    }
    for (int a = 0; a < kAssets; ++a) {
        const QString key = QStringLiteral("A/Pump/P%1/n").arg(a);
        std::vector<double> want;
        for (int i = a; i < applied; i += kAssets)
            want.push_back(double(i));
        const SeriesStore::Series *s = models.series().find(key);
        const std::vector<double> got = s ? s->v : std::vector<double>{};
        if (got != want) {
            *why = QStringLiteral("%1: %2 samples, want %3").arg(key).arg(got.size()).arg(want.size());
            return false;
        }
    }
    return true;
}

} // namespace

class TestPlantModels : public QObject
{
    Q_OBJECT
private slots:
    void batchReachesEveryModel()
    {
        PlantModels models;
        QSignalSpy applied(&models, &PlantModels::batchApplied);
        auto batch = std::make_shared<EventBatch>();
        PlantEvent value;
        value.messageId = QStringLiteral("v1");
        value.asset = {QStringLiteral("A"), QStringLiteral("Pump"), QStringLiteral("P1")};
        value.eventTimeMs = 1000;
        value.attributes.push_back({QStringLiteral("speed"), 1480.0, QStringLiteral("rpm")});
        PlantEvent alarm = value;
        alarm.messageId = QStringLiteral("a1");
        alarm.kind = EventKind::AlarmTriggered;
        alarm.attributes.clear();
        alarm.alarm = AlarmInfo{};
        alarm.alarm->alarmId = QStringLiteral("HT");
        batch->events = {value, alarm};
        DeadLetter dead;
        dead.reason = QStringLiteral("invalid JSON");
        batch->deadLetters.push_back(dead);
        batch->recordsConsumed = 3;
        models.applyBatch(batch);

        QCOMPARE(applied.count(), 1);
        QCOMPARE(models.assetTree()->assetCount(), 1);
        QCOMPARE(models.alarms()->rowCount(), 1);
        QCOMPARE(models.deadLetters()->rowCount(), 1);
        // A plot of it added now starts from the history store.
        QVERIFY(!models.series().find(QStringLiteral("A/Pump/P1/speed")));
        QVERIFY(models.series().carriesNumbers(QStringLiteral("A/Pump/P1/speed")));
        models.series().watch(QStringLiteral("A/Pump/P1/speed"), &models.history());
        QCOMPARE(models.series().find(QStringLiteral("A/Pump/P1/speed"))->v, std::vector<double>{1480.0});
        QCOMPARE(std::get<double>(models.history().valueAt(QStringLiteral("A/Pump/P1/speed"), 2000)->value), 1480.0);
        QCOMPARE(models.eventsApplied(), quint64(2));
        QCOMPARE(models.recordsConsumed(), quint64(3));
    }

    // With a budget, a batch longer than it goes in over several turns: timers fire
    // between the portions, each portion leaves every model at the same prefix, a
    // batch delivered meanwhile waits its turn, and the sender hears the batch was
    // held and, once it is all in, released.
    void bigBatchIsAppliedOverSeveralTurnsInOrder()
    {
        PlantModels models;
        watchAll(models);
        models.setApplyBudgetMs(1);
        QSignalSpy applied(&models, &PlantModels::batchApplied);
        QSignalSpy held(&models, &PlantModels::batchHeld);
        QSignalSpy released(&models, &PlantModels::batchReleased);
        // 20,000 events take far more than 1 ms to apply on any machine.
        constexpr int kFirst = 20000;
        constexpr int kSecond = 300;
        const auto first = numbered(0, kFirst, 7);
        const auto second = numbered(kFirst, kSecond, 5);

        int ticks = 0;
        std::vector<quint64> seen; // eventsApplied at each tick of a timer
        QString why;
        bool consistent = true;
        QTimer timer;
        timer.setInterval(0);
        connect(&timer, &QTimer::timeout, &models, [&] {
            ++ticks;
            seen.push_back(models.eventsApplied());
            if (consistent && !holdsPrefix(models, int(models.eventsApplied()), &why))
                consistent = false;
        });
        timer.start();

        models.applyBatch(first);
        QVERIFY(models.eventsApplied() > 0);
        QVERIFY(models.eventsApplied() < quint64(kFirst));
        QVERIFY2(holdsPrefix(models, int(models.eventsApplied()), &why), qPrintable(why));
        QCOMPARE(held.count(), 1);
        QCOMPARE(held.first().first().value<EventBatchPtr>(), EventBatchPtr(first));
        QCOMPARE(applied.count(), 0);
        // Only a finished batch counts its records.
        QCOMPARE(models.recordsConsumed(), quint64(0));
        models.applyBatch(second); // queued behind the first
        QCOMPARE(held.count(), 2);

        QTRY_COMPARE(models.pendingEvents(), size_t(0));
        timer.stop();
        QVERIFY2(consistent, qPrintable(why));
        QVERIFY2(holdsPrefix(models, kFirst + kSecond, &why), qPrintable(why));
        QCOMPARE(models.eventsApplied(), quint64(kFirst + kSecond));
        QCOMPARE(models.recordsConsumed(), quint64(12));
        QCOMPARE(models.batchesApplied(), quint64(2));
        QVERIFY(models.portionsApplied() > 2);
        // The timer ran while the first batch was still going in, and saw it grow.
        const auto during = std::count_if(seen.begin(), seen.end(), [](quint64 n) { return n > 0 && n < quint64(kFirst); });
        QVERIFY2(during >= 2, qPrintable(QStringLiteral("%1 ticks during the batch").arg(during)));
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        // One batchApplied per batch, in order, with the count after each.
        QCOMPARE(applied.count(), 2);
        QCOMPARE(applied.at(0).first().toULongLong(), quint64(kFirst));
        QCOMPARE(applied.at(1).first().toULongLong(), quint64(kFirst + kSecond));
        QCOMPARE(released.count(), 2);
        QCOMPARE(released.at(0).first().value<EventBatchPtr>(), EventBatchPtr(first));
        QCOMPARE(released.at(1).first().value<EventBatchPtr>(), EventBatchPtr(second));
        QVERIFY(released.at(0).at(1).toLongLong() > 0); // time spent after the hand-off
        // The tree shows the last value of each asset.
        const QModelIndex last = models.assetTree()->indexForAttribute(QStringLiteral("A/Pump/P7/n"));
        QVERIFY(last.isValid());
        QCOMPARE(last.siblingAtColumn(AssetTreeModel::ValueColumn).data().toString(), QStringLiteral("20257"));
    }

    // A batch that fits the budget is in every model when applyBatch returns, and
    // is never held; without a budget even a big one is.
    void batchWithinBudgetIsAppliedAtOnce()
    {
        PlantModels models;
        watchAll(models);
        QSignalSpy held(&models, &PlantModels::batchHeld);
        models.applyBatch(numbered(0, 5000, 1)); // no budget (the default)
        QCOMPARE(models.eventsApplied(), quint64(5000));
        QCOMPARE(models.pendingEvents(), size_t(0));
        models.setApplyBudgetMs(1000);
        models.applyBatch(numbered(5000, 10, 1));
        QCOMPARE(models.eventsApplied(), quint64(5010));
        QCOMPARE(models.batchesApplied(), quint64(2));
        QCOMPARE(held.count(), 0);
        QString why;
        QVERIFY2(holdsPrefix(models, 5010, &why), qPrintable(why));
    }

    // Turning the budget off (or applyPendingNow) finishes what is queued at once.
    void pendingEventsCanBeFinishedAtOnce()
    {
        PlantModels models;
        watchAll(models);
        models.setApplyBudgetMs(1);
        QSignalSpy released(&models, &PlantModels::batchReleased);
        models.applyBatch(numbered(0, 20000, 1));
        QVERIFY(models.pendingEvents() > 0);
        models.applyPendingNow();
        QCOMPARE(models.pendingEvents(), size_t(0));
        QCOMPARE(released.count(), 1);
        QString why;
        QVERIFY2(holdsPrefix(models, 20000, &why), qPrintable(why));
    }

    void connectionStatusIsRelayed()
    {
        PlantModels models;
        QSignalSpy changed(&models, &PlantModels::connectionStatusChanged);
        ConnectionStatus s;
        s.state = ConnectionStatus::State::BrokerDown;
        s.lastError = QStringLiteral("connection refused");
        models.setConnectionStatus(s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(models.connectionStatus().lastError, QStringLiteral("connection refused"));
        // A Redis status is kept apart: the Kafka one is not overwritten.
        ConnectionStatus r;
        r.source = ConnectionStatus::Source::Redis;
        r.state = ConnectionStatus::State::Connected;
        models.setConnectionStatus(r);
        QCOMPARE(models.redisStatus().state, ConnectionStatus::State::Connected);
        QCOMPARE(models.connectionStatus().state, ConnectionStatus::State::BrokerDown);
    }
};

QTEST_GUILESS_MAIN(TestPlantModels)
#include "tst_plant_models.moc"
