// Exported logs (DESIGN.md §6): what the console writes kcat would have written byte
// for byte, what it reads back is what it wrote, and a damaged log loads up to (and
// past, where it can) the damage with a message naming the line and the byte.

#include "embedded_broker.h"
#include "identity_registry.h"
#include "incident_bundle.h"
#include "kafka_test_support.h"
#include "log_file_loader.h"
#include "log_file_reader.h"
#include "log_file_writer.h"
#include "plant_generator.h"
#include "plant_models.h"
#include "raw_record_journal.h"
#include "zstd_stream.h"

#include <QtTest>

#include <random>

#include <malloc.h>

using namespace ndh;

namespace {

std::vector<LogRecord> plantRecords(int count, quint64 seed = 7)
{
    PlantGenerator generator(seed, 12);
    std::vector<LogRecord> out;
    QHash<QString, qint64> offsets;
    qint64 now = 1754217000000; // 2025-08-03T10:30:00Z
    for (int i = 0; i < count; ++i) {
        const PlantRecord p = generator.next(now += 50);
        LogRecord r;
        r.topic = QString::fromUtf8(p.topic);
        r.partition = int(qHash(p.key) % 4);
        r.offset = offsets[r.topic + QString::number(r.partition)]++;
        r.tstype = LogRecord::TimestampType::Create;
        r.timestampMs = p.timestampMs;
        r.broker = 1;
        if (!p.key.isEmpty())
            r.key = p.key;
        r.payload = p.payload;
        if (i % 5 == 0)
            r.headers = {{"trace", QByteArray("t-") + QByteArray::number(i)}, {"empty", std::nullopt}};
        out.push_back(std::move(r));
    }
    return out;
}

QByteArray toJsonl(const std::vector<LogRecord> &records)
{
    QByteArray out;
    for (const LogRecord &r : records)
        LogFileWriter::appendJson(r, out);
    return out;
}

struct ReadResult
{
    bool opened = false;
    std::vector<LogRecord> records;
    std::vector<qint64> lines;
    std::vector<LogDamage> damages;
    std::optional<LogDamage> fatal;
};

ReadResult readAll(const QString &path, size_t chunkSize = 333)
{
    ReadResult r;
    LogFileReader reader;
    r.opened = reader.open(path);
    LogChunk chunk;
    while (r.opened) {
        chunk.clear();
        const bool more = reader.readChunk(chunk, chunkSize);
        r.records.insert(r.records.end(), chunk.records.begin(), chunk.records.end());
        r.lines.insert(r.lines.end(), chunk.lines.begin(), chunk.lines.end());
        if (!more)
            break;
    }
    r.damages = reader.damages();
    r.fatal = reader.fatalDamage();
    return r;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Peak resident memory since the last resetPeakMemory() (Linux: VmHWM), in bytes;
// -1 where the kernel does not offer it.
qint64 peakMemory()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

// Also hands freed heap memory back first, so what comes next must touch fresh pages.
bool resetPeakMemory()
{
    malloc_trim(0);
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestLogFile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void writerWritesWhatKcatWrites();
    void binaryRecordsAsKcatWritesThem();
    void anyLayoutOfARecordParsesAlike();
    void roundTripPlainAndZstd_data();
    void roundTripPlainAndZstd();
    void cancelledWriteLeavesNoFile();
    void truncationAtEveryByteOfTheLastRecords();
    void truncatedZstdLoadsThePrefix();
    void randomByteFlipsLoseOnlyTheDamagedLines();
    void eachDamageClassNamesLineAndByte_data();
    void eachDamageClassNamesLineAndByte();
    void corruptZstdFrame();
    void hostileLinesAreDamageNotCrashes();
    void unopenableInputs();
    void bundleRoundTrip();
    void readerMemoryFollowsTheData();
    void journalSelectsByTimeTopicAndAsset();
    void journalKeepsRecordsByteExact();
    void loaderFillsThePlantModels();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestLogFile::writerWritesWhatKcatWrites()
{
    // Records with every shape kcat prints: headers (with a null value), no key, a
    // tombstone, control characters, UTF-8 and slashes; kcat -C -J is the reference.
    EmbeddedBroker broker;
    QVERIFY(broker.start(1, 1, {QStringLiteral("log-test")}));
    const QString b = broker.bootstrap();
    auto produce = [&](const QStringList &args, const QByteArray &input) {
        const auto r = ndhtest::run(ndhtest::kcatPath(),
                                    QStringList{QStringLiteral("-P"), QStringLiteral("-b"), b, QStringLiteral("-t"),
                                                QStringLiteral("log-test"), QStringLiteral("-p"), QStringLiteral("0")}
                                        + args,
                                    input);
        QCOMPARE(r.exitCode, 0);
    };
    produce({QStringLiteral("-K"), QStringLiteral("\t"), QStringLiteral("-H"), QStringLiteral("h1=v1"),
             QStringLiteral("-H"), QStringLiteral("h2="), QStringLiteral("-H"), QStringLiteral("h3")},
            "PUMP_1\t{\"a\":\"x/y\\u00e9 \xc3\xa9 \xe6\xb3\xb5\"}\n");
    produce({}, "no key \x01\x02\x1f\x7f end\n");
    produce({}, "tab\tquote\"back\\slash\bform\fcr\r\n");
    produce({QStringLiteral("-K"), QStringLiteral("\t"), QStringLiteral("-Z")}, "tombstone\t\n");
    const auto consumed = ndhtest::run(ndhtest::kcatPath(), {QStringLiteral("-C"), QStringLiteral("-J"), QStringLiteral("-e"),
                                                             QStringLiteral("-q"), QStringLiteral("-b"), b, QStringLiteral("-t"),
                                                             QStringLiteral("log-test"), QStringLiteral("-X"),
                                                             QStringLiteral("fetch.wait.max.ms=10")});
    QCOMPARE(consumed.exitCode, 0);
    QCOMPARE(consumed.out.count('\n'), 4);
    writeFile(path(QStringLiteral("kcat.jsonl")), consumed.out);

    const ReadResult read = readAll(path(QStringLiteral("kcat.jsonl")));
    QVERIFY(read.damages.empty());
    QCOMPARE(read.records.size(), size_t(4));
    QCOMPARE(read.records[0].key, std::optional<QByteArray>("PUMP_1"));
    QCOMPARE(read.records[0].headers.size(), size_t(3));
    QCOMPARE(read.records[0].headers[2].value, std::nullopt);
    QCOMPARE(read.records[0].payload, std::optional<QByteArray>("{\"a\":\"x/y\\u00e9 \xc3\xa9 \xe6\xb3\xb5\"}"));
    QCOMPARE(read.records[1].key, std::nullopt);
    QCOMPARE(read.records[3].payload, std::nullopt);
    QCOMPARE(read.records[0].tstype, LogRecord::TimestampType::Create);

    // The writer's bytes are kcat's bytes.
    QCOMPARE(toJsonl(read.records), consumed.out);
}

void TestLogFile::binaryRecordsAsKcatWritesThem()
{
    // kcat -C -J writes a key, payload or header value that is not UTF-8 as its raw bytes
    // inside the JSON string: such a line is a record, byte-exact, not damage.
    EmbeddedBroker broker;
    QVERIFY(broker.start(1, 1, {QStringLiteral("log-bin")}));
    const QString b = broker.bootstrap();
    QByteArray everyByte;
    for (int c = 0; c < 256; ++c)
        everyByte.append(char(c));
    const QString payloadFile = path(QStringLiteral("every-byte.bin"));
    writeFile(payloadFile, everyByte);
    const QByteArray binaryHeader("a\xfe\x80" "b\xc3");
    // Through the shell: raw bytes in arguments (key, header) do not survive a QString.
    const auto produced = ndhtest::run(
        QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"),
         QStringLiteral("\"$0\" -P -b \"$1\" -t log-bin -p 0 -k \"$(printf 'K\\377\\001')\" -H text=v1 "
                        "-H \"bin=$(printf 'a\\376\\200b\\303')\" \"$2\""),
         ndhtest::kcatPath(), b, payloadFile});
    QCOMPARE(produced.exitCode, 0);
    const auto consumed = ndhtest::run(ndhtest::kcatPath(), {QStringLiteral("-C"), QStringLiteral("-J"), QStringLiteral("-e"),
                                                             QStringLiteral("-q"), QStringLiteral("-b"), b, QStringLiteral("-t"),
                                                             QStringLiteral("log-bin")});
    QCOMPARE(consumed.exitCode, 0);
    QVERIFY(consumed.out.contains("\xfe\xff\"}")); // kcat's convention: the raw bytes
    writeFile(path(QStringLiteral("kcat-bin.jsonl")), consumed.out);
    const ReadResult read = readAll(path(QStringLiteral("kcat-bin.jsonl")));
    QVERIFY(read.damages.empty());
    QCOMPARE(read.records.size(), size_t(1));
    QCOMPARE(read.records[0].payload, std::optional<QByteArray>(everyByte));
    QCOMPARE(read.records[0].key, std::optional<QByteArray>("K\xff\x01"));
    QCOMPARE(read.records[0].headers.size(), size_t(2));
    QCOMPARE(read.records[0].headers[1].name, QByteArray("bin"));
    QCOMPARE(read.records[0].headers[1].value, std::optional<QByteArray>(binaryHeader));
    // The writer writes kcat's bytes back.
    QCOMPARE(toJsonl(read.records), consumed.out);

    // Export -> open round trip of random binary keys, payloads and headers.
    std::mt19937 rng(11);
    std::vector<LogRecord> records = plantRecords(40);
    for (size_t i = 0; i < records.size(); i += 2) {
        QByteArray bytes(qsizetype(rng() % 300), Qt::Uninitialized);
        for (char &c : bytes)
            c = char(rng());
        records[i].payload = bytes;
        records[i].key = bytes.left(7);
        records[i].headers = {{"raw\x80", bytes.right(5)}};
    }
    records[2].payload = everyByte;
    writeFile(path(QStringLiteral("bin-round.jsonl")), toJsonl(records));
    const ReadResult again = readAll(path(QStringLiteral("bin-round.jsonl")));
    QVERIFY(again.damages.empty());
    QVERIFY(again.records == records);

    // Bytes that are not UTF-8 outside the strings, or in a topic name, stay damage.
    LogDamage damage;
    QVERIFY(!LogFileReader::parseLine("{\"topic\":\"t\xff\",\"partition\":0,\"offset\":1,\"payload\":\"x\"}", &damage));
    QCOMPARE(damage.kind, LogDamage::Kind::InvalidUtf8);
}

void TestLogFile::anyLayoutOfARecordParsesAlike()
{
    // kcat's own layout and any other layout of the same JSON (key order, escapes, as
    // another tool writes it) give the same record; odd escapes decode, bad ones are damage.
    std::mt19937 rng(4242);
    const QList<QByteArray> pieces{"a", "\"", "\\", "/", "\n", "\t", "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xe6\xb3\xb5",
                                   "\xf0\x9f\x98\x80", "{\"k\":1}", " ", "null"};
    auto randomText = [&] {
        QByteArray t;
        const int n = int(rng() % 12);
        for (int i = 0; i < n; ++i)
            t += pieces[int(rng() % pieces.size())];
        return t;
    };
    for (int i = 0; i < 500; ++i) {
        LogRecord r;
        r.topic = QString::fromUtf8("topic." + randomText());
        r.partition = int(rng() % 5) - 1;
        r.offset = qint64(rng()) * 1000 + i;
        r.tstype = LogRecord::TimestampType(rng() % 4);
        r.timestampMs = r.tstype == LogRecord::TimestampType::None ? 0 : 1754217000000 + i;
        r.broker = int(rng() % 3);
        if (rng() % 2)
            r.headers = {{randomText(), randomText()}, {"n", std::nullopt}};
        if (rng() % 3)
            r.key = randomText();
        if (rng() % 5)
            r.payload = randomText();
        QByteArray line;
        LogFileWriter::appendJson(r, line);
        line.chop(1);
        LogDamage damage;
        const std::optional<LogRecord> kcatLayout = LogFileReader::parseLine(line, &damage);
        QVERIFY2(kcatLayout, qPrintable(damage.detail + u' ' + QString::fromUtf8(line)));
        QVERIFY2(*kcatLayout == r, line.constData());
        // The same record re-laid out by another JSON writer (sorted keys, other escapes).
        QJsonObject o{{QStringLiteral("topic"), r.topic},
                      {QStringLiteral("partition"), r.partition},
                      {QStringLiteral("offset"), r.offset},
                      {QStringLiteral("broker"), r.broker},
                      {QStringLiteral("key"), r.key ? QJsonValue(QString::fromUtf8(*r.key)) : QJsonValue()},
                      {QStringLiteral("payload"), r.payload ? QJsonValue(QString::fromUtf8(*r.payload)) : QJsonValue()}};
        const char *types[] = {"none", "create", "logappend", "unknown"};
        o.insert(QStringLiteral("tstype"), QString::fromLatin1(types[int(r.tstype)]));
        if (r.tstype != LogRecord::TimestampType::None)
            o.insert(QStringLiteral("ts"), r.timestampMs);
        if (!r.headers.empty()) {
            QJsonArray h;
            for (const LogHeader &x : r.headers) {
                h.append(QString::fromUtf8(x.name));
                h.append(x.value ? QJsonValue(QString::fromUtf8(*x.value)) : QJsonValue());
            }
            o.insert(QStringLiteral("headers"), h);
        }
        const QByteArray other = QJsonDocument(o).toJson(QJsonDocument::Compact);
        const std::optional<LogRecord> full = LogFileReader::parseLine(other, &damage);
        QVERIFY2(full, qPrintable(damage.detail));
        QVERIFY2(*full == r, other.constData());
    }
    // Escapes the writer never emits but other tools do: slash, BMP and surrogate pairs.
    LogDamage damage;
    const auto escaped = LogFileReader::parseLine(
        R"({"topic":"t","partition":0,"offset":1,"tstype":"create","ts":5,"broker":1,"key":"a\/b","payload":"\u00e9\ud83d\ude00\u0041"})",
        &damage);
    QVERIFY(escaped);
    QCOMPARE(escaped->key, std::optional<QByteArray>("a/b"));
    QCOMPARE(escaped->payload, std::optional<QByteArray>("\xc3\xa9\xf0\x9f\x98\x80" "A"));
    // A lone surrogate, a float offset, trailing bytes: damage as before, never a record.
    for (const QByteArray &bad : {QByteArray(R"({"topic":"t","partition":0,"offset":1,"key":null,"payload":"\ud83d"})"),
                                  QByteArray(R"({"topic":"t","partition":0,"offset":1.5,"key":null,"payload":"x"})"),
                                  QByteArray(R"({"topic":"t","partition":0,"offset":1,"key":null,"payload":"x"}x)"),
                                  QByteArray(R"({"topic":"t","partition":0,"offset":01,"key":null,"payload":"x"})"),
                                  QByteArray(R"({"topic":"t","partition":0,"offset":1,"payload":"x"}{})"),
                                  QByteArray(R"({"topic":"t","partition":0,"offset":1,"payload":"x","extra":[1,,2]})"),
                                  QByteArray(R"({"topic":"t","partition":0,"offset":1,"payload":"x","headers":["a"]})"),
                                  QByteArray(R"({"topic":"t","partition":0,"offset":1,"payload":"x","headers":[1,2]})"),
                                  QByteArray(R"({"topic":"t","partition":0,"payload":"x"})")}) {
        QVERIFY2(!LogFileReader::parseLine(bad, &damage), bad.constData());
        QVERIFY(!damage.detail.isEmpty());
    }
    // Lines kcat does not write but valid JSON envelopes are: members of other tools,
    // a member twice (the first counts), an optional member of another type (ignored),
    // another member order. Read the same by the fast path and the full parse.
    const QByteArray odd[] = {
        R"({"topic":"t","partition":0,"offset":1,"payload":"x","extra":{"a":[1,{"b":null}]}})",
        R"({"topic":"t","partition":0,"offset":1,"offset":2,"payload":"x"})",
        R"({"topic":"t","partition":0,"offset":1,"payload":"x","ts":"soon","broker":"b1"})",
        R"({"payload":"x","offset":1,"partition":0,"topic":"t"})",
    };
    for (const QByteArray &line : odd) {
        const auto r = LogFileReader::parseLine(line, &damage);
        QVERIFY2(r, qPrintable(QString::fromUtf8(line) + u' ' + damage.detail));
        QCOMPARE(r->topic, QStringLiteral("t"));
        QCOMPARE(r->offset, qint64(1));
        QCOMPARE(r->payload, std::optional<QByteArray>("x"));
        QCOMPARE(r->timestampMs, qint64(0));
        QCOMPARE(r->broker, -1);
    }
}

void TestLogFile::roundTripPlainAndZstd_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << QStringLiteral("round.jsonl");
    QTest::newRow("zstd") << QStringLiteral("round.jsonl.zst");
    QTest::newRow("zstd named plain (magic, not extension)") << QStringLiteral("round-zst.jsonl");
}

void TestLogFile::roundTripPlainAndZstd()
{
    QFETCH(QString, name);
    const std::vector<LogRecord> records = plantRecords(3000);
    QString error;
    LogFileWriter::Options options;
    options.compress = name.contains(u"zst");
    quint64 lastDone = 0;
    QVERIFY2(writeLogFile(path(name), records, options,
                          [&](quint64 done, quint64 total) {
                              lastDone = done;
                              return total == records.size();
                          },
                          &error),
             qPrintable(error));
    QCOMPARE(lastDone, quint64(records.size()));
    const QByteArray bytes = readFile(path(name));
    QCOMPARE(bytes.startsWith("\x28\xb5\x2f\xfd"), options.compress);
    const ReadResult read = readAll(path(name));
    QVERIFY(read.damages.empty());
    QVERIFY(read.records == records);
    // export -> open -> export gives the same file.
    QVERIFY(writeLogFile(path(name + QStringLiteral(".again")), read.records, options, {}, &error));
    QCOMPARE(readFile(path(name + QStringLiteral(".again"))), bytes);
}

void TestLogFile::cancelledWriteLeavesNoFile()
{
    const std::vector<LogRecord> records = plantRecords(5000);
    QString error;
    const QString target = path(QStringLiteral("cancelled.jsonl"));
    QVERIFY(!writeLogFile(target, records, {}, [](quint64 done, quint64) { return done < 2048; }, &error));
    QCOMPARE(error, QStringLiteral("cancelled"));
    QVERIFY(!QFile::exists(target));
    // And an existing file stays as it was.
    writeFile(target, "old\n");
    QVERIFY(!writeLogFile(target, records, {}, [](quint64 done, quint64) { return done < 2048; }, &error));
    QCOMPARE(readFile(target), QByteArray("old\n"));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("cancelled*")}, QDir::Files | QDir::Hidden).size(), 1);
}

