// Records that failed to decode stay visible with their reason and raw bytes, the
// view is bounded, and the total count keeps counting past the bound.

#include "dead_letter_model.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace ndh;

namespace {
DeadLetter letter(qint64 offset, QByteArray payload = "{bad")
{
    DeadLetter d;
    d.payload = payload;
    d.payloadSize = payload.size();
    d.reason = QStringLiteral("invalid JSON");
    d.source.topic = QStringLiteral("ndh.assets.state.changed");
    d.source.partition = 1;
    d.source.offset = offset;
    return d;
}
} // namespace

class TestDeadLetterModel : public QObject
{
    Q_OBJECT
private slots:
    void showsReasonAndRawBytes()
    {
        DeadLetterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append({letter(41, QByteArray("\x01\x02<b>bold</b>", 13))});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, DeadLetterModel::ReasonColumn).data().toString(), QStringLiteral("invalid JSON"));
        QCOMPARE(model.index(0, DeadLetterModel::OffsetColumn).data().toLongLong(), 41);
        QCOMPARE(model.index(0, DeadLetterModel::SourceColumn).data().toString(),
                 QStringLiteral("ndh.assets.state.changed"));
        QCOMPARE(model.index(0, 0).data(DeadLetterModel::PayloadRole).toByteArray(),
                 QByteArray("\x01\x02<b>bold</b>", 13));
        // Control bytes are made visible in the one-line preview, markup stays literal text.
        QCOMPARE(model.index(0, DeadLetterModel::PreviewColumn).data().toString(), QStringLiteral("··<b>bold</b>"));
    }

    void boundedButCounted()
    {
        DeadLetterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<DeadLetter> burst;
        for (int i = 0; i < DeadLetterModel::kMaxRows + 250; ++i)
            burst.push_back(letter(i));
        model.append(burst);
        model.append({letter(999999)});
        QCOMPARE(model.rowCount(), DeadLetterModel::kMaxRows);
        QCOMPARE(model.totalCount(), quint64(DeadLetterModel::kMaxRows + 251));
        // The newest are kept.
        QCOMPARE(model.letterAt(model.rowCount() - 1).source.offset, 999999);
        QCOMPARE(model.letterAt(0).source.offset, 251);
    }
};

QTEST_GUILESS_MAIN(TestDeadLetterModel)
#include "tst_dead_letter_model.moc"
