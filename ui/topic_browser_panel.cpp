#include "topic_browser_panel.h"

#include "column_fit.h"
#include "envelope_decoder.h"
#include "hmi_style.h"
#include "log_export_dialog.h"
#include "message_detail_view.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ndh {

// A small line of the last samples of a group's total lag: is it growing?
class LagTrendWidget : public QWidget
{
public:
    explicit LagTrendWidget(QWidget *parent)
        : QWidget(parent)
    {
        setMinimumHeight(36);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }
    void setSamples(const QString &title, const std::deque<qint64> &samples)
    {
        m_title = title;
        m_samples.assign(samples.begin(), samples.end());
        update();
    }
    const std::vector<qint64> &samples() const { return m_samples; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        const QRect r = rect().adjusted(2, 2, -2, -2);
        p.setPen(palette().color(QPalette::Mid));
        p.drawRect(r);
        p.setPen(HmiStyle::mutedText());
        p.drawText(r.adjusted(4, 0, -4, 0), Qt::AlignLeft | Qt::AlignTop, m_title);
        if (m_samples.size() < 2)
            return;
        const qint64 max = std::max<qint64>(1, *std::max_element(m_samples.begin(), m_samples.end()));
        QPolygonF line;
        for (size_t i = 0; i < m_samples.size(); ++i) {
            const double x = r.left() + double(i) * r.width() / double(TopicBrowserPanel::kTrendSamples - 1);
            const double y = r.bottom() - double(m_samples[i]) * (r.height() - 14) / double(max);
            line << QPointF(x, y);
        }
        p.setPen(QPen(HmiStyle::curveColor(0), 1));
        p.drawPolyline(line);
        p.setPen(HmiStyle::mutedText());
        p.drawText(r.adjusted(4, 0, -4, 0), Qt::AlignRight | Qt::AlignTop, QLocale().toString(m_samples.back()));
    }

private:
    QString m_title;
    std::vector<qint64> m_samples;
};

namespace {

enum ClusterColumn { NameColumn, LeaderColumn, CountColumn, LowColumn, HighColumn };
enum GroupColumn { GroupNameColumn, GroupStateColumn, CommittedColumn, GroupHighColumn, LagColumn, LagTimeColumn };
constexpr int kTopicRole = Qt::UserRole + 1;
constexpr int kPartitionRole = Qt::UserRole + 2;

QString durationText(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("?");
    if (ms < 1000)
        return QCoreApplication::translate("ndh::TopicBrowserPanel", "%1 ms").arg(ms);
    if (ms < 120000)
        return QCoreApplication::translate("ndh::TopicBrowserPanel", "%1 s").arg(ms / 1000);
    if (ms < 2 * 3600 * 1000)
        return QCoreApplication::translate("ndh::TopicBrowserPanel", "%1 min").arg(ms / 60000);
    return QCoreApplication::translate("ndh::TopicBrowserPanel", "%1 h").arg(ms / 3600000);
}

// A shell word: bare when safe, else in single quotes.
QString shellQuote(const QString &word)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_.,:/@%+=-]+$"));
    if (safe.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

} // namespace

TopicBrowserPanel::TopicBrowserPanel(QWidget *parent)
    : QWidget(parent)
    , m_messages(new MessageTableModel(this))
{
    setObjectName(QStringLiteral("topicBrowserPanel"));
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("topicBrowserSplitter"));
    split->addWidget(createClusterSide());
    split->addWidget(createMessageSide());
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setSizes({420, 1000});
    m_split = split;
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(split);
    connect(m_messages, &MessageTableModel::rowsDropped, this, &TopicBrowserPanel::updateCounts);
    setRepublishAllowed(false, tr("Re-publishing needs the engineer role."));
    updateCounts();
    updateControls();
}

TopicBrowserPanel::~TopicBrowserPanel() = default;

void TopicBrowserPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_sized && width() > 600)
        sizeSides();
}

void TopicBrowserPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (!m_sized && isVisible() && width() > 600)
        sizeSides();
}

void TopicBrowserPanel::sizeSides()
{
    // The cluster list gets what its names, partitions and counts need (a topic name
    // at its 160 px minimum), between a quarter and a third of the width, whatever
    // the dock got; the messages the rest, but never less than their controls'
    // minimum (650-690 px with the fonts here: in a narrower dock the cluster list
    // scrolls sideways).
    m_sized = true;
    QHeaderView *header = m_clusterTree->header();
    int wanted = 160;
    for (int c = LeaderColumn; c < header->count(); ++c) {
        if (!header->isSectionHidden(c))
            wanted += header->sectionSize(c);
    }
    // Besides the columns: what the tabs, margins and frames take around the tree's
    // viewport as laid out now, the vertical scroll bar (there once the topics fill
    // the list) and a few pixels, so that the name column is not at its minimum.
    const QScrollBar *bar = m_clusterTree->verticalScrollBar();
    wanted += m_sideTabs->width() - m_clusterTree->viewport()->width() + (bar->isVisible() ? 0 : bar->sizeHint().width()) + 8;
    const int total = std::max(0, m_split->width() - m_split->handleWidth());
    const int side = std::clamp(wanted, total / 4, total / 3);
    m_split->setSizes({side, total - side});
}

