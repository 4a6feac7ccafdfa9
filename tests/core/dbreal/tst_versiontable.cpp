// The version table and connections against a real SQLite file and the PostgreSQL fixture server,
// compared with what Debian's Alembic does on a twin database.
#include "AlembicPeer.h"
#include "TestDatabase.h"
#include "TestPassword.h"

#include "db/Connection.h"
#include "db/DatabaseUrl.h"
#include "db/VersionTable.h"

#include <QDir>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

using Ops = QList<VersionOp>;

VersionOp ins(const QString &to)
{
    return {VersionOp::Kind::Insert, {}, to};
}
VersionOp upd(const QString &from, const QString &to)
{
    return {VersionOp::Kind::Update, from, to};
}
VersionOp del(const QString &from)
{
    return {VersionOp::Kind::Delete, from, {}};
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// Every row of a query, columns joined with '|'; on failure one row starting with "ERROR".
QStringList rowsOf(Connection &connection, const QString &sql, const QStringList &values = {})
{
    QSqlQuery query(connection.database());
    query.prepare(sql);
    for (const QString &v : values)
        query.addBindValue(v);
    if (!query.exec())
        return {u"ERROR "_s + query.lastError().text()};
    QStringList rows;
    while (query.next()) {
        QStringList columns;
        for (int i = 0; i < query.record().count(); ++i)
            columns.append(query.value(i).isNull() ? u"NULL"_s : query.value(i).toString());
        rows.append(columns.join(u'|'));
    }
    return rows;
}

// What describes a table's shape on each backend, for comparing ours with Alembic's.
QStringList describeTable(Connection &connection, const QString &schema, const QString &table)
{
    if (connection.dialect().kind() == SqlDialect::Sqlite) {
        QStringList d = rowsOf(connection,
                               u"SELECT type, name, tbl_name, sql FROM sqlite_master "
                               "WHERE tbl_name = ? ORDER BY type, name"_s,
                               {table});
        d += rowsOf(connection, u"SELECT * FROM pragma_table_info(?)"_s, {table});
        d += rowsOf(connection, u"SELECT seq, name, \"unique\", origin, partial FROM pragma_index_list(?)"_s, {table});
        return d;
    }
    const QString where = schema.isEmpty() ? u"table_schema = current_schema() AND table_name = ?"_s
                                           : u"table_schema = ? AND table_name = ?"_s;
    const QStringList values = schema.isEmpty() ? QStringList{table} : QStringList{schema, table};
    QStringList d =
        rowsOf(connection,
               u"SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE "_s + where, values);
    d += rowsOf(connection,
                u"SELECT column_name, ordinal_position, data_type, character_maximum_length, "
                "is_nullable, column_default, collation_name FROM information_schema.columns WHERE "_s
                    + where + u" ORDER BY ordinal_position"_s,
                values);
    d += rowsOf(connection,
                u"SELECT constraint_name, constraint_type, is_deferrable, initially_deferred "
                "FROM information_schema.table_constraints WHERE "_s
                    + where + u" AND constraint_type <> 'CHECK' ORDER BY constraint_name"_s,
                values);
    d += rowsOf(connection,
                u"SELECT constraint_name, column_name, ordinal_position "
                "FROM information_schema.key_column_usage WHERE "_s
                    + where + u" ORDER BY constraint_name, ordinal_position"_s,
                values);
    d +=
        rowsOf(connection,
               u"SELECT indexname, indexdef FROM pg_catalog.pg_indexes WHERE "_s
                   + QString(where).replace(u"table_schema"_s, u"schemaname"_s).replace(u"table_name"_s, u"tablename"_s)
                   + u" ORDER BY indexname"_s,
               values);
    return d;
}

} // namespace

