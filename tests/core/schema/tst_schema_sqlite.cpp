// The SQLite schema reader on real database files: each kind of DDL read back as SQLite reports
// it, the reader agreeing with SQLite's own per-table pragmas, the version table and Retort's
// journal left out, constraint order (Alembic's batch rebuilds) not mattering, and a diff
// between two real databases.
#include "SchemaTestDatabase.h"
#include "TestDatabase.h"
#include "db/VersionTable.h"
#include "run/Journal.h"
#include "schema/SchemaDiff.h"
#include "schema/SchemaJson.h"
#include "schema/SchemaReader.h"
#include "schema/SchemaText.h"
#include "schema/SqliteSchemaReader.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QThread>

#include <algorithm>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

using Database = BuiltDatabase;

Database build(const QStringList &statements, QString *failure)
{
    return buildDatabase(u"sqlite"_s, statements, failure);
}

QString tableText(const Schema &schema, const QString &name)
{
    const Table *table = schema.table(QString(), name);
    return table ? SchemaText::toText(*table) : u"<no table %1>"_s.arg(name);
}

const QStringList kParents{
    u"CREATE TABLE p (id INTEGER PRIMARY KEY, code TEXT NOT NULL)"_s,
    u"CREATE TABLE q (id INTEGER PRIMARY KEY)"_s,
};

} // namespace

class TestSchemaSqlite : public QObject
{
    Q_OBJECT

private slots:
    void introspection_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::addColumn<QString>("expected"); // SchemaText of table t
        QTest::newRow("types, nullability, defaults")
            << QStringList{u"CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL DEFAULT 'x', "
                           "created TIMESTAMP DEFAULT CURRENT_TIMESTAMP, score NUMERIC(10, 2) DEFAULT 1.5, "
                           "flag BOOLEAN DEFAULT (1 = 1), data BLOB, untyped)"_s}
            << uR"(Table t
    Column  | Type           | Nullable | Default
    id      | INTEGER        |          |
    name    | VARCHAR(20)    | not null | 'x'
    created | TIMESTAMP      |          | CURRENT_TIMESTAMP
    score   | NUMERIC(10, 2) |          | 1.5
    flag    | BOOLEAN        |          | 1 = 1
    data    | BLOB           |          |
    untyped |                |          |
Primary key: (id)
)"_s;
        QTest::newRow("composite primary key, named")
            << QStringList{u"CREATE TABLE t (a INTEGER NOT NULL, b TEXT NOT NULL, c TEXT, "
                           "CONSTRAINT pk_t PRIMARY KEY (b, a))"_s}
            << uR"(Table t
    Column | Type    | Nullable | Default
    a      | INTEGER | not null |
    b      | TEXT    | not null |
    c      | TEXT    |          |
Primary key: pk_t (b, a)
)"_s;
        QTest::newRow("unique, named and unnamed")
            << QStringList{u"CREATE TABLE t (a INTEGER, b INTEGER, c TEXT UNIQUE, "
                           "CONSTRAINT uq_t_ab UNIQUE (a, b), UNIQUE (b, c))"_s}
            << uR"(Table t
    Column | Type    | Nullable | Default
    a      | INTEGER |          |
    b      | INTEGER |          |
    c      | TEXT    |          |
Unique constraints:
    (unnamed) UNIQUE (b, c)
    (unnamed) UNIQUE (c)
    uq_t_ab UNIQUE (a, b)
)"_s;
        QTest::newRow("foreign keys") << kParents
                + QStringList{u"CREATE TABLE t (id INTEGER PRIMARY KEY, pid INTEGER, qid INTEGER REFERENCES q, "
                              "rid INTEGER CONSTRAINT fk_t_self REFERENCES t (id) ON UPDATE SET NULL, "
                              "CONSTRAINT fk_t_p FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE, "
                              "FOREIGN KEY (pid, qid) REFERENCES p (id, code) ON DELETE RESTRICT)"_s}
                                      << uR"(Table t
    Column | Type    | Nullable | Default
    id     | INTEGER |          |
    pid    | INTEGER |          |
    qid    | INTEGER |          |
    rid    | INTEGER |          |
