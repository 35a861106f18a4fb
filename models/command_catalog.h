#pragma once
// Which commands an asset type takes, with their parameters, ranges and units
// (issue 8). Read from a JSON configuration: the built-in one compiled into the
// resources (:/config/commands.json) or a file given by the user. Loading is strict
// and says what is wrong and where; validation of an operator's values happens here
// too, so the dialog and the sending path agree on what is allowed.

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <vector>

namespace ndh {

struct CommandParameter
{
    enum class Type : quint8 { Number, Integer, Choice, Bool };
    QString name;  // key in the request's "parameters"
    QString label; // shown in the dialog
    Type type = Type::Number;
    QString unit;
    double min = 0;
    double max = 0;
    double step = 1;
    QStringList choices;
    QVariant defaultValue;
};

struct CommandSpec
{
    QString assetType;
    QString name;       // "set_speed", on the wire
    QString label;      // "Set speed", in the menu
    QString effect;     // "Changes the speed set point to {speed} rpm."
    QString attribute;  // attribute it drives, if any (plot marker, simulator)
    int timeoutSec = 10; // from sent to reply; later it is "timed out"
    std::vector<CommandParameter> parameters;

    const CommandParameter *parameter(const QString &name) const;
};

class CommandCatalog
{
public:
    // Bounds on what a configuration may hold.
    static constexpr qint64 kMaxFileBytes = 1024 * 1024;
    static constexpr int kMaxCommandsPerType = 64;
    static constexpr int kMaxParameters = 16;
    static constexpr int kMinTimeoutSec = 1;
    static constexpr int kMaxTimeoutSec = 600;

    static QString builtInPath(); // ":/config/commands.json"

    // Replaces the catalog; on error keeps the previous one and returns false.
    bool load(const QByteArray &json, QString *error);
    bool loadFile(const QString &path, QString *error);

    bool isEmpty() const { return m_commands.empty(); }
    QStringList assetTypes() const;
    std::vector<const CommandSpec *> commandsFor(const QString &assetType) const;
    const CommandSpec *find(const QString &assetType, const QString &name) const;

    // The values an operator gave, checked against the spec and normalised (numbers
    // as double, integers as qint64, choices as string, bools as bool). nullopt with
    // error set when a value is missing, of the wrong kind or out of range.
    static std::optional<QJsonObject> validate(const CommandSpec &spec, const QVariantMap &values, QString *error);
    // The confirmation sentence with {name} replaced by each value (and its unit where missing).
    static QString effectText(const CommandSpec &spec, const QJsonObject &values);
    // "1480 rpm" / "auto" for one parameter value.
    static QString valueText(const CommandParameter &p, const QJsonValue &value);

private:
    std::vector<CommandSpec> m_commands;
};

} // namespace ndh
