// The history engine must give exactly the state a naive replay from the beginning
// gives, at any instant, whatever order events arrived in; and stay within budget.

#include "history_store.h"
#include "sample_chunk.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <bit>
#include <cstring>
#include <limits>
#include <map>
#include <random>
#include <tuple>

using namespace ndh;

namespace {

// A random plant history: attribute values of all JSON types, snapshots that drop
// attributes, lifecycle changes, alarm cycles; delivered partly out of order and
// with duplicates.
std::vector<PlantEvent> randomHistory(quint64 seed, int count)
{
    std::mt19937_64 rng(seed);
    const auto pick = [&rng](int n) { return int(rng() % quint64(n)); };
    std::vector<PlantEvent> events;
    for (int i = 0; i < count; ++i) {
        PlantEvent e;
        e.messageId = QStringLiteral("m%1").arg(i);
        const int asset = pick(12);
        e.asset = {QStringLiteral("L%1").arg(asset % 3), QStringLiteral("Pump"), QStringLiteral("P%1").arg(asset)};
        e.eventTimeMs = 1000000 + qint64(i) * 100 + pick(2000) - 1000; // jitter: out of order
        const int roll = pick(100);
        if (roll < 60) {
            e.kind = EventKind::AttributeUpdate;
            const int n = 1 + pick(2);
            for (int k = 0; k < n; ++k) {
                const int attr = pick(5);
                AttributeValue v;
                switch (attr) {
                case 0: v = double(pick(1000)) / 10.0; break;
                case 1: v = qint64(pick(100000)); break;
                case 2: v = pick(2) == 1; break;
                case 3: v = QStringLiteral("mode-%1").arg(pick(4)); break;
                default: v = std::monostate{}; break;
                }
                e.attributes.push_back({QStringLiteral("a%1").arg(attr), v, {}});
            }
        } else if (roll < 70) {
            e.kind = EventKind::Snapshot;
            e.lifecycle = pick(2) ? QStringLiteral("active") : QString();
            for (int attr = 0; attr < 5; ++attr) {
                if (pick(2))
                    e.attributes.push_back({QStringLiteral("a%1").arg(attr), double(pick(50)), {}});
            }
        } else if (roll < 80) {
            e.kind = EventKind::Lifecycle;
            e.lifecycle = pick(2) ? QStringLiteral("active") : QStringLiteral("inactive");
        } else if (roll < 97) {
            static const EventKind kinds[] = {EventKind::AlarmTriggered, EventKind::AlarmCleared,
                                              EventKind::AlarmAcknowledged, EventKind::AlarmShelved,
                                              EventKind::AlarmReset};
            e.kind = kinds[pick(5)];
            AlarmInfo a;
            a.alarmId = QStringLiteral("AL%1").arg(pick(3));
            a.priority = 1 + pick(4);
            a.latching = pick(4) == 0;
            a.shelvedUntilMs = e.eventTimeMs + 5000;
            e.alarm = a;
        } else {
            e.kind = EventKind::CommandResponse;
        }
        events.push_back(e);
        if (pick(30) == 0)
            events.push_back(e); // duplicate delivery
    }
    // Swap some neighbours: late partitions.
    for (size_t i = 1; i < events.size(); i += 7)
        std::swap(events[i - 1], events[i]);
    return events;
}

QString stateJson(const PlantState &s, qint64 at)
{
    return QString::fromStdString(s.toJson(at, 0).dump());
}

const QString kPlotKey = QStringLiteral("A/Pump/P1/x");

PlantEvent plotSample(qint64 t, AttributeValue v)
{
    PlantEvent e;
    e.asset = {QStringLiteral("A"), QStringLiteral("Pump"), QStringLiteral("P1")};
    e.eventTimeMs = t;
    e.attributes.push_back({QStringLiteral("x"), std::move(v), {}});
    return e;
}

QString firstDifference(const std::vector<double> &t, const std::vector<double> &v, const std::vector<double> &tw,
                        const std::vector<double> &vw)
{
    size_t k = 0;
    while (k < std::min(t.size(), tw.size()) && t[k] == tw[k] && v[k] == vw[k])
        ++k;
    return QStringLiteral("%1 vs %2 points, first difference at %3: (%4, %5) vs (%6, %7)")
        .arg(t.size()).arg(tw.size()).arg(k)
        .arg(k < t.size() ? t[k] : -1.0, 0, 'f', 3).arg(k < v.size() ? v[k] : -1.0)
        .arg(k < tw.size() ? tw[k] : -1.0, 0, 'f', 3).arg(k < vw.size() ? vw[k] : -1.0);
}

// Empty when the pyramid's columns (and what plots get) equal the walk's, else
// where they differ.
QString decimationMismatch(const HistoryStore &store, qint64 from, qint64 to, int columns)
{
    using D = HistoryStore::Decimation;
    std::vector<double> tw, vw;
    store.decimate(kPlotKey, from, to, columns, tw, vw, D::Walk);
    for (const D how : {D::Pyramid, D::Auto}) {
        std::vector<double> t, v;
        store.decimate(kPlotKey, from, to, columns, t, v, how);
        if (t != tw || v != vw)
            return QStringLiteral("%1 [%2, %3] in %4 columns: %5")
                .arg(how == D::Pyramid ? QStringLiteral("pyramid") : QStringLiteral("auto"))
                .arg(from).arg(to).arg(columns).arg(firstDifference(t, v, tw, vw));
    }
    return {};
}


// Values that stress the packed encodings: decimals (2 digits, 9 digits), floats,
// integers as doubles, full-precision noise, NaN with payloads, infinities, -0.0,
// denormals and the extremes.
quint64 randomBits(std::mt19937_64 &rng)
{
    const auto bits = [](double d) {
        quint64 u;
        std::memcpy(&u, &d, sizeof u);
        return u;
    };
    switch (rng() % 12) {
    case 0: return bits(double(qint64(rng() % 200001) - 100000) / 100.0);
    case 1: return bits(double(qint64(rng() % 2000000001) - 1000000000) / 1e9);
    case 2: return bits(double(float(double(rng() % 1000000) / 7.0)));
    case 3: return bits(double(qint64(rng() >> 20) - (qint64(1) << 43)));
    case 4: return bits(std::ldexp(double(rng() >> 11), -53) * 1000.0 - 500.0);
    case 5: return 0x7ff8000000000000ULL | (rng() & 0xfffffffffffffULL); // quiet NaN, any payload
    case 6: return rng() % 2 ? bits(std::numeric_limits<double>::infinity()) : bits(-std::numeric_limits<double>::infinity());
    case 7: return bits(-0.0);
    case 8: return rng() & 0xfffffffffffffULL; // denormal
    case 9: return rng(); // any 64 bits
    case 10: return bits(rng() % 2 ? std::numeric_limits<double>::max() : std::numeric_limits<double>::lowest());
    default: return bits(50.0 + double(rng() % 7)); // runs of repeats
    }
}

struct RefSample
{
    qint64 t;
    quint64 raw;
    SampleSlot type;
};

// Empty if the chunk holds exactly `ref`, by every way it is read.
QString chunkMismatch(const SampleChunk &c, const std::vector<RefSample> &ref)
{
    if (c.size() != ref.size())
        return QStringLiteral("%1 samples, expected %2").arg(c.size()).arg(ref.size());
    qint64 t[SampleChunk::kBlock];
    quint64 raw[SampleChunk::kBlock];
    for (size_t i = 0; i < ref.size(); ++i) {
        if (c.timeAt(i) != ref[i].t || c.rawAt(i) != ref[i].raw || c.typeAt(i) != ref[i].type)
            return QStringLiteral("sample %1: (%2, %3, %4) expected (%5, %6, %7)")
                .arg(i).arg(c.timeAt(i)).arg(c.rawAt(i), 16, 16, QLatin1Char('0')).arg(int(c.typeAt(i)))
                .arg(ref[i].t).arg(ref[i].raw, 16, 16, QLatin1Char('0')).arg(int(ref[i].type));
        if (i % SampleChunk::kBlock == 0) {
            const size_t n = std::min<size_t>(SampleChunk::kBlock, ref.size() - i);
            c.read(i, n, t, raw);
            for (size_t k = 0; k < n; ++k) {
                if (t[k] != ref[i + k].t || raw[k] != ref[i + k].raw)
                    return QStringLiteral("read() at %1").arg(i + k);
            }
        }
        // The bounds at this sample's time, as a search over the reference gives them.
        const auto upper = std::upper_bound(ref.begin(), ref.end(), ref[i].t,
                                            [](qint64 v, const RefSample &r) { return v < r.t; }) - ref.begin();
        const auto lower = std::lower_bound(ref.begin(), ref.end(), ref[i].t,
                                            [](const RefSample &r, qint64 v) { return r.t < v; }) - ref.begin();
        if (c.upperBound(ref[i].t) != size_t(upper) || c.lowerBound(ref[i].t, 0) != size_t(lower))
            return QStringLiteral("bounds at sample %1").arg(i);
    }
    return {};
}

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT
private slots:
    void equalsNaiveReplayAtRandomInstants()
    {
        const auto events = randomHistory(42, 4000);
        HistoryStore store;
        EventTimeline naive;
        // Delivered in batches, as the backend does.
        for (size_t i = 0; i < events.size(); i += 97) {
            std::vector<PlantEvent> batch(events.begin() + std::ptrdiff_t(i),
                                          events.begin() + std::ptrdiff_t(std::min(events.size(), i + 97)));
            store.append(batch);
        }
        for (const PlantEvent &e : events)
            naive.add(e);
        QVERIFY(store.duplicates() > 0);
        std::mt19937_64 rng(7);
        for (int i = 0; i < 200; ++i) {
            const qint64 at = store.firstMs() - 500 + qint64(rng() % quint64(store.lastMs() - store.firstMs() + 1000));
            const QString got = stateJson(store.stateAt(at), at);
            const QString want = stateJson(naive.stateAt(at), at);
            if (got != want) {
                // Print where they part, the whole documents are long.
                int p = 0;
                while (p < got.size() && p < want.size() && got[p] == want[p])
                    ++p;
                qWarning("at %lld differs at %d:\n got  ...%s\n want ...%s", at, p,
                         qPrintable(got.mid(std::max(0, p - 200), 400)), qPrintable(want.mid(std::max(0, p - 200), 400)));
            }
            QCOMPARE(got, want);
        }
    }

