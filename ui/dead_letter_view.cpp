#include "dead_letter_view.h"

#include "dead_letter_model.h"
#include "hmi_style.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ndh {

namespace {

QPlainTextEdit *makeBytesView(QWidget *parent, const QString &objectName)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return edit;
}

} // namespace

DeadLetterView::DeadLetterView(DeadLetterModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_summary(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_emptyLabel(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_raw(makeBytesView(this, QStringLiteral("deadLetterRaw")))
    , m_hex(makeBytesView(this, QStringLiteral("deadLetterHex")))
    , m_copyRaw(new QPushButton(tr("Copy raw"), this))
    , m_copyHex(new QPushButton(tr("Copy hex"), this))
{
    setObjectName(QStringLiteral("deadLetterView"));

    m_summary->setObjectName(QStringLiteral("deadLetterSummary"));
    m_summary->setTextFormat(Qt::PlainText);

    m_table->setObjectName(QStringLiteral("deadLetterTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setTextElideMode(Qt::ElideRight);
    // Up to kMaxRows rows: fixed heights, no measuring of contents.
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    const int em = fontMetrics().horizontalAdvance(u'M');
    header->resizeSection(DeadLetterModel::TimeColumn, 8 * em);
    header->resizeSection(DeadLetterModel::SourceColumn, 16 * em);
    header->resizeSection(DeadLetterModel::PartitionColumn, 5 * em);
    header->resizeSection(DeadLetterModel::OffsetColumn, 6 * em);
    header->resizeSection(DeadLetterModel::SizeColumn, 5 * em);
    header->resizeSection(DeadLetterModel::ReasonColumn, 22 * em);

    m_emptyLabel->setObjectName(QStringLiteral("deadLetterEmpty"));
    m_emptyLabel->setTextFormat(Qt::PlainText);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setText(tr("No dead letters.\n\nRecords that cannot be decoded appear here with the reason "
                             "and their raw bytes; the console keeps going."));
    QPalette muted = m_emptyLabel->palette();
    muted.setColor(QPalette::WindowText, HmiStyle::mutedText());
    m_emptyLabel->setPalette(muted);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_emptyLabel);

    m_detail->setObjectName(QStringLiteral("deadLetterDetail"));
    m_detail->setTextFormat(Qt::PlainText); // reasons quote payload fragments
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs->addTab(m_raw, tr("Text"));
    m_tabs->addTab(m_hex, tr("Hex"));
    m_copyRaw->setObjectName(QStringLiteral("copyRawButton"));
    m_copyRaw->setToolTip(tr("Copy the payload exactly as received"));
    m_copyHex->setObjectName(QStringLiteral("copyHexButton"));
    m_copyHex->setToolTip(tr("Copy the hex dump"));
    connect(m_copyRaw, &QPushButton::clicked, this, &DeadLetterView::copyRaw);
    connect(m_copyHex, &QPushButton::clicked, this, &DeadLetterView::copyHex);

    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detail);
    detailLayout->addWidget(m_tabs, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_copyRaw);
    buttons->addWidget(m_copyHex);
    detailLayout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_stack);
    splitter->addWidget(detailPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    detailPane->setMinimumWidth(24 * em);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRow(current.isValid() ? current.row() : -1); });
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        // Keep showing the newest records only while the reader is already at the end.
        const QScrollBar *bar = m_table->verticalScrollBar();
        m_stickToNewest = bar->value() >= bar->maximum();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DeadLetterView::onRowsInserted);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DeadLetterView::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        showRow(-1);
        updateSummary();
    });

    showRow(-1);
    updateSummary();
}

void DeadLetterView::onRowsInserted()
{
    if (m_stickToNewest)
        m_table->scrollToBottom();
    // Show something useful at once rather than an empty detail pane.
    if (!m_table->selectionModel()->currentIndex().isValid() && m_model->rowCount() > 0)
        selectRow(m_model->rowCount() - 1);
    updateSummary();
}

