#pragma once
// The raw records behind the current session, kept so the console can export what
// it knows (DESIGN.md §6) byte for byte, not a re-encoding of decoded events.
// Bounded: past the byte budget the oldest records are dropped and counted, and
// completeFromMs() says from when the journal is still complete. Thread-safe: the
// reader thread appends while the GUI selects.

#include "log_file_reader.h"

#include <QMap>
#include <QStringList>

#include <deque>
#include <limits>
#include <mutex>

namespace ndh {

class RawRecordJournal
{
public:
    static constexpr size_t kDefaultBudgetBytes = size_t(512) << 20;

    explicit RawRecordJournal(size_t budgetBytes = kDefaultBudgetBytes);

    // index[i] describes records[i] (sizes must match).
    void append(const std::vector<LogRecord> &records, const std::vector<RecordIndex> &index);
    // The same, taking the records over instead of copying them (the log loader).
    void append(std::vector<LogRecord> &&records, std::vector<RecordIndex> &&index);
    void clear();

    struct Selection
    {
        qint64 fromMs = std::numeric_limits<qint64>::min(); // event time, inclusive
        qint64 toMs = std::numeric_limits<qint64>::max();
        QStringList topics;    // empty: every topic
        QStringList assetKeys; // "location/type/id" or a prefix of it; empty: every record
    };
    // Matching records in arrival order (the order they were read or consumed).
    std::vector<LogRecord> select(const Selection &selection) const;

    size_t size() const;
    size_t bytes() const;
    quint64 dropped() const;
    qint64 completeFromMs() const; // min() while nothing was dropped
    qint64 firstMs() const;
    qint64 lastMs() const;
    QMap<QString, quint64> topicCounts() const;

private:
    struct Entry
    {
        LogRecord record;
        RecordIndex index;
        size_t bytes;
    };
    mutable std::mutex m_mutex;
    std::deque<Entry> m_entries;
    size_t m_budget;
    size_t m_bytes = 0;
    quint64 m_dropped = 0;
    qint64 m_completeFromMs = std::numeric_limits<qint64>::min();
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
};

bool selectionMatches(const RawRecordJournal::Selection &selection, const LogRecord &record, const RecordIndex &index);

} // namespace ndh
