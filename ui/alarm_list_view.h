#pragma once
// The operator's alarm list (ISA-18.2): a table over AlarmFilterModel with a filter
// bar (priority, state, location, text, group by asset), unacknowledged rows in bold
// with their priority cell filled, colour only for abnormal states (HmiStyle), and
// time-in-state refreshed every second. Operator actions (acknowledge, shelve,
// remove from / return to service, latched reset) are written as NDH envelopes and
// handed to a publish function the app connects to the backend; the list changes
// only when the action comes back from Kafka, as on every other console.
// Until roles exist there is one local operator, named after the OS user.

#include "alarm_state_machine.h"
#include "log_record.h"
#include "ndh_envelope_writer.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <functional>

class QAbstractItemView;
class QAction;
class QCheckBox;
class QDate;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;
class QTreeView;
class QTimer;
class QToolBar;
class QToolButton;

namespace ndh {

class AlarmFilterModel;
class AlarmGroupModel;
class AlarmTableModel;

// A raised time ("yyyy-MM-dd HH:mm:ss") as the list shows it: today's as the time
// only (the date is noise at 3 a.m. and the column stays narrow), this year's
// without the year ("11-23 23:50:12": what a night shift sees of the evening
// before), older ones whole.
QString alarmListTime(const QString &text, const QDate &today);
// The day alarmListTime() takes for today: that of the instant the list shows (now
// when live, the viewed instant when scrubbed back, the log's end offline), so the
// alarms of a log from an earlier year show their times, not a clipped date.
QDate alarmListDay(const AlarmTableModel &model);

class AlarmListView : public QWidget
{
    Q_OBJECT
public:
    using PublishFunction = std::function<void(const OutgoingRecord &record)>;

    // Reads the Kafka record behind an alarm (source topic/partition/offset) off the
    // GUI thread and calls `done` on the GUI thread (the app: fetchKafkaRecord on a
    // pool thread). The ui layer never links Kafka.
    using RecordDone = std::function<void(bool ok, const LogRecord &record, const QString &error)>;
    using RecordFetcher = std::function<void(const EventSource &source, RecordDone done)>;

    explicit AlarmListView(AlarmTableModel *model, QWidget *parent = nullptr);

    // Where actions go (the app: IngestBackend::publish). Without one, actions are
    // refused with a status message.
    void setPublisher(PublishFunction publish);
    // Without one, the record dialog says where the record is and how to read it.
    void setRecordFetcher(RecordFetcher fetch) { m_fetchRecord = std::move(fetch); }
    // The record as the dialog shows it (plain text; JSON payloads indented).
    static QString formatRecord(const LogRecord &record);
    void setWriter(const NdhEnvelopeWriter &writer) { m_writer = writer; }
    // The operator's name on actions; default: the OS user.
    void setOperatorName(const QString &name) { m_operator = name; }
    QString operatorName() const { return m_operator; }
    static QString osUserName();
    // false: every action is disabled (a viewer); whyNot becomes their tooltip (issue 8).
    void setActionsAllowed(bool allowed, const QString &whyNot = {});
    // Extra actions on the selected alarm's asset (issue 8: "Send command…"), shown
    // after "Go to asset"; on trigger, the action's data() is the asset key.
    void addAssetAction(QAction *action) { m_assetActions.append(action); }
    // Dialog-free actions for tests and scripting: comment dialogs are skipped and
    // shelving uses this duration and reason.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    void setDefaultShelve(int minutes, const QString &reason);

    AlarmTableModel *alarmModel() const { return m_model; }
    AlarmFilterModel *filterModel() const { return m_filter; }
    QTableView *tableView() const { return m_table; }
    // Group by asset: collapsible asset rows over the filtered list (null until
    // grouping is first switched on).
    QTreeView *groupView() const { return m_groupTree; }
    AlarmGroupModel *groupModel() const { return m_groups; }
    bool isGrouped() const { return m_groups != nullptr; }
    QComboBox *priorityCombo() const { return m_priority; }
    QComboBox *stateCombo() const { return m_state; }
    QComboBox *locationCombo() const { return m_location; }
    QLineEdit *textFilter() const { return m_text; }
    QCheckBox *groupByAssetBox() const { return m_group; }

