#include "asset_tree_model.h"

#include "history_store.h"

#include <QDateTime>
#include <QMimeData>

#include <algorithm>
#include <bit>
#include <climits>
#include <utility>

namespace ndh {

struct AssetTreeModel::Node
{
    // What applying a live value reads and writes comes first (two cache lines).
    NodeKind kind = NodeKind::Location;
    bool attached = false;  // visible to views (inserted with begin/endInsertRows)
    bool changedListed = false; // in m_changedParents
    quint8 origin = 0;      // AssetTreeModel::Origin bits that delivered the live value
    int row = 0;
    Node *parent = nullptr;
    qint64 updatedMs = 0;
    // Rows of this parent changed by the batch being applied (applyEvents).
    int changedFirst = INT_MAX;
    int changedLast = -1;
    AttributeValue value;
    // Hash of the message id of the event that set the live value (the same event by
    // the other path is recognised by it): a number, not a copy of the backend's
    // string, whose reference count would travel between the threads with every value.
    quint64 messageIdHash = 0;
    QString unit;
    QString lifecycle;
    QString name;
    std::vector<std::unique_ptr<Node>> children;
    // New children of an attached parent, inserted at the end of applyEvents().
    std::vector<std::unique_ptr<Node>> staged;
    QHash<QString, Node *> childByName; // once there are more than a few children
    QString key; // asset key or attribute key
    // What the row shows while the time slider is away from live.
    AttributeValue pastValue;
    QString pastLifecycle;
    qint64 pastUpdatedMs = 0;
    bool pastKnown = false; // the attribute had a value at the shown instant
    int historyId = -1;     // HistoryStore asset or series id, -1 while unknown
    qint32 ref = -1;        // IdentityRegistry ref it is found by (m_assetsByRef, m_attributesByRef)
};

namespace {

QString formatAge(qint64 ms)
{
    if (ms < 0)
        ms = 0;
    if (ms < 10000)
        return QString::number(double(ms) / 1000.0, 'f', 1) + QStringLiteral(" s");
    if (ms < 120000)
        return QString::number(ms / 1000) + QStringLiteral(" s");
    if (ms < 2 * 3600000)
        return QString::number(ms / 60000) + QStringLiteral(" min");
    if (ms < 2 * 86400000LL)
        return QString::number(ms / 3600000) + QStringLiteral(" h");
    return QString::number(ms / 86400000LL) + QStringLiteral(" d");
}

quint8 originBit(EventSource::Channel channel)
{
    switch (channel) {
    case EventSource::Channel::Kafka: return AssetTreeModel::OriginKafka;
    case EventSource::Channel::Redis: return AssetTreeModel::OriginRedis;
    case EventSource::Channel::File: return AssetTreeModel::OriginFile;
    }
    return 0;
}

// The row a by-ref table holds for `ref`, null when none.
AssetTreeModel::Node *rowByRef(const std::vector<AssetTreeModel::Node *> &table, qint32 ref)
{
    return ref >= 0 && size_t(ref) < table.size() ? table[size_t(ref)] : nullptr;
}

void rememberRow(std::vector<AssetTreeModel::Node *> &table, qint32 ref, AssetTreeModel::Node *node)
{
    if (ref < 0)
        return;
    if (size_t(ref) >= table.size())
        table.resize(size_t(ref) + 1, nullptr);
    table[size_t(ref)] = node;
    node->ref = ref;
}

size_t keyHash(const QString &key)
{
    return qHash(key, size_t(0x2545f4914f6cdd1dull));
}

// Finds the row of an asset or attribute key in m_assets or m_attributes.
AssetTreeModel::Node *findByKey(const QMultiHash<size_t, AssetTreeModel::Node *> &index, const QString &key)
{
    const size_t h = keyHash(key);
    for (auto it = index.constFind(h); it != index.cend() && it.key() == h; ++it) {
        if ((*it)->key == key)
            return *it;
    }
    return nullptr;
}

void markAttached(AssetTreeModel::Node *node)
{
    node->attached = true;
    for (auto &c : node->children)
        markAttached(c.get());
}
} // namespace

AssetTreeModel::AssetTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_root->attached = true;
}

