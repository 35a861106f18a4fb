// The command configuration of issue 8: the built-in catalog loads, values are
// checked against ranges and units, and a bad file gets a clear error while the
// previous catalog stays in use.

#include "command_catalog.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ndh;

class TstCommandCatalog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void builtInCoversTheSimulatedTypes();
    void validate_data();
    void validate();
    void effectNamesTheValue();
    void badConfiguration_data();
    void badConfiguration();
    void unreadableFileSaysSo();

private:
    CommandCatalog m_catalog;
};

void TstCommandCatalog::initTestCase()
{
    const QString path = qEnvironmentVariable("NDH_SOURCE_DIR")
                         + QStringLiteral("/resources/config/commands.json");
    QString error;
    QVERIFY2(m_catalog.loadFile(path, &error), qPrintable(error));
}

void TstCommandCatalog::builtInCoversTheSimulatedTypes()
{
    for (const char *type : {"Pump", "Motor", "Compressor", "Conveyor", "Drone"})
        QVERIFY2(!m_catalog.commandsFor(QLatin1String(type)).empty(), type);
    QVERIFY(m_catalog.find(QStringLiteral("Drone"), QStringLiteral("return_to_base")));
    QVERIFY(m_catalog.find(QStringLiteral("motor"), QStringLiteral("set_speed"))); // type case-insensitive
    QVERIFY(!m_catalog.find(QStringLiteral("Pump"), QStringLiteral("self_destruct")));
    QVERIFY(m_catalog.commandsFor(QStringLiteral("Toaster")).empty());
}

void TstCommandCatalog::validate_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QVariantMap>("values");
    QTest::addColumn<QString>("error"); // empty: valid

    QTest::newRow("speed in range") << "Motor" << "set_speed" << QVariantMap{{"speed", 1500}} << "";
    QTest::newRow("speed at max") << "Motor" << "set_speed" << QVariantMap{{"speed", 1750}} << "";
    QTest::newRow("speed above max") << "Motor" << "set_speed" << QVariantMap{{"speed", 1751}} << "between 0 and 1750 rpm";
    QTest::newRow("speed negative") << "Motor" << "set_speed" << QVariantMap{{"speed", -1}} << "between";
    QTest::newRow("speed not whole") << "Motor" << "set_speed" << QVariantMap{{"speed", 1500.5}} << "whole number";
    QTest::newRow("speed as text") << "Motor" << "set_speed" << QVariantMap{{"speed", "fast"}} << "must be a number";
    QTest::newRow("speed missing") << "Motor" << "set_speed" << QVariantMap{} << "missing";
    QTest::newRow("unknown parameter") << "Motor" << "set_speed" << QVariantMap{{"speed", 10}, {"torque", 1}} << "no parameter torque";
    QTest::newRow("pressure decimal") << "Compressor" << "set_pressure_setpoint" << QVariantMap{{"pressure", 7.25}} << "";
    QTest::newRow("pressure too low") << "Compressor" << "set_pressure_setpoint" << QVariantMap{{"pressure", 3.9}} << "between 4 and 9 bar";
    QTest::newRow("mode choice") << "Pump" << "set_mode" << QVariantMap{{"mode", "manual"}} << "";
    QTest::newRow("mode not a choice") << "Pump" << "set_mode" << QVariantMap{{"mode", "turbo"}} << "one of auto, manual, maintenance";
    QTest::newRow("no parameters") << "Drone" << "return_to_base" << QVariantMap{} << "";
    QTest::newRow("NaN") << "Drone" << "set_altitude" << QVariantMap{{"altitude", qQNaN()}} << "must be a number";
}

void TstCommandCatalog::validate()
{
    QFETCH(QString, type);
    QFETCH(QString, command);
    QFETCH(QVariantMap, values);
    QFETCH(QString, error);
    const CommandSpec *spec = m_catalog.find(type, command);
    QVERIFY(spec);
    QString why;
    const auto out = CommandCatalog::validate(*spec, values, &why);
    if (error.isEmpty()) {
        QVERIFY2(out.has_value(), qPrintable(why));
        QCOMPARE(out->size(), qsizetype(spec->parameters.size()));
    } else {
        QVERIFY(!out.has_value());
        QVERIFY2(why.contains(error), qPrintable(why));
    }
}