    void edgesOfTime()
    {
        const auto events = randomHistory(3, 500);
        HistoryStore store;
        store.append(events);
        EventTimeline naive;
        for (const auto &e : events)
            naive.add(e);
        const qint64 before = store.firstMs() - 1;
        QVERIFY(store.stateAt(before).assets().empty());
        QCOMPARE(stateJson(store.stateAt(store.firstMs()), 0), stateJson(naive.stateAt(store.firstMs()), 0));
        const qint64 after = store.lastMs() + 1000000;
        QCOMPARE(stateJson(store.stateAt(after), after), stateJson(naive.stateAt(after), after));
    }

    void emptyHistory()
    {
        HistoryStore store;
        QVERIFY(store.isEmpty());
        QVERIFY(store.stateAt(12345).assets().empty());
        QVERIFY(!store.valueAt(QStringLiteral("A/Pump/P1/x"), 1).has_value());
        QVERIFY(!store.nextEventAfter(0).has_value());
        std::vector<double> t, v;
        store.decimate(QStringLiteral("A/Pump/P1/x"), 0, 1000, 100, t, v);
        QVERIFY(t.empty());
    }

    void valuesAndNeighbours()
    {
        HistoryStore store;
        std::vector<PlantEvent> events;
        for (int i = 0; i < 10; ++i) {
            PlantEvent e;
            e.messageId = QString::number(i);
            e.asset = {QStringLiteral("A"), QStringLiteral("Pump"), QStringLiteral("P1")};
            e.eventTimeMs = (10 - i) * 1000; // newest first
            e.attributes.push_back({QStringLiteral("x"), double(10 - i), {}});
            events.push_back(e);
        }
        store.append(events);
        QCOMPARE(std::get<double>(store.valueAt(QStringLiteral("A/Pump/P1/x"), 5500)->value), 5.0);
        QCOMPARE(store.valueAt(QStringLiteral("A/Pump/P1/x"), 5500)->timeMs, 5000);
        QCOMPARE(store.nextEventAfter(5000).value(), 6000);
        QCOMPARE(store.previousEventBefore(5000, QStringLiteral("A/Pump/P1")).value(), 4000);
        QVERIFY(!store.nextEventAfter(10000).has_value());
        QCOMPARE(store.samplesInRange(QStringLiteral("A/Pump/P1/x"), 2000, 4000), size_t(3));
    }

