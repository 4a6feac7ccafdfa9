#pragma once

#include "AlembicCommand.h"
#include "RunError.h"
#include "RunObserver.h"
#include "db/VersionTable.h"
#include "graph/MigrationRequest.h"
#include "graph/Plan.h"
#include "graph/RevisionMap.h"

#include <QProcessEnvironment>
#include <chrono>
#include <functional>
#include <optional>

namespace retort {

class Connection;

// What a run does when the database is no longer where its plan started.
enum class StalePlan {
    Refuse, // the plan was shown to someone (a confirmation, a plan file): PlanStale, nothing runs
    Replan, // only the request was given (`retort upgrade head`): plan again from where it is
};

struct RunOptions
{
    std::chrono::milliseconds lockWait{0};
    StalePlan onStale = StalePlan::Refuse;
    VersionTable::Options versionTable;
    bool journal = true;
    QString journalTable = QStringLiteral("retort_journal");
    // Python revisions run through the project's own Alembic command; nullopt when none works.
    std::optional<AlembicCommand> alembic;
    // Runs under the lock once the plan is confirmed, before the first step (the automatic
    // backup): a stale plan takes none, and a re-planned run is backed up for what it will run.
    // An error stops the run before any step.
    std::function<std::optional<RunError>(const Plan &plan)> beforeFirstStep;
    QString alembicUnavailableReason; // shown when a Python step needs the command
    QString databaseUrl; // with password: reaches the child only as DATABASE_URL
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
};

struct RunOutcome
{
    Plan plan; // the plan that ran (re-planned only under StalePlan::Replan)
    QStringList headsBefore;
    QStringList headsAfter;
    int stepsApplied = 0;
    bool cancelled = false;
    std::optional<RunError> error;
    bool ok() const { return !error && !cancelled; }
};

// Executes a plan against an open connection: takes the run lock, checks that the database
// still has the heads the plan was made from and every script its planned checksum (else
// PlanStale, or a new plan under StalePlan::Replan), then runs the steps one by one, each in its
// own transaction with its version change. Native SQL steps and stamps run in process; a plan
// of Python revisions is handed to the project's Alembic command, and the version table is read
// back to confirm where it ended.
class MigrationRunner
{
public:
    MigrationRunner(const RevisionMap &map, Connection &connection, RunOptions options);
    RunOutcome run(const Plan &plan, RunObserver &observer);

    // The error a refused stale plan reports: what the database moved from and to.
    static RunError planStale(const QStringList &planned, const QStringList &actual, int stepsApplied = 0);

private:
    // Under the lock: the plan to run, or the error that stops the run before any step.
    std::optional<RunError> confirmPlan(const QStringList &heads, RunObserver &observer, RunOutcome &outcome);
    void runNative(RunObserver &observer, RunOutcome &outcome);
    void runWithAlembic(RunObserver &observer, RunOutcome &outcome);
    void journalAlembicSteps(const RunOutcome &outcome, qint64 elapsedMs);
    bool needsPython(const Plan &plan, RunOutcome &outcome) const;

    const RevisionMap &m_map;
    Connection &m_connection;
    RunOptions m_options;
    VersionTable m_versions;
};

} // namespace retort
