// The live asset tree as a user reads it: location > type > asset > attribute, with
// value, unit and age; checked under QAbstractItemModelTester on every change.

#include "asset_tree_model.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace ndh;

namespace {

PlantEvent value(const char *location, const char *type, const char *id, qint64 t,
                 std::vector<AttributeSample> attrs)
{
    PlantEvent e;
    e.kind = EventKind::AttributeUpdate;
    e.asset = {QString::fromLatin1(location), QString::fromLatin1(type), QString::fromLatin1(id)};
    e.eventTimeMs = t;
    e.attributes = std::move(attrs);
    return e;
}

QString text(const QAbstractItemModel &m, const QModelIndex &i, int column)
{
    return m.index(i.row(), column, i.parent()).data().toString();
}

// Everything a view can read: every row, every column, every role, depth first.
QStringList dump(const QAbstractItemModel &m, const QModelIndex &parent = {})
{
    QStringList out;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        QStringList row;
        for (int c = 0; c < m.columnCount(parent); ++c)
            row << m.index(r, c, parent).data().toString();
        const QModelIndex i = m.index(r, 0, parent);
        row << i.data(Qt::ToolTipRole).toString();
        for (int role = AssetTreeModel::NodeKindRole; role <= AssetTreeModel::StaleRole; ++role)
            row << i.data(role).toString();
        out << row.join(u'|');
        out << dump(m, i);
    }
    return out;
}

// Every structural and data signal a view receives, in order, with the rows named.
class SignalLog : public QObject
{
public:
    explicit SignalLog(AssetTreeModel *m)
    {
        const auto name = [](const QModelIndex &i) {
            return i.isValid() ? i.data(AssetTreeModel::AssetKeyRole).toString() + u':' + i.data().toString()
                               : QStringLiteral("root");
        };
        connect(m, &QAbstractItemModel::rowsInserted, this, [this, name](const QModelIndex &p, int a, int b) {
            log << QStringLiteral("insert %1 %2-%3").arg(name(p)).arg(a).arg(b);
        });
        connect(m, &QAbstractItemModel::rowsRemoved, this, [this, name](const QModelIndex &p, int a, int b) {
            log << QStringLiteral("remove %1 %2-%3").arg(name(p)).arg(a).arg(b);
        });
        connect(m, &QAbstractItemModel::dataChanged, this, [this, name](const QModelIndex &tl, const QModelIndex &br) {
            log << QStringLiteral("changed %1 %2,%3-%4,%5")
                       .arg(name(tl.parent())).arg(tl.row()).arg(tl.column()).arg(br.row()).arg(br.column());
        });
        connect(m, &AssetTreeModel::manyRowsChanged, this, [this] { log << QStringLiteral("many"); });
    }
    QStringList log;
};

// A copy of the event whose strings share nothing with any other (a model fed these
// finds rows by name only).
PlantEvent unshared(const PlantEvent &e)
{
    const auto own = [](const QString &s) { return QString(s.constData(), s.size()); };
    PlantEvent c = e;
    c.asset = {own(e.asset.location), own(e.asset.type), own(e.asset.id)};
    c.messageId = own(e.messageId);
    c.lifecycle = own(e.lifecycle);
    for (AttributeSample &s : c.attributes) {
        s.name = own(s.name);
        s.unit = own(s.unit);
    }
    return c;
}

} // namespace

class TestAssetTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void buildsTheHierarchy()
    {
        AssetTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([] { return qint64(10000); });
        model.applyEvents({value("FACTORY_A", "Pump", "PUMP_001", 8000, {{"flow_rate", 125.5, "m3/h"}}),
                           value("FACTORY_A", "Pump", "PUMP_002", 9500, {{"temperature", qint64(61), {}}}),
                           value("FACTORY_B", "Motor", "MOTOR_1", 9000, {{"mode", QStringLiteral("auto"), {}}})});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.assetCount(), 3);
        QCOMPARE(model.attributeCount(), 3);
        const QModelIndex flow = model.indexForAttribute(QStringLiteral("FACTORY_A/Pump/PUMP_001/flow_rate"));
        QVERIFY(flow.isValid());
        QCOMPARE(flow.data().toString(), QStringLiteral("flow_rate"));
        QCOMPARE(text(model, flow, AssetTreeModel::ValueColumn), QStringLiteral("125.5"));
        QCOMPARE(text(model, flow, AssetTreeModel::UnitColumn), QStringLiteral("m3/h"));
        QCOMPARE(text(model, flow, AssetTreeModel::AgeColumn), QStringLiteral("2.0 s"));
        QCOMPARE(flow.parent().data().toString(), QStringLiteral("PUMP_001"));
        QCOMPARE(flow.parent().parent().data().toString(), QStringLiteral("Pump"));
        QCOMPARE(flow.parent().parent().parent().data().toString(), QStringLiteral("FACTORY_A"));
        // A well-known attribute without a unit in the message gets the conventional one.
        const QModelIndex temp = model.indexForAttribute(QStringLiteral("FACTORY_A/Pump/PUMP_002/temperature"));
        QCOMPARE(text(model, temp, AssetTreeModel::UnitColumn), QStringLiteral("°C"));
        QCOMPARE(temp.data(AssetTreeModel::NumericValueRole).toDouble(), 61.0);
    }

    void oneInsertPerGrownParentPerBatch()
    {
        AssetTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyEvents({value("A", "Pump", "P1", 1, {{"x", 1.0, {}}})});
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        std::vector<PlantEvent> batch;
        for (int i = 0; i < 500; ++i)
            batch.push_back(value("A", "Pump", qPrintable(QStringLiteral("P%1").arg(i + 2)), 2,
                                  {{"x", double(i), {}}, {"y", double(i), {}}}));
        model.applyEvents(batch);
        // 500 new assets under one type: a single insert (their attributes come along).
        QCOMPARE(inserts.count(), 1);
        QCOMPARE(inserts.at(0).at(1).toInt(), 1);
        QCOMPARE(inserts.at(0).at(2).toInt(), 500);
        QCOMPARE(model.attributeCount(), 1001);
        QCOMPARE(model.rowCount(model.indexForAsset(QStringLiteral("A/Pump/P77"))), 2);
    }

    void valueChangesAreOneRangePerParent()
    {
        AssetTreeModel model;
        model.applyEvents({value("A", "Pump", "P1", 1, {{"a", 1.0, {}}, {"b", 1.0, {}}, {"c", 1.0, {}}})});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applyEvents({value("A", "Pump", "P1", 2, {{"a", 2.0, {}}}), value("A", "Pump", "P1", 3, {{"c", 3.0, {}}})});
        // attributes a..c of P1 in one range, and P1's own row (its updated time) in another.
        QCOMPARE(changed.count(), 2);
        bool sawAttributes = false;
        for (const auto &args : changed) {
            const QModelIndex tl = args.at(0).toModelIndex();
            const QModelIndex br = args.at(1).toModelIndex();
            if (tl.parent() == model.indexForAsset(QStringLiteral("A/Pump/P1"))) {
                QCOMPARE(tl.row(), 0);
                QCOMPARE(br.row(), 2);
                sawAttributes = true;
            }
        }
        QVERIFY(sawAttributes);
    }

    void aSliceAcrossManyAssetsIsOneRepaintNotOneSignalPerAsset()
    {
        AssetTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int assets = AssetTreeModel::kMaxAnnouncedParents * 3;
        const auto slice = [assets](qint64 t, double v) {
            std::vector<PlantEvent> events;
            for (int i = 0; i < assets; ++i)
                events.push_back(value("A", "Pump", qPrintable(QStringLiteral("P%1").arg(i)), t, {{"x", v, {}}}));
            return events;
        };
        model.applyEvents(slice(1, 1.0));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy many(&model, &AssetTreeModel::manyRowsChanged);
        model.applyEvents(slice(2, 2.0));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(many.count(), 1);
        // The values a repaint reads are the new ones.
        const QModelIndex x = model.indexForAttribute(QStringLiteral("A/Pump/P77/x"));
        QCOMPARE(text(model, x, AssetTreeModel::ValueColumn), QStringLiteral("2"));
        // A few assets still get exact ranges.
        model.applyEvents({value("A", "Pump", "P1", 3, {{"x", 3.0, {}}})});
        QCOMPARE(many.count(), 1);
        QCOMPARE(changed.count(), 2); // P1's attribute row and P1's own row
    }

    void olderValuesNeverOverwriteNewer()
    {
        AssetTreeModel model;
        model.applyEvents({value("A", "Pump", "P1", 2000, {{"speed", qint64(20), {}}})});
        model.applyEvents({value("A", "Pump", "P1", 1000, {{"speed", qint64(10), {}}})});
        const QModelIndex i = model.indexForAttribute(QStringLiteral("A/Pump/P1/speed"));
        QCOMPARE(text(model, i, AssetTreeModel::ValueColumn), QStringLiteral("20"));
        QCOMPARE(i.data(AssetTreeModel::UpdatedMsRole).toLongLong(), 2000);
    }

    void theSameEventByBothPathsAddsItsOriginOnly()
    {
        // DESIGN.md §1.4: an event comes by Kafka and by Redis. The second copy of the
        // same message (same id, same time) adds its origin and changes nothing else,
        // even when its value reads differently ("42" in a Redis hash, 42 on Kafka);
        // another message at the same time is a new value.
        AssetTreeModel model;
        model.setClock([] { return qint64(10000); });
        const auto sent = [&](const char *id, EventSource::Channel channel, AttributeValue v) {
            PlantEvent e = value("A", "Pump", "P1", 5000, {{"speed", std::move(v), {}}});
            e.messageId = QString::fromLatin1(id);
            e.source.channel = channel;
            model.applyEvents({unshared(e)}); // its id shares nothing with the first copy's
        };
        const QModelIndex speed = model.indexForAttribute(QStringLiteral("A/Pump/P1/speed"));
        sent("m-1", EventSource::Channel::Kafka, qint64(42));
        const QModelIndex row = model.indexForAttribute(QStringLiteral("A/Pump/P1/speed"));
        QVERIFY(!speed.isValid() && row.isValid());
        const auto origin = [&] { return row.data(AssetTreeModel::OriginRole).toInt(); };
        const auto shown = [&] { return row.siblingAtColumn(AssetTreeModel::ValueColumn).data().toString(); };
        QCOMPARE(origin(), int(AssetTreeModel::OriginKafka));
        sent("m-1", EventSource::Channel::Redis, QStringLiteral("42.0"));
        QCOMPARE(origin(), int(AssetTreeModel::OriginKafka | AssetTreeModel::OriginRedis));
        QCOMPARE(shown(), QStringLiteral("42"));
        sent("m-2", EventSource::Channel::Redis, qint64(43));
        QCOMPARE(origin(), int(AssetTreeModel::OriginRedis));
        QCOMPARE(shown(), QStringLiteral("43"));
    }

    void lifecycleShowsOnAssetRow()
    {
        AssetTreeModel model;
        PlantEvent e = value("A", "Pump", "P1", 5, {});
        e.kind = EventKind::Lifecycle;
        e.lifecycle = QStringLiteral("inactive");
        model.applyEvents({e});
        const QModelIndex asset = model.indexForAsset(QStringLiteral("A/Pump/P1"));
        QCOMPARE(text(model, asset, AssetTreeModel::ValueColumn), QStringLiteral("inactive"));
        QCOMPARE(asset.data(AssetTreeModel::LifecycleRole).toString(), QStringLiteral("inactive"));
    }

    void commandsAndSystemEventsAddNoRows()
    {
        AssetTreeModel model;
        PlantEvent e = value("SYSTEM", "ORB", "NDH-ORB-1", 5, {});
        e.kind = EventKind::System;
        model.applyEvents({e});
        QCOMPARE(model.rowCount(), 0);
    }

    void dragCarriesAttributeKeys()
    {
        AssetTreeModel model;
        model.applyEvents({value("A", "Pump", "P1", 1, {{"a", 1.0, {}}, {"b", 2.0, {}}})});
        const QModelIndex a = model.indexForAttribute(QStringLiteral("A/Pump/P1/a"));
        const QModelIndex b = model.indexForAttribute(QStringLiteral("A/Pump/P1/b"));
        QVERIFY(model.flags(a) & Qt::ItemIsDragEnabled);
        QVERIFY(!(model.flags(a.parent()) & Qt::ItemIsDragEnabled));
        std::unique_ptr<QMimeData> mime(model.mimeData({a, b, a.siblingAtColumn(1)}));
        QCOMPARE(QString::fromUtf8(mime->data(QLatin1String(AssetTreeModel::kAttributeMimeType))),
                 QStringLiteral("A/Pump/P1/a\nA/Pump/P1/b"));
    }

    void agesRefreshWithoutValueChanges()
    {
        AssetTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        qint64 now = 1000;
        model.setClock([&now] { return now; });
        model.applyEvents({value("A", "Pump", "P1", 1000, {{"a", 1.0, {}}})});
        const QModelIndex i = model.indexForAttribute(QStringLiteral("A/Pump/P1/a"));
        QCOMPARE(text(model, i, AssetTreeModel::AgeColumn), QStringLiteral("0.0 s"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        now += 3 * 60 * 1000;
        model.refreshAges();
        QVERIFY(changed.count() >= 1);
        QCOMPARE(text(model, i, AssetTreeModel::AgeColumn), QStringLiteral("3 min"));
    }

    void clearEmpties()
    {
        AssetTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyEvents({value("A", "Pump", "P1", 1, {{"a", 1.0, {}}})});
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.indexForAsset(QStringLiteral("A/Pump/P1")).isValid());
        model.applyEvents({value("A", "Pump", "P1", 1, {{"a", 1.0, {}}})});
        QCOMPARE(model.assetCount(), 1);
    }

    void aNewerFullSnapshotDropsTheAttributesItLeavesOut()
    {
        AssetTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyEvents({value("A", "Pump", "P1", 1000, {{"a", 1.0, {}}, {"b", 2.0, {}}, {"c", 3.0, {}}, {"d", 4.0, {}}}),
                           value("A", "Pump", "P2", 1000, {{"a", 9.0, {}}})});
        model.applyEvents({value("A", "Pump", "P1", 3000, {{"late", 5.0, {}}})});
        // The device restarted and reports its whole state: only a and c remain.
        // "late" was set after the snapshot was taken and stays.
        PlantEvent snapshot = value("A", "Pump", "P1", 2000, {{"c", 30.0, {}}, {"a", 10.0, {}}});
        snapshot.kind = EventKind::Snapshot;
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.applyEvents({snapshot});
        QCOMPARE(removed.count(), 2); // b and d are not adjacent: two removals
        const QModelIndex p1 = model.indexForAsset(QStringLiteral("A/Pump/P1"));
        QStringList names;
        for (int r = 0; r < model.rowCount(p1); ++r)
            names << model.index(r, 0, p1).data().toString();
        QCOMPARE(names, (QStringList{"a", "c", "late"}));
        QVERIFY(!model.indexForAttribute(QStringLiteral("A/Pump/P1/b")).isValid());
        QCOMPARE(text(model, model.indexForAttribute(QStringLiteral("A/Pump/P1/c")), AssetTreeModel::ValueColumn),
                 QStringLiteral("30"));
        QCOMPARE(model.indexForAttribute(QStringLiteral("A/Pump/P1/late")).row(), 2);
        QCOMPARE(model.attributeCount(), 4); // a, c, late and P2's a
        // Another asset is untouched; an attribute that comes back gets a row again.
        QVERIFY(model.indexForAttribute(QStringLiteral("A/Pump/P2/a")).isValid());
        model.applyEvents({value("A", "Pump", "P1", 4000, {{"b", 7.0, {}}})});
        QCOMPARE(text(model, model.indexForAttribute(QStringLiteral("A/Pump/P1/b")), AssetTreeModel::ValueColumn),
                 QStringLiteral("7"));
    }

    void anOlderSnapshotDropsNothingNewer()
    {
        AssetTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyEvents({value("A", "Pump", "P1", 5000, {{"a", 1.0, {}}, {"b", 2.0, {}}})});
        PlantEvent snapshot = value("A", "Pump", "P1", 4000, {{"a", 0.5, {}}});
        snapshot.kind = EventKind::Snapshot;
        model.applyEvents({snapshot});
        QCOMPARE(model.rowCount(model.indexForAsset(QStringLiteral("A/Pump/P1"))), 2);
        QCOMPARE(text(model, model.indexForAttribute(QStringLiteral("A/Pump/P1/a")), AssetTreeModel::ValueColumn),
                 QStringLiteral("1"));
    }

    void sharedNameStringsShowTheSameTreeAsUnsharedOnes()
    {
        // The decoder hands over the same string objects for names it has seen (and a
        // second decoder thread its own copies of them): the tree finds rows by those
        // strings' addresses. A random stream of updates, snapshots that drop rows,
        // lifecycle changes, late events, the same event over Redis, a clear() and a
        // name string that dies and is made again must look to a view exactly as
        // the same stream with every string its own.
        AssetTreeModel fast;
        AssetTreeModel slow;
        QAbstractItemModelTester tester(&fast, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fast.setClock([] { return qint64(100000); });
        slow.setClock([] { return qint64(100000); });
        SignalLog fastLog(&fast);
        SignalLog slowLog(&slow);

        const auto pool = [](const char *prefix, int n) {
            std::vector<QString> names;
            for (int i = 0; i < n; ++i)
                names.push_back(QString::fromLatin1(prefix) + QString::number(i));
            return names;
        };
        // Two interned copies of every name, as two decoder threads would hold them.
        std::vector<QString> locations[2] = {pool("AREA-", 3), pool("AREA-", 3)};
        std::vector<QString> types[2] = {pool("Type", 2), pool("Type", 2)};
        std::vector<QString> ids[2] = {pool("ID-", 40), pool("ID-", 40)};
        std::vector<QString> attributes[2] = {pool("attr", 6), pool("attr", 6)};
        const QString units[2] = {QStringLiteral("bar"), QString()};
        const QString lifecycles[2] = {QStringLiteral("running"), QStringLiteral("idle")};

        QRandomGenerator random(20261123);
        std::vector<PlantEvent> sent;
        qint64 time = 1000;
        for (int batch = 0; batch < 40; ++batch) {
            std::vector<PlantEvent> events;
            const int size = batch % 7 == 0 ? 200 : int(random.bounded(1, 30));
            for (int k = 0; k < size; ++k) {
                if (!sent.empty() && random.bounded(10) == 0) {
                    // The same event again from the other path, or a late one.
                    PlantEvent again = sent[random.bounded(qsizetype(sent.size()))];
                    again.source.channel = random.bounded(2) ? EventSource::Channel::Redis : EventSource::Channel::Kafka;
                    events.push_back(again);
                    continue;
                }
                const int copy = int(random.bounded(2));
                PlantEvent e;
                e.messageId = QStringLiteral("m-%1-%2").arg(batch).arg(k);
                e.asset = {locations[copy][random.bounded(3)], types[copy][random.bounded(2)],
                           ids[copy][random.bounded(40)]};
                time += random.bounded(3) == 0 ? -qint64(random.bounded(50)) : qint64(random.bounded(20));
                e.eventTimeMs = time;
                const quint32 kind = random.bounded(20);
                e.kind = kind == 0 ? EventKind::Snapshot : kind == 1 ? EventKind::Lifecycle : EventKind::AttributeUpdate;
                if (e.kind != EventKind::AttributeUpdate)
                    e.lifecycle = lifecycles[random.bounded(2)];
                const int count = e.kind == EventKind::Lifecycle ? 0 : int(random.bounded(1, 4));
                for (int a = 0; a < count; ++a) {
                    const QString &name = attributes[copy][random.bounded(6)];
                    if (std::any_of(e.attributes.begin(), e.attributes.end(),
                                    [&](const AttributeSample &s) { return s.name == name; }))
                        continue;
                    e.attributes.push_back({name, double(random.bounded(1000)) / 10.0, units[random.bounded(2)]});
                }
                events.push_back(e);
                sent.push_back(e);
            }
            if (batch == 12) {
                // A name string nobody keeps any more, made again: new address, same text.
                ids[0][5] = QString::fromLatin1("ID-") + QString::number(5);
                ids[1][5] = ids[0][5];
            }
            if (batch == 26) {
                fast.clear();
                slow.clear();
            }
            std::vector<PlantEvent> copies;
            for (const PlantEvent &e : events)
                copies.push_back(unshared(e));
            fast.applyEvents(events);
            slow.applyEvents(copies);
            QCOMPARE(dump(fast), dump(slow));
            QCOMPARE(fastLog.log, slowLog.log);
            QCOMPARE(fast.assetCount(), slow.assetCount());
            QCOMPARE(fast.attributeCount(), slow.attributeCount());
        }
        QVERIFY(fast.attributeCount() > 100);
        // No name twice under one parent (few children are compared in turn, many
        // are indexed: both ways here, 40 assets under a type, up to 6 attributes).
        const std::function<void(const QModelIndex &)> unique = [&](const QModelIndex &parent) {
            QSet<QString> names;
            for (int r = 0; r < fast.rowCount(parent); ++r) {
                const QModelIndex child = fast.index(r, 0, parent);
                QVERIFY2(!names.contains(child.data().toString()), qPrintable(child.data().toString()));
                names.insert(child.data().toString());
                unique(child);
            }
        };
        unique({});
        QVERIFY(fastLog.log.filter(QStringLiteral("remove")).size() > 3); // snapshots dropped rows
        QVERIFY(fastLog.log.contains(QStringLiteral("many")));
        // Keys still find their rows.
        const QModelIndex some = fast.indexForAttribute(fast.index(0, 0, fast.index(0, 0, fast.index(0, 0, fast.index(0, 0))))
                                                             .data(AssetTreeModel::AttributeKeyRole)
                                                             .toString());
        QVERIFY(some.isValid());
    }
};

QTEST_GUILESS_MAIN(TestAssetTreeModel)
#include "tst_asset_tree_model.moc"
