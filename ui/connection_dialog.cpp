#include "connection_dialog.h"

#include "hmi_style.h"
#include "secret_store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace ndh {

ConnectionDialog::ConnectionDialog(QList<ConnectionProfile> profiles, SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_profiles(std::move(profiles))
    , m_secrets(secrets)
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Connections"));
    m_typed.resize(m_profiles.size());

    auto *outer = new QVBoxLayout(this);
    auto *body = new QHBoxLayout;
    outer->addLayout(body, 1);

    auto *left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setMinimumWidth(160);
    m_list->setMaximumWidth(220);
    for (const ConnectionProfile &p : std::as_const(m_profiles))
        m_list->addItem(p.name);
    left->addWidget(new QLabel(tr("Profiles"), this));
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&New"), this);
    add->setObjectName(QStringLiteral("newProfile"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeProfile"));
    listButtons->addWidget(add);
    listButtons->addWidget(m_remove);
    left->addLayout(listButtons);
    body->addLayout(left);
    connect(add, &QPushButton::clicked, this, &ConnectionDialog::addProfile);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionDialog::removeCurrentProfile);

    buildForm();
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_name->parentWidget());
    body->addWidget(scroll, 3);

    m_keychainNote = new QLabel(this);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setWordWrap(true);
    m_keychainNote->setText(m_secrets && m_secrets->isPersistent()
                                ? tr("Passwords are kept in the system keychain, never in the settings file.")
                                : tr("No system keychain is available: passwords are kept in memory only and "
                                     "asked again at the next start. They are never written to disk."));
    outer->addWidget(m_keychainNote);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: %1;").arg(HmiStyle::alarmBackground().name()));
    outer->addWidget(m_problems);

    auto *buttons = new QDialogButtonBox(this);
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setDefault(true);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::ApplyRole);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_demo = buttons->addButton(tr("Start the &demo plant"), QDialogButtonBox::ActionRole);
    m_demo->setObjectName(QStringLiteral("demoButton"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_demo->hide(); // after the last addButton: the box shows its buttons when it lays them out
    outer->addWidget(buttons);
    connect(m_connect, &QPushButton::clicked, this, [this] { finish(Outcome::Connect); });
    connect(m_save, &QPushButton::clicked, this, [this] { finish(Outcome::Saved); });
    connect(m_demo, &QPushButton::clicked, this, [this] { finish(Outcome::Demo); });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionDialog::showProfile);
    if (m_profiles.isEmpty())
        addProfile();
    else
        m_list->setCurrentRow(0);
    resize(980, 760);
}

QLineEdit *ConnectionDialog::fileField(const QString &name, const QString &filter, QWidget *parent, QFormLayout *form,
                                       const QString &label)
{
    auto *row = new QHBoxLayout;
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    auto *browse = new QToolButton(parent);
    browse->setText(QStringLiteral("\u2026"));
    browse->setToolTip(tr("Choose a file"));
    row->addWidget(edit, 1);
    row->addWidget(browse);
    form->addRow(label, row);
    connect(browse, &QToolButton::clicked, this, [this, edit, filter, label] {
        const QString path = QFileDialog::getOpenFileName(this, label, edit->text(), filter);
        if (!path.isEmpty())
            edit->setText(path);
    });
    return edit;
}

