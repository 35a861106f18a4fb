#include "column_fit.h"

#include <QAbstractItemView>
#include <QAction>
#include <QDataStream>
#include <QIODevice>
#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QStyle>
#include <QTableView>
#include <QTreeView>

#include <algorithm>
#include <cstdlib>

namespace ndh {

QHeaderView *headerOf(const QAbstractItemView *view)
{
    if (const auto *table = qobject_cast<const QTableView *>(view))
        return table->horizontalHeader();
    if (const auto *tree = qobject_cast<const QTreeView *>(view))
        return tree->header();
    return nullptr;
}

void addColumnToggles(QAbstractItemView *view, int first, int last)
{
    QHeaderView *header = headerOf(view);
    Q_ASSERT(header && header->model()); // a view with its model (and so its columns) set
    if (!header || !header->model())
        return;
    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (int c = std::max(0, first); c <= std::min(last, header->count() - 1); ++c) {
        auto *toggle = new QAction(header->model()->headerData(c, Qt::Horizontal).toString(), header);
        toggle->setData(c); // the column it shows or hides
        toggle->setCheckable(true);
        toggle->setChecked(!header->isSectionHidden(c));
        QObject::connect(toggle, &QAction::toggled, header, [header, c](bool on) { header->setSectionHidden(c, !on); });
        header->addAction(toggle);
    }
}

ColumnFit *ColumnFit::of(const QAbstractItemView *view)
{
    return view->findChild<ColumnFit *>(QString(), Qt::FindDirectChildrenOnly);
}

const ColumnFit::Column *ColumnFit::listed(int column) const
{
    const auto it = std::find_if(m_columns.begin(), m_columns.end(), [column](const Column &c) { return c.column == column; });
    return it == m_columns.end() ? nullptr : &*it;
}

QString elidedPath(const QString &path, const QFontMetrics &metrics, int width)
{
    const qsizetype first = path.indexOf(u'/');
    if (first < 0 || metrics.horizontalAdvance(path) <= width)
        return path;
    const qsizetype last = path.lastIndexOf(u'/');
    const QString tail = QStringLiteral("\u2026/") + path.mid(last + 1);
    const QString shorter = path.left(first + 1) + tail;
    return first != last && metrics.horizontalAdvance(shorter) <= width ? shorter : tail;
}

ColumnFit::ColumnFit(QAbstractItemView *view, std::vector<Column> columns, CellFont font)
    : QObject(view), m_view(view), m_header(headerOf(view)), m_columns(std::move(columns)), m_font(font)
{
    if (!m_header)
        return;
    m_header->setStretchLastSection(false);
    m_view->viewport()->installEventFilter(this);
    // The way back from widths set by hand: the header's context menu.
    auto *fitAll = new QAction(tr("Fit columns to the view"), m_header);
    fitAll->setObjectName(QStringLiteral("fitColumnsAction"));
    connect(fitAll, &QAction::triggered, this, &ColumnFit::fitAll);
    m_header->setContextMenuPolicy(Qt::ActionsContextMenu);
    if (!m_header->actions().isEmpty()) { // after the view's own (the tree's column toggles)
        auto *separator = new QAction(m_header);
        separator->setSeparator(true);
        m_header->addAction(separator);
    }
    m_header->addAction(fitAll);
    // A column sized by hand keeps its width; the flexible ones make room for it.
    connect(m_header, &QHeaderView::sectionResized, this, [this](int section, int oldSize, int newSize) {
        if (m_applying)
            return;
        if (oldSize == 0 || newSize == 0) {
            // Shown or hidden, not sized: fitted once the header is done (while it
            // hides a section, the section is at 0 but not yet marked hidden).
            QMetaObject::invokeMethod(this, &ColumnFit::fit, Qt::QueuedConnection);
            return;
        }
        if (listed(section))
            m_pinned.insert(section);
        fit();
    });
    // A model set later (the alarm groups).
    connect(m_header, &QHeaderView::sectionCountChanged, this, [this](int, int count) {
        if (count == 0)
            m_pinned.clear(); // the model went: its sections and their widths with it
        makeInteractive();
        fit();
    });
    makeInteractive();
    fit();
}

void ColumnFit::makeInteractive()
{
    // Only sections that exist: a header without a model has none yet.
    for (const Column &c : m_columns) {
        if (c.column < m_header->count())
            m_header->setSectionResizeMode(c.column, QHeaderView::Interactive);
    }
}

int ColumnFit::contentWidth(const Column &c) const
{
    QStyle *style = m_header->style();
    const QString label = m_header->model() ? m_header->model()->headerData(c.column, Qt::Horizontal).toString() : QString();
    // The header's text, its margins and the sort arrow beside it.
    const int headerWidth = m_header->fontMetrics().horizontalAdvance(label)
                            + 4 * style->pixelMetric(QStyle::PM_HeaderMargin, nullptr, m_header)
                            + style->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, m_header);
    QFont cellFont = m_view->font();
    cellFont.setBold(m_font == CellFont::Bold);
    const QFontMetrics metrics(cellFont);
    int cellWidth = 0;
    for (const QString &sample : c.samples)
        cellWidth = std::max(cellWidth, metrics.horizontalAdvance(sample));
    cellWidth += 2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 4);
    return std::max(headerWidth, cellWidth) + c.extra;
}

