// Decoder alone: records/s and MB/s per envelope through EnvelopeDecoder, against
// nlohmann::json::parse of the same bytes (the floor our decoder is built on).
// Usage: bench_decoder [records]   (default 200000)

#include "envelope_decoder.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <ctime>
#include <cstring>
#include <cstdio>
#include <random>

using namespace ndh;
// CPU time of this (single-threaded) process: the figures hold on a shared machine
// where other work steals wall-clock time (docs/PERFORMANCE.md).
struct Clock
{
    using time_point = double;
    static double now()
    {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
    }
};

namespace {

// `layouts` > 1: NDH records of that many layouts in turn (each with a key of its
// own in event_data), more than the decoder keeps shapes of: its worst case.
std::vector<QByteArray> makeRecords(Envelope envelope, int n, int layouts = 1)
{
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> value(0, 200);
    std::vector<QByteArray> out;
    out.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        const int asset = i % 10000;
        const QByteArray ts = formatTimestampMs(1754217000000 + i).toLatin1();
        QByteArray r;
        switch (envelope) {
        case Envelope::Ndh:
            r = "{\"message_id\":\"m-" + QByteArray::number(i) + "\",\"message_type\":\"asset.state.changed\","
                "\"timestamp\":\"" + ts + "\",\"source_orb\":\"NDH-ORB-1\",\"asset_id\":\"PUMP_"
                + QByteArray::number(asset) + "\",\"asset_uuid\":\"550e8400-e29b-41d4-a716-446655440000\","
                "\"asset_type\":\"Pump\",\"location\":\"FACTORY_A\",\"event_type\":\"attribute_changed\","
                "\"event_data\":{\"attribute\":\"flow_rate\",\"old_value\":100.0,\"new_value\":"
                + QByteArray::number(value(rng), 'f', 3) + ",\"unit\":\"m3/h\""
                + (layouts > 1 ? ",\"tag_" + QByteArray::number(i % layouts) + "\":1" : QByteArray()) + "},\"version\":1}";
            break;
        case Envelope::Drone:
            r = "{\"id\":\"e-" + QByteArray::number(i) + "\",\"type\":\"drone.telemetry\",\"source\":\"drone-svc\","
                "\"timestamp\":\"" + ts + "\",\"data\":{\"drone_id\":" + QByteArray::number(asset % 50)
                + ",\"battery\":" + QByteArray::number(value(rng), 'f', 1) + ",\"altitude\":"
                + QByteArray::number(value(rng), 'f', 2) + ",\"speed\":12.5}}";
            break;
        default:
            r = "{\"event_id\":\"d-" + QByteArray::number(i) + "\",\"event_type\":\"AttributeChanged\","
                "\"aggregate_id\":\"CONV_" + QByteArray::number(asset) + "\",\"aggregate_type\":\"Conveyor\","
                "\"event_version\":1,\"timestamp\":\"" + ts + "\",\"metadata\":{\"correlation_id\":\"c\","
                "\"source_service\":\"mes\"},\"payload\":{\"location\":\"WAREHOUSE_C\",\"attribute\":\"belt_speed\","
                "\"new_value\":" + QByteArray::number(value(rng), 'f', 3) + "}}";
        }
        out.push_back(r);
    }
    return out;
}

