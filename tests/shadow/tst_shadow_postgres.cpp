// Shadow databases on the PostgreSQL fixture server: what is created is dropped, a clone holds
// its source's contents, and a role without CREATEDB gets an error that says what to do. A step
// run as one batch (BatchedStep) applies whole with its version change and counts the catalog
// rows it wrote, or, whatever fails in it, leaves nothing behind and the connection usable.
#include "ShadowDatabases.h"
#include "TestDatabase.h"

#include "db/Connection.h"
#include "db/DatabaseUrl.h"
#include "db/VersionTable.h"
#include "graph/Plan.h"
#include "run/StepScript.h"
#include "shadow/BatchedStep.h"
#include "shadow/ShadowDatabase.h"

#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

ShadowServer::Options options(const QString &url)
{
    ShadowServer::Options options;
    options.dialect = SqlDialect::PostgreSql;
    options.serverUrl = DatabaseUrl::parse(url).value();
    options.serverSource = u"[retort] shadow_url"_s;
    return options;
}

StepScript scriptOf(const QStringList &statements)
{
    StepScript script;
    for (const QString &sql : statements)
        script.statements.append(SqlStatement{sql, int(script.statements.size()) + 1});
    return script;
}

PlanStep stepTo(const QString &from, const QString &to)
{
    PlanStep step;
    step.revision = to;
    step.versionOps = {from.isEmpty() ? VersionOp{VersionOp::Kind::Insert, {}, to}
                                      : VersionOp{VersionOp::Kind::Update, from, to}};
    step.headsAfter = {to};
    return step;
}

// A shadow database on the fixture server, connected; `failure` says why not.
struct OpenShadow
{
    std::unique_ptr<ShadowServer> server; // first: it drops the database, which goes before it
    std::unique_ptr<ShadowDatabase> database;
    Connection *connection = nullptr;
    QString failure;
};

OpenShadow openShadow()
{
    OpenShadow shadow;
    auto server = ShadowServer::open(options(TestDatabase::serverUrl(&shadow.failure)));
    if (!server) {
        shadow.failure = server.error().toString();
        return shadow;
    }
    shadow.server = std::move(server).value();
    auto database = shadow.server->createEmpty();
    if (!database) {
        shadow.failure = database.error().toString();
        return shadow;
    }
    shadow.database = std::move(database).value();
    auto connection = shadow.database->connection();
    if (!connection) {
        shadow.failure = connection.error().toString();
        return shadow;
    }
    shadow.connection = *connection;
    return shadow;
}

QStringList column(Connection &connection, const QString &sql)
{
    QSqlQuery query(connection.database());
    QStringList values;
    if (!query.exec(sql))
        return {u"failed: "_s + sql};
    while (query.next())
        values << query.value(0).toString();
    return values;
}

} // namespace

class TestShadowPostgres : public QObject
{
    Q_OBJECT

private slots:
    void createCloneDrop();
    void roleWithoutCreatedb();
    void batchSuits_data();
    void batchSuits();
    void batchAppliesAndCounts();
    void batchFailureLeavesNothing_data();
    void batchFailureLeavesNothing();
};

void TestShadowPostgres::createCloneDrop()
{
    QString failure;
    const QString serverUrl = TestDatabase::serverUrl(&failure);
    QVERIFY2(!serverUrl.isEmpty(), qPrintable(failure));
    {
        auto server = ShadowServer::open(options(serverUrl));
        QVERIFY2(server, qPrintable(server ? QString() : server.error().toString()));
        auto first = (*server)->createEmpty();
        QVERIFY(first);
        QVERIFY((*first)->name().startsWith(u"retort_shadow_"_s));
        QVERIFY((*first)->sqlalchemyUrl().startsWith(u"postgresql://"_s));
        auto connection = (*first)->connection();
        QVERIFY(connection);
        QVERIFY(!(*connection)->execute(u"CREATE TABLE kept (id integer)"_s));
        auto copy = (*server)->clone(**first);
        QVERIFY2(copy, qPrintable(copy ? QString() : copy.error().toString()));
        auto copied = (*copy)->connection();
        QVERIFY(copied);
        QCOMPARE((*copied)->tableExists(QString(), u"kept"_s).value(), true);
        QCOMPARE(shadowDatabases().size(), 2);
    }
    QCOMPARE(shadowDatabases(), QStringList());
}

