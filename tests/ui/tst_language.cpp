// The console in Chinese: the zh_TW and zh_CN builds show translated menus, every
// string the sources hold is in both catalogues and translated (a new tr() without a
// translation turns this test red), and translations keep their %1 placeholders.

#include "audit_log.h"
#include "command_catalog.h"
#include "command_sender.h"
#include "command_tracker.h"
#include "language.h"
#include "main_window.h"
#include "operator_action_gate.h"
#include "operator_controls.h"
#include "plant_models.h"

#include <QAbstractButton>
#include <QLabel>
#include <QScreen>

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLocale>
#include <QMenuBar>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <QRegularExpression>

#include <functional>

using namespace ndh;

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or one per numerus form
    QString type;             // "", "unfinished", "vanished", "obsolete"
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + f.errorString();
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"name")
                context = xml.readElementText();
            else if (xml.name() == u"message")
                m = Message{context, {}, {}, {}};
            else if (xml.name() == u"source")
                m.source = xml.readElementText();
            else if (xml.name() == u"translation") {
                m.type = xml.attributes().value(QStringLiteral("type")).toString();
                if (xml.attributes().value(QStringLiteral("type")).isEmpty()) {
                    // Either text or <numerusform> children.
                    QString text;
                    while (!(xml.isEndElement() && xml.name() == u"translation") && !xml.atEnd()) {
                        xml.readNext();
                        if (xml.isStartElement() && xml.name() == u"numerusform")
                            m.translations << xml.readElementText();
                        else if (xml.isCharacters())
                            text += xml.text();
                    }
                    if (m.translations.isEmpty())
                        m.translations << text;
                } else {
                    xml.skipCurrentElement();
                }
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            out.append(m);
        }
    }
    if (xml.hasError())
        *error = path + QStringLiteral(": ") + xml.errorString();
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QSet<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured(0));
    return out;
}

QString sourceDir()
{
    return qEnvironmentVariable("NDH_SOURCE_DIR", QStringLiteral(NDH_SOURCE_DIR_FALLBACK));
}

QString menuTitle(MainWindow &w, int index)
{
    return w.menuBar()->actions().value(index) ? w.menuBar()->actions().value(index)->text() : QString();
}

bool hasCjk(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
            return true;
    }
    return false;
}

} // namespace

