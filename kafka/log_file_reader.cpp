#include "log_file_reader.h"

#include "zstd_stream.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <simdjson.h>

#include <cstring>

namespace ndh {

namespace {

// The read buffer: sized to the file when it is smaller (a plain log; compressed
// data starts at the compressed size, at least kMinReadBlock) and doubled while
// reads fill it, up to kReadBlock; past that only a line longer than the buffer
// grows it, by kReadBlock at a time, up to the line bound.
constexpr qsizetype kReadBlock = 4 << 20;
constexpr qsizetype kMinReadBlock = 64 << 10;
constexpr qint64 kMaxBundleMemberBytes = 256 << 20; // manifest, layout, journals
// A bundle member is read in pieces of this much, so a header that declares more
// than the archive holds costs what is there, not what it declares.
constexpr qint64 kMemberPiece = 1 << 20;

QByteArray boundedRaw(const char *begin, qsizetype size)
{
    return QByteArray(begin, std::min(size, LogFileReader::kMaxKeptRawBytes));
}

QString jsonErrorText(simdjson::error_code code)
{
    switch (code) {
    case simdjson::UTF8_ERROR:
        return QStringLiteral("bytes that are not UTF-8");
    case simdjson::UNCLOSED_STRING:
        return QStringLiteral("a string is not closed");
    case simdjson::TAPE_ERROR:
    case simdjson::INCORRECT_TYPE:
        return QStringLiteral("the JSON structure is broken");
    default:
        return QString::fromUtf8(simdjson::error_message(code));
    }
}

// Offset of the first invalid UTF-8 sequence (RFC 3629), -1 when all valid.
qsizetype firstInvalidUtf8(const char *s, qsizetype n)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s);
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return -1;
}

// kcat -J (yajl without UTF-8 validation) writes a key, payload or header value that
// is not UTF-8 as its raw bytes inside the JSON string; so does LogFileWriter. To read
// such a line byte-exact with the JSON parser, every byte that is not part of a valid
// UTF-8 sequence is lifted to a private-use code point (U+10FF80 + byte - 0x80, 4 bytes
// F4 8F BE/BF xx) before parsing and lowered back in the strings afterwards. A line
// that already holds such code points (raw or escaped as \uDBFF) is left as damage.
constexpr char kLiftLead0 = char(0xF4);
constexpr char kLiftLead1 = char(0x8F);

QByteArray liftInvalidUtf8(QByteArrayView line)
{
    QByteArray out;
    out.reserve(line.size() + 64);
    qsizetype i = 0;
    while (i < line.size()) {
        const qsizetype bad = firstInvalidUtf8(line.data() + i, line.size() - i);
        if (bad < 0) {
            out.append(line.data() + i, line.size() - i);
            break;
        }
        out.append(line.data() + i, bad);
        const auto b = quint8(line[i + bad]);
        const char lifted[4] = {kLiftLead0, kLiftLead1, char(0xBC | (b >> 6)), char(0x80 | (b & 0x3F))};
        out.append(lifted, 4);
        i += bad + 1;
    }
    return out;
}

bool holdsLiftedCodePoints(QByteArrayView text)
{
    for (qsizetype i = 0; i + 2 < text.size(); ++i) {
        if (text[i] == kLiftLead0 && text[i + 1] == kLiftLead1 && (quint8(text[i + 2]) & 0xFE) == 0xBE)
            return true;
    }
    return false;
}

void lowerLifted(QByteArray &text)
{
    if (!holdsLiftedCodePoints(text))
        return;
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i + 3 < text.size() && text[i] == kLiftLead0 && text[i + 1] == kLiftLead1
            && (quint8(text[i + 2]) & 0xFE) == 0xBE) {
            out.append(char(((quint8(text[i + 2]) & 0x03) << 6) | (quint8(text[i + 3]) & 0x3F)));
            i += 3;
        } else {
            out.append(text[i]);
        }
    }
    text = std::move(out);
}

void lowerLifted(std::optional<QByteArray> &text)
{
    if (text)
        lowerLifted(*text);
}

simdjson::dom::parser &threadParser()
{
    thread_local simdjson::dom::parser parser;
    return parser;
}

