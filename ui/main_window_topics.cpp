// The "Topics" dock of the main window (issue 5): the topic browser panel, its View
// menu toggle (Ctrl+Shift+T), and its link to the asset tree. The app connects the
// panel to the Kafka backend (or to an opened log).

#include "main_window.h"

#include "topic_browser_panel.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>

namespace ndh {

void MainWindow::createTopicBrowserUi()
{
    m_topicBrowser = new TopicBrowserPanel(this);
    m_topicDock = new QDockWidget(tr("Topics"), this);
    m_topicDock->setObjectName(QStringLiteral("topicDock"));
    m_topicDock->setWidget(m_topicBrowser);
    addDockWidget(Qt::BottomDockWidgetArea, m_topicDock);
    if (m_alarmDock)
        tabifyDockWidget(m_alarmDock, m_topicDock);
    if (m_alarmDock)
        m_alarmDock->raise(); // the operator's view stays in front; engineers open Topics
    QAction *toggle = m_topicDock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("toggleTopicsAction"));
    toggle->setText(tr("&Topics"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    toggle->setToolTip(tr("Browse Kafka topics, messages and consumer groups (Ctrl+Shift+T)"));
    // Showing the dock also brings it to the front of its tab group.
    connect(toggle, &QAction::triggered, this, [this](bool on) {
        if (on) {
            m_topicDock->raise();
            m_topicBrowser->setFocus(Qt::ShortcutFocusReason);
        }
    });
    for (QAction *menuAction : menuBar()->actions()) {
        if (menuAction->menu() && menuAction->menu()->title() == tr("&View")) {
            QMenu *view = menuAction->menu();
            // After the dock toggles, before the first separator.
            QAction *before = nullptr;
            for (QAction *a : view->actions()) {
                if (a->isSeparator()) {
                    before = a;
                    break;
                }
            }
            view->insertAction(before, toggle);
            break;
        }
    }
    connect(m_topicBrowser, &TopicBrowserPanel::assetRequested, this, &MainWindow::showAsset);
    if (auto *message = findChild<QLabel *>(QStringLiteral("statusMessage")))
        connect(m_topicBrowser, &TopicBrowserPanel::statusMessage, message, &QLabel::setText);
}

} // namespace ndh