void ColumnFit::fit()
{
    if (!m_header || m_header->count() == 0 || m_applying)
        return;
    m_applying = true;
    std::vector<const Column *> flexible;
    int used = 0;
    for (int s = 0; s < m_header->count(); ++s) {
        if (m_header->isSectionHidden(s))
            continue;
        const Column *c = listed(s);
        if (!c || m_pinned.contains(s)) {
            used += m_header->sectionSize(s);
        } else if (c->weight == 0) {
            m_header->resizeSection(s, contentWidth(*c));
            used += m_header->sectionSize(s);
        } else {
            flexible.push_back(c);
        }
    }
    // The rest by weight; a column whose share is below its minimum gets the
    // minimum, and the others share what is then left.
    int left = std::max(0, m_view->viewport()->width() - used);
    for (bool settled = false; !settled && !flexible.empty();) {
        settled = true;
        int weights = 0;
        for (const Column *c : flexible)
            weights += c->weight;
        for (auto it = flexible.begin(); it != flexible.end(); ++it) {
            if (left * (*it)->weight / weights < (*it)->minimum) {
                m_header->resizeSection((*it)->column, (*it)->minimum);
                left = std::max(0, left - (*it)->minimum);
                flexible.erase(it);
                settled = false;
                break;
            }
        }
    }
    int weights = 0;
    for (const Column *c : flexible)
        weights += c->weight;
    int given = 0;
    for (size_t i = 0; i < flexible.size(); ++i) {
        // The last takes the rounding remainder, so the columns fill the view exactly.
        const int w = i + 1 == flexible.size() ? left - given : left * flexible[i]->weight / weights;
        m_header->resizeSection(flexible[i]->column, w);
        given += w;
    }
    m_applying = false;
}

namespace {
// Marks a state written by ColumnFit::saveState: the pinned columns, then the header's own.
constexpr char kStateMagic[] = "ndh-column-fit-1";
} // namespace

QByteArray ColumnFit::saveState() const
{
    if (!m_header)
        return {};
    QByteArray state(kStateMagic);
    QDataStream out(&state, QIODevice::Append);
    out.setVersion(QDataStream::Qt_6_0);
    QList<int> pinned(m_pinned.begin(), m_pinned.end());
    std::sort(pinned.begin(), pinned.end());
    out << quint32(pinned.size());
    for (const int c : pinned)
        out << qint32(c);
    out << m_header->saveState();
    return state;
}

bool ColumnFit::restoreState(const QByteArray &state)
{
    if (!m_header)
        return false;
    QSet<int> pinned;
    QByteArray headerState = state;
    if (state.startsWith(kStateMagic)) {
        QDataStream in(state.mid(qsizetype(sizeof kStateMagic) - 1));
        in.setVersion(QDataStream::Qt_6_0);
        // Read by hand: a layout file may be damaged, and QDataStream reserves
        // whatever count a list claims.
        quint32 count = 0;
        in >> count;
        if (count > quint32(m_columns.size()))
            return false;
        for (quint32 i = 0; i < count; ++i) {
            qint32 c = -1;
            in >> c;
            if (listed(c))
                pinned.insert(c); // only columns it fits
        }
        in >> headerState;
        if (in.status() != QDataStream::Ok)
            return false;
    }
    // A plain header state is from before the columns were fitted: its widths were
    // mostly the old defaults, so nothing in it counts as sized by hand.
    m_applying = true; // the sections the state resizes are not sized by hand
    const bool restored = m_header->restoreState(headerState);
    // Old states may say Stretch, and stretch the last section.
    m_header->setStretchLastSection(false);
    makeInteractive();
    if (restored) {
        // A pinned column too narrow to see or grab (a damaged state) is fitted instead.
        for (auto it = pinned.begin(); it != pinned.end();) {
            const int c = *it;
            const bool usable = c < m_header->count()
                                && (m_header->isSectionHidden(c)
                                    || m_header->sectionSize(c) >= std::max(m_header->minimumSectionSize(), listed(c)->minimum));
            it = usable ? std::next(it) : pinned.erase(it);
        }
        m_pinned = pinned;
    }
    m_applying = false;
    fit();
    return restored;
}

QHash<int, int> ColumnFit::pinnedWidths() const
{
    QHash<int, int> widths;
    for (const int c : m_pinned) {
        if (m_header && c < m_header->count())
            widths.insert(c, m_header->sectionSize(c));
    }
    return widths;
}

void ColumnFit::pinWidths(const QHash<int, int> &widths, int extraForFirst)
{
    if (!m_header)
        return;
    m_applying = true;
    for (auto it = widths.begin(); it != widths.end(); ++it) {
        if (it.key() >= m_header->count())
            continue;
        m_header->resizeSection(it.key(), it.value() + (it.key() == 0 ? extraForFirst : 0));
        m_pinned.insert(it.key());
    }
    m_applying = false;
    fit();
}

void ColumnFit::fitAll()
{
    m_pinned.clear();
    fit();
}

QByteArray saveHeaderState(const QAbstractItemView *view)
{
    if (const ColumnFit *fit = ColumnFit::of(view))
        return fit->saveState();
    QHeaderView *header = headerOf(view);
    return header ? header->saveState() : QByteArray();
}

bool restoreHeaderState(QAbstractItemView *view, const QByteArray &state)
{
    QHeaderView *header = headerOf(view);
    if (!header)
        return false;
    ColumnFit *fit = ColumnFit::of(view);
    const bool restored = fit ? fit->restoreState(state) : header->restoreState(state);
    // Column toggles in the header's menu (checkable, their column as data) follow.
    for (QAction *toggle : header->actions()) {
        if (toggle->isCheckable() && toggle->data().canConvert<int>())
            toggle->setChecked(!header->isSectionHidden(toggle->data().toInt()));
    }
    return restored;
}

bool ColumnFit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

} // namespace ndh
