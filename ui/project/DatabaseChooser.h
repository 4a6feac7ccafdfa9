#pragma once

#include "ConnectionResolver.h"
#include "UrlChoices.h"

#include <QComboBox>

namespace retort::ui {

class PasswordVault;

// The toolbar's database field: an editable combo offering the project's URLs (command line,
// DATABASE_URL, the project's own, saved profiles, history). Choosing an entry or typing a URL
// resolves it to the URL to connect with (the password from the keychain or a prompt, never from
// settings) and emits chosen(). Only masked URLs are ever shown.
class DatabaseChooser : public QComboBox
{
    Q_OBJECT

public:
    explicit DatabaseChooser(QWidget *parent = nullptr);

    PasswordVault *vault() const { return m_vault; }
    // What asks for a missing password (a dialog by default; tests put a stand-in here).
    void setPrompt(ConnectionResolver::Prompt prompt);

    // Offers the URLs for this project, `given` first when it is not empty.
    void offer(const ProjectConfig &config, const QString &given);
    // Resolves the current entry; chosen() follows, at once or after the keychain answered.
    void chooseCurrent();
    // Shows `url` as the one in use (its entry, or its masked text) and adds it to the history.
    void showInUse(const QString &url);
    // The URL in use, password included (memory only): what a reload reconnects to.
    QString inUse() const { return m_inUse; }

    // Whether a failed connection was the server refusing the login (no or wrong password).
    static bool isLoginRefused(const QString &databaseMessage);
    // After the server refused the login to `url`: asks for its password and, given one, emits
    // chosen() with it (kept for this run only). False when the failure was not about the
    // password, so there is nothing to ask.
    bool retryAfterRefusedLogin(const QString &url, const QString &databaseMessage);

signals:
    void chosen(const QString &url);
    // Something the person should read once, e.g. that the keychain is not available.
    void notice(const QString &message);

private:
    void choose(int index);
    void chooseText(const QString &text);

    PasswordVault *m_vault;
    ConnectionResolver *m_resolver;
    ConnectionResolver::Prompt m_prompt;
    QList<UrlChoice> m_choices;
    QString m_inUse;
};

} // namespace retort::ui
