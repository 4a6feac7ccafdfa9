#include "ConnectionResolver.h"

#include "ConnectionProfiles.h"
#include "PasswordVault.h"
#include "RecentProjects.h"
#include "UrlPassword.h"

#include <QPointer>
#include <QTimer>

namespace retort::ui {

ConnectionResolver::ConnectionResolver(PasswordVault *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
{
}

void ConnectionResolver::resolve(const UrlChoice &choice, Done done)
{
    switch (choice.kind) {
    case UrlChoice::Kind::Given:
        resolveText(choice.url, std::move(done));
        return;
    case UrlChoice::Kind::Profile: {
        const std::optional<ConnectionProfile> profile = ConnectionProfiles().find(choice.profile);
        const QString url = profile ? profile->url : choice.url;
        resolveStored(choice.profile, url, profile && profile->passwordRequired, choice.profile, std::move(done));
        return;
    }
    case UrlChoice::Kind::Environment:
    case UrlChoice::Kind::Project:
    case UrlChoice::Kind::Recent:
        break;
    }
    // The environment and the project's files keep their own passwords: used as written.
    const std::optional<UrlPassword> split = UrlPassword::split(choice.url);
    if (!split || split->hasPassword()) {
        done(choice.url);
        return;
    }
    resolveStored(split->url, choice.url, RecentProjects::urlNeedsPassword(split->url), {}, std::move(done));
}

void ConnectionResolver::resolveText(const QString &text, Done done)
{
    const QString trimmed = text.trimmed();
    const std::optional<UrlPassword> split = UrlPassword::split(trimmed);
    if (!split) {
        // Connecting reports what is wrong with it (without repeating any password).
        done(trimmed);
        return;
    }
    if (split->hasPassword()) {
        m_vault->write(split->url, split->password, {});
        done(trimmed);
        return;
    }
    resolveStored(split->url, trimmed, RecentProjects::urlNeedsPassword(split->url), {}, std::move(done));
}

void ConnectionResolver::resolveStored(const QString &key, const QString &url, bool needsPassword,
                                       const QString &profile, Done done)
{
    QPointer<ConnectionResolver> self(this);
    m_vault->read(key, [self, key, url, needsPassword, profile, done = std::move(done)](const PasswordResult &result) {
        if (!self)
            return;
        if (result.ok())
            done(UrlPassword::join(url, result.password));
        else if (needsPassword)
            self->ask(key, url, profile, done);
        else
            done(url);
    });
}

void ConnectionResolver::ask(const QString &key, const QString &url, const QString &profile, Done done)
{
    // Not from inside the keychain's callback: a modal prompt there would run a nested event
    // loop under the keychain job.
    QPointer<ConnectionResolver> self(this);
    QTimer::singleShot(0, this, [self, key, url, profile, done = std::move(done)] {
        if (!self)
            return;
        const std::optional<QString> password = self->m_prompt ? self->m_prompt(maskedUrl(url), profile) : std::nullopt;
        if (!password) {
            done(std::nullopt);
            return;
        }
        self->m_vault->keepForSession(key, *password);
        done(UrlPassword::join(url, *password));
    });
}

} // namespace retort::ui
