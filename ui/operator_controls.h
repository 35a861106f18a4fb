#pragma once
// The operator's side of the main window (issue 8), attached from outside so the
// window itself stays about viewing: the "Operator" menu (sign in, send command,
// audit log), the "Commands" dock, the user/role badge in the status bar, "Send
// command…" in the asset tree's and the alarm list's context menus, role gating of
// the alarm actions (disabled, with the reason as tooltip), and a marker on the
// plots of an asset when one of its commands completes or fails.

#include "access_control.h"
// Included, not forward-declared: lupdate loses the namespace after an opaque
// `enum class X : T;` and files this class's strings under the wrong context.
#include "command_tracker.h"
#include "plant_event.h"

#include <QObject>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace ndh {

class AuditLogView;
class CommandDialog;
class CommandSender;
class CommandsPanel;
class MainWindow;
class OperatorActionGate;
struct TrackedCommand;

class OperatorControls : public QObject
{
    Q_OBJECT
public:
    OperatorControls(MainWindow *window, OperatorActionGate *gate, CommandSender *sender);

    QDockWidget *commandsDock() const { return m_dock; }
    CommandsPanel *commandsPanel() const { return m_panel; }
    QLabel *badge() const { return m_badge; }
    QAction *signInAction() const { return m_signIn; }
    QAction *sendCommandAction() const { return m_send; }
    QAction *auditLogAction() const { return m_audit; }
    QMenu *menu() const { return m_menu; }

    // Tests and screenshots: dialogs without confirmation boxes.
    void setInteractive(bool interactive) { m_interactive = interactive; }

    // Opens the command dialog for an asset ("location/type/id"); returns it (already
    // shown, non-modal) so tests and screenshots can drive it. nullptr when the
    // catalog has no commands for the asset's type (the status bar says so).
    CommandDialog *openCommandDialog(const QString &assetKey, const QString &command = {});
    AuditLogView *showAuditLog();
    void showSignIn();

    static AssetPath assetFromKey(const QString &assetKey);

signals:
    void statusMessage(const QString &text);

private:
    void updatePermissions();
    void showTreeMenu(const QPoint &pos);
    void onCommandChanged(const TrackedCommand &command, CommandState previous);
    QString selectedAssetKey() const;

    MainWindow *m_window;
    OperatorActionGate *m_gate;
    CommandSender *m_sender;
    QDockWidget *m_dock;
    CommandsPanel *m_panel;
    QLabel *m_badge;
    QMenu *m_menu;
    QAction *m_signIn;
    QAction *m_send;
    QAction *m_audit;
    QAction *m_alarmCommand;
    bool m_interactive = true;
};

} // namespace ndh
