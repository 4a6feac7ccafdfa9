#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace retort::ui {

// What a password read or write came to. Never logged: password is the secret itself.
struct PasswordResult
{
    enum class Status {
        Ok, // read: found; write: stored
        NotFound, // read only: nothing stored under the key
        Unavailable, // the store cannot be used (no keychain service, access denied, ...)
    };
    Status status = Status::Ok;
    QString password; // read: the password when Ok
    bool persistent = false; // Ok: it lives in the system keychain (false: only until Retort quits)
    QString error; // Unavailable: the store's own message (never holds the password)

    bool ok() const { return status == Status::Ok; }
};

// Where passwords are kept, by key (a profile name or a password-less URL). Asynchronous: the
// callback always runs later from the event loop, never inside the call.
class PasswordStore : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const PasswordResult &)>;

    using QObject::QObject;

    virtual void read(const QString &key, Callback done) = 0;
    virtual void write(const QString &key, const QString &password, Callback done) = 0;
    virtual void remove(const QString &key) = 0;
};

} // namespace retort::ui
