// Records that failed to decode, as the integration engineer inspects them: listed
// with reason and source, raw bytes as plain text and hex, copyable.

#include "dead_letter_model.h"
#include "dead_letter_view.h"
#include "envelope_decoder.h"
#include "plain_text_tooltips.h"
#include "plant_models.h"
#include "ui_test_plant.h"

#include <QApplication>
#include <QClipboard>
#include <QHelpEvent>
#include <QLabel>
#include <QMimeData>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QToolTip>

using namespace ndh;
using namespace ndhtest;

class TestDeadLetterView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void deadLettersAreListedWithDetail()
    {
        PlantModels models;
        DeadLetterView view(models.deadLetters());
        view.resize(1000, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.isShowingEmptyState());
        QVERIFY(view.summaryText().contains(QStringLiteral("No records")));

        const QByteArray broken = R"({"message_id": "m1", "asset_id": )";
        QByteArray hostile = "<b>bold</b><img src=x>\x01";
        hostile.append('\0').append("tail");
        models.applyBatch(batch({}, {deadLetter(broken, QStringLiteral("JSON parse error at byte 33"),
                                                QStringLiteral("ndh.assets.state.changed"), 2, 1234),
                                     deadLetter(hostile, QStringLiteral("not JSON"), QStringLiteral("drone-events"), 0, 7)}));

        QVERIFY(!view.isShowingEmptyState());
        QTableView *table = view.tableView();
        QCOMPARE(table->model()->rowCount(), 2);
        const auto text = [table](int row, int column) { return table->model()->index(row, column).data().toString(); };
        QCOMPARE(text(0, DeadLetterModel::SourceColumn), QStringLiteral("ndh.assets.state.changed"));
        QCOMPARE(text(0, DeadLetterModel::PartitionColumn), QStringLiteral("2"));
        QCOMPARE(text(0, DeadLetterModel::OffsetColumn), QStringLiteral("1234"));
        QCOMPARE(text(0, DeadLetterModel::SizeColumn), QString::number(broken.size()));
        QCOMPARE(text(0, DeadLetterModel::ReasonColumn), QStringLiteral("JSON parse error at byte 33"));
        QVERIFY(view.summaryText().contains(QStringLiteral("2 records")));

        // Newest is shown without a click.
        QVERIFY(view.detailText().contains(QStringLiteral("Reason: not JSON")));

        view.selectRow(0);
        QCOMPARE(view.rawText(), QString::fromUtf8(broken));
        QVERIFY(view.detailText().contains(QStringLiteral("Reason: JSON parse error at byte 33")));
        QVERIFY(view.detailText().contains(QStringLiteral("partition 2, offset 1234")));
        QVERIFY(view.hexText().startsWith(QStringLiteral("00000000  7b 22 6d 65 73 73 61 67  65 5f 69 64 22 3a 20 22 |{\"message_id\": \"|")));

        // Markup in a payload stays text; NUL does not cut it short.
        view.selectRow(1);
        QVERIFY(view.rawText().startsWith(QStringLiteral("<b>bold</b><img src=x>")));
        QVERIFY(view.rawText().endsWith(QStringLiteral("tail")));
        QVERIFY(view.hexText().contains(QStringLiteral("01 00")));

        view.copyRaw();
        const QMimeData *copied = QApplication::clipboard()->mimeData();
        QVERIFY(copied);
        QCOMPARE(copied->data(QStringLiteral("application/octet-stream")), hostile);
    }

    void hexDumpFormat()
    {
        QByteArray bytes;
        for (int i = 0; i < 20; ++i)
            bytes.append(char(0x41 + i));
        bytes.append('\n');
        const QStringList lines = DeadLetterView::hexDump(bytes).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0), QStringLiteral("00000000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50 |ABCDEFGHIJKLMNOP|"));
        QCOMPARE(lines.at(1), QStringLiteral("00000010  51 52 53 54 0a                                   |QRST.|"));

        const QString cut = DeadLetterView::hexDump(QByteArray(100, 'x'), 32);
        QCOMPARE(cut.count(u'\n'), 3);
        QVERIFY(cut.contains(QStringLiteral("68 more bytes not shown")));
    }

    void tooltipQuotingThePayloadIsShownLiterally()
    {
        // A reason quotes the payload; Qt would render its tooltip as HTML (docs/SECURITY.md).
        const QByteArray payload = R"({"asset_id":"P","timestamp":"<b>x</b><img src=y>","event_data":{}})";
        std::vector<PlantEvent> events;
        std::vector<DeadLetter> dead;
        EventSource source;
        source.topic = QStringLiteral("ndh.assets.state.changed");
        QVERIFY(!EnvelopeDecoder().decodeOrDeadLetter(payload, {}, source, events, dead, 1));
        QVERIFY2(dead.at(0).reason.contains(u"<b>x</b><img src=y>"), qPrintable(dead.at(0).reason));
        PlantModels models;
        models.applyBatch(batch({}, dead));
        DeadLetterView view(models.deadLetters());
        view.resize(1000, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        PlainTextToolTips::install();

        QTableView *table = view.tableView();
        const QRect cell = table->visualRect(table->model()->index(0, DeadLetterModel::ReasonColumn));
        QHelpEvent help(QEvent::ToolTip, cell.center(), table->viewport()->mapToGlobal(cell.center()));
        QApplication::sendEvent(table->viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QLabel *tip = nullptr;
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (w->objectName() == u"qtooltip_label" && w->isVisible())
                tip = qobject_cast<QLabel *>(w);
        }
        QVERIFY(tip);
        // What the operator reads: the label's text as Qt renders it.
        QTextDocument shown;
        if (tip->textFormat() == Qt::RichText || (tip->textFormat() == Qt::AutoText && Qt::mightBeRichText(tip->text())))
            shown.setHtml(tip->text());
        else
            shown.setPlainText(tip->text());
        QVERIFY2(shown.toPlainText().contains(u"\"<b>x</b><img src=y>\""), qPrintable(shown.toPlainText()));
        QToolTip::hideText();
    }
};

QTEST_MAIN(TestDeadLetterView)
#include "tst_dead_letter_view.moc"