void TestShadowPostgres::roleWithoutCreatedb()
{
    QString failure;
    const QString serverUrl = TestDatabase::serverUrl(&failure);
    auto admin = TestDatabase::open(serverUrl, &failure);
    QVERIFY2(admin, qPrintable(failure));
    admin->execute(u"DROP ROLE IF EXISTS retort_nocreate"_s);
    QVERIFY(!admin->execute(u"CREATE ROLE retort_nocreate LOGIN NOCREATEDB"_s));
    DatabaseUrl url = DatabaseUrl::parse(serverUrl).value();
    url.user = u"retort_nocreate"_s;
    {
        auto server = ShadowServer::open(options(url.toString()));
        QVERIFY2(server, qPrintable(server ? QString() : server.error().toString()));
        auto created = (*server)->createEmpty();
        QVERIFY(!created);
        QCOMPARE(created.error().kind, ErrorKind::ShadowUnavailable);
        QVERIFY2(created.error().message.contains(u"shadow_url"), qPrintable(created.error().message));
        QVERIFY(created.error().message.contains(u"CREATEDB"));
        QVERIFY(created.error().databaseMessage.contains(u"permission denied"));
    }
    QVERIFY(!admin->execute(u"DROP ROLE retort_nocreate"_s));
    QCOMPARE(shadowDatabases(), QStringList());
}

void TestShadowPostgres::batchSuits_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<bool>("transactional");
    QTest::addColumn<bool>("suits");
    QTest::newRow("ddl and data") << QStringList{u"CREATE TABLE a (id int)"_s, u"INSERT INTO a VALUES (1)"_s} << true
                                  << true;
    QTest::newRow("function body") << QStringList{u"CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS "
                                                  "$$ BEGIN RETURN 1; END $$"_s}
                                   << true << true;
    QTest::newRow("Transactional: no") << QStringList{u"CREATE INDEX CONCURRENTLY i ON a (id)"_s} << false << false;
    QTest::newRow("commit") << QStringList{u"CREATE TABLE a (id int)"_s, u"COMMIT"_s} << true << false;
    QTest::newRow("begin after a comment") << QStringList{u"-- go\nBEGIN"_s} << true << false;
    QTest::newRow("copy from stdin") << QStringList{u"copy a FROM STDIN"_s} << true << false;
}

void TestShadowPostgres::batchSuits()
{
    QFETCH(QStringList, statements);
    QFETCH(bool, transactional);
    QFETCH(bool, suits);
    StepScript script = scriptOf(statements);
    script.transactional = transactional;
    QCOMPARE(BatchedStep::suits(script, SqlDialect::PostgreSql), suits);
    QVERIFY(!BatchedStep::suits(script, SqlDialect::Sqlite));
}

