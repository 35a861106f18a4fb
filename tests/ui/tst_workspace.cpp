// The main window's workspace as a user meets it: Ctrl+Shift+P finds an action, an
// asset or a topic by name and does it; F1 lists every key the window really has;
// About names the versions; Settings keeps the language and theme; the first start
// offers the demo, a cluster or a log.

#include "about_dialog.h"
#include "asset_tree_view.h"
#include "command_palette.h"
#include "first_run_dialog.h"
#include "hmi_style.h"
#include "language.h"
#include "main_window.h"
#include "message_detail_view.h"
#include "message_filter.h"
#include "plant_models.h"
#include "plot_area.h"
#include "plot_panel.h"
#include "qcustomplot.h"
#include "settings_dialog.h"
#include "shortcuts_dialog.h"
#include "ui_test_plant.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QCommandLinkButton>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextLayout>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>

using namespace ndh;
using namespace ndhtest;

namespace {

constexpr qint64 kT0 = 1'700'000'000'000;

QStringList texts(const QList<PaletteEntry> &entries)
{
    QStringList out;
    for (const PaletteEntry &e : entries)
        out << e.text;
    return out;
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NDH-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_workspace"));
        QSettings().clear();
    }

    void paletteRunsAnActionByName()
    {
        PlantModels models;
        MainWindow window(&models);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        const int plots = int(window.plotArea()->plots().size());

        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        CommandPalette *palette = window.commandPalette();
        QVERIFY(palette);
        QTRY_VERIFY(palette->isVisible());
        QTest::keyClicks(palette->queryEdit(), QStringLiteral("new plot"));
        QVERIFY(!palette->shownEntries().isEmpty());
        QCOMPARE(palette->shownEntries().first().text, QStringLiteral("New plot"));
        // The detail says where it lives and its key, so the palette teaches the menus.
        QVERIFY(palette->shownEntries().first().detail.contains(QStringLiteral("View")));
        QTest::keyClick(palette->queryEdit(), Qt::Key_Return);
        QTRY_VERIFY(!palette->isVisible());
        QCOMPARE(int(window.plotArea()->plots().size()), plots + 1);
    }

    void paletteFindsAssetsAndTopics()
    {
        PlantModels models;
        models.applyBatch(batch(ramp(QStringLiteral("Hall-A"), QStringLiteral("Pump"), QStringLiteral("P-101"),
                                     QStringLiteral("pressure"), QStringLiteral("bar"), kT0, 3)));
        MainWindow window(&models);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showCommandPalette();
        CommandPalette *palette = window.commandPalette();

        palette->setQuery(QStringLiteral("p-101"));
        QCOMPARE(texts(palette->shownEntries()), QStringList{QStringLiteral("P-101")});
        QCOMPARE(palette->shownEntries().first().kind, PaletteEntry::Kind::Asset);
        palette->chooseCurrent();
        // The tree shows the asset selected.
        const QModelIndex current = window.assetTreeView()->treeView()->currentIndex();
        QCOMPARE(current.data(AssetTreeModel::AssetKeyRole).toString(), QStringLiteral("Hall-A/Pump/P-101"));

        window.showCommandPalette();
        palette->setQuery(QStringLiteral("alarms triggered"));
        QVERIFY(texts(palette->shownEntries()).contains(QStringLiteral("ndh.assets.alarms.triggered")));
        // Words match anywhere and in any order; nothing matches nonsense.
        palette->setQuery(QStringLiteral("zzz-no-such-thing"));
        QVERIFY(palette->shownEntries().isEmpty());
        palette->chooseCurrent(); // nothing to choose: nothing happens
        palette->close();
    }

