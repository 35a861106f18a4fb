#pragma once
// A connection profile (models/connection_profile.h) with its secrets, turned into
// what the backend runs on: the consumer configuration (security properties from
// KafkaClientConf::securityProperties, group id by the profile's strategy, topics and
// envelopes) and the Redis configuration.

#include "connection_profile.h"
#include "consumer_config.h"
#include "redis_client.h"

namespace ndh {

ConsumerConfig consumerConfigFor(const ConnectionProfile &profile, const ConnectionSecrets &secrets,
                                 const QString &consoleId);
// nullopt with *error set when the Redis address does not parse.
std::optional<RedisConfig> redisConfigFor(const ConnectionProfile &profile, const ConnectionSecrets &secrets,
                                          QString *error);

} // namespace ndh
