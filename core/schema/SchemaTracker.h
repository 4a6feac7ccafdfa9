#pragma once

#include "db/DbError.h"
#include "schema/PostgresSchemaTracker.h"
#include "schema/Schema.h"
#include "schema/SchemaReader.h"

#include <optional>

namespace retort {

class Connection;

// Follows one database's schema across the steps of a replay, reading the catalog only as far
// as a step may have changed it. SQLite: again when PRAGMA schema_version moved (its tables'
// parses are memoized, see SqliteTableMemo). PostgreSQL: PostgresSchemaTracker, which reads
// again only the relations a step touched. Copyable, for a cloned database.
class SchemaTracker
{
public:
    // The schema now. *changed: false when it is the last refresh's, unread. `writes`
    // (PostgreSQL): the catalog rows written since the last refresh, when known.
    DbResult<Schema> refresh(Connection &connection, const SchemaReaderOptions &options, bool *changed = nullptr,
                             const std::optional<CatalogWrites> &writes = std::nullopt);
    // Whether a step of data statements alone (isDataStatement) leaves the schema as the last
    // refresh found it, so the refresh can be skipped.
    bool dataStepsKeepSchema() const;
    const std::optional<Schema> &last() const { return m_schema; }

private:
    std::optional<PostgresSchemaTracker> m_postgres;
    QString m_sqliteStamp;
    std::optional<Schema> m_schema;
};

} // namespace retort
