#pragma once
// File > Connections (issue 9): the list of connection profiles on the left, the
// selected one's form on the right: Kafka bootstrap servers, security protocol,
// SASL mechanism/user/password, CA file, client certificate and key, server
// verification (turning it off takes a confirmation and stays visible in red),
// group id strategy, topics and envelopes, and an optional Redis server. What is
// wrong is listed in words under the form and Connect/Save wait until it is fixed.
// Passwords typed here go to the SecretStore (the OS keychain, or memory only for
// this session when there is none), never into the profiles the dialog returns.

#include "connection_profile.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace ndh {

class SecretStore;

class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Outcome { Cancelled, Saved, Connect, Demo };

    ConnectionDialog(QList<ConnectionProfile> profiles, SecretStore *secrets, QWidget *parent = nullptr);

    // First run: also offer "Start the demo plant" (Outcome::Demo).
    void setOfferDemo(bool offer);
    void selectProfile(const QString &name);

    QList<ConnectionProfile> profiles() const { return m_profiles; }
    Outcome outcome() const { return m_outcome; }
    QString chosenProfile() const; // for Outcome::Connect
    // Problems of the selected profile, as listed under the form.
    QStringList problems() const;

    // A new profile with sensible defaults (PLAINTEXT, unique group id, standard topics).
    void addProfile();
    void removeCurrentProfile();

private:
    void buildForm();
    void showProfile(int row);
    void readForm(); // form -> m_profiles[m_current]
    void updateEnabled();
    void onVerifyClicked(bool checked);
    void finish(Outcome outcome);
    QLineEdit *fileField(const QString &name, const QString &filter, QWidget *parent, QFormLayout *form,
                         const QString &label);

    QList<ConnectionProfile> m_profiles;
    // Secrets typed in this dialog, per profile row and kind; never in m_profiles.
    QList<QHash<int, QString>> m_typed;
    SecretStore *m_secrets;
    int m_current = -1;
    bool m_loading = false;
    Outcome m_outcome = Outcome::Cancelled;

    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_bootstrap = nullptr;
    QComboBox *m_security = nullptr;
    QComboBox *m_mechanism = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_certFile = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QLineEdit *m_keyPassphrase = nullptr;
    QCheckBox *m_verify = nullptr;
    QLabel *m_verifyWarning = nullptr;
    QComboBox *m_groupStrategy = nullptr;
    QLineEdit *m_groupId = nullptr;
    QLineEdit *m_topics = nullptr;
    QPlainTextEdit *m_envelopes = nullptr;
    QGroupBox *m_redis = nullptr;
    QLineEdit *m_redisAddress = nullptr;
    QSpinBox *m_redisDb = nullptr;
    QLineEdit *m_redisUser = nullptr;
    QLineEdit *m_redisPassword = nullptr;
    QCheckBox *m_redisUsesPassword = nullptr;
    QLabel *m_keychainNote = nullptr;
    QLabel *m_problems = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_demo = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace ndh
