#include "audit_log.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QSysInfo>
#include <QThread>

#include <atomic>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace ndh {

namespace {

constexpr char kSumMember[] = ",\"sum\":\"";
constexpr int kSumHexLength = 64;
// ,"sum":"<64 hex>"}
constexpr int kSumSuffixLength = int(sizeof(kSumMember) - 1) + kSumHexLength + 2;

QString trAudit(const char *text)
{
    return QCoreApplication::translate("ndh::AuditLog", text);
}

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject toJson(const AuditRecord &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"), r.entry.kind);
    o.insert(QStringLiteral("seq"), r.seq);
    o.insert(QStringLiteral("time"), isoUtc(r.timeMs));
    o.insert(QStringLiteral("who"), r.entry.who);
    o.insert(QStringLiteral("host"), r.host);
    o.insert(QStringLiteral("role"), r.entry.role);
    o.insert(QStringLiteral("asset"), r.entry.asset);
    o.insert(QStringLiteral("action"), r.entry.action);
    o.insert(QStringLiteral("params"), r.entry.parameters);
    o.insert(QStringLiteral("correlation_id"), r.entry.correlationId);
    o.insert(QStringLiteral("outcome"), r.entry.outcome);
    o.insert(QStringLiteral("detail"), r.entry.detail);
    o.insert(QStringLiteral("prev"), r.previous);
    return o;
}

AuditRecord fromJson(const QJsonObject &o)
{
    AuditRecord r;
    r.entry.kind = o.value(QStringLiteral("kind")).toString();
    r.entry.who = o.value(QStringLiteral("who")).toString();
    r.entry.role = o.value(QStringLiteral("role")).toString();
    r.entry.asset = o.value(QStringLiteral("asset")).toString();
    r.entry.action = o.value(QStringLiteral("action")).toString();
    r.entry.parameters = o.value(QStringLiteral("params")).toObject();
    r.entry.correlationId = o.value(QStringLiteral("correlation_id")).toString();
    r.entry.outcome = o.value(QStringLiteral("outcome")).toString();
    r.entry.detail = o.value(QStringLiteral("detail")).toString();
    r.seq = o.value(QStringLiteral("seq")).toInteger();
    r.timeMs = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
                   .toMSecsSinceEpoch();
    r.host = o.value(QStringLiteral("host")).toString();
    r.previous = o.value(QStringLiteral("prev")).toString();
    return r;
}

bool isHex(QByteArrayView v)
{
    for (char c : v) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

// What one line of a log (without its newline and '\r') is to the chain.
struct AuditLine
{
    enum Kind { NoChecksum, Edited, NotJson, Intact };
    Kind kind = NoChecksum;
    QByteArray sum;     // the checksum it carries (all but NoChecksum)
    QJsonObject object; // Intact
    QString why;        // what is wrong, in words (all but Intact)
};

AuditLine classify(const QByteArray &line)
{
    AuditLine l;
    if (line.isEmpty()) {
        l.why = trAudit("empty line");
        return l;
    }
    const qsizetype sumAt = line.size() - kSumSuffixLength;
    if (sumAt <= 0 || QByteArrayView(line).sliced(sumAt, int(sizeof(kSumMember) - 1)) != kSumMember
        || !line.endsWith("\"}")) {
        l.why = trAudit("no checksum");
        return l;
    }
    l.sum = line.mid(sumAt + int(sizeof(kSumMember) - 1), kSumHexLength);
    QByteArray body = line.left(sumAt);
    body.append('}');
    if (!isHex(l.sum) || AuditLog::checksumOf(body).toLatin1() != l.sum) {
        l.kind = AuditLine::Edited;
        l.why = trAudit("checksum does not match the text (the record was edited)");
        return l;
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (!doc.isObject()) {
        l.kind = AuditLine::NotJson;
        l.why = trAudit("not a JSON object: %1").arg(err.errorString());
        return l;
    }
    l.kind = AuditLine::Intact;
    l.object = doc.object();
    return l;
}

// How far a walk goes: to endPos (-1: the end) unless *stop turns true.
struct WalkLimits
{
    qint64 endPos = -1;
    const std::atomic<bool> *stop = nullptr;
};

// Walks a log line by line; calls onRecord(record, line) for every intact record
// (line: its exact text without the newline). An excerpt (lines cut out of a log,
// e.g. an incident bundle's audit.jsonl) starts its chain at its first record's
// "prev": that record's predecessor is not part of it.
template<typename OnRecord>
AuditVerification walk(QIODevice &f, bool excerpt, OnRecord onRecord, WalkLimits limits = {})
{
    AuditVerification v;
    v.fileExists = true;
    auto broken = [&v](qint64 line, const QString &why) {
        ++v.brokenLines;
        if (v.firstBrokenLine == 0) {
            v.firstBrokenLine = line;
            v.firstProblem = trAudit("line %1: %2").arg(line).arg(why);
        }
    };
    const auto atEnd = [&] { return f.atEnd() || (limits.endPos >= 0 && f.pos() >= limits.endPos); };
    // readLine(n) reads at most n - 1 bytes.
    const auto readLine = [&] {
        const qint64 max = AuditLog::kMaxLineBytes + 1;
        return f.readLine(limits.endPos >= 0 ? std::min(max, limits.endPos - f.pos() + 1) : max);
    };
    QString head; // checksum the next record must name as "prev"
    qint64 lineNo = 0;
    while (!atEnd() && !(limits.stop && limits.stop->load())) {
        ++lineNo;
        QByteArray line = readLine();
        const bool complete = line.endsWith('\n');
        if (!complete && !atEnd()) {
            // Over-long line: skip the rest of it.
            while (!atEnd() && !line.endsWith('\n'))
                line = readLine();
            broken(lineNo, trAudit("longer than %1 bytes").arg(AuditLog::kMaxLineBytes));
            continue;
        }
        if (complete)
            line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (!complete) {
            v.truncatedTail = true;
            broken(lineNo, trAudit("the last record is cut short (the write did not finish)"));
            break;
        }
        const AuditLine l = classify(line);
        if (l.kind != AuditLine::Intact) {
            broken(lineNo, l.why);
            // An edited line's successor still names its recorded sum; keep the chain
            // going from it so one edit is one broken line.
            if (l.kind != AuditLine::NoChecksum)
                head = QString::fromLatin1(l.sum);
            continue;
        }
        AuditRecord r = fromJson(l.object);
        r.checksum = QString::fromLatin1(l.sum);
        r.line = lineNo;
        if (excerpt && v.records == 0 && v.brokenLines == 0)
            head = r.previous;
        if (r.previous != head) {
            broken(lineNo, trAudit("does not follow the record before it (a record was removed or inserted)"));
        }
        head = r.checksum;
        ++v.records;
        v.lastSeq = r.seq;
        onRecord(std::move(r), line);
    }
    v.lastChecksum = head;
    return v;
}

template<typename OnRecord>
AuditVerification walkFile(const QString &path, OnRecord onRecord, WalkLimits limits = {})
{
    QFile f(path);
    if (!f.exists())
        return {};
    if (!f.open(QIODevice::ReadOnly)) {
        AuditVerification v;
        v.fileExists = true;
        v.brokenLines = 1;
        v.firstBrokenLine = 1;
        v.firstProblem = trAudit("cannot read the audit log: %1").arg(f.errorString());
        return v;
    }
    return walk(f, false, std::move(onRecord), limits);
}

// The start of the line whose text ends at `end` (its newline, if any, at `end`),
// read backwards; *line gets its text, or stays empty with *overlong set when it is
// longer than AuditLog::kMaxLineBytes (walk() skips such a line).
qint64 lineStart(QFile &f, qint64 end, QByteArray *line, bool *overlong)
{
    constexpr qint64 kBlock = 8192;
    line->clear();
    *overlong = false;
    qint64 pos = end;
    while (pos > 0) {
        const qint64 from = std::max<qint64>(0, pos - kBlock);
        if (!f.seek(from))
            return 0;
        const QByteArray block = f.read(pos - from);
        if (block.size() != pos - from)
            return 0;
        const qsizetype nl = block.lastIndexOf('\n');
        const qint64 start = nl >= 0 ? from + nl + 1 : from;
        *overlong = end - start >= AuditLog::kMaxLineBytes; // as walk()'s readLine sees it
        if (*overlong)
            line->clear();
        else
            line->prepend(block.mid(nl + 1));
        if (nl >= 0)
            return start;
        pos = from;
    }
    return 0;
}

// What walk() would leave as the chain head, last sequence number and cut tail,
// read from the last lines only: enough to append at once while the whole file is
// verified in the background.
struct ChainTail
{
    QString head;
    qint64 lastSeq = 0;
    bool truncatedTail = false;
    qint64 size = 0;
};

ChainTail chainTail(const QString &path)
{
    ChainTail t;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || (t.size = f.size()) == 0)
        return t;
    char last = 0;
    if (!f.seek(t.size - 1) || !f.getChar(&last))
        return t;
    QByteArray line;
    bool overlong = false;
    qint64 end = t.size; // just past the newline of the next line to look at
    if (last != '\n') {
        t.truncatedTail = true; // the cut line is not part of the chain
        end = lineStart(f, t.size, &line, &overlong);
    }
    bool haveHead = false;
    while (end > 0) {
        end = lineStart(f, end - 1, &line, &overlong);
        if (overlong)
            continue;
        if (line.endsWith('\r'))
            line.chop(1);
        const AuditLine l = classify(line);
        if (l.kind == AuditLine::NoChecksum)
            continue;
        if (!haveHead) {
            t.head = QString::fromLatin1(l.sum);
            haveHead = true;
        }
        if (l.kind == AuditLine::Intact) {
            t.lastSeq = l.object.value(QStringLiteral("seq")).toInteger();
            break;
        }
    }
    return t;
}

// Keeps the newest `bound` of the records handed to add().
struct NewestRecords
{
    std::vector<AuditRecord> records;
    size_t bound;
    void trim(size_t n)
    {
        if (records.size() > n)
            records.erase(records.begin(), records.begin() + std::ptrdiff_t(records.size() - n));
    }
    void add(AuditRecord &&r)
    {
        records.push_back(std::move(r));
        // Trim in bulk so a long log stays linear to read.
        if (records.size() > 2 * bound)
            trim(bound);
    }
};

} // namespace

QString AuditVerification::summary() const
{
    if (!fileExists)
        return trAudit("No audit log yet.");
    if (pending)
        return QCoreApplication::translate("ndh::AuditLog", "Verifying the audit log\u2026");
    if (ok())
        return QCoreApplication::translate("ndh::AuditLog", "Audit log intact: %n record(s), every checksum verified.",
                                           nullptr, int(records));
    return trAudit("Audit log DAMAGED: %1 (%2 bad line(s), %3 intact record(s)). The file was not changed.")
        .arg(firstProblem)
        .arg(brokenLines)
        .arg(records);
}

AuditLog::AuditLog(QObject *parent)
    : QObject(parent)
{
}

AuditLog::~AuditLog()
{
    close();
}

QString AuditLog::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/audit/audit.jsonl");
}