AssetTreeModel::~AssetTreeModel() = default;

void AssetTreeModel::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
}

AssetTreeModel::Node *AssetTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex AssetTreeModel::indexOfNode(const Node *node, int column) const
{
    if (!node || node == m_root.get() || !node->attached)
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

// Finds or creates a child. New children of attached parents are staged (not yet
// in `children`) so a batch inserts them with one begin/endInsertRows per parent.
AssetTreeModel::Node *AssetTreeModel::ensureChild(Node *parent, NodeKind kind, const QString &name)
{
    // A few children (an asset's attributes, mostly) are compared in turn; past
    // that, they are indexed by name.
    constexpr size_t kIndexFrom = 8;
    Node **slot = nullptr;
    if (parent->childByName.isEmpty()) {
        for (const auto *list : {&parent->children, &parent->staged}) {
            for (const auto &child : *list) {
                if (child->name == name)
                    return child.get();
            }
        }
        if (parent->children.size() + parent->staged.size() + 1 >= kIndexFrom) {
            for (const auto *list : {&parent->children, &parent->staged}) {
                for (const auto &child : *list)
                    parent->childByName.insert(child->name, child.get());
            }
            slot = &parent->childByName[name];
        }
    } else {
        slot = &parent->childByName[name]; // one hash for the lookup and the insert
        if (*slot)
            return *slot;
    }
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->name = name;
    node->parent = parent;
    Node *raw = node.get();
    if (slot)
        *slot = raw;
    if (parent->attached) {
        if (parent->staged.empty())
            m_stagedParents.push_back(parent);
        parent->staged.push_back(std::move(node));
    } else {
        raw->row = int(parent->children.size());
        parent->children.push_back(std::move(node));
    }
    return raw;
}

void AssetTreeModel::applyEvents(std::span<const PlantEvent> events, std::span<const quint64> idHashes)
{
    Q_ASSERT(idHashes.empty() || idHashes.size() == events.size());
    const qint64 nowMs = m_now();
    const size_t count = events.size();
    for (size_t n = 0; n < count; ++n) {
        prefetchAhead(events, n);
        const PlantEvent &e = events[n];
        const quint8 bit = originBit(e.source.channel);
        m_sources[std::countr_zero(unsigned(bit))].lastHeardMs = nowMs;
        switch (e.kind) {
        case EventKind::CommandRequest:
        case EventKind::CommandResponse:
        case EventKind::CommandFailed:
        case EventKind::System:
            continue;
        default:
            break;
        }
        Node *asset = liveAsset(e);
        bool assetChanged = false;
        if (e.kind == EventKind::Snapshot && dropOmittedAttributes(asset, e)) {
            // Rows moved: announce the asset's remaining rows rather than stale ranges.
            if (asset->attached && !asset->children.empty()) {
                asset->changedFirst = 0;
                asset->changedLast = int(asset->children.size()) - 1;
                if (!asset->changedListed) {
                    asset->changedListed = true;
                    m_changedParents.push_back(asset);
                }
            } else {
                asset->changedFirst = INT_MAX;
                asset->changedLast = -1;
            }
        }
        // An older event (a slower path, a late partition) never overwrites a newer value.
        if (!e.lifecycle.isEmpty() && e.eventTimeMs >= asset->updatedMs) {
            asset->lifecycle = e.lifecycle;
            assetChanged = true;
        }
        // Equal hashes, equal ids (two empty ids are equal too, as the texts were).
        const quint64 idHash = e.attributes.empty() ? 0 : !idHashes.empty() ? idHashes[n] : messageIdHash(e.messageId);
        for (const AttributeSample &s : e.attributes) {
            Node *attr = liveAttribute(asset, s);
            if (e.eventTimeMs < attr->updatedMs)
                continue;
            // The same event from the other path (Redis and Kafka, DESIGN.md §1.4) is
            // not applied twice: it only adds its origin.
            if (attr->updatedMs > 0 && e.eventTimeMs == attr->updatedMs
                && (idHash == attr->messageIdHash || s.value == attr->value)) {
                if (!(attr->origin & bit)) {
                    attr->origin |= bit;
                    noteChanged(attr);
                }
                continue;
            }
            attr->origin = bit;
            attr->messageIdHash = idHash;
            attr->value = s.value;
            attr->updatedMs = e.eventTimeMs;
            if (!s.unit.isEmpty()) {
                if (!attr->unit.isSharedWith(s.unit))
                    attr->unit = s.unit;
            } else if (attr->unit.isEmpty()) {
                attr->unit = defaultUnit(s.name);
            }
            noteChanged(attr);
        }
        if (e.eventTimeMs > asset->updatedMs) {
            asset->updatedMs = e.eventTimeMs;
            assetChanged = true;
        }
        if (assetChanged)
            noteChanged(asset);
    }

    insertStaged();

    struct Range
    {
        Node *parent;
        int first;
        int last;
    };
    std::vector<Range> changed;
    qsizetype announcedRows = 0;
    for (Node *parent : m_changedParents) {
        if (parent->changedLast >= 0) {
            if (changed.size() <= size_t(kMaxAnnouncedParents))
                changed.push_back({parent, parent->changedFirst, parent->changedLast});
            announcedRows += parent->changedLast - parent->changedFirst + 1;
        }
        parent->changedFirst = INT_MAX;
        parent->changedLast = -1;
        parent->changedListed = false;
    }
    m_changedParents.clear();

    if (m_past)
        return; // the rows show the past; returnToLive() announces everything
    // A view maps every row of a dataChanged range to find what to repaint: a range
    // spanning thousands of sibling assets costs more than repainting what is shown.
    if (changed.size() > size_t(kMaxAnnouncedParents) || announcedRows > kMaxAnnouncedRows) {
        emit manyRowsChanged();
        return;
    }
    for (const Range &r : changed) {
        const QModelIndex p = r.parent == m_root.get() ? QModelIndex() : indexOfNode(r.parent, 0);
        emit dataChanged(index(r.first, ValueColumn, p), index(r.last, UpdatedColumn, p));
    }
}

void AssetTreeModel::noteChanged(Node *node)
{
    if (!node->attached)
        return;
    Node *parent = node->parent;
    parent->changedFirst = std::min(parent->changedFirst, node->row);
    parent->changedLast = std::max(parent->changedLast, node->row);
    if (!parent->changedListed) {
        parent->changedListed = true;
        m_changedParents.push_back(parent);
    }
}

// Rows are spread over memory: each event costs a few cache misses (the by-ref
// entries, the attribute row, the asset row). Ask for them early, a stage at a
// time, so they arrive while earlier events are applied.
void AssetTreeModel::prefetchAhead(std::span<const PlantEvent> events, size_t n) const
{
    constexpr size_t kEntryAhead = 8;
    constexpr size_t kRowAhead = 4;
    if (n + kEntryAhead < events.size()) {
        const PlantEvent &e = events[n + kEntryAhead];
        if (e.assetRef >= 0 && size_t(e.assetRef) < m_assetsByRef.size())
            __builtin_prefetch(&m_assetsByRef[size_t(e.assetRef)]);
        if (!e.attributes.empty()) {
            const qint32 ref = e.attributes.front().seriesRef;
            if (ref >= 0 && size_t(ref) < m_attributesByRef.size())
                __builtin_prefetch(&m_attributesByRef[size_t(ref)]);
        }
    }
    if (n + kRowAhead < events.size()) {
        const PlantEvent &e = events[n + kRowAhead];
        if (const Node *asset = rowByRef(m_assetsByRef, e.assetRef))
            __builtin_prefetch(asset); // not read: the address alone is enough
        if (!e.attributes.empty()) {
            if (const Node *attr = rowByRef(m_attributesByRef, e.attributes.front().seriesRef)) {
                // The live fields span two lines.
                __builtin_prefetch(attr);
                __builtin_prefetch(reinterpret_cast<const char *>(attr) + 64);
            }
        }
    }
}

// The row a ref names is used only while its name is still the event's (an event
// changed after it was stamped falls back to the lookup by name).
AssetTreeModel::Node *AssetTreeModel::liveAsset(const PlantEvent &e)
{
    if (Node *asset = rowByRef(m_assetsByRef, e.assetRef); asset && sameText(asset->name, e.asset.id))
        return asset;
    Node *asset = ensureAsset(e.asset);
    rememberRow(m_assetsByRef, e.assetRef, asset);
    return asset;
}

AssetTreeModel::Node *AssetTreeModel::liveAttribute(Node *asset, const AttributeSample &sample)
{
    if (Node *attr = rowByRef(m_attributesByRef, sample.seriesRef);
        attr && attr->parent == asset && sameText(attr->name, sample.name))
        return attr;
    Node *attr = ensureAttribute(asset, sample.name);
    rememberRow(m_attributesByRef, sample.seriesRef, attr);
    return attr;
}

bool AssetTreeModel::dropOmittedAttributes(Node *asset, const PlantEvent &snapshot)
{
    // A full snapshot replaces the asset's attributes (reference 000, as PlantState
    // folds it): an attribute it does not carry is gone, unless it was set after the
    // snapshot was taken (a late snapshot must not delete newer data).
    const auto omitted = [&](const Node *attr) {
        if (attr->updatedMs > snapshot.eventTimeMs)
            return false;
        return std::none_of(snapshot.attributes.begin(), snapshot.attributes.end(),
                            [attr](const AttributeSample &a) { return a.name == attr->name; });
    };
    const auto forget = [&](Node *attr) {
        if (attr->ref >= 0 && rowByRef(m_attributesByRef, attr->ref) == attr)
            m_attributesByRef[size_t(attr->ref)] = nullptr; // no ref may lead to a removed row
        asset->childByName.remove(attr->name);
        m_attributes.remove(keyHash(attr->key), attr);
        if (attr->historyId >= 0)
            m_unlinkedSeries.push_back(attr->historyId); // a scrub back may show it again
    };
    bool dropped = false;
    if (!asset->staged.empty()) {
        std::erase_if(asset->staged, [&](const std::unique_ptr<Node> &attr) {
            if (!omitted(attr.get()))
                return false;
            forget(attr.get());
            return true;
        });
    }
    auto &children = asset->children;
    // From the last row down, one removal per run of adjacent rows.
    int last = int(children.size()) - 1;
    while (last >= 0) {
        if (!omitted(children[size_t(last)].get())) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && omitted(children[size_t(first - 1)].get()))
            --first;
        const bool announce = asset->attached;
        if (announce)
            beginRemoveRows(indexOfNode(asset, 0), first, last);
        for (int r = first; r <= last; ++r)
            forget(children[size_t(r)].get());
        children.erase(children.begin() + first, children.begin() + last + 1);
        for (size_t r = size_t(first); r < children.size(); ++r)
            children[r]->row = int(r);
        if (announce)
            endRemoveRows();
        dropped = true;
        last = first - 1;
    }
    return dropped;
}

