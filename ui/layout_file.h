#pragma once
// A workspace layout as a file an operator can keep, mail to a colleague and open
// again: which docks are shown and where, the open plots with their curves, the
// column order and widths of every table, and the window's size and place (plain
// numbers, fitted into the screen it is opened on). JSON, so a person can read what is in it;
// written atomically (QSaveFile), so a crash never leaves half a layout behind.
// The layout itself is a QVariantMap from MainWindow::layoutState().

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace ndh {

class LayoutFile
{
    Q_DECLARE_TR_FUNCTIONS(ndh::LayoutFile)

public:
    static constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024; // a layout is a few KiB
    static constexpr const char *kFormat = "ndh-console-layout";
    static constexpr int kFormatVersion = 1;

    static QByteArray toJson(const QVariantMap &layout, const QString &name);
    // nullopt and a reason an operator can act on when the bytes are not a layout.
    static std::optional<QVariantMap> fromJson(const QByteArray &json, QString *error, QString *name = nullptr);

    static bool write(const QString &path, const QVariantMap &layout, const QString &name, QString *error);
    static std::optional<QVariantMap> read(const QString &path, QString *error, QString *name = nullptr);
};

} // namespace ndh
