#pragma once
// The compact strip above the trends: the newest unacknowledged priority-1/2 alarms
// (at most kMaxShown, newest first) and how many more there are, so an operator
// sees them whatever panel is in front. Clicking one asks for it in the alarm list.
// Quiet grey when there is nothing to see (ISA-101). Optionally beeps on a new
// high-priority alarm (at most every kBeepIntervalMs), mutable and remembered.

#include <QElapsedTimer>
#include <QStringList>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QTimer;
class QToolButton;
class QHBoxLayout;

namespace ndh {

class AlarmTableModel;

class AlarmBanner : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMaxShown = 3;
    // The narrowest an alarm is shown; wider when its time, priority and asset need
    // more. Alarms that do not fit join "+N more".
    static constexpr int kMinChipWidth = 240;
    static constexpr int kMaxChipWidth = 560;
    static constexpr int kChipPadding = 16; // a chip's border and padding around its text
    static constexpr int kBeepIntervalMs = 2000;
    static constexpr int kRefreshDelayMs = 200; // coalesces bursts of model changes

    explicit AlarmBanner(AlarmTableModel *model, QWidget *parent = nullptr);

    // The alarms on show, newest first: as many of the newest kMaxShown as fit.
    QStringList shownKeys() const { return m_shownKeys; }
    int moreCount() const { return m_found - int(m_shownKeys.size()); }
    QString text() const; // what the strip says, for tests and accessibility
    QAction *muteAction() const { return m_mute; }
    bool isMuted() const;
    // The sound; default QApplication::beep(). Tests count calls.
    void setBeeper(std::function<void()> beep) { m_beep = std::move(beep); }
    int beeps() const { return m_beeps; }

public slots:
    void refresh();

signals:
    void alarmClicked(const QString &alarmKey);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elideButtons();
    void scheduleRefresh();
    void onHighPriorityAlarm();

    AlarmTableModel *m_model;
    QHBoxLayout *m_row;
    QLabel *m_title;
    QList<QToolButton *> m_buttons;
    QLabel *m_moreLabel;
    QToolButton *m_muteButton;
    QAction *m_mute;
    QTimer *m_refreshTimer;
    QStringList m_candidateKeys; // the newest, up to kMaxShown: m_buttons[i] styled for the i-th
    int m_found = 0;             // unacknowledged critical/high alarms in all
    QStringList m_shownKeys;
    std::function<void()> m_beep;
    QElapsedTimer m_beepClock;
    int m_beeps = 0;
};

} // namespace ndh
