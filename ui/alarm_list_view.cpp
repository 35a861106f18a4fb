#include "alarm_list_view.h"

#include "alarm_filter_model.h"
#include "alarm_group_model.h"
#include "alarm_priority.h"
#include "alarm_table_model.h"
#include "column_fit.h"
#include "envelope_decoder.h"
#include "hmi_style.h"
#include "paced_item_view.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QToolBar>
#include <QUuid>
#include <QVBoxLayout>

namespace ndh {

QString alarmListTime(const QString &text, const QDate &today)
{
    if (text.size() != 19) // "yyyy-MM-dd HH:mm:ss"
        return text;
    if (text.startsWith(today.toString(Qt::ISODate)))
        return text.mid(11);
    return text.startsWith(QString::number(today.year()) + u'-') ? text.mid(5) : text;
}

QDate alarmListDay(const AlarmTableModel &model)
{
    return QDateTime::fromMSecsSinceEpoch(model.shownAtMs()).date();
}

namespace {

bool isUnacked(IsaState s)
{
    return s == IsaState::Unack || s == IsaState::RtnUnack || s == IsaState::LatchedUnack;
}

// ISA-101: normal rows stay grey on grey. Unacknowledged rows are bold with the
// priority cell filled; acknowledged active alarms keep a coloured priority text;
// alarms set aside (shelved, suppressed, out of service) are muted.
class AlarmRowDelegate : public QStyledItemDelegate
{
public:
    AlarmRowDelegate(const AlarmTableModel *model, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_model(model)
    {
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto state = IsaState(index.data(AlarmTableModel::StateRole).toInt());
        const int priority = index.data(AlarmTableModel::PriorityRole).toInt();
        const bool priorityCell = index.column() == AlarmTableModel::PriorityColumn;
        if (isUnacked(state)) {
            option->font.setBold(true);
            if (priorityCell || index.column() == AlarmTableModel::StateColumn) {
                option->backgroundBrush = HmiStyle::priorityBackground(priority);
                option->palette.setColor(QPalette::Text, HmiStyle::priorityText(priority));
                option->palette.setColor(QPalette::HighlightedText, HmiStyle::priorityText(priority));
            }
        } else if ((state == IsaState::Acked || state == IsaState::LatchedAcked) && priorityCell) {
            // Acknowledged: the priority keeps its colour as text only.
            option->palette.setColor(QPalette::Text, priority == 3 ? HmiStyle::warningText()
                                                                   : HmiStyle::priorityBackground(priority));
            option->font.setBold(true);
        } else if (state == IsaState::Shelved || state == IsaState::Suppressed || state == IsaState::OutOfService
                   || state == IsaState::Normal) {
            option->palette.setColor(QPalette::Text, HmiStyle::mutedText());
        }
        if (index.column() == AlarmTableModel::RaisedColumn)
            option->text = alarmListTime(option->text, alarmListDay(*m_model));
        if (index.column() == AlarmTableModel::AssetColumn && option->rect.width() > 0) {
            const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
            const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option->widget) + 1;
            // An asset path keeps its id whole, the part an operator reads.
            option->text = elidedPath(option->text, QFontMetrics(option->font), option->rect.width() - 2 * margin);
            option->textElideMode = Qt::ElideLeft; // what still does not fit keeps the id's end
        }
    }

private:
    const AlarmTableModel *m_model;
};

// What the groups' tree takes of its first column for the branch and its arrow.
int groupBranchWidth(const QTreeView *tree)
{
    return tree->indentation() + 24;
}

// The columns of the alarm list (and of its groups, whose raised column also
// holds the branch): the short ones as wide as their header and widest text, the
// asset, alarm and message sharing the rest, the message most. Those three stay
// wide enough to read; in a narrow view the value and time in state, last, scroll.
std::vector<ColumnFit::Column> alarmColumns(int raisedExtra)
{
    QStringList priorities, states;
    for (int p = 1; p <= 4; ++p)
        priorities << priorityLabel(p);
    // The states a list mostly shows; the rarer, longer ones (Latched-Unack,
    // Out-of-service) may be elided.
    for (const IsaState s : {IsaState::Unack, IsaState::RtnUnack, IsaState::Acked, IsaState::Shelved})
        states << isaStateName(s);
    return {
        {AlarmTableModel::RaisedColumn, 0, {QStringLiteral("12-31 23:59:59")}, 0, raisedExtra},
        {AlarmTableModel::PriorityColumn, 0, priorities},
        {AlarmTableModel::StateColumn, 0, states},
        {AlarmTableModel::AssetColumn, 3, {}, 160},
        {AlarmTableModel::AlarmColumn, 3, {}, 180},
        {AlarmTableModel::MessageColumn, 5, {}, 220},
        {AlarmTableModel::ValueColumn, 0, {QStringLiteral("-12345.67")}},
        {AlarmTableModel::TimeInStateColumn, 0, {QStringLiteral("23 h 59 min")}},
    };
}

QString actionName(AlarmAction action)
{
    switch (action) {
    case AlarmAction::Acknowledge: return AlarmListView::tr("acknowledge");
    case AlarmAction::Shelve: return AlarmListView::tr("shelve");
    case AlarmAction::Unshelve: return AlarmListView::tr("unshelve");
    case AlarmAction::RemoveFromService: return AlarmListView::tr("remove from service");
    case AlarmAction::ReturnToService: return AlarmListView::tr("return to service");
    case AlarmAction::Reset: return AlarmListView::tr("reset");
    default: return {};
    }
}

} // namespace

AlarmListView::AlarmListView(AlarmTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new AlarmFilterModel(this))
    , m_operator(osUserName())
    , m_shelveReason(tr("shelved by operator"))
{
    m_filter->setAlarmModel(model);
    m_filter->setHideNormal(true);
    buildUi();
    m_filter->sort(AlarmTableModel::RaisedColumn, Qt::DescendingOrder);
    m_table->horizontalHeader()->setSortIndicator(AlarmTableModel::RaisedColumn, Qt::DescendingOrder);

    // Time in state (and shelve expiry) follow the clock; one refresh a second.
    m_timeTimer = new QTimer(this);
    m_timeTimer->setInterval(1000);
    connect(m_timeTimer, &QTimer::timeout, this, [this] {
        m_model->refreshTimes();
        updateActions();
    });
    m_timeTimer->start();
    // Time in state is not announced cell by cell (that would send 100,000 rows
    // through the proxy every second): the visible cells are repainted instead.
    connect(model, &AlarmTableModel::timeInStateMoved, m_table->viewport(), qOverload<>(&QWidget::update));
    // New locations appear with new alarms; the combo is rebuilt at most twice a second.
    m_locationTimer = new QTimer(this);
    m_locationTimer->setSingleShot(true);
    m_locationTimer->setInterval(500);
    connect(m_locationTimer, &QTimer::timeout, this, &AlarmListView::updateLocations);
    // Started, not restarted: a steady stream of batches must not postpone it forever.
    const auto startLocations = [this] {
        if (!m_locationTimer->isActive())
            m_locationTimer->start();
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, startLocations);
    connect(model, &QAbstractItemModel::modelReset, this, startLocations);
    // The count label follows inserts and removals once per event-loop turn, not
    // once per inserted block.
    auto *countTimer = new QTimer(this);
    countTimer->setSingleShot(true);
    countTimer->setInterval(0);
    connect(countTimer, &QTimer::timeout, this, &AlarmListView::applyFilters);
    const auto scheduleCount = [countTimer] {
        if (!countTimer->isActive())
            countTimer->start();
    };
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, scheduleCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, scheduleCount);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &AlarmListView::updateActions);
    updateLocations();
    updateActions();
}

