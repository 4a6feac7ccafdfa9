#pragma once

#include "db/DbError.h"
#include "schema/Schema.h"
#include "schema/SchemaReader.h"

namespace retort {

class Connection;

// Reads a PostgreSQL database's schemas from pg_catalog in six queries, whatever the number of
// tables: relations (tables, partitioned tables, views, materialized views), columns,
// constraints, indexes, sequences and enum types. pg_catalog, information_schema, pg_toast* and
// pg_temp* are left out. Expressions, defaults, predicates and view queries are the server's own
// text (pg_get_expr, pg_get_indexdef, pg_get_viewdef), canonical for one server version.
class PostgresSchemaReader
{
public:
    explicit PostgresSchemaReader(Connection &connection, SchemaReaderOptions options = {});
    DbResult<Schema> read() const;

private:
    Connection &m_connection;
    SchemaReaderOptions m_options;
};

} // namespace retort