void ConnectionDialog::buildForm()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);

    auto *kafkaBox = new QGroupBox(tr("Kafka cluster"), page);
    auto *form = new QFormLayout(kafkaBox);
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("profileName"));
    v->addWidget(new QLabel(tr("Profile name"), page));
    v->addWidget(m_name);

    m_bootstrap = new QLineEdit(kafkaBox);
    m_bootstrap->setObjectName(QStringLiteral("bootstrap"));
    m_bootstrap->setPlaceholderText(QStringLiteral("kafka1.plant:9093,kafka2.plant:9093"));
    form->addRow(tr("Bootstrap servers"), m_bootstrap);
    m_security = new QComboBox(kafkaBox);
    m_security->setObjectName(QStringLiteral("securityProtocol"));
    for (auto p : {SecurityProtocol::Plaintext, SecurityProtocol::Ssl, SecurityProtocol::SaslSsl})
        m_security->addItem(securityProtocolName(p), int(p));
    form->addRow(tr("Security protocol"), m_security);
    m_mechanism = new QComboBox(kafkaBox);
    m_mechanism->setObjectName(QStringLiteral("saslMechanism"));
    for (auto m : {SaslMechanism::Plain, SaslMechanism::ScramSha256, SaslMechanism::ScramSha512})
        m_mechanism->addItem(saslMechanismName(m), int(m));
    form->addRow(tr("SASL mechanism"), m_mechanism);
    m_user = new QLineEdit(kafkaBox);
    m_user->setObjectName(QStringLiteral("saslUser"));
    form->addRow(tr("SASL user"), m_user);
    m_password = new QLineEdit(kafkaBox);
    m_password->setObjectName(QStringLiteral("saslPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("SASL password"), m_password);
    m_caFile = fileField(QStringLiteral("caFile"), tr("Certificates (*.pem *.crt *.cer);;All files (*)"), kafkaBox,
                         form, tr("CA file"));
    m_certFile = fileField(QStringLiteral("certFile"), tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
                           kafkaBox, form, tr("Client certificate"));
    m_keyFile = fileField(QStringLiteral("keyFile"), tr("Keys (*.pem *.key);;All files (*)"), kafkaBox, form,
                          tr("Client key"));
    m_keyPassphrase = new QLineEdit(kafkaBox);
    m_keyPassphrase->setObjectName(QStringLiteral("keyPassphrase"));
    m_keyPassphrase->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Key passphrase"), m_keyPassphrase);
    m_verify = new QCheckBox(tr("Verify the brokers' certificates and host names (recommended)"), kafkaBox);
    m_verify->setObjectName(QStringLiteral("verifyServer"));
    form->addRow(QString(), m_verify);
    m_verifyWarning = new QLabel(tr("Verification is OFF: anyone on the network path can pose as this cluster. "
                                    "The console shows this in the connection health view."),
                                 kafkaBox);
    m_verifyWarning->setObjectName(QStringLiteral("verifyWarning"));
    m_verifyWarning->setWordWrap(true);
    m_verifyWarning->setStyleSheet(HmiStyle::alarmBadgeStyle());
    form->addRow(QString(), m_verifyWarning);
    m_groupStrategy = new QComboBox(kafkaBox);
    m_groupStrategy->setObjectName(QStringLiteral("groupStrategy"));
    m_groupStrategy->addItem(tr("Unique to this console (recommended)"), int(GroupIdStrategy::UniquePerConsole));
    m_groupStrategy->addItem(tr("Fixed group id"), int(GroupIdStrategy::Fixed));
    m_groupStrategy->setToolTip(tr("The console reads every partition itself, so each console sees every alarm "
                                   "whatever the group. The id names the console to the cluster (ACLs, quotas)."));
    form->addRow(tr("Consumer group"), m_groupStrategy);
    m_groupId = new QLineEdit(kafkaBox);
    m_groupId->setObjectName(QStringLiteral("groupId"));
    form->addRow(tr("Group id (or prefix)"), m_groupId);
    m_topics = new QLineEdit(kafkaBox);
    m_topics->setObjectName(QStringLiteral("topics"));
    m_topics->setPlaceholderText(tr("empty: the standard NDH topics"));
    form->addRow(tr("Topics (comma-separated)"), m_topics);
    m_envelopes = new QPlainTextEdit(kafkaBox);
    m_envelopes->setObjectName(QStringLiteral("envelopes"));
    m_envelopes->setPlaceholderText(tr("one per line: topic pattern=ndh|drone|domain (others are sniffed)"));
    m_envelopes->setMaximumHeight(m_envelopes->fontMetrics().height() * 4 + 10);
    form->addRow(tr("Envelopes"), m_envelopes);
    v->addWidget(kafkaBox);

    m_redis = new QGroupBox(tr("Redis server"), page);
    m_redis->setObjectName(QStringLiteral("redisEnabled"));
    m_redis->setCheckable(true);
    auto *rform = new QFormLayout(m_redis);
    m_redisAddress = new QLineEdit(m_redis);
    m_redisAddress->setObjectName(QStringLiteral("redisAddress"));
    m_redisAddress->setPlaceholderText(QStringLiteral("redis.plant:6379"));
    rform->addRow(tr("Address"), m_redisAddress);
    m_redisDb = new QSpinBox(m_redis);
    m_redisDb->setObjectName(QStringLiteral("redisDb"));
    m_redisDb->setRange(0, 1000);
    rform->addRow(tr("Database"), m_redisDb);
    m_redisUser = new QLineEdit(m_redis);
    m_redisUser->setObjectName(QStringLiteral("redisUser"));
    rform->addRow(tr("ACL user"), m_redisUser);
    m_redisUsesPassword = new QCheckBox(tr("Needs a password"), m_redis);
    m_redisUsesPassword->setObjectName(QStringLiteral("redisUsesPassword"));
    rform->addRow(QString(), m_redisUsesPassword);
    m_redisPassword = new QLineEdit(m_redis);
    m_redisPassword->setObjectName(QStringLiteral("redisPassword"));
    m_redisPassword->setEchoMode(QLineEdit::Password);
    rform->addRow(tr("Password"), m_redisPassword);
    v->addWidget(m_redis);
    v->addStretch(1);

    const auto changed = [this] {
        if (!m_loading)
            readForm();
    };
    for (QLineEdit *e : {m_name, m_bootstrap, m_user, m_password, m_caFile, m_certFile, m_keyFile, m_keyPassphrase,
                         m_groupId, m_topics, m_redisAddress, m_redisUser, m_redisPassword})
        connect(e, &QLineEdit::textChanged, this, changed);
    for (QComboBox *c : {m_security, m_mechanism, m_groupStrategy})
        connect(c, &QComboBox::currentIndexChanged, this, changed);
    connect(m_envelopes, &QPlainTextEdit::textChanged, this, changed);
    connect(m_redis, &QGroupBox::toggled, this, changed);
    connect(m_redisUsesPassword, &QCheckBox::toggled, this, changed);
    connect(m_redisDb, &QSpinBox::valueChanged, this, changed);
    // Only a user's click asks for confirmation; the state itself is read like the rest.
    connect(m_verify, &QCheckBox::clicked, this, &ConnectionDialog::onVerifyClicked);
    connect(m_verify, &QCheckBox::toggled, this, changed);
}

void ConnectionDialog::onVerifyClicked(bool checked)
{
    if (checked)
        return;
    QMessageBox box(QMessageBox::Warning, tr("Turn off TLS verification?"),
                    tr("Without verification the console cannot tell the real cluster from an impostor, and "
                       "passwords may be sent to it."),
                    QMessageBox::Cancel, this);
    box.setTextFormat(Qt::PlainText);
    QPushButton *off = box.addButton(tr("Turn verification off"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != off)
        m_verify->setChecked(true);
}

void ConnectionDialog::setOfferDemo(bool offer)
{
    m_demo->setVisible(offer);
}

void ConnectionDialog::selectProfile(const QString &name)
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name == name)
            m_list->setCurrentRow(i);
    }
}

