#include "column_fit.h"

#include <QAbstractItemView>
#include <QDataStream>
#include <QIODevice>
#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QStyle>
#include <QTableView>
#include <QTreeView>

#include <algorithm>

namespace ndh {

namespace {

QHeaderView *headerOf(QAbstractItemView *view)
{
    if (auto *table = qobject_cast<QTableView *>(view))
        return table->horizontalHeader();
    if (auto *tree = qobject_cast<QTreeView *>(view))
        return tree->header();
    return nullptr;
}

} // namespace

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
        if (std::any_of(m_columns.begin(), m_columns.end(), [section](const Column &c) { return c.column == section; }))
            m_pinned.insert(section);
        fit();
    });
    // A model set later (the alarm groups).
    connect(m_header, &QHeaderView::sectionCountChanged, this, [this] {
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
        const auto it = std::find_if(m_columns.begin(), m_columns.end(), [s](const Column &c) { return c.column == s; });
        if (it == m_columns.end() || m_pinned.contains(s)) {
            used += m_header->sectionSize(s);
        } else if (it->weight == 0) {
            m_header->resizeSection(s, contentWidth(*it));
            used += m_header->sectionSize(s);
        } else {
            flexible.push_back(&*it);
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
    m_pinned.clear();
    bool restored = false;
    m_applying = true; // the sections the state resizes are not sized by hand
    if (state.startsWith(kStateMagic)) {
        QDataStream in(state.mid(qsizetype(sizeof kStateMagic) - 1));
        // Read by hand: a layout file may be damaged, and QDataStream reserves
        // whatever count a list claims.
        quint32 count = 0;
        in >> count;
        QSet<int> pinned;
        for (quint32 i = 0; i < count && i < quint32(m_header->count()) && in.status() == QDataStream::Ok; ++i) {
            qint32 c = -1;
            in >> c;
            pinned.insert(c);
        }
        QByteArray headerState;
        if (count <= quint32(m_header->count()))
            in >> headerState;
        restored = in.status() == QDataStream::Ok && count <= quint32(m_header->count())
                   && m_header->restoreState(headerState);
        if (restored)
            m_pinned = pinned;
    } else {
        restored = m_header->restoreState(state);
        m_applying = false; // contentWidth() below, fit() after
        for (const Column &c : m_columns) {
            if (restored && c.column < m_header->count() && c.weight == 0
                && std::abs(m_header->sectionSize(c.column) - contentWidth(c)) > 1)
                m_pinned.insert(c.column);
        }
    }
    m_applying = false;
    makeInteractive(); // a plain state may say Stretch
    fit();
    return restored;
}

QByteArray saveHeaderState(const QAbstractItemView *view)
{
    if (const auto *fit = view->findChild<ColumnFit *>(QString(), Qt::FindDirectChildrenOnly))
        return fit->saveState();
    QHeaderView *header = headerOf(const_cast<QAbstractItemView *>(view));
    return header ? header->saveState() : QByteArray();
}

bool restoreHeaderState(QAbstractItemView *view, const QByteArray &state)
{
    if (auto *fit = view->findChild<ColumnFit *>(QString(), Qt::FindDirectChildrenOnly))
        return fit->restoreState(state);
    QHeaderView *header = headerOf(view);
    return header && header->restoreState(state);
}

bool ColumnFit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

} // namespace ndh
