#include "connection_health_view.h"

#include "consumer_lag_model.h"
#include "hmi_style.h"
#include "link_health_model.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace ndh {

namespace {

// Tints a link row that is not healthy; healthy rows keep the palette.
class LinkRowDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto *model = qobject_cast<const LinkHealthModel *>(index.model());
        if (!model)
            return;
        const LinkHealth &l = model->link(index.row());
        if (l.state == ConnectionStatus::State::BrokerDown) {
            option->backgroundBrush = HmiStyle::alarmBackground();
            option->palette.setColor(QPalette::Text, HmiStyle::alarmText());
        } else if (l.state == ConnectionStatus::State::Connecting) {
            option->backgroundBrush = HmiStyle::warningBackground();
            option->palette.setColor(QPalette::Text, HmiStyle::warningText());
        }
    }
};

// The links table asks for the height of its rows (a few brokers and Redis; at
// least three rows, scrolling past six), so the partitions below get the rest of
// the dock, and both get its whole width: every link column, "Last error"
// included, shows without scrolling sideways.
class LinkTableView : public QTableView
{
public:
    using QTableView::QTableView;
    QSize sizeHint() const override
    {
        const int rows = std::clamp(model() ? model()->rowCount() : 0, 3, 6);
        const int height = horizontalHeader()->sizeHint().height() + rows * verticalHeader()->defaultSectionSize()
                           + 2 * frameWidth() + horizontalScrollBar()->sizeHint().height();
        return {QTableView::sizeHint().width(), height};
    }
};

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent, const QString &name, QTableView *t = nullptr)
{
    if (!t)
        t = new QTableView(parent);
    t->setObjectName(name);
    t->setModel(model);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setAlternatingRowColors(false);
    t->verticalHeader()->hide();
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}

} // namespace

ConnectionHealthView::ConnectionHealthView(QWidget *parent)
    : QWidget(parent)
    , m_links(new LinkHealthModel(this))
    , m_lag(new ConsumerLagModel(this))
    , m_summary(new QLabel(this))
    , m_tlsWarning(new QLabel(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("connectionHealthView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *top = new QHBoxLayout;
    m_summary->setObjectName(QStringLiteral("healthSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_tlsWarning->setObjectName(QStringLiteral("tlsVerificationOff"));
    m_tlsWarning->setTextFormat(Qt::PlainText);
    m_tlsWarning->setText(tr("TLS verification OFF: the brokers' identity is not checked"));
    m_tlsWarning->setStyleSheet(HmiStyle::alarmBadgeStyle());
    m_tlsWarning->setToolTip(tr("This connection profile turned off certificate and host name checks. "
                                "Anyone on the network path could pose as the cluster. Turn verification "
                                "back on in File > Connections."));
    m_tlsWarning->hide();
    top->addWidget(m_summary, 1);
    top->addWidget(m_tlsWarning);
    layout->addLayout(top);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    m_linkTable = makeTable(m_links, split, QStringLiteral("linkHealthTable"), new LinkTableView(split));
    m_linkTable->setItemDelegate(new LinkRowDelegate(m_linkTable));
    // A handful of rows: sizing them to their contents costs nothing.
    for (int c = LinkHealthModel::LinkColumn; c < LinkHealthModel::LastErrorColumn; ++c)
        m_linkTable->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_linkTable->horizontalHeader()->moveSection(LinkHealthModel::SinceColumn, LinkHealthModel::LastErrorColumn);
    // Partitions behind come first: that is what an operator looks for.
    auto *byLag = new QSortFilterProxyModel(this);
    byLag->setSourceModel(m_lag);
    byLag->setSortRole(ConsumerLagModel::LagRole);
    m_lagTable = makeTable(byLag, split, QStringLiteral("consumerLagTable"));
    m_lagTable->setSortingEnabled(true);
    m_lagTable->sortByColumn(ConsumerLagModel::LagColumn, Qt::DescendingOrder);
    m_lagTable->horizontalHeader()->moveSection(ConsumerLagModel::LagColumn, ConsumerLagModel::PartitionColumn + 1);
    split->addWidget(m_linkTable);
    split->addWidget(m_lagTable);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    fitLagColumns(); // the headers whole before any partition is known (a broker down)

    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, m_links, &LinkHealthModel::refreshAges);
    m_tick->start();
    refreshSummary();
}

void ConnectionHealthView::setKafkaHealth(const KafkaHealth &health)
{
    m_health = health;
    m_haveHealth = true;
    m_links->setKafkaHealth(health);
    m_lag->setPartitions(health.partitions);
    m_tlsWarning->setVisible(health.tlsVerificationOff);
    if (!m_lagSized && m_lag->rowCount() > 0) {
        m_lagSized = true;
        fitLagColumns(); // the topics' names now
    }
    refreshSummary();
}

void ConnectionHealthView::fitLagColumns()
{
    m_lagTable->resizeColumnsToContents(); // headers included: "High watermark" whole
    // Offsets and lags grow long after the first look: room for 12 digits.
    const int digits = m_lagTable->fontMetrics().horizontalAdvance(QLocale().toString(qint64(999999999999))) + 16;
    for (int c : {ConsumerLagModel::HighWatermarkColumn, ConsumerLagModel::PositionColumn, ConsumerLagModel::LagColumn})
        m_lagTable->setColumnWidth(c, std::max(m_lagTable->columnWidth(c), digits));
}

void ConnectionHealthView::setKafkaStatus(const ConnectionStatus &status)
{
    m_kafkaStatus = status;
    refreshSummary();
}

void ConnectionHealthView::setRedisStatus(const ConnectionStatus &status)
{
    m_links->setRedisStatus(status);
}

bool ConnectionHealthView::showsTlsWarning() const
{
    return !m_tlsWarning->isHidden();
}

QString ConnectionHealthView::summaryText() const
{
    return m_summary->text();
}

void ConnectionHealthView::refreshSummary()
{
    const QLocale locale;
    QStringList parts;
    if (!m_kafkaStatus.endpoint.isEmpty())
        parts << tr("Kafka %1: %2").arg(m_kafkaStatus.endpoint, connectionStateName(m_kafkaStatus.state));
    if (m_haveHealth) {
        int up = 0;
        for (const LinkHealth &b : std::as_const(m_health.brokers))
            up += b.state == ConnectionStatus::State::Connected ? 1 : 0;
        parts << tr("%1 of %2 brokers connected").arg(up).arg(m_health.brokers.size());
        parts << tr("console lag %1 records on %2 partitions")
                     .arg(locale.toString(m_health.totalLag()))
                     .arg(m_health.partitions.size());
        parts << tr("%1 messages/s in").arg(locale.toString(qRound64(m_health.messagesPerSecond)));
    } else {
        parts << tr("waiting for the first statistics");
    }
    m_summary->setText(parts.join(QStringLiteral(" \u00b7 ")));
}

} // namespace ndh