QString ConnectionDialog::chosenProfile() const
{
    return m_current >= 0 && m_current < m_profiles.size() ? m_profiles.at(m_current).name : QString();
}

QStringList ConnectionDialog::problems() const
{
    if (m_current < 0 || m_current >= m_profiles.size())
        return {tr("Create a profile with New.")};
    QStringList out = m_profiles.at(m_current).validate();
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (i != m_current && m_profiles.at(i).name == m_profiles.at(m_current).name) {
            out << tr("Another profile is already called \"%1\".").arg(m_profiles.at(i).name);
            break;
        }
    }
    return out;
}

void ConnectionDialog::addProfile()
{
    ConnectionProfile p;
    QString name = tr("New cluster");
    for (int n = 2; std::any_of(m_profiles.begin(), m_profiles.end(), [&](const auto &x) { return x.name == name; });
         ++n)
        name = tr("New cluster %1").arg(n);
    p.name = name;
    p.kafka.bootstrap = QStringLiteral("localhost:9092");
    m_profiles << p;
    m_typed.append(QHash<int, QString>());
    m_list->addItem(p.name);
    m_list->setCurrentRow(int(m_profiles.size()) - 1);
}

void ConnectionDialog::removeCurrentProfile()
{
    const int row = m_current;
    if (row < 0 || row >= m_profiles.size())
        return;
    if (m_secrets) {
        for (SecretKind k : {SecretKind::KafkaPassword, SecretKind::KeyPassphrase, SecretKind::RedisPassword})
            m_secrets->remove(secretKey(m_profiles.at(row).name, k));
    }
    m_current = -1;
    m_profiles.removeAt(row);
    m_typed.removeAt(row);
    delete m_list->takeItem(row);
    if (m_profiles.isEmpty())
        showProfile(-1);
}

