// File > Connections as a user drives it: a first profile is offered, problems are
// listed in words and block Connect, a SASL password typed in the dialog goes to the
// secret store and nowhere else (not in the returned profiles, not in the settings
// file they are saved to), and turning TLS verification off takes an explicit
// confirmation and stays visible.

#include "connection_dialog.h"
#include "connection_health_view.h"
#include "consumer_lag_model.h"
#include "link_health_model.h"
#include "secret_store.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace ndh;

class TestConnectionDialog : public QObject
{
    Q_OBJECT
private slots:
    void offersAFirstProfile();
    void problemsBlockConnect();
    void passwordGoesToTheSecretStoreOnly();
    void turningVerificationOffIsExplicitAndShown();
    void healthViewSummarisesAndWarns();
    void healthViewShowsEveryColumnAtTheDocksSize();
};

namespace {

template<typename T>
T *child(QWidget *w, const char *name)
{
    T *c = w->findChild<T *>(QLatin1String(name));
    if (!c)
        qFatal("no child %s", name);
    return c;
}

// Clicks the button with `text` on the next message box that opens.
void answerNextMessageBox(const QString &text)
{
    QTimer::singleShot(0, [text] {
        QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        for (QAbstractButton *b : box->buttons()) {
            if (b->text() == text) {
                b->click();
                return;
            }
        }
        box->reject();
    });
}

} // namespace

void TestConnectionDialog::offersAFirstProfile()
{
    SessionSecretStore secrets;
    ConnectionDialog dialog({}, &secrets);
    QCOMPARE(dialog.profiles().size(), 1);
    QCOMPARE(child<QListWidget>(&dialog, "profileList")->count(), 1);
    QVERIFY(dialog.problems().isEmpty());
    QVERIFY(child<QPushButton>(&dialog, "connectButton")->isEnabled());
    QVERIFY(child<QCheckBox>(&dialog, "verifyServer")->isChecked());
    QVERIFY(child<QPushButton>(&dialog, "demoButton")->isHidden());
    dialog.setOfferDemo(true);
    QVERIFY(!child<QPushButton>(&dialog, "demoButton")->isHidden());
    QVERIFY(child<QLabel>(&dialog, "keychainNote")->text().contains(u"memory only"));
}

void TestConnectionDialog::problemsBlockConnect()
{
    SessionSecretStore secrets;
    ConnectionDialog dialog({}, &secrets);
    dialog.show();
    auto *bootstrap = child<QLineEdit>(&dialog, "bootstrap");
    auto *connect = child<QPushButton>(&dialog, "connectButton");
    auto *problems = child<QLabel>(&dialog, "problems");
    bootstrap->clear();
    QTest::keyClicks(bootstrap, QStringLiteral("kafka1.plant"));
    QVERIFY(!connect->isEnabled());
    QVERIFY(problems->isVisible());
    QVERIFY(problems->text().contains(u"kafka1.plant"));
    QTest::keyClicks(bootstrap, QStringLiteral(":9093"));
    QVERIFY(connect->isEnabled());
    QVERIFY(!problems->isVisible());

    child<QComboBox>(&dialog, "securityProtocol")->setCurrentIndex(2); // SASL_SSL
    QVERIFY(!connect->isEnabled());
    QVERIFY(problems->text().contains(u"user"));
    QVERIFY(child<QLineEdit>(&dialog, "saslPassword")->isEnabled());
    QCOMPARE(child<QLineEdit>(&dialog, "saslPassword")->echoMode(), QLineEdit::Password);

    // Two profiles with one name cannot both be saved.
    dialog.addProfile();
    auto *name = child<QLineEdit>(&dialog, "profileName");
    name->setText(dialog.profiles().first().name);
    QVERIFY(problems->text().contains(u"already called"));
}

