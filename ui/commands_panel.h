#pragma once
// The "Commands" dock (issue 8): every command this console sent, newest at the
// bottom, with its state as the tracker knows it. Colour only where the operator
// must look: failed, timed out, outcome unknown (ISA-101). A footer counts what is
// still open and the replies nobody here asked for.

#include <QWidget>

class QLabel;
class QTableView;

namespace ndh {

class CommandTracker;

class CommandsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CommandsPanel(CommandTracker *tracker, QWidget *parent = nullptr);

    QTableView *tableView() const { return m_table; }
    QString summaryText() const;

signals:
    void assetRequested(const QString &assetKey);

private:
    void updateSummary();

    CommandTracker *m_tracker;
    QTableView *m_table;
    QLabel *m_summary;
};

} // namespace ndh
