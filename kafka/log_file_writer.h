#pragma once
// Writes an exported log (DESIGN.md §6) byte for byte as `kcat -C -J` prints it, so
// kcat-based tools read it, optionally zstd-compressed. Atomic: the file appears
// complete on commit() or not at all (QSaveFile); cancel() leaves nothing behind.

#include "log_file_reader.h"

#include <QString>

#include <functional>
#include <memory>

class QSaveFile;

namespace ndh {

class ZstdSink;

class LogFileWriter
{
public:
    struct Options
    {
        bool compress = false; // zstd
        int level = 3;
    };
    // Compressed when the name ends in .zst (or .ndh, which is always compressed).
    static bool compressionForPath(const QString &path);

    LogFileWriter();
    ~LogFileWriter(); // cancels when not committed
    LogFileWriter(const LogFileWriter &) = delete;
    LogFileWriter &operator=(const LogFileWriter &) = delete;

    bool open(const QString &path, Options options);
    bool write(const LogRecord &record);
    bool commit();
    void cancel();

    quint64 recordsWritten() const { return m_records; }
    qint64 logBytesWritten() const; // uncompressed
    QString error() const { return m_error; }

    // One record as kcat -J prints it, with the trailing newline.
    static void appendJson(const LogRecord &record, QByteArray &out);

private:
    std::unique_ptr<QSaveFile> m_file;
    std::unique_ptr<ZstdSink> m_sink;
    QByteArray m_line;
    quint64 m_records = 0;
    QString m_error;
};

// Writes `records` to `path` with progress (records done, total) and cancel: the
// callback returns false to cancel, and then nothing is written. Returns false with
// `error` set on failure or cancel ("cancelled").
bool writeLogFile(const QString &path, const std::vector<LogRecord> &records, LogFileWriter::Options options,
                  const std::function<bool(quint64 done, quint64 total)> &progress, QString *error);

} // namespace ndh