void AssetTreeModel::insertStaged()
{
    // Structural changes: one insert per grown parent, parents before children.
    // Staged subtrees were built detached, so inserting their root brings them along.
    const auto insert = [this](Node *parent) {
        auto &staged = parent->staged;
        const int first = int(parent->children.size());
        const int last = first + int(staged.size()) - 1;
        const bool isRoot = parent == m_root.get();
        beginInsertRows(isRoot ? QModelIndex() : indexOfNode(parent, 0), first, last);
        for (auto &node : staged) {
            node->row = int(parent->children.size());
            markAttached(node.get());
            parent->children.push_back(std::move(node));
        }
        if (staged.capacity() > 64)
            std::vector<std::unique_ptr<Node>>().swap(staged); // a one-off burst: give the memory back
        else
            staged.clear();
        endInsertRows();
    };
    for (NodeKind kind : {NodeKind::Location, NodeKind::AssetType, NodeKind::Asset}) {
        for (Node *parent : m_stagedParents) {
            if (parent->kind == kind && !parent->staged.empty()) // a snapshot may have dropped them
                insert(parent);
        }
    }
    m_stagedParents.clear();
}

AssetTreeModel::Node *AssetTreeModel::ensureAsset(const AssetPath &path)
{
    Node *location = ensureChild(m_root.get(), NodeKind::Location, path.location);
    Node *type = ensureChild(location, NodeKind::AssetType, path.type);
    Node *asset = ensureChild(type, NodeKind::Asset, path.id);
    if (asset->key.isEmpty()) {
        asset->key = path.key();
        m_assets.insert(keyHash(asset->key), asset);
    }
    return asset;
}

