#pragma once
// Reads topics synchronously from the beginning to the high watermark each partition
// had when the read started, decodes every record and collects the events in an
// EventTimeline, so a caller can ask for the plant's state at any instant (`ndhctl
// state`). Uses assign(), never a consumer group. Bounded by a timeout, with an error
// in plain words when the cluster cannot be reached or the read does not finish.

#include "consumer_config.h"
#include "plant_event.h"
#include "plant_state.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace ndh {

class TopicSnapshotReader
{
public:
    static constexpr size_t kMaxKeptDeadLetters = 100; // the rest are only counted

    // Uses bootstrap, topics (empty: the standard topics), topicEnvelopes and
    // extraProperties of the configuration; the start position is always the beginning.
    explicit TopicSnapshotReader(ConsumerConfig config);

    // Blocks for at most timeoutMs. False with error() set when the cluster did not
    // answer or the end was not reached in time.
    bool read(int timeoutMs);

    const EventTimeline &timeline() const { return m_timeline; }
    quint64 records() const { return m_records; }
    quint64 rejected() const { return m_rejected; }
    const std::vector<DeadLetter> &deadLetters() const { return m_deadLetters; }
    QStringList missingTopics() const { return m_missingTopics; } // asked for, not on the cluster
    int partitionsRead() const { return m_partitions; }
    QString error() const { return m_error; }

private:
    ConsumerConfig m_config;
    EventTimeline m_timeline;
    std::vector<DeadLetter> m_deadLetters;
    QStringList m_missingTopics;
    QString m_error;
    QString m_lastClientError;
    quint64 m_records = 0;
    quint64 m_rejected = 0;
    int m_partitions = 0;
};

} // namespace ndh
