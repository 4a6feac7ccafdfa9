#pragma once

#include "db/DbError.h"
#include "schema/CatalogWrites.h"
#include "schema/PostgresSchemaReader.h"
#include "schema/Schema.h"
#include "schema/SchemaReader.h"

#include <QSet>

#include <map>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

namespace retort {

class Connection;

// Follows one PostgreSQL database's schema from step to step, reading again only what a step
// changed. One query finds the relations a step touched: those that came or went (indexes
// count for their tables), those owning a row of pg_class, pg_attribute, pg_attrdef,
// pg_constraint, pg_index, pg_rewrite, pg_sequence or pg_depend written since the previous
// query's snapshot, and those that lost a row of the catalogs whose rows can be deleted alone
// (defaults, constraints, rules, a sequence's owner). Usually it lists only the new rows; when
// row counts show that some went, a second lists every row (see stampQuery). It also stamps
// the catalogs whose changes can alter the text of many relations at once (namespaces, types,
// enum labels, functions). A changed global part reads everything; otherwise only the changed
// tables, the tables whose foreign keys or column types name a changed relation, the views and
// the sequences are read again. Told how many rows of each catalog the steps since the last
// refresh wrote (CatalogWrites), the query leaves out the catalogs they did not change, and
// the row counts when no row went. Copyable: a cloned database (CREATE DATABASE ... TEMPLATE)
// keeps its oids and row versions, so its tracker is the original's.
class PostgresSchemaTracker
{
public:
    explicit PostgresSchemaTracker(SchemaReaderOptions options = {});

    // The schema now. *changed: whether anything was read again (false: the last one stands).
    // `writes`: the catalog rows written since the last refresh, when known, so the stamp
    // leaves out the catalogs that cannot have moved.
    DbResult<Schema> refresh(Connection &connection, bool *changed = nullptr,
                             const std::optional<CatalogWrites> &writes = std::nullopt);
    // Whether a step of INSERT / UPDATE / DELETE statements alone leaves the schema as the last
    // refresh found it: true when the database has no functions of its own, since only a
    // function (a trigger's, or one a statement calls) can run DDL from such a statement.
    bool dataStepsKeepSchema() const { return m_schema && !m_stamps.userFunctions; }

private:
    struct Relation
    {
        QString kind; // pg_class.relkind
    };
    struct Stamps
    {
        QStringList global; // a stamp each of namespaces, types, enum labels and functions
        bool userFunctions = true;
        // Rows written by transactions from this id on are new to the next query; 0 (invalid,
        // which age() puts furthest back) makes every row new.
        quint32 horizon = 0;
        std::map<qint64, Relation> relations; // tables, views, sequences
        std::map<qint64, qint64> indexes; // index -> its table
        // Rows of the catalogs whose rows can go alone: catalog -> row key -> owning relation.
        std::map<char, std::map<QString, qint64>> rows;
        QSet<qint64> fresh; // relations and indexes with rows written since the last horizon
    };
    // The rows a light stamp query returned: those written since the last stamps, which they
    // go over.
    struct FreshRows
    {
        std::vector<std::pair<qint64, Relation>> relations;
        std::vector<std::pair<qint64, qint64>> indexes; // index -> its table
        std::vector<std::tuple<char, QString, qint64>> rows; // catalog, row key, owning relation
    };
    struct StampRead
    {
        // Full form: all of it. Light form: all but the relations, indexes and rows, which are
        // the last stamps' with `fresh` over them.
        Stamps stamps;
        std::optional<FreshRows> fresh;
    };
    std::optional<DbError> readAll(const PostgresSchemaReader &reader);
    // light: only what was written since the last stamps, which it builds on (see stampQuery),
    // and of that only `parts`; it falls back to the full form by itself when rows went.
    DbResult<StampRead> readStamps(Connection &connection, bool light, unsigned parts) const;
    // What moved between the last stamps and `now`; *sequenceMoved when a sequence that is in
    // both changed.
    QSet<qint64> movedRelations(const Stamps &now, bool *sequenceMoved) const;
    // The same from a light form's rows alone, which only add and change (nothing went): the
    // work is that of the new rows, not of the whole catalog.
    QSet<qint64> movedRelations(const FreshRows &fresh, const QSet<qint64> &owners, bool *sequenceMoved) const;
    // Makes `read` the last stamps.
    void take(StampRead read);
    // The tables to read again when `changed` relations moved: those still there, and those
    // whose foreign keys or column types name one of them as it was.
    QList<qint64> tablesToRead(const std::map<qint64, Relation> &now, const QList<qint64> &changed) const;
    // Puts what a scoped read found in place of the tables `out` (read again or gone), in the
    // catalog and in the last schema, without rebuilding the rest. Whether the schema changed.
    bool replaceTables(const QList<qint64> &out, PostgresCatalog read, const PostgresReadScope &scope);

    SchemaReaderOptions m_options;
    Stamps m_stamps;
    PostgresCatalog m_catalog;
    std::optional<Schema> m_schema;
};

} // namespace retort
