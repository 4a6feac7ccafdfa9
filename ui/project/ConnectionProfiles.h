#pragma once

#include "ConnectionProfile.h"

#include <QList>

#include <memory>
#include <optional>

class QSettings;

namespace retort::ui {

// The saved connection profiles, in QSettings under "profiles/..." (an array of name, url,
// passwordSaved, passwordRequired), in the order they were added. Passwords are never written:
// a URL that carries one is stored without it.
class ConnectionProfiles
{
public:
    ConnectionProfiles(); // the application's QSettings
    explicit ConnectionProfiles(QSettings &settings);
    ~ConnectionProfiles();

    QList<ConnectionProfile> all() const;
    std::optional<ConnectionProfile> find(const QString &name) const;
    // Adds the profile, or replaces the one with the same name in place. Returns false (and
    // stores nothing) when the name is empty or the URL does not parse.
    bool put(const ConnectionProfile &profile);
    // Returns whether a profile of that name was there.
    bool remove(const QString &name);

private:
    void write(const QList<ConnectionProfile> &profiles);

    std::unique_ptr<QSettings> m_own;
    QSettings *m_settings = nullptr;
};

} // namespace retort::ui