AssetTreeModel::Node *AssetTreeModel::ensureAttribute(Node *asset, const QString &name)
{
    Node *attr = ensureChild(asset, NodeKind::Attribute, name);
    if (attr->key.isEmpty()) {
        attr->key = asset->key + u'/' + name;
        m_attributes.insert(keyHash(attr->key), attr);
    }
    return attr;
}

void AssetTreeModel::setHistory(const HistoryStore *history)
{
    m_history = history;
    m_historyGeneration = history ? history->generation() : 0;
    m_linkedAssets = m_linkedSeries = 0;
    m_unlinkedAssets.clear();
    m_unlinkedSeries.clear();
    for (Node *asset : std::as_const(m_assets)) {
        asset->historyId = -1;
        for (auto &child : asset->children)
            child->historyId = -1;
    }
}

void AssetTreeModel::linkHistory(qint64 atMs)
{
    const HistoryStore &h = *m_history;
    if (h.generation() != m_historyGeneration)
        setHistory(m_history); // cleared: every id is void
    for (int id = m_linkedAssets; id < h.assetIdCount(); ++id)
        m_unlinkedAssets.push_back(id);
    for (int id = m_linkedSeries; id < h.seriesIdCount(); ++id)
        m_unlinkedSeries.push_back(id);
    m_linkedAssets = h.assetIdCount();
    m_linkedSeries = h.seriesIdCount();
    // Normally every id finds its row at once (live events feed both); what is
    // left is history the tree never saw, which gets rows once it has a value.
    HistoryStore::AssetAt at;
    std::erase_if(m_unlinkedAssets, [&](int id) {
        Node *asset = findByKey(m_assets, h.assetKey(id));
        if (!asset) {
            h.assetAt(id, atMs, at);
            if (!at.known)
                return false;
            asset = ensureAsset(h.assetPath(id));
        }
        asset->historyId = id;
        return true;
    });
    std::erase_if(m_unlinkedSeries, [&](int id) {
        Node *attr = findByKey(m_attributes, h.seriesKey(id));
        if (!attr) {
            if (!h.sampleAt(id, atMs))
                return false;
            Node *asset = ensureAsset(h.assetPath(h.seriesAsset(id)));
            if (asset->historyId < 0)
                asset->historyId = h.seriesAsset(id);
            attr = ensureAttribute(asset, h.seriesName(id));
            const QString &unit = h.seriesUnit(id);
            attr->unit = unit.isEmpty() ? defaultUnit(attr->name) : unit;
        }
        attr->historyId = id;
        return true;
    });
    insertStaged();
}