QWidget *TopicBrowserPanel::createClusterSide()
{
    m_sideTabs = new QTabWidget(this);
    // Topics
    auto *topics = new QWidget(m_sideTabs);
    m_brokers = new QLabel(topics);
    m_brokers->setObjectName(QStringLiteral("brokersLabel"));
    m_brokers->setTextFormat(Qt::PlainText);
    m_brokers->setWordWrap(true);
    m_topicFilter = new QLineEdit(topics);
    m_topicFilter->setObjectName(QStringLiteral("topicFilter"));
    m_topicFilter->setPlaceholderText(tr("Filter topics"));
    m_topicFilter->setClearButtonEnabled(true);
    m_showInternal = new QCheckBox(tr("Internal"), topics);
    m_showInternal->setToolTip(tr("Show internal topics (names starting with __)"));
    m_clusterTree = new QTreeWidget(topics);
    m_clusterTree->setObjectName(QStringLiteral("clusterTree"));
    m_clusterTree->setHeaderLabels({tr("Topic / partition"), tr("Leader"), tr("Messages"), tr("Low"), tr("High")});
    m_clusterTree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_clusterTree->setUniformRowHeights(true);
    // "…state.attribute_changed": the end of a topic's name tells topics apart
    // (ndh.<domain>.<entity>.<event>; they share their start).
    m_clusterTree->setTextElideMode(Qt::ElideLeft);
    // Names, partitions and message counts fit a quarter to a third of the dock; a
    // partition's offsets are in its tooltip, and in two columns the header's menu shows.
    m_clusterTree->header()->setStretchLastSection(false);
    m_clusterTree->header()->hideSection(LowColumn);
    m_clusterTree->header()->hideSection(HighColumn);
    addColumnToggles(m_clusterTree, LeaderColumn, HighColumn);
    const QLocale locale;
    new ColumnFit(m_clusterTree, {{NameColumn, 1, {}, 160},
                                  {LeaderColumn, 0, {tr("%n part.", nullptr, 32), tr("none")}},
                                  {CountColumn, 0, {locale.toString(9999999)}},
                                  {LowColumn, 0, {locale.toString(9999999)}},
                                  {HighColumn, 0, {locale.toString(9999999)}}});
    m_clusterTree->setToolTip(tr("Select topics (or one partition), then Scan. Double-click scans at once."));
    connect(m_topicFilter, &QLineEdit::textChanged, this, &TopicBrowserPanel::updateClusterTree);
    connect(m_showInternal, &QCheckBox::toggled, this, &TopicBrowserPanel::updateClusterTree);
    connect(m_clusterTree, &QTreeWidget::itemSelectionChanged, this, [this] {
        QStringList names;
        int partition = -1;
        for (QTreeWidgetItem *item : m_clusterTree->selectedItems()) {
            const QString topic = item->data(NameColumn, kTopicRole).toString();
            if (!names.contains(topic))
                names << topic;
            if (item->data(NameColumn, kPartitionRole).isValid())
                partition = item->data(NameColumn, kPartitionRole).toInt();
        }
        if (names.isEmpty())
            return;
        setScanTopics(names);
        m_partition->setValue(names.size() == 1 ? partition : -1);
    });
    connect(m_clusterTree, &QTreeWidget::itemDoubleClicked, this, [this] { startScan(); });
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_topicFilter, 1);
    filterRow->addWidget(m_showInternal);
    auto *topicsLayout = new QVBoxLayout(topics);
    topicsLayout->setContentsMargins(2, 2, 2, 2);
    topicsLayout->addWidget(m_brokers);
    topicsLayout->addLayout(filterRow);
    topicsLayout->addWidget(m_clusterTree, 1);
    m_sideTabs->addTab(topics, tr("Cluster"));

    // Consumer groups
    auto *groups = new QWidget(m_sideTabs);
    m_groupNote = new QLabel(groups);
    m_groupNote->setTextFormat(Qt::PlainText);
    m_groupNote->setWordWrap(true);
    m_groupNote->setObjectName(QStringLiteral("groupNote"));
    m_watchGroup = new QLineEdit(groups);
    m_watchGroup->setObjectName(QStringLiteral("watchGroupEdit"));
    m_watchGroup->setPlaceholderText(tr("Watch a group by name"));
    auto *watch = new QPushButton(tr("Watch"), groups);
    connect(watch, &QPushButton::clicked, this, &TopicBrowserPanel::addWatchedGroup);
    connect(m_watchGroup, &QLineEdit::returnPressed, this, &TopicBrowserPanel::addWatchedGroup);
    m_groupTree = new QTreeWidget(groups);
    m_groupTree->setObjectName(QStringLiteral("groupTree"));
    m_groupTree->setHeaderLabels({tr("Group / partition"), tr("State / members"), tr("Committed"), tr("High"),
                                  tr("Lag"), tr("Lag time")});
    m_groupTree->setUniformRowHeights(true);
    m_groupTree->header()->setSectionResizeMode(GroupNameColumn, QHeaderView::Stretch);
    m_groupTree->header()->setStretchLastSection(false);
    m_trend = new LagTrendWidget(groups);
    m_trend->setObjectName(QStringLiteral("lagTrend"));
    connect(m_groupTree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        while (item && item->parent())
            item = item->parent();
        if (item)
            m_trend->setSamples(tr("Total lag of %1").arg(item->text(GroupNameColumn)), m_lagTrend.value(item->text(GroupNameColumn)));
    });
    auto *watchRow = new QHBoxLayout;
    watchRow->addWidget(m_watchGroup, 1);
    watchRow->addWidget(watch);
    auto *groupsLayout = new QVBoxLayout(groups);
    groupsLayout->setContentsMargins(2, 2, 2, 2);
    groupsLayout->addLayout(watchRow);
    groupsLayout->addWidget(m_groupNote);
    groupsLayout->addWidget(m_groupTree, 1);
    groupsLayout->addWidget(m_trend);
    m_sideTabs->addTab(groups, tr("Consumer groups"));
    return m_sideTabs;
}