    void shortcutListIsTheWindowsActions()
    {
        PlantModels models;
        MainWindow window(&models);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showShortcuts();
        auto *dialog = window.findChild<ShortcutsDialog *>(QStringLiteral("shortcutsDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QSet<QString> listed;
        for (int i = 0; i < dialog->list()->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *item = dialog->list()->topLevelItem(i);
            listed.insert(item->text(0) + u'|' + item->text(1));
        }
        // Every action with a key, wherever it lives, is in the list: it cannot go stale.
        int actions = 0;
        for (QAction *a : window.findChildren<QAction *>()) {
            if (a->shortcut().isEmpty() || a->text().isEmpty())
                continue;
            ++actions;
            QStringList keys;
            for (const QKeySequence &k : a->shortcuts())
                keys << k.toString(QKeySequence::NativeText);
            const QString row = keys.join(QStringLiteral(", ")) + u'|' + QString(a->text()).remove(u'&');
            QVERIFY2(listed.contains(row), qPrintable(QStringLiteral("%1 is not listed").arg(row)));
        }
        QVERIFY(actions > 20);
        QVERIFY(listed.contains(QStringLiteral("Ctrl+Shift+P|Command palette\u2026")));
        // A new action shows up the next time the list opens.
        auto *extra = new QAction(QStringLiteral("Brand new thing"), &window);
        extra->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Z));
        window.addAction(extra);
        window.showShortcuts();
        bool found = false;
        for (int i = 0; i < dialog->list()->topLevelItemCount(); ++i)
            found = found || dialog->list()->topLevelItem(i)->text(1) == QStringLiteral("Brand new thing");
        QVERIFY(found);
        dialog->close();
    }

    void aboutNamesEveryLibrary()
    {
        AboutDialog::setBackendVersions({{QStringLiteral("librdkafka"), QStringLiteral("2.0.2")},
                                         {QStringLiteral("hiredis"), QStringLiteral("0.14.1")}});
        AboutDialog about;
        const QString text = about.versionsText();
        QVERIFY(text.contains(QStringLiteral("librdkafka: 2.0.2")));
        QVERIFY(text.contains(QStringLiteral("hiredis: 0.14.1")));
        QVERIFY(text.contains(QStringLiteral("Qt: %1").arg(QString::fromLatin1(qVersion()))));
        QVERIFY(text.contains(QStringLiteral("QCustomPlot")));
    }

