#pragma once

#include "db/DbError.h"
#include "schema/Schema.h"
#include "schema/SchemaReader.h"

#include <QVariantList>

#include <functional>
#include <map>
#include <optional>

class QSqlQuery;

namespace retort {

class Connection;

// What part of the catalog a read covers, so a tracker can re-read only what a step changed.
struct PostgresReadScope
{
    std::optional<QList<qint64>> tables; // these tables only, by pg_class oid; nullopt: every table
    bool views = true;
    bool sequences = true;
    bool enums = true;
};

// One read of the catalog, tables by pg_class oid, before canonicalize().
struct PostgresCatalog
{
    std::map<qint64, Table> tables;
    QList<View> views;
    QList<Sequence> sequences;
    QList<EnumType> enums;
};

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
    DbResult<PostgresCatalog> read(const PostgresReadScope &scope) const;
    // Prepare each catalog query once on the connection and run it again with new values, for a
    // database read after every step (a replay's shadow): planning them costs as much as running
    // them. Off for the user's databases, where a pooler in transaction mode would lose them.
    void reuseStatements(bool reuse) { m_reuseStatements = reuse; }

private:
    std::optional<DbError> rows(const QString &sql, const QVariantList &values, const QString &what,
                                const std::function<void(const QSqlQuery &)> &row) const;

    Connection &m_connection;
    SchemaReaderOptions m_options;
    bool m_reuseStatements = false;
};

// The namespaces that hold the application's objects, as a condition on `n.nspname`.
QString postgresUserSchemas();

// The canonical schema of a full catalog read.
Schema toSchema(const PostgresCatalog &catalog);

} // namespace retort
