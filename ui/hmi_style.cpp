#include "hmi_style.h"

#include <QApplication>
#include <QFont>
#include <QImageReader>
#include <QPalette>
#include <QStyleFactory>

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

} // namespace

void HmiStyle::applyTo(QApplication &app)
{
    initNdhResources();
    // Fusion draws the same on Linux and Windows and honours the palette fully.
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        app.setStyle(fusion);

    QPalette p;
    const QColor window(0xe0, 0xe0, 0xe0);
    const QColor base(0xf5, 0xf5, 0xf5);
    const QColor text(0x1e, 0x1e, 0x1e);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0xeb, 0xeb, 0xeb));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0xd6, 0xd6, 0xd6));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0xf8, 0xf8, 0xf8));
    p.setColor(QPalette::Midlight, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Mid, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Dark, QColor(0x70, 0x70, 0x70));
    p.setColor(QPalette::Shadow, QColor(0x40, 0x40, 0x40));
    // Selection is a quiet slate, not a signal colour.
    p.setColor(QPalette::Highlight, QColor(0x4a, 0x5d, 0x70));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0xfa, 0xfa, 0xf4));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, mutedText());
    p.setColor(QPalette::Link, QColor(0x2c, 0x4a, 0x6e));
    p.setColor(QPalette::Disabled, QPalette::Text, mutedText());
    p.setColor(QPalette::Disabled, QPalette::WindowText, mutedText());
    p.setColor(QPalette::Disabled, QPalette::ButtonText, mutedText());
    app.setPalette(p);

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

QColor HmiStyle::staleText() { return QColor(0x9a, 0x5b, 0x00); }
QColor HmiStyle::mutedText() { return QColor(0x80, 0x80, 0x80); }
QColor HmiStyle::plotBackground() { return QColor(0xfa, 0xfa, 0xfa); }
QColor HmiStyle::plotGrid() { return QColor(0xd8, 0xd8, 0xd8); }
QColor HmiStyle::plotAxis() { return QColor(0x50, 0x50, 0x50); }

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
    return QColor::fromRgb(kCurveColors[size_t(((index % n) + n) % n)]);
}

int HmiStyle::curveColorCount() { return int(kCurveColors.size()); }

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
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
}

} // namespace ndh