void TestLogFile::truncationAtEveryByteOfTheLastRecords()
{
    const std::vector<LogRecord> records = plantRecords(40);
    const QByteArray full = toJsonl(records);
    // Start of the last three records.
    qsizetype start = full.size() - 1;
    for (int n = 0; n < 3; ++n)
        start = full.lastIndexOf('\n', start - 1);
    ++start;
    const QString target = path(QStringLiteral("cut.jsonl"));
    for (qsizetype cut = start; cut <= full.size(); ++cut) {
        const QByteArray bytes = full.left(cut);
        writeFile(target, bytes);
        const ReadResult read = readAll(target, 7);
        const int completeLines = int(bytes.count('\n'));
        const QByteArray tail = bytes.mid(bytes.lastIndexOf('\n') + 1);
        const bool tailIsWholeRecord = !tail.isEmpty() && cut < full.size() && full[cut] == '\n';
        const size_t expected = size_t(completeLines + (tailIsWholeRecord ? 1 : 0));
        QVERIFY2(read.records.size() == expected, qPrintable(QStringLiteral("cut at %1").arg(cut)));
        for (size_t i = 0; i < read.records.size(); ++i)
            QVERIFY(read.records[i] == records[i]);
        if (tail.isEmpty() || tailIsWholeRecord) {
            QVERIFY2(read.damages.empty(), qPrintable(QStringLiteral("cut at %1").arg(cut)));
        } else {
            QCOMPARE(read.damages.size(), size_t(1));
            const LogDamage &d = read.damages.front();
            QCOMPARE(d.kind, LogDamage::Kind::TruncatedLine);
            QCOMPARE(d.line, qint64(completeLines + 1));
            QCOMPARE(d.byteOffset, qint64(bytes.lastIndexOf('\n') + 1));
            QVERIFY(d.message().contains(QStringLiteral("line %1 ").arg(completeLines + 1)));
        }
    }
}

