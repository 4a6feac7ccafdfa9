#pragma once

#include "AlembicCommand.h"
#include "graph/MigrationRequest.h"
#include "RunError.h"
#include "RunObserver.h"
#include "db/VersionTable.h"
#include "graph/Plan.h"
#include "graph/RevisionMap.h"

#include <QProcessEnvironment>
#include <chrono>
#include <optional>

namespace retort {

class Connection;

struct RunOptions
{
    std::chrono::milliseconds lockWait{0};
    VersionTable::Options versionTable;
    bool journal = true;
    QString journalTable = QStringLiteral("retort_journal");
    // Python revisions run through the project's own Alembic command; nullopt when none works.
    std::optional<AlembicCommand> alembic;
    QString alembicUnavailableReason; // shown when a Python step needs the command
    QString databaseUrl;              // with password: reaches the child only as DATABASE_URL
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
};

struct RunOutcome
{
    Plan plan; // the plan that ran (re-planned when another process moved the version table)
    QStringList headsBefore;
    QStringList headsAfter;
    int stepsApplied = 0;
    bool cancelled = false;
    std::optional<RunError> error;
    bool ok() const { return !error && !cancelled; }
};

// Executes a request against an open connection: takes the run lock, reads the version table,
// plans, and runs the steps one by one, each in its own transaction with its version change.
// Native SQL steps and stamps run in process; a plan of Python revisions is handed to the
// project's Alembic command, and the version table is read back to confirm where it ended.
class MigrationRunner
{
public:
    MigrationRunner(const RevisionMap &map, Connection &connection, RunOptions options);
    RunOutcome run(const MigrationRequest &request, RunObserver &observer);

private:
    void runNative(const MigrationRequest &request, RunObserver &observer, RunOutcome &outcome);
    void runWithAlembic(const MigrationRequest &request, RunObserver &observer, RunOutcome &outcome);
    void journalAlembicSteps(const RunOutcome &outcome, qint64 elapsedMs);
    bool needsPython(const Plan &plan, RunOutcome &outcome) const;

    const RevisionMap &m_map;
    Connection &m_connection;
    RunOptions m_options;
    VersionTable m_versions;
};

} // namespace retort
