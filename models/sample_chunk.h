#pragma once
// A run of samples of one history series (HistoryStore), stored compactly.
//
// Samples are packed in blocks of 64. In a block, sample j's time is
// tb + j * slope + a small correction of `tbits` bits (a regular series needs
// none), and its value one of:
//   Xor: the block's reference bits XOR a `vbits`-bit field shifted left (runs of
//        similar doubles share sign, exponent and top bits; floats, integers and
//        constants have low zero bits),
//   Dec: (m0 + a `vbits`-bit field) / 10^k as a double, used only when it gives
//        back every value bit for bit (JSON decimals such as 23.45 are exactly the
//        double nearest to a decimal with few digits).
// Each sample is one fixed-width record, so any sample is read in O(1) without
// decoding its neighbours. The last block takes appends in place; a sample that
// does not fit its widths re-encodes that block (at most 64 samples). Times,
// values and types come back exactly as stored: bits of NaN payloads, -0.0 and
// infinities included (encode() checks every value it packs).
//
// Inserting anywhere but the end unpacks the chunk from the insert's block on into
// plain arrays (32-bit time offsets, 64-bit slots); the blocks before it stay packed.
// pack() compacts the open tail again, which the store does once late samples stop
// coming to the series (HistoryStore::packQuietSeries). A sample that arrives a
// little late (a plant's values on several topics, read in turn) thus costs its
// block and the ones after it, not the whole chunk.
//
// For plots, a min/max pyramid over the run: a node for every complete block of
// 8, 64, 512 and 4096 samples holds the indexes of the block's first smallest and
// first largest drawable sample (numeric, not NaN). Any index range then folds
// from at most 7 samples or nodes per level at each edge instead of every sample.
// Nodes are kept in one vector in the order their blocks complete, so the nodes
// of a prefix of the run are a prefix of the vector: about 0.6 bytes per sample.
// Appends in order extend it at once; an insert into the middle only cuts it back,
// and the next query rebuilds the rest.

#include <QtGlobal>

#include <cstring>
#include <limits>
#include <memory>
#include <vector>

namespace ndh {

// What a sample's 8-byte slot holds. Absent marks an attribute a snapshot left
// out: the snapshot replaced the asset's attributes, so it is gone from then on.
enum class SampleSlot : quint8 { Double, Int, Bool, String, Null, Absent };

class SampleChunk
{
public:
    static constexpr qint64 kMaxDelta = std::numeric_limits<quint32>::max(); // span of one chunk's times
    static constexpr size_t kBlock = 64;
    static constexpr int kLevels = 4;        // pyramid: blocks of 8, 64, 512 and 4096 samples
    static constexpr quint16 kNone = 0xffff; // a pyramid block without a drawable sample

    explicit SampleChunk(qint64 baseMs = 0)
        : m_baseMs(baseMs)
    {
    }

    size_t size() const { return m_size; }
    qint64 baseMs() const { return m_baseMs; }
    bool isPacked() const { return !m_open; }

    qint64 timeAt(size_t i) const
    {
        if (m_open && i >= m_openFrom) [[unlikely]]
            return m_baseMs + qint64(m_open->dt[i - m_openFrom]);
        const Block &b = m_blocks[i / kBlock];
        const size_t j = i % kBlock;
        const qint64 t = m_baseMs + b.tb + qint64(j) * qint64(b.slope);
        if (b.tbits == 0) // a regular series
            return t;
        return t + qint64(readBits(b.bitPos + j * (b.tbits + b.vbits), b.tbits));
    }
    quint64 rawAt(size_t i) const
    {
        if (m_open && i >= m_openFrom) [[unlikely]]
            return m_open->raw[i - m_openFrom];
        const Block &b = m_blocks[i / kBlock];
        const size_t j = i % kBlock;
        return b.value(readBits(b.bitPos + j * (b.tbits + b.vbits) + b.tbits, b.vbits));
    }
    SampleSlot typeAt(size_t i) const { return m_types.empty() ? m_uniform : SampleSlot(m_types[i]); }
    // The types of samples [0, size()), or null when all are uniformType().
    const quint8 *types() const { return m_types.empty() ? nullptr : m_types.data(); }
    SampleSlot uniformType() const { return m_uniform; }
    qint64 first() const { return timeAt(0); }
    qint64 last() const { return timeAt(m_size - 1); }

