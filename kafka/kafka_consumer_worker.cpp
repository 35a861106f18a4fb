#include "kafka_consumer_worker.h"

#include "batch_hand_off.h"
#include "kafka_client_conf.h"
#include "kafka_message_decoding.h"
#include "kafka_logging.h"
#include "raw_record_journal.h"
#include "topic_catalog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <librdkafka/rdkafka.h>

#include <array>
#include <vector>

namespace ndh {

namespace {

QString partitionKey(const QString &topic, int partition)
{
    return topic + u'\n' + QString::number(partition);
}

} // namespace

KafkaConsumerWorker::KafkaConsumerWorker(ConsumerConfig config, std::shared_ptr<std::atomic<int>> inFlight)
    : m_config(std::move(config))
    , m_inFlight(std::move(inFlight))
{
    if (m_config.topics.isEmpty())
        m_config.topics = topics::standardTopics();
    for (const QString &t : std::as_const(m_config.topics))
        m_wantedTopics.insert(t);
    // Configured envelopes pin topics (first match wins); every other topic is sniffed
    // (DESIGN.md §1: sniffing is the default).
    for (const auto &[pattern, envelope] : std::as_const(m_config.topicEnvelopes))
        m_decoder.setTopicEnvelope(pattern, envelope);
    m_status.endpoint = m_config.bootstrap;
    m_pending = m_spent.fresh(0);
}

KafkaConsumerWorker::~KafkaConsumerWorker()
{
    destroyConsumer();
}

void KafkaConsumerWorker::start()
{
    m_clock.start();
    m_sinceHandoff.invalidate(); // the first batch goes as soon as it is there
    setState(ConnectionStatus::State::Connecting);

    KafkaClientConf conf;
    conf.set(QStringLiteral("bootstrap.servers"), m_config.bootstrap);
    conf.set(QStringLiteral("client.id"), QStringLiteral("ndh-console"));
    // assign() needs a group id, but we never join the group (no 3 s rebalance, no
    // commits): every console reads the whole topic independently.
    conf.set(QStringLiteral("group.id"),
             !m_config.groupId.isEmpty()
                 ? m_config.groupId
                 : QStringLiteral("ndh-console-%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0')));
    conf.set(QStringLiteral("enable.auto.commit"), QStringLiteral("false"));
    conf.set(QStringLiteral("enable.auto.offset.store"), QStringLiteral("false"));
    conf.set(QStringLiteral("enable.partition.eof"), QStringLiteral("false"));
    // A read position the broker has deleted (the console fell behind retention) comes
    // to us as an error instead of librdkafka's silent reset: we go on from the oldest
    // record still there ourselves and count the records lost (restartAfterRetentionGap).
    conf.set(QStringLiteral("auto.offset.reset"), QStringLiteral("error"));
    // An operator console should notice a returning broker within seconds, not the
    // default 10 s backoff.
    conf.set(QStringLiteral("reconnect.backoff.max.ms"), QStringLiteral("2000"));
    conf.set(QStringLiteral("log.connection.close"), QStringLiteral("false"));
    // A console is about latency: a fetch that finds nothing returns within 20 ms
    // (brokers that do not wake a waiting fetch, like the mock, would otherwise hold
    // every quiet partition's news for the default 500 ms; at 100 ms the produced ->
    // shown p99 at 1,000 records/s was 139-174 ms). A broker that has data answers
    // at once anyway; the cost is up to 50 empty fetches a second per broker.
    conf.set(QStringLiteral("fetch.wait.max.ms"), QStringLiteral("20"));
    // With assign() every partition's fetch queue forwards to the one consumer queue,
    // and librdkafka compares that whole queue with the per-partition prefetch limits:
    // at the defaults (100,000 messages, 64 MB) a backlog over many partitions keeps
    // tripping them and fetching pauses, so catching up ran at a third of kcat's rate
    // (bench_ingest ingest 300000 80: 134k -> 307k records/s). Prefetch stays bounded
    // in bytes, next to nothing when live. The RecordReader takes records off this
    // queue as they come, into the journal's blocks (up to
    // RecordReader::kMaxBacklogBytes, 256 MB, read ahead of decoding), so this queue
    // fills only when the reader falls behind or its backlog is full: 128 MB more at
    // most. At the 64 MB default it tripped on bursts of fetches, and both cores idled
    // for half a second at a time.
    conf.set(QStringLiteral("queued.min.messages"), QStringLiteral("1000000"));
    conf.set(QStringLiteral("queued.max.messages.kbytes"), QStringLiteral("131072"));
    conf.setAll(m_config.extraProperties);
    rd_kafka_conf_set_opaque(conf.raw(), this);
    rd_kafka_conf_set_error_cb(conf.raw(), &KafkaConsumerWorker::errorCallback);
    if (m_config.statisticsIntervalMs > 0) {
        // Served from rd_kafka_poll() in pump(): parsed here, on the backend thread.
        conf.set(QStringLiteral("statistics.interval.ms"), QString::number(m_config.statisticsIntervalMs));
        rd_kafka_conf_set_stats_cb(conf.raw(), &KafkaConsumerWorker::statsCallback);
    }

    m_rk = conf.createConsumer();
    if (!m_rk) {
        // A bad property is a configuration problem, not a broker outage, but the
        // status bar is where the operator looks either way.
        setState(ConnectionStatus::State::BrokerDown, conf.error());
        qCWarning(lcKafka, "%s", qPrintable(conf.error()));
        return;
    }
    m_queue = rd_kafka_queue_get_consumer(m_rk);
    m_reader = std::make_unique<RecordReader>(m_queue, m_journal);

    m_timer = new QTimer(this);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &KafkaConsumerWorker::pump);
    m_timer->start();
}

void KafkaConsumerWorker::shutdown()
{
    if (m_timer)
        m_timer->stop();
    destroyConsumer();
    setState(ConnectionStatus::State::Disconnected);
    if (QThread *t = thread(); t && t != QCoreApplication::instance()->thread())
        t->quit();
}

void KafkaConsumerWorker::setJournal(std::shared_ptr<RawRecordJournal> journal)
{
    m_journal = std::move(journal);
}

void KafkaConsumerWorker::stopReading()
{
    if (m_read) {
        RecordReader::Batch &b = *m_read;
        b.dropErrors(m_errorsNext);
        b.slice.truncate(m_readNext);
        m_reader->done(std::exchange(m_read, nullptr));
    }
    m_readNext = 0;
    m_errorsNext = 0;
    if (m_reader) {
        m_reader->stop(); // not reading the queue any more, and every batch done is journaled
        m_reader.reset();
    }
}

void KafkaConsumerWorker::destroyConsumer()
{
    stopReading();
    dropMetadataAnswer();
    if (m_queue) {
        rd_kafka_queue_destroy(m_queue);
        m_queue = nullptr;
    }
    if (m_rk) {
        // No consumer close: it would talk to a group coordinator we never joined and,
        // with brokers unreachable, block shutdown.
        rd_kafka_destroy_flags(m_rk, RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE);
        m_rk = nullptr;
    }
}

void KafkaConsumerWorker::errorCallback(rd_kafka_t *, int err, const char *reason, void *opaque)
{
    // Served from rd_kafka_poll() in pump(), so on the worker thread.
    static_cast<KafkaConsumerWorker *>(opaque)->onClientError(err, QString::fromUtf8(reason));
}

void KafkaConsumerWorker::onClientError(int err, const QString &reason)
{
    const auto code = rd_kafka_resp_err_t(err);
    switch (code) {
    case RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN: {
        // The per-broker error that preceded this says why; this one only says "all".
        const QString why = operatorReason(m_lastTransportError.isEmpty() ? reason : m_lastTransportError);
        setState(ConnectionStatus::State::BrokerDown,
                 QStringLiteral("Cannot reach Kafka at %1: %2").arg(m_config.bootstrap, why));
        break;
    }
    case RD_KAFKA_RESP_ERR__AUTHENTICATION:
    case RD_KAFKA_RESP_ERR__SSL:
    case RD_KAFKA_RESP_ERR__FATAL:
        setState(ConnectionStatus::State::BrokerDown,
                 QStringLiteral("Kafka at %1: %2").arg(m_config.bootstrap, operatorReason(reason)));
        break;
    case RD_KAFKA_RESP_ERR__TRANSPORT:
    case RD_KAFKA_RESP_ERR__RESOLVE:
        m_lastTransportError = reason;
        // "host:port/id: Connect to ... failed: ..." names the broker; the health view
        // shows it on that broker's row.
        if (const qsizetype colon = reason.indexOf(QStringLiteral(": ")); colon > 0 && m_brokerErrors.size() < 1000)
            m_brokerErrors.insert(reason.left(colon), operatorReason(reason.mid(colon + 2)));
        qCDebug(lcKafka, "%s", qPrintable(reason));
        break;
    default:
        qCDebug(lcKafka, "client error %s: %s", rd_kafka_err2name(code), qPrintable(reason));
        break;
    }
}

int KafkaConsumerWorker::statsCallback(rd_kafka_t *, char *json, size_t len, void *opaque)
{
    static_cast<KafkaConsumerWorker *>(opaque)->onStatistics(std::string_view(json, len));
    return 0; // librdkafka frees the JSON
}

void KafkaConsumerWorker::onStatistics(std::string_view json)
{
    QString error;
    std::optional<KafkaHealth> health =
        m_statistics.parse(json, QDateTime::currentMSecsSinceEpoch(), m_brokerErrors, &error);
    if (!health) {
        qCDebug(lcKafka, "statistics not understood: %s", qPrintable(error));
        return;
    }
    health->tlsVerificationOff = m_config.tlsVerificationOff;
    emit healthChanged(*health);
}

void KafkaConsumerWorker::setState(ConnectionStatus::State state, const QString &error)
{
    // Latch: one report per episode. Further errors while already down change nothing
    // an operator would act on.
    if (state == m_status.state && (state != ConnectionStatus::State::BrokerDown || !m_status.lastError.isEmpty()))
        return;
    const bool wasDown = m_status.state == ConnectionStatus::State::BrokerDown;
    m_status.state = state;
    m_status.sinceMs = QDateTime::currentMSecsSinceEpoch();
    if (state == ConnectionStatus::State::BrokerDown) {
        m_status.lastError = error;
        m_status.brokersUp = 0;
        qCWarning(lcKafka, "%s", qPrintable(error));
    } else if (state == ConnectionStatus::State::Connected) {
        m_status.lastError.clear();
        m_lastTransportError.clear();
        if (wasDown)
            qCInfo(lcKafka, "Kafka at %s reachable again", qPrintable(m_config.bootstrap));
    }
    emit statusChanged(m_status);
}

void KafkaConsumerWorker::pump()
{
    if (!m_rk)
        return;
    // Batches the GUI has applied and let go of are freed here, not on the GUI thread.
    m_spent.reap();
    rd_kafka_poll(m_rk, 0); // error callbacks
    const qint64 now = m_clock.elapsed();
    const bool loopDemanded = m_loopDemand && m_loopDemand->load(std::memory_order_relaxed);
    if (m_metadataAnswer.valid())
        takeMetadataAnswer();
    else if (now >= m_nextMetadataMs && !loopDemanded)
        requestMetadata();

    // Back-pressure: while the GUI has not taken the previous batch and the next one
    // is already a full slice, leave further records with the reader (its bounded
    // backlog, then librdkafka's bounded queue). Decoding runs one slice ahead of the
    // GUI, no more: a backlog waits undecoded as raw records, not as a vector of
    // events to be cut from the front slice by slice.
    const size_t cap = sliceCap();
    const size_t slice = cap > 0 ? std::min(kMaxPendingEvents, cap) : kMaxPendingEvents;
    const bool guiBehind = m_inFlight->load() > 0 && m_pending->events.size() >= slice;
    if (!guiBehind)
        consumeSlice(loopDemanded);
    else if (!loopDemanded) {
        // The next slice is ready: hand it off the moment the GUI lets go of the last
        // (a poll slice at most, so the loop still turns for queued calls).
        if (m_released)
            m_released->waitUntilTaken(*m_inFlight, std::chrono::milliseconds(kPollSliceMs));
        else
            QThread::msleep(1);
    }

    handOff(false);
    if (m_clock.elapsed() >= m_nextStatusMs)
        tickStatus();
}

EventSource &KafkaConsumerWorker::sourceFor(const QString &topic)
{
    // The reader passes the same topic string record after record.
    if (m_lastSource && sameText(m_lastSource->topic, topic))
        return *m_lastSource;
    if (m_sources.size() > 1000) // topics that came and went: forget, keep the cache small
        m_sources.clear();
    auto it = m_sources.find(topic);
    if (it == m_sources.end()) {
        EventSource source;
        source.channel = EventSource::Channel::Kafka;
        source.topic = topic; // the reader's lasting copy: no reference count to bounce between threads
        it = m_sources.insert(topic, source);
    }
    m_lastSource = &it.value(); // QHash values stay put until the hash changes
    return *m_lastSource;
}

void KafkaConsumerWorker::handleError(rd_kafka_message_t *error)
{
    if (error->err == RD_KAFKA_RESP_ERR__AUTO_OFFSET_RESET || error->err == RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE)
        restartAfterRetentionGap(error);
    else if (error->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
        qCDebug(lcKafka, "consumer: %s", rd_kafka_message_errstr(error));
    rd_kafka_message_destroy(error);
}

bool KafkaConsumerWorker::decodeRead(size_t cap, qint64 nowMs)
{
    EventBatch &pending = *m_pending;
    while (m_read) {
        RecordReader::Batch &b = *m_read;
        RawRecordJournal::Slice &slice = b.slice;
        for (;;) {
            if (m_errorsNext < b.errors.size() && b.errors[m_errorsNext].first == m_readNext) {
                handleError(std::exchange(b.errors[m_errorsNext++].second, nullptr));
                continue;
            }
            if (m_readNext == slice.size())
                break;
            if (cap > 0 && pending.events.size() >= cap)
                return false; // a full slice: hand it off before decoding more
            const size_t i = m_readNext++;
            const RawRecordJournal::Slice::Record r = slice.record(i);
            EventSource &source = sourceFor(*r.topic);
            if (!m_retentionGaps.isEmpty())
                countRetentionGap(source.topic, r.partition, r.offset);
            const size_t before = pending.events.size();
            decodeKafkaRecord(m_decoder, source, r.partition, r.offset, r.timestampMs, r.key, r.payload,
                              pending.events, pending.deadLetters, nowMs);
            ++pending.recordsConsumed;
            pending.bytesConsumed += quint64(r.payload.size());
            ++m_recordsThisSecond;
            if (pending.events.size() > before) {
                // The journal indexes the record by its first event (the event goes to
                // the GUI: an asset without a registry ref is copied as text).
                const PlantEvent &e = pending.events[before];
                slice.setIndex(i, e.eventTimeMs, &e.asset, e.assetRef);
            }
        }
        b.errors.clear();
        m_reader->done(std::exchange(m_read, nullptr));
        m_readNext = 0;
        m_errorsNext = 0;
    }
    return true;
}

void KafkaConsumerWorker::consumeSlice(bool noWait)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    // A slice is exactly sliceCap() events (give or take the events of one record):
    // what does not fit stays read for the next one, so no batch is cut up later.
    const size_t cap = sliceCap();
    bool full = !decodeRead(cap, nowMs);
    // With a backlog going out in slices the next slice should go the moment the GUI
    // took the last: take what is ready, do not wait. Asked not to block
    // (KafkaConsumerWorker::setLoopDemand): a 1 ms look, so the loop turns at once
    // for the Redis replies without spinning a core the server needs.
    const bool backlog = cap > 0 && m_pending->events.size() >= cap;
    const qint64 sliceEnd = m_clock.elapsed() + (noWait ? 1 : backlog ? 1 : kPollSliceMs);
    for (bool first = true; !full && m_reader; first = false) {
        const qint64 left = sliceEnd - m_clock.elapsed();
        if (left <= 0 && !first)
            break;
        // The first batch is waited for (the reader hands one over within its own
        // poll of the queue); after it, what is ready is taken.
        m_read = m_reader->take(first ? int(std::max<qint64>(0, left)) : 0);
        if (!m_read)
            break; // drained what was ready; the next slice waits for more
        full = !decodeRead(cap, nowMs);
        // Records flowing means the cluster is there, whatever the last error said.
        if (m_status.state != ConnectionStatus::State::Connected)
            setState(ConnectionStatus::State::Connected);
    }
}

// librdkafka 2.0.2 looks up a logical start offset (BEGINNING, END, TAIL) as soon as
// a partition is assigned; if the partition of a topic it has not known locally is
// not yet handed to its leader's broker thread, the look-up is retried only after
// 500 ms ("no current leader"). That was half of all demo start-ups: the first plant
// state 550 ms late. Known locally first (a handle, then one metadata answer), the
// partitions are with their leaders before the assignment.
static void delegateBeforeAssign(rd_kafka_t *rk, const rd_kafka_topic_partition_list_t *add, int timeoutMs)
{
    std::vector<rd_kafka_topic_t *> handles;
    QSet<QByteArray> seen;
    for (int i = 0; i < add->cnt; ++i) {
        const QByteArray topic(add->elems[i].topic);
        if (!seen.contains(topic)) {
            seen.insert(topic);
            if (rd_kafka_topic_t *handle = rd_kafka_topic_new(rk, topic.constData(), nullptr))
                handles.push_back(handle);
        }
    }
    const rd_kafka_metadata_t *md = nullptr;
    if (!handles.empty() && rd_kafka_metadata(rk, 1, nullptr, &md, timeoutMs) == RD_KAFKA_RESP_ERR_NO_ERROR)
        rd_kafka_metadata_destroy(md);
    for (rd_kafka_topic_t *handle : handles)
        rd_kafka_topic_destroy(handle);
}

void KafkaConsumerWorker::requestMetadata()
{
    rd_kafka_t *rk = m_rk; // outlives the request: dropMetadataAnswer() before it goes
    m_metadataAnswer = std::async(std::launch::async, [rk] {
        MetadataAnswer a;
        const rd_kafka_metadata_t *md = nullptr;
        a.err = rd_kafka_metadata(rk, 1, nullptr, &md, kMetadataTimeoutMs);
        a.md = md;
        return a;
    });
}

void KafkaConsumerWorker::dropMetadataAnswer()
{
    if (!m_metadataAnswer.valid())
        return;
    if (const MetadataAnswer a = m_metadataAnswer.get(); a.md)
        rd_kafka_metadata_destroy(a.md);
}

void KafkaConsumerWorker::takeMetadataAnswer()
{
    if (m_metadataAnswer.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    const MetadataAnswer answer = m_metadataAnswer.get();
    const rd_kafka_metadata_t *md = answer.md;
    const auto err = rd_kafka_resp_err_t(answer.err);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        if (md)
            rd_kafka_metadata_destroy(md);
        // Not necessarily down (a slow answer); error_cb decides that. Retry soon.
        qCDebug(lcKafka, "metadata: %s", rd_kafka_err2str(err));
        m_nextMetadataMs = m_clock.elapsed() + kMetadataRetryMs;
        return;
    }
    m_status.brokersKnown = md->broker_cnt;
    m_status.brokersUp = md->broker_cnt;
    setState(ConnectionStatus::State::Connected);

    rd_kafka_topic_partition_list_t *add = rd_kafka_topic_partition_list_new(16);
    for (int t = 0; t < md->topic_cnt; ++t) {
        const rd_kafka_metadata_topic_t &topic = md->topics[t];
        const QString name = QString::fromUtf8(topic.topic);
        if (topic.err != RD_KAFKA_RESP_ERR_NO_ERROR || !m_wantedTopics.contains(name))
            continue;
        for (int p = 0; p < topic.partition_cnt; ++p) {
            const int partition = topic.partitions[p].id;
            const QString key = partitionKey(name, partition);
            if (m_assigned.contains(key))
                continue;
            // Partitions that appear after the first assignment hold only new records:
            // read them whole whatever the configured start.
            qint64 offset = RD_KAFKA_OFFSET_BEGINNING;
            if (!m_initialAssignmentDone) {
                switch (m_config.startFrom) {
                case ConsumerConfig::StartFrom::Beginning: offset = RD_KAFKA_OFFSET_BEGINNING; break;
                case ConsumerConfig::StartFrom::End: offset = RD_KAFKA_OFFSET_END; break;
                case ConsumerConfig::StartFrom::LastN:
                    offset = m_config.lastN > 0 ? RD_KAFKA_OFFSET_TAIL(m_config.lastN) : RD_KAFKA_OFFSET_END;
                    break;
                }
            }
            rd_kafka_topic_partition_list_add(add, topic.topic, partition)->offset = offset;
            m_assigned.insert(key);
        }
    }
    rd_kafka_metadata_destroy(md);
    m_initialAssignmentDone = true;
    if (add->cnt > 0) {
        delegateBeforeAssign(m_rk, add, kMetadataTimeoutMs);
        if (rd_kafka_error_t *error = rd_kafka_incremental_assign(m_rk, add)) {
            qCWarning(lcKafka, "assign failed: %s", rd_kafka_error_string(error));
            rd_kafka_error_destroy(error);
            // Forget them so the next refresh tries again.
            for (int i = 0; i < add->cnt; ++i)
                m_assigned.remove(partitionKey(QString::fromUtf8(add->elems[i].topic), add->elems[i].partition));
        } else {
            qCInfo(lcKafka, "assigned %d partitions (%lld in total)", add->cnt, qlonglong(m_assigned.size()));
        }
    }
    rd_kafka_topic_partition_list_destroy(add);
    m_nextMetadataMs = m_clock.elapsed() + kMetadataIntervalMs;
}

void KafkaConsumerWorker::restartAfterRetentionGap(rd_kafka_message_t *error)
{
    if (!error->rkt)
        return;
    const QString topic = QString::fromUtf8(rd_kafka_topic_name(error->rkt));
    const QString key = partitionKey(topic, error->partition);
    // The first position that went missing; a second error before any record keeps it.
    if (!m_retentionGaps.contains(key) && error->offset >= 0)
        m_retentionGaps.insert(key, error->offset);
    qCWarning(lcKafka, "%s [%d]: read position %lld no longer on the broker (retention); going on from the oldest record",
              qPrintable(topic), int(error->partition), qlonglong(error->offset));
    // Re-assigning at BEGINNING asks the broker for its oldest offset now: a partition
    // left in the error state would never be fetched again.
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(list, rd_kafka_topic_name(error->rkt), error->partition)->offset =
        RD_KAFKA_OFFSET_BEGINNING;
    if (rd_kafka_error_t *e = rd_kafka_incremental_unassign(m_rk, list))
        rd_kafka_error_destroy(e);
    if (rd_kafka_error_t *e = rd_kafka_incremental_assign(m_rk, list)) {
        qCWarning(lcKafka, "re-assign failed: %s", rd_kafka_error_string(e));
        rd_kafka_error_destroy(e);
        m_assigned.remove(key); // the next metadata refresh assigns it again
    }
    rd_kafka_topic_partition_list_destroy(list);
}

void KafkaConsumerWorker::countRetentionGap(const QString &topic, int partition, qint64 firstOffsetRead)
{
    const auto it = m_retentionGaps.find(partitionKey(topic, partition));
    if (it == m_retentionGaps.end())
        return;
    const qint64 lost = std::max<qint64>(0, firstOffsetRead - it.value());
    m_retentionGaps.erase(it);
    if (lost == 0)
        return;
    m_pending->recordsLostToRetention += quint64(lost);
    // The operator sees it where undecodable records go: what was lost, where, and why.
    DeadLetter notice;
    notice.reason = QStringLiteral("%1 records of %2 [%3] (offsets %4-%5) were deleted by the broker (retention) "
                                   "before the console could read them; reading went on from offset %6")
                        .arg(lost)
                        .arg(topic)
                        .arg(partition)
                        .arg(firstOffsetRead - lost)
                        .arg(firstOffsetRead - 1)
                        .arg(firstOffsetRead);
    notice.source.channel = EventSource::Channel::Kafka;
    notice.source.topic = topic;
    notice.source.partition = partition;
    notice.source.offset = firstOffsetRead - lost;
    notice.receivedMs = QDateTime::currentMSecsSinceEpoch();
    m_pending->deadLetters.push_back(std::move(notice));
}

void KafkaConsumerWorker::handOff(bool force)
{
    const EventBatch &pending = *m_pending;
    if (carriesNothing(pending))
        return;
    // A full slice goes as soon as the GUI took the last one (the pacing is for trickles).
    const size_t cap = sliceCap();
    const bool full = cap > 0 && pending.events.size() >= cap;
    // The pacing counts from the last hand-off: the first waits for nothing (it used
    // to wait 34 ms from start(), the GUI idle while a backlog was being decoded).
    const bool first = !m_sinceHandoff.isValid();
    if (!handOffDue(*m_inFlight, m_config.maxHandoffsPerSecond, m_sinceHandoff, force || full || first))
        return;
    m_inFlight->fetch_add(1);
    m_sinceHandoff.restart();
    m_pending->createdMs = QDateTime::currentMSecsSinceEpoch();
    // Room for a slice a little larger than now: the cap follows the GUI's pace.
    const EventBatchPtr batch = m_spent.handOut(std::exchange(m_pending, m_spent.fresh(cap + cap / 4)));
    emit batchReady(batch);
}

size_t KafkaConsumerWorker::sliceCap() const
{
    const size_t countCap = size_t(std::max(0, m_config.maxEventsPerHandoff));
    const qint64 nsPerEvent = m_guiNsPerEvent ? m_guiNsPerEvent->load(std::memory_order_relaxed) : 0;
    if (m_config.guiBudgetMsPerHandoff <= 0 || !m_guiNsPerEvent)
        return countCap;
    if (nsPerEvent <= 0) {
        // The GUI's pace is not known yet: a small first slice, so the GUI starts
        // applying while the backend decodes the next instead of idling until a
        // full-size slice is decoded (10,000 events: 20-40 ms at the start of a backlog).
        constexpr size_t kFirstSlice = 1024;
        return countCap > 0 ? std::min(countCap, kFirstSlice) : kFirstSlice;
    }
    // At least a few hundred events, so the per-turn cost of a hand-off stays small
    // next to the events it carries.
    constexpr size_t kMinSlice = 256;
    const size_t byTime = std::max(kMinSlice, size_t(qint64(m_config.guiBudgetMsPerHandoff) * 1000000 / nsPerEvent));
    return countCap > 0 ? std::min(countCap, byTime) : byTime;
}

void KafkaConsumerWorker::tickStatus()
{
    const qint64 now = m_clock.elapsed();
    const qint64 window = std::max<qint64>(1, now - m_rateWindowStartMs);
    const double rate = double(m_recordsThisSecond) * 1000.0 / double(window);
    m_recordsThisSecond = 0;
    m_rateWindowStartMs = now;
    m_nextStatusMs = now + 1000;
    if (rate != m_status.recordsPerSecond) {
        m_status.recordsPerSecond = rate;
        emit statusChanged(m_status);
    }
}

} // namespace ndh
