#include "command_palette.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ndh {

CommandPalette::CommandPalette(QWidget *parent)
    : QDialog(parent)
    , m_query(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Find an action, asset or topic"));
    m_query->setObjectName(QStringLiteral("paletteQuery"));
    m_query->setPlaceholderText(tr("Type an action, asset or topic name… (Enter runs, Esc closes)"));
    m_query->setClearButtonEnabled(true);
    m_query->installEventFilter(this);
    m_list->setObjectName(QStringLiteral("paletteList"));
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_query);
    layout->addWidget(m_list, 1);
    resize(640, 420);

    connect(m_query, &QLineEdit::textChanged, this, &CommandPalette::refilter);
    connect(m_list, &QListWidget::itemActivated, this, [this] { chooseCurrent(); });
    connect(m_list, &QListWidget::itemClicked, this, [this] { chooseCurrent(); });
}

void CommandPalette::setEntries(QList<PaletteEntry> entries)
{
    m_entries = std::move(entries);
    refilter();
}

void CommandPalette::setQuery(const QString &query)
{
    m_query->setText(query);
    refilter();
}

QString CommandPalette::kindName(PaletteEntry::Kind kind)
{
    switch (kind) {
    case PaletteEntry::Kind::Action: return tr("Action");
    case PaletteEntry::Kind::Asset: return tr("Asset");
    case PaletteEntry::Kind::Topic: return tr("Topic");
    }
    return {};
}

void CommandPalette::refilter()
{
    const QStringList words = m_query->text().simplified().split(u' ', Qt::SkipEmptyParts);
    struct Hit
    {
        int rank;
        int index;
    };
    QList<Hit> hits;
    for (int i = 0; i < m_entries.size(); ++i) {
        const PaletteEntry &e = m_entries.at(i);
        bool all = true;
        for (const QString &w : words) {
            if (!e.text.contains(w, Qt::CaseInsensitive) && !e.detail.contains(w, Qt::CaseInsensitive)) {
                all = false;
                break;
            }
        }
        if (!all)
            continue;
        // Name starts with what was typed, then name contains it, then only the detail.
        int rank = 2;
        if (!words.isEmpty() && e.text.startsWith(words.first(), Qt::CaseInsensitive))
            rank = 0;
        else if (!words.isEmpty() && e.text.contains(words.first(), Qt::CaseInsensitive))
            rank = 1;
        hits.append({rank * 4 + int(e.kind), i});
    }
    std::stable_sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) { return a.rank < b.rank; });

    m_list->clear();
    m_shown.clear();
    for (const Hit &h : hits) {
        if (m_shown.size() >= kMaxShown)
            break;
        const PaletteEntry &e = m_entries.at(h.index);
        auto *item = new QListWidgetItem(
            e.detail.isEmpty() ? QStringLiteral("%1  \u2014  %2").arg(e.text, kindName(e.kind))
                               : QStringLiteral("%1  \u2014  %2 \u00b7 %3").arg(e.text, kindName(e.kind), e.detail),
            m_list);
        item->setData(Qt::UserRole, h.index);
        m_shown.append(h.index);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

QList<PaletteEntry> CommandPalette::shownEntries() const
{
    QList<PaletteEntry> out;
    for (int i : m_shown)
        out.append(m_entries.at(i));
    return out;
}

void CommandPalette::chooseCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_shown.size())
        return;
    const PaletteEntry entry = m_entries.at(m_shown.at(row));
    accept();
    emit entryChosen(entry);
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    // Arrows move in the list while typing goes on in the box.
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_PageDown:
        case Qt::Key_PageUp: {
            const int step = (key->key() == Qt::Key_PageDown || key->key() == Qt::Key_PageUp) ? 10 : 1;
            const int dir = (key->key() == Qt::Key_Down || key->key() == Qt::Key_PageDown) ? 1 : -1;
            const int row = std::clamp(m_list->currentRow() + dir * step, 0, std::max(0, m_list->count() - 1));
            m_list->setCurrentRow(row);
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
            chooseCurrent();
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace ndh
