#include "history_backfill.h"

#include "envelope_decoder.h"
#include "kafka_client_conf.h"
#include "kafka_message_decoding.h"
#include "kafka_logging.h"
#include "topic_catalog.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QLocale>
#include <QThread>

#include <librdkafka/rdkafka.h>

#include <array>
#include <memory>

namespace ndh {

namespace {

constexpr int kRequestTimeoutMs = 10'000;

struct PartitionRead
{
    QString topic;
    int partition = 0;
    qint64 start = 0;
    qint64 end = 0;
    qint64 next = 0; // next offset expected
};

using ListPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, decltype(&rd_kafka_topic_partition_list_destroy)>;

ListPtr newList(int size)
{
    return ListPtr(rd_kafka_topic_partition_list_new(size), &rd_kafka_topic_partition_list_destroy);
}

} // namespace

HistoryBackfill::HistoryBackfill(ConsumerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    if (m_config.topics.isEmpty())
        m_config.topics = topics::standardTopics();
}

HistoryBackfill::~HistoryBackfill()
{
    cancel();
    wait(kRequestTimeoutMs + 2000);
}

bool HistoryBackfill::isRunning() const
{
    return m_thread.isRunning();
}

bool HistoryBackfill::wait(int timeoutMs)
{
    return m_thread.wait(timeoutMs);
}

void HistoryBackfill::cancel()
{
    m_thread.cancel();
}

bool HistoryBackfill::start(qint64 fromMs, qint64 toMs)
{
    if (isRunning())
        return false;
    m_records = 0;
    m_eventsInRange = 0;
    m_byTime = 0;
    m_scanned = 0;
    return m_thread.start(QStringLiteral("ndh-backfill"), [this, fromMs, toMs] { run(fromMs, toMs); });
}

HistoryBackfill::Range HistoryBackfill::plan(qint64 low, qint64 high, bool timeIndex, qint64 fromOffset,
                                             qint64 toOffset)
{
    Range r{low, high, false};
    if (high <= low)
        return {high, high, timeIndex};
    if (!timeIndex)
        return r; // read it all and filter by event time
    r.byTime = true;
    r.start = fromOffset < 0 ? high : std::clamp(fromOffset, low, high);
    r.end = toOffset < 0 ? high : std::clamp(toOffset, r.start, high);
    return r;
}

void HistoryBackfill::run(qint64 fromMs, qint64 toMs)
{
    QString error;
    QString lastClientError;
    bool cancelled = false;
    const auto finish = [&](bool ok) {
        const QLocale locale;
        const QString summary = ok || cancelled
                                    ? tr("%1 events from %2 records loaded (%3 partitions sought by time, %4 read "
                                         "from the start and filtered).")
                                          .arg(locale.toString(m_eventsInRange.load()), locale.toString(m_records.load()))
                                          .arg(m_byTime.load())
                                          .arg(m_scanned.load())
                                    : error;
        emit finished(ok && !cancelled, cancelled, summary);
    };

    KafkaClientConf conf;
    conf.setGrouplessReader(m_config.bootstrap, QStringLiteral("ndh-console-backfill"));
    conf.setAll(m_config.extraProperties);
    rd_kafka_t *rk = conf.createConsumer();
    if (!rk) {
        error = conf.error();
        finish(false);
        return;
    }
    const std::unique_ptr<rd_kafka_t, KafkaClientConf::ConsumerDeleter> destroy(rk); // on every exit path

    const rd_kafka_metadata_t *md = nullptr;
    if (const rd_kafka_resp_err_t err = rd_kafka_metadata(rk, 1, nullptr, &md, kRequestTimeoutMs); err) {
        error = tr("Cannot reach Kafka at %1: %2").arg(m_config.bootstrap, QString::fromUtf8(rd_kafka_err2str(err)));
        finish(false);
        return;
    }
    QHash<QString, int> partitionCounts;
    for (int t = 0; t < md->topic_cnt; ++t) {
        if (md->topics[t].err == RD_KAFKA_RESP_ERR_NO_ERROR)
            partitionCounts.insert(QString::fromUtf8(md->topics[t].topic), md->topics[t].partition_cnt);
    }
    rd_kafka_metadata_destroy(md);

    // Watermarks, and the three time queries in one request each.
    std::vector<PartitionRead> reads;
    std::vector<std::pair<qint64, qint64>> marks;
    ListPtr probe = newList(64), from = newList(64), to = newList(64);
    for (const QString &topic : std::as_const(m_config.topics)) {
        const int count = partitionCounts.value(topic, 0);
        const QByteArray name = topic.toUtf8();
        for (int p = 0; p < count && !m_thread.cancelled(); ++p) {
            int64_t low = 0;
            int64_t high = 0;
            if (const rd_kafka_resp_err_t err =
                    rd_kafka_query_watermark_offsets(rk, name.constData(), p, &low, &high, kRequestTimeoutMs)) {
                error = tr("Cannot read the offsets of %1 [%2]: %3").arg(topic).arg(p).arg(QString::fromUtf8(rd_kafka_err2str(err)));
                finish(false);
                return;
            }
            if (high <= low)
                continue;
            reads.push_back({topic, p, low, high, low});
            marks.emplace_back(low, high);
            rd_kafka_topic_partition_list_add(probe.get(), name.constData(), p)->offset = 0;
            rd_kafka_topic_partition_list_add(from.get(), name.constData(), p)->offset = fromMs - kTimeSlackMs;
            rd_kafka_topic_partition_list_add(to.get(), name.constData(), p)->offset = toMs + kTimeSlackMs + 1;
        }
    }
    if (m_thread.cancelled()) {
        cancelled = true;
        finish(false);
        return;
    }
    const auto ask = [&](rd_kafka_topic_partition_list_t *list) {
        return !reads.empty() && rd_kafka_offsets_for_times(rk, list, kRequestTimeoutMs) == RD_KAFKA_RESP_ERR_NO_ERROR;
    };
    const bool probed = ask(probe.get());
    const bool fromAnswered = probed && ask(from.get());
    const bool toAnswered = fromAnswered && ask(to.get());
    quint64 total = 0;
    for (size_t i = 0; i < reads.size(); ++i) {
        const auto answer = [&](rd_kafka_topic_partition_list_t *list, bool answered) -> qint64 {
            const rd_kafka_topic_partition_t &e = list->elems[i];
            return answered && e.err == RD_KAFKA_RESP_ERR_NO_ERROR ? e.offset : -1;
        };
        // A broker with a time index finds the first record of a non-empty partition
        // for "time 0"; the mock answers -1.
        const bool timeIndex = answer(probe.get(), probed) >= 0 && fromAnswered && toAnswered;
        const Range r = plan(marks[i].first, marks[i].second, timeIndex, answer(from.get(), fromAnswered),
                             answer(to.get(), toAnswered));
        reads[i].start = reads[i].next = r.start;
        reads[i].end = r.end;
        (r.byTime ? m_byTime : m_scanned).fetch_add(1);
        total += quint64(r.end - r.start);
    }
    qCInfo(lcKafka, "backfill %s..%s: %d partitions by time, %d scanned, %llu offsets",
           qPrintable(QDateTime::fromMSecsSinceEpoch(fromMs).toString(Qt::ISODate)),
           qPrintable(QDateTime::fromMSecsSinceEpoch(toMs).toString(Qt::ISODate)), m_byTime.load(), m_scanned.load(),
           static_cast<unsigned long long>(total));

    ListPtr assignment = newList(int(reads.size()) + 1);
    QHash<QString, size_t> byKey;
    for (size_t i = 0; i < reads.size(); ++i) {
        if (reads[i].end <= reads[i].start)
            continue;
        byKey.insert(reads[i].topic + u'\n' + QString::number(reads[i].partition), i);
        rd_kafka_topic_partition_list_add(assignment.get(), reads[i].topic.toUtf8().constData(), reads[i].partition)
            ->offset = reads[i].start;
    }
    emit progress(0, total);
    if (byKey.isEmpty()) {
        emit progress(total, total);
        finish(true);
        return;
    }
    if (const rd_kafka_resp_err_t err = rd_kafka_assign(rk, assignment.get()); err) {
        error = tr("Cannot assign partitions: %1").arg(QString::fromUtf8(rd_kafka_err2str(err)));
        finish(false);
        return;
    }

    EnvelopeDecoder decoder;
    for (const auto &[pattern, envelope] : std::as_const(m_config.topicEnvelopes))
        decoder.setTopicEnvelope(pattern, envelope);
    rd_kafka_queue_t *queue = rd_kafka_queue_get_consumer(rk);
    std::array<rd_kafka_message_t *, 1000> messages{};
    QHash<const void *, QString> topicNames;
    auto pending = std::make_shared<EventBatch>();
    std::vector<PlantEvent> events;
    std::vector<DeadLetter> letters;
    quint64 done = 0;
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    QElapsedTimer sinceRecord;
    sinceRecord.start();
    const auto flush = [&] {
        if (pending->events.empty() && pending->deadLetters.empty())
            return;
        pending->createdMs = QDateTime::currentMSecsSinceEpoch();
        emit batchReady(std::move(pending));
        pending = std::make_shared<EventBatch>();
    };
    const auto advance = [&](size_t i, qint64 reached) {
        PartitionRead &r = reads[i];
        reached = std::min(reached, r.end);
        if (reached > r.next) {
            done += quint64(reached - r.next);
            r.next = reached;
        }
        if (r.next >= r.end)
            byKey.remove(r.topic + u'\n' + QString::number(r.partition));
    };
    while (!byKey.isEmpty()) {
        if (m_thread.cancelled()) {
            cancelled = true;
            break;
        }
        if (sinceRecord.elapsed() > kStallTimeoutMs) {
            error = tr("No records for %1 s before the end of %2 partition(s); is the cluster reachable? (%3)")
                        .arg(kStallTimeoutMs / 1000)
                        .arg(byKey.size())
                        .arg(lastClientError.isEmpty() ? tr("no error reported") : lastClientError);
            break;
        }
        const ssize_t n = rd_kafka_consume_batch_queue(queue, 100, messages.data(), messages.size());
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        for (ssize_t m = 0; m < n; ++m) {
            rd_kafka_message_t *msg = messages[size_t(m)];
            auto name = topicNames.constFind(msg->rkt);
            if (name == topicNames.constEnd())
                name = topicNames.insert(msg->rkt, QString::fromUtf8(rd_kafka_topic_name(msg->rkt)));
            const auto it = byKey.constFind(*name + u'\n' + QString::number(msg->partition));
            if (it == byKey.constEnd()) {
                rd_kafka_message_destroy(msg);
                continue;
            }
            const size_t i = *it;
            sinceRecord.restart();
            if (msg->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                advance(i, msg->offset); // ends that are not a record (transaction markers)
            } else if (msg->err) {
                lastClientError = QString::fromUtf8(rd_kafka_message_errstr(msg));
            } else if (msg->offset < reads[i].end) {
                ++m_records;
                events.clear();
                letters.clear();
                decodeKafkaMessage(decoder, *name, msg, events, letters, nowMs);
                for (PlantEvent &e : events) {
                    if (e.eventTimeMs < fromMs || e.eventTimeMs > toMs)
                        continue;
                    ++m_eventsInRange;
                    pending->events.push_back(std::move(e));
                }
                // Undecodable records reach the dead-letter list as live ones do:
                // their time is unknown, so the range does not filter them.
                for (DeadLetter &l : letters)
                    pending->deadLetters.push_back(std::move(l));
                ++pending->recordsConsumed;
                pending->bytesConsumed += msg->len;
                advance(i, msg->offset + 1);
            } else {
                advance(i, msg->offset);
            }
            rd_kafka_message_destroy(msg);
        }
        if (pending->events.size() >= kBatchEvents || pending->deadLetters.size() >= kBatchEvents)
            flush();
        if (sinceProgress.elapsed() >= kProgressIntervalMs) {
            emit progress(done, total);
            sinceProgress.restart();
        }
    }
    rd_kafka_queue_destroy(queue);
    flush();
    emit progress(done, total);
    finish(error.isEmpty());
}

} // namespace ndh