void TestLogFile::truncatedZstdLoadsThePrefix()
{
    const std::vector<LogRecord> records = plantRecords(2000);
    QString error;
    QVERIFY(writeLogFile(path(QStringLiteral("full.jsonl.zst")), records, {true, 3}, {}, &error));
    const QByteArray full = readFile(path(QStringLiteral("full.jsonl.zst")));
    const QString target = path(QStringLiteral("cut.jsonl.zst"));
    for (qsizetype cut : {qsizetype(5), full.size() / 4, full.size() / 2, full.size() - 9, full.size() - 1}) {
        writeFile(target, full.left(cut));
        const ReadResult read = readAll(target);
        for (size_t i = 0; i < read.records.size(); ++i)
            QVERIFY(read.records[i] == records[i]);
        // Cut in the frame's final checksum, every record may already be out.
        QVERIFY(read.records.size() < records.size() || cut > full.size() - 5);
        QVERIFY2(read.fatal && read.fatal->kind == LogDamage::Kind::CorruptCompression,
                 qPrintable(QStringLiteral("cut at %1").arg(cut)));
        QVERIFY(read.fatal->message().contains(QStringLiteral("truncated")));
    }
}

void TestLogFile::randomByteFlipsLoseOnlyTheDamagedLines()
{
    const std::vector<LogRecord> records = plantRecords(400);
    const QByteArray original = toJsonl(records);
    QList<qsizetype> lineStarts{0};
    for (qsizetype i = 0; i < original.size(); ++i)
        if (original[i] == '\n')
            lineStarts << i + 1;
    std::mt19937_64 random(20250803); // fixed seed: the same flips every run
    const QString target = path(QStringLiteral("flipped.jsonl"));
    for (int round = 0; round < 20; ++round) {
        QByteArray bytes = original;
        QSet<int> touched; // lines (0-based) whose bytes or newline changed
        for (int f = 0; f < 8; ++f) {
            const qsizetype at = qsizetype(random() % quint64(bytes.size()));
            const quint8 flipped = quint8(bytes[at]) ^ quint8(1 + random() % 255);
            // A flip that makes or removes a newline renumbers every later line; cut
            // and merged lines are the truncation test's business, not this one's.
            if (bytes[at] == '\n' || flipped == '\n') {
                --f;
                continue;
            }
            bytes[at] = char(flipped);
            const int line = int(std::upper_bound(lineStarts.begin(), lineStarts.end(), at) - lineStarts.begin()) - 1;
            touched << line;
            if (original[at] == '\n')
                touched << line + 1;
        }
        writeFile(target, bytes);
        const ReadResult read = readAll(target);
        // Every untouched line is loaded, unchanged, at its line number.
        QSet<qint64> loadedLines;
        for (size_t i = 0; i < read.records.size(); ++i)
            loadedLines << read.lines[i];
        for (int line = 0; line < int(records.size()); ++line) {
            if (touched.contains(line) || touched.contains(line - 1))
                continue; // a flipped newline merges or splits neighbours
            QVERIFY2(loadedLines.contains(line + 1), qPrintable(QStringLiteral("round %1 line %2").arg(round).arg(line + 1)));
        }
        for (size_t i = 0; i < read.records.size(); ++i) {
            const int line = int(read.lines[i]) - 1;
            if (!touched.contains(line) && !touched.contains(line - 1))
                QVERIFY(read.records[i] == records[size_t(line)]);
        }
        // Every damage names a line that was touched.
        for (const LogDamage &d : read.damages) {
            QVERIFY(d.line > 0);
            QVERIFY2(touched.contains(int(d.line) - 1) || touched.contains(int(d.line) - 2), qPrintable(d.message()));
            QVERIFY(!d.fatal);
        }
    }
}

