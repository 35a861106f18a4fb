// Redis beside Kafka (issue 4, DESIGN.md §1.4): how fast the console's Redis path is,
// against peers measured in the same run on the same redis-server.
//
//   bench_redis [MESSAGES=200000] [SNAPSHOT_ASSETS=10000,100000]
//
// 1. Pub/sub ingest: redis-benchmark (Debian redis-tools) PUBLISHes MESSAGES NDH
//    value envelopes (unique message ids through __rand_int__) on ndh:asset:value
//    while two subscribers listen: the console's path (IngestBackend -> RedisClient
//    on the backend thread -> coalesced batches -> PlantModels::applyBatch on this
//    thread) and a plain blocking hiredis subscriber that only counts (the peer).
//    Each reports messages/s from the start of publishing to its last message.
// 2. Snapshot on connect: N state hashes (docs/REDIS.md layout) written with
//    redis-cli --pipe; time from start to "state read" and to "N assets in the
//    tree", against a plain hiredis SCAN + pipelined HGETALL that only reads (peer).
//
// A redis-server is started on a free loopback port (tests/common/redis_fixture.h)
// with no output-buffer limit for subscribers, so a slower subscriber is measured,
// not dropped.

#include "envelope_decoder.h"
#include "ingest_backend.h"
#include "plant_models.h"
#include "redis_fixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <hiredis/hiredis.h>

#include <atomic>
#include <cstdio>
#include <thread>

using namespace ndh;
using ndhtest::RedisServer;

