#include "SqliteSchemaReader.h"

#include "db/Connection.h"
#include "schema/CatalogQuery.h"
#include "schema/SqliteDdl.h"
#include "schema/SqliteTableMemo.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

bool sameNames(const QStringList &a, const QStringList &b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const QString &x, const QString &y) {
               return x.compare(y, Qt::CaseInsensitive) == 0;
           });
}

// The name of the first unused constraint of `kind` in the table's text that `matches`.
template <typename Matches>
QString takeName(SqliteTableDdl &ddl, SqliteTableDdl::Constraint::Kind kind, Matches matches)
{
    for (auto it = ddl.constraints.begin(); it != ddl.constraints.end(); ++it) {
        if (it->kind == kind && matches(*it)) {
            const QString name = it->name;
            ddl.constraints.erase(it);
            return name;
        }
    }
    return QString();
}

struct TableState
{
    Table table;
    SqliteTableDdl ddl;
    QList<std::pair<int, QString>> keyColumns; // (position in the key, column)
    QHash<QString, QString> dependencies; // tables whose primary key a foreign key takes
};

// What sqlite_schema says, before any pragma: the texts every table is derived from.
struct Catalog
{
    struct TableTexts
    {
        QString createTable;
        SqliteTableMemo::IndexTexts indexes; // by name
    };
    std::map<QString, TableTexts> tables; // the tables to report, by name
    QHash<QString, QString> createTables; // every table's text by lower-cased name, left-out ones too
    QHash<QString, QString> createIndexes; // by index name

    QString tableText(const QString &lowerName) const { return createTables.value(lowerName); }
};

// " AND m.name IN ('a', 'b')": the pragmas run only for the tables named.
QString onlyTables(const QStringList &names)
{
    QStringList quoted;
    quoted.reserve(names.size());
    for (QString name : names)
        quoted.append(u'\'' + name.replace(u'\'', u"''"_s) + u'\'');
    return u" AND m.name IN ("_s + quoted.join(u", "_s) + u')';
}

// Parsing a table's CREATE text is most of a read, and a replay reads the same unchanged tables
// after every schema change: parses are remembered by text (a pure function of it), per thread,
// and forgotten in one go when there are many.
const SqliteTableDdl &parsedTable(const QString &sql)
{
    thread_local QHash<QString, SqliteTableDdl> parsed;
    if (const auto it = parsed.constFind(sql); it != parsed.constEnd())
        return *it;
    if (parsed.size() >= 8192)
        parsed.clear();
    return *parsed.insert(sql, SqliteTableDdl::parse(sql));
}