class TstVersionTable : public QObject
{
    Q_OBJECT

private slots:
    void connectionSession_data();
    void connectionSession();
    void connectionErrorsMaskThePassword();
    void passwordRole();
    void createMatchesAlembic_data();
    void createMatchesAlembic();
    void existsAndCreateAreIdempotent_data();
    void existsAndCreateAreIdempotent();
    void applyMatchesAlembic_data();
    void applyMatchesAlembic();
    void applyStaysInTheCallersTransaction_data();
    void applyStaysInTheCallersTransaction();
    void interop_data();
    void interop();

private:
    static void backends();
};

void TstVersionTable::backends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

#define CREATE_DB(var, backend)                                                                                        \
    QString var##Failure;                                                                                              \
    const auto var = TestDatabase::create(backend, &var##Failure);                                                     \
    QVERIFY2(var, qPrintable(var##Failure));                                                                           \
    const auto var##Conn = var->connect(&var##Failure);                                                                \
    QVERIFY2(var##Conn, qPrintable(var##Failure))

void TstVersionTable::connectionSession_data()
{
    backends();
}

void TstVersionTable::connectionSession()
{
    QFETCH(QString, backend);
    CREATE_DB(db, backend);
    QVERIFY(dbConn->isOpen());
    QCOMPARE(dbConn->dialect().name(), backend);

    if (backend == u"sqlite"_s) {
        QCOMPARE(rowsOf(*dbConn, u"PRAGMA foreign_keys"_s), QStringList{u"1"_s});
        QCOMPARE(rowsOf(*dbConn, u"PRAGMA busy_timeout"_s), QStringList{u"5000"_s});
        // ?timeout= is pysqlite's, in seconds.
        const QString file = db->url().mid(u"sqlite:///"_s.size());
        const auto url = DatabaseUrl::parse(db->url() + u"?timeout=2.5"_s);
        QVERIFY(url);
        Connection withTimeout(*url, QDir::currentPath());
        QVERIFY(!withTimeout.open());
        QCOMPARE(rowsOf(withTimeout, u"PRAGMA busy_timeout"_s), QStringList{u"2500"_s});
        QCOMPARE(rowsOf(withTimeout, u"PRAGMA database_list"_s).first().section(u'|', 2),
                 QFileInfo(file).absoluteFilePath());
    } else {
        QCOMPARE(rowsOf(*dbConn, u"SELECT current_setting('application_name')"_s), QStringList{u"retort"_s});
        const auto url = DatabaseUrl::parse(db->url() + u"?application_name=mytool"_s);
        QVERIFY(url);
        Connection named(*url, QDir::currentPath());
        QVERIFY(!named.open());
        QCOMPARE(rowsOf(named, u"SELECT current_setting('application_name')"_s), QStringList{u"mytool"_s});
    }

    // Each instance has its own Qt connection, removed with it.
    QString failure;
    QString secondName;
    {
        const auto second = db->connect(&failure);
        QVERIFY2(second, qPrintable(failure));
        secondName = second->connectionName();
        QVERIFY(secondName != dbConn->connectionName());
        QVERIFY(QSqlDatabase::connectionNames().contains(secondName));
    }
    QVERIFY(!QSqlDatabase::connectionNames().contains(secondName));
    QVERIFY(QSqlDatabase::connectionNames().contains(dbConn->connectionName()));
}

void TstVersionTable::connectionErrorsMaskThePassword()
{
    // An SQLite file in a folder that does not exist, and a server port nobody listens on.
    const auto sqliteUrl = DatabaseUrl::parse(u"sqlite:////nonexistent-dir-for-retort/x/y.db"_s);
    QVERIFY(sqliteUrl);
    Connection sqlite(*sqliteUrl, QDir::currentPath());
    const auto sqliteError = sqlite.open();
    QVERIFY(sqliteError);
    QCOMPARE(sqliteError->kindName(), u"OpenFailed"_s);
    QVERIFY(!sqliteError->databaseMessage.isEmpty());
    QVERIFY2(sqliteError->toString().contains(u"/nonexistent-dir-for-retort/x/y.db"_s),
             qPrintable(sqliteError->toString()));

    const auto pgUrl = DatabaseUrl::parse(u"postgresql://someone:TopSecret99@127.0.0.1:1/db?connect_timeout=3"_s);
    QVERIFY(pgUrl);
    Connection pg(*pgUrl, QDir::currentPath());
    const auto pgError = pg.open();
    QVERIFY(pgError);
    QCOMPARE(pgError->kindName(), u"OpenFailed"_s);
    QVERIFY(!pgError->databaseMessage.isEmpty());
    QVERIFY2(pgError->target.contains(u"someone:***@127.0.0.1:1/db"_s), qPrintable(pgError->target));
    QVERIFY2(!pgError->toString().contains(u"TopSecret99"_s), qPrintable(pgError->toString()));
}

void TstVersionTable::passwordRole()
{
    QString failure;
    const QString base = qEnvironmentVariable("RETORT_TEST_PG_PASSWORD_URL");
    const QString password = testPostgresPassword();
    QVERIFY2(!base.isEmpty() && !password.isEmpty(),
             "RETORT_TEST_PG_PASSWORD_URL / RETORT_TEST_PG_PASSWORD are not set: run through ctest");
    const auto parsed = DatabaseUrl::parse(base);
    QVERIFY(parsed);
    DatabaseUrl url = parsed.value();

    url.password = password;
    Connection good(url, QDir::currentPath());
    const auto goodError = good.open();
    QVERIFY2(!goodError, goodError ? qPrintable(goodError->toString()) : "");
    QCOMPARE(rowsOf(good, u"SELECT current_user"_s), QStringList{url.user});
    QVERIFY(!good.target().contains(password));

    url.password = password + u"-wrong"_s;
    Connection bad(url, QDir::currentPath());
    const auto badError = bad.open();
    QVERIFY(badError);
    QCOMPARE(badError->kindName(), u"OpenFailed"_s);
    QVERIFY2(badError->databaseMessage.contains(u"password authentication failed"_s),
             qPrintable(badError->databaseMessage));
    QVERIFY(!badError->toString().contains(password));
    QVERIFY(badError->target.contains(u":***@"_s));

    url.password.clear();
    Connection none(url, QDir::currentPath());
    QVERIFY(none.open());
}

void TstVersionTable::createMatchesAlembic_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("schema");
    QTest::addColumn<bool>("primaryKey");
    for (const QString &backend : {u"sqlite"_s, u"postgresql"_s}) {
        for (const QString &table :
             {u"alembic_version"_s, u"MyVersions"_s, u"order"_s, u"user"_s, u"version-table"_s, u"v2_$x"_s}) {
            QTest::addRow("%s %s", qPrintable(backend), qPrintable(table)) << backend << table << QString() << true;
        }
        QTest::addRow("%s without pk", qPrintable(backend)) << backend << u"alembic_version"_s << QString() << false;
    }
    QTest::newRow("postgresql schema") << u"postgresql"_s << u"alembic_version"_s << u"versions"_s << true;
    QTest::newRow("postgresql Schema quoted") << u"postgresql"_s << u"Ver"_s << u"My Schema"_s << true;
}

void TstVersionTable::createMatchesAlembic()
{
    QFETCH(QString, backend);
    QFETCH(QString, table);
    QFETCH(QString, schema);
    QFETCH(bool, primaryKey);
    CREATE_DB(ours, backend);
    CREATE_DB(theirs, backend);
    if (!schema.isEmpty()) {
        const QString create = u"CREATE SCHEMA "_s + oursConn->dialect().quoteIdentifier(schema);
        QVERIFY(!oursConn->execute(create));
        QVERIFY(!theirsConn->execute(create));
    }

    VersionTable versions(*oursConn, {table, schema, primaryKey});
    const auto error = versions.create();
    QVERIFY2(!error, error ? qPrintable(error->toString()) : "");

    const AlembicPeer alembic(theirs->sqlalchemyUrl(), table, schema, primaryKey);
    const auto reply = alembic.run({AlembicPeer::create()});
    QVERIFY2(reply.ran && reply.errorType.isEmpty(), qPrintable(reply.failure + reply.errorType + reply.errorMessage));

    const QStringList ourShape = describeTable(*oursConn, schema, table);
    QVERIFY2(ourShape.size() >= 2, qPrintable(ourShape.join(u'\n')));
    QCOMPARE(ourShape.join(u'\n').contains(table + u"_pkc"_s), primaryKey);
    QCOMPARE(ourShape, describeTable(*theirsConn, schema, table));
}

void TstVersionTable::existsAndCreateAreIdempotent_data()
{
    backends();
}

void TstVersionTable::existsAndCreateAreIdempotent()
{
    QFETCH(QString, backend);
    CREATE_DB(db, backend);
    VersionTable versions(*dbConn);
    QCOMPARE(versions.exists().value(), false);
    QCOMPARE(versions.heads().value(), QStringList());
    QVERIFY(!versions.create());
    QCOMPARE(versions.exists().value(), true);
    QVERIFY(!versions.apply({ins(u"abc"_s)}));
    QVERIFY(!versions.create()); // already there: left alone, rows kept
    QCOMPARE(versions.heads().value(), QStringList{u"abc"_s});

    // Another name is another table.
    VersionTable other(*dbConn, {u"other_version"_s, {}, true});
    QCOMPARE(other.exists().value(), false);
    QCOMPARE(other.heads().value(), QStringList());
}

void TstVersionTable::applyMatchesAlembic_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("primaryKey");
    QTest::addColumn<Ops>("setup");
    QTest::addColumn<Ops>("ops");
    QTest::addColumn<QStringList>("expectedHeads"); // after ops; ignored when an error is expected
    QTest::addColumn<QString>("expectedError"); // start of the message, empty: none

    const auto a = u"a1"_s, b = u"b2"_s, c = u"c3"_s, m = u"m4"_s;
    for (const QString &backend : {u"sqlite"_s, u"postgresql"_s}) {
        const auto row = [&](const char *name) -> QTestData & {
            return QTest::addRow("%s %s", qPrintable(backend), name) << backend;
        };
        row("insert first") << true << Ops{} << Ops{ins(a)} << QStringList{a} << QString();
        row("upgrade chain") << true << Ops{ins(a)} << Ops{upd(a, b), upd(b, c)} << QStringList{c} << QString();
        row("second branch") << true << Ops{ins(a)} << Ops{ins(b)} << QStringList{a, b} << QString();
        row("merge") << true << Ops{ins(a), ins(b)} << Ops{del(b), upd(a, m)} << QStringList{m} << QString();
        row("unmerge") << true << Ops{ins(m)} << Ops{upd(m, a), ins(b)} << QStringList{a, b} << QString();
        row("downgrade to base") << true << Ops{ins(a)} << Ops{del(a)} << QStringList{} << QString();
        row("update missing row")
            << true << Ops{ins(a)} << Ops{upd(b, c)} << QStringList{}
            << u"Online migration expected to match one row when updating 'b2' to 'c3' in 'alembic_version'; 0 found"_s;
        row("delete missing row")
            << true << Ops{ins(a)} << Ops{del(b)} << QStringList{}
            << u"Online migration expected to match one row when deleting 'b2' in 'alembic_version'; 0 found"_s;
        row("update in empty table")
            << true << Ops{} << Ops{upd(a, b)} << QStringList{}
            << u"Online migration expected to match one row when updating 'a1' to 'b2' in 'alembic_version'; 0 found"_s;
        row("update hits two rows")
            << false << Ops{ins(a), ins(a)} << Ops{upd(a, b)} << QStringList{}
            << u"Online migration expected to match one row when updating 'a1' to 'b2' in 'alembic_version'; 2 found"_s;
        row("delete hits two rows")
            << false << Ops{ins(a), ins(a)} << Ops{del(a)} << QStringList{}
            << u"Online migration expected to match one row when deleting 'a1' in 'alembic_version'; 2 found"_s;
        row("error after a good op")
            << true << Ops{ins(a)} << Ops{upd(a, b), del(c)} << QStringList{}
            << u"Online migration expected to match one row when deleting 'c3' in 'alembic_version'; 0 found"_s;
        row("duplicate insert") << true << Ops{ins(a)} << Ops{ins(a)} << QStringList{}
                                << u"Cannot record revision 'a1'"_s;
    }
}

void TstVersionTable::applyMatchesAlembic()
{
    QFETCH(QString, backend);
    QFETCH(bool, primaryKey);
    QFETCH(Ops, setup);
    QFETCH(Ops, ops);
    QFETCH(QStringList, expectedHeads);
    QFETCH(QString, expectedError);
    CREATE_DB(ours, backend);
    CREATE_DB(theirs, backend);

    VersionTable versions(*oursConn, {u"alembic_version"_s, {}, primaryKey});
    QVERIFY(!versions.create());
    const auto setupError = versions.apply(setup);
    QVERIFY2(!setupError, setupError ? qPrintable(setupError->toString()) : "");
    const QStringList before = sorted(versions.heads().value());

    QVERIFY(!oursConn->begin());
    const auto error = versions.apply(ops);
    if (error)
        QVERIFY(!oursConn->rollback());
    else
        QVERIFY(!oursConn->commit());

    // Alembic on the twin database: same setup, same ops through its HeadMaintainer.
    const AlembicPeer alembic(theirs->sqlalchemyUrl(), u"alembic_version"_s, {}, primaryKey);
    const auto setupReply = alembic.run({AlembicPeer::create(), AlembicPeer::apply(setup)});
    QVERIFY2(setupReply.ran && setupReply.errorType.isEmpty(), qPrintable(setupReply.failure));
    const auto reply = alembic.run({AlembicPeer::apply(ops)});
    QVERIFY2(reply.ran, qPrintable(reply.failure));
    QString failure;
    const QStringList alembicHeads = sorted(alembic.readHeads(&failure));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QStringList ourHeads = sorted(versions.heads().value());

    if (expectedError.isEmpty()) {
        QVERIFY2(!error, error ? qPrintable(error->toString()) : "");
        QVERIFY2(reply.errorType.isEmpty(), qPrintable(reply.errorMessage));
        QCOMPARE(ourHeads, sorted(expectedHeads));
    } else {
        QVERIFY2(error, "the ops were expected to fail");
        QVERIFY2(error->message.startsWith(expectedError), qPrintable(error->toString()));
        QVERIFY(!error->revision.isEmpty());
        QVERIFY(error->message.contains(error->revision));
        QVERIFY(!error->statement.isEmpty());
        QCOMPARE(error->target, ours->url());
        QVERIFY2(!reply.errorType.isEmpty(), "Alembic accepted ops that we rejected");
        if (error->kindName() == u"RowCount"_s)
            QVERIFY2(error->message.startsWith(reply.errorMessage),
                     qPrintable(error->message + u"\n vs Alembic: "_s + reply.errorMessage));
        QCOMPARE(ourHeads, before); // rolled back as a whole
    }
    QCOMPARE(ourHeads, alembicHeads);
}

void TstVersionTable::applyStaysInTheCallersTransaction_data()
{
    backends();
}

void TstVersionTable::applyStaysInTheCallersTransaction()
{
    QFETCH(QString, backend);
    CREATE_DB(db, backend);
    VersionTable versions(*dbConn);

    // Creation and rows roll back with the caller's transaction (both backends roll back DDL).
    QVERIFY(!dbConn->begin());
    QVERIFY(!versions.create());
    QVERIFY(!versions.apply({ins(u"a"_s)}));
    QCOMPARE(versions.heads().value(), QStringList{u"a"_s});
    QVERIFY(!dbConn->rollback());
    QCOMPARE(versions.exists().value(), false);

    QVERIFY(!versions.create());
    QVERIFY(!versions.apply({ins(u"a"_s)}));
    QVERIFY(!dbConn->begin());
    QVERIFY(!versions.apply({upd(u"a"_s, u"b"_s), ins(u"c"_s)}));
    // Nothing was committed inside apply(): a second connection still sees the old row.
    {
        QString failure;
        const auto other = db->connect(&failure);
        QVERIFY2(other, qPrintable(failure));
        if (backend == u"postgresql"_s)
            QCOMPARE(VersionTable(*other).heads().value(), QStringList{u"a"_s});
    }
    QVERIFY(!dbConn->rollback());
    QCOMPARE(versions.heads().value(), QStringList{u"a"_s});
}

void TstVersionTable::interop_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("schema");
    QTest::newRow("sqlite") << u"sqlite"_s << u"alembic_version"_s << QString();
    QTest::newRow("sqlite custom table") << u"sqlite"_s << u"Flask_Versions"_s << QString();
    QTest::newRow("postgresql") << u"postgresql"_s << u"alembic_version"_s << QString();
    QTest::newRow("postgresql schema") << u"postgresql"_s << u"alembic_version"_s << u"meta"_s;
    QTest::newRow("postgresql custom table and schema") << u"postgresql"_s << u"MyVersions"_s << u"Deploy Meta"_s;
}

void TstVersionTable::interop()
{
    QFETCH(QString, backend);
    QFETCH(QString, table);
    QFETCH(QString, schema);
    CREATE_DB(db, backend);
    if (!schema.isEmpty())
        QVERIFY(!dbConn->execute(u"CREATE SCHEMA "_s + dbConn->dialect().quoteIdentifier(schema)));
    VersionTable versions(*dbConn, {table, schema, true});
    const AlembicPeer alembic(db->sqlalchemyUrl(), table, schema);
    QString failure;

    // Alembic sees no table yet, then the one we create and the rows we write.
    QCOMPARE(alembic.readHeads(&failure), QStringList());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(!versions.create());
    QVERIFY(!versions.apply({ins(u"aaa"_s), ins(u"bbb"_s)}));
    QCOMPARE(sorted(alembic.readHeads(&failure)), (QStringList{u"aaa"_s, u"bbb"_s}));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    // We read what Alembic's HeadMaintainer writes, and can carry on from there.
    const auto reply = alembic.run({AlembicPeer::apply({del(u"bbb"_s), upd(u"aaa"_s, u"ccc"_s)})});
    QVERIFY2(reply.ran && reply.errorType.isEmpty(), qPrintable(reply.failure + reply.errorMessage));
    QCOMPARE(versions.heads().value(), QStringList{u"ccc"_s});
    QVERIFY(!versions.apply({upd(u"ccc"_s, u"ddd"_s)}));
    QCOMPARE(alembic.readHeads(&failure), QStringList{u"ddd"_s});

    // A table Alembic created is one we recognise and use.
    VersionTable second(*dbConn, {table + u"_2"_s, schema, true});
    const AlembicPeer alembic2(db->sqlalchemyUrl(), table + u"_2"_s, schema);
    const auto created = alembic2.run({AlembicPeer::create(), AlembicPeer::apply({ins(u"x1"_s)})});
    QVERIFY2(created.ran && created.errorType.isEmpty(), qPrintable(created.failure + created.errorMessage));
    QCOMPARE(second.exists().value(), true);
    QVERIFY(!second.create());
    QCOMPARE(second.heads().value(), QStringList{u"x1"_s});
}

QTEST_GUILESS_MAIN(TstVersionTable)
#include "tst_versiontable.moc"
