#include "hmi_style.h"

#include <QApplication>
#include <QFont>
#include <QHash>
#include <QIconEngine>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QPixmap>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

#include <array>

// Outside any namespace, as Q_INIT_RESOURCE requires; the resources live in the
// static ndh_ui library, so something in it has to reference them.
static void initNdhResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace ndh {

namespace {

// A point size an operator reads at arm's length; desktop defaults are often 9.
constexpr qreal kMinimumFontPointSize = 10.0;

HmiStyle::Theme g_theme = HmiStyle::Theme::Light;
QString g_commandLineTheme;
bool g_systemThemeKnown = false;
HmiStyle::Theme g_systemTheme = HmiStyle::Theme::Light;

// The colours of one theme; one function turns either into a palette, so the two
// themes cannot drift apart in which roles they set.
struct ThemeColours
{
    QColor window, base, alternateBase, text, button, light, midlight, mid, dark, shadow, highlight,
        toolTipBase, link;
};

// Light: quiet greys; selection is a quiet slate, not a signal colour.
ThemeColours lightColours()
{
    return ThemeColours{
            .window = QColor(0xe0, 0xe0, 0xe0),
            .base = QColor(0xf5, 0xf5, 0xf5),
            .alternateBase = QColor(0xeb, 0xeb, 0xeb),
            .text = QColor(0x1e, 0x1e, 0x1e),
            .button = QColor(0xd6, 0xd6, 0xd6),
            .light = QColor(0xf8, 0xf8, 0xf8),
            .midlight = QColor(0xe8, 0xe8, 0xe8),
            .mid = QColor(0xa0, 0xa0, 0xa0),
            .dark = QColor(0x70, 0x70, 0x70),
            .shadow = QColor(0x40, 0x40, 0x40),
            .highlight = QColor(0x4a, 0x5d, 0x70),
            .toolTipBase = QColor(0xfa, 0xfa, 0xf4),
            .link = QColor(0x2c, 0x4a, 0x6e)};
}

// Dark greys, not black: ISA-101 wants a quiet ground that still shows depth.
ThemeColours darkColours()
{
    return ThemeColours{
            .window = QColor(0x2e, 0x2f, 0x31),
            .base = QColor(0x25, 0x26, 0x28),
            .alternateBase = QColor(0x2c, 0x2d, 0x30),
            .text = QColor(0xe2, 0xe2, 0xe2),
            .button = QColor(0x3a, 0x3b, 0x3e),
            .light = QColor(0x4a, 0x4b, 0x4e),
            .midlight = QColor(0x40, 0x41, 0x44),
            .mid = QColor(0x55, 0x56, 0x59),
            .dark = QColor(0x1c, 0x1c, 0x1e),
            .shadow = QColor(0x10, 0x10, 0x10),
            .highlight = QColor(0x4f, 0x6a, 0x85),
            .toolTipBase = QColor(0x3a, 0x3b, 0x3e),
            .link = QColor(0x8a, 0xb4, 0xe0)};
}

QPalette paletteFrom(const ThemeColours &c, const QColor &muted)
{
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.text);
    p.setColor(QPalette::Base, c.base);
    p.setColor(QPalette::AlternateBase, c.alternateBase);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::Button, c.button);
    p.setColor(QPalette::ButtonText, c.text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, c.light);
    p.setColor(QPalette::Midlight, c.midlight);
    p.setColor(QPalette::Mid, c.mid);
    p.setColor(QPalette::Dark, c.dark);
    p.setColor(QPalette::Shadow, c.shadow);
    p.setColor(QPalette::Highlight, c.highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, c.toolTipBase);
    p.setColor(QPalette::ToolTipText, c.text);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Link, c.link);
    p.setColor(QPalette::Disabled, QPalette::Text, muted);
    p.setColor(QPalette::Disabled, QPalette::WindowText, muted);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, muted);
    return p;
}