    void decimationKeepsExtremes()
    {
        HistoryStore store;
        std::vector<PlantEvent> events;
        // A day at 1 Hz with one spike; 200 pixel columns.
        for (int i = 0; i < 86400; ++i) {
            PlantEvent e;
            e.asset = {QStringLiteral("A"), QStringLiteral("Pump"), QStringLiteral("P1")};
            e.eventTimeMs = qint64(i) * 1000;
            e.attributes.push_back({QStringLiteral("x"), i == 40000 ? 999.0 : double(i % 10), {}});
            events.push_back(std::move(e));
        }
        store.append(events);
        std::vector<double> t, v;
        store.decimate(QStringLiteral("A/Pump/P1/x"), 0, 86400000, 200, t, v);
        QVERIFY(t.size() <= 400);
        QVERIFY(t.size() >= 200);
        QCOMPARE(*std::max_element(v.begin(), v.end()), 999.0);
        QCOMPARE(*std::min_element(v.begin(), v.end()), 0.0);
        QVERIFY(std::is_sorted(t.begin(), t.end()));
    }

    // The pyramid must give exactly the columns a walk over every sample gives:
    // random ranges and widths over a series with every value type, NaN, ties,
    // repeated values, gaps (one past the 49 days a chunk spans), out-of-order and
    // late inserts that split chunks, queries between appends, and dropped history.
    void decimationEqualsWalk()
    {
        std::mt19937_64 rng(6);
        const auto pick = [&rng](qint64 n) { return qint64(rng() % quint64(n)); };
        HistoryStore store;
        qint64 t = 1000000;
        std::vector<PlantEvent> events;
        const auto randomValue = [&]() -> AttributeValue {
            const qint64 roll = pick(100);
            if (roll < 70)
                return double(pick(200) - 100) / 4.0; // few distinct values: many ties
            if (roll < 80)
                return pick(50);
            if (roll < 85)
                return pick(2) == 1;
            if (roll < 90)
                return QStringLiteral("text");
            if (roll < 93)
                return std::numeric_limits<double>::quiet_NaN();
            if (roll < 96)
                return -0.0;
            return std::monostate{};
        };
        for (int i = 0; i < 60000; ++i) {
            const qint64 roll = pick(1000);
            if (roll == 0)
                t += 60LL * 24 * 3600 * 1000; // a gap wider than a chunk's offsets
            else if (roll < 20)
                t += 100000 + pick(10000000); // a gap
            else if (roll < 300)
                t += 0; // same instant
            else
                t += 1 + pick(1500);
            events.push_back(plotSample(t, randomValue()));
        }
        // Late arrivals: some far back, some a little.
        for (size_t i = 0; i + 1 < events.size(); i += 3) {
            if (pick(4) == 0)
                std::swap(events[i], events[i + 1 + size_t(pick(qint64(std::min<size_t>(5000, events.size() - i - 1))))]);
        }
        const qint64 first = 1000000;
        const auto check = [&](int rounds) {
            const qint64 span = store.lastMs() - first + 1;
            for (int r = 0; r < rounds; ++r) {
                qint64 from = first - span / 20 + pick(span + span / 10);
                qint64 to = from + 1 + pick(r % 3 == 0 ? span : span / (1 + pick(5000)));
                if (r % 17 == 0) {
                    from = first - 10;
                    to = store.lastMs() + 10; // everything
                }
                const int columns = r % 5 == 0 ? 1 + int(pick(4)) : 1 + int(pick(3000));
                const QString m = decimationMismatch(store, from, to, columns);
                QVERIFY2(m.isEmpty(), qPrintable(m));
            }
        };
        // In batches, with queries in between: later inserts land in chunks the
        // queries have summarized.
        for (size_t from = 0; from < events.size(); from += 7000) {
            store.append(std::vector<PlantEvent>(events.begin() + std::ptrdiff_t(from),
                                                 events.begin() + std::ptrdiff_t(std::min(events.size(), from + 7000))));
            check(40);
            if (QTest::currentTestFailed())
                return;
        }
        QCOMPARE(store.sampleCount(), events.size());
        // A late burst before everything (rebases the first chunk) and into the middle.
        std::vector<PlantEvent> late;
        for (int i = 0; i < 3000; ++i)
            late.push_back(plotSample(first - 500000 + i * 7, randomValue()));
        for (int i = 0; i < 9000; ++i)
            late.push_back(plotSample(first + pick(store.lastMs() - first), randomValue()));
        store.append(late);
        check(300);
        // History dropped from the front: the first chunk loses its head.
        store.setMemoryBudget(store.memoryBytes() * 3 / 4);
        QVERIFY(store.completeFromMs() > store.firstMs());
        check(100);
    }

