#pragma once
// Records that could not be decoded, for the integration engineer: a table (time,
// topic, partition, offset, size, reason, preview) and, for the selected record,
// its raw payload as plain text and as a hex dump, with copy buttons. Nothing in a
// payload is ever interpreted as markup.

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTabWidget;

namespace ndh {

class DeadLetterModel;

class DeadLetterView : public QWidget
{
    Q_OBJECT
public:
    // Hex dumps beyond this many bytes are cut (the payload itself is already
    // bounded by the backend); the text says how much was left out.
    static constexpr int kMaxHexBytes = 64 * 1024;

    explicit DeadLetterView(DeadLetterModel *model, QWidget *parent = nullptr);

    QTableView *tableView() const { return m_table; }
    QString rawText() const;
    QString hexText() const;
    QString detailText() const;
    QString summaryText() const;
    bool isShowingEmptyState() const;
    void selectRow(int row);

    // "00000000  7b 22 61 22 3a 31 7d 0a  ...               |{"a":1}.|"
    static QString hexDump(const QByteArray &bytes, int maxBytes = kMaxHexBytes);

public slots:
    void copyRaw();
    void copyHex();

private:
    void showRow(int row);
    void onRowsInserted();
    void updateSummary();

    DeadLetterModel *m_model;
    QLabel *m_summary;
    QStackedWidget *m_stack;
    QTableView *m_table;
    QLabel *m_emptyLabel;
    QLabel *m_detail;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_raw;
    QPlainTextEdit *m_hex;
    QPushButton *m_copyRaw;
    QPushButton *m_copyHex;
    bool m_stickToNewest = true;
};

} // namespace ndh
