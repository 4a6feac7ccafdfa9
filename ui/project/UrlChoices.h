#pragma once

#include "ConnectionProfile.h"
#include "script/ProjectConfig.h"

#include <QList>
#include <QProcessEnvironment>

namespace retort::ui {

// The database URLs offered for a project, in order: the one given on the command line,
// DATABASE_URL, the project's own (sqlalchemy.url, then [retort] url), the saved connection
// profiles, then the history. Each is shown masked; the real URL is kept for connecting.
struct UrlChoice
{
    enum class Kind { Given, Environment, Project, Profile, Recent };

    QString url; // as written, with any password (profiles and history never have one)
    QString display; // password masked; profiles: "name — masked URL"
    QString source; // "command line", "DATABASE_URL", "alembic.ini", "[retort] url", "profile", "recent"
    Kind kind = Kind::Given;
    QString profile; // the profile's name, for Kind::Profile
};

QList<UrlChoice> urlChoices(const ProjectConfig &config, const QString &given, const QProcessEnvironment &environment,
                            const QList<ConnectionProfile> &profiles, const QStringList &history);
// The same without profiles.
QList<UrlChoice> urlChoices(const ProjectConfig &config, const QString &given, const QProcessEnvironment &environment,
                            const QStringList &history);
// DatabaseUrl::toDisplayString() of text, or text itself when it does not parse.
QString maskedUrl(const QString &text);

} // namespace retort::ui