void TestLogFile::eachDamageClassNamesLineAndByte_data()
{
    QTest::addColumn<QByteArray>("badLine");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("words");
    QTest::newRow("invalid JSON") << QByteArray("{\"topic\":\"t\",\"partition\":0,") << int(LogDamage::Kind::InvalidJson)
                                  << QStringLiteral("invalid JSON");
    QTest::newRow("text") << QByteArray("hello world") << int(LogDamage::Kind::InvalidJson) << QStringLiteral("invalid JSON");
    QTest::newRow("JSON, not an envelope") << QByteArray("{\"message_id\":\"m-1\",\"asset_id\":\"P\"}")
                                           << int(LogDamage::Kind::NotAnEnvelope) << QStringLiteral("\"topic\"");
    QTest::newRow("array") << QByteArray("[1,2,3]") << int(LogDamage::Kind::NotAnEnvelope) << QStringLiteral("not an object");
    QTest::newRow("partition not a number")
        << QByteArray("{\"topic\":\"t\",\"partition\":\"x\",\"offset\":1,\"key\":null,\"payload\":\"{}\"}")
        << int(LogDamage::Kind::NotAnEnvelope) << QStringLiteral("\"partition\"");
    // (In a key, payload or header string such bytes are kcat's raw bytes: a record.)
    QTest::newRow("non-UTF-8") << QByteArray("{\"topic\":\"t\",\"partition\":0,\"offset\":1,\"key\":null,\xff\xfe\"payload\":\"x\"}")
                               << int(LogDamage::Kind::InvalidUtf8) << QStringLiteral("0xff");
}

