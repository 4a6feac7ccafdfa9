#pragma once

#include <QString>

namespace retort::ui {

// A named database connection the person saved. Never holds a password: that lives in the
// PasswordVault under passwordKey().
struct ConnectionProfile
{
    QString name;
    QString url; // without password
    bool passwordSaved = false; // a password was saved in the system keychain
    bool passwordRequired = false; // connecting needs a password (ask when none is stored)

    QString passwordKey() const { return name; }

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

} // namespace retort::ui
