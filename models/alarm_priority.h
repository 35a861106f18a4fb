#pragma once
// Alarm priorities as people read them: "Critical", "High", "Medium", "Low" in the
// language of the UI (zh_TW 緊急/高/中/低, zh_CN 紧急/高/中/低). The one place that
// names priorities for the screen; priorityName() (plant_event.h) stays the
// untranslated word in files, records and incident bundles.

#include <QString>

namespace ndh {

QString priorityLabel(int priority); // 1 critical .. 4 low; anything else "Unknown"

} // namespace ndh
