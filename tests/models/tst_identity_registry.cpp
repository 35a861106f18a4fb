// The process-wide numbering of assets and series: the same names get the same ref
// on every decoding thread, different names different refs; and the models that
// find assets and series by ref answer exactly as they do for events without refs.

#include "asset_tree_model.h"
#include "envelope_decoder.h"
#include "history_store.h"
#include "identity_registry.h"

#include <QTest>

#include <random>
#include <set>
#include <thread>

using namespace ndh;

namespace {

QByteArray ndhRecord(int asset, const char *attribute, double value, int i, const char *location = "PLANT")
{
    return "{\"message_id\":\"m-" + QByteArray::number(i) + "\",\"timestamp\":\"2025-08-03T10:30:00Z\","
           "\"asset_id\":\"P-" + QByteArray::number(asset) + "\",\"asset_type\":\"Pump\",\"location\":\""
           + QByteArray(location) + "\",\"event_type\":\"attribute_changed\",\"event_data\":{\"attribute\":\""
           + QByteArray(attribute) + "\",\"new_value\":" + QByteArray::number(value) + "}}";
}

// Decodes records on a thread of its own (its own interned strings), as the
// backend, the Redis mirror and the log loader each do.
std::vector<PlantEvent> decodeOnThread(const std::vector<QByteArray> &records)
{
    std::vector<PlantEvent> out;
    std::thread worker([&] {
        EnvelopeDecoder decoder;
        EventSource source;
        source.topic = QStringLiteral("ndh.assets");
        for (const QByteArray &r : records)
            QVERIFY(decoder.decode(r, source, out).accepted);
    });
    worker.join();
    return out;
}

// A plant's worth of decoded events: attribute updates over 30 assets (two of
// them whose parts hold '/' and make the same key text), snapshots that leave
// attributes out, lifecycle changes, out of order, some delivered twice.
std::vector<PlantEvent> decodedPlant(quint64 seed, int count)
{
    std::mt19937_64 rng(seed);
    const auto pick = [&rng](int n) { return int(rng() % quint64(n)); };
    std::vector<QByteArray> records;
    for (int i = 0; i < count; ++i) {
        const int a = pick(30);
        QByteArray location = "L" + QByteArray::number(a % 3);
        QByteArray type = "Pump";
        if (a == 28) {
            location = "A/B";
            type = "C";
        } else if (a == 29) {
            location = "A";
            type = "B/C";
        }
        const QByteArray id = a >= 28 ? QByteArray("X") : "P-" + QByteArray::number(a);
        const QByteArray ts = formatTimestampMs(1754217000000 + qint64(i) * 100 + pick(3000)).toLatin1();
        const QByteArray head = "{\"message_id\":\"m-" + QByteArray::number(pick(10) == 0 ? i - 1 : i)
                                + "\",\"timestamp\":\"" + ts + "\",\"asset_id\":\"" + id + "\",\"asset_type\":\""
                                + type + "\",\"location\":\"" + location + "\",";
        const int roll = pick(100);
        if (roll < 75) {
            records.push_back(head + "\"event_type\":\"attribute_changed\",\"event_data\":{\"attribute\":\"a"
                              + QByteArray::number(pick(6)) + "\",\"new_value\":" + QByteArray::number(pick(1000))
                              + ",\"unit\":\"bar\"}}");
        } else if (roll < 88) {
            QByteArray attrs;
            for (int k = 0; k < 6; ++k) {
                if (pick(2))
                    attrs += (attrs.isEmpty() ? "" : ",") + ("\"a" + QByteArray::number(k) + "\":" + QByteArray::number(pick(50)));
            }
            records.push_back(head + "\"event_type\":\"asset_snapshot\",\"event_data\":{\"attributes\":{" + attrs
                              + "},\"lifecycle_state\":\"active\"}}");
        } else {
            records.push_back(head + "\"event_type\":\"" + (pick(2) ? "asset_activated" : "asset_deactivated")
                              + "\",\"event_data\":{}}");
        }
    }
    std::vector<PlantEvent> out;
    EnvelopeDecoder decoder;
    for (const QByteArray &r : records) {
        if (!decoder.decode(r, {}, out).accepted)
            qFatal("record not decoded: %s", r.constData());
    }
    return out;
}

std::vector<PlantEvent> withoutRefs(std::vector<PlantEvent> events)
{
    for (PlantEvent &e : events) {
        e.assetRef = IdentityRegistry::kNoRef;
        for (AttributeSample &a : e.attributes)
            a.seriesRef = IdentityRegistry::kNoRef;
    }
    return events;
}

// Everything a history answers per asset and series, at a few instants.
QStringList historyAnswers(const HistoryStore &h)
{
    QStringList out;
    out << QStringLiteral("assets %1 series %2 samples %3 events %4")
               .arg(h.assetIdCount())
               .arg(h.seriesIdCount())
               .arg(h.sampleCount())
               .arg(h.eventCount());
    for (int id = 0; id < h.seriesIdCount(); ++id)
        out << h.seriesKey(id) + u' ' + h.seriesUnit(id) + u' ' + h.assetKey(h.seriesAsset(id));
    for (qint64 at = h.firstMs(); at <= h.lastMs(); at += (h.lastMs() - h.firstMs()) / 7 + 1) {
        for (int id = 0; id < h.assetIdCount(); ++id) {
            HistoryStore::AssetAt a;
            h.assetAt(id, at, a);
            QString line = h.assetKey(id) + QStringLiteral(" @%1 known %2 %3:").arg(at).arg(a.known).arg(a.lifecycle);
            for (const auto &v : a.values)
                line += u' ' + h.seriesName(v.seriesId) + u'=' + displayText(v.value);
            out << line;
        }
    }
    return out;
}

// The tree's rows, depth first: names, values, units, lifecycle.
QStringList treeRows(const AssetTreeModel &tree, const QModelIndex &parent = {}, const QString &indent = {})
{
    QStringList out;
    for (int r = 0; r < tree.rowCount(parent); ++r) {
        const QModelIndex i = tree.index(r, 0, parent);
        out << indent + i.data().toString() + u'|' + tree.index(r, AssetTreeModel::ValueColumn, parent).data().toString()
                   + u'|' + tree.index(r, AssetTreeModel::UnitColumn, parent).data().toString() + u'|'
                   + i.data(AssetTreeModel::LifecycleRole).toString();
        out << treeRows(tree, i, indent + u' ');
    }
    return out;
}

} // namespace

