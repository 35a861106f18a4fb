#include "first_run_dialog.h"

#include "hmi_style.h"

#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ndh {

FirstRunDialog::FirstRunDialog(QWidget *parent)
    : QDialog(parent)
    , m_demo(new QCommandLinkButton(tr("Start the demo"),
                                    tr("A simulated plant on a built-in Kafka broker: nothing else to install."), this))
    , m_connect(new QCommandLinkButton(tr("Connect to a cluster\u2026"),
                                       tr("Read the NDH topics of your Kafka cluster (and Redis, if you use it)."), this))
    , m_open(new QCommandLinkButton(tr("Open a log\u2026"),
                                    tr("Work offline on an exported log (.jsonl, .jsonl.zst) or an incident bundle (.ndh)."),
                                    this))
{
    setObjectName(QStringLiteral("firstRunDialog"));
    setWindowTitle(tr("Welcome to NDH Console"));
    setWindowIcon(HmiStyle::icon(QStringLiteral("ndh-console")));
    auto *intro = new QLabel(tr("What would you like to look at?"), this);
    QFont f = intro->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    intro->setFont(f);
    m_demo->setObjectName(QStringLiteral("firstRunDemo"));
    m_connect->setObjectName(QStringLiteral("firstRunConnect"));
    m_open->setObjectName(QStringLiteral("firstRunOpen"));
    m_demo->setDefault(true);
    const auto choose = [this](Choice c) {
        m_choice = c;
        accept();
    };
    connect(m_demo, &QCommandLinkButton::clicked, this, [choose] { choose(Choice::Demo); });
    connect(m_connect, &QCommandLinkButton::clicked, this, [choose] { choose(Choice::Connect); });
    connect(m_open, &QCommandLinkButton::clicked, this, [choose] { choose(Choice::OpenLog); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Quit"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_demo);
    layout->addWidget(m_connect);
    layout->addWidget(m_open);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(560, 360);
}

QCommandLinkButton *FirstRunDialog::button(Choice choice) const
{
    switch (choice) {
    case Choice::Demo: return m_demo;
    case Choice::Connect: return m_connect;
    case Choice::OpenLog: return m_open;
    case Choice::None: break;
    }
    return nullptr;
}

} // namespace ndh