// kcat's "tstype" names.
LogRecord::TimestampType timestampType(std::string_view name)
{
    return name == "create"      ? LogRecord::TimestampType::Create
           : name == "logappend" ? LogRecord::TimestampType::LogAppend
           : name == "none"      ? LogRecord::TimestampType::None
                                 : LogRecord::TimestampType::Unknown;
}

// Topic names repeat on every line: one QString per distinct name (a few dozen at
// most in practice) instead of a UTF-16 conversion and an allocation per record.
QString topicName(std::string_view utf8)
{
    struct Entry
    {
        std::string utf8;
        QString name;
    };
    thread_local std::vector<Entry> cache;
    for (const Entry &e : cache) {
        if (e.utf8 == utf8)
            return e.name;
    }
    QString name = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    if (cache.size() < 256)
        cache.push_back({std::string(utf8), name});
    return name;
}

// The fast path for a line as kcat -J writes it: simdjson On-Demand reads the known
// members straight into the record without building a DOM tape of the whole line.
// It accepts only what the DOM path below would accept the same way: every member
// is one of kcat's and of the exact type, none twice, nothing after the object.
// Anything else returns false and the line goes through the DOM path, which names
// the damage; so the fast path can never change what a bad line reports.
bool parseKcatLine(const char *data, size_t size, LogRecord &r)
{
    namespace od = simdjson::ondemand;
    thread_local od::parser parser;
    od::document doc;
    if (parser.iterate(data, size, size + simdjson::SIMDJSON_PADDING).get(doc))
        return false;
    od::object obj;
    if (doc.get_object().get(obj))
        return false;
    enum : unsigned { Topic = 1, Partition = 2, Offset = 4, Payload = 8, Key = 16, TsType = 32, Ts = 64,
                      Broker = 128, Headers = 256 };
    unsigned seen = 0;
    auto once = [&seen](unsigned bit) {
        const bool first = !(seen & bit);
        seen |= bit;
        return first;
    };
    // "null" or a string, as an optional.
    auto nullableString = [](od::value v, std::optional<QByteArray> &out) {
        bool isNull = false;
        if (v.is_null().get(isNull))
            return false;
        if (isNull) {
            out.reset();
            return true;
        }
        std::string_view sv;
        if (v.get_string().get(sv))
            return false;
        out = QByteArray(sv.data(), qsizetype(sv.size()));
        return true;
    };
    for (auto member : obj) {
        od::field field;
        std::string_view key;
        if (std::move(member).get(field) || field.unescaped_key().get(key))
            return false;
        od::value v = field.value();
        std::string_view sv;
        int64_t i = 0;
        if (key == "topic") {
            if (!once(Topic) || v.get_string().get(sv))
                return false;
            r.topic = topicName(sv);
        } else if (key == "partition") {
            if (!once(Partition) || v.get_int64().get(i) || i < -1 || i > INT32_MAX)
                return false;
            r.partition = qint32(i);
        } else if (key == "offset") {
            if (!once(Offset) || v.get_int64().get(i))
                return false;
            r.offset = i;
        } else if (key == "payload") {
            if (!once(Payload) || !nullableString(v, r.payload))
                return false;
        } else if (key == "key") {
            if (!once(Key) || !nullableString(v, r.key))
                return false;
        } else if (key == "tstype") {
            if (!once(TsType) || v.get_string().get(sv))
                return false;
            r.tstype = timestampType(sv);
        } else if (key == "ts") {
            if (!once(Ts) || v.get_int64().get(i))
                return false;
            r.timestampMs = i;
        } else if (key == "broker") {
            if (!once(Broker) || v.get_int64().get(i))
                return false;
            r.broker = qint32(i);
        } else if (key == "headers") {
            od::array headers;
            if (!once(Headers) || v.get_array().get(headers))
                return false;
            std::optional<QByteArray> name;
            bool haveName = false;
            for (auto h : headers) {
                od::value hv;
                std::optional<QByteArray> text;
                if (std::move(h).get(hv) || !nullableString(hv, text))
                    return false;
                if (!haveName) {
                    name = std::move(text);
                    haveName = true;
                } else {
                    r.headers.push_back({name.value_or(QByteArray()), std::move(text)});
                    haveName = false;
                }
            }
            if (haveName)
                return false;
        } else {
            return false; // not one of kcat's members: the DOM path decides
        }
    }
    // Nothing may follow the object (the DOM parse rejects trailing content).
    const char *after = nullptr;
    if (!doc.current_location().get(after))
        return false;
    return (seen & (Topic | Partition | Offset | Payload)) == (Topic | Partition | Offset | Payload);
}

