// Build-time helper: renders the application's SVG icon to the hicolor PNG sizes the
// Debian package installs and to the .ico that Windows builds compile into
// ndh-console.exe and the installer, so the icons never drift from the SVG and no
// binaries live in git.
// Usage: ndh-render-icons [--ico FILE.ico] ICON.svg OUTDIR SIZE...
// Writes OUTDIR/<SIZE>x<SIZE>/apps/<name>.png, and with --ico one .ico holding every
// SIZE up to 256 (PNG-compressed entries, as Windows Vista and later read them).

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QSaveFile>
#include <QtEndian>

#include <cstdio>
#include <utility>
#include <vector>

namespace {

void putLe16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

void putLe32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

// ICONDIR, one ICONDIRENTRY per image, then the PNG bytes of each.
QByteArray icoFile(const std::vector<std::pair<int, QByteArray>> &pngs)
{
    QByteArray out;
    putLe16(out, 0); // reserved
    putLe16(out, 1); // type: icon
    putLe16(out, quint16(pngs.size()));
    quint32 offset = quint32(6 + 16 * pngs.size());
    for (const auto &[size, png] : pngs) {
        out.append(char(size >= 256 ? 0 : size)); // 0 means 256
        out.append(char(size >= 256 ? 0 : size));
        out.append(char(0)); // no palette
        out.append(char(0)); // reserved
        putLe16(out, 1);     // colour planes
        putLe16(out, 32);    // bits per pixel
        putLe32(out, quint32(png.size()));
        putLe32(out, offset);
        offset += quint32(png.size());
    }
    for (const auto &entry : pngs)
        out.append(entry.second);
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    QString icoPath;
    if (args.size() > 2 && args.at(1) == u"--ico") {
        icoPath = args.at(2);
        args.remove(1, 2);
    }
    if (args.size() < 4) {
        std::fputs("usage: ndh-render-icons [--ico FILE.ico] ICON.svg OUTDIR SIZE...\n", stderr);
        return 2;
    }
    const QString name = QFileInfo(args.at(1)).completeBaseName();
    std::vector<std::pair<int, QByteArray>> icoImages;
    for (int i = 3; i < args.size(); ++i) {
        bool ok = false;
        const int size = args.at(i).toInt(&ok);
        if (!ok || size < 8 || size > 1024) {
            std::fprintf(stderr, "ndh-render-icons: bad size %s\n", qPrintable(args.at(i)));
            return 2;
        }
        QImageReader reader(args.at(1));
        reader.setScaledSize(QSize(size, size));
        const QImage image = reader.read();
        if (image.isNull()) {
            std::fprintf(stderr, "ndh-render-icons: cannot render %s: %s (is the Qt SVG image plugin installed?)\n",
                         qPrintable(args.at(1)), qPrintable(reader.errorString()));
            return 1;
        }
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(args.at(2)).arg(size);
        QDir().mkpath(dir);
        if (!image.save(QStringLiteral("%1/%2.png").arg(dir, name))) {
            std::fprintf(stderr, "ndh-render-icons: cannot write into %s\n", qPrintable(dir));
            return 1;
        }
        if (!icoPath.isEmpty() && size <= 256) {
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            image.convertToFormat(QImage::Format_ARGB32).save(&buffer, "PNG");
            icoImages.emplace_back(size, png);
        }
    }
    if (!icoPath.isEmpty()) {
        if (icoImages.empty()) {
            std::fputs("ndh-render-icons: no size up to 256 for the .ico\n", stderr);
            return 2;
        }
        QSaveFile ico(icoPath);
        if (!ico.open(QIODevice::WriteOnly) || ico.write(icoFile(icoImages)) < 0 || !ico.commit()) {
            std::fprintf(stderr, "ndh-render-icons: cannot write %s: %s\n", qPrintable(icoPath),
                         qPrintable(ico.errorString()));
            return 1;
        }
    }
    return 0;
}
