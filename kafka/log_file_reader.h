#pragma once
// Reads an exported log (DESIGN.md §6): one `kcat -C -J` envelope per line, plain
// or zstd-compressed (detected by magic, not by extension), or the log inside an
// incident bundle (.ndh, docs/INCIDENT_BUNDLE.md). Streams in chunks with bounded
// memory, reports progress, and never gives up on the whole file for one bad line:
// each damage is a value naming the line, the byte and what was wrong, everything
// before it is kept and, where the format allows (plain JSONL), every valid line
// after it too.

#include "envelope_decoder.h"
#include "log_record.h"
#include "plant_event.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QFile;

namespace ndh {

class ByteSource;

struct LogDamage
{
    enum class Kind : quint8 {
        Missing,            // the path does not exist or cannot be opened
        Directory,          // the path is a folder
        Empty,              // 0 bytes
        NotALog,            // no line is a kcat -J envelope / binary data
        TruncatedLine,      // the last line stops before its end
        InvalidJson,        // a line that is not JSON
        NotAnEnvelope,      // valid JSON, but not a kcat -J record
        InvalidUtf8,        // bytes that are not UTF-8
        LineTooLong,        // longer than LogFileReader::kMaxLineBytes
        CorruptCompression, // a zstd frame that does not decompress
        ReadError,          // the disk or the archive failed under us
    };
    Kind kind = Kind::InvalidJson;
    qint64 line = 0;        // 1-based line of the log; 0 when not about a line
    qint64 byteOffset = 0;  // of the line start in the (decompressed) log
    QString detail;         // what was wrong, in plain words
    QByteArray raw;         // the damaged line (bounded), for the dead-letter view
    bool fatal = false;     // nothing after this point could be read

    // "line 12 (byte 3,456): invalid JSON: ..." — plain text for messages and logs.
    QString message() const;
};
QString damageKindName(LogDamage::Kind kind);

struct LogChunk
{
    std::vector<LogRecord> records;
    std::vector<qint64> lines; // line number of each record
    std::vector<LogDamage> damages;
    void clear()
    {
        records.clear();
        lines.clear();
        damages.clear();
    }
};

// The non-log members of an incident bundle, read before the log.
struct BundleContents
{
    QByteArray manifest; // manifest.json
    QByteArray layout;   // layout.json
    QByteArray alarms;   // alarms.jsonl
    QByteArray audit;    // audit.jsonl
};

class LogFileReader
{
public:
    enum class Format : quint8 { Unknown, Jsonl, JsonlZstd, Bundle };
    static constexpr qsizetype kMaxLineBytes = 64 << 20;  // a longer line is damage, skipped
    static constexpr qsizetype kMaxKeptRawBytes = 64 << 10; // per damaged line kept for display
    static constexpr size_t kMaxKeptDamages = 1000;       // the rest are counted
    static constexpr int kNotALogAfterLines = 16;         // bad lines before any good one: not a log

    LogFileReader();
    ~LogFileReader();
    LogFileReader(const LogFileReader &) = delete;
    LogFileReader &operator=(const LogFileReader &) = delete;

    // False when nothing can be read at all; fatalDamage() then says why.
    bool open(const QString &path);
    // Appends up to maxRecords records (and the damages met on the way) to `chunk`.
    // False once the end is reached (the chunk may still carry the last records).
    bool readChunk(LogChunk &chunk, size_t maxRecords);

    QString path() const { return m_path; }
    Format format() const { return m_format; }
    const BundleContents &bundle() const { return m_bundle; }
    bool atEnd() const { return m_atEnd; }
    qint64 fileSize() const { return m_fileSize; }
    qint64 fileBytesRead() const; // for progress (compressed bytes for .zst)
    qint64 logBytesRead() const { return m_logBytes; }
    quint64 recordsRead() const { return m_records; }
    qint64 linesRead() const { return m_line; }
    quint64 damageCount() const { return m_damageCount; }
    const std::vector<LogDamage> &damages() const { return m_damages; } // first kMaxKeptDamages
    std::optional<LogDamage> fatalDamage() const { return m_fatal; }

    // Parses one line (without its newline); a damage (kind, detail) on failure.
    // Exposed for the writer's tests and for tools that read lines themselves.
    // paddedBuffer: SIMDJSON_PADDING readable bytes follow the line (else it is copied).
    static std::optional<LogRecord> parseLine(QByteArrayView line, LogDamage *damage, bool paddedBuffer = false);

private:
    static std::optional<LogRecord> parseRawBytesLine(QByteArrayView line);
    bool fail(LogDamage::Kind kind, const QString &detail);
    bool openBundle();
    bool refill();
    void handleLine(const char *begin, qsizetype size, bool hasNewline, LogChunk &chunk);
    void addDamage(LogDamage damage, LogChunk &chunk);

    QString m_path;
    Format m_format = Format::Unknown;
    BundleContents m_bundle;
    std::unique_ptr<QFile> m_file;
    std::unique_ptr<ByteSource> m_fileSource;
    std::unique_ptr<ByteSource> m_zstdSource;
    std::unique_ptr<ByteSource> m_memberSource;
    ByteSource *m_source = nullptr;
    std::vector<char> m_buffer; // [m_begin, m_end) unread, followed by padding; sized in open()/refill()
    qsizetype m_begin = 0;
    qsizetype m_end = 0;
    QByteArray m_pushback; // bytes peeked at open time, read first
    bool m_sourceDone = false;
    bool m_lastReadFilled = false; // the last read took all the room: more is likely
    bool m_atEnd = false;
    bool m_skippingLongLine = false;
    qint64 m_fileSize = 0;
    qint64 m_logBytes = 0; // bytes of the log consumed, = start of the next line
    qint64 m_line = 0;
    quint64 m_records = 0;
    quint64 m_damageCount = 0;
    int m_badLinesBeforeFirstRecord = 0;
    std::vector<LogDamage> m_damages;
    std::optional<LogDamage> m_fatal;
};

// What the decoder found in one record: for time-range and asset selection on export.
struct RecordIndex
{
    qint64 eventTimeMs = 0; // first decoded event's time; the record timestamp if none
    QString assetKey;       // "location/type/id" of the first event; empty if none
};

// The record's own timestamp when it has one, else 0.
inline qint64 recordTimeMs(const LogRecord &r)
{
    return r.tstype != LogRecord::TimestampType::None && r.timestampMs > 0 ? r.timestampMs : 0;
}
// The index of a record whose decoded events start at events[firstNew].
RecordIndex recordIndexFor(const std::vector<PlantEvent> &events, size_t firstNew, const LogRecord &record);

// Decodes a chunk's records into a batch for PlantModels::applyBatch: each record's
// source keeps its original topic, partition, offset and timestamp with channel
// File; undecodable records and damaged lines become dead letters (the damaged
// line's source is the file name, its offset the line number).
void appendLogChunk(const EnvelopeDecoder &decoder, const LogChunk &chunk, const QString &fileName,
                    EventBatch &batch, qint64 nowMs, std::vector<RecordIndex> *index = nullptr);

} // namespace ndh
