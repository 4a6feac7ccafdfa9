#include "CatalogStamp.h"

#include "db/Connection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace retort {

namespace {

// Every catalog PostgresSchemaReader reads, restricted where an index allows to the objects of
// the database's own (oids from FirstNormalObjectId, 16384, on) so the scans stay small; the
// built-in rows never change in a replay. pg_depend: sequence ownership.
const char *const PostgresCatalogs[][2] = {
    {"pg_namespace", ""},
    {"pg_class", "oid >= 16384"},
    {"pg_attribute", "attrelid >= 16384"},
    {"pg_attrdef", "oid >= 16384"},
    {"pg_constraint", "oid >= 16384"},
    {"pg_index", "indexrelid >= 16384"},
    {"pg_rewrite", "oid >= 16384"},
    {"pg_type", "oid >= 16384"},
    {"pg_enum", ""},
    {"pg_sequence", ""},
    {"pg_depend", "classid = 'pg_catalog.pg_class'::regclass AND objid >= 16384"},
};

QString postgresQuery()
{
    QStringList parts;
    for (const auto &[catalog, where] : PostgresCatalogs)
        parts << QStringLiteral("(SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM pg_catalog.%1%2)")
                     .arg(QLatin1String(catalog),
                          *where ? QStringLiteral(" WHERE ") + QLatin1String(where) : QString());
    return QStringLiteral("SELECT concat_ws(',', %1)").arg(parts.join(QStringLiteral(", ")));
}

} // namespace

DbResult<QString> catalogStamp(Connection &connection)
{
    const bool sqlite = connection.dialect().kind() == SqlDialect::Sqlite;
    QSqlQuery query(connection.database());
    if (!query.exec(sqlite ? QStringLiteral("PRAGMA schema_version") : postgresQuery()) || !query.next())
        return connection.error(ErrorKind::SchemaReadFailed, QStringLiteral("Could not read the catalog's version"),
                                query.lastError());
    return query.value(0).toString();
}

} // namespace retort
