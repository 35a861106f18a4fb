// The simulator's alarm scenarios as a shift lead would see them in the KPIs: the
// flood scenario makes a flood (> 10 alarms in 10 min), the chattering scenario a
// chattering alarm (> 3 a minute); both stay deterministic and decodable, and with
// no scenario the plant is byte-for-byte what it was.

#include "alarm_kpis.h"
#include "alarm_state_machine.h"
#include "envelope_decoder.h"
#include "plant_generator.h"

#include <QtTest>

using namespace ndh;

namespace {

constexpr qint64 kStart = 1754217000000;

std::vector<PlantRecord> generate(const AlarmScenarios &scenarios, int count, double rate, quint64 seed = 7)
{
    PlantGenerator g(seed, 40);
    g.setAlarmScenarios(scenarios);
    std::vector<PlantRecord> out;
    out.reserve(size_t(count));
    for (int i = 0; i < count; ++i)
        out.push_back(g.next(kStart + qint64(double(i) * 1000.0 / rate)));
    return out;
}

AlarmStateMachine fold(const std::vector<PlantRecord> &records, int *rejected)
{
    EnvelopeDecoder decoder;
    AlarmStateMachine machine;
    *rejected = 0;
    qint64 offset = 0;
    for (const PlantRecord &r : records) {
        std::vector<PlantEvent> events;
        EventSource s;
        s.topic = QString::fromUtf8(r.topic);
        s.offset = offset++;
        if (!decoder.decode(r.payload, s, events).accepted)
            ++*rejected;
        for (const PlantEvent &e : events)
            machine.apply(e);
    }
    return machine;
}

} // namespace

class TestAlarmScenarios : public QObject
{
    Q_OBJECT
private slots:
    void floodScenarioMakesAFlood()
    {
        // 20 simulated minutes at 50 records/s.
        const auto records = generate(*AlarmScenarios::fromName(QStringLiteral("flood")), 60000, 50.0);
        int rejected = 0;
        const AlarmStateMachine m = fold(records, &rejected);
        QCOMPARE(rejected, 0);
        const AlarmKpis k = AlarmKpis::compute(m, kStart, kStart + 20 * 60 * 1000);
        QVERIFY2(!k.floods.empty(), "no flood episode");
        // The cascade's root cause is critical and named as a trip.
        bool rootSeen = false;
        for (const Alarm &a : m.alarms())
            rootSeen = rootSeen || (a.priority == 1 && a.message.contains(u"tripped"));
        QVERIFY(rootSeen);
    }

    void chatteringScenarioChatters()
    {
        const auto records = generate(*AlarmScenarios::fromName(QStringLiteral("chattering")), 15000, 50.0);
        int rejected = 0;
        const AlarmStateMachine m = fold(records, &rejected);
        QCOMPARE(rejected, 0);
        const AlarmKpis k = AlarmKpis::compute(m, kStart, kStart + 5 * 60 * 1000);
        QVERIFY(std::any_of(k.chattering.begin(), k.chattering.end(),
                            [](const QString &key) { return key.contains(u"pressure_switch"); }));
        // It is also the top contributor (a chattering alarm alone can flood an operator).
        QVERIFY(!k.top.empty());
        QVERIFY(k.top.front().alarmKey.contains(u"pressure_switch"));
    }

    void scenariosAreDeterministicAndOffByDefault()
    {
        const AlarmScenarios both = *AlarmScenarios::fromName(QStringLiteral("alarms"));
        const auto a = generate(both, 5000, 50.0);
        const auto b = generate(both, 5000, 50.0);
        for (size_t i = 0; i < a.size(); ++i)
            QCOMPARE(a[i].payload, b[i].payload);
        // No scenario: identical to a generator that never heard of scenarios.
        PlantGenerator plain(7, 40);
        const auto none = generate(AlarmScenarios{}, 3000, 50.0);
        for (int i = 0; i < 3000; ++i)
            QCOMPARE(plain.next(kStart + qint64(double(i) * 1000.0 / 50.0)).payload, none[size_t(i)].payload);
        QVERIFY(!AlarmScenarios::fromName(QStringLiteral("tsunami")));
    }
};

QTEST_GUILESS_MAIN(TestAlarmScenarios)
#include "tst_alarm_scenarios.moc"