double seconds(Clock::time_point a, Clock::time_point b)
{
    return b - a;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::max(1000, atoi(argv[1])) : 200000;
    std::printf("%-8s %10s %12s %10s %14s %10s %8s %12s %12s %14s %8s\n", "envelope", "bytes/rec", "decoder r/s", "MB/s",
                "nlohmann r/s", "MB/s", "ratio", "DOM r/s", "OnDemand r/s", "parse-all r/s", "shapes");
    struct Row
    {
        const char *name;
        Envelope envelope;
        int layouts;
    };
    for (const Row &row : {Row{"ndh", Envelope::Ndh, 1}, Row{"drone", Envelope::Drone, 1}, Row{"domain", Envelope::Domain, 1},
                           Row{"ndh-x16", Envelope::Ndh, 16}}) {
        const auto records = makeRecords(row.envelope, n, row.layouts);
        double bytes = 0;
        for (const auto &r : records)
            bytes += double(r.size());

        // Peer: parse only, same bytes.
        size_t sink = 0;
        auto t0 = Clock::now();
        for (const auto &r : records)
            sink += nlohmann::json::parse(r.begin(), r.end()).size();
        const double peer = seconds(t0, Clock::now());

        // The decoder as the console runs it (record shapes on), and parsing every
        // record (DecoderLimits::readRecordShapes off): what the shapes save.
        size_t rejected = 0;
        const auto decodeAll = [&](bool shapes) {
            DecoderLimits limits;
            limits.readRecordShapes = shapes;
            const EnvelopeDecoder decoder(limits);
            std::vector<PlantEvent> out;
            out.reserve(4096);
            EventSource src;
            src.topic = QStringLiteral("bench");
            const auto start = Clock::now();
            for (const auto &r : records) {
                if (!decoder.decode(r, src, out).accepted)
                    ++rejected;
                if (out.size() >= 4096)
                    out.clear();
            }
            return seconds(start, Clock::now());
        };
        const quint64 shapeReadsBefore = recordsReadThroughShapes();
        const double ours = decodeAll(true);
        const double shapeShare = double(recordsReadThroughShapes() - shapeReadsBefore) / n;
        const double parseAll = decodeAll(false);

        // Floors of the two simdjson front ends on the same bytes: DOM parse alone
        // (what the decoder builds on), and On-Demand visiting every top-level field
        // and the strings in it (what a switch to On-Demand could at best save).
        simdjson::dom::parser dom;
        t0 = Clock::now();
        for (const auto &r : records) {
            simdjson::dom::element root;
            if (dom.parse(r.constData(), size_t(r.size())).get(root) == simdjson::SUCCESS)
                sink += size_t(root.type());
        }
        const double domParse = seconds(t0, Clock::now());
        simdjson::ondemand::parser onDemand;
        t0 = Clock::now();
        std::vector<char> buffer(4096 + simdjson::SIMDJSON_PADDING); // one padded copy, as DOM makes
        for (const auto &r : records) {
            if (size_t(r.size()) > 4096)
                continue;
            std::memcpy(buffer.data(), r.constData(), size_t(r.size()));
            simdjson::ondemand::document doc;
            if (onDemand.iterate(buffer.data(), size_t(r.size()), buffer.size()).get(doc) != simdjson::SUCCESS)
                continue;
            simdjson::ondemand::object obj;
            if (doc.get_object().get(obj) != simdjson::SUCCESS)
                continue;
            for (auto field : obj) {
                std::string_view key;
                if (field.unescaped_key().get(key) == simdjson::SUCCESS)
                    sink += key.size();
                std::string_view text;
                if (field.value().get_string().get(text) == simdjson::SUCCESS)
                    sink += text.size();
            }
        }
        const double onDemandWalk = seconds(t0, Clock::now());
        if (rejected)
            std::fprintf(stderr, "%zu records rejected: the benchmark input is wrong\n", rejected);
        std::printf("%-8s %10.0f %12.0f %10.1f %14.0f %10.1f %8.2f %12.0f %12.0f %14.0f %7.1f%%\n",
                    row.name, bytes / n, n / ours, bytes / ours / 1e6, n / peer,
                    bytes / peer / 1e6, peer / ours, n / domParse, n / onDemandWalk, n / parseAll, 100 * shapeShare);
        if (sink == 42)
            std::printf(" ");
    }
    std::printf("ratio = decoder throughput / nlohmann::json::parse throughput (same bytes, same run)\n"
                "DOM = simdjson DOM parse alone; OnDemand = simdjson On-Demand visiting every top-level field\n"
                "parse-all = the decoder parsing every record (no record shapes); shapes = records it read through one\n"
                "ndh-x16 = NDH records of 16 layouts in turn (more than the decoder keeps shapes of)\n"
                "(records per CPU-second of this process)\n");
    return 0;
}