    void decimationOfOneSampleAndEmptyRanges()
    {
        HistoryStore store;
        store.append({plotSample(5000, 2.5)});
        std::vector<double> t, v;
        store.decimate(kPlotKey, 0, 10000, 100, t, v);
        QCOMPARE(t, std::vector<double>{5.0});
        QCOMPARE(v, std::vector<double>{2.5});
        store.decimate(kPlotKey, 5000, 5001, 1600, t, v); // at the range's start
        QCOMPARE(v, std::vector<double>{2.5});
        store.decimate(kPlotKey, 4000, 5000, 3, t, v); // at its end
        QCOMPARE(v, std::vector<double>{2.5});
        store.decimate(kPlotKey, 5001, 9000, 100, t, v); // after it
        QVERIFY(t.empty());
        store.decimate(kPlotKey, 0, 4999, 100, t, v); // before it
        QVERIFY(t.empty());
        store.decimate(kPlotKey, 6000, 6000, 100, t, v); // empty range
        QVERIFY(t.empty());
        store.decimate(kPlotKey, 0, 10000, 0, t, v); // no columns
        QVERIFY(t.empty());
        store.decimate(QStringLiteral("A/Pump/P1/nothing"), 0, 10000, 100, t, v);
        QVERIFY(t.empty());
        for (const auto &[from, to, columns] : {std::tuple{0, 10000, 100}, {5000, 5001, 1600}, {5001, 9000, 100}, {0, 4999, 7}})
            QVERIFY(decimationMismatch(store, from, to, columns).isEmpty());
        // A NaN is a gap, not a value that hides the column's others.
        store.append({plotSample(5000, std::numeric_limits<double>::quiet_NaN()), plotSample(5001, 7.0)});
        store.decimate(kPlotKey, 0, 10000, 1, t, v);
        QCOMPARE(v, (std::vector<double>{2.5, 7.0}));
        QVERIFY(decimationMismatch(store, 0, 10000, 1).isEmpty());
    }

