#include "log_file_writer.h"

#include "zstd_stream.h"

#include <QSaveFile>

namespace ndh {

namespace {

// The escaping of yajl, which kcat uses: \" \\ \b \f \n \r \t, other control bytes
// as \u00XX (upper-case hex); '/' and bytes >= 0x7f as they are.
void appendJsonString(QByteArrayView s, QByteArray &out)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    out.append('"');
    qsizetype run = 0;
    const char *p = s.data();
    for (qsizetype i = 0; i < s.size(); ++i) {
        const auto c = quint8(p[i]);
        const char *esc = nullptr;
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        default:
            if (c >= 0x20)
                continue;
        }
        out.append(p + run, i - run);
        run = i + 1;
        if (esc) {
            out.append(esc);
        } else {
            const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
            out.append(u, 6);
        }
    }
    out.append(p + run, s.size() - run);
    out.append('"');
}

void appendOptionalString(const std::optional<QByteArray> &s, QByteArray &out)
{
    if (s)
        appendJsonString(*s, out);
    else
        out.append("null");
}

} // namespace

bool LogFileWriter::compressionForPath(const QString &path)
{
    return path.endsWith(QLatin1String(".zst"), Qt::CaseInsensitive)
           || path.endsWith(QLatin1String(".ndh"), Qt::CaseInsensitive);
}

void LogFileWriter::appendJson(const LogRecord &r, QByteArray &out)
{
    out.append("{\"topic\":");
    appendJsonString(r.topic.toUtf8(), out);
    out.append(",\"partition\":").append(QByteArray::number(r.partition));
    out.append(",\"offset\":").append(QByteArray::number(r.offset));
    switch (r.tstype) {
    case LogRecord::TimestampType::None: out.append(",\"tstype\":\"none\""); break;
    case LogRecord::TimestampType::Create: out.append(",\"tstype\":\"create\""); break;
    case LogRecord::TimestampType::LogAppend: out.append(",\"tstype\":\"logappend\""); break;
    case LogRecord::TimestampType::Unknown: out.append(",\"tstype\":\"unknown\""); break;
    }
    if (r.tstype != LogRecord::TimestampType::None)
        out.append(",\"ts\":").append(QByteArray::number(r.timestampMs));
    out.append(",\"broker\":").append(QByteArray::number(r.broker));
    if (!r.headers.empty()) {
        out.append(",\"headers\":[");
        bool first = true;
        for (const LogHeader &h : r.headers) {
            if (!first)
                out.append(',');
            first = false;
            appendJsonString(h.name, out);
            out.append(',');
            appendOptionalString(h.value, out);
        }
        out.append(']');
    }
    out.append(",\"key\":");
    appendOptionalString(r.key, out);
    out.append(",\"payload\":");
    appendOptionalString(r.payload, out);
    out.append("}\n");
}

LogFileWriter::LogFileWriter() = default;

LogFileWriter::~LogFileWriter()
{
    cancel();
}

bool LogFileWriter::open(const QString &path, Options options)
{
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot write %1: %2").arg(path, m_file->errorString());
        m_file.reset();
        return false;
    }
    m_sink = std::make_unique<ZstdSink>(m_file.get(), options.compress, options.level);
    m_records = 0;
    return true;
}

bool LogFileWriter::write(const LogRecord &record)
{
    if (!m_sink)
        return false;
    m_line.clear();
    appendJson(record, m_line);
    if (!m_sink->write(m_line)) {
        m_error = m_sink->error();
        return false;
    }
    ++m_records;
    return true;
}

qint64 LogFileWriter::logBytesWritten() const
{
    return m_sink ? m_sink->bytesIn() : 0;
}

bool LogFileWriter::commit()
{
    if (!m_file)
        return false;
    if (!m_sink->finish()) {
        m_error = m_sink->error();
        cancel();
        return false;
    }
    m_sink.reset();
    const bool ok = m_file->commit();
    if (!ok)
        m_error = QStringLiteral("cannot save %1: %2").arg(m_file->fileName(), m_file->errorString());
    m_file.reset();
    return ok;
}

void LogFileWriter::cancel()
{
    m_sink.reset();
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset(); // QSaveFile removes its temporary file
    }
}

bool writeLogFile(const QString &path, const std::vector<LogRecord> &records, LogFileWriter::Options options,
                  const std::function<bool(quint64 done, quint64 total)> &progress, QString *error)
{
    LogFileWriter writer;
    if (!writer.open(path, options)) {
        *error = writer.error();
        return false;
    }
    const quint64 total = records.size();
    quint64 done = 0;
    for (const LogRecord &r : records) {
        if (!writer.write(r)) {
            *error = writer.error();
            return false;
        }
        if ((++done & 1023) == 0 && progress && !progress(done, total)) {
            *error = QStringLiteral("cancelled");
            return false;
        }
    }
    if (progress && !progress(done, total)) {
        *error = QStringLiteral("cancelled");
        return false;
    }
    if (!writer.commit()) {
        *error = writer.error();
        return false;
    }
    return true;
}

} // namespace ndh
