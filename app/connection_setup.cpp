#include "connection_setup.h"

#include "connection_dialog.h"
#include "connection_health_view.h"
#include "connection_profile_config.h"
#include "connection_status_widget.h"
#include "ingest_backend.h"
#include "keychain_secret_store.h"
#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>

namespace ndh {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ndh::ConnectionSetup", text);
}

const char *environmentVariable(SecretKind kind)
{
    switch (kind) {
    case SecretKind::KafkaPassword: return "NDH_KAFKA_PASSWORD";
    case SecretKind::KeyPassphrase: return "NDH_KAFKA_KEY_PASSPHRASE";
    case SecretKind::RedisPassword: return "NDH_REDIS_PASSWORD";
    }
    return "";
}

QMenu *menuTitled(MainWindow *window, const char *title)
{
    const QString wanted = QCoreApplication::translate("ndh::MainWindow", title);
    for (QAction *a : window->menuBar()->actions()) {
        if (a->menu() && a->menu()->title() == wanted)
            return a->menu();
    }
    return nullptr;
}

} // namespace

std::optional<ConnectionSecrets> resolveSecrets(const ConnectionProfile &profile, KeychainSecretStore &store,
                                                bool interactive, QWidget *parent)
{
    ConnectionSecrets secrets;
    const QList<SecretKind> needed = profile.neededSecrets();
    if (!needed.isEmpty())
        store.probe();
    for (SecretKind kind : needed) {
        QString value = store.readNow(secretKey(profile.name, kind));
        if (value.isNull())
            value = qEnvironmentVariable(environmentVariable(kind));
        if (value.isEmpty() && interactive) {
            QInputDialog ask(parent);
            ask.setWindowTitle(tr("Connect to %1").arg(profile.name));
            ask.setLabelText(store.isPersistent()
                                 ? tr("%1 for profile \"%2\":").arg(secretKindLabel(kind), profile.name)
                                 : tr("%1 for profile \"%2\"\n(no system keychain: it is kept in memory until "
                                      "the console quits, never on disk):")
                                       .arg(secretKindLabel(kind), profile.name));
            ask.setTextEchoMode(QLineEdit::Password);
            if (ask.exec() != QDialog::Accepted)
                return std::nullopt;
            value = ask.textValue();
            store.write(secretKey(profile.name, kind), value, [](bool, const QString &) {});
        }
        switch (kind) {
        case SecretKind::KafkaPassword: secrets.kafkaPassword = value; break;
        case SecretKind::KeyPassphrase: secrets.keyPassphrase = value; break;
        case SecretKind::RedisPassword: secrets.redisPassword = value; break;
        }
    }
    return secrets;
}

std::optional<ProfileConnection> connectionForProfile(const QString &name, QSettings &settings,
                                                      KeychainSecretStore &store, bool interactive, QString *error)
{
    ConnectionProfileStore profiles(settings);
    const std::optional<ConnectionProfile> profile = profiles.find(name);
    if (!profile) {
        QStringList names;
        for (const ConnectionProfile &p : profiles.load())
            names << p.name;
        *error = names.isEmpty() ? tr("no connection profile \"%1\" (none saved yet: File > Connections)").arg(name)
                                 : tr("no connection profile \"%1\"; saved profiles: %2").arg(name, names.join(u", "));
        return std::nullopt;
    }
    if (const QStringList problems = profile->validate(); !problems.isEmpty()) {
        *error = tr("profile \"%1\" cannot be used: %2").arg(name, problems.join(u' '));
        return std::nullopt;
    }
    const std::optional<ConnectionSecrets> secrets = resolveSecrets(*profile, store, interactive);
    if (!secrets) {
        *error = tr("no password given for profile \"%1\"").arg(name);
        return std::nullopt;
    }
    ProfileConnection c;
    c.profile = *profile;
    c.consumer = consumerConfigFor(*profile, *secrets, profiles.consoleId());
    const std::optional<RedisConfig> redis = redisConfigFor(*profile, *secrets, error);
    if (!redis)
        return std::nullopt;
    c.redis = *redis;
    return c;
}

