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
    void setPrompt(ConnectionResolver::Prompt prompt) { m_resolver->setPrompt(std::move(prompt)); }

    // Offers the URLs for this project, `given` first when it is not empty.
    void offer(const ProjectConfig &config, const QString &given);
    // Resolves the current entry; chosen() follows, at once or after the keychain answered.
    void chooseCurrent();
    // Shows `url` as the one in use (its entry, or its masked text) and adds it to the history.
    void showInUse(const QString &url);
    // The URL in use, password included (memory only): what a reload reconnects to.
    QString inUse() const { return m_inUse; }

signals:
    void chosen(const QString &url);
    // Something the person should read once, e.g. that the keychain is not available.
    void notice(const QString &message);

private:
    void choose(int index);
    void chooseText(const QString &text);

    PasswordVault *m_vault;
    ConnectionResolver *m_resolver;
    QList<UrlChoice> m_choices;
    QString m_inUse;
};

} // namespace retort::ui
