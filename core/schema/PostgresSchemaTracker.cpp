#include "PostgresSchemaTracker.h"

#include "db/Connection.h"
#include "schema/CatalogQuery.h"

#include <QHash>
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

// The parts of the stamp query past the relations themselves, each to leave out when the
// catalog rows a step wrote (CatalogWrites) show it cannot have moved.
enum StampPart : unsigned {
    AttributeOwners = 1u << 0, // relations owning a new row of pg_attribute
    IndexOwners = 1u << 1, // ... of pg_index
    SequenceOwners = 1u << 2, // ... of pg_sequence
    Defaults = 1u << 3, // rows of pg_attrdef
    Constraints = 1u << 4, // ... of pg_constraint
    Rules = 1u << 5, // ... of pg_rewrite
    SequenceDeps = 1u << 6, // ... of pg_depend saying which column owns a sequence
    // The stamps of the catalogs whose changes can alter the text of many relations at once.
    Namespaces = 1u << 7,
    Types = 1u << 8,
    NewTypes = 1u << 9, // the types' stamp only if a type other than a relation's is new
    EnumLabels = 1u << 10,
    Functions = 1u << 11,
    Totals = 1u << 12, // row counts, to see whether rows went (light form only)
    AllParts = ((1u << 13) - 1) & ~NewTypes,
};

