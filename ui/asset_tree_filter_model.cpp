#include "asset_tree_filter_model.h"

#include "asset_tree_model.h"
#include "connection_status_widget.h"
#include "hmi_style.h"

#include <QBrush>
#include <QDateTime>
#include <QFont>

namespace ndh {

namespace {

using Kind = AssetTreeModel::NodeKind;

Kind kindOf(const QModelIndex &sourceIndex)
{
    return Kind(sourceIndex.data(AssetTreeModel::NodeKindRole).toInt());
}

} // namespace

AssetTreeFilterModel::AssetTreeFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    // A matching attribute keeps its asset, type and location visible.
    setRecursiveFilteringEnabled(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    // Sorted by name only: values change many times a second but never move a row,
    // because the model's dataChanged ranges never include the name column.
    setDynamicSortFilter(true);
    sort(AssetTreeModel::NameColumn, Qt::AscendingOrder);
}

bool AssetTreeFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return naturalLess(left.data().toString(), right.data().toString());
}

bool AssetTreeFilterModel::naturalLess(const QString &left, const QString &right)
{
    // QCollator's numeric mode is not used: in the C locale (services, CI) it falls
    // back to code-point order, and the tree must not change order with the locale.
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < left.size() && j < right.size()) {
        const QChar a = left.at(i);
        const QChar b = right.at(j);
        if (a.isDigit() && b.isDigit()) {
            const qsizetype si = i;
            const qsizetype sj = j;
            while (i < left.size() && left.at(i).isDigit())
                ++i;
            while (j < right.size() && right.at(j).isDigit())
                ++j;
            // Compare the numbers by value without converting (they may be long):
            // strip leading zeros, then shorter is smaller, then digit by digit.
            QStringView na = QStringView(left).mid(si, i - si);
            QStringView nb = QStringView(right).mid(sj, j - sj);
            while (na.size() > 1 && na.front() == u'0')
                na = na.mid(1);
            while (nb.size() > 1 && nb.front() == u'0')
                nb = nb.mid(1);
            if (na.size() != nb.size())
                return na.size() < nb.size();
            if (const int c = na.compare(nb); c != 0)
                return c < 0;
            continue;
        }
        const QChar la = a.toCaseFolded();
        const QChar lb = b.toCaseFolded();
        if (la != lb)
            return la < lb;
        ++i;
        ++j;
    }
    if ((left.size() - i) != (right.size() - j))
        return (left.size() - i) < (right.size() - j);
    // Equal but for case or leading zeros: still a strict, stable order.
    return left < right;
}

void AssetTreeFilterModel::setFilterWords(const QString &text)
{
    QStringList words = text.simplified().toLower().split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    // Qt 6.4 has no begin/endFilterChange; invalidating the filter is the documented way.
    m_words = std::move(words);
    invalidateFilter();
}

void AssetTreeFilterModel::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
}

bool AssetTreeFilterModel::isOutOfService(const QString &lifecycle)
{
    static const QStringList kOutOfService = {
        QStringLiteral("inactive"),   QStringLiteral("deactivated"), QStringLiteral("deleted"),
        QStringLiteral("created"),    QStringLiteral("offline"),     QStringLiteral("disabled"),
        QStringLiteral("stopped"),    QStringLiteral("retired"),     QStringLiteral("decommissioned"),
        QStringLiteral("out_of_service"), QStringLiteral("out-of-service"),
    };
    return kOutOfService.contains(lifecycle.trimmed(), Qt::CaseInsensitive);
}

bool AssetTreeFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    // Path of names from the location down to this row, lower-cased once per row.
    QString path = sourceModel()->index(sourceRow, 0, sourceParent).data().toString();
    for (QModelIndex p = sourceParent; p.isValid(); p = p.parent())
        path.prepend(p.data().toString() + u'/');
    path = path.toLower();
    for (const QString &word : m_words) {
        if (!path.contains(word))
            return false;
    }
    return true;
}

bool AssetTreeFilterModel::assetOutOfService(const QModelIndex &sourceIndex) const
{
    QModelIndex asset = sourceIndex.siblingAtColumn(0);
    const Kind kind = kindOf(asset);
    if (kind == Kind::Attribute)
        asset = asset.parent();
    else if (kind != Kind::Asset)
        return false;
    return isOutOfService(asset.data(AssetTreeModel::LifecycleRole).toString());
}

QVariant AssetTreeFilterModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::ForegroundRole && role != Qt::FontRole && role != Qt::ToolTipRole)
        return QSortFilterProxyModel::data(index, role);
    const QModelIndex source = mapToSource(index);
    if (!source.isValid())
        return {};
    const bool muted = assetOutOfService(source);
    const Kind kind = kindOf(source.siblingAtColumn(0));

    switch (role) {
    case Qt::ForegroundRole: {
        if (muted)
            return QBrush(HmiStyle::mutedText());
        if (kind == Kind::Attribute && source.column() == AssetTreeModel::AgeColumn) {
            const qint64 updated = source.data(AssetTreeModel::UpdatedMsRole).toLongLong();
            if (updated > 0 && m_now() - updated > staleAfterMs())
                return QBrush(HmiStyle::staleText());
        }
        // Values no live source keeps fresh (Redis or Kafka down or silent) look stale.
        if (kind == Kind::Attribute
            && (source.column() == AssetTreeModel::ValueColumn || source.column() == AssetTreeModel::OriginColumn)
            && source.data(AssetTreeModel::StaleRole).toBool())
            return QBrush(HmiStyle::staleText());
        return QSortFilterProxyModel::data(index, role);
    }
    case Qt::FontRole: {
        if (muted && kind == Kind::Asset) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        if (kind == Kind::Location && source.column() == AssetTreeModel::NameColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return QSortFilterProxyModel::data(index, role);
    }
    case Qt::ToolTipRole: {
        QString tip = QSortFilterProxyModel::data(index, role).toString();
        if (kind == Kind::Attribute) {
            const qint64 updated = source.data(AssetTreeModel::UpdatedMsRole).toLongLong();
            if (updated > 0 && m_now() - updated > staleAfterMs())
                tip += u'\n' + tr("No new value for %1: the value may be stale.")
                                   .arg(ConnectionStatusWidget::durationText(m_now() - updated));
        }
        if (muted && kind == Kind::Asset)
            tip += u'\n' + tr("Asset is not in service (%1).")
                               .arg(source.data(AssetTreeModel::LifecycleRole).toString());
        return tip.isEmpty() ? QVariant() : QVariant(tip.trimmed());
    }
    default:
        return QSortFilterProxyModel::data(index, role);
    }
}

qint64 AssetTreeFilterModel::staleAfterMs() const
{
    // The configured limit lives with the source model (--stale-after).
    if (const auto *tree = qobject_cast<const AssetTreeModel *>(sourceModel()))
        return tree->staleAfterMs();
    return kStaleAfterMs;
}

} // namespace ndh
