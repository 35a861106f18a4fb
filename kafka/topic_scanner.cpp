#include "topic_scanner.h"

#include "batch_hand_off.h"
#include "cluster_metadata.h"
#include "kafka_client_conf.h"
#include "kafka_logging.h"
#include "kafka_message_decoding.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QThread>
#include <QTimer>

#include <librdkafka/rdkafka.h>

#include <array>
#include <limits>

namespace ndh {

namespace {
constexpr qint64 kNoEnd = std::numeric_limits<qint64>::max();
constexpr int kMetadataTimeoutMs = 8000;
constexpr int kLogRecordsPerTurn = 20000;

// The one key of a topic's partition in m_byKey: "topic\npartition".
QString partitionKey(const QString &topic, int partition)
{
    return topic + u'\n' + QString::number(partition);
}

} // namespace

struct TopicScanner::Match
{
    LogRecord record;
    RecordSummary summary;
};

struct TopicScanner::Partition
{
    QString topic;
    qint32 id = 0;
    qint64 low = 0;
    qint64 high = 0;
    qint64 start = 0;
    qint64 end = kNoEnd;  // exclusive
    qint64 position = 0;  // next offset expected
    bool done = false;
    bool atEof = false;   // caught up (follow): does not hold the time merge back
    qint64 remainingInLog = 0;
    std::deque<Match> buffer;
};

TopicScanner::TopicScanner(ConsumerConfig config, std::shared_ptr<std::atomic<int>> inFlight, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_inFlight(std::move(inFlight))
{
    for (const auto &[pattern, envelope] : std::as_const(m_config.topicEnvelopes))
        m_decoder.setTopicEnvelope(pattern, envelope);
}

TopicScanner::~TopicScanner()
{
    closeConsumer();
}

void TopicScanner::closeConsumer()
{
    if (m_queue) {
        rd_kafka_queue_destroy(m_queue);
        m_queue = nullptr;
    }
    if (m_rk) {
        KafkaClientConf::ConsumerDeleter()(m_rk);
        m_rk = nullptr;
    }
}

void TopicScanner::setState(TopicScanStatus::State state, const QString &message)
{
    m_status.scanId = m_scanId;
    m_status.state = state;
    m_status.message = message;
    emit statusChanged(m_status);
}

void TopicScanner::cancel()
{
    m_cancel.store(true);
    if (m_running)
        poll(); // ends at once
}

void TopicScanner::shutdown()
{
    m_cancel.store(true);
    m_running = false;
    if (m_timer)
        m_timer->stop();
    closeConsumer();
    thread()->quit();
}

// What every scan starts with: the previous one ended, counters at zero, the filter
// compiled (false, and the scan failed with the filter's error, when it does not).
bool TopicScanner::begin(quint64 scanId, const TopicScanRequest &request,
                         std::shared_ptr<const std::vector<LogRecord>> logRecords)
{
    if (m_running)
        finish(TopicScanStatus::State::Cancelled, tr("Replaced by a new scan"));
    closeConsumer();
    m_scanId = scanId;
    m_request = request;
    m_status = {};
    m_cancel.store(false);
    m_partitions.clear();
    m_pending = std::make_unique<TopicScanBatch>();
    m_scanned = m_matched = m_skipped = 0;
    m_bytes = 0;
    m_buffered = 0;
    m_mergeOverflowed = false;
    m_skipBeforeMs = std::numeric_limits<qint64>::min();
    m_logRecords = std::move(logRecords);
    m_logPosition = 0;
    m_sinceHandOff.start();
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        m_timer->setInterval(0);
        connect(m_timer, &QTimer::timeout, this, [this] { m_logRecords ? pollLog() : poll(); });
    }
    setState(TopicScanStatus::State::Starting);
    QString error;
    const auto filter = MessageFilter::compile(request.filter, &error);
    if (!filter) {
        fail(error);
        return false;
    }
    m_filter = *filter;
    return true;
}

void TopicScanner::startScan(quint64 scanId, const TopicScanRequest &request)
{
    if (!begin(scanId, request, nullptr))
        return;
    if (request.topics.isEmpty())
        return fail(tr("Choose at least one topic to scan"));

    KafkaClientConf conf;
    conf.setGrouplessReader(m_config.bootstrap, QStringLiteral("ndh-console-browser"));
    conf.setAll(m_config.extraProperties);
    // Big fetches: a browser reads whole partitions as fast as the broker sends them.
    conf.set(QStringLiteral("queued.max.messages.kbytes"), QStringLiteral("262144"));
    m_lastClientError.clear();
    captureClientErrors(conf.raw(), &m_lastClientError);
    m_rk = conf.createConsumer();
    if (!m_rk)
        return fail(conf.error());

    ClusterSnapshot metadata;
    if (const int err = fetchClusterMetadata(m_rk, kMetadataTimeoutMs, metadata)) {
        rd_kafka_poll(m_rk, 0);
        return fail(cannotReachKafka(m_config.bootstrap, m_lastClientError, err, kMetadataTimeoutMs));
    }
    const QHash<QString, int> counts = partitionCounts(metadata);
    QStringList missing;
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(64);
    for (const QString &topic : request.topics) {
        const int count = counts.value(topic, -1);
        if (count < 0) {
            missing << topic;
            continue;
        }
        for (int p = 0; p < count; ++p) {
            if (request.partition >= 0 && p != request.partition)
                continue;
            auto part = std::make_unique<Partition>();
            part->topic = topic;
            part->id = p;
            m_partitions.push_back(std::move(part));
            rd_kafka_topic_partition_list_add(list, topic.toUtf8().constData(), p);
        }
    }
    struct FreeList
    {
        rd_kafka_topic_partition_list_t *l;
        ~FreeList() { rd_kafka_topic_partition_list_destroy(l); }
    } freeList{list};
    if (m_partitions.empty()) {
        return fail(missing.isEmpty() ? tr("Partition %1 does not exist in the chosen topics").arg(request.partition)
                                      : tr("Not on the cluster: %1").arg(missing.join(QStringLiteral(", "))));
    }

    // Watermarks of every partition in two batched ListOffsets requests (-2 low, -1 high).
    auto listOffsets = [&](qint64 what, auto assign) -> int {
        for (int i = 0; i < list->cnt; ++i)
            list->elems[i].offset = what;
        if (const auto err = rd_kafka_offsets_for_times(m_rk, list, kMetadataTimeoutMs))
            return err;
        for (int i = 0; i < list->cnt; ++i)
            assign(*m_partitions[size_t(i)], list->elems[i].err ? -1 : list->elems[i].offset);
        return 0;
    };
    if (const int err = listOffsets(RD_KAFKA_OFFSET_BEGINNING, [](Partition &p, qint64 o) { p.low = std::max<qint64>(0, o); }))
        return fail(cannotReachKafka(m_config.bootstrap, m_lastClientError, err, kMetadataTimeoutMs));
    if (const int err = listOffsets(RD_KAFKA_OFFSET_END, [](Partition &p, qint64 o) { p.high = std::max<qint64>(p.low, o); }))
        return fail(cannotReachKafka(m_config.bootstrap, m_lastClientError, err, kMetadataTimeoutMs));

    if (request.start == TopicScanRequest::Start::Timestamp) {
        // Does the cluster look up offsets by time? At time 0 a real broker answers the
        // first offset of every non-empty partition; the embedded broker answers -1.
        bool supported = rd_kafka_offsets_for_times(m_rk, [&] {
            for (int i = 0; i < list->cnt; ++i)
                list->elems[i].offset = 0;
            return list;
        }(), kMetadataTimeoutMs) == RD_KAFKA_RESP_ERR_NO_ERROR;
        for (int i = 0; supported && i < list->cnt; ++i) {
            const Partition &p = *m_partitions[size_t(i)];
            if (p.high > p.low && (list->elems[i].err || list->elems[i].offset < 0))
                supported = false;
        }
        const QString when = formatTimestampMs(request.startTimeMs);
        if (supported) {
            for (int i = 0; i < list->cnt; ++i)
                list->elems[i].offset = request.startTimeMs;
            supported = rd_kafka_offsets_for_times(m_rk, list, kMetadataTimeoutMs) == RD_KAFKA_RESP_ERR_NO_ERROR;
            for (int i = 0; supported && i < list->cnt; ++i) {
                Partition &p = *m_partitions[size_t(i)];
                const qint64 o = list->elems[i].err ? -1 : list->elems[i].offset;
                p.start = o < 0 ? p.high : std::clamp(o, p.low, p.high);
            }
            m_status.seekMethod = tr("Started at %1 with the broker's time index (offsetsForTimes).").arg(when);
        }
        if (!supported) {
            // Records older than the start that still follow the found offsets (times
            // out of order) are skipped, so nothing older is shown either way.
            m_skipBeforeMs = request.startTimeMs;
            const TimeSearch search = searchStartByTime(request.startTimeMs);
            if (m_cancel.load())
                return finish(TopicScanStatus::State::Cancelled, tr("Cancelled while looking for the start time"));
            m_status.seekMethod = tr("This cluster does not look up offsets by time (the embedded broker never does): "
                                     "started at the first record from %1, found by a binary search over offsets "
                                     "(%n single record(s) read)",
                                     nullptr, search.fetches).arg(when);
            if (search.unanswered > 0)
                m_status.seekMethod += u' ' + tr("(%n partition(s) did not answer in time and are read from where the "
                                                 "search got to, skipping older records)",
                                                 nullptr, search.unanswered);
            m_status.seekMethod += u'.';
        }
    }

    TopicScanRequest::Stop stop = request.stop;
    if (request.start == TopicScanRequest::Start::End && stop == TopicScanRequest::Stop::AtEnd)
        stop = TopicScanRequest::Stop::Follow; // "from the end" means: what arrives from now on
    m_request.stop = stop;
    for (int i = 0; i < list->cnt; ++i) {
        Partition &p = *m_partitions[size_t(i)];
        switch (request.start) {
        case TopicScanRequest::Start::Beginning: p.start = p.low; break;
        case TopicScanRequest::Start::End: p.start = p.high; break;
        case TopicScanRequest::Start::Offset: p.start = std::clamp(request.startOffset, p.low, p.high); break;
        case TopicScanRequest::Start::LastN: p.start = std::max(p.low, p.high - std::max<qint64>(0, request.lastN)); break;
        case TopicScanRequest::Start::Timestamp: break; // above
        }
        switch (stop) {
        case TopicScanRequest::Stop::AtEnd:
        case TopicScanRequest::Stop::Timestamp: p.end = p.high; break;
        case TopicScanRequest::Stop::Offset: p.end = std::min(p.high, request.stopOffset + 1); break;
        case TopicScanRequest::Stop::Follow:
        case TopicScanRequest::Stop::Count: p.end = kNoEnd; break;
        }
        p.position = p.start;
        p.done = p.start >= p.end;
        p.atEof = p.start >= p.high;
        list->elems[i].offset = p.start;
    }
    if (const auto err = rd_kafka_assign(m_rk, list))
        return fail(tr("Cannot assign partitions: %1").arg(QString::fromUtf8(rd_kafka_err2str(err))));
    m_queue = rd_kafka_queue_get_consumer(m_rk);
    m_topicNames.clear();
    m_byKey.clear();
    for (const auto &p : m_partitions)
        m_byKey.insert(partitionKey(p->topic, p->id), p.get());
    m_running = true;
    setState(stop == TopicScanRequest::Stop::Follow || stop == TopicScanRequest::Stop::Count
                 ? TopicScanStatus::State::Following
                 : TopicScanStatus::State::Scanning);
    m_timer->start();
}

// The embedded broker does not look up offsets by time (DESIGN.md §4): per partition,
// a binary search over [low, high) for the first record at or after timeMs, reading
// one record per partition per round (all partitions in one assign and one fetch per
// broker), so at most ~log2(records) rounds. Assumes record times grow with offsets,
// as they do for create times of one producer and for log-append times; the scan
// still skips any older record after the found offset. A partition that does not
// answer a probe in time keeps the offset the search got to (everything before it
// was seen to be older).
TopicScanner::TimeSearch TopicScanner::searchStartByTime(qint64 timeMs)
{
    TimeSearch out;
    struct Range
    {
        Partition *p;
        qint64 lo;
        qint64 hi;   // the first offset known to be at or after timeMs (or the end)
        qint64 mid = -1;
        bool answered = false;
    };
    std::vector<Range> ranges;
    for (auto &p : m_partitions) {
        p->start = p->low;
        if (p->high > p->low)
            ranges.push_back({p.get(), p->low, p->high});
    }
    if (ranges.empty())
        return out;

    KafkaClientConf conf;
    conf.setGrouplessReader(m_config.bootstrap, QStringLiteral("ndh-console-browser-seek"));
    conf.setAll(m_config.extraProperties);
    // One record batch per partition per fetch, not megabytes: a probe wants one record.
    conf.set(QStringLiteral("max.partition.fetch.bytes"), QStringLiteral("1"));
    conf.set(QStringLiteral("fetch.wait.max.ms"), QStringLiteral("10")); // a round waits for its slowest probe
    rd_kafka_t *rk = conf.createConsumer();
    if (!rk) {
        out.unanswered = int(ranges.size());
        return out;
    }
    rd_kafka_queue_t *queue = rd_kafka_queue_get_consumer(rk);
    QHash<QString, Range *> byKey;
    for (int round = 0; round < kMaxTimeSearchRounds && !m_cancel.load(); ++round) {
        rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(int(ranges.size()));
        byKey.clear();
        int waiting = 0;
        for (Range &r : ranges) {
            r.answered = r.lo >= r.hi;
            if (r.answered)
                continue;
            r.mid = r.lo + (r.hi - r.lo) / 2;
            rd_kafka_topic_partition_list_add(list, r.p->topic.toUtf8().constData(), r.p->id)->offset = r.mid;
            byKey.insert(partitionKey(r.p->topic, r.p->id), &r);
            ++waiting;
        }
        const bool assigned = waiting > 0 && rd_kafka_assign(rk, list) == RD_KAFKA_RESP_ERR_NO_ERROR;
        rd_kafka_topic_partition_list_destroy(list);
        if (!assigned)
            break;
        ++out.rounds;
        out.fetches += waiting;
        QElapsedTimer clock;
        clock.start();
        while (waiting > 0 && clock.elapsed() < kTimeSearchRoundTimeoutMs && !m_cancel.load()) {
            // One message at a time: a batch call would wait for a full batch.
            if (rd_kafka_message_t *msg = rd_kafka_consume_queue(queue, 100)) {
                Range *r = msg->err ? nullptr
                                    : byKey.value(partitionKey(QString::fromUtf8(rd_kafka_topic_name(msg->rkt)), msg->partition));
                // The first record at or after the probe, inside the range still open.
                if (r && !r->answered && msg->offset >= r->mid && msg->offset < r->hi) {
                    r->answered = true;
                    --waiting;
                    if (rd_kafka_message_timestamp(msg, nullptr) < timeMs)
                        r->lo = msg->offset + 1;
                    else
                        r->hi = msg->offset;
                }
                rd_kafka_message_destroy(msg);
            }
        }
        if (waiting > 0) {
            // No answer in time (a gap in the offsets, a slow broker): stop searching
            // those partitions; they start where the search got to.
            for (Range &r : ranges) {
                if (!r.answered) {
                    r.hi = r.lo;
                    ++out.unanswered;
                }
            }
        }
    }
    rd_kafka_assign(rk, nullptr);
    rd_kafka_queue_destroy(queue);
    KafkaClientConf::ConsumerDeleter()(rk);
    for (const Range &r : ranges)
        r.p->start = r.lo; // converged (lo == hi): the first record at or after timeMs
    return out;
}

void TopicScanner::startLogScan(quint64 scanId, const TopicScanRequest &request,
                                std::shared_ptr<const std::vector<LogRecord>> records)
{
    if (!begin(scanId, request, std::move(records)))
        return;
    if (!m_logRecords)
        return fail(tr("No log is open"));
    // The partitions of the log, with their offset range, so start and stop mean what
    // they mean on a cluster.
    m_byKey.clear();
    for (const LogRecord &r : *m_logRecords) {
        if ((!request.topics.isEmpty() && !request.topics.contains(r.topic))
            || (request.partition >= 0 && r.partition != request.partition))
            continue;
        const QString key = partitionKey(r.topic, r.partition);
        Partition *&p = m_byKey[key];
        if (!p) {
            auto part = std::make_unique<Partition>();
            part->topic = r.topic;
            part->id = r.partition;
            part->low = r.offset;
            part->high = r.offset + 1;
            p = part.get();
            m_partitions.push_back(std::move(part));
        }
        p->low = std::min(p->low, r.offset);
        p->high = std::max(p->high, r.offset + 1);
        ++p->remainingInLog;
    }
    for (auto &p : m_partitions) {
        switch (request.start) {
        case TopicScanRequest::Start::Beginning:
        case TopicScanRequest::Start::Timestamp: p->start = p->low; break;
        case TopicScanRequest::Start::End: p->start = p->high; break;
        case TopicScanRequest::Start::Offset: p->start = std::clamp(request.startOffset, p->low, p->high); break;
        case TopicScanRequest::Start::LastN: p->start = std::max(p->low, p->high - std::max<qint64>(0, request.lastN)); break;
        }
        p->end = request.stop == TopicScanRequest::Stop::Offset ? std::min(p->high, request.stopOffset + 1) : p->high;
        p->position = p->start;
        p->done = p->remainingInLog == 0;
    }
    if (request.start == TopicScanRequest::Start::Timestamp) {
        m_skipBeforeMs = request.startTimeMs;
        m_status.seekMethod = tr("Opened log: records older than %1 are skipped.").arg(formatTimestampMs(request.startTimeMs));
    }
    m_running = true;
    setState(TopicScanStatus::State::Scanning);
    m_timer->start();
}

void TopicScanner::fail(const QString &message)
{
    m_running = false;
    closeConsumer();
    setState(TopicScanStatus::State::Failed, message);
}

bool TopicScanner::allDone() const
{
    for (const auto &p : m_partitions) {
        if (!p->done || !p->buffer.empty())
            return false;
    }
    return true;
}

double TopicScanner::progress() const
{
    qint64 total = 0;
    qint64 done = 0;
    for (const auto &p : m_partitions) {
        if (p->end == kNoEnd)
            return -1;
        const qint64 span = std::max<qint64>(0, p->end - p->start);
        total += span;
        done += p->done ? span : std::clamp<qint64>(p->position - p->start, 0, span);
    }
    return total > 0 ? double(done) / double(total) : 1.0;
}

// A record of partition p passed the filters: straight out, or into the time merge.
void TopicScanner::accept(Partition &p, LogRecord &&record)
{
    Match m{std::move(record), {}};
    // Only an asset or event-type filter decodes here; otherwise the message list
    // decodes the rows it shows (an unfiltered scan of a big topic decodes nothing).
    if (m_filter.needsSummary()) {
        m.summary = summarizeRecord(m_decoder, m.record);
        if (!m_filter.matchesSummary(m.summary) || !m_filter.matchesExpression(m.record))
            return;
    }
    if (m_request.order == TopicScanRequest::Order::PerPartition) {
        emitMatch(std::move(m));
        return;
    }
    p.buffer.push_back(std::move(m));
    ++m_buffered;
}

void TopicScanner::emitMatch(Match &&m)
{
    if (m_request.stop == TopicScanRequest::Stop::Count && m_matched >= quint64(std::max<qint64>(0, m_request.stopCount)))
        return;
    ++m_matched;
    m_pending->records.push_back(std::move(m.record));
    if (m_filter.needsSummary())
        m_pending->summaries.push_back(std::move(m.summary));
}

void TopicScanner::drainMerge(bool all)
{
    if (m_request.order != TopicScanRequest::Order::TimeMerged)
        return;
    // Past the bound, the oldest buffered go out even if a slow partition might still
    // deliver older ones: memory stays bounded, and the status says order is approximate.
    const bool overflow = m_buffered > kMaxMergeBuffered;
    if (overflow)
        m_mergeOverflowed = true;
    for (;;) {
        Partition *best = nullptr;
        for (const auto &p : m_partitions) {
            if (p->buffer.empty()) {
                if (!all && !overflow && !p->done && !p->atEof)
                    return; // this partition may still deliver an older record
                continue;
            }
            if (!best || p->buffer.front().record.timestampMs < best->buffer.front().record.timestampMs)
                best = p.get();
        }
        if (!best)
            return;
        Match m = std::move(best->buffer.front());
        best->buffer.pop_front();
        --m_buffered;
        emitMatch(std::move(m));
        if (overflow && m_buffered <= kMaxMergeBuffered / 2 && !all)
            return;
    }
}

void TopicScanner::handOff(bool force)
{
    m_pending->scanId = m_scanId;
    m_pending->scanned = m_scanned;
    m_pending->matched = m_matched;
    m_pending->skippedBeforeStart = m_skipped;
    m_pending->scannedBytes = m_bytes;
    m_pending->partitionsTotal = int(m_partitions.size());
    int done = 0;
    for (const auto &p : m_partitions)
        done += p->done ? 1 : 0;
    m_pending->partitionsDone = done;
    m_pending->progress = progress();
    if (!handOffDue(*m_inFlight, m_config.maxHandoffsPerSecond, m_sinceHandOff, force))
        return;
    m_inFlight->fetch_add(1);
    TopicScanBatchPtr batch(m_pending.release());
    m_pending = std::make_unique<TopicScanBatch>();
    m_sinceHandOff.restart();
    emit batchReady(batch);
}

void TopicScanner::finish(TopicScanStatus::State state, const QString &message)
{
    m_running = false;
    if (m_timer)
        m_timer->stop();
    drainMerge(true);
    // The last batch goes even if the GUI is busy: counts must end right.
    m_pending->scanId = m_scanId;
    m_pending->scanned = m_scanned;
    m_pending->matched = m_matched;
    m_pending->skippedBeforeStart = m_skipped;
    m_pending->scannedBytes = m_bytes;
    m_pending->partitionsTotal = int(m_partitions.size());
    m_pending->partitionsDone = int(m_partitions.size());
    m_pending->progress = state == TopicScanStatus::State::Finished ? 1.0 : progress();
    m_inFlight->fetch_add(1);
    emit batchReady(TopicScanBatchPtr(m_pending.release()));
    m_pending = std::make_unique<TopicScanBatch>();
    closeConsumer();
    QString text = message;
    if (m_mergeOverflowed)
        text += u' ' + tr("More than %L1 matches waited for a slow partition; the time order is approximate there.")
                           .arg(kMaxMergeBuffered);
    setState(state, text.trimmed());
}

QString TopicScanner::countsText() const
{
    const QLocale locale;
    return tr("%1 scanned, %2 matched").arg(locale.toString(m_scanned), locale.toString(m_matched));
}

bool TopicScanner::stopCountReached() const
{
    return m_request.stop == TopicScanRequest::Stop::Count && m_matched >= quint64(std::max<qint64>(0, m_request.stopCount));
}

void TopicScanner::poll()
{
    if (!m_running)
        return;
    const QLocale locale;
    if (m_cancel.load())
        return finish(TopicScanStatus::State::Cancelled, tr("Cancelled: %1").arg(countsText()));

    QHash<const void *, QString> &names = m_topicNames;
    QHash<QString, Partition *> &byKey = m_byKey;

    std::array<rd_kafka_message_t *, kMessagesPerPoll> messages{};
    QElapsedTimer turn;
    turn.start();
    do {
        const ssize_t n = rd_kafka_consume_batch_queue(m_queue, 100, messages.data(), messages.size());
        for (ssize_t i = 0; i < n; ++i) {
            rd_kafka_message_t *msg = messages[size_t(i)];
            auto name = names.constFind(msg->rkt);
            if (name == names.constEnd())
                name = names.insert(msg->rkt, QString::fromUtf8(rd_kafka_topic_name(msg->rkt)));
            Partition *p = byKey.value(partitionKey(*name, msg->partition));
            if (!p || p->done) {
                rd_kafka_message_destroy(msg);
                continue;
            }
            if (msg->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                p->atEof = true;
                p->position = std::max<qint64>(p->position, msg->offset);
                if (msg->offset >= p->end)
                    p->done = true;
            } else if (msg->err) {
                if (m_status.message.isEmpty() || !m_status.message.contains(QString::fromUtf8(rd_kafka_message_errstr(msg)))) {
                    qCWarning(lcKafka, "browser %s [%d]: %s", qPrintable(*name), msg->partition, rd_kafka_message_errstr(msg));
                    setState(m_status.state, tr("%1 [%2]: %3").arg(*name).arg(msg->partition)
                                                 .arg(operatorReason(QString::fromUtf8(rd_kafka_message_errstr(msg)))));
                }
            } else if (msg->offset >= p->end) {
                p->done = true;
            } else {
                p->atEof = false;
                p->position = msg->offset + 1;
                ++m_scanned;
                m_bytes += qint64(msg->len) + qint64(msg->key_len);
                const qint64 ts = rd_kafka_message_timestamp(msg, nullptr);
                const auto *key = static_cast<const char *>(msg->key);
                const auto *payload = static_cast<const char *>(msg->payload);
                if (ts < m_skipBeforeMs) {
                    ++m_skipped;
                } else if (m_request.stop == TopicScanRequest::Stop::Timestamp && ts > m_request.stopTimeMs) {
                    p->done = true;
                } else if (m_filter.matchesBytes(key, qsizetype(msg->key_len), payload, qsizetype(msg->len))
                           && (m_filter.needsSummary() || m_filter.matchesExpression(payload, qsizetype(msg->len)))) {
                    accept(*p, logRecordFromMessage(*name, msg));
                }
                if (p->position >= p->end)
                    p->done = true;
            }
            rd_kafka_message_destroy(msg);
        }
        drainMerge(false);
        if (n <= 0)
            break;
    } while (turn.elapsed() < 50 && !allDone());

    const bool countReached = stopCountReached();
    if (countReached)
        return finish(TopicScanStatus::State::Finished, tr("Stopped after %1 matches: %2")
                                                             .arg(locale.toString(m_request.stopCount), countsText()));
    if (allDone())
        return finish(TopicScanStatus::State::Finished,
                      QCoreApplication::translate("ndh::TopicScanner", "Reached the end of %n partition(s): %1", nullptr,
                                                  int(m_partitions.size())).arg(countsText()));
    handOff(false);
    m_timer->start();
}

void TopicScanner::pollLog()
{
    if (!m_running)
        return;
    if (m_cancel.load())
        return finish(TopicScanStatus::State::Cancelled, tr("Cancelled: %1").arg(countsText()));
    const std::vector<LogRecord> &records = *m_logRecords;
    const size_t end = std::min(records.size(), m_logPosition + kLogRecordsPerTurn);
    for (; m_logPosition < end; ++m_logPosition) {
        const LogRecord &r = records[m_logPosition];
        Partition *p = m_byKey.value(partitionKey(r.topic, r.partition));
        if (!p)
            continue;
        if (--p->remainingInLog <= 0)
            p->done = true;
        if (r.offset < p->start || r.offset >= p->end)
            continue;
        p->position = r.offset + 1;
        ++m_scanned;
        m_bytes += (r.payload ? r.payload->size() : 0) + (r.key ? r.key->size() : 0);
        if (r.timestampMs < m_skipBeforeMs) {
            ++m_skipped;
            continue;
        }
        if (m_request.stop == TopicScanRequest::Stop::Timestamp && r.timestampMs > m_request.stopTimeMs)
            continue;
        if (m_filter.matchesBytes(r) && (m_filter.needsSummary() || m_filter.matchesExpression(r))) {
            LogRecord copy = r;
            accept(*p, std::move(copy));
        }
    }
    drainMerge(false);
    const bool countReached = stopCountReached();
    if (countReached || m_logPosition >= records.size()) {
        for (auto &p : m_partitions)
            p->done = true;
        return finish(TopicScanStatus::State::Finished, tr("Read the opened log: %1").arg(countsText()));
    }
    handOff(false);
    m_timer->start();
}

} // namespace ndh
