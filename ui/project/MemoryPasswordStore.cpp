#include "MemoryPasswordStore.h"

#include <QTimer>

namespace retort::ui {

namespace {
// Later, like a real keychain, so callers never depend on being called back synchronously.
void answer(QObject *context, PasswordStore::Callback done, PasswordResult result)
{
    if (!done)
        return;
    QTimer::singleShot(0, context, [done = std::move(done), result = std::move(result)] { done(result); });
}
} // namespace

void MemoryPasswordStore::read(const QString &key, Callback done)
{
    PasswordResult result;
    if (const auto found = value(key))
        result.password = *found;
    else
        result.status = PasswordResult::Status::NotFound;
    answer(this, std::move(done), std::move(result));
}

void MemoryPasswordStore::write(const QString &key, const QString &password, Callback done)
{
    m_passwords.insert(key, password);
    answer(this, std::move(done), PasswordResult{});
}

void MemoryPasswordStore::remove(const QString &key)
{
    m_passwords.remove(key);
}

std::optional<QString> MemoryPasswordStore::value(const QString &key) const
{
    const auto it = m_passwords.constFind(key);
    if (it == m_passwords.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace retort::ui
