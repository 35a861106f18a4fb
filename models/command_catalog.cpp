#include "command_catalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace ndh {

namespace {

QString trCat(const char *text)
{
    return QCoreApplication::translate("ndh::CommandCatalog", text);
}

std::optional<CommandParameter::Type> typeFromName(const QString &name)
{
    if (name == u"number")
        return CommandParameter::Type::Number;
    if (name == u"integer")
        return CommandParameter::Type::Integer;
    if (name == u"choice")
        return CommandParameter::Type::Choice;
    if (name == u"bool")
        return CommandParameter::Type::Bool;
    return std::nullopt;
}

bool validName(const QString &s)
{
    if (s.isEmpty() || s.size() > 64)
        return false;
    for (QChar c : s) {
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.'))
            return false;
    }
    return true;
}

QString numberText(double v)
{
    return QString::number(v, 'g', 10);
}

} // namespace

const CommandParameter *CommandSpec::parameter(const QString &n) const
{
    for (const auto &p : parameters) {
        if (p.name == n)
            return &p;
    }
    return nullptr;
}

QString CommandCatalog::builtInPath()
{
    return QStringLiteral(":/config/commands.json");
}

bool CommandCatalog::loadFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = trCat("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    if (f.size() > kMaxFileBytes) {
        if (error)
            *error = trCat("%1 is larger than %2 bytes").arg(path).arg(kMaxFileBytes);
        return false;
    }
    QString why;
    if (!load(f.readAll(), &why)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    }
    return true;
}

bool CommandCatalog::load(const QByteArray &json, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (json.size() > kMaxFileBytes)
        return fail(trCat("larger than %1 bytes").arg(kMaxFileBytes));
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return fail(trCat("not valid JSON at byte %1: %2").arg(pe.offset).arg(pe.errorString()));
    if (!doc.isObject())
        return fail(trCat("the top level must be an object"));
    const QJsonObject root = doc.object();
    if (root.value(u"version").toInt(0) != 1)
        return fail(trCat("\"version\" must be 1"));
    const QJsonValue typesValue = root.value(u"asset_types");
    if (!typesValue.isObject())
        return fail(trCat("\"asset_types\" must be an object of asset type -> list of commands"));

    std::vector<CommandSpec> commands;
    const QJsonObject types = typesValue.toObject();
    for (auto it = types.begin(); it != types.end(); ++it) {
        const QString type = it.key();
        if (!it.value().isArray())
            return fail(trCat("asset type %1: the commands must be a list").arg(type));
        const QJsonArray list = it.value().toArray();
        if (list.size() > kMaxCommandsPerType)
            return fail(trCat("asset type %1: more than %2 commands").arg(type).arg(kMaxCommandsPerType));
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString where = trCat("asset type %1, command %2").arg(type).arg(i + 1);
            if (!list.at(i).isObject())
                return fail(trCat("%1: must be an object").arg(where));
            const QJsonObject c = list.at(i).toObject();
            CommandSpec spec;
            spec.assetType = type;
            spec.name = c.value(u"name").toString();
            if (!validName(spec.name))
                return fail(trCat("%1: \"name\" must be a word of letters, digits, _ - .").arg(where));
            for (const auto &other : commands) {
                if (other.assetType == type && other.name == spec.name)
                    return fail(trCat("%1: command %2 is listed twice").arg(where, spec.name));
            }
            spec.label = c.value(u"label").toString(spec.name);
            spec.effect = c.value(u"effect").toString();
            spec.attribute = c.value(u"attribute").toString();
            const QJsonValue timeout = c.value(u"timeout_s");
            if (!timeout.isUndefined()) {
                const double t = timeout.toDouble(-1);
                if (!timeout.isDouble() || t < kMinTimeoutSec || t > kMaxTimeoutSec)
                    return fail(trCat("%1 (%2): \"timeout_s\" must be a number from %3 to %4")
                                    .arg(where, spec.name).arg(kMinTimeoutSec).arg(kMaxTimeoutSec));
                spec.timeoutSec = int(t);
            }
            const QJsonValue params = c.value(u"parameters");
            if (!params.isUndefined() && !params.isArray())
                return fail(trCat("%1 (%2): \"parameters\" must be a list").arg(where, spec.name));
            const QJsonArray plist = params.toArray();
            if (plist.size() > kMaxParameters)
                return fail(trCat("%1 (%2): more than %3 parameters").arg(where, spec.name).arg(kMaxParameters));
            for (const QJsonValue &pv : plist) {
                const QJsonObject po = pv.toObject();
                CommandParameter p;
                p.name = po.value(u"name").toString();
                const QString pwhere = trCat("%1 (%2), parameter %3").arg(where, spec.name, p.name);
                if (!validName(p.name))
                    return fail(trCat("%1: \"name\" must be a word of letters, digits, _ - .").arg(pwhere));
                p.label = po.value(u"label").toString(p.name);
                p.unit = po.value(u"unit").toString();
                const auto t = typeFromName(po.value(u"type").toString(QStringLiteral("number")));
                if (!t)
                    return fail(trCat("%1: \"type\" must be number, integer, choice or bool").arg(pwhere));
                p.type = *t;
                if (p.type == CommandParameter::Type::Number || p.type == CommandParameter::Type::Integer) {
                    if (!po.value(u"min").isDouble() || !po.value(u"max").isDouble())
                        return fail(trCat("%1: a number needs \"min\" and \"max\"").arg(pwhere));
                    p.min = po.value(u"min").toDouble();
                    p.max = po.value(u"max").toDouble();
                    if (!(p.min <= p.max) || !std::isfinite(p.min) || !std::isfinite(p.max))
                        return fail(trCat("%1: \"min\" must not be above \"max\"").arg(pwhere));
                    p.step = po.value(u"step").toDouble(p.type == CommandParameter::Type::Integer ? 1 : 0.1);
                    const double d = po.value(u"default").toDouble(p.min);
                    if (d < p.min || d > p.max)
                        return fail(trCat("%1: \"default\" %2 is outside %3..%4")
                                        .arg(pwhere, numberText(d), numberText(p.min), numberText(p.max)));
                    p.defaultValue = d;
                } else if (p.type == CommandParameter::Type::Choice) {
                    for (const QJsonValue &cv : po.value(u"choices").toArray()) {
                        if (!cv.isString() || cv.toString().isEmpty())
                            return fail(trCat("%1: every choice must be a non-empty text").arg(pwhere));
                        p.choices << cv.toString();
                    }
                    if (p.choices.isEmpty())
                        return fail(trCat("%1: a choice needs a non-empty \"choices\" list").arg(pwhere));
                    const QString d = po.value(u"default").toString(p.choices.first());
                    if (!p.choices.contains(d))
                        return fail(trCat("%1: \"default\" %2 is not one of the choices").arg(pwhere, d));
                    p.defaultValue = d;
                } else {
                    p.defaultValue = po.value(u"default").toBool(false);
                }
                if (spec.parameter(p.name))
                    return fail(trCat("%1: listed twice").arg(pwhere));
                spec.parameters.push_back(std::move(p));
            }
            commands.push_back(std::move(spec));
        }
    }
    if (commands.empty())
        return fail(trCat("no commands are defined"));
    m_commands = std::move(commands);
    return true;
}

