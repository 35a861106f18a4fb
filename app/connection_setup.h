#pragma once
// The console's connection set-up (issue 9), between the command line and the
// backend: a profile chosen by --profile (or the last one used) becomes the consumer
// and Redis configuration with its secrets from the keychain, the environment
// (NDH_KAFKA_PASSWORD, NDH_KAFKA_KEY_PASSPHRASE, NDH_REDIS_PASSWORD) or a prompt;
// the first run without any configuration offers the demo and the connection
// dialog; and the window gets File > Connections and the "Connection health" dock.

#include "catch_up.h"
#include "connection_profile.h"
#include "consumer_config.h"
#include "redis_client.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QDockWidget;
class QSettings;
class QWidget;

namespace ndh {

class ConnectionHealthView;
class IngestBackend;
class KeychainSecretStore;
class MainWindow;

struct ProfileConnection
{
    ConnectionProfile profile;
    ConsumerConfig consumer;
    RedisConfig redis;
};

// Secrets a profile needs: keychain, then environment, then (interactive only) a
// password prompt. nullopt when the user cancelled a prompt.
std::optional<ConnectionSecrets> resolveSecrets(const ConnectionProfile &profile, KeychainSecretStore &store,
                                                bool interactive, QWidget *parent = nullptr);

// Loads and checks a profile by name and resolves its secrets. nullopt with *error
// set (unknown profile, invalid profile, cancelled prompt).
std::optional<ProfileConnection> connectionForProfile(const QString &name, QSettings &settings,
                                                      KeychainSecretStore &store, bool interactive, QString *error);

// The first run: no profile saved and nothing on the command line. Shows the
// connection dialog offering the demo. Returns the profile name to connect to, an
// empty string for the demo, or nullopt when the user closed the dialog.
std::optional<QString> firstRunChoice(QSettings &settings, KeychainSecretStore &store);

// File > Connections... (Ctrl+Shift+C) and View > Connection health (Ctrl+Shift+L)
// on the main window, the health dock tabbed with the dead letters, fed by the backend;
// and, from the same statistics, whether the status bar says the console is behind.
class ConnectionsUi : public QObject
{
    Q_OBJECT
public:
    ConnectionsUi(MainWindow *window, KeychainSecretStore *store, QObject *parent = nullptr);
    void attach(IngestBackend *backend);
    ConnectionHealthView *healthView() const { return m_view; }
    QDockWidget *healthDock() const { return m_dock; }
    // Opens the connection dialog; connecting to another profile restarts the console
    // on it (the plant is another plant: nothing of this one should stay on screen).
    void showConnections();

private:
    MainWindow *m_window;
    KeychainSecretStore *m_store;
    QDockWidget *m_dock;
    ConnectionHealthView *m_view;
    CatchUpTracker m_catchUp; // the status bar's "Catching up", from the statistics
};

} // namespace ndh