    // Samples [from, from + n) into t, raw (n <= kBlock, within one block where
    // packed: from % kBlock + n <= kBlock). For walks over many samples.
    void read(size_t from, size_t n, qint64 *t, quint64 *raw) const;

    // Index of the first sample with time > t.
    size_t upperBound(qint64 t) const;
    // Index of the first sample at or after `from` with time >= t, searched from
    // `from` outwards: the next pixel column's end is usually near.
    size_t lowerBound(qint64 t, size_t from) const;

    // Adds a sample at index pos (every later one moves up). Times must keep the
    // order and fit the chunk: baseMs <= t <= baseMs + kMaxDelta. At the end of a
    // packed chunk it is packed at once; elsewhere the chunk is unpacked from pos's
    // block on first (and at the end of a partly unpacked one it joins the open tail).
    void insert(size_t pos, qint64 t, quint64 raw, SampleSlot type);
    // Moves the base to t (<= baseMs; the last time must stay within kMaxDelta).
    void rebase(qint64 t);
    // Drops samples [0, n).
    void eraseFront(size_t n);
    // Samples [at, size()) into a new chunk based at the first of them.
    SampleChunk splitOff(size_t at);
    // Packs an unpacked chunk; releases spare capacity either way.
    void pack();

    // The value a plot draws for sample i; false for text, null, absent and NaN.
    bool plotValue(size_t i, double &value) const { return plotValueOf(rawAt(i), typeAt(i), value); }
    static bool plotValueOf(quint64 raw, SampleSlot type, double &value)
    {
        switch (type) {
        case SampleSlot::Double: std::memcpy(&value, &raw, sizeof value); return value == value;
        case SampleSlot::Int: value = double(qint64(raw)); return true;
        case SampleSlot::Bool: value = raw ? 1.0 : 0.0; return true;
        default: return false;
        }
    }

    // The running min/max of a range, by index within the chunk. Samples and nodes
    // are taken in index order and only a smaller (larger) value replaces: ties go
    // to the earlier sample, as in a walk over the samples in time order.
    struct Fold
    {
        int iMin = -1, iMax = -1;
        double min = 0, max = 0;
        void takeMin(int i, double v)
        {
            if (iMin < 0 || v < min) {
                iMin = i;
                min = v;
            }
        }
        void takeMax(int i, double v)
        {
            if (iMax < 0 || v > max) {
                iMax = i;
                max = v;
            }
        }
    };
    // Folds the samples from index i on whose time is before `end`, and leaves i
    // at the first one that is not. Each step takes the biggest block that starts
    // at i and ends before `end` from the pyramid, else one sample: a column costs
    // at most 7 samples or nodes per level at each edge, however many it spans.
    void foldUntil(size_t &i, qint64 end, Fold &f) const;

    size_t bytes() const;
    // Warms the caches for a lookup in a packed chunk (its block headers and the
    // start of its records), for walks over many series.
    void prefetch() const
    {
        __builtin_prefetch(m_blocks.data());
        __builtin_prefetch(m_bits.data());
        __builtin_prefetch(m_bits.data() + 8);
    }

private:
    struct Extremes
    {
        quint16 min = kNone;
        quint16 max = kNone;
    };
    enum class Mode : quint8 { Xor, Dec };
    struct Block
    {
        qint64 tb = 0;      // time of sample j: baseMs + tb + j * slope + field
        quint64 ref = 0;    // Xor: reference bits; Dec: m0
        quint32 slope = 0;
        quint32 bitPos = 0; // first bit of the block's records in m_bits
        quint8 tbits = 0, vbits = 0;
        Mode mode = Mode::Xor;
        quint8 param = 0;   // Xor: shift; Dec: k
        quint8 count = 0;
        quint64 value(quint64 field) const
        {
            if (mode == Mode::Xor) [[likely]]
                return ref ^ (field << param);
            return decimal(field);
        }
        quint64 decimal(quint64 field) const;
        // The field that gives back raw, if it fits; false if not.
        bool fieldOf(quint64 raw, quint64 &field) const;
    };
    struct Open
    {
        std::vector<quint32> dt;
        std::vector<quint64> raw;
    };

