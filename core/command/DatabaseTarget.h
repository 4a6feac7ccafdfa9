#pragma once

#include "db/DatabaseUrl.h"
#include "db/UrlSource.h"
#include "script/ProjectConfig.h"

#include <QProcessEnvironment>

namespace retort {

// The database a command works on: the URL from the first source that has one (--url,
// DATABASE_URL, alembic.ini's sqlalchemy.url, [retort] url), parsed, and where it came from.
struct DatabaseTarget
{
    DatabaseUrl url;
    ResolvedUrl resolved;
    QString workingDirectory; // relative sqlite paths resolve against it

    QString displayUrl() const { return url.toDisplayString(); }
    QString sourceDescription(const ProjectConfig &config) const { return resolved.sourceDescription(config.iniPath); }
};

DbResult<DatabaseTarget> resolveDatabaseTarget(const ProjectConfig &config, const QString &urlOption,
                                               const QProcessEnvironment &environment, const QString &workingDirectory);

} // namespace retort
