#pragma once
// Live asset tree: location > asset type > asset > attribute, with value, unit,
// age and origin. Fed one batch at a time on the GUI thread; new nodes are inserted
// with one begin/endInsertRows per grown parent, value changes are signalled as one
// dataChanged range per parent.

#include "plant_event.h"
#include "plant_state.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QStringList>

#include <functional>
#include <memory>
#include <span>
#include <unordered_map>
#include <vector>

namespace ndh {

class AssetTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, UnitColumn, AgeColumn, UpdatedColumn, OriginColumn, ColumnCount };
    enum class NodeKind : quint8 { Location, AssetType, Asset, Attribute };
    enum Role {
        NodeKindRole = Qt::UserRole + 1, // int(NodeKind)
        AssetKeyRole,     // "location/type/id" for asset and attribute rows
        AttributeKeyRole, // "location/type/id/attribute" for attribute rows
        UpdatedMsRole,    // qint64 event time of the value
        NumericValueRole, // double, or invalid when the value is not numeric
        LifecycleRole,    // asset rows: lifecycle state text
        OriginRole,       // attribute rows: int mask of Origin bits that delivered the shown value
        StaleRole,        // attribute rows: bool, the value is not kept fresh by a live source
    };
    // Where a value came from; the same event from both paths sets both bits.
    enum Origin : quint8 { OriginKafka = 1, OriginRedis = 2, OriginFile = 4 };
    static QString originText(int mask); // "Redis", "Kafka", "Redis + Kafka", "File"
    static constexpr qint64 kDefaultStaleAfterMs = 60'000;
    static constexpr auto kAttributeMimeType = "application/x-ndh-attribute-keys";
    // Parents whose rows one batch, age refresh or source change may announce with
    // one dataChanged each; past this, the model emits manyRowsChanged() instead.
    static constexpr int kMaxAnnouncedParents = 64;
    // Rows one batch may announce in its dataChanged ranges; past this, manyRowsChanged().
    static constexpr int kMaxAnnouncedRows = 256;

    explicit AssetTreeModel(QObject *parent = nullptr);
    ~AssetTreeModel() override;

    // `idHashes`: messageIdHash() of each event's id when the caller has them
    // (HistoryStore::append computed them for the same events), else empty.
    void applyEvents(std::span<const PlantEvent> events, std::span<const quint64> idHashes = {});
    // Also a part of a batch (PlantModels applies a big one over several turns).
    void applyEvents(const std::vector<PlantEvent> &events) { applyEvents(std::span<const PlantEvent>(events)); }
    void clear();

    // Clock used for the age column; tests pin it.
    void setClock(std::function<qint64()> nowMs);
    // Tells views the age column moved on (one dataChanged per asset parent).
    void refreshAges();

    // Staleness (DESIGN.md §1.4): a value is stale when it has not been refreshed for
    // longer than staleAfterMs, or when every source that delivered it is down or has
    // been silent for longer than that.
    void setStaleAfterMs(qint64 ms);
    qint64 staleAfterMs() const { return m_staleAfterMs; }
    void setSourceUp(EventSource::Channel channel, bool up);
    bool isSourceLive(EventSource::Channel channel) const;

    // Time slider (DESIGN.md §5): show the plant as it was at atMs (values, lifecycle,
    // ages relative to atMs). Live events keep arriving meanwhile: they update the live
    // values underneath and add new rows, and returnToLive() shows them all again.
    // Rows the tree does not have yet (history loaded from Kafka) are added. Reads
    // the history engine (setHistory) row by row: no PlantState is built, and only
    // rows whose value, lifecycle or update time differ from what they showed are
    // announced; ages move for every row and are signalled with agesMoved().
    void showHistoryAt(qint64 atMs);
    void returnToLive();
    bool isShowingPast() const { return m_past; }
    qint64 shownAtMs() const { return m_past ? m_pastAtMs : m_now(); }
    // Where attribute rows look up the time of their value at the shown instant (a
    // PlantState knows values, not when each was set). Optional; not owned.
    void setHistory(const class HistoryStore *history);

    QModelIndex indexForAsset(const QString &assetKey) const;
    QModelIndex indexForAttribute(const QString &attributeKey) const;
    int assetCount() const;
    int attributeCount() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

    struct Node;

