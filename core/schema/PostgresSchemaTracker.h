#pragma once

#include "db/DbError.h"
#include "schema/PostgresSchemaReader.h"
#include "schema/Schema.h"
#include "schema/SchemaReader.h"

#include <map>
#include <optional>

namespace retort {

class Connection;

// Follows one PostgreSQL database's schema from step to step, reading again only what a step
// changed. One query stamps every relation (its pg_class row and the rows of pg_attribute,
// pg_attrdef, pg_constraint, pg_index, pg_rewrite, pg_sequence and pg_depend that belong to it:
// count and newest xmin, as CatalogStamp does for whole catalogs) and the catalogs whose
// changes can alter the text of many relations at once (namespaces, types, enum labels,
// functions). A changed global part reads everything; otherwise only the changed tables, the
// tables whose foreign keys or column types name a changed relation, the views and the
// sequences are read again. Copyable: a cloned database (CREATE DATABASE ... TEMPLATE) keeps
// its oids and row versions, so its tracker is the original's.
class PostgresSchemaTracker
{
public:
    explicit PostgresSchemaTracker(SchemaReaderOptions options = {});

    // The schema now. *changed: whether anything was read again (false: the last one stands).
    DbResult<Schema> refresh(Connection &connection, bool *changed = nullptr);
    // Whether a step of INSERT / UPDATE / DELETE statements alone leaves the schema as the last
    // refresh found it: true when the database has no functions of its own, since only a
    // function (a trigger's, or one a statement calls) can run DDL from such a statement.
    bool dataStepsKeepSchema() const { return m_schema && !m_stamps.userFunctions; }

private:
    struct Relation
    {
        QString kind; // pg_class.relkind
        QString stamp;
    };
    struct Stamps
    {
        QString global;
        bool userFunctions = true;
        std::map<qint64, Relation> relations;
    };
    std::optional<DbError> readAll(const PostgresSchemaReader &reader);
    DbResult<Stamps> readStamps(Connection &connection) const;
    // The tables to read again when `changed` relations moved: those still there, and those
    // whose foreign keys or column types name one of them as it was.
    QList<qint64> tablesToRead(const std::map<qint64, Relation> &now, const QList<qint64> &changed) const;

    SchemaReaderOptions m_options;
    Stamps m_stamps;
    PostgresCatalog m_catalog;
    std::optional<Schema> m_schema;
};

} // namespace retort
