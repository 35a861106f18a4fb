#pragma once
// Live asset tree: location > asset type > asset > attribute, with value, unit,
// age and origin. Fed one batch at a time on the GUI thread; new nodes are inserted
// with one begin/endInsertRows per grown parent, value changes are signalled as one
// dataChanged range per parent.

#include "plant_event.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QStringList>

#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

namespace ndh {

class AssetTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, UnitColumn, AgeColumn, UpdatedColumn, ColumnCount };
    enum class NodeKind : quint8 { Location, AssetType, Asset, Attribute };
    enum Role {
        NodeKindRole = Qt::UserRole + 1, // int(NodeKind)
        AssetKeyRole,     // "location/type/id" for asset and attribute rows
        AttributeKeyRole, // "location/type/id/attribute" for attribute rows
        UpdatedMsRole,    // qint64 event time of the value
        NumericValueRole, // double, or invalid when the value is not numeric
        LifecycleRole,    // asset rows: lifecycle state text
    };
    static constexpr auto kAttributeMimeType = "application/x-ndh-attribute-keys";

    explicit AssetTreeModel(QObject *parent = nullptr);
    ~AssetTreeModel() override;

    void applyEvents(const std::vector<PlantEvent> &events);
    void clear();

    // Clock used for the age column; tests pin it.
    void setClock(std::function<qint64()> nowMs);
    // Tells views the age column moved on (one dataChanged per asset parent).
    void refreshAges();

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

private:
    Node *nodeFor(const QModelIndex &index) const;
    Node *ensureChild(Node *parent, NodeKind kind, const QString &name);
    QModelIndex indexOfNode(const Node *node, int column) const;

    std::unique_ptr<Node> m_root;
    QHash<QString, Node *> m_assets;     // asset key -> asset node
    QHash<QString, Node *> m_attributes; // attribute key -> attribute node
    // New children of visible parents, inserted at the end of applyEvents().
    std::unordered_map<Node *, std::vector<std::unique_ptr<Node>>> m_staged;
    std::function<qint64()> m_now;
};

} // namespace ndh
