#pragma once

#include "script/ProjectConfig.h"

#include <QList>
#include <QProcessEnvironment>

namespace retort::ui {

// The database URLs offered for a project, in order: the one given on the command line,
// DATABASE_URL, the project's own (sqlalchemy.url, then [retort] url), then the history.
// Each is shown masked; the real URL is kept for connecting.
struct UrlChoice
{
    QString url;     // as written, with any password
    QString display; // password masked
    QString source;  // "command line", "DATABASE_URL", "alembic.ini", "recent"
};

QList<UrlChoice> urlChoices(const ProjectConfig &config, const QString &given, const QProcessEnvironment &environment,
                            const QStringList &history);
// DatabaseUrl::toDisplayString() of text, or text itself when it does not parse.
QString maskedUrl(const QString &text);

} // namespace retort::ui
