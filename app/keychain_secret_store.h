#pragma once
// SecretStore on the OS keychain (QtKeychain: Secret Service/KWallet on Linux,
// Credential Manager on Windows), with a session cache in memory. QtKeychain's
// insecure plain-text fallback is off: where no keychain answers (a machine without a
// secret service or D-Bus), secrets live in memory only and the console asks for them
// again at the next start.

#include "secret_store.h"

#include <QObject>

namespace ndh {

class KeychainSecretStore : public QObject, public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("NDH Console"), QObject *parent = nullptr);

    // Asks the keychain once (a read of a probe entry), waiting at most timeoutMs
    // with a local event loop. isPersistent() answers from then on.
    void probe(int timeoutMs = 3000);
    bool isPersistent() const override { return m_available; }
    QString unavailableReason() const { return m_reason; }

    void read(const QString &key, ReadDone done) override;
    void write(const QString &key, const QString &value, WriteDone done) override;
    void remove(const QString &key) override;

    // Blocking helper for start-up, bounded by timeoutMs (a local event loop keeps
    // the GUI responsive): the stored secret, or a null QString.
    QString readNow(const QString &key, int timeoutMs = 5000);

private:
    QString m_service;
    bool m_probed = false;
    bool m_available = false;
    QString m_reason;
    SessionSecretStore m_session;
};

} // namespace ndh
