// EEMUA 191 / ISA-18.2 figures from the activations an operator lived through.

#include "alarm_kpis.h"

#include <QTest>

using namespace ndh;

namespace {

constexpr qint64 kMin = 60 * 1000;

void trigger(AlarmStateMachine &m, const QString &asset, qint64 t, int priority = 3)
{
    static int n = 0;
    AlarmTransition on;
    on.messageId = QStringLiteral("on%1").arg(++n);
    on.action = AlarmAction::Trigger;
    on.timeMs = t;
    on.asset = {QStringLiteral("A"), QStringLiteral("Pump"), asset};
    on.info.alarmId = QStringLiteral("HT");
    on.info.priority = priority;
    m.apply(on);
    AlarmTransition off = on;
    off.messageId = QStringLiteral("off%1").arg(n);
    off.action = AlarmAction::Clear;
    off.timeMs = t + 1;
    m.apply(off);
}

} // namespace

class TestAlarmKpis : public QObject
{
    Q_OBJECT
private slots:
    void floodStartsAboveTenAndEndsBelowFive()
    {
        AlarmStateMachine m;
        // 12 activations within two minutes starting at t = 60 min.
        for (int i = 0; i < 12; ++i)
            trigger(m, QStringLiteral("P%1").arg(i), 60 * kMin + i * 10000);
        const AlarmKpis during = AlarmKpis::compute(m, 0, 65 * kMin);
        QVERIFY(during.inFlood);
        QCOMPARE(during.floods.size(), size_t(1));
        QCOMPARE(during.floods[0].startMs, 60 * kMin + 10 * 10000); // the 11th activation
        QCOMPARE(during.activations, 12);
        QCOMPARE(during.lastTenMinutes, 12);
        // 10 minutes after the 8th activation only 4 remain in the window: flood over.
        const AlarmKpis after = AlarmKpis::compute(m, 0, 90 * kMin);
        QVERIFY(!after.inFlood);
        QCOMPARE(after.floods[0].endMs, 70 * kMin + 7 * 10000);
        QCOMPARE(after.timeInFloodMs, (70 * kMin + 7 * 10000) - (60 * kMin + 10 * 10000));
    }

    void tenInTenMinutesIsNotAFlood()
    {
        AlarmStateMachine m;
        for (int i = 0; i < 10; ++i)
            trigger(m, QStringLiteral("P%1").arg(i), i * kMin / 2);
        const AlarmKpis k = AlarmKpis::compute(m, 0, 20 * kMin);
        QVERIFY(!k.inFlood);
        QVERIFY(k.floods.empty());
        QCOMPARE(k.perTenMinutes, 5.0);
    }

    void chatteringAndTopContributors()
    {
        AlarmStateMachine m;
        // P1 chatters: 4 activations within 45 s. P2: 3 within a minute (not chattering).
        for (int i = 0; i < 4; ++i)
            trigger(m, QStringLiteral("P1"), kMin + i * 15000, 1);
        for (int i = 0; i < 3; ++i)
            trigger(m, QStringLiteral("P2"), 5 * kMin + i * 15000, 2);
        trigger(m, QStringLiteral("P3"), 9 * kMin, 4);
        const AlarmKpis k = AlarmKpis::compute(m, 0, 10 * kMin);
        QCOMPARE(k.chattering, std::vector<QString>{QStringLiteral("A/Pump/P1#HT")});
        QCOMPARE(k.top.size(), size_t(3));
        QCOMPARE(k.top[0].alarmKey, QStringLiteral("A/Pump/P1#HT"));
        QCOMPARE(k.top[0].activations, 4);
        QCOMPARE(k.top[2].activations, 1);
        QCOMPARE(k.byPriority[1], 4);
        QCOMPARE(k.byPriority[2], 3);
        QCOMPARE(k.byPriority[4], 1);
    }

    void staleAlarmsAreActiveOverADay()
    {
        AlarmStateMachine m;
        AlarmTransition on;
        on.messageId = QStringLiteral("x");
        on.timeMs = 0;
        on.asset = {QStringLiteral("A"), QStringLiteral("Pump"), QStringLiteral("OLD")};
        on.info.alarmId = QStringLiteral("HT");
        m.apply(on);
        trigger(m, QStringLiteral("P1"), 0); // cleared right away: not stale
        QVERIFY(AlarmKpis::compute(m, 0, 23 * 60 * kMin).stale.empty());
        QCOMPARE(AlarmKpis::compute(m, 0, 25 * 60 * kMin).stale, std::vector<QString>{QStringLiteral("A/Pump/OLD#HT")});
    }

    void rangeLimitsTheCount()
    {
        AlarmStateMachine m;
        trigger(m, QStringLiteral("P1"), 1 * kMin);
        trigger(m, QStringLiteral("P1"), 30 * kMin);
        QCOMPARE(AlarmKpis::compute(m, 20 * kMin, 40 * kMin).activations, 1);
    }
};

QTEST_GUILESS_MAIN(TestAlarmKpis)
#include "tst_alarm_kpis.moc"
