#pragma once
// The asset tree as the operator filters it: every whitespace-separated word of the
// filter must appear somewhere in the row's path (location / type / asset /
// attribute), so "hall-a pressure" finds every pressure in Hall A; parents of a match
// stay visible. Rows are sorted by name in natural order (PUMP_2 before PUMP_10) so
// the tree does not depend on which event arrived first. Also dresses rows for the ISA-101 look: assets out of service are
// muted, values that stopped updating have their age marked stale.

#include <QSortFilterProxyModel>
#include <QStringList>

#include <functional>

namespace ndh {

class AssetTreeFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    // A value not updated for this long is shown as stale, unless the source model
    // (AssetTreeModel::setStaleAfterMs) says otherwise.
    static constexpr qint64 kStaleAfterMs = 60'000;
    qint64 staleAfterMs() const;

    explicit AssetTreeFilterModel(QObject *parent = nullptr);

    void setFilterWords(const QString &text);
    const QStringList &filterWords() const { return m_words; }

    // Clock for staleness; tests pin it (the source model has its own for ages).
    void setClock(std::function<qint64()> nowMs);

    // Natural order, case-insensitive, the same in every locale: "P-9" < "P-10".
    static bool naturalLess(const QString &left, const QString &right);

    // Lifecycle words that mean "not in service" (compared case-insensitively).
    static bool isOutOfService(const QString &lifecycle);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool assetOutOfService(const QModelIndex &sourceIndex) const;

    QStringList m_words;
    std::function<qint64()> m_now;
};

} // namespace ndh
