#pragma once
// Alarm-system KPIs of EEMUA 191 / ISA-18.2 (AlarmKpis) for the operator's shift
// lead: activations per 10 minutes, flood state and time in flood, top-10
// contributors, chattering and stale alarms, priority distribution. Live (a range
// ending now, recomputed every kRefreshMs while visible) or over a chosen range.
// Colour only when a figure is abnormal (in flood, chattering, stale).

#include "alarm_kpis.h"

#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QListWidget;
class QTableWidget;
class QTimer;

namespace ndh {

class AlarmTableModel;

class AlarmKpiView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 2000;

    explicit AlarmKpiView(AlarmTableModel *model, QWidget *parent = nullptr);

    // Range presets: minutes back from now; 0 = everything seen; -1 = custom.
    QComboBox *rangeCombo() const { return m_range; }
    void setCustomRange(qint64 fromMs, qint64 toMs); // selects "Custom"
    const AlarmKpis &kpis() const { return m_kpis; }
    QString floodText() const;
    QTableWidget *topTable() const { return m_top; }

public slots:
    void recompute();

private:
    AlarmTableModel *m_model;
    AlarmKpis m_kpis;
    QComboBox *m_range;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLabel *m_rate;
    QLabel *m_flood;
    QLabel *m_floodTime;
    QLabel *m_stale;
    QLabel *m_chatterCount;
    QLabel *m_priorities;
    QTableWidget *m_top;
    QListWidget *m_chattering;
    QTimer *m_timer;
};

} // namespace ndh