// The toolbar and menu glyphs are drawn dark grey for a light ground; on the dark
// ground they would vanish. A glyph that is grey only (no hue: not the coloured
// application icon) is repainted in the theme's text colour, keeping its shape (alpha).
QPixmap tintedGlyph(const QPixmap &drawn, const QColor &ink)
{
    QImage image = drawn.toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return drawn;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QRgb px = line[x];
            if (qAlpha(px) > 0 && (qAbs(qRed(px) - qGreen(px)) > 8 || qAbs(qGreen(px) - qBlue(px)) > 8))
                return drawn; // coloured artwork: keep as drawn
        }
    }
    QPainter painter(&image);
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(image.rect(), ink);
    painter.end();
    QPixmap out = QPixmap::fromImage(image);
    out.setDevicePixelRatio(drawn.devicePixelRatio());
    return out;
}

// An icon that asks the theme each time it is drawn: as drawn in the light theme,
// tinted in the dark one. Toolbars and menus keep their QIcon across a live theme
// switch and still show the right glyph at their next paint.
class ThemedIconEngine : public QIconEngine
{
public:
    explicit ThemedIconEngine(const QString &file)
        : m_file(file)
        , m_drawn(file)
    {
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        if (HmiStyle::theme() != HmiStyle::Theme::Dark)
            return m_drawn.pixmap(size, 1.0, mode, state);
        const QString key = QStringLiteral("%1x%2/%3/%4").arg(size.width()).arg(size.height()).arg(int(mode)).arg(int(state));
        if (const auto it = m_dark.constFind(key); it != m_dark.constEnd())
            return *it;
        QPixmap out = tintedGlyph(m_drawn.pixmap(size, 1.0, QIcon::Normal, state), inkFor(mode));
        if (mode != QIcon::Normal && qApp) {
            // Disabled and selected looks derived from the tinted glyph, as Qt derives
            // them for any pixmap icon.
            QStyleOption option;
            option.palette = QApplication::palette();
            out = QApplication::style()->generatedIconPixmap(mode, out, &option);
        }
        m_dark.insert(key, out);
        return out;
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
        QPixmap pm = pixmap((QSizeF(rect.size()) * ratio).toSize(), mode, state);
        pm.setDevicePixelRatio(ratio);
        painter->drawPixmap(rect, pm);
    }

    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return m_drawn.actualSize(size, mode, state);
    }

    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return m_drawn.availableSizes(mode, state);
    }

    bool isNull() override { return m_drawn.isNull(); }
    QString key() const override { return QStringLiteral("ndh-themed"); }
    QIconEngine *clone() const override { return new ThemedIconEngine(m_file); }

private:
    static QColor inkFor(QIcon::Mode) { return HmiStyle::palette().color(QPalette::Active, QPalette::ButtonText); }

    QString m_file;
    QIcon m_drawn;
    QHash<QString, QPixmap> m_dark; // the dark theme's pixmaps, by size, mode and state
};

} // namespace

void HmiStyle::setTheme(Theme theme)
{
    g_theme = theme;
}

HmiStyle::Theme HmiStyle::theme()
{
    return g_theme;
}

QPalette HmiStyle::palette()
{
    return paletteFrom(g_theme == Theme::Dark ? darkColours() : lightColours(), mutedText());
}

void HmiStyle::applyTheme(Theme theme)
{
    g_theme = theme;
    if (qobject_cast<QApplication *>(QCoreApplication::instance()))
        QApplication::setPalette(palette());
}

void HmiStyle::setCommandLineTheme(const QString &choice)
{
    g_commandLineTheme = choice;
}

QString HmiStyle::commandLineTheme()
{
    return g_commandLineTheme;
}

HmiStyle::Theme HmiStyle::systemTheme()
{
    if (!g_systemThemeKnown) {
        g_systemThemeKnown = true;
        const bool darkGtk = qEnvironmentVariable("GTK_THEME").endsWith(QLatin1String(":dark"), Qt::CaseInsensitive);
        const bool darkPalette = qApp && QApplication::palette().color(QPalette::Window).lightness() < 128;
        g_systemTheme = (darkGtk || darkPalette) ? Theme::Dark : Theme::Light;
    }
    return g_systemTheme;
}

QString HmiStyle::savedThemeChoice()
{
    const QString v = QSettings().value(QStringLiteral("ui/theme")).toString();
    return v.isEmpty() ? themeSystemChoice() : v;
}

void HmiStyle::saveThemeChoice(const QString &choice)
{
    QSettings().setValue(QStringLiteral("ui/theme"), choice);
}