std::optional<QByteArray> optionalString(simdjson::dom::element e)
{
    if (e.is_null())
        return std::nullopt;
    std::string_view s;
    if (e.get_string().get(s))
        return std::nullopt;
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace

QString damageKindName(LogDamage::Kind kind)
{
    switch (kind) {
    case LogDamage::Kind::Missing: return QStringLiteral("cannot open");
    case LogDamage::Kind::Directory: return QStringLiteral("a folder, not a file");
    case LogDamage::Kind::Empty: return QStringLiteral("empty file");
    case LogDamage::Kind::NotALog: return QStringLiteral("not a log");
    case LogDamage::Kind::TruncatedLine: return QStringLiteral("truncated last line");
    case LogDamage::Kind::InvalidJson: return QStringLiteral("invalid JSON");
    case LogDamage::Kind::NotAnEnvelope: return QStringLiteral("not a kcat -J record");
    case LogDamage::Kind::InvalidUtf8: return QStringLiteral("non-UTF-8 bytes");
    case LogDamage::Kind::LineTooLong: return QStringLiteral("line too long");
    case LogDamage::Kind::CorruptCompression: return QStringLiteral("corrupt compressed data");
    case LogDamage::Kind::ReadError: return QStringLiteral("read error");
    }
    return {};
}

QString LogDamage::message() const
{
    const QLocale c = QLocale::c();
    QString where;
    if (line > 0)
        where = QStringLiteral("line %1 (byte %2): ").arg(c.toString(line), c.toString(byteOffset));
    else if (byteOffset > 0)
        where = QStringLiteral("byte %1: ").arg(c.toString(byteOffset));
    return where + damageKindName(kind) + (detail.isEmpty() ? QString() : QStringLiteral(": ") + detail);
}

LogFileReader::LogFileReader() = default;
LogFileReader::~LogFileReader() = default;

bool LogFileReader::fail(LogDamage::Kind kind, const QString &detail)
{
    LogDamage d;
    d.kind = kind;
    d.detail = detail;
    d.fatal = true;
    m_fatal = d;
    m_atEnd = true;
    ++m_damageCount;
    if (m_damages.size() < kMaxKeptDamages)
        m_damages.push_back(d);
    return false;
}

qint64 LogFileReader::fileBytesRead() const
{
    return m_fileSource ? m_fileSource->fileBytesConsumed() : 0;
}

bool LogFileReader::open(const QString &path)
{
    m_path = path;
    const QFileInfo info(path);
    if (!info.exists())
        return fail(LogDamage::Kind::Missing, QStringLiteral("%1 does not exist").arg(path));
    if (info.isDir())
        return fail(LogDamage::Kind::Directory, QStringLiteral("%1 is a folder; open a .jsonl, .jsonl.zst or .ndh file").arg(path));
    m_file = std::make_unique<QFile>(path);
    if (!m_file->open(QIODevice::ReadOnly))
        return fail(LogDamage::Kind::Missing, m_file->errorString());
    m_fileSize = m_file->size();
    if (m_fileSize == 0 && m_file->peek(1).isEmpty())
        return fail(LogDamage::Kind::Empty, QStringLiteral("%1 is empty (0 bytes)").arg(path));
    m_fileSource = std::make_unique<PlainSource>(m_file.get());
    const QByteArray magic = m_file->peek(4);
    // A plain log needs one byte more than the file (a full read means it grew).
    const qint64 firstBlock = hasZstdMagic(magic) ? std::clamp<qint64>(m_fileSize, kMinReadBlock, kReadBlock)
                                                  : std::clamp<qint64>(m_fileSize + 1, 4096, kReadBlock);
    m_buffer.resize(size_t(firstBlock + simdjson::SIMDJSON_PADDING));
    if (hasZstdMagic(magic)) {
        m_zstdSource = std::make_unique<ZstdSource>(m_fileSource.get());
        m_source = m_zstdSource.get();
        // A bundle is a tar inside the zstd stream: "ustar" at byte 257 of the first block.
        QByteArray block(512, '\0');
        const qint64 n = readFully(*m_source, block.data(), 512);
        if (n < 0)
            return fail(LogDamage::Kind::CorruptCompression, m_source->error());
        block.truncate(n);
        if (n == 512 && block.mid(257, 5) == "ustar") {
            m_format = Format::Bundle;
            m_pushback = block;
            return openBundle();
        }
        m_format = Format::JsonlZstd;
        m_pushback = block;
        if (n == 0)
            return fail(LogDamage::Kind::Empty, QStringLiteral("%1 decompresses to nothing").arg(path));
    } else {
        m_format = Format::Jsonl;
        m_source = m_fileSource.get();
    }
    // Binary data (an image, an archive, an executable) is not a log at all; say so
    // at once instead of reporting thousands of bad lines.
    const QByteArray head = m_format == Format::Jsonl ? m_file->peek(4096) : m_pushback;
    if (const qsizetype nul = head.indexOf('\0'); nul >= 0)
        return fail(LogDamage::Kind::NotALog,
                    QStringLiteral("%1 holds binary data (a NUL byte at byte %2), not kcat -J lines").arg(path).arg(nul));
    return true;
}

bool LogFileReader::openBundle()
{
    // Members before the log are small and read whole; the log is streamed.
    QByteArray header;
    for (;;) {
        if (!m_pushback.isEmpty()) {
            header = m_pushback;
            m_pushback.clear();
        } else {
            header = QByteArray(512, '\0');
            if (readFully(*m_source, header.data(), 512) != 512)
                return fail(LogDamage::Kind::CorruptCompression,
                            m_source->error().isEmpty() ? QStringLiteral("the bundle ends before its log")
                                                        : m_source->error());
        }
        if (header.count('\0') == 512)
            return fail(LogDamage::Kind::NotALog, QStringLiteral("the bundle holds no log.jsonl"));
        if (header.mid(257, 5) != "ustar")
            return fail(LogDamage::Kind::NotALog, QStringLiteral("the bundle's archive is damaged (no tar header)"));
        const QByteArray name = header.left(100).left(qsizetype(qstrnlen(header.constData(), 100)));
        bool ok = false;
        const qint64 size = header.mid(124, 12).trimmed().replace('\0', "").toLongLong(&ok, 8);
        if (!ok || size < 0)
            return fail(LogDamage::Kind::NotALog, QStringLiteral("the bundle's archive is damaged (bad size of %1)")
                                                      .arg(QString::fromUtf8(name)));
        if (name == "log.jsonl") {
            m_memberSource = std::make_unique<LimitedSource>(m_source, size);
            m_source = m_memberSource.get();
            return true; // padding and the end blocks after the log are not read
        }
        if (size > kMaxBundleMemberBytes)
            return fail(LogDamage::Kind::NotALog, QStringLiteral("bundle member %1 is too large (%2 bytes)")
                                                      .arg(QString::fromUtf8(name))
                                                      .arg(size));
        // Grown as the bytes arrive: the header's size is a claim, not a fact.
        const qint64 padded = (size + 511) / 512 * 512;
        QByteArray content;
        while (content.size() < padded) {
            const qsizetype at = content.size();
            const qsizetype piece = qsizetype(std::min(padded - at, kMemberPiece));
            if (content.capacity() < at + piece)
                content.reserve(std::max(at + piece, std::min<qsizetype>(2 * content.capacity(), padded)));
            content.resize(at + piece);
            if (readFully(*m_source, content.data() + at, piece) != piece)
                return fail(LogDamage::Kind::CorruptCompression,
                            m_source->error().isEmpty()
                                ? QStringLiteral("the bundle ends inside %1").arg(QString::fromUtf8(name))
                                : m_source->error());
        }
        content.truncate(qsizetype(size));
        if (name == "manifest.json")
            m_bundle.manifest = content;
        else if (name == "layout.json")
            m_bundle.layout = content;
        else if (name == "alarms.jsonl")
            m_bundle.alarms = content;
        else if (name == "audit.jsonl")
            m_bundle.audit = content;
    }
}

bool LogFileReader::refill()
{
    // Keep the unread tail, then fill the rest of the buffer.
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, size_t(m_end - m_begin));
        m_end -= m_begin;
        m_begin = 0;
    }
    const qsizetype capacity = qsizetype(m_buffer.size()) - simdjson::SIMDJSON_PADDING;
    // Grow when less than half a block is free (a line longer than the buffer, up
    // to the line bound) or, below kReadBlock, when the last read filled the room.
    if (capacity - m_end < std::min(capacity, kReadBlock) / 2 || (m_lastReadFilled && capacity < kReadBlock)) {
        const qsizetype grown = capacity < kReadBlock ? std::min(2 * capacity, kReadBlock) : capacity + kReadBlock;
        m_buffer.resize(size_t(grown + simdjson::SIMDJSON_PADDING));
    }
    const qsizetype room = qsizetype(m_buffer.size()) - simdjson::SIMDJSON_PADDING - m_end;
    if (!m_pushback.isEmpty()) {
        const qsizetype n = std::min(room, m_pushback.size());
        std::memcpy(m_buffer.data() + m_end, m_pushback.constData(), size_t(n));
        m_pushback.remove(0, n);
        m_end += n;
        return true;
    }
    const qint64 n = m_source->read(m_buffer.data() + m_end, room);
    m_lastReadFilled = n == room;
    if (n < 0) {
        m_sourceDone = true;
        LogDamage d;
        d.kind = m_zstdSource ? LogDamage::Kind::CorruptCompression : LogDamage::Kind::ReadError;
        d.line = m_line + 1;
        d.byteOffset = m_logBytes + (m_end - m_begin);
        d.detail = m_source->error() + QStringLiteral("; everything before was loaded");
        d.fatal = true;
        m_fatal = d;
        return false;
    }
    if (n == 0) {
        m_sourceDone = true;
        return false;
    }
    m_end += n;
    return true;
}