namespace {

double seconds(qint64 ns)
{
    return double(ns) / 1e9;
}

QByteArray resp(const QList<QByteArray> &argv)
{
    QByteArray out = '*' + QByteArray::number(argv.size()) + "\r\n";
    for (const QByteArray &a : argv)
        out += '$' + QByteArray::number(a.size()) + "\r\n" + a + "\r\n";
    return out;
}

// Runs the event loop until done() or timeoutMs; false on timeout.
bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

ConsumerConfig noKafka()
{
    // The Kafka side is not measured: a loopback port nobody listens on.
    ConsumerConfig c;
    c.bootstrap = QStringLiteral("127.0.0.1:%1").arg(ndhtest::closedLoopbackPort());
    return c;
}

RedisConfig redisConfig(const RedisServer &server)
{
    RedisConfig c;
    c.enabled = true;
    c.endpoint.port = server.port();
    return c;
}

// The console as composed by app/console_main.cpp, minus the window.
struct Console
{
    PlantModels models;
    IngestBackend backend{noKafka()};
    std::atomic<bool> snapshotDone{false};
    qint64 snapshotMs = -1;
    explicit Console(const RedisConfig &redis)
    {
        backend.setRedisConfig(redis);
        QObject::connect(&backend, &IngestBackend::batchReady, &models, &PlantModels::applyBatch);
        QObject::connect(&backend, &IngestBackend::redisSnapshotFinished, &models, [this](quint64, qint64 ms) {
            snapshotMs = ms;
            snapshotDone = true;
        });
    }
};

void pubSub(RedisServer &server, qint64 messages)
{
    Console console(redisConfig(server));
    console.backend.start();
    if (!spinUntil([&] { return console.snapshotDone.load(); }, 20000)) {
        std::fprintf(stderr, "the console did not connect to Redis\n");
        return;
    }
    // The peer: a blocking hiredis subscriber on its own thread, counting messages.
    std::atomic<qint64> peerCount{0};
    std::atomic<qint64> peerLastNs{0};
    std::atomic<bool> peerReady{false};
    QElapsedTimer clock;
    clock.start();
    std::thread peer([&] {
        redisContext *c = redisConnect("127.0.0.1", server.port());
        if (!c || c->err) {
            std::fprintf(stderr, "peer: cannot connect\n");
            peerReady = true;
            return;
        }
        auto *r = static_cast<redisReply *>(redisCommand(c, "SUBSCRIBE ndh:asset:value"));
        freeReplyObject(r);
        peerReady = true;
        while (peerCount < messages) {
            void *reply = nullptr;
            if (redisGetReply(c, &reply) != REDIS_OK)
                break;
            freeReplyObject(reply);
            ++peerCount;
            peerLastNs = clock.nsecsElapsed();
        }
        redisFree(c);
    });
    while (!peerReady)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));

    const quint64 before = console.models.recordsConsumed();
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    // An NDH value envelope; redis-benchmark replaces __rand_int__ per request, so
    // message ids and values differ (a few of 10^12 may collide and apply once); the
    // leading 1 keeps the zero-padded number valid JSON.
    const QString payload =
        QStringLiteral("{\"message_id\":\"bench-__rand_int__\",\"message_type\":\"attribute_changed\","
                       "\"timestamp\":\"%1\",\"source_orb\":\"BENCH\",\"asset_id\":\"PUMP_B1\","
                       "\"asset_uuid\":\"uuid-b1\",\"asset_type\":\"Pump\",\"location\":\"BENCH\","
                       "\"event_type\":\"attribute_changed\",\"event_data\":{\"attribute\":\"flow\","
                       "\"old_value\":0,\"new_value\":1__rand_int__},\"version\":1}")
            .arg(formatTimestampMs(nowMs));
    QProcess publisher;
    publisher.setProcessChannelMode(QProcess::MergedChannels);
    const qint64 startNs = clock.nsecsElapsed();
    publisher.start(QStringLiteral("redis-benchmark"),
                    {QStringLiteral("-p"), QString::number(server.port()), QStringLiteral("-n"),
                     QString::number(messages), QStringLiteral("-c"), QStringLiteral("1"), QStringLiteral("-P"),
                     QStringLiteral("32"), QStringLiteral("-r"), QStringLiteral("1000000000000"), QStringLiteral("-q"),
                     QStringLiteral("PUBLISH"), QStringLiteral("ndh:asset:value"), payload});
    qint64 consoleLastNs = 0;
    quint64 seen = 0;
    spinUntil(
        [&] {
            const quint64 now = console.models.recordsConsumed() - before;
            if (now != seen) {
                seen = now;
                consoleLastNs = clock.nsecsElapsed();
            }
            return qint64(seen) >= messages && peerCount >= messages;
        },
        300000);
    publisher.waitForFinished(60000);
    const QByteArray benchOut = publisher.readAll();
    peer.join();
    console.backend.stop();

    QByteArray benchLine;
    for (const QByteArray &line : benchOut.split('\r'))
        if (line.contains("requests per second"))
            benchLine = line.trimmed();
    const double consoleSec = seconds(consoleLastNs - startNs);
    const double peerSec = seconds(peerLastNs - startNs);
    std::printf("pub/sub: %lld messages of %lld bytes on ndh:asset:value\n", qlonglong(messages),
                qlonglong(payload.size()));
    std::printf("  redis-benchmark publishing: %s\n", benchLine.isEmpty() ? benchOut.trimmed().constData() : benchLine.constData());
    std::printf("  %-44s %8.2f s %10.0f messages/s\n", "plain hiredis subscriber (peer, counts only)", peerSec,
                double(peerCount) / peerSec);
    std::printf("  %-44s %8.2f s %10.0f messages/s  (%.2fx the peer's rate), %llu applied, %llu events\n",
                "console: RedisClient -> PlantModels", consoleSec, double(seen) / consoleSec,
                (double(seen) / consoleSec) / (double(peerCount) / peerSec), static_cast<unsigned long long>(seen),
                static_cast<unsigned long long>(console.models.eventsApplied()));
}

