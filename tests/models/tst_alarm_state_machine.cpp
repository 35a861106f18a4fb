// Every ISA-18.2 transition the console relies on, data-driven: given a sequence of
// transitions (in arrival order, with event times), then the derived state label.

#include "alarm_state_machine.h"

#include <QTest>

using namespace ndh;

namespace {

// Compact script: "T@10" trigger at t=10 s, "C" clear, "A" ack, "L" latching trigger,
// "S+60" shelve for 60 s, "U" unshelve, "P" suppress, "p" unsuppress, "O" out of
// service, "I" return to service, "R" reset. "#id" reuses a message id.
std::vector<AlarmTransition> script(const QString &text)
{
    std::vector<AlarmTransition> out;
    int n = 0;
    for (const QString &step : text.split(u' ', Qt::SkipEmptyParts)) {
        AlarmTransition t;
        t.asset = {QStringLiteral("A"), QStringLiteral("Pump"), QStringLiteral("P1")};
        t.info.alarmId = QStringLiteral("HT");
        QString s = step;
        const int hash = s.indexOf(u'#');
        t.messageId = hash >= 0 ? s.mid(hash + 1) : QStringLiteral("m%1").arg(++n);
        if (hash >= 0)
            s.truncate(hash);
        const int at = s.indexOf(u'@');
        const QString op = s.left(at);
        t.timeMs = s.mid(at + 1).toLongLong() * 1000;
        switch (op.at(0).toLatin1()) {
        case 'T': t.action = AlarmAction::Trigger; break;
        case 'L': t.action = AlarmAction::Trigger; t.latching = true; break;
        case 'C': t.action = AlarmAction::Clear; break;
        case 'A': t.action = AlarmAction::Acknowledge; break;
        case 'S': t.action = AlarmAction::Shelve; t.shelveUntilMs = t.timeMs + op.mid(2).toLongLong() * 1000; break;
        case 'U': t.action = AlarmAction::Unshelve; break;
        case 'P': t.action = AlarmAction::Suppress; break;
        case 'p': t.action = AlarmAction::Unsuppress; break;
        case 'O': t.action = AlarmAction::RemoveFromService; break;
        case 'I': t.action = AlarmAction::ReturnToService; break;
        case 'R': t.action = AlarmAction::Reset; break;
        default: qFatal("bad script step");
        }
        out.push_back(t);
    }
    return out;
}

} // namespace

