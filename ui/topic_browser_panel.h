#pragma once
// The "Topics" dock (issue 5): the Kafka view an integration engineer reaches for
// first. Left: the cluster (brokers; topics with partitions, leaders, watermarks and
// counts, filterable, internal topics hidden unless asked) and the consumer groups
// (members, committed offsets, lag in messages and in time per partition, a small
// trend of the total lag). Right: the scan controls (start, stop, order, partition,
// filters), the live scanned/matched counts and progress with Cancel, the message
// table (MessageTableModel), and the detail of the selected message with copy as
// JSON, copy as a kcat command, export and re-publish.
//
// Knows no Kafka: it emits requests (scanRequested, cancelRequested,
// exportRequested, republishRequested, watchedGroupsChanged) and the app answers
// with batches and snapshots. Re-publishing is off until the app says who may
// (setRepublishAllowed); the dialog confirms before anything is emitted.

#include "log_record.h"
#include "message_table_model.h"
#include "topic_scan.h"

#include <QMap>
#include <QWidget>

#include <deque>
#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableView;
class QTabWidget;
class QTreeWidget;
class QToolButton;

namespace ndh {

class MessageDetailView;
class LagTrendWidget;

class TopicBrowserPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kTrendSamples = 60;

    explicit TopicBrowserPanel(QWidget *parent = nullptr);
    ~TopicBrowserPanel() override;

    // For the kcat command ("-b"); empty offline.
    void setBootstrap(const QString &bootstrap) { m_bootstrap = bootstrap; }
    // One record as the clipboard's "JSON" (the app passes the kcat -J writer).
    void setRecordFormatter(std::function<QByteArray(const LogRecord &)> formatter) { m_formatter = std::move(formatter); }
    // Offline on an opened log: topics and counts come from the log, no follow, no groups.
    void setOfflineTopics(const QMap<QString, quint64> &topicCounts);
    bool isOffline() const { return m_offline; }

    // Re-publish is for engineers only: the app decides and says why not.
    void setRepublishAllowed(bool allowed, const QString &whyNot);
    bool isRepublishAllowed() const { return m_republishAllowed; }

    MessageTableModel *messages() const { return m_messages; }
    MessageDetailView *detail() const { return m_detail; }
    QTableView *table() const { return m_table; }
    QTreeWidget *clusterTree() const { return m_clusterTree; }
    QTreeWidget *groupTree() const { return m_groupTree; }
    QLineEdit *topicFilterEdit() const { return m_topicFilter; }
    QCheckBox *showInternalBox() const { return m_showInternal; }
    QLabel *countsLabel() const { return m_counts; }
    QLabel *seekLabel() const { return m_seek; }
    QPushButton *scanButton() const { return m_scan; }
    QPushButton *republishButton() const { return m_republish; }

    // The request the controls describe now; nullopt with `error` when a field is bad.
    std::optional<TopicScanRequest> requestFromControls(QString *error) const;
    // Sets the controls (tests, "scan this topic" from elsewhere).
    void setScanTopics(const QStringList &topics);
    QStringList scanTopics() const;
    void setStart(TopicScanRequest::Start start, const QString &value = {});
    void setStop(TopicScanRequest::Stop stop, const QString &value = {});
    void setFilter(const MessageFilterSpec &filter);

    // `kcat -C -b B -t T -p P -o O -c 1 -J`: fetches exactly this record.
    QString kcatCommand(const LogRecord &record) const;
    QString kcatCommandForRow(int row) const;
    QByteArray jsonForRow(int row) const;
    void selectRow(int row);
    int currentRow() const;
    QList<int> selectedRows() const;

public slots:
    void startScan();
    void cancelScan();
    void applyBatch(const ndh::TopicScanBatchPtr &batch);
    void setScanStatus(const ndh::TopicScanStatus &status);
    void setCluster(const ndh::ClusterSnapshot &snapshot);
    void setGroups(const ndh::ConsumerGroupsSnapshot &snapshot);
    void copyJson();
    void copyKcatCommand();
    void exportSelection();
    void exportAll();
    void republishCurrent();
    void focusFilter();

signals:
    void scanRequested(const ndh::TopicScanRequest &request);
    void cancelRequested();
    void watchedGroupsChanged(const QStringList &groups);
    void assetRequested(const QString &assetKey);
    void republishRequested(const QString &topic, const QByteArray &key, const QByteArray &payload,
                            const std::vector<ndh::LogHeader> &headers);
    // path is chosen; the app writes with the log writer (DESIGN.md §6) and answers
    // with exportFinished.
    void exportRequested(const QString &path, const std::vector<ndh::LogRecord> &records);
    void statusMessage(const QString &text);

public:
    void exportFinished(bool ok, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *createClusterSide();
    QWidget *createMessageSide();
    void sizeSides(); // the split between the cluster list and the messages, once
    void updateClusterTree();
    void updateCounts();
    void updateControls();
    void onCurrentRowChanged();
    void exportRows(const QList<int> &rows, const QString &what);
    void addWatchedGroup();

    MessageTableModel *m_messages;
    QSplitter *m_split = nullptr;
    bool m_sized = false;
    MessageDetailView *m_detail = nullptr;
    QTableView *m_table = nullptr;
    QTabWidget *m_sideTabs = nullptr;
    QTreeWidget *m_clusterTree = nullptr;
    QTreeWidget *m_groupTree = nullptr;
    QLabel *m_brokers = nullptr;
    QLabel *m_groupNote = nullptr;
    LagTrendWidget *m_trend = nullptr;
    QLineEdit *m_watchGroup = nullptr;
    QLineEdit *m_topicFilter = nullptr;
    QCheckBox *m_showInternal = nullptr;
    QLineEdit *m_topicsEdit = nullptr;
    QComboBox *m_start = nullptr;
    QLineEdit *m_startValue = nullptr;
    QComboBox *m_stop = nullptr;
    QLineEdit *m_stopValue = nullptr;
    QComboBox *m_order = nullptr;
    QSpinBox *m_partition = nullptr;
    QLineEdit *m_keyFilter = nullptr;
    QLineEdit *m_assetFilter = nullptr;
    QLineEdit *m_typeFilter = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QLineEdit *m_fieldFilter = nullptr;
    QPushButton *m_scan = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_seek = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_copyJson = nullptr;
    QPushButton *m_copyKcat = nullptr;
    QPushButton *m_showAsset = nullptr;
    QPushButton *m_exportSelection = nullptr;
    QPushButton *m_exportAll = nullptr;
    QPushButton *m_republish = nullptr;

    QString m_bootstrap;
    std::function<QByteArray(const LogRecord &)> m_formatter;
    ClusterSnapshot m_cluster;
    QMap<QString, quint64> m_offlineTopics;
    bool m_offline = false;
    bool m_republishAllowed = false;
    QString m_republishWhyNot;
    QStringList m_watchedGroups;
    QMap<QString, std::deque<qint64>> m_lagTrend; // group -> total lag samples
    TopicScanStatus m_status;
    quint64 m_scanned = 0;
    quint64 m_matched = 0;
    quint64 m_skipped = 0;
    double m_fraction = -1;
    bool m_scanning = false;
};

} // namespace ndh
