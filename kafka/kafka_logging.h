#pragma once
// Logging category of the kafka layer ("ndh.kafka"), the bridge that routes
// librdkafka's own log lines into it so they obey QT_LOGGING_RULES like ours, and the
// wording of client errors for operators.

#include <QLoggingCategory>

struct rd_kafka_conf_s;

namespace ndh {

Q_DECLARE_LOGGING_CATEGORY(lcKafka)

// Installs a log callback on a librdkafka configuration that forwards to lcKafka
// (syslog levels <= 3 as warnings, the rest as debug).
void routeRdKafkaLogs(rd_kafka_conf_s *conf);

// A librdkafka error reason in the words an operator needs (what is wrong and where to
// look); unknown reasons are returned unchanged.
QString operatorReason(const QString &raw);

} // namespace ndh