QString AuditLog::checksumOf(const QByteArray &lineWithoutSum)
{
    return QString::fromLatin1(QCryptographicHash::hash(lineWithoutSum, QCryptographicHash::Sha256).toHex());
}

bool AuditLog::fail(const QString &error, QString *out)
{
    const bool wasWritable = m_writable;
    m_writable = false;
    m_lastError = error;
    if (out)
        *out = error;
    if (wasWritable)
        emit writeFailed(error);
    return false;
}

struct AuditLog::Verifying
{
    QString path;
    qint64 endPos = 0;  // the file's size at open: what is verified
    QString headAtOpen; // what the chain was continued from
    qint64 appended = 0; // records appended meanwhile (intact: ours)
    std::atomic<bool> stop{false};
    AuditVerification result; // written by the worker, read after it ended
};

bool AuditLog::open(const QString &path, Verify verify)
{
    close();
    m_path = path;
    m_lastError.clear();
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(trAudit("cannot create the folder %1 for the audit log").arg(info.absolutePath()), nullptr);
    if (info.exists() && !info.isFile())
        return fail(trAudit("%1 is not a regular file").arg(path), nullptr);

    qint64 verifyUpTo = 0;
    if (verify == Verify::Now) {
        m_verification = verifyFile(path);
        m_head = m_verification.lastChecksum;
        m_seq = m_verification.lastSeq;
        m_needsNewline = m_verification.truncatedTail;
    } else {
        const ChainTail tail = chainTail(path);
        m_verification = {};
        m_verification.fileExists = info.exists();
        m_verification.pending = tail.size > 0;
        m_head = tail.head;
        m_seq = tail.lastSeq;
        m_needsNewline = tail.truncatedTail;
        verifyUpTo = tail.size;
    }

    m_file = new QFile(path);
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::Append)) {
        const QString why = m_file->errorString();
        delete m_file;
        m_file = nullptr;
        return fail(trAudit("cannot write the audit log %1: %2").arg(path, why), nullptr);
    }
    m_writable = true;
    if (m_verification.pending)
        verifyInBackground(verifyUpTo);
    return true;
}