class TstIdentityRegistry : public QObject
{
    Q_OBJECT
private slots:
    void decodedNamesOutliveTheThreadThatDecodedThem()
    {
        // The decoder's interned names are lasting copies (no reference count): events
        // handed to the GUI must read the same after the decoding thread has ended,
        // its interner with it, and copies of a name share its text.
        std::vector<QByteArray> records;
        for (int i = 0; i < 200; ++i)
            records.push_back(ndhRecord(i % 20, i % 2 ? "speed" : "flow_rate", i, i));
        const std::vector<PlantEvent> events = decodeOnThread(records);
        QCOMPARE(events.size(), size_t(200));
        for (int i = 0; i < 200; ++i) {
            const PlantEvent &e = events[size_t(i)];
            QCOMPARE(e.asset.id, QStringLiteral("P-%1").arg(i % 20));
            QCOMPARE(e.asset.key(), QStringLiteral("PLANT/Pump/P-%1").arg(i % 20));
            QCOMPARE(e.attributes.at(0).name, QLatin1String(i % 2 ? "speed" : "flow_rate"));
            QCOMPARE(e.source.topic, QStringLiteral("ndh.assets"));
        }
        QCOMPARE(events[0].asset.id.constData(), events[20].asset.id.constData()); // one text, shared

        // lastingCopy itself: the same text; empty and huge texts come back as they are;
        // a lasting text copied again is not changed in place.
        const QString name = QStringLiteral("temperature");
        const QString lasting = lastingCopy(name);
        QCOMPARE(lasting, name);
        QVERIFY(lasting.constData() != name.constData());
        const QString again = lastingCopy(lasting);
        QCOMPARE(again, name);
        QCOMPARE(lasting, name);
        QVERIFY(lastingCopy(QString()).isNull());
        const QString huge(100000, u'x');
        QCOMPARE(lastingCopy(huge).constData(), huge.constData());
    }

