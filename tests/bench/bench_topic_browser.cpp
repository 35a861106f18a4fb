// Topic browser (issue 5): how fast a scan with a filter reads a topic from the
// embedded broker, against kcat reading the same topic in the same run
// (`kcat -C -e -o beginning -q`, output to /dev/null); and the message list's cost:
// resident bytes per row, the time to apply a 10,000-row batch and to scroll to a
// random row of a million, against QStandardItemModel (an item per cell) as the peer.
//
//   bench_topic_browser [RECORDS=400000] [ROWS=1000000]

#include "bench_support.h"
#include "embedded_broker.h"
#include "kafka_test_support.h"
#include "message_table_model.h"
#include "topic_browser_backend.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QProcess>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>

#include <cstdio>

using namespace ndh;

namespace {

struct ScanFigures
{
    double seconds = 0;
    quint64 scanned = 0;
    quint64 matched = 0;
    int batches = 0;
    qsizetype undecoded = 0; // rows in the list whose envelope columns wait to be shown
    QString status;
};

// Batches go into a MessageTableModel on this (the GUI) thread, as the Topics dock
// applies them.
ScanFigures scan(TopicBrowserBackend &backend, const TopicScanRequest &request)
{
    ScanFigures f;
    QEventLoop loop;
    QElapsedTimer clock;
    MessageTableModel model;
    const auto a = QObject::connect(&backend, &TopicBrowserBackend::scanBatch, &loop, [&](const TopicScanBatchPtr &b) {
        model.append(b->rows(), b->rowSummaries());
        f.scanned = b->scanned;
        f.matched = b->matched;
        ++f.batches;
    });
    const auto s = QObject::connect(&backend, &TopicBrowserBackend::scanStatus, &loop, [&](const TopicScanStatus &st) {
        if (st.state == TopicScanStatus::State::Finished || st.state == TopicScanStatus::State::Failed) {
            f.seconds = double(clock.nsecsElapsed()) / 1e9;
            f.status = st.message;
            QTimer::singleShot(0, &loop, &QEventLoop::quit); // the last batch is queued before the status
        }
    });
    clock.start();
    backend.startScan(request);
    loop.exec();
    f.undecoded = model.undecodedRows();
    QObject::disconnect(a);
    QObject::disconnect(s);
    return f;
}

std::vector<LogRecord> records(int n, quint64 first)
{
    ndhbench::NdhFeed feed;
    std::vector<LogRecord> out;
    out.reserve(size_t(n));
    const qint64 t0 = 1754217000000;
    for (int i = 0; i < n; ++i) {
        const quint64 seq = first + quint64(i);
        LogRecord r;
        r.topic = QStringLiteral("ndh.assets.state.changed");
        r.partition = int(seq % 8);
        r.offset = qint64(seq / 8);
        r.tstype = LogRecord::TimestampType::Create;
        r.timestampMs = t0 + qint64(seq);
        r.broker = 1;
        r.key = feed.assetId(seq);
        r.payload = feed.payload(seq, r.timestampMs);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<RecordSummary> summaries(const std::vector<LogRecord> &rs)
{
    EnvelopeDecoder decoder;
    std::vector<RecordSummary> out;
    out.reserve(rs.size());
    for (const LogRecord &r : rs)
        out.push_back(summarizeRecord(decoder, r));
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int total = argc > 1 ? QByteArray(argv[1]).toInt() : 400000;
    const int rows = argc > 2 ? QByteArray(argv[2]).toInt() : 1000000;
    ndhbench::printMachine();

    // --- scan rate against kcat ---
    EmbeddedBroker broker;
    const QString topic = QStringLiteral("bench.browse");
    if (!broker.start(32, 1, {topic})) { // the mock keeps ~5 MB per partition
        std::fprintf(stderr, "broker: %s\n", qPrintable(broker.error()));
        return 1;
    }
    {
        ndhbench::Producer producer(broker.bootstrap(), 20);
        ndhbench::NdhFeed feed;
        const qint64 now = QDateTime::currentMSecsSinceEpoch() - total;
        for (int i = 0; i < total; ++i)
            producer.produce(topic.toUtf8(), feed.assetId(quint64(i)), feed.payload(quint64(i), now + i));
        producer.flush();
    }
    std::printf("topic %s: %d records of ~300 bytes produced into 32 partitions\n", qPrintable(topic), total);

    ConsumerConfig config;
    config.bootstrap = broker.bootstrap();
    TopicBrowserBackend backend(config);
    backend.start(0);
    TopicScanRequest request;
    request.topics = {topic};
    request.filter.expression = QStringLiteral("event_data.new_value > 900");
    // NDH_BENCH_ONLY_PLAIN=1: only the unfiltered scan per partition (for a
    // profiler); NDH_BENCH_ONLY_PLAIN=2: only the unfiltered scan merged by time.
    const int onlyPlainMode = qEnvironmentVariableIntValue("NDH_BENCH_ONLY_PLAIN");
    const bool onlyPlain = onlyPlainMode != 0;
    const ScanFigures filtered = onlyPlain ? ScanFigures{1, quint64(total), 0, 0, 0, {}} : scan(backend, request);
    request.filter = {};
    request.filter.text = QStringLiteral("PUMP-00042");
    const ScanFigures text = onlyPlain ? ScanFigures{1, quint64(total), 0, 0, 0, {}} : scan(backend, request);
    request.filter = {};
    request.order = onlyPlainMode == 2 ? TopicScanRequest::Order::TimeMerged : TopicScanRequest::Order::PerPartition;
    const ScanFigures plain = scan(backend, request);
    request.order = TopicScanRequest::Order::TimeMerged;
    const ScanFigures merged = onlyPlain ? plain : scan(backend, request);
    if (onlyPlain) {
        std::printf("scan, no filter, %s: %.2f s, %llu scanned, %lld rows not decoded yet\n",
                    onlyPlainMode == 2 ? "merged by time" : "per partition", plain.seconds,
                    static_cast<unsigned long long>(plain.scanned), static_cast<long long>(plain.undecoded));
        return 0;
    }
    backend.stop();

    QElapsedTimer kcatClock;
    QProcess kcat;
    kcat.setStandardOutputFile(QProcess::nullDevice());
    kcatClock.start();
    kcat.start(ndhtest::kcatPath(), {QStringLiteral("-C"), QStringLiteral("-e"), QStringLiteral("-o"), QStringLiteral("beginning"),
                                     QStringLiteral("-q"), QStringLiteral("-b"), broker.bootstrap(), QStringLiteral("-t"), topic,
                                     QStringLiteral("-X"), QStringLiteral("fetch.wait.max.ms=50")});
    kcat.waitForFinished(600000);
    const double kcatSeconds = double(kcatClock.nsecsElapsed()) / 1e9;

    const quint64 kept = filtered.scanned; // what the broker still holds: the records kcat reads too
    auto line = [&](const char *what, const ScanFigures &f) {
        std::printf("%-44s %8.2f s  %9.0f records/s  %llu scanned, %llu matched, %d hand-offs  (%.2fx kcat's rate)\n", what,
                    f.seconds, double(f.scanned) / f.seconds, static_cast<unsigned long long>(f.scanned),
                    static_cast<unsigned long long>(f.matched), f.batches, (double(f.scanned) / f.seconds) / (double(kept) / kcatSeconds));
    };
    line("scan, JSON test event_data.new_value > 900", filtered);
    line("scan, text filter PUMP-00042", text);
    line("scan, no filter, per partition", plain);
    line("scan, no filter, merged by time", merged);
    std::printf("  (unfiltered scans: %lld of %llu rows in the list still undecoded at the end: decoded when shown)\n",
                static_cast<long long>(plain.undecoded), static_cast<unsigned long long>(plain.matched));
    std::printf("%-44s %8.2f s  %9.0f records/s  (exit %d)\n", "kcat -C -e -o beginning -q > /dev/null", kcatSeconds,
                double(kept) / kcatSeconds, kcat.exitCode());

    // --- the message list ---
    const qint64 rssBefore = ndhbench::residentBytes();
    MessageTableModel model;
    model.setLimits(rows, qsizetype(4) << 30);
    std::vector<double> appendMs;
    for (int done = 0; done < rows; done += 10000) {
        const std::vector<LogRecord> batch = records(std::min(10000, rows - done), quint64(done));
        const std::vector<RecordSummary> sums = summaries(batch);
        QElapsedTimer t;
        t.start();
        model.append(batch, sums);
        appendMs.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    const qint64 rssAfter = ndhbench::residentBytes();
    {
        // A page of rows that came without a summary (an unfiltered scan): the first
        // paint of their envelope, asset and event-type cells decodes them.
        MessageTableModel lazy;
        std::vector<double> pageMs;
        for (int page = 0; page < 50; ++page) {
            lazy.append(records(40, quint64(page) * 40));
            QElapsedTimer t;
            t.start();
            for (int r = page * 40; r < page * 40 + 40; ++r) {
                for (int c : {MessageTableModel::EnvelopeColumn, MessageTableModel::AssetColumn, MessageTableModel::EventTypeColumn})
                    (void)lazy.data(lazy.index(r, c));
            }
            pageMs.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        std::printf("decode on demand: envelope, asset and event type of a 40-row page not decoded yet: median %.3f ms, "
                    "p95 %.3f ms\n", ndhbench::percentile(pageMs, 0.5), ndhbench::percentile(pageMs, 0.95));
    }
    std::printf("MessageTableModel: %d rows, %.0f bytes/row resident (process RSS grew %.0f bytes/row; ~300-byte values "
                "are kept), apply a 10,000-row batch: median %.2f ms, p95 %.2f ms\n",
                model.rowCount(), double(model.residentBytes()) / model.rowCount(), double(rssAfter - rssBefore) / model.rowCount(),
                ndhbench::percentile(appendMs, 0.5), ndhbench::percentile(appendMs, 0.95));

    QTableView view;
    view.resize(1400, 700);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 6);
    view.setModel(&model);
    view.show();
    QCoreApplication::processEvents();
    std::vector<double> scrollMs;
    for (int i = 0; i < 200; ++i) {
        const int row = QRandomGenerator::global()->bounded(model.rowCount());
        QElapsedTimer t;
        t.start();
        view.scrollTo(model.index(row, 0), QAbstractItemView::PositionAtCenter);
        view.viewport()->repaint();
        scrollMs.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::printf("QTableView over it: scroll to a random row and paint: median %.2f ms, p95 %.2f ms\n",
                ndhbench::percentile(scrollMs, 0.5), ndhbench::percentile(scrollMs, 0.95));

    // Peer: an item per cell, for a tenth of the rows.
    const int peerRows = std::max(10000, rows / 10);
    const qint64 peerBefore = ndhbench::residentBytes();
    QStandardItemModel peer(0, MessageTableModel::ColumnCount);
    std::vector<double> peerMs;
    for (int done = 0; done < peerRows; done += 10000) {
        const std::vector<LogRecord> batch = records(10000, quint64(done));
        QElapsedTimer t;
        t.start();
        for (const LogRecord &r : batch) {
            QList<QStandardItem *> items;
            items << new QStandardItem(QDateTime::fromMSecsSinceEpoch(r.timestampMs, Qt::UTC).toString(Qt::ISODateWithMs))
                  << new QStandardItem(r.topic) << new QStandardItem(QString::number(r.partition))
                  << new QStandardItem(QString::number(r.offset)) << new QStandardItem(QString::fromUtf8(*r.key))
                  << new QStandardItem(QStringLiteral("ndh")) << new QStandardItem(QString::fromUtf8(*r.key))
                  << new QStandardItem(QStringLiteral("attribute_changed")) << new QStandardItem(QString::number(r.payload->size()));
            items.first()->setData(*r.payload, Qt::UserRole + 1);
            peer.appendRow(items);
        }
        peerMs.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    const double peerBytes = double(ndhbench::residentBytes() - peerBefore) / peer.rowCount();
    std::printf("peer QStandardItemModel: %d rows, %.0f bytes/row resident (RSS), apply a 10,000-row batch: median %.2f ms "
                "(MessageTableModel is %.1fx smaller per row and %.1fx faster per batch)\n",
                peer.rowCount(), peerBytes, ndhbench::percentile(peerMs, 0.5),
                peerBytes / (double(rssAfter - rssBefore) / model.rowCount()),
                ndhbench::percentile(peerMs, 0.5) / ndhbench::percentile(appendMs, 0.5));
    return 0;
}
