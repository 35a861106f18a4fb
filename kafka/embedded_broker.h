#pragma once
// The embedded default of DESIGN.md §4: librdkafka's in-process mock cluster (a real
// Kafka-protocol broker on a random loopback port) with the standard topics created,
// so the console, the simulator, kcat and any Kafka client can talk to it. Also the
// fault hooks tests and demos use to show how the console copes with a sick cluster.
//
// Facts about the mock (librdkafka 2.0.2) this class works around or documents:
// - no CreateTopics request: topics are created here with rd_kafka_mock_topic_create;
//   unknown topics are auto-created (4 partitions) on first produce/metadata request;
// - each partition keeps only its newest ~5 MB / 100,000 messages;
// - ListOffsets by timestamp answers -1 (no offsetsForTimes);
// - a consumer-group join takes ~3 s: clients that need no group should assign();
// - the mock's thread now and then misses the wake-up for a request (topic create,
//   fault hook, shutdown) and serves it only after its 1 s poll: 25 topics created
//   one after the other took ~7 s, concurrently ~1 s in most starts. Any socket event
//   wakes the thread, so while such a request waits, this class knocks on the
//   broker's own port every 2 ms (a loopback connect, closed at once).

#include <QString>
#include <QStringList>

#include <cstdint>

struct rd_kafka_s;
struct rd_kafka_mock_cluster_s;

namespace ndh {

class EmbeddedBroker
{
public:
    static constexpr int kDefaultPartitions = 4;

    EmbeddedBroker();
    ~EmbeddedBroker(); // stop()
    EmbeddedBroker(const EmbeddedBroker &) = delete;
    EmbeddedBroker &operator=(const EmbeddedBroker &) = delete;

    // Starts `brokers` mock brokers and creates `topics` (empty: the standard topics)
    // with `partitions` partitions each. False with error() set on failure.
    bool start(int partitions = kDefaultPartitions, int brokers = 1, const QStringList &topics = {});
    // start() in two steps: the brokers alone (a few milliseconds; bootstrap() is
    // known from here on), then the topics (what takes the time).
    bool startCluster(int partitions = kDefaultPartitions, int brokers = 1);
    bool createTopics(const QStringList &topics = {});
    void stop();
    bool isRunning() const { return m_cluster != nullptr; }

    QString bootstrap() const; // "127.0.0.1:PORT[,...]", empty when not running
    QString error() const { return m_error; }
    int partitions() const { return m_partitions; }
    int brokerCount() const { return m_brokers; }
    QStringList createdTopics() const { return m_topics; }

    // Creates one more topic (no-op success if it already exists).
    bool createTopic(const QString &topic, int partitions);

    // Fault hooks (thin wrappers over rdkafka_mock.h). brokerId -1 means all brokers.
    bool setBrokerDown(int32_t brokerId = -1); // drops connections, refuses new ones
    bool setBrokerUp(int32_t brokerId = -1);
    bool setBrokerRtt(int32_t brokerId, int rttMs);
    bool setPartitionLeader(const QString &topic, int32_t partition, int32_t brokerId);
    // The next `count` requests of protocol ApiKey (0 Produce, 1 Fetch, 3 Metadata...)
    // fail with librdkafka error code `error`.
    bool pushRequestErrors(int16_t apiKey, int count, int error);

    rd_kafka_mock_cluster_s *cluster() const { return m_cluster; }

private:
    bool check(int err, const char *what);
    // Runs a request to the mock cluster's thread, knocking until it is served.
    template<typename Request>
    auto served(Request &&request);

    rd_kafka_s *m_handle = nullptr; // bookkeeping handle the mock cluster requires
    rd_kafka_mock_cluster_s *m_cluster = nullptr;
    QStringList m_topics;
    QString m_error;
    int m_partitions = 0;
    int m_brokers = 0;
};

} // namespace ndh
