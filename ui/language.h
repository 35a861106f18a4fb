#pragma once
// Which language the console speaks: English source strings, with Traditional (zh_TW)
// and Simplified (zh_CN) Chinese compiled into the binary from translations/*.ts.
// The choice is "system" (follow the OS locale), or a code the user picked in the
// settings dialog or passed with --lang; it is stored in QSettings ("ui/language").

#include <QString>
#include <QStringList>

class QCoreApplication;
class QLocale;

namespace ndh {

class Language
{
public:
    static QString systemChoice() { return QStringLiteral("system"); }

    // "en", "zh_TW", "zh_CN": the languages shipped, in menu order.
    static QStringList available();
    // The language's own name ("English", "繁體中文", "简体中文"), so a user who cannot
    // read the current language still finds theirs.
    static QString nativeName(const QString &code);
    // A shipped code for a locale: zh_TW/zh_HK/zh_MO/Hant -> zh_TW, other zh -> zh_CN,
    // everything else -> en.
    static QString forLocale(const QLocale &locale);
    // Normalises what a user typed ("zh-tw", "zh_Hant", "system", "") to a shipped code,
    // or returns an empty string when nothing shipped matches.
    static QString resolve(const QString &choice);

    // The stored choice ("system" when none).
    static QString savedChoice();
    static void saveChoice(const QString &choice);

    // Installs the translators for `code` (ours and Qt's own, when Qt ships one) on
    // the application, replacing any installed before. Returns false when our
    // catalogue for a non-English code is missing from the binary.
    static bool install(const QString &code);
    // The code installed by the last install() ("en" before any).
    static QString current();
};

} // namespace ndh