void ConnectionDialog::showProfile(int row)
{
    m_current = row;
    const bool valid = row >= 0 && row < m_profiles.size();
    m_name->parentWidget()->setEnabled(valid);
    m_remove->setEnabled(valid);
    if (!valid) {
        updateEnabled();
        return;
    }
    m_loading = true;
    const ConnectionProfile &p = m_profiles.at(row);
    const KafkaClusterSettings &k = p.kafka;
    m_name->setText(p.name);
    m_bootstrap->setText(k.bootstrap);
    m_security->setCurrentIndex(m_security->findData(int(k.security)));
    m_mechanism->setCurrentIndex(m_mechanism->findData(int(k.mechanism)));
    m_user->setText(k.saslUser);
    m_caFile->setText(k.caFile);
    m_certFile->setText(k.certFile);
    m_keyFile->setText(k.keyFile);
    m_verify->setChecked(k.verifyServer);
    m_groupStrategy->setCurrentIndex(m_groupStrategy->findData(int(k.groupStrategy)));
    m_groupId->setText(k.groupId);
    m_topics->setText(k.topics.join(QStringLiteral(", ")));
    QStringList rules;
    for (const auto &[pattern, envelope] : k.topicEnvelopes)
        rules << pattern + u'=' + envelopeName(envelope);
    m_envelopes->setPlainText(rules.join(u'\n'));
    m_redis->setChecked(p.redis.enabled);
    m_redisAddress->setText(p.redis.address);
    m_redisDb->setValue(p.redis.db);
    m_redisUser->setText(p.redis.user);
    m_redisUsesPassword->setChecked(p.redis.usesPassword);
    // Secrets are never shown back: an empty field keeps what the keychain holds.
    const QHash<int, QString> &typed = m_typed.at(row);
    m_password->setText(typed.value(int(SecretKind::KafkaPassword)));
    m_keyPassphrase->setText(typed.value(int(SecretKind::KeyPassphrase)));
    m_redisPassword->setText(typed.value(int(SecretKind::RedisPassword)));
    const QString kept = m_secrets && m_secrets->isPersistent() ? tr("leave empty to keep the stored one")
                                                                : tr("asked at each start if left empty");
    for (QLineEdit *e : {m_password, m_keyPassphrase, m_redisPassword})
        e->setPlaceholderText(kept);
    m_loading = false;
    updateEnabled();
}