void AssetTreeModel::showHistoryAt(qint64 atMs)
{
    if (!m_history)
        return;
    linkHistory(atMs);

    const bool wasPast = m_past;
    const bool atMoved = !wasPast || atMs != m_pastAtMs;
    m_past = true;
    m_pastAtMs = atMs;
    // One pass over the tree: only rows whose shown value changed are announced (one
    // range per parent), so a small scrub step costs a few signals, not 60,000.
    const auto announce = [this](Node *parent, int first, int last) {
        const QModelIndex p = indexOfNode(parent, 0);
        emit dataChanged(index(first, ValueColumn, p), index(last, UpdatedColumn, p));
    };
    HistoryStore::AssetAt at;
    // The assets in a list, with their history ids beside, so the history can
    // fetch the next few ahead of each lookup.
    m_walk.clear();
    m_walkIds.clear();
    for (Node *asset : std::as_const(m_assets)) {
        if (asset->attached) {
            m_walk.push_back(asset);
            m_walkIds.push_back(asset->historyId);
        }
    }
    for (size_t i = 0; i < m_walk.size(); ++i) {
        Node *asset = m_walk[i];
        m_history->prefetchAhead(m_walkIds, i);
        // The rows' own past fields the same way: the asset's, its children's list,
        // then the children (addresses only until each level has arrived).
        if (i + 6 < m_walk.size()) {
            __builtin_prefetch(&m_walk[i + 6]->children);
            __builtin_prefetch(&m_walk[i + 6]->pastLifecycle);
        }
        if (i + 3 < m_walk.size())
            __builtin_prefetch(m_walk[i + 3]->children.data());
        if (i + 1 < m_walk.size()) {
            for (const auto &child : m_walk[i + 1]->children) {
                __builtin_prefetch(&child->pastValue);
                __builtin_prefetch(&child->historyId);
            }
        }
        if (asset->historyId >= 0)
            m_history->assetAt(asset->historyId, atMs, at);
        else
            at = {};
        const QString &lifecycle = at.known ? at.lifecycle : QString();
        const qint64 updated = at.known ? at.updatedMs : 0;
        const bool assetChanged = !wasPast || asset->pastLifecycle != lifecycle || asset->pastUpdatedMs != updated;
        asset->pastLifecycle = lifecycle;
        asset->pastUpdatedMs = updated;
        if (assetChanged)
            announce(asset->parent, asset->row, asset->row);
        int first = INT_MAX;
        int last = -1;
        for (auto &child : asset->children) {
            Node *attr = child.get();
            const HistoryStore::AssetAt::Value *value = nullptr;
            if (attr->historyId >= 0) {
                for (const auto &v : at.values) {
                    if (v.seriesId == attr->historyId) {
                        value = &v;
                        break;
                    }
                }
            }
            const bool known = value != nullptr;
            const qint64 time = known ? value->timeMs : 0;
            const bool changed = !wasPast || known != attr->pastKnown || time != attr->pastUpdatedMs
                                 || (known && value->value != attr->pastValue);
            if (!changed)
                continue;
            attr->pastKnown = known;
            attr->pastValue = known ? value->value : AttributeValue{};
            attr->pastUpdatedMs = time;
            first = std::min(first, attr->row);
            last = std::max(last, attr->row);
        }
        if (last >= 0)
            announce(asset, first, last);
    }
    if (atMoved)
        emit agesMoved();
}