    void sameNamesSameRefsAcrossDecodingThreads()
    {
        std::vector<QByteArray> records;
        for (int i = 0; i < 200; ++i)
            records.push_back(ndhRecord(i % 20, (i / 20) % 2 ? "flow" : "pressure", i, i));
        const auto a = decodeOnThread(records);
        const auto b = decodeOnThread(records);
        QCOMPARE(a.size(), records.size());
        QCOMPARE(b.size(), records.size());
        std::set<qint32> assets, series;
        for (size_t i = 0; i < a.size(); ++i) {
            QVERIFY(a[i].assetRef >= 0);
            QCOMPARE(b[i].assetRef, a[i].assetRef);
            QCOMPARE(a[i].attributes.size(), size_t(1));
            QVERIFY(a[i].attributes[0].seriesRef >= 0);
            QCOMPARE(b[i].attributes[0].seriesRef, a[i].attributes[0].seriesRef);
            // Decoded on two threads, each with its own copies of the names.
            QVERIFY(a[i].asset.id.constData() != b[i].asset.id.constData());
            assets.insert(a[i].assetRef);
            series.insert(a[i].attributes[0].seriesRef);
            // The ref reads back as the names it stands for, from this thread.
            const IdentityRegistry &r = IdentityRegistry::global();
            QCOMPARE(r.assetPath(a[i].assetRef), a[i].asset);
            QCOMPARE(r.seriesAsset(a[i].attributes[0].seriesRef), a[i].assetRef);
            QCOMPARE(r.seriesName(a[i].attributes[0].seriesRef), a[i].attributes[0].name);
        }
        QCOMPARE(assets.size(), size_t(20));     // distinct assets, distinct refs
        QCOMPARE(series.size(), size_t(20 * 2)); // flow and pressure of each
    }

