#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace ndh {

namespace {

const QString kSettingsKey = QStringLiteral("ui/language");

struct Installed
{
    std::unique_ptr<QTranslator> ours;
    std::unique_ptr<QTranslator> qt;
    QString code = QStringLiteral("en");
};

Installed &installed()
{
    static Installed state;
    return state;
}

} // namespace

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")};
}

QString Language::nativeName(const QString &code)
{
    if (code == u"zh_TW")
        return QStringLiteral("\u7e41\u9ad4\u4e2d\u6587"); // 繁體中文
    if (code == u"zh_CN")
        return QStringLiteral("\u7b80\u4f53\u4e2d\u6587"); // 简体中文
    return QStringLiteral("English");
}

QString Language::forLocale(const QLocale &locale)
{
    if (locale.language() != QLocale::Chinese)
        return QStringLiteral("en");
    if (locale.script() == QLocale::TraditionalChineseScript)
        return QStringLiteral("zh_TW");
    if (locale.script() == QLocale::SimplifiedChineseScript)
        return QStringLiteral("zh_CN");
    switch (locale.territory()) {
    case QLocale::Taiwan:
    case QLocale::HongKong:
    case QLocale::Macao:
        return QStringLiteral("zh_TW");
    default:
        return QStringLiteral("zh_CN");
    }
}

QString Language::resolve(const QString &choice)
{
    const QString c = choice.trimmed();
    if (c.isEmpty() || c.compare(systemChoice(), Qt::CaseInsensitive) == 0) {
        // The first UI language the user listed that we ship, else English.
        for (const QString &name : QLocale::system().uiLanguages()) {
            const QLocale l(name);
            if (l.language() == QLocale::Chinese || l.language() == QLocale::English)
                return forLocale(l);
        }
        return QStringLiteral("en");
    }
    for (const QString &code : available()) {
        if (c.compare(code, Qt::CaseInsensitive) == 0)
            return code;
    }
    const QLocale l(QString(c).replace(u'-', u'_'));
    if (l.language() == QLocale::Chinese || l.language() == QLocale::English)
        return forLocale(l);
    return {};
}

QString Language::savedChoice()
{
    const QString v = QSettings().value(kSettingsKey).toString();
    return v.isEmpty() ? systemChoice() : v;
}

void Language::saveChoice(const QString &choice)
{
    QSettings().setValue(kSettingsKey, choice);
}

bool Language::install(const QString &code)
{
    Installed &s = installed();
    if (s.ours)
        QCoreApplication::removeTranslator(s.ours.get());
    if (s.qt)
        QCoreApplication::removeTranslator(s.qt.get());
    s.ours.reset();
    s.qt.reset();
    s.code = QStringLiteral("en");
    if (code == u"en" || code.isEmpty())
        return true;

    auto ours = std::make_unique<QTranslator>();
    if (!ours->load(QStringLiteral(":/i18n/ndh_%1.qm").arg(code)))
        return false;
    QCoreApplication::installTranslator(ours.get());
    s.ours = std::move(ours);
    s.code = code;
    // Qt's own strings (standard buttons, context menus) from qt6-translations-l10n
    // when installed; without it those few stay English.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        s.qt = std::move(qt);
    }
    return true;
}

QString Language::current()
{
    return installed().code;
}

} // namespace ndh
