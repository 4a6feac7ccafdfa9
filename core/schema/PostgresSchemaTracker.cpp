#include "PostgresSchemaTracker.h"

#include "db/Connection.h"
#include "schema/CatalogQuery.h"

#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// "count.newest xmin" of some catalog rows: any insert, update or delete among them moves it.
QString rowsStamp(const QString &from)
{
    return u"(SELECT count(*) || '.' || coalesce(max(x.xmin::text::bigint), 0) FROM "_s + from + u')';
}

QString stampQuery()
{
    const QStringList relation{
        u"c.xmin::text"_s,
        rowsStamp(u"pg_attribute x WHERE x.attrelid = c.oid"_s),
        rowsStamp(u"pg_attrdef x WHERE x.adrelid = c.oid"_s),
        rowsStamp(u"pg_constraint x WHERE x.conrelid = c.oid"_s),
        // An index renamed changes only its own pg_class row.
        u"(SELECT count(*) || '.' || coalesce(max(greatest(x.xmin::text::bigint, ic.xmin::text::bigint)), 0) "
        "FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid WHERE x.indrelid = c.oid)"_s,
        rowsStamp(u"pg_rewrite x WHERE x.ev_class = c.oid"_s),
        u"(SELECT x.xmin::text FROM pg_sequence x WHERE x.seqrelid = c.oid)"_s,
        // A sequence's owner.
        rowsStamp(u"pg_depend x WHERE c.relkind = 'S' AND x.classid = 'pg_catalog.pg_class'::regclass "
                  "AND x.objid = c.oid"_s),
    };
    // Renaming a schema, a type or a function changes the text of everything that names it.
    // Tables' own row types (and their array types) come and go with the tables.
    const QStringList global{
        rowsStamp(u"pg_namespace x"_s),
        rowsStamp(u"pg_type x WHERE x.oid >= 16384 AND x.typrelid = 0 AND NOT EXISTS "
                  "(SELECT 1 FROM pg_type e WHERE e.oid = x.typelem AND e.typrelid <> 0)"_s),
        rowsStamp(u"pg_enum x"_s),
        rowsStamp(u"pg_proc x WHERE x.oid >= 16384"_s),
    };
    return u"SELECT c.oid::bigint, c.relkind::text, concat_ws(':', "_s + relation.join(u", "_s)
        + u"), false FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
          "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND "_s
        + postgresUserSchemas() + u" UNION ALL SELECT 0, '', concat_ws(':', "_s + global.join(u", "_s)
        + u"), EXISTS (SELECT 1 FROM pg_proc WHERE oid >= 16384)"_s;
}

bool isTable(const QString &kind)
{
    return kind == u"r" || kind == u"p";
}

// A column's type as format_type writes a relation's row type: the name, maybe schema-qualified
// and quoted, maybe an array.
QString rowTypeName(QString type)
{
    while (type.endsWith(u"[]"))
        type.chop(2);
    type.remove(u'"');
    return type;
}

} // namespace

PostgresSchemaTracker::PostgresSchemaTracker(SchemaReaderOptions options)
    : m_options(std::move(options))
{
}

DbResult<PostgresSchemaTracker::Stamps> PostgresSchemaTracker::readStamps(Connection &connection) const
{
    Stamps stamps;
    const auto error = forEachRow(connection, stampQuery(), u"the catalog's version"_s, [&](const QSqlQuery &q) {
        const qint64 oid = q.value(0).toLongLong();
        if (oid == 0) {
            stamps.global = q.value(2).toString();
            stamps.userFunctions = q.value(3).toBool();
            return;
        }
        stamps.relations.emplace(oid, Relation{q.value(1).toString(), q.value(2).toString()});
    });
    if (error)
        return *error;
    return stamps;
}