QStringList CommandCatalog::assetTypes() const
{
    QStringList types;
    for (const auto &c : m_commands) {
        if (!types.contains(c.assetType))
            types << c.assetType;
    }
    return types;
}

std::vector<const CommandSpec *> CommandCatalog::commandsFor(const QString &assetType) const
{
    std::vector<const CommandSpec *> out;
    for (const auto &c : m_commands) {
        if (c.assetType.compare(assetType, Qt::CaseInsensitive) == 0)
            out.push_back(&c);
    }
    return out;
}

const CommandSpec *CommandCatalog::find(const QString &assetType, const QString &name) const
{
    for (const CommandSpec *c : commandsFor(assetType)) {
        if (c->name == name)
            return c;
    }
    return nullptr;
}

std::optional<QJsonObject> CommandCatalog::validate(const CommandSpec &spec, const QVariantMap &values, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<QJsonObject> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!spec.parameter(it.key()))
            return fail(trCat("%1 takes no parameter %2").arg(spec.label, it.key()));
    }
    QJsonObject out;
    for (const CommandParameter &p : spec.parameters) {
        if (!values.contains(p.name))
            return fail(trCat("%1 is missing").arg(p.label));
        const QVariant v = values.value(p.name);
        switch (p.type) {
        case CommandParameter::Type::Number:
        case CommandParameter::Type::Integer: {
            bool ok = false;
            const double d = v.toDouble(&ok);
            if (!ok || !std::isfinite(d))
                return fail(trCat("%1 must be a number").arg(p.label));
            if (p.type == CommandParameter::Type::Integer && d != std::floor(d))
                return fail(trCat("%1 must be a whole number").arg(p.label));
            if (d < p.min || d > p.max)
                return fail(trCat("%1 must be between %2 and %3 %4; %5 is outside")
                                .arg(p.label, numberText(p.min), numberText(p.max), p.unit, numberText(d))
                                .simplified());
            if (p.type == CommandParameter::Type::Integer)
                out.insert(p.name, qint64(d));
            else
                out.insert(p.name, d);
            break;
        }
        case CommandParameter::Type::Choice: {
            const QString s = v.toString();
            if (!p.choices.contains(s))
                return fail(trCat("%1 must be one of %2").arg(p.label, p.choices.join(QStringLiteral(", "))));
            out.insert(p.name, s);
            break;
        }
        case CommandParameter::Type::Bool:
            if (v.typeId() != QMetaType::Bool)
                return fail(trCat("%1 must be yes or no").arg(p.label));
            out.insert(p.name, v.toBool());
            break;
        }
    }
    return out;
}

QString CommandCatalog::valueText(const CommandParameter &p, const QJsonValue &value)
{
    switch (p.type) {
    case CommandParameter::Type::Number:
    case CommandParameter::Type::Integer:
        return p.unit.isEmpty() ? numberText(value.toDouble()) : numberText(value.toDouble()) + u' ' + p.unit;
    case CommandParameter::Type::Choice:
        return value.toString();
    case CommandParameter::Type::Bool:
        return value.toBool() ? trCat("yes") : trCat("no");
    }
    return {};
}

QString CommandCatalog::effectText(const CommandSpec &spec, const QJsonObject &values)
{
    QString text = spec.effect.isEmpty() ? spec.label : spec.effect;
    for (const CommandParameter &p : spec.parameters) {
        const QJsonValue v = values.value(p.name);
        QString plain = p.type == CommandParameter::Type::Number || p.type == CommandParameter::Type::Integer
            ? numberText(v.toDouble())
            : valueText(p, v);
        const QString token = u'{' + p.name + u'}';
        if (text.contains(token))
            text.replace(token, plain);
    }
    return text;
}

} // namespace ndh
