#pragma once

#include "UrlChoices.h"

#include <QObject>

#include <functional>
#include <optional>

namespace retort::ui {

class PasswordVault;

// Turns what the person chose in the URL box into the URL to connect with, password included,
// and keeps that password out of everything stored:
// - a URL typed (or given on the command line) with a password: the password goes to the vault
//   under the password-less URL; the history only ever gets the URL without it;
// - a profile: its URL plus the password saved under the profile's name, or asked for when the
//   profile needs one and none is stored;
// - a recent or project URL without password: the one stored under that URL, else asked for when
//   it was last used with one, else none (trust, peer or .pgpass authentication).
// A password typed into the prompt is kept for this run only.
class ConnectionResolver : public QObject
{
    Q_OBJECT

public:
    // What to ask when a password is needed: shown the masked URL and the profile name (empty
    // for URLs); returns nullopt when the person cancels.
    using Prompt = std::function<std::optional<QString>(const QString &maskedUrl, const QString &profile)>;
    // The URL to connect with, or nullopt when the person cancelled. May run at once or later.
    using Done = std::function<void(const std::optional<QString> &url)>;

    explicit ConnectionResolver(PasswordVault *vault, QObject *parent = nullptr);

    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }

    void resolve(const UrlChoice &choice, Done done);
    // Text typed into the URL box.
    void resolveText(const QString &text, Done done);

private:
    void resolveStored(const QString &key, const QString &url, bool needsPassword, const QString &profile, Done done);
    void ask(const QString &key, const QString &url, const QString &profile, Done done);

    PasswordVault *m_vault;
    Prompt m_prompt;
};

} // namespace retort::ui
