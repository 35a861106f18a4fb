#pragma once
// The operator audit trail (DESIGN.md §8, issue 8): an append-only local file, one
// JSON record per line. Every record carries the SHA-256 of its own text and the
// checksum of the record before it ("prev"), so an edited, inserted or deleted
// line breaks the chain and is reported with its line number. A record is written
// and fsync'ed before the action it describes leaves the console; the outcome is
// appended as a record of its own when known. The file is never rewritten: a
// damaged log is reported and new records are appended after the damage.
//
// Line layout (keys sorted, checksum last):
//   {"action":..,"asset":..,"correlation_id":..,"detail":..,"host":..,"kind":..,
//    "outcome":..,"params":{..},"prev":"<hex>","role":..,"seq":N,"time":"ISO",
//    "who":..,"sum":"<sha256 hex of the line without ,"sum":..>"}

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QFile;
class QThread;

namespace ndh {

// What a caller knows about the act; the log adds seq, time, host and checksums.
struct AuditEntry
{
    QString kind = QStringLiteral("action"); // "action" (before it leaves), "outcome", "session"
    QString who;
    QString role;
    QString asset;         // asset key "location/type/id", or empty
    QString action;        // actionName(OperatorAction) or "sign_in"/"sign_out"
    QJsonObject parameters;
    QString correlationId;
    QString outcome;       // "requested", "sent", "completed", "failed", "timed_out", "unknown", "refused", "done"
    QString detail;        // reason in words, when there is one
};

struct AuditRecord
{
    AuditEntry entry;
    qint64 seq = 0;
    qint64 timeMs = 0;
    QString host;
    QString previous; // checksum of the record before
    QString checksum;
    qint64 line = 0;  // 1-based line number in the file
};

// Result of checking a log file end to end.
struct AuditVerification
{
    bool fileExists = false;
    qint64 records = 0;         // lines that are intact records
    qint64 brokenLines = 0;     // lines that fail their own checksum or the chain
    qint64 firstBrokenLine = 0; // 0: none
    QString firstProblem;       // in words: "line 7: checksum does not match its text (edited?)"
    bool truncatedTail = false; // the last line has no newline (write cut short)
    QString lastChecksum;       // chain head to append after
    qint64 lastSeq = 0;
    bool pending = false;       // verifying in the background; the counts are not known yet

    bool ok() const { return brokenLines == 0 && !truncatedTail; }
    // One sentence for the status bar and the audit viewer.
    QString summary() const;
};

class AuditLog : public QObject
{
    Q_OBJECT
public:
    // Bound on one line read back (a record is a few hundred bytes); longer lines are broken.
    static constexpr qint64 kMaxLineBytes = 64 * 1024;
    // Records kept by read() for the viewer (the newest ones).
    static constexpr int kMaxRecordsRead = 200000;

    explicit AuditLog(QObject *parent = nullptr);
    ~AuditLog() override;

    // <AppDataLocation>/audit/audit.jsonl
    static QString defaultPath();

    enum class Verify { Now, InBackground };
    // Opens (creating folders and the file if needed) and verifies the existing
    // records. Returns false when the log cannot be written; then lastError() says
    // why and every append() is refused until a successful open(). A damaged but
    // writable log opens (true) with verification().ok() == false.
    // InBackground (the console's start: ~3.5 s at 40,000 records): the chain is
    // continued from the last lines at once, appends work, verification() is
    // pending until the whole file (as it was at open) is checked on a worker
    // thread; then verified() is emitted.
    bool open(const QString &path, Verify verify = Verify::Now);
    void close();
    bool isVerifying() const { return m_verification.pending; }
    // Blocks until a background verification ended (verified() has been emitted
    // when it returns true); false after timeoutMs (-1: no limit).
    bool waitForVerification(int timeoutMs = -1);

    QString path() const { return m_path; }
    bool isWritable() const { return m_writable; }
    QString lastError() const { return m_lastError; }
    const AuditVerification &verification() const { return m_verification; }

    // Writes one record, flushes and fsyncs it. On failure nothing is half-kept
    // in memory: the log turns unwritable, error says why, writeFailed() is emitted,
    // and the caller must not let the action leave.
    bool append(const AuditEntry &entry, AuditRecord *written = nullptr, QString *error = nullptr);

    // Reading and checking, for the viewer and tests; no open log needed.
    static AuditVerification verifyFile(const QString &path);
    static std::vector<AuditRecord> readFile(const QString &path, AuditVerification *verification = nullptr,
                                             int maxRecords = kMaxRecordsRead);
    // The intact records whose time lies in [fromMs, toMs], as their exact lines
    // (checksums included, each ending in a newline): an excerpt for an incident
    // bundle that verifies on its own with readExcerpt(). count: how many records.
    static QByteArray excerptFile(const QString &path, qint64 fromMs, qint64 toMs, int *count = nullptr);
    // Reads an excerpt (excerptFile's output, a bundle's audit.jsonl): every line's
    // checksum and the chain between the lines are checked; the first record's
    // "prev" is taken as given, its predecessor not being part of the excerpt.
    static std::vector<AuditRecord> readExcerpt(const QByteArray &lines, AuditVerification *verification = nullptr,
                                                int maxRecords = kMaxRecordsRead);
    // The checksum of a line's text without its "sum" member (exposed for tests).
    static QString checksumOf(const QByteArray &lineWithoutSum);

signals:
    // After a record is safely on disk: the exact line (without newline), so it can
    // also go to a Kafka audit topic.
    void appended(const QByteArray &line, const ndh::AuditRecord &record);
    void writeFailed(const QString &error);
    // The background verification ended (also when the log is damaged).
    void verified(const ndh::AuditVerification &verification);

private:
    struct Verifying;
    bool fail(const QString &error, QString *out);
    void verifyInBackground(qint64 endPos);
    void finishVerification();

    QString m_path;
    QFile *m_file = nullptr;
    bool m_writable = false;
    QString m_lastError;
    AuditVerification m_verification;
    QString m_head; // checksum of the last intact record
    qint64 m_seq = 0;
    bool m_needsNewline = false; // the file ends in a cut line: start ours on a fresh one
    std::shared_ptr<Verifying> m_verifying;
    QThread *m_verifyThread = nullptr;
};

} // namespace ndh