signals:
    // The shown instant moved while showing the past: every age changed. Views
    // repaint what they show instead of receiving 60,000 rows of dataChanged.
    void agesMoved();
    // Values, ages or staleness changed under more than kMaxAnnouncedParents parents
    // at once (a backlog slice touches every asset): rather than one dataChanged per
    // parent (each costs a view a visual-rect computation and a proxy a mapping, ~10
    // us, so 10,000 of them freeze the GUI for 0.1 s), views repaint what they show.
    // Names and structure did not change, so proxies that filter and sort by name
    // need nothing.
    void manyRowsChanged();

private:
    // Links rows to the history engine's ids and adds rows for assets and
    // attributes only the history knows that have a value at atMs.
    void linkHistory(qint64 atMs);
    Node *nodeFor(const QModelIndex &index) const;
    Node *ensureChild(Node *parent, NodeKind kind, const QString &name);
    QModelIndex indexOfNode(const Node *node, int column) const;
    Node *ensureAsset(const AssetPath &path);
    Node *ensureAttribute(Node *asset, const QString &name);
    void prefetchAhead(std::span<const PlantEvent> events, size_t n) const;
    // Rows of live events: by the IdentityRegistry refs the decoder stamped (one
    // index), by name for events without them.
    Node *liveAsset(const PlantEvent &e);
    Node *liveAttribute(Node *asset, const AttributeSample &sample);
    void noteChanged(Node *node);
    void insertStaged();
    // Removes the attribute rows a full snapshot leaves out; true when rows went.
    bool dropOmittedAttributes(Node *asset, const PlantEvent &snapshot);
    qint64 shownUpdatedMs(const Node *node) const;
    bool isStale(const Node *node) const;
    void announceAll(); // every value row, all columns (staleness changed)

    std::unique_ptr<Node> m_root;
    // Rows by the hash of their key ("location/type/id[/attribute]"): growing these
    // never reads the 50,000 key strings again (see findByKey).
    QMultiHash<size_t, Node *> m_assets;     // asset key hash -> asset node
    std::vector<Node *> m_walk;              // showHistoryAt's list of assets, kept for its capacity
    std::vector<int> m_walkIds;              // and their history ids
    QMultiHash<size_t, Node *> m_attributes; // attribute key hash -> attribute node
    // Visible parents with new children staged, inserted at the end of applyEvents().
    std::vector<Node *> m_stagedParents;
    // Parents with rows changed by the batch being applied (their range is in the node).
    std::vector<Node *> m_changedParents;
    // Asset and attribute rows by PlantEvent::assetRef and AttributeSample::seriesRef
    // (null: no row yet, or the row was removed).
    std::vector<Node *> m_assetsByRef;
    std::vector<Node *> m_attributesByRef;
    std::function<qint64()> m_now;
    bool m_past = false;
    qint64 m_pastAtMs = 0;
    const HistoryStore *m_history = nullptr;
    quint64 m_historyGeneration = 0;
    int m_linkedAssets = 0; // history ids below these were looked up
    int m_linkedSeries = 0;
    std::vector<int> m_unlinkedAssets; // history ids without a row yet
    std::vector<int> m_unlinkedSeries;
    qint64 m_staleAfterMs = kDefaultStaleAfterMs;
    struct SourceHealth
    {
        bool up = true;
        qint64 lastHeardMs = 0;
    };
    SourceHealth m_sources[3]; // Kafka, Redis, File
    quint8 m_liveMask = 7;     // sources live at the last refresh, to notice silence
};

} // namespace ndh
