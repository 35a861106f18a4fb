#include "layout_file.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace ndh {

namespace {

// Binary parts (QMainWindow and QHeaderView states) travel as base64 text.
const QStringList kBinaryKeys = {QStringLiteral("windowState")};

QJsonObject encode(const QVariantMap &layout)
{
    QJsonObject o;
    for (auto it = layout.cbegin(); it != layout.cend(); ++it) {
        if (it.value().typeId() == QMetaType::QByteArray) {
            o.insert(it.key(), QString::fromLatin1(it.value().toByteArray().toBase64()));
        } else if (it.key() == u"headers") {
            QJsonObject headers;
            const QVariantMap map = it.value().toMap();
            for (auto h = map.cbegin(); h != map.cend(); ++h)
                headers.insert(h.key(), QString::fromLatin1(h.value().toByteArray().toBase64()));
            o.insert(it.key(), headers);
        } else {
            o.insert(it.key(), QJsonValue::fromVariant(it.value()));
        }
    }
    return o;
}

std::optional<QByteArray> base64(const QJsonValue &v)
{
    if (!v.isString())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

} // namespace

QByteArray LayoutFile::toJson(const QVariantMap &layout, const QString &name)
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QLatin1String(kFormat));
    o.insert(QStringLiteral("version"), kFormatVersion);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("layout"), encode(layout));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

std::optional<QVariantMap> LayoutFile::fromJson(const QByteArray &json, QString *error, QString *name)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("not a layout file: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) {
        *error = tr("not an NDH Console layout (no \"format\": \"%1\")").arg(QLatin1String(kFormat));
        return std::nullopt;
    }
    const int version = o.value(QStringLiteral("version")).toInt(-1);
    if (version < 1 || version > kFormatVersion) {
        *error = tr("layout format version %1 is not supported (this console reads up to %2)")
                     .arg(version)
                     .arg(kFormatVersion);
        return std::nullopt;
    }
    const QJsonObject layout = o.value(QStringLiteral("layout")).toObject();
    QVariantMap out;
    for (auto it = layout.constBegin(); it != layout.constEnd(); ++it) {
        if (kBinaryKeys.contains(it.key())) {
            const auto bytes = base64(it.value());
            if (!bytes) {
                *error = tr("the layout's \"%1\" is damaged (not base64)").arg(it.key());
                return std::nullopt;
            }
            out.insert(it.key(), *bytes);
        } else if (it.key() == u"headers") {
            QVariantMap headers;
            const QJsonObject h = it.value().toObject();
            for (auto c = h.constBegin(); c != h.constEnd(); ++c) {
                const auto bytes = base64(c.value());
                if (!bytes) {
                    *error = tr("the columns of \"%1\" are damaged (not base64)").arg(c.key());
                    return std::nullopt;
                }
                headers.insert(c.key(), *bytes);
            }
            out.insert(it.key(), headers);
        } else {
            out.insert(it.key(), it.value().toVariant());
        }
    }
    if (!out.contains(QStringLiteral("windowState"))) {
        *error = tr("the layout has no dock arrangement");
        return std::nullopt;
    }
    if (name)
        *name = o.value(QStringLiteral("name")).toString();
    return out;
}

bool LayoutFile::write(const QString &path, const QVariantMap &layout, const QString &name, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(toJson(layout, name));
    if (!file.commit()) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<QVariantMap> LayoutFile::read(const QString &path, QString *error, QString *name)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxFileBytes) {
        *error = tr("%1 is %2 bytes, more than a layout can be (%3)").arg(path).arg(file.size()).arg(kMaxFileBytes);
        return std::nullopt;
    }
    QString why;
    auto layout = fromJson(file.readAll(), &why, name);
    if (!layout)
        *error = tr("%1: %2").arg(QFileInfo(path).fileName(), why);
    return layout;
}

} // namespace ndh
