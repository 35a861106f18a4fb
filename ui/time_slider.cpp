#include "time_slider.h"

#include "alarm_priority.h"
#include "hmi_style.h"
#include "plant_models.h"
#include "time_cursor.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ndh {

// The bar itself: the known span left to right, dropped detail hatched, alarm
// activations as ticks, the cursor as a handle. Mouse and keys move the cursor;
// the cursor coalesces the requests to one rebuild per frame.
class TimelineTrack : public QWidget
{
public:
    TimelineTrack(PlantModels *models, QWidget *parent)
        : QWidget(parent)
        , m_models(models)
    {
        setObjectName(QStringLiteral("timelineTrack"));
        setFocusPolicy(Qt::StrongFocus);
        setMinimumSize(200, 26);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        setCursor(Qt::SizeHorCursor);
        setToolTip(QObject::tr("Drag to see the plant at another instant.\n"
                               "Left/Right: 1 s, Shift: 1 min, Page Up/Down: a tenth of the span,\n"
                               "Home: the oldest history, End: back to live."));
    }

    qint64 timeAtX(int x) const
    {
        const TimeCursor *c = m_models->timeCursor();
        const QRect r = bar();
        const double f = std::clamp(double(x - r.left()) / std::max(1, r.width()), 0.0, 1.0);
        return c->firstMs() + qint64(f * double(c->lastMs() - c->firstMs()));
    }
    int xAtTime(qint64 t) const
    {
        const TimeCursor *c = m_models->timeCursor();
        const QRect r = bar();
        const qint64 span = std::max<qint64>(1, c->lastMs() - c->firstMs());
        return r.left() + int(double(t - c->firstMs()) / double(span) * r.width());
    }

protected:
    QRect bar() const { return rect().adjusted(6, 8, -6, -8); }

    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        const QRect r = bar();
        const TimeCursor *c = m_models->timeCursor();
        const HistoryStore &h = m_models->history();
        p.fillRect(r, palette().color(QPalette::Base));
        if (!h.isEmpty() && h.completeFromMs() > h.firstMs()) {
            // Older than this only the values at the cut survived the memory budget.
            const QRect dropped(QPoint(r.left(), r.top()), QPoint(xAtTime(h.completeFromMs()), r.bottom()));
            p.fillRect(dropped, QBrush(HmiStyle::mutedText(), Qt::BDiagPattern));
        }
        p.setPen(QPen(palette().color(QPalette::Mid), 1));
        p.drawRect(r.adjusted(0, 0, -1, -1));
        // Alarm activations: where to look. Dark ticks, not alarm colours: they are
        // history, not a current abnormal state.
        p.setPen(QPen(HmiStyle::plotAxis(), 1));
        for (const Alarm &a : m_models->alarms()->machine().alarms()) {
            if (a.raisedMs >= c->firstMs() && a.raisedMs <= c->lastMs()) {
                const int x = xAtTime(a.raisedMs);
                p.drawLine(x, r.top() + 2, x, r.top() + 6);
            }
        }
        const int x = c->isLive() ? r.right() : xAtTime(c->timeMs());
        const QColor handle = c->isLive() ? palette().color(QPalette::Highlight) : HmiStyle::plotAxis();
        p.setPen(QPen(handle, hasFocus() ? 3 : 2));
        p.drawLine(x, rect().top() + 2, x, rect().bottom() - 2);
        p.setBrush(handle);
        p.drawRect(QRect(x - 4, rect().top() + 2, 8, 6));
    }

    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton)
            m_models->timeCursor()->setTime(timeAtX(event->position().toPoint().x()));
    }
    void mouseMoveEvent(QMouseEvent *event) override
    {
        if (event->buttons() & Qt::LeftButton)
            m_models->timeCursor()->setTime(timeAtX(event->position().toPoint().x()));
    }
    void keyPressEvent(QKeyEvent *event) override
    {
        TimeCursor *c = m_models->timeCursor();
        const qint64 t = c->timeMs();
        const qint64 step = event->modifiers() & Qt::ShiftModifier ? 60000 : 1000;
        const qint64 page = std::max<qint64>(1000, (c->lastMs() - c->firstMs()) / 10);
        switch (event->key()) {
        case Qt::Key_Left: c->setTime(t - step); break;
        case Qt::Key_Right: c->setTime(t + step); break;
        case Qt::Key_PageUp: c->setTime(t - page); break;
        case Qt::Key_PageDown: c->setTime(t + page); break;
        case Qt::Key_Home: c->setTime(c->firstMs()); break;
        case Qt::Key_End: c->goLive(); break;
        default: QWidget::keyPressEvent(event); return;
        }
        event->accept();
    }
    void focusInEvent(QFocusEvent *e) override { update(); QWidget::focusInEvent(e); }
    void focusOutEvent(QFocusEvent *e) override { update(); QWidget::focusOutEvent(e); }

