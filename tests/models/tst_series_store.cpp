// Live plot data: numeric samples per attribute, bounded per series, with an
// absolute index so plots can take only what is new.

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
};

QTEST_GUILESS_MAIN(TestSeriesStore)
#include "tst_series_store.moc"
