#pragma once
// The time slider at the bottom of the main window (DESIGN.md §5): one timeline over
// everything the console knows (live session, backfilled history, opened logs), with
// the part whose detail was dropped to stay in the memory budget shown as such.
// Dragging it, stepping event by event, playing at 0.1x..100x, jumping to a date or
// to an alarm all move the one TimeCursor every view follows. Away from live a banner
// says so in words and colour (ISA-101: an abnormal state), and LIVE returns.

#include <QString>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QToolButton;

namespace ndh {

class PlantModels;
class TimeCursor;
class TimelineTrack;

class TimeSlider : public QWidget
{
    Q_OBJECT
public:
    explicit TimeSlider(PlantModels *models, QWidget *parent = nullptr);

    TimeCursor *cursor() const { return m_cursor; }
    QWidget *track() const;
    QToolButton *liveButton() const { return m_liveButton; }
    QLabel *banner() const { return m_banner; }
    QLabel *timeLabel() const { return m_timeLabel; }
    QComboBox *speedCombo() const { return m_speed; }

    // Window-wide actions with their shortcuts, for the History menu.
    QAction *liveAction() const { return m_liveAction; }
    QAction *playAction() const { return m_playAction; }
    QAction *previousEventAction() const { return m_previousAction; }
    QAction *nextEventAction() const { return m_nextAction; }
    QAction *jumpToTimeAction() const { return m_jumpTimeAction; }
    QAction *jumpToAlarmAction() const { return m_jumpAlarmAction; }
    QList<QAction *> actions() const;

    // Steps go to the events of this asset ("location/type/id"); empty: any asset.
    void setSelectedAsset(const QString &assetKey);
    QString selectedAsset() const { return m_selectedAsset; }

    // A log is open instead of a live connection (empty: live again): "now" is the
    // log's end, so the slider says "End of log" and END rather than promising live
    // data that will never arrive.
    void setOfflineSource(const QString &fileName);
    QString offlineSource() const { return m_offlineSource; }

    // Moves the cursor to the newest activation of the alarm (key "asset#alarm").
    bool jumpToAlarm(const QString &alarmKey);
    static QString formatInstant(qint64 ms);

public slots:
    void jumpToTime();      // opens the date/time dialog
    void showAlarmMenu();   // recent alarms to jump to

private:
    void fitTimeLabel();
    void updateState();

    PlantModels *m_models;
    TimeCursor *m_cursor;
    QLabel *m_banner;
    TimelineTrack *m_track;
    QToolButton *m_liveButton;
    QToolButton *m_playButton;
    QLabel *m_timeLabel;
    QComboBox *m_speed;
    QMenu *m_alarmMenu;
    QAction *m_liveAction;
    QAction *m_playAction;
    QAction *m_previousAction;
    QAction *m_nextAction;
    QAction *m_jumpTimeAction;
    QAction *m_jumpAlarmAction;
    QString m_selectedAsset;
    QString m_offlineSource;
};

} // namespace ndh