private:
    PlantModels *m_models;
};

TimeSlider::TimeSlider(PlantModels *models, QWidget *parent)
    : QWidget(parent)
    , m_models(models)
    , m_cursor(models->timeCursor())
    , m_banner(new QLabel(this))
    , m_track(new TimelineTrack(models, this))
    , m_liveButton(new QToolButton(this))
    , m_playButton(new QToolButton(this))
    , m_timeLabel(new QLabel(this))
    , m_speed(new QComboBox(this))
    , m_alarmMenu(new QMenu(this))
    , m_liveAction(new QAction(tr("Go &live"), this))
    , m_playAction(new QAction(tr("&Play / pause history"), this))
    , m_previousAction(new QAction(tr("P&revious event"), this))
    , m_nextAction(new QAction(tr("&Next event"), this))
    , m_jumpTimeAction(new QAction(tr("Jump to &date and time\u2026"), this))
    , m_jumpAlarmAction(new QAction(tr("Jump to &alarm\u2026"), this))
{
    setObjectName(QStringLiteral("timeSlider"));

    m_liveAction->setObjectName(QStringLiteral("goLiveAction"));
    m_liveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_liveAction->setToolTip(tr("Show the plant as it is now (Ctrl+L)"));
    connect(m_liveAction, &QAction::triggered, m_cursor, &TimeCursor::goLive);
    m_playAction->setObjectName(QStringLiteral("playHistoryAction"));
    m_playAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Space));
    m_playAction->setToolTip(tr("Replay history from the slider's instant at the chosen speed (Ctrl+Shift+Space)"));
    connect(m_playAction, &QAction::triggered, m_cursor, &TimeCursor::togglePlay);
    m_previousAction->setObjectName(QStringLiteral("previousEventAction"));
    m_previousAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    connect(m_previousAction, &QAction::triggered, this, [this] { m_cursor->stepToPreviousEvent(m_selectedAsset); });
    m_nextAction->setObjectName(QStringLiteral("nextEventAction"));
    m_nextAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    connect(m_nextAction, &QAction::triggered, this, [this] { m_cursor->stepToNextEvent(m_selectedAsset); });
    m_jumpTimeAction->setObjectName(QStringLiteral("jumpToTimeAction"));
    // Ctrl+T (time): Ctrl+G is the alarm list's "go to asset"; a shared key would
    // make both silently ambiguous while the alarm list has focus.
    m_jumpTimeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_jumpTimeAction->setToolTip(tr("Show the plant at a date and time (Ctrl+T)"));
    connect(m_jumpTimeAction, &QAction::triggered, this, &TimeSlider::jumpToTime);
    m_jumpAlarmAction->setObjectName(QStringLiteral("jumpToAlarmAction"));
    m_jumpAlarmAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    m_jumpAlarmAction->setToolTip(tr("Show the plant at the moment an alarm was raised (Ctrl+J)"));
    connect(m_jumpAlarmAction, &QAction::triggered, this, &TimeSlider::showAlarmMenu);
    for (QAction *a : actions())
        a->setShortcutContext(Qt::WindowShortcut);
    addActions(actions());

    m_banner->setObjectName(QStringLiteral("notLiveBanner"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setAlignment(Qt::AlignCenter);
    QFont bold = m_banner->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() + 1);
    m_banner->setFont(bold);
    m_banner->setStyleSheet(QStringLiteral("QLabel { %1 padding: 3px; }")
                                .arg(HmiStyle::warningBadgeStyle()));
    m_banner->hide();

    m_liveButton->setObjectName(QStringLiteral("liveButton"));
    m_liveButton->setText(tr("LIVE"));
    m_liveButton->setCheckable(true);
    m_liveButton->setChecked(true);
    m_liveButton->setToolTip(m_liveAction->toolTip());
    m_liveButton->setFont(bold);
    connect(m_liveButton, &QToolButton::clicked, this, [this] {
        m_cursor->goLive();
        updateState(); // a click on an already-live button must not uncheck it
    });

    const auto toolButton = [this](QAction *action, const QString &text, const QString &tip) {
        // Not setDefaultAction(): the button would take the action's (menu) text
        // whenever the action changes, and the bar would jump under the mouse.
        auto *b = new QToolButton(this);
        connect(b, &QToolButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::changed, b, [b, action] { b->setEnabled(action->isEnabled()); });
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    };
    auto *previous = toolButton(m_previousAction, QStringLiteral("|\u25c0"),
                                tr("Previous event of the selected asset, or of any asset (Alt+Left)"));
    connect(m_playButton, &QToolButton::clicked, m_playAction, &QAction::trigger);
    m_playButton->setToolTip(m_playAction->toolTip());
    m_playButton->setObjectName(QStringLiteral("playButton"));
    m_playButton->setAutoRaise(true);
    auto *next = toolButton(m_nextAction, QStringLiteral("\u25b6|"),
                            tr("Next event of the selected asset, or of any asset (Alt+Right)"));

    m_speed->setObjectName(QStringLiteral("speedCombo"));
    m_speed->setToolTip(tr("Replay speed"));
    m_speed->setFocusPolicy(Qt::NoFocus);
    for (double s : {0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 25.0, 100.0})
        m_speed->addItem(tr("%1\u00d7").arg(s), s);
    m_speed->setCurrentIndex(m_speed->findData(1.0));
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_cursor->setSpeed(m_speed->itemData(i).toDouble()); });

    m_timeLabel->setObjectName(QStringLiteral("cursorTimeLabel"));
    m_timeLabel->setTextFormat(Qt::PlainText);
    fitTimeLabel();
    m_liveButton->setFixedWidth(m_liveButton->fontMetrics().horizontalAdvance(m_liveButton->text()) + 24);
    auto *jumpTime = toolButton(m_jumpTimeAction, tr("Go to\u2026"), m_jumpTimeAction->toolTip());
    auto *jumpAlarm = toolButton(m_jumpAlarmAction, tr("Alarm\u2026"), m_jumpAlarmAction->toolTip());
    jumpTime->setToolButtonStyle(Qt::ToolButtonTextOnly);
    jumpAlarm->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(4, 2, 4, 2);
    row->setSpacing(4);
    row->addWidget(m_liveButton);
    row->addWidget(previous);
    row->addWidget(m_playButton);
    row->addWidget(next);
    row->addWidget(m_speed);
    row->addWidget(m_track, 1);
    row->addWidget(m_timeLabel);
    row->addWidget(jumpTime);
    row->addWidget(jumpAlarm);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addLayout(row);

    connect(m_cursor, &TimeCursor::timeChanged, this, &TimeSlider::updateState);
    connect(m_cursor, &TimeCursor::liveChanged, this, &TimeSlider::updateState);
    connect(m_cursor, &TimeCursor::playingChanged, this, &TimeSlider::updateState);
    connect(m_cursor, &TimeCursor::speedChanged, this, [this](double s) {
        const int i = m_speed->findData(s);
        if (i >= 0) {
            const QSignalBlocker block(m_speed);
            m_speed->setCurrentIndex(i);
        }
    });
    // The span grows with every batch; the label and handle follow (paints coalesce).
    connect(m_models, &PlantModels::batchApplied, this, [this] {
        if (m_cursor->isLive())
            updateState();
        else
            m_track->update();
    });
    connect(m_models, &PlantModels::historyExtended, this, [this] { m_track->update(); });
    updateState();
}