QString AlarmListView::osUserName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? QStringLiteral("operator") : name;
}

void AlarmListView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);

    m_toolBar = new QToolBar(this);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const auto make = [this](const QString &text, const QKeySequence &keys, const QString &tip, auto slot) {
        auto *a = new QAction(text, this);
        if (!keys.isEmpty()) {
            a->setShortcut(keys);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, keys.toString(QKeySequence::NativeText)));
        } else {
            a->setToolTip(tip);
        }
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_ack = make(tr("&Acknowledge"), QKeySequence(Qt::CTRL | Qt::Key_K),
                 tr("Acknowledge the selected alarms"), &AlarmListView::acknowledgeSelected);
    m_ackComment = make(tr("Acknowledge with &comment…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
                        tr("Acknowledge the selected alarms with a comment"),
                        &AlarmListView::acknowledgeSelectedWithComment);
    m_ackVisible = make(tr("Acknowledge all &visible"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K),
                        tr("Acknowledge every unacknowledged alarm the filters show"),
                        &AlarmListView::acknowledgeVisible);
    m_shelve = make(tr("&Shelve…"), QKeySequence(Qt::CTRL | Qt::Key_H),
                    tr("Shelve the selected alarms for a while, with a reason"), &AlarmListView::shelveSelected);
    m_unshelve = make(tr("&Unshelve"), QKeySequence(Qt::CTRL | Qt::Key_U),
                      tr("Bring shelved alarms back before their shelve expires"), &AlarmListView::unshelveSelected);
    m_removeService = make(tr("&Remove from service…"), {}, tr("Take the selected alarms out of service, with a reason"),
                           &AlarmListView::removeSelectedFromService);
    m_returnService = make(tr("Return to ser&vice"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                           tr("Return shelved or out-of-service alarms to service"),
                           &AlarmListView::returnSelectedToService);
    m_reset = make(tr("Rese&t latched"), QKeySequence(Qt::CTRL | Qt::Key_R),
                   tr("Reset latched alarms whose condition has cleared"), &AlarmListView::resetSelected);
    m_goToAsset = make(tr("&Go to asset"), QKeySequence(Qt::CTRL | Qt::Key_G),
                       tr("Select the alarm's asset in the asset tree"), &AlarmListView::goToAsset);
    m_plot = make(tr("&Plot"), QKeySequence(Qt::CTRL | Qt::Key_P),
                  tr("Plot the alarm's attribute with the alarm time marked"), &AlarmListView::plotAttribute);
    // Ctrl+I (inspect): Ctrl+E is File > Export, and the two must never be ambiguous.
    m_showRecord = make(tr("Kafka &record…"), QKeySequence(Qt::CTRL | Qt::Key_I),
                        tr("Where the alarm's newest record came from (topic, partition, offset)"),
                        &AlarmListView::showRecord);
    for (QAction *a : {m_ack, m_ackComment, m_ackVisible})
        m_toolBar->addAction(a);
    m_toolBar->addSeparator();
    for (QAction *a : {m_shelve, m_unshelve, m_removeService, m_returnService, m_reset})
        m_toolBar->addAction(a);
    m_toolBar->addSeparator();
    for (QAction *a : {m_goToAsset, m_plot, m_showRecord})
        m_toolBar->addAction(a);
    layout->addWidget(m_toolBar);

    auto *filters = new QHBoxLayout;
    filters->setSpacing(4);
    m_priority = new QComboBox(this);
    m_priority->setObjectName(QStringLiteral("alarmPriorityFilter"));
    m_priority->setToolTip(tr("Show alarms of these priorities"));
    m_priority->addItem(tr("All priorities"), QVariantList{});
    m_priority->addItem(priorityLabel(1), QVariantList{1});
    m_priority->addItem(tr("High and above"), QVariantList{1, 2});
    m_priority->addItem(tr("Medium and above"), QVariantList{1, 2, 3});
    m_priority->addItem(priorityLabel(4), QVariantList{4});
    m_priority->addItem(tr("Unknown priority"), QVariantList{0});
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("alarmStateFilter"));
    m_state->setToolTip(tr("Show alarms in these ISA-18.2 states"));
    const auto states = [](std::initializer_list<IsaState> list) {
        QVariantList v;
        for (IsaState s : list)
            v << int(s);
        return v;
    };
    m_state->addItem(tr("Not normal"), QStringLiteral("not-normal"));
    m_state->addItem(tr("All states"), QVariantList{});
    m_state->addItem(tr("Unacknowledged"), states({IsaState::Unack, IsaState::RtnUnack, IsaState::LatchedUnack}));
    m_state->addItem(tr("Active"), states({IsaState::Unack, IsaState::Acked}));
    m_state->addItem(tr("Latched"), states({IsaState::LatchedUnack, IsaState::LatchedAcked}));
    m_state->addItem(tr("Shelved"), states({IsaState::Shelved}));
    m_state->addItem(tr("Suppressed"), states({IsaState::Suppressed}));
    m_state->addItem(tr("Out of service"), states({IsaState::OutOfService}));
    m_state->addItem(tr("Normal"), states({IsaState::Normal}));
    m_location = new QComboBox(this);
    m_location->setObjectName(QStringLiteral("alarmLocationFilter"));
    m_location->setToolTip(tr("Show alarms of one location"));
    m_location->addItem(tr("All locations"), QString());
    m_location->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("alarmTextFilter"));
    m_text->setPlaceholderText(tr("Filter asset, alarm or message"));
    m_text->setClearButtonEnabled(true);
    m_group = new QCheckBox(tr("Group by asset"), this);
    m_group->setToolTip(tr("Keep each asset's alarms together"));
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("alarmCountLabel"));
    filters->addWidget(m_priority);
    filters->addWidget(m_state);
    filters->addWidget(m_location);
    filters->addWidget(m_text, 1);
    filters->addWidget(m_group);
    filters->addWidget(m_countLabel);
    layout->addLayout(filters);
    for (QComboBox *c : {m_priority, m_state, m_location})
        connect(c, &QComboBox::currentIndexChanged, this, &AlarmListView::applyFilters);
    connect(m_text, &QLineEdit::textChanged, this, &AlarmListView::applyFilters);
    connect(m_group, &QCheckBox::toggled, this, &AlarmListView::setGrouped);

    m_table = new PacedItemView<QTableView>(this); // value changes repaint at most every 100 ms
    m_table->setObjectName(QStringLiteral("alarmTable"));
    m_table->setModel(m_filter);
    m_table->setItemDelegate(new AlarmRowDelegate(m_model, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(false); // ISA-101: no decoration that looks like meaning
    m_table->verticalHeader()->hide();
    // Fixed row height and no ResizeToContents: the list holds 100,000 alarms.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    new ColumnFit(m_table, alarmColumns(0), ColumnFit::CellFont::Bold); // unacknowledged rows are bold
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &AlarmListView::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlarmListView::updateActions);
    connect(m_table, &QAbstractItemView::doubleClicked, this, &AlarmListView::goToAsset);
    layout->addWidget(m_table, 1);
}

