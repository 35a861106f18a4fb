#include "raw_record_journal.h"

namespace ndh {

namespace {

size_t recordBytes(const LogRecord &r)
{
    size_t n = sizeof(LogRecord) + size_t(r.topic.size()) * 2 + 64;
    if (r.key)
        n += size_t(r.key->size());
    if (r.payload)
        n += size_t(r.payload->size());
    for (const LogHeader &h : r.headers)
        n += size_t(h.name.size()) + (h.value ? size_t(h.value->size()) : 0) + 48;
    return n;
}

} // namespace

bool selectionMatches(const RawRecordJournal::Selection &s, const LogRecord &record, const RecordIndex &index)
{
    if (index.eventTimeMs < s.fromMs || index.eventTimeMs > s.toMs)
        return false;
    if (!s.topics.isEmpty() && !s.topics.contains(record.topic))
        return false;
    if (!s.assetKeys.isEmpty()) {
        if (index.assetKey.isEmpty())
            return false;
        bool any = false;
        for (const QString &k : s.assetKeys) {
            if (index.assetKey == k || index.assetKey.startsWith(k + u'/')) {
                any = true;
                break;
            }
        }
        if (!any)
            return false;
    }
    return true;
}

RawRecordJournal::RawRecordJournal(size_t budgetBytes)
    : m_budget(budgetBytes)
{
}

void RawRecordJournal::append(const std::vector<LogRecord> &records, const std::vector<RecordIndex> &index)
{
    append(std::vector<LogRecord>(records), std::vector<RecordIndex>(index));
}

void RawRecordJournal::append(std::vector<LogRecord> &&records, std::vector<RecordIndex> &&index)
{
    const std::lock_guard lock(m_mutex);
    for (size_t i = 0; i < records.size() && i < index.size(); ++i) {
        const size_t b = recordBytes(records[i]);
        const qint64 t = index[i].eventTimeMs;
        if (m_entries.empty() && m_dropped == 0) {
            m_firstMs = t;
            m_lastMs = t;
        }
        if (t > 0) {
            m_firstMs = m_firstMs > 0 ? std::min(m_firstMs, t) : t;
            m_lastMs = std::max(m_lastMs, t);
        }
        m_entries.push_back({std::move(records[i]), std::move(index[i]), b});
        m_bytes += b;
    }
    while (m_bytes > m_budget && !m_entries.empty()) {
        const Entry &e = m_entries.front();
        m_completeFromMs = std::max(m_completeFromMs, e.index.eventTimeMs + 1);
        m_bytes -= e.bytes;
        ++m_dropped;
        m_entries.pop_front();
    }
}

void RawRecordJournal::clear()
{
    const std::lock_guard lock(m_mutex);
    m_entries.clear();
    m_bytes = 0;
    m_dropped = 0;
    m_completeFromMs = std::numeric_limits<qint64>::min();
    m_firstMs = m_lastMs = 0;
}

std::vector<LogRecord> RawRecordJournal::select(const Selection &selection) const
{
    const std::lock_guard lock(m_mutex);
    std::vector<LogRecord> out;
    for (const Entry &e : m_entries) {
        if (selectionMatches(selection, e.record, e.index))
            out.push_back(e.record);
    }
    return out;
}

size_t RawRecordJournal::size() const
{
    const std::lock_guard lock(m_mutex);
    return m_entries.size();
}

size_t RawRecordJournal::bytes() const
{
    const std::lock_guard lock(m_mutex);
    return m_bytes;
}

quint64 RawRecordJournal::dropped() const
{
    const std::lock_guard lock(m_mutex);
    return m_dropped;
}

qint64 RawRecordJournal::completeFromMs() const
{
    const std::lock_guard lock(m_mutex);
    return m_completeFromMs;
}

qint64 RawRecordJournal::firstMs() const
{
    const std::lock_guard lock(m_mutex);
    return m_firstMs;
}

qint64 RawRecordJournal::lastMs() const
{
    const std::lock_guard lock(m_mutex);
    return m_lastMs;
}

QMap<QString, quint64> RawRecordJournal::topicCounts() const
{
    const std::lock_guard lock(m_mutex);
    QMap<QString, quint64> counts;
    for (const Entry &e : m_entries)
        ++counts[e.record.topic];
    return counts;
}

} // namespace ndh