// Reads `names` (all tables when `filter` is empty) through the pragmas: columns, indexes and
// foreign keys in three queries whatever the number of tables. `known` are the tables
// remembered, for foreign keys that reference them.
std::optional<DbError> readTables(Connection &connection, const Catalog &catalog, const QStringList &names,
                                  const QString &filter, const std::map<QString, Table> &known,
                                  std::map<QString, TableState> &tables)
{
    for (const QString &name : names) {
        TableState state;
        state.table.name = name;
        state.ddl = parsedTable(catalog.tables.at(name).createTable);
        tables.emplace(name, std::move(state));
    }
    const QHash<QString, QString> &indexSql = catalog.createIndexes;

    std::optional<DbError> error;
    error = forEachRow(connection,
                       u"SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden "
                       "FROM main.sqlite_schema m JOIN pragma_table_xinfo(m.name, 'main') p "
                       "WHERE m.type = 'table' AND substr(m.name, 1, 7) <> 'sqlite_'"_s
                           + filter + u" ORDER BY m.name, p.cid"_s,
                       u"the columns"_s, [&](const QSqlQuery &q) {
                           const auto it = tables.find(q.value(0).toString());
                           const int hidden = q.value(7).toInt();
                           if (it == tables.end() || hidden == 1) // 1: a virtual table's hidden column
                               return;
                           TableState &state = it->second;
                           Column c;
                           c.name = q.value(2).toString();
                           c.type = q.value(3).toString();
                           c.nullable = q.value(4).toInt() == 0;
                           c.defaultValue = q.value(5).isNull() ? QString() : q.value(5).toString();
                           c.position = int(state.table.columns.size()) + 1;
                           if (hidden == 2 || hidden == 3) {
                               c.generated = hidden == 3 ? u"stored"_s : u"virtual"_s;
                               c.generationExpression = state.ddl.generationExpressions.value(c.name.toLower());
                           }
                           if (const int keyPosition = q.value(6).toInt(); keyPosition > 0)
                               state.keyColumns.append({keyPosition, c.name});
                           state.table.columns.append(c);
                       });
    if (error)
        return *error;

    struct IndexRows
    {
        QString table;
        QString name;
        bool unique = false;
        QString origin;
        bool partial = false;
        QStringList columns;
        QList<int> expressionSlots; // positions in columns holding an expression (cid -2)
        QList<bool> descending;
    };
    QList<IndexRows> indexes;
    error = forEachRow(
        connection,
        u"SELECT m.name, il.name, il.\"unique\", il.origin, il.partial, x.cid, x.name, x.\"desc\" "
        "FROM main.sqlite_schema m JOIN pragma_index_list(m.name, 'main') il "
        "JOIN pragma_index_xinfo(il.name, 'main') x "
        "WHERE m.type = 'table' AND substr(m.name, 1, 7) <> 'sqlite_' AND x.key = 1"_s
            + filter + u" ORDER BY m.name, il.name, x.seqno"_s,
        u"the indexes"_s, [&](const QSqlQuery &q) {
            const QString table = q.value(0).toString();
            const QString name = q.value(1).toString();
            if (indexes.isEmpty() || indexes.last().table != table || indexes.last().name != name)
                indexes.append(
                    {table, name, q.value(2).toInt() != 0, q.value(3).toString(), q.value(4).toInt() != 0, {}, {}, {}});
            IndexRows &index = indexes.last();
            const int cid = q.value(5).toInt();
            if (cid == -2)
                index.expressionSlots.append(int(index.columns.size()));
            index.columns.append(cid == -1 ? u"rowid"_s : q.value(6).toString());
            index.descending.append(q.value(7).toInt() != 0);
        });
    if (error)
        return *error;

    struct ForeignKeyRows
    {
        QString table;
        int id = 0;
        ForeignKey key;
        bool impliedColumns = false; // REFERENCES t without columns: t's primary key
    };
    QList<ForeignKeyRows> foreignKeys;
    error =
        forEachRow(connection,
                   u"SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
                   "FROM main.sqlite_schema m JOIN pragma_foreign_key_list(m.name, 'main') f "
                   "WHERE m.type = 'table' AND substr(m.name, 1, 7) <> 'sqlite_'"_s
                       + filter + u" ORDER BY m.name, f.id, f.seq"_s,
                   u"the foreign keys"_s, [&](const QSqlQuery &q) {
                       const QString table = q.value(0).toString();
                       const int id = q.value(1).toInt();
                       if (foreignKeys.isEmpty() || foreignKeys.last().table != table || foreignKeys.last().id != id) {
                           ForeignKeyRows rows{table, id, {}, false};
                           rows.key.refTable = q.value(2).toString();
                           rows.key.onUpdate = q.value(5).toString();
                           rows.key.onDelete = q.value(6).toString();
                           foreignKeys.append(rows);
                       }
                       ForeignKeyRows &rows = foreignKeys.last();
                       rows.key.columns.append(q.value(3).toString());
                       if (q.value(4).isNull())
                           rows.impliedColumns = true;
                       else
                           rows.key.refColumns.append(q.value(4).toString());
                   });
    if (error)
        return *error;

    using Kind = SqliteTableDdl::Constraint::Kind;
    for (auto &[name, state] : tables) {
        std::sort(state.keyColumns.begin(), state.keyColumns.end());
        for (const auto &[position, column] : state.keyColumns)
            state.table.primaryKey.columns.append(column);
        if (!state.table.primaryKey.isEmpty())
            state.table.primaryKey.name = takeName(state.ddl, Kind::PrimaryKey, [](const auto &) { return true; });
        for (const SqliteTableDdl::Constraint &c : state.ddl.constraints) {
            if (c.kind == Kind::Check)
                state.table.checks.append({c.name, c.expression});
        }
    }

    for (IndexRows &rows : indexes) {
        const auto it = tables.find(rows.table);
        if (it == tables.end() || rows.origin == u"pk")
            continue;
        TableState &state = it->second;
        if (rows.origin == u"u") {
            const QString constraintName = takeName(state.ddl, Kind::Unique, [&](const SqliteTableDdl::Constraint &c) {
                return sameNames(c.columns, rows.columns);
            });
            state.table.uniqueConstraints.append({constraintName, rows.columns});
            continue;
        }
        const SqliteIndexDdl ddl = SqliteIndexDdl::parse(indexSql.value(rows.name));
        for (const int slot : std::as_const(rows.expressionSlots)) {
            if (slot < ddl.terms.size())
                rows.columns[slot] = ddl.terms.at(slot);
        }
        for (qsizetype i = 0; i < rows.columns.size(); ++i) {
            if (rows.descending.at(i))
                rows.columns[i] += u" DESC"_s;
        }
        state.table.indexes.append(
            Index{rows.name, rows.columns, rows.unique, rows.partial ? ddl.where : QString(), {}});
    }

    // REFERENCES t without columns means t's primary key: t read now, or t remembered.
    QHash<QString, const Table *> byName;
    for (const auto &[name, table] : known)
        byName.insert(name.toLower(), &table);
    for (const auto &[name, state] : tables)
        byName.insert(name.toLower(), &state.table);
    for (ForeignKeyRows &rows : foreignKeys) {
        const auto it = tables.find(rows.table);
        if (it == tables.end())
            continue;
        TableState &state = it->second;
        if (rows.impliedColumns) {
            const QString referencedName = rows.key.refTable.toLower();
            const Table *referenced = byName.value(referencedName);
            rows.key.refColumns = referenced ? referenced->primaryKey.columns : QStringList();
            state.dependencies.insert(referencedName, catalog.tableText(referencedName));
        }
        rows.key.name = takeName(state.ddl, Kind::ForeignKey, [&](const SqliteTableDdl::Constraint &c) {
            return sameNames(c.columns, rows.key.columns)
                && c.refTable.compare(rows.key.refTable, Qt::CaseInsensitive) == 0;
        });
        state.table.foreignKeys.append(rows.key);
    }

    for (auto &[name, state] : tables)
        canonicalize(state.table);
    return std::nullopt;
}

} // namespace

