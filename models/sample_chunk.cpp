#include "sample_chunk.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <utility>

namespace ndh {

namespace {

// Powers of ten exact as doubles; a Dec block's k is at most kMaxK.
constexpr int kMaxK = 12;
constexpr double kPow10[kMaxK + 1] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12};

unsigned widthOf(quint64 v)
{
    return unsigned(64 - std::countl_zero(v));
}

// The m with m / 10^k == the double of `raw`, bit for bit; false if there is none.
bool decimalOf(quint64 raw, int k, qint64 &m)
{
    const double scaled = std::bit_cast<double>(raw) * kPow10[k];
    if (!(std::fabs(scaled) < 4503599627370496.0)) // 2^52; also false for NaN
        return false;
    m = std::llround(scaled);
    return std::bit_cast<quint64>(double(m) / kPow10[k]) == raw;
}

} // namespace

quint64 SampleChunk::Block::decimal(quint64 field) const
{
    return std::bit_cast<quint64>(double(qint64(ref) + qint64(field)) / kPow10[param]);
}

bool SampleChunk::Block::fieldOf(quint64 raw, quint64 &field) const
{
    if (mode == Mode::Xor) {
        const quint64 x = raw ^ ref;
        if (param > 0 && (x & ((quint64(1) << param) - 1)) != 0)
            return false;
        field = x >> param;
    } else {
        qint64 m;
        if (!decimalOf(raw, param, m) || m < qint64(ref))
            return false;
        field = quint64(m - qint64(ref));
    }
    return vbits == 64 || field >> vbits == 0;
}

void SampleChunk::writeBits(size_t pos, unsigned width, quint64 v)
{
    if (width == 0)
        return;
    const size_t need = (pos + width + 63) / 64;
    if (m_bits.size() < need) {
        if (m_bits.capacity() < need) // grow by a quarter: the last chunk of every series grows here
            m_bits.reserve(std::max(need, m_bits.capacity() + m_bits.capacity() / 4 + 2));
        m_bits.resize(need, 0);
    }
    const size_t w = pos / 64;
    const unsigned off = unsigned(pos % 64);
    m_bits[w] |= v << off;
    if (off + width > 64)
        m_bits[w + 1] |= v >> (64 - off);
}

void SampleChunk::encodeBlock(size_t b, size_t bitPos, const qint64 *t, const quint64 *raw, size_t n)
{
    Block h;
    h.bitPos = quint32(bitPos);
    h.count = quint8(n);
    // Times: a line through the first and last, and each one's distance above its
    // lowest point.
    h.slope = n > 1 ? quint32((t[n - 1] - t[0]) / qint64(n - 1)) : 0;
    qint64 rmin = 0, rmax = 0;
    for (size_t j = 0; j < n; ++j) {
        const qint64 r = t[j] - t[0] - qint64(j) * qint64(h.slope);
        rmin = std::min(rmin, r);
        rmax = std::max(rmax, r);
    }
    h.tb = t[0] + rmin;
    h.tbits = quint8(widthOf(quint64(rmax - rmin)));
    // Values: XOR with the first, without the low bits no value changes.
    quint64 any = 0;
    for (size_t j = 0; j < n; ++j)
        any |= raw[j] ^ raw[0];
    const unsigned shift = any ? unsigned(std::countr_zero(any)) : 0;
    unsigned width = widthOf(any >> shift);
    h.mode = Mode::Xor;
    h.ref = raw[0];
    h.param = quint8(shift);
    if (width > 8) {
        // Decimals: the smallest k that gives back every value.
        int k = 0;
        bool ok = true;
        qint64 m = 0;
        for (size_t j = 0; j < n && ok; ++j) {
            while (k <= kMaxK && !decimalOf(raw[j], k, m))
                ++k;
            ok = k <= kMaxK;
        }
        qint64 lo = std::numeric_limits<qint64>::max(), hi = std::numeric_limits<qint64>::min();
        for (size_t j = 0; j < n && ok; ++j) {
            ok = decimalOf(raw[j], k, m);
            lo = std::min(lo, m);
            hi = std::max(hi, m);
        }
        if (ok && widthOf(quint64(hi - lo)) < width) {
            h.mode = Mode::Dec;
            h.ref = quint64(lo);
            h.param = quint8(k);
            width = widthOf(quint64(hi - lo));
        }
    }
    h.vbits = quint8(width);

    // Cut the records back to bitPos and write the block's.
    m_bits.resize((bitPos + 63) / 64);
    if (bitPos % 64)
        m_bits.back() &= (quint64(1) << (bitPos % 64)) - 1;
    const size_t record = size_t(h.tbits) + h.vbits;
    for (size_t j = 0; j < n; ++j) {
        const size_t pos = bitPos + j * record;
        writeBits(pos, h.tbits, quint64(t[j] - h.tb - qint64(j) * qint64(h.slope)));
        quint64 field = 0;
        const bool fits = h.fieldOf(raw[j], field);
        Q_ASSERT(fits && h.value(field) == raw[j]);
        Q_UNUSED(fits);
        writeBits(pos + h.tbits, h.vbits, field);
    }
    if (b == m_blocks.size()) {
        if (m_blocks.capacity() == m_blocks.size())
            m_blocks.reserve(m_blocks.size() + m_blocks.size() / 4 + 1);
        m_blocks.push_back(h);
    } else {
        m_blocks[b] = h;
    }
}