QWidget *TimeSlider::track() const
{
    return m_track;
}

QList<QAction *> TimeSlider::actions() const
{
    return {m_liveAction, m_playAction, m_previousAction, m_nextAction, m_jumpTimeAction, m_jumpAlarmAction};
}

void TimeSlider::setSelectedAsset(const QString &assetKey)
{
    m_selectedAsset = assetKey;
    const QString which = assetKey.isEmpty() ? tr("any asset") : assetKey.section(u'/', -1);
    m_previousAction->setText(tr("P&revious event (%1)").arg(which));
    m_nextAction->setText(tr("&Next event (%1)").arg(which));
}

void TimeSlider::setOfflineSource(const QString &fileName)
{
    m_offlineSource = fileName;
    fitTimeLabel(); // room for "End of log: <date and time>" while a log is open
    m_liveButton->setToolTip(fileName.isEmpty() ? m_liveAction->toolTip()
                                                : tr("Show the plant as it was at the end of %1 (Ctrl+L)").arg(fileName));
    updateState();
}

// Fixed widths: leaving live must not resize the bar under the operator's mouse.
// Wide enough for an instant, and for "End of log: <date and time>" while a log is open.
void TimeSlider::fitTimeLabel()
{
    const QFontMetrics metrics = m_timeLabel->fontMetrics();
    int width = metrics.horizontalAdvance(QStringLiteral("8888-88-88 88:88:88.888  "));
    if (!m_offlineSource.isEmpty())
        width = std::max(width, metrics.horizontalAdvance(tr("End of log: %1").arg(QStringLiteral("8888-88-88 88:88:88  "))));
    m_timeLabel->setFixedWidth(width);
}

