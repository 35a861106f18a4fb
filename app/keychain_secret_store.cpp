#include "keychain_secret_store.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcSecrets, "ndh.secrets", QtInfoMsg)

namespace ndh {

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{
}

void KeychainSecretStore::probe(int timeoutMs)
{
    if (m_probed)
        return;
    m_probed = true;
    if (qEnvironmentVariableIsSet("NDH_NO_KEYCHAIN")) {
        m_reason = tr("turned off by NDH_NO_KEYCHAIN");
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(QStringLiteral("ndh-console/probe"));
    QEventLoop loop;
    bool finished = false;
    connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *j) {
        finished = true;
        const auto e = j->error();
        m_available = e == QKeychain::NoError || e == QKeychain::EntryNotFound;
        if (!m_available)
            m_reason = j->errorString();
        loop.quit();
    });
    job->start();
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!finished)
        loop.exec();
    if (!finished) {
        m_reason = tr("the keychain did not answer within %1 s").arg(timeoutMs / 1000);
        // The job may still finish later; it deletes itself and must not touch us.
        disconnect(job, nullptr, &loop, nullptr);
    }
    if (!m_available)
        qCInfo(lcSecrets, "no system keychain (%s): secrets stay in memory for this session",
               qPrintable(m_reason));
    else
        qCInfo(lcSecrets, "secrets are kept in the system keychain");
}

void KeychainSecretStore::read(const QString &key, ReadDone done)
{
    bool cached = false;
    QString value;
    m_session.read(key, [&](bool found, const QString &v, const QString &) {
        cached = found;
        value = v;
    });
    if (cached || !m_available) {
        done(cached, value, QString());
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key, done = std::move(done)](QKeychain::Job *j) {
        auto *r = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (r->error() == QKeychain::NoError) {
            m_session.write(key, r->textData(), [](bool, const QString &) {});
            done(true, r->textData(), QString());
        } else if (r->error() == QKeychain::EntryNotFound) {
            done(false, QString(), QString());
        } else {
            done(false, QString(), r->errorString());
        }
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, WriteDone done)
{
    m_session.write(key, value, [](bool, const QString &) {});
    if (!m_available) {
        done(false, m_reason);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        // Never the value: only which entry and why.
        if (j->error() != QKeychain::NoError)
            qCWarning(lcSecrets, "keychain refused to store %s: %s", qPrintable(j->key()), qPrintable(j->errorString()));
        done(j->error() == QKeychain::NoError, j->errorString());
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key)
{
    m_session.remove(key);
    if (!m_available)
        return;
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->start();
}

QString KeychainSecretStore::readNow(const QString &key, int timeoutMs)
{
    QEventLoop loop;
    bool finished = false;
    QString result;
    auto alive = std::make_shared<bool>(true);
    read(key, [&, alive](bool found, const QString &value, const QString &) {
        if (!*alive)
            return;
        finished = true;
        if (found)
            result = value;
        loop.quit();
    });
    if (!finished) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    *alive = false;
    return result;
}

} // namespace ndh
