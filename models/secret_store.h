#pragma once
// Where the console keeps passwords and key passphrases (DESIGN.md §8): never in
// settings, logs or exports. The OS keychain implementation lives in the app layer
// (QtKeychain); SessionSecretStore keeps them in memory until the console quits, for
// machines without a keychain (the console then asks again on the next start) and
// for tests. Calls complete asynchronously through the callback, on the caller's
// thread.

#include <QHash>
#include <QString>

#include <functional>

namespace ndh {

class SecretStore
{
public:
    virtual ~SecretStore() = default;
    // True when secrets survive a restart (a real keychain answered).
    virtual bool isPersistent() const = 0;
    // found=false with an empty error: nothing stored under that key.
    using ReadDone = std::function<void(bool found, const QString &value, const QString &error)>;
    using WriteDone = std::function<void(bool ok, const QString &error)>;
    virtual void read(const QString &key, ReadDone done) = 0;
    virtual void write(const QString &key, const QString &value, WriteDone done) = 0;
    virtual void remove(const QString &key) = 0;
};

class SessionSecretStore : public SecretStore
{
public:
    bool isPersistent() const override { return false; }
    void read(const QString &key, ReadDone done) override
    {
        const auto it = m_values.constFind(key);
        done(it != m_values.constEnd(), it != m_values.constEnd() ? *it : QString(), QString());
    }
    void write(const QString &key, const QString &value, WriteDone done) override
    {
        m_values.insert(key, value);
        done(true, QString());
    }
    void remove(const QString &key) override { m_values.remove(key); }

private:
    QHash<QString, QString> m_values;
};

} // namespace ndh
