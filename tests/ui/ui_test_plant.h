#pragma once
// Builds the synthetic events and batches the ui tests feed into PlantModels, so a
// test reads as "the plant said this" rather than as struct plumbing.

#include "plant_event.h"
#include "plant_models.h"

#include <QString>
#include <QTest>
#include <QWidget>

#include <initializer_list>
#include <memory>
#include <tuple>
#include <vector>

namespace ndhtest {

struct Sample
{
    QString name;
    ndh::AttributeValue value;
    QString unit;
};

inline ndh::PlantEvent attributeEvent(const QString &location, const QString &type, const QString &id,
                                      qint64 eventTimeMs, std::initializer_list<Sample> samples,
                                      const QString &lifecycle = {})
{
    static quint64 serial = 0;
    ndh::PlantEvent e;
    e.messageId = QStringLiteral("test-%1").arg(++serial);
    e.kind = ndh::EventKind::AttributeUpdate;
    e.eventType = QStringLiteral("attribute_changed");
    e.asset = {location, type, id};
    e.eventTimeMs = eventTimeMs;
    for (const Sample &s : samples)
        e.attributes.push_back({s.name, s.value, s.unit});
    e.lifecycle = lifecycle;
    e.source.topic = QStringLiteral("ndh.assets.state.attribute_changed");
    e.source.partition = 0;
    e.source.offset = qint64(serial);
    return e;
}

inline ndh::EventBatchPtr batch(std::vector<ndh::PlantEvent> events, std::vector<ndh::DeadLetter> deadLetters = {})
{
    auto b = std::make_shared<ndh::EventBatch>();
    b->recordsConsumed = events.size() + deadLetters.size();
    b->events = std::move(events);
    b->deadLetters = std::move(deadLetters);
    return b;
}

inline ndh::DeadLetter deadLetter(const QByteArray &payload, const QString &reason, const QString &topic,
                                  qint32 partition, qint64 offset)
{
    ndh::DeadLetter d;
    d.payload = payload;
    d.payloadSize = payload.size();
    d.reason = reason;
    d.source.topic = topic;
    d.source.partition = partition;
    d.source.offset = offset;
    d.receivedMs = 1'700'000'000'000;
    return d;
}

// n samples of one attribute, one per second from t0Ms, value = base + i.
inline std::vector<ndh::PlantEvent> ramp(const QString &location, const QString &type, const QString &id,
                                         const QString &attribute, const QString &unit, qint64 t0Ms, int n,
                                         double base = 0.0)
{
    std::vector<ndh::PlantEvent> events;
    for (int i = 0; i < n; ++i)
        events.push_back(attributeEvent(location, type, id, t0Ms + i * 1000LL, {{attribute, base + i, unit}}));
    return events;
}

// What a real double-click delivers to a widget: press, release, double-click,
// release. QTest::mouseDClick alone sends only the double-click event, which item
// views treat as a fresh press.
inline void doubleClick(QWidget *widget, QPoint pos)
{
    QTest::mouseClick(widget, Qt::LeftButton, {}, pos);
    QTest::mouseDClick(widget, Qt::LeftButton, {}, pos);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, pos);
}

} // namespace ndhtest
