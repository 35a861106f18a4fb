#pragma once
// Alarm priorities as people read them: "Critical", "High", "Medium", "Low" in the
// language of the UI (zh_TW 緊急/高/中/低, zh_CN 紧急/高/中/低). The one place that
// names priorities for the screen; priorityName() (plant_event.h) stays the
// untranslated word in files, records and incident bundles.

#include <QString>

namespace ndh {

QString priorityLabel(int priority); // 1 critical .. 4 low; anything else "Unknown"
// For ordering by urgency: 1 (critical) to 4 (low), and 5 for an unknown priority,
// which sorts after low: an alarm nobody ranked is not the most urgent.
inline int priorityRank(int priority)
{
    return priority >= 1 && priority <= 4 ? priority : 5;
}

} // namespace ndh