// What moved since the last stamp, in one of two forms. The full form lists every relation and
// index of the user's schemas and every row of the catalogs whose rows can go without anything
// else of their relation changing (constraints, defaults, rules, a sequence's owner), so what
// came and went shows. The light form lists only rows written since the last query's snapshot
// (the horizon; age() compares transaction ids without turning each into text) and how many
// rows each of those catalogs holds: when the counts add up, nothing went, and the few new rows
// say everything. Both add the relations owning a new row of pg_attribute, pg_index or
// pg_sequence. `parts` leaves out what cannot have moved (see partsFor). Each ? is the horizon,
// bound, so each text is planned once.
QString stampQuery(bool light, unsigned parts)
{
    const QString fresh = u"age(x.xmin) <= age(CAST(? AS xid))"_s;
    const QString onlyFresh = light ? u" AND "_s + fresh : QString();
    const auto freshOwners = [&](const QString &owner, const QString &from) -> QString {
        return u"SELECT 'f', "_s + owner + u"::bigint, '', true, 0::bigint, '' FROM "_s + from + u" AND "_s + fresh;
    };
    // Rows keyed so the same row is known again: its oid, or for pg_depend what it points at.
    const auto keyed = [&](const char *catalog, const QString &owner, const QString &key,
                           const QString &from) -> QString {
        return u"SELECT '%1', "_s.arg(QLatin1String(catalog)) + owner + u"::bigint, '', "_s + fresh + u", 0::bigint, "_s
            + key + u"::text FROM "_s + from + onlyFresh;
    };
    const QString relations = u"pg_class x JOIN pg_namespace n ON n.oid = x.relnamespace "
                              "WHERE x.relkind IN ('r', 'p', 'v', 'm', 'S', 'i', 'I') AND "_s
        + postgresUserSchemas();
    const QString constraints = u"pg_constraint x WHERE x.conrelid >= 16384"_s;
    const QString defaults = u"pg_attrdef x WHERE x.adrelid >= 16384"_s;
    const QString rules = u"pg_rewrite x WHERE x.ev_class >= 16384"_s;
    const QString owners = u"pg_depend x JOIN pg_class s ON s.oid = x.objid AND s.relkind = 'S' "
                           "WHERE x.classid = 'pg_catalog.pg_class'::regclass AND x.objid >= 16384"_s;
    // Renaming a schema, a type or a function changes the text of everything that names it.
    // Tables' own row types (and their array types) come and go with the tables. Each stamp
    // left out is '', and the last one stands.
    const QString types = u"pg_type x WHERE x.oid >= 16384 AND x.typrelid = 0 AND NOT EXISTS "
                          "(SELECT 1 FROM pg_type e WHERE e.oid = x.typelem AND e.typrelid <> 0)"_s;
    QString typesStamp = u"''"_s;
    if (parts & Types)
        typesStamp = rowsStamp(types);
    else if (parts & NewTypes) // only inserts: the stamp moves only if such a type is new
        typesStamp = u"CASE WHEN EXISTS (SELECT 1 FROM "_s + types + u" AND "_s + fresh + u") THEN "_s
            + rowsStamp(types) + u" ELSE '' END"_s;
    const QStringList global{
        parts & Namespaces ? rowsStamp(u"pg_namespace x"_s) : u"''"_s,
        typesStamp,
        parts & EnumLabels ? rowsStamp(u"pg_enum x"_s) : u"''"_s,
        parts & Functions ? rowsStamp(u"pg_proc x WHERE x.oid >= 16384"_s) : u"''"_s,
    };
    QStringList texts{
        u"SELECT 'r', x.oid::bigint, x.relkind::text, "_s + fresh
            + u", coalesce(i.indrelid::bigint, 0), '' FROM pg_class x JOIN pg_namespace n ON n.oid = x.relnamespace "
              "LEFT JOIN pg_index i ON i.indexrelid = x.oid WHERE x.relkind IN ('r', 'p', 'v', 'm', 'S', 'i', 'I') AND "_s
            + postgresUserSchemas() + onlyFresh,
    };
    if (parts & AttributeOwners)
        texts << freshOwners(u"x.attrelid"_s, u"pg_attribute x WHERE x.attrelid >= 16384"_s);
    if (parts & IndexOwners)
        texts << freshOwners(u"x.indrelid"_s, u"pg_index x WHERE x.indrelid >= 16384"_s);
    if (parts & SequenceOwners)
        texts << freshOwners(u"x.seqrelid"_s, u"pg_sequence x WHERE true"_s);
    if (parts & Defaults)
        texts << keyed("d", u"x.adrelid"_s, u"x.oid"_s, defaults);
    if (parts & Constraints)
        texts << keyed("k", u"x.conrelid"_s, u"x.oid"_s, constraints);
    if (parts & Rules)
        texts << keyed("w", u"x.ev_class"_s, u"x.oid"_s, rules);
    if (parts & SequenceDeps)
        texts << keyed("p", u"x.objid"_s, u"concat_ws('.', x.refclassid, x.refobjid, x.refobjsubid, x.deptype)"_s,
                       owners);
    texts << u"SELECT 'z', 0, '', EXISTS (SELECT 1 FROM pg_proc WHERE oid >= 16384), "
             "txid_snapshot_xmin(txid_current_snapshot()), "_s
            + u"concat_ws(':', "_s + global.join(u", "_s) + u')';
    if (light && (parts & Totals)) {
        QStringList totals;
        for (const QString &from : {relations, defaults, constraints, rules, owners})
            totals << u"(SELECT count(*) FROM "_s + from + u')';
        texts << u"SELECT 'n', 0, '', false, 0, concat_ws(':', "_s + totals.join(u", "_s) + u')';
    }
    return texts.join(u" UNION ALL "_s);
}

