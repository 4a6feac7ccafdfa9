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
    // step to step and is planned once. Read once, oids are numbers and go into the text as
    // they are.
    QString oidFilter;
    QVariant oidArray;
    if (scope.tables) {
        QStringList oids;
        for (qint64 oid : *scope.tables)
            oids << QString::number(oid);
        const QString array = u'{' + oids.join(u',') + u'}';
        if (m_reuseStatements) {
            oidFilter = u" AND c.oid = ANY(CAST(? AS oid[]))"_s;
            oidArray = array;
        } else {
            oidFilter = u" AND c.oid = ANY('"_s + array + u"'::oid[])"_s;
        }
    }
    QStringList relationKinds;
    if (someTables)
        relationKinds << u"(c.relkind IN ('r', 'p')"_s + oidFilter + u')';
    if (scope.views)
        relationKinds << u"c.relkind IN ('v', 'm')"_s;

    // The relations, their columns, constraints and indexes come in one query, one round trip
    // (a replay reads them after every step), each row tagged with the part it belongs to:
    // part, relation oid, order within the relation, then that part's own values as text.
    const auto part = [](int tag, const QString &relation, const QString &order, QStringList values,
                         const QString &from) -> QString {
        while (values.size() < 10)
            values << u"NULL"_s;
        return u"SELECT %1, %2::bigint, %3::int, "_s.arg(tag).arg(relation, order) + values.join(u"::text, "_s)
            + u"::text FROM "_s + from;
    };
    QStringList parts;
    if (!relationKinds.isEmpty()) {
        parts << part(0, u"c.oid"_s, u"0"_s,
                      {u"n.nspname"_s, u"c.relname"_s, u"c.relkind"_s,
                       u"CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END"_s,
                       u"current_schema()"_s},
                      u"pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ("_s
                          + relationKinds.join(u" OR "_s) + u") AND "_s + kUserSchemas);
    }
    if (someTables) {
        parts << part(1, u"a.attrelid"_s, u"a.attnum"_s,
                      {u"a.attname"_s, u"format_type(a.atttypid, a.atttypmod)"_s, u"a.attnotnull"_s,
                       u"pg_get_expr(d.adbin, d.adrelid, true)"_s, u"a.attidentity"_s, u"a.attgenerated"_s},
                      u"pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                      "JOIN pg_namespace n ON n.oid = c.relnamespace "
                      "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                      "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND "_s
                          + kUserSchemas + oidFilter);
        const QString keyColumns =
            u"(SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(%1) WITH ORDINALITY k(num, i) "
            "JOIN pg_attribute a ON a.attrelid = %2 AND a.attnum = k.num)"_s;
        parts << part(2, u"con.conrelid"_s, u"0"_s,
                      {u"con.conname"_s, u"con.contype"_s, u"pg_get_expr(con.conbin, con.conrelid, true)"_s,
                       keyColumns.arg(u"con.conkey"_s, u"con.conrelid"_s), u"fn.nspname"_s, u"fc.relname"_s,
                       keyColumns.arg(u"con.confkey"_s, u"con.confrelid"_s), u"con.confdeltype"_s,
                       u"con.confupdtype"_s},
                      u"pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "
                      "JOIN pg_namespace n ON n.oid = c.relnamespace "
                      "LEFT JOIN pg_class fc ON fc.oid = con.confrelid "
                      "LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace "
                      "WHERE con.contype IN ('p', 'u', 'f', 'c') AND "_s
                          + kUserSchemas + oidFilter);
        // Indexes that back a primary key, unique or exclusion constraint are that constraint.
        parts << part(3, u"i.indrelid"_s, u"0"_s,
                      {u"ic.relname"_s, u"i.indisunique"_s, u"am.amname"_s,
                       u"pg_get_expr(i.indpred, i.indrelid, true)"_s,
                       u"(SELECT json_agg(pg_get_indexdef(i.indexrelid, k, true) ORDER BY k) "
                       "FROM generate_series(1, i.indnkeyatts) k)"_s,
                       u"i.indoption"_s},
                      u"pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam "
                      "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                      "WHERE c.relkind IN ('r', 'p') AND NOT EXISTS (SELECT 1 FROM pg_constraint k "
                      "WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')) "
                      "AND "_s
                          + kUserSchemas + oidFilter);
    }

    QString currentSchema;
    std::optional<DbError> error;
    // The version table and Retort's own tables, in the version table's schema; known once the
    // relations (part 0, which comes first) are all in.
    const QStringList toolTables = QStringList{m_options.versionTable.table} + m_options.retortTables;
    const auto toolSchema = [&] {
        return m_options.versionTable.schema.isEmpty() ? currentSchema : m_options.versionTable.schema;
    };
    const auto isToolTable = [&](const QString &tableSchema, const QString &name) {
        return tableSchema == toolSchema() && toolTables.contains(name);
    };
    bool relationsDone = false;
    const auto finishRelations = [&] {
        if (std::exchange(relationsDone, true))
            return;
        for (auto it = tables.begin(); it != tables.end();) {
            if (isToolTable(it->second.schema, it->second.name))
                it = tables.erase(it);
            else
                ++it;
        }
    };
    const auto tableOf = [&](const QSqlQuery &q) -> Table * {
        const auto it = tables.find(q.value(1).toLongLong());
        return it == tables.end() ? nullptr : &it->second;
    };
    // Columns 3.. hold a part's values: v(0) is column 3.
    const auto readRow = [&](const QSqlQuery &q) {
        const int tag = q.value(0).toInt();
        const auto v = [&](int i) { return text(q, 3 + i); };
        if (tag == 0) {
            currentSchema = v(4);
            const QString kind = v(2);
            if (kind == u"v" || kind == u"m") {
                QString definition = v(3).trimmed();
                if (definition.endsWith(u';'))
                    definition.chop(1);
                catalog.views.append(View{v(0), v(1), definition, kind == u"m"});
                return;
            }
            Table table;
            table.schema = v(0);
            table.name = v(1);
            tables.emplace(q.value(1).toLongLong(), table);
            return;
        }
        finishRelations();
        Table *table = tableOf(q);
        if (!table)
            return;
        if (tag == 1) {
            Column c;
            c.name = v(0);
            c.type = v(1);
            c.nullable = v(2) != u"true";
            c.position = int(table->columns.size()) + 1;
            const QString identity = v(4);
            if (identity == u"a")
                c.identity = u"always"_s;
            else if (identity == u"d")
                c.identity = u"by default"_s;
            if (v(5) == u"s") {
                c.generated = u"stored"_s;
                c.generationExpression = v(3);
            } else {
                c.defaultValue = v(3);
            }
            table->columns.append(c);
        } else if (tag == 2) {
            const QString name = v(0);
            const QString type = v(1);
            const QStringList columns = jsonStrings(v(3));
            if (type == u"p") {
                table->primaryKey = PrimaryKey{name, columns};
            } else if (type == u"u") {
                table->uniqueConstraints.append({name, columns});
            } else if (type == u"c") {
                table->checks.append({name, v(2)});
            } else {
                ForeignKey key;
                key.name = name;
                key.columns = columns;
                key.refSchema = v(4);
                key.refTable = v(5);
                key.refColumns = jsonStrings(v(6));
                key.onDelete = referentialAction(v(7));
                key.onUpdate = referentialAction(v(8));
                table->foreignKeys.append(key);
            }
        } else {
            Index index;
            index.name = v(0);
            index.unique = v(1) == u"true";
            index.method = v(2);
            index.where = v(3);
            index.columns = jsonStrings(v(4));
            // indoption per key column: bit 0 DESC, bit 1 NULLS FIRST.
            const QStringList options = v(5).split(u' ', Qt::SkipEmptyParts);
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
        }
    };
    if (!parts.isEmpty()) {
        const QString sql = parts.join(u" UNION ALL "_s) + u" ORDER BY 1, 2, 3"_s;
        const QVariantList values(sql.count(u'?'), oidArray);
        error = rows(sql, values, u"the tables"_s, readRow);
        if (error)
            return *error;
    }
    if (currentSchema.isEmpty() && m_options.versionTable.schema.isEmpty() && scope.sequences) {
        error = forEachRow(m_connection, u"SELECT current_schema()"_s, u"the current schema"_s,
                           [&](const QSqlQuery &q) { currentSchema = text(q, 0); });
        if (error)
            return *error;
    }
    finishRelations();

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
