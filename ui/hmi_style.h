#pragma once
// The console's ISA-101 high-performance look in one place: neutral greys for
// everything normal, and a few reserved colours that mean "abnormal" (broker down,
// stale value, dead letters). Widgets ask here instead of hard-coding colours, so an
// abnormal colour never shows up for a normal state by accident.

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

class QApplication;
class QWidget;

namespace ndh {

class HmiStyle
{
public:
    // Fusion style, grey palette (light or dark, see setTheme), readable default font size.
    static void applyTo(QApplication &app);

    // Light and dark: the same rules (grey for normal, colour only for abnormal), on a
    // light or a dark ground. Chosen before applyTo(); plots and views made afterwards
    // pick their colours from the theme in force.
    enum class Theme { Light, Dark };
    static void setTheme(Theme theme);
    static Theme theme();
    // Switches the running application: the theme, then the application palette, so
    // every widget gets QEvent::PaletteChange and repaints (icons from icon() follow
    // at their next paint; widgets that copied a theme colour at construction restyle
    // themselves on PaletteChange). No restart.
    static void applyTheme(Theme theme);
    // The palette of the theme in force.
    static QPalette palette();
    // A theme given on the command line (--theme) rules for this run: Settings shows
    // it and does not store over the saved choice. Empty when none was given.
    static void setCommandLineTheme(const QString &choice);
    static QString commandLineTheme();
    // The platform's preference, read from the palette it offered before applyTo()
    // replaced it (or from GTK_THEME ending in ":dark").
    static Theme systemTheme();
    // The stored choice: "system" (default), "light" or "dark" (QSettings "ui/theme").
    static QString themeSystemChoice() { return QStringLiteral("system"); }
    static QString savedThemeChoice();
    static void saveThemeChoice(const QString &choice);
    // "light"/"dark" as such, anything else follows the system.
    static Theme resolveTheme(const QString &choice);

    // Sets `widget`'s style sheet when it differs from the one it has: Qt re-polishes
    // a widget on every setStyleSheet(), even with the same sheet, and badges are
    // restyled from refreshes that run on every batch or every second.
    static void restyle(QWidget *widget, const QString &styleSheet);

    // Reserved for abnormal states only.
    static QColor alarmBackground();   // broker down: red
    static QColor alarmText();         // text on alarmBackground
    static QColor warningBackground(); // connecting, dead letters > 0: amber
    static QColor warningText();       // text on warningBackground
    static QColor staleText();         // age of a value that stopped updating
    // Alarm priority 1 (critical) .. 4 (low): red, orange, yellow, blue; each
    // priority keeps its own colour wherever it is shown (ISA-101).
    static QColor priorityBackground(int priority);
    static QColor priorityText(int priority);

    // Normal states.
    static QColor mutedText();         // inactive assets, hints, empty states
    static QColor plotBackground();
    static QColor plotGrid();
    static QColor plotAxis();

    // Data colours for curves: distinct, dark enough on the plot background, and
    // none of them red or amber so a curve is never mistaken for an alarm.
    static QColor curveColor(int index);
    static int curveColorCount();

    // Stylesheet fragment for a label shown in an abnormal colour, or empty for normal.
    static QString badgeStyle(const QColor &background, const QColor &text);
    // The two badges in use: amber (warning: connecting, behind, a rejected record)
    // and red (alarm: a broker down, verification off, a damaged audit log).
    static QString warningBadgeStyle() { return badgeStyle(warningBackground(), warningText()); }
    static QString alarmBadgeStyle() { return badgeStyle(alarmBackground(), alarmText()); }

    // Icon from the compiled-in resources; null when this Qt cannot read SVG, so
    // callers keep their text labels and nothing is drawn empty. In the dark theme a
    // grey glyph is repainted in the theme's text colour so it shows on the dark ground;
    // the theme is read each time the icon is drawn, so a live theme switch recolours
    // icons already on toolbars and menus.
    static QIcon icon(const QString &name);
};

} // namespace ndh
