#include "DatabaseTarget.h"

namespace retort {

DbResult<DatabaseTarget> resolveDatabaseTarget(const ProjectConfig &config, const QString &urlOption,
                                               const QProcessEnvironment &environment, const QString &workingDirectory)
{
    UrlCandidates candidates;
    candidates.option = urlOption;
    candidates.environment = environment.value(QStringLiteral("DATABASE_URL"));
    candidates.alembicIni = config.sqlalchemyUrl;
    candidates.retortSection = config.retort.value(QStringLiteral("url"));
    candidates.iniPath = config.iniPath;

    DatabaseTarget target;
    target.resolved = resolveDatabaseUrl(candidates);
    target.workingDirectory = workingDirectory;
    if (target.resolved.source == UrlSource::None) {
        return DbError::make(ErrorKind::NoDatabaseUrl,
                             QStringLiteral("no database URL: pass --url URL, export DATABASE_URL, or set "
                                            "sqlalchemy.url in alembic.ini (or url in its [retort] section)"));
    }
    DbResult<DatabaseUrl> url = DatabaseUrl::parse(target.resolved.url);
    if (!url) {
        DbError error = url.error();
        error.message = QStringLiteral("the database URL from the %1 is not usable: %2")
                            .arg(target.resolved.sourceDescription(config.iniPath), error.message);
        return error;
    }
    target.url = std::move(url).value();
    return target;
}

} // namespace retort
