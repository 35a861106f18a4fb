#include "embedded_broker.h"

#include "cancellable_thread.h"
#include "kafka_client_conf.h"
#include "kafka_logging.h"
#include "topic_catalog.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>
#include <vector>

namespace ndh {

namespace {

// Wakes the mock cluster's thread while a request to it waits (see the header): a
// non-blocking loopback connect to each broker's port, closed at once, every 2 ms.
class MockWaker
{
public:
    explicit MockWaker(const QString &bootstrap)
    {
        for (const QString &server : bootstrap.split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            const uint port = server.section(u':', -1).toUInt(&ok);
            if (ok && port > 0 && port < 65536)
                m_ports.push_back(quint16(port));
        }
        if (m_ports.empty())
            return;
        m_thread.start(QStringLiteral("ndh-mock-waker"), [this] {
            while (!m_thread.cancelled()) {
                QThread::msleep(2);
                for (const quint16 port : m_ports)
                    knock(port);
            }
        });
    }
    ~MockWaker()
    {
        m_thread.cancel();
        m_thread.wait(5000);
    }
    MockWaker(const MockWaker &) = delete;
    MockWaker &operator=(const MockWaker &) = delete;

private:
    static void knock(quint16 port)
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return;
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        (void)::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address);
        ::close(fd);
    }

    std::vector<quint16> m_ports;
    CancellableThread m_thread;
};

} // namespace

template<typename Request>
auto EmbeddedBroker::served(Request &&request)
{
    const MockWaker waker(bootstrap());
    return request();
}

EmbeddedBroker::EmbeddedBroker() = default;

EmbeddedBroker::~EmbeddedBroker()
{
    stop();
}

bool EmbeddedBroker::start(int partitions, int brokers, const QStringList &topics)
{
    return startCluster(partitions, brokers) && createTopics(topics);
}

bool EmbeddedBroker::startCluster(int partitions, int brokers)
{
    stop();
    m_error.clear();
    if (partitions < 1 || brokers < 1) {
        m_error = QStringLiteral("The embedded broker needs at least one broker and one partition per topic");
        return false;
    }

    // The mock cluster needs an rd_kafka_t for its bookkeeping only; a producer with
    // no bootstrap servers never opens a connection of its own.
    KafkaClientConf conf;
    conf.set(QStringLiteral("client.id"), QStringLiteral("ndh-embedded-broker"));
    m_handle = conf.createProducer();
    if (!m_handle) {
        m_error = conf.error();
        return false;
    }
    m_cluster = rd_kafka_mock_cluster_new(m_handle, brokers);
    if (!m_cluster) {
        m_error = QStringLiteral("Cannot start the embedded broker (no loopback port available?)");
        rd_kafka_destroy(m_handle);
        m_handle = nullptr;
        return false;
    }
    m_partitions = partitions;
    m_brokers = brokers;
    return true;
}

bool EmbeddedBroker::createTopics(const QStringList &topics)
{
    if (!m_cluster) {
        m_error = QStringLiteral("The embedded broker is not running");
        return false;
    }
    const int partitions = m_partitions;
    const QStringList wanted = topics.isEmpty() ? topics::standardTopics() : topics;
    // One thread per topic, and the mock's thread woken while they wait (see the
    // header): ~10 ms for the 25 standard topics.
    std::vector<rd_kafka_resp_err_t> results(size_t(wanted.size()), RD_KAFKA_RESP_ERR_NO_ERROR);
    {
        const MockWaker waker(bootstrap());
        std::vector<std::thread> creators;
        creators.reserve(size_t(wanted.size()));
        for (qsizetype i = 0; i < wanted.size(); ++i) {
            creators.emplace_back([this, &results, i, name = wanted.at(i).toUtf8(), partitions] {
                // Replication factor 1, so that one broker going down really makes its
                // partitions unavailable (what the fault hooks are for).
                results[size_t(i)] = rd_kafka_mock_topic_create(m_cluster, name.constData(), partitions, 1);
            });
        }
        for (std::thread &t : creators)
            t.join();
    }
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        const rd_kafka_resp_err_t err = results[size_t(i)];
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR && err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
            check(err, "create topic");
            const QString why = m_error + QStringLiteral(" (%1)").arg(wanted.at(i));
            stop();
            m_error = why;
            return false;
        }
        if (!m_topics.contains(wanted.at(i)))
            m_topics.append(wanted.at(i));
    }
    qCDebug(lcKafka, "embedded broker at %s with %lld topics x %d partitions",
           qPrintable(bootstrap()), qlonglong(m_topics.size()), partitions);
    return true;
}

void EmbeddedBroker::stop()
{
    if (m_cluster) {
        served([this] { rd_kafka_mock_cluster_destroy(m_cluster); });
        m_cluster = nullptr;
    }
    if (m_handle) {
        rd_kafka_destroy(m_handle);
        m_handle = nullptr;
    }
    m_topics.clear();
}

QString EmbeddedBroker::bootstrap() const
{
    return m_cluster ? QString::fromUtf8(rd_kafka_mock_cluster_bootstraps(m_cluster)) : QString();
}

bool EmbeddedBroker::createTopic(const QString &topic, int partitions)
{
    if (!m_cluster) {
        m_error = QStringLiteral("The embedded broker is not running");
        return false;
    }
    if (m_topics.contains(topic))
        return true;
    const QByteArray name = topic.toUtf8();
    const rd_kafka_resp_err_t err =
        served([&] { return rd_kafka_mock_topic_create(m_cluster, name.constData(), partitions, 1); });
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR && err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
        return check(err, "create topic");
    m_topics.append(topic);
    return true;
}

bool EmbeddedBroker::setBrokerDown(int32_t brokerId)
{
    return m_cluster && check(served([&] { return rd_kafka_mock_broker_set_down(m_cluster, brokerId); }), "set broker down");
}

bool EmbeddedBroker::setBrokerUp(int32_t brokerId)
{
    return m_cluster && check(served([&] { return rd_kafka_mock_broker_set_up(m_cluster, brokerId); }), "set broker up");
}

bool EmbeddedBroker::setBrokerRtt(int32_t brokerId, int rttMs)
{
    return m_cluster && check(served([&] { return rd_kafka_mock_broker_set_rtt(m_cluster, brokerId, rttMs); }), "set broker RTT");
}

bool EmbeddedBroker::setPartitionLeader(const QString &topic, int32_t partition, int32_t brokerId)
{
    return m_cluster
        && check(served([&] {
                     return rd_kafka_mock_partition_set_leader(m_cluster, topic.toUtf8().constData(), partition,
                                                               brokerId);
                 }),
                 "set partition leader");
}

bool EmbeddedBroker::pushRequestErrors(int16_t apiKey, int count, int error)
{
    if (!m_cluster || count < 1)
        return false;
    const std::vector<rd_kafka_resp_err_t> errors(size_t(count), static_cast<rd_kafka_resp_err_t>(error));
    rd_kafka_mock_push_request_errors_array(m_cluster, apiKey, errors.size(), errors.data());
    return true;
}

bool EmbeddedBroker::check(int err, const char *what)
{
    if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
        return true;
    m_error = QStringLiteral("Embedded broker: cannot %1: %2")
                  .arg(QLatin1String(what), QString::fromUtf8(rd_kafka_err2str(rd_kafka_resp_err_t(err))));
    return false;
}

} // namespace ndh
