#pragma once

#include "graph/MigrationRequest.h"
#include "graph/Plan.h"
#include "graph/Result.h"
#include "graph/RevisionMap.h"

namespace retort {

// The plan for a request from the database's current heads, with errors worded as Alembic's
// commands word them ("Destination x is not a valid upgrade target from current head(s)").
Result<Plan> planMigration(const RevisionMap &map, const QStringList &currentHeads,
                           const MigrationRequest &request);

} // namespace retort