void TstCommandCatalog::effectNamesTheValue()
{
    const CommandSpec *spec = m_catalog.find(QStringLiteral("Motor"), QStringLiteral("set_speed"));
    QVERIFY(spec);
    const auto v = CommandCatalog::validate(*spec, {{QStringLiteral("speed"), 1200}}, nullptr);
    QVERIFY(v);
    QCOMPARE(v->value(QStringLiteral("speed")).toInteger(), 1200); // integers stay integers on the wire
    QCOMPARE(CommandCatalog::effectText(*spec, *v), QStringLiteral("Changes the speed set point to 1200 rpm."));
    QCOMPARE(CommandCatalog::valueText(spec->parameters.front(), v->value(QStringLiteral("speed"))), QStringLiteral("1200 rpm"));
}

void TstCommandCatalog::badConfiguration_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("not json") << QByteArray("{\"version\": 1,") << "not valid JSON";
    QTest::newRow("array") << QByteArray("[]") << "top level";
    QTest::newRow("version") << QByteArray("{\"version\": 2, \"asset_types\": {}}") << "version";
    QTest::newRow("no types") << QByteArray("{\"version\": 1}") << "asset_types";
    QTest::newRow("empty") << QByteArray("{\"version\": 1, \"asset_types\": {}}") << "no commands";
    QTest::newRow("bad name") << QByteArray("{\"version\":1,\"asset_types\":{\"Pump\":[{\"name\":\"st art\"}]}}")
                              << "asset type Pump, command 1";
    QTest::newRow("twice") << QByteArray("{\"version\":1,\"asset_types\":{\"Pump\":[{\"name\":\"a\"},{\"name\":\"a\"}]}}")
                           << "listed twice";
    QTest::newRow("min above max")
        << QByteArray("{\"version\":1,\"asset_types\":{\"Pump\":[{\"name\":\"s\",\"parameters\":[{\"name\":\"x\",\"min\":5,\"max\":1}]}]}}")
        << "parameter x: \"min\" must not be above \"max\"";
    QTest::newRow("no range")
        << QByteArray("{\"version\":1,\"asset_types\":{\"Pump\":[{\"name\":\"s\",\"parameters\":[{\"name\":\"x\"}]}]}}")
        << "needs \"min\" and \"max\"";
    QTest::newRow("default outside")
        << QByteArray("{\"version\":1,\"asset_types\":{\"Pump\":[{\"name\":\"s\",\"parameters\":[{\"name\":\"x\",\"min\":0,\"max\":1,\"default\":3}]}]}}")
        << "outside";
    QTest::newRow("bad type")
        << QByteArray("{\"version\":1,\"asset_types\":{\"Pump\":[{\"name\":\"s\",\"parameters\":[{\"name\":\"x\",\"type\":\"colour\"}]}]}}")
        << "\"type\" must be";
    QTest::newRow("empty choices")
        << QByteArray("{\"version\":1,\"asset_types\":{\"Pump\":[{\"name\":\"s\",\"parameters\":[{\"name\":\"x\",\"type\":\"choice\",\"choices\":[]}]}]}}")
        << "non-empty \"choices\"";
    QTest::newRow("timeout") << QByteArray("{\"version\":1,\"asset_types\":{\"Pump\":[{\"name\":\"s\",\"timeout_s\":0}]}}")
                             << "timeout_s";
}

void TstCommandCatalog::badConfiguration()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    CommandCatalog c = m_catalog;
    QString why;
    QVERIFY(!c.load(json, &why));
    QVERIFY2(why.contains(error), qPrintable(why));
    // The previous catalog stays in use.
    QVERIFY(c.find(QStringLiteral("Pump"), QStringLiteral("start")));
}

void TstCommandCatalog::unreadableFileSaysSo()
{
    QTemporaryDir dir;
    CommandCatalog c;
    QString why;
    QVERIFY(!c.loadFile(dir.filePath(QStringLiteral("missing.json")), &why));
    QVERIFY2(why.contains(QLatin1String("missing.json")), qPrintable(why));
}

QTEST_GUILESS_MAIN(TstCommandCatalog)
#include "tst_command_catalog.moc"
