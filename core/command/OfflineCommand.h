#pragma once

#include "command/ProjectSnapshot.h"
#include "graph/MigrationRequest.h"
#include "run/RunError.h"

#include <QProcessEnvironment>
#include <variant>

namespace retort {

// `upgrade/downgrade/stamp --sql`: the SQL a run would execute, without a database. The target
// may be a range "start:end" (upgrade without a start begins at base; downgrade needs one), as in
// Alembic's offline mode. Native SQL projects are rendered here; Python revisions by the
// project's own Alembic command. The URL is still needed, for its dialect.
RunResult<QString> offlineSqlCommand(const ProjectSnapshot &project, const QString &urlOption,
                                     const QProcessEnvironment &environment, const QString &workingDirectory,
                                     const MigrationRequest &request);

} // namespace retort
