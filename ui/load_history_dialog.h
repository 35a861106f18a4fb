#pragma once
// "Load history...": asks for a time range, then shows the backfill's progress
// (records read against the partitions' end offsets) with Cancel. Knows nothing of
// Kafka: it asks with startRequested()/cancelRequested() and is told progress and
// the outcome; the app connects it to the backend's HistoryBackfill.

#include <QDialog>

class QDateTimeEdit;
class QLabel;
class QProgressBar;
class QPushButton;

namespace ndh {

class LoadHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LoadHistoryDialog(QWidget *parent = nullptr);

    void setRange(qint64 fromMs, qint64 toMs);
    qint64 fromMs() const;
    qint64 toMs() const;
    bool isRunning() const { return m_running; }
    QProgressBar *progressBar() const { return m_progress; }
    QString statusText() const;

public slots:
    void start();                                   // as the Load button does
    void setProgress(quint64 done, quint64 total);  // offsets read / to read
    void setFinished(bool ok, bool cancelled, const QString &summary);

signals:
    void startRequested(qint64 fromMs, qint64 toMs);
    void cancelRequested();

protected:
    void reject() override; // Esc / Close cancels a running load first

private:
    void setRunning(bool running);

    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_load;
    QPushButton *m_cancel;
    QPushButton *m_close;
    bool m_running = false;
};

} // namespace ndh
