#pragma once

#include <QString>

#include <optional>

namespace retort::ui {

// A database URL split into the part that may be kept (settings, history, keychain key, window
// title) and its password, which may not.
struct UrlPassword
{
    QString url; // the URL without its password
    QString password; // empty when the URL has none

    bool hasPassword() const { return !password.isEmpty(); }

    // nullopt when text is not a URL Retort can parse: such text may still hold a password, so
    // callers must not store it anywhere.
    static std::optional<UrlPassword> split(const QString &text);
    // url with password put in (url unchanged when it does not parse or password is empty).
    static QString join(const QString &url, const QString &password);
};

} // namespace retort::ui