void AlarmListView::setPublisher(PublishFunction publish)
{
    m_publish = std::move(publish);
    updateActions();
}

void AlarmListView::setActionsAllowed(bool allowed, const QString &whyNot)
{
    m_allowed = allowed;
    m_whyNot = whyNot;
    updateActions();
}

void AlarmListView::setDefaultShelve(int minutes, const QString &reason)
{
    m_shelveMinutes = minutes;
    m_shelveReason = reason;
}

void AlarmListView::applyFilters()
{
    QSet<int> priorities;
    for (const QVariant &v : m_priority->currentData().toList())
        priorities.insert(v.toInt());
    m_filter->setPriorities(priorities);
    const QVariant stateData = m_state->currentData();
    const bool notNormal = stateData.typeId() == QMetaType::QString; // the "Not normal" entry
    QSet<IsaState> states;
    if (!notNormal) {
        for (const QVariant &v : stateData.toList())
            states.insert(IsaState(v.toInt()));
    }
    m_filter->setHideNormal(notNormal);
    m_filter->setStates(states);
    m_filter->setLocation(m_location->currentData().toString());
    m_filter->setText(m_text->text());
    m_countLabel->setText(tr("%1 of %2 alarms").arg(m_filter->rowCount()).arg(m_model->rowCount()));
    updateActions();
}

