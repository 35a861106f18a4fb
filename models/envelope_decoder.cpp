#include "envelope_decoder.h"

#include "identity_registry.h"

#include <QHash>
#include <QRegularExpression>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <type_traits>
#include <unordered_set>
#include <span>
#include <string>
#include <string_view>

namespace ndh {

namespace {

struct ShapeObject;

// One scalar or object of a record read through a learnt record shape
// (RecordShapes, below) instead of simdjson's DOM: what Json answers for it.
struct ShapeValue
{
    simdjson::dom::element_type type = simdjson::dom::element_type::NULL_VALUE;
    bool boolean = false;
    union {
        qint64 int64;
        quint64 uint64;
        double number = 0;
    };
    std::string_view text;                 // a string's bytes; an object's whole text
    const ShapeObject *object = nullptr; // an object's members
};

// A read-only view of one JSON value with the few questions the decoder asks: a
// simdjson DOM value, or a value of a record read through its shape. simdjson
// parses records 3-4x faster than nlohmann (docs/PERFORMANCE.md); nlohmann stays
// for documents and for explaining a parse error.
class Json
{
public:
    using Type = simdjson::dom::element_type;
    Json() = default;
    explicit Json(simdjson::dom::element e)
        : m_e(e)
    {
    }
    explicit Json(const ShapeValue *v)
        : m_v(v)
    {
    }
    // The DOM value; for values that are not from a shape only.
    simdjson::dom::element element() const
    {
        Q_ASSERT(!m_v);
        return m_e;
    }
    const ShapeValue *shapeValue() const { return m_v; }
    Type type() const { return m_v ? m_v->type : m_e.type(); }
    bool is_null() const { return type() == Type::NULL_VALUE; }
    bool is_string() const { return type() == Type::STRING; }
    bool is_boolean() const { return type() == Type::BOOL; }
    bool is_object() const { return type() == Type::OBJECT; }
    bool is_array() const { return type() == Type::ARRAY; }
    bool is_number_integer() const { return type() == Type::INT64; }
    bool is_number_unsigned() const { return type() == Type::UINT64; }
    bool is_number_float() const { return type() == Type::DOUBLE; }
    bool is_number() const { return is_number_integer() || is_number_unsigned() || is_number_float(); }
    std::string_view str() const { return m_v ? m_v->text : std::string_view(m_e.get_string().value_unsafe()); }
    bool boolean() const { return m_v ? m_v->boolean : m_e.get_bool().value_unsafe(); }
    qint64 int64() const { return m_v ? m_v->int64 : m_e.get_int64().value_unsafe(); }
    quint64 uint64() const { return m_v ? m_v->uint64 : m_e.get_uint64().value_unsafe(); }
    double number() const
    {
        switch (type()) {
        case Type::INT64: return double(int64());
        case Type::UINT64: return double(uint64());
        default: return m_v ? m_v->number : m_e.get_double().value_unsafe();
        }
    }
    const char *type_name() const
    {
        switch (type()) {
        case Type::ARRAY: return "array";
        case Type::OBJECT: return "object";
        case Type::STRING: return "string";
        case Type::BOOL: return "boolean";
        case Type::NULL_VALUE: return "null";
        default: return "number";
        }
    }
    std::string dump() const;

private:
    simdjson::dom::element m_e;
    const ShapeValue *m_v = nullptr;
};

// Byte-wise equality of short texts without a call into the C library: keys and
// interned names are a few to a few dozen bytes.
inline bool sameBytes(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    const char *p = a.data();
    const char *q = b.data();
    size_t n = a.size();
    for (; n >= 8; n -= 8, p += 8, q += 8) {
        quint64 x, y;
        std::memcpy(&x, p, 8);
        std::memcpy(&y, q, 8);
        if (x != y)
            return false;
    }
    for (; n > 0; --n, ++p, ++q) {
        if (*p != *q)
            return false;
    }
    return true;
}

// One bit of 64 per (length, first, last byte) class of a key: most lookups of a
// name an object does not hold, and most keys in the duplicate check, stop at it.
constexpr unsigned keyClass(std::string_view key)
{
    return key.empty() ? 0u : (unsigned(key.size()) * 7u + uchar(key.front()) * 3u + uchar(key.back())) & 63u;
}

void rejectDuplicateKeys(simdjson::dom::element e);
[[noreturn]] void rejectDuplicateKey(std::string_view key);

bool isContainer(simdjson::dom::element v)
{
    const auto t = v.type();
    return t == simdjson::dom::element_type::OBJECT || t == simdjson::dom::element_type::ARRAY;
}

// Members of an object kept in a table of their own (Fields), and at most in an
// object of a record shape.
constexpr quint32 kInlineMembers = 32;

// One member of a JSON object: its key's bytes and its value.
struct FieldEntry
{
    std::string_view key;
    Json value;
};
static_assert(std::is_trivially_destructible_v<FieldEntry> && std::is_trivially_copyable_v<FieldEntry>);

// The members of an object of a record shape, in document order: their keys are
// the shape's, their values the record's last read through it.
struct ShapeObject
{
    std::vector<FieldEntry> members;
    quint64 classes = 0; // keyClass() bits of the keys
};

// The members of one JSON object, read once so that every field the decoder asks
// for is found without walking the object again (a record is asked for 20-30
// names; simdjson's at_key scans and compares keys on each). Objects larger than
// the inline table are looked up through simdjson. An object read through a record
// shape is its shape's table, not copied. A non-object (or absent) value reads as
// an empty object.
class Fields
{
public:
    Fields() = default;
    explicit Fields(const Json &j)
    {
        if (const ShapeValue *v = j.shapeValue()) {
            fromShape(*v);
            return;
        }
        if (j.element().get_object().get(m_object) != simdjson::SUCCESS)
            return;
        m_isObject = true;
        for (auto member : m_object) {
            if (m_count == kInlineMembers) {
                m_overflow = true;
                break;
            }
            add(std::string_view(member.key), member.value);
        }
    }
    // The same, and the duplicate-key check of the whole value (rejectDuplicateKeys)
    // in the same pass over its members: for a record's top level, which is read
    // anyway. Throws Reject naming the key. A value read through a record shape has
    // none: its shape was learnt from a record that passed this check, and it has
    // the same keys.
    struct CheckKeys
    {
    };
    Fields(const Json &j, CheckKeys)
    {
        if (const ShapeValue *v = j.shapeValue()) {
            fromShape(*v);
            return;
        }
        if (j.element().get_object().get(m_object) != simdjson::SUCCESS) {
            rejectDuplicateKeys(j.element());
            return;
        }
        m_isObject = true;
        for (auto member : m_object) {
            if (m_count == kInlineMembers) {
                m_overflow = true;
                rejectDuplicateKeys(j.element()); // a large object: checked as a whole
                return;
            }
            const std::string_view key = member.key;
            if (m_classes & (quint64(1) << keyClass(key))) {
                for (quint32 i = 0; i < m_count; ++i) {
                    if (sameBytes(table()[i].key, key))
                        rejectDuplicateKey(key);
                }
            }
            add(key, member.value);
            if (isContainer(member.value))
                rejectDuplicateKeys(member.value);
        }
    }
    Fields(const Fields &) = delete;
    Fields &operator=(const Fields &) = delete;