void AuditLog::verifyInBackground(qint64 endPos)
{
    auto job = std::make_shared<Verifying>();
    job->path = m_path;
    job->endPos = endPos;
    job->headAtOpen = m_head;
    m_verifying = job;
    m_verifyThread = QThread::create([job] {
        job->result = walkFile(job->path, [](AuditRecord &&, const QByteArray &) {}, {job->endPos, &job->stop});
    });
    m_verifyThread->setObjectName(QStringLiteral("ndh-audit-verify"));
    // Queued (from the worker); one that arrives after waitForVerification() or a
    // re-open finds another job, or none, and does nothing.
    connect(m_verifyThread, &QThread::finished, this, [this, job] {
        if (m_verifying == job)
            finishVerification();
    });
    m_verifyThread->start(QThread::LowPriority);
}

bool AuditLog::waitForVerification(int timeoutMs)
{
    if (!m_verifyThread)
        return true;
    if (!m_verifyThread->wait(timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeoutMs)))
        return false;
    finishVerification();
    return true;
}

void AuditLog::finishVerification()
{
    const std::shared_ptr<Verifying> job = std::move(m_verifying);
    m_verifying.reset();
    m_verifyThread->wait();
    m_verifyThread->deleteLater();
    m_verifyThread = nullptr;
    AuditVerification v = job->result;
    if (v.lastChecksum != job->headAtOpen)
        qWarning("audit log: the chain head read from the end of %s differs from the verified one",
                 qPrintable(job->path));
    // What was appended since open continued the chain and is intact.
    v.records += job->appended;
    if (job->appended > 0) {
        v.lastChecksum = m_head;
        v.lastSeq = m_seq;
    }
    m_verification = v;
    emit verified(m_verification);
}