    // Packed samples come back bit for bit: every kind of double (NaN payloads,
    // infinities, -0.0, denormals), integers, booleans, mixed types in one block,
    // times with jitter, ties, big gaps (up to the 2^32 ms a chunk spans) and
    // inserts out of order, whatever state (packed, unpacked, split, cut) the chunk
    // is in when read.
    void chunkKeepsEverySampleExactly()
    {
        for (quint64 seed = 1; seed <= 12; ++seed) {
            std::mt19937_64 rng(seed);
            const qint64 base = 1754217000000 + qint64(rng() % 100000);
            SampleChunk c(base);
            std::vector<RefSample> ref;
            qint64 t = base;
            const int kind = int(seed % 4); // 0 regular, 1 jitter, 2 gaps, 3 mixed
            for (int i = 0; i < 3000; ++i) {
                switch (kind) {
                case 0: t += 1000; break;
                case 1: t += 990 + qint64(rng() % 21); break;
                case 2: t += rng() % 8 == 0 ? qint64(rng() % 2000000) : qint64(rng() % 3); break;
                default: t += qint64(rng() % 5) * 250; break;
                }
                RefSample r{t, randomBits(rng), SampleSlot::Double};
                if (kind == 3 || seed > 8) {
                    switch (rng() % 6) {
                    case 0: r.type = SampleSlot::Int; r.raw = rng() % 3 ? rng() % 1000 : rng(); break;
                    case 1: r.type = SampleSlot::Bool; r.raw = rng() % 2; break;
                    case 2: r.type = SampleSlot::String; r.raw = rng() % 5; break;
                    default: break;
                    }
                }
                if (i > 0 && rng() % 10 == 0) {
                    // Out of order: anywhere at or after the first sample.
                    const qint64 at = ref.front().t + qint64(rng() % quint64(t - ref.front().t + 1));
                    r.t = at;
                    const size_t pos = c.upperBound(at);
                    c.insert(pos, r.t, r.raw, r.type);
                    ref.insert(ref.begin() + std::ptrdiff_t(pos), r);
                } else {
                    c.insert(c.size(), r.t, r.raw, r.type);
                    ref.push_back(r);
                }
                if (rng() % 500 == 0)
                    c.pack();
            }
            // One sample near the far end of the chunk's span.
            const RefSample far{base + SampleChunk::kMaxDelta, randomBits(rng), SampleSlot::Double};
            c.insert(c.size(), far.t, far.raw, far.type);
            ref.push_back(far);
            QString m = chunkMismatch(c, ref);
            QVERIFY2(m.isEmpty(), qPrintable(QStringLiteral("seed %1 as inserted: %2").arg(seed).arg(m)));
            c.pack();
            QVERIFY(c.isPacked());
            m = chunkMismatch(c, ref);
            QVERIFY2(m.isEmpty(), qPrintable(QStringLiteral("seed %1 packed: %2").arg(seed).arg(m)));
            // Appends in order to the packed chunk, then cut and split.
            c.eraseFront(100);
            ref.erase(ref.begin(), ref.begin() + 100);
            m = chunkMismatch(c, ref);
            QVERIFY2(m.isEmpty(), qPrintable(QStringLiteral("seed %1 cut: %2").arg(seed).arg(m)));
            SampleChunk tail = c.splitOff(1000);
            std::vector<RefSample> refTail(ref.begin() + 1000, ref.end());
            ref.resize(1000);
            m = chunkMismatch(c, ref) + chunkMismatch(tail, refTail);
            QVERIFY2(m.isEmpty(), qPrintable(QStringLiteral("seed %1 split: %2").arg(seed).arg(m)));
            c.rebase(c.baseMs() - 12345);
            m = chunkMismatch(c, ref);
            QVERIFY2(m.isEmpty(), qPrintable(QStringLiteral("seed %1 rebased: %2").arg(seed).arg(m)));
        }
    }

