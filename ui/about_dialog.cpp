#include "about_dialog.h"

#include "hmi_style.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSysInfo>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace ndh {

namespace {

QList<QPair<QString, QString>> &backendVersions()
{
    static QList<QPair<QString, QString>> versions;
    return versions;
}

} // namespace

void AboutDialog::setBackendVersions(const QList<QPair<QString, QString>> &versions)
{
    backendVersions() = versions;
}

QList<QPair<QString, QString>> AboutDialog::componentVersions()
{
    QList<QPair<QString, QString>> out = {
        {QStringLiteral("NDH Console"), QCoreApplication::applicationVersion()},
        {QStringLiteral("Qt"), tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))},
        {QStringLiteral("QCustomPlot"), QStringLiteral(QCUSTOMPLOT_VERSION_STR)},
    };
    out += backendVersions();
    out.append({tr("System"), QSysInfo::prettyProductName()});
    return out;
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About NDH Console"));

    auto *icon = new QLabel(this);
    icon->setPixmap(HmiStyle::icon(QStringLiteral("ndh-console")).pixmap(64, 64));
    auto *title = new QLabel(tr("NDH Console %1").arg(QCoreApplication::applicationVersion()), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    auto *what = new QLabel(tr("Operator console and engineering workstation for NDH assets on Kafka and Redis."), this);
    what->setWordWrap(true);
    auto *head = new QVBoxLayout;
    head->addWidget(title);
    head->addWidget(what);
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(head, 1);

    auto *list = new QTreeWidget(this);
    list->setObjectName(QStringLiteral("aboutVersions"));
    list->setRootIsDecorated(false);
    list->setHeaderLabels({tr("Component"), tr("Version")});
    for (const auto &[name, version] : componentVersions())
        new QTreeWidgetItem(list, {name, version});
    list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy versions"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(versionsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    resize(520, 360);
}

QString AboutDialog::versionsText() const
{
    QStringList lines;
    for (const auto &[name, version] : componentVersions())
        lines << QStringLiteral("%1: %2").arg(name, version);
    return lines.join(u'\n');
}

} // namespace ndh