SqliteSchemaReader::SqliteSchemaReader(Connection &connection, SchemaReaderOptions options)
    : m_connection(connection)
    , m_options(std::move(options))
{
}

DbResult<Schema> SqliteSchemaReader::read() const
{
    Schema schema;
    schema.dialect = m_connection.dialect().name();

    // Excluded tables live in main unless the version table names an attached database.
    QStringList excluded;
    const QString versionSchema = m_options.versionTable.schema;
    if (versionSchema.isEmpty() || versionSchema.compare(u"main"_s, Qt::CaseInsensitive) == 0) {
        excluded.append(m_options.versionTable.table.toLower());
        for (const QString &t : m_options.retortTables)
            excluded.append(t.toLower());
    }

    Catalog catalog;
    QList<std::pair<QString, QString>> indexTables; // (index, its table)
    auto error = forEachRow(m_connection,
                            u"SELECT type, name, tbl_name, sql FROM main.sqlite_schema "
                            "WHERE type IN ('table', 'view', 'index') AND substr(name, 1, 7) <> 'sqlite_'"_s,
                            u"the tables"_s, [&](const QSqlQuery &q) {
                                const QString type = q.value(0).toString();
                                const QString name = q.value(1).toString();
                                const QString sql = q.value(3).toString();
                                if (type == u"table") {
                                    catalog.createTables.insert(name.toLower(), sql);
                                    if (!excluded.contains(name.toLower()))
                                        catalog.tables[name].createTable = sql;
                                } else if (type == u"view") {
                                    schema.views.append(View{QString(), name, sqliteViewQuery(sql), false});
                                } else if (type == u"index") {
                                    catalog.createIndexes.insert(name, sql);
                                    indexTables.append({name, q.value(2).toString()});
                                }
                            });
    if (error)
        return *error;
    for (const auto &[index, table] : std::as_const(indexTables)) {
        if (const auto it = catalog.tables.find(table); it != catalog.tables.end())
            it->second.indexes.append({index, catalog.createIndexes.value(index)});
    }

    // Tables whose texts were read before are taken as they were; the pragmas run for the rest.
    SqliteTableMemo &memo = SqliteTableMemo::forThisThread();
    const auto tableText = [&](const QString &lowerName) { return catalog.tableText(lowerName); };
    std::map<QString, Table> known;
    QStringList changed;
    QHash<QString, QString> fingerprints;
    for (auto &[name, texts] : catalog.tables) {
        std::sort(texts.indexes.begin(), texts.indexes.end());
        const QString fingerprint = SqliteTableMemo::fingerprint(texts.createTable, texts.indexes);
        if (const Table *table = memo.find(fingerprint, tableText)) {
            known.emplace(name, *table);
        } else {
            changed.append(name);
            fingerprints.insert(name, fingerprint);
        }
    }
    if (!changed.isEmpty()) {
        std::map<QString, TableState> tables;
        const QString filter = changed.size() == qsizetype(catalog.tables.size()) ? QString() : onlyTables(changed);
        if (auto failed = readTables(m_connection, catalog, changed, filter, known, tables))
            return *failed;
        for (auto &[name, state] : tables) {
            memo.remember(fingerprints.value(name), state.table, std::move(state.dependencies));
            known.emplace(name, std::move(state.table));
        }
    }

    schema.tables.reserve(qsizetype(known.size()));
    for (auto &[name, table] : known)
        schema.tables.append(std::move(table));
    canonicalize(schema);
    return schema;
}

} // namespace retort
