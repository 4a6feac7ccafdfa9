#include "MigrateCommands.h"

#include "StringLists.h"
#include "backup/BackupPolicy.h"
#include "command/BackupCommands.h"
#include "command/ServerVersion.h"
#include "command/VersionRows.h"
#include "db/Connection.h"
#include "db/VersionTable.h"
#include "run/AlembicDetector.h"
#include "run/MigrationPlanning.h"

namespace retort {

RunResult<CurrentState> currentCommand(DatabaseSession &session)
{
    VersionTable versions(session.connection(), session.settings().versionTable);
    const DbResult<QStringList> heads = versions.heads();
    if (!heads)
        return RunError::fromDb(heads.error());
    if (auto error = badVersionRows(*heads, versions, session.target().displayUrl()))
        return std::move(*error);
    CurrentState state;
    state.heads = sorted(*heads);
    for (const QString &head : std::as_const(state.heads)) {
        if (session.project().map().indexOf(head) < 0)
            state.unknownHeads.append(head);
    }
    return state;
}

namespace {

// The plan alone: what a run needs when nobody is shown a review.
RunResult<Plan> planOnly(DatabaseSession &session, const MigrationRequest &request)
{
    if (const auto error = session.project().runBlockingError())
        return RunError::fromGraph(*error);
    VersionTable versions(session.connection(), session.settings().versionTable);
    const DbResult<QStringList> heads = versions.heads();
    if (!heads)
        return RunError::fromDb(heads.error());
    if (!(request.kind == MigrationRequest::Kind::Stamp && request.purge)) {
        if (auto error = badVersionRows(*heads, versions, session.target().displayUrl()))
            return std::move(*error);
    }
    Result<Plan> plan = planMigration(session.project().map(), sorted(*heads), request);
    if (!plan)
        return RunError::fromGraph(plan.error());
    return std::move(plan).value();
}

} // namespace

RunResult<ReviewedPlan> planCommand(DatabaseSession &session, const MigrationRequest &request)
{
    auto planned = planOnly(session, request);
    if (auto *error = planned.failure())
        return std::move(*error);
    ReviewedPlan reviewed;
    reviewed.plan = std::move(planned).value();
    // The lint rules assume lint_postgres_version, else the connected server's version.
    LintConfig lint = LintConfig::fromSection(session.project().config().retort);
    if (!lint.postgresVersion)
        lint.postgresVersion = postgresMajorVersion(session.connection());
    reviewed.review =
        PlanReview::build(session.project().map(), reviewed.plan, session.connection().dialect().kind(),
                          BackupPolicy::fromConfig(session.project().config()), session.target().displayUrl(), lint);
    return reviewed;
}

RunOutcome migrateCommand(DatabaseSession &session, const Plan &plan, RunObserver &observer,
                          const MigrateOptions &migrate)
{
    RunOutcome outcome;
    outcome.plan = plan;
    if (const auto error = session.project().runBlockingError()) {
        outcome.error = RunError::fromGraph(*error);
        return outcome;
    }
    RunOptions options;
    // A downgrade (or, when configured, an upgrade) starts only once its backup is on disk.
    options.beforeFirstStep = [&session, &observer](const Plan &confirmed) {
        return backupBeforeMigration(session, confirmed, observer);
    };
    options.lockWait = migrate.lockWait;
    options.onStale = migrate.onStale;
    options.versionTable = session.settings().versionTable;
    options.journal = session.settings().journalEnabled(session.nativeProject());
    options.journalTable = session.settings().journalTable;
    options.databaseUrl = session.target().url.toString();
    options.environment = session.environment();

    if (!session.nativeProject() && plan.request.kind != MigrationRequest::Kind::Stamp) {
        // Detecting runs the candidates, so only when Python revisions may have to run.
        AlembicDetector::Options detectOptions;
        detectOptions.environment = session.environment();
        detectOptions.databaseUrl = options.databaseUrl;
        const AlembicDetection detection = AlembicDetector::detect(session.project().config(), detectOptions);
        if (detection.found()) {
            options.alembic = detection.command;
            observer.log(
                QStringLiteral("Using %1 (%2)").arg(detection.command->displayString(), detection.command->reason));
        } else {
            options.alembicUnavailableReason = detection.advice();
        }
    }
    MigrationRunner runner(session.project().map(), session.connection(), options);
    return runner.run(plan, observer);
}

RunOutcome migrateRequestCommand(DatabaseSession &session, const MigrationRequest &request, RunObserver &observer,
                                 std::chrono::milliseconds lockWait)
{
    // No review: nobody is shown this plan, and reading every script for one costs time.
    auto planned = planOnly(session, request);
    if (auto *error = planned.failure()) {
        RunOutcome outcome;
        outcome.error = std::move(*error);
        return outcome;
    }
    return migrateCommand(session, planned.value(), observer, {lockWait, StalePlan::Replan});
}

} // namespace retort
