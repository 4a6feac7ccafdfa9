// Dialect: names, quoting (checked against SQLAlchemy's own quoting rules), locking statements.
#include "AlembicPeer.h"

#include "db/Dialect.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using retort::Dialect;
using retort::SqlDialect;

class TstDialect : public QObject
{
    Q_OBJECT

private slots:
    void fromName_data();
    void fromName();
    void quoting_data();
    void quoting();
    void quotingMatchesSqlAlchemy();
    void behaviour();
};

void TstDialect::fromName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("expected"); // -1: unsupported
    QTest::newRow("sqlite") << u"sqlite"_s << int(SqlDialect::Sqlite);
    QTest::newRow("sqlite+pysqlite") << u"sqlite+pysqlite"_s << int(SqlDialect::Sqlite);
    QTest::newRow("postgresql") << u"postgresql"_s << int(SqlDialect::PostgreSql);
    QTest::newRow("postgresql+psycopg2") << u"postgresql+psycopg2"_s << int(SqlDialect::PostgreSql);
    QTest::newRow("postgres alias") << u"postgres"_s << int(SqlDialect::PostgreSql);
    QTest::newRow("upper case") << u"PostgreSQL"_s << int(SqlDialect::PostgreSql);
    QTest::newRow("mysql") << u"mysql+pymysql"_s << -1;
    QTest::newRow("empty") << QString() << -1;
}

void TstDialect::fromName()
{
    QFETCH(QString, name);
    QFETCH(int, expected);
    const auto dialect = Dialect::fromName(name);
    QCOMPARE(dialect.has_value(), expected >= 0);
    if (dialect)
        QCOMPARE(int(dialect->kind()), expected);
}

void TstDialect::quoting_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("ifNeeded");
    QTest::addColumn<QString>("always");
    const int lite = int(SqlDialect::Sqlite), pg = int(SqlDialect::PostgreSql);
    QTest::newRow("plain") << pg << u"alembic_version"_s << u"alembic_version"_s << u"\"alembic_version\""_s;
    QTest::newRow("upper case") << pg << u"MyVer"_s << u"\"MyVer\""_s << u"\"MyVer\""_s;
    QTest::newRow("reserved both") << lite << u"order"_s << u"\"order\""_s << u"\"order\""_s;
    QTest::newRow("user on postgresql") << pg << u"user"_s << u"\"user\""_s << u"\"user\""_s;
    QTest::newRow("user on sqlite") << lite << u"user"_s << u"user"_s << u"\"user\""_s;
    QTest::newRow("pragma on sqlite") << lite << u"pragma"_s << u"\"pragma\""_s << u"\"pragma\""_s;
    QTest::newRow("pragma on postgresql") << pg << u"pragma"_s << u"pragma"_s << u"\"pragma\""_s;
    QTest::newRow("dash") << pg << u"x-y"_s << u"\"x-y\""_s << u"\"x-y\""_s;
    QTest::newRow("leading digit") << pg << u"1abc"_s << u"\"1abc\""_s << u"\"1abc\""_s;
    QTest::newRow("dollar inside") << pg << u"a$b"_s << u"a$b"_s << u"\"a$b\""_s;
    QTest::newRow("leading dollar") << lite << u"$a"_s << u"\"$a\""_s << u"\"$a\""_s;
    QTest::newRow("embedded quote") << pg << u"a\"b"_s << u"\"a\"\"b\""_s << u"\"a\"\"b\""_s;
    QTest::newRow("space") << lite << u"my table"_s << u"\"my table\""_s << u"\"my table\""_s;
    QTest::newRow("non-ascii") << pg << u"versión"_s << u"\"versión\""_s << u"\"versión\""_s;
}

void TstDialect::quoting()
{
    QFETCH(int, kind);
    QFETCH(QString, identifier);
    QFETCH(QString, ifNeeded);
    QFETCH(QString, always);
    const Dialect d = Dialect::of(SqlDialect(kind));
    QCOMPARE(d.quoteIdentifierIfNeeded(identifier), ifNeeded);
    QCOMPARE(d.quoteIdentifier(identifier), always);
}

void TstDialect::quotingMatchesSqlAlchemy()
{
    // Every reserved word of either backend, and shapes of names, quoted by both.
    QStringList names = {
        u"alembic_version"_s, u"Alembic"_s, u"x-y"_s, u"_a"_s, u"a_1$"_s, u"$a"_s, u"9a"_s, u"a b"_s, u"a\"b"_s,
        u"ver\u00e9"_s,       u"ORDER"_s};
    for (const char *w : {"order", "user", "table", "select", "analyse", "pragma", "vacuum", "window", "with", "key",
                          "plan", "query", "row", "do", "only", "some"})
        names.append(QLatin1String(w));
    const auto reply = AlembicPeer(QString()).run(
        {AlembicPeer::quote(u"sqlite"_s, names), AlembicPeer::quote(u"postgresql"_s, names)});
    QVERIFY2(reply.ran && reply.errorType.isEmpty(), qPrintable(reply.failure + reply.errorMessage));
    const Dialect dialects[] = {Dialect::sqlite(), Dialect::postgresql()};
    for (int d = 0; d < 2; ++d) {
        const QJsonArray theirs = reply.results.at(d).toArray();
        QCOMPARE(theirs.size(), names.size());
        for (int i = 0; i < names.size(); ++i)
            QCOMPARE(dialects[d].quoteIdentifierIfNeeded(names[i]), theirs.at(i).toString());
    }
}

void TstDialect::behaviour()
{
    const Dialect lite = Dialect::sqlite();
    const Dialect pg = Dialect::postgresql();
    QCOMPARE(lite.name(), u"sqlite"_s);
    QCOMPARE(pg.name(), u"postgresql"_s);
    QCOMPARE(lite.qtDriver(), u"QSQLITE"_s);
    QCOMPARE(pg.qtDriver(), u"QPSQL"_s);
    QCOMPARE(Dialect::fromQtDriver(u"QPSQL"), pg);
    QVERIFY(!Dialect::fromQtDriver(u"QMYSQL"));
    QVERIFY(!lite.transactionalDdl());
    QVERIFY(pg.transactionalDdl());
    QVERIFY(pg.supportsSchemas());
    QCOMPARE(lite.qualifiedName({}, u"alembic_version"_s), u"alembic_version"_s);
    QCOMPARE(pg.qualifiedName(u"My Schema"_s, u"v"_s), u"\"My Schema\".v"_s);
    QCOMPARE(pg.quoteLiteral(u"it's"_s), u"'it''s'"_s);
    QCOMPARE(lite.lockMethod(), Dialect::LockMethod::WriteTransaction);
    QCOMPARE(lite.beginStatement(), u"BEGIN IMMEDIATE"_s);
    QVERIFY(lite.lockStatement(1).isEmpty());
    QCOMPARE(pg.lockMethod(), Dialect::LockMethod::AdvisoryLock);
    QCOMPARE(pg.lockStatement(42), u"SELECT pg_catalog.pg_advisory_lock(42)"_s);
    QCOMPARE(pg.tryLockStatement(-7), u"SELECT pg_catalog.pg_try_advisory_lock(-7)"_s);
    QCOMPARE(pg.unlockStatement(42), u"SELECT pg_catalog.pg_advisory_unlock(42)"_s);
}

QTEST_GUILESS_MAIN(TstDialect)
#include "tst_dialect.moc"