    bool isObject() const { return m_isObject; }
    std::optional<Json> find(std::string_view key) const
    {
        if (m_overflow) {
            simdjson::dom::element v;
            if (m_object.at_key(key).get(v) != simdjson::SUCCESS)
                return std::nullopt;
            return Json(v);
        }
        if (!(m_classes & (quint64(1) << keyClass(key))))
            return std::nullopt;
        for (quint32 i = 0; i < m_count; ++i) {
            if (sameBytes(table()[i].key, key))
                return table()[i].value;
        }
        return std::nullopt;
    }
    bool contains(std::string_view key) const { return find(key).has_value(); }
    size_t size() const { return m_overflow ? m_object.size() : m_count; }
    // Members in document order.
    template<typename F>
    void forEachMember(F &&f) const
    {
        if (m_overflow) {
            for (auto member : m_object)
                f(std::string_view(member.key), Json(member.value));
            return;
        }
        for (quint32 i = 0; i < m_count; ++i)
            f(table()[i].key, table()[i].value);
    }

private:
    const FieldEntry *table() const
    {
        return m_shapeTable ? m_shapeTable : std::launder(reinterpret_cast<const FieldEntry *>(m_entries));
    }
    void add(std::string_view key, simdjson::dom::element value)
    {
        new (&m_entries[m_count++]) FieldEntry{key, Json(value)};
        m_classes |= quint64(1) << keyClass(key);
    }
    void fromShape(const ShapeValue &v)
    {
        if (!v.object)
            return;
        m_isObject = true;
        m_shapeTable = v.object->members.data();
        m_count = quint32(v.object->members.size());
        m_classes = v.object->classes;
    }
    // Left uninitialized: entries are written as they are read (a table of 32
    // initialized entries cost more than the object's lookups).
    alignas(FieldEntry) unsigned char m_entries[kInlineMembers][sizeof(FieldEntry)];
    const FieldEntry *m_shapeTable = nullptr; // a record shape's object, read instead of m_entries
    simdjson::dom::object m_object;
    quint64 m_classes = 0;
    quint32 m_count = 0;
    bool m_isObject = false;
    bool m_overflow = false;
};

// A rejection travels up as this; it never leaves decode().
struct Reject
{
    QString reason;
};

QString typeName(const Json &j)
{
    return QString::fromLatin1(j.type_name());
}

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The buffers of this thread's spent events (recycleDecodedEvents), filled again by
// its decoder: a message id's text and an attribute vector are otherwise allocated
// per record here and freed when the GUI is done with the batch, and past glibc's
// per-thread cache of seven chunks each pair goes through the arena's bins
// (`_int_malloc`, nearly all of it for these two, was the backend's third-largest
// symbol in `perf`; docs/PERFORMANCE.md). Only buffers nobody else holds are kept,
// and a bounded number of them.
struct SpareParts
{
    static constexpr size_t kMax = size_t(1) << 14;  // about a batch's worth (at most ~14 MB)
    static constexpr qsizetype kMaxIdChars = 64;      // longer ids are not kept
    static constexpr size_t kMaxAttributes = 8;       // nor larger attribute vectors
    std::vector<QString> ids;
    std::vector<std::vector<AttributeSample>> attributes;
};

SpareParts &threadSpares()
{
    thread_local SpareParts spares;
    return spares;
}

// `s` as a QString of its own (not interned: a message id is unique), in a spare
// buffer when `s` is ASCII and the newest spare has room for it.
QString uniqueText(std::string_view s)
{
    std::vector<QString> &ids = threadSpares().ids;
    if (ids.empty())
        return qs(s);
    for (const char c : s) {
        if (c & 0x80)
            return qs(s);
    }
    QString text = std::move(ids.back());
    ids.pop_back();
    if (text.capacity() < qsizetype(s.size()))
        return qs(s); // too small (ids got longer: "m-99999", "m-100000"): let it go, not block the rest
    text.resize(qsizetype(s.size())); // detached, with room: no allocation
    char16_t *out = reinterpret_cast<char16_t *>(text.data());
    for (const char c : s)
        *out++ = char16_t(uchar(c));
    return text;
}

// An empty attribute vector, with the capacity a spent event left it when there is one.
std::vector<AttributeSample> spareAttributes()
{
    std::vector<std::vector<AttributeSample>> &spares = threadSpares().attributes;
    if (spares.empty())
        return {};
    std::vector<AttributeSample> v = std::move(spares.back());
    spares.pop_back();
    return v;
}

// Names repeat from record to record (asset ids, types, locations, attribute names,
// units, event types): each distinct text becomes one QString per thread, and every
// record after the first shares it instead of allocating and converting
// (docs/PERFORMANCE.md, "Ingest end to end"). An open-addressing table keyed by the
// raw bytes: a lookup is one hash of a short text and a compare; the texts live as
// long as the process (lastingCopy), so the copies take no reference count.
// Bounded: a table that fills up starts over.
constexpr size_t kInternMaxLength = 64;
constexpr size_t kInternMaxEntries = 200000;

// A string's address and length as one key: equal keys of live strings that share
// their data mean equal text (shared data is never modified in place).
const void *addressKey(const QString &s)
{
    return reinterpret_cast<const void *>(quintptr(s.constData()) ^ (quintptr(s.size()) << 48));
}

bool sameString(const QString &a, const QString &b)
{
    return addressKey(a) == addressKey(b);
}

// What the decoder last stamped for an asset id (one per interned id text): the
// registry refs of the asset with that id and these very location and type
// strings, and of a few of its attributes by their very name strings (address
// keys; the interner pins the strings, so an address is not reused while it is a
// key). It lives with the interner entry the record's asset id was just read
// from, in two cache lines asked for as the id is read, so a record's refs mostly
// cost no lookup of their own.
struct alignas(64) AssetMemo
{
    static constexpr int kSeries = 8;
    const void *location = nullptr;
    const void *type = nullptr;
    qint32 asset = -1;
    quint8 count = 0; // series remembered
    quint8 next = 0;  // the one to replace when full
    std::array<qint32, kSeries> seriesRefs{};
    std::array<const void *, kSeries> names{};
};
static_assert(sizeof(AssetMemo) == 128);

// An interned text's entry, valid while the interner's generation is unchanged.
struct InternedEntry
{
    qint32 index = -1; // -1: not interned (too long, or not read as a string)
    quint64 generation = 0;
};

class Interner
{
public:
    // The entry of `s`, added when new; -1 when s is too long to intern.
    qint32 entry(std::string_view s)
    {
        if (s.size() > kInternMaxLength)
            return -1;
        if (!m_slots.empty()) {
            const quint64 h = hash(s);
            for (size_t i = size_t(h) & m_mask;; i = (i + 1) & m_mask) {
                const quint64 slot = m_slots[i];
                if (slot == 0)
                    break;
                if ((slot >> 32) == (h >> 32)) {
                    const qint32 e = qint32(slot & 0xFFFFFFFFu) - 1;
                    if (sameBytes(m_entries[size_t(e)].bytes, s))
                        return e;
                }
            }
        }
        return add(s);
    }
    QString get(std::string_view s)
    {
        // Not for "": a slot never filled (size 0) would match it.
        Recent *r = nullptr;
        if (s.size() <= Recent::kBytes && !s.empty()) {
            r = &m_recent[keyClass(s)];
            if (r->size == s.size() && sameBytes(std::string_view(r->bytes, r->size), s))
                return m_entries[size_t(r->entry)].text;
        }
        const qint32 e = entry(s); // may start the table over, and clear m_recent with it
        if (e < 0)
            return qs(s);
        if (r) {
            r->size = quint32(s.size());
            std::memcpy(r->bytes, s.data(), s.size());
            r->entry = e;
        }
        return m_entries[size_t(e)].text;
    }
    const QString &text(qint32 e) const { return m_entries[size_t(e)].text; }
    // Asks for the entry's memo early: the record is decoded while it arrives.
    void prefetchMemo(qint32 e) const
    {
        if (const qint32 m = m_entries[size_t(e)].memo; m >= 0) {
            __builtin_prefetch(&m_memos[size_t(m)]);
            __builtin_prefetch(reinterpret_cast<const char *>(&m_memos[size_t(m)]) + 64);
        }
    }
    quint64 generation() const { return m_generation; }
    // Keeps `s` alive while its address is a memo key. Bounded: past a million pins
    // (names that keep changing under the same ids) every memo starts over.
    void pin(const QString &s)
    {
        if (m_pins.size() >= kMaxPins) {
            std::fill(m_memos.begin(), m_memos.end(), AssetMemo{});
            m_pins.clear();
            m_pinned.clear();
        }
        if (m_pinned.insert(addressKey(s)).second) // the same few names and types, mostly
            m_pins.push_back(s);
    }
    AssetMemo &memo(qint32 e)
    {
        Entry &entry = m_entries[size_t(e)];
        if (entry.memo < 0) {
            entry.memo = qint32(m_memos.size());
            m_memos.emplace_back();
        }
        return m_memos[size_t(entry.memo)];
    }

private:
    // A text not interned yet: added (the table grown, or started over when full).
    [[gnu::noinline]] qint32 add(std::string_view s)
    {
        if (m_entries.size() >= kInternMaxEntries) {
            m_recent.fill(Recent{});
            m_entries.clear();
            m_memos.clear();
            m_pins.clear();
            m_pinned.clear();
            ++m_generation;
            std::fill(m_slots.begin(), m_slots.end(), 0);
        }
        if (m_slots.empty() || (m_entries.size() + 1) * 2 > m_slots.size())
            rehash(std::max<size_t>(1024, m_slots.size() * 2));
        const quint64 h = hash(s);
        size_t i = size_t(h) & m_mask;
        while (m_slots[i] != 0)
            i = (i + 1) & m_mask;
        m_entries.push_back({std::string(s), lastingCopy(qs(s)), -1});
        m_slots[i] = ((h >> 32) << 32) | quint64(m_entries.size());
        return qint32(m_entries.size()) - 1;
    }
    struct Entry
    {
        std::string bytes;
        QString text;
        qint32 memo; // index in m_memos, -1 when none
    };
    static quint64 hash(std::string_view s)
    {
        // 8 bytes at a time, multiply-xorshift mixed; texts are at most 64 bytes.
        constexpr quint64 kMul = 0x9E3779B97F4A7C15ULL;
        quint64 h = quint64(s.size()) * kMul;
        const char *p = s.data();
        size_t n = s.size();
        for (; n >= 8; n -= 8, p += 8) {
            quint64 w;
            std::memcpy(&w, p, 8);
            h = (h ^ w) * kMul;
            h ^= h >> 29;
        }
        if (n > 0) {
            quint64 w = 0;
            std::memcpy(&w, p, n);
            h = (h ^ w) * kMul;
            h ^= h >> 29;
        }
        h *= kMul;
        return h ^ (h >> 31);
    }
    // Slots hold (upper half of the hash << 32 | entry index + 1), 0 when free.
    void rehash(size_t capacity)
    {
        m_slots.assign(capacity, 0);
        m_mask = capacity - 1;
        for (size_t e = 0; e < m_entries.size(); ++e) {
            const quint64 h = hash(m_entries[e].bytes);
            size_t i = size_t(h) & m_mask;
            while (m_slots[i] != 0)
                i = (i + 1) & m_mask;
            m_slots[i] = ((h >> 32) << 32) | quint64(e + 1);
        }
    }
    // The texts looked up last, by a class of their length and end bytes: the few
    // names every record repeats (event type, asset type, location, attribute,
    // unit) are found without hashing.
    struct alignas(32) Recent // a slot in one cache line
    {
        static constexpr size_t kBytes = 24;
        quint32 size = 0;
        qint32 entry = -1;
        char bytes[kBytes];
    };
    static constexpr size_t kRecentSlots = 64; // keyClass()'s 64 classes
    static_assert(sizeof(Recent) == 32 && Recent::kBytes <= kInternMaxLength);
    std::array<Recent, kRecentSlots> m_recent{};
    std::vector<Entry> m_entries;
    std::vector<AssetMemo> m_memos;
    std::vector<QString> m_pins;
    std::unordered_set<const void *> m_pinned; // their address keys
    static constexpr size_t kMaxPins = 1 << 20;
    std::vector<quint64> m_slots;
    size_t m_mask = 0;
    quint64 m_generation = 0;
};

Interner &threadInterner()
{
    thread_local Interner interner;
    return interner;
}

QString interned(std::string_view s)
{
    return threadInterner().get(s);
}

// Interned, with its entry, for an asset id: the entry carries the AssetMemo.
QString interned(std::string_view s, InternedEntry &entry)
{
    Interner &interner = threadInterner();
    entry.index = interner.entry(s);
    entry.generation = interner.generation();
    if (entry.index >= 0)
        interner.prefetchMemo(entry.index);
    return entry.index < 0 ? qs(s) : interner.text(entry.index);
}

// Stamps the registry refs on a decoded event, as IdentityRegistry::identify
// does, first from the memo of its asset id's interner entry.
void stampRefs(PlantEvent &e, InternedEntry id)
{
    IdentityRegistry &registry = IdentityRegistry::global();
    Interner &interner = threadInterner();
    if (id.index < 0 || id.generation != interner.generation() || !sameString(interner.text(id.index), e.asset.id)) {
        registry.identify(e); // no memo, or the interner started over since
        return;
    }
    AssetMemo *m = &interner.memo(id.index);
    if (m->asset >= 0 && m->location == addressKey(e.asset.location) && m->type == addressKey(e.asset.type)) {
        e.assetRef = m->asset;
    } else {
        e.assetRef = registry.identifyAsset(e.asset);
        interner.pin(e.asset.location); // may start every memo over
        interner.pin(e.asset.type);
        m = &interner.memo(id.index);
        *m = AssetMemo{};
        m->location = addressKey(e.asset.location);
        m->type = addressKey(e.asset.type);
        m->asset = e.assetRef;
    }
    if (isCommand(e.kind)) {
        for (AttributeSample &a : e.attributes)
            a.seriesRef = IdentityRegistry::kNoRef;
        return;
    }
    for (AttributeSample &a : e.attributes) {
        const void *name = addressKey(a.name);
        int k = 0;
        while (k < m->count && m->names[size_t(k)] != name)
            ++k;
        if (k < m->count) {
            a.seriesRef = m->seriesRefs[size_t(k)];
            continue;
        }
        a.seriesRef = registry.identifySeries(e.assetRef, a.name);
        interner.pin(a.name);
        m = &interner.memo(id.index);
        if (m->asset != e.assetRef)
            continue; // the pins started over: this memo is empty now
        const size_t slot = m->count < AssetMemo::kSeries ? m->count++ : m->next++ % AssetMemo::kSeries;
        m->names[slot] = name;
        m->seriesRefs[slot] = a.seriesRef;
    }
}

// Unique per record (message ids, correlation ids): never worth interning.
enum class Unique : bool { No, Yes };

// The first number, outside strings, that no double or 64-bit integer holds (1e400,
// a 30-digit integer); empty when there is none.
QByteArrayView outOfRangeNumber(QByteArrayView payload)
{
    bool inString = false;
    for (qsizetype i = 0; i < payload.size(); ++i) {
        const char c = payload[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            continue;
        }
        if (c != '-' && (c < '0' || c > '9'))
            continue;
        qsizetype end = i + 1;
        bool integer = true;
        while (end < payload.size() && std::strchr("0123456789.eE+-", payload[end]) != nullptr) {
            integer = integer && payload[end] >= '0' && payload[end] <= '9';
            ++end;
        }
        const std::string token(payload.data() + i, size_t(end - i));
        const bool tooLong = integer && token.size() - (token[0] == '-') > 19;
        const double v = std::strtod(token.c_str(), nullptr);
        if (!std::isfinite(v) || (tooLong && std::abs(v) >= 9.3e18))
            return payload.sliced(i, end - i);
        i = end - 1;
    }
    return {};
}

// Offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF); -1 when all of it is UTF-8.
qsizetype firstInvalidUtf8(QByteArrayView text)
{
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0; // overlong
            else if (c == 0xED)
                hi = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90; // overlong
            else if (c == 0xF4)
                hi = 0x8F; // above U+10FFFF
        } else {
            return i;
        }
        if (i + len > n || p[i + 1] < lo || p[i + 1] > hi)
            return i;
        for (int k = 2; k < len; ++k) {
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return i;
        }
        i += len;
    }
    return -1;
}