void LogFileReader::addDamage(LogDamage damage, LogChunk &chunk)
{
    ++m_damageCount;
    if (m_records == 0)
        ++m_badLinesBeforeFirstRecord;
    if (m_damages.size() < kMaxKeptDamages)
        m_damages.push_back(damage);
    chunk.damages.push_back(std::move(damage));
}

// A line with bytes that are not UTF-8, read as kcat writes them (see liftInvalidUtf8);
// nullopt when they are anywhere but in a key, payload or header string.
std::optional<LogRecord> LogFileReader::parseRawBytesLine(QByteArrayView line)
{
    if (holdsLiftedCodePoints(line) || line.contains(QByteArrayView("\\uDBFF")) || line.contains(QByteArrayView("\\udbff")))
        return std::nullopt;
    const QByteArray lifted = liftInvalidUtf8(line);
    LogDamage ignored;
    std::optional<LogRecord> r = parseLine(lifted, &ignored);
    if (!r || holdsLiftedCodePoints(r->topic.toUtf8()))
        return std::nullopt; // outside the strings, or in the topic name: damage
    lowerLifted(r->key);
    lowerLifted(r->payload);
    for (LogHeader &h : r->headers) {
        lowerLifted(h.name);
        lowerLifted(h.value);
    }
    return r;
}

