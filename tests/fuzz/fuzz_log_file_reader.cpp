// libFuzzer target: the bytes of an exported log file (plain JSONL, .jsonl.zst or
// an incident bundle, told apart by magic) read to the end in small chunks, then
// decoded as the console does when it opens a log. Damage must be reported as
// values; any crash or sanitizer report is a finding.
#include "log_file_reader.h"

#include <QFile>

#include <cstdint>
#include <cstdlib>
#include <unistd.h>

using namespace ndh;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The reader takes a path; one file per process, in memory where there is a
    // tmpfs. Written anew each time: truncating a file on ext4 flushes it on close,
    // which made every run wait for the disk.
    static const QString path = [] {
        const char *dir = getenv("TMPDIR");
        const QString base = QFile::exists(QStringLiteral("/dev/shm")) ? QStringLiteral("/dev/shm")
                                                                       : QString::fromLocal8Bit(dir && *dir ? dir : "/tmp");
        return base + QStringLiteral("/ndh-fuzz-log-%1.bin").arg(qint64(getpid()));
    }();
    {
        QFile::remove(path);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            abort();
        if (file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size))
            abort();
    }
    static const EnvelopeDecoder decoder;
    LogFileReader reader;
    if (!reader.open(path)) {
        if (!reader.fatalDamage() || reader.fatalDamage()->message().isEmpty())
            abort(); // failing to open must say why
        return 0;
    }
    LogChunk chunk;
    EventBatch batch;
    std::vector<RecordIndex> index;
    bool more = true;
    int guard = 0;
    while (more) {
        chunk.clear();
        more = reader.readChunk(chunk, 7); // small chunks: records cross chunk edges
        for (const LogDamage &d : chunk.damages)
            (void)d.message().size();
        appendLogChunk(decoder, chunk, path, batch, 1, &index);
        if (++guard > 1000000)
            abort(); // the reader must reach its end
    }
    QFile::remove(path);
    if (index.size() != reader.recordsRead())
        abort();
    return 0;
}
