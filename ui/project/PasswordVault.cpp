#include "PasswordVault.h"

#ifdef RETORT_WITH_KEYCHAIN
#include "KeychainPasswordStore.h"
#endif

#include <QPointer>
#include <QTimer>

namespace retort::ui {

PasswordVault::PasswordVault(std::unique_ptr<PasswordStore> keychain, QObject *parent)
    : PasswordStore(parent)
    , m_keychain(std::move(keychain))
{
}

PasswordVault::~PasswordVault() = default;

PasswordVault *PasswordVault::createDefault(QObject *parent)
{
#ifdef RETORT_WITH_KEYCHAIN
    return new PasswordVault(std::make_unique<KeychainPasswordStore>(), parent);
#else
    return new PasswordVault(nullptr, parent);
#endif
}

bool PasswordVault::builtWithKeychain()
{
#ifdef RETORT_WITH_KEYCHAIN
    return true;
#else
    return false;
#endif
}

QString PasswordVault::unavailableMessage()
{
    return tr("The system keychain is not available: the password is kept until Retort quits");
}

void PasswordVault::read(const QString &key, Callback done)
{
    if (m_memory.contains(key) || !keychainAvailable()) {
        m_memory.read(key, std::move(done));
        return;
    }
    QPointer<PasswordVault> self(this);
    m_keychain->read(key, [self, done = std::move(done)](const PasswordResult &result) {
        if (!self)
            return;
        if (result.status == PasswordResult::Status::Unavailable) {
            self->keychainFailed(result.error);
            PasswordResult none;
            none.status = PasswordResult::Status::NotFound;
            if (done)
                done(none);
            return;
        }
        if (done)
            done(result);
    });
}

void PasswordVault::write(const QString &key, const QString &password, Callback done)
{
    if (!keychainAvailable()) {
        keepInMemory(key, password, std::move(done));
        return;
    }
    QPointer<PasswordVault> self(this);
    m_keychain->write(key, password, [self, key, password, done = std::move(done)](const PasswordResult &result) {
        if (!self)
            return;
        if (result.status == PasswordResult::Status::Unavailable) {
            self->keychainFailed(result.error);
            self->keepInMemory(key, password, done);
            return;
        }
        // The keychain has it now; an older copy for this run only would shadow it.
        self->m_memory.remove(key);
        if (done)
            done(result);
    });
}

void PasswordVault::remove(const QString &key)
{
    m_memory.remove(key);
    if (keychainAvailable())
        m_keychain->remove(key);
}

void PasswordVault::keepForSession(const QString &key, const QString &password)
{
    m_memory.insert(key, password);
}

void PasswordVault::keychainFailed(const QString &error)
{
    m_keychainFailed = true;
    m_keychainError = error;
}

void PasswordVault::keepInMemory(const QString &key, const QString &password, Callback done)
{
    m_memory.insert(key, password);
    if (!m_announced) {
        m_announced = true;
        Q_EMIT keychainUnavailable(unavailableMessage());
    }
    PasswordResult kept;
    kept.persistent = false;
    if (done)
        QTimer::singleShot(0, this, [done = std::move(done), kept] { done(kept); });
}

} // namespace retort::ui
