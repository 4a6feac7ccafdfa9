// Shadow databases on the PostgreSQL fixture server: what is created is dropped, a clone holds
// its source's contents, and a role without CREATEDB gets an error that says what to do.
#include "ShadowDatabases.h"
#include "TestDatabase.h"

#include "db/Connection.h"
#include "db/DatabaseUrl.h"
#include "shadow/ShadowDatabase.h"

#include <QSqlQuery>
#include <QTest>

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

} // namespace

class TestShadowPostgres : public QObject
{
    Q_OBJECT

private slots:
    void createCloneDrop();
    void roleWithoutCreatedb();
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

QTEST_GUILESS_MAIN(TestShadowPostgres)
#include "tst_shadow_postgres.moc"