class TestLanguage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NDH-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_language"));
        QSettings().clear();
    }

    void cleanup() { Language::install(QStringLiteral("en")); }

    // Issue 10: on a 1366x768 desk the window fits, in every language, and no label or
    // button shows less than its whole text. With the Commands panel attached after
    // construction, as the console does.
    void windowFitsA1366x768Screen_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_TW") << QStringLiteral("zh_TW");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }
    void windowFitsA1366x768Screen()
    {
        QFETCH(QString, language);
        QVERIFY(Language::install(language));
        QTemporaryDir dir;
        PlantModels models;
        MainWindow window(&models);
        OperatorSession session;
        AuditLog audit;
        QVERIFY(audit.open(dir.filePath(QStringLiteral("audit.jsonl"))));
        OperatorActionGate gate(&session, &audit);
        CommandCatalog catalog;
        CommandTracker tracker;
        CommandSender sender(&catalog, &gate, &tracker);
        OperatorControls controls(&window, &gate, &sender);
        controls.setInteractive(false);
        QVERIFY(gate.signIn(QStringLiteral("operator"), Role::Operator));

        // Shown fresh, the window is no bigger than the screen unless its minimum says so.
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QSize avail = window.screen()->availableGeometry().size();
        const QSize minimum = window.minimumSizeHint();
        QVERIFY2(window.width() <= std::max(avail.width(), minimum.width()),
                 qPrintable(QStringLiteral("%1 px wide on a %2 px screen").arg(window.width()).arg(avail.width())));

        QVERIFY2(minimum.width() <= 1366, qPrintable(QStringLiteral("needs %1 px").arg(minimum.width())));
        QVERIFY2(minimum.height() <= 768, qPrintable(QStringLiteral("needs %1 px").arg(minimum.height())));
        window.resize(1366, 768);
        QTRY_COMPARE(window.size(), QSize(1366, 768));

        QStringList clipped;
        for (QWidget *w : window.findChildren<QWidget *>()) {
            if (!w->isVisible() || w->window() != &window)
                continue;
            int need = 0;
            QString text;
            if (auto *label = qobject_cast<QLabel *>(w)) {
                if (label->wordWrap())
                    continue;
                text = label->text();
                need = label->minimumSizeHint().width();
            } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
                text = button->text();
                need = button->minimumSizeHint().width();
            }
            if (!text.isEmpty() && w->width() < need)
                clipped << QStringLiteral("%1 \"%2\" %3 < %4 px").arg(QLatin1String(w->metaObject()->className()), text).arg(w->width()).arg(need);
        }
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral("; "))));
    }

    void choicesResolveToShippedLanguages_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("code");
        QTest::newRow("zh_TW") << "zh_TW" << "zh_TW";
        QTest::newRow("zh-tw") << "zh-tw" << "zh_TW";
        QTest::newRow("Hong Kong") << "zh_HK" << "zh_TW";
        QTest::newRow("Hant") << "zh_Hant" << "zh_TW";
        QTest::newRow("zh_CN") << "zh_CN" << "zh_CN";
        QTest::newRow("Singapore") << "zh_SG" << "zh_CN";
        QTest::newRow("zh") << "zh" << "zh_CN";
        QTest::newRow("en_US") << "en_US" << "en";
        QTest::newRow("French") << "fr" << "";
    }

    void choicesResolveToShippedLanguages()
    {
        QFETCH(QString, choice);
        QFETCH(QString, code);
        QCOMPARE(Language::resolve(choice), code);
        QVERIFY(Language::available().contains(Language::resolve(QStringLiteral("system"))));
    }

    void traditionalChineseMenus()
    {
        QVERIFY(Language::install(QStringLiteral("zh_TW")));
        QCOMPARE(Language::current(), QStringLiteral("zh_TW"));
        PlantModels models;
        MainWindow window(&models);
        QCOMPARE(menuTitle(window, 0), QStringLiteral("\u6a94\u6848(&F)")); // 檔案(&F)
        QCOMPARE(window.windowTitle(), QStringLiteral("NDH \u64cd\u4f5c\u53f0"));    // NDH 操作台
        QVERIFY(window.alarmDock()->windowTitle().contains(QStringLiteral("\u8b66\u5831"))); // 警報
        checkEveryMenuEntryTranslated(window);
    }

    void simplifiedChineseMenus()
    {
        QVERIFY(Language::install(QStringLiteral("zh_CN")));
        PlantModels models;
        MainWindow window(&models);
        QCOMPARE(menuTitle(window, 0), QStringLiteral("\u6587\u4ef6(&F)")); // 文件(&F)
        QVERIFY(window.alarmDock()->windowTitle().contains(QStringLiteral("\u62a5\u8b66"))); // 报警
        checkEveryMenuEntryTranslated(window);
    }

    void englishIsTheSource()
    {
        QVERIFY(Language::install(QStringLiteral("en")));
        PlantModels models;
        MainWindow window(&models);
        QCOMPARE(menuTitle(window, 0), QStringLiteral("&File"));
    }

    void catalogueIsCompleteAndConsistent_data()
    {
        QTest::addColumn<QString>("ts");
        QTest::newRow("zh_TW") << sourceDir() + QStringLiteral("/translations/ndh_zh_TW.ts");
        QTest::newRow("zh_CN") << sourceDir() + QStringLiteral("/translations/ndh_zh_CN.ts");
    }

    void catalogueIsCompleteAndConsistent()
    {
        QFETCH(QString, ts);
        QString error;
        const QList<Message> messages = readTs(ts, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 300);
        QStringList problems;
        for (const Message &m : messages) {
            const QString where = QStringLiteral("[%1] \"%2\"").arg(m.context, m.source.left(60));
            if (m.type == u"vanished" || m.type == u"obsolete")
                continue; // no longer in the sources
            if (!m.type.isEmpty()) {
                problems << where + QStringLiteral(": ") + m.type;
                continue;
            }
            for (const QString &t : m.translations) {
                if (t.trimmed().isEmpty()) {
                    problems << where + QStringLiteral(": empty translation");
                    continue;
                }
                // %1 and %n must survive, or the text shows a literal "%1" or loses a value.
                QSet<QString> expected = placeholders(m.source);
                QSet<QString> got = placeholders(t);
                expected.remove(QStringLiteral("%n"));
                got.remove(QStringLiteral("%n"));
                if (expected != got)
                    problems << where + QStringLiteral(": placeholders differ in \"%1\"").arg(t);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void everySourceStringIsInTheCatalogue()
    {
#ifndef NDH_LUPDATE
        QFAIL("lupdate (Qt LinguistTools) not found at configure time: install qt6-l10n-tools "
              "(scripts/install-deps.sh does)");
#else
        // lupdate over the sources as scripts/update-translations.sh runs it, into a
        // scratch file: every (context, source) it finds must be translated already.
        QTemporaryDir dir;
        const QString scratch = dir.filePath(QStringLiteral("scratch_zh_TW.ts"));
        QProcess lupdate;
        lupdate.setWorkingDirectory(sourceDir());
        lupdate.start(QStringLiteral(NDH_LUPDATE),
                      {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                       QStringLiteral("-extensions"), QStringLiteral("cpp,h"), QStringLiteral("app"), QStringLiteral("ui"),
                       QStringLiteral("models"), QStringLiteral("kafka"), QStringLiteral("-ts"), scratch});
        QVERIFY(lupdate.waitForFinished(60000));
        QCOMPARE(lupdate.exitCode(), 0);
        QString error;
        const QList<Message> found = readTs(scratch, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(found.size() > 300);
        for (const QString &lang : {QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
            QSet<QString> translated;
            for (const Message &m : readTs(sourceDir() + QStringLiteral("/translations/ndh_%1.ts").arg(lang), &error)) {
                if (m.type.isEmpty())
                    translated.insert(m.context + u'\x1f' + m.source);
            }
            QStringList missing;
            for (const Message &m : found) {
                if (!translated.contains(m.context + u'\x1f' + m.source))
                    missing << QStringLiteral("[%1] \"%2\"").arg(m.context, m.source.left(60));
            }
            QVERIFY2(missing.isEmpty(),
                     qPrintable(QStringLiteral("%1: %2 string(s) not translated; run scripts/update-translations.sh "
                                               "and translate them:\n%3")
                                    .arg(lang)
                                    .arg(missing.size())
                                    .arg(missing.mid(0, 40).join(u'\n'))));
        }
#endif
    }

private:
    void checkEveryMenuEntryTranslated(MainWindow &window)
    {
        // An operator who reads only Chinese finds every menu entry in Chinese.
        QStringList english;
        std::function<void(QMenu *)> walk = [&](QMenu *menu) {
            if (!hasCjk(menu->title()))
                english << menu->title();
            for (QAction *a : menu->actions()) {
                if (a->menu())
                    walk(a->menu());
                else if (!a->isSeparator() && !a->text().isEmpty() && !hasCjk(a->text())
                         && a->objectName() != u"savedLayout")
                    english << a->text();
            }
        };
        for (QAction *top : window.menuBar()->actions()) {
            if (top->menu())
                walk(top->menu());
        }
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