QWidget *TopicBrowserPanel::createMessageSide()
{
    auto *side = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(side);

    m_topicsEdit = new QLineEdit(top);
    m_topicsEdit->setObjectName(QStringLiteral("scanTopicsEdit"));
    m_topicsEdit->setPlaceholderText(tr("Topics to scan (comma-separated), or select them on the left"));
    m_start = new QComboBox(top);
    m_start->setObjectName(QStringLiteral("startCombo"));
    m_start->addItem(tr("From the beginning"), int(TopicScanRequest::Start::Beginning));
    m_start->addItem(tr("From the end (follow)"), int(TopicScanRequest::Start::End));
    m_start->addItem(tr("From offset"), int(TopicScanRequest::Start::Offset));
    m_start->addItem(tr("From time"), int(TopicScanRequest::Start::Timestamp));
    m_start->addItem(tr("Last N per partition"), int(TopicScanRequest::Start::LastN));
    m_startValue = new QLineEdit(top);
    m_startValue->setObjectName(QStringLiteral("startValue"));
    m_stop = new QComboBox(top);
    m_stop->setObjectName(QStringLiteral("stopCombo"));
    m_stop->addItem(tr("Until the current end"), int(TopicScanRequest::Stop::AtEnd));
    m_stop->addItem(tr("Follow (never stop)"), int(TopicScanRequest::Stop::Follow));
    m_stop->addItem(tr("Until offset"), int(TopicScanRequest::Stop::Offset));
    m_stop->addItem(tr("Until time"), int(TopicScanRequest::Stop::Timestamp));
    m_stop->addItem(tr("After N matches"), int(TopicScanRequest::Stop::Count));
    m_stopValue = new QLineEdit(top);
    m_stopValue->setObjectName(QStringLiteral("stopValue"));
    m_order = new QComboBox(top);
    m_order->setObjectName(QStringLiteral("orderCombo"));
    m_order->addItem(tr("Merged by time"), int(TopicScanRequest::Order::TimeMerged));
    m_order->addItem(tr("Per partition"), int(TopicScanRequest::Order::PerPartition));
    m_order->setToolTip(tr("Merged by time: all partitions in record-time order. Per partition: as each partition delivers."));
    m_partition = new QSpinBox(top);
    m_partition->setObjectName(QStringLiteral("partitionSpin"));
    m_partition->setRange(-1, 100000);
    m_partition->setSpecialValueText(tr("all"));
    m_partition->setPrefix(tr("partition "));
    m_partition->setValue(-1);
    connect(m_start, &QComboBox::currentIndexChanged, this, &TopicBrowserPanel::updateControls);
    connect(m_stop, &QComboBox::currentIndexChanged, this, &TopicBrowserPanel::updateControls);

    auto filterEdit = [top, this](const QString &name, const QString &placeholder, const QString &tip) {
        auto *e = new QLineEdit(top);
        e->setObjectName(name);
        e->setPlaceholderText(placeholder);
        e->setToolTip(tip);
        e->setClearButtonEnabled(true);
        connect(e, &QLineEdit::returnPressed, this, &TopicBrowserPanel::startScan);
        return e;
    };
    m_keyFilter = filterEdit(QStringLiteral("keyFilter"), tr("key"), tr("Part of the key (any case)"));
    m_assetFilter = filterEdit(QStringLiteral("assetFilter"), tr("asset"), tr("Part of the asset (location/type/id)"));
    m_typeFilter = filterEdit(QStringLiteral("eventTypeFilter"), tr("event type"), tr("Part of the event type"));
    m_textFilter = filterEdit(QStringLiteral("textFilter"), tr("text"), tr("Text anywhere in the value (any case)"));
    m_fieldFilter = filterEdit(QStringLiteral("fieldFilter"), tr("JSON test, e.g. event_data.new_value > 100"),
                               tr("Field tests on the JSON value: == != > >= < <= ~ (contains), and, or, not, "
                                  "parentheses; a bare field means it is set. Example: "
                                  "asset_type == pump and event_data.new_value > 100"));
    m_scan = new QPushButton(tr("Scan"), top);
    m_scan->setObjectName(QStringLiteral("scanButton"));
    m_scan->setDefault(true);
    m_scan->setToolTip(tr("Read the topics with these settings (F5)"));
    m_scan->setShortcut(QKeySequence(Qt::Key_F5));
    m_cancel = new QPushButton(tr("Cancel"), top);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_scan, &QPushButton::clicked, this, &TopicBrowserPanel::startScan);
    connect(m_cancel, &QPushButton::clicked, this, &TopicBrowserPanel::cancelScan);

    m_progress = new QProgressBar(top);
    m_progress->setObjectName(QStringLiteral("scanProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_counts = new QLabel(top);
    m_counts->setObjectName(QStringLiteral("scanCounts"));
    m_counts->setTextFormat(Qt::PlainText);
    m_seek = new QLabel(top);
    m_seek->setObjectName(QStringLiteral("seekMethod"));
    m_seek->setTextFormat(Qt::PlainText);
    m_seek->setWordWrap(true);
    m_seek->hide();
    m_error = new QLabel(top);
    m_error->setObjectName(QStringLiteral("scanError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();

    m_table = new QTableView(top);
    m_table->setObjectName(QStringLiteral("messageTable"));
    m_table->setModel(m_messages);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    // Millions of rows: fixed row height, no sizing to contents.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Keys and assets share their starts ("COMPRESSOR_"): elided in the middle, both
    // ends stay; a topic, like in the cluster list, keeps its end.
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setItemDelegateForColumn(MessageTableModel::TopicColumn, new ElidingDelegate(Qt::ElideLeft, m_table));
    {
        using M = MessageTableModel;
        const QLocale locale;
        new ColumnFit(m_table, {{M::TimeColumn, 0, {QStringLiteral("2026-01-01 00:00:00.000")}},
                                {M::TopicColumn, 3, {}, 150},
                                {M::PartitionColumn, 0, {QStringLiteral("999")}},
                                {M::OffsetColumn, 0, {locale.toString(99999999)}},
                                {M::KeyColumn, 2, {}, 110},
                                {M::EnvelopeColumn, 0, {QStringLiteral("domain")}},
                                {M::AssetColumn, 2, {}, 110},
                                {M::EventTypeColumn, 2, {}, 130},
                                {M::SizeColumn, 0, {locale.formattedDataSize(999 << 10, 1, QLocale::DataSizeTraditionalFormat)}}});
    }
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TopicBrowserPanel::onCurrentRowChanged);

    auto *controls = new QGridLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(m_topicsEdit, 0, 0, 1, 4);
    controls->addWidget(m_order, 0, 4);
    controls->addWidget(m_partition, 0, 5);
    controls->addWidget(m_start, 1, 0);
    controls->addWidget(m_startValue, 1, 1);
    controls->addWidget(m_stop, 1, 2);
    controls->addWidget(m_stopValue, 1, 3);
    controls->addWidget(m_scan, 1, 4);
    controls->addWidget(m_cancel, 1, 5);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_keyFilter, 1);
    filters->addWidget(m_assetFilter, 1);
    filters->addWidget(m_typeFilter, 1);
    filters->addWidget(m_textFilter, 1);
    filters->addWidget(m_fieldFilter, 3);
    auto *status = new QHBoxLayout;
    status->addWidget(m_progress);
    status->addWidget(m_counts, 1);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(controls);
    topLayout->addLayout(filters);
    topLayout->addLayout(status);
    topLayout->addWidget(m_seek);
    topLayout->addWidget(m_error);
    topLayout->addWidget(m_table, 1);

    auto *bottom = new QWidget(side);
    m_detail = new MessageDetailView(bottom);
    auto button = [bottom](const QString &name, const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, bottom);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    m_copyJson = button(QStringLiteral("copyJsonButton"), tr("Copy as JSON"),
                        tr("The record as kcat -J prints it (Ctrl+C in the list)"));
    m_copyKcat = button(QStringLiteral("copyKcatButton"), tr("Copy kcat command"),
                        tr("A kcat command line that fetches exactly this record"));
    m_showAsset = button(QStringLiteral("showAssetButton"), tr("Show asset"), tr("Select this record's asset in the asset tree"));
    m_exportSelection = button(QStringLiteral("exportSelectionButton"), tr("Export selection\u2026"),
                               tr("Write the selected records as a log (kcat -J lines)"));
    m_exportAll = button(QStringLiteral("exportAllButton"), tr("Export all\u2026"),
                         tr("Write every record in the list (the filtered result) as a log"));
    m_republish = button(QStringLiteral("republishButton"), tr("Re-publish\u2026"), {});
    connect(m_copyJson, &QPushButton::clicked, this, &TopicBrowserPanel::copyJson);
    connect(m_copyKcat, &QPushButton::clicked, this, &TopicBrowserPanel::copyKcatCommand);
    connect(m_showAsset, &QPushButton::clicked, this, [this] {
        const QString key = m_messages->assetKey(currentRow());
        if (!key.isEmpty())
            emit assetRequested(key);
    });
    connect(m_exportSelection, &QPushButton::clicked, this, &TopicBrowserPanel::exportSelection);
    connect(m_exportAll, &QPushButton::clicked, this, &TopicBrowserPanel::exportAll);
    connect(m_republish, &QPushButton::clicked, this, &TopicBrowserPanel::republishCurrent);
    auto *copyAction = new QAction(tr("Copy as JSON"), this);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(copyAction);
    connect(copyAction, &QAction::triggered, this, &TopicBrowserPanel::copyJson);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_copyJson, m_copyKcat, m_showAsset, m_exportSelection, m_exportAll, m_republish})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addLayout(buttons);
    bottomLayout->addWidget(m_detail, 1);
    side->addWidget(top);
    side->addWidget(bottom);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 2);
    return side;
}