void AlarmListView::updateLocations()
{
    QSet<QString> seen;
    for (const Alarm &a : m_model->shownMachine().alarms())
        seen.insert(a.asset.location);
    QStringList locations(seen.begin(), seen.end());
    locations.sort();
    QStringList current;
    for (int i = 1; i < m_location->count(); ++i)
        current << m_location->itemData(i).toString();
    if (current == locations) {
        applyFilters();
        return;
    }
    const QString selected = m_location->currentData().toString();
    const QSignalBlocker block(m_location);
    while (m_location->count() > 1)
        m_location->removeItem(1);
    for (const QString &l : locations)
        m_location->addItem(l, l);
    m_location->setCurrentIndex(std::max(0, m_location->findData(selected)));
    applyFilters();
}

const Alarm *AlarmListView::alarmFor(const QString &key) const
{
    const int row = m_model->rowForKey(key);
    return row < 0 ? nullptr : &m_model->alarmAt(row);
}

QStringList AlarmListView::selectedKeys() const
{
    QStringList keys;
    if (m_groups) {
        // A selected asset row stands for all of its alarms (acknowledge an asset).
        const QModelIndexList rows = m_groupTree->selectionModel()->selectedRows();
        for (const QModelIndex &i : rows) {
            if (!i.data(AlarmGroupModel::IsGroupRole).toBool()) {
                keys << i.data(AlarmTableModel::AlarmKeyRole).toString();
                continue;
            }
            for (int r = 0; r < m_groups->rowCount(i); ++r)
                keys << m_groups->index(r, 0, i).data(AlarmTableModel::AlarmKeyRole).toString();
        }
        keys.removeDuplicates();
        return keys;
    }
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        keys << i.data(AlarmTableModel::AlarmKeyRole).toString();
    return keys;
}

bool AlarmListView::applies(AlarmAction action, const Alarm &a, IsaState state) const
{
    switch (action) {
    case AlarmAction::Acknowledge: return isUnacked(state);
    case AlarmAction::Shelve:
        return state != IsaState::Shelved && state != IsaState::OutOfService && state != IsaState::Suppressed;
    case AlarmAction::Unshelve: return state == IsaState::Shelved;
    case AlarmAction::RemoveFromService: return !a.outOfService;
    case AlarmAction::ReturnToService: return a.outOfService || state == IsaState::Shelved;
    case AlarmAction::Reset: return a.latched && !a.active;
    default: return false;
    }
}

