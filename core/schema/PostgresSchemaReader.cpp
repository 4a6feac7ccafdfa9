#include "PostgresSchemaReader.h"

#include "db/Connection.h"
#include "schema/CatalogQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

namespace retort {

const QString kUserSchemas = postgresUserSchemas();

namespace {

// A json_agg(...)::text column as a list.
QStringList jsonStrings(const QVariant &value)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

QString referentialAction(const QString &code)
{
    if (code == u"r")
        return u"RESTRICT"_s;
    if (code == u"c")
        return u"CASCADE"_s;
    if (code == u"n")
        return u"SET NULL"_s;
    if (code == u"d")
        return u"SET DEFAULT"_s;
    return u"NO ACTION"_s; // 'a'
}

QString text(const QSqlQuery &q, int column)
{
    return q.value(column).isNull() ? QString() : q.value(column).toString();
}

} // namespace

QString postgresUserSchemas()
{
    return u"n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp)'"_s;
}

PostgresSchemaReader::PostgresSchemaReader(Connection &connection, SchemaReaderOptions options)
    : m_connection(connection)
    , m_options(std::move(options))
{
}

DbResult<Schema> PostgresSchemaReader::read() const
{
    DbResult<PostgresCatalog> catalog = read(PostgresReadScope{});
    if (!catalog)
        return catalog.error();
    Schema schema = toSchema(*catalog);
    schema.dialect = m_connection.dialect().name();
    return schema;
}

Schema toSchema(const PostgresCatalog &catalog)
{
    Schema schema;
    schema.dialect = QStringLiteral("postgresql");
    // In name order already, so canonicalize() need not move whole tables about.
    std::vector<const Table *> byName;
    byName.reserve(catalog.tables.size());
    for (const auto &[oid, table] : catalog.tables)
        byName.push_back(&table);
    std::sort(byName.begin(), byName.end(), [](const Table *a, const Table *b) {
        return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
    });
    schema.tables.reserve(qsizetype(byName.size()));
    for (const Table *table : byName)
        schema.tables.append(*table);
    schema.views = catalog.views;
    schema.sequences = catalog.sequences;
    schema.enums = catalog.enums;
    canonicalize(schema);
    return schema;
}

std::optional<DbError> PostgresSchemaReader::rows(const QString &sql, const QVariantList &values, const QString &what,
                                                  const std::function<void(const QSqlQuery &)> &row) const
{
    return m_reuseStatements ? forEachRow(m_connection, sql, values, what, row)
                             : forEachRow(m_connection, sql, what, row);
}

DbResult<PostgresCatalog> PostgresSchemaReader::read(const PostgresReadScope &scope) const
{
    PostgresCatalog catalog;
    std::map<qint64, Table> &tables = catalog.tables;
    const bool someTables = !scope.tables || !scope.tables->isEmpty();
    // Reused statements take the tables as one bound array, so the text stays the same from
    // step to step and is planned once. Read once, oids are numbers and go into the text as they are.
    QString oidFilter;
    QVariantList oidValues;
    if (scope.tables) {
        QStringList oids;
        for (qint64 oid : *scope.tables)
            oids << QString::number(oid);
        const QString array = u'{' + oids.join(u',') + u'}';
        if (m_reuseStatements) {
            oidFilter = u" AND c.oid = ANY(CAST(? AS oid[]))"_s;
            oidValues << QVariant(array);
        } else {
            oidFilter = u" AND c.oid = ANY('"_s + array + u"'::oid[])"_s;
        }
    }
    QStringList relationKinds;
    if (someTables)
        relationKinds << u"(c.relkind IN ('r', 'p')"_s + oidFilter + u')';
    if (scope.views)
        relationKinds << u"c.relkind IN ('v', 'm')"_s;

    QString currentSchema;
    std::optional<DbError> error;
    if (!relationKinds.isEmpty()) {
        error = rows(
            u"SELECT c.oid::bigint, n.nspname, c.relname, c.relkind::text, "
            "CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END, current_schema() "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ("_s
                + relationKinds.join(u" OR "_s) + u") AND "_s + kUserSchemas,
            someTables ? oidValues : QVariantList{}, u"the tables"_s, [&](const QSqlQuery &q) {
                currentSchema = text(q, 5);
                const QString kind = q.value(3).toString();
                if (kind == u"v" || kind == u"m") {
                    QString definition = text(q, 4).trimmed();
                    if (definition.endsWith(u';'))
                        definition.chop(1);
                    catalog.views.append(View{q.value(1).toString(), q.value(2).toString(), definition, kind == u"m"});
                    return;
                }
                Table table;
                table.schema = q.value(1).toString();
                table.name = q.value(2).toString();
                tables.emplace(q.value(0).toLongLong(), table);
            });
        if (error)
            return *error;
    }
    if (currentSchema.isEmpty() && m_options.versionTable.schema.isEmpty() && scope.sequences) {
        error = forEachRow(m_connection, u"SELECT current_schema()"_s, u"the current schema"_s,
                           [&](const QSqlQuery &q) { currentSchema = text(q, 0); });
        if (error)
            return *error;
    }
    // The version table and Retort's own tables, in the version table's schema.
    const QString toolSchema = m_options.versionTable.schema.isEmpty() ? currentSchema : m_options.versionTable.schema;
    const QStringList toolTables = QStringList{m_options.versionTable.table} + m_options.retortTables;
    const auto isToolTable = [&](const QString &tableSchema, const QString &name) {
        return tableSchema == toolSchema && toolTables.contains(name);
    };
    for (auto it = tables.begin(); it != tables.end();) {
        if (isToolTable(it->second.schema, it->second.name))
            it = tables.erase(it);
        else
            ++it;
    }
    const auto tableOf = [&](const QSqlQuery &q) -> Table * {
        const auto it = tables.find(q.value(0).toLongLong());
        return it == tables.end() ? nullptr : &it->second;
    };

    if (someTables) {
        error = rows(u"SELECT a.attrelid::bigint, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                     "pg_get_expr(d.adbin, d.adrelid, true), a.attidentity::text, a.attgenerated::text "
                     "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                     "JOIN pg_namespace n ON n.oid = c.relnamespace "
                     "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                     "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND "_s
                         + kUserSchemas + oidFilter + u" ORDER BY a.attrelid, a.attnum"_s,
                     oidValues, u"the columns"_s, [&](const QSqlQuery &q) {
                         Table *table = tableOf(q);
                         if (!table)
                             return;
                         Column c;
                         c.name = q.value(1).toString();
                         c.type = q.value(2).toString();
                         c.nullable = !q.value(3).toBool();
                         c.position = int(table->columns.size()) + 1;
                         const QString identity = text(q, 5);
                         if (identity == u"a")
                             c.identity = u"always"_s;
                         else if (identity == u"d")
                             c.identity = u"by default"_s;
                         if (text(q, 6) == u"s") {
                             c.generated = u"stored"_s;
                             c.generationExpression = text(q, 4);
                         } else {
                             c.defaultValue = text(q, 4);
                         }
                         table->columns.append(c);
                     });
        if (error)
            return *error;

        const QString keyColumns =
            u"(SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(%1) WITH ORDINALITY k(num, i) "
            "JOIN pg_attribute a ON a.attrelid = %2 AND a.attnum = k.num)::text"_s;
        error = rows(
            u"SELECT con.conrelid::bigint, con.conname, con.contype::text, pg_get_expr(con.conbin, con.conrelid, true), "_s
                + keyColumns.arg(u"con.conkey"_s, u"con.conrelid"_s) + u", fn.nspname, fc.relname, "_s
                + keyColumns.arg(u"con.confkey"_s, u"con.confrelid"_s)
                + u", con.confdeltype::text, con.confupdtype::text "
                  "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "
                  "JOIN pg_namespace n ON n.oid = c.relnamespace "
                  "LEFT JOIN pg_class fc ON fc.oid = con.confrelid "
                  "LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace "
                  "WHERE con.contype IN ('p', 'u', 'f', 'c') AND "_s
                + kUserSchemas + oidFilter,
            oidValues, u"the constraints"_s, [&](const QSqlQuery &q) {
                Table *table = tableOf(q);
                if (!table)
                    return;
                const QString name = q.value(1).toString();
                const QString type = q.value(2).toString();
                const QStringList columns = jsonStrings(q.value(4));
                if (type == u"p") {
                    table->primaryKey = PrimaryKey{name, columns};
                } else if (type == u"u") {
                    table->uniqueConstraints.append({name, columns});
                } else if (type == u"c") {
                    table->checks.append({name, text(q, 3)});
                } else {
                    ForeignKey key;
                    key.name = name;
                    key.columns = columns;
                    key.refSchema = text(q, 5);
                    key.refTable = text(q, 6);
                    key.refColumns = jsonStrings(q.value(7));
                    key.onDelete = referentialAction(text(q, 8));
                    key.onUpdate = referentialAction(text(q, 9));
                    table->foreignKeys.append(key);
                }
            });
        if (error)
            return *error;

        // Indexes that back a primary key, unique or exclusion constraint are that constraint.
        error =
            rows(u"SELECT i.indrelid::bigint, ic.relname, i.indisunique, am.amname, pg_get_expr(i.indpred, i.indrelid, "
                 u"true), "
                 "(SELECT json_agg(pg_get_indexdef(i.indexrelid, k, true) ORDER BY k) "
                 "FROM generate_series(1, i.indnkeyatts) k)::text, i.indoption::text "
                 "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam "
                 "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                 "WHERE c.relkind IN ('r', 'p') AND NOT EXISTS (SELECT 1 FROM pg_constraint k "
                 "WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')) AND "_s
                     + kUserSchemas + oidFilter,
                 oidValues, u"the indexes"_s, [&](const QSqlQuery &q) {
                     Table *table = tableOf(q);
                     if (!table)
                         return;
                     Index index;
                     index.name = q.value(1).toString();
                     index.unique = q.value(2).toBool();
                     index.method = q.value(3).toString();
                     index.where = text(q, 4);
                     index.columns = jsonStrings(q.value(5));
                     // indoption per key column: bit 0 DESC, bit 1 NULLS FIRST.
                     const QStringList options = q.value(6).toString().split(u' ', Qt::SkipEmptyParts);
                     for (qsizetype k = 0; k < index.columns.size() && k < options.size(); ++k) {
                         const int option = options.at(k).toInt();
                         const bool descending = option & 1;
                         const bool nullsFirst = option & 2;
                         if (descending)
                             index.columns[k] += nullsFirst ? u" DESC"_s : u" DESC NULLS LAST"_s;
                         else if (nullsFirst)
                             index.columns[k] += u" NULLS FIRST"_s;
                     }
                     table->indexes.append(index);
                 });
        if (error)
            return *error;
    }

    if (scope.sequences) {
        error =
            rows(u"SELECT s.schemaname, s.sequencename, s.data_type::text, s.start_value, s.increment_by, s.min_value, "
                 "s.max_value, s.cycle, tn.nspname, t.relname, a.attname "
                 "FROM pg_sequences s JOIN pg_namespace n ON n.nspname = s.schemaname "
                 "JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.sequencename "
                 "LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid "
                 "AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') "
                 "LEFT JOIN pg_class t ON t.oid = d.refobjid LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace "
                 "LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid WHERE "_s
                     + kUserSchemas,
                 {}, u"the sequences"_s, [&](const QSqlQuery &q) {
                     const QString ownerSchema = text(q, 8);
                     const QString ownerTable = text(q, 9);
                     if (!ownerTable.isEmpty() && isToolTable(ownerSchema, ownerTable))
                         return;
                     Sequence s;
                     s.schema = q.value(0).toString();
                     s.name = q.value(1).toString();
                     s.dataType = q.value(2).toString();
                     s.start = q.value(3).toLongLong();
                     s.increment = q.value(4).toLongLong();
                     s.minValue = q.value(5).toLongLong();
                     s.maxValue = q.value(6).toLongLong();
                     s.cycle = q.value(7).toBool();
                     if (!ownerTable.isEmpty())
                         s.ownedBy = ownerSchema + u'.' + ownerTable + u'.' + text(q, 10);
                     catalog.sequences.append(s);
                 });
        if (error)
            return *error;
    }

    if (scope.enums) {
        error = forEachRow(
            m_connection,
            u"SELECT n.nspname, t.typname, COALESCE(json_agg(e.enumlabel ORDER BY e.enumsortorder) "
            "FILTER (WHERE e.enumlabel IS NOT NULL), '[]')::text "
            "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
            "LEFT JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typtype = 'e' AND "_s
                + kUserSchemas + u" GROUP BY n.nspname, t.typname"_s,
            u"the enum types"_s, [&](const QSqlQuery &q) {
                catalog.enums.append({q.value(0).toString(), q.value(1).toString(), jsonStrings(q.value(2))});
            });
        if (error)
            return *error;
    }
    return catalog;
}

} // namespace retort
