#pragma once

#include "command/DatabaseSession.h"
#include "graph/MigrationRequest.h"
#include "review/PlanReview.h"
#include "run/MigrationRunner.h"
#include "run/RunObserver.h"

#include <chrono>
#include <variant>

namespace retort {

// `current`: the version table's rows, and which of them the files do not know.
struct CurrentState
{
    QStringList heads; // as stored, sorted
    QStringList unknownHeads; // rows naming revisions no file defines
};
RunResult<CurrentState> currentCommand(DatabaseSession &session);

// `upgrade/downgrade/stamp --dry-run`: the plan from the database's heads and its review (what
// a confirmation shows), nothing executed. The one planning pass of a run.
RunResult<ReviewedPlan> planCommand(DatabaseSession &session, const MigrationRequest &request);

struct MigrateOptions
{
    std::chrono::milliseconds lockWait{0};
    // Refuse for a plan someone saw (a confirmation, a plan file); Replan when only the request
    // was given, as `retort upgrade head` without --dry-run.
    StalePlan onStale = StalePlan::Refuse;
};

// `upgrade/downgrade/stamp` and `apply`: runs this plan, as it was planned, after the automatic
// backup it calls for (taken under the run lock once the plan is confirmed, so a stale plan
// takes none). Python revisions need the project's Alembic command, which is detected here when
// the plan has any.
RunOutcome migrateCommand(DatabaseSession &session, const Plan &plan, RunObserver &observer,
                          const MigrateOptions &options);

// `retort upgrade head` without --dry-run: plans, then runs that plan. Nobody saw it, so when the
// database moves before the run lock is taken it plans again (StalePlan::Replan).
RunOutcome migrateRequestCommand(DatabaseSession &session, const MigrationRequest &request, RunObserver &observer,
                                 std::chrono::milliseconds lockWait);

} // namespace retort