void TopicBrowserPanel::updateControls()
{
    const auto start = TopicScanRequest::Start(m_start->currentData().toInt());
    const auto stop = TopicScanRequest::Stop(m_stop->currentData().toInt());
    auto configure = [](QLineEdit *e, bool on, const QString &placeholder) {
        e->setEnabled(on);
        e->setPlaceholderText(on ? placeholder : QString());
    };
    const QString timeHint = tr("2025-08-03T10:30:00Z or epoch ms");
    configure(m_startValue, start == TopicScanRequest::Start::Offset || start == TopicScanRequest::Start::Timestamp
                                || start == TopicScanRequest::Start::LastN,
              start == TopicScanRequest::Start::Offset ? tr("offset") : start == TopicScanRequest::Start::LastN ? tr("N") : timeHint);
    configure(m_stopValue, stop == TopicScanRequest::Stop::Offset || stop == TopicScanRequest::Stop::Timestamp
                               || stop == TopicScanRequest::Stop::Count,
              stop == TopicScanRequest::Stop::Offset ? tr("last offset") : stop == TopicScanRequest::Stop::Count ? tr("N") : timeHint);
    m_scan->setEnabled(true);
    m_cancel->setEnabled(m_scanning);
    const bool has = currentRow() >= 0;
    m_copyJson->setEnabled(has);
    m_copyKcat->setEnabled(has && !m_offline);
    m_showAsset->setEnabled(has && !m_messages->assetKey(currentRow()).isEmpty());
    m_exportSelection->setEnabled(has);
    m_exportAll->setEnabled(m_messages->rowCount() > 0);
    m_republish->setEnabled(has && m_republishAllowed && !m_offline);
}

void TopicBrowserPanel::setRepublishAllowed(bool allowed, const QString &whyNot)
{
    m_republishAllowed = allowed;
    m_republishWhyNot = whyNot;
    m_republish->setToolTip(allowed ? tr("Publish this record again, to the same or another topic, after editing it")
                                    : whyNot);
    updateControls();
}

