#include "command_tracker.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>

namespace ndh {

namespace {

QString trTr(const char *text)
{
    return QCoreApplication::translate("ndh::CommandTracker", text);
}

QString clockText(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss")) : QString();
}

} // namespace

QString commandStateName(CommandState state)
{
    switch (state) {
    case CommandState::Pending: return QStringLiteral("pending");
    case CommandState::Sent: return QStringLiteral("sent");
    case CommandState::Completed: return QStringLiteral("completed");
    case CommandState::Failed: return QStringLiteral("failed");
    case CommandState::TimedOut: return QStringLiteral("timed_out");
    case CommandState::OutcomeUnknown: return QStringLiteral("unknown");
    case CommandState::NotSent: return QStringLiteral("not_sent");
    }
    return QStringLiteral("unknown");
}

QString commandStateDisplay(CommandState state)
{
    switch (state) {
    case CommandState::Pending: return trTr("Pending");
    case CommandState::Sent: return trTr("Sent, waiting for reply");
    case CommandState::Completed: return trTr("Completed");
    case CommandState::Failed: return trTr("Failed");
    case CommandState::TimedOut: return trTr("Timed out");
    case CommandState::OutcomeUnknown: return trTr("Outcome unknown");
    case CommandState::NotSent: return trTr("Not sent");
    }
    return {};
}

bool isFinal(CommandState state)
{
    return state == CommandState::Completed || state == CommandState::Failed || state == CommandState::NotSent;
}

CommandTracker::CommandTracker(QObject *parent)
    : QAbstractTableModel(parent)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    qRegisterMetaType<ndh::TrackedCommand>();
    qRegisterMetaType<ndh::CommandState>();
}

void CommandTracker::startTimeoutTimer()
{
    if (m_timer)
        return;
    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &CommandTracker::checkTimeouts);
    m_timer->start();
}

int CommandTracker::rowOf(const QString &correlationId) const
{
    if (correlationId.isEmpty())
        return -1;
    // Newest first: replies are for recent commands.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows[size_t(i)].correlationId == correlationId)
            return i;
    }
    return -1;
}

const TrackedCommand *CommandTracker::find(const QString &correlationId) const
{
    const int row = rowOf(correlationId);
    return row < 0 ? nullptr : &m_rows[size_t(row)];
}

int CommandTracker::countIn(CommandState state) const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [state](const TrackedCommand &c) { return c.state == state; }));
}

void CommandTracker::addPending(TrackedCommand command)
{
    if (rowOf(command.correlationId) >= 0)
        return; // one row per correlation id, whatever the caller does
    // Bounded: drop the oldest rows that reached a final state.
    if (int(m_rows.size()) >= kMaxRows) {
        for (int i = 0; i < int(m_rows.size()); ++i) {
            if (isFinal(m_rows[size_t(i)].state)) {
                beginRemoveRows({}, i, i);
                m_rows.erase(m_rows.begin() + i);
                endRemoveRows();
                break;
            }
        }
    }
    command.state = CommandState::Pending;
    if (command.createdMs == 0)
        command.createdMs = m_now();
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(std::move(command));
    endInsertRows();
    emit commandChanged(m_rows.back(), CommandState::Pending);
}