// The parts a light stamp needs after steps that wrote `writes`. New rows of pg_attribute,
// pg_index or pg_sequence come with a new or changed pg_class row of their relation (a new
// table, index or sequence; ADD COLUMN counts the table's columns there), which the relations
// part finds; only changed or deleted ones need their own part. Rows can only have gone where
// some were deleted.
unsigned partsFor(const CatalogWrites &writes)
{
    using C = CatalogWrites;
    unsigned parts = 0;
    const auto add = [&](StampPart part, bool needed) {
        if (needed)
            parts |= part;
    };
    add(AttributeOwners, writes[C::Attribute].changedOrDeleted());
    add(IndexOwners, writes[C::Index].changedOrDeleted());
    add(SequenceOwners, writes[C::Sequence].changedOrDeleted());
    add(Defaults, writes[C::AttrDef].any());
    add(Constraints, writes[C::Constraint].any());
    add(Rules, writes[C::Rewrite].any());
    add(SequenceDeps, writes[C::Depend].any());
    add(Namespaces, writes[C::Namespace].any());
    add(Types, writes[C::Type].changedOrDeleted());
    add(NewTypes, writes[C::Type].inserted > 0);
    add(EnumLabels, writes[C::Enum].any());
    add(Functions, writes[C::Proc].any());
    add(Totals,
        writes[C::Class].deleted || writes[C::AttrDef].deleted || writes[C::Constraint].deleted
            || writes[C::Rewrite].deleted || writes[C::Depend].deleted);
    return parts;
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

DbResult<PostgresSchemaTracker::StampRead> PostgresSchemaTracker::readStamps(Connection &connection, bool light,
                                                                             unsigned parts) const
{
    if (!light)
        parts = AllParts;
    StampRead read;
    Stamps &stamps = read.stamps;
    if (light)
        read.fresh.emplace();
    stamps.global = m_stamps.global;
    QString totals;
    const QString query = stampQuery(light, parts);
    const auto error = forEachRow(connection, query, QVariantList(query.count(u'?'), QString::number(m_stamps.horizon)),
                                  u"the catalog's version"_s, [&](const QSqlQuery &q) {
                                      const QString part = q.value(0).toString();
                                      const qint64 oid = q.value(1).toLongLong();
                                      const bool fresh = q.value(3).toBool();
                                      if (part == u"z") {
                                          stamps.userFunctions = fresh;
                                          // The 32-bit transaction id that age() compares.
                                          stamps.horizon = quint32(quint64(q.value(4).toLongLong()) & 0xffffffffu);
                                          const QStringList pieces = q.value(5).toString().split(u':');
                                          stamps.global.resize(pieces.size());
                                          for (qsizetype i = 0; i < pieces.size(); ++i) {
                                              if (!pieces.at(i).isEmpty())
                                                  stamps.global[i] = pieces.at(i);
                                          }
                                          return;
                                      }
                                      if (part == u"n") {
                                          totals = q.value(5).toString();
                                          return;
                                      }
                                      if (fresh)
                                          stamps.fresh.insert(oid);
                                      if (part == u"r") {
                                          const QString kind = q.value(2).toString();
                                          if (kind == u"i" || kind == u"I") {
                                              const qint64 table = q.value(4).toLongLong();
                                              if (light)
                                                  read.fresh->indexes.emplace_back(oid, table);
                                              else
                                                  stamps.indexes.insert_or_assign(oid, table);
                                          } else if (light) {
                                              read.fresh->relations.emplace_back(oid, Relation{kind});
                                          } else {
                                              stamps.relations.insert_or_assign(oid, Relation{kind});
                                          }
                                      } else if (part != u"f") {
                                          const char catalog = part.at(0).toLatin1();
                                          if (light)
                                              read.fresh->rows.emplace_back(catalog, q.value(5).toString(), oid);
                                          else
                                              stamps.rows[catalog].insert_or_assign(q.value(5).toString(), oid);
                                      }
                                  });
    if (error)
        return *error;
    if (light && (parts & Totals)) {
        // Rows only come in new; a count below what the old rows and the new ones make means
        // some went, and only the full form tells which.
        qsizetype relations = qsizetype(m_stamps.relations.size() + m_stamps.indexes.size());
        const auto isNew = [&](qint64 oid) {
            return !m_stamps.relations.contains(oid) && !m_stamps.indexes.contains(oid);
        };
        for (const auto &[oid, relation] : read.fresh->relations)
            relations += isNew(oid) ? 1 : 0;
        for (const auto &[oid, table] : read.fresh->indexes)
            relations += isNew(oid) ? 1 : 0;
        std::map<char, qsizetype> rows;
        for (const auto &[catalog, keyed] : m_stamps.rows)
            rows[catalog] = qsizetype(keyed.size());
        for (const auto &[catalog, key, owner] : read.fresh->rows) {
            const auto old = m_stamps.rows.find(catalog);
            if (old == m_stamps.rows.end() || !old->second.contains(key))
                ++rows[catalog];
        }
        const QString expected =
            QStringList{QString::number(relations), QString::number(rows['d']), QString::number(rows['k']),
                        QString::number(rows['w']), QString::number(rows['p'])}
                .join(u':');
        if (totals != expected)
            return readStamps(connection, false, AllParts);
    }
    return read;
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
    // Rows of the keyed catalogs that came, went or moved to another relation.
    for (const auto &[catalog, rows] : now.rows) {
        const auto before = old.rows.find(catalog);
        for (const auto &[key, owner] : rows) {
            if (before == old.rows.end())
                touch(owner);
            else if (const auto row = before->second.find(key); row == before->second.end() || row->second != owner)
                touch(owner);
        }
    }
    for (const auto &[catalog, rows] : old.rows) {
        const auto after = now.rows.find(catalog);
        for (const auto &[key, owner] : rows) {
            if (after == now.rows.end() || !after->second.contains(key))
                touch(owner);
        }
    }
    return moved;
}

QSet<qint64> PostgresSchemaTracker::movedRelations(const FreshRows &fresh, const QSet<qint64> &owners,
                                                   bool *sequenceMoved) const
{
    const Stamps &old = m_stamps;
    QHash<qint64, qint64> freshIndexes; // index -> its table, as it is now
    QSet<qint64> freshRelations;
    for (const auto &[index, table] : fresh.indexes)
        freshIndexes.insert(index, table);
    for (const auto &[oid, relation] : fresh.relations)
        freshRelations.insert(oid);
    QSet<qint64> moved;
    // As movedRelations(Stamps) does, with "now" the old stamps and the new rows over them.
    const auto touch = [&](qint64 oid) {
        if (const auto index = freshIndexes.constFind(oid); index != freshIndexes.cend())
            oid = index.value();
        else if (const auto gone = old.indexes.find(oid); gone != old.indexes.end())
            oid = gone->second;
        const auto before = old.relations.find(oid);
        if (before == old.relations.end() && !freshRelations.contains(oid))
            return; // a TOAST table, a composite type: nothing the schema shows on its own
        moved.insert(oid);
        if (before != old.relations.end() && before->second.kind == u"S")
            *sequenceMoved = true; // renamed, say: defaults that name it read differently
    };
    for (const auto &[oid, relation] : fresh.relations) {
        const auto before = old.relations.find(oid);
        if (before == old.relations.end() || before->second.kind != relation.kind)
            moved.insert(oid);
    }
    for (const auto &[index, table] : fresh.indexes) {
        if (const auto before = old.indexes.find(index); before == old.indexes.end() || before->second != table)
            touch(index);
    }
    // Every row of the light form was written since the last stamps, so the owners of the
    // keyed rows that came or changed are among these.
    for (qint64 oid : owners)
        touch(oid);
    return moved;
}

void PostgresSchemaTracker::take(StampRead read)
{
    if (!read.fresh) {
        m_stamps = std::move(read.stamps);
        return;
    }
    for (const auto &[oid, relation] : read.fresh->relations) {
        m_stamps.indexes.erase(oid);
        m_stamps.relations.insert_or_assign(oid, relation);
    }
    for (const auto &[index, table] : read.fresh->indexes) {
        m_stamps.relations.erase(index);
        m_stamps.indexes.insert_or_assign(index, table);
    }
    for (const auto &[catalog, key, owner] : read.fresh->rows)
        m_stamps.rows[catalog].insert_or_assign(key, owner);
    m_stamps.global = std::move(read.stamps.global);
    m_stamps.userFunctions = read.stamps.userFunctions;
    m_stamps.horizon = read.stamps.horizon;
    m_stamps.fresh = std::move(read.stamps.fresh);
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

bool PostgresSchemaTracker::replaceTables(const QList<qint64> &out, PostgresCatalog read,
                                          const PostgresReadScope &scope)
{
    Schema next = *m_schema;
    const auto byName = [](const Table &a, const Table &b) {
        return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
    };
    // The tables go out by their names as they were and come in by their names now, each at
    // its place in name order.
    std::vector<Table> removed;
    for (qint64 oid : out) {
        const auto old = m_catalog.tables.find(oid);
        if (old == m_catalog.tables.end())
            continue;
        const auto at = std::lower_bound(next.tables.begin(), next.tables.end(), old->second, byName);
        if (at != next.tables.end() && !byName(old->second, *at))
            next.tables.erase(at);
        removed.push_back(std::move(old->second));
        m_catalog.tables.erase(old);
    }
    std::vector<Table> added;
    for (auto &[oid, table] : read.tables) {
        canonicalize(table);
        next.tables.insert(std::upper_bound(next.tables.begin(), next.tables.end(), table, byName), table);
        added.push_back(table);
        m_catalog.tables.insert_or_assign(oid, std::move(table));
    }
    std::sort(removed.begin(), removed.end(), byName);
    std::sort(added.begin(), added.end(), byName);
    bool changed = removed != added;
    if (scope.views) {
        m_catalog.views = std::move(read.views);
        next.views = m_catalog.views;
    }
    if (scope.sequences) {
        m_catalog.sequences = std::move(read.sequences);
        next.sequences = m_catalog.sequences;
    }
    canonicalize(next); // sorts the views and sequences read; the tables already are
    changed = changed || next.views != m_schema->views || next.sequences != m_schema->sequences;
    m_schema = std::move(next);
    return changed;
}

DbResult<Schema> PostgresSchemaTracker::refresh(Connection &connection, bool *changed,
                                                const std::optional<CatalogWrites> &writes)
{
    if (changed)
        *changed = true;
    // The light form builds on stamps that hold every row: not before the first.
    DbResult<StampRead> read =
        readStamps(connection, m_schema.has_value() && m_stamps.horizon != 0, writes ? partsFor(*writes) : AllParts);
    if (!read)
        return read.error();
    const bool everything = !m_schema || read->stamps.global != m_stamps.global;
    bool sequenceMoved = false;
    QSet<qint64> movedSet;
    if (!everything) {
        movedSet = read->fresh ? movedRelations(*read->fresh, read->stamps.fresh, &sequenceMoved)
                               : movedRelations(read->stamps, &sequenceMoved);
    }
    // Views print the names of what they read and sequences the column that owns them, so any
    // change may alter them; without any, before or after, they need no read.
    const auto hasKind = [&](const QString &kind) {
        return std::any_of(m_stamps.relations.cbegin(), m_stamps.relations.cend(),
                           [&](const auto &entry) { return kind.contains(entry.second.kind); });
    };
    bool views = hasKind(u"vm"_s);
    bool sequences = hasKind(u"S"_s);
    take(std::move(read).value());
    if (!everything && movedSet.isEmpty()) {
        if (changed)
            *changed = false;
        return *m_schema;
    }
    views = views || hasKind(u"vm"_s);
    sequences = sequences || hasKind(u"S"_s);

    // The stamps are the new ones now: a read that fails leaves the next refresh to start over.
    const auto failed = [&](const DbError &error) {
        m_schema.reset();
        m_stamps = Stamps{};
        return error;
    };
    PostgresSchemaReader reader(connection, m_options);
    reader.reuseStatements(true); // a replay's shadow, read after every step
    if (everything || sequenceMoved) {
        if (auto error = readAll(reader))
            return failed(*error);
        Schema schema = toSchema(m_catalog);
        schema.dialect = connection.dialect().name();
        if (changed && m_schema)
            *changed = schema != *m_schema;
        m_schema = std::move(schema);
        return *m_schema;
    }
    const QList<qint64> moved(movedSet.cbegin(), movedSet.cend());
    const QList<qint64> tables = tablesToRead(m_stamps.relations, moved);
    const PostgresReadScope scope{tables, views, sequences, false};
    DbResult<PostgresCatalog> part = reader.read(scope);
    if (!part)
        return failed(part.error());
    const bool moves = replaceTables(moved + tables, std::move(part).value(), scope);
    if (changed)
        *changed = moves;
    return *m_schema;
}

} // namespace retort