HmiStyle::Theme HmiStyle::resolveTheme(const QString &choice)
{
    if (choice.compare(QLatin1String("dark"), Qt::CaseInsensitive) == 0)
        return Theme::Dark;
    if (choice.compare(QLatin1String("light"), Qt::CaseInsensitive) == 0)
        return Theme::Light;
    return systemTheme();
}

void HmiStyle::applyTo(QApplication &app)
{
    initNdhResources();
    systemTheme(); // read the platform's palette before it is replaced
    // Fusion draws the same on Linux and Windows and honours the palette fully.
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        app.setStyle(fusion);

    app.setPalette(palette());

    QFont font = app.font();
    if (font.pointSizeF() > 0 && font.pointSizeF() < kMinimumFontPointSize) {
        font.setPointSizeF(kMinimumFontPointSize);
        app.setFont(font);
    }
}

QColor HmiStyle::alarmBackground() { return QColor(0xc6, 0x28, 0x28); }
QColor HmiStyle::alarmText() { return Qt::white; }
QColor HmiStyle::warningBackground() { return QColor(0xf2, 0xb1, 0x1d); }
QColor HmiStyle::warningText() { return QColor(0x1e, 0x1e, 0x1e); }
QColor HmiStyle::priorityBackground(int priority)
{
    switch (priority) {
    case 1: return alarmBackground();
    case 2: return QColor(0xe6, 0x5c, 0x00);
    case 3: return warningBackground();
    case 4: return QColor(0x3f, 0x51, 0xb5);
    default: return QColor(0x75, 0x75, 0x75);
    }
}

QColor HmiStyle::priorityText(int priority)
{
    return priority == 3 ? warningText() : QColor(Qt::white);
}

QColor HmiStyle::staleText() { return g_theme == Theme::Dark ? QColor(0xe0, 0xa0, 0x40) : QColor(0x9a, 0x5b, 0x00); }
QColor HmiStyle::mutedText() { return g_theme == Theme::Dark ? QColor(0x8c, 0x8c, 0x8c) : QColor(0x80, 0x80, 0x80); }
QColor HmiStyle::plotBackground() { return g_theme == Theme::Dark ? QColor(0x25, 0x26, 0x28) : QColor(0xfa, 0xfa, 0xfa); }
QColor HmiStyle::plotGrid() { return g_theme == Theme::Dark ? QColor(0x3c, 0x3d, 0x40) : QColor(0xd8, 0xd8, 0xd8); }
QColor HmiStyle::plotAxis() { return g_theme == Theme::Dark ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x50, 0x50, 0x50); }

namespace {

// Okabe-Ito/Tableau-like hues darkened for a light background, red and amber left out.
constexpr std::array<QRgb, 10> kCurveColors = {
    // Neighbours differ in hue and lightness: the first curves on a plot are the
    // ones most often compared.
    0x1f5fa8, // blue
    0xad1457, // magenta
    0x2e7d32, // green
    0x7b3fa0, // purple
    0x8c564b, // brown
    0x00838f, // cyan
    0x283593, // indigo
    0x6d7a16, // olive
    0x424242, // graphite
    0x546e7a, // slate
};

} // namespace

QColor HmiStyle::curveColor(int index)
{
    const int n = int(kCurveColors.size());
    const QColor c = QColor::fromRgb(kCurveColors[size_t(((index % n) + n) % n)]);
    // The same hues, lifted so they read on the dark plot ground.
    return g_theme == Theme::Dark ? c.lighter(175) : c;
}

int HmiStyle::curveColorCount() { return int(kCurveColors.size()); }

void HmiStyle::restyle(QWidget *widget, const QString &styleSheet)
{
    if (widget->styleSheet() != styleSheet)
        widget->setStyleSheet(styleSheet);
}

QString HmiStyle::badgeStyle(const QColor &background, const QColor &text)
{
    return QStringLiteral("background-color: %1; color: %2; border-radius: 3px; padding: 1px 6px;")
        .arg(background.name(), text.name());
}

QIcon HmiStyle::icon(const QString &name)
{
    static const bool svgReadable = QImageReader::supportedImageFormats().contains("svg");
    if (!svgReadable)
        return {};
    static const bool initialised = (initNdhResources(), true);
    Q_UNUSED(initialised);
    return QIcon(new ThemedIconEngine(QStringLiteral(":/icons/%1.svg").arg(name)));
}

} // namespace ndh