std::optional<LogRecord> LogFileReader::parseLine(QByteArrayView line, LogDamage *damage, bool paddedBuffer)
{
    auto reject = [damage](LogDamage::Kind kind, const QString &detail) -> std::optional<LogRecord> {
        damage->kind = kind;
        damage->detail = detail;
        return std::nullopt;
    };
    if (!simdjson::validate_utf8(line.data(), size_t(line.size()))) {
        if (std::optional<LogRecord> raw = parseRawBytesLine(line))
            return raw; // kcat's raw bytes in a key, payload or header
        const qsizetype bad = std::max<qsizetype>(0, firstInvalidUtf8(line.data(), line.size()));
        return reject(LogDamage::Kind::InvalidUtf8, QStringLiteral("a byte 0x%1 that is not UTF-8 at column %2")
                                                        .arg(quint8(line[bad]), 2, 16, QChar(u'0'))
                                                        .arg(bad + 1));
    }
    // The caller guarantees SIMDJSON_PADDING readable bytes after the line (the read
    // buffer has them); a copy is made otherwise.
    if (paddedBuffer) {
        LogRecord fast;
        if (parseKcatLine(line.data(), size_t(line.size()), fast))
            return fast;
    } else {
        const simdjson::padded_string copy(line.data(), size_t(line.size()));
        LogRecord fast;
        if (parseKcatLine(copy.data(), copy.size(), fast))
            return fast;
    }
    simdjson::dom::element doc;
    const simdjson::error_code err = threadParser().parse(line.data(), size_t(line.size()), !paddedBuffer).get(doc);
    if (err)
        return reject(LogDamage::Kind::InvalidJson, jsonErrorText(err));
    simdjson::dom::object obj;
    if (doc.get_object().get(obj))
        return reject(LogDamage::Kind::NotAnEnvelope, QStringLiteral("the line is JSON but not an object"));
    LogRecord r;
    std::string_view topic;
    if (obj["topic"].get_string().get(topic))
        return reject(LogDamage::Kind::NotAnEnvelope, QStringLiteral("\"topic\" is missing or not a string"));
    r.topic = topicName(topic);
    int64_t i = 0;
    if (obj["partition"].get_int64().get(i) || i < -1 || i > INT32_MAX)
        return reject(LogDamage::Kind::NotAnEnvelope, QStringLiteral("\"partition\" is missing or not a whole number"));
    r.partition = qint32(i);
    if (obj["offset"].get_int64().get(i))
        return reject(LogDamage::Kind::NotAnEnvelope, QStringLiteral("\"offset\" is missing or not a whole number"));
    r.offset = i;
    simdjson::dom::element payload;
    if (obj["payload"].get(payload) || !(payload.is_string() || payload.is_null()))
        return reject(LogDamage::Kind::NotAnEnvelope, QStringLiteral("\"payload\" is missing or not a string"));
    r.payload = optionalString(payload);
    simdjson::dom::element e;
    if (!obj["key"].get(e)) {
        if (!(e.is_string() || e.is_null()))
            return reject(LogDamage::Kind::NotAnEnvelope, QStringLiteral("\"key\" is not a string"));
        r.key = optionalString(e);
    }
    std::string_view tstype;
    if (!obj["tstype"].get_string().get(tstype)) {
        r.tstype = timestampType(tstype);
    }
    if (!obj["ts"].get_int64().get(i))
        r.timestampMs = i;
    if (!obj["broker"].get_int64().get(i))
        r.broker = qint32(i);
    simdjson::dom::array headers;
    if (!obj["headers"].get_array().get(headers)) {
        std::optional<QByteArray> name;
        bool haveName = false;
        for (simdjson::dom::element h : headers) {
            if (!(h.is_string() || h.is_null()))
                return reject(LogDamage::Kind::NotAnEnvelope, QStringLiteral("\"headers\" holds something other than strings"));
            if (!haveName) {
                name = optionalString(h);
                haveName = true;
            } else {
                r.headers.push_back({name.value_or(QByteArray()), optionalString(h)});
                haveName = false;
            }
        }
        if (haveName)
            return reject(LogDamage::Kind::NotAnEnvelope, QStringLiteral("\"headers\" has a name without a value"));
    }
    return r;
}

