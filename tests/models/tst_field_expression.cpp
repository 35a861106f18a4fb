// The JSON field test an engineer types in the topic browser: what matches, what
// does not, and the errors a bad expression gets (data-driven, given/when/then).

#include "field_expression.h"

#include <QTest>

using namespace ndh;

namespace {
const QByteArray kChange = R"({"asset_id":"P-101","asset_type":"pump","event_type":"attribute_changed",
"event_data":{"attribute":"Temperature","old_value":95,"new_value":104.5,"unit":"degC","raw":"120"},
"tags":["a","b"],"items":[{"id":7},{"id":8}],"active":true,"note":null})";
} // namespace

class TestFieldExpression : public QObject
{
    Q_OBJECT
private slots:
    void matches_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<bool>("expected");
        QTest::newRow("number greater") << "event_data.new_value > 100" << true;
        QTest::newRow("number not greater") << "event_data.old_value > 100" << false;
        QTest::newRow("no spaces") << "event_data.new_value>=104.5" << true;
        QTest::newRow("less or equal") << "event_data.new_value <= 104" << false;
        QTest::newRow("numeric string compares as number") << "event_data.raw > 99" << true;
        QTest::newRow("negative number") << "event_data.old_value > -3.5" << true;
        QTest::newRow("string equals, quoted") << "asset_type == \"pump\"" << true;
        QTest::newRow("string equals, bare word") << "asset_type = pump" << true;
        QTest::newRow("string differs") << "asset_type != pump" << false;
        QTest::newRow("contains, case-insensitive") << "event_data.attribute ~ temp" << true;
        QTest::newRow("contains in a number") << "event_data.new_value ~ 104" << true;
        QTest::newRow("and") << "asset_type == pump and event_data.new_value > 100" << true;
        QTest::newRow("and fails") << "asset_type == pump && event_data.new_value > 200" << false;
        QTest::newRow("or") << "asset_type == motor or event_data.new_value > 100" << true;
        QTest::newRow("not") << "not asset_type == motor" << true;
        QTest::newRow("parentheses") << "(asset_type == motor || asset_type == pump) and active" << true;
        QTest::newRow("bare path is truthy") << "active" << true;
        QTest::newRow("null is not truthy") << "note" << false;
        QTest::newRow("== null") << "note == null" << true;
        QTest::newRow("bool") << "active == true" << true;
        QTest::newRow("missing field fails ==") << "event_data.missing == 1" << false;
        QTest::newRow("missing field passes !=") << "event_data.missing != 1" << true;
        QTest::newRow("missing field fails >") << "nothing.here > 0" << false;
        QTest::newRow("array index") << "items[1].id == 8" << true;
        QTest::newRow("array index out of range") << "items[5].id == 8" << false;
        QTest::newRow("array element contains") << "tags ~ \"b\"" << true;
        QTest::newRow("quoted field name") << "\"asset_id\" == 'P-101'" << true;
        QTest::newRow("escaped quote") << "asset_id != \"P\\\"101\"" << true;
        QTest::newRow("keyword case") << "asset_type == pump AND NOT active == false" << true;
    }
    void matches()
    {
        QFETCH(QString, expression);
        QFETCH(bool, expected);
        FieldExpression::Error error;
        const auto e = FieldExpression::parse(expression, &error);
        QVERIFY2(e, qPrintable(error.toString()));
        QCOMPARE(e->matches(kChange), expected);
    }

    void notJsonNeverMatches()
    {
        const auto e = FieldExpression::parse(QStringLiteral("a != 1"));
        QVERIFY(e);
        QVERIFY(!e->matches(QByteArray("\x00\xff\x10 binary", 10)));
        QVERIFY(!e->matches(QByteArray()));
        QVERIFY(e->matches(R"({"a":2})"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("words");
        QTest::newRow("empty") << "   " << 1 << "empty";
        QTest::newRow("value missing") << "event_data.new_value >" << 23 << "expected a value after '>'";
        QTest::newRow("field missing") << "> 100" << 1 << "expected a field name";
        QTest::newRow("dangling dot") << "event_data. > 1" << 13 << "expected a field name after '.'";
        QTest::newRow("unclosed paren") << "(a == 1" << 8 << "expected ')'";
        QTest::newRow("unclosed string") << "a == \"pump" << 6 << "no closing";
        QTest::newRow("bad index") << "items[x] == 1" << 7 << "array index";
        QTest::newRow("stray character") << "a == 1 # comment" << 8 << "unexpected character '#'";
        QTest::newRow("order on bool") << "active > true" << 10 << "compares numbers or text";
        QTest::newRow("trailing junk") << "a == 1 b" << 8 << "unexpected 'b'";
        QTest::newRow("and without right side") << "a == 1 and" << 11 << "expected a field name";
    }
    void errors()
    {
        QFETCH(QString, expression);
        QFETCH(int, column);
        QFETCH(QString, words);
        FieldExpression::Error error;
        QVERIFY(!FieldExpression::parse(expression, &error));
        QVERIFY2(error.message.contains(words), qPrintable(error.toString()));
        QCOMPARE(error.column, column);
        QVERIFY(error.toString().startsWith(QStringLiteral("column %1: ").arg(column)));
    }

    void boundedSize()
    {
        QStringList terms;
        for (int i = 0; i <= FieldExpression::kMaxTerms; ++i)
            terms << QStringLiteral("a == %1").arg(i);
        FieldExpression::Error error;
        QVERIFY(!FieldExpression::parse(terms.join(QStringLiteral(" or ")), &error));
        QVERIFY(error.message.contains(QStringLiteral("more than")));
        const QString deep = QString(FieldExpression::kMaxDepth + 2, u'(') + QStringLiteral("a") +
                             QString(FieldExpression::kMaxDepth + 2, u')');
        QVERIFY(!FieldExpression::parse(deep, &error));
        QVERIFY(error.message.contains(QStringLiteral("nested deeper")));
    }
};

QTEST_GUILESS_MAIN(TestFieldExpression)
#include "tst_field_expression.moc"