// Why a record is not JSON, in the words of a parser that says where. Only runs
// for rejected records, so the slower parser costs nothing on the hot path.
QString parseErrorReason(QByteArrayView payload, simdjson::error_code err)
{
    if (err == simdjson::NUMBER_ERROR || err == simdjson::NUMBER_OUT_OF_RANGE) {
        if (const QByteArrayView number = outOfRangeNumber(payload); !number.isEmpty())
            return QStringLiteral("number out of range at byte %1: %2 does not fit a double or a 64-bit integer")
                .arg(number.data() - payload.data())
                .arg(number.size() > 24 ? QString::fromLatin1(number.first(20)) + QStringLiteral("...")
                                        : QString::fromLatin1(number));
    }
    if (err == simdjson::UTF8_ERROR) {
        if (const qsizetype at = firstInvalidUtf8(payload); at >= 0)
            return QStringLiteral("invalid UTF-8 at byte %1 (text must be UTF-8)").arg(at);
    }
    try {
        const auto doc = nlohmann::json::parse(payload.begin(), payload.end());
        Q_UNUSED(doc);
    } catch (const nlohmann::json::parse_error &e) {
        const qsizetype at = qsizetype(e.byte) - 1; // nlohmann counts from 1
        // NaN and Infinity are JavaScript, not JSON: say so rather than "invalid literal".
        for (qsizetype start = std::max<qsizetype>(0, at - 9); start <= at && start < payload.size(); ++start) {
            const QByteArrayView rest = payload.sliced(start);
            for (const char *word : {"NaN", "-Infinity", "Infinity", "-inf", "inf", "nan"}) {
                if (rest.startsWith(QByteArrayView(word)) && (start == 0 || !std::isalnum(uchar(payload[start - 1]))))
                    return QStringLiteral("invalid JSON at byte %1: %2 is not a JSON number").arg(start).arg(QLatin1String(word));
            }
        }
        // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
        QString what = QString::fromUtf8(e.what());
        if (const qsizetype colon = what.indexOf(QLatin1String(": ")); colon >= 0)
            what = what.mid(colon + 2);
        if (what.size() > 160)
            what = what.left(160) + QStringLiteral("...");
        return QStringLiteral("invalid JSON at byte %1: %2").arg(at).arg(what);
    } catch (const std::exception &) {
    }
    if (err == simdjson::UTF8_ERROR)
        return QStringLiteral("invalid UTF-8 (text must be UTF-8)");
    return QStringLiteral("invalid JSON: %1").arg(QString::fromUtf8(simdjson::error_message(err)));
}

// A key given twice in one object is ambiguous (parsers disagree on which one
// counts), so such a record is refused rather than read one way here and another
// way by the next consumer. Throws Reject naming the key.
void rejectDuplicateKey(std::string_view key)
{
    throw Reject{QStringLiteral("duplicate key \"%1\" in one object").arg(qs(key).left(64))};
}

void rejectDuplicateKeys(simdjson::dom::element e)
{
    // Only containers are walked: most values are leaves, and a call per leaf was
    // most of what this check cost.
    simdjson::dom::array a;
    if (e.get_array().get(a) == simdjson::SUCCESS) {
        for (simdjson::dom::element child : a) {
            if (isContainer(child))
                rejectDuplicateKeys(child);
        }
        return;
    }
    simdjson::dom::object o;
    if (e.get_object().get(o) != simdjson::SUCCESS)
        return;
    // Records carry a few dozen keys per object: compared pairwise on the stack. A
    // hostile object with 100,000 keys is sorted instead of compared n^2 times.
    constexpr size_t kPairwise = 32;
    struct Key // trivial, so the table is not zeroed on every call
    {
        const char *data;
        size_t size;
        std::string_view view() const { return {data, size}; }
    };
    Key few[kPairwise];
    std::vector<std::string_view> many;
    size_t count = 0;
    quint64 seen = 0; // one bit per (length, first, last byte) class: most keys skip the compare
    for (auto member : o) {
        const std::string_view key = member.key;
        if (count < kPairwise) {
            const unsigned cls = keyClass(key);
            if (seen & (quint64(1) << cls)) {
                for (size_t i = 0; i < count; ++i) {
                    if (sameBytes(few[i].view(), key))
                        rejectDuplicateKey(key);
                }
            }
            seen |= quint64(1) << cls;
            few[count] = {key.data(), key.size()};
        } else {
            if (many.empty()) {
                many.reserve(kPairwise * 2);
                for (const Key &k : few)
                    many.push_back(k.view());
            }
            many.push_back(key);
        }
        ++count;
        if (isContainer(member.value))
            rejectDuplicateKeys(member.value);
    }
    if (many.empty())
        return;
    std::sort(many.begin(), many.end());
    if (const auto it = std::adjacent_find(many.begin(), many.end()); it != many.end())
        rejectDuplicateKey(*it);
}


// A member that is present and not null.
std::optional<Json> field(const Fields &obj, std::string_view name)
{
    auto j = obj.find(name);
    if (!j || j->is_null())
        return std::nullopt;
    return j;
}

QLatin1String latin1(std::string_view name)
{
    return QLatin1String(name.data(), qsizetype(name.size()));
}

// Text field; numbers are accepted and printed (drone_id: 1 -> "1").
std::optional<QString> text(const Fields &obj, std::string_view name, Unique unique = Unique::No)
{
    const auto j = field(obj, name);
    if (!j)
        return std::nullopt;
    if (j->is_string())
        return unique == Unique::Yes ? uniqueText(j->str()) : interned(j->str());
    if (j->is_number_integer())
        return QString::number(j->int64());
    if (j->is_number_unsigned())
        return QString::number(j->uint64());
    if (j->is_number_float())
        return QString::number(j->number(), 'g', 15);
    if (j->is_boolean())
        return j->boolean() ? QStringLiteral("true") : QStringLiteral("false");
    throw Reject{QStringLiteral("field '%1' must be a string, got %2").arg(latin1(name), typeName(*j))};
}

QString textOr(const Fields &obj, std::string_view name, const QString &fallback, Unique unique = Unique::No)
{
    auto t = text(obj, name, unique);
    return t && !t->isEmpty() ? std::move(*t) : fallback;
}

QString firstText(const Fields &obj, std::initializer_list<std::string_view> names, Unique unique = Unique::No)
{
    for (const std::string_view n : names) {
        if (auto t = text(obj, n, unique); t && !t->isEmpty())
            return std::move(*t);
    }
    return {};
}

// A correlation id, which is often the message's own id: the plant writes
// correlation_id = message_id for every event that starts a chain.
// Then `own` itself is returned, the same text shared, instead of a second copy of
// it converted into a second spare id buffer. Compared as ASCII only: other bytes
// are converted as always.
QString uniqueOrOwn(const Fields &obj, std::string_view name, const QString &own)
{
    if (const auto j = field(obj, name); j && j->is_string()) {
        const std::string_view s = j->str();
        const auto sameAscii = [](char c, QChar q) { return !(c & 0x80) && q.unicode() == uchar(c); };
        if (!s.empty() && qsizetype(s.size()) == own.size() && std::equal(s.begin(), s.end(), own.begin(), sameAscii))
            return own;
        return s.empty() ? QString() : uniqueText(s); // as textOr reads a string
    }
    return textOr(obj, name, {}, Unique::Yes);
}

std::optional<Json> object(const Fields &obj, std::string_view name)
{
    const auto j = field(obj, name);
    if (!j)
        return std::nullopt;
    if (!j->is_object())
        throw Reject{QStringLiteral("field '%1' must be an object, got %2").arg(latin1(name), typeName(*j))};
    return j;
}

AttributeValue toValue(const Json &j)
{
    switch (j.type()) {
    case Json::Type::BOOL: return j.boolean();
    case Json::Type::INT64: return j.int64();
    case Json::Type::UINT64: {
        const quint64 u = j.uint64();
        if (u <= quint64(std::numeric_limits<qint64>::max()))
            return qint64(u);
        return double(u);
    }
    case Json::Type::DOUBLE: return j.number();
    case Json::Type::STRING: return interned(j.str()); // states repeat: "running", "idle"
    case Json::Type::NULL_VALUE: return std::monostate{};
    default:
        // Arrays and objects kept as compact JSON text: shown, never interpreted.
        return qs(j.dump());
    }
}