void DeadLetterView::updateSummary()
{
    const quint64 total = m_model->totalCount();
    const int shown = m_model->rowCount();
    if (total == 0)
        m_summary->setText(tr("No records have failed to decode."));
    else if (quint64(shown) < total)
        m_summary->setText(tr("%1 records could not be decoded; the newest %2 are kept here.").arg(total).arg(shown));
    else
        m_summary->setText(total == 1 ? tr("1 record could not be decoded.")
                                      : tr("%1 records could not be decoded.").arg(total));
    m_stack->setCurrentWidget(shown == 0 ? static_cast<QWidget *>(m_emptyLabel) : m_table);
}

void DeadLetterView::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void DeadLetterView::showRow(int row)
{
    const bool valid = row >= 0 && row < m_model->rowCount();
    m_copyRaw->setEnabled(valid);
    m_copyHex->setEnabled(valid);
    if (!valid) {
        m_detail->setText(tr("Select a record to see its raw bytes."));
        m_raw->clear();
        m_hex->clear();
        return;
    }
    const DeadLetter &letter = m_model->letterAt(row);
    QStringList lines;
    lines << tr("Reason: %1").arg(letter.reason);
    QString where = letter.source.topic;
    if (letter.source.partition >= 0)
        where += tr(", partition %1").arg(letter.source.partition);
    if (letter.source.offset >= 0)
        where += tr(", offset %1").arg(letter.source.offset);
    lines << tr("Source: %1").arg(where);
    if (!letter.key.isEmpty())
        lines << tr("Key: %1").arg(QString::fromUtf8(letter.key));
    if (letter.payloadSize > letter.payload.size())
        lines << tr("Size: %1 bytes (first %2 kept)").arg(letter.payloadSize).arg(letter.payload.size());
    else
        lines << tr("Size: %1 bytes").arg(letter.payloadSize);
    m_detail->setText(lines.join(u'\n'));

    // QPlainTextEdit never interprets markup; NUL would end the text early, so it is
    // shown as the visible control picture instead.
    QString text = QString::fromUtf8(letter.payload);
    text.replace(QChar(0), QChar(0x2400));
    m_raw->setPlainText(text);
    m_hex->setPlainText(hexDump(letter.payload));
}

QString DeadLetterView::rawText() const
{
    return m_raw->toPlainText();
}

QString DeadLetterView::hexText() const
{
    return m_hex->toPlainText();
}

QString DeadLetterView::detailText() const
{
    return m_detail->text();
}

QString DeadLetterView::summaryText() const
{
    return m_summary->text();
}

bool DeadLetterView::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_emptyLabel;
}

void DeadLetterView::copyRaw()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const QByteArray payload = m_model->letterAt(current.row()).payload;
    auto *mime = new QMimeData;
    mime->setData(QStringLiteral("application/octet-stream"), payload);
    mime->setText(QString::fromUtf8(payload));
    QApplication::clipboard()->setMimeData(mime);
}

void DeadLetterView::copyHex()
{
    if (!m_hex->toPlainText().isEmpty())
        QApplication::clipboard()->setText(m_hex->toPlainText());
}

QString DeadLetterView::hexDump(const QByteArray &bytes, int maxBytes)
{
    const int n = std::min<qsizetype>(bytes.size(), std::max(0, maxBytes));
    QString out;
    out.reserve(n / 16 * 80 + 80);
    for (int line = 0; line < n; line += 16) {
        out += QStringLiteral("%1  ").arg(line, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (int i = 0; i < 16; ++i) {
            if (i == 8)
                out += u' ';
            if (line + i < n) {
                const auto b = quint8(bytes[line + i]);
                out += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
                ascii += (b >= 0x20 && b < 0x7f) ? QChar(b) : QChar(u'.');
            } else {
                out += QStringLiteral("   ");
            }
        }
        out += u'|' + ascii + QStringLiteral("|\n");
    }
    if (bytes.size() > n)
        out += tr("\u2026 %1 more bytes not shown\n").arg(bytes.size() - n);
    return out;
}

} // namespace ndh