void LogFileReader::handleLine(const char *begin, qsizetype size, bool hasNewline, LogChunk &chunk)
{
    ++m_line;
    const qint64 lineStart = m_logBytes;
    m_logBytes += size + (hasNewline ? 1 : 0);
    qsizetype n = size;
    if (n > 0 && begin[n - 1] == '\r')
        --n;
    qsizetype first = 0;
    while (first < n && (begin[first] == ' ' || begin[first] == '\t'))
        ++first;
    if (first == n)
        return; // blank lines carry nothing
    LogDamage damage;
    if (std::optional<LogRecord> record = parseLine(QByteArrayView(begin, n), &damage, true)) {
        chunk.records.push_back(std::move(*record));
        chunk.lines.push_back(m_line);
        ++m_records;
        return;
    }
    if (!hasNewline && (damage.kind == LogDamage::Kind::InvalidJson || damage.kind == LogDamage::Kind::InvalidUtf8)) {
        damage.kind = LogDamage::Kind::TruncatedLine;
        damage.detail = QStringLiteral("the file ends in the middle of a record (%1 bytes of it are there)").arg(n);
    }
    damage.line = m_line;
    damage.byteOffset = lineStart;
    damage.raw = boundedRaw(begin, size);
    addDamage(std::move(damage), chunk);
}

