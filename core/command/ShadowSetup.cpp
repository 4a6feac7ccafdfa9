#include "ShadowSetup.h"

#include "command/DatabaseTarget.h"
#include "command/RetortSettings.h"
#include "command/SchemaCommands.h"
#include "run/AlembicDetector.h"
#include "shadow/PythonReplayDriver.h"

#include <QTemporaryDir>

namespace retort {

namespace {

// The project's own Alembic in a long-lived driver, found the way upgrades find it. Detection
// may start the application, so it sees a placeholder database of its own, never the person's.
PythonStepsFactory projectPythonSteps(const ProjectSnapshot &project, const SchemaCommandOptions &options)
{
    return [config = project.config(), environment = options.environment]() -> Fallible<std::unique_ptr<PythonSteps>> {
        QTemporaryDir placeholder;
        AlembicDetector::Options detectOptions;
        detectOptions.environment = environment;
        detectOptions.databaseUrl = QStringLiteral("sqlite:///") + placeholder.filePath(QStringLiteral("detect.db"));
        const AlembicDetection detection = AlembicDetector::detect(config, detectOptions);
        if (!detection.found())
            return Failure{detection.advice()};
        PythonReplayDriver::Options driverOptions;
        driverOptions.command = *detection.command;
        driverOptions.environment = environment;
        auto started = PythonReplayDriver::start(driverOptions);
        if (!started)
            return started.error();
        return std::unique_ptr<PythonSteps>(std::move(started).value());
    };
}

} // namespace

RunResult<ShadowServer::Options> shadowPlace(const ProjectSnapshot &project, const SchemaCommandOptions &options)
{
    const RetortSettings settings = RetortSettings::fromConfig(project.config());
    const DbResult<DatabaseTarget> target =
        resolveDatabaseTarget(project.config(), options.urlOption, options.environment, options.workingDirectory);
    ShadowServer::Options place;
    if (!options.dialect.isEmpty()) {
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

RunResult<ShadowSetup> ShadowSetup::open(const ProjectSnapshot &project, const SchemaCommandOptions &options)
{
    if (const auto &error = project.blockingError())
        return RunError::fromGraph(*error);
    RunResult<ShadowServer::Options> place = shadowPlace(project, options);
    if (const RunError *error = place.failure())
        return *error;
    RunResult<std::unique_ptr<ShadowServer>> server = ShadowServer::open(*place);
    if (const RunError *error = server.failure())
        return *error;
    const RetortSettings settings = RetortSettings::fromConfig(project.config());
    ShadowSetup setup;
    setup.server = std::move(server).value();
    if (options.useCache)
        setup.cache.emplace(
            SnapshotCache::directoryFor(project.config().directory, sqlDialectName(place->dialect), options.cacheRoot));
    setup.reader.versionTable = settings.versionTable;
    setup.reader.retortTables = {settings.journalTable};
    setup.pythonFactory = options.pythonSteps ? options.pythonSteps : projectPythonSteps(project, options);
    return setup;
}

} // namespace retort