void TopicBrowserPanel::setOfflineTopics(const QMap<QString, quint64> &topicCounts)
{
    m_offline = true;
    m_offlineTopics = topicCounts;
    m_cluster = {};
    m_sideTabs->setTabEnabled(1, false);
    m_brokers->setText(tr("Opened log: %n topic(s)", nullptr, int(topicCounts.size())));
    updateClusterTree();
    updateControls();
}

void TopicBrowserPanel::setCluster(const ClusterSnapshot &snapshot)
{
    if (m_offline)
        return;
    if (!snapshot.ok) {
        // Keep the last good view; say it is not current.
        m_brokers->setText(snapshot.error);
        HmiStyle::restyle(m_brokers, QStringLiteral("QLabel { %1 }").arg(HmiStyle::alarmBadgeStyle()));
        return;
    }
    HmiStyle::restyle(m_brokers, {});
    m_cluster = snapshot;
    QStringList brokers;
    for (const BrokerInfo &b : snapshot.brokers)
        brokers << tr("%1 (%2:%3)").arg(b.id).arg(b.host).arg(b.port);
    m_brokers->setText(tr("Brokers: %1 \u00b7 updated %2").arg(brokers.join(QStringLiteral(", ")),
                                                                QDateTime::fromMSecsSinceEpoch(snapshot.takenMs).toString(QStringLiteral("HH:mm:ss"))));
    updateClusterTree();
}

void TopicBrowserPanel::updateClusterTree()
{
    const QString filter = m_topicFilter->text().trimmed();
    const bool internal = m_showInternal->isChecked();
    const QLocale locale;
    // Update in place: the tree refreshes every few seconds and must keep the
    // operator's selection, expansion and scroll position.
    QHash<QString, QTreeWidgetItem *> existing;
    for (int i = 0; i < m_clusterTree->topLevelItemCount(); ++i)
        existing.insert(m_clusterTree->topLevelItem(i)->data(NameColumn, kTopicRole).toString(), m_clusterTree->topLevelItem(i));
    QStringList shown;
    auto topicItem = [&](const QString &name) {
        QTreeWidgetItem *item = existing.take(name);
        if (!item) {
            item = new QTreeWidgetItem(m_clusterTree);
            item->setText(NameColumn, name);
            item->setData(NameColumn, kTopicRole, name);
            for (int c = LeaderColumn; c <= HighColumn; ++c)
                item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        }
        return item;
    };
    if (m_offline) {
        for (auto it = m_offlineTopics.cbegin(); it != m_offlineTopics.cend(); ++it) {
            if (!filter.isEmpty() && !it.key().contains(filter, Qt::CaseInsensitive))
                continue;
            QTreeWidgetItem *item = topicItem(it.key());
            item->setText(CountColumn, locale.toString(it.value()));
        }
    } else {
        for (const TopicInfo &t : m_cluster.topics) {
            if ((t.internal && !internal) || (!filter.isEmpty() && !t.name.contains(filter, Qt::CaseInsensitive)))
                continue;
            QTreeWidgetItem *item = topicItem(t.name);
            item->setText(LeaderColumn, tr("%n part.", nullptr, int(t.partitions.size())));
            item->setText(CountColumn, locale.toString(t.count()));
            item->setToolTip(NameColumn, t.error.isEmpty() ? t.name : tr("%1: %2").arg(t.name, t.error));
            for (size_t i = 0; i < t.partitions.size(); ++i) {
                const PartitionInfo &p = t.partitions[i];
                QTreeWidgetItem *child = int(i) < item->childCount() ? item->child(int(i)) : new QTreeWidgetItem(item);
                child->setText(NameColumn, tr("partition %1").arg(p.id));
                child->setData(NameColumn, kTopicRole, t.name);
                child->setData(NameColumn, kPartitionRole, p.id);
                child->setText(LeaderColumn, p.leader >= 0 ? QString::number(p.leader) : tr("none"));
                child->setText(CountColumn, locale.toString(p.count()));
                child->setText(LowColumn, p.low >= 0 ? locale.toString(p.low) : QStringLiteral("?"));
                child->setText(HighColumn, p.high >= 0 ? locale.toString(p.high) : QStringLiteral("?"));
                for (int c = LeaderColumn; c <= HighColumn; ++c)
                    child->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
                // The high watermark is the offset the next record gets: the last is one before it.
                QStringList tip;
                if (!p.error.isEmpty())
                    tip << p.error;
                if (p.low >= 0 && p.high > p.low)
                    tip << tr("Offsets %1 to %2").arg(locale.toString(p.low), locale.toString(p.high - 1));
                else if (p.low >= 0 && p.high == p.low)
                    tip << tr("No records; the next gets offset %1").arg(locale.toString(p.high));
                child->setToolTip(NameColumn, tip.join(u'\n'));
            }
            while (item->childCount() > int(t.partitions.size()))
                delete item->takeChild(item->childCount() - 1);
        }
    }
    qDeleteAll(existing);
    m_clusterTree->sortItems(NameColumn, Qt::AscendingOrder);
}

