#include "StepExecutor.h"

#include "Journal.h"
#include "RetortVersion.h"
#include "StepDescription.h"
#include "StepScript.h"
#include "db/Connection.h"
#include "db/VersionTable.h"

#include <QElapsedTimer>

namespace retort {

namespace {

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QString directionName(const PlanStep &step)
{
    return step.stamp                               ? QStringLiteral("stamp")
        : step.direction == PlanStep::Direction::Up ? QStringLiteral("upgrade")
                                                    : QStringLiteral("downgrade");
}

} // namespace

StepExecutor::StepExecutor(Connection &connection, VersionTable &versions, Journal *journal)
    : m_connection(connection)
    , m_versions(versions)
    , m_journal(journal)
{
}

RunError StepExecutor::stepError(const PlanStep &step, const DbError &error) const
{
    RunError run = RunError::fromDb(error);
    if (run.revision.isEmpty())
        run.revision = step.revision;
    if (run.target.isEmpty())
        run.target = m_connection.target();
    return run;
}

std::optional<RunError> StepExecutor::checkHeads(QStringList *actual)
{
    const DbResult<QStringList> heads = m_versions.heads();
    if (!heads)
        return RunError::fromDb(heads.error());
    *actual = sorted(*heads);
    return std::nullopt;
}

RunResult<QStringList> StepExecutor::explainRefusedSwap(const PlanStep &step, const QStringList &expectedHeads,
                                                        const DbResult<bool> &swapped)
{
    const QStringList expected = sorted(expectedHeads);
    QStringList actual;
    if (!swapped) {
        // A failed statement aborts a PostgreSQL transaction: read the heads after rolling back.
        m_connection.rollback();
        if (!checkHeads(&actual) && actual != expected)
            return actual;
        return stepError(step, swapped.error());
    }
    const std::optional<RunError> readError = checkHeads(&actual);
    if (!readError && actual != expected) {
        m_connection.rollback();
        return actual;
    }
    // The heads are as planned but the first change matched no row: the unguarded statement
    // gives Alembic's row-count error.
    const std::optional<DbError> error = readError ? std::nullopt : m_versions.apply(step.versionOps.first());
    m_connection.rollback();
    if (readError)
        return *readError;
    if (error)
        return stepError(step, *error);
    RunError changed = stepError(step,
                                 DbError::make(ErrorKind::Conflict,
                                               QStringLiteral("the version table changed while this "
                                                              "step checked it; run again")));
    return changed;
}

StepExecutor::Outcome StepExecutor::run(const PlanStep &step, const QStringList &expectedHeads,
                                        const Revision *revision, bool purgeFirst, bool createTables)
{
    Outcome outcome;
    QElapsedTimer timer;
    timer.start();
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_createTables = createTables;

    std::optional<StepScript> script;
    if (revision && !step.stamp) {
        auto loaded = StepScript::load(*revision, step.direction, m_connection.dialect().kind());
        if (auto *error = loaded.failure()) {
            outcome.status = Outcome::Status::Failed;
            outcome.error = *error;
            return outcome;
        }
        script = std::move(loaded).value();
        outcome.scriptSha256 = QString::fromLatin1(script->sha256);
        outcome.dataOnly = script->onlyDataStatements(m_connection.dialect().kind());
    }
    const bool inOneTransaction = !script || script->transactional;

    const auto fail = [&](RunError error, bool rollback) {
        if (rollback)
            m_connection.rollback();
        recordFailure(step, expectedHeads, outcome.scriptSha256, error);
        outcome.status = Outcome::Status::Failed;
        outcome.error = std::move(error);
        outcome.elapsedMs = timer.elapsed();
        return outcome;
    };

    Claim claim =
        inOneTransaction ? claimInTransaction(step, expectedHeads, purgeFirst) : checkUnchanged(expectedHeads);
    if (claim.error)
        return fail(*claim.error, claim.rollback);
    if (claim.conflict) {
        outcome.status = Outcome::Status::Conflict;
        outcome.actualHeads = std::move(*claim.conflict);
        outcome.elapsedMs = timer.elapsed();
        return outcome;
    }
    if (script) {
        if (auto error = runStatements(step, *script))
            return fail(*error, inOneTransaction);
    }
    if (!inOneTransaction) {
        if (auto error = recordVersionChange(step, purgeFirst))
            return fail(error->first, error->second);
    }
    if (auto error = recordApplied(step, expectedHeads, outcome.scriptSha256, timer.elapsed()))
        return fail(*error, true);
    if (auto error = m_connection.commit())
        return fail(stepError(step, *error), true);
    outcome.elapsedMs = timer.elapsed();
    return outcome;
}

StepExecutor::Claim StepExecutor::claimInTransaction(const PlanStep &step, const QStringList &expectedHeads,
                                                     bool purgeFirst)
{
    const auto failed = [&](const DbError &error, bool rollback) {
        return Claim{stepError(step, error), rollback, std::nullopt};
    };
    if (auto error = m_connection.begin())
        return failed(*error, false);
    if (m_createTables) {
        if (auto error = m_versions.create())
            return failed(*error, true);
    }
    // The version change goes first, guarded by the heads the plan expects: one statement is
    // both the compare and the swap, and it holds the row lock until COMMIT, so a concurrent
    // runner waits here instead of running this step's statements as well.
    if (purgeFirst) {
        if (auto error = m_versions.purge())
            return failed(*error, true);
        if (auto error = m_versions.apply(step.versionOps))
            return failed(*error, true);
        return {};
    }
    const DbResult<bool> swapped = m_versions.applyIfHeads(step.versionOps, expectedHeads);
    if (swapped && *swapped)
        return {};
    auto refused = explainRefusedSwap(step, expectedHeads, swapped);
    if (auto *error = refused.failure())
        return Claim{*error, false, std::nullopt};
    return Claim{std::nullopt, false, std::move(refused).value()};
}

StepExecutor::Claim StepExecutor::checkUnchanged(const QStringList &expectedHeads)
{
    QStringList actual;
    if (auto error = checkHeads(&actual))
        return Claim{*error, false, std::nullopt};
    if (actual != sorted(expectedHeads))
        return Claim{std::nullopt, false, actual};
    return {};
}

std::optional<RunError> StepExecutor::runStatements(const PlanStep &step, const StepScript &script)
{
    const auto count = script.statements.size();
    for (qsizetype i = 0; i < count; ++i) {
        const SqlStatement &statement = script.statements.at(i);
        const auto error = m_connection.execute(statement.text);
        if (!error)
            continue;
        RunError run = stepError(step, *error);
        run.kind = ErrorKind::StatementFailed;
        run.path = script.path;
        run.line = statement.line;
        run.statement = statement.text;
        run.message = script.transactional
            ? QStringLiteral("%1 failed at statement %2 of %3 and was rolled back; the database stays at the "
                             "previous revision. Fix the script or the data, then run again")
                  .arg(describeStep(step))
                  .arg(i + 1)
                  .arg(count)
            : QStringLiteral("%1 (Transactional: no) failed at statement %2 of %3; the %4 statement(s) before it "
                             "stay applied and the version table was not changed. Fix the cause, undo or finish "
                             "those statements by hand, then run again")
                  .arg(describeStep(step))
                  .arg(i + 1)
                  .arg(count)
                  .arg(i);
        return run;
    }
    return std::nullopt;
}

std::optional<std::pair<RunError, bool>> StepExecutor::recordVersionChange(const PlanStep &step, bool purgeFirst)
{
    // The statements are applied for good: the version change is no longer a question of whether
    // to run, so it is not guarded (a mismatch is Alembic's row-count error).
    if (auto error = m_connection.begin())
        return std::pair{stepError(step, *error), false};
    if (m_createTables) {
        if (auto error = m_versions.create())
            return std::pair{stepError(step, *error), true};
    }
    if (purgeFirst) {
        if (auto error = m_versions.purge())
            return std::pair{stepError(step, *error), true};
    }
    if (auto error = m_versions.apply(step.versionOps))
        return std::pair{stepError(step, *error), true};
    return std::nullopt;
}

JournalEntry StepExecutor::journalEntry(const PlanStep &step, const QStringList &expectedHeads, const QString &sha256,
                                        const QString &outcome) const
{
    // The heads stay where they were unless the caller records a change.
    JournalEntry entry;
    entry.revision = step.stamp ? step.toRevisions.join(QLatin1Char(',')) : step.revision;
    entry.direction = directionName(step);
    entry.headsBefore = sorted(expectedHeads);
    entry.headsAfter = entry.headsBefore;
    entry.startedAt = m_startedAt;
    entry.finishedAt = QDateTime::currentDateTimeUtc();
    entry.durationMs = m_startedAt.msecsTo(entry.finishedAt);
    entry.scriptSha256 = sha256;
    entry.appliedBy = JournalEntry::currentUserAtHost();
    entry.retortVersion = QStringLiteral(RETORT_VERSION_STRING);
    entry.outcome = outcome;
    return entry;
}

std::optional<RunError> StepExecutor::recordApplied(const PlanStep &step, const QStringList &expectedHeads,
                                                    const QString &sha256, qint64 startedMs)
{
    if (!m_journal)
        return std::nullopt;
    if (m_createTables) {
        if (auto error = m_journal->ensureTable())
            return stepError(step, *error);
    }
    JournalEntry entry = journalEntry(step, expectedHeads, sha256, QStringLiteral("applied"));
    entry.headsAfter = step.headsAfter;
    entry.durationMs = startedMs;
    if (auto error = m_journal->record(entry))
        return stepError(step, *error);
    return std::nullopt;
}

void StepExecutor::recordFailure(const PlanStep &step, const QStringList &expectedHeads, const QString &sha256,
                                 const RunError &error)
{
    // Best effort, in a transaction of its own: the step's own one was rolled back.
    if (!m_journal)
        return;
    if (m_connection.begin())
        return;
    if (m_createTables && m_journal->ensureTable()) {
        m_connection.rollback();
        return;
    }
    JournalEntry entry = journalEntry(step, expectedHeads, sha256, QStringLiteral("failed"));
    entry.error = error.toString();
    if (m_journal->record(entry))
        m_connection.rollback();
    else
        m_connection.commit();
}

} // namespace retort
