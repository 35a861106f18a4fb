#include "connection_profile_config.h"

#include "kafka_client_conf.h"

namespace ndh {

ConsumerConfig consumerConfigFor(const ConnectionProfile &profile, const ConnectionSecrets &secrets,
                                 const QString &consoleId)
{
    ConsumerConfig c;
    c.bootstrap = profile.kafka.bootstrap;
    c.topics = profile.kafka.topics;
    c.topicEnvelopes = profile.kafka.topicEnvelopes;
    c.extraProperties = KafkaClientConf::securityProperties(profile.kafka, secrets);
    c.groupId = profile.effectiveGroupId(consoleId);
    c.tlsVerificationOff = profile.kafka.usesTls() && !profile.kafka.verifyServer;
    return c;
}

std::optional<RedisConfig> redisConfigFor(const ConnectionProfile &profile, const ConnectionSecrets &secrets,
                                          QString *error)
{
    RedisConfig r;
    r.enabled = profile.redis.enabled;
    if (!r.enabled)
        return r;
    if (!profile.redis.address.trimmed().isEmpty()) {
        const auto endpoint = parseRedisAddress(profile.redis.address.trimmed(), error);
        if (!endpoint)
            return std::nullopt;
        r.endpoint = *endpoint;
    }
    r.endpoint.unixSocket = profile.redis.unixSocket;
    r.endpoint.db = profile.redis.db;
    r.endpoint.user = profile.redis.user;
    r.endpoint.password = secrets.redisPassword;
    return r;
}

} // namespace ndh
