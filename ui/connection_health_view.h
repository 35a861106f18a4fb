#pragma once
// The "Connection health" dock (issue 9): a one-line summary (brokers up, the
// console's own lag, messages/s in, and a red badge when TLS verification is off),
// one row per Kafka broker and Redis server (state, round trip, reconnects, last
// error in words, time in state) and one row per assigned partition with its lag.
// Rows that are not healthy are tinted amber (connecting) or red (down); healthy
// rows stay grey (ISA-101). Fed on the GUI thread once per statistics interval.

#include "connection_health.h"

#include <QWidget>

class QLabel;
class QTableView;
class QTimer;

namespace ndh {

class ConsumerLagModel;
class LinkHealthModel;

class ConnectionHealthView : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionHealthView(QWidget *parent = nullptr);

    void setKafkaHealth(const KafkaHealth &health);
    void setKafkaStatus(const ConnectionStatus &status);
    void setRedisStatus(const ConnectionStatus &status);

    LinkHealthModel *links() const { return m_links; }
    ConsumerLagModel *lag() const { return m_lag; }
    QString summaryText() const;
    bool showsTlsWarning() const;

private:
    void refreshSummary();
    void fitLagColumns();

    LinkHealthModel *m_links;
    ConsumerLagModel *m_lag;
    QLabel *m_summary;
    QLabel *m_tlsWarning;
    QTableView *m_linkTable;
    QTableView *m_lagTable;
    QTimer *m_tick;
    KafkaHealth m_health;
    ConnectionStatus m_kafkaStatus;
    bool m_haveHealth = false;
    bool m_lagSized = false;
};

} // namespace ndh
