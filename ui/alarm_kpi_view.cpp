#include "alarm_kpi_view.h"

#include "alarm_priority.h"
#include "alarm_table_model.h"
#include "hmi_style.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace ndh {

namespace {

QString duration(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms / 1000);
    if (s < 3600)
        return AlarmKpiView::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
    return AlarmKpiView::tr("%1 h %2 min").arg(s / 3600).arg(s / 60 % 60, 2, 10, QChar(u'0'));
}

} // namespace

AlarmKpiView::AlarmKpiView(AlarmTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *rangeRow = new QHBoxLayout;
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("kpiRange"));
    m_range->setToolTip(tr("Time range the figures are computed over"));
    m_range->addItem(tr("Last hour (live)"), 60);
    m_range->addItem(tr("Last 8 hours (live)"), 480);
    m_range->addItem(tr("Last 24 hours (live)"), 1440);
    m_range->addItem(tr("Everything seen (live)"), 0);
    m_range->addItem(tr("Custom range"), -1);
    m_from = new QDateTimeEdit(this);
    m_to = new QDateTimeEdit(this);
    for (QDateTimeEdit *e : {m_from, m_to}) {
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        e->setCalendarPopup(true);
        e->setVisible(false);
        connect(e, &QDateTimeEdit::dateTimeChanged, this, &AlarmKpiView::recompute);
    }
    rangeRow->addWidget(new QLabel(tr("Range:"), this));
    rangeRow->addWidget(m_range);
    rangeRow->addWidget(m_from);
    rangeRow->addWidget(m_to);
    rangeRow->addStretch(1);
    layout->addLayout(rangeRow);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = m_range->currentData().toInt() < 0;
        if (custom && m_from->dateTime() >= m_to->dateTime()) {
            const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_model->now());
            const QSignalBlocker b1(m_from), b2(m_to);
            m_to->setDateTime(now);
            m_from->setDateTime(now.addSecs(-3600));
        }
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        recompute();
    });

    auto *form = new QFormLayout;
    const auto value = [this] {
        auto *l = new QLabel(this);
        l->setTextFormat(Qt::PlainText);
        return l;
    };
    m_rate = value();
    m_flood = value();
    m_floodTime = value();
    m_stale = value();
    m_chatterCount = value();
    m_priorities = value();
    form->addRow(tr("Alarm rate:"), m_rate);
    form->addRow(tr("Flood (>10 in 10 min):"), m_flood);
    form->addRow(tr("Time in flood:"), m_floodTime);
    form->addRow(tr("Chattering (>3 per min):"), m_chatterCount);
    form->addRow(tr("Stale (active >24 h):"), m_stale);
    form->addRow(tr("By priority:"), m_priorities);
    layout->addLayout(form);

    layout->addWidget(new QLabel(tr("Top 10 contributors"), this));
    m_top = new QTableWidget(0, 2, this);
    m_top->setObjectName(QStringLiteral("kpiTop"));
    m_top->setHorizontalHeaderLabels({tr("Alarm"), tr("Activations")});
    m_top->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_top->verticalHeader()->hide();
    m_top->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_top, 2);
    layout->addWidget(new QLabel(tr("Chattering alarms"), this));
    m_chattering = new QListWidget(this);
    layout->addWidget(m_chattering, 1);

    m_timer = new QTimer(this);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible() && m_range->currentData().toInt() >= 0)
            recompute();
    });
    m_timer->start();
    recompute();
}

void AlarmKpiView::setCustomRange(qint64 fromMs, qint64 toMs)
{
    const QSignalBlocker b1(m_from), b2(m_to);
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(fromMs));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(toMs));
    m_range->setCurrentIndex(m_range->findData(-1));
    recompute();
}

void AlarmKpiView::recompute()
{
    const AlarmStateMachine &machine = m_model->shownMachine();
    const int minutes = m_range->currentData().toInt();
    qint64 to = m_model->shownAtMs();
    qint64 from = to - qint64(minutes) * 60 * 1000;
    if (minutes == 0) {
        from = to;
        for (const AlarmActivation &a : machine.activations())
            from = std::min(from, a.timeMs);
    } else if (minutes < 0) {
        from = m_from->dateTime().toMSecsSinceEpoch();
        to = m_to->dateTime().toMSecsSinceEpoch();
    }
    m_kpis = AlarmKpis::compute(machine, from, std::max(from, to));

    m_rate->setText(tr("%1 in the last 10 min · %2 per 10 min on average · %3 in range")
                        .arg(m_kpis.lastTenMinutes)
                        .arg(m_kpis.perTenMinutes, 0, 'f', 1)
                        .arg(m_kpis.activations));
    m_flood->setText(floodText());
    const QString warning = HmiStyle::warningBadgeStyle();
    HmiStyle::restyle(m_flood, m_kpis.inFlood ? warning : QString());
    m_floodTime->setText(tr("%1 (%n episode(s))", nullptr, int(m_kpis.floods.size())).arg(duration(m_kpis.timeInFloodMs)));
    m_chatterCount->setText(QString::number(m_kpis.chattering.size()));
    HmiStyle::restyle(m_chatterCount, m_kpis.chattering.empty() ? QString() : warning);
    m_stale->setText(QString::number(m_kpis.stale.size()));
    HmiStyle::restyle(m_stale, m_kpis.stale.empty() ? QString() : warning);
    QStringList prio;
    for (int p = 1; p <= 4; ++p)
        prio << QStringLiteral("%1 %2").arg(priorityLabel(p)).arg(m_kpis.byPriority[size_t(p)]);
    if (m_kpis.byPriority[0] > 0)
        prio << QStringLiteral("%1 %2").arg(priorityLabel(0)).arg(m_kpis.byPriority[0]);
    m_priorities->setText(prio.join(QStringLiteral(" · ")));

    m_top->setRowCount(int(m_kpis.top.size()));
    for (int r = 0; r < int(m_kpis.top.size()); ++r) {
        m_top->setItem(r, 0, new QTableWidgetItem(m_kpis.top[size_t(r)].alarmKey));
        auto *count = new QTableWidgetItem(QString::number(m_kpis.top[size_t(r)].activations));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_top->setItem(r, 1, count);
    }
    m_chattering->clear();
    for (const QString &k : m_kpis.chattering)
        m_chattering->addItem(k);
}

QString AlarmKpiView::floodText() const
{
    return m_kpis.inFlood ? tr("IN FLOOD: %1 alarms in the last 10 min").arg(m_kpis.lastTenMinutes)
                          : tr("no flood");
}

} // namespace ndh
