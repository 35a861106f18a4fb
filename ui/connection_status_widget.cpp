#include "connection_status_widget.h"

#include "eliding_label.h"
#include "hmi_style.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>

#include <algorithm>

namespace ndh {

ConnectionStatusWidget::ConnectionStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_stateLabel(new QLabel(this))
    , m_detailLabel(new ElidingLabel(this))
    , m_progress(new QProgressBar(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("connectionStatus"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(8);
    m_stateLabel->setObjectName(QStringLiteral("connectionState"));
    m_detailLabel->setObjectName(QStringLiteral("connectionDetail"));
    // Error texts come from brokers and sockets: never interpret them as markup.
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_detailLabel->setTextFormat(Qt::PlainText);
    QFont bold = m_stateLabel->font();
    bold.setBold(true);
    m_stateLabel->setFont(bold);
    layout->addWidget(m_stateLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_detailLabel, 1);
    m_progress->setObjectName(QStringLiteral("connectionProgress"));
    m_progress->setRange(0, 1000);
    // Wide enough for "21,906 of 150,000" on one line in the status bar.
    m_progress->setMinimumWidth(m_progress->fontMetrics().horizontalAdvance(QStringLiteral("000,000 of 000,000")) + 24);
    m_progress->setMaximumWidth(260);
    m_progress->setTextVisible(true);
    m_progress->hide();

    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &ConnectionStatusWidget::refresh);
    m_tick->start();
    m_enteredMs = m_now();
    refresh();
}

void ConnectionStatusWidget::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
    refresh();
}

void ConnectionStatusWidget::setStatus(const ConnectionStatus &status)
{
    if (status.state != m_status.state || status.sinceMs != m_status.sinceMs)
        m_enteredMs = m_now();
    m_status = status;
    refresh();
}

void ConnectionStatusWidget::setRecordsLostToRetention(quint64 records)
{
    if (records == m_lostToRetention)
        return;
    m_lostToRetention = records;
    refresh();
}

void ConnectionStatusWidget::setCatchUp(const CatchUp &catchUp)
{
    if (catchUp == m_catchUp)
        return;
    m_catchUp = catchUp;
    refresh();
}

bool ConnectionStatusWidget::isBehind() const
{
    return m_status.source == ConnectionStatus::Source::Kafka && m_status.state == ConnectionStatus::State::Connected
           && m_catchUp.state != CatchUp::State::Live;
}

bool ConnectionStatusWidget::isAbnormal() const
{
    return m_status.state != ConnectionStatus::State::Connected && m_status.state != ConnectionStatus::State::Offline;
}

QString ConnectionStatusWidget::stateText() const
{
    if (m_status.source == ConnectionStatus::Source::Redis) {
        switch (m_status.state) {
        case ConnectionStatus::State::Disconnected: return tr("Redis: disconnected");
        case ConnectionStatus::State::Connecting: return tr("Redis: connecting");
        case ConnectionStatus::State::Connected: return tr("Redis: connected");
        case ConnectionStatus::State::BrokerDown: return tr("Redis down");
        case ConnectionStatus::State::Offline: return tr("Redis: offline");
        }
    }
    if (isBehind())
        return m_catchUp.state == CatchUp::State::FallingBehind ? tr("Falling behind") : tr("Catching up");
    switch (m_status.state) {
    case ConnectionStatus::State::Disconnected: return tr("Disconnected");
    case ConnectionStatus::State::Connecting: return tr("Connecting");
    case ConnectionStatus::State::Connected: return tr("Connected");
    case ConnectionStatus::State::BrokerDown: return tr("Broker down");
    case ConnectionStatus::State::Offline:
        return m_status.endpoint.isEmpty() ? tr("Offline") : tr("Offline: %1").arg(m_status.endpoint);
    }
    return connectionStateName(m_status.state);
}

QString ConnectionStatusWidget::detailText() const
{
    QStringList parts;
    if (m_status.state == ConnectionStatus::State::Offline) {
        // The file is in the state text; how long it has been open tells nothing.
        if (!m_status.progress.isEmpty())
            parts << m_status.progress;
        if (!m_status.note.isEmpty())
            parts << m_status.note;
        return parts.join(QStringLiteral(" \u00b7 "));
    }
    // How far behind comes first: the bar is narrow, and this is what the operator
    // must not miss (the rest of the line ends in "..." before it does).
    if (isBehind()) {
        const QLocale locale;
        if (m_catchUp.state == CatchUp::State::FallingBehind) {
            parts << tr("%1 records behind, %2 more each second")
                         .arg(locale.toString(m_catchUp.recordsBehind), locale.toString(qRound64(m_catchUp.growthPerSecond)));
        } else {
            // When live comes first: what the operator waits for.
            if (m_catchUp.secondsLeft >= 0)
                parts << tr("live in about %1").arg(durationText(std::max<qint64>(1000, qint64(m_catchUp.secondsLeft * 1000.0 + 999.0))));
            parts << tr("%1 records behind").arg(locale.toString(m_catchUp.recordsBehind));
        }
    }
    if (!m_status.endpoint.isEmpty())
        parts << m_status.endpoint;
    if (m_status.brokersKnown > 0 && m_status.brokersUp < m_status.brokersKnown)
        parts << tr("%1 of %2 brokers up").arg(m_status.brokersUp).arg(m_status.brokersKnown);
    const qint64 since = m_status.sinceMs > 0 ? m_status.sinceMs : m_enteredMs;
    parts << tr("for %1").arg(durationText(qMax<qint64>(0, m_now() - since)));
    if (!m_status.progress.isEmpty())
        parts << m_status.progress;
    // A stale error next to a healthy link would alarm for nothing.
    if (isAbnormal() && !m_status.lastError.isEmpty())
        parts << m_status.lastError;
    if (!m_status.note.isEmpty())
        parts << m_status.note;
    if (m_lostToRetention > 0)
        parts << tr("%1 records lost to retention").arg(QLocale().toString(m_lostToRetention));
    return parts.join(QStringLiteral(" \u00b7 "));
}

void ConnectionStatusWidget::refresh()
{
    m_stateLabel->setText(stateText());
    m_detailLabel->setText(detailText());
    // The backlog's progress: how much of the most it was behind has been read (from
    // the second statistics on: at the first, nothing is read of it yet).
    const bool catchingUp = isBehind() && m_catchUp.state == CatchUp::State::CatchingUp
                            && m_catchUp.peakBehind > m_catchUp.recordsBehind;
    const quint64 done = catchingUp ? quint64(m_catchUp.peakBehind - m_catchUp.recordsBehind) : m_status.progressDone;
    const quint64 total = catchingUp ? quint64(m_catchUp.peakBehind) : m_status.progressTotal;
    if (total > 0 && done < total) {
        const QLocale locale;
        m_progress->setValue(int(double(done) / double(total) * 1000.0));
        m_progress->setFormat(tr("%1 of %2").arg(locale.toString(done), locale.toString(total)));
        m_progress->setToolTip(catchingUp ? tr("Records read of the backlog") : m_status.progress);
        m_progress->show();
    } else {
        m_progress->hide();
    }
    // Red when the broker is down; amber while connecting, and while behind the
    // plant (not a broken link, but what is shown is not now); else neutral.
    if (m_status.state == ConnectionStatus::State::BrokerDown)
        HmiStyle::restyle(m_stateLabel, HmiStyle::alarmBadgeStyle());
    else if (isAbnormal() || isBehind())
        HmiStyle::restyle(m_stateLabel, HmiStyle::warningBadgeStyle());
    else
        HmiStyle::restyle(m_stateLabel, QString());
    QString tip = m_status.lastError.isEmpty()
        ? tr("Link to the data source: %1").arg(stateText())
        : tr("Link to the data source: %1\nLast error: %2").arg(stateText(), m_status.lastError);
    if (isBehind())
        tip += u'\n'
               + tr("The console is still reading records it had not read (the topics from their start, or "
                    "what came during an outage): the values on screen are older than the plant's. Live again "
                    "when it has read them.");
    if (m_lostToRetention > 0)
        tip += u'\n'
               + tr("%1 records were deleted by the broker (retention) before the console could read them; "
                    "it went on from the oldest record still there. They are missing from the history.")
                     .arg(QLocale().toString(m_lostToRetention));
    setToolTip(tip);
    setAccessibleName(stateText() + QStringLiteral(": ") + detailText());
}

QString ConnectionStatusWidget::durationText(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    if (s < 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

} // namespace ndh