    // A sample a little late (a plant's values on several topics, read in turn)
    // unpacks its block and the ones after it, not the whole chunk: the blocks
    // before stay packed, and every read gives what it gave before.
    void lateSampleOpensOnlyTheTail()
    {
        std::mt19937_64 rng(11);
        const qint64 base = 1754217000000;
        SampleChunk c(base);
        std::vector<RefSample> ref;
        for (int i = 0; i < 2000; ++i) {
            const RefSample r{base + qint64(i) * 1000, std::bit_cast<quint64>(double(rng() % 10000) / 100.0),
                              SampleSlot::Double};
            c.insert(c.size(), r.t, r.raw, r.type);
            ref.push_back(r);
        }
        c.pack();
        const size_t packedBytes = c.bytes();
        for (int k = 0; k < 40; ++k) {
            // Between the last 100 samples: late by up to 100 s.
            const qint64 t = ref.back().t - qint64(rng() % 100000) - 1;
            const RefSample r{t, std::bit_cast<quint64>(double(rng() % 10000) / 100.0), SampleSlot::Double};
            const size_t pos = c.upperBound(t);
            c.insert(pos, r.t, r.raw, r.type);
            ref.insert(ref.begin() + std::ptrdiff_t(pos), r);
        }
        QVERIFY(!c.isPacked());
        QString m = chunkMismatch(c, ref);
        QVERIFY2(m.isEmpty(), qPrintable(QStringLiteral("partly open: %1").arg(m)));
        // Unpacked: at most the last few blocks (12 bytes a sample), not 2,040 samples.
        QVERIFY2(c.bytes() < packedBytes + 8 * SampleChunk::kBlock * 12,
                 qPrintable(QStringLiteral("%1 bytes, packed %2").arg(c.bytes()).arg(packedBytes)));
        // What plots fold over the whole run, against every sample.
        size_t i = 0;
        SampleChunk::Fold fold;
        c.foldUntil(i, ref.back().t + 1, fold);
        QCOMPARE(i, ref.size());
        double lo = std::numeric_limits<double>::max(), hi = -lo;
        for (const RefSample &r : ref) {
            lo = std::min(lo, std::bit_cast<double>(r.raw));
            hi = std::max(hi, std::bit_cast<double>(r.raw));
        }
        QCOMPARE(fold.min, lo);
        QCOMPARE(fold.max, hi);
        c.pack();
        m = chunkMismatch(c, ref);
        QVERIFY2(m.isEmpty(), qPrintable(QStringLiteral("packed again: %1").arg(m)));
    }

    // The store keeps a series that late samples reach unpacked while they keep
    // coming, and packs it once they stop: its memory comes back to what the same
    // samples take in time order.
    void lateSeriesArePackedOnceQuiet()
    {
        HistoryStore late, ordered;
        std::vector<PlantEvent> all;
        for (int i = 0; i < 20000; ++i)
            all.push_back(plotSample(1000000 + qint64(i) * 10, double(i % 977) / 4.0));
        // Batches of 400 whose even samples come one batch late, as from a topic read
        // behind another.
        std::vector<PlantEvent> held;
        for (size_t from = 0; from < all.size(); from += 400) {
            std::vector<PlantEvent> batch;
            for (size_t k = from; k < from + 400; ++k) {
                if (k % 2)
                    batch.push_back(all[k]);
            }
            batch.insert(batch.end(), held.begin(), held.end());
            held.clear();
            for (size_t k = from; k < from + 400; k += 2)
                held.push_back(all[k]);
            late.append(batch);
        }
        const size_t whileLate = late.memoryBytes();
        // Quiet batches (samples in time order): packed.
        late.append(held);
        for (quint64 k = 0; k < 4; ++k)
            late.append({plotSample(2000000 + qint64(k), 1.0)});
        ordered.append(all);
        for (quint64 k = 0; k < 4; ++k)
            ordered.append({plotSample(2000000 + qint64(k), 1.0)});
        QCOMPARE(late.sampleCount(), ordered.sampleCount());
        QVERIFY2(late.memoryBytes() < whileLate, qPrintable(QStringLiteral("%1 then %2").arg(whileLate).arg(late.memoryBytes())));
        QVERIFY2(late.memoryBytes() <= ordered.memoryBytes() + ordered.memoryBytes() / 10,
                 qPrintable(QStringLiteral("%1, in order %2").arg(late.memoryBytes()).arg(ordered.memoryBytes())));
        std::vector<double> t1, v1, t2, v2;
        late.decimate(QStringLiteral("A/Pump/P1/x"), 0, 3000000, 500, t1, v1);
        ordered.decimate(QStringLiteral("A/Pump/P1/x"), 0, 3000000, 500, t2, v2);
        QCOMPARE(t1, t2);
        QCOMPARE(v1, v2);
    }

