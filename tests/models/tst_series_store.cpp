// Live plot data: numeric samples per attribute, bounded per series, with an
// absolute index so plots can take only what is new.

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
        store.append({sample(1000, {{"speed", qint64(10), {}}, {"mode", QStringLiteral("auto"), {}},
                                    {"running", true, {}}, {"nothing", std::monostate{}, {}}})});
        QCOMPARE(store.seriesCount(), size_t(2));
        const auto *speed = store.find(QStringLiteral("A/Pump/P1/speed"));
        QVERIFY(speed);
        QCOMPARE(speed->t, std::vector<double>{1.0});
        QCOMPARE(speed->v, std::vector<double>{10.0});
        QVERIFY(!store.find(QStringLiteral("A/Pump/P1/mode")));
        QCOMPARE(store.find(QStringLiteral("A/Pump/P1/running"))->v.front(), 1.0);
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
        PlantEvent first = stamped(1000, 1);
        QVERIFY(first.attributes.front().seriesRef >= 0);
        store.append({first, sample(2000, {{"x", 2.0, {}}}), stamped(3000, 3)});
        QCOMPARE(store.seriesCount(), size_t(2));
        QCOMPARE(store.find(QStringLiteral("A/Pump/P1/x"))->v, (std::vector<double>{1, 2, 3}));
        QCOMPARE(store.find(QStringLiteral("A/Pump/P1/y"))->v, (std::vector<double>{2, 6}));
        store.clear();
        QCOMPARE(store.seriesCount(), size_t(0));
        store.append({stamped(4000, 4)});
        QCOMPARE(store.find(QStringLiteral("A/Pump/P1/x"))->v, std::vector<double>{4});
        QCOMPARE(store.find(QStringLiteral("A/Pump/P1/x"))->firstIndex, quint64(0));
    }

    void boundedWithAbsoluteIndex()
    {
        SeriesStore store(100);
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
