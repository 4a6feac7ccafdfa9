#pragma once

#include "graph/MigrationRequest.h"
#include "graph/Plan.h"
#include "graph/Result.h"
#include "graph/RevisionMap.h"

#include <optional>

namespace retort {

// The plan for a request from the database's current heads, with errors worded as Alembic's
// commands word them ("Destination x is not a valid upgrade target from current head(s)").
// The plan records the request, the heads it was made from and each step's script checksum, so
// the run can tell whether the database or a script moved after it was shown.
Result<Plan> planMigration(const RevisionMap &map, const QStringList &currentHeads, const MigrationRequest &request);

// The first step whose script no longer has the checksum it was planned with (nullopt when all
// match), and why: the file changed, cannot be read, or its revision left the project.
struct ScriptDrift
{
    QString revision;
    QString path;
    QString reason;
};
std::optional<ScriptDrift> firstChangedScript(const RevisionMap &map, const Plan &plan);

} // namespace retort