void AuditLog::close()
{
    if (m_verifyThread) {
        m_verifying->stop = true;
        m_verifyThread->wait();
        delete m_verifyThread;
        m_verifyThread = nullptr;
        m_verifying.reset();
        m_verification.pending = false;
    }
    if (m_file) {
        m_file->close();
        delete m_file;
        m_file = nullptr;
    }
    m_writable = false;
}

bool AuditLog::append(const AuditEntry &entry, AuditRecord *written, QString *error)
{
    if (!m_file || !m_writable) {
        const QString why = m_lastError.isEmpty() ? trAudit("the audit log is not open") : m_lastError;
        if (error)
            *error = why;
        return false;
    }
    AuditRecord r;
    r.entry = entry;
    r.seq = m_seq + 1;
    r.timeMs = QDateTime::currentMSecsSinceEpoch();
    r.host = QSysInfo::machineHostName();
    r.previous = m_head;
    QByteArray body = QJsonDocument(toJson(r)).toJson(QJsonDocument::Compact);
    r.checksum = checksumOf(body);
    QByteArray line = body;
    line.chop(1); // the closing brace
    line += kSumMember;
    line += r.checksum.toLatin1();
    line += "\"}";

    QByteArray out;
    if (m_needsNewline)
        out += '\n';
    out += line;
    out += '\n';
    if (m_file->write(out) != out.size() || !m_file->flush())
        return fail(trAudit("cannot write the audit log %1: %2").arg(m_path, m_file->errorString()), error);
#ifdef Q_OS_WIN
    const bool synced = _commit(m_file->handle()) == 0;
#else
    const bool synced = ::fsync(m_file->handle()) == 0;
#endif
    if (!synced)
        return fail(trAudit("cannot sync the audit log %1 to disk").arg(m_path), error);

    m_needsNewline = false;
    m_head = r.checksum;
    m_seq = r.seq;
    if (m_verifying)
        ++m_verifying->appended;
    r.line = 0;
    if (written)
        *written = r;
    emit appended(line, r);
    return true;
}

AuditVerification AuditLog::verifyFile(const QString &path)
{
    return walkFile(path, [](AuditRecord &&, const QByteArray &) {});
}

std::vector<AuditRecord> AuditLog::readFile(const QString &path, AuditVerification *verification, int maxRecords)
{
    NewestRecords newest{{}, size_t(std::max(1, maxRecords))};
    AuditVerification v = walkFile(path, [&](AuditRecord &&r, const QByteArray &) { newest.add(std::move(r)); });
    newest.trim(newest.bound);
    if (verification)
        *verification = v;
    return std::move(newest.records);
}

QByteArray AuditLog::excerptFile(const QString &path, qint64 fromMs, qint64 toMs, int *count)
{
    QByteArray out;
    int n = 0;
    walkFile(path, [&](AuditRecord &&r, const QByteArray &line) {
        if (r.timeMs < fromMs || r.timeMs > toMs)
            return;
        out += line;
        out += '\n';
        ++n;
    });
    if (count)
        *count = n;
    return out;
}

std::vector<AuditRecord> AuditLog::readExcerpt(const QByteArray &lines, AuditVerification *verification,
                                               int maxRecords)
{
    QByteArray data = lines;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    NewestRecords newest{{}, size_t(std::max(1, maxRecords))};
    AuditVerification v = walk(buffer, true, [&](AuditRecord &&r, const QByteArray &) { newest.add(std::move(r)); });
    newest.trim(newest.bound);
    if (verification)
        *verification = v;
    return std::move(newest.records);
}

} // namespace ndh
