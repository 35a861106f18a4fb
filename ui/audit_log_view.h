#pragma once
// The audit viewer (issue 8): the records of the local audit log, newest last,
// with the checksum verification result above them (intact, or the first broken
// line and why), a text filter and an action filter, and export of what is shown
// to CSV or JSONL. It only reads the file; it never changes it.

#include "audit_log.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace ndh {

class AuditRecordModel;

class AuditLogView : public QDialog
{
    Q_OBJECT
public:
    explicit AuditLogView(QString path, QWidget *parent = nullptr);
    // Read-only view of an excerpt (an incident bundle's audit.jsonl, see
    // AuditLog::readExcerpt); source names where it came from (the bundle file).
    static AuditLogView *forExcerpt(const QByteArray &lines, const QString &source, QWidget *parent = nullptr);

    bool isExcerpt() const { return m_isExcerpt; }

    // Reads and verifies again; a log file is read on a worker (seconds for a long
    // one), the status says "Verifying…" until the records and the outcome show.
    void reload();
    bool isLoading() const { return m_verification.pending; }
    const AuditVerification &verification() const { return m_verification; }
    QString verificationText() const;
    int shownCount() const;
    QLineEdit *filterEdit() const { return m_filter; }
    QTableView *tableView() const { return m_table; }

    // Writes the shown (filtered) records; false with error set on failure.
    bool exportCsv(const QString &file, QString *error) const;
    bool exportJsonl(const QString &file, QString *error) const;

private:
    AuditLogView(QString path, bool isExcerpt, QByteArray excerpt, QWidget *parent);
    void showRecords(std::vector<AuditRecord> records, const AuditVerification &verification);
    void applyFilter();
    void exportAs();
    std::vector<const AuditRecord *> shownRecords() const;

    QString m_path; // the log file, or the excerpt's source (a bundle)
    bool m_isExcerpt = false;
    QByteArray m_excerpt;
    QLabel *m_pathLabel;
    QPushButton *m_reload;
    AuditVerification m_verification;
    AuditRecordModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_status;
    QLineEdit *m_filter;
    QComboBox *m_action;
    QTableView *m_table;
};

} // namespace ndh