void TestShadowPostgres::batchAppliesAndCounts()
{
    const OpenShadow shadow = openShadow();
    QVERIFY2(shadow.connection, qPrintable(shadow.failure));
    Connection &db = *shadow.connection;
    VersionTable versions(db);

    const BatchedStep::Outcome created = BatchedStep::run(
        db, versions, stepTo({}, u"a1"_s),
        scriptOf({u"CREATE TABLE t (id integer PRIMARY KEY, name text)"_s, u"INSERT INTO t VALUES (1, 'x')"_s}), true);
    QVERIFY(created.applied);
    QCOMPARE(column(db, u"SELECT version_num FROM alembic_version"_s), QStringList{u"a1"_s});
    QCOMPARE(column(db, u"SELECT name FROM t"_s), QStringList{u"x"_s});
    // The table, its key's index and the version table; their columns.
    QVERIFY(created.writes[CatalogWrites::Class].inserted >= 3);
    QVERIFY(created.writes[CatalogWrites::Attribute].inserted >= 3);
    QVERIFY(created.writes[CatalogWrites::Constraint].inserted >= 2);
    QCOMPARE(created.writes[CatalogWrites::Class].deleted, 0);

    const BatchedStep::Outcome data =
        BatchedStep::run(db, versions, stepTo(u"a1"_s, u"a2"_s), scriptOf({u"UPDATE t SET name = 'y'"_s}), false);
    QVERIFY(data.applied);
    QVERIFY2(!data.writes.any(), "rows written by the step before were counted again");
    QCOMPARE(column(db, u"SELECT version_num FROM alembic_version"_s), QStringList{u"a2"_s});

    const BatchedStep::Outcome dropped = BatchedStep::run(db, versions, stepTo(u"a2"_s, u"a3"_s),
                                                          scriptOf({u"ALTER TABLE t DROP COLUMN name"_s}), false);
    QVERIFY(dropped.applied);
    QVERIFY(dropped.writes[CatalogWrites::Attribute].changedOrDeleted());
}

void TestShadowPostgres::batchFailureLeavesNothing_data()
{
    QTest::addColumn<QString>("from"); // the version the step expects to move on from
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("statement fails") << u"a1"_s
                                     << QStringList{u"CREATE TABLE made (id int)"_s, u"SELECT * FROM missing"_s,
                                                    u"CREATE TABLE after (id int)"_s};
    QTest::newRow("syntax error") << u"a1"_s << QStringList{u"CREATE TABLE made (id int)"_s, u"CREATE TABLE ("_s};
    QTest::newRow("version table holds another") << u"zz"_s << QStringList{u"CREATE TABLE made (id int)"_s};
    // Checked only when COMMIT comes: the failure ends the transaction itself.
    QTest::newRow("deferred check at commit")
        << u"a1"_s
        << QStringList{u"CREATE TABLE made (id int PRIMARY KEY)"_s,
                       u"CREATE TABLE child (made_id int REFERENCES made DEFERRABLE INITIALLY DEFERRED)"_s,
                       u"INSERT INTO child VALUES (1)"_s};
}

void TestShadowPostgres::batchFailureLeavesNothing()
{
    QFETCH(QString, from);
    QFETCH(QStringList, statements);
    const OpenShadow shadow = openShadow();
    QVERIFY2(shadow.connection, qPrintable(shadow.failure));
    Connection &db = *shadow.connection;
    VersionTable versions(db);
    QVERIFY(BatchedStep::run(db, versions, stepTo({}, u"a1"_s), scriptOf({u"SELECT 1"_s}), true).applied);

    const BatchedStep::Outcome failed =
        BatchedStep::run(db, versions, stepTo(from, u"a2"_s), scriptOf(statements), false);
    QVERIFY(!failed.applied);
    QCOMPARE(column(db, u"SELECT version_num FROM alembic_version"_s), QStringList{u"a1"_s});
    QCOMPARE(column(db, u"SELECT count(*) FROM pg_class WHERE relname IN ('made', 'after', 'child')"_s),
             QStringList{u"0"_s});
    // No transaction is left open: the next step runs and commits.
    QVERIFY(BatchedStep::run(db, versions, stepTo(u"a1"_s, u"a2"_s), scriptOf({u"CREATE TABLE made (id int)"_s}), false)
                .applied);
    QCOMPARE(column(db, u"SELECT version_num FROM alembic_version"_s), QStringList{u"a2"_s});
    QCOMPARE(column(db, u"SELECT count(*) FROM pg_class WHERE relname = 'made'"_s), QStringList{u"1"_s});
}

QTEST_GUILESS_MAIN(TestShadowPostgres)
#include "tst_shadow_postgres.moc"