void CommandTracker::changed(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void CommandTracker::setState(int row, CommandState state, const QString &detail)
{
    TrackedCommand &c = m_rows[size_t(row)];
    const CommandState previous = c.state;
    c.state = state;
    if (!detail.isEmpty())
        c.detail = detail;
    if (state != CommandState::Sent && state != CommandState::Pending)
        c.finishedMs = m_now();
    changed(row);
    emit commandChanged(c, previous);
}

bool CommandTracker::onPublished(const QString &correlationId, bool ok, const QString &error)
{
    const int row = rowOf(correlationId);
    if (row < 0)
        return false;
    TrackedCommand &c = m_rows[size_t(row)];
    if (c.state != CommandState::Pending && c.state != CommandState::OutcomeUnknown) {
        // A reply raced ahead of the delivery report: the reply is the truth.
        if (ok && c.sentMs == 0) {
            c.sentMs = m_now();
            changed(row);
        }
        return true;
    }
    if (ok) {
        c.sentMs = m_now();
        setState(row, CommandState::Sent, trTr("The broker has the command; waiting for the asset's reply."));
    } else if (error.contains(QLatin1String("timed out"), Qt::CaseInsensitive)) {
        setState(row, CommandState::OutcomeUnknown,
                 trTr("The broker did not confirm in time (%1). The command may or may not have reached "
                      "the asset: check the asset before you send it again.").arg(error));
    } else {
        setState(row, CommandState::NotSent, trTr("Not sent: %1").arg(error));
    }
    return true;
}

void CommandTracker::checkTimeouts()
{
    const qint64 nowMs = m_now();
    for (int row = 0; row < int(m_rows.size()); ++row) {
        const TrackedCommand &c = m_rows[size_t(row)];
        if (c.state == CommandState::Pending && nowMs - c.createdMs > m_ackTimeoutMs) {
            setState(row, CommandState::OutcomeUnknown,
                     trTr("The broker did not confirm within %1 s. The command may or may not have reached "
                          "the asset: check the asset before you send it again.").arg(m_ackTimeoutMs / 1000));
        } else if (c.state == CommandState::Sent && nowMs - c.sentMs > qint64(c.timeoutSec) * 1000) {
            setState(row, CommandState::TimedOut,
                     trTr("No reply from the asset within %1 s of sending. It may still act on it.")
                         .arg(c.timeoutSec));
        }
    }
}

QString CommandTracker::replyText(const PlantEvent &reply)
{
    for (const char *name : {"reason", "error", "message", "result", "status"}) {
        for (const AttributeSample &a : reply.attributes) {
            if (a.name == QLatin1String(name)) {
                const QString t = displayText(a.value);
                if (!t.isEmpty())
                    return t.left(500);
            }
        }
    }
    return {};
}

void CommandTracker::applyEvents(const std::vector<PlantEvent> &events)
{
    for (const PlantEvent &e : events) {
        if (e.kind == EventKind::CommandResponse || e.kind == EventKind::CommandFailed)
            applyReply(e);
    }
}

void CommandTracker::applyReply(const PlantEvent &e)
{
    const bool success = e.kind == EventKind::CommandResponse;
    const QString text = replyText(e);
    const int row = rowOf(e.correlationId);
    if (row < 0) {
        ++m_unmatched;
        emit unmatchedReply(e.correlationId, e.asset.key(), text);
        return;
    }
    TrackedCommand &c = m_rows[size_t(row)];
    const CommandState outcome = success ? CommandState::Completed : CommandState::Failed;
    if (c.asset.id != e.asset.id) {
        // Same id, other asset: not ours to believe.
        ++c.extraReplies;
        c.detail = trTr("A reply with this correlation id came from another asset (%1) and was ignored.")
                       .arg(e.asset.key());
        changed(row);
        return;
    }
    switch (c.state) {
    case CommandState::Completed:
    case CommandState::Failed:
        ++c.extraReplies;
        if (outcome != c.state) {
            c.detail = trTr("CONFLICTING replies: first %1, then %2 (%3). Check the asset.")
                           .arg(commandStateDisplay(c.state), commandStateDisplay(outcome), text);
        }
        changed(row);
        return;
    case CommandState::NotSent:
        ++c.extraReplies;
        c.detail = trTr("A reply came although the broker refused the command: %1").arg(text);
        changed(row);
        return;
    case CommandState::TimedOut:
    case CommandState::OutcomeUnknown:
        c.late = true;
        break;
    case CommandState::Pending:
    case CommandState::Sent:
        break;
    }
    QString detail = success ? (text.isEmpty() ? trTr("Done.") : text)
                             : (text.isEmpty() ? trTr("The asset refused the command.") : text);
    if (c.late)
        detail = trTr("Reply came late, after the console stopped waiting: %1").arg(detail);
    setState(row, outcome, detail);
}

int CommandTracker::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CommandTracker::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CommandTracker::parametersText(const QJsonObject &parameters)
{
    QStringList parts;
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        const QJsonValue v = it.value();
        const QString value = v.isString() ? v.toString()
            : v.isBool()                    ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
            : v.isDouble()                  ? QString::number(v.toDouble(), 'g', 10)
                                            : QString::fromUtf8(QJsonDocument(QJsonObject{{QString(), v}}).toJson(QJsonDocument::Compact));
        parts << it.key() + u'=' + value;
    }
    return parts.join(QStringLiteral(", "));
}

QVariant CommandTracker::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TrackedCommand &c = m_rows[size_t(index.row())];
    if (role == StateRole)
        return int(c.state);
    if (role == AssetKeyRole)
        return c.asset.key();
    if (role == CorrelationRole)
        return c.correlationId;
    if (role == Qt::ToolTipRole && index.column() == DetailColumn)
        return c.detail;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn: return clockText(c.createdMs);
    case AssetColumn: return c.asset.id;
    case CommandColumn: return c.label.isEmpty() ? c.command : c.label;
    case ParametersColumn: return parametersText(c.parameters);
    case StateColumn: {
        QString text = commandStateDisplay(c.state);
        if (c.late)
            text = trTr("%1 (late)").arg(text);
        if (c.extraReplies > 0)
            text += u' ' + (c.extraReplies == 1 ? trTr("+1 extra reply") : trTr("+%1 extra replies").arg(c.extraReplies));
        return text;
    }
    case DetailColumn: return c.detail;
    case UserColumn: return c.role.isEmpty() ? c.who : QStringLiteral("%1 (%2)").arg(c.who, c.role);
    case CorrelationColumn: return c.correlationId;
    default: return {};
    }
}

QVariant CommandTracker::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return trTr("Time");
    case AssetColumn: return trTr("Asset");
    case CommandColumn: return trTr("Command");
    case ParametersColumn: return trTr("Parameters");
    case StateColumn: return trTr("State");
    case DetailColumn: return trTr("Detail");
    case UserColumn: return trTr("By");
    case CorrelationColumn: return trTr("Correlation id");
    default: return {};
    }
}

} // namespace ndh