    // Through the store: every value of every type comes back exactly at its time,
    // with events out of order, big gaps between them, and batches that pack and
    // unpack chunks.
    void storeKeepsEveryValueExactly()
    {
        std::mt19937_64 rng(7);
        HistoryStore store;
        const QStringList names = {QStringLiteral("d"), QStringLiteral("i"), QStringLiteral("mixed")};
        std::map<std::pair<int, qint64>, AttributeValue> expected; // (attribute, time) -> value
        std::vector<PlantEvent> events;
        qint64 t = 1000;
        for (int i = 0; i < 60000; ++i) {
            t += rng() % 100 == 0 ? qint64(rng() % (qint64(1) << 33)) : 1 + qint64(rng() % 1000);
            const int attr = int(rng() % 3);
            qint64 at = t;
            if (rng() % 8 == 0)
                at = 1000 + qint64(rng() % quint64(t - 1000)); // late
            if (expected.count({attr, at}))
                continue; // one value per instant, so each is found by its time
            AttributeValue v;
            if (attr == 0) {
                const quint64 u = randomBits(rng);
                double d;
                std::memcpy(&d, &u, sizeof d);
                v = d;
            } else if (attr == 1) {
                v = rng() % 4 ? qint64(rng() % 100000) - 50000 : qint64(rng());
            } else {
                switch (rng() % 4) {
                case 0: v = double(qint64(rng() % 100000)) / 100.0; break;
                case 1: v = qint64(rng() % 7); break;
                case 2: v = rng() % 2 == 1; break;
                default: v = QStringLiteral("s%1").arg(rng() % 3); break;
                }
            }
            expected[{attr, at}] = v;
            PlantEvent e;
            e.asset = {QStringLiteral("A"), QStringLiteral("Pump"), QStringLiteral("P1")};
            e.eventTimeMs = at;
            e.attributes.push_back({names[attr], v, {}});
            events.push_back(std::move(e));
            if (events.size() == 997) {
                store.append(events);
                events.clear();
            }
        }
        store.append(events);
        QCOMPARE(store.sampleCount(), expected.size());
        const auto same = [](const AttributeValue &a, const AttributeValue &b) {
            if (a.index() != b.index())
                return false;
            if (const auto *d = std::get_if<double>(&a)) {
                const double e = std::get<double>(b);
                return std::memcmp(d, &e, sizeof e) == 0; // bit for bit: NaN payloads, -0.0
            }
            return a == b;
        };
        for (const auto &[key, value] : expected) {
            const auto got = store.valueAt(QStringLiteral("A/Pump/P1/") + names[key.first], key.second);
            QVERIFY2(got && got->timeMs == key.second && same(got->value, value),
                     qPrintable(QStringLiteral("%1 at %2").arg(names[key.first]).arg(key.second)));
        }
    }

    void compactSamples()
    {
        HistoryStore store;
        std::vector<PlantEvent> events;
        for (int i = 0; i < 200000; ++i) {
            PlantEvent e;
            e.asset = {QStringLiteral("A"), QStringLiteral("Pump"), QStringLiteral("P%1").arg(i % 100)};
            e.eventTimeMs = qint64(i) * 10;
            e.attributes.push_back({QStringLiteral("x"), double(i), {}});
            events.push_back(std::move(e));
        }
        store.append(events);
        const double perSample = double(store.memoryBytes()) / double(store.sampleCount());
        qInfo("history: %.1f bytes per stored sample", perSample);
        // Packed: regular times and whole numbers take a few bytes (12 unpacked).
        QVERIFY2(perSample < 6.0, qPrintable(QString::number(perSample)));
    }

    void duplicatesAreCaughtAcrossTheWholeWindow()
    {
        // The same record twice (Kafka and Redis, a producer retry) is stored once as
        // long as its id is among the last kDedupWindow ids; ids leave oldest first.
        const auto event = [](quint64 i) {
            PlantEvent e;
            e.messageId = QStringLiteral("id-%1").arg(i);
            e.asset = {QStringLiteral("A"), QStringLiteral("Pump"), QStringLiteral("P1")};
            e.eventTimeMs = 1000 + qint64(i);
            e.attributes.push_back({QStringLiteral("x"), double(i), {}});
            return e;
        };
        // Appends the events of ids [from, to) in steps of `step`; returns how many were stored.
        const auto deliver = [&event](HistoryStore &store, quint64 from, quint64 to, quint64 step) {
            size_t stored = 0;
            std::vector<PlantEvent> batch;
            for (quint64 i = from; i < to; i += step) {
                batch.push_back(event(i));
                if (batch.size() == 10000 || i + step >= to) {
                    stored += store.append(batch);
                    batch.clear();
                }
            }
            return stored;
        };
        const quint64 window = HistoryStore::kDedupWindow, gone = 50000;
        HistoryStore store;
        QCOMPARE(deliver(store, 0, window + gone, 1), size_t(window + gone));
        QCOMPARE(store.duplicates(), quint64(0));
        // Every id still in the window, again: none is stored (checked before any
        // old id comes back, which would push the oldest of these out).
        QCOMPARE(deliver(store, gone, window + gone, 1), size_t(0));
        QCOMPARE(store.duplicates(), quint64(window));
        QCOMPARE(store.eventCount(), size_t(window + gone));
        // Ids that left the window are new again: the newest of them first.
        QCOMPARE(deliver(store, gone - 1, gone, 1), size_t(1));
        QCOMPARE(deliver(store, 0, gone - 1, 7), size_t((gone - 2) / 7 + 1));
        QCOMPARE(store.duplicates(), quint64(window));
        // And the newest ids are still caught.
        QCOMPARE(deliver(store, window + gone - 1000, window + gone, 1), size_t(0));
        QCOMPARE(store.sampleCount(), store.eventCount());
    }

