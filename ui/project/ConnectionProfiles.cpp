#include "ConnectionProfiles.h"

#include "UrlPassword.h"

#include <QSettings>

namespace retort::ui {

namespace {
const QString ArrayKey = QStringLiteral("profiles");
const QString NameKey = QStringLiteral("name");
const QString UrlKey = QStringLiteral("url");
const QString SavedKey = QStringLiteral("passwordSaved");
const QString RequiredKey = QStringLiteral("passwordRequired");
} // namespace

ConnectionProfiles::ConnectionProfiles()
    : m_own(std::make_unique<QSettings>())
    , m_settings(m_own.get())
{
}

ConnectionProfiles::ConnectionProfiles(QSettings &settings)
    : m_settings(&settings)
{
}

ConnectionProfiles::~ConnectionProfiles() = default;

QList<ConnectionProfile> ConnectionProfiles::all() const
{
    QList<ConnectionProfile> profiles;
    const int size = m_settings->beginReadArray(ArrayKey);
    for (int i = 0; i < size; ++i) {
        m_settings->setArrayIndex(i);
        ConnectionProfile profile;
        profile.name = m_settings->value(NameKey).toString();
        profile.url = m_settings->value(UrlKey).toString();
        profile.passwordSaved = m_settings->value(SavedKey).toBool();
        profile.passwordRequired = m_settings->value(RequiredKey).toBool() || profile.passwordSaved;
        if (!profile.name.isEmpty())
            profiles.append(profile);
    }
    m_settings->endArray();
    return profiles;
}

std::optional<ConnectionProfile> ConnectionProfiles::find(const QString &name) const
{
    const QList<ConnectionProfile> profiles = all();
    for (const ConnectionProfile &profile : profiles) {
        if (profile.name == name)
            return profile;
    }
    return std::nullopt;
}

bool ConnectionProfiles::put(const ConnectionProfile &profile)
{
    const std::optional<UrlPassword> split = UrlPassword::split(profile.url);
    if (profile.name.trimmed().isEmpty() || !split)
        return false;
    ConnectionProfile stored = profile;
    stored.url = split->url;
    stored.passwordRequired = profile.passwordRequired || profile.passwordSaved || split->hasPassword();
    QList<ConnectionProfile> profiles = all();
    bool replaced = false;
    for (ConnectionProfile &existing : profiles) {
        if (existing.name == stored.name) {
            existing = stored;
            replaced = true;
        }
    }
    if (!replaced)
        profiles.append(stored);
    write(profiles);
    return true;
}

bool ConnectionProfiles::remove(const QString &name)
{
    QList<ConnectionProfile> profiles = all();
    const qsizetype removed = profiles.removeIf([&](const ConnectionProfile &p) { return p.name == name; });
    if (removed > 0)
        write(profiles);
    return removed > 0;
}

void ConnectionProfiles::write(const QList<ConnectionProfile> &profiles)
{
    // Rewritten whole: a shorter array must not leave stale entries behind.
    m_settings->remove(ArrayKey);
    m_settings->beginWriteArray(ArrayKey, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(NameKey, profiles[i].name);
        m_settings->setValue(UrlKey, profiles[i].url);
        m_settings->setValue(SavedKey, profiles[i].passwordSaved);
        m_settings->setValue(RequiredKey, profiles[i].passwordRequired);
    }
    m_settings->endArray();
    m_settings->sync();
}

} // namespace retort::ui
