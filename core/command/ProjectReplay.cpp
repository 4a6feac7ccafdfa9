#include "ProjectReplay.h"

#include "command/DatabaseTarget.h"
#include "command/RetortSettings.h"
#include "run/AlembicDetector.h"
#include "shadow/PythonReplayDriver.h"

namespace retort {

namespace {

// The project's own Alembic in a long-lived driver, found the way upgrades find it, except that
// each candidate command is tried by starting the driver with it: the driver loads the project's
// Alembic as `heads` would, and a replay pays one Python start instead of two.
PythonStepsFactory projectPythonSteps(const ProjectSnapshot &project, const SchemaCommandOptions &options)
{
    return [config = project.config(), environment = options.environment]() -> Fallible<std::unique_ptr<PythonSteps>> {
        std::unique_ptr<PythonReplayDriver> driver;
        AlembicDetector::Options detectOptions;
        detectOptions.environment = environment;
        const AlembicDetection detection = AlembicDetector::detect(
            config, detectOptions, [&](const AlembicCommand &candidate) -> std::optional<QString> {
                PythonReplayDriver::Options driverOptions;
                driverOptions.command = candidate;
                driverOptions.environment = environment;
                auto started = PythonReplayDriver::start(driverOptions);
                if (!started)
                    return started.error().message;
                driver = std::move(started).value();
                return std::nullopt;
            });
        if (!detection.found() || !driver)
            return Failure{detection.advice()};
        return std::unique_ptr<PythonSteps>(std::move(driver));
    };
}

} // namespace

SchemaReaderOptions schemaReaderOptions(const RetortSettings &settings)
{
    SchemaReaderOptions options;
    options.versionTable = settings.versionTable;
    options.retortTables = {settings.journalTable};
    return options;
}

// The dialect and server to replay on: the target's, else --dialect, else the project
// database's dialect, else SQLite; PostgreSQL scratch databases go to shadow_url, else the
// project database's server.
RunResult<ShadowServer::Options> ProjectReplay::place(const ProjectSnapshot &project,
                                                      const SchemaCommandOptions &options, const DatabaseTarget *given)
{
    const RetortSettings settings = RetortSettings::fromConfig(project.config());
    DbResult<DatabaseTarget> target = given
        ? DbResult<DatabaseTarget>(*given)
        : resolveDatabaseTarget(project.config(), options.urlOption, options.environment, options.workingDirectory);
    ShadowServer::Options place;
    if (given) {
        place.dialect = given->url.sqlDialect();
    } else if (!options.dialect.isEmpty()) {
        const std::optional<SqlDialect> dialect = sqlDialectFromName(options.dialect);
        if (!dialect)
            return RunError::make(ErrorKind::UnsupportedDialect,
                                  QStringLiteral("unknown dialect %1; use sqlite or postgresql").arg(options.dialect));
        place.dialect = *dialect;
    } else if (target) {
        place.dialect = target->url.sqlDialect();
    }
    if (place.dialect != SqlDialect::PostgreSql)
        return place;
    if (!settings.shadowUrl.isEmpty()) {
        DbResult<DatabaseUrl> url = DatabaseUrl::parse(settings.shadowUrl);
        if (!url) {
            RunError error = RunError::fromDb(url.error(), ErrorKind::ShadowUnavailable);
            error.message =
                QStringLiteral("[retort] shadow_url in %1: %2").arg(project.config().iniPath, error.message);
            return error;
        }
        place.serverUrl = std::move(url).value();
        place.serverSource = QStringLiteral("[retort] shadow_url");
    } else if (target) {
        place.serverUrl = target->url;
        place.serverSource = QStringLiteral("the server of %1; [retort] shadow_url names another")
                                 .arg(target->sourceDescription(project.config()));
    }
    return place;
}

ProjectReplay::ProjectReplay(const ProjectSnapshot &project, const SchemaCommandOptions &options)
    : m_project(project)
    , m_options(options)
{
}

ProjectReplay::~ProjectReplay() = default;

RunResult<std::unique_ptr<ProjectReplay>>
ProjectReplay::open(const ProjectSnapshot &project, const SchemaCommandOptions &options, const DatabaseTarget *target)
{
    if (const auto &error = project.blockingError())
        return RunError::fromGraph(*error);
    RunResult<ShadowServer::Options> where = place(project, options, target);
    if (const RunError *error = where.failure())
        return *error;
    RunResult<std::unique_ptr<ShadowServer>> server = ShadowServer::open(*where);
    if (const RunError *error = server.failure())
        return *error;
    std::unique_ptr<ProjectReplay> replay(new ProjectReplay(project, options));
    replay->m_server = std::move(server).value();
    const RetortSettings settings = RetortSettings::fromConfig(project.config());
    if (options.useCache)
        replay->m_cache.emplace(
            SnapshotCache::directoryFor(project.config().directory, sqlDialectName(where->dialect), options.cacheRoot));
    replay->m_reader = schemaReaderOptions(settings);
    replay->m_python = options.pythonSteps ? options.pythonSteps : projectPythonSteps(project, options);
    return replay;
}

QString ProjectReplay::dialect() const
{
    return sqlDialectName(m_server->dialect());
}

ReplayOptions ProjectReplay::replayOptions(const RevIndexes &targets, bool keepSchemas)
{
    ReplayOptions options;
    options.reader = m_reader;
    options.targets = targets;
    options.keepSchemas = keepSchemas;
    options.cache = m_cache ? &*m_cache : nullptr;
    options.pythonFactory = m_python;
    options.cancel = m_options.cancel;
    options.progress = m_options.progress;
    return options;
}

ReplayReport ProjectReplay::replay(const RevIndexes &targets, bool keepSchemas)
{
    return ShadowReplay(m_project.map(), *m_server, replayOptions(targets, keepSchemas)).run();
}

RunResult<Schema> ProjectReplay::schemaAt(const RevIndexes &heads)
{
    if (heads.empty())
        return emptySchema(dialect());
    if (heads.size() == 1) {
        const ReplayReport report = replay(heads, true);
        return schemaOf(report, m_project.map().id(heads.front()));
    }
    return ShadowReplay(m_project.map(), *m_server, replayOptions(heads, false)).upgradedTo(heads);
}

RunResult<Schema> ProjectReplay::schemaOf(const ReplayReport &report, const QString &revision)
{
    if (report.cancelled)
        return RunError::make(ErrorKind::Cancelled, QStringLiteral("replay cancelled"), revision);
    if (auto it = report.schemas.constFind(revision); it != report.schemas.constEnd())
        return *it;
    QString current = revision;
    while (const RevisionReplay *entry = report.find(current)) {
        if (entry->error)
            return *entry->error;
        if (entry->blockedBy.isEmpty())
            break;
        current = entry->blockedBy;
    }
    return RunError::make(ErrorKind::SchemaReadFailed,
                          QStringLiteral("no schema was recorded for revision %1").arg(revision), revision);
}

Schema ProjectReplay::emptySchema(const QString &dialect)
{
    Schema schema;
    schema.dialect = dialect;
    return schema;
}

} // namespace retort