void TestLogFile::eachDamageClassNamesLineAndByte()
{
    QFETCH(QByteArray, badLine);
    QFETCH(int, kind);
    QFETCH(QString, words);
    const std::vector<LogRecord> records = plantRecords(10);
    QByteArray bytes;
    for (size_t i = 0; i < 4; ++i)
        LogFileWriter::appendJson(records[i], bytes);
    const qsizetype badAt = bytes.size();
    bytes += badLine + '\n';
    for (size_t i = 4; i < records.size(); ++i)
        LogFileWriter::appendJson(records[i], bytes);
    const QString target = path(QStringLiteral("damaged.jsonl"));
    writeFile(target, bytes);
    const ReadResult read = readAll(target);
    QVERIFY(read.records == records); // before and after the damage
    QCOMPARE(read.damages.size(), size_t(1));
    const LogDamage &d = read.damages.front();
    QCOMPARE(int(d.kind), kind);
    QCOMPARE(d.line, qint64(5));
    QCOMPARE(d.byteOffset, qint64(badAt));
    QCOMPARE(d.raw, badLine);
    QVERIFY2(d.message().startsWith(QStringLiteral("line 5 (byte %1)").arg(QLocale::c().toString(badAt))), qPrintable(d.message()));
    QVERIFY2(d.message().contains(words), qPrintable(d.message()));

    // The damaged line is a dead letter naming the file and the line.
    EventBatch batch;
    LogChunk chunk;
    chunk.damages = read.damages;
    EnvelopeDecoder decoder;
    appendLogChunk(decoder, chunk, QStringLiteral("damaged.jsonl"), batch, 0);
    QCOMPARE(batch.deadLetters.size(), size_t(1));
    QCOMPARE(batch.deadLetters[0].source.topic, QStringLiteral("damaged.jsonl"));
    QCOMPARE(batch.deadLetters[0].source.offset, qint64(5));
    QCOMPARE(batch.deadLetters[0].payload, badLine);
}

void TestLogFile::corruptZstdFrame()
{
    const std::vector<LogRecord> records = plantRecords(3000);
    QString error;
    QVERIFY(writeLogFile(path(QStringLiteral("ok.jsonl.zst")), records, {true, 1}, {}, &error));
    QByteArray bytes = readFile(path(QStringLiteral("ok.jsonl.zst")));
    // Damage the middle of the compressed data (the frame's checksum catches what
    // the block decoder does not).
    for (qsizetype i = bytes.size() / 2; i < bytes.size() / 2 + 16; ++i)
        bytes[i] = char(~bytes[i]);
    writeFile(path(QStringLiteral("bad.jsonl.zst")), bytes);
    const ReadResult read = readAll(path(QStringLiteral("bad.jsonl.zst")));
    QVERIFY(read.opened);
    QVERIFY(read.fatal);
    QCOMPARE(read.fatal->kind, LogDamage::Kind::CorruptCompression);
    QVERIFY2(read.fatal->message().contains(QStringLiteral("compressed byte")), qPrintable(read.fatal->message()));
    QVERIFY2(read.fatal->line > 1, qPrintable(read.fatal->message()));
    QVERIFY(read.records.size() < records.size());
    for (size_t i = 0; i < read.records.size(); ++i)
        QVERIFY(read.records[i] == records[i]);
}

