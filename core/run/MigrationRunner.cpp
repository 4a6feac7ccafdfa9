#include "MigrationRunner.h"

#include "Logging.h"

#include "AlembicRunner.h"
#include "Journal.h"
#include "MigrationPlanning.h"
#include "RetortVersion.h"
#include "RunLock.h"
#include "ScriptChecksum.h"
#include "StepDescription.h"
#include "StepExecutor.h"
#include "StringLists.h"
#include "db/Connection.h"
#include "graph/MigrationRequest.h"

#include <QElapsedTimer>

namespace retort {

MigrationRunner::MigrationRunner(const RevisionMap &map, Connection &connection, RunOptions options)
    : m_map(map)
    , m_connection(connection)
    , m_options(std::move(options))
    , m_versions(connection, m_options.versionTable)
{
}

namespace {

QString headsText(const QStringList &heads)
{
    return heads.isEmpty() ? QStringLiteral("<base>") : heads.join(QStringLiteral(", "));
}

} // namespace

RunError MigrationRunner::planStale(const QStringList &planned, const QStringList &actual, int stepsApplied)
{
    const QString moved = QStringLiteral("the database moved from %1 to %2").arg(headsText(planned), headsText(actual));
    if (stepsApplied > 0)
        return RunError::make(ErrorKind::PlanStale,
                              QStringLiteral("after %1 step(s) of this plan, another run changed the version table: "
                                             "%2; the rest of the plan did not run. Plan again and review the new "
                                             "plan")
                                  .arg(stepsApplied)
                                  .arg(moved));
    return RunError::make(ErrorKind::PlanStale,
                          QStringLiteral("%1 since this plan was made, so nothing was run; plan again and review "
                                         "the new plan")
                              .arg(moved));
}

RunOutcome MigrationRunner::run(const Plan &plan, RunObserver &observer)
{
    RunOutcome outcome;
    outcome.plan = plan;
    RunLock lock(m_connection, m_versions.qualifiedName());
    if (auto error = lock.acquire(m_options.lockWait)) {
        outcome.error = std::move(error);
        return outcome;
    }

    const DbResult<QStringList> heads = m_versions.heads();
    if (!heads) {
        outcome.error = RunError::fromDb(heads.error());
        return outcome;
    }
    outcome.headsBefore = sorted(*heads);
    qCDebug(lcRun) << plan.request.verb() << plan.request.targets << ":" << plan.steps.size() << "steps planned from"
                   << plan.databaseHeads << "; the database is at" << outcome.headsBefore;
    if (auto error = confirmPlan(outcome.headsBefore, observer, outcome)) {
        qCDebug(lcRun) << "not run:" << error->kindName() << error->message;
        outcome.error = std::move(error);
        outcome.headsAfter = outcome.headsBefore;
        return outcome;
    }
    observer.planReady(outcome.plan);
    if (m_options.beforeFirstStep) {
        if (auto error = m_options.beforeFirstStep(outcome.plan)) {
            outcome.headsAfter = outcome.headsBefore;
            if (error->kind == ErrorKind::Cancelled) // cancelled during the backup: before any step
                outcome.cancelled = true;
            else
                outcome.error = std::move(error);
            return outcome;
        }
    }

    if (needsPython(outcome.plan, outcome)) {
        if (!outcome.error)
            runWithAlembic(observer, outcome);
    } else {
        runNative(observer, outcome);
    }

    const DbResult<QStringList> after = m_versions.heads();
    if (after)
        outcome.headsAfter = sorted(*after);
    else if (!outcome.error)
        outcome.error = RunError::fromDb(after.error());
    return outcome;
}

std::optional<RunError> MigrationRunner::confirmPlan(const QStringList &heads, RunObserver &observer,
                                                     RunOutcome &outcome)
{
    if (heads != outcome.plan.databaseHeads) {
        if (m_options.onStale == StalePlan::Refuse)
            return planStale(outcome.plan.databaseHeads, heads);
        observer.log(QStringLiteral("The database moved from %1 to %2 since the plan was made; planning again")
                         .arg(headsText(outcome.plan.databaseHeads), headsText(heads)));
        Result<Plan> again = planMigration(m_map, heads, outcome.plan.request);
        if (!again)
            return RunError::fromGraph(again.error());
        outcome.plan = std::move(again).value();
        return std::nullopt;
    }
    if (m_options.onStale == StalePlan::Refuse) {
        if (const std::optional<ScriptDrift> drift = firstChangedScript(m_map, outcome.plan))
            return RunError::make(ErrorKind::PlanStale,
                                  QStringLiteral("revision %1: %2, so nothing was run; plan again and review the "
                                                 "new plan")
                                      .arg(drift->revision, drift->reason),
                                  drift->revision, drift->path);
    }
    return std::nullopt;
}

bool MigrationRunner::needsPython(const Plan &plan, RunOutcome &outcome) const
{
    bool python = false;
    bool sql = false;
    for (const PlanStep &step : plan.steps) {
        if (step.stamp)
            continue;
        const RevIndex index = m_map.indexOf(step.revision);
        if (index < 0)
            continue;
        (m_map.revision(index).format == ScriptFormat::Python ? python : sql) = true;
    }
    if (python && sql) {
        outcome.error = RunError::make(ErrorKind::MixedFormats,
                                       QStringLiteral("this plan mixes Python and native SQL revisions, which one "
                                                      "run cannot do yet; migrate in parts, each target reached "
                                                      "by one kind only"));
    }
    return python;
}

void MigrationRunner::runNative(RunObserver &observer, RunOutcome &outcome)
{
    std::optional<Journal> journal;
    if (m_options.journal)
        journal.emplace(m_connection, m_options.versionTable.schema, m_options.journalTable);
    StepExecutor executor(m_connection, m_versions, journal ? &*journal : nullptr);

    QStringList expected = outcome.headsBefore;
    bool purge = outcome.plan.purge;
    bool createTables = true;
    int replans = 0;

    if (outcome.plan.steps.isEmpty() && purge) {
        // stamp --purge to base: only empties the table.
        if (auto error = m_connection.begin()) {
            outcome.error = RunError::fromDb(*error);
            return;
        }
        if (auto error = m_versions.purge()) {
            m_connection.rollback();
            outcome.error = RunError::fromDb(*error);
            return;
        }
        if (auto error = m_connection.commit())
            outcome.error = RunError::fromDb(*error);
        return;
    }

    for (qsizetype i = 0; i < outcome.plan.steps.size();) {
        if (observer.cancelRequested()) {
            outcome.cancelled = true;
            observer.log(QStringLiteral("Cancelled before %1").arg(describeStep(outcome.plan.steps.at(i))));
            return;
        }
        const PlanStep &step = outcome.plan.steps.at(i);
        const int count = int(outcome.plan.steps.size());
        observer.stepStarted(int(i), count, step);
        const RevIndex index = step.stamp ? -1 : m_map.indexOf(step.revision);
        const Revision *revision = index >= 0 ? &m_map.revision(index) : nullptr;
        const StepExecutor::Outcome result = executor.run(step, expected, revision, purge, createTables);
        qCDebug(lcRun) << "step" << i + 1 << "of" << count << describeStep(step) << "status" << int(result.status)
                       << "in" << result.elapsedMs << "ms";

        if (result.status == StepExecutor::Outcome::Status::Conflict) {
            if (m_options.onStale == StalePlan::Refuse) {
                outcome.error = planStale(expected, result.actualHeads, outcome.stepsApplied);
                return;
            }
            // Someone else moved the version table: plan again from where it really is.
            if (++replans > 100) {
                outcome.error = RunError::make(ErrorKind::Conflict,
                                               QStringLiteral("the version table keeps changing under this run; "
                                                              "stop the other migration runs and try again"));
                return;
            }
            observer.log(QStringLiteral("The database moved to %1 meanwhile; planning again")
                             .arg(result.actualHeads.isEmpty() ? QStringLiteral("<base>")
                                                               : result.actualHeads.join(QStringLiteral(", "))));
            Result<Plan> plan = planMigration(m_map, result.actualHeads, outcome.plan.request);
            if (!plan) {
                outcome.error = RunError::fromGraph(plan.error());
                return;
            }
            outcome.plan = std::move(plan).value();
            observer.planReady(outcome.plan);
            expected = result.actualHeads;
            i = 0;
            continue;
        }
        if (result.status == StepExecutor::Outcome::Status::Failed) {
            outcome.error = result.error;
            return;
        }
        createTables = false;
        purge = false;
        expected = step.headsAfter;
        ++outcome.stepsApplied;
        observer.stepFinished(int(i), count, step, result.elapsedMs);
        ++i;
    }
}

void MigrationRunner::runWithAlembic(RunObserver &observer, RunOutcome &outcome)
{
    if (!m_options.alembic) {
        outcome.error = RunError::make(ErrorKind::AlembicUnavailable,
                                       QStringLiteral("Python revisions run through the project's own Alembic "
                                                      "command, and none works here. %1")
                                           .arg(m_options.alembicUnavailableReason));
        return;
    }
    if (outcome.plan.steps.isEmpty())
        return;
    const MigrationRequest &request = outcome.plan.request;
    if (m_options.onStale == StalePlan::Refuse) {
        // Alembic is given the request's target, not the steps: it must still mean this plan.
        const Result<Plan> again = planMigration(m_map, outcome.headsBefore, request);
        if (!again || again->steps != outcome.plan.steps) {
            outcome.error = RunError::make(
                ErrorKind::PlanStale,
                QStringLiteral("the migration files now give '%1 %2' other steps than this plan, so nothing was "
                               "run; plan again and review the new plan")
                    .arg(request.verb(), request.targets.join(QLatin1Char(' '))));
            return;
        }
    }

    // Alembic's steps are journalled when its run ends. The table exists before it starts, so
    // a run killed part-way leaves a journal that lacks its steps, and `check` lists them as
    // unrecorded instead of saying the database keeps no journal.
    if (m_options.journal) {
        Journal journal(m_connection, m_options.versionTable.schema, m_options.journalTable);
        if (const std::optional<DbError> error = journal.ensureTable()) {
            outcome.error = RunError::fromDb(*error);
            return;
        }
    }

    // One Alembic run per direction: a re-run is `downgrade R@-1` then `upgrade R`, the two
    // targets Planner::rerun planned it from.
    struct AlembicPass
    {
        AlembicAction action;
        int lastStep; // the plan's steps this pass covers end here
    };
    QList<AlembicPass> passes;
    if (request.kind == MigrationRequest::Kind::Rerun) {
        const QString revision = outcome.plan.steps.constFirst().revision;
        passes = {{AlembicAction::downgrade(revision + QStringLiteral("@-1")), 0},
                  {AlembicAction::upgrade(revision), 1}};
    } else {
        passes = {{request.kind == MigrationRequest::Kind::Upgrade ? AlembicAction::upgrade(request.targets.value(0))
                                                                   : AlembicAction::downgrade(request.targets.value(0)),
                   int(outcome.plan.steps.size()) - 1}};
    }
    AlembicRunOptions options;
    options.databaseUrl = m_options.databaseUrl;
    options.environment = m_options.environment;
    for (RevIndex i = 0; i < m_map.size(); ++i)
        options.knownRevisions.insert(m_map.id(i));

    const int count = int(outcome.plan.steps.size());
    int current = -1;
    int firstOfPass = 0;
    QElapsedTimer stepTimer;
    const auto finishCurrent = [&] {
        if (current >= 0) {
            observer.stepFinished(current, count, outcome.plan.steps.at(current), stepTimer.elapsed());
            ++outcome.stepsApplied;
        }
    };
    options.onLine = [&](const QString &line, bool) { observer.log(line); };
    options.onStep = [&](const AlembicStep &seen) {
        finishCurrent();
        current = -1;
        const auto direction =
            seen.kind == AlembicStep::Kind::Downgrade ? PlanStep::Direction::Down : PlanStep::Direction::Up;
        for (int i = firstOfPass; i < count; ++i) {
            const PlanStep &step = outcome.plan.steps.at(i);
            if (step.revision == seen.revision() && step.direction == direction) {
                current = i;
                break;
            }
        }
        stepTimer.start();
        if (current >= 0)
            observer.stepStarted(current, count, outcome.plan.steps.at(current));
    };
    QElapsedTimer total;
    total.start();
    for (const AlembicPass &pass : passes) {
        observer.log(QStringLiteral("Running %1").arg(m_options.alembic->displayString(pass.action)));
        AlembicRunner runner;
        const AlembicRunResult result = runner.run(*m_options.alembic, pass.action, options);

        const DbResult<QStringList> heads = m_versions.heads();
        if (!result.succeeded()) {
            RunError error = RunError::make(
                ErrorKind::AlembicFailed,
                result.summary() + QStringLiteral("; the database is at the last revision Alembic completed"),
                result.failedRevision, result.scriptPath, result.scriptLine);
            error.databaseMessage = result.exceptionLine;
            error.target = m_connection.target();
            outcome.error = error;
            return;
        }
        finishCurrent();
        current = -1;
        const QStringList expected = outcome.plan.steps.at(pass.lastStep).headsAfter;
        if (heads && sorted(*heads) != expected) {
            outcome.error = RunError::make(
                ErrorKind::UnexpectedHeads,
                QStringLiteral("Alembic finished, but the version table holds %1 where the plan reaches %2; "
                               "run 'current' and 'history' to see what happened")
                    .arg(sorted(*heads).join(QStringLiteral(", ")), expected.join(QStringLiteral(", "))));
            return;
        }
        firstOfPass = pass.lastStep + 1;
    }
    if (m_options.journal)
        journalAlembicSteps(outcome, total.elapsed());
}

void MigrationRunner::journalAlembicSteps(const RunOutcome &outcome, qint64 elapsedMs)
{
    // runWithAlembic created the table before Alembic started.
    Journal journal(m_connection, m_options.versionTable.schema, m_options.journalTable);
    if (m_connection.begin())
        return;
    QStringList before = outcome.headsBefore;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const PlanStep &step : outcome.plan.steps) {
        JournalEntry entry;
        entry.revision = step.revision;
        entry.direction =
            step.direction == PlanStep::Direction::Up ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
        entry.headsBefore = before;
        entry.headsAfter = step.headsAfter;
        entry.startedAt = now.addMSecs(-elapsedMs);
        entry.finishedAt = now;
        entry.durationMs = elapsedMs / qMax(1, int(outcome.plan.steps.size()));
        entry.appliedBy = JournalEntry::currentUserAtHost();
        entry.retortVersion = QStringLiteral(RETORT_VERSION_STRING);
        entry.outcome = QStringLiteral("applied");
        const RevIndex index = m_map.indexOf(step.revision);
        if (index >= 0)
            entry.scriptSha256 = ScriptChecksum::ofFile(m_map.revision(index).path).value_or(QString());
        if (journal.record(entry)) {
            m_connection.rollback();
            return;
        }
        before = step.headsAfter;
    }
    m_connection.commit();
}

} // namespace retort
