#include "sign_in_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace ndh {

SignInDialog::SignInDialog(const QString &userName, Role role, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Sign in"));
    auto *form = new QFormLayout(this);
    m_user = new QLineEdit(userName, this);
    m_user->setMaxLength(64);
    form->addRow(tr("&User:"), m_user);
    m_role = new QComboBox(this);
    m_role->addItem(tr("Viewer: sees everything, acts on nothing"), int(Role::Viewer));
    m_role->addItem(tr("Operator: commands and alarm actions"), int(Role::Operator));
    m_role->addItem(tr("Engineer: also re-publishing and configuration"), int(Role::Engineer));
    m_role->setCurrentIndex(m_role->findData(int(role)));
    form->addRow(tr("&Role:"), m_role);
    auto *note = new QLabel(tr("Every sign-in, command and alarm action is written to the audit log with this name."), this);
    note->setWordWrap(true);
    form->addRow(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_user, &QLineEdit::textChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_user->text().trimmed().isEmpty());
    });
    form->addRow(buttons);
}

QString SignInDialog::userName() const
{
    return m_user->text().trimmed();
}

Role SignInDialog::role() const
{
    return Role(m_role->currentData().toInt());
}

} // namespace ndh
