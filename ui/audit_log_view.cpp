#include "audit_log_view.h"

#include "hmi_style.h"

#include <QAbstractTableModel>
#include <QBuffer>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace ndh {

class AuditRecordModel : public QAbstractTableModel
{
public:
    enum Column { Time, Who, Role, Host, Action, Asset, Parameters, Outcome, Detail, Correlation, Line, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRecords(std::vector<AuditRecord> records)
    {
        beginResetModel();
        m_records = std::move(records);
        endResetModel();
    }
    const AuditRecord &record(int row) const { return m_records[size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_records.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }

    static QString text(const AuditRecord &r, int column)
    {
        switch (column) {
        case Time: return QDateTime::fromMSecsSinceEpoch(r.timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        case Who: return r.entry.who;
        case Role: return r.entry.role;
        case Host: return r.host;
        case Action: return r.entry.action;
        case Asset: return r.entry.asset;
        case Parameters:
            return r.entry.parameters.isEmpty()
                       ? QString()
                       : QString::fromUtf8(QJsonDocument(r.entry.parameters).toJson(QJsonDocument::Compact));
        case Outcome: return r.entry.outcome;
        case Detail: return r.entry.detail;
        case Correlation: return r.entry.correlationId;
        case Line: return QString::number(r.line);
        default: return {};
        }
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid())
            return {};
        const AuditRecord &r = m_records[size_t(index.row())];
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return text(r, index.column());
        return {};
    }

    QVariant headerData(int section, Qt::Orientation o, int role) const override
    {
        if (o != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        static const char *const kNames[] = {QT_TRANSLATE_NOOP("ndh::AuditLogView", "Time"),
                                             QT_TRANSLATE_NOOP("ndh::AuditLogView", "Who"),
                                             QT_TRANSLATE_NOOP("ndh::AuditLogView", "Role"),
                                             QT_TRANSLATE_NOOP("ndh::AuditLogView", "Host"),
                                             QT_TRANSLATE_NOOP("ndh::AuditLogView", "Action"),
                                             QT_TRANSLATE_NOOP("ndh::AuditLogView", "Asset"),
                                             QT_TRANSLATE_NOOP("ndh::AuditLogView", "Parameters"),
                                             QT_TRANSLATE_NOOP("ndh::AuditLogView", "Outcome"),
                                             QT_TRANSLATE_NOOP("ndh::AuditLogView", "Detail"),
                                             QT_TRANSLATE_NOOP("ndh::AuditLogView", "Correlation id"),
                                             QT_TRANSLATE_NOOP("ndh::AuditLogView", "Line")};
        return section >= 0 && section < ColumnCount ? QCoreApplication::translate("ndh::AuditLogView", kNames[section])
                                                     : QVariant();
    }

private:
    std::vector<AuditRecord> m_records;
};

AuditLogView::AuditLogView(QString path, QWidget *parent)
    : AuditLogView(std::move(path), false, QByteArray(), parent)
{
}

AuditLogView *AuditLogView::forExcerpt(const QByteArray &lines, const QString &source, QWidget *parent)
{
    return new AuditLogView(source, true, lines, parent);
}

AuditLogView::AuditLogView(QString path, bool isExcerpt, QByteArray excerpt, QWidget *parent)
    : QDialog(parent)
    , m_path(std::move(path))
    , m_isExcerpt(isExcerpt)
    , m_excerpt(std::move(excerpt))
    , m_model(new AuditRecordModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setWindowTitle(m_isExcerpt ? tr("Audit entries of %1").arg(QFileInfo(m_path).fileName()) : tr("Audit log"));
    resize(1100, 560);
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditVerification"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_pathLabel = new QLabel(m_isExcerpt ? tr("Incident bundle: %1 (the audit entries of its period; read-only)").arg(m_path)
                                         : tr("File: %1").arg(m_path),
                             this);
    m_pathLabel->setObjectName(QStringLiteral("auditSource"));
    m_pathLabel->setTextFormat(Qt::PlainText);
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_pathLabel);

    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter: user, asset, correlation id, outcome…"));
    m_filter->setClearButtonEnabled(true);
    bar->addWidget(m_filter, 1);
    m_action = new QComboBox(this);
    m_action->addItem(tr("All actions"), QString());
    for (const char *a : {"send_command", "acknowledge_alarm", "shelve_alarm", "unshelve_alarm", "return_to_service",
                          "remove_from_service", "reset_alarm", "republish", "sign_in", "sign_out"})
        m_action->addItem(QString::fromLatin1(a), QString::fromLatin1(a));
    bar->addWidget(m_action);
    m_reload = new QPushButton(tr("&Reload"), this);
    m_reload->setVisible(!m_isExcerpt); // a bundle's entries do not change
    auto *exportButton = new QPushButton(tr("&Export…"), this);
    bar->addWidget(m_reload);
    bar->addWidget(exportButton);
    layout->addLayout(bar);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(AuditRecordModel::Detail, QHeaderView::Stretch);
    m_table->setColumnWidth(AuditRecordModel::Time, 170);
    m_table->setColumnWidth(AuditRecordModel::Parameters, 220);
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_filter, &QLineEdit::textChanged, this, &AuditLogView::applyFilter);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditLogView::applyFilter);
    connect(m_reload, &QPushButton::clicked, this, &AuditLogView::reload);
    connect(exportButton, &QPushButton::clicked, this, &AuditLogView::exportAs);
    reload();
}

