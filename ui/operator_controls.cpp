#include "operator_controls.h"

#include "alarm_list_view.h"
#include "asset_tree_model.h"
#include "asset_tree_view.h"
#include "audit_log.h"
#include "audit_log_view.h"
#include "command_dialog.h"
#include "command_sender.h"
#include "commands_panel.h"
#include "hmi_style.h"
#include "main_window.h"
#include "operator_action_gate.h"
#include "plot_area.h"
#include "plot_panel.h"
#include "sign_in_dialog.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTreeView>

#include <algorithm>

namespace ndh {

OperatorControls::OperatorControls(MainWindow *window, OperatorActionGate *gate, CommandSender *sender)
    : QObject(window)
    , m_window(window)
    , m_gate(gate)
    , m_sender(sender)
{
    m_panel = new CommandsPanel(sender->tracker());
    m_dock = new QDockWidget(tr("Commands"), window);
    m_dock->setObjectName(QStringLiteral("commandsDock"));
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    if (QDockWidget *below = window->deadLetterDock())
        window->tabifyDockWidget(below, m_dock);
    connect(m_panel, &CommandsPanel::assetRequested, this, [this](const QString &key) {
        m_window->assetTreeView()->setFilterText(assetFromKey(key).id);
    });

    m_menu = new QMenu(tr("&Operator"), window);
    window->insertMenuBeforeHelp(m_menu);
    m_signIn = m_menu->addAction(tr("Sign &in…"), this, &OperatorControls::showSignIn);
    m_signIn->setObjectName(QStringLiteral("signInAction"));
    m_signIn->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_send = m_menu->addAction(tr("Send &command…"), this, [this] {
        const QString key = selectedAssetKey();
        if (key.isEmpty()) {
            emit statusMessage(tr("Select an asset in the tree first."));
            return;
        }
        openCommandDialog(key);
    });
    m_send->setObjectName(QStringLiteral("sendCommandAction"));
    m_send->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_menu->addSeparator();
    QAction *toggle = m_dock->toggleViewAction();
    toggle->setText(tr("Commands &panel"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
    m_menu->addAction(toggle);
    m_audit = m_menu->addAction(tr("&Audit log…"), this, &OperatorControls::showAuditLog);
    m_audit->setObjectName(QStringLiteral("auditLogAction"));
    m_audit->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_menu->setToolTipsVisible(true);

    m_badge = new QLabel(window);
    m_badge->setObjectName(QStringLiteral("operatorBadge"));
    m_badge->setTextFormat(Qt::PlainText);
    window->statusBar()->addPermanentWidget(m_badge);

    // Asset tree: right-click an asset (or one of its attributes) to command it.
    QTreeView *tree = window->assetTreeView()->treeView();
    tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(tree, &QTreeView::customContextMenuRequested, this, &OperatorControls::showTreeMenu);

    m_alarmCommand = new QAction(tr("Send command to asset…"), this);
    m_alarmCommand->setObjectName(QStringLiteral("alarmSendCommandAction"));
    connect(m_alarmCommand, &QAction::triggered, this, [this] {
        const QString key = m_alarmCommand->data().toString();
        if (!key.isEmpty())
            openCommandDialog(key);
    });
    if (AlarmListView *alarms = window->alarmListView()) {
        alarms->addAssetAction(m_alarmCommand);
        connect(alarms, &AlarmListView::statusMessage, this, &OperatorControls::statusMessage);
    }

    connect(gate->session(), &OperatorSession::changed, this, &OperatorControls::updatePermissions);
    connect(gate->auditLog(), &AuditLog::writeFailed, this, [this](const QString &error) {
        updatePermissions();
        emit statusMessage(tr("Audit log cannot be written (%1): commands and alarm actions are refused.").arg(error));
    });
    // Verified in the background at start: the badge says so until the outcome.
    connect(gate->auditLog(), &AuditLog::verified, this, [this](const AuditVerification &v) {
        updatePermissions();
        emit statusMessage(v.summary());
    });
    connect(sender->tracker(), &CommandTracker::commandChanged, this, &OperatorControls::onCommandChanged);
    connect(gate, &OperatorActionGate::refused, this, &OperatorControls::statusMessage);
    connect(this, &OperatorControls::statusMessage, window, [window](const QString &text) {
        window->statusBar()->showMessage(text, 10000);
    });
    updatePermissions();
}

AssetPath OperatorControls::assetFromKey(const QString &assetKey)
{
    return {assetKey.section(u'/', 0, 0), assetKey.section(u'/', 1, 1), assetKey.section(u'/', 2)};
}

QString OperatorControls::selectedAssetKey() const
{
    const QModelIndex index = m_window->assetTreeView()->treeView()->currentIndex();
    return index.isValid() ? index.data(AssetTreeModel::AssetKeyRole).toString() : QString();
}

void OperatorControls::updatePermissions()
{
    OperatorSession *session = m_gate->session();
    const AuditLog *audit = m_gate->auditLog();
    QString text = tr("%1 · %2").arg(session->isSignedIn() ? session->userName() : tr("not signed in"),
                                     roleDisplayName(session->role()));
    if (!audit->isWritable()) {
        text += tr(" · AUDIT LOG UNWRITABLE");
        HmiStyle::restyle(m_badge, HmiStyle::alarmBadgeStyle());
    } else if (!audit->verification().ok()) {
        text += tr(" · audit log damaged");
        HmiStyle::restyle(m_badge, HmiStyle::warningBadgeStyle());
    } else if (audit->isVerifying()) {
        text += tr(" · verifying audit log\u2026");
        HmiStyle::restyle(m_badge, QString());
    } else {
        HmiStyle::restyle(m_badge, QString());
    }
    m_badge->setText(text);
    m_badge->setToolTip(!audit->isWritable()                                        ? audit->lastError()
                        : !audit->verification().ok() || audit->isVerifying() ? audit->verification().summary()
                                                                              : tr("Signed-in user and role. Operator > Sign in… to change."));

    const QString whyCommand = m_gate->whyNot(OperatorAction::SendCommand);
    m_send->setEnabled(whyCommand.isEmpty());
    m_send->setToolTip(whyCommand.isEmpty() ? tr("Send a command to the selected asset") : whyCommand);
    m_alarmCommand->setEnabled(whyCommand.isEmpty());
    m_alarmCommand->setToolTip(whyCommand.isEmpty() ? m_alarmCommand->text() : whyCommand);
    if (AlarmListView *alarms = m_window->alarmListView()) {
        const QString whyAlarm = m_gate->whyNot(OperatorAction::AcknowledgeAlarm);
        alarms->setActionsAllowed(whyAlarm.isEmpty(), whyAlarm);
        alarms->setOperatorName(session->userName());
    }
}

void OperatorControls::showTreeMenu(const QPoint &pos)
{
    QTreeView *tree = m_window->assetTreeView()->treeView();
    const QModelIndex index = tree->indexAt(pos);
    const QString key = index.isValid() ? index.data(AssetTreeModel::AssetKeyRole).toString() : QString();
    if (key.isEmpty())
        return;
    const AssetPath asset = assetFromKey(key);
    QMenu menu(tree);
    menu.setToolTipsVisible(true);
    const QString why = m_gate->whyNot(OperatorAction::SendCommand);
    const auto commands = m_sender->catalog()->commandsFor(asset.type);
    QMenu *sub = menu.addMenu(tr("Send command to %1").arg(asset.id));
    sub->setToolTipsVisible(true);
    if (commands.empty()) {
        QAction *none = sub->addAction(tr("No commands configured for %1").arg(asset.type));
        none->setEnabled(false);
    }
    for (const CommandSpec *c : commands) {
        QAction *a = sub->addAction(c->label + (c->parameters.empty() ? QString() : QStringLiteral("…")));
        a->setEnabled(why.isEmpty());
        a->setToolTip(why.isEmpty() ? c->effect : why);
        const QString name = c->name;
        connect(a, &QAction::triggered, this, [this, key, name] { openCommandDialog(key, name); });
    }
    menu.exec(tree->viewport()->mapToGlobal(pos));
}

CommandDialog *OperatorControls::openCommandDialog(const QString &assetKey, const QString &command)
{
    const AssetPath asset = assetFromKey(assetKey);
    if (m_sender->catalog()->commandsFor(asset.type).empty()) {
        emit statusMessage(tr("No commands are configured for asset type %1.").arg(asset.type));
        return nullptr;
    }
    auto *dialog = new CommandDialog(m_sender->catalog(), asset,
                                     [this] { return m_gate->whyNot(OperatorAction::SendCommand); }, m_window);
    dialog->setObjectName(QStringLiteral("commandDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setConfirm(m_interactive);
    if (!command.isEmpty())
        dialog->selectCommand(command);
    connect(m_gate->session(), &OperatorSession::changed, dialog, &CommandDialog::refreshPermission);
    connect(dialog, &QDialog::accepted, this, [this, dialog, asset] {
        const CommandSender::Result r = m_sender->send(asset, dialog->commandName(), dialog->values());
        if (r.sent) {
            emit statusMessage(tr("Command sent to %1; follow it in the Commands panel.").arg(asset.id));
            m_dock->show();
            m_dock->raise();
        } else if (m_interactive) {
            QMessageBox box(QMessageBox::Warning, tr("Command not sent"), r.error, QMessageBox::Close, m_window);
            box.setTextFormat(Qt::PlainText);
            box.exec();
        } else {
            emit statusMessage(tr("Command not sent: %1").arg(r.error));
        }
    });
    dialog->show();
    return dialog;
}

AuditLogView *OperatorControls::showAuditLog()
{
    auto *view = new AuditLogView(m_gate->auditLog()->path(), m_window);
    view->setObjectName(QStringLiteral("auditLogView"));
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->show();
    return view;
}

void OperatorControls::showSignIn()
{
    OperatorSession *session = m_gate->session();
    SignInDialog dialog(session->isSignedIn() ? session->userName() : AlarmListView::osUserName(), session->role(),
                        m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!m_gate->signIn(dialog.userName(), dialog.role(), &error)) {
        QMessageBox box(QMessageBox::Warning, tr("Sign in"), error, QMessageBox::Close, m_window);
        box.setTextFormat(Qt::PlainText);
        box.exec();
        return;
    }
    emit statusMessage(tr("Signed in as %1").arg(session->badgeText()));
}

void OperatorControls::onCommandChanged(const TrackedCommand &command, CommandState previous)
{
    Q_UNUSED(previous);
    if (command.state != CommandState::Completed && command.state != CommandState::Failed
        && command.state != CommandState::TimedOut)
        return;
    const QString mark = command.state == CommandState::Completed ? tr("%1 done").arg(command.label)
                         : command.state == CommandState::Failed  ? tr("%1 FAILED").arg(command.label)
                                                                  : tr("%1 no reply").arg(command.label);
    // On every plot that shows this asset, at the moment the command was sent.
    const QString prefix = command.asset.key() + u'/';
    for (PlotPanel *plot : m_window->plotArea()->plots()) {
        const QStringList keys = plot->curveKeys();
        if (std::any_of(keys.begin(), keys.end(), [&prefix](const QString &k) { return k.startsWith(prefix); }))
            plot->setTimeMarker(command.sentMs > 0 ? command.sentMs : command.createdMs, mark);
    }
    emit statusMessage(tr("%1 on %2: %3").arg(command.label, command.asset.id, commandStateDisplay(command.state)));
}

} // namespace ndh
