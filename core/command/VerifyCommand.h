#pragma once

#include "command/ProjectSnapshot.h"
#include "command/SchemaCommands.h"
#include "run/RunError.h"
#include "shadow/VerifyReport.h"

namespace retort {

// `verify [RANGE]`: whether each revision in RANGE (as `history -r` takes it; empty: every
// revision) has a downgrade that undoes its upgrade, checked on shadow databases only, never on
// the project's database. The options are the schema verbs' (dialect, server, cache, Python,
// cancel, progress).
RunResult<VerifyReport> verifyCommand(const ProjectSnapshot &project, const QString &range,
                                      const SchemaCommandOptions &options);

// The same for the revisions given (the window's selection; empty: every revision).
RunResult<VerifyReport> verifyCommand(const ProjectSnapshot &project, const RevIndexes &revisions,
                                      const SchemaCommandOptions &options);

} // namespace retort