void TestLogFile::hostileLinesAreDamageNotCrashes()
{
    // Issue 9's limits in a log: 100,000 nested brackets and a 100 MB line each cost
    // one damaged line with a reason; every record around them is kept.
    const std::vector<LogRecord> records = plantRecords(3);
    QByteArray bytes;
    LogFileWriter::appendJson(records[0], bytes);
    bytes += QByteArray(100000, '[') + QByteArray(100000, ']') + '\n';
    LogFileWriter::appendJson(records[1], bytes);
    bytes += "{\"topic\":\"" + QByteArray(100 << 20, 'x') + "\"}\n";
    LogFileWriter::appendJson(records[2], bytes);
    const QString target = path(QStringLiteral("hostile.jsonl"));
    writeFile(target, bytes);
    bytes.clear();
    const ReadResult read = readAll(target);
    QVERIFY(read.opened);
    QVERIFY(read.records == records);
    QCOMPARE(read.damages.size(), size_t(2));
    QCOMPARE(read.damages[0].line, qint64(2));
    QVERIFY2(read.damages[0].message().contains(u"nest") || read.damages[0].message().contains(u"deep"),
             qPrintable(read.damages[0].message()));
    QCOMPARE(read.damages[1].line, qint64(4));
    QCOMPARE(int(read.damages[1].kind), int(LogDamage::Kind::LineTooLong));
    QVERIFY(read.damages[1].raw.size() <= LogFileReader::kMaxKeptRawBytes);
}

void TestLogFile::unopenableInputs()
{
    writeFile(path(QStringLiteral("empty.jsonl")), {});
    ReadResult r = readAll(path(QStringLiteral("empty.jsonl")));
    QVERIFY(!r.opened);
    QCOMPARE(r.fatal->kind, LogDamage::Kind::Empty);
    QVERIFY(r.fatal->message().contains(QStringLiteral("0 bytes")));

    r = readAll(m_dir.path());
    QVERIFY(!r.opened);
    QCOMPARE(r.fatal->kind, LogDamage::Kind::Directory);

    r = readAll(path(QStringLiteral("absent.jsonl")));
    QVERIFY(!r.opened);
    QCOMPARE(r.fatal->kind, LogDamage::Kind::Missing);

    QByteArray png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    writeFile(path(QStringLiteral("picture.jsonl")), png);
    r = readAll(path(QStringLiteral("picture.jsonl")));
    QVERIFY(!r.opened);
    QCOMPARE(r.fatal->kind, LogDamage::Kind::NotALog);
    QVERIFY(r.fatal->message().contains(QStringLiteral("NUL byte at byte 8")));

    QByteArray text;
    for (int i = 0; i < 100; ++i)
        text += "This is a README, line " + QByteArray::number(i) + "\n";
    writeFile(path(QStringLiteral("readme.jsonl")), text);
    r = readAll(path(QStringLiteral("readme.jsonl")));
    QVERIFY(r.records.empty());
    QVERIFY(r.fatal);
    QCOMPARE(r.fatal->kind, LogDamage::Kind::NotALog);
    QVERIFY2(r.fatal->message().contains(QStringLiteral("line 1 (byte 0)")), qPrintable(r.fatal->message()));
}

void TestLogFile::bundleRoundTrip()
{
    const std::vector<LogRecord> records = plantRecords(4000);
    IncidentBundleInfo info;
    info.fromMs = 1754217000000;
    info.toMs = 1754217200000;
    info.sourceCluster = QStringLiteral("broker1:9092");
    info.layout = "{\"plots\":[]}\n";
    info.auditEntries = [](qint64, qint64) { return QByteArray("{\"action\":\"ack\"}\n"); };
    QString error;
    const QString target = path(QStringLiteral("incident.ndh"));
    QVERIFY2(writeIncidentBundle(target, records, info, {}, &error), qPrintable(error));
    // The standard tools unpack it.
    const auto tar = ndhtest::run(QStringLiteral("tar"), {QStringLiteral("--zstd"), QStringLiteral("-tf"), target});
    QCOMPARE(tar.exitCode, 0);
    QCOMPARE(tar.out, QByteArray("manifest.json\nlayout.json\nalarms.jsonl\naudit.jsonl\nlog.jsonl\n"));

    const ReadResult read = readAll(target);
    QVERIFY(read.damages.empty());
    QVERIFY(read.records == records);
    LogFileReader reader;
    QVERIFY(reader.open(target));
    QCOMPARE(reader.format(), LogFileReader::Format::Bundle);
    const QJsonObject manifest = QJsonDocument::fromJson(reader.bundle().manifest).object();
    QCOMPARE(manifest.value(QStringLiteral("records")).toInt(), 4000);
    QCOMPARE(manifest.value(QStringLiteral("source_cluster")).toString(), QStringLiteral("broker1:9092"));
    QCOMPARE(manifest.value(QStringLiteral("audit_entries")).toInt(), 1);
    QVERIFY(manifest.value(QStringLiteral("topics")).toObject().size() > 3);
    QCOMPARE(reader.bundle().layout, info.layout);
    QCOMPARE(reader.bundle().audit, QByteArray("{\"action\":\"ack\"}\n"));
    const int alarms = manifest.value(QStringLiteral("alarm_transitions")).toInt();
    QVERIFY(alarms > 0);
    QCOMPARE(reader.bundle().alarms.count('\n'), alarms);
}

