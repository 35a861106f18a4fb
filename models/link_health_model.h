#pragma once
// One row per link of the console: each Kafka broker librdkafka knows, then the Redis
// server. Fed by KafkaHealth snapshots and Redis ConnectionStatus updates on the GUI
// thread; same brokers in the same order update in place (dataChanged), a changed set
// resets. The Redis row counts reconnects itself (each return to Connected after the
// first); its round trip is the heartbeat's (RedisClient), unknown while not connected.

#include "connection_health.h"

#include <QAbstractTableModel>

#include <functional>

namespace ndh {

class LinkHealthModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { LinkColumn, StateColumn, RoundTripColumn, ReconnectsColumn, LastErrorColumn, SinceColumn, ColumnCount };
    enum Role { AbnormalRole = Qt::UserRole + 1, RoundTripMsRole };

    explicit LinkHealthModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setKafkaHealth(const KafkaHealth &health);
    void setRedisStatus(const ConnectionStatus &status);
    // Clock for the "in state for" column; tests pin it.
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    // Repaint the ages (called once a second by the view).
    void refreshAges();

    const LinkHealth &link(int row) const;

    static QString roundTripText(double ms);

private:
    QList<LinkHealth> m_kafka;
    bool m_hasRedis = false;
    LinkHealth m_redis;
    bool m_redisEverConnected = false;
    std::function<qint64()> m_now;
};

} // namespace ndh
