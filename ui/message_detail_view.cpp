#include "message_detail_view.h"

#include "dead_letter_view.h"
#include "hmi_style.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QSyntaxHighlighter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace ndh {

namespace {

// Keys, strings, numbers and literals in distinct data colours (never the alarm ones).
class JsonHighlighter : public QSyntaxHighlighter
{
public:
    explicit JsonHighlighter(QPlainTextEdit *view)
        : QSyntaxHighlighter(view->document())
    {
        m_key.setFontWeight(QFont::DemiBold);
        takeThemeColours();
        // A live theme switch (HmiStyle::applyTheme) reaches the view as PaletteChange:
        // the colours follow, and the record on show is coloured again.
        view->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange) {
            takeThemeColours();
            rehighlight();
        }
        return QSyntaxHighlighter::eventFilter(watched, event);
    }

    void highlightBlock(const QString &text) override
    {
        static const QRegularExpression token(
            QStringLiteral(R"x(("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b)x"));
        auto it = token.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (m.capturedStart(1) >= 0)
                setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m.capturedLength(2) > 0 ? m_key : m_string);
            else if (m.capturedStart(3) >= 0)
                setFormat(int(m.capturedStart(3)), int(m.capturedLength(3)), m_number);
            else
                setFormat(int(m.capturedStart(4)), int(m.capturedLength(4)), m_literal);
        }
    }

private:
    void takeThemeColours()
    {
        m_key.setForeground(HmiStyle::curveColor(0));
        m_string.setForeground(HmiStyle::curveColor(2));
        m_number.setForeground(HmiStyle::curveColor(1));
        m_literal.setForeground(HmiStyle::curveColor(3));
    }

    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
};

