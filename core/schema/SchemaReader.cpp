#include "SchemaReader.h"

#include "db/Connection.h"
#include "schema/PostgresSchemaReader.h"
#include "schema/SqliteSchemaReader.h"

namespace retort {

DbResult<Schema> readSchema(Connection &connection, const SchemaReaderOptions &options)
{
    switch (connection.dialect().kind()) {
    case SqlDialect::Sqlite:
        return SqliteSchemaReader(connection, options).read();
    case SqlDialect::PostgreSql:
        return PostgresSchemaReader(connection, options).read();
    }
    return SqliteSchemaReader(connection, options).read();
}

} // namespace retort
