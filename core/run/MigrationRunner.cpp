#include "MigrationRunner.h"

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

#include <QElapsedTimer>

namespace retort {

MigrationRunner::MigrationRunner(const RevisionMap &map, Connection &connection, RunOptions options)
    : m_map(map)
    , m_connection(connection)
    , m_options(std::move(options))
    , m_versions(connection, m_options.versionTable)
{
}

RunOutcome MigrationRunner::run(const MigrationRequest &request, RunObserver &observer)
{
    RunOutcome outcome;
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
    Result<Plan> plan = planMigration(m_map, outcome.headsBefore, request);
    if (!plan) {
        outcome.error = RunError::fromGraph(plan.error());
        return outcome;
    }
    outcome.plan = std::move(plan).value();
    observer.planReady(outcome.plan);

    if (needsPython(outcome.plan, outcome)) {
        if (!outcome.error)
            runWithAlembic(request, observer, outcome);
    } else {
        runNative(request, observer, outcome);
    }

    const DbResult<QStringList> after = m_versions.heads();
    if (after)
        outcome.headsAfter = sorted(*after);
    else if (!outcome.error)
        outcome.error = RunError::fromDb(after.error());
    return outcome;
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
        outcome.error = RunError::make(QStringLiteral("MixedFormats"),
                                       QStringLiteral("this plan mixes Python and native SQL revisions, which one "
                                                      "run cannot do yet; migrate in parts, each target reached "
                                                      "by one kind only"));
    }
    return python;
}

void MigrationRunner::runNative(const MigrationRequest &request, RunObserver &observer, RunOutcome &outcome)
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

        if (result.status == StepExecutor::Outcome::Status::Conflict) {
            // Someone else moved the version table: plan again from where it really is.
            if (++replans > 100) {
                outcome.error = RunError::make(QStringLiteral("Conflict"),
                                               QStringLiteral("the version table keeps changing under this run; "
                                                              "stop the other migration runs and try again"));
                return;
            }
            observer.log(QStringLiteral("The database moved to %1 meanwhile; planning again")
                             .arg(result.actualHeads.isEmpty() ? QStringLiteral("<base>")
                                                               : result.actualHeads.join(QStringLiteral(", "))));
            Result<Plan> plan = planMigration(m_map, result.actualHeads, request);
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

void MigrationRunner::runWithAlembic(const MigrationRequest &request, RunObserver &observer,
                                     RunOutcome &outcome)
{
    if (!m_options.alembic) {
        outcome.error = RunError::make(QStringLiteral("AlembicUnavailable"),
                                       QStringLiteral("Python revisions run through the project's own Alembic "
                                                      "command, and none works here. %1")
                                           .arg(m_options.alembicUnavailableReason));
        return;
    }
    if (outcome.plan.steps.isEmpty())
        return;

    AlembicAction action = request.kind == MigrationRequest::Kind::Upgrade
                               ? AlembicAction::upgrade(request.targets.value(0))
                               : AlembicAction::downgrade(request.targets.value(0));
    AlembicRunOptions options;
    options.databaseUrl = m_options.databaseUrl;
    options.environment = m_options.environment;
    for (RevIndex i = 0; i < m_map.size(); ++i)
        options.knownRevisions.insert(m_map.id(i));

    const int count = int(outcome.plan.steps.size());
    int current = -1;
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
        for (int i = 0; i < count; ++i) {
            if (outcome.plan.steps.at(i).revision == seen.revision()) {
                current = i;
                break;
            }
        }
        stepTimer.start();
        if (current >= 0)
            observer.stepStarted(current, count, outcome.plan.steps.at(current));
    };
    observer.log(QStringLiteral("Running %1").arg(m_options.alembic->displayString(action)));
    QElapsedTimer total;
    total.start();
    AlembicRunner runner;
    const AlembicRunResult result = runner.run(*m_options.alembic, action, options);

    const DbResult<QStringList> heads = m_versions.heads();
    if (!result.succeeded()) {
        RunError error = RunError::make(
            QStringLiteral("AlembicFailed"),
            result.summary() + QStringLiteral("; the database is at the last revision Alembic completed"),
            result.failedRevision, result.scriptPath, result.scriptLine);
        error.databaseMessage = result.exceptionLine;
        error.target = m_connection.target();
        outcome.error = error;
        return;
    }
    finishCurrent();
    if (heads && sorted(*heads) != outcome.plan.headsAfter) {
        outcome.error = RunError::make(
            QStringLiteral("UnexpectedHeads"),
            QStringLiteral("Alembic finished, but the version table holds %1 where the plan ends at %2; "
                           "run 'current' and 'history' to see what happened")
                .arg(sorted(*heads).join(QStringLiteral(", ")), outcome.plan.headsAfter.join(QStringLiteral(", "))));
        return;
    }
    if (m_options.journal)
        journalAlembicSteps(outcome, total.elapsed());
}

void MigrationRunner::journalAlembicSteps(const RunOutcome &outcome, qint64 elapsedMs)
{
    Journal journal(m_connection, m_options.versionTable.schema, m_options.journalTable);
    if (m_connection.begin())
        return;
    if (journal.ensureTable()) {
        m_connection.rollback();
        return;
    }
    QStringList before = outcome.headsBefore;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const PlanStep &step : outcome.plan.steps) {
        JournalEntry entry;
        entry.revision = step.revision;
        entry.direction = step.direction == PlanStep::Direction::Up ? QStringLiteral("upgrade")
                                                                   : QStringLiteral("downgrade");
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
