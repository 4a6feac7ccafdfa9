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

// One query tells what moved since the last one: every relation and index of the user's
// schemas (to see what came and went), the relations owning a catalog row written since the
// last query's snapshot (`horizon`; age() compares transaction ids without turning each into
// text), and per relation the number of its rows in the catalogs whose rows can go without
// anything else of the relation changing (a dropped foreign key or rule, a sequence's owner).
// Scanning only for new row versions keeps it well below reading every relation's rows.
// Each ? is the horizon: a bound value, so the text stays the same and is planned once.
QString stampQuery()
{
    const QString fresh = u"age(x.xmin) <= age(CAST(? AS xid))"_s;
    const auto freshRows = [&](const QString &owner, const QString &from) -> QString {
        return u"SELECT 'f', "_s + owner + u"::bigint, '', true, 0::bigint, '' FROM "_s + from + u" AND "_s + fresh;
    };
    const auto counted = [&](const char *catalog, const QString &owner, const QString &from) -> QString {
        return u"SELECT '%1', "_s.arg(QLatin1String(catalog)) + owner + u"::bigint, '', bool_or("_s + fresh
            + u"), count(*), '' FROM "_s + from + u" GROUP BY "_s + owner;
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
    const QStringList parts{
        u"SELECT 'r', x.oid::bigint, x.relkind::text, "_s + fresh
            + u", coalesce(i.indrelid::bigint, 0), '' FROM pg_class x JOIN pg_namespace n ON n.oid = x.relnamespace "
              "LEFT JOIN pg_index i ON i.indexrelid = x.oid WHERE x.relkind IN ('r', 'p', 'v', 'm', 'S', 'i', 'I') AND "_s
            + postgresUserSchemas(),
        freshRows(u"x.attrelid"_s, u"pg_attribute x WHERE x.attrelid >= 16384"_s),
        freshRows(u"x.indrelid"_s, u"pg_index x WHERE x.indrelid >= 16384"_s),
        freshRows(u"x.seqrelid"_s, u"pg_sequence x WHERE true"_s),
        counted("d", u"x.adrelid"_s, u"pg_attrdef x WHERE x.adrelid >= 16384"_s),
        counted("k", u"x.conrelid"_s, u"pg_constraint x WHERE x.conrelid >= 16384"_s),
        counted("w", u"x.ev_class"_s, u"pg_rewrite x WHERE x.ev_class >= 16384"_s),
        counted("p", u"x.objid"_s,
                u"pg_depend x JOIN pg_class s ON s.oid = x.objid AND s.relkind = 'S' "
                "WHERE x.classid = 'pg_catalog.pg_class'::regclass AND x.objid >= 16384"_s),
        u"SELECT 'z', 0, '', EXISTS (SELECT 1 FROM pg_proc WHERE oid >= 16384), "
        "txid_snapshot_xmin(txid_current_snapshot()), concat_ws(':', "_s
            + global.join(u", "_s) + u')',
    };
    return parts.join(u" UNION ALL "_s);
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
    static const QString query = stampQuery();
    const auto error =
        forEachRow(connection, query, QVariantList(query.count(u'?'), QString::number(m_stamps.horizon)),
                   u"the catalog's version"_s, [&](const QSqlQuery &q) {
                       const QString part = q.value(0).toString();
                       const qint64 oid = q.value(1).toLongLong();
                       const bool fresh = q.value(3).toBool();
                       if (part == u"z") {
                           stamps.userFunctions = fresh;
                           // The 32-bit transaction id that age() compares.
                           stamps.horizon = quint32(quint64(q.value(4).toLongLong()) & 0xffffffffu);
                           stamps.global = q.value(5).toString();
                           return;
                       }
                       if (fresh)
                           stamps.fresh.insert(oid);
                       if (part == u"r") {
                           const QString kind = q.value(2).toString();
                           if (kind == u"i" || kind == u"I")
                               stamps.indexes.emplace(oid, q.value(4).toLongLong());
                           else
                               stamps.relations.emplace(oid, Relation{kind});
                       } else if (part != u"f") {
                           stamps.counts.emplace(std::pair{part.at(0).toLatin1(), oid}, q.value(4).toLongLong());
                       }
                   });
    if (error)
        return *error;
    return stamps;
}

QSet<qint64> PostgresSchemaTracker::movedRelations(const Stamps &now, bool *sequenceMoved) const
{
    const Stamps &old = m_stamps;
    QSet<qint64> moved;
    // A change to an index is a change to its table, as it is now or as it was.
    const auto touch = [&](qint64 oid) {
        if (const auto index = now.indexes.find(oid); index != now.indexes.end())
            oid = index->second;
        else if (const auto gone = old.indexes.find(oid); gone != old.indexes.end())
            oid = gone->second;
        if (!now.relations.contains(oid) && !old.relations.contains(oid))
            return; // a TOAST table, a composite type: nothing the schema shows on its own
        moved.insert(oid);
        const auto before = old.relations.find(oid);
        const auto after = now.relations.find(oid);
        if (before != old.relations.end() && after != now.relations.end() && before->second.kind == u"S")
            *sequenceMoved = true; // renamed, say: defaults that name it read differently
    };
    for (const auto &[oid, relation] : now.relations) {
        const auto before = old.relations.find(oid);
        if (before == old.relations.end() || before->second.kind != relation.kind)
            moved.insert(oid);
    }
    for (const auto &[oid, relation] : old.relations) {
        if (!now.relations.contains(oid))
            moved.insert(oid);
    }
    for (const auto &[index, table] : now.indexes) {
        if (const auto before = old.indexes.find(index); before == old.indexes.end() || before->second != table)
            touch(index);
    }
    for (const auto &[index, table] : old.indexes) {
        if (!now.indexes.contains(index))
            touch(index);
    }
    for (qint64 oid : now.fresh)
        touch(oid);
    for (const auto &[key, count] : now.counts) {
        if (const auto before = old.counts.find(key); before == old.counts.end() || before->second != count)
            touch(key.second);
    }
    for (const auto &[key, count] : old.counts) {
        if (!now.counts.contains(key))
            touch(key.second);
    }
    return moved;
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
    PostgresSchemaReader reader(connection, m_options);
    reader.reuseStatements(true); // a replay's shadow, read after every step

    if (!m_schema || stamps->global != m_stamps.global) {
        if (auto error = readAll(reader))
            return *error;
    } else {
        bool sequenceMoved = false;
        const QSet<qint64> movedSet = movedRelations(*stamps, &sequenceMoved);
        const QList<qint64> moved(movedSet.cbegin(), movedSet.cend());
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
