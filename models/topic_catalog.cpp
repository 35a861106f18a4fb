#include "topic_catalog.h"

namespace ndh::topics {

QStringList ndhTopics()
{
    static const QStringList list = [] {
        QStringList out;
        const auto add = [&out](const char *prefix, std::initializer_list<const char *> events) {
            for (const char *e : events)
                out << QLatin1String(prefix) + QLatin1String(e);
        };
        add("ndh.assets.events.", {"created", "updated", "deleted", "activated", "deactivated"});
        add("ndh.assets.state.", {"snapshot", "changed", "attribute_changed"});
        add("ndh.assets.commands.", {"request", "response", "failed"});
        add("ndh.assets.alarms.", {"triggered", "cleared", "acknowledged"});
        add("ndh.assets.history.", {"value", "operation"});
        add("ndh.system.events.", {"orb_started", "orb_stopped", "adapter_created"});
        return out;
    }();
    return list;
}

QStringList droneTopics()
{
    return {QLatin1String(kDroneEvents), QLatin1String(kTaskEvents), QLatin1String(kAlertEvents),
            QLatin1String(kSystemEvents), QLatin1String(kMonitoringData)};
}

QStringList standardTopics()
{
    return ndhTopics() + droneTopics() + QStringList{QLatin1String(kDomainEvents)}
           + QStringList{QLatin1String(kAlarmShelved), QLatin1String(kAlarmService)};
}

} // namespace ndh::topics
