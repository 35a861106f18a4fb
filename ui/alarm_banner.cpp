#include "alarm_banner.h"

#include "alarm_priority.h"
#include "alarm_table_model.h"
#include "hmi_style.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <array>

namespace ndh {

namespace {
const QString kMuteKey = QStringLiteral("alarms/audibleMuted");
}

AlarmBanner::AlarmBanner(AlarmTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_beep([] { QApplication::beep(); })
{
    setObjectName(QStringLiteral("alarmBanner"));
    m_row = new QHBoxLayout(this);
    m_row->setContentsMargins(4, 2, 4, 2);
    m_row->setSpacing(6);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_row->addWidget(m_title);
    for (int i = 0; i < kMaxShown; ++i) {
        auto *b = new QToolButton(this);
        b->setAutoRaise(false);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setVisible(false);
        // Squeezes rather than widening the main window: its minimum is not its text's
        // width, so a crowded banner never takes width from the docks beside it.
        // elideButtons() then shows fewer alarms, each with the start of its text.
        b->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        b->setMinimumWidth(1);
        connect(b, &QToolButton::clicked, this, [this, i] {
            if (i < m_shownKeys.size())
                emit alarmClicked(m_shownKeys[i]);
        });
        m_buttons << b;
        m_row->addWidget(b);
    }
    m_moreLabel = new QLabel(this);
    m_row->addWidget(m_moreLabel);
    m_row->addStretch(1);
    m_mute = new QAction(tr("Mute alarm sound"), this);
    m_mute->setCheckable(true);
    m_mute->setChecked(QSettings().value(kMuteKey, false).toBool());
    m_mute->setToolTip(tr("Silence the sound played on new critical and high alarms"));
    connect(m_mute, &QAction::toggled, this, [](bool muted) { QSettings().setValue(kMuteKey, muted); });
    m_muteButton = new QToolButton(this);
    m_muteButton->setDefaultAction(m_mute);
    m_row->addWidget(m_muteButton);

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(kRefreshDelayMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &AlarmBanner::refresh);
    connect(model, &QAbstractItemModel::rowsInserted, this, &AlarmBanner::scheduleRefresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &AlarmBanner::scheduleRefresh);
    connect(model, &QAbstractItemModel::modelReset, this, &AlarmBanner::scheduleRefresh);
    connect(model, &QAbstractItemModel::dataChanged, this, &AlarmBanner::scheduleRefresh);
    connect(model, &AlarmTableModel::highPriorityAlarmRaised, this, &AlarmBanner::onHighPriorityAlarm);
    refresh();
}

bool AlarmBanner::isMuted() const
{
    return m_mute->isChecked();
}

void AlarmBanner::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void AlarmBanner::onHighPriorityAlarm()
{
    scheduleRefresh();
    if (isMuted() || m_model->isShowingPast())
        return;
    // A flood must not turn into a siren: one cue per interval.
    if (m_beepClock.isValid() && m_beepClock.elapsed() < kBeepIntervalMs)
        return;
    m_beepClock.start();
    ++m_beeps;
    if (m_beep)
        m_beep();
}

void AlarmBanner::refresh()
{
    const qint64 now = m_model->shownAtMs();
    // The newest unacknowledged critical/high alarms; a full pass is ~1 ms for
    // 100,000 alarms and runs at most every kRefreshDelayMs.
    std::vector<const Alarm *> found;
    for (const Alarm &a : m_model->shownMachine().alarms()) {
        if (a.priority != 1 && a.priority != 2)
            continue;
        const IsaState s = a.stateAt(now);
        if (s == IsaState::Unack || s == IsaState::RtnUnack || s == IsaState::LatchedUnack)
            found.push_back(&a);
    }
    const size_t candidates = std::min<size_t>(found.size(), kMaxShown);
    std::partial_sort(found.begin(), found.begin() + qsizetype(candidates), found.end(),
                      [](const Alarm *x, const Alarm *y) { return x->raisedMs > y->raisedMs; });
    m_found = int(found.size());
    m_candidateKeys.clear();
    for (size_t i = 0; i < candidates; ++i) {
        QToolButton *b = m_buttons[int(i)];
        const Alarm &a = *found[i];
        m_candidateKeys << a.key;
        const QString time = QDateTime::fromMSecsSinceEpoch(a.raisedMs).toString(QStringLiteral("HH:mm:ss"));
        // The head says which asset, whole: the fit below never cuts into it. The
        // message follows without the asset's name when it starts with it, as the
        // plant's messages do ("MOTOR_002 temperature above limit").
        const QString head = QStringLiteral("%1  %2  %3").arg(time, priorityLabel(a.priority).toUpper(), a.asset.id);
        QStringView rest = QStringView(a.message).left(80);
        // The whole id only: "PUMP_12 seal leak" for PUMP_1 keeps its text.
        const auto wordEnds = [&rest](qsizetype at) {
            return at >= rest.size() || !(rest[at].isLetterOrNumber() || rest[at] == u'_' || rest[at] == u'-');
        };
        if (!a.asset.id.isEmpty() && rest.startsWith(a.asset.id) && wordEnds(a.asset.id.size())) {
            rest = rest.mid(a.asset.id.size());
            // The separator after the id goes too: "P3: temperature high" -> "temperature high".
            while (!rest.isEmpty() && (rest.front().isSpace() || QStringView(u":-,;\u2013\u2014").contains(rest.front())))
                rest = rest.mid(1);
        }
        const QString detail = rest.isEmpty() ? a.alarmId : rest.toString();
        b->setProperty("headText", head);
        b->setProperty("fullText", detail.isEmpty() ? head : head + QStringLiteral("  ") + detail);
        b->setToolTip(tr("%1\nClick to select it in the alarm list").arg(a.key));
        HmiStyle::restyle(b, QStringLiteral("QToolButton { background: %1; color: %2; font-weight: bold; "
                                            "border: 1px solid %3; padding: 1px 6px; }")
                                 .arg(HmiStyle::priorityBackground(a.priority).name(),
                                      HmiStyle::priorityText(a.priority).name(), HmiStyle::mutedText().name()));
    }
    if (found.empty()) {
        m_title->setText(tr("No unacknowledged critical or high alarms"));
        HmiStyle::restyle(m_title, QStringLiteral("color: %1;").arg(HmiStyle::mutedText().name()));
    } else {
        m_title->setText(tr("Unacknowledged critical/high:"));
        HmiStyle::restyle(m_title, QString());
    }
    elideButtons();
}

void AlarmBanner::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    elideButtons();
}

void AlarmBanner::elideButtons()
{
    // As many of the newest alarms as fit with their heads whole (time, priority,
    // asset) and kMinChipWidth at least; the width left is shared among them, up to
    // kMaxChipWidth each, and each loses the end of its message first. Only the
    // width the window gives is read, no minimum is set from it, so the strip never
    // grows itself.
    const int candidates = int(m_candidateKeys.size());
    std::array<int, kMaxShown> needed{};
    for (int i = 0; i < candidates; ++i) {
        const QToolButton *b = m_buttons[i];
        const QString head = b->property("headText").toString();
        // A message after the head is cut with an ellipsis, which needs its room too:
        // a chip exactly as wide as the head had Qt cut into the asset's name.
        const bool more = b->property("fullText").toString().size() > head.size();
        const int text = b->fontMetrics().horizontalAdvance(more ? head + QStringLiteral("  \u2026") : head);
        needed[size_t(i)] = std::max(kMinChipWidth, text + kChipPadding);
    }
    int shown = candidates;
    int room = 0;
    for (; shown > 0; --shown) {
        const int more = m_found - shown;
        const QString moreText = more > 0 ? tr("+%n more", nullptr, more) : QString();
        m_moreLabel->setText(moreText);
        const int fixed = m_title->sizeHint().width() + (moreText.isEmpty() ? 0 : m_moreLabel->sizeHint().width())
                          + m_muteButton->sizeHint().width() + m_row->spacing() * (shown + 3)
                          + m_row->contentsMargins().left() + m_row->contentsMargins().right() + 8;
        room = width() - fixed;
        for (int i = 0; i < shown; ++i)
            room -= needed[size_t(i)];
        if (room >= 0 || shown == 1)
            break;
    }
    m_shownKeys = m_candidateKeys.mid(0, shown);
    const int share = shown > 0 ? std::max(room, 0) / shown : 0;
    for (int i = 0; i < kMaxShown; ++i) {
        QToolButton *b = m_buttons[i];
        if (i >= shown) {
            b->setVisible(false);
            continue;
        }
        const QString full = b->property("fullText").toString();
        // Too narrow for even one whole head (room < 0, one chip): it takes what there is.
        const int chip = room >= 0 ? std::max(needed[size_t(i)], std::min(needed[size_t(i)] + share, kMaxChipWidth))
                                   : std::max(needed[size_t(i)] + room, 60);
        b->setText(b->fontMetrics().elidedText(full, Qt::ElideRight, chip - kChipPadding));
        b->setMaximumWidth(chip);
        b->setVisible(true);
    }
    if (shown == 0)
        m_moreLabel->clear();
}

QString AlarmBanner::text() const
{
    QStringList parts{m_title->text()};
    for (int i = 0; i < m_shownKeys.size(); ++i)
        parts << m_buttons[i]->text();
    if (!m_moreLabel->text().isEmpty())
        parts << m_moreLabel->text();
    return parts.join(QStringLiteral(" | "));
}

} // namespace ndh