Primary key: (id)
Foreign keys:
    (unnamed) (pid, qid) REFERENCES p (id, code) ON DELETE RESTRICT
    (unnamed) (qid) REFERENCES q (id)
    fk_t_p (pid) REFERENCES p (id) ON DELETE CASCADE
    fk_t_self (rid) REFERENCES t (id) ON UPDATE SET NULL
)"_s;
        QTest::newRow("partial and expression indexes")
            << QStringList{u"CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, active INTEGER)"_s,
                           u"CREATE INDEX ix_t_active ON t (name) WHERE active = 1"_s,
                           u"CREATE UNIQUE INDEX ix_t_lower ON t (lower(name), id DESC)"_s,
                           u"CREATE INDEX ix_t_two ON t (active, name)"_s}
            << uR"(Table t
    Column | Type    | Nullable | Default
    id     | INTEGER |          |
    name   | TEXT    |          |
    active | INTEGER |          |
Primary key: (id)
Indexes:
    ix_t_active (name) WHERE active = 1
    ix_t_lower UNIQUE (lower(name), id DESC)
    ix_t_two (active, name)
)"_s;
        QTest::newRow("check constraints")
            << QStringList{u"CREATE TABLE t (qty INTEGER CHECK (qty >= 0), name TEXT CONSTRAINT ck_name "
                           "CHECK (length(name) > 1), CHECK (qty < 1000), CONSTRAINT ck_t_pair CHECK (qty <> 5 OR name IS NULL))"_s}
            << uR"(Table t
    Column | Type    | Nullable | Default
    qty    | INTEGER |          |
    name   | TEXT    |          |