void snapshot(RedisServer &server, int assets)
{
    server.cli({QStringLiteral("FLUSHALL")});
    const QByteArray attrs = "{\"flow_rate\":12.5,\"pressure\":3.2,\"temperature\":61.0,\"running\":true}";
    const QByteArray updated = formatTimestampMs(QDateTime::currentMSecsSinceEpoch() - 1000).toUtf8();
    QByteArray commands;
    for (int i = 0; i < assets; ++i) {
        const QByteArray id = "PUMP_" + QByteArray::number(i).rightJustified(6, '0');
        commands += resp({"HSET", "ndh:state:" + id, "id", id, "type", "Pump", "location",
                          "SITE_" + QByteArray::number(i % 20), "lifecycle", "active", "updated", updated,
                          "attributes", attrs});
    }
    if (!server.pipe(commands)) {
        std::fprintf(stderr, "cannot write %d hashes\n", assets);
        return;
    }

    // Peer: a plain blocking hiredis reader, SCAN COUNT 1000 + pipelined HGETALL, no decoding.
    QElapsedTimer clock;
    clock.start();
    qint64 peerKeys = 0;
    {
        redisContext *c = redisConnect("127.0.0.1", server.port());
        QByteArray cursor = "0";
        do {
            auto *r = static_cast<redisReply *>(
                redisCommand(c, "SCAN %b MATCH ndh:state:* COUNT 1000", cursor.constData(), size_t(cursor.size())));
            if (!r || r->type != REDIS_REPLY_ARRAY || r->elements != 2)
                break;
            cursor = QByteArray(r->element[0]->str, qsizetype(r->element[0]->len));
            const redisReply *keys = r->element[1];
            for (size_t i = 0; i < keys->elements; ++i)
                redisAppendCommand(c, "HGETALL %b", keys->element[i]->str, keys->element[i]->len);
            for (size_t i = 0; i < keys->elements; ++i) {
                void *reply = nullptr;
                redisGetReply(c, &reply);
                freeReplyObject(reply);
                ++peerKeys;
            }
            freeReplyObject(r);
        } while (cursor != "0");
        redisFree(c);
    }
    const double peerSec = seconds(clock.nsecsElapsed());

    Console console(redisConfig(server));
    clock.restart();
    console.backend.start();
    qint64 readNs = 0;
    const bool complete = spinUntil(
        [&] {
            if (console.snapshotDone && readNs == 0)
                readNs = clock.nsecsElapsed();
            return console.models.assetTree()->assetCount() >= assets;
        },
        120000);
    const double treeSec = seconds(clock.nsecsElapsed());
    // The tree can be complete before the snapshotFinished signal is delivered: wait
    // for it too, so the state-read figure is never a zero that was not measured.
    spinUntil(
        [&] {
            if (console.snapshotDone && readNs == 0)
                readNs = clock.nsecsElapsed();
            return readNs != 0;
        },
        10000);
    console.backend.stop();
    std::printf("snapshot of %d asset hashes (%lld read by the peer)\n", assets, qlonglong(peerKeys));
    std::printf("  %-44s %8.3f s\n", "plain hiredis SCAN + HGETALL (peer, no decode)", peerSec);
    std::printf("  %-44s %8.3f s  (%.2fx the peer)\n", "console: state read (snapshotFinished)",
                seconds(readNs), seconds(readNs) / peerSec);
    std::printf("  %-44s %8.3f s  %s\n", "console: all assets in the tree", treeSec,
                complete ? "" : "(NOT complete after 120 s)");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qRegisterMetaType<ndh::EventBatchPtr>("ndh::EventBatchPtr");
    qRegisterMetaType<ndh::ConnectionStatus>("ndh::ConnectionStatus");
    const QStringList args = app.arguments();
    const qint64 messages = args.size() > 1 ? std::max<qint64>(1000, args.at(1).toLongLong()) : 200000;
    QList<int> sizes{10000, 100000};
    if (args.size() > 2) {
        sizes.clear();
        for (const QString &n : args.at(2).split(u','))
            sizes << std::max(1, n.toInt());
    }
    if (!RedisServer::available() || QStandardPaths::findExecutable(QStringLiteral("redis-benchmark")).isEmpty()) {
        std::fprintf(stderr, "redis-server, redis-cli and redis-benchmark are needed (Debian redis-server, redis-tools)\n");
        return 1;
    }
    RedisServer server({QStringLiteral("--client-output-buffer-limit"), QStringLiteral("pubsub 0 0 0")});
    if (!server.start()) {
        std::fprintf(stderr, "cannot start redis-server\n");
        return 1;
    }
    pubSub(server, messages);
    for (int n : sizes)
        snapshot(server, n);
    return 0;
}