// Letters and digits only, lower case: "AttributeChanged", "attribute_changed" and
// "asset.attribute.changed" all compare alike.
QString normalized(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

// Classifies an alarm/alert event type; nullopt when it is not about an alarm.
// Operator actions are checked before the words they contain ("unshelve" holds
// "shelve", "returned to service" must not read as a clear).
std::optional<EventKind> alarmKind(const QString &type)
{
    if (!type.contains(u"alarm") && !type.contains(u"alert"))
        return std::nullopt;
    if (type.contains(u"unshelv"))
        return EventKind::AlarmUnshelved;
    if (type.contains(u"shelv"))
        return EventKind::AlarmShelved;
    if (type.contains(u"unsuppress"))
        return EventKind::AlarmUnsuppressed;
    if (type.contains(u"suppress"))
        return EventKind::AlarmSuppressed;
    if (type.contains(u"returnedtoservice") || type.contains(u"returntoservice") || type.contains(u"inservice"))
        return EventKind::AlarmReturnedToService;
    if (type.contains(u"outofservice") || type.contains(u"fromservice"))
        return EventKind::AlarmRemovedFromService;
    if (type.contains(u"reset"))
        return EventKind::AlarmReset;
    if (type.contains(u"ack"))
        return EventKind::AlarmAcknowledged;
    if (type.contains(u"clear") || type.contains(u"resolv") || type.contains(u"clos")
        || type.contains(u"normal") || type.contains(u"rtn"))
        return EventKind::AlarmCleared;
    return EventKind::AlarmTriggered;
}

std::optional<EventKind> commandKind(const QString &type)
{
    if (!type.contains(u"command"))
        return std::nullopt;
    if (type.contains(u"fail") || type.contains(u"reject") || type.contains(u"error"))
        return EventKind::CommandFailed;
    if (type.contains(u"response") || type.contains(u"reply") || type.contains(u"complet")
        || type.contains(u"result"))
        return EventKind::CommandResponse;
    return EventKind::CommandRequest;
}

// Lifecycle word for asset events; empty when the type is not a lifecycle change.
QString lifecycleFor(const QString &type)
{
    if (type.endsWith(u"deactivated"))
        return QStringLiteral("inactive");
    if (type.endsWith(u"activated"))
        return QStringLiteral("active");
    if (type.endsWith(u"created"))
        return QStringLiteral("created");
    if (type.endsWith(u"deleted"))
        return QStringLiteral("deleted");
    return {};
}

// What an event type (with the topic's entity word) says about the event: read
// from normalized(eventType + ' ' + the topic's entity word) once per topic and
// event type, so the hot path asks no string questions.
struct TypeInfo
{
    QString words;
    std::optional<EventKind> alarm;
    std::optional<EventKind> command;
    QString lifecycle;  // lifecycleFor(words)
    bool snapshot = false;   // words hold "snapshot"
    bool systemWord = false; // words hold "system", "orb" or "adapter"
    bool systemStart = false; // words start with "orb", "adapter" or "system"
    bool task = false;        // words start with "task"
    bool ndhSystemTopic = false; // the topic starts with "ndh.system"
};

TypeInfo classify(const QString &eventType, const QString &topic)
{
    TypeInfo t;
    t.words = normalized(eventType + u' ' + topic.section(u'.', 2));
    t.alarm = alarmKind(t.words);
    t.command = commandKind(t.words);
    t.lifecycle = lifecycleFor(t.words);
    t.snapshot = t.words.contains(u"snapshot");
    t.systemWord = t.words.contains(u"system") || t.words.contains(u"orb") || t.words.contains(u"adapter");
    t.systemStart = t.words.startsWith(u"orb") || t.words.startsWith(u"adapter") || t.words.startsWith(u"system");
    t.task = t.words.startsWith(u"task");
    t.ndhSystemTopic = topic.startsWith(u"ndh.system");
    return t;
}

// The TypeInfo of an event type on a topic (empty for envelopes whose type says it
// all), remembered per thread in a small direct-mapped table. Event types are
// interned and topics shared, so a hit is usually two pointer compares; the entry
// holds both texts, so a pointer seen again is the same text.
const TypeInfo &typeInfo(const QString &eventType, const QString &topic)
{
    struct Slot
    {
        QString eventType;
        QString topic;
        TypeInfo info;
        bool used = false;
    };
    constexpr size_t kSlots = 256;
    thread_local std::unique_ptr<Slot[]> table(new Slot[kSlots]);
    const auto ptr = [](const QString &s) { return quintptr(s.constData()); };
    const size_t i = size_t(((ptr(eventType) ^ (ptr(topic) >> 4) ^ quintptr(eventType.size())) * 0x9E3779B97F4A7C15ULL) >> 56)
                     % kSlots;
    Slot &slot = table[i];
    if (slot.used && slot.eventType.size() == eventType.size() && slot.topic.size() == topic.size()
        && ((ptr(slot.eventType) == ptr(eventType) && ptr(slot.topic) == ptr(topic))
            || (slot.eventType == eventType && slot.topic == topic)))
        return slot.info;
    slot.info = classify(eventType, topic);
    slot.eventType = eventType;
    slot.topic = topic;
    slot.used = true;
    return slot.info;
}

qint64 eventTime(const Fields &obj, std::string_view name, const EventSource &source)
{
    const auto j = field(obj, name);
    if (!j) {
        // Missing time: the broker's timestamp is the best evidence we have.
        if (source.brokerTimeMs > 0)
            return source.brokerTimeMs;
        throw Reject{QStringLiteral("missing '%1' and the record has no broker timestamp").arg(latin1(name))};
    }
    std::optional<qint64> ms;
    if (j->is_string()) {
        const std::string_view s = j->str();
        ms = parseTimestampMs(QByteArrayView(s.data(), qsizetype(s.size())));
        if (!ms)
            throw Reject{QStringLiteral("'%1' is not an ISO 8601 time: \"%2\"").arg(latin1(name), qs(s).left(64))};
    } else if (j->is_number()) {
        const double v = j->number();
        if (!std::isfinite(v) || v < 0)
            throw Reject{QStringLiteral("'%1' is not a valid epoch time").arg(latin1(name))};
        ms = v > 1e11 ? qint64(v) : qint64(v * 1000.0);
    } else {
        throw Reject{QStringLiteral("field '%1' must be a string, got %2").arg(latin1(name), typeName(*j))};
    }
    return *ms;
}

// Top-level names an envelope's data keeps out of its attributes: the fields that
// name the asset, plus those a kind of event reads itself. Raw key bytes compare as
// the decoded texts do (UTF-8 is checked by the parser).
using Names = std::span<const std::string_view>;
struct Skip
{
    Names identity;
    Names extra;
    bool contains(std::string_view key) const
    {
        return std::find(identity.begin(), identity.end(), key) != identity.end()
               || std::find(extra.begin(), extra.end(), key) != extra.end();
    }
};

void addAttributes(const Fields &obj, std::vector<AttributeSample> &out, int maxAttributes, const QString &prefix,
                   const Skip &skip, const Fields *units = nullptr)
{
    if (out.empty())
        out.reserve(std::min(obj.size(), size_t(std::max(maxAttributes, 0)) + 1));
    obj.forEachMember([&](std::string_view k, const Json &value) {
        if (prefix.isEmpty() && skip.contains(k))
            return;
        const QString key = interned(k);
        if (value.is_object()) {
            // Coordinates read best under their own names; other groups keep a prefix.
            const QString childPrefix = k == "location" ? QString() : prefix + key + u'.';
            addAttributes(Fields(value), out, maxAttributes, childPrefix, {});
            return;
        }
        if (int(out.size()) >= maxAttributes)
            throw Reject{QStringLiteral("more than %1 attributes in one record").arg(maxAttributes)};
        AttributeSample &sample = out.emplace_back(AttributeSample{prefix + key, toValue(value), {}});
        if (units) {
            // Looked up as a C string: a key with a NUL byte names the unit of its
            // text up to the NUL.
            if (auto u = text(*units, k.substr(0, k.find('\0'))))
                sample.unit = *u;
        }
    });
}

AlarmInfo alarmInfo(const Fields &data)
{
    AlarmInfo a;
    a.alarmId = firstText(data, {"alarm_id", "alert_id", "id"});
    a.alarmType = firstText(data, {"alarm_type", "type", "alert_type", "name"});
    if (a.alarmId.isEmpty())
        a.alarmId = a.alarmType;
    if (a.alarmId.isEmpty())
        throw Reject{QStringLiteral("alarm without an alarm_id or type")};
    a.priority = priorityFromText(firstText(data, {"priority", "severity", "level"}));
    a.message = firstText(data, {"message", "description", "text"});
    a.attribute = firstText(data, {"attribute", "tag"});
    for (const std::string_view name : {"value", "trigger_value", "new_value"}) {
        if (const auto v = field(data, name)) {
            a.value = toValue(*v);
            break;
        }
    }
    a.operatorName = firstText(data, {"operator", "acknowledged_by", "user", "user_id"});
    a.comment = firstText(data, {"comment", "reason"});
    if (const auto l = field(data, "latching"); l && l->is_boolean())
        a.latching = l->boolean();
    if (const auto until = field(data, "shelved_until")) {
        if (until->is_string()) {
            const std::string_view s = until->str();
            const auto ms = parseTimestampMs(QByteArrayView(s.data(), qsizetype(s.size())));
            if (!ms)
                throw Reject{QStringLiteral("'shelved_until' is not an ISO 8601 time")};
            a.shelvedUntilMs = *ms;
        }
    }
    return a;
}

void fillFromData(PlantEvent &e, const TypeInfo &type, const Fields &data, int maxAttributes, Names identityFields)
{
    if (const auto k = type.alarm) {
        e.kind = *k;
        e.alarm = alarmInfo(data);
        // A shelve may give a duration instead of an end time.
        if (*k == EventKind::AlarmShelved && e.alarm->shelvedUntilMs == 0) {
            if (const auto d = field(data, "duration_s"); d && d->is_number())
                e.alarm->shelvedUntilMs = e.eventTimeMs + qint64(d->number() * 1000.0);
        }
        return;
    }
    if (const auto k = type.command) {
        e.kind = *k;
        // The command, its parameters and the reply's status/result/reason become
        // attributes, so the tracker can say why a command failed. State, history and
        // the tree skip command events, so nothing of it lands on the asset.
        addAttributes(data, e.attributes, maxAttributes, {}, {});
        if (e.correlationId.isEmpty())
            e.correlationId = firstText(data, {"correlation_id", "command_id"});
        return;
    }
    if (const auto a = field(data, "attributes"); type.snapshot || (a && a->is_object())) {
        e.kind = type.snapshot ? EventKind::Snapshot : EventKind::AttributeUpdate;
        if (const auto attrs = object(data, "attributes")) {
            const auto units = field(data, "units");
            if (units && units->is_object()) {
                const Fields unitFields(*units);
                addAttributes(Fields(*attrs), e.attributes, maxAttributes, {}, {}, &unitFields);
            } else {
                addAttributes(Fields(*attrs), e.attributes, maxAttributes, {}, {});
            }
        }
        e.lifecycle = firstText(data, {"lifecycle_state", "lifecycle", "state", "status"});
        return;
    }
    if (const auto attr = field(data, "attribute")) {
        if (!attr->is_string() || attr->str().empty())
            throw Reject{QStringLiteral("field 'attribute' must be a non-empty string")};
        auto value = field(data, "new_value");
        if (!value)
            value = field(data, "value");
        if (value && (value->is_object() || value->is_array()))
            throw Reject{QStringLiteral("attribute value must be a number, string or bool, got %1")
                             .arg(typeName(*value))};
        e.kind = EventKind::AttributeUpdate;
        e.attributes.reserve(1);
        e.attributes.push_back({interned(attr->str()),
                                value ? toValue(*value) : AttributeValue{},
                                textOr(data, "unit", {})});
        return;
    }
    const QString &life = type.lifecycle;
    const QString newState = firstText(data, {"new_state", "lifecycle_state", "new_status"});
    if (!life.isEmpty() || !newState.isEmpty()) {
        e.kind = EventKind::Lifecycle;
        e.lifecycle = newState.isEmpty() ? life : newState;
        static constexpr std::array<std::string_view, 7> kRead = {
            "new_state", "old_state", "lifecycle_state", "old_status", "new_status", "reason", "location"};
        addAttributes(data, e.attributes, maxAttributes, {}, {identityFields, kRead});
        if (const auto loc = field(data, "location"); loc && loc->is_object())
            addAttributes(Fields(*loc), e.attributes, maxAttributes, {}, {});
        if (auto status = text(data, "new_status"))
            e.attributes.push_back({QStringLiteral("status"), *status, {}});
        return;
    }
    if (type.systemWord) {
        e.kind = EventKind::System;
        return;
    }
    // Anything else with scalar fields is a set of attribute values (telemetry).
    static constexpr std::array<std::string_view, 1> kUnit = {"unit"};
    addAttributes(data, e.attributes, maxAttributes, {}, {identityFields, kUnit});
    e.kind = e.attributes.empty() ? EventKind::System : EventKind::AttributeUpdate;
    if (e.attributes.size() == 1 && e.attributes.front().unit.isEmpty())
        e.attributes.front().unit = textOr(data, "unit", {});
}

QString fallbackMessageId(const EventSource &s)
{
    return QStringLiteral("%1/%2/%3").arg(s.topic).arg(s.partition).arg(s.offset);
}

// An asset id field as textOr reads it, interned with its entry when a string.
QString idText(const Fields &obj, std::string_view name, InternedEntry &entry)
{
    if (const auto j = field(obj, name); j && j->is_string() && !j->str().empty())
        return interned(j->str(), entry);
    return textOr(obj, name, {});
}

// prefix + id, interned with its entry when short and ASCII ("DRONE-" + "7").
QString prefixedId(std::string_view prefix, const QString &id, InternedEntry &entry)
{
    char bytes[kInternMaxLength];
    if (prefix.size() + size_t(id.size()) <= sizeof bytes
        && std::all_of(id.begin(), id.end(), [](QChar c) { return c.unicode() < 0x80; })) {
        std::memcpy(bytes, prefix.data(), prefix.size());
        for (qsizetype i = 0; i < id.size(); ++i)
            bytes[prefix.size() + size_t(i)] = char(id[i].unicode());
        return interned(std::string_view(bytes, prefix.size() + size_t(id.size())), entry);
    }
    entry = {};
    return latin1(prefix) + id;
}

// The decoders fill the event in place at the end of `out`; decode() removes it
// again when the record is rejected. Its attribute vector is a spent event's.
PlantEvent &newEvent(std::vector<PlantEvent> &out, Envelope envelope, const EventSource &source)
{
    PlantEvent &e = out.emplace_back();
    e.attributes = spareAttributes();
    e.envelope = envelope;
    e.source = source;
    return e;
}

InternedEntry decodeNdh(const Fields &doc, const EventSource &source, const DecoderLimits &limits,
                        std::vector<PlantEvent> &out)
{
    InternedEntry id;
    PlantEvent &e = newEvent(out, Envelope::Ndh, source);
    e.messageId = textOr(doc, "message_id", {}, Unique::Yes);
    if (e.messageId.isEmpty())
        e.messageId = fallbackMessageId(source); // built only when needed: it costs a format per record
    e.eventType = firstText(doc, {"event_type", "message_type"});
    if (e.eventType.isEmpty())
        e.eventType = source.topic.section(u'.', -1);
    const TypeInfo &type = typeInfo(e.eventType, source.topic);
    const bool system = type.ndhSystemTopic || type.systemStart;
    QString assetId = idText(doc, "asset_id", id);
    if (assetId.isEmpty()) {
        if (!system)
            throw Reject{QStringLiteral("missing asset_id")};
        assetId = idText(doc, "source_orb", id);
        if (assetId.isEmpty()) {
            assetId = QStringLiteral("ORB");
            id = {};
        }
    }
    e.asset = {textOr(doc, "location", system ? QStringLiteral("SYSTEM") : QStringLiteral("UNKNOWN")),
               textOr(doc, "asset_type", system ? QStringLiteral("ORB") : QStringLiteral("Asset")),
               std::move(assetId)};
    e.eventTimeMs = eventTime(doc, "timestamp", source);
    e.correlationId = uniqueOrOwn(doc, "correlation_id", e.messageId);
    e.causationId = textOr(doc, "causation_id", {}, Unique::Yes);
    const auto data = object(doc, "event_data");
    if (system && !type.alarm && !type.command) {
        e.kind = EventKind::System;
    } else {
        fillFromData(e, type, data ? Fields(*data) : Fields(), limits.maxAttributes, {});
        if (e.kind == EventKind::Lifecycle && e.lifecycle.isEmpty())
            e.kind = EventKind::System;
    }
    return id;
}

InternedEntry decodeDrone(const Fields &doc, const EventSource &source, const DecoderLimits &limits,
                          std::vector<PlantEvent> &out)
{
    InternedEntry id;
    PlantEvent &e = newEvent(out, Envelope::Drone, source);
    e.eventType = textOr(doc, "type", {});
    if (e.eventType.isEmpty())
        throw Reject{QStringLiteral("missing 'type'")};
    e.messageId = textOr(doc, "id", {}, Unique::Yes);
    if (e.messageId.isEmpty())
        e.messageId = fallbackMessageId(source); // built only when needed: it costs a format per record
    e.eventTimeMs = eventTime(doc, doc.contains("timestamp") ? "timestamp" : "time", source);
    const auto dataPtr = object(doc, "data");
    const Fields data = dataPtr ? Fields(*dataPtr) : Fields();
    e.correlationId = firstText(data, {"correlation_id", "command_id"}, Unique::Yes);

    QString location = firstText(data, {"site", "area", "zone"});
    if (location.isEmpty())
        location = QStringLiteral("FLEET");
    const QString droneId = idText(data, "drone_id", id);
    if (!droneId.isEmpty()) {
        const bool digits = std::all_of(droneId.begin(), droneId.end(), [](QChar c) { return c.isDigit(); });
        e.asset = {location, QStringLiteral("Drone"), digits ? prefixedId("DRONE-", droneId, id) : droneId};
    } else if (auto task = text(data, "task_id")) {
        e.asset = {location, QStringLiteral("Task"), prefixedId("TASK-", *task, id)};
    } else {
        const QString src = idText(doc, "source", id);
        if (src.isEmpty())
            throw Reject{QStringLiteral("missing drone_id and source: no asset to attach the event to")};
        e.asset = {QStringLiteral("SYSTEM"), QStringLiteral("Service"), src};
    }

    const TypeInfo &type = typeInfo(e.eventType, {});
    static constexpr std::array<std::string_view, 4> kIdentity = {"drone_id", "site", "area", "zone"};
    if (type.task && !type.alarm) {
        e.kind = EventKind::AttributeUpdate;
        data.forEachMember([&e](std::string_view name, const Json &value) {
            if (name == "drone_id" || value.is_object() || value.is_array())
                return;
            const QString k = interned(name);
            e.attributes.push_back({k.startsWith(u"task_") ? k : QStringLiteral("task_") + k, toValue(value), {}});
        });
    } else {
        fillFromData(e, type, data, limits.maxAttributes, kIdentity);
    }
    return id;
}

InternedEntry decodeDomain(const Fields &doc, const EventSource &source, const DecoderLimits &limits,
                           std::vector<PlantEvent> &out)
{
    InternedEntry id;
    PlantEvent &e = newEvent(out, Envelope::Domain, source);
    e.eventType = textOr(doc, "event_type", {});
    if (e.eventType.isEmpty())
        throw Reject{QStringLiteral("missing 'event_type'")};
    QString aggregate = idText(doc, "aggregate_id", id);
    if (aggregate.isEmpty())
        throw Reject{QStringLiteral("missing aggregate_id")};
    e.messageId = textOr(doc, "event_id", {}, Unique::Yes);
    if (e.messageId.isEmpty())
        e.messageId = fallbackMessageId(source); // built only when needed: it costs a format per record
    e.eventTimeMs = eventTime(doc, "timestamp", source);
    const auto payloadPtr = object(doc, "payload");
    const Fields payload = payloadPtr ? Fields(*payloadPtr) : Fields();
    const auto metadataPtr = object(doc, "metadata");
    const Fields metadata = metadataPtr ? Fields(*metadataPtr) : Fields();
    if (metadataPtr) {
        e.correlationId = textOr(metadata, "correlation_id", {}, Unique::Yes);
        e.causationId = textOr(metadata, "causation_id", {}, Unique::Yes);
    }
    QString location = textOr(payload, "location", {});
    if (location.isEmpty() && metadataPtr)
        location = textOr(metadata, "location", {});
    e.asset = {location.isEmpty() ? QStringLiteral("DOMAIN") : location,
               textOr(doc, "aggregate_type", QStringLiteral("Aggregate")), std::move(aggregate)};
    static constexpr std::array<std::string_view, 2> kIdentity = {"location", "asset_id"};
    fillFromData(e, typeInfo(e.eventType, {}), payload, limits.maxAttributes, kIdentity);
    return id;
}

Envelope sniff(const Fields &doc)
{
    if (doc.contains("event_data") || (doc.contains("message_id") && doc.contains("asset_id")))
        return Envelope::Ndh;
    if (doc.contains("aggregate_id") || (doc.contains("event_id") && doc.contains("payload")))
        return Envelope::Domain;
    if (doc.contains("type") && (doc.contains("data") || doc.contains("specversion")))
        return Envelope::Drone;
    if (doc.contains("asset_id"))
        return Envelope::Ndh;
    return Envelope::Sniff;
}

// Records from one producer repeat their layout: the same keys in the same order
// and spacing, with values of the same kinds; only the values' bytes change. A
// RecordShape is that layout, learnt from a record simdjson accepted. Reading a
// record through it compares the bytes between values with the learnt ones and
// reads the values in place, so the record needs neither simdjson's parse nor the
// duplicate-key check (the shape's keys are the learnt record's, which passed it).
// The read is strict: it accepts only what the shape's record would read as with
// simdjson, the same values of the same types, and anything else (escapes, a
// number it does not read exactly, other spacing, keys or kinds) is "no match",
// and the record goes through simdjson as before, with the same errors.
class RecordShape
{
public:
    // Bounds on what is learnt, which keep a shape at ~20 KB: records of plant
    // events are a few hundred bytes with a few dozen values in two or three objects.
    static constexpr size_t kMaxBytes = 4096;
    static constexpr size_t kMaxValues = 200;
    static constexpr size_t kMaxObjects = 16;

    // Learns the layout of `json`, a text simdjson accepted without duplicate keys.
    // False when its root is not an object or the shape would not be read: arrays,
    // keys with escapes, objects of more than 32 members, more than kMaxValues
    // values, kMaxObjects objects or kMaxBytes bytes.
    bool learn(std::string_view json)
    {
        if (json.size() > kMaxBytes)
            return false;
        m_bytes.assign(json);
        m_steps.clear();
        m_values.clear();
        m_objects.clear();
        // Reserved, so that members and values can point at values and objects.
        m_values.reserve(kMaxValues);
        m_objects.reserve(kMaxObjects);
        m_depth = 0;
        Learner l{*this, m_bytes};
        l.skipSpace();
        if (l.i >= m_bytes.size() || m_bytes[l.i] != '{' || !l.value(1))
            return false;
        l.skipSpace();
        if (l.i != m_bytes.size())
            return false;
        l.step(Step::End, 0);
        return true;
    }

    // The root object of `json` read through this shape, or null when `json` does
    // not have it. The values point into `json`, and stay valid until the next
    // read of this shape (a failed one too): until the thread decodes again.
    const ShapeValue *read(std::string_view json)
    {
        const char *p = json.data();
        const size_t n = json.size();
        size_t i = 0;
        for (const Step &s : m_steps) {
            if (n - i < s.size || !sameBytes(std::string_view(p + i, s.size), std::string_view(m_bytes.data() + s.offset, s.size)))
                return nullptr;
            i += s.size;
            ShapeValue &v = m_values[s.value];
            switch (s.kind) {
            case Step::String: {
                const size_t end = stringEnd(p, n, i);
                if (end == 0)
                    return nullptr;
                v.text = std::string_view(p + i, end - i);
                i = end;
                break;
            }
            case Step::Number:
                if (!readNumber(p, n, i, v))
                    return nullptr;
                break;
            case Step::Literal:
                if (!readLiteral(p, n, i, v))
                    return nullptr;
                break;
            case Step::ObjectStart: v.text = std::string_view(p + i, 0); break;
            case Step::ObjectEnd: v.text = std::string_view(v.text.data(), size_t(p + i - v.text.data())); break;
            case Step::End: return i == n ? &m_values[0] : nullptr;
            }
        }
        return nullptr;
    }
    // Objects nested in the root, the root counted. Empty objects count too (not in
    // simdjson's count), so a shape within a decoder's depth limit holds records
    // the parser takes under it.
    int depth() const { return m_depth; }

private:
    // The learnt bytes [offset, offset + size) come before the step's value.
    struct Step
    {
        enum Kind : quint8 { String, Number, Literal, ObjectStart, ObjectEnd, End };
        quint32 offset;
        quint32 size;
        quint16 value;
        Kind kind;
    };

    // A scan of a JSON text simdjson accepted, noting the steps, values and objects.
    struct Learner
    {
        RecordShape &shape;
        const std::string &t;
        size_t i = 0;
        size_t runStart = 0; // where the bytes before the next step start

        void skipSpace()
        {
            while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
                ++i;
        }
        void step(Step::Kind kind, size_t value)
        {
            shape.m_steps.push_back({quint32(runStart), quint32(i - runStart), quint16(value), kind});
            runStart = i;
        }
        size_t newValue(Json::Type type)
        {
            Q_ASSERT(shape.m_values.size() < kMaxValues); // value() checks
            shape.m_values.emplace_back().type = type;
            return shape.m_values.size() - 1;
        }
        // The value at i (space skipped), `depth` counting the containers it is in.
        bool value(int depth)
        {
            if (shape.m_values.size() >= kMaxValues)
                return false;
            skipSpace();
            if (i >= t.size())
                return false;
            const char c = t[i];
            if (c == '{')
                return object(depth);
            if (c == '"') {
                const size_t v = newValue(Json::Type::STRING);
                ++i; // the opening quote is the learnt bytes'
                step(Step::String, v);
                for (; i < t.size() && t[i] != '"'; ++i) {
                    if (t[i] == '\\')
                        ++i;
                }
                if (i >= t.size())
                    return false;
                runStart = i++; // the closing quote is the next bytes'
                return true;
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                step(Step::Number, newValue(Json::Type::DOUBLE));
                const auto inNumber = [](char ch) {
                    return (ch >= '0' && ch <= '9') || ch == '-' || ch == '+' || ch == '.' || ch == 'e' || ch == 'E';
                };
                while (i < t.size() && inNumber(t[i]))
                    ++i;
                runStart = i;
                return true;
            }
            if (c == 't' || c == 'f' || c == 'n') {
                step(Step::Literal, newValue(Json::Type::NULL_VALUE));
                while (i < t.size() && t[i] >= 'a' && t[i] <= 'z')
                    ++i;
                runStart = i;
                return true;
            }
            return false; // an array
        }
        bool object(int depth)
        {
            shape.m_depth = std::max(shape.m_depth, depth);
            if (shape.m_objects.size() >= kMaxObjects)
                return false;
            const size_t v = newValue(Json::Type::OBJECT);
            ShapeObject &obj = shape.m_objects.emplace_back();
            shape.m_values[v].object = &obj;
            step(Step::ObjectStart, v);
            ++i; // '{'
            skipSpace();
            if (i < t.size() && t[i] == '}') {
                ++i;
                step(Step::ObjectEnd, v);
                return true;
            }
            for (;;) {
                skipSpace();
                if (i >= t.size() || t[i] != '"')
                    return false;
                const size_t keyStart = ++i;
                while (i < t.size() && t[i] != '"' && t[i] != '\\')
                    ++i;
                if (i >= t.size() || t[i] != '"')
                    return false; // a key with escapes: its bytes are not its text
                const std::string_view key(t.data() + keyStart, i - keyStart);
                ++i;
                skipSpace();
                if (i >= t.size() || t[i] != ':')
                    return false;
                ++i;
                const size_t member = shape.m_values.size();
                if (!value(depth + 1))
                    return false;
                if (obj.members.size() >= kInlineMembers)
                    return false;
                obj.members.push_back({key, Json(&shape.m_values[member])});
                obj.classes |= quint64(1) << keyClass(key);
                skipSpace();
                if (i < t.size() && t[i] == ',') {
                    ++i;
                    continue;
                }
                if (i < t.size() && t[i] == '}') {
                    ++i;
                    step(Step::ObjectEnd, v);
                    return true;
                }
                return false;
            }
        }
    };

    // The end of a string's bytes that start at i: the index of its closing quote,
    // or 0 when the string has an escape or a control character (or no end), or is
    // not UTF-8. Eight bytes at a time: a byte is looked at only when it is a quote,
    // a backslash, below 0x20 or above 0x7F.
    static size_t stringEnd(const char *p, size_t n, size_t i)
    {
        constexpr quint64 kOnes = 0x0101010101010101ULL;
        constexpr quint64 kHigh = 0x8080808080808080ULL;
        const size_t start = i;
        bool ascii = true;
        for (;;) {
            quint64 special = 0;
            while (i + 8 <= n) {
                quint64 w;
                std::memcpy(&w, p + i, 8);
                const quint64 quote = w ^ (kOnes * '"');
                const quint64 slash = w ^ (kOnes * '\\');
                // A zero byte, or one below 0x20, sets the high bit of its byte (and
                // maybe of bytes above it, never below): the lowest bit set is exact.
                special = ((quote - kOnes) & ~quote) | ((slash - kOnes) & ~slash) | ((w - kOnes * 0x20) & ~w) | w;
                special &= kHigh;
                if (special)
                    break;
                i += 8;
            }
            if (special)
                i += size_t(__builtin_ctzll(special)) / 8;
            else {
                while (i < n && p[i] != '"' && p[i] != '\\' && uchar(p[i]) >= 0x20 && uchar(p[i]) < 0x80)
                    ++i;
                if (i >= n)
                    return 0;
            }
            const uchar c = uchar(p[i]);
            if (c == '"')
                break;
            if (c < 0x80)
                return 0; // a backslash or a control character
            ascii = false;
            ++i;
        }
        if (!ascii && !simdjson::validate_utf8(p + start, i - start))
            return 0;
        return i;
    }

    // A number as simdjson reads it, where that is exact here: an integer of at most
    // 18 digits (INT64), or one with a fraction and at most 15 digits in all
    // (DOUBLE: both parts exact in a double, so one division rounds correctly).
    // Exponents and longer numbers are left to simdjson.
    static bool readNumber(const char *p, size_t n, size_t &i, ShapeValue &v)
    {
        const bool negative = i < n && p[i] == '-';
        size_t k = i + (negative ? 1 : 0);
        const auto digit = [&](size_t at) { return at < n && p[at] >= '0' && p[at] <= '9'; };
        if (!digit(k))
            return false;
        quint64 mantissa = 0;
        int digits = 0;
        if (p[k] == '0') {
            ++k;
            ++digits;
            if (digit(k))
                return false; // a leading zero
        } else {
            for (; digit(k); ++k, ++digits) {
                if (digits == 18)
                    return false;
                mantissa = mantissa * 10 + quint64(p[k] - '0');
            }
        }
        int fraction = 0;
        if (k < n && p[k] == '.') {
            ++k;
            if (!digit(k))
                return false;
            for (; digit(k); ++k, ++fraction, ++digits) {
                if (digits >= 15)
                    return false;
                mantissa = mantissa * 10 + quint64(p[k] - '0');
            }
        }
        if (k < n && (p[k] == 'e' || p[k] == 'E'))
            return false;
        if (fraction == 0) {
            v.type = Json::Type::INT64;
            v.int64 = negative ? -qint64(mantissa) : qint64(mantissa);
        } else {
            static constexpr double kPowers[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
            const double d = double(mantissa) / kPowers[fraction];
            v.type = Json::Type::DOUBLE;
            v.number = negative ? -d : d;
        }
        i = k;
        return true;
    }

    static bool readLiteral(const char *p, size_t n, size_t &i, ShapeValue &v)
    {
        const std::string_view rest(p + i, n - i);
        if (rest.substr(0, 4) == "true" || rest.substr(0, 5) == "false") {
            v.type = Json::Type::BOOL;
            v.boolean = rest[0] == 't';
            i += v.boolean ? 4 : 5;
            return true;
        }
        if (rest.substr(0, 4) == "null") {
            v.type = Json::Type::NULL_VALUE;
            i += 4;
            return true;
        }
        return false;
    }

    std::string m_bytes; // the learnt record: the bytes between values, and the keys
    std::vector<Step> m_steps;
    std::vector<ShapeValue> m_values; // [0] is the root object
    std::vector<ShapeObject> m_objects;
    int m_depth = 0;
};

// The shapes of the records this thread decoded last, the one that matched last
// first. A record that matches none goes through simdjson, and its shape is
// learnt then. A feed that does not repeat its layouts (more layouts in turn than
// are kept, arrays in every record) would pay for tries and learning on every
// record and gain nothing: when fewer than half of a window's records matched,
// the shapes rest (every record is parsed) for a while, twice as long each time
// the next window fails too.
class RecordShapes
{
public:
    // `mayRest` false: tried even while resting, and not counted.
    const ShapeValue *read(std::string_view json, int maxDepth, bool mayRest)
    {
        if (mayRest && m_resting > 0) {
            --m_resting;
            return nullptr;
        }
        const ShapeValue *root = nullptr;
        for (size_t k = 0; k < m_count && !root; ++k) {
            RecordShape &shape = *m_shapes[k];
            if (shape.depth() <= maxDepth && (root = shape.read(json))) {
                ++m_reads;
                ++m_windowMatches;
                std::rotate(m_shapes.begin(), m_shapes.begin() + ptrdiff_t(k), m_shapes.begin() + ptrdiff_t(k) + 1);
            }
        }
        if (mayRest && ++m_windowRecords == kWindow) {
            if (m_windowMatches * 2 < kWindow) {
                m_resting = m_rest;
                m_rest = std::min(m_rest * 2, kMaxRest);
            } else {
                m_rest = kMinRest;
            }
            m_windowRecords = m_windowMatches = 0;
        }
        return root;
    }
    // `json`, which matched no shape, was read by simdjson (no duplicate keys): its
    // shape is kept, in place of the shape used least lately. Not a shape deeper
    // than `maxDepth`: it would not be tried, and learnt again on every record.
    void learn(std::string_view json, int maxDepth, bool mayRest)
    {
        if (mayRest && m_resting > 0)
            return;
        if (!m_scratch)
            m_scratch = std::make_unique<RecordShape>();
        if (!m_scratch->learn(json) || m_scratch->depth() > maxDepth)
            return;
        std::unique_ptr<RecordShape> evicted;
        if (m_count == kShapes)
            evicted = std::move(m_shapes[--m_count]);
        std::move_backward(m_shapes.begin(), m_shapes.begin() + ptrdiff_t(m_count), m_shapes.begin() + ptrdiff_t(m_count) + 1);
        m_shapes[0] = std::move(m_scratch);
        ++m_count;
        m_scratch = std::move(evicted);
    }

    quint64 reads() const { return m_reads; }

private:
    // The demo plant's exported log (bench_log_load) mixes layouts by event type
    // and asset type: 80% of its records matched one of four shapes, 99% one of twelve.
    static constexpr size_t kShapes = 12;
    static constexpr unsigned kWindow = 256;
    static constexpr unsigned kMinRest = 4096;
    static constexpr unsigned kMaxRest = 1 << 20;
    std::array<std::unique_ptr<RecordShape>, kShapes> m_shapes;
    std::unique_ptr<RecordShape> m_scratch; // learnt into, kept only when it learnt a shape
    size_t m_count = 0;
    unsigned m_windowRecords = 0;
    unsigned m_windowMatches = 0;
    unsigned m_resting = 0; // records still to parse without trying the shapes
    unsigned m_rest = kMinRest;
    quint64 m_reads = 0;
};

// simdjson's minified text of the value, as the DOM gives it. An object read through
// a record shape is parsed on its own for it (rare: a value kept as text).
std::string Json::dump() const
{
    if (!m_v)
        return simdjson::minify(m_e);
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element e;
    if (parser.parse(m_v->text.data(), m_v->text.size()).get(e) != simdjson::SUCCESS) {
        Q_ASSERT(false); // the text matched a shape learnt from a record simdjson read
        return std::string(m_v->text);
    }
    return simdjson::minify(e);
}

RecordShapes &threadShapes()
{
    thread_local RecordShapes shapes;
    return shapes;
}

// One JSON text parsed under the limits (depth); throws Reject. Duplicate keys are
// checked as its top level is read (Fields::CheckKeys, or rejectDuplicateKeys for
// a value that is not an object).
// One parser per thread: a decoder is used by one thread at a time, and the parsed
// document lives only until the next parse on this thread.
simdjson::dom::element parsedDocument(QByteArrayView payload, const DecoderLimits &limits)
{
    thread_local simdjson::dom::parser parser;
    const size_t depth = size_t(limits.maxDepth) + 1;
    if (parser.max_depth() != depth && parser.allocate(4096, depth) != simdjson::SUCCESS)
        throw Reject{QStringLiteral("out of memory for the JSON parser")};
    simdjson::dom::element root;
    // An empty view may have no bytes at all (a null pointer): simdjson copies from
    // its pointer even for 0 bytes, so it gets an empty text instead (UBSan caught it,
    // fuzz_redis_reply with an empty "attributes" field). Same answer: EMPTY.
    const char *bytes = payload.data() ? payload.data() : "";
    if (const auto err = parser.parse(bytes, size_t(payload.size())).get(root); err != simdjson::SUCCESS) {
        if (err == simdjson::DEPTH_ERROR)
            throw Reject{QStringLiteral("JSON nested deeper than %1 levels").arg(limits.maxDepth)};
        throw Reject{parseErrorReason(payload, err)};
    }
    return root;
}

// Topic rules are asked about on every record: each pattern's expression is
// compiled once per thread, not once per record (a compile costs microseconds).
bool wildcardMatch(const QString &pattern, const QString &topic)
{
    if (!pattern.contains(u'*'))
        return pattern == topic;
    thread_local QHash<QString, QRegularExpression> compiled;
    auto it = compiled.constFind(pattern);
    if (it == compiled.constEnd()) {
        if (compiled.size() >= 256)
            compiled.clear();
        it = compiled.insert(pattern, QRegularExpression(QRegularExpression::anchoredPattern(
                                          QRegularExpression::wildcardToRegularExpression(pattern))));
    }
    return it->match(topic).hasMatch();
}

} // namespace

void recycleDecodedEvents(std::vector<PlantEvent> &events)
{
    SpareParts &spares = threadSpares();
    for (PlantEvent &e : events) {
        // A correlation id that is the message id (uniqueOrOwn) shares its text: let
        // go of that share first.
        if (e.correlationId.constData() == e.messageId.constData())
            e.correlationId = QString();
        // Every id the decoder filled from the spares (uniqueText) goes back, or a
        // feed with chains would run them dry. isDetached(): this event's text
        // alone (not shared, not raw data).
        for (QString *id : {&e.messageId, &e.correlationId, &e.causationId}) {
            if (spares.ids.size() < SpareParts::kMax && id->isDetached() && id->capacity() <= SpareParts::kMaxIdChars)
                spares.ids.push_back(std::move(*id));
        }
        if (spares.attributes.size() < SpareParts::kMax && e.attributes.capacity() > 0
            && e.attributes.capacity() <= SpareParts::kMaxAttributes) {
            e.attributes.clear();
            spares.attributes.push_back(std::move(e.attributes));
        }
    }
    // isDetached() read the reference counts relaxed: this orders the other
    // holders' last reads of a kept id (before their release of it) before the
    // decoder writes into it.
    std::atomic_thread_fence(std::memory_order_acquire);
    events.clear();
}

bool recordShapesByDefault()
{
    static const bool on = qEnvironmentVariable("NDH_DECODER_SHAPES") != u"0";
    return on;
}

quint64 recordsReadThroughShapes()
{
    return threadShapes().reads();
}

EnvelopeDecoder::EnvelopeDecoder(DecoderLimits limits)
    : m_limits(limits)
{
}

void EnvelopeDecoder::setTopicEnvelope(const QString &topicPattern, Envelope envelope)
{
    m_rules.append({topicPattern, envelope});
}

Envelope EnvelopeDecoder::envelopeForTopic(const QString &topic) const
{
    for (const Rule &r : m_rules) {
        if (wildcardMatch(r.pattern, topic))
            return r.envelope;
    }
    return Envelope::Sniff;
}

DecodeOutcome EnvelopeDecoder::decode(QByteArrayView payload, const EventSource &source,
                                      std::vector<PlantEvent> &out) const
{
    DecodeOutcome outcome;
    const size_t before = out.size();
    try {
        if (payload.isEmpty())
            throw Reject{QStringLiteral("empty payload")};
        if (payload.size() > m_limits.maxPayloadBytes)
            throw Reject{QStringLiteral("payload of %1 bytes exceeds the %2-byte limit")
                             .arg(payload.size())
                             .arg(m_limits.maxPayloadBytes)};
        const std::string_view text(payload.data(), size_t(payload.size()));
        RecordShapes &shapes = threadShapes();
        // Shapes are shared by the thread's decoders. A decoder whose depth limit the
        // parser cannot be allocated for refuses every record, and must not read
        // records through another decoder's shapes instead; so shapes are used only
        // under limits the parser surely takes (4,096 levels: a few KB). Checking the
        // parser itself on each record instead cost 3% of the decoder's rate
        // (bench_decoder, 10 alternating pairs).
        const bool shapesOn = m_limits.readRecordShapes && m_limits.maxDepth <= 4096;
        const bool mayRest = m_limits.restUnrepeatedShapes;
        const ShapeValue *shaped = shapesOn ? shapes.read(text, m_limits.maxDepth, mayRest) : nullptr;
        const Json root = shaped ? Json(shaped) : Json(parsedDocument(payload, m_limits));
        const Fields doc(root, Fields::CheckKeys{});
        if (!root.is_object())
            throw Reject{QStringLiteral("not a JSON object but %1").arg(typeName(root))};
        if (!shaped && shapesOn)
            shapes.learn(text, m_limits.maxDepth, mayRest);
        Envelope envelope = envelopeForTopic(source.topic);
        if (envelope == Envelope::Sniff)
            envelope = sniff(doc);
        outcome.envelope = envelope;
        InternedEntry assetId;
        switch (envelope) {
        case Envelope::Ndh: assetId = decodeNdh(doc, source, m_limits, out); break;
        case Envelope::Drone: assetId = decodeDrone(doc, source, m_limits, out); break;
        case Envelope::Domain: assetId = decodeDomain(doc, source, m_limits, out); break;
        case Envelope::Sniff:
            throw Reject{QStringLiteral("unknown envelope: not NDH (asset_id, event_data), drone "
                                        "(id, type, data) or domain (event_id, aggregate_id, payload)")};
        }
        stampRefs(out.back(), assetId); // each envelope decodes into one event
        outcome.accepted = true;
    } catch (const Reject &r) {
        out.resize(before);
        outcome.reason = outcome.envelope == Envelope::Sniff
                             ? r.reason
                             : envelopeName(outcome.envelope) + QStringLiteral(" envelope: ") + r.reason;
    } catch (const std::exception &ex) {
        // Nothing below should throw anything else; if it does, the record is still
        // kept with a reason rather than lost.
        out.resize(before);
        outcome.reason = QStringLiteral("malformed record: %1").arg(QString::fromUtf8(ex.what()));
    }
    return outcome;
}

DecodeOutcome EnvelopeDecoder::decodeAttributes(QByteArrayView json, std::vector<AttributeSample> &out) const
{
    DecodeOutcome outcome;
    const size_t before = out.size();
    try {
        if (json.size() > m_limits.maxPayloadBytes)
            throw Reject{QStringLiteral("%1 bytes exceed the %2-byte limit").arg(json.size()).arg(m_limits.maxPayloadBytes)};
        const Json root(parsedDocument(json, m_limits));
        const Fields fields(root, Fields::CheckKeys{});
        if (!root.is_object())
            throw Reject{QStringLiteral("not a JSON object but %1").arg(typeName(root))};
        addAttributes(fields, out, m_limits.maxAttributes, {}, {});
        outcome.accepted = true;
    } catch (const Reject &r) {
        out.resize(before);
        outcome.reason = r.reason;
    } catch (const std::exception &ex) {
        out.resize(before);
        outcome.reason = QStringLiteral("malformed attributes: %1").arg(QString::fromUtf8(ex.what()));
    }
    return outcome;
}

bool EnvelopeDecoder::decodeOrDeadLetter(QByteArrayView payload, QByteArrayView key,
                                         const EventSource &source, std::vector<PlantEvent> &out,
                                         std::vector<DeadLetter> &deadLetters, qint64 nowMs) const
{
    const DecodeOutcome outcome = decode(payload, source, out);
    if (outcome.accepted)
        return true;
    DeadLetter letter;
    // Keep at most the size bound (plus a little) so a hostile 100 MB record cannot
    // exhaust memory through the dead-letter view; the original size is recorded.
    letter.payload = payload.first(std::min(payload.size(), m_limits.maxPayloadBytes)).toByteArray();
    letter.payloadSize = payload.size();
    letter.key = key.first(std::min<qsizetype>(key.size(), 4096)).toByteArray();
    letter.reason = outcome.reason;
    letter.source = source;
    letter.receivedMs = nowMs;
    deadLetters.push_back(std::move(letter));
    return false;
}

std::optional<std::pair<QString, Envelope>> parseEnvelopeRule(const QString &text, QString *error)
{
    const qsizetype eq = text.lastIndexOf(u'=');
    const QString pattern = text.left(eq).trimmed();
    const auto envelope = eq > 0 ? envelopeFromName(text.mid(eq + 1)) : std::nullopt;
    if (pattern.isEmpty() || !envelope) {
        if (error)
            *error = QStringLiteral("'%1' is not TOPIC_PATTERN=ENVELOPE with ENVELOPE one of sniff, ndh, drone, domain")
                         .arg(text);
        return std::nullopt;
    }
    return std::make_pair(pattern, *envelope);
}

// --- time ---------------------------------------------------------------------------

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

struct Cursor
{
    const char *p;
    const char *end;
    bool atEnd() const { return p == end; }
    bool take(char c)
    {
        if (p != end && *p == c) {
            ++p;
            return true;
        }
        return false;
    }
    // Exactly n digits.
    std::optional<int> digits(int n)
    {
        int v = 0;
        for (int i = 0; i < n; ++i) {
            if (p == end || *p < '0' || *p > '9')
                return std::nullopt;
            v = v * 10 + (*p++ - '0');
        }
        return v;
    }
};


// "YYYY-MM-DDTHH:MM:SS[.fraction]Z", what producers write, read at fixed offsets;
// nullopt for anything else, which the general reader below then judges.
std::optional<qint64> parseUtcTimestampMs(QByteArrayView text)
{
    const qsizetype n = text.size();
    const char *p = text.data();
    if (n < 20 || p[4] != '-' || p[7] != '-' || p[10] != 'T' || p[13] != ':' || p[16] != ':' || p[n - 1] != 'Z')
        return std::nullopt;
    const auto digit = [p](int i) { return unsigned(uchar(p[i])) - unsigned('0'); };
    const auto two = [&digit](int i) { return digit(i) * 10 + digit(i + 1); };
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
        if (digit(i) > 9)
            return std::nullopt;
    }
    int millis = 0;
    if (n > 20) {
        if (p[19] != '.' || n == 21)
            return std::nullopt;
        int scale = 100;
        for (qsizetype i = 20; i < n - 1; ++i) {
            if (digit(int(i)) > 9)
                return std::nullopt;
            millis += int(digit(int(i))) * scale;
            scale /= 10;
        }
    }
    const unsigned year = digit(0) * 1000 + digit(1) * 100 + two(2);
    const unsigned month = two(5), day = two(8), hour = two(11), minute = two(14), second = two(17);
    static constexpr std::array<unsigned, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1] || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    return daysFromCivil(year, month, day) * 86400000LL
           + (qint64(hour) * 3600 + qint64(minute) * 60 + second) * 1000 + millis;
}

} // namespace

