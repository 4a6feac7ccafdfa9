#pragma once

#include "MemoryPasswordStore.h"
#include "PasswordStore.h"

#include <memory>

namespace retort::ui {

// The password store the application uses: the system keychain when there is one, and this
// run's memory when there is none (built without QtKeychain) or it fails at run time (no Secret
// Service on D-Bus, access denied). Never a file. The first time a password can only be kept in
// memory it emits keychainUnavailable() once, for the UI to say so.
// Passwords the person typed for this run only (keepForSession) also live in memory; reads look
// there first.
class PasswordVault : public PasswordStore
{
    Q_OBJECT

public:
    // keychain may be null: memory only. The vault takes ownership.
    explicit PasswordVault(std::unique_ptr<PasswordStore> keychain, QObject *parent = nullptr);
    ~PasswordVault() override;
    // The system keychain under service "Retort" when built with QtKeychain, else memory only;
    // owned by parent.
    static PasswordVault *createDefault(QObject *parent);
    static bool builtWithKeychain();
    static QString unavailableMessage();

    void read(const QString &key, Callback done) override;
    // Ok with persistent = true when it went to the keychain; Ok with persistent = false when it
    // is only kept until Retort quits.
    void write(const QString &key, const QString &password, Callback done) override;
    void remove(const QString &key) override;
    // Kept in memory for this run, never written to the keychain.
    void keepForSession(const QString &key, const QString &password);

    // False when there is no keychain or it has failed once (it is not asked again this run).
    bool keychainAvailable() const { return m_keychain && !m_keychainFailed; }
    // The keychain's own message from its failure; empty while it works.
    QString keychainError() const { return m_keychainError; }

Q_SIGNALS:
    void keychainUnavailable(const QString &message);

private:
    void keychainFailed(const QString &error);
    void keepInMemory(const QString &key, const QString &password, Callback done);

    std::unique_ptr<PasswordStore> m_keychain;
    MemoryPasswordStore m_memory;
    bool m_keychainFailed = false;
    bool m_announced = false;
    QString m_keychainError;
};

} // namespace retort::ui