void AlarmListView::updateActions()
{
    const qint64 now = m_model->shownAtMs();
    const bool live = !m_model->isShowingPast();
    const bool can = m_allowed && live && bool(m_publish);
    bool any[6] = {};
    const AlarmAction order[6] = {AlarmAction::Acknowledge, AlarmAction::Shelve, AlarmAction::Unshelve,
                                  AlarmAction::RemoveFromService, AlarmAction::ReturnToService, AlarmAction::Reset};
    const QStringList keys = selectedKeys();
    for (const QString &key : keys) {
        const Alarm *a = alarmFor(key);
        if (!a)
            continue;
        const IsaState s = a->stateAt(now);
        for (int i = 0; i < 6; ++i)
            any[i] = any[i] || applies(order[i], *a, s);
    }
    m_ack->setEnabled(can && any[0]);
    m_ackComment->setEnabled(can && any[0]);
    m_ackVisible->setEnabled(can && m_filter->rowCount() > 0);
    m_shelve->setEnabled(can && any[1]);
    m_unshelve->setEnabled(can && any[2]);
    m_removeService->setEnabled(can && any[3]);
    m_returnService->setEnabled(can && any[4]);
    m_reset->setEnabled(can && any[5]);
    const bool one = keys.size() == 1;
    m_goToAsset->setEnabled(one);
    const Alarm *first = one ? alarmFor(keys.first()) : nullptr;
    m_plot->setEnabled(first && !first->attribute.isEmpty());
    m_showRecord->setEnabled(first != nullptr);
    const QString why = !m_allowed ? (m_whyNot.isEmpty() ? tr("Your role may not act on alarms") : m_whyNot)
                        : !live    ? tr("Return to live to act on alarms")
                        : !m_publish ? tr("Not connected to Kafka: actions cannot be published")
                                     : QString();
    for (QAction *a : {m_ack, m_ackComment, m_ackVisible, m_shelve, m_unshelve, m_removeService, m_returnService, m_reset}) {
        a->setStatusTip(why);
        a->setToolTip(why.isEmpty() ? a->text().remove(u'&') : why);
    }
}

void AlarmListView::say(const QString &text)
{
    m_lastStatus = text;
    emit statusMessage(text);
}

void AlarmListView::act(AlarmAction action, const QStringList &keys, const QString &comment, qint64 shelvedUntilMs)
{
    if (!m_allowed) {
        say(tr("Your role may not %1 alarms.").arg(actionName(action)));
        return;
    }
    if (!m_publish) {
        say(tr("Cannot %1: not connected to Kafka.").arg(actionName(action)));
        return;
    }
    const qint64 now = m_model->now();
    int sent = 0;
    int notApplicable = 0;
    int gone = 0;
    QString lastBy;
    for (const QString &key : keys) {
        const Alarm *a = alarmFor(key);
        if (!a) {
            ++gone;
            continue;
        }
        if (!applies(action, *a, a->stateAt(now))) {
            ++notApplicable;
            if (!a->lastOperator.isEmpty())
                lastBy = a->lastOperator;
            continue;
        }
        AlarmActionRequest r;
        r.action = action;
        r.asset = a->asset;
        r.alarmId = a->alarmId;
        r.operatorName = m_operator;
        r.comment = comment;
        r.timeMs = now;
        r.shelvedUntilMs = shelvedUntilMs;
        r.correlationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const OutgoingRecord rec = m_writer.alarmAction(r);
        if (rec.topic.isEmpty())
            continue;
        m_pending.insert(rec.correlationId, {key, actionName(action)});
        m_publish(rec);
        ++sent;
    }
    // Nothing here is an error: another console may have been quicker, or the
    // alarm may be gone. Say what happened, plainly.
    QStringList parts;
    if (sent > 0)
        parts << tr("Sent %n %1 action(s); the list updates when Kafka confirms.", nullptr, sent).arg(actionName(action));
    if (notApplicable > 0) {
        if (action == AlarmAction::Acknowledge)
            parts << (lastBy.isEmpty() ? tr("%n alarm(s) already acknowledged: nothing to do.", nullptr, notApplicable)
                                       : tr("%n alarm(s) already acknowledged (last by %1): nothing to do.", nullptr,
                                            notApplicable)
                                             .arg(lastBy));
        else
            parts << tr("%n alarm(s) skipped: %1 does not apply to their state.", nullptr, notApplicable)
                         .arg(actionName(action));
    }
    if (gone > 0)
        parts << tr("%n alarm(s) no longer exist: nothing to do.", nullptr, gone);
    if (parts.isEmpty())
        parts << tr("No alarm selected.");
    say(parts.join(u' '));
    updateActions();
}

void AlarmListView::acknowledgeSelected()
{
    act(AlarmAction::Acknowledge, selectedKeys(), {});
}

void AlarmListView::acknowledgeSelectedWithComment()
{
    const QStringList keys = selectedKeys();
    QString comment;
    if (m_interactive) {
        bool ok = false;
        comment = QInputDialog::getText(this, tr("Acknowledge with comment"),
                                        tr("Comment for %n alarm(s):", nullptr, int(keys.size())), QLineEdit::Normal,
                                        {}, &ok);
        if (!ok)
            return;
    }
    act(AlarmAction::Acknowledge, keys, comment.trimmed());
}

void AlarmListView::acknowledgeVisible()
{
    const QStringList keys = m_filter->visibleKeys();
    if (m_interactive && keys.size() > 1) {
        const auto answer = QMessageBox::question(
            this, tr("Acknowledge all visible"),
            tr("Acknowledge every unacknowledged alarm of the %n shown?", nullptr, int(keys.size())));
        if (answer != QMessageBox::Yes)
            return;
    }
    act(AlarmAction::Acknowledge, keys, {});
}