bool LogFileReader::readChunk(LogChunk &chunk, size_t maxRecords)
{
    if (m_atEnd)
        return false;
    const size_t target = chunk.records.size() + maxRecords;
    while (chunk.records.size() < target) {
        const char *base = m_buffer.data();
        const void *nl = std::memchr(base + m_begin, '\n', size_t(m_end - m_begin));
        if (nl) {
            const qsizetype len = static_cast<const char *>(nl) - (base + m_begin);
            if (m_skippingLongLine) {
                m_skippingLongLine = false;
                m_logBytes += len + 1;
            } else {
                handleLine(base + m_begin, len, true, chunk);
            }
            m_begin += len + 1;
        } else if (m_end - m_begin > kMaxLineBytes) {
            if (!m_skippingLongLine) {
                ++m_line;
                LogDamage d;
                d.kind = LogDamage::Kind::LineTooLong;
                d.line = m_line;
                d.byteOffset = m_logBytes;
                d.detail = QStringLiteral("more than %1 bytes without a line break; skipped").arg(kMaxLineBytes);
                d.raw = boundedRaw(base + m_begin, m_end - m_begin);
                addDamage(std::move(d), chunk);
                m_skippingLongLine = true;
            }
            m_logBytes += m_end - m_begin;
            m_begin = m_end;
        } else if (m_sourceDone || !refill()) {
            // The end (or damage in the stream): a last line without a newline.
            if (m_end > m_begin && !m_skippingLongLine)
                handleLine(m_buffer.data() + m_begin, m_end - m_begin, false, chunk);
            m_begin = m_end;
            m_atEnd = true;
            if (m_fatal) {
                ++m_damageCount;
                if (m_damages.size() < kMaxKeptDamages)
                    m_damages.push_back(*m_fatal);
                chunk.damages.push_back(*m_fatal);
            }
            break;
        }
        if (m_records == 0 && m_badLinesBeforeFirstRecord >= kNotALogAfterLines)
            break;
    }
    // Lines of text that are not records, and not one record: this is no log.
    if (m_records == 0 && m_badLinesBeforeFirstRecord > 0
        && (m_atEnd || m_badLinesBeforeFirstRecord >= kNotALogAfterLines) && !m_fatal) {
        const QString first = m_damages.empty() ? QString() : m_damages.front().message();
        chunk.damages.clear();
        fail(LogDamage::Kind::NotALog,
             QStringLiteral("none of the first %1 line(s) of %2 is a kcat -J record (%3)")
                 .arg(m_badLinesBeforeFirstRecord)
                 .arg(QFileInfo(m_path).fileName(), first));
        chunk.damages.push_back(*m_fatal);
        return false;
    }
    return !m_atEnd || !chunk.records.empty();
}

RecordIndex recordIndexFor(const std::vector<PlantEvent> &events, size_t firstNew, const LogRecord &record)
{
    RecordIndex entry;
    if (events.size() > firstNew) {
        entry.eventTimeMs = events[firstNew].eventTimeMs;
        entry.assetKey = events[firstNew].asset.key();
    } else {
        entry.eventTimeMs = recordTimeMs(record);
    }
    return entry;
}

void appendLogChunk(const EnvelopeDecoder &decoder, const LogChunk &chunk, const QString &fileName,
                    EventBatch &batch, qint64 nowMs, std::vector<RecordIndex> *index)
{
    for (size_t i = 0; i < chunk.records.size(); ++i) {
        const LogRecord &r = chunk.records[i];
        EventSource source;
        source.channel = EventSource::Channel::File;
        source.topic = r.topic;
        source.partition = r.partition;
        source.offset = r.offset;
        source.brokerTimeMs = recordTimeMs(r);
        const QByteArray &payload = r.payload ? *r.payload : QByteArray();
        const QByteArray &key = r.key ? *r.key : QByteArray();
        const size_t before = batch.events.size();
        decoder.decodeOrDeadLetter(payload, key, source, batch.events, batch.deadLetters, nowMs);
        if (index)
            index->push_back(recordIndexFor(batch.events, before, r));
        ++batch.recordsConsumed;
        batch.bytesConsumed += quint64(payload.size());
    }
    for (const LogDamage &d : chunk.damages) {
        DeadLetter letter;
        letter.payload = d.raw;
        letter.payloadSize = d.raw.size();
        letter.reason = d.message();
        letter.source.channel = EventSource::Channel::File;
        letter.source.topic = fileName;
        letter.source.offset = d.line;
        letter.receivedMs = nowMs;
        batch.deadLetters.push_back(std::move(letter));
    }
}

} // namespace ndh