    void assetsAndSeriesAreNamedByTheirKeys()
    {
        HistoryStore store;
        const auto sample = [](AssetPath asset, const QString &name, qint64 t, double v) {
            PlantEvent e;
            e.asset = std::move(asset);
            e.eventTimeMs = t;
            e.attributes.push_back({name, v, {}});
            return e;
        };
        // The decoder hands over the same strings for the same text; other sources
        // (Redis, logs, tests) build their own: the same asset and series either way.
        const AssetPath p1{QStringLiteral("L"), QStringLiteral("Pump"), QStringLiteral("P1")};
        const QString x = QStringLiteral("x");
        store.append({sample(p1, x, 1000, 1.0), sample(p1, x, 2000, 2.0)});
        store.append({sample({QString::fromLatin1("L"), QString::fromLatin1("Pump"), QStringLiteral("P%1").arg(1)},
                             QString::fromLatin1("x"), 3000, 3.0)});
        QCOMPARE(store.assetIdCount(), 1);
        QCOMPARE(store.seriesIdCount(), 1);
        QCOMPARE(std::get<double>(store.valueAt(QStringLiteral("L/Pump/P1/x"), 3000)->value), 3.0);
        QCOMPARE(store.nextEventAfter(2000, QStringLiteral("L/Pump/P1")), std::optional<qint64>(3000));
        QCOMPARE(store.nextEventAfter(2000, QStringLiteral("L/Pump/P2")), std::nullopt);

        // Names are keys: paths and attributes that make the same key are one, as
        // everywhere else the console names them by key ("A/B/C/D" here).
        store.append({sample({QStringLiteral("A/B"), QStringLiteral("C"), QStringLiteral("D")}, x, 1000, 10.0)});
        store.append({sample({QStringLiteral("A"), QStringLiteral("B/C"), QStringLiteral("D")}, x, 2000, 20.0)});
        QCOMPARE(store.assetIdCount(), 2);
        QCOMPARE(store.seriesIdCount(), 2);
        store.append({sample({QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}, QStringLiteral("D/x"), 3000, 30.0)});
        QCOMPARE(store.assetIdCount(), 3);
        QCOMPARE(store.seriesIdCount(), 2);
        QCOMPARE(store.samplesInRange(QStringLiteral("A/B/C/D/x"), 0, 5000), size_t(3));
        QCOMPARE(std::get<double>(store.valueAt(QStringLiteral("A/B/C/D/x"), 2500)->value), 20.0);
        QCOMPARE(std::get<double>(store.valueAt(QStringLiteral("A/B/C/D/x"), 3000)->value), 30.0);

        // Many assets and attributes: lookups by key still find each one.
        for (int a = 0; a < 300; ++a) {
            std::vector<PlantEvent> batch;
            for (int k = 0; k < 40; ++k)
                batch.push_back(sample({QStringLiteral("S"), QStringLiteral("Fan"), QStringLiteral("F%1").arg(a)},
                                       QStringLiteral("a%1").arg(k), 5000 + k, double(a * 100 + k)));
            store.append(batch);
        }
        QCOMPARE(store.assetIdCount(), 303);
        QCOMPARE(store.seriesIdCount(), 2 + 300 * 40);
        for (int a = 0; a < 300; a += 7) {
            for (int k = 0; k < 40; k += 3) {
                const auto got = store.valueAt(QStringLiteral("S/Fan/F%1/a%2").arg(a).arg(k), 9000);
                QVERIFY(got);
                QCOMPARE(std::get<double>(got->value), double(a * 100 + k));
            }
        }
    }

    void budgetDropsOldestDetailAndSaysSo()
    {
        HistoryStore store(1024 * 1024); // 1 MiB: less than the 500,000 samples take packed
        for (int batch = 0; batch < 100; ++batch) {
            std::vector<PlantEvent> events;
            for (int i = 0; i < 5000; ++i) {
                PlantEvent e;
                e.asset = {QStringLiteral("A"), QStringLiteral("Pump"), QStringLiteral("P%1").arg(i % 50)};
                e.eventTimeMs = qint64(batch) * 5000 + i;
                e.attributes.push_back({QStringLiteral("x"), double(i), {}});
                events.push_back(std::move(e));
            }
            store.append(events);
        }
        QVERIFY(store.memoryBytes() <= 1024 * 1024);
        QVERIFY(store.completeFromMs() > store.firstMs());
        // The newest state is intact.
        QCOMPARE(std::get<double>(store.valueAt(QStringLiteral("A/Pump/P49/x"), store.lastMs())->value), 4999.0);
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_history_store.moc"