Check constraints:
    (unnamed) CHECK (qty < 1000)
    (unnamed) CHECK (qty >= 0)
    ck_name CHECK (length(name) > 1)
    ck_t_pair CHECK (qty <> 5 OR name IS NULL)
)"_s;
        QTest::newRow("generated columns")
            << QStringList{u"CREATE TABLE t (a INTEGER, twice INTEGER GENERATED ALWAYS AS (a * 2) STORED, "
                           "label TEXT AS ('n' || a))"_s}
            << uR"(Table t
    Column | Type    | Nullable | Default
    a      | INTEGER |          |
    twice  | INTEGER |          | generated always as (a * 2) stored
    label  | TEXT    |          | generated always as ('n' || a) virtual
)"_s;
    }

    void introspection()
    {
        QFETCH(QStringList, statements);
        QFETCH(QString, expected);
        QString failure;
        Database db = build(statements, &failure);
        QVERIFY2(db.connection, qPrintable(failure));
        const auto schema = readSchema(*db.connection);
        QVERIFY2(schema.ok(), qPrintable(schema.ok() ? QString() : schema.error().toString()));
        QCOMPARE(schema->dialect, u"sqlite"_s);
        QCOMPARE(tableText(*schema, u"t"_s), expected);
        // What the reader found survives the JSON form.
        const auto back = SchemaJson::fromJson(SchemaJson::toJson(*schema));
        QVERIFY(back.ok());
        QVERIFY(*back == *schema);
    }

    // Everything the reader says about columns, indexes and foreign keys, checked against
    // SQLite's per-table pragmas run one table at a time.
    void agreesWithPragmas()
    {
        QString failure;
        Database db = build(
            kParents
                + QStringList{
                    u"CREATE TABLE t (id INTEGER PRIMARY KEY, pid INTEGER NOT NULL REFERENCES p (id) ON DELETE CASCADE, "
                    "name TEXT DEFAULT 'a''b', code VARCHAR(8) UNIQUE, total INTEGER AS (id + pid) STORED)"_s,
                    u"CREATE INDEX ix_t_name ON t (name COLLATE NOCASE) WHERE name IS NOT NULL"_s,
                    u"CREATE TABLE \"odd name\" (\"a b\" TEXT PRIMARY KEY, c INTEGER)"_s,
                    u"CREATE INDEX \"ix odd\" ON \"odd name\" (c, \"a b\")"_s,
                },
            &failure);
        QVERIFY2(db.connection, qPrintable(failure));
        const auto schema = SqliteSchemaReader(*db.connection).read();
        QVERIFY2(schema.ok(), qPrintable(schema.ok() ? QString() : schema.error().toString()));
        QCOMPARE(tableNames(*schema), (QStringList{u"odd name"_s, u"p"_s, u"q"_s, u"t"_s}));
        for (const Table &table : schema->tables) {
            const QString quoted = db.connection->dialect().quoteIdentifier(table.name);
            QStringList columns;
            for (const Column &c : table.columns)
                columns.append(QStringList{QString::number(c.position - 1), c.name, c.type,
                                           c.nullable ? u"0"_s : u"1"_s, c.defaultValue}
                                   .join(u'|'));
            QCOMPARE(columns,
                     rows(*db.connection,
                          u"SELECT cid, name, type, \"notnull\", dflt_value FROM "
                          "pragma_table_xinfo("_s
                              + db.connection->stringLiteral(table.name) + u") ORDER BY cid"_s));
            QStringList indexNames;
            for (const Index &i : table.indexes)
                indexNames.append(i.name);
            QCOMPARE(indexNames,
                     rows(*db.connection, u"PRAGMA index_list("_s + quoted + u")"_s)
                         .filter(u"|c|"_s)
                         .replaceInStrings(QRegularExpression(u"^\\d+\\|([^|]*)\\|.*$"_s), u"\\1"_s));
            QCOMPARE(qsizetype(table.uniqueConstraints.size()),
                     rows(*db.connection, u"PRAGMA index_list("_s + quoted + u")"_s).filter(u"|u|"_s).size());
            QStringList foreignKeys;
            for (const ForeignKey &f : table.foreignKeys)
                foreignKeys.append(f.columns.join(u',') + u'>' + f.refTable + u'|' + f.onDelete);
            QCOMPARE(foreignKeys,
                     rows(*db.connection,
                          u"SELECT group_concat(\"from\", ','), \"table\", on_delete "
                          "FROM pragma_foreign_key_list("_s
                              + db.connection->stringLiteral(table.name) + u") GROUP BY id ORDER BY id"_s)
                         .replaceInStrings(QRegularExpression(u"^([^|]*)\\|"_s), u"\\1>"_s));
        }
        const Table *t = schema->table(QString(), u"t"_s);
        QVERIFY(t);
        QCOMPARE(t->indexes.value(0).where, u"name IS NOT NULL"_s);
        QCOMPARE(t->columns.value(4).generated, u"stored"_s);
        QCOMPARE(t->columns.value(4).generationExpression, u"id + pid"_s);
        const Table *odd = schema->table(QString(), u"odd name"_s);
        QVERIFY(odd);
        QCOMPARE(odd->indexes.value(0).columns, (QStringList{u"c"_s, u"a b"_s}));
        QCOMPARE(odd->primaryKey.columns, QStringList{u"a b"_s});
    }

    void views()
    {
        QString failure;
        Database db =
            build({u"CREATE TABLE t (a INTEGER, b TEXT)"_s, u"CREATE VIEW v_a AS\n  SELECT a FROM t WHERE a > 1;"_s,
                   u"CREATE VIEW IF NOT EXISTS \"v b\" (x) AS SELECT b AS x FROM t"_s},
                  &failure);
        QVERIFY2(db.connection, qPrintable(failure));
        const auto schema = readSchema(*db.connection);
        QVERIFY2(schema.ok(), qPrintable(schema.ok() ? QString() : schema.error().toString()));
        QCOMPARE(schema->views.size(), 2);
        QCOMPARE(schema->views.at(0), (View{QString(), u"v b"_s, u"SELECT b AS x FROM t"_s, false}));
        QCOMPARE(schema->views.at(1), (View{QString(), u"v_a"_s, u"SELECT a FROM t WHERE a > 1"_s, false}));
        QCOMPARE(tableNames(*schema), QStringList{u"t"_s});
        QVERIFY(schema->sequences.isEmpty());
        QVERIFY(schema->enums.isEmpty());
    }

    void toolTablesLeftOut()
    {
        QString failure;
        Database db =
            build({u"CREATE TABLE app (id INTEGER PRIMARY KEY AUTOINCREMENT)"_s, u"INSERT INTO app DEFAULT VALUES"_s},
                  &failure);
        QVERIFY2(db.connection, qPrintable(failure));
        QVERIFY(!VersionTable(*db.connection).create());
        QVERIFY(!Journal(*db.connection).ensureTable());
        VersionTable::Options custom;
        custom.table = u"project_version"_s;
        QVERIFY(!VersionTable(*db.connection, custom).create());
        QCOMPARE(rows(*db.connection, u"SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_sequence'"_s),
                 QStringList{u"1"_s});

        // Defaults: alembic_version and retort_journal; sqlite_sequence is SQLite's.
        auto schema = readSchema(*db.connection);
        QVERIFY2(schema.ok(), qPrintable(schema.ok() ? QString() : schema.error().toString()));
        QCOMPARE(tableNames(*schema), (QStringList{u"app"_s, u"project_version"_s}));

        // A project's version_table and journal_table.
        SchemaReaderOptions options;
        options.versionTable = custom;
        options.retortTables = {u"RETORT_JOURNAL"_s}; // SQLite's names ignore case
        schema = readSchema(*db.connection, options);
        QVERIFY2(schema.ok(), qPrintable(schema.ok() ? QString() : schema.error().toString()));
        QCOMPARE(tableNames(*schema), (QStringList{u"alembic_version"_s, u"app"_s}));

        // A version table in an attached database leaves main's tables alone.
        options.versionTable.schema = u"other"_s;
        schema = readSchema(*db.connection, options);
        QVERIFY2(schema.ok(), qPrintable(schema.ok() ? QString() : schema.error().toString()));
        QCOMPARE(tableNames(*schema),
                 (QStringList{u"alembic_version"_s, u"app"_s, u"project_version"_s, u"retort_journal"_s}));
    }

    // The same tables declared with their constraints in another order, and rebuilt the way
    // Alembic's batch mode does (a temporary table renamed into place), read back equal.
    void constraintOrderDoesNotMatter()
    {
        QString failure;
        Database one = build(
            kParents
                + QStringList{
                    u"CREATE TABLE t (id INTEGER NOT NULL, pid INTEGER, qid INTEGER, name TEXT, "
                    "CONSTRAINT pk_t PRIMARY KEY (id), FOREIGN KEY (pid) REFERENCES p (id), "
                    "FOREIGN KEY (qid) REFERENCES q (id) ON DELETE CASCADE, CONSTRAINT fk_t_self FOREIGN KEY (pid) "
                    "REFERENCES t (id), UNIQUE (name), UNIQUE (pid, qid), CONSTRAINT uq_t_qid UNIQUE (qid), "
                    "CHECK (id > 0), CHECK (name <> ''), CONSTRAINT ck_t_q CHECK (qid < 10))"_s,
                    u"CREATE INDEX ix_t_name ON t (name)"_s,
                    u"CREATE INDEX ix_t_pid ON t (pid) WHERE pid IS NOT NULL"_s,
                },
            &failure);
        QVERIFY2(one.connection, qPrintable(failure));
        Database two = build(
            kParents
                + QStringList{
                    u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, pid INTEGER, qid INTEGER, name TEXT)"_s,
                    u"CREATE TABLE _alembic_tmp_t (id INTEGER NOT NULL, pid INTEGER, qid INTEGER, name TEXT, "
                    "CONSTRAINT ck_t_q CHECK (qid < 10), CHECK (name <> ''), CHECK (id > 0), "
                    "CONSTRAINT uq_t_qid UNIQUE (qid), UNIQUE (pid, qid), UNIQUE (name), "
                    "CONSTRAINT fk_t_self FOREIGN KEY(pid) REFERENCES t (id), "
                    "FOREIGN KEY(qid) REFERENCES q (id) ON DELETE CASCADE, FOREIGN KEY(pid) REFERENCES p (id), "
                    "CONSTRAINT pk_t PRIMARY KEY (id))"_s,
                    u"INSERT INTO _alembic_tmp_t (id, pid, qid, name) SELECT id, pid, qid, name FROM t"_s,
                    u"DROP TABLE t"_s,
                    u"ALTER TABLE _alembic_tmp_t RENAME TO t"_s,
                    u"CREATE INDEX ix_t_pid ON t (pid) WHERE pid IS NOT NULL"_s,
                    u"CREATE INDEX ix_t_name ON t (name)"_s,
                },
            &failure);
        QVERIFY2(two.connection, qPrintable(failure));
        // The stored text differs; the facts do not.
        QVERIFY(rows(*one.connection, u"SELECT sql FROM sqlite_schema WHERE name = 't'"_s)
                != rows(*two.connection, u"SELECT sql FROM sqlite_schema WHERE name = 't'"_s));
        const auto a = readSchema(*one.connection);
        const auto b = readSchema(*two.connection);
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().toString()));
        QVERIFY2(b.ok(), qPrintable(b.ok() ? QString() : b.error().toString()));
        const Table *t = a->table(QString(), u"t"_s);
        QVERIFY(t);
        QCOMPARE(t->foreignKeys.size(), 3);
        QCOMPARE(t->uniqueConstraints.size(), 3);
        QCOMPARE(t->checks.size(), 3);
        QCOMPARE(t->primaryKey.name, u"pk_t"_s);
        QCOMPARE(SchemaText::toText(*b), SchemaText::toText(*a));
        QVERIFY(*a == *b);
        QVERIFY(SchemaDiff::between(*a, *b).isEmpty());
    }

    void diffBetweenDatabases()
    {
        QString failure;
        Database before =
            build({u"CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(20))"_s,
                   u"CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id))"_s,
                   u"CREATE INDEX ix_posts_user ON posts (user_id)"_s, u"CREATE VIEW v AS SELECT name FROM users"_s},
                  &failure);
        QVERIFY2(before.connection, qPrintable(failure));
        Database after = build({u"CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                                "email TEXT DEFAULT '', CONSTRAINT ck_users_name CHECK (name <> ''))"_s,
                                u"CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT)"_s,
                                u"CREATE UNIQUE INDEX ix_users_email ON users (email)"_s,
                                u"CREATE VIEW v AS SELECT name, email FROM users"_s},
                               &failure);
        QVERIFY2(after.connection, qPrintable(failure));
        const auto a = readSchema(*before.connection);
        const auto b = readSchema(*after.connection);
        QVERIFY2(a.ok() && b.ok(), "reading failed");
        const SchemaChanges changes = SchemaDiff::between(*a, *b);
        QStringList lines;
        for (const SchemaChange &c : changes)
            lines.append(c.kindName() + u' ' + c.table + u' ' + c.name + u": "_s + c.before + u" -> "_s + c.after);
        QCOMPARE(lines,
                 (QStringList{
                     u"drop_table posts : id, user_id -> "_s,
                     u"add_table tags :  -> id, label"_s,
                     u"add_column users email:  -> TEXT default ''"_s,
                     u"alter_column users name: VARCHAR(20), null -> TEXT, not null"_s,
                     u"add_index users ix_users_email:  -> UNIQUE (email)"_s,
                     u"other users ck_users_name:  -> CHECK (name <> '')"_s,
                     u"alter_view v : SELECT name FROM users -> SELECT name, email FROM users"_s,
                 }));
        QCOMPARE(SchemaDiff::summary(changes),
                 u"+1 table, -1 table, +1 column, ~1 column, +1 index, ~1 view, ~1 other"_s);
        QCOMPARE(std::count_if(changes.begin(), changes.end(), &SchemaDiff::isDestructive), 2);
    }

    // A read remembers each table by its texts and rereads only the tables whose CREATE TABLE or
    // CREATE INDEX texts changed: after each change the schema equals one read by a thread that
    // has remembered nothing (its own connection to the same file).
    void rereadsOnlyWhatChangedAndAgreesWithAFreshRead()
    {
        QString failure;
        Database db = build({u"CREATE TABLE p (id INTEGER PRIMARY KEY, code TEXT NOT NULL)"_s,
                             u"CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p)"_s,
                             u"CREATE TABLE other (id INTEGER PRIMARY KEY, note TEXT)"_s},
                            &failure);
        QVERIFY2(db.connection, qPrintable(failure));
        const QStringList changes{
            u"CREATE INDEX ix_other_note ON other (note)"_s,
            u"ALTER TABLE other ADD COLUMN extra INTEGER DEFAULT 3"_s,
            u"DROP INDEX ix_other_note"_s,
            u"CREATE UNIQUE INDEX ix_other_note ON other (note) WHERE note IS NOT NULL"_s,
            u"ALTER TABLE other RENAME COLUMN note TO remark"_s,
            // c's foreign key names no columns: it takes p's primary key, which changes here
            // while c's own text stays the same.
            u"DROP TABLE p"_s,
            u"CREATE TABLE p (code TEXT PRIMARY KEY, id INTEGER)"_s,
            u"ALTER TABLE other RENAME TO other2"_s,
            u"CREATE VIEW v AS SELECT id FROM other2"_s,
            u"DROP TABLE other2"_s,
        };
        const auto fresh = [&]() -> QString {
            QString result;
            QThread *thread = QThread::create([&] {
                QString why;
                auto connection = TestDatabase::open(db.database->url(), &why);
                if (!connection) {
                    result = u"<cannot connect: %1>"_s.arg(why);
                    return;
                }
                const auto schema = readSchema(*connection);
                result = schema.ok() ? SchemaText::toText(*schema) : schema.error().toString();
            });
            thread->start();
            thread->wait();
            delete thread;
            return result;
        };
        QVERIFY(readSchema(*db.connection).ok()); // this thread now remembers every table
        for (const QString &change : changes) {
            QVERIFY2(!db.connection->execute(change), qPrintable(change));
            const auto warm = readSchema(*db.connection);
            QVERIFY2(warm.ok(), qPrintable(change));
            QCOMPARE(SchemaText::toText(*warm), fresh());
        }
        const auto last = readSchema(*db.connection);
        QVERIFY(last.ok());
        const Table *child = last->table(QString(), u"c"_s);
        QVERIFY(child && child->foreignKeys.size() == 1);
        QCOMPARE(child->foreignKeys.front().refColumns, QStringList{u"code"_s});
    }

    void readFailureIsAnError()
    {
        QString failure;
        Database db = build({u"CREATE TABLE t (a INTEGER)"_s}, &failure);
        QVERIFY2(db.connection, qPrintable(failure));
        db.connection->close();
        const auto schema = readSchema(*db.connection);
        QVERIFY(!schema.ok());
        QCOMPARE(schema.error().kindName(), u"SchemaReadFailed"_s);
        QVERIFY2(schema.error().message.startsWith(u"Cannot read the tables"_s), qPrintable(schema.error().message));
    }
};

QTEST_GUILESS_MAIN(TestSchemaSqlite)
#include "tst_schema_sqlite.moc"