QString TimeSlider::formatInstant(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

void TimeSlider::updateState()
{
    const bool live = m_cursor->isLive();
    m_liveButton->setChecked(live);
    HmiStyle::restyle(m_liveButton, live ? QString()
                                         : QStringLiteral("QToolButton { %1 }")
                                               .arg(HmiStyle::warningBadgeStyle()));
    m_nextAction->setEnabled(!live);
    m_playAction->setText(m_cursor->isPlaying() ? tr("&Pause history") : tr("&Play history"));
    m_playButton->setText(m_cursor->isPlaying() ? QStringLiteral("||") : QStringLiteral("\u25b6"));
    const bool offline = !m_offlineSource.isEmpty();
    m_liveButton->setText(offline ? tr("END") : tr("LIVE"));
    m_liveAction->setText(offline ? tr("Go to the &end of the log") : tr("Go &live"));
    if (live) {
        // Offline, the log's last instant: the only place its date shows while the
        // lists and plots show times of day.
        const qint64 end = m_models->history().lastMs();
        m_timeLabel->setText(!offline ? tr("Live")
                             : end > 0 ? tr("End of log: %1")
                                             .arg(QDateTime::fromMSecsSinceEpoch(end).toString(
                                                 QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                                       : tr("End of log"));
        m_banner->hide();
    } else {
        const QString at = QDateTime::fromMSecsSinceEpoch(m_cursor->timeMs()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        m_timeLabel->setText(formatInstant(m_cursor->timeMs()));
        const HistoryStore &h = m_models->history();
        QString text;
        if (offline)
            text = m_cursor->isPlaying()
                       ? tr("Replaying %1 of %2 at %3\u00d7. Ctrl+L or END returns to the end of the log.")
                             .arg(at, m_offlineSource)
                             .arg(m_cursor->speed())
                       : tr("Viewing %1 of %2. Ctrl+L or END returns to the end of the log.").arg(at, m_offlineSource);
        else
            text = m_cursor->isPlaying()
                       ? tr("Replaying %1 at %2\u00d7 \u2014 not live. Ctrl+L or LIVE returns to now.")
                             .arg(at)
                             .arg(m_cursor->speed())
                       : tr("Viewing %1 \u2014 not live. Live data keeps arriving; Ctrl+L or LIVE returns to now.")
                             .arg(at);
        if (h.completeFromMs() > m_cursor->timeMs())
            text += QStringLiteral("\n")
                    + tr("History before %1 was thinned to stay within memory: values shown are the last kept.")
                          .arg(formatInstant(h.completeFromMs()));
        m_banner->setText(text);
        m_banner->show();
    }
    m_track->update();
}

void TimeSlider::jumpToTime()
{
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("jumpToTimeDialog"));
    dialog->setWindowTitle(tr("Jump to date and time"));
    auto *edit = new QDateTimeEdit(dialog);
    edit->setObjectName(QStringLiteral("jumpDateTime"));
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    edit->setCalendarPopup(true);
    edit->setDateTimeRange(QDateTime::fromMSecsSinceEpoch(m_cursor->firstMs()),
                           QDateTime::fromMSecsSinceEpoch(m_cursor->lastMs()));
    edit->setDateTime(QDateTime::fromMSecsSinceEpoch(m_cursor->timeMs()));
    auto *hint = new QLabel(tr("History known from %1 to %2.")
                                .arg(formatInstant(m_cursor->firstMs()), formatInstant(m_cursor->lastMs())),
                            dialog);
    hint->setTextFormat(Qt::PlainText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, edit] { m_cursor->setTime(edit->dateTime().toMSecsSinceEpoch()); });
    auto *form = new QFormLayout(dialog);
    form->addRow(tr("Show the plant at:"), edit);
    form->addRow(hint);
    form->addRow(buttons);
    dialog->open();
}

void TimeSlider::showAlarmMenu()
{
    m_alarmMenu->clear();
    // Newest activations first: the alarm that brought the operator here is on top.
    std::vector<const Alarm *> alarms;
    for (const Alarm &a : m_models->alarms()->machine().alarms()) {
        if (a.raisedMs > 0)
            alarms.push_back(&a);
    }
    std::sort(alarms.begin(), alarms.end(), [](const Alarm *a, const Alarm *b) { return a->raisedMs > b->raisedMs; });
    if (alarms.size() > 30)
        alarms.resize(30);
    for (const Alarm *a : alarms) {
        const QString text = tr("%1  %2  %3 \u00b7 %4  %5")
                                 .arg(QDateTime::fromMSecsSinceEpoch(a->raisedMs).toString(QStringLiteral("MM-dd HH:mm:ss")),
                                      priorityLabel(a->priority), a->asset.id, a->alarmId, a->message);
        QAction *action = m_alarmMenu->addAction(text);
        const QString key = a->key;
        connect(action, &QAction::triggered, this, [this, key] { jumpToAlarm(key); });
    }
    if (alarms.empty())
        m_alarmMenu->addAction(tr("No alarms raised yet"))->setEnabled(false);
    m_alarmMenu->popup(mapToGlobal(QPoint(width() - m_alarmMenu->sizeHint().width(), -m_alarmMenu->sizeHint().height())));
}

bool TimeSlider::jumpToAlarm(const QString &alarmKey)
{
    const Alarm *a = m_models->alarms()->machine().find(alarmKey);
    if (!a || a->raisedMs <= 0)
        return false;
    m_cursor->setTime(a->raisedMs);
    return true;
}

} // namespace ndh
