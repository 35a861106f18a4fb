#include "asset_tree_view.h"

#include "asset_tree_filter_model.h"
#include "asset_tree_model.h"
#include "column_fit.h"
#include "hmi_style.h"
#include "paced_item_view.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace ndh {

AssetTreeView::AssetTreeView(AssetTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new AssetTreeFilterModel(this))
    , m_filter(new QLineEdit(this))
    , m_stack(new QStackedWidget(this))
    , m_tree(new PacedItemView<QTreeView>(m_stack))
    , m_emptyLabel(new QLabel(m_stack))
    , m_ageTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("assetTreeView"));
    m_proxy->setSourceModel(m_model);

    m_filter->setObjectName(QStringLiteral("assetFilter"));
    m_filter->setPlaceholderText(tr("Filter: location, type, asset or attribute (Ctrl+F)"));
    m_filter->setToolTip(tr("Every word must appear in the row's path, e.g. \"hall-a pressure\".\n"
                            "Esc clears the filter."));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterWords(text);
        // A narrowed tree is only useful opened up: show every match.
        if (!m_proxy->filterWords().isEmpty())
            m_tree->expandAll();
        updateEmptyState();
    });
    auto *clearFilter = new QAction(m_filter);
    clearFilter->setShortcut(Qt::Key_Escape);
    clearFilter->setShortcutContext(Qt::WidgetShortcut);
    connect(clearFilter, &QAction::triggered, m_filter, &QLineEdit::clear);
    m_filter->addAction(clearFilter);

    m_tree->setObjectName(QStringLiteral("assetTree"));
    m_tree->setModel(m_proxy);
    // Thousands of rows updating many times a second: fixed row heights and fixed
    // column widths keep layout cost independent of the data.
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setExpandsOnDoubleClick(true);
    m_tree->setAnimated(false);
    m_tree->setAllColumnsShowFocus(true);
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false); // before hiding: a stretching header keeps a hidden section's width
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setMinimumSectionSize(40);
    // The absolute time is for engineers; the age tells the operator enough. The
    // origin only says something once Redis is beside Kafka (the window shows it then).
    header->hideSection(AssetTreeModel::UpdatedColumn);
    header->hideSection(AssetTreeModel::OriginColumn);
    addColumnToggles(m_tree, AssetTreeModel::ValueColumn, AssetTreeModel::ColumnCount - 1);
    // Names first: in a narrow dock they keep a readable width and the age scrolls
    // (a stretching name column was squeezed to "FACT…" by the fixed ones).
    new ColumnFit(
        m_tree, {{AssetTreeModel::NameColumn, 3, {}, 150},
                 {AssetTreeModel::ValueColumn, 1, {}, 80}, // numbers and short states: names need more
                 {AssetTreeModel::UnitColumn, 0, {QStringLiteral("m3/h"), QStringLiteral("degC")}},
                 {AssetTreeModel::AgeColumn, 0, {QStringLiteral("119 s"), QStringLiteral("59 min")}},
                 {AssetTreeModel::UpdatedColumn, 0, {QStringLiteral("2026-01-01 00:00:00.000")}},
                 // Shown when Redis is beside Kafka, live: "File" (offline) is not among them.
                 {AssetTreeModel::OriginColumn, 0,
                  {AssetTreeModel::originText(AssetTreeModel::OriginRedis | AssetTreeModel::OriginKafka)}}});
    m_tree->setToolTip(QString()); // rows carry their own tooltips
    connect(m_tree, &QTreeView::activated, this, &AssetTreeView::onActivated);

    m_emptyLabel->setObjectName(QStringLiteral("assetTreeEmpty"));
    m_emptyLabel->setTextFormat(Qt::PlainText);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setMargin(16);
    QPalette muted = m_emptyLabel->palette();
    muted.setColor(QPalette::WindowText, HmiStyle::mutedText());
    m_emptyLabel->setPalette(muted);

    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_emptyLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filter);
    layout->addWidget(m_stack, 1);

    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &AssetTreeView::onRowsInserted);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AssetTreeView::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AssetTreeView::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &AssetTreeView::updateEmptyState);

    // Ages move on even when no value does; once a second is what a reader resolves.
    m_ageTimer->setInterval(1000);
    connect(m_ageTimer, &QTimer::timeout, this, &AssetTreeView::refreshAges);
    m_ageTimer->start();
    // Scrubbing moves every age at once; the model says so without dataChanged.
    connect(m_model, &AssetTreeModel::agesMoved, m_tree->viewport(), qOverload<>(&QWidget::update));
    // A backlog slice changes rows everywhere; the model says so without dataChanged.
    // Value changes repaint the tree at most every 100 ms (PacedItemView), not
    // after every batch.
    auto *paced = static_cast<PacedItemView<QTreeView> *>(m_tree);
    connect(m_model, &AssetTreeModel::manyRowsChanged, m_tree, [paced] {
        paced->scheduleRepaint(AssetTreeModel::ValueColumn, AssetTreeModel::ColumnCount - 1);
    });

    setFocusProxy(m_tree);
    updateEmptyState();
    onRowsInserted({}, 0, m_proxy->rowCount() - 1);
}

void AssetTreeView::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void AssetTreeView::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

QByteArray AssetTreeView::saveHeaderState() const
{
    return ndh::saveHeaderState(m_tree);
}

void AssetTreeView::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        ndh::restoreHeaderState(m_tree, state); // the column toggles follow
}

QString AssetTreeView::emptyStateText() const
{
    return m_emptyLabel->text();
}

bool AssetTreeView::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_emptyLabel;
}

void AssetTreeView::onActivated(const QModelIndex &proxyIndex)
{
    const QString key = proxyIndex.siblingAtColumn(0).data(AssetTreeModel::AttributeKeyRole).toString();
    if (!key.isEmpty())
        emit attributeActivated(key);
}

void AssetTreeView::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (!parent.isValid()) {
        // A location opens when it first appears, so the first look shows what kinds
        // of assets there are (locations arrive over several batches); anything the
        // operator folds afterwards stays folded.
        for (int row = first; row <= last; ++row)
            m_tree->expand(m_proxy->index(row, 0));
    }
    if (!m_proxy->filterWords().isEmpty()) {
        // New matches while filtering show up without clicking them open; a new
        // subtree arrives as one insert, so open it all the way down.
        for (QModelIndex p = parent; p.isValid(); p = p.parent())
            m_tree->expand(p);
        for (int row = first; row <= last; ++row)
            m_tree->expandRecursively(m_proxy->index(row, 0, parent));
    }
    updateEmptyState();
}

void AssetTreeView::updateEmptyState()
{
    const bool empty = m_proxy->rowCount() == 0;
    if (!empty) {
        m_stack->setCurrentWidget(m_tree);
        return;
    }
    if (m_model->rowCount() == 0)
        m_emptyLabel->setText(tr("Waiting for data from the plant\u2026\n\n"
                                 "Assets appear here as their events arrive."));
    else
        m_emptyLabel->setText(tr("Nothing matches \u201c%1\u201d.\n\nPress Esc to clear the filter.")
                                  .arg(m_filter->text().simplified()));
    m_stack->setCurrentWidget(m_emptyLabel);
}

void AssetTreeView::refreshAges()
{
    if (isVisible())
        m_model->refreshAges();
}

} // namespace ndh