void TopicBrowserPanel::setGroups(const ConsumerGroupsSnapshot &snapshot)
{
    if (m_offline)
        return;
    m_groupNote->setText(snapshot.error.isEmpty() ? snapshot.listingNote : snapshot.error);
    m_groupNote->setVisible(!m_groupNote->text().isEmpty());
    const QLocale locale;
    const QString current = [this] {
        QTreeWidgetItem *item = m_groupTree->currentItem();
        while (item && item->parent())
            item = item->parent();
        return item ? item->text(GroupNameColumn) : QString();
    }();
    QSet<QString> expanded;
    for (int i = 0; i < m_groupTree->topLevelItemCount(); ++i) {
        if (m_groupTree->topLevelItem(i)->isExpanded())
            expanded.insert(m_groupTree->topLevelItem(i)->text(GroupNameColumn));
    }
    m_groupTree->clear();
    for (const ConsumerGroupInfo &g : snapshot.groups) {
        auto &trend = m_lagTrend[g.group];
        trend.push_back(g.totalLag());
        while (trend.size() > size_t(kTrendSamples))
            trend.pop_front();
        auto *item = new QTreeWidgetItem(m_groupTree);
        item->setText(GroupNameColumn, g.group);
        const QString members = tr("%n member(s)", nullptr, int(g.members.size()));
        item->setText(GroupStateColumn, g.state.isEmpty() ? members : g.state + QStringLiteral(" \u00b7 ") + members);
        item->setText(LagColumn, locale.toString(g.totalLag()));
        item->setText(LagTimeColumn, g.maxLagMs() >= 0 ? durationText(g.maxLagMs()) : QString());
        item->setToolTip(GroupNameColumn, g.error);
        if (!g.error.isEmpty())
            item->setText(GroupStateColumn, g.error);
        for (const GroupMember &m : g.members) {
            auto *member = new QTreeWidgetItem(item);
            member->setText(GroupNameColumn, tr("member %1").arg(m.clientId.isEmpty() ? m.memberId : m.clientId));
            member->setText(GroupStateColumn, m.host);
            member->setToolTip(GroupNameColumn, m.memberId + u'\n' + m.assignment.join(QStringLiteral(", ")));
        }
        for (const GroupPartitionLag &l : g.partitions) {
            auto *p = new QTreeWidgetItem(item);
            p->setText(GroupNameColumn, QStringLiteral("%1 [%2]").arg(l.topic).arg(l.partition));
            p->setText(CommittedColumn, locale.toString(l.committed));
            p->setText(GroupHighColumn, l.high >= 0 ? locale.toString(l.high) : QStringLiteral("?"));
            p->setText(LagColumn, locale.toString(l.lag));
            p->setText(LagTimeColumn, l.lagMs >= 0 ? durationText(l.lagMs) : QStringLiteral("?"));
            p->setToolTip(LagTimeColumn, tr("Age of the oldest record the group has not consumed"));
            for (int c = CommittedColumn; c <= LagTimeColumn; ++c)
                p->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        }
        for (int c = LagColumn; c <= LagTimeColumn; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        item->setExpanded(expanded.contains(g.group) || snapshot.groups.size() == 1);
        if (g.group == current || (current.isEmpty() && m_groupTree->topLevelItemCount() == 1))
            m_groupTree->setCurrentItem(item);
    }
    if (QTreeWidgetItem *item = m_groupTree->currentItem())
        m_trend->setSamples(tr("Total lag of %1").arg(item->text(GroupNameColumn)), m_lagTrend.value(item->text(GroupNameColumn)));
}

void TopicBrowserPanel::addWatchedGroup()
{
    const QString group = m_watchGroup->text().trimmed();
    if (group.isEmpty() || m_watchedGroups.contains(group))
        return;
    m_watchedGroups << group;
    m_watchGroup->clear();
    emit watchedGroupsChanged(m_watchedGroups);
}

void TopicBrowserPanel::setScanTopics(const QStringList &topics)
{
    m_topicsEdit->setText(topics.join(QStringLiteral(", ")));
}

QStringList TopicBrowserPanel::scanTopics() const
{
    QStringList out;
    for (const QString &t : m_topicsEdit->text().split(u',', Qt::SkipEmptyParts))
        out << t.trimmed();
    return out;
}

void TopicBrowserPanel::setStart(TopicScanRequest::Start start, const QString &value)
{
    m_start->setCurrentIndex(m_start->findData(int(start)));
    m_startValue->setText(value);
}

void TopicBrowserPanel::setStop(TopicScanRequest::Stop stop, const QString &value)
{
    m_stop->setCurrentIndex(m_stop->findData(int(stop)));
    m_stopValue->setText(value);
}

void TopicBrowserPanel::setFilter(const MessageFilterSpec &filter)
{
    m_keyFilter->setText(filter.key);
    m_assetFilter->setText(filter.asset);
    m_typeFilter->setText(filter.eventType);
    m_textFilter->setText(filter.text);
    m_fieldFilter->setText(filter.expression);
}

std::optional<TopicScanRequest> TopicBrowserPanel::requestFromControls(QString *error) const
{
    TopicScanRequest r;
    r.topics = scanTopics();
    if (r.topics.isEmpty()) {
        *error = tr("Choose the topics to scan: select them in the cluster list or type their names.");
        return std::nullopt;
    }
    r.partition = m_partition->value();
    r.order = TopicScanRequest::Order(m_order->currentData().toInt());
    r.start = TopicScanRequest::Start(m_start->currentData().toInt());
    r.stop = TopicScanRequest::Stop(m_stop->currentData().toInt());
    auto number = [error](const QLineEdit *e, const QString &what, qint64 min) -> std::optional<qint64> {
        bool ok = false;
        const qint64 v = QLocale().toLongLong(e->text().trimmed(), &ok);
        const qint64 c = ok ? v : e->text().trimmed().toLongLong(&ok);
        if (!ok || c < min) {
            *error = tr("%1 must be a whole number of at least %2, not \u201c%3\u201d").arg(what).arg(min).arg(e->text());
            return std::nullopt;
        }
        return c;
    };
    auto time = [error](const QLineEdit *e, const QString &what) -> std::optional<qint64> {
        const auto ms = parseTimestampMs(e->text().trimmed());
        if (!ms)
            *error = tr("%1 must be a time such as 2025-08-03T10:30:00Z or epoch milliseconds, not \u201c%2\u201d")
                         .arg(what, e->text());
        return ms;
    };
    switch (r.start) {
    case TopicScanRequest::Start::Offset: {
        const auto v = number(m_startValue, tr("The start offset"), 0);
        if (!v)
            return std::nullopt;
        r.startOffset = *v;
        break;
    }
    case TopicScanRequest::Start::LastN: {
        const auto v = number(m_startValue, tr("N"), 1);
        if (!v)
            return std::nullopt;
        r.lastN = *v;
        break;
    }
    case TopicScanRequest::Start::Timestamp: {
        const auto v = time(m_startValue, tr("The start time"));
        if (!v)
            return std::nullopt;
        r.startTimeMs = *v;
        break;
    }
    default: break;
    }
    switch (r.stop) {
    case TopicScanRequest::Stop::Offset: {
        const auto v = number(m_stopValue, tr("The last offset"), 0);
        if (!v)
            return std::nullopt;
        r.stopOffset = *v;
        break;
    }
    case TopicScanRequest::Stop::Count: {
        const auto v = number(m_stopValue, tr("N"), 1);
        if (!v)
            return std::nullopt;
        r.stopCount = *v;
        break;
    }
    case TopicScanRequest::Stop::Timestamp: {
        const auto v = time(m_stopValue, tr("The stop time"));
        if (!v)
            return std::nullopt;
        r.stopTimeMs = *v;
        break;
    }
    default: break;
    }
    if (m_offline && (r.stop == TopicScanRequest::Stop::Follow || r.start == TopicScanRequest::Start::End)) {
        *error = tr("An opened log does not grow: choose a start and stop within it.");
        return std::nullopt;
    }
    r.filter = {m_keyFilter->text(), m_assetFilter->text(), m_typeFilter->text(), m_textFilter->text(), m_fieldFilter->text()};
    if (QString why; !MessageFilter::compile(r.filter, &why)) {
        *error = why;
        return std::nullopt;
    }
    return r;
}

void TopicBrowserPanel::startScan()
{
    QString error;
    const auto request = requestFromControls(&error);
    if (!request) {
        m_error->setText(error);
        m_error->setStyleSheet(QStringLiteral("QLabel { %1 }").arg(HmiStyle::warningBadgeStyle()));
        m_error->show();
        return;
    }
    m_error->hide();
    m_messages->clear();
    m_detail->clear();
    m_scanned = m_matched = m_skipped = 0;
    m_fraction = 0;
    m_scanning = true;
    m_seek->hide();
    m_status = {};
    updateCounts();
    updateControls();
    emit scanRequested(*request);
}

void TopicBrowserPanel::cancelScan()
{
    if (m_scanning)
        emit cancelRequested();
}

void TopicBrowserPanel::applyBatch(const TopicScanBatchPtr &batch)
{
    if (!batch)
        return;
    // Follow the newest rows only while the user is at the bottom.
    QScrollBar *bar = m_table->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    m_messages->append(batch->rows(), batch->rowSummaries());
    m_scanned = batch->scanned;
    m_matched = batch->matched;
    m_skipped = batch->skippedBeforeStart;
    m_fraction = batch->progress;
    updateCounts();
    if (atBottom && m_status.state == TopicScanStatus::State::Following)
        m_table->scrollToBottom();
    if (currentRow() < 0)
        updateControls();
}

void TopicBrowserPanel::setScanStatus(const TopicScanStatus &status)
{
    m_status = status;
    m_scanning = status.state == TopicScanStatus::State::Starting || status.state == TopicScanStatus::State::Scanning
                 || status.state == TopicScanStatus::State::Following;
    if (!status.seekMethod.isEmpty()) {
        m_seek->setText(status.seekMethod);
        m_seek->show();
    }
    if (status.state == TopicScanStatus::State::Failed) {
        m_error->setText(status.message);
        m_error->setStyleSheet(QStringLiteral("QLabel { %1 }").arg(HmiStyle::warningBadgeStyle()));
        m_error->show();
    } else {
        m_error->hide();
    }
    if (!status.message.isEmpty())
        emit statusMessage(status.message);
    updateCounts();
    updateControls();
}

void TopicBrowserPanel::updateCounts()
{
    const QLocale locale;
    QStringList parts;
    parts << tr("%1 scanned").arg(locale.toString(m_scanned)) << tr("%1 matched").arg(locale.toString(m_matched));
    if (m_skipped > 0)
        parts << tr("%1 older than the start skipped").arg(locale.toString(m_skipped));
    QString text = parts.join(QStringLiteral(" \u00b7 "));
    switch (m_status.state) {
    case TopicScanStatus::State::Starting: text += tr(" \u2014 connecting\u2026"); break;
    case TopicScanStatus::State::Scanning: text += tr(" \u2014 scanning"); break;
    case TopicScanStatus::State::Following: text += tr(" \u2014 following new records"); break;
    case TopicScanStatus::State::Finished: text += tr(" \u2014 done"); break;
    case TopicScanStatus::State::Cancelled: text += tr(" \u2014 cancelled"); break;
    case TopicScanStatus::State::Failed: text += tr(" \u2014 failed"); break;
    }
    if (m_messages->droppedRows() > 0) {
        // Never silent: the list is bounded and says what it let go.
        text += u'\n' + tr("Showing the newest %1 rows: %2 older rows dropped out (the list keeps at most %3 rows "
                           "and %4 of record data).")
                            .arg(locale.toString(m_messages->rowCount()), locale.toString(m_messages->droppedRows()),
                                 locale.toString(m_messages->maxRows()),
                                 locale.formattedDataSize(m_messages->maxBytes(), 0, QLocale::DataSizeTraditionalFormat));
    }
    m_counts->setText(text);
    if (m_fraction < 0 && m_scanning) {
        m_progress->setRange(0, 0); // following: busy, no end
    } else {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::clamp(m_fraction, 0.0, 1.0) * 1000));
    }
    m_progress->setVisible(m_scanning || m_status.state != TopicScanStatus::State::Starting);
}