void AlarmListView::shelveSelected()
{
    const QStringList keys = selectedKeys();
    int minutes = m_shelveMinutes;
    QString reason = m_shelveReason;
    if (m_interactive) {
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Shelve alarms"));
        auto *form = new QFormLayout(&dialog);
        auto *reasonEdit = new QLineEdit(&dialog);
        reasonEdit->setPlaceholderText(tr("Why (required), e.g. sensor under repair"));
        auto *duration = new QComboBox(&dialog);
        for (int m : {15, 60, 240, 480, 1440})
            duration->addItem(m < 60 ? tr("%1 min").arg(m) : tr("%n hour(s)", nullptr, m / 60), m);
        duration->setCurrentIndex(1);
        form->addRow(tr("%n alarm(s)", nullptr, int(keys.size())), new QLabel(tr("return to service by themselves when the shelve expires"), &dialog));
        form->addRow(tr("Reason:"), reasonEdit);
        form->addRow(tr("Duration:"), duration);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        buttons->button(QDialogButtonBox::Ok)->setText(tr("Shelve"));
        buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        connect(reasonEdit, &QLineEdit::textChanged, &dialog,
                [buttons](const QString &t) { buttons->button(QDialogButtonBox::Ok)->setEnabled(!t.trimmed().isEmpty()); });
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        form->addRow(buttons);
        if (dialog.exec() != QDialog::Accepted)
            return;
        minutes = duration->currentData().toInt();
        reason = reasonEdit->text().trimmed();
    }
    act(AlarmAction::Shelve, keys, reason, m_model->now() + qint64(minutes) * 60 * 1000);
}

void AlarmListView::unshelveSelected()
{
    act(AlarmAction::Unshelve, selectedKeys(), tr("unshelved by operator"));
}

void AlarmListView::removeSelectedFromService()
{
    const QStringList keys = selectedKeys();
    QString reason = tr("removed from service by operator");
    if (m_interactive) {
        bool ok = false;
        reason = QInputDialog::getText(this, tr("Remove from service"),
                                       tr("Reason for taking %n alarm(s) out of service:", nullptr, int(keys.size())),
                                       QLineEdit::Normal, {}, &ok)
                     .trimmed();
        if (!ok)
            return;
        if (reason.isEmpty()) {
            say(tr("Not removed from service: a reason is required."));
            return;
        }
    }
    act(AlarmAction::RemoveFromService, keys, reason);
}

void AlarmListView::returnSelectedToService()
{
    act(AlarmAction::ReturnToService, selectedKeys(), tr("returned to service by operator"));
}

void AlarmListView::resetSelected()
{
    act(AlarmAction::Reset, selectedKeys(), {});
}

void AlarmListView::onPublished(const QString &correlationId, bool ok, const QString &error)
{
    const auto it = m_pending.constFind(correlationId);
    if (it == m_pending.constEnd())
        return; // another view's action
    const Pending p = *it;
    m_pending.erase(it);
    if (ok)
        say(tr("Kafka confirmed: %1 %2.").arg(p.what, p.alarmKey));
    else
        say(tr("Could not %1 %2: %3. Nothing was changed; try again when Kafka is reachable.")
                .arg(p.what, p.alarmKey, error));
}