QList<qint64> PostgresSchemaTracker::tablesToRead(const std::map<qint64, Relation> &now,
                                                  const QList<qint64> &changed) const
{
    QSet<qint64> read;
    QSet<QString> oldNames; // "schema.name" and "name" of the changed tables as they were
    for (qint64 oid : changed) {
        const auto current = now.find(oid);
        if (current != now.end() && isTable(current->second.kind))
            read.insert(oid);
        const auto old = m_catalog.tables.find(oid);
        if (old != m_catalog.tables.end()) {
            oldNames.insert(old->second.schema + u'.' + old->second.name);
            oldNames.insert(old->second.name);
        }
    }
    if (!oldNames.isEmpty()) {
        for (const auto &[oid, table] : m_catalog.tables) {
            if (read.contains(oid) || !now.contains(oid))
                continue;
            bool names = false;
            for (const ForeignKey &key : table.foreignKeys)
                names = names || oldNames.contains(key.refSchema + u'.' + key.refTable);
            for (const Column &column : table.columns)
                names = names || oldNames.contains(rowTypeName(column.type));
            if (names)
                read.insert(oid);
        }
    }
    return QList<qint64>(read.cbegin(), read.cend());
}

std::optional<DbError> PostgresSchemaTracker::readAll(const PostgresSchemaReader &reader)
{
    DbResult<PostgresCatalog> catalog = reader.read(PostgresReadScope{});
    if (!catalog)
        return catalog.error();
    m_catalog = std::move(catalog).value();
    for (auto &[oid, table] : m_catalog.tables)
        canonicalize(table);
    return std::nullopt;
}

DbResult<Schema> PostgresSchemaTracker::refresh(Connection &connection, bool *changed)
{
    if (changed)
        *changed = true;
    DbResult<Stamps> stamps = readStamps(connection);
    if (!stamps)
        return stamps.error();
    const PostgresSchemaReader reader(connection, m_options);

    if (!m_schema || stamps->global != m_stamps.global) {
        if (auto error = readAll(reader))
            return *error;
    } else {
        QList<qint64> moved;
        bool sequenceMoved = false; // renamed, say: defaults that name it read differently
        for (const auto &[oid, relation] : stamps->relations) {
            const auto old = m_stamps.relations.find(oid);
            if (old == m_stamps.relations.end()) {
                moved.append(oid);
            } else if (old->second.stamp != relation.stamp || old->second.kind != relation.kind) {
                moved.append(oid);
                sequenceMoved = sequenceMoved || relation.kind == u"S";
            }
        }
        for (const auto &[oid, relation] : m_stamps.relations) {
            if (!stamps->relations.contains(oid))
                moved.append(oid);
        }
        if (moved.isEmpty()) {
            m_stamps = std::move(stamps).value();
            if (changed)
                *changed = false;
            return *m_schema;
        }
        if (sequenceMoved) {
            if (auto error = readAll(reader))
                return *error;
        } else {
            const QList<qint64> tables = tablesToRead(stamps->relations, moved);
            // Views print the names of what they read and sequences the column that owns
            // them, so any change may alter them; without any, they need no read.
            const auto hasKind = [&](const QString &kind) {
                const auto of = [&](const auto &relations) {
                    return std::any_of(relations.cbegin(), relations.cend(),
                                       [&](const auto &entry) { return kind.contains(entry.second.kind); });
                };
                return of(stamps->relations) || of(m_stamps.relations);
            };
            const PostgresReadScope scope{tables, hasKind(u"vm"_s), hasKind(u"S"_s), false};
            DbResult<PostgresCatalog> part = reader.read(scope);
            if (!part)
                return part.error();
            for (qint64 oid : moved)
                m_catalog.tables.erase(oid);
            for (qint64 oid : tables)
                m_catalog.tables.erase(oid);
            PostgresCatalog read = std::move(part).value();
            for (auto &[oid, table] : read.tables) {
                canonicalize(table);
                m_catalog.tables.insert_or_assign(oid, std::move(table));
            }
            if (scope.views)
                m_catalog.views = std::move(read.views);
            if (scope.sequences)
                m_catalog.sequences = std::move(read.sequences);
        }
    }
    m_stamps = std::move(stamps).value();
    Schema schema = toSchema(m_catalog);
    schema.dialect = connection.dialect().name();
    if (changed && m_schema)
        *changed = schema != *m_schema;
    m_schema = std::move(schema);
    return *m_schema;
}

} // namespace retort
