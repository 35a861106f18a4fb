// The "Topics" dock as an engineer sees it: the records in the list, the detail of
// a JSON and of a binary record (hex, never mangled), the kcat command, the cluster
// tree (internal topics hidden, filter), group lag with its trend, the bounded list
// saying what it dropped, clear errors for bad input, and re-publish only when
// allowed and only after a confirmation.

#include "message_detail_view.h"
#include "topic_browser_panel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace ndh;

namespace {

const QByteArray kJson = R"({"message_id":"m-1","message_type":"asset.state.changed","timestamp":"2025-08-03T10:30:00Z","source_orb":"orb","asset_id":"PUMP-1","asset_uuid":"u","asset_type":"Pump","location":"SITE","event_type":"attribute_changed","event_data":{"attribute":"flow","old_value":1,"new_value":250}})";
const QByteArray kBinary("\x00\x9f\x92\x96\xff\x01<b>", 10);

TopicScanBatchPtr batch(std::vector<LogRecord> records, quint64 scanned)
{
    auto b = std::make_shared<TopicScanBatch>();
    EnvelopeDecoder decoder;
    for (const LogRecord &r : records)
        b->summaries.push_back(summarizeRecord(decoder, r));
    b->records = std::move(records);
    b->scanned = scanned;
    b->matched = b->records.size();
    b->progress = 0.5;
    return b;
}

LogRecord record(qint64 offset, std::optional<QByteArray> payload, int partition = 2)
{
    LogRecord r;
    r.topic = QStringLiteral("ndh.assets.state.changed");
    r.partition = partition;
    r.offset = offset;
    r.tstype = LogRecord::TimestampType::Create;
    r.timestampMs = 1754217000000 + offset;
    r.broker = 1;
    r.key = QByteArray("PUMP-1");
    r.payload = std::move(payload);
    return r;
}

ClusterSnapshot cluster()
{
    ClusterSnapshot c;
    c.ok = true;
    c.takenMs = 1754217000000;
    c.brokers = {{1, QStringLiteral("127.0.0.1"), 9092}};
    TopicInfo a{QStringLiteral("ndh.assets.state.changed"), false, {{0, 1, 0, 10, {}}, {1, 1, 5, 25, {}}}, {}};
    TopicInfo b{QStringLiteral("drone-events"), false, {{0, 1, 0, 3, {}}}, {}};
    TopicInfo internal{QStringLiteral("__consumer_offsets"), true, {{0, 1, 0, 7, {}}}, {}};
    c.topics = {b, a, internal};
    return c;
}

QTreeWidgetItem *topLevel(QTreeWidget *tree, const QString &name)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == name)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestTopicBrowserPanel : public QObject
{
    Q_OBJECT
private slots:
    void showsRecordsAndTheirDetail()
    {
        TopicBrowserPanel panel;
        QAbstractItemModelTester tester(panel.messages(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.resize(1400, 800);
        panel.show();
        panel.setBootstrap(QStringLiteral("127.0.0.1:9092"));
        panel.setScanTopics({QStringLiteral("ndh.assets.state.changed")});
        QSignalSpy requested(&panel, &TopicBrowserPanel::scanRequested);
        panel.startScan();
        QCOMPARE(requested.count(), 1);
        panel.setScanStatus({0, TopicScanStatus::State::Scanning, {}, {}});
        panel.applyBatch(batch({record(16, kJson), record(17, kBinary), record(18, std::nullopt)}, 40));
        QCOMPARE(panel.messages()->rowCount(), 3);
        QVERIFY(panel.countsLabel()->text().contains(QStringLiteral("40 scanned")));
        QVERIFY(panel.countsLabel()->text().contains(QStringLiteral("3 matched")));
        QCOMPARE(panel.messages()->index(0, MessageTableModel::AssetColumn).data().toString(), QStringLiteral("PUMP-1"));
        QCOMPARE(panel.messages()->index(0, MessageTableModel::EventTypeColumn).data().toString(),
                 QStringLiteral("attribute_changed"));

        // A JSON record: pretty JSON, the envelope tree with the asset.
        panel.selectRow(0);
        MessageDetailView *detail = panel.detail();
        QVERIFY(detail->hasRecord());
        QVERIFY(detail->jsonText().contains(QStringLiteral("\"event_data\": {")));
        QVERIFY(detail->headerText().contains(QStringLiteral("ndh.assets.state.changed [2] @ 16")));
        QVERIFY(detail->headerText().contains(QStringLiteral("create time 2025-08-03T10:30:00.016Z")));
        const auto asset = detail->envelopeTree()->findItems(QStringLiteral("asset"), Qt::MatchExactly);
        QCOMPARE(asset.size(), 1);
        QCOMPARE(asset.front()->text(1), QStringLiteral("SITE/Pump/PUMP-1"));

        // A binary record: the hex view, byte for byte; the text view escapes, never '?'.
        panel.selectRow(1);
        QCOMPARE(detail->tabs()->currentIndex(), int(MessageDetailView::HexTab));
        QVERIFY2(detail->hexText().startsWith(QStringLiteral("00000000  00 9f 92 96 ff 01 3c 62  3e 00")),
                 qPrintable(detail->hexText()));
        QVERIFY(detail->rawText().contains(QStringLiteral("\\x9f\\x92\\x96\\xff\\x01<b>")));
        QVERIFY(!detail->rawText().contains(QChar(0xfffd)));

        // A tombstone says so.
        panel.selectRow(2);
        QVERIFY(detail->rawText().contains(QStringLiteral("tombstone")));
        QCOMPARE(panel.messages()->index(2, MessageTableModel::SizeColumn).data().toString(), QStringLiteral("null"));
    }

    void kcatCommandFetchesThisRecord()
    {
        TopicBrowserPanel panel;
        panel.setBootstrap(QStringLiteral("127.0.0.1:40123"));
        panel.applyBatch(batch({record(17, kJson)}, 1));
        QCOMPARE(panel.kcatCommandForRow(0),
                 QStringLiteral("kcat -C -b 127.0.0.1:40123 -t ndh.assets.state.changed -p 2 -o 17 -c 1 -J"));
        LogRecord odd = record(3, kJson);
        odd.topic = QStringLiteral("odd topic's name");
        QCOMPARE(panel.kcatCommand(odd), QStringLiteral("kcat -C -b 127.0.0.1:40123 -t 'odd topic'\\''s name' -p 2 -o 3 -c 1 -J"));
        panel.selectRow(0);
        panel.copyKcatCommand();
        QCOMPARE(QApplication::clipboard()->text(), panel.kcatCommandForRow(0));
    }

    void clusterTreeHidesInternalTopicsAndFilters()
    {
        TopicBrowserPanel panel;
        panel.setCluster(cluster());
        QTreeWidget *tree = panel.clusterTree();
        QCOMPARE(tree->topLevelItemCount(), 2);
        QVERIFY(!topLevel(tree, QStringLiteral("__consumer_offsets")));
        QTreeWidgetItem *a = topLevel(tree, QStringLiteral("ndh.assets.state.changed"));
        QVERIFY(a);
        QCOMPARE(a->childCount(), 2);
        QCOMPARE(a->text(2), QStringLiteral("30")); // 10 + 20 messages
        QCOMPARE(a->child(1)->text(3), QStringLiteral("5"));  // low
        QCOMPARE(a->child(1)->text(4), QStringLiteral("25")); // high
        QCOMPARE(a->child(1)->text(1), QStringLiteral("1"));  // leader
        // A partition's offsets: in its tooltip, and in two columns the header's menu shows.
        QCOMPARE(a->child(1)->toolTip(0), QStringLiteral("Offsets 5 to 24")); // 25 is the next record's
        QHeaderView *header = tree->header();
        QVERIFY(header->isSectionHidden(3) && header->isSectionHidden(4));
        QAction *lowToggle = nullptr;
        for (QAction *action : header->actions()) {
            if (action->isCheckable() && action->data() == QVariant(3))
                lowToggle = action;
        }
        QVERIFY(lowToggle && !lowToggle->isChecked());
        QCOMPARE(lowToggle->text(), QStringLiteral("Low"));
        lowToggle->setChecked(true);
        QVERIFY(!header->isSectionHidden(3));
        panel.showInternalBox()->setChecked(true);
        QVERIFY(topLevel(tree, QStringLiteral("__consumer_offsets")));
        panel.topicFilterEdit()->setText(QStringLiteral("drone"));
        QCOMPARE(tree->topLevelItemCount(), 1);
        // A refresh keeps the selection; selecting a partition sets the scan to it.
        panel.topicFilterEdit()->clear();
        tree->setCurrentItem(topLevel(tree, QStringLiteral("ndh.assets.state.changed"))->child(1));
        panel.setCluster(cluster());
        QCOMPARE(tree->currentItem()->text(0), QStringLiteral("partition 1"));
        QCOMPARE(panel.scanTopics(), QStringList{QStringLiteral("ndh.assets.state.changed")});
        QString error;
        QCOMPARE(panel.requestFromControls(&error)->partition, 1);
        // Unreachable: the last good view stays, the reason shows.
        ClusterSnapshot down;
        down.error = QStringLiteral("Cannot reach Kafka at 127.0.0.1:9092: connection refused");
        panel.setCluster(down);
        QCOMPARE(tree->topLevelItemCount(), 3);
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("brokersLabel"))->text().contains(QStringLiteral("Cannot reach Kafka")));
        // An empty partition, and one whose metadata failed: the tooltip says what is known.
        ClusterSnapshot odd = cluster();
        odd.topics[0].partitions.push_back({1, 1, 4, 4, {}});
        odd.topics[0].partitions.push_back({2, -1, -1, -1, QStringLiteral("Leader not available")});
        panel.setCluster(odd);
        QTreeWidgetItem *drone = topLevel(tree, QStringLiteral("drone-events"));
        QVERIFY(drone && drone->childCount() == 3);
        QCOMPARE(drone->child(1)->toolTip(0), QStringLiteral("No records; the next gets offset 4"));
        QCOMPARE(drone->child(2)->toolTip(0), QStringLiteral("Leader not available"));
    }

    // The names are what an engineer reads: the topic column of the cluster tree
    // keeps most of its width (it was squeezed to "ndh.asse…" by four columns of
    // counts) and the counts are in view beside it (the list was a quarter of the
    // dock and scrolled sideways), and the message list fills its view with every
    // header whole.
    void columnsLeaveTheNamesRoom()
    {
        TopicBrowserPanel panel;
        panel.resize(1100, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setCluster(cluster());
        QHeaderView *names = panel.clusterTree()->header();
        QVERIFY(names->sectionSize(0) >= 160);
        for (int c = 1; c < names->count(); ++c)
            QVERIFY(names->isSectionHidden(c) || names->sectionSize(0) > names->sectionSize(c));
        // Names, partitions and counts side by side, without scrolling sideways.
        QVERIFY(!names->isSectionHidden(1) && !names->isSectionHidden(2));
        QCoreApplication::processEvents();
        QVERIFY(names->length() <= panel.clusterTree()->viewport()->width());
        QCOMPARE(panel.clusterTree()->horizontalScrollBar()->maximum(), 0);
        // The header's menu: the column toggles, then "Fit columns to the view".
        const QList<QAction *> menu = names->actions();
        QVERIFY(menu.size() >= 2);
        QCOMPARE(menu.last()->objectName(), QStringLiteral("fitColumnsAction"));
        QVERIFY(menu.at(menu.size() - 2)->isSeparator());

        QTableView *table = panel.table();
        QHeaderView *h = table->horizontalHeader();
        int sum = 0;
        for (int c = 0; c < h->count(); ++c) {
            sum += h->sectionSize(c);
            const QString label = table->model()->headerData(c, Qt::Horizontal).toString();
            QVERIFY2(h->sectionSize(c) > h->fontMetrics().horizontalAdvance(label), qPrintable(label));
        }
        QVERIFY(sum >= table->viewport()->width());
        QVERIFY(h->sectionSize(MessageTableModel::TopicColumn) >= 150);
    }

    void groupLagWithTrend()
    {
        TopicBrowserPanel panel;
        QSignalSpy watched(&panel, &TopicBrowserPanel::watchedGroupsChanged);
        auto *edit = panel.findChild<QLineEdit *>(QStringLiteral("watchGroupEdit"));
        edit->setText(QStringLiteral("billing"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(watched.count(), 1);
        QCOMPARE(watched.first().first().toStringList(), QStringList{QStringLiteral("billing")});
        for (qint64 lag : {5, 12}) {
            ConsumerGroupsSnapshot s;
            ConsumerGroupInfo g;
            g.group = QStringLiteral("billing");
            g.state = QStringLiteral("Stable");
            g.members = {{QStringLiteral("m-1"), QStringLiteral("billing-1"), QStringLiteral("/10.0.0.7"), {}}};
            g.partitions = {{QStringLiteral("ndh.assets.state.changed"), 0, 100 - lag, 100, lag, 90'000}};
            s.groups = {g};
            panel.setGroups(s);
        }
        QTreeWidget *tree = panel.groupTree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem *g = tree->topLevelItem(0);
        QCOMPARE(g->text(4), QStringLiteral("12"));
        QCOMPARE(g->text(5), QStringLiteral("90 s"));
        QVERIFY(g->text(1).startsWith(QStringLiteral("Stable")));
        QVERIFY(g->text(1).contains(QStringLiteral("1 member")));
        QCOMPARE(g->child(1)->text(0), QStringLiteral("ndh.assets.state.changed [0]"));
        QCOMPARE(g->child(1)->text(2), QStringLiteral("88"));
        auto *trend = panel.findChild<QWidget *>(QStringLiteral("lagTrend"));
        QVERIFY(trend);
    }

    void boundedListSaysWhatItDropped()
    {
        TopicBrowserPanel panel;
        panel.messages()->setLimits(5, 1 << 20);
        std::vector<LogRecord> many;
        for (int i = 0; i < 12; ++i)
            many.push_back(record(i, kJson));
        panel.applyBatch(batch(many, 12));
        QCOMPARE(panel.messages()->rowCount(), 5);
        QVERIFY2(panel.countsLabel()->text().contains(QStringLiteral("7 older rows dropped out")),
                 qPrintable(panel.countsLabel()->text()));
        QVERIFY(panel.countsLabel()->text().contains(QStringLiteral("at most 5 rows")));
    }

    void badInputIsAClearError()
    {
        TopicBrowserPanel panel;
        QSignalSpy requested(&panel, &TopicBrowserPanel::scanRequested);
        panel.startScan();
        QCOMPARE(requested.count(), 0);
        auto *error = panel.findChild<QLabel *>(QStringLiteral("scanError"));
        QVERIFY(error->text().contains(QStringLiteral("Choose the topics")));
        panel.setScanTopics({QStringLiteral("t")});
        panel.setFilter({{}, {}, {}, {}, QStringLiteral("event_data.new_value >")});
        panel.startScan();
        QCOMPARE(requested.count(), 0);
        QCOMPARE(error->text(), QStringLiteral("JSON field test, column 23: expected a value after '>'"));
        panel.setFilter({});
        panel.setStart(TopicScanRequest::Start::Timestamp, QStringLiteral("yesterday-ish"));
        panel.startScan();
        QVERIFY(error->text().contains(QStringLiteral("must be a time")));
        panel.setStart(TopicScanRequest::Start::Timestamp, QStringLiteral("2025-08-03T10:30:00Z"));
        panel.setStop(TopicScanRequest::Stop::Count, QStringLiteral("50"));
        panel.startScan();
        QCOMPARE(requested.count(), 1);
        const auto r = requested.first().first().value<TopicScanRequest>();
        QCOMPARE(r.startTimeMs, 1754217000000);
        QCOMPARE(r.stopCount, 50);
        // Offline, an opened log does not grow.
        panel.setOfflineTopics({{QStringLiteral("t"), 3}});
        panel.setStart(TopicScanRequest::Start::End);
        panel.startScan();
        QVERIFY(error->text().contains(QStringLiteral("does not grow")));
    }

    void republishOnlyWhenAllowedAndConfirmed()
    {
        TopicBrowserPanel panel;
        panel.show();
        panel.setCluster(cluster());
        panel.applyBatch(batch({record(5, kJson)}, 1));
        panel.selectRow(0);
        QVERIFY(!panel.republishButton()->isEnabled());
        QCOMPARE(panel.republishButton()->toolTip(), QStringLiteral("Re-publishing needs the engineer role."));
        panel.setRepublishAllowed(true, {});
        QVERIFY(panel.republishButton()->isEnabled());
        QSignalSpy republished(&panel, &TopicBrowserPanel::republishRequested);
        // Edit the target topic, press Publish, then confirm.
        bool confirmed = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = panel.findChild<QDialog *>(QStringLiteral("republishDialog"));
            QVERIFY(dialog);
            dialog->findChild<QComboBox *>(QStringLiteral("republishTopic"))->setCurrentText(QStringLiteral("drone-events"));
            QTimer::singleShot(0, this, [&] {
                for (QWidget *w : QApplication::topLevelWidgets()) {
                    if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()) {
                        QVERIFY(box->text().contains(QStringLiteral("drone-events")));
                        confirmed = true;
                        box->button(QMessageBox::Yes)->click();
                    }
                }
            });
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        });
        panel.republishCurrent();
        QVERIFY(confirmed);
        QCOMPARE(republished.count(), 1);
        QCOMPARE(republished.first().at(0).toString(), QStringLiteral("drone-events"));
        QCOMPARE(republished.first().at(1).toByteArray(), QByteArray("PUMP-1"));
        QCOMPARE(republished.first().at(2).toByteArray(), kJson); // unedited: the original bytes
    }

    void republishKeepsBinaryPayloadAndHeaders()
    {
        // A payload that is not UTF-8 cannot live in the text editor: unedited, the
        // original bytes go out, and so do the record's headers (binary values too).
        TopicBrowserPanel panel;
        panel.show();
        panel.setCluster(cluster());
        LogRecord binary = record(6, QByteArray("\xff\x00\xfe binary", 10));
        binary.headers = {{"trace", QByteArray("t-1")}, {"raw", QByteArray("\x00\xff", 2)}, {"none", std::nullopt}};
        panel.applyBatch(batch({binary}, 1));
        panel.selectRow(0);
        panel.setRepublishAllowed(true, {});
        QByteArray sentPayload;
        std::vector<LogHeader> sentHeaders;
        connect(&panel, &TopicBrowserPanel::republishRequested, this,
                [&](const QString &, const QByteArray &, const QByteArray &payload, const std::vector<LogHeader> &headers) {
                    sentPayload = payload;
                    sentHeaders = headers;
                });
        QString note;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = panel.findChild<QDialog *>(QStringLiteral("republishDialog"));
            QVERIFY(dialog);
            for (QLabel *label : dialog->findChildren<QLabel *>())
                note += label->text();
            QTimer::singleShot(0, this, [&] {
                for (QWidget *w : QApplication::topLevelWidgets()) {
                    if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible())
                        box->button(QMessageBox::Yes)->click();
                }
            });
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        });
        panel.republishCurrent();
        QVERIFY2(note.contains(QStringLiteral("3 header(s) are re-sent unchanged")), qPrintable(note));
        QCOMPARE(sentPayload, *binary.payload);
        QVERIFY(sentHeaders == binary.headers);
    }
};

QTEST_MAIN(TestTopicBrowserPanel)
#include "tst_topic_browser_panel.moc"
