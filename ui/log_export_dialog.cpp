#include "log_export_dialog.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QDateTime>
#include <QToolButton>

namespace ndh {

QString LogExportDialog::suffixFor(Kind kind)
{
    switch (kind) {
    case Kind::Log: return QStringLiteral(".jsonl");
    case Kind::CompressedLog: return QStringLiteral(".jsonl.zst");
    case Kind::Bundle: return QStringLiteral(".ndh");
    }
    return {};
}

LogExportDialog::LogExportDialog(const QMap<QString, quint64> &topics, qint64 firstMs, qint64 lastMs, Kind kind,
                                 QWidget *parent)
    : QDialog(parent)
    , m_kind(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_topics(new QListWidget(this))
    , m_assets(new QLineEdit(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("logExportDialog"));
    setWindowTitle(tr("Export"));
    m_kind->addItem(tr("Log (kcat -J lines, .jsonl)"), int(Kind::Log));
    m_kind->addItem(tr("Compressed log (.jsonl.zst)"), int(Kind::CompressedLog));
    m_kind->addItem(tr("Incident bundle (log, alarm journal, audit, layout; .ndh)"), int(Kind::Bundle));
    m_kind->setCurrentIndex(int(kind));
    m_kind->setObjectName(QStringLiteral("exportKind"));

    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString stamp = QDateTime::fromMSecsSinceEpoch(lastMs > 0 ? lastMs : QDateTime::currentMSecsSinceEpoch(),
                                                         Qt::UTC)
                              .toString(QStringLiteral("yyyyMMdd-HHmm"));
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_path->setText(docs + QStringLiteral("/incident-") + stamp + suffixFor(kind));
    auto *browseButton = new QToolButton(this);
    browseButton->setText(tr("Browse\u2026"));
    connect(browseButton, &QToolButton::clicked, this, &LogExportDialog::browse);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        // Keep the name, change the suffix to the chosen kind.
        QString p = m_path->text();
        for (const Kind k : {Kind::Bundle, Kind::CompressedLog, Kind::Log}) {
            if (p.endsWith(suffixFor(k))) {
                p.chop(suffixFor(k).size());
                break;
            }
        }
        m_path->setText(p + suffixFor(Kind(m_kind->currentData().toInt())));
    });
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);

    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"));
        edit->setCalendarPopup(true);
    }
    m_from->setObjectName(QStringLiteral("exportFrom"));
    m_to->setObjectName(QStringLiteral("exportTo"));
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(firstMs, Qt::UTC));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(lastMs, Qt::UTC));
    m_from->setToolTip(tr("Event time of the first record to export (UTC)"));
    m_to->setToolTip(tr("Event time of the last record to export (UTC)"));

    const QLocale locale;
    m_topics->setObjectName(QStringLiteral("exportTopics"));
    for (auto it = topics.cbegin(); it != topics.cend(); ++it) {
        auto *item = new QListWidgetItem(tr("%1 (%2 records)").arg(it.key(), locale.toString(it.value())), m_topics);
        item->setData(Qt::UserRole, it.key());
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    connect(m_topics, &QListWidget::itemChanged, this, &LogExportDialog::updateOk);
    m_assets->setObjectName(QStringLiteral("exportAssets"));
    m_assets->setPlaceholderText(tr("All assets (or: FACTORY_A, FACTORY_B/Pump/PUMP_001, ...)"));
    m_assets->setToolTip(tr("Comma-separated asset paths or path prefixes (location, location/type, "
                            "location/type/id). Empty: every asset."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_kind);
    form->addRow(tr("&File:"), pathRow);
    form->addRow(tr("F&rom:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("T&opics:"), m_topics);
    form->addRow(tr("&Assets:"), m_assets);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Records are written exactly as received, one kcat -C -J line each; the file "
                          "appears only when complete."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_path, &QLineEdit::textChanged, this, &LogExportDialog::updateOk);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(640, 520);
    updateOk();
}

void LogExportDialog::browse()
{
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export to"), m_path->text(),
        tr("Logs (*.jsonl *.jsonl.zst);;Incident bundles (*.ndh);;All files (*)"));
    if (!file.isEmpty())
        m_path->setText(file);
}

void LogExportDialog::updateOk()
{
    bool anyTopic = false;
    for (int i = 0; i < m_topics->count(); ++i)
        anyTopic = anyTopic || m_topics->item(i)->checkState() == Qt::Checked;
    m_ok->setEnabled(anyTopic && !m_path->text().trimmed().isEmpty());
}

void LogExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

void LogExportDialog::setAssetKeys(const QStringList &keys)
{
    m_assets->setText(keys.join(QStringLiteral(", ")));
}

LogExportDialog::Choice LogExportDialog::choice() const
{
    Choice c;
    c.path = m_path->text().trimmed();
    c.kind = Kind(m_kind->currentData().toInt());
    c.fromMs = m_from->dateTime().toMSecsSinceEpoch();
    c.toMs = m_to->dateTime().toMSecsSinceEpoch();
    bool all = true;
    for (int i = 0; i < m_topics->count(); ++i) {
        if (m_topics->item(i)->checkState() == Qt::Checked)
            c.topics << m_topics->item(i)->data(Qt::UserRole).toString();
        else
            all = false;
    }
    if (all)
        c.topics.clear();
    for (const QString &k : m_assets->text().split(u',', Qt::SkipEmptyParts))
        c.assetKeys << k.trimmed();
    return c;
}

} // namespace ndh
