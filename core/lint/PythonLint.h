#pragma once

#include "LintFinding.h"
#include "db/SqlDialect.h"
#include "script/SqlScript.h"

#include <QByteArray>
#include <QList>
#include <QSet>

namespace retort {

// What a static read of a Python revision's function finds: its op.* calls, and whether the
// body does anything at all (for the history rules).
struct PythonFunctionLint
{
    bool present = false; // the file defines the function
    bool empty = true; // only pass, ..., a docstring and comments
    int line = 0; // the def line
    int calls = 0; // op.* / batch_op.* calls in it
    QSet<QString> ignored; // rules a "# retort: ignore" names anywhere in it
    LintFindings findings;
};

// Lints upgrade() or downgrade() of a Python revision without running it: op.drop_table,
// op.drop_column, op.alter_column(type_=, nullable=, new_column_name=), op.create_index /
// op.drop_index without postgresql_concurrently=True (or with it outside an autocommit_block),
// op.add_column of a NOT NULL column without server_default, constraints, renames,
// op.execute("SQL") linted as SQL, and the same operations on a batch_alter_table's batch_op
// (which on SQLite rebuild the table, so SQLite's ALTER limits do not apply there).
// `# retort: ignore RULE` on the call's line or on the comment lines right above it silences it.
// dialects: the project's (empty: both).
PythonFunctionLint lintPythonFunction(const QByteArray &source, SqlDirection direction,
                                      const QList<SqlDialect> &dialects, int postgresVersion);

} // namespace retort