void TestLogFile::readerMemoryFollowsTheData()
{
    // docs/SECURITY.md: what opening a file costs is bounded by what the file holds,
    // not by what it claims. Measured as the growth of the peak resident memory.
    if (!resetPeakMemory() || peakMemory() <= 0)
        QSKIP("no resettable peak memory (/proc/self/clear_refs, VmHWM) here");

    // An incident bundle whose first tar header declares a 200 MiB manifest, followed
    // by 4 KiB of it: refused as cut short, having held about what is there.
    QByteArray header(512, '\0');
    header.replace(0, 13, "manifest.json");
    header.replace(124, 11, QByteArray::number(200 << 20, 8).rightJustified(11, '0'));
    header.replace(257, 5, "ustar");
    const QString crafted = path(QStringLiteral("crafted.ndh"));
    {
        QFile f(crafted);
        QVERIFY(f.open(QIODevice::WriteOnly));
        ZstdSink sink(&f, true);
        QVERIFY(sink.write(header + QByteArray(4096, '{')) && sink.finish());
    }
    QVERIFY(resetPeakMemory());
    const qint64 before = peakMemory();
    {
        LogFileReader reader;
        QVERIFY(!reader.open(crafted));
        QVERIFY(reader.fatalDamage());
        QCOMPARE(reader.fatalDamage()->kind, LogDamage::Kind::CorruptCompression);
        QVERIFY2(reader.fatalDamage()->message().contains(QLatin1String("ends inside manifest.json")),
                 qPrintable(reader.fatalDamage()->message()));
    }
    const qint64 craftedGrowth = peakMemory() - before;
    qInfo("crafted bundle: peak memory +%lld bytes", craftedGrowth);
    QVERIFY2(craftedGrowth < (16 << 20), qPrintable(QStringLiteral("%1 bytes").arg(craftedGrowth)));

    // A small log (a few KiB) is read whole through a buffer of about its size.
    const QString small = path(QStringLiteral("small.jsonl"));
    QString error;
    const std::vector<LogRecord> records = plantRecords(20);
    QVERIFY2(writeLogFile(small, records, {}, {}, &error), qPrintable(error));
    QVERIFY(QFileInfo(small).size() < 64 << 10);
    QVERIFY(resetPeakMemory());
    const qint64 beforeSmall = peakMemory();
    QCOMPARE(readAll(small).records, records);
    const qint64 smallGrowth = peakMemory() - beforeSmall;
    qInfo("small log read whole: peak memory +%lld bytes", smallGrowth);
    QVERIFY2(smallGrowth < (1 << 20), qPrintable(QStringLiteral("%1 bytes").arg(smallGrowth)));
}

void TestLogFile::journalSelectsByTimeTopicAndAsset()
{
    const std::vector<LogRecord> records = plantRecords(2000);
    LogChunk chunk;
    chunk.records = records;
    EventBatch batch;
    std::vector<RecordIndex> index;
    appendLogChunk(EnvelopeDecoder(), chunk, QStringLiteral("x"), batch, 0, &index);
    RawRecordJournal journal;
    journal.append(records, index);
    QCOMPARE(journal.size(), records.size());
    QVERIFY(journal.select({}) == records);

    RawRecordJournal::Selection s;
    s.topics = {QStringLiteral("ndh.assets.state.attribute_changed")};
    s.fromMs = index[500].eventTimeMs;
    s.toMs = index[1500].eventTimeMs;
    const auto picked = journal.select(s);
    QVERIFY(!picked.empty());
    size_t expected = 0;
    for (size_t i = 0; i < records.size(); ++i)
        expected += selectionMatches(s, records[i], index[i]) ? 1 : 0;
    QCOMPARE(picked.size(), expected);
    for (const LogRecord &r : picked)
        QCOMPARE(r.topic, QStringLiteral("ndh.assets.state.attribute_changed"));

    RawRecordJournal::Selection one;
    one.assetKeys = {index[100].assetKey};
    for (const LogRecord &r : journal.select(one))
        QCOMPARE(r.key, records[100].key);

    RawRecordJournal small(64 << 10);
    small.append(records, index);
    QVERIFY(small.dropped() > 0);
    QVERIFY(small.bytes() <= 64 << 10);
    QVERIFY(small.completeFromMs() > index.front().eventTimeMs);
}

