#pragma once
// Help > About: the version of the console and of every library it runs on (Qt,
// QCustomPlot here; librdkafka and hiredis handed in by the app, which links them,
// so the ui layer never does), selectable so it can be pasted into a bug report.

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

namespace ndh {

class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    // Name -> version of the backend libraries, set once by the app at start.
    static void setBackendVersions(const QList<QPair<QString, QString>> &versions);
    // Every component shown: NDH Console, Qt (run/built), QCustomPlot, then the backend's.
    static QList<QPair<QString, QString>> componentVersions();

    explicit AboutDialog(QWidget *parent = nullptr);

    // The text a "Copy" puts on the clipboard.
    QString versionsText() const;
};

} // namespace ndh
