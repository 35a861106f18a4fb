// Build-time helper: renders the application's SVG icon to the hicolor PNG sizes the
// Debian package installs (and Windows' .ico sizes), so the PNGs never drift from the
// SVG and no binaries live in git. Usage: ndh-render-icons ICON.svg OUTDIR SIZE...
// Writes OUTDIR/<SIZE>x<SIZE>/apps/ndh-console.png.

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fputs("usage: ndh-render-icons ICON.svg OUTDIR SIZE...\n", stderr);
        return 2;
    }
    const QString name = QFileInfo(args.at(1)).completeBaseName();
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
    }
    return 0;
}
