#include "load_history_dialog.h"

#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ndh {

LoadHistoryDialog::LoadHistoryDialog(QWidget *parent)
    : QDialog(parent)
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_load(new QPushButton(tr("&Load"), this))
    , m_cancel(new QPushButton(tr("&Cancel load"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("loadHistoryDialog"));
    setWindowTitle(tr("Load history from Kafka"));
    for (QDateTimeEdit *e : {m_from, m_to}) {
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        e->setCalendarPopup(true);
    }
    m_from->setObjectName(QStringLiteral("fromEdit"));
    m_to->setObjectName(QStringLiteral("toEdit"));
    const QDateTime now = QDateTime::currentDateTime();
    setRange(now.addSecs(-3600).toMSecsSinceEpoch(), now.toMSecsSinceEpoch());

    m_progress->setObjectName(QStringLiteral("backfillProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("%p%"));
    m_status->setObjectName(QStringLiteral("backfillStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setText(tr("Records in this range are read from the NDH topics into the history; the live "
                         "views are not touched. Scrub to them with the time slider."));

    m_load->setObjectName(QStringLiteral("loadButton"));
    m_load->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancelLoadButton"));
    m_cancel->setEnabled(false);
    connect(m_load, &QPushButton::clicked, this, &LoadHistoryDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &LoadHistoryDialog::cancelRequested);
    connect(m_close, &QPushButton::clicked, this, &LoadHistoryDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_load, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(480, 220);
}

void LoadHistoryDialog::setRange(qint64 fromMs, qint64 toMs)
{
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(fromMs));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(toMs));
}

qint64 LoadHistoryDialog::fromMs() const
{
    return m_from->dateTime().toMSecsSinceEpoch();
}

qint64 LoadHistoryDialog::toMs() const
{
    return m_to->dateTime().toMSecsSinceEpoch() + 999; // the whole last second shown
}

QString LoadHistoryDialog::statusText() const
{
    return m_status->text();
}

void LoadHistoryDialog::start()
{
    if (m_running)
        return;
    if (toMs() <= fromMs()) {
        m_status->setText(tr("The end of the range must be after its start."));
        return;
    }
    setRunning(true);
    m_progress->setValue(0);
    m_status->setText(tr("Finding the range in each partition\u2026"));
    emit startRequested(fromMs(), toMs());
}

void LoadHistoryDialog::setProgress(quint64 done, quint64 total)
{
    const int permille = total == 0 ? 1000 : int(std::min<quint64>(1000, done * 1000 / total));
    m_progress->setValue(permille);
    const QLocale locale;
    m_status->setText(tr("Read %1 of %2 records\u2026").arg(locale.toString(done), locale.toString(total)));
}

void LoadHistoryDialog::setFinished(bool ok, bool cancelled, const QString &summary)
{
    setRunning(false);
    if (ok && !cancelled)
        m_progress->setValue(1000);
    m_status->setText(cancelled ? tr("Cancelled. What was read so far is kept: %1").arg(summary)
                      : ok      ? summary
                                : tr("Could not load history: %1").arg(summary));
}

void LoadHistoryDialog::setRunning(bool running)
{
    m_running = running;
    m_load->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_from->setEnabled(!running);
    m_to->setEnabled(!running);
}

void LoadHistoryDialog::reject()
{
    if (m_running)
        emit cancelRequested();
    QDialog::reject();
}

} // namespace ndh
