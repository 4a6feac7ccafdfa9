#pragma once

#include "PasswordStore.h"

namespace retort::ui {

// The system keychain through QtKeychain (Secret Service / KWallet, macOS Keychain, Windows
// Credential Store), under one service name. Its plaintext fallback is switched off: when no
// keychain is there, operations report Unavailable and the caller decides (see PasswordVault).
// Only built when QtKeychain was found (RETORT_WITH_KEYCHAIN).
class KeychainPasswordStore : public PasswordStore
{
    Q_OBJECT

public:
    static constexpr const char *DefaultService = "Retort";

    explicit KeychainPasswordStore(const QString &service = QLatin1String(DefaultService), QObject *parent = nullptr);

    QString service() const { return m_service; }

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &password, Callback done) override;
    void remove(const QString &key) override;

private:
    QString m_service;
};

} // namespace retort::ui
