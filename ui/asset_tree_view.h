#pragma once
// The plant as a tree (location > asset type > asset > attribute) with live values,
// units and the age of each value, a filter line above it, and the gestures that
// start a plot: double-click (or Enter) on an attribute, or drag it onto a plot.

#include <QWidget>

class QLabel;
class QLineEdit;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace ndh {

class AssetTreeFilterModel;
class AssetTreeModel;

class AssetTreeView : public QWidget
{
    Q_OBJECT
public:
    explicit AssetTreeView(AssetTreeModel *model, QWidget *parent = nullptr);

    QTreeView *treeView() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    AssetTreeFilterModel *filterModel() const { return m_proxy; }
    // Shown instead of the tree while it has nothing to show, with the reason.
    QString emptyStateText() const;
    bool isShowingEmptyState() const;

    void focusFilter();
    void setFilterText(const QString &text);
    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

signals:
    void attributeActivated(const QString &attributeKey);

private:
    void onActivated(const QModelIndex &proxyIndex);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void updateEmptyState();
    void refreshAges();

    AssetTreeModel *m_model;
    AssetTreeFilterModel *m_proxy;
    QLineEdit *m_filter;
    QStackedWidget *m_stack;
    QTreeView *m_tree;
    QLabel *m_emptyLabel;
    QTimer *m_ageTimer;
};

} // namespace ndh
