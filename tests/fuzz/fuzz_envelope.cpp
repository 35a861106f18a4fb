// libFuzzer target: one Kafka record payload through one envelope decoder
// (NDH_FUZZ_ENVELOPE = Ndh, Drone or Domain, forced by a topic rule). Any crash,
// sanitizer report is a finding, and so is a rejection without exactly one dead
// letter carrying a reason, or one that leaves events behind.
// It is also a differential check of record shapes: the record decoded with them
// (twice: once to learn its shape, once read through it, and through the shapes
// learnt from the inputs before it) must give what the parser alone gives.
#include "describe_event.h"
#include "envelope_decoder.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace ndh;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto decoderWith = [](bool shapes) {
        DecoderLimits limits;
        limits.readRecordShapes = shapes;
        limits.restUnrepeatedShapes = false; // every input read both ways, however few match
        EnvelopeDecoder d(limits);
        d.setTopicEnvelope(QStringLiteral("*"), Envelope::NDH_FUZZ_ENVELOPE);
        return d;
    };
    static const EnvelopeDecoder decoder = decoderWith(true);
    static const EnvelopeDecoder parser = decoderWith(false);
    EventSource source;
    source.topic = QStringLiteral("fuzz.topic");
    source.partition = 1;
    source.offset = 42;
    source.brokerTimeMs = 1700000000000;

    const QByteArrayView payload(reinterpret_cast<const char *>(data), qsizetype(size));
    std::vector<PlantEvent> events;
    std::vector<DeadLetter> deadLetters;
    const bool accepted = decoder.decodeOrDeadLetter(payload, "key", source, events, deadLetters, 1);
    if (!accepted && (deadLetters.size() != 1 || deadLetters[0].reason.isEmpty() || !events.empty()))
        abort();
    for (const PlantEvent &e : events) {
        // Touch what the views show, so lazily built text is exercised too.
        (void)e.asset.key().size();
        (void)formatTimestampMs(e.eventTimeMs).size();
    }

    const QString expected = test::describeDecode(parser, payload, source);
    for (int pass = 0; pass < 2; ++pass) {
        if (const QString got = test::describeDecode(decoder, payload, source); got != expected) {
            std::fprintf(stderr, "record shapes read differently from the parser:\n%s\n--- parser:\n%s\n",
                         qPrintable(got), qPrintable(expected));
            abort();
        }
    }
    return 0;
}