bool AlarmListView::selectAlarm(const QString &alarmKey)
{
    const int row = m_model->rowForKey(alarmKey);
    if (row < 0)
        return false;
    QModelIndex proxy = m_filter->mapFromSource(m_model->index(row, 0));
    if (!proxy.isValid()) {
        // Hidden by the filters: show everything rather than pretend it is not there.
        m_priority->setCurrentIndex(0);
        m_state->setCurrentIndex(1);
        m_location->setCurrentIndex(0);
        m_text->clear();
        applyFilters();
        proxy = m_filter->mapFromSource(m_model->index(row, 0));
        if (!proxy.isValid())
            return false;
        say(tr("Filters cleared to show %1.").arg(alarmKey));
    }
    if (m_groups) {
        const QModelIndex grouped = m_groups->fromFlat(proxy);
        if (!grouped.isValid())
            return false;
        m_groupTree->expand(grouped.parent());
        m_groupTree->selectionModel()->setCurrentIndex(grouped,
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_groupTree->scrollTo(grouped, QAbstractItemView::PositionAtCenter);
        m_groupTree->setFocus();
        return true;
    }
    m_table->selectionModel()->setCurrentIndex(proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(proxy, QAbstractItemView::PositionAtCenter);
    m_table->setFocus();
    return true;
}

void AlarmListView::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    for (QAction *a : {m_ack, m_ackComment, m_ackVisible})
        menu.addAction(a);
    menu.addSeparator();
    for (QAction *a : {m_shelve, m_unshelve, m_removeService, m_returnService, m_reset})
        menu.addAction(a);
    menu.addSeparator();
    for (QAction *a : {m_goToAsset, m_plot, m_showRecord})
        menu.addAction(a);
    const QStringList keys = selectedKeys();
    const Alarm *one = keys.size() == 1 ? alarmFor(keys.first()) : nullptr;
    for (QAction *a : std::as_const(m_assetActions)) {
        a->setData(one ? one->asset.key() : QString());
        if (!one)
            a->setEnabled(false);
        menu.addAction(a);
    }
    menu.setToolTipsVisible(true);
    menu.exec(currentView()->viewport()->mapToGlobal(pos));
}

void AlarmListView::goToAsset()
{
    const QStringList keys = selectedKeys();
    if (const Alarm *a = keys.size() == 1 ? alarmFor(keys.first()) : nullptr)
        emit assetRequested(a->asset.key());
}

void AlarmListView::plotAttribute()
{
    const QStringList keys = selectedKeys();
    const Alarm *a = keys.size() == 1 ? alarmFor(keys.first()) : nullptr;
    if (!a || a->attribute.isEmpty()) {
        say(tr("This alarm names no attribute to plot."));
        return;
    }
    emit plotRequested(a->asset.key() + u'/' + a->attribute, a->raisedMs, a->alarmId);
}

QString AlarmListView::recordText(const QString &alarmKey) const
{
    const Alarm *a = alarmFor(alarmKey);
    if (!a)
        return {};
    const EventSource &s = a->lastSource;
    QStringList lines;
    lines << tr("Alarm: %1").arg(a->key);
    lines << tr("State: %1").arg(isaStateName(a->stateAt(m_model->shownAtMs())));
    lines << tr("Raised: %1").arg(formatTimestampMs(a->raisedMs));
    lines << tr("Last change: %1").arg(formatTimestampMs(a->lastChangeMs));
    if (!a->lastOperator.isEmpty())
        lines << tr("Last action by: %1").arg(a->lastOperator);
    if (!a->lastComment.isEmpty())
        lines << tr("Comment / reason: %1").arg(a->lastComment);
    lines << QString();
    if (s.topic.isEmpty()) {
        lines << tr("The record behind the newest change is not known.");
    } else if (s.channel == EventSource::Channel::Kafka) {
        lines << tr("Newest record: topic %1, partition %2, offset %3").arg(s.topic).arg(s.partition).arg(s.offset);
        if (s.brokerTimeMs > 0)
            lines << tr("Broker time: %1").arg(formatTimestampMs(s.brokerTimeMs));
        if (!m_fetchRecord) { // offline or in a test: say how to read it
            lines << QString() << tr("Fetch it with kcat:");
            lines << QStringLiteral("kcat -C -J -b BROKER -t %1 -p %2 -o %3 -c 1").arg(s.topic).arg(s.partition).arg(s.offset);
        }
    } else {
        lines << tr("Newest record: %1 %2")
                     .arg(s.channel == EventSource::Channel::Redis ? tr("Redis channel") : tr("file"), s.topic);
        if (s.offset >= 0)
            lines << tr("Line / position: %1").arg(s.offset);
    }
    return lines.join(u'\n');
}

QString AlarmListView::formatRecord(const LogRecord &record)
{
    // Bounded: a record can be megabytes; the dialog shows the first 256 KiB.
    constexpr qsizetype kMaxShown = 256 * 1024;
    const auto text = [](const QByteArray &bytes) {
        QString t = QString::fromUtf8(bytes.left(kMaxShown));
        if (bytes.size() > kMaxShown)
            t += u'\n' + tr("[… %n more byte(s) not shown]", nullptr, int(bytes.size() - kMaxShown));
        return t;
    };
    QStringList lines;
    lines << tr("Topic %1, partition %2, offset %3").arg(record.topic).arg(record.partition).arg(record.offset);
    if (record.timestampMs > 0) {
        const QString kind = record.tstype == LogRecord::TimestampType::LogAppend ? tr("log append time")
                                                                                   : tr("create time");
        lines << tr("Timestamp: %1 (%2)").arg(formatTimestampMs(record.timestampMs), kind);
    }
    lines << tr("Key: %1").arg(record.key ? text(*record.key) : tr("(none)"));
    for (const LogHeader &h : record.headers)
        lines << tr("Header %1: %2").arg(QString::fromUtf8(h.name), h.value ? text(*h.value) : tr("(null)"));
    if (!record.payload) {
        lines << tr("Payload: none (a tombstone)");
        return lines.join(u'\n');
    }
    lines << tr("Payload (%n byte(s)):", nullptr, int(record.payload->size()));
    QJsonParseError error{};
    const QJsonDocument json = record.payload->size() <= kMaxShown ? QJsonDocument::fromJson(*record.payload, &error)
                                                                   : QJsonDocument();
    lines << (!json.isNull() ? QString::fromUtf8(json.toJson(QJsonDocument::Indented)).trimmed()
                             : text(*record.payload));
    return lines.join(u'\n');
}

void AlarmListView::showRecord()
{
    const QStringList keys = selectedKeys();
    if (keys.size() != 1)
        return;
    const Alarm *alarm = alarmFor(keys.first());
    if (!alarm)
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("alarmRecordDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Record behind the alarm"));
    auto *layout = new QVBoxLayout(dialog);
    auto *text = new QPlainTextEdit(dialog); // plain text: message contents are never markup
    text->setObjectName(QStringLiteral("alarmRecordText"));
    text->setReadOnly(true);
    text->setMinimumSize(640, 360);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    const QString about = recordText(keys.first());
    const EventSource source = alarm->lastSource;
    const bool fetch = m_fetchRecord && source.channel == EventSource::Channel::Kafka && !source.topic.isEmpty();
    text->setPlainText(fetch ? about + u'\n' + u'\n' + tr("Reading the record from Kafka…") : about);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(760, 520);
    dialog->open();
    if (!fetch)
        return;
    // The answer may come after the dialog was closed: then it goes nowhere.
    m_fetchRecord(source, [text = QPointer<QPlainTextEdit>(text), about](bool ok, const LogRecord &record,
                                                                        const QString &error) {
        if (!text)
            return;
        text->setPlainText(about + u'\n' + u'\n'
                           + (ok ? formatRecord(record) : tr("Could not read the record: %1").arg(error)));
    });
}