bool SampleChunk::appendPacked(qint64 rel, quint64 raw)
{
    if (m_blocks.empty() || m_blocks.back().count == kBlock) {
        const size_t bitPos = m_blocks.empty() ? 0
                                               : m_blocks.back().bitPos
                                                     + size_t(m_blocks.back().count)
                                                           * (m_blocks.back().tbits + m_blocks.back().vbits);
        encodeBlock(m_blocks.size(), bitPos, &rel, &raw, 1);
        return true;
    }
    Block &b = m_blocks.back();
    const size_t j = b.count;
    const qint64 tf = rel - b.tb - qint64(j) * qint64(b.slope);
    quint64 field = 0;
    if (tf >= 0 && (b.tbits == 64 || quint64(tf) >> b.tbits == 0) && b.fieldOf(raw, field)) {
        const size_t pos = b.bitPos + j * (size_t(b.tbits) + b.vbits);
        writeBits(pos, b.tbits, quint64(tf));
        writeBits(pos + b.tbits, b.vbits, field);
        ++b.count;
        return true;
    }
    // It does not fit the block's widths: the block again, with it.
    qint64 t[kBlock];
    quint64 r[kBlock];
    const size_t first = (m_blocks.size() - 1) * kBlock;
    read(first, j, t, r);
    for (size_t k = 0; k < j; ++k)
        t[k] -= m_baseMs;
    t[j] = rel;
    r[j] = raw;
    encodeBlock(m_blocks.size() - 1, b.bitPos, t, r, j + 1);
    return true;
}

void SampleChunk::read(size_t from, size_t n, qint64 *t, quint64 *raw) const
{
    if (m_open && from + n > m_openFrom) {
        if (from < m_openFrom) { // the packed part first
            const size_t packed = m_openFrom - from;
            read(from, packed, t, raw);
            from += packed;
            n -= packed;
            t += packed;
            raw += packed;
        }
        for (size_t k = 0; k < n; ++k) {
            t[k] = m_baseMs + qint64(m_open->dt[from - m_openFrom + k]);
            raw[k] = m_open->raw[from - m_openFrom + k];
        }
        return;
    }
    const Block &b = m_blocks[from / kBlock];
    const size_t record = size_t(b.tbits) + b.vbits;
    const size_t j0 = from % kBlock;
    const qint64 t0 = m_baseMs + b.tb + qint64(j0) * qint64(b.slope);
    for (size_t k = 0; k < n; ++k)
        t[k] = t0 + qint64(k) * qint64(b.slope);
    const size_t pos = b.bitPos + j0 * record;
    if (b.tbits) {
        for (size_t k = 0; k < n; ++k)
            t[k] += qint64(readBits(pos + k * record, b.tbits));
    }
    if (b.mode == Mode::Xor) {
        for (size_t k = 0; k < n; ++k)
            raw[k] = b.ref ^ (readBits(pos + k * record + b.tbits, b.vbits) << b.param);
    } else {
        for (size_t k = 0; k < n; ++k)
            raw[k] = b.decimal(readBits(pos + k * record + b.tbits, b.vbits));
    }
}

