// The live asset tree as a user reads it: location > type > asset > attribute, with
// value, unit and age; checked under QAbstractItemModelTester on every change.

#include "asset_tree_model.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

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
};

QTEST_GUILESS_MAIN(TestAssetTreeModel)
#include "tst_asset_tree_model.moc"