void AuditLogView::reload()
{
    if (m_isExcerpt) { // a bundle's entries: small, in memory
        AuditVerification v;
        std::vector<AuditRecord> records = AuditLog::readExcerpt(m_excerpt, &v);
        showRecords(std::move(records), v);
        return;
    }
    if (isLoading())
        return;
    m_verification = {};
    m_verification.fileExists = true;
    m_verification.pending = true;
    m_status->setText(verificationText());
    m_status->setStyleSheet(QString());
    m_reload->setEnabled(false);
    struct Load
    {
        std::vector<AuditRecord> records;
        AuditVerification verification;
    };
    auto load = std::make_shared<Load>();
    // The worker owns nothing of the view: closing it mid-read leaves the worker to
    // end on its own and delete itself.
    QThread *worker = QThread::create([load, path = m_path] { load->records = AuditLog::readFile(path, &load->verification); });
    worker->setObjectName(QStringLiteral("ndh-audit-view"));
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, this, [this, load] {
        m_reload->setEnabled(true);
        showRecords(std::move(load->records), load->verification);
    });
    worker->start(QThread::LowPriority);
}

void AuditLogView::showRecords(std::vector<AuditRecord> records, const AuditVerification &verification)
{
    m_verification = verification;
    m_model->setRecords(std::move(records));
    const bool ok = m_verification.ok();
    m_status->setText(verificationText());
    m_status->setStyleSheet(ok ? QString() : HmiStyle::alarmBadgeStyle());
    applyFilter();
    m_table->scrollToBottom();
}

QString AuditLogView::verificationText() const
{
    return m_verification.summary();
}

int AuditLogView::shownCount() const
{
    return m_proxy->rowCount();
}

void AuditLogView::applyFilter()
{
    const QString action = m_action->currentData().toString();
    // Text over every column; the action as a second, exact condition.
    m_proxy->setFilterFixedString(m_filter->text());
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const int source = m_proxy->mapToSource(m_proxy->index(row, 0)).row();
        m_table->setRowHidden(row, !action.isEmpty() && m_model->record(source).entry.action != action);
    }
}

std::vector<const AuditRecord *> AuditLogView::shownRecords() const
{
    std::vector<const AuditRecord *> out;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        if (m_table->isRowHidden(row))
            continue;
        out.push_back(&m_model->record(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
    }
    return out;
}

namespace {

QString csvField(QString s)
{
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n') || s.contains(u'\r')) {
        s.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + s + u'"';
    }
    return s;
}

bool writeFile(const QString &file, const QByteArray &data, QString *error)
{
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace

bool AuditLogView::exportCsv(const QString &file, QString *error) const
{
    QStringList header;
    for (int c = 0; c < AuditRecordModel::ColumnCount; ++c)
        header << csvField(m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    header << QStringLiteral("checksum");
    QByteArray out = header.join(u',').toUtf8() + "\r\n";
    for (const AuditRecord *r : shownRecords()) {
        QStringList fields;
        for (int c = 0; c < AuditRecordModel::ColumnCount; ++c)
            fields << csvField(AuditRecordModel::text(*r, c));
        fields << r->checksum;
        out += fields.join(u',').toUtf8() + "\r\n";
    }
    return writeFile(file, out, error);
}

bool AuditLogView::exportJsonl(const QString &file, QString *error) const
{
    // The exact lines of the log, checksums included, so the export verifies on its own.
    QByteArray excerpt = m_excerpt;
    QBuffer buffer(&excerpt);
    QFile log(m_path);
    QIODevice &in = m_isExcerpt ? static_cast<QIODevice &>(buffer) : log;
    if (!in.open(QIODevice::ReadOnly)) {
        if (error)
            *error = in.errorString();
        return false;
    }
    QSet<qint64> wanted;
    for (const AuditRecord *r : shownRecords())
        wanted.insert(r->line);
    QByteArray out;
    qint64 line = 0;
    while (!in.atEnd()) {
        QByteArray l = in.readLine(AuditLog::kMaxLineBytes + 2);
        ++line;
        if (wanted.contains(line)) {
            if (!l.endsWith('\n'))
                l += '\n';
            out += l;
        }
    }
    return writeFile(file, out, error);
}

void AuditLogView::exportAs()
{
    QString selected;
    const QString file = QFileDialog::getSaveFileName(this, tr("Export audit records"), QStringLiteral("audit-export.csv"),
                                                      tr("CSV (*.csv);;JSON lines, with checksums (*.jsonl)"), &selected);
    if (file.isEmpty())
        return;
    QString error;
    const bool jsonl = file.endsWith(QLatin1String(".jsonl")) || selected.contains(QLatin1String("jsonl"));
    if (!(jsonl ? exportJsonl(file, &error) : exportCsv(file, &error))) {
        QMessageBox box(QMessageBox::Warning, tr("Export audit records"), tr("Cannot write %1: %2").arg(file, error),
                        QMessageBox::Close, this);
        box.setTextFormat(Qt::PlainText);
        box.exec();
    }
}

} // namespace ndh