class TestAlarmStateMachine : public QObject
{
    Q_OBJECT
private slots:
    void transitions_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<qint64>("nowSec");
        QTest::addColumn<QString>("expected");
        // Basic ISA-18.2 cycle.
        QTest::newRow("trigger") << "T@10" << qint64(11) << "unack";
        QTest::newRow("ack while active") << "T@10 A@12" << qint64(13) << "acked";
        QTest::newRow("ack then RTN") << "T@10 A@12 C@14" << qint64(15) << "normal";
        QTest::newRow("RTN before ack") << "T@10 C@14" << qint64(15) << "rtn-unack";
        QTest::newRow("ack after RTN") << "T@10 C@14 A@16" << qint64(17) << "normal";
        QTest::newRow("re-alarm of acked") << "T@10 A@12 C@14 T@20" << qint64(21) << "unack";
        QTest::newRow("re-alarm from RTN-unack") << "T@10 C@14 T@20" << qint64(21) << "unack";
        QTest::newRow("trigger while acked is not a new activation") << "T@10 A@12 T@12" << qint64(13) << "acked";
        // Latching.
        QTest::newRow("latched unack") << "L@10 C@14" << qint64(15) << "latched-unack";
        QTest::newRow("latched acked") << "L@10 A@12 C@14" << qint64(15) << "latched-acked";
        QTest::newRow("latched reset") << "L@10 A@12 C@14 R@16" << qint64(17) << "normal";
        QTest::newRow("reset while active does nothing") << "L@10 A@12 R@13" << qint64(14) << "acked";
        QTest::newRow("latched active shows active") << "L@10" << qint64(11) << "unack";
        // Shelving.
        QTest::newRow("shelved") << "T@10 S+60@12" << qint64(20) << "shelved";
        QTest::newRow("shelve expiry while active") << "T@10 S+60@12" << qint64(80) << "unack";
        QTest::newRow("shelve expiry after clear") << "T@10 A@11 S+60@12 C@30" << qint64(80) << "normal";
        QTest::newRow("shelve expiry after clear unacked") << "T@10 S+60@12 C@30" << qint64(80) << "rtn-unack";
        QTest::newRow("unshelve") << "T@10 S+60@12 U@20" << qint64(21) << "unack";
        // Suppression and service.
        QTest::newRow("suppressed") << "T@10 P@11" << qint64(12) << "suppressed";
        QTest::newRow("unsuppressed") << "T@10 P@11 p@12" << qint64(13) << "unack";
        QTest::newRow("out of service") << "T@10 O@11" << qint64(12) << "out-of-service";
        QTest::newRow("out of service beats shelved") << "T@10 S+60@11 O@12" << qint64(13) << "out-of-service";
        QTest::newRow("return to service") << "T@10 O@11 C@12 I@13" << qint64(14) << "rtn-unack";
        QTest::newRow("return to service ends a shelve") << "T@10 S+600@11 O@12 I@13" << qint64(14) << "unack";
        // Delivery faults: duplicates and out-of-order.
        QTest::newRow("duplicate clear applies once") << "T@10 C@14#x A@16 C@14#x" << qint64(17) << "normal";
        QTest::newRow("duplicate trigger is not a re-alarm") << "T@10#t A@12 T@10#t" << qint64(13) << "acked";
        QTest::newRow("clear before its trigger") << "C@14 T@10" << qint64(15) << "rtn-unack";
        QTest::newRow("clear before its trigger, acked later") << "C@14 T@10 A@16" << qint64(17) << "normal";
        QTest::newRow("ack before the trigger it acks") << "A@12 T@10" << qint64(13) << "acked";
        QTest::newRow("old ack does not ack a newer activation") << "T@20 A@12" << qint64(21) << "unack";
        QTest::newRow("stale clear does not end a newer activation") << "T@20 C@14" << qint64(21) << "unack";
        QTest::newRow("fully reversed cycle") << "C@14 A@12 T@10" << qint64(15) << "normal";
    }
    void transitions()
    {
        QFETCH(QString, given);
        QFETCH(qint64, nowSec);
        QFETCH(QString, expected);
        AlarmStateMachine machine;
        for (const AlarmTransition &t : script(given))
            machine.apply(t);
        QCOMPARE(machine.alarms().size(), size_t(1));
        QCOMPARE(isaStateKey(machine.alarms().front().stateAt(nowSec * 1000)), expected);
    }

    void everyOrderOfOneCycleConverges()
    {
        // Consoles that read the topics in a different order agree on the state.
        const auto steps = script(QStringLiteral("T@10 A@12 C@14 T@20 C@25"));
        std::vector<int> order = {0, 1, 2, 3, 4};
        QString first;
        do {
            AlarmStateMachine m;
            for (int i : order)
                m.apply(steps[size_t(i)]);
            const QString label = isaStateKey(m.alarms().front().stateAt(30000));
            if (first.isEmpty())
                first = label;
            QCOMPARE(label, first);
        } while (std::next_permutation(order.begin(), order.end()));
        QCOMPARE(first, QStringLiteral("rtn-unack"));
    }

    void ackingAnAckedAlarmIsHarmless()
    {
        AlarmStateMachine m;
        for (const auto &t : script(QStringLiteral("T@10 A@12")))
            m.apply(t);
        const auto again = script(QStringLiteral("A@13"));
        AlarmTransition t = again.front();
        t.messageId = QStringLiteral("another-console");
        QVERIFY(!m.apply(t)); // nothing changed
        QCOMPARE(m.alarms().front().stateAt(14000), IsaState::Acked);
    }

    void keepsDetailsOfTheActivation()
    {
        AlarmStateMachine m;
        AlarmTransition t = script(QStringLiteral("T@10")).front();
        t.info.priority = 1;
        t.info.message = QStringLiteral("Bearing hot");
        t.info.value = 96.5;
        t.info.attribute = QStringLiteral("temperature");
        t.source.topic = QStringLiteral("ndh.assets.alarms.triggered");
        t.source.offset = 17;
        m.apply(t);
        const Alarm &a = m.alarms().front();
        QCOMPARE(a.priority, 1);
        QCOMPARE(a.message, QStringLiteral("Bearing hot"));
        QCOMPARE(std::get<double>(a.valueAtTrigger), 96.5);
        QCOMPARE(a.raisedMs, 10000);
        QCOMPARE(a.activations, 1u);
        QCOMPARE(a.lastSource.offset, 17);
        QCOMPARE(m.indexOf(AlarmStateMachine::keyFor(t.asset, QStringLiteral("HT"))), 0);
    }
};

QTEST_GUILESS_MAIN(TestAlarmStateMachine)
#include "tst_alarm_state_machine.moc"
