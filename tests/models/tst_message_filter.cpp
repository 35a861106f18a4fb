// The topic browser's filters as a scan applies them: key, asset, event type, text
// and a JSON field test together; binary and null payloads never crash a test.

#include "message_filter.h"

#include <QTest>

using namespace ndh;

Q_DECLARE_METATYPE(ndh::MessageFilterSpec)

namespace {
LogRecord record(std::optional<QByteArray> key, std::optional<QByteArray> payload)
{
    LogRecord r;
    r.topic = QStringLiteral("ndh.assets.state.changed");
    r.partition = 0;
    r.offset = 1;
    r.key = std::move(key);
    r.payload = std::move(payload);
    return r;
}
const QByteArray kPump = R"({"message_id":"m1","message_type":"event","timestamp":"2025-08-03T10:30:00Z",
"source_orb":"orb-1","asset_id":"P-101","asset_uuid":"u","asset_type":"pump","location":"plant-a",
"event_type":"attribute_changed","event_data":{"attribute":"temperature","old_value":95,"new_value":104.5}})";
} // namespace

class TestMessageFilter : public QObject
{
    Q_OBJECT
private slots:
    void summaryNamesEnvelopeAssetAndType()
    {
        EnvelopeDecoder decoder;
        const RecordSummary s = summarizeRecord(decoder, record(QByteArray("P-101"), kPump));
        QVERIFY(s.decoded);
        QCOMPARE(s.envelope, Envelope::Ndh);
        QCOMPARE(s.assetKey, QStringLiteral("plant-a/pump/P-101"));
        QCOMPARE(s.eventType, QStringLiteral("attribute_changed"));
        const RecordSummary binary = summarizeRecord(decoder, record(std::nullopt, QByteArray("\x00\xff", 2)));
        QVERIFY(!binary.decoded);
        QVERIFY(!binary.reason.isEmpty());
        QVERIFY(!summarizeRecord(decoder, record(std::nullopt, std::nullopt)).decoded);
    }

    void filters_data()
    {
        QTest::addColumn<MessageFilterSpec>("spec");
        QTest::addColumn<bool>("pump");
        QTest::addColumn<bool>("binary");
        QTest::newRow("nothing") << MessageFilterSpec{} << true << true;
        QTest::newRow("key") << MessageFilterSpec{QStringLiteral("p-1"), {}, {}, {}, {}} << true << false;
        QTest::newRow("asset") << MessageFilterSpec{{}, QStringLiteral("pump/P-101"), {}, {}, {}} << true << false;
        QTest::newRow("event type") << MessageFilterSpec{{}, {}, QStringLiteral("changed"), {}, {}} << true << false;
        QTest::newRow("text") << MessageFilterSpec{{}, {}, {}, QStringLiteral("TEMPERATURE"), {}} << true << false;
        QTest::newRow("text in binary") << MessageFilterSpec{{}, {}, {}, QStringLiteral("\u00ff"), {}} << false << false;
        QTest::newRow("field test") << MessageFilterSpec{{}, {}, {}, {}, QStringLiteral("event_data.new_value > 100")}
                                    << true << false;
        QTest::newRow("field test fails") << MessageFilterSpec{{}, {}, {}, {}, QStringLiteral("event_data.new_value > 200")}
                                          << false << false;
        QTest::newRow("all together") << MessageFilterSpec{QStringLiteral("P-101"), QStringLiteral("plant-a"),
                                                           QStringLiteral("attribute"), QStringLiteral("new_value"),
                                                           QStringLiteral("asset_type == pump")}
                                      << true << false;
    }
    void filters()
    {
        QFETCH(MessageFilterSpec, spec);
        QFETCH(bool, pump);
        QFETCH(bool, binary);
        QString error;
        const auto filter = MessageFilter::compile(spec, &error);
        QVERIFY2(filter, qPrintable(error));
        EnvelopeDecoder decoder;
        const LogRecord a = record(QByteArray("P-101"), kPump);
        const LogRecord b = record(std::nullopt, QByteArray("\x00\xff\x01", 3));
        QCOMPARE(filter->matches(a, summarizeRecord(decoder, a)), pump);
        QCOMPARE(filter->matches(b, summarizeRecord(decoder, b)), binary);
    }

    void badExpressionIsAClearError()
    {
        QString error;
        QVERIFY(!MessageFilter::compile({{}, {}, {}, {}, QStringLiteral("event_data.new_value >")}, &error));
        QCOMPARE(error, QStringLiteral("JSON field test, column 23: expected a value after '>'"));
    }

    void byteSearchIsCaseInsensitive()
    {
        QVERIFY(containsBytesCaseInsensitive("Hello World", "world"));
        QVERIFY(containsBytesCaseInsensitive("xxWORLDxx", "world"));
        QVERIFY(!containsBytesCaseInsensitive("worl", "world"));
        QVERIFY(containsBytesCaseInsensitive(QByteArray("\x00\x01wOrLd", 7), "world"));
        QVERIFY(containsBytesCaseInsensitive("anything", ""));
    }
};

QTEST_GUILESS_MAIN(TestMessageFilter)
#include "tst_message_filter.moc"