QAbstractItemView *AlarmListView::currentView() const
{
    return m_groups ? static_cast<QAbstractItemView *>(m_groupTree) : m_table;
}

void AlarmListView::setGrouped(bool grouped)
{
    if (grouped == (m_groups != nullptr))
        return;
    const QStringList selected = selectedKeys();
    m_filter->setGroupByAsset(grouped);
    if (!m_groupTree) {
        m_groupTree = new PacedItemView<QTreeView>(this);
        m_groupTree->setObjectName(QStringLiteral("alarmGroupTree"));
        m_groupTree->setItemDelegate(new AlarmRowDelegate(m_model, m_groupTree));
        m_groupTree->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_groupTree->setSelectionMode(QAbstractItemView::ExtendedSelection);
        m_groupTree->setUniformRowHeights(true); // 100,000 alarms
        m_groupTree->setAllColumnsShowFocus(true);
        m_groupTree->setSortingEnabled(true);
        m_groupTree->header()->setSectionResizeMode(QHeaderView::Interactive);
        new ColumnFit(m_groupTree, alarmColumns(groupBranchWidth(m_groupTree)), ColumnFit::CellFont::Bold);
        m_groupTree->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(m_groupTree, &QWidget::customContextMenuRequested, this, &AlarmListView::showContextMenu);
        connect(m_groupTree, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
            if (!index.data(AlarmGroupModel::IsGroupRole).toBool())
                goToAsset();
        });
        connect(m_groupTree, &QTreeView::expanded, this, [this](const QModelIndex &index) {
            m_expandedAssets.insert(index.data(AlarmTableModel::AssetKeyRole).toString());
        });
        connect(m_groupTree, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
            m_expandedAssets.remove(index.data(AlarmTableModel::AssetKeyRole).toString());
        });
        connect(m_model, &AlarmTableModel::timeInStateMoved, m_groupTree->viewport(), qOverload<>(&QWidget::update));
        static_cast<QVBoxLayout *>(layout())->addWidget(m_groupTree, 1);
        m_groupTree->hide();
    }
    if (grouped) {
        m_groups = new AlarmGroupModel(m_filter, this);
        m_groupTree->setModel(m_groups);
        // Regrouping (new alarms, filters) resets the groups: unfold what was unfolded.
        connect(m_groups, &QAbstractItemModel::modelReset, this, [this] {
            for (int g = 0; g < m_groups->rowCount(); ++g) {
                const QModelIndex group = m_groups->index(g, 0);
                if (m_expandedAssets.contains(m_groups->groupAssetKey(group)))
                    m_groupTree->setExpanded(group, true);
            }
        });
        connect(m_groupTree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &AlarmListView::updateActions);
        // Widths the operator set in the list hold in its groups too.
        ColumnFit::of(m_groupTree)->pinWidths(ColumnFit::of(m_table)->pinnedWidths(), groupBranchWidth(m_groupTree));
        m_groupTree->header()->setSortIndicator(m_filter->sortColumn(), m_filter->sortOrder());
        m_table->hide();
        m_groupTree->show();
    } else {
        m_groupTree->setModel(nullptr);
        delete m_groups;
        m_groups = nullptr;
        m_groupTree->hide();
        m_table->show();
    }
    // The alarm in hand stays selected in the other presentation.
    if (!selected.isEmpty())
        selectAlarm(selected.first());
    updateActions();
}

QByteArray AlarmListView::saveHeaderState() const
{
    return ndh::saveHeaderState(m_table);
}

void AlarmListView::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        ndh::restoreHeaderState(m_table, state);
}

} // namespace ndh