std::optional<QString> firstRunChoice(QSettings &settings, KeychainSecretStore &store)
{
    store.probe();
    ConnectionProfileStore profiles(settings);
    ConnectionDialog dialog(profiles.load(), &store);
    dialog.setWindowTitle(tr("Welcome to NDH Console"));
    dialog.setOfferDemo(true);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    if (dialog.outcome() == ConnectionDialog::Outcome::Demo)
        return QString();
    profiles.save(dialog.profiles());
    if (dialog.outcome() == ConnectionDialog::Outcome::Connect)
        return dialog.chosenProfile();
    return QString(); // saved without connecting: show the demo meanwhile
}

ConnectionsUi::ConnectionsUi(MainWindow *window, KeychainSecretStore *store, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_store(store)
    , m_dock(new QDockWidget(QCoreApplication::translate("ndh::MainWindow", "Connection health"), window))
    , m_view(new ConnectionHealthView(m_dock))
{
    m_dock->setObjectName(QStringLiteral("connectionHealthDock"));
    m_dock->setWidget(m_view);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    window->tabifyDockWidget(window->deadLetterDock(), m_dock);
    window->deadLetterDock()->raise();

    QAction *toggle = m_dock->toggleViewAction();
    toggle->setText(tr("Connection &health"));
    toggle->setObjectName(QStringLiteral("connectionHealthAction"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    if (QMenu *view = menuTitled(window, "&View"))
        view->addAction(toggle);
    else
        window->addAction(toggle);

    auto *connections = new QAction(tr("&Connections\u2026"), window);
    connections->setObjectName(QStringLiteral("connectionsAction"));
    connections->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connections->setToolTip(tr("Kafka clusters and Redis servers: addresses, security, certificates"));
    connect(connections, &QAction::triggered, this, &ConnectionsUi::showConnections);
    QAction *quit = window->findChild<QAction *>(QStringLiteral("quitAction"));
    QMenu *file = menuTitled(window, "&File");
    if (file && quit) {
        file->insertAction(quit, connections);
        file->insertSeparator(quit);
    } else {
        window->addAction(connections);
    }
}

void ConnectionsUi::attach(IngestBackend *backend)
{
    connect(backend, &IngestBackend::healthChanged, m_view, &ConnectionHealthView::setKafkaHealth);
    connect(backend, &IngestBackend::healthChanged, this, [this](const KafkaHealth &health) {
        m_window->connectionStatusWidget()->setCatchUp(m_catchUp.add(health));
    });
    connect(backend, &IngestBackend::statusChanged, m_view, &ConnectionHealthView::setKafkaStatus);
    connect(backend, &IngestBackend::redisStatusChanged, m_view, &ConnectionHealthView::setRedisStatus);
}

void ConnectionsUi::showConnections()
{
    m_store->probe();
    QSettings settings;
    ConnectionProfileStore profiles(settings);
    ConnectionDialog dialog(profiles.load(), m_store, m_window);
    dialog.selectProfile(profiles.lastUsed());
    if (dialog.exec() != QDialog::Accepted)
        return;
    profiles.save(dialog.profiles());
    if (dialog.outcome() != ConnectionDialog::Outcome::Connect)
        return;
    const QString name = dialog.chosenProfile();
    QMessageBox ask(QMessageBox::Question, tr("Connect to %1").arg(name),
                    tr("The console restarts connected to \"%1\". What it shows now is replaced by that "
                       "plant's state.")
                        .arg(name),
                    QMessageBox::Cancel, m_window);
    ask.setTextFormat(Qt::PlainText);
    QPushButton *go = ask.addButton(tr("Connect"), QMessageBox::AcceptRole);
    ask.exec();
    if (ask.clickedButton() != static_cast<QAbstractButton *>(go))
        return;
    profiles.setLastUsed(name);
    settings.sync();
    // The layout as it is now, before the new process reads it (this one saves
    // again when it quits, which may be after the new one has started).
    m_window->saveSettings();
    // The secrets typed in the dialog live in this process only when there is no
    // keychain; the new process will ask again (never passed on a command line).
    if (QProcess::startDetached(QCoreApplication::applicationFilePath(), {QStringLiteral("--profile"), name}))
        m_window->close();
}

} // namespace ndh
