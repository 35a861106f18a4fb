#pragma once
// The console's Kafka producer for operator actions (DESIGN.md §8): idempotent
// (enable.idempotence, acks=all), living on the backend thread beside the consumer
// worker (DESIGN.md §3: one backend thread owns librdkafka). A record is handed to
// librdkafka once; its delivery report comes back as one queued published() signal,
// success or failure, and nothing is ever re-sent on its own (librdkafka's own
// idempotent retries of the same record within message.timeout.ms aside, which the
// broker de-duplicates).

#include "log_record.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

class QTimer;
struct rd_kafka_s;
struct rd_kafka_message_s;

namespace ndh {

class EnvelopePublisher : public QObject
{
    Q_OBJECT
public:
    // How long a record may wait for the cluster before its failure is reported.
    static constexpr int kMessageTimeoutMs = 10000;
    static constexpr int kPollIntervalMs = 20;

    explicit EnvelopePublisher(QString bootstrap, QList<QPair<QString, QString>> extraProperties = {},
                               QObject *parent = nullptr);
    ~EnvelopePublisher() override; // destroys the producer; undelivered records are reported failed

    int outstanding() const { return m_outstanding; }

public slots:
    // Hands the record to the producer (created on first use, on this thread).
    // published() follows exactly once for this correlation id.
    void publish(const QString &topic, const QByteArray &key, const QByteArray &payload,
                 const QString &correlationId, const std::vector<ndh::LogHeader> &headers = {});
    // Waits at most flushTimeoutMs for outstanding deliveries, then destroys the
    // producer. Bounded even when the cluster is gone.
    void shutdown(int flushTimeoutMs = 1000);

signals:
    void published(const QString &correlationId, bool ok, const QString &error);

private:
    bool ensureProducer(QString *error);
    void poll();
    void destroyProducer();
    static void onDelivery(rd_kafka_s *rk, const rd_kafka_message_s *message, void *opaque);

    QString m_bootstrap;
    QList<QPair<QString, QString>> m_extraProperties;
    rd_kafka_s *m_rk = nullptr;
    QTimer *m_timer = nullptr;
    int m_outstanding = 0;
};

} // namespace ndh
