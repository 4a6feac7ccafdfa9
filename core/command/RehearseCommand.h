#pragma once

#include "command/ProjectSnapshot.h"
#include "graph/Plan.h"
#include "review/PlanReview.h"
#include "run/RunError.h"
#include "run/RunObserver.h"
#include "schema/SchemaChange.h"

#include <QProcessEnvironment>

#include <optional>

namespace retort {

struct RehearseOptions
{
    // What `retort upgrade` is given; a target behind the database (or "-N") is planned as
    // `retort downgrade` plans it.
    QString target = QStringLiteral("head");
    QString urlOption; // --url, as for the database verbs
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString workingDirectory;
    QString fromBackup; // a backup file Retort made: restored into the copy instead of the live database
};

struct RehearsalStep
{
    PlanStep step;
    QString revision; // the script run, or for a stamp step the revisions it moves to
    QString direction; // "upgrade" or "downgrade"
    bool ran = false; // started (false after an earlier step failed, or on cancel)
    bool ok = false;
    qint64 elapsedMs = 0;
    std::optional<RunError> error; // the step's failure, as a real run reports it
};

struct Rehearsal
{
    QString target;
    QString database; // "copy of sqlite:///app.db", passwords masked
    QString dialect;
    ReviewedPlan plan; // what `upgrade --dry-run` shows for the same state
    QList<RehearsalStep> steps; // one per planned step
    std::optional<RunError> error; // the run's error (also on its step when one was running)
    bool cancelled = false;
    SchemaChanges changes; // the copy's schema before against after
    qint64 copyMs = 0;
    bool ok() const { return !error && !cancelled; }
};

// `rehearse [TARGET]`: copies the project's database into a database Retort owns (DatabaseCopy),
// plans TARGET there as upgrade or downgrade would, runs the plan with the engine real runs use
// (native steps in process, Python steps through the project's own Alembic, confined to the copy
// by PythonConnectionGuard), and compares the copy's schema before and after. The person's
// database is only read (SQLite backup API, pg_dump); the copy is dropped before returning. An
// error is returned when there is nothing to report (no copy, no plan); a failing step is in the
// Rehearsal. The observer sees the run's progress and log; cancelRequested() stops between steps.
RunResult<Rehearsal> rehearseCommand(const ProjectSnapshot &project, const RehearseOptions &options,
                                     RunObserver &observer);

} // namespace retort