QPlainTextEdit *monospaceView(QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

QString bytesText(const QByteArray &bytes)
{
    return bytesAsText(bytes);
}

void addJson(QTreeWidgetItem *parent, const QString &name, const nlohmann::ordered_json &value, int depth)
{
    auto *item = new QTreeWidgetItem(parent);
    item->setText(0, name);
    if (value.is_object() || value.is_array()) {
        item->setText(1, value.is_object() ? QStringLiteral("{%1}").arg(value.size()) : QStringLiteral("[%1]").arg(value.size()));
        if (depth > 32)
            return;
        int index = 0;
        for (auto it = value.begin(); it != value.end(); ++it, ++index)
            addJson(item, value.is_object() ? QString::fromStdString(it.key()) : QString::number(index), it.value(), depth + 1);
        item->setExpanded(depth < 2);
    } else if (value.is_string()) {
        item->setText(1, QString::fromStdString(value.get<std::string>()));
    } else {
        item->setText(1, QString::fromStdString(value.dump()));
    }
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

MessageDetailView::MessageDetailView(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_envelope(new QTreeWidget(this))
    , m_json(monospaceView(this))
    , m_text(monospaceView(this))
    , m_hex(monospaceView(this))
    , m_headers(new QTreeWidget(this))
{
    m_header->setTextFormat(Qt::PlainText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    m_envelope->setObjectName(QStringLiteral("envelopeTree"));
    m_envelope->setHeaderLabels({tr("Field"), tr("Value")});
    m_envelope->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_envelope->header()->resizeSection(0, 220);
    m_json->setObjectName(QStringLiteral("jsonView"));
    new JsonHighlighter(m_json);
    m_text->setObjectName(QStringLiteral("textView"));
    m_hex->setObjectName(QStringLiteral("hexView"));
    m_headers->setObjectName(QStringLiteral("headersTree"));
    m_headers->setRootIsDecorated(false);
    m_headers->setHeaderLabels({tr("Header"), tr("Value")});
    m_tabs->addTab(m_envelope, tr("Envelope"));
    m_tabs->addTab(m_json, tr("JSON"));
    m_tabs->addTab(m_text, tr("Text"));
    m_tabs->addTab(m_hex, tr("Hex"));
    m_tabs->addTab(m_headers, tr("Headers"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);
    clear();
}

std::optional<QString> MessageDetailView::utf8Text(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

QString MessageDetailView::prettyJson(const QByteArray &payload)
{
    const auto j = nlohmann::ordered_json::parse(payload.constBegin(), payload.constEnd(), nullptr, false);
    if (j.is_discarded())
        return {};
    return QString::fromStdString(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

void MessageDetailView::clear()
{
    m_has = false;
    m_record = {};
    m_header->setText(tr("Select a message to see it in full."));
    m_envelope->clear();
    m_json->clear();
    m_text->clear();
    m_hex->clear();
    m_headers->clear();
}

void MessageDetailView::setRecord(const LogRecord &record, const RecordSummary &summary)
{
    m_record = record;
    m_has = true;
    const QLocale locale;
    QStringList lines;
    lines << tr("%1 [%2] @ %3").arg(record.topic).arg(record.partition).arg(record.offset);
    QString when;
    switch (record.tstype) {
    case LogRecord::TimestampType::Create: when = tr("create time %1 (set by the producer)").arg(timeText(record.timestampMs)); break;
    case LogRecord::TimestampType::LogAppend:
        when = tr("log-append time %1 (set by the broker)").arg(timeText(record.timestampMs));
        break;
    default: when = tr("no timestamp"); break;
    }
    lines << when;
    if (summary.eventTimeMs > 0)
        lines.last() += tr(" \u00b7 event time %1").arg(timeText(summary.eventTimeMs));
    const QString key = !record.key ? tr("null") : record.key->isEmpty() ? tr("empty") : bytesText(*record.key);
    const QString value = !record.payload ? tr("null (tombstone)") : tr("%1 bytes").arg(locale.toString(record.payload->size()));
    lines << tr("key %1 \u00b7 value %2 \u00b7 %n header(s)", nullptr, int(record.headers.size())).arg(key, value);
    if (record.broker >= 0)
        lines.last() += tr(" \u00b7 broker %1").arg(record.broker);
    m_header->setText(lines.join(u'\n'));

    const QByteArray payload = record.payload.value_or(QByteArray());
    m_envelope->clear();
    auto *decoded = new QTreeWidgetItem(m_envelope, {tr("decoded as"),
                                                     summary.decoded ? envelopeName(summary.envelope)
                                                                     : tr("not decoded: %1").arg(summary.reason)});
    decoded->setToolTip(1, decoded->text(1));
    if (!summary.assetKey.isEmpty())
        new QTreeWidgetItem(m_envelope, {tr("asset"), summary.assetKey});
    if (!summary.eventType.isEmpty())
        new QTreeWidgetItem(m_envelope, {tr("event type"), summary.eventType});
    const auto json = nlohmann::ordered_json::parse(payload.constBegin(), payload.constEnd(), nullptr, false);
    if (!json.is_discarded()) {
        auto *root = new QTreeWidgetItem(m_envelope, {tr("value"), {}});
        if (json.is_object() || json.is_array()) {
            int index = 0;
            for (auto it = json.begin(); it != json.end(); ++it, ++index)
                addJson(root, json.is_object() ? QString::fromStdString(it.key()) : QString::number(index), it.value(), 1);
        } else {
            root->setText(1, QString::fromStdString(json.dump()));
        }
        root->setExpanded(true);
    }

    const QByteArray shown = payload.left(kMaxShownBytes);
    const QString pretty = json.is_discarded() ? QString() : prettyJson(shown);
    m_json->setPlainText(pretty.isEmpty() ? tr("(not JSON: see the Text and Hex tabs)") : pretty);
    if (!record.payload)
        m_text->setPlainText(tr("(null value: a tombstone)"));
    else if (const auto text = utf8Text(shown))
        m_text->setPlainText(*text);
    else
        m_text->setPlainText(tr("(not UTF-8: bytes outside printable ASCII are shown as \\xNN; the Hex tab has them all)\n\n")
                             + bytesText(shown));
    m_hex->setPlainText(DeadLetterView::hexDump(payload, int(kMaxShownBytes)));
    m_headers->clear();
    for (const LogHeader &h : record.headers)
        new QTreeWidgetItem(m_headers, {bytesText(h.name), h.value ? bytesText(*h.value) : tr("(null)")});
    // Open where the record is best read: the tree for JSON, hex for binary.
    if (!json.is_discarded())
        m_tabs->setCurrentIndex(m_tabs->currentIndex() == HexTab || m_tabs->currentIndex() == TextTab ? JsonTab
                                                                                                       : m_tabs->currentIndex());
    else if (record.payload && !utf8Text(shown))
        m_tabs->setCurrentIndex(HexTab);
    else
        m_tabs->setCurrentIndex(TextTab);
}

QString MessageDetailView::headerText() const
{
    return m_header->text();
}
QString MessageDetailView::jsonText() const
{
    return m_json->toPlainText();
}
QString MessageDetailView::rawText() const
{
    return m_text->toPlainText();
}
QString MessageDetailView::hexText() const
{
    return m_hex->toPlainText();
}

} // namespace ndh
