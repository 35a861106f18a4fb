#include "commands_panel.h"

#include "column_fit.h"
#include "command_tracker.h"
#include "hmi_style.h"

#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace ndh {

namespace {

// Colours the state cell of the rows that need attention; everything else stays grey.
class CommandStateColours : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (index.column() == CommandTracker::StateColumn
            && (role == Qt::BackgroundRole || role == Qt::ForegroundRole)) {
            const auto state = CommandState(QIdentityProxyModel::data(index, CommandTracker::StateRole).toInt());
            const bool bad = state == CommandState::Failed || state == CommandState::NotSent;
            const bool unsure = state == CommandState::TimedOut || state == CommandState::OutcomeUnknown;
            if (bad)
                return role == Qt::BackgroundRole ? QVariant(HmiStyle::alarmBackground()) : QVariant(HmiStyle::alarmText());
            if (unsure)
                return role == Qt::BackgroundRole ? QVariant(HmiStyle::warningBackground())
                                                  : QVariant(HmiStyle::warningText());
        }
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

CommandsPanel::CommandsPanel(CommandTracker *tracker, QWidget *parent)
    : QWidget(parent)
    , m_tracker(tracker)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto *colours = new CommandStateColours(this);
    colours->setSourceModel(tracker);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("commandsTable"));
    m_table->setModel(colours);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setColumnHidden(CommandTracker::CorrelationColumn, true);
    // The state whole, the detail (why a command failed) with the most room.
    QStringList states;
    for (const CommandState state : {CommandState::Pending, CommandState::Sent, CommandState::Completed, CommandState::Failed,
                                     CommandState::TimedOut, CommandState::OutcomeUnknown, CommandState::NotSent})
        states << commandStateDisplay(state);
    // "COMPR…R_010": both ends of an asset id.
    m_table->setItemDelegateForColumn(CommandTracker::AssetColumn, new ElidingDelegate(Qt::ElideMiddle, m_table));
    new ColumnFit(m_table, {{CommandTracker::TimeColumn, 0, {QStringLiteral("00:00:00")}},
                            {CommandTracker::AssetColumn, 2, {}, 110},
                            {CommandTracker::CommandColumn, 2, {}, 120},
                            {CommandTracker::ParametersColumn, 2, {}, 100},
                            {CommandTracker::StateColumn, 0, states},
                            {CommandTracker::DetailColumn, 4, {}, 160},
                            {CommandTracker::UserColumn, 1, {}, 100}});
    layout->addWidget(m_table);
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);

    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit assetRequested(index.data(CommandTracker::AssetKeyRole).toString());
    });
    connect(tracker, &CommandTracker::commandChanged, this, &CommandsPanel::updateSummary);
    connect(tracker, &CommandTracker::unmatchedReply, this, &CommandsPanel::updateSummary);
    connect(tracker, &QAbstractItemModel::rowsInserted, m_table, [this] { m_table->scrollToBottom(); });
    updateSummary();
}

QString CommandsPanel::summaryText() const
{
    return m_summary->text();
}

void CommandsPanel::updateSummary()
{
    const int open = m_tracker->countIn(CommandState::Pending) + m_tracker->countIn(CommandState::Sent);
    QString text = tr("%1 commands, %2 waiting, %3 completed, %4 failed, %5 timed out, %6 outcome unknown")
                       .arg(m_tracker->rowCount())
                       .arg(open)
                       .arg(m_tracker->countIn(CommandState::Completed))
                       .arg(m_tracker->countIn(CommandState::Failed) + m_tracker->countIn(CommandState::NotSent))
                       .arg(m_tracker->countIn(CommandState::TimedOut))
                       .arg(m_tracker->countIn(CommandState::OutcomeUnknown));
    if (m_tracker->unmatchedReplies() > 0)
        text += tr("; %1 replies seen for commands of other consoles or systems").arg(m_tracker->unmatchedReplies());
    m_summary->setText(text);
}

} // namespace ndh
