// The topic browser's compact message table: columns an engineer reads, records
// that come back byte for byte (binary, null and empty keys and values, headers),
// one insert per batch, and bounds that drop the oldest rows visibly.

#include "message_table_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ndh;

namespace {
LogRecord rec(qint64 offset, std::optional<QByteArray> key, std::optional<QByteArray> payload, int partition = 0)
{
    LogRecord r;
    r.topic = QStringLiteral("ndh.assets.state.changed");
    r.partition = partition;
    r.offset = offset;
    r.tstype = LogRecord::TimestampType::Create;
    r.timestampMs = 1754216400000 + offset; // 2025-08-03T10:20:00Z
    r.broker = 1;
    r.key = std::move(key);
    r.payload = std::move(payload);
    return r;
}

RecordSummary pump()
{
    RecordSummary s;
    s.decoded = true;
    s.envelope = Envelope::Ndh;
    s.assetKey = QStringLiteral("plant-a/pump/P-101");
    s.eventType = QStringLiteral("attribute_changed");
    return s;
}
} // namespace

class TestMessageTableModel : public QObject
{
    Q_OBJECT
private slots:
    void showsColumnsAndGivesRecordsBack()
    {
        MessageTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        LogRecord withHeaders = rec(7, QByteArray("P-101"), QByteArray(R"({"asset_id":"P-101"})"));
        withHeaders.headers = {{"trace", QByteArray("abc")}, {"empty", QByteArray()}, {"nullvalue", std::nullopt}};
        const QByteArray binary("\x00\x01\xff\xfe<b>x</b>", 10);
        const std::vector<LogRecord> batch = {withHeaders, rec(8, std::nullopt, binary, 2),
                                              rec(9, QByteArray(), std::nullopt, 3),
                                              rec(10, QByteArray("\xff\x00k", 3), QByteArray())};
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.append(batch, {pump(), RecordSummary{}, RecordSummary{}, RecordSummary{}});
        QCOMPARE(inserted.count(), 1); // one insert for the whole batch
        QCOMPARE(model.rowCount(), 4);

        auto text = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(text(0, MessageTableModel::TimeColumn), QStringLiteral("2025-08-03 10:20:00.007"));
        QCOMPARE(text(0, MessageTableModel::TopicColumn), QStringLiteral("ndh.assets.state.changed"));
        QCOMPARE(model.index(0, MessageTableModel::OffsetColumn).data().toLongLong(), 7);
        QCOMPARE(text(0, MessageTableModel::KeyColumn), QStringLiteral("P-101"));
        QCOMPARE(text(0, MessageTableModel::EnvelopeColumn), QStringLiteral("ndh"));
        QCOMPARE(text(0, MessageTableModel::AssetColumn), QStringLiteral("P-101"));
        QCOMPARE(model.index(0, 0).data(MessageTableModel::AssetKeyRole).toString(), QStringLiteral("plant-a/pump/P-101"));
        QCOMPARE(text(0, MessageTableModel::EventTypeColumn), QStringLiteral("attribute_changed"));
        QCOMPARE(text(1, MessageTableModel::KeyColumn), QStringLiteral("(null)"));
        QCOMPARE(text(1, MessageTableModel::EnvelopeColumn), QStringLiteral("raw"));
        QCOMPARE(text(2, MessageTableModel::KeyColumn), QStringLiteral("(empty)"));
        QCOMPARE(text(2, MessageTableModel::EnvelopeColumn), QStringLiteral("tombstone"));
        QCOMPARE(text(2, MessageTableModel::SizeColumn), QStringLiteral("null"));
        QCOMPARE(text(3, MessageTableModel::KeyColumn), QStringLiteral("\\xff\\x00k")); // not UTF-8: escaped

        // Every record comes back exactly as it went in.
        for (int i = 0; i < 4; ++i)
            QCOMPARE(model.record(i), batch[size_t(i)]);
        QCOMPARE(*model.record(1).payload, binary);
    }

    void dropsOldestPastRowBoundAndSaysSo()
    {
        MessageTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLimits(100, qsizetype(1) << 30);
        QSignalSpy dropped(&model, &MessageTableModel::rowsDropped);
        for (int b = 0; b < 5; ++b) {
            std::vector<LogRecord> batch;
            for (int i = 0; i < 30; ++i)
                batch.push_back(rec(b * 30 + i, QByteArray("k"), QByteArray(100, 'x')));
            model.append(batch, {});
        }
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.droppedRows(), quint64(50));
        QVERIFY(!dropped.isEmpty());
        QCOMPARE(model.record(0).offset, 50); // the newest are kept
        QCOMPARE(model.record(99).offset, 149);
        QCOMPARE(*model.record(0).payload, QByteArray(100, 'x'));
    }

    void dropsOldestPastByteBound()
    {
        MessageTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLimits(1'000'000, 10 << 20); // 10 MB of values
        // 3 MB values: the byte blocks roll over and old ones are freed.
        for (int i = 0; i < 12; ++i)
            model.append({rec(i, QByteArray("k"), QByteArray(3 << 20, char('a' + i)))}, {});
        QVERIFY(model.storedBytes() <= (10 << 20));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.droppedRows(), quint64(9));
        QCOMPARE(model.record(2).payload->at(0), 'l');
        QVERIFY(model.residentBytes() < (30 << 20)); // freed blocks are gone
        // A single record larger than the bound is still kept (the newest).
        model.append({rec(99, std::nullopt, QByteArray(12 << 20, 'z'))}, {});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.record(0).offset, 99);
    }

    void clearStartsOver()
    {
        MessageTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLimits(2, 1 << 20);
        model.append({rec(1, {}, {}), rec(2, {}, {}), rec(3, {}, {})}, {});
        QCOMPARE(model.droppedRows(), quint64(1));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.droppedRows(), quint64(0));
        model.append({rec(4, QByteArray("a"), QByteArray("b"))}, {pump()});
        QCOMPARE(model.record(0).offset, 4);
        QCOMPARE(model.assetKey(0), QStringLiteral("plant-a/pump/P-101"));
    }

    void rowsStayCompact()
    {
        MessageTableModel model;
        std::vector<LogRecord> batch;
        for (int i = 0; i < 10000; ++i)
            batch.push_back(rec(i, QByteArray("P-101"), QByteArray(200, 'v')));
        model.append(batch, std::vector<RecordSummary>(batch.size(), pump()));
        // 64-byte row + the 205 bytes of key and value, rounded up to 4 MB blocks.
        const double perRow = double(model.residentBytes()) / model.rowCount();
        QVERIFY2(perRow < 64 + 205 + 4.5 * (1 << 20) / 10000, qPrintable(QString::number(perRow)));
    }
};

QTEST_GUILESS_MAIN(TestMessageTableModel)
#include "tst_message_table_model.moc"
