#pragma once

#include "db/DbError.h"
#include "schema/Schema.h"
#include "schema/SchemaReader.h"

namespace retort {

class Connection;

// Reads an SQLite database's main schema in four queries, whatever the number of tables:
// sqlite_schema, then pragma_table_xinfo, pragma_index_list with pragma_index_xinfo, and
// pragma_foreign_key_list joined to it. Constraint names, CHECK constraints, generated columns'
// expressions, index expressions and predicates come from the CREATE statements' text
// (SqliteDdl). sqlite_* tables are left out; the automatic indexes of UNIQUE and PRIMARY KEY
// constraints are reported as those constraints.
class SqliteSchemaReader
{
public:
    explicit SqliteSchemaReader(Connection &connection, SchemaReaderOptions options = {});
    DbResult<Schema> read() const;

private:
    Connection &m_connection;
    SchemaReaderOptions m_options;
};

} // namespace retort
