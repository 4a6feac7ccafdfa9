#include "SchemaTracker.h"

#include "db/Connection.h"
#include "schema/CatalogStamp.h"

namespace retort {

DbResult<Schema> SchemaTracker::refresh(Connection &connection, const SchemaReaderOptions &options, bool *changed,
                                        const std::optional<CatalogWrites> &writes)
{
    if (changed)
        *changed = true;
    if (connection.dialect().kind() == SqlDialect::PostgreSql) {
        if (!m_postgres)
            m_postgres.emplace(options);
        DbResult<Schema> schema = m_postgres->refresh(connection, changed, writes);
        if (schema)
            m_schema = *schema;
        else
            m_schema.reset();
        return schema;
    }
    // A stamp that cannot be read only costs the shortcut.
    const DbResult<QString> stamp = catalogStamp(connection);
    if (stamp && m_schema && *stamp == m_sqliteStamp) {
        if (changed)
            *changed = false;
        return *m_schema;
    }
    DbResult<Schema> schema = readSchema(connection, options);
    if (schema && stamp) {
        m_sqliteStamp = *stamp;
        m_schema = *schema;
    } else {
        m_schema.reset();
    }
    return schema;
}

bool SchemaTracker::dataStepsKeepSchema() const
{
    if (!m_schema)
        return false;
    // SQLite's triggers run data statements only, and a shadow connection defines no functions.
    return !m_postgres || m_postgres->dataStepsKeepSchema();
}

} // namespace retort
