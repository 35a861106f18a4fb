#pragma once
// Local sign-in (issue 8): who sits at the console and in which role. Not an
// authentication system: it names the person in the audit trail and keeps a viewer
// from acting. The role list says what each role may do.

#include "access_control.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace ndh {

class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(const QString &userName, Role role, QWidget *parent = nullptr);

    QString userName() const;
    Role role() const;
    QLineEdit *userEdit() const { return m_user; }
    QComboBox *roleCombo() const { return m_role; }

private:
    QLineEdit *m_user;
    QComboBox *m_role;
};

} // namespace ndh
