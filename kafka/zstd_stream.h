#pragma once
// Byte streams under the log reader and writer (DESIGN.md §6): a plain file, a zstd
// stream decompressed on the fly, and one member of a tar archive read through
// either. Readers pull bytes; errors are values with the byte position, never throws.

#include <QByteArray>
#include <QString>

#include <memory>

class QFile;
class QIODevice;

namespace ndh {

// zstd frames start with these four bytes (RFC 8878).
bool hasZstdMagic(QByteArrayView firstBytes);

class ByteSource
{
public:
    virtual ~ByteSource() = default;
    // Up to maxBytes into `out`; 0 at the end; -1 on an error (error() says why).
    virtual qint64 read(char *out, qint64 maxBytes) = 0;
    QString error() const { return m_error; }
    // Bytes of the file consumed so far (compressed bytes for zstd): for progress.
    virtual qint64 fileBytesConsumed() const = 0;

protected:
    QString m_error;
};

// Reads a QIODevice as is.
class PlainSource final : public ByteSource
{
public:
    explicit PlainSource(QIODevice *device);
    qint64 read(char *out, qint64 maxBytes) override;
    qint64 fileBytesConsumed() const override { return m_consumed; }

private:
    QIODevice *m_device;
    qint64 m_consumed = 0;
};

// Decompresses a zstd stream (one or more frames) from another source.
class ZstdSource final : public ByteSource
{
public:
    explicit ZstdSource(ByteSource *compressed);
    ~ZstdSource() override;
    qint64 read(char *out, qint64 maxBytes) override;
    qint64 fileBytesConsumed() const override { return m_in->fileBytesConsumed(); }

private:
    ByteSource *m_in;
    struct Stream;
    std::unique_ptr<Stream> m_stream;
};

// At most `size` bytes of another source (one tar member).
class LimitedSource final : public ByteSource
{
public:
    LimitedSource(ByteSource *inner, qint64 size);
    qint64 read(char *out, qint64 maxBytes) override;
    qint64 fileBytesConsumed() const override { return m_inner->fileBytesConsumed(); }
    qint64 remaining() const { return m_left; }

private:
    ByteSource *m_inner;
    qint64 m_left;
};

// Reads exactly n bytes (fewer only at the end or on error: check the return).
qint64 readFully(ByteSource &source, char *out, qint64 n);

// Writes to a QIODevice, optionally zstd-compressed. finish() ends the frame.
class ZstdSink
{
public:
    ZstdSink(QIODevice *device, bool compress, int level = 3);
    ~ZstdSink();
    bool write(const char *data, qint64 size);
    bool write(const QByteArray &bytes) { return write(bytes.constData(), bytes.size()); }
    bool finish();
    QString error() const { return m_error; }
    qint64 bytesIn() const { return m_bytesIn; }

private:
    bool flushOut(const char *data, qint64 size);
    QIODevice *m_device;
    bool m_compress;
    struct Stream;
    std::unique_ptr<Stream> m_stream;
    QByteArray m_out;
    QString m_error;
    qint64 m_bytesIn = 0;
};

} // namespace ndh