    void concurrentStampsAgree()
    {
        // Many threads stamping the same 2,000 assets at once, in different orders,
        // on a registry of their own: one ref per asset, the same on every thread.
        IdentityRegistry registry;
        constexpr int kThreads = 4;
        constexpr int kAssets = 2000;
        std::vector<std::vector<qint32>> seen(kThreads, std::vector<qint32>(kAssets, -2));
        std::vector<std::vector<qint32>> seenSeries(kThreads, std::vector<qint32>(kAssets, -2));
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int k = 0; k < kAssets; ++k) {
                    const int i = t % 2 ? kAssets - 1 - k : k;
                    PlantEvent e;
                    // Fresh strings each time (shared with a copy, as an interner's are).
                    const QString id = QStringLiteral("A-%1").arg(i);
                    const QString keep = id;
                    e.asset = {QStringLiteral("L%1").arg(i % 7), QStringLiteral("Type"), id};
                    e.attributes.push_back({QStringLiteral("v"), 1.0, {}});
                    registry.identify(e);
                    seen[size_t(t)][size_t(i)] = e.assetRef;
                    seenSeries[size_t(t)][size_t(i)] = e.attributes[0].seriesRef;
                }
            });
        }
        for (auto &th : threads)
            th.join();
        QCOMPARE(registry.assetCount(), kAssets);
        QCOMPARE(registry.seriesCount(), kAssets);
        std::set<qint32> distinct;
        for (int i = 0; i < kAssets; ++i) {
            for (int t = 1; t < kThreads; ++t) {
                QCOMPARE(seen[size_t(t)][size_t(i)], seen[0][size_t(i)]);
                QCOMPARE(seenSeries[size_t(t)][size_t(i)], seenSeries[0][size_t(i)]);
            }
            QCOMPARE(registry.assetPath(seen[0][size_t(i)]).id, QStringLiteral("A-%1").arg(i));
            distinct.insert(seen[0][size_t(i)]);
        }
        QCOMPARE(distinct.size(), size_t(kAssets));
        QCOMPARE(registry.refused(), quint64(0));
    }

    void partsNotKeyNameAnAsset()
    {
        // "A/B" + "C" and "A" + "B/C" make the same key text but are two assets
        // (the tree shows them under different rows); equal parts are one asset
        // whatever strings carry them.
        IdentityRegistry registry;
        const qint32 x = registry.assetRef({QStringLiteral("A/B"), QStringLiteral("C"), QStringLiteral("x")});
        const qint32 y = registry.assetRef({QStringLiteral("A"), QStringLiteral("B/C"), QStringLiteral("x")});
        QVERIFY(x >= 0 && y >= 0 && x != y);
        QString location = QStringLiteral("A/");
        location += u'B'; // other characters in memory, same text
        QCOMPARE(registry.assetRef({location, QStringLiteral("C"), QStringLiteral("x")}), x);
        QCOMPARE(registry.seriesRef(x, QStringLiteral("t")), registry.seriesRef(x, QStringLiteral("t")));
        QVERIFY(registry.seriesRef(x, QStringLiteral("t")) != registry.seriesRef(y, QStringLiteral("t")));
        QCOMPARE(registry.seriesRef(IdentityRegistry::kNoRef, QStringLiteral("t")), IdentityRegistry::kNoRef);
    }

    void stringsBuiltPerEventAreNotMistaken()
    {
        // Strings built for one event and dropped: the next one may reuse the same
        // memory for another text. Each must still get its own ref.
        IdentityRegistry registry;
        std::vector<qint32> refs;
        for (int i = 0; i < 500; ++i) {
            PlantEvent e;
            e.asset = {QStringLiteral("L"), QStringLiteral("T"), QStringLiteral("ID-%1").arg(i % 50)};
            e.attributes.push_back({QStringLiteral("a%1").arg(i % 3), 1.0, {}});
            registry.identify(e);
            QCOMPARE(registry.assetPath(e.assetRef), e.asset);
            QCOMPARE(registry.seriesName(e.attributes[0].seriesRef), e.attributes[0].name);
            QCOMPARE(registry.seriesAsset(e.attributes[0].seriesRef), e.assetRef);
            if (i < 50)
                refs.push_back(e.assetRef);
            else
                QCOMPARE(e.assetRef, refs[size_t(i % 50)]);
        }
        QCOMPARE(registry.assetCount(), 50);
        QCOMPARE(registry.seriesCount(), 150);
    }

    void commandParametersAreNoSeries()
    {
        std::vector<PlantEvent> out;
        EnvelopeDecoder decoder;
        const QByteArray record = R"({"message_id":"c1","timestamp":"2025-08-03T10:30:00Z","asset_id":"P-1",)"
                                  R"("asset_type":"Pump","location":"PLANT","event_type":"command_request",)"
                                  R"("event_data":{"command":"start","speed":3}})";
        QVERIFY(decoder.decode(record, {}, out).accepted);
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out[0].kind, EventKind::CommandRequest);
        QVERIFY(out[0].assetRef >= 0);
        QVERIFY(!out[0].attributes.empty());
        for (const AttributeSample &a : out[0].attributes)
            QCOMPARE(a.seriesRef, IdentityRegistry::kNoRef);
    }

    void historyAndTreeAnswerAlikeWithAndWithoutRefs()
    {
        for (quint64 seed : {1, 2, 3}) {
            const std::vector<PlantEvent> stamped = decodedPlant(seed, 3000);
            QVERIFY(std::all_of(stamped.begin(), stamped.end(), [](const PlantEvent &e) { return e.assetRef >= 0; }));
            const std::vector<PlantEvent> plain = withoutRefs(stamped);
            // Half the batches with refs, half without, into one more store and tree.
            std::vector<PlantEvent> mixed = stamped;
            for (size_t i = 0; i < mixed.size(); ++i) {
                if ((i / 100) % 2)
                    mixed[i] = plain[i];
            }
            HistoryStore byRef, byName, both;
            AssetTreeModel treeByRef, treeByName, treeBoth;
            for (auto *tree : {&treeByRef, &treeByName, &treeBoth})
                tree->setClock([] { return qint64(1754217000000) + 3600000; });
            for (size_t from = 0; from < stamped.size(); from += 100) {
                const size_t to = std::min(stamped.size(), from + 100);
                const std::vector<PlantEvent> a(stamped.begin() + qsizetype(from), stamped.begin() + qsizetype(to));
                const std::vector<PlantEvent> b(plain.begin() + qsizetype(from), plain.begin() + qsizetype(to));
                const std::vector<PlantEvent> c(mixed.begin() + qsizetype(from), mixed.begin() + qsizetype(to));
                byRef.append(a);
                byName.append(b);
                both.append(c);
                treeByRef.applyEvents(a);
                treeByName.applyEvents(b);
                treeBoth.applyEvents(c);
            }
            const QStringList expected = historyAnswers(byName);
            QVERIFY(expected.size() > 100);
            QCOMPARE(historyAnswers(byRef), expected);
            QCOMPARE(historyAnswers(both), expected);
            // "A/B"+"C"+"X" and "A"+"B/C"+"X" are one asset of the history (one key)...
            QVERIFY(byRef.assetIdCount() == 29);
            // ...and two rows of the tree (rows by parts).
            const QStringList rows = treeRows(treeByName);
            QVERIFY(treeByName.assetCount() == 30);
            QCOMPARE(treeRows(treeByRef), rows);
            QCOMPARE(treeRows(treeBoth), rows);
            QCOMPARE(treeByRef.attributeCount(), treeByName.attributeCount());
        }
    }

    void eventsChangedAfterStampingLandWhereTheirNamesSay()
    {
        // A copy of a decoded event whose asset or attribute was renamed and whose
        // refs were left as they were: filed under its names, not under its refs.
        std::vector<PlantEvent> events;
        EnvelopeDecoder decoder;
        QVERIFY(decoder.decode(ndhRecord(1, "flow", 5, 1), {}, events).accepted);
        PlantEvent renamed = events[0];
        renamed.messageId = QStringLiteral("copy");
        renamed.asset.id = QStringLiteral("P-999");
        PlantEvent otherAttribute = events[0];
        otherAttribute.messageId = QStringLiteral("copy2");
        otherAttribute.attributes[0].name = QStringLiteral("level");
        events.push_back(renamed);
        events.push_back(otherAttribute);
        HistoryStore h;
        h.append(events);
        const qint64 t = events[0].eventTimeMs;
        QCOMPARE(h.assetIdCount(), 2);
        QVERIFY(h.valueAt(QStringLiteral("PLANT/Pump/P-1/flow"), t));
        QVERIFY(h.valueAt(QStringLiteral("PLANT/Pump/P-999/flow"), t));
        QVERIFY(h.valueAt(QStringLiteral("PLANT/Pump/P-1/level"), t));
        AssetTreeModel tree;
        tree.applyEvents(events);
        QCOMPARE(tree.assetCount(), 2);
        QVERIFY(tree.indexForAttribute(QStringLiteral("PLANT/Pump/P-999/flow")).isValid());
        QVERIFY(tree.indexForAttribute(QStringLiteral("PLANT/Pump/P-1/level")).isValid());
        QCOMPARE(tree.attributeCount(), 3);
    }
};

QTEST_GUILESS_MAIN(TstIdentityRegistry)
#include "tst_identity_registry.moc"
