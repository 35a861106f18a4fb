#pragma once
// Shared by the pipeline benchmarks (bench_ingest, bench_ui): the machine line every
// bench prints, the 300-byte NDH envelope they feed, a fast producer into the
// embedded broker, percentiles and the process's resident memory.

#include "kafka_client_conf.h"
#include "envelope_decoder.h"
#include "process_threads.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QString>
#include <QThread>

#include <librdkafka/rdkafka.h>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <vector>

namespace ndhbench {

// "1.23 2.34 3.45": how busy the shared machine was while the figures were taken.
inline QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(f.readAll()).section(u' ', 0, 2);
}

inline QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly)) {
        // /proc files report size 0: read them whole, not line by line up to "the end".
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed()) + QStringLiteral(", load average ")
                       + loadAverage();
        }
    }
    return QStringLiteral("unknown CPU");
}

inline void printMachine()
{
    std::printf("machine: %d cores, %s\n", QThread::idealThreadCount(), qPrintable(cpuModel()));
}

// Resident set size of this process in bytes (/proc/self/statm), 0 if unknown.
inline qint64 residentBytes()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * 4096 : 0;
}

// CPU seconds (user + system) this process has used, and those its reaped children
// (kcat) used: figures that hold on a shared machine where wall time does not.
inline double cpuSeconds(int who = RUSAGE_SELF)
{
    rusage u{};
    getrusage(who, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// CPU seconds the calling thread has used.
inline double threadCpuNow()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// CPU seconds of this process's threads named `name` (e.g. "rdk:mock", the embedded
// broker, which serves kcat and the console alike and so belongs to neither); with
// NameMatch::Prefix, of those whose name starts with it ("rdk:": librdkafka's).
enum class NameMatch { Exact, Prefix };
inline double threadCpuSeconds(const QByteArray &name, NameMatch match = NameMatch::Exact)
{
    double total = 0;
    const long ticks = sysconf(_SC_CLK_TCK);
    ndhtest::forEachThreadStat([&](const QByteArray &threadName, const QList<QByteArray> &f) {
        if (match == NameMatch::Exact ? threadName != name : !threadName.startsWith(name))
            return;
        if (f.size() > 12)
            total += double(f[11].toLongLong() + f[12].toLongLong()) / double(ticks);
    });
    return total;
}

// p in [0, 1] of a sample set (sorted here); 0 when empty.
inline double percentile(std::vector<double> &values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t i = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[i];
}

// The asset a record with sequence number `seq` is about: 10,000 assets by default.
struct NdhFeed
{
    static constexpr quint64 kAlarmEvery = 500;
    int assets = 10000;

    // "AREA-n/Type/ID/attribute" of asset `a`, as the tree and the plots name it.
    static QString attributeKey(int a, int attribute)
    {
        static const std::array<const char *, 5> kTypeNames = {"Pump", "Motor", "Compressor", "Conveyor", "Fan"};
        static const std::array<const char *, 4> kAttributes = {"pressure", "temperature", "flow_rate", "speed"};
        NdhFeed feed;
        return QStringLiteral("AREA-%1/%2/%3/%4")
            .arg(a % 20)
            .arg(QLatin1String(kTypeNames[size_t(a) % kTypeNames.size()]),
                 QString::fromLatin1(feed.assetId(quint64(a))), QLatin1String(kAttributes[size_t(attribute) % 4]));
    }

    // Curve `curve` of plot `plot` in the benchmarks' 8 plots of 4 curves (bench_ui
    // plots them; bench_ingest watches the same series), on assets the feed updates.
    static QString plottedKey(int plot, int curve) { return attributeKey(plot * 4 + curve, curve); }

    QByteArray assetId(quint64 seq) const
    {
        static const std::array<const char *, 5> kTypes = {"PUMP", "MOTOR", "COMP", "CONV", "FAN"};
        const int a = int(seq % quint64(assets));
        return QByteArray(kTypes[size_t(a) % kTypes.size()]) + '-' + QByteArray::number(a).rightJustified(5, '0');
    }

    // A ~300-byte attribute_changed NDH envelope (DESIGN.md §1.1) stamped `timeMs`.
    QByteArray payload(quint64 seq, qint64 timeMs) const
    {
        static const std::array<const char *, 5> kTypeNames = {"Pump", "Motor", "Compressor", "Conveyor", "Fan"};
        static const std::array<const char *, 4> kAttributes = {"pressure", "temperature", "flow_rate", "speed"};
        static const std::array<const char *, 4> kUnits = {"bar", "degC", "m3/h", "rpm"};
        const int a = int(seq % quint64(assets));
        const size_t attr = size_t(seq / quint64(assets)) % kAttributes.size();
        const double value = double((seq * 7919) % 100000) / 100.0;
        QByteArray r;
        r.reserve(320);
        r += "{\"message_id\":\"m-";
        r += QByteArray::number(seq);
        r += "\",\"message_type\":\"event\",\"timestamp\":\"";
        r += ndh::formatTimestampMs(timeMs).toLatin1();
        r += "\",\"source_orb\":\"orb-1\",\"asset_id\":\"";
        r += assetId(seq);
        r += "\",\"asset_type\":\"";
        r += kTypeNames[size_t(a) % kTypeNames.size()];
        r += "\",\"location\":\"AREA-";
        r += QByteArray::number(a % 20);
        if (seq % kAlarmEvery == 0) {
            // One record in kAlarmEvery is an alarm transition, so the alarm list lives too.
            const bool trigger = (seq / kAlarmEvery) % 2 == 0;
            r += trigger ? "\",\"event_type\":\"alarm_triggered\"" : "\",\"event_type\":\"alarm_cleared\"";
            r += ",\"event_data\":{\"alarm_id\":\"HI-";
            r += kAttributes[attr];
            r += "\",\"priority\":2,\"message\":\"";
            r += kAttributes[attr];
            r += " high\",\"attribute\":\"";
            r += kAttributes[attr];
            r += "\",\"value\":";
            r += QByteArray::number(value, 'f', 2);
            r += "},\"version\":1}";
            return r;
        }
        r += "\",\"event_type\":\"attribute_changed\",\"event_data\":{\"attribute\":\"";
        r += kAttributes[attr];
        r += "\",\"old_value\":";
        r += QByteArray::number(value - 0.5, 'f', 2);
        r += ",\"new_value\":";
        r += QByteArray::number(value, 'f', 2);
        r += ",\"unit\":\"";
        r += kUnits[attr];
        r += "\"},\"correlation_id\":null,\"version\":1}";
        return r;
    }
};

// Records the broker holds on `topic` now (high minus low watermark, summed over
// partitions): what any reader of the whole topic gets; 0 when the watermarks could
// not be read.
inline quint64 recordsHeld(const QString &bootstrap, const char *topic, int partitions)
{
    ndh::KafkaClientConf conf;
    conf.setGrouplessReader(bootstrap, QStringLiteral("ndh-bench-watermarks"));
    const std::unique_ptr<rd_kafka_t, ndh::KafkaClientConf::ConsumerDeleter> rk(conf.createConsumer());
    if (!rk)
        return 0;
    quint64 kept = 0;
    for (int p = 0; p < partitions; ++p) {
        int64_t low = 0, high = 0;
        if (rd_kafka_query_watermark_offsets(rk.get(), topic, p, &low, &high, 5000) == RD_KAFKA_RESP_ERR_NO_ERROR)
            kept += quint64(std::max<int64_t>(0, high - low));
    }
    return kept;
}

// recordsHeld() after a fill of `produced` records. The embedded broker keeps only
// the newest ~5 MB of a partition, so a big fill over few partitions loses its
// oldest records; a run that waited for all of them would never end. Says so when
// fewer than `produced` are left.
inline quint64 recordsKept(const QString &bootstrap, const char *topic, int partitions, quint64 produced)
{
    const quint64 kept = recordsHeld(bootstrap, topic, partitions);
    if (kept != produced)
        std::printf("the broker kept %llu of the %llu records (its ~5 MB per partition retention dropped the "
                    "oldest %llu; more partitions keep them all): the run reads those %llu\n",
                    qulonglong(kept), qulonglong(produced), qulonglong(produced - std::min(kept, produced)),
                    qulonglong(kept));
    return kept;
}

// A throughput producer into the embedded broker (lingers `lingerMs` to batch).
class Producer
{
public:
    // acks (optional): acks[seq] becomes the time (ms since epoch) the broker's
    // acknowledgement of record `seq` (produce(..., seq)) was served by poll().
    Producer(const QString &bootstrap, int lingerMs, std::vector<qint64> *acks = nullptr)
        : m_acks(acks)
    {
        ndh::KafkaClientConf conf;
        if (acks) {
            rd_kafka_conf_set_opaque(conf.raw(), this);
            rd_kafka_conf_set_dr_msg_cb(conf.raw(), [](rd_kafka_t *, const rd_kafka_message_t *msg, void *opaque) {
                // The record's opaque is its sequence number + 1.
                const auto seq = reinterpret_cast<quintptr>(msg->_private);
                std::vector<qint64> &byRecord = *static_cast<Producer *>(opaque)->m_acks;
                if (msg->err == RD_KAFKA_RESP_ERR_NO_ERROR && seq > 0 && seq <= byRecord.size())
                    byRecord[seq - 1] = QDateTime::currentMSecsSinceEpoch();
            });
        }
        conf.set(QStringLiteral("bootstrap.servers"), bootstrap);
        conf.set(QStringLiteral("linger.ms"), QString::number(lingerMs));
        conf.set(QStringLiteral("batch.num.messages"), QStringLiteral("10000"));
        conf.set(QStringLiteral("queue.buffering.max.messages"), QStringLiteral("1000000"));
        conf.set(QStringLiteral("queue.buffering.max.kbytes"), QStringLiteral("1048576"));
        conf.set(QStringLiteral("acks"), QStringLiteral("1"));
        m_rk = conf.createProducer();
        if (!m_rk)
            std::fprintf(stderr, "producer: %s\n", qPrintable(conf.error()));
    }
    ~Producer()
    {
        if (m_rk) {
            rd_kafka_flush(m_rk, 10000);
            rd_kafka_destroy(m_rk);
        }
    }
    bool ok() const { return m_rk != nullptr; }

    void produce(const QByteArray &topic, const QByteArray &key, const QByteArray &payload, quint64 seq = ~0ULL)
    {
        void *const opaque = seq == ~0ULL ? nullptr : reinterpret_cast<void *>(quintptr(seq + 1));
        for (;;) {
            const rd_kafka_resp_err_t err = rd_kafka_producev(
                m_rk, RD_KAFKA_V_TOPIC(topic.constData()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                RD_KAFKA_V_KEY(key.constData(), size_t(key.size())),
                RD_KAFKA_V_VALUE(const_cast<char *>(payload.constData()), size_t(payload.size())),
                RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
            if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL)
                break;
            rd_kafka_poll(m_rk, 10);
        }
        if (++m_sincePoll >= 1000) {
            rd_kafka_poll(m_rk, 0);
            m_sincePoll = 0;
        }
    }
    void flush() { rd_kafka_flush(m_rk, 60000); }
    void poll() { rd_kafka_poll(m_rk, 0); }

private:
    rd_kafka_t *m_rk = nullptr;
    std::vector<qint64> *m_acks = nullptr;
    int m_sincePoll = 0;
};

} // namespace ndhbench
