#pragma once

#include "RevisionSpec.h"

// Writes generated projects to disk:
//   a native SQL project (alembic.ini + versions/<id>_rev.sql) that retort runs, and
//   an Alembic project (alembic.ini, env.py reading DATABASE_URL, versions/<id>_rev.py) whose
//   upgrade()/downgrade() op.execute() the same statements, for /usr/bin/alembic.
// Both return false with *failure set when a file cannot be written.
namespace EngineProject {

// `retortSection`: lines for a [retort] section of alembic.ini (empty: no section).
bool writeSql(const QString &dir, const RevisionSpecs &specs, const QString &retortSection, QString *failure);
// The text of one native SQL revision file, as writeSql writes it.
QString sqlFileText(const RevisionSpec &spec);
QString sqlFilePath(const QString &dir, const RevisionSpec &spec);

// `versionTable` / `versionTableSchema` are passed to context.configure() when not empty.
bool writePython(const QString &dir, const RevisionSpecs &specs, const QString &versionTable,
                 const QString &versionTableSchema, QString *failure);

} // namespace EngineProject