void AssetTreeModel::returnToLive()
{
    if (!m_past)
        return;
    m_past = false;
    const auto announce = [this](Node *parent) {
        if (parent->children.empty())
            return;
        const QModelIndex p = parent == m_root.get() ? QModelIndex() : indexOfNode(parent, 0);
        emit dataChanged(index(0, ValueColumn, p), index(int(parent->children.size()) - 1, UpdatedColumn, p));
    };
    for (auto &location : m_root->children) {
        for (auto &type : location->children) {
            announce(type.get());
            for (auto &asset : type->children)
                announce(asset.get());
        }
    }
}

qint64 AssetTreeModel::shownUpdatedMs(const Node *node) const
{
    if (!m_past)
        return node->updatedMs;
    if (node->kind == NodeKind::Asset)
        return node->pastUpdatedMs;
    if (node->kind != NodeKind::Attribute || !node->pastKnown)
        return 0;
    return node->pastUpdatedMs;
}

void AssetTreeModel::clear()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->attached = true;
    m_assets.clear();
    m_attributes.clear();
    m_stagedParents.clear();
    m_assetsByRef.clear();
    m_attributesByRef.clear();
    setHistory(m_history); // rows are gone: link them again
    endResetModel();
}

void AssetTreeModel::refreshAges()
{
    quint8 live = 0;
    for (int i = 0; i < 3; ++i)
        live |= isSourceLive(EventSource::Channel(i)) ? quint8(1u << i) : 0;
    if (live != m_liveMask) {
        m_liveMask = live;
        announceAll(); // a source fell silent or came back: value rows change look
        return;
    }
    if (m_assets.size() > kMaxAnnouncedParents) {
        emit manyRowsChanged();
        return;
    }
    // Age is derived from the clock, so only the age column of each populated
    // parent is announced; the values themselves did not change.
    const auto announce = [this](Node *parent) {
        if (parent->children.empty())
            return;
        const QModelIndex p = parent == m_root.get() ? QModelIndex() : indexOfNode(parent, 0);
        const int last = int(parent->children.size()) - 1;
        emit dataChanged(index(0, AgeColumn, p), index(last, AgeColumn, p), {Qt::DisplayRole});
    };
    for (auto &location : m_root->children) {
        for (auto &type : location->children) {
            announce(type.get());
            for (auto &asset : type->children)
                announce(asset.get());
        }
    }
}