std::optional<qint64> parseTimestampMs(QByteArrayView text)
{
    text = text.trimmed();
    if (text.isEmpty() || text.size() > 64)
        return std::nullopt;
    if (const auto ms = parseUtcTimestampMs(text))
        return ms;
    // Epoch seconds or milliseconds as a digit string.
    const bool allDigits = std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (allDigits) {
        if (text.size() > 16)
            return std::nullopt;
        const qint64 v = text.toLongLong();
        return v > 100000000000LL ? v : v * 1000;
    }
    Cursor c{text.data(), text.data() + text.size()};
    const auto year = c.digits(4);
    if (!year || !c.take('-'))
        return std::nullopt;
    const auto month = c.digits(2);
    if (!month || !c.take('-'))
        return std::nullopt;
    const auto day = c.digits(2);
    if (!day || *month < 1 || *month > 12 || *day < 1 || *day > 31)
        return std::nullopt;
    static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (*day > kDays[size_t(*month - 1)])
        return std::nullopt;
    qint64 ms = daysFromCivil(*year, unsigned(*month), unsigned(*day)) * 86400000LL;
    if (c.atEnd())
        return ms;
    if (!c.take('T') && !c.take('t') && !c.take(' '))
        return std::nullopt;
    const auto hour = c.digits(2);
    if (!hour || !c.take(':'))
        return std::nullopt;
    const auto minute = c.digits(2);
    if (!minute || *hour > 23 || *minute > 59)
        return std::nullopt;
    int second = 0;
    int millis = 0;
    if (c.take(':')) {
        const auto s = c.digits(2);
        if (!s || *s > 60)
            return std::nullopt;
        second = *s;
        if (c.take('.') || c.take(',')) {
            int scale = 100;
            bool any = false;
            while (!c.atEnd() && *c.p >= '0' && *c.p <= '9') {
                millis += (*c.p - '0') * scale;
                scale /= 10;
                ++c.p;
                any = true;
            }
            if (!any)
                return std::nullopt;
        }
    }
    ms += (qint64(*hour) * 3600 + qint64(*minute) * 60 + second) * 1000 + millis;
    if (c.atEnd() || c.take('Z') || c.take('z'))
        return c.atEnd() ? std::optional<qint64>(ms) : std::nullopt; // naive times are UTC
    const bool plus = c.take('+');
    if (!plus && !c.take('-'))
        return std::nullopt;
    const auto oh = c.digits(2);
    if (!oh)
        return std::nullopt;
    c.take(':');
    int om = 0;
    if (!c.atEnd()) {
        const auto m = c.digits(2);
        if (!m)
            return std::nullopt;
        om = *m;
    }
    if (!c.atEnd() || *oh > 23 || om > 59)
        return std::nullopt;
    const qint64 offset = (qint64(*oh) * 60 + om) * 60000;
    return plus ? ms - offset : ms + offset;
}

std::optional<qint64> parseTimestampMs(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return parseTimestampMs(QByteArrayView(utf8));
}

QString formatTimestampMs(qint64 ms)
{
    qint64 days = ms / 86400000;
    qint64 rem = ms % 86400000;
    if (rem < 0) {
        rem += 86400000;
        --days;
    }
    // Civil from days (inverse of daysFromCivil).
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 y0 = qint64(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const qint64 y = y0 + (m <= 2);
    const int h = int(rem / 3600000);
    const int mi = int(rem / 60000 % 60);
    const int s = int(rem / 1000 % 60);
    const int msec = int(rem % 1000);
    return QString::asprintf("%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<long long>(y), m, d, h,
                             mi, s, msec);
}

} // namespace ndh