int TopicBrowserPanel::currentRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

QList<int> TopicBrowserPanel::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        rows << i.row();
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty() && currentRow() >= 0)
        rows << currentRow();
    return rows;
}

void TopicBrowserPanel::selectRow(int row)
{
    const QModelIndex index = m_messages->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void TopicBrowserPanel::onCurrentRowChanged()
{
    const int row = currentRow();
    if (row < 0) {
        m_detail->clear();
    } else {
        const LogRecord record = m_messages->record(row);
        m_detail->setRecord(record, m_messages->summary(row));
    }
    updateControls();
}

QString TopicBrowserPanel::kcatCommand(const LogRecord &record) const
{
    return QStringLiteral("kcat -C -b %1 -t %2 -p %3 -o %4 -c 1 -J")
        .arg(shellQuote(m_bootstrap.isEmpty() ? QStringLiteral("BROKER:9092") : m_bootstrap), shellQuote(record.topic))
        .arg(record.partition)
        .arg(record.offset);
}

QString TopicBrowserPanel::kcatCommandForRow(int row) const
{
    return row >= 0 && row < m_messages->rowCount() ? kcatCommand(m_messages->record(row)) : QString();
}

QByteArray TopicBrowserPanel::jsonForRow(int row) const
{
    if (row < 0 || row >= m_messages->rowCount() || !m_formatter)
        return {};
    return m_formatter(m_messages->record(row)).trimmed();
}

void TopicBrowserPanel::copyJson()
{
    QByteArray all;
    for (int row : selectedRows())
        all += jsonForRow(row) + '\n';
    if (all.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(QString::fromUtf8(all.trimmed()));
    emit statusMessage(tr("Copied %n record(s) as JSON", nullptr, int(selectedRows().size())));
}

void TopicBrowserPanel::copyKcatCommand()
{
    const QString command = kcatCommandForRow(currentRow());
    if (command.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(command);
    emit statusMessage(tr("Copied: %1").arg(command));
}

void TopicBrowserPanel::exportSelection()
{
    exportRows(selectedRows(), tr("the selected records"));
}

void TopicBrowserPanel::exportAll()
{
    QList<int> rows;
    rows.reserve(m_messages->rowCount());
    for (int i = 0; i < m_messages->rowCount(); ++i)
        rows << i;
    exportRows(rows, tr("all records in the list"));
}

void TopicBrowserPanel::exportRows(const QList<int> &rows, const QString &what)
{
    if (rows.isEmpty())
        return;
    const QString logFilter = tr("Log (*%1)").arg(LogExportDialog::suffixFor(LogExportDialog::Kind::Log));
    const QString zstFilter = tr("Compressed log (*%1)").arg(LogExportDialog::suffixFor(LogExportDialog::Kind::CompressedLog));
    QString chosen;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(what), QStringLiteral("topic-browser") + LogExportDialog::suffixFor(LogExportDialog::Kind::Log),
                                                      logFilter + QStringLiteral(";;") + zstFilter, &chosen);
    if (path.isEmpty())
        return;
    emit exportRequested(path, m_messages->records(rows));
}

void TopicBrowserPanel::exportFinished(bool ok, const QString &message)
{
    emit statusMessage(message);
    if (!ok && isVisible())
        QMessageBox::warning(this, tr("Export"), message);
}

void TopicBrowserPanel::republishCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return;
    if (!m_republishAllowed) {
        emit statusMessage(m_republishWhyNot);
        return;
    }
    const LogRecord record = m_messages->record(row);
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("republishDialog"));
    dialog.setWindowTitle(tr("Re-publish a record"));
    auto *topic = new QComboBox(&dialog);
    topic->setEditable(true);
    topic->setObjectName(QStringLiteral("republishTopic"));
    for (const TopicInfo &t : m_cluster.topics) {
        if (!t.internal)
            topic->addItem(t.name);
    }
    topic->setCurrentText(record.topic);
    auto *key = new QLineEdit(QString::fromUtf8(record.key.value_or(QByteArray())), &dialog);
    key->setObjectName(QStringLiteral("republishKey"));
    auto *value = new QPlainTextEdit(&dialog);
    value->setObjectName(QStringLiteral("republishValue"));
    value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QString pretty = MessageDetailView::prettyJson(record.payload.value_or(QByteArray()));
    value->setPlainText(pretty.isEmpty() ? QString::fromUtf8(record.payload.value_or(QByteArray())) : pretty);
    const QString shown = value->toPlainText();
    auto *note = new QLabel(tr("Source: %1 [%2] @ %3. Its %n header(s) are re-sent unchanged.", nullptr, int(record.headers.size()))
                                .arg(record.topic).arg(record.partition).arg(record.offset),
                            &dialog);
    note->setTextFormat(Qt::PlainText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Publish\u2026"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        const QString target = topic->currentText().trimmed();
        if (target.isEmpty())
            return;
        QMessageBox confirm(QMessageBox::Warning, tr("Re-publish"),
                            tr("Publish this record to %1? Consumers of that topic will act on it.").arg(target),
                            QMessageBox::Yes | QMessageBox::Cancel, &dialog);
        confirm.setTextFormat(Qt::PlainText);
        confirm.setDefaultButton(QMessageBox::Cancel);
        if (confirm.exec() == QMessageBox::Yes)
            dialog.accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Topic"), topic);
    form->addRow(tr("Key"), key);
    form->addRow(tr("Value"), value);
    form->addRow(note);
    form->addRow(buttons);
    dialog.resize(640, 480);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Unchanged: the original bytes (compact JSON, or a binary payload the text view
    // cannot hold); otherwise the edited text as typed.
    QByteArray payload = value->toPlainText().toUtf8();
    if (value->toPlainText() == shown)
        payload = record.payload.value_or(QByteArray());
    emit republishRequested(topic->currentText().trimmed(), key->text().toUtf8(), payload, record.headers);
}

void TopicBrowserPanel::focusFilter()
{
    m_fieldFilter->setFocus(Qt::ShortcutFocusReason);
    m_fieldFilter->selectAll();
}

} // namespace ndh
