#pragma once

#include "command/ProjectSnapshot.h"
#include "graph/Result.h"

namespace retort {

// The read-only verbs, as Alembic's command.py defines them. Each answers with revision indexes
// into the snapshot's map, in the order Alembic prints them; presentation is the caller's.

// `heads`: every head (effective ones too) in load order; with resolveDependencies only the
// heads nothing depends on.
Result<RevIndexes> headsCommand(const ProjectSnapshot &project, bool resolveDependencies);

// `branches`: the branch points, in history order.
Result<RevIndexes> branchesCommand(const ProjectSnapshot &project);

// `history [-r start:end]`: newest first. An empty range means the whole history.
Result<RevIndexes> historyCommand(const ProjectSnapshot &project, const QString &range);

// `show REV`: what REV resolves to (several for "heads", none for "base").
Result<RevIndexes> showCommand(const ProjectSnapshot &project, const QString &spec);

} // namespace retort