    QAction *acknowledgeAction() const { return m_ack; }
    QAction *acknowledgeWithCommentAction() const { return m_ackComment; }
    QAction *acknowledgeVisibleAction() const { return m_ackVisible; }
    QAction *shelveAction() const { return m_shelve; }
    QAction *unshelveAction() const { return m_unshelve; }
    QAction *removeFromServiceAction() const { return m_removeService; }
    QAction *returnToServiceAction() const { return m_returnService; }
    QAction *resetAction() const { return m_reset; }
    QAction *goToAssetAction() const { return m_goToAsset; }
    QAction *plotAction() const { return m_plot; }
    QAction *showRecordAction() const { return m_showRecord; }

    QStringList selectedKeys() const;
    // Selects (and scrolls to) the alarm; clears the filters when they hide it.
    bool selectAlarm(const QString &alarmKey);
    QString lastStatus() const { return m_lastStatus; }
    // Text of the record dialog for an alarm (what the model knows of its source).
    QString recordText(const QString &alarmKey) const;

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

public slots:
    void acknowledgeSelected();
    void acknowledgeSelectedWithComment();
    void acknowledgeVisible();
    void shelveSelected();
    void unshelveSelected();
    void removeSelectedFromService();
    void returnSelectedToService();
    void resetSelected();
    // The delivery report of an action (IngestBackend::published).
    void onPublished(const QString &correlationId, bool ok, const QString &error);

signals:
    void statusMessage(const QString &text);
    void assetRequested(const QString &assetKey);
    void plotRequested(const QString &attributeKey, qint64 alarmTimeMs, const QString &label);

private:
    struct Pending
    {
        QString alarmKey;
        QString what;
    };
    void buildUi();
    void applyFilters();
    void updateLocations();
    void updateActions();
    void showContextMenu(const QPoint &pos);
    // Publishes `action` for the keys the predicate accepts; explains the others.
    void act(AlarmAction action, const QStringList &keys, const QString &comment, qint64 shelvedUntilMs = 0);
    bool applies(AlarmAction action, const Alarm &alarm, IsaState state) const;
    void say(const QString &text);
    void setGrouped(bool grouped);
    QAbstractItemView *currentView() const;
    void goToAsset();
    void plotAttribute();
    void showRecord();
    const Alarm *alarmFor(const QString &key) const;

    AlarmTableModel *m_model;
    AlarmFilterModel *m_filter;
    NdhEnvelopeWriter m_writer;
    PublishFunction m_publish;
    RecordFetcher m_fetchRecord;
    QString m_operator;
    bool m_allowed = true;
    QString m_whyNot;
    QList<QAction *> m_assetActions;
    bool m_interactive = true;
    int m_shelveMinutes = 60;
    QString m_shelveReason;
    QString m_lastStatus;
    QHash<QString, Pending> m_pending; // correlation id -> what it was

    QToolBar *m_toolBar;
    QComboBox *m_priority;
    QComboBox *m_state;
    QComboBox *m_location;
    QLineEdit *m_text;
    QCheckBox *m_group;
    QLabel *m_countLabel;
    QTableView *m_table;
    QTreeView *m_groupTree = nullptr;
    AlarmGroupModel *m_groups = nullptr;
    QSet<QString> m_expandedAssets; // groups the operator unfolded, kept across regrouping
    QTimer *m_timeTimer;
    QTimer *m_locationTimer;
    QAction *m_ack;
    QAction *m_ackComment;
    QAction *m_ackVisible;
    QAction *m_shelve;
    QAction *m_unshelve;
    QAction *m_removeService;
    QAction *m_returnService;
    QAction *m_reset;
    QAction *m_goToAsset;
    QAction *m_plot;
    QAction *m_showRecord;
};

} // namespace ndh
