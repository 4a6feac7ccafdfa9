#include "OfflineCommand.h"

#include "command/DatabaseTarget.h"
#include "command/RetortSettings.h"
#include "graph/Resolver.h"
#include "run/AlembicDetector.h"
#include "run/AlembicRunner.h"
#include "run/MigrationPlanning.h"
#include "run/OfflineSqlRenderer.h"

namespace retort {

namespace {

bool isNative(const RevisionMap &map)
{
    for (RevIndex i = 0; i < map.size(); ++i) {
        if (map.revision(i).format == ScriptFormat::Python)
            return false;
    }
    return true;
}

RunResult<QString> renderWithAlembic(const ProjectSnapshot &project, const DatabaseTarget &target,
                                     const QProcessEnvironment &environment, const MigrationRequest &request)
{
    AlembicDetector::Options options;
    options.environment = environment;
    options.databaseUrl = target.url.toString();
    const AlembicDetection detection = AlembicDetector::detect(project.config(), options);
    if (!detection.found())
        return RunError::make(ErrorKind::AlembicUnavailable,
                              QStringLiteral("offline SQL for Python revisions comes from the project's own Alembic "
                                             "command, and none works here. ")
                                  + detection.advice());
    const QString target0 = request.targets.value(0);
    const AlembicAction action = request.kind == MigrationRequest::Kind::Upgrade
        ? AlembicAction::offlineUpgrade(target0)
        : request.kind == MigrationRequest::Kind::Downgrade
        ? AlembicAction::offlineDowngrade(target0)
        : [&] {
              AlembicAction stamp = AlembicAction::stamp(request.targets, request.purge);
              stamp.sql = true;
              return stamp;
          }();
    if (const auto invalid = action.validate(); !invalid.ok())
        return RunError::make(ErrorKind::RangeNotAllowed, invalid.error().message);
    AlembicRunOptions runOptions;
    runOptions.databaseUrl = options.databaseUrl;
    runOptions.environment = environment;
    const AlembicRunResult result = AlembicRunner().run(*detection.command, action, runOptions);
    if (!result.succeeded())
        return RunError::make(ErrorKind::AlembicFailed, result.summary());
    return result.standardOutput;
}

} // namespace

RunResult<QString> offlineSqlCommand(const ProjectSnapshot &project, const QString &urlOption,
                                     const QProcessEnvironment &environment, const QString &workingDirectory,
                                     const MigrationRequest &request)
{
    if (const auto &error = project.blockingError())
        return RunError::fromGraph(*error);
    DbResult<DatabaseTarget> target = resolveDatabaseTarget(project.config(), urlOption, environment, workingDirectory);
    if (!target)
        return RunError::fromDb(target.error());
    const RevisionMap &map = project.map();
    if (!isNative(map))
        return renderWithAlembic(project, *target, environment, request);

    // "start:end" ranges: the start stands in for the database's heads.
    const QString spec = request.targets.value(0);
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    QString start;
    QString end = spec;
    if (colon >= 0) {
        start = spec.left(colon);
        end = spec.mid(colon + 1);
    } else if (request.kind == MigrationRequest::Kind::Downgrade) {
        return RunError::make(ErrorKind::RangeNotAllowed,
                              QStringLiteral("downgrade with --sql requires <fromrev>:<torev>"));
    }
    QStringList startHeads;
    if (!start.isEmpty() && start != u"base") {
        const Result<RevIndexes> resolved = Resolver(map).revisions(start);
        if (!resolved)
            return RunError::fromGraph(resolved.error());
        for (RevIndex i : *resolved) {
            if (i >= 0)
                startHeads << map.id(i);
        }
        startHeads.sort();
    }
    MigrationRequest ranged = request;
    if (request.kind == MigrationRequest::Kind::Stamp)
        ranged.targets = colon >= 0 ? QStringList{end} + request.targets.mid(1) : request.targets;
    else
        ranged.targets = {end};
    Result<Plan> plan = planMigration(map, startHeads, ranged);
    if (!plan)
        return RunError::fromGraph(plan.error());
    const RetortSettings settings = RetortSettings::fromConfig(project.config());
    const OfflineSqlRenderer renderer(map, Dialect::of(target->url.sqlDialect()), settings.versionTable);
    return renderer.render(*plan, startHeads.isEmpty() && request.kind != MigrationRequest::Kind::Downgrade);
}

} // namespace retort