size_t SampleChunk::upperBound(qint64 t) const
{
    if (t < m_baseMs)
        return 0;
    if (t - m_baseMs > kMaxDelta)
        return m_size;
    if (m_open && m_openFrom < m_size && timeAt(m_openFrom) <= t) {
        const auto &dt = m_open->dt;
        return m_openFrom + size_t(std::upper_bound(dt.begin(), dt.end(), quint32(t - m_baseMs)) - dt.begin());
    }
    // The last block starting at or before t, then within it.
    const size_t packedEnd = m_open ? m_openFrom : m_size;
    size_t lo = 0, hi = m_blocks.size();
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (timeAt(mid * kBlock) <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return 0;
    size_t a = (lo - 1) * kBlock + 1, z = std::min<size_t>(packedEnd, lo * kBlock);
    while (a < z) {
        const size_t mid = (a + z) / 2;
        if (timeAt(mid) <= t)
            a = mid + 1;
        else
            z = mid;
    }
    return a;
}

size_t SampleChunk::lowerBound(qint64 t, size_t from) const
{
    if (t <= m_baseMs)
        return from;
    if (t - m_baseMs > kMaxDelta)
        return m_size;
    size_t lo = from, hi = from, step = 1;
    while (hi < m_size && timeAt(hi) < t) { // galloping: 1, 2, 4 ... past from
        lo = hi + 1;
        hi = from + step;
        step *= 2;
    }
    return firstAtOrAfter(t, lo, std::min(hi, size_t(m_size)));
}

size_t SampleChunk::firstAtOrAfter(qint64 t, size_t lo, size_t hi) const
{
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (timeAt(mid) < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void SampleChunk::setType(size_t pos, SampleSlot type)
{
    if (m_size == 0 && m_types.empty()) {
        m_uniform = type;
        return;
    }
    if (m_types.empty() && type == m_uniform)
        return;
    if (m_types.empty())
        m_types.assign(m_size, quint8(m_uniform)); // types are kept once they differ
    m_types.insert(m_types.begin() + std::ptrdiff_t(pos), quint8(type));
}

void SampleChunk::insert(size_t pos, qint64 t, quint64 raw, SampleSlot type)
{
    invalidateFrom(pos); // later samples move up one index
    setType(pos, type);
    if (!m_open && pos == m_size) {
        appendPacked(t - m_baseMs, raw);
    } else {
        openFrom(pos);
        const std::ptrdiff_t at = std::ptrdiff_t(pos - m_openFrom);
        m_open->dt.insert(m_open->dt.begin() + at, quint32(t - m_baseMs));
        m_open->raw.insert(m_open->raw.begin() + at, raw);
    }
    ++m_size;
    if (m_summarized + 1 == m_size)
        summarize(); // in order: at most one new node per level
}

void SampleChunk::rebase(qint64 t)
{
    const qint64 shift = m_baseMs - t;
    if (m_open) {
        for (quint32 &d : m_open->dt)
            d += quint32(shift);
    }
    for (Block &b : m_blocks)
        b.tb += shift;
    m_baseMs = t;
}

size_t SampleChunk::packedBitsEnd() const
{
    if (m_blocks.empty())
        return 0;
    const Block &b = m_blocks.back();
    return b.bitPos + size_t(b.count) * (size_t(b.tbits) + b.vbits);
}

void SampleChunk::openFrom(size_t pos)
{
    const size_t from = pos / kBlock * kBlock;
    if (m_open && m_openFrom <= from)
        return;
    const size_t end = m_open ? m_openFrom : m_size; // packed samples to unpack: [from, end)
    auto open = std::make_unique<Open>();
    const size_t tail = m_open ? m_open->dt.size() : 0;
    open->dt.resize(end - from + tail);
    open->raw.resize(end - from + tail);
    qint64 t[kBlock];
    for (size_t i = from; i < end; i += kBlock) {
        const size_t n = std::min<size_t>(kBlock, end - i);
        read(i, n, t, open->raw.data() + (i - from));
        for (size_t k = 0; k < n; ++k)
            open->dt[i - from + k] = quint32(t[k] - m_baseMs);
    }
    if (m_open) {
        std::copy(m_open->dt.begin(), m_open->dt.end(), open->dt.begin() + std::ptrdiff_t(end - from));
        std::copy(m_open->raw.begin(), m_open->raw.end(), open->raw.begin() + std::ptrdiff_t(end - from));
    }
    // The packed blocks end where the open samples begin.
    const size_t block = from / kBlock;
    if (block < m_blocks.size()) {
        const size_t bitPos = m_blocks[block].bitPos;
        m_blocks.resize(block);
        m_bits.resize((bitPos + 63) / 64);
        if (bitPos % 64)
            m_bits.back() &= (quint64(1) << (bitPos % 64)) - 1;
    }
    m_open = std::move(open);
    m_openFrom = quint32(from);
}

void SampleChunk::pack()
{
    if (m_open) {
        const std::unique_ptr<Open> open = std::move(m_open);
        const size_t from = std::exchange(m_openFrom, 0);
        m_blocks.reserve((m_size + kBlock - 1) / kBlock);
        qint64 t[kBlock];
        size_t bitPos = packedBitsEnd();
        for (size_t i = from; i < m_size; i += kBlock) {
            const size_t n = std::min<size_t>(kBlock, m_size - i);
            for (size_t k = 0; k < n; ++k)
                t[k] = qint64(open->dt[i - from + k]);
            encodeBlock(m_blocks.size(), bitPos, t, open->raw.data() + (i - from), n);
            bitPos += n * (size_t(m_blocks.back().tbits) + m_blocks.back().vbits);
        }
    }
    summarize();
    m_blocks.shrink_to_fit();
    m_bits.shrink_to_fit();
    m_types.shrink_to_fit();
    m_pyramid.shrink_to_fit();
}

void SampleChunk::eraseFront(size_t n)
{
    if (n == 0)
        return;
    openFrom(0);
    m_open->dt.erase(m_open->dt.begin(), m_open->dt.begin() + std::ptrdiff_t(n));
    m_open->raw.erase(m_open->raw.begin(), m_open->raw.begin() + std::ptrdiff_t(n));
    if (!m_types.empty())
        m_types.erase(m_types.begin(), m_types.begin() + std::ptrdiff_t(n));
    m_size -= quint32(n);
    invalidateFrom(0); // every index moved
    pack(); // give the memory back: this is why we are dropping
}

SampleChunk SampleChunk::splitOff(size_t at)
{
    openFrom(0);
    SampleChunk n(timeAt(at));
    n.m_open = std::make_unique<Open>();
    for (size_t i = at; i < m_size; ++i)
        n.m_open->dt.push_back(quint32(timeAt(i) - n.m_baseMs));
    n.m_open->raw.assign(m_open->raw.begin() + std::ptrdiff_t(at), m_open->raw.end());
    n.m_uniform = m_uniform;
    if (!m_types.empty())
        n.m_types.assign(m_types.begin() + std::ptrdiff_t(at), m_types.end());
    n.m_size = quint32(m_size - at);
    m_open->dt.resize(at);
    m_open->raw.resize(at);
    if (!m_types.empty())
        m_types.resize(at);
    m_size = quint32(at);
    invalidateFrom(at);
    pack();
    n.pack();
    return n;
}

void SampleChunk::invalidateFrom(size_t pos) const
{
    if (pos >= m_summarized)
        return;
    m_summarized = quint32(pos);
    m_pyramid.resize(nodesWithin(pos));
}

void SampleChunk::summarize() const
{
    for (size_t end = (m_summarized / 8 + 1) * 8; end <= m_size; end += 8) {
        for (int l = 0; l < kLevels && end % blockSize(l) == 0; ++l) {
            const size_t b = end / blockSize(l) - 1;
            Fold f;
            if (l == 0) {
                double value;
                for (size_t i = b * 8; i < end; ++i) {
                    if (plotValue(i, value)) {
                        f.takeMin(int(i), value);
                        f.takeMax(int(i), value);
                    }
                }
            } else {
                foldNodes(l - 1, b * 8, b * 8 + 8, f);
            }
            Extremes e;
            if (f.iMin >= 0) {
                e.min = quint16(f.iMin);
                e.max = quint16(f.iMax);
            }
            if (m_pyramid.capacity() == m_pyramid.size())
                m_pyramid.reserve(m_pyramid.size() + m_pyramid.size() / 4 + 2);
            m_pyramid.push_back(e);
        }
    }
    m_summarized = m_size;
}

void SampleChunk::foldNodes(int level, size_t from, size_t to, Fold &f) const
{
    for (size_t n = from; n < to; ++n) {
        const Extremes e = m_pyramid[nodeIndex(level, n)];
        if (e.min != kNone) {
            f.takeMin(e.min, nodeValue(e.min));
            f.takeMax(e.max, nodeValue(e.max));
        }
    }
}

struct SampleChunk::PackedAccess
{
    const Block *blocks;
    const quint64 *bits;
    const quint8 *types; // null: every sample is `uniform`
    qint64 base;
    SampleSlot uniform;

    qint64 time(size_t i) const
    {
        const Block &b = blocks[i / kBlock];
        const size_t j = i % kBlock;
        const qint64 t = base + b.tb + qint64(j) * qint64(b.slope);
        if (b.tbits == 0)
            return t;
        return t + qint64(readBits(bits, b.bitPos + j * (b.tbits + b.vbits), b.tbits));
    }
    bool value(size_t i, double &v) const
    {
        const Block &b = blocks[i / kBlock];
        const size_t j = i % kBlock;
        const quint64 raw = b.value(readBits(bits, b.bitPos + j * (b.tbits + b.vbits) + b.tbits, b.vbits));
        return plotValueOf(raw, types ? SampleSlot(types[i]) : uniform, v);
    }
};

struct SampleChunk::OpenAccess
{
    const quint32 *dt;
    const quint64 *raw;
    const quint8 *types;
    qint64 base;
    SampleSlot uniform;

    qint64 time(size_t i) const { return base + qint64(dt[i]); }
    bool value(size_t i, double &v) const
    {
        return plotValueOf(raw[i], types ? SampleSlot(types[i]) : uniform, v);
    }
};

// A chunk whose first blocks are packed and the rest open (while late samples keep
// coming to its series; the store packs it once they stop): sample by sample.
struct SampleChunk::MixedAccess
{
    const SampleChunk *chunk;

    qint64 time(size_t i) const { return chunk->timeAt(i); }
    bool value(size_t i, double &v) const { return chunk->plotValue(i, v); }
};

void SampleChunk::foldUntil(size_t &i, qint64 end, Fold &f) const
{
    if (m_summarized != m_size)
        summarize();
    const size_t e = m_open ? lowerBound(end, i) : packedLowerBound(end, i);
    const quint8 *types = m_types.empty() ? nullptr : m_types.data();
    if (m_open && m_openFrom > 0)
        foldWith(MixedAccess{this}, i, e, f);
    else if (m_open)
        foldWith(OpenAccess{m_open->dt.data(), m_open->raw.data(), types, m_baseMs, m_uniform}, i, e, f);
    else
        foldWith(PackedAccess{m_blocks.data(), m_bits.data(), types, m_baseMs, m_uniform}, i, e, f);
}

// lowerBound() of a packed chunk, block by block from `from`: in a block of
// evenly spaced samples (most are) the index is computed, not searched.
size_t SampleChunk::packedLowerBound(qint64 t, size_t from) const
{
    for (size_t b = from / kBlock; b < m_blocks.size(); ++b) {
        const Block &h = m_blocks[b];
        const size_t first = b * kBlock, lo = std::max(first, from), end = first + h.count;
        if (lo >= end)
            continue;
        if (h.tbits == 0) {
            // Times tb + j * slope: the first j with time >= t.
            const qint64 rel = t - m_baseMs - h.tb;
            size_t j;
            if (rel <= 0)
                j = 0;
            else if (h.slope == 0)
                j = h.count;
            else
                j = size_t(std::min<qint64>(h.count, (rel + qint64(h.slope) - 1) / qint64(h.slope)));
            if (first + j < end)
                return std::max(first + j, from);
            continue;
        }
        if (timeAt(end - 1) >= t)
            return firstAtOrAfter(t, lo, end - 1);
    }
    return m_size;
}

template<typename Access>
void SampleChunk::foldWith(const Access &a, size_t &index, size_t end, Fold &f) const
{
    const Extremes *pyramid = m_pyramid.data();
    // Local copies: writes to f could otherwise alias this chunk's members.
    size_t i = index;
    Fold fold = f;
    double value;
    while (i < end) {
        if (i % 8 == 0 && i + 8 <= end) {
            int l = 0;
            while (l + 1 < kLevels && i % blockSize(l + 1) == 0 && i + blockSize(l + 1) <= end)
                ++l;
            const Extremes e = pyramid[nodeIndex(l, i / blockSize(l))];
            if (e.min != kNone) {
                a.value(e.min, value); // a sample a node names is drawable by construction
                fold.takeMin(e.min, value);
                a.value(e.max, value);
                fold.takeMax(e.max, value);
            }
            i += blockSize(l);
            continue;
        }
        if (a.value(i, value)) {
            fold.takeMin(int(i), value);
            fold.takeMax(int(i), value);
        }
        ++i;
    }
    index = i;
    f = fold;
}

size_t SampleChunk::bytes() const
{
    size_t b = sizeof(SampleChunk) + m_blocks.capacity() * sizeof(Block) + m_bits.capacity() * sizeof(quint64)
               + m_types.capacity() + m_pyramid.capacity() * sizeof(Extremes);
    if (m_open)
        b += sizeof(Open) + m_open->dt.capacity() * sizeof(quint32) + m_open->raw.capacity() * sizeof(quint64);
    return b;
}

} // namespace ndh