void TestConnectionDialog::passwordGoesToTheSecretStoreOnly()
{
    const QString password = QStringLiteral("hunter2-S3cret-SASL");
    SessionSecretStore secrets;
    ConnectionDialog dialog({}, &secrets);
    child<QLineEdit>(&dialog, "profileName")->setText(QStringLiteral("Plant A"));
    child<QLineEdit>(&dialog, "bootstrap")->setText(QStringLiteral("kafka1.plant:9093"));
    child<QComboBox>(&dialog, "securityProtocol")->setCurrentIndex(2);
    child<QComboBox>(&dialog, "saslMechanism")->setCurrentIndex(1);
    child<QLineEdit>(&dialog, "saslUser")->setText(QStringLiteral("operator"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "saslPassword"), password);
    QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(u'|')));
    child<QPushButton>(&dialog, "saveButton")->click();
    QCOMPARE(dialog.outcome(), ConnectionDialog::Outcome::Saved);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    QString stored;
    secrets.read(secretKey(QStringLiteral("Plant A"), SecretKind::KafkaPassword),
                 [&](bool, const QString &v, const QString &) { stored = v; });
    QCOMPARE(stored, password);

    const QList<ConnectionProfile> profiles = dialog.profiles();
    QCOMPARE(profiles.size(), 1);
    QCOMPARE(profiles.first().kafka.security, SecurityProtocol::SaslSsl);
    QCOMPARE(profiles.first().kafka.mechanism, SaslMechanism::ScramSha256);
    QCOMPARE(profiles.first().kafka.saslUser, QStringLiteral("operator"));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    {
        QSettings settings(file, QSettings::IniFormat);
        ConnectionProfileStore(settings).save(profiles);
    }
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains("operator"));
    QVERIFY2(!text.contains(password.toUtf8()), text.constData());
    QVERIFY(!text.contains("hunter2"));

    // Reopened, the field is empty (a secret is never shown back) and says why.
    ConnectionDialog again(profiles, &secrets);
    QVERIFY(child<QLineEdit>(&again, "saslPassword")->text().isEmpty());
    QVERIFY(!child<QLineEdit>(&again, "saslPassword")->placeholderText().isEmpty());
}

void TestConnectionDialog::turningVerificationOffIsExplicitAndShown()
{
    SessionSecretStore secrets;
    ConnectionDialog dialog({}, &secrets);
    dialog.show();
    child<QComboBox>(&dialog, "securityProtocol")->setCurrentIndex(1); // SSL
    auto *verify = child<QCheckBox>(&dialog, "verifyServer");
    auto *warning = child<QLabel>(&dialog, "verifyWarning");
    QVERIFY(verify->isEnabled());
    QVERIFY(!warning->isVisible());

    answerNextMessageBox(QMessageBox::tr("Cancel"));
    verify->click();
    QVERIFY(verify->isChecked()); // cancelled: still verifying
    QVERIFY(dialog.profiles().first().kafka.verifyServer);

    answerNextMessageBox(QStringLiteral("Turn verification off"));
    verify->click();
    QVERIFY(!verify->isChecked());
    QVERIFY(!dialog.profiles().first().kafka.verifyServer);
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(u"OFF"));
}

