#pragma once
// "Send command" for one asset (issue 8): the commands its type takes (from the
// command catalog), one editor per parameter with its range and unit, the effect in
// words, validation before anything can be sent, and a confirmation that names the
// asset and the effect. The Send button is disabled, with the reason as its tooltip,
// when the signed-in role (or the audit log, or the connection) does not allow it.
// The dialog only collects; CommandSender sends and checks everything again.

#include "command_catalog.h"
#include "plant_event.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace ndh {

class CommandDialog : public QDialog
{
    Q_OBJECT
public:
    // whyNot: empty when sending is allowed now, else the reason (asked again on Send).
    CommandDialog(const CommandCatalog *catalog, const AssetPath &asset, std::function<QString()> whyNot,
                  QWidget *parent = nullptr);

    void selectCommand(const QString &name);
    QString commandName() const;
    QVariantMap values() const;
    // Validation message for the current values; empty when they are valid.
    QString validationError() const;
    // The sentence the confirmation asks about.
    QString confirmationText() const;

    // Tests and scripts: skip the confirmation box (the text is still built).
    void setConfirm(bool confirm) { m_confirm = confirm; }

    QPushButton *sendButton() const { return m_send; }
    QComboBox *commandCombo() const { return m_command; }
    QWidget *editorFor(const QString &parameter) const;

    // Re-checks the role and connection (e.g. after a sign-in while open).
    void refreshPermission();

private:
    void rebuildParameters();
    void updateState();
    void onSend();
    const CommandSpec *spec() const;

    const CommandCatalog *m_catalog;
    AssetPath m_asset;
    std::function<QString()> m_whyNot;
    QComboBox *m_command;
    QFormLayout *m_form;
    QWidget *m_paramBox;
    QLabel *m_effect;
    QLabel *m_error;
    QLabel *m_permission;
    QPushButton *m_send;
    QList<QPair<QString, QWidget *>> m_editors;
    bool m_confirm = true;
};

} // namespace ndh
