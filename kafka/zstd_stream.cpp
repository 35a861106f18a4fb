#include "zstd_stream.h"

#include <QIODevice>

#include <zstd.h>

#include <cstring>
#include <vector>

namespace ndh {

bool hasZstdMagic(QByteArrayView firstBytes)
{
    return firstBytes.size() >= 4 && quint8(firstBytes[0]) == 0x28 && quint8(firstBytes[1]) == 0xB5
           && quint8(firstBytes[2]) == 0x2F && quint8(firstBytes[3]) == 0xFD;
}

PlainSource::PlainSource(QIODevice *device)
    : m_device(device)
{
}

qint64 PlainSource::read(char *out, qint64 maxBytes)
{
    const qint64 n = m_device->read(out, maxBytes);
    if (n < 0) {
        m_error = m_device->errorString();
        return -1;
    }
    m_consumed += n;
    return n;
}

struct ZstdSource::Stream
{
    ZSTD_DCtx *ctx = ZSTD_createDCtx();
    std::vector<char> in = std::vector<char>(ZSTD_DStreamInSize());
    ZSTD_inBuffer input{nullptr, 0, 0};
    qint64 compressedPos = 0; // bytes of compressed input handed to zstd before `input`
    size_t lastResult = 0;    // 0 when the last frame was complete
    bool sawInput = false;
    bool failed = false;
    ~Stream() { ZSTD_freeDCtx(ctx); }
};

ZstdSource::ZstdSource(ByteSource *compressed)
    : m_in(compressed)
    , m_stream(std::make_unique<Stream>())
{
}

ZstdSource::~ZstdSource() = default;

qint64 ZstdSource::read(char *out, qint64 maxBytes)
{
    Stream &s = *m_stream;
    if (s.failed)
        return -1;
    // Small output windows: on a corrupt block zstd reports the error but not what
    // it wrote in the same call, so each call gets at most one block's worth.
    const qint64 window = qint64(ZSTD_DStreamOutSize());
    qint64 produced = 0;
    while (produced == 0 || (produced < maxBytes && s.input.pos < s.input.size)) {
        if (s.input.pos == s.input.size) {
            s.compressedPos += qint64(s.input.size);
            s.input = ZSTD_inBuffer{s.in.data(), 0, 0};
            const qint64 n = m_in->read(s.in.data(), qint64(s.in.size()));
            if (n < 0) {
                m_error = m_in->error();
                s.failed = true;
                return produced > 0 ? produced : -1;
            }
            if (n == 0 && s.lastResult != 0) {
                // zstd may still hold decoded bytes of the last block: flush them first.
                ZSTD_inBuffer none{nullptr, 0, 0};
                ZSTD_outBuffer output{out + produced, size_t(std::min(window, maxBytes - produced)), 0};
                const size_t r = ZSTD_decompressStream(s.ctx, &output, &none);
                if (!ZSTD_isError(r) && output.pos > 0) {
                    s.lastResult = r;
                    return produced + qint64(output.pos);
                }
            }
            if (n == 0) {
                if (s.lastResult != 0) {
                    m_error = QStringLiteral("the compressed data ends in the middle of a zstd frame at "
                                             "compressed byte %1 (file truncated?)")
                                  .arg(s.compressedPos);
                    s.failed = true;
                    return produced > 0 ? produced : -1;
                }
                return produced;
            }
            s.input = ZSTD_inBuffer{s.in.data(), size_t(n), 0};
        }
        ZSTD_outBuffer output{out + produced, size_t(std::min(window, maxBytes - produced)), 0};
        const size_t r = ZSTD_decompressStream(s.ctx, &output, &s.input);
        if (ZSTD_isError(r)) {
            m_error = QStringLiteral("corrupt zstd data near compressed byte %1: %2")
                          .arg(s.compressedPos + qint64(s.input.pos))
                          .arg(QString::fromUtf8(ZSTD_getErrorName(r)));
            s.failed = true;
            return produced > 0 ? produced : -1;
        }
        produced += qint64(output.pos);
        s.lastResult = r;
    }
    return produced;
}

LimitedSource::LimitedSource(ByteSource *inner, qint64 size)
    : m_inner(inner)
    , m_left(size)
{
}

qint64 LimitedSource::read(char *out, qint64 maxBytes)
{
    if (m_left <= 0)
        return 0;
    const qint64 n = m_inner->read(out, std::min(maxBytes, m_left));
    if (n < 0) {
        m_error = m_inner->error();
        return -1;
    }
    if (n == 0) {
        m_error = QStringLiteral("the archive ends %1 bytes before the end of its member (file truncated?)")
                      .arg(m_left);
        return -1;
    }
    m_left -= n;
    return n;
}

qint64 readFully(ByteSource &source, char *out, qint64 n)
{
    qint64 got = 0;
    while (got < n) {
        const qint64 r = source.read(out + got, n - got);
        if (r <= 0)
            return r < 0 && got == 0 ? -1 : got;
        got += r;
    }
    return got;
}

struct ZstdSink::Stream
{
    ZSTD_CCtx *ctx = ZSTD_createCCtx();
    ~Stream() { ZSTD_freeCCtx(ctx); }
};

ZstdSink::ZstdSink(QIODevice *device, bool compress, int level)
    : m_device(device)
    , m_compress(compress)
{
    if (m_compress) {
        m_stream = std::make_unique<Stream>();
        ZSTD_CCtx_setParameter(m_stream->ctx, ZSTD_c_compressionLevel, level);
        ZSTD_CCtx_setParameter(m_stream->ctx, ZSTD_c_checksumFlag, 1);
        m_out.resize(qsizetype(ZSTD_CStreamOutSize()));
    }
}

ZstdSink::~ZstdSink() = default;

bool ZstdSink::flushOut(const char *data, qint64 size)
{
    if (size > 0 && m_device->write(data, size) != size) {
        m_error = m_device->errorString();
        return false;
    }
    return true;
}

bool ZstdSink::write(const char *data, qint64 size)
{
    m_bytesIn += size;
    if (!m_compress)
        return flushOut(data, size);
    ZSTD_inBuffer input{data, size_t(size), 0};
    while (input.pos < input.size) {
        ZSTD_outBuffer output{m_out.data(), size_t(m_out.size()), 0};
        const size_t r = ZSTD_compressStream2(m_stream->ctx, &output, &input, ZSTD_e_continue);
        if (ZSTD_isError(r)) {
            m_error = QString::fromUtf8(ZSTD_getErrorName(r));
            return false;
        }
        if (!flushOut(m_out.constData(), qint64(output.pos)))
            return false;
    }
    return true;
}

bool ZstdSink::finish()
{
    if (!m_compress)
        return true;
    for (;;) {
        ZSTD_inBuffer input{nullptr, 0, 0};
        ZSTD_outBuffer output{m_out.data(), size_t(m_out.size()), 0};
        const size_t left = ZSTD_compressStream2(m_stream->ctx, &output, &input, ZSTD_e_end);
        if (ZSTD_isError(left)) {
            m_error = QString::fromUtf8(ZSTD_getErrorName(left));
            return false;
        }
        if (!flushOut(m_out.constData(), qint64(output.pos)))
            return false;
        if (left == 0)
            return true;
    }
}

} // namespace ndh