    static quint64 readBits(const quint64 *bits, size_t pos, unsigned width)
    {
        if (width == 0)
            return 0;
        const size_t w = pos / 64;
        const unsigned off = unsigned(pos % 64);
        quint64 v = bits[w] >> off;
        if (off + width > 64)
            v |= bits[w + 1] << (64 - off);
        return width == 64 ? v : v & ((quint64(1) << width) - 1);
    }
    quint64 readBits(size_t pos, unsigned width) const { return readBits(m_bits.data(), pos, width); }
    // Sample access for the pyramid's folds, with what it reads held in locals.
    struct PackedAccess;
    struct OpenAccess;
    struct MixedAccess;
    // Folds samples [i, end) (indexes) into f through the pyramid; leaves i at end.
    template<typename Access>
    void foldWith(const Access &a, size_t &i, size_t end, Fold &f) const;
    size_t packedLowerBound(qint64 t, size_t from) const;
    // The first index in [lo, hi) with time >= t, else hi (binary search).
    size_t firstAtOrAfter(qint64 t, size_t lo, size_t hi) const;
    void writeBits(size_t pos, unsigned width, quint64 v);
    void setType(size_t pos, SampleSlot type); // the type of a new sample at pos
    // Encodes samples (times relative to the base) as block b, whose records start
    // at m_bits bit `bitPos`; m_bits is cut back to that point first.
    void encodeBlock(size_t b, size_t bitPos, const qint64 *t, const quint64 *raw, size_t n);
    // Unpacks the samples from the block holding `pos` on (pos <= size()), if they
    // are not open yet; the blocks before stay packed.
    void openFrom(size_t pos);
    bool appendPacked(qint64 rel, quint64 raw);
    size_t packedBitsEnd() const; // where the next packed block's records start

    static constexpr size_t blockSize(int level) { return size_t(8) << (3 * level); }
    // Nodes of the blocks that end at or before sample n.
    static size_t nodesWithin(size_t n) { return n / 8 + n / 64 + n / 512 + n / 4096; }
    // Where the node of block b of a level is: after every block that ends before
    // it, and after the finer blocks that end with it.
    static size_t nodeIndex(int level, size_t b) { return nodesWithin((b + 1) * blockSize(level) - 1) + size_t(level); }
    double nodeValue(quint16 i) const
    {
        double value = 0;
        plotValue(i, value); // a sample a node names is drawable by construction
        return value;
    }
    void invalidateFrom(size_t pos) const;
    void summarize() const;
    void foldNodes(int level, size_t from, size_t to, Fold &f) const;

    qint64 m_baseMs = 0;
    std::vector<Block> m_blocks;    // packed
    std::vector<quint64> m_bits;    // packed records
    std::unique_ptr<Open> m_open;   // samples [m_openFrom, m_size) unpacked
    quint32 m_openFrom = 0;         // a multiple of kBlock; the blocks before are packed (and full)
    std::vector<quint8> m_types;    // empty: every sample is m_uniform
    mutable std::vector<Extremes> m_pyramid;
    mutable quint32 m_summarized = 0; // the pyramid holds every complete block inside [0, m_summarized)
    quint32 m_size = 0;
    SampleSlot m_uniform = SampleSlot::Double;
};

} // namespace ndh
