// RecordReader against the embedded broker: it reads the consumer's queue ahead of
// decoding into the journal's blocks, no further than its backlog bound, hands the
// records over in order with the queue's errors where they came, and journals them
// byte for byte once they are done.

#include "embedded_broker.h"
#include "kafka_client_conf.h"
#include "kafka_produce.h"
#include "raw_record_journal.h"
#include "record_reader.h"

#include <QtTest>

#include <librdkafka/rdkafka.h>

#include <memory>

using namespace ndh;

namespace {

constexpr int kRecordBytes = 1000;

QByteArray payloadOf(int i)
{
    QByteArray p = "record " + QByteArray::number(i) + ' ';
    p.append(kRecordBytes - p.size(), char('a' + i % 26));
    return p;
}

bool produce(const QString &bootstrap, const QString &topic, int count)
{
    return ndhtest::produceRecords(bootstrap, topic, 0, count,
                                   [](int i) { return std::pair("K" + QByteArray::number(i % 10), payloadOf(i)); });
}

// A reader of partition 0 of `topic` from its start, with end-of-partition events.
struct Consumer
{
    std::unique_ptr<rd_kafka_t, KafkaClientConf::ConsumerDeleter> rk;
    rd_kafka_queue_t *queue = nullptr;

    bool open(const QString &bootstrap, const QString &topic)
    {
        KafkaClientConf conf;
        conf.setGrouplessReader(bootstrap, QStringLiteral("tst-record-reader"));
        rk.reset(conf.createConsumer());
        if (!rk)
            return false;
        rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(list, topic.toUtf8().constData(), 0)->offset = RD_KAFKA_OFFSET_BEGINNING;
        const bool ok = rd_kafka_assign(rk.get(), list) == RD_KAFKA_RESP_ERR_NO_ERROR;
        rd_kafka_topic_partition_list_destroy(list);
        queue = rd_kafka_queue_get_consumer(rk.get());
        return ok && queue;
    }
    ~Consumer()
    {
        if (queue)
            rd_kafka_queue_destroy(queue);
    }
};

} // namespace

class TestRecordReader : public QObject
{
    Q_OBJECT
private slots:
    void readsAheadNoFurtherThanItsBacklog();
    void errorsComeWhereTheQueueGaveThem();
};

void TestRecordReader::readsAheadNoFurtherThanItsBacklog()
{
    EmbeddedBroker broker;
    const QString topic = QStringLiteral("reader.backlog");
    QVERIFY(broker.start(1, 1, {topic}));
    constexpr int kRecords = 3500; // 3.5 MB: the embedded broker keeps ~5 MB of a partition
    QVERIFY(produce(broker.bootstrap(), topic, kRecords));
    Consumer consumer;
    QVERIFY(consumer.open(broker.bootstrap(), topic));
    auto journal = std::make_shared<RawRecordJournal>();
    constexpr size_t kBacklog = size_t(256) << 10;
    RecordReader reader(consumer.queue, journal, kBacklog);

    // Every batch taken is done before the reader and the client go, whatever a
    // check below says (an error message never destroyed would hold the client).
    std::vector<RecordReader::Batch *> taken;
    const auto doneWith = [&](RecordReader::Batch *b) {
        b->dropErrors();
        reader.done(b);
    };
    const auto cleanup = qScopeGuard([&] {
        for (RecordReader::Batch *b : taken)
            doneWith(b);
    });
    size_t records = 0;
    const auto takeOne = [&](int timeoutMs) {
        RecordReader::Batch *b = reader.take(timeoutMs);
        if (b) {
            taken.push_back(b);
            records += b->slice.size();
        }
        return b != nullptr;
    };

    // Nothing done: it reads up to the bound (one batch may pass it), then waits,
    // while the records it has not read are there in librdkafka's queue. (The first
    // fetch may wait for the partition's leader: librdkafka retries after 500 ms.)
    QTRY_VERIFY_WITH_TIMEOUT((takeOne(0), records > 0 && records + rd_kafka_queue_length(consumer.queue) >= size_t(kRecords)), 30000);
    while (takeOne(200)) {
    }
    QVERIFY(records + rd_kafka_queue_length(consumer.queue) >= size_t(kRecords));
    QVERIFY2(records <= kBacklog / kRecordBytes + RecordReader::kMaxBatchRecords,
             qPrintable(QStringLiteral("%1 records read ahead").arg(records)));
    QVERIFY(records < size_t(kRecords));
    QVERIFY(!takeOne(500)); // paused: nothing more read, with records waiting
    QCOMPARE(journal->size(), size_t(0)); // journaled only once done

    // Done, batch by batch: it reads on, and every record reaches the journal once,
    // in order, byte for byte.
    int next = 0;
    bool inOrder = true;
    const auto check = [&](RecordReader::Batch *b) {
        for (size_t i = 0; i < b->slice.size() && inOrder; ++i, ++next) {
            const RawRecordJournal::Slice::Record r = b->slice.record(i);
            if (*r.topic != topic || r.offset != next || r.payload.toByteArray() != payloadOf(next)
                || r.key.toByteArray() != "K" + QByteArray::number(next % 10)) {
                qWarning("record %zu of a batch: offset %lld, expected %d", i, qlonglong(r.offset), next);
                inOrder = false;
            }
        }
        for (const auto &[first, error] : b->errors) {
            if (error->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                qWarning("error in the batch: %s", rd_kafka_err2str(error->err));
                inOrder = false;
            }
        }
        doneWith(b);
    };
    for (RecordReader::Batch *b : std::exchange(taken, {}))
        check(b);
    QElapsedTimer deadline;
    deadline.start();
    while (inOrder && next < kRecords && deadline.elapsed() < 60000) {
        if (RecordReader::Batch *b = reader.take(50))
            check(b);
    }
    QVERIFY(inOrder);
    QCOMPARE(next, kRecords);
    reader.stop(); // journals what is done
    QCOMPARE(journal->size(), size_t(kRecords));
    const std::vector<LogRecord> got = journal->select({});
    for (int i = 0; i < kRecords; i += 349) {
        QCOMPARE(got[size_t(i)].offset, qint64(i));
        QCOMPARE(*got[size_t(i)].payload, payloadOf(i));
    }
}

void TestRecordReader::errorsComeWhereTheQueueGaveThem()
{
    // The end-of-partition event comes after the last record: the batch carries it
    // after as many records as came before it.
    EmbeddedBroker broker;
    const QString topic = QStringLiteral("reader.errors");
    QVERIFY(broker.start(1, 1, {topic}));
    constexpr int kRecords = 300;
    QVERIFY(produce(broker.bootstrap(), topic, kRecords));
    Consumer consumer;
    QVERIFY(consumer.open(broker.bootstrap(), topic));
    RecordReader reader(consumer.queue, nullptr); // no journal: blocks let go once decoded
    int records = 0;
    int eofAfter = -1;
    QElapsedTimer deadline;
    deadline.start();
    while (eofAfter < 0 && deadline.elapsed() < 30000) {
        RecordReader::Batch *b = reader.take(50);
        if (!b)
            continue;
        for (const auto &[first, error] : b->errors) {
            if (error->err == RD_KAFKA_RESP_ERR__PARTITION_EOF && eofAfter < 0)
                eofAfter = records + int(first);
        }
        b->dropErrors();
        records += int(b->slice.size());
        reader.done(b);
    }
    QCOMPARE(eofAfter, kRecords);
    QCOMPARE(records, kRecords);
}

QTEST_GUILESS_MAIN(TestRecordReader)
#include "tst_record_reader.moc"