// What export writes comes back from the journal exactly: headers (with and without
// value), no key / an empty key, a tombstone / an empty payload, bytes with zeros,
// through the consumer's slices (asset from the decoded event) and the loader's path,
// also after the oldest records were dropped over several blocks.
void TestLogFile::journalKeepsRecordsByteExact()
{
    std::vector<LogRecord> records;
    for (int i = 0; i < 3000; ++i) {
        LogRecord r;
        r.topic = i % 3 ? QStringLiteral("plant.a") : QStringLiteral("plant.b");
        r.partition = i % 7;
        r.offset = i;
        r.tstype = i % 4 ? LogRecord::TimestampType::Create : LogRecord::TimestampType::None;
        r.timestampMs = 1700000000000 + i;
        r.broker = i % 5 - 1;
        if (i % 2)
            r.headers.push_back({QByteArray("trace"), QByteArray("t-") + QByteArray::number(i)});
        if (i % 6 == 1)
            r.headers.push_back({QByteArray("novalue"), std::nullopt});
        if (i % 10 == 3)
            r.headers.push_back({QByteArray(""), QByteArray("")});
        if (i % 5 != 0)
            r.key = i % 5 == 1 ? QByteArray("") : QByteArray("k\0") + QByteArray::number(i);
        if (i % 9 != 0)
            r.payload = i % 9 == 1 ? QByteArray("") : QByteArray(40 + i % 200, char(i % 256));
        if (i == 1501) // larger than a block of the small journal below, with headers before it
            r.payload = QByteArray(100000, 'x');
        records.push_back(r);
    }
    std::vector<AssetPath> assets(records.size());
    std::vector<RecordIndex> index(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
        assets[i] = {QStringLiteral("site"), QStringLiteral("pump"), QString::number(i % 50)};
        index[i] = {records[i].timestampMs, i % 11 ? assets[i].key() : QString()};
    }
    const auto viewOf = [](const std::optional<QByteArray> &b) {
        static const char empty = 0;
        return b ? QByteArrayView(b->isEmpty() ? &empty : b->constData(), b->size()) : QByteArrayView();
    };
    // As the consumer feeds it: a slice writing into the journal's own blocks (the
    // bytes cross from block to block, headers carried along), assets by the
    // decoder's registry ref for some records and by text for others; or a slice
    // with blocks of its own.
    const auto feed = [&](RawRecordJournal &journal, bool bound) {
        RawRecordJournal::Slice slice(bound ? &journal : nullptr);
        for (size_t i = 0; i < records.size(); ++i) {
            const LogRecord &r = records[i];
            for (const LogHeader &h : r.headers)
                slice.addHeader(h.name, h.value ? std::optional<QByteArrayView>(*h.value) : std::nullopt);
            const AssetPath *asset = index[i].assetKey.isEmpty() ? nullptr : &assets[i];
            const qint32 ref = asset && i % 2 ? IdentityRegistry::global().assetRef(*asset) : -1;
            slice.add(r.topic, r.partition, r.offset, r.tstype, r.timestampMs, r.broker, viewOf(r.key),
                      viewOf(r.payload), index[i].eventTimeMs, asset, ref);
            if (i % 100 == 99)
                journal.append(slice);
        }
        journal.append(slice);
        QVERIFY(slice.empty());
    };

    RawRecordJournal live;
    feed(live, true);
    QCOMPARE(live.size(), records.size());
    QVERIFY(live.select({}) == records);
    RawRecordJournal unbound;
    feed(unbound, false);
    QVERIFY(unbound.select({}) == records);
    // Blocks of 128 KB, all kept: records cross several blocks, and a 100 KB one
    // with headers before it does not fit the rest of one.
    RawRecordJournal smallBlocks(2 << 20);
    feed(smallBlocks, true);
    QCOMPARE(smallBlocks.dropped(), quint64(0));
    QVERIFY(smallBlocks.select({}) == records);
    RawRecordJournal loaded;
    loaded.append(records, index);
    QVERIFY(loaded.select({}) == records);
    QCOMPARE(live.topicCounts(), loaded.topicCounts());
    QCOMPARE(live.topicCounts().value(QStringLiteral("plant.b")), quint64(1000));

    RawRecordJournal::Selection pump7;
    pump7.assetKeys = {QStringLiteral("site/pump/7")};
    std::vector<LogRecord> expected;
    for (size_t i = 0; i < records.size(); ++i)
        if (selectionMatches(pump7, records[i], index[i]))
            expected.push_back(records[i]);
    QVERIFY(!expected.empty());
    QVERIFY(live.select(pump7) == expected);
    QVERIFY(unbound.select(pump7) == expected);
    QVERIFY(loaded.select(pump7) == expected);

    for (const bool bound : {true, false}) {
        RawRecordJournal small(64 << 10);
        feed(small, bound);
        QVERIFY(small.dropped() > 0);
        QVERIFY(small.bytes() <= 64 << 10);
        const std::vector<LogRecord> kept = small.select({});
        QCOMPARE(kept.size() + small.dropped(), records.size());
        QVERIFY(std::equal(kept.begin(), kept.end(), records.end() - qsizetype(kept.size())));
        // Fed on after a clear: the block the slice was filling serves on.
        small.clear();
        feed(small, bound);
        QCOMPARE(small.select({}).size() + small.dropped(), records.size());
    }
}

void TestLogFile::loaderFillsThePlantModels()
{
    const std::vector<LogRecord> records = plantRecords(30000);
    QByteArray bytes = toJsonl(records);
    bytes.insert(bytes.indexOf('\n') + 1, "not json\n");
    writeFile(path(QStringLiteral("load.jsonl")), bytes);

    PlantModels models;
    LogFileLoader loader;
    auto journal = std::make_shared<RawRecordJournal>();
    loader.setJournal(journal);
    connect(&loader, &LogFileLoader::batchReady, &models, &PlantModels::applyBatch);
    QSignalSpy finished(&loader, &LogFileLoader::finished);
    QSignalSpy progress(&loader, &LogFileLoader::progress);
    QVERIFY(loader.start(path(QStringLiteral("load.jsonl"))));
    QVERIFY(finished.wait(60000));
    const auto summary = finished.first().first().value<LogLoadSummary>();
    QCOMPARE(summary.records, quint64(records.size()));
    QCOMPARE(summary.damageCount, quint64(1));
    QCOMPARE(summary.damages.front().line, qint64(2));
    QVERIFY(!summary.cancelled);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), qint64(bytes.size()));
    QTRY_COMPARE(models.recordsConsumed(), quint64(records.size()));
    QVERIFY(models.assetTree()->rowCount() > 0);
    QVERIFY(!models.history().isEmpty());
    QVERIFY(models.deadLetters()->totalCount() >= 1);
    QCOMPARE(journal->size(), records.size());
    QVERIFY(journal->select({}) == records);

    // Cancel stops early and says so.
    PlantModels other;
    LogFileLoader slow;
    connect(&slow, &LogFileLoader::batchReady, &other, [&](const EventBatchPtr &b) {
        other.applyBatch(b);
        slow.cancel();
    });
    QSignalSpy slowFinished(&slow, &LogFileLoader::finished);
    QVERIFY(slow.start(path(QStringLiteral("load.jsonl"))));
    QVERIFY(slowFinished.wait(60000));
    const auto cancelled = slowFinished.first().first().value<LogLoadSummary>();
    QVERIFY(cancelled.cancelled);
    QVERIFY(cancelled.records < records.size());
}

QTEST_GUILESS_MAIN(TestLogFile)
#include "tst_log_file.moc"
