#include "link_health_model.h"

#include <QCoreApplication>
#include <QDateTime>

namespace ndh {

namespace {
QString ageText(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms / 1000);
    if (s < 60)
        return QCoreApplication::translate("ndh::LinkHealthModel", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("ndh::LinkHealthModel", "%1 min %2 s").arg(s / 60).arg(s % 60);
    if (s < 86400)
        return QCoreApplication::translate("ndh::LinkHealthModel", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return QCoreApplication::translate("ndh::LinkHealthModel", "%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}
} // namespace

LinkHealthModel::LinkHealthModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

int LinkHealthModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_kafka.size()) + (m_hasRedis ? 1 : 0);
}

int LinkHealthModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const LinkHealth &LinkHealthModel::link(int row) const
{
    return row < m_kafka.size() ? m_kafka.at(row) : m_redis;
}

QString LinkHealthModel::roundTripText(double ms)
{
    if (ms < 0)
        return QStringLiteral("\u2014");
    if (ms < 10)
        return tr("%1 ms").arg(ms, 0, 'f', 1);
    if (ms < 2000)
        return tr("%1 ms").arg(qRound(ms));
    return tr("%1 s").arg(ms / 1000.0, 0, 'f', 1);
}

QVariant LinkHealthModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LinkHealth &l = link(index.row());
    const bool abnormal = l.state != ConnectionStatus::State::Connected;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LinkColumn:
            if (l.kind == LinkHealth::Kind::Redis)
                return tr("Redis %1").arg(l.name);
            return l.nodeId >= 0 ? tr("Kafka %1 (broker %2)").arg(l.name).arg(l.nodeId)
                                 : tr("Kafka %1 (bootstrap)").arg(l.name);
        case StateColumn: return connectionStateName(l.state);
        case RoundTripColumn: return roundTripText(l.roundTripMs);
        case ReconnectsColumn: return QString::number(l.reconnects);
        case LastErrorColumn: return l.lastError;
        case SinceColumn: return l.stateSinceMs > 0 ? ageText(m_now() - l.stateSinceMs) : QString();
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StateColumn && !l.rawState.isEmpty())
            return tr("librdkafka state: %1").arg(l.rawState);
        if (index.column() == LastErrorColumn)
            return l.lastError;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == RoundTripColumn || index.column() == ReconnectsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case AbnormalRole: return abnormal;
    case RoundTripMsRole: return l.roundTripMs;
    }
    return {};
}

QVariant LinkHealthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LinkColumn: return tr("Link");
    case StateColumn: return tr("State");
    case RoundTripColumn: return tr("Round trip");
    case ReconnectsColumn: return tr("Reconnects");
    case LastErrorColumn: return tr("Last error");
    case SinceColumn: return tr("In state for");
    }
    return {};
}

void LinkHealthModel::setKafkaHealth(const KafkaHealth &health)
{
    bool sameRows = health.brokers.size() == m_kafka.size();
    for (int i = 0; sameRows && i < m_kafka.size(); ++i)
        sameRows = m_kafka.at(i).name == health.brokers.at(i).name && m_kafka.at(i).nodeId == health.brokers.at(i).nodeId;
    if (sameRows) {
        m_kafka = health.brokers;
        if (!m_kafka.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_kafka.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_kafka = health.brokers;
    endResetModel();
}

void LinkHealthModel::setRedisStatus(const ConnectionStatus &status)
{
    const bool connected = status.state == ConnectionStatus::State::Connected;
    const bool reconnect = connected && m_redisEverConnected && m_redis.state != ConnectionStatus::State::Connected;
    m_redisEverConnected = m_redisEverConnected || connected;
    m_redis.kind = LinkHealth::Kind::Redis;
    m_redis.name = status.endpoint;
    if (m_redis.state != status.state || m_redis.stateSinceMs == 0)
        m_redis.stateSinceMs = status.sinceMs > 0 ? status.sinceMs : m_now();
    m_redis.state = status.state;
    if (reconnect)
        ++m_redis.reconnects;
    // The last error stays visible after recovery: that is when an operator asks "what was it?".
    if (!status.lastError.isEmpty())
        m_redis.lastError = status.lastError;
    // A round trip measured before an outage says nothing about a link that is down.
    m_redis.roundTripMs = connected ? status.roundTripMs : -1;
    const int row = int(m_kafka.size());
    if (!m_hasRedis) {
        beginInsertRows({}, row, row);
        m_hasRedis = true;
        endInsertRows();
        return;
    }
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void LinkHealthModel::refreshAges()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, SinceColumn), index(rowCount() - 1, SinceColumn), {Qt::DisplayRole});
}

} // namespace ndh
