// libFuzzer target: one Kafka record payload through one envelope decoder
// (NDH_FUZZ_ENVELOPE = Ndh, Drone or Domain, forced by a topic rule). Any crash,
// sanitizer report is a finding, and so is a rejection without exactly one dead
// letter carrying a reason, or one that leaves events behind.
#include "envelope_decoder.h"

#include <cstdint>
#include <cstdlib>

using namespace ndh;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const EnvelopeDecoder decoder = [] {
        EnvelopeDecoder d;
        d.setTopicEnvelope(QStringLiteral("*"), Envelope::NDH_FUZZ_ENVELOPE);
        return d;
    }();
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
    return 0;
}
