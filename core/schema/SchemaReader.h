#pragma once

#include "db/DbError.h"
#include "db/VersionTable.h"
#include "schema/Schema.h"

#include <QString>
#include <QStringList>

namespace retort {

class Connection;

// What a reader leaves out besides the database's own catalog: the project's version table
// and Retort's own tables (the journal), which belong to the tool, not to the application.
struct SchemaReaderOptions
{
    // The version table's name and schema (alembic_version by default; a project's
    // version_table and version_table_schema). An empty schema: PostgreSQL's current schema,
    // SQLite's main database.
    VersionTable::Options versionTable;
    // Retort's tables, in the version table's schema: the journal (RetortSettings::journalTable,
    // retort_journal by default).
    QStringList retortTables{QStringLiteral("retort_journal")};
};

// Reads the schema of an open connection through the reader for its dialect. The result is
// canonical (canonicalize()); a failing catalog query is a SchemaReadFailed error naming it.
DbResult<Schema> readSchema(Connection &connection, const SchemaReaderOptions &options = {});

} // namespace retort
