#pragma once

#include "command/DatabaseSession.h"
#include "graph/MigrationRequest.h"
#include "run/MigrationRunner.h"
#include "run/RunObserver.h"

#include <chrono>
#include <variant>

namespace retort {

// `current`: the version table's rows, and which of them the files do not know.
struct CurrentState
{
    QStringList heads;        // as stored, sorted
    QStringList unknownHeads; // rows naming revisions no file defines
};
std::variant<CurrentState, RunError> currentCommand(DatabaseSession &session);

// `upgrade/downgrade/stamp --dry-run`: the plan from the database's heads, nothing executed.
std::variant<Plan, RunError> planCommand(DatabaseSession &session, const MigrationRequest &request);

// `upgrade/downgrade/stamp`: runs the request. Python revisions need the project's Alembic
// command, which is detected here when the plan has any.
RunOutcome migrateCommand(DatabaseSession &session, const MigrationRequest &request, RunObserver &observer,
                          std::chrono::milliseconds lockWait);

} // namespace retort