QModelIndex AssetTreeModel::indexForAsset(const QString &assetKey) const
{
    return indexOfNode(findByKey(m_assets, assetKey), 0);
}

QModelIndex AssetTreeModel::indexForAttribute(const QString &attributeKey) const
{
    return indexOfNode(findByKey(m_attributes, attributeKey), 0);
}

int AssetTreeModel::assetCount() const
{
    return int(m_assets.size());
}

int AssetTreeModel::attributeCount() const
{
    return int(m_attributes.size());
}

QModelIndex AssetTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const Node *p = nodeFor(parent);
    if (row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex AssetTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *p = nodeFor(child)->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, const_cast<Node *>(p));
}

int AssetTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int AssetTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant AssetTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = nodeFor(index);
    const bool leafish = n->kind == NodeKind::Attribute || n->kind == NodeKind::Asset;
    // Live values, or the ones at the time slider's instant.
    const AttributeValue &value = m_past ? n->pastValue : n->value;
    const QString &lifecycle = m_past ? n->pastLifecycle : n->lifecycle;
    const bool timed = index.column() == AgeColumn || index.column() == UpdatedColumn
                       || role == UpdatedMsRole;
    const qint64 updatedMs = timed && leafish ? shownUpdatedMs(n) : 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return n->name;
        case ValueColumn:
            if (n->kind == NodeKind::Attribute)
                return displayText(value);
            if (n->kind == NodeKind::Asset)
                return lifecycle;
            return {};
        case UnitColumn:
            return n->kind == NodeKind::Attribute ? n->unit : QString();
        case AgeColumn:
            return leafish && updatedMs > 0 ? formatAge(shownAtMs() - updatedMs) : QString();
        case UpdatedColumn:
            if (!leafish || updatedMs <= 0)
                return {};
            return QDateTime::fromMSecsSinceEpoch(updatedMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        case OriginColumn:
            return n->kind == NodeKind::Attribute && !m_past ? originText(n->origin) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (n->kind == NodeKind::Attribute && !m_past && n->origin != 0)
            return tr("%1 = %2 %3\nFrom %4, %5 ago.%6\nDouble-click or drag onto a plot to chart it.")
                .arg(n->key, displayText(value), n->unit, originText(n->origin),
                     formatAge(m_now() - n->updatedMs),
                     isStale(n) ? tr("\nStale: no live source has refreshed it for more than %1 s.")
                                      .arg(m_staleAfterMs / 1000)
                                : QString());
        if (n->kind == NodeKind::Attribute)
            return tr("%1 = %2 %3\nDouble-click or drag onto a plot to chart it.")
                .arg(n->key, displayText(value), n->unit);
        if (n->kind == NodeKind::Asset)
            return n->key;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ValueColumn && n->kind == NodeKind::Attribute && numericValue(value)
            && !std::holds_alternative<QString>(value))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == AgeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case NodeKindRole:
        return int(n->kind);
    case AssetKeyRole:
        if (n->kind == NodeKind::Asset)
            return n->key;
        if (n->kind == NodeKind::Attribute)
            return n->parent->key;
        return {};
    case AttributeKeyRole:
        return n->kind == NodeKind::Attribute ? QVariant(n->key) : QVariant();
    case UpdatedMsRole:
        return leafish ? QVariant(updatedMs) : QVariant();
    case NumericValueRole:
        if (n->kind == NodeKind::Attribute) {
            if (auto v = numericValue(value))
                return *v;
        }
        return {};
    case LifecycleRole:
        return n->kind == NodeKind::Asset ? QVariant(lifecycle) : QVariant();
    case OriginRole:
        return n->kind == NodeKind::Attribute ? QVariant(int(n->origin)) : QVariant();
    case StaleRole:
        return n->kind == NodeKind::Attribute ? QVariant(isStale(n)) : QVariant();
    default:
        return {};
    }
}

