#pragma once

#include "command/DatabaseSession.h"
#include "command/SchemaCommands.h"
#include "run/RunError.h"
#include "schema/Schema.h"
#include "schema/SchemaChange.h"
#include "schema/SchemaFilter.h"

#include <QStringList>

namespace retort {

// `drift`: how the live database's schema differs from the schema its version table says it
// has. The expected schema is that of a shadow database upgraded from base to every revision
// the version table names (`upgrade A B` for several rows; the empty schema for none).
struct DriftReport
{
    QString database; // the masked URL
    QString dialect;
    QStringList databaseHeads; // the version table's rows, sorted
    QStringList ignored; // [retort] drift_ignore, as patterns
    // Expected -> live: a column someone added by hand is an add_column, one dropped by hand
    // a drop_column (SchemaDiff::between(expected, live)).
    SchemaChanges changes;

    bool drifted() const { return !changes.isEmpty(); }
};

// The schema of the session's database, read only, without Retort's tables, the version table
// and what `filter` ignores.
RunResult<Schema> liveSchema(DatabaseSession &session, const SchemaFilter &filter);

// A failure means drift could not be checked: a version row no file defines (ResolutionError,
// pointing at `retort identify`), no shadow server, a revision that does not replay.
// `options.dialect` and `options.urlOption` are ignored: the session's database decides.
RunResult<DriftReport> driftCommand(DatabaseSession &session, const SchemaCommandOptions &options);

} // namespace retort
