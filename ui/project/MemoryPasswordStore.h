#pragma once

#include "PasswordStore.h"

#include <QHash>

#include <optional>

namespace retort::ui {

// Passwords held in this process only, gone when Retort quits.
class MemoryPasswordStore : public PasswordStore
{
    Q_OBJECT

public:
    using PasswordStore::PasswordStore;

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &password, Callback done) override;
    void remove(const QString &key) override;

    // The same, answered at once (for callers already inside a callback).
    std::optional<QString> value(const QString &key) const;
    void insert(const QString &key, const QString &password) { m_passwords.insert(key, password); }
    bool contains(const QString &key) const { return m_passwords.contains(key); }

private:
    QHash<QString, QString> m_passwords;
};

} // namespace retort::ui