void ConnectionDialog::readForm()
{
    if (m_current < 0 || m_current >= m_profiles.size())
        return;
    ConnectionProfile &p = m_profiles[m_current];
    KafkaClusterSettings &k = p.kafka;
    p.name = m_name->text().trimmed();
    k.bootstrap = m_bootstrap->text().trimmed();
    k.security = SecurityProtocol(m_security->currentData().toInt());
    k.mechanism = SaslMechanism(m_mechanism->currentData().toInt());
    k.saslUser = m_user->text().trimmed();
    k.caFile = m_caFile->text().trimmed();
    k.certFile = m_certFile->text().trimmed();
    k.keyFile = m_keyFile->text().trimmed();
    k.verifyServer = m_verify->isChecked();
    k.groupStrategy = GroupIdStrategy(m_groupStrategy->currentData().toInt());
    k.groupId = m_groupId->text().trimmed();
    k.topics.clear();
    for (const QString &t : m_topics->text().split(u',', Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty())
            k.topics << t.trimmed();
    k.topicEnvelopes.clear();
    for (const QString &line : m_envelopes->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        const int eq = line.lastIndexOf(u'=');
        const auto e = eq > 0 ? envelopeFromName(line.mid(eq + 1).trimmed()) : std::nullopt;
        if (e && *e != Envelope::Sniff)
            k.topicEnvelopes << qMakePair(line.left(eq).trimmed(), *e);
    }
    p.redis.enabled = m_redis->isChecked();
    p.redis.address = m_redisAddress->text().trimmed();
    p.redis.db = m_redisDb->value();
    p.redis.user = m_redisUser->text().trimmed();
    p.redis.usesPassword = m_redisUsesPassword->isChecked() || !m_redisPassword->text().isEmpty();

    QHash<int, QString> &typed = m_typed[m_current];
    const auto keep = [&typed](SecretKind kind, const QString &value) {
        if (value.isEmpty())
            typed.remove(int(kind));
        else
            typed.insert(int(kind), value);
    };
    keep(SecretKind::KafkaPassword, m_password->text());
    keep(SecretKind::KeyPassphrase, m_keyPassphrase->text());
    keep(SecretKind::RedisPassword, m_redisPassword->text());
    if (QListWidgetItem *item = m_list->item(m_current))
        item->setText(p.name);
    updateEnabled();
}

void ConnectionDialog::updateEnabled()
{
    const bool valid = m_current >= 0 && m_current < m_profiles.size();
    const KafkaClusterSettings k = valid ? m_profiles.at(m_current).kafka : KafkaClusterSettings{};
    for (QWidget *w : {static_cast<QWidget *>(m_mechanism), static_cast<QWidget *>(m_user),
                       static_cast<QWidget *>(m_password)})
        w->setEnabled(k.usesSasl());
    for (QWidget *w : {static_cast<QWidget *>(m_caFile), static_cast<QWidget *>(m_certFile),
                       static_cast<QWidget *>(m_keyFile), static_cast<QWidget *>(m_keyPassphrase),
                       static_cast<QWidget *>(m_verify)})
        w->setEnabled(k.usesTls());
    m_verifyWarning->setVisible(valid && k.usesTls() && !k.verifyServer);
    m_groupId->setPlaceholderText(k.groupStrategy == GroupIdStrategy::Fixed ? tr("required")
                                                                            : QStringLiteral("ndh-console"));
    const QStringList issues = problems();
    m_problems->setText(issues.join(u'\n'));
    m_problems->setVisible(!issues.isEmpty());
    m_connect->setEnabled(issues.isEmpty());
    // Saving needs every profile valid: a broken one would fail at the next start.
    bool allValid = true;
    for (const ConnectionProfile &p : std::as_const(m_profiles))
        allValid = allValid && p.validate(false).isEmpty();
    m_save->setEnabled(allValid && issues.isEmpty());
}

void ConnectionDialog::finish(Outcome outcome)
{
    m_outcome = outcome;
    if (outcome != Outcome::Demo && m_secrets) {
        for (int i = 0; i < m_profiles.size(); ++i) {
            for (auto it = m_typed.at(i).cbegin(); it != m_typed.at(i).cend(); ++it)
                m_secrets->write(secretKey(m_profiles.at(i).name, SecretKind(it.key())), it.value(),
                                 [](bool, const QString &) {});
        }
    }
    accept();
}

} // namespace ndh
