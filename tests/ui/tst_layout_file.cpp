// Layouts as an operator uses them: arrange the window, export the layout, open it in
// another console and get the same docks, plots and columns; a damaged layout file is
// reported in words and the default layout is shown, never half of one.

#include "alarm_list_view.h"
#include "alarm_table_model.h"
#include "asset_tree_model.h"
#include "asset_tree_view.h"
#include "layout_file.h"
#include "main_window.h"
#include "plant_models.h"
#include "plot_area.h"
#include "plot_panel.h"
#include "ui_test_plant.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QGuiApplication>
#include <QScreen>
#include <QFile>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace ndh;
using namespace ndhtest;

namespace {

constexpr qint64 kT0 = 1'700'000'000'000;
const QString kPressure = QStringLiteral("Hall-A/Pump/P-101/pressure");
const QString kSpeed = QStringLiteral("Hall-A/Motor/M-7/speed");

void feed(PlantModels &models)
{
    auto events = ramp(QStringLiteral("Hall-A"), QStringLiteral("Pump"), QStringLiteral("P-101"), QStringLiteral("pressure"),
                       QStringLiteral("bar"), kT0, 3);
    auto more = ramp(QStringLiteral("Hall-A"), QStringLiteral("Motor"), QStringLiteral("M-7"), QStringLiteral("speed"),
                     QStringLiteral("rpm"), kT0, 3);
    events.insert(events.end(), more.begin(), more.end());
    models.applyBatch(batch(events));
}

QList<QStringList> curvesOf(MainWindow &w)
{
    QList<QStringList> out;
    for (PlotPanel *p : w.plotArea()->plots())
        out << p->curveKeys();
    return out;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// The asset tree header's menu entry that shows or hides the unit column.
QAction *unitToggle(const QHeaderView *header)
{
    for (QAction *a : header->actions()) {
        if (a->isCheckable() && a->data().toInt() == AssetTreeModel::UnitColumn)
            return a;
    }
    return nullptr;
}

} // namespace

class TestLayoutFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NDH-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_layout_file"));
        QSettings().clear();
    }

    void jsonRoundTrip()
    {
        QVariantMap layout;
        layout.insert(QStringLiteral("windowState"), QByteArray("\x00\x01\xff binary", 10));
        layout.insert(QStringLiteral("plots"), QVariantMap{{QStringLiteral("plots"), QVariantList{QStringList{kPressure}}}});
        layout.insert(QStringLiteral("headers"), QVariantMap{{QStringLiteral("alarmTable"), QByteArray("\x10\x20", 2)}});
        QString name;
        QString error;
        const auto back = LayoutFile::fromJson(LayoutFile::toJson(layout, QStringLiteral("Night shift")), &error, &name);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(name, QStringLiteral("Night shift"));
        QCOMPARE(back->value(QStringLiteral("windowState")).toByteArray(), layout.value(QStringLiteral("windowState")).toByteArray());
        QCOMPARE(back->value(QStringLiteral("headers")).toMap().value(QStringLiteral("alarmTable")).toByteArray(),
                 QByteArray("\x10\x20", 2));
        QCOMPARE(back->value(QStringLiteral("plots")).toMap().value(QStringLiteral("plots")).toList().value(0).toStringList(),
                 QStringList{kPressure});
    }

    void damagedFilesAreRefusedWithAReason_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << QByteArray("\x89PNG garbage") << QStringLiteral("not a layout file");
        QTest::newRow("truncated") << QByteArray("{\"format\":\"ndh-console-layout\",\"version\":1,\"layo")
                                   << QStringLiteral("not a layout file");
        QTest::newRow("other json") << QByteArray("{\"plots\":[]}") << QStringLiteral("not an NDH Console layout");
        QTest::newRow("future version") << QByteArray("{\"format\":\"ndh-console-layout\",\"version\":99,\"layout\":{}}")
                                        << QStringLiteral("version 99");
        QTest::newRow("bad base64")
            << QByteArray("{\"format\":\"ndh-console-layout\",\"version\":1,\"layout\":{\"windowState\":\"@@@not base64@@@\"}}")
            << QStringLiteral("damaged");
        QTest::newRow("no docks") << QByteArray("{\"format\":\"ndh-console-layout\",\"version\":1,\"layout\":{}}")
                                  << QStringLiteral("no dock arrangement");
    }

    void damagedFilesAreRefusedWithAReason()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.ndhlayout"));
        writeFile(path, bytes);
        QString error;
        QVERIFY(!LayoutFile::read(path, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("bad.ndhlayout")), qPrintable(error)); // says which file
    }

    void oversizedAndMissingFiles()
    {
        QTemporaryDir dir;
        const QString big = dir.filePath(QStringLiteral("big.ndhlayout"));
        writeFile(big, QByteArray(int(LayoutFile::kMaxFileBytes) + 1, ' '));
        QString error;
        QVERIFY(!LayoutFile::read(big, &error));
        QVERIFY2(error.contains(QStringLiteral("more than a layout can be")), qPrintable(error));
        QVERIFY(!LayoutFile::read(dir.filePath(QStringLiteral("absent.ndhlayout")), &error));
        QVERIFY2(error.contains(QStringLiteral("cannot open")), qPrintable(error));
    }

    void writeIsAtomic()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.ndhlayout"));
        QVariantMap layout{{QStringLiteral("windowState"), QByteArray("x")}};
        QString error;
        QVERIFY2(LayoutFile::write(path, layout, QStringLiteral("a"), &error), qPrintable(error));
        QVERIFY(LayoutFile::read(path, &error));
        // A directory that does not exist: an error, and nothing left behind.
        const QString nowhere = dir.filePath(QStringLiteral("no/such/dir/b.ndhlayout"));
        QVERIFY(!LayoutFile::write(nowhere, layout, QStringLiteral("b"), &error));
        QVERIFY(error.contains(QStringLiteral("cannot write")));
        QVERIFY(!QFile::exists(nowhere));
    }

    void exportedLayoutReopensTheSame()
    {
        PlantModels models;
        feed(models);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shift.ndhlayout"));
        int treeColumnWidth = 0;
        QByteArray alarmColumns;
        {
            MainWindow window(&models);
            window.restoreSettings();
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.plotArea()->currentPlot()->addCurve(kPressure);
            window.plotArea()->addPlot()->addCurve(kSpeed);
            window.alarmDock()->hide();
            window.deadLetterDock()->show();
            QHeaderView *header = window.assetTreeView()->treeView()->header();
            header->resizeSection(1, 173);
            treeColumnWidth = header->sectionSize(1);
            unitToggle(header)->trigger(); // the operator hides the unit column
            auto *alarmTable = window.alarmListView()->findChild<QTableView *>(QStringLiteral("alarmTable"));
            QVERIFY(alarmTable);
            alarmTable->horizontalHeader()->moveSection(0, 3);
            alarmTable->horizontalHeader()->resizeSection(AlarmTableModel::ValueColumn, 201); // by hand
            // A Stretch mode in the saved state (older layouts have one) is undone.
            alarmTable->horizontalHeader()->setSectionResizeMode(AlarmTableModel::MessageColumn, QHeaderView::Stretch);
            alarmColumns = alarmTable->horizontalHeader()->saveState();
            QString error;
            QVERIFY2(window.exportLayout(path, &error), qPrintable(error));
        }
        QVERIFY(QFile::exists(path));

        MainWindow other(&models);
        other.restoreSettings();
        other.show();
        QVERIFY(QTest::qWaitForWindowExposed(&other));
        QVERIFY(other.alarmDock()->isVisible());
        QString error;
        QVERIFY2(other.importLayout(path, &error), qPrintable(error));
        QCOMPARE(curvesOf(other), (QList<QStringList>{{kPressure}, {kSpeed}}));
        QTRY_VERIFY(!other.alarmDock()->isVisible());
        QVERIFY(other.deadLetterDock()->isVisible());
        QVERIFY(other.assetDock()->isVisible());
        QCOMPARE(other.assetTreeView()->treeView()->header()->sectionSize(1), treeColumnWidth);
        // Hidden by the layout, and the header's menu says so.
        QVERIFY(other.assetTreeView()->treeView()->header()->isSectionHidden(AssetTreeModel::UnitColumn));
        QVERIFY(!unitToggle(other.assetTreeView()->treeView()->header())->isChecked());
        auto *alarmTable = other.alarmListView()->findChild<QTableView *>(QStringLiteral("alarmTable"));
        QCOMPARE(alarmTable->horizontalHeader()->visualIndex(0), 3);
        // A width set by hand comes back; the columns fitted to the view are fitted
        // again, also from a layout that had the message column stretch.
        QCOMPARE(alarmTable->horizontalHeader()->sectionSize(AlarmTableModel::ValueColumn), 201);
        QCOMPARE(alarmTable->horizontalHeader()->sectionResizeMode(AlarmTableModel::MessageColumn),
                 QHeaderView::Interactive);
        // Imported layouts are kept by name, like ones saved here.
        QVERIFY(other.savedLayoutNames().contains(QStringLiteral("shift")));
    }

    // A layout brings the window's size and place with it, fitted into this desk: a
    // layout from a bigger desk never opens off-screen or larger than the screen.
    void importRestoresTheWindowGeometry()
    {
        QSettings().clear();
        PlantModels models;
        feed(models);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("desk.ndhlayout"));
        const QRect avail = QGuiApplication::primaryScreen()->availableGeometry();
        const QRect wanted(avail.left() + 40, avail.top() + 30, 1200, 700);
        QVERIFY2(avail.contains(wanted), qPrintable(QStringLiteral("test screen too small: %1x%2").arg(avail.width()).arg(avail.height())));
        {
            MainWindow window(&models);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.setGeometry(wanted);
            QTRY_COMPARE(window.geometry(), wanted);
            QString error;
            QVERIFY2(window.exportLayout(path, &error), qPrintable(error));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("\"windowGeometry\"")); // plain numbers a person can read

        MainWindow other(&models);
        other.show();
        QVERIFY(QTest::qWaitForWindowExposed(&other));
        QVERIFY(other.geometry() != wanted);
        QString error;
        QVERIFY2(other.importLayout(path, &error), qPrintable(error));
        QTRY_COMPARE(other.geometry(), wanted);

        // From a desk with a far bigger screen: fitted into this one.
        auto layout = LayoutFile::read(path, &error);
        QVERIFY2(layout, qPrintable(error));
        layout->insert(QStringLiteral("windowGeometry"),
                       QVariantMap{{QStringLiteral("x"), avail.right() + 2000}, {QStringLiteral("y"), avail.bottom() + 900},
                                   {QStringLiteral("width"), 5120}, {QStringLiteral("height"), 2880}});
        QVERIFY2(other.applyLayoutState(*layout, &error), qPrintable(error));
        QTRY_VERIFY2(avail.contains(other.geometry()),
                     qPrintable(QStringLiteral("%1,%2 %3x%4").arg(other.x()).arg(other.y()).arg(other.width()).arg(other.height())));

        // "Reset to the default layout" arranges the docks, it does not move the window.
        const QRect before = other.geometry();
        other.resetLayout();
        QCOMPARE(other.geometry(), before);
    }

    void damagedLayoutIsReportedAndTheDefaultShown()
    {
        PlantModels models;
        feed(models);
        MainWindow window(&models);
        window.restoreSettings();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The operator had rearranged things...
        window.assetDock()->hide();
        window.plotArea()->currentPlot()->addCurve(kPressure);
        window.plotArea()->addPlot();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mangled.ndhlayout"));
        // ...and opens a layout whose dock state is not a QMainWindow state.
        writeFile(path, "{\"format\":\"ndh-console-layout\",\"version\":1,\"layout\":{\"windowState\":\"AAAA/w==\",\"plots\":{}}}");
        QString error;
        QVERIFY(!window.importLayout(path, &error));
        QVERIFY2(error.contains(QStringLiteral("mangled.ndhlayout")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("default layout")), qPrintable(error));
        // The default: the tree is back, one empty plot, the alarms in front.
        QTRY_VERIFY(window.assetDock()->isVisible());
        QCOMPARE(window.plotArea()->plots().size(), 1);
        QVERIFY(window.plotArea()->plots().at(0)->curveKeys().isEmpty());
        QVERIFY(window.alarmDock()->isVisible());
        QVERIFY(!window.savedLayoutNames().contains(QStringLiteral("mangled")));
    }

    void namedLayoutsFromTheMenu()
    {
        PlantModels models;
        feed(models);
        MainWindow window(&models);
        window.restoreSettings();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.plotArea()->currentPlot()->addCurve(kSpeed);
        window.saveLayoutAs(QStringLiteral("Motors \u99ac\u9054")); // any name, also Chinese
        window.resetLayout();
        QVERIFY(window.plotArea()->plots().at(0)->curveKeys().isEmpty());

        auto *menu = window.findChild<QMenu *>(QStringLiteral("layoutsMenu"));
        QVERIFY(menu);
        QAction *entry = nullptr;
        for (QAction *a : menu->actions()) {
            if (a->text() == QStringLiteral("Motors \u99ac\u9054"))
                entry = a;
        }
        QVERIFY(entry);
        entry->trigger();
        QCOMPARE(window.plotArea()->plots().at(0)->curveKeys(), QStringList{kSpeed});
    }

    void panelsAddedLaterDoNotSqueezeTheTree()
    {
        // The app attaches Commands and Connection health after restoreSettings(); on
        // a fresh start at 1366x768 they must not push the tree down to a sliver.
        QSettings().clear();
        PlantModels models;
        feed(models);
        MainWindow window(&models);
        window.restoreSettings();
        auto *late = new QDockWidget(QStringLiteral("Commands"), &window);
        late->setObjectName(QStringLiteral("lateDock"));
        late->setWidget(new QTableView(late));
        window.addDockWidget(Qt::BottomDockWidgetArea, late);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.tabifiedDockWidgets(window.alarmDock()).contains(late));
        QTRY_VERIFY(window.alarmDock()->isVisible()); // alarms in front
        QVERIFY2(window.assetDock()->width() >= 250, qPrintable(QString::number(window.assetDock()->width())));
    }

    void columnsSurviveARestart()
    {
        QSettings().clear();
        PlantModels models;
        feed(models);
        QByteArray columns;
        {
            MainWindow window(&models);
            window.restoreSettings();
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *alarmTable = window.alarmListView()->findChild<QTableView *>(QStringLiteral("alarmTable"));
            alarmTable->horizontalHeader()->resizeSection(2, 211);
            window.close(); // saves
        }
        MainWindow restored(&models);
        restored.restoreSettings();
        auto *alarmTable = restored.alarmListView()->findChild<QTableView *>(QStringLiteral("alarmTable"));
        QCOMPARE(alarmTable->horizontalHeader()->sectionSize(2), 211);
    }
};

int main(int argc, char *argv[])
{
    // A 1920x1080 desk: the offscreen platform's default 800x600 screen is smaller than
    // the window's minimum, so geometries could not be restored as they were.
    QTemporaryDir platformDir;
    const QString config = platformDir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(R"({"screens": [{"name": "desk", "x": 0, "y": 0, "width": 1920, "height": 1080,
                                        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})")
               < 0)
        qFatal("cannot write %s", qPrintable(config));
    file.close();
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + QFile::encodeName(config));
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    TestLayoutFile test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_layout_file.moc"