    void settingsKeepLanguageAndTheme()
    {
        QSettings().clear();
        QCOMPARE(Language::savedChoice(), QStringLiteral("system"));
        QCOMPARE(HmiStyle::savedThemeChoice(), QStringLiteral("system"));
        SettingsDialog dialog;
        QCOMPARE(dialog.languageBox()->currentData().toString(), QStringLiteral("system"));
        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("zh_TW")));
        dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(QStringLiteral("dark")));
        dialog.save();
        QCOMPARE(Language::savedChoice(), QStringLiteral("zh_TW"));
        QCOMPARE(HmiStyle::resolveTheme(HmiStyle::savedThemeChoice()), HmiStyle::Theme::Dark);
        // Reopened, it shows what was chosen; the language list names itself natively.
        SettingsDialog again;
        QCOMPARE(again.languageBox()->currentText(), QStringLiteral("\u7e41\u9ad4\u4e2d\u6587"));
        QCOMPARE(again.themeBox()->currentData().toString(), QStringLiteral("dark"));
        QSettings().clear();
    }

    void darkThemeKeepsPlotsReadable()
    {
        HmiStyle::setTheme(HmiStyle::Theme::Dark);
        const QColor ground = HmiStyle::plotBackground();
        QVERIFY(ground.lightness() < 80);
        // Every curve colour stands out from the dark ground.
        for (int i = 0; i < HmiStyle::curveColorCount(); ++i)
            QVERIFY2(HmiStyle::curveColor(i).lightness() - ground.lightness() > 60, qPrintable(QString::number(i)));
        HmiStyle::setTheme(HmiStyle::Theme::Light);
        QVERIFY(HmiStyle::plotBackground().lightness() > 200);
    }

    // The plot toolbar's Follow, Clear and Close-plot glyphs must show on the dark
    // ground: their opaque pixels differ clearly in lightness from the toolbar's.
    void darkThemeToolbarIconsShow()
    {
        if (HmiStyle::icon(QStringLiteral("follow")).isNull())
            QSKIP("this Qt cannot read SVG icons; the toolbar shows text only");
        const QPalette before = QApplication::palette();
        HmiStyle::setTheme(HmiStyle::Theme::Dark);
        HmiStyle::applyTo(*qApp);
        {
            PlantModels models;
            PlotPanel panel(&models);
            auto *toolBar = panel.findChild<QToolBar *>();
            QVERIFY(toolBar);
            const QColor ground = toolBar->palette().color(QPalette::Window);
            QVERIFY(ground.lightness() < 80);
            int checked = 0;
            for (QAction *action : toolBar->actions()) {
                if (action->icon().isNull())
                    continue;
                const QImage glyph = action->icon().pixmap(toolBar->iconSize(), 1.0).toImage().convertToFormat(QImage::Format_ARGB32);
                double sum = 0;
                int opaque = 0;
                for (int y = 0; y < glyph.height(); ++y)
                    for (int x = 0; x < glyph.width(); ++x) {
                        const QColor px = glyph.pixelColor(x, y);
                        if (px.alpha() > 128) {
                            sum += px.lightness();
                            ++opaque;
                        }
                    }
                QVERIFY2(opaque > 0, qPrintable(action->text()));
                const double lightness = sum / opaque;
                QVERIFY2(lightness - ground.lightness() > 100,
                         qPrintable(QStringLiteral("%1: glyph %2 on ground %3").arg(action->text()).arg(lightness).arg(ground.lightness())));
                ++checked;
            }
            QVERIFY(checked >= 3); // Follow, Clear, Close plot
        }
        HmiStyle::setTheme(HmiStyle::Theme::Light);
        HmiStyle::applyTo(*qApp);
        QApplication::setPalette(before);
    }

    // Settings > Theme switches the running window: light -> dark -> light, without a
    // restart. The palette, the glyph of an action already on a toolbar and the
    // ground and curve of a plot already open all follow.
    void themeSwitchesLive()
    {
        QSettings().clear();
        const QPalette before = QApplication::palette();
        HmiStyle::setTheme(HmiStyle::Theme::Light);
        HmiStyle::applyTo(*qApp);
        const bool icons = !HmiStyle::icon(QStringLiteral("follow")).isNull();
        {
            PlantModels models;
            models.applyBatch(batch(ramp(QStringLiteral("SITE"), QStringLiteral("Pump"), QStringLiteral("P1"),
                                         QStringLiteral("pressure"), QStringLiteral("bar"), kT0, 30)));
            MainWindow window(&models);
            window.resize(1000, 700);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            PlotPanel *panel = window.plotArea()->plots().isEmpty() ? window.plotArea()->addPlot()
                                                                    : window.plotArea()->plots().first();
            QVERIFY(panel);
            QVERIFY(panel->addCurve(QStringLiteral("SITE/Pump/P1/pressure")));
            auto *toolBar = panel->findChild<QToolBar *>();
            QVERIFY(toolBar);
            QAction *follow = panel->findChild<QAction *>(QStringLiteral("followAction"));
            QVERIFY(follow);

            // Mean lightness of what a user sees: the glyph's opaque pixels, the plot's
            // ground (its top-left corner is plot background), the curve's pen.
            const auto glyphLightness = [&] {
                const QImage glyph = follow->icon().pixmap(toolBar->iconSize(), 1.0).toImage().convertToFormat(QImage::Format_ARGB32);
                double sum = 0;
                int opaque = 0;
                for (int y = 0; y < glyph.height(); ++y)
                    for (int x = 0; x < glyph.width(); ++x)
                        if (const QColor px = glyph.pixelColor(x, y); px.alpha() > 128) {
                            sum += px.lightness();
                            ++opaque;
                        }
                return opaque ? sum / opaque : -1.0;
            };
            const auto plotGround = [&] { return panel->plot()->grab().toImage().pixelColor(2, 2).lightness(); };
            const auto curveColour = [&] { return panel->plot()->graph(0)->pen().color(); };

            QVERIFY(window.palette().color(QPalette::Window).lightness() > 180);
            QVERIFY(plotGround() > 200);
            const QColor lightCurve = curveColour();
            const double lightGlyph = glyphLightness();
            if (icons)
                QVERIFY2(lightGlyph >= 0 && lightGlyph < 110, qPrintable(QString::number(lightGlyph)));

            const auto chooseInSettings = [&](const QString &choice) {
                SettingsDialog dialog(&window);
                QVERIFY(dialog.themeBox()->isEnabled());
                QVERIFY(!dialog.themeNote()->isVisibleTo(&dialog));
                dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(choice));
                dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
                QCOMPARE(dialog.result(), int(QDialog::Accepted));
            };

            chooseInSettings(QStringLiteral("dark"));
            QCOMPARE(HmiStyle::theme(), HmiStyle::Theme::Dark);
            QCOMPARE(HmiStyle::savedThemeChoice(), QStringLiteral("dark"));
            QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
            // The windows take the new palette from the event loop, at once.
            QTRY_VERIFY(window.palette().color(QPalette::Window).lightness() < 80);
            QVERIFY(toolBar->palette().color(QPalette::Window).lightness() < 80);
            QVERIFY2(plotGround() < 80, qPrintable(QString::number(plotGround())));
            QCOMPARE(curveColour(), HmiStyle::curveColor(0));
            QVERIFY(curveColour().lightness() > lightCurve.lightness());
            if (icons) {
                const double darkGlyph = glyphLightness();
                QVERIFY2(darkGlyph - lightGlyph > 100,
                         qPrintable(QStringLiteral("glyph %1 -> %2").arg(lightGlyph).arg(darkGlyph)));
            }

            chooseInSettings(QStringLiteral("light"));
            QCOMPARE(HmiStyle::theme(), HmiStyle::Theme::Light);
            QTRY_VERIFY(window.palette().color(QPalette::Window).lightness() > 180);
            QVERIFY(plotGround() > 200);
            QCOMPARE(curveColour(), lightCurve);
            if (icons)
                QCOMPARE(glyphLightness(), lightGlyph);
        }
        QSettings().clear();
        QApplication::setPalette(before);
    }

    // A record shown in the Topics detail keeps readable colours across a live switch:
    // its JSON keys take the new theme's data colour without being selected again.
    void recordDetailFollowsLiveTheme()
    {
        const QPalette before = QApplication::palette();
        HmiStyle::applyTheme(HmiStyle::Theme::Light);
        MessageDetailView detail;
        detail.show();
        QVERIFY(QTest::qWaitForWindowExposed(&detail));
        LogRecord record;
        record.topic = QStringLiteral("ndh.assets.state.changed");
        record.payload = QByteArray(R"({"asset_id":"PUMP_001","value":4.2})");
        detail.setRecord(record, RecordSummary{});
        QVERIFY(detail.jsonText().contains(QStringLiteral("asset_id")));
        auto *view = detail.findChild<QPlainTextEdit *>(QStringLiteral("jsonView"));
        QVERIFY(view);
        // The colour the highlighter gave the first key in the document.
        const auto keyColour = [view]() -> QColor {
            for (QTextBlock b = view->document()->firstBlock(); b.isValid(); b = b.next()) {
                const int at = int(b.text().indexOf(QStringLiteral("\"asset_id\"")));
                if (at < 0)
                    continue;
                for (const QTextLayout::FormatRange &r : b.layout()->formats())
                    if (r.start <= at && at < r.start + r.length)
                        return r.format.foreground().color();
            }
            return {};
        };
        QCOMPARE(keyColour(), HmiStyle::curveColor(0));
        const QColor light = keyColour();
        HmiStyle::applyTheme(HmiStyle::Theme::Dark);
        QTRY_COMPARE(keyColour(), HmiStyle::curveColor(0));
        QVERIFY(keyColour().lightness() > light.lightness() + 40);
        HmiStyle::applyTheme(HmiStyle::Theme::Light);
        QTRY_COMPARE(keyColour(), light);
        QApplication::setPalette(before);
    }

    // With --theme on the command line, Settings shows that theme as in effect, says
    // why it cannot be changed here, and leaves the saved choice alone.
    void commandLineThemeIsShownNotOverwritten()
    {
        QSettings().clear();
        HmiStyle::saveThemeChoice(QStringLiteral("light"));
        HmiStyle::setTheme(HmiStyle::Theme::Dark);
        HmiStyle::setCommandLineTheme(QStringLiteral("dark"));
        {
            SettingsDialog dialog;
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QCOMPARE(dialog.themeBox()->currentData().toString(), QStringLiteral("dark"));
            QVERIFY(!dialog.themeBox()->isEnabled());
            QVERIFY(dialog.themeNote()->isVisible());
            QVERIFY(dialog.themeNote()->text().contains(QStringLiteral("--theme")));
            dialog.save();
            dialog.apply();
            QCOMPARE(HmiStyle::savedThemeChoice(), QStringLiteral("light"));
            QCOMPARE(HmiStyle::theme(), HmiStyle::Theme::Dark);
        }
        HmiStyle::setCommandLineTheme(QString());
        HmiStyle::setTheme(HmiStyle::Theme::Light);
        QSettings().clear();
    }

    void firstRunOffersTheDemo()
    {
        FirstRunDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.button(FirstRunDialog::Choice::Demo)->isDefault());
        QTest::mouseClick(dialog.button(FirstRunDialog::Choice::OpenLog), Qt::LeftButton);
        QCOMPARE(dialog.choice(), FirstRunDialog::Choice::OpenLog);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
};

QTEST_MAIN(TestWorkspace)
#include "tst_workspace.moc"
