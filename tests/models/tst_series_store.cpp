// Live plot data: numeric samples of the attributes plots watch, bounded per
// series, with an absolute index so plots can take only what is new.

#include "history_store.h"
#include "identity_registry.h"
#include "series_store.h"

#include <QTest>

using namespace ndh;

namespace {
PlantEvent sample(qint64 t, std::vector<AttributeSample> attrs)
{
    PlantEvent e;
    e.asset = {QStringLiteral("A"), QStringLiteral("Pump"), QStringLiteral("P1")};
    e.eventTimeMs = t;
    e.attributes = std::move(attrs);
    return e;
}
} // namespace

class TestSeriesStore : public QObject
{
    Q_OBJECT
private slots:
    void keepsNumericSamplesOnly()
    {
        SeriesStore store;
        for (const char *name : {"speed", "mode", "running", "nothing"})
            store.watch(QStringLiteral("A/Pump/P1/") + QLatin1String(name));
        store.append({sample(1000, {{"speed", qint64(10), {}}, {"mode", QStringLiteral("auto"), {}},
                                    {"running", true, {}}, {"nothing", std::monostate{}, {}}})});
        QCOMPARE(store.seriesCount(), size_t(4)); // watched
        const auto *speed = store.find(QStringLiteral("A/Pump/P1/speed"));
        QVERIFY(speed);
        QCOMPARE(speed->t, std::vector<double>{1.0});
        QCOMPARE(speed->v, std::vector<double>{10.0});
        QVERIFY(store.find(QStringLiteral("A/Pump/P1/mode"))->t.empty());
        QCOMPARE(store.find(QStringLiteral("A/Pump/P1/running"))->v.front(), 1.0);
        QVERIFY(store.carriesNumbers(QStringLiteral("A/Pump/P1/speed")));
        QVERIFY(store.carriesNumbers(QStringLiteral("A/Pump/P1/running")));
        QVERIFY(!store.carriesNumbers(QStringLiteral("A/Pump/P1/mode")));
        QVERIFY(!store.carriesNumbers(QStringLiteral("A/Pump/P1/nothing")));
        QStringList keys = store.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{"A/Pump/P1/running", "A/Pump/P1/speed"}));
    }

    // Only watched attributes keep samples; the others are known to carry numbers
    // (what a plot may add). Watches are counted: two plots of one attribute, one
    // closed, the other still gets every sample. A series watched after its samples
    // arrived starts from the history store's newest, then takes live ones.
    void onlyWatchedSeriesKeepSamples()
    {
        IdentityRegistry registry;
        HistoryStore history;
        SeriesStore store;
        const QString x = QStringLiteral("A/Pump/P1/x");
        const QString y = QStringLiteral("A/Pump/P1/y");
        const auto feed = [&](qint64 t, double v, bool stamp) {
            PlantEvent e = sample(t, {{"x", v, {}}, {"y", -v, {}}});
            e.messageId = QStringLiteral("m-%1").arg(t);
            if (stamp)
                registry.identify(e);
            const std::vector<PlantEvent> events{e};
            history.append(events);
            store.append(events);
        };
        store.watch(x);
        store.watch(x);
        for (int i = 1; i <= 3; ++i)
            feed(i * 1000, i, i != 2);
        QCOMPARE(store.find(x)->v, (std::vector<double>{1, 2, 3}));
        QVERIFY(!store.find(y));
        QVERIFY(store.carriesNumbers(y));
        QCOMPARE(store.seriesCount(), size_t(1));
        QCOMPARE(store.memoryBytes(), store.find(x)->t.capacity() * 2 * sizeof(double));

        store.unwatch(x); // one of two
        feed(4000, 4, true);
        QCOMPARE(store.find(x)->v, (std::vector<double>{1, 2, 3, 4}));
        store.unwatch(x);
        feed(5000, 5, true);
        QVERIFY(!store.find(x));
        QCOMPARE(store.seriesCount(), size_t(0));
        QCOMPARE(store.memoryBytes(), size_t(0));
        QVERIFY(store.carriesNumbers(x));

        // Watched again, and y for the first time: both start from history.
        store.watch(x, &history);
        store.watch(y, &history);
        QCOMPARE(store.find(x)->v, (std::vector<double>{1, 2, 3, 4, 5}));
        QCOMPARE(store.find(y)->t, (std::vector<double>{1, 2, 3, 4, 5}));
        QCOMPARE(store.find(y)->v, (std::vector<double>{-1, -2, -3, -4, -5}));
        feed(6000, 6, true);
        feed(7000, 7, false);
        QCOMPARE(store.find(x)->v, (std::vector<double>{1, 2, 3, 4, 5, 6, 7}));
        QCOMPARE(store.find(y)->v.back(), -7.0);

        // A plot opened before its attribute ever arrived gets it from the first sample.
        const QString z = QStringLiteral("A/Pump/P1/z");
        store.watch(z, &history);
        QVERIFY(store.find(z)->t.empty());
        QVERIFY(!store.carriesNumbers(z));
        PlantEvent e = sample(8000, {{"z", 8.0, {}}});
        registry.identify(e);
        store.append({e});
        QCOMPARE(store.find(z)->v, std::vector<double>{8});
        QVERIFY(store.carriesNumbers(z));
        // clear() forgets samples and attributes but keeps the plots' watches.
        store.clear();
        QVERIFY(store.find(z) && store.find(z)->t.empty());
        QVERIFY(store.keys().isEmpty());
        store.append({e});
        QCOMPARE(store.find(z)->v, std::vector<double>{8});
    }

    // "A/B" + "C" and "A" + "B/C" are two assets with one key (and two refs): a
    // watch of that key gets the samples of both, before and after it changes.
    void oneKeyOfTwoRefsIsWatchedWhole()
    {
        IdentityRegistry registry;
        const auto event = [&registry](const char *location, const char *type, qint64 t) {
            PlantEvent e;
            e.asset = {QString::fromLatin1(location), QString::fromLatin1(type), QStringLiteral("P1")};
            e.eventTimeMs = t;
            e.attributes = {{QStringLiteral("x"), double(t), {}}};
            registry.identify(e);
            return e;
        };
        SeriesStore store;
        const PlantEvent first = event("A/B", "C", 1000);
        const PlantEvent second = event("A", "B/C", 2000);
        QVERIFY(first.attributes[0].seriesRef != second.attributes[0].seriesRef);
        store.append({first, second});
        const QString key = QStringLiteral("A/B/C/P1/x");
        QVERIFY(store.carriesNumbers(key));
        store.watch(key);
        store.append({event("A/B", "C", 3000), event("A", "B/C", 4000)});
        QCOMPARE(store.find(key)->v, (std::vector<double>{3000, 4000}));
        store.unwatch(key);
        store.append({event("A/B", "C", 5000), event("A", "B/C", 6000)});
        QVERIFY(!store.find(key));
        store.watch(key);
        store.append({event("A", "B/C", 7000), event("A/B", "C", 8000)});
        QCOMPARE(store.find(key)->v, (std::vector<double>{7000, 8000}));
    }

    // A newly watched series takes the newest half of its cap of the samples that
    // came live, not what was loaded into history only (yesterday, from a log).
    void backfillIsBoundedAndNewest()
    {
        HistoryStore history;
        std::vector<PlantEvent> loaded;
        std::vector<PlantEvent> live;
        for (int i = -500; i < 1000; ++i) {
            (i < 0 ? loaded : live).push_back(sample(i * 1000, {{"x", double(i), {}}, {"s", QStringLiteral("text"), {}}}));
            (i < 0 ? loaded : live).back().messageId = QStringLiteral("m-%1").arg(i);
        }
        history.append(loaded);
        history.append(live);
        SeriesStore store(100);
        store.watch(QStringLiteral("A/Pump/P1/x"), &history);
        QVERIFY(store.find(QStringLiteral("A/Pump/P1/x"))->t.empty()); // nothing came live yet
        store.unwatch(QStringLiteral("A/Pump/P1/x"));
        store.append(live);
        store.watch(QStringLiteral("A/Pump/P1/x"), &history);
        store.watch(QStringLiteral("A/Pump/P1/s"), &history);
        const auto *s = store.find(QStringLiteral("A/Pump/P1/x"));
        QCOMPARE(s->t.size(), size_t(50));
        QCOMPARE(s->v.front(), 950.0);
        QCOMPARE(s->v.back(), 999.0);
        QCOMPARE(s->t.back(), 999.0);
        QVERIFY(store.find(QStringLiteral("A/Pump/P1/s"))->t.empty()); // text is not drawn

        // A larger cap: every live sample, none of the loaded ones.
        SeriesStore large(10000);
        large.append(live);
        large.watch(QStringLiteral("A/Pump/P1/x"), &history);
        QCOMPARE(large.find(QStringLiteral("A/Pump/P1/x"))->t.size(), size_t(1000));
        QCOMPARE(large.find(QStringLiteral("A/Pump/P1/x"))->v.front(), 0.0);
    }

    // Events the decoder stamped (series refs) and events built by hand (no refs)
    // for the same attribute land in one series, in order, also after clear().
    void stampedAndUnstampedSamplesShareTheirSeries()
    {
        IdentityRegistry registry;
        const auto stamped = [&registry](qint64 t, double x) {
            PlantEvent e = sample(t, {{"x", x, {}}, {"y", 2 * x, {}}});
            registry.identify(e);
            return e;
        };
        SeriesStore store;
        store.watch(QStringLiteral("A/Pump/P1/x"));
        store.watch(QStringLiteral("A/Pump/P1/y"));
        PlantEvent first = stamped(1000, 1);
        QVERIFY(first.attributes.front().seriesRef >= 0);
        store.append({first, sample(2000, {{"x", 2.0, {}}}), stamped(3000, 3)});
        QCOMPARE(store.seriesCount(), size_t(2));
        QCOMPARE(store.find(QStringLiteral("A/Pump/P1/x"))->v, (std::vector<double>{1, 2, 3}));
        QCOMPARE(store.find(QStringLiteral("A/Pump/P1/y"))->v, (std::vector<double>{2, 6}));
        store.clear();
        QCOMPARE(store.seriesCount(), size_t(2)); // the watches stay
        QVERIFY(store.find(QStringLiteral("A/Pump/P1/x"))->t.empty());
        store.append({stamped(4000, 4)});
        QCOMPARE(store.find(QStringLiteral("A/Pump/P1/x"))->v, std::vector<double>{4});
        QCOMPARE(store.find(QStringLiteral("A/Pump/P1/x"))->firstIndex, quint64(0));
    }

    void boundedWithAbsoluteIndex()
    {
        SeriesStore store(100);
        store.watch(QStringLiteral("A/Pump/P1/x"));
        for (int i = 0; i < 250; ++i)
            store.append({sample(i * 1000, {{"x", double(i), {}}})});
        const auto *s = store.find(QStringLiteral("A/Pump/P1/x"));
        QVERIFY(s->t.size() <= 100);
        QCOMPARE(s->endIndex(), quint64(250));
        // The newest sample is at the end, and index arithmetic finds any kept sample.
        QCOMPARE(s->v.back(), 249.0);
        QCOMPARE(s->v[size_t(200 - s->firstIndex)], 200.0);
    }

    // Issue 9: left running for weeks, all series together stay within the memory
    // budget, and what was dropped is counted, not lost silently.
    void totalBoundedByBudgetAndCountsDrops()
    {
        SeriesStore store(1000);
        QCOMPARE(store.memoryBudget(), SeriesStore::kDefaultBudgetBytes);
        const size_t budget = 64 * 1024; // 4096 samples of 16 bytes
        store.setMemoryBudget(budget);
        const int series = 8, perSeries = 5000; // 40,000 samples, ten times the budget
        for (int k = 0; k < series; ++k)
            store.watch(QStringLiteral("A/Pump/P1/x%1").arg(k));
        for (int i = 0; i < perSeries; ++i) {
            std::vector<AttributeSample> attrs;
            for (int k = 0; k < series; ++k)
                attrs.push_back({QStringLiteral("x%1").arg(k), double(i), {}});
            store.append({sample(i * 1000, std::move(attrs))});
        }
        QCOMPARE(store.seriesCount(), size_t(series));
        QCOMPARE(store.effectivePointsPerSeries(), size_t(512)); // 4096 / 8, below the 1000 per series
        QVERIFY2(store.memoryBytes() <= budget, qPrintable(QString::number(store.memoryBytes())));
        quint64 kept = 0;
        for (int k = 0; k < series; ++k) {
            const auto *s = store.find(QStringLiteral("A/Pump/P1/x%1").arg(k));
            QVERIFY(s);
            QVERIFY(s->t.size() <= 512);
            QCOMPARE(s->endIndex(), quint64(perSeries));
            QCOMPARE(s->v.back(), double(perSeries - 1)); // the newest is always kept
            kept += s->t.size();
        }
        QCOMPARE(store.droppedPoints(), quint64(series) * perSeries - kept);
        QVERIFY(store.droppedPoints() > 0);

        // A smaller budget takes effect on the next samples and gives memory back.
        store.setMemoryBudget(budget / 4);
        for (int i = perSeries; i < perSeries + 10; ++i) {
            std::vector<AttributeSample> attrs;
            for (int k = 0; k < series; ++k)
                attrs.push_back({QStringLiteral("x%1").arg(k), double(i), {}});
            store.append({sample(i * 1000, std::move(attrs))});
        }
        QCOMPARE(store.effectivePointsPerSeries(), size_t(128));
        QVERIFY2(store.memoryBytes() <= budget / 4, qPrintable(QString::number(store.memoryBytes())));

        store.clear();
        QCOMPARE(store.droppedPoints(), quint64(0));
        QCOMPARE(store.memoryBytes(), size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestSeriesStore)
#include "tst_series_store.moc"