void TestConnectionDialog::healthViewSummarisesAndWarns()
{
    ConnectionHealthView view;
    QAbstractItemModelTester links(view.links(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester lag(view.lag(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    ConnectionStatus status;
    status.endpoint = QStringLiteral("kafka1:9093");
    status.state = ConnectionStatus::State::Connected;
    view.setKafkaStatus(status);
    QVERIFY(view.summaryText().contains(u"waiting"));
    KafkaHealth h;
    for (int i = 1; i <= 3; ++i) {
        LinkHealth b;
        b.name = QStringLiteral("kafka%1:9093").arg(i);
        b.nodeId = i;
        b.state = i == 2 ? ConnectionStatus::State::BrokerDown : ConnectionStatus::State::Connected;
        h.brokers << b;
    }
    PartitionLag p;
    p.topic = QStringLiteral("t");
    p.partition = 0;
    p.highWatermark = 1500;
    p.position = 300;
    h.partitions << p;
    h.messagesPerSecond = 1234;
    view.setKafkaHealth(h);
    QVERIFY2(view.summaryText().contains(u"2 of 3 brokers connected"), qPrintable(view.summaryText()));
    QVERIFY(view.summaryText().contains(QLocale().toString(1200)));
    QVERIFY(view.summaryText().contains(QLocale().toString(1234)));
    QVERIFY(!view.showsTlsWarning());
    h.tlsVerificationOff = true;
    view.setKafkaHealth(h);
    QVERIFY(view.showsTlsWarning());
    QCOMPARE(view.links()->rowCount(), 3);
    QCOMPARE(view.lag()->rowCount(), 1);
}

// At the size the dock gets in a 1400 x 900 window, every column of both tables is
// on screen (no scrolling sideways to find "Last error" or the lag), numbers of a
// busy cluster are not cut, and the partitions get most of the height.
void TestConnectionDialog::healthViewShowsEveryColumnAtTheDocksSize()
{
    ConnectionHealthView view;
    view.resize(900, 360);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Before the first statistics (a broker down), the partition table's headers
    // are whole.
    {
        auto *lag = child<QTableView>(&view, "consumerLagTable");
        const QHeaderView *header = lag->horizontalHeader();
        for (int c = 0; c < header->count(); ++c)
            QVERIFY2(header->sectionSize(c) >= header->sectionSizeHint(c) - 1,
                     qPrintable(lag->model()->headerData(c, Qt::Horizontal).toString()));
    }
    KafkaHealth h;
    for (int i = 1; i <= 3; ++i) {
        LinkHealth b;
        b.name = QStringLiteral("kafka-broker-%1.plant-a.example.com:9093").arg(i);
        b.nodeId = i;
        b.state = ConnectionStatus::State::Connected;
        h.brokers << b;
    }
    for (int i = 0; i < 108; ++i) {
        PartitionLag p;
        p.topic = QStringLiteral("ndh.assets.state.changed");
        p.partition = i;
        p.leader = i % 3 + 1;
        p.position = 12345678;
        p.highWatermark = 12345678 + (i == 7 ? 1234567 : 0);
        h.partitions << p;
    }
    view.setKafkaHealth(h);

    auto *links = child<QTableView>(&view, "linkHealthTable");
    auto *lag = child<QTableView>(&view, "consumerLagTable");
    for (QTableView *t : {links, lag}) {
        const QHeaderView *header = t->horizontalHeader();
        for (int c = 0; c < header->count(); ++c) {
            const int right = header->sectionViewportPosition(c) + header->sectionSize(c);
            QVERIFY2(right <= t->viewport()->width() + 1,
                     qPrintable(QStringLiteral("%1: column '%2' ends at %3 of %4 px")
                                    .arg(t->objectName(), t->model()->headerData(c, Qt::Horizontal).toString())
                                    .arg(right)
                                    .arg(t->viewport()->width())));
            QVERIFY2(header->sectionSize(c) >= header->sectionSizeHint(c) - 1,
                     qPrintable(t->model()->headerData(c, Qt::Horizontal).toString()));
        }
    }
    // The largest lag, first (sorted by lag), shown whole.
    const QModelIndex top = lag->model()->index(0, ConsumerLagModel::LagColumn);
    const QString shown = top.data().toString();
    QCOMPARE(shown, QLocale().toString(1234567));
    QVERIFY(lag->columnWidth(ConsumerLagModel::LagColumn) > lag->fontMetrics().horizontalAdvance(shown));
    QVERIFY2(lag->height() >= 2 * links->height(), qPrintable(QStringLiteral("%1 vs %2").arg(lag->height()).arg(links->height())));
}

QTEST_MAIN(TestConnectionDialog)
#include "tst_connection_dialog.moc"