QVariant AssetTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Asset / attribute");
    case ValueColumn: return tr("Value");
    case UnitColumn: return tr("Unit");
    case AgeColumn: return tr("Age");
    case UpdatedColumn: return tr("Updated");
    case OriginColumn: return tr("Source");
    default: return {};
    }
}

Qt::ItemFlags AssetTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeFor(index)->kind == NodeKind::Attribute)
        f |= Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
    return f;
}

QStringList AssetTreeModel::mimeTypes() const
{
    return {QLatin1String(kAttributeMimeType), QStringLiteral("text/plain")};
}

QMimeData *AssetTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList keys;
    for (const QModelIndex &i : indexes) {
        const Node *n = nodeFor(i);
        if (i.isValid() && n->kind == NodeKind::Attribute && !keys.contains(n->key))
            keys << n->key;
    }
    if (keys.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(kAttributeMimeType), keys.join(u'\n').toUtf8());
    mime->setText(keys.join(u'\n'));
    return mime;
}

QString AssetTreeModel::originText(int mask)
{
    QStringList parts;
    if (mask & OriginRedis)
        parts << tr("Redis");
    if (mask & OriginKafka)
        parts << tr("Kafka");
    if (mask & OriginFile)
        parts << tr("File");
    return parts.join(QStringLiteral(" + "));
}

void AssetTreeModel::setStaleAfterMs(qint64 ms)
{
    m_staleAfterMs = std::max<qint64>(1000, ms);
    announceAll();
}

void AssetTreeModel::setSourceUp(EventSource::Channel channel, bool up)
{
    SourceHealth &h = m_sources[int(channel)];
    if (h.up == up)
        return;
    h.up = up;
    if (up)
        h.lastHeardMs = m_now(); // back: give it the full limit to deliver again
    announceAll();
}

bool AssetTreeModel::isSourceLive(EventSource::Channel channel) const
{
    const SourceHealth &h = m_sources[int(channel)];
    if (channel == EventSource::Channel::File)
        return true; // a loaded file is what it is; its ages tell the rest
    return h.up && (h.lastHeardMs == 0 || m_now() - h.lastHeardMs <= m_staleAfterMs);
}

bool AssetTreeModel::isStale(const Node *node) const
{
    if (m_past || node->kind != NodeKind::Attribute || node->updatedMs <= 0)
        return false;
    if (m_now() - node->updatedMs > m_staleAfterMs)
        return true;
    if (node->origin == 0)
        return false;
    for (int i = 0; i < 3; ++i) {
        if ((node->origin & (1u << i)) && isSourceLive(EventSource::Channel(i)))
            return false;
    }
    return true;
}

void AssetTreeModel::announceAll()
{
    if (m_assets.size() > kMaxAnnouncedParents) {
        emit manyRowsChanged();
        return;
    }
    const auto announce = [this](Node *parent) {
        if (parent->children.empty())
            return;
        const QModelIndex p = parent == m_root.get() ? QModelIndex() : indexOfNode(parent, 0);
        emit dataChanged(index(0, ValueColumn, p), index(int(parent->children.size()) - 1, ColumnCount - 1, p));
    };
    for (auto &location : m_root->children) {
        for (auto &type : location->children) {
            for (auto &asset : type->children)
                announce(asset.get());
        }
    }
}

} // namespace ndh
