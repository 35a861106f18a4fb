#include "alarm_priority.h"

#include <QCoreApplication>

namespace ndh {

QString priorityLabel(int priority)
{
    const char *text = "";
    switch (priority) {
    case 1: text = QT_TRANSLATE_NOOP("ndh::AlarmPriority", "Critical"); break;
    case 2: text = QT_TRANSLATE_NOOP("ndh::AlarmPriority", "High"); break;
    case 3: text = QT_TRANSLATE_NOOP("ndh::AlarmPriority", "Medium"); break;
    case 4: text = QT_TRANSLATE_NOOP("ndh::AlarmPriority", "Low"); break;
    default: text = QT_TRANSLATE_NOOP("ndh::AlarmPriority", "Unknown"); break;
    }
    return QCoreApplication::translate("ndh::AlarmPriority", text);
}

} // namespace ndh
