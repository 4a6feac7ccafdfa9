#include "db/DatabaseUrl.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

QStringList queryList(const DatabaseUrl &url)
{
    QStringList out;
    for (const auto &[key, value] : url.query)
        out.append(key + u'=' + value);
    return out;
}

} // namespace

class TestDatabaseUrl : public QObject
{
    Q_OBJECT

private slots:
    // Expectations follow SQLAlchemy 1.4's make_url (checked against Debian's python3-sqlalchemy).
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("driver");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QStringList>("query");

        const QString none;
        QTest::newRow("sqlite relative") << u"sqlite:///relative.db"_s << u"sqlite"_s << none << none << none << none
                                         << 0 << u"relative.db"_s << QStringList();
        QTest::newRow("sqlite relative subdir") << u"sqlite:///data/sub dir/app.db"_s << u"sqlite"_s << none << none
                                                << none << none << 0 << u"data/sub dir/app.db"_s << QStringList();
        QTest::newRow("sqlite absolute") << u"sqlite:////var/lib/app.db"_s << u"sqlite"_s << none << none << none
                                         << none << 0 << u"/var/lib/app.db"_s << QStringList();
        QTest::newRow("sqlite no path") << u"sqlite://"_s << u"sqlite"_s << none << none << none << none << 0 << none
                                        << QStringList();
        QTest::newRow("sqlite empty path")
            << u"sqlite:///"_s << u"sqlite"_s << none << none << none << none << 0 << none << QStringList();
        QTest::newRow("sqlite memory") << u"sqlite:///:memory:"_s << u"sqlite"_s << none << none << none << none << 0
                                       << u":memory:"_s << QStringList();
        QTest::newRow("sqlite driver") << u"sqlite+pysqlite:///x.db"_s << u"sqlite"_s << u"pysqlite"_s << none << none
                                       << none << 0 << u"x.db"_s << QStringList();
        QTest::newRow("sqlite uri") << u"sqlite:///file:data.db?mode=ro&uri=true"_s << u"sqlite"_s << none << none
                                    << none << none << 0 << u"file:data.db"_s
                                    << QStringList{u"mode=ro"_s, u"uri=true"_s};
        QTest::newRow("sqlite windows path") << u"sqlite:///C:\\data\\app.db"_s << u"sqlite"_s << none << none << none
                                             << none << 0 << u"C:\\data\\app.db"_s << QStringList();
        QTest::newRow("postgresql full") << u"postgresql://user:pass@db.example.com:5432/app?sslmode=require"_s
                                         << u"postgresql"_s << none << u"user"_s << u"pass"_s << u"db.example.com"_s
                                         << 5432 << u"app"_s << QStringList{u"sslmode=require"_s};
        QTest::newRow("psycopg2") << u"postgresql+psycopg2://u:p@h/db"_s << u"postgresql"_s << u"psycopg2"_s << u"u"_s
                                  << u"p"_s << u"h"_s << 0 << u"db"_s << QStringList();
        QTest::newRow("asyncpg") << u"postgresql+asyncpg://u@h/db"_s << u"postgresql"_s << u"asyncpg"_s << u"u"_s
                                 << none << u"h"_s << 0 << u"db"_s << QStringList();
        QTest::newRow("pg8000") << u"postgresql+pg8000://h:6543/db"_s << u"postgresql"_s << u"pg8000"_s << none << none
                                << u"h"_s << 6543 << u"db"_s << QStringList();
        QTest::newRow("postgres alias") << u"postgres://u:p@h/db"_s << u"postgresql"_s << none << u"u"_s << u"p"_s
                                        << u"h"_s << 0 << u"db"_s << QStringList();
        QTest::newRow("postgres alias with driver") << u"postgres+psycopg2://h/db"_s << u"postgresql"_s << u"psycopg2"_s
                                                    << none << none << u"h"_s << 0 << u"db"_s << QStringList();
        QTest::newRow("upper-case dialect") << u"PostgreSQL://h/db"_s << u"postgresql"_s << none << none << none
                                            << u"h"_s << 0 << u"db"_s << QStringList();
        QTest::newRow("encoded password") << u"postgresql://user:p%40ss@host/db"_s << u"postgresql"_s << none
                                          << u"user"_s << u"p@ss"_s << u"host"_s << 0 << u"db"_s << QStringList();
        QTest::newRow("encoded user and password")
            << u"postgresql://us%3Aer:p%2Fw%25d%3A@h/db"_s << u"postgresql"_s << none << u"us:er"_s << u"p/w%d:"_s
            << u"h"_s << 0 << u"db"_s << QStringList();
        QTest::newRow("encoded utf-8") << u"postgresql://j%C3%BCrgen:%E2%82%AC@h/db"_s << u"postgresql"_s << none
                                       << u"jürgen"_s << u"€"_s << u"h"_s << 0 << u"db"_s << QStringList();
        QTest::newRow("malformed escape kept") << u"postgresql://u:p%zz@h/db"_s << u"postgresql"_s << none << u"u"_s
                                               << u"p%zz"_s << u"h"_s << 0 << u"db"_s << QStringList();
        QTest::newRow("plus in password is a plus") << u"postgresql://u:a+b@h/db"_s << u"postgresql"_s << none << u"u"_s
                                                    << u"a+b"_s << u"h"_s << 0 << u"db"_s << QStringList();
        QTest::newRow("slash in password") << u"postgresql://u:pa/ss@h/db"_s << u"postgresql"_s << none << u"u"_s
                                           << u"pa/ss"_s << u"h"_s << 0 << u"db"_s << QStringList();
        QTest::newRow("colon in password") << u"postgresql://u:pa:ss@h/db"_s << u"postgresql"_s << none << u"u"_s
                                           << u"pa:ss"_s << u"h"_s << 0 << u"db"_s << QStringList();
        QTest::newRow("empty password") << u"postgresql://u:@h/db"_s << u"postgresql"_s << none << u"u"_s << none
                                        << u"h"_s << 0 << u"db"_s << QStringList();
        QTest::newRow("user only") << u"postgresql://u@h:5432/db"_s << u"postgresql"_s << none << u"u"_s << none
                                   << u"h"_s << 5432 << u"db"_s << QStringList();
        QTest::newRow("host only") << u"postgresql://localhost"_s << u"postgresql"_s << none << none << none
                                   << u"localhost"_s << 0 << none << QStringList();
        QTest::newRow("nothing") << u"postgresql://"_s << u"postgresql"_s << none << none << none << none << 0 << none
                                 << QStringList();
        QTest::newRow("ipv6") << u"postgresql://[::1]:5433/db"_s << u"postgresql"_s << none << none << none << u"::1"_s
                              << 5433 << u"db"_s << QStringList();
        QTest::newRow("ipv6 with user") << u"postgresql://u:p@[2001:db8::1]/db"_s << u"postgresql"_s << none << u"u"_s
                                        << u"p"_s << u"2001:db8::1"_s << 0 << u"db"_s << QStringList();
        QTest::newRow("socket host, empty host")
            << u"postgresql:///db?host=/var/run/postgresql"_s << u"postgresql"_s << none << none << none << none << 0
            << u"db"_s << QStringList{u"host=/var/run/postgresql"_s};
        QTest::newRow("socket host encoded, user, empty host")
            << u"postgresql://u@/db?host=%2Ftmp"_s << u"postgresql"_s << none << u"u"_s << none << none << 0 << u"db"_s
            << QStringList{u"host=/tmp"_s};
        QTest::newRow("query in order") << u"postgresql://h/db?b=2&a=1&b=3&app=my+app&empty=&bare"_s << u"postgresql"_s
                                        << none << none << none << u"h"_s << 0 << u"db"_s
                                        << QStringList{u"b=2"_s,        u"a=1"_s,    u"b=3"_s,
                                                       u"app=my app"_s, u"empty="_s, u"bare="_s};
        QTest::newRow("ssl parameters")
            << u"postgresql://h/db?sslmode=verify-full&sslrootcert=/etc/ca.pem&connect_timeout=10"_s << u"postgresql"_s
            << none << none << none << u"h"_s << 0 << u"db"_s
            << QStringList{u"sslmode=verify-full"_s, u"sslrootcert=/etc/ca.pem"_s, u"connect_timeout=10"_s};
        QTest::newRow("options with encoded equals")
            << u"postgresql://h/db?options=-csearch_path%3Dmyschema"_s << u"postgresql"_s << none << none << none
            << u"h"_s << 0 << u"db"_s << QStringList{u"options=-csearch_path=myschema"_s};
        QTest::newRow("surrounding whitespace") << u"  postgresql://h/db \n"_s << u"postgresql"_s << none << none
                                                << none << u"h"_s << 0 << u"db"_s << QStringList();
        QTest::newRow("empty port ignored") << u"postgresql://h:/db"_s << u"postgresql"_s << none << none << none
                                            << u"h"_s << 0 << u"db"_s << QStringList();
    }

    void parse()
    {
        QFETCH(QString, text);
        const auto result = DatabaseUrl::parse(text);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        const DatabaseUrl &url = *result;
        QTEST(url.dialect, "dialect");
        QTEST(url.driver, "driver");
        QTEST(url.user, "user");
        QTEST(url.password, "password");
        QTEST(url.host, "host");
        QTEST(url.port, "port");
        QTEST(url.database, "database");
        QTEST(queryList(url), "query");
        // Whatever was parsed renders to text that parses back to the same fields.
        const auto again = DatabaseUrl::parse(url.toString());
        QVERIFY(again.ok());
        QCOMPARE(*again, url);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("kind");

        QTest::newRow("empty") << u""_s << u"EmptyUrl"_s;
        QTest::newRow("blank") << u"  \n"_s << u"EmptyUrl"_s;
        for (const char *dialect : {"mysql", "mysql+pymysql", "mariadb", "mssql+pyodbc", "oracle", "oracle+cx_oracle",
                                    "sqlite3", "firebird", "driver"}) {
            QTest::newRow(dialect) << QLatin1String(dialect) + u"://user:secret@host/db"_s << u"UnsupportedDialect"_s;
        }
        const QStringList malformed = {
            u"postgresql//user:secret@host/db"_s,
            u"postgresql:/user:secret@host/db"_s,
            u"user:secret@host/db"_s,
            u"://user:secret@host/db"_s,
            u"postgresql+://user:secret@host/db"_s,
            u"+psycopg2://user:secret@host/db"_s,
            u"postgresql+a+b://user:secret@host/db"_s,
            u"post gresql://user:secret@host/db"_s,
            u"user:secret@host://db"_s,
            u"postgresql://user:secret@host:port/db"_s,
            u"postgresql://user:secret@host:70000/db"_s,
            u"postgresql://user:secret@host:0/db"_s,
            u"postgresql://user:secret@host:-1/db"_s,
            u"postgresql://user:secret/db"_s, // forgot @host: port = "secret"
            u"postgresql://user:secret1234/db"_s,
            u"postgresql://user:se@cret@host/db"_s, // unencoded @ in the password
            u"postgresql://user:secret@[::1/db"_s,
            u"postgresql://user:secret@[]/db"_s,
            u"postgresql://user:secret@[::1]x/db"_s,
            u"postgresql://user:secret@ho st/db"_s,
            u"sqlite://relative.db"_s, // two slashes: a host, not a file
            u"sqlite://user:secret@/x.db"_s,
            u"sqlite://localhost:5432/x.db"_s,
        };
        for (const QString &text : malformed)
            QTest::newRow(qPrintable(text)) << text << u"MalformedUrl"_s;
    }

    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, kind);
        const auto result = DatabaseUrl::parse(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kindName(), kind);
        QVERIFY(!result.error().message.isEmpty());
        QVERIFY2(!result.error().message.contains(u"secret"_s), qPrintable(result.error().message));
        if (kind == u"UnsupportedDialect"_s) {
            QVERIFY(result.error().message.contains(text.section(u"://"_s, 0, 0).section(u'+', 0, 0)));
            QVERIFY(result.error().message.contains(u"sqlite"_s));
            QVERIFY(result.error().message.contains(u"postgresql"_s));
        }
        if (text.startsWith(u"sqlite://"_s))
            QVERIFY(result.error().message.contains(u"sqlite:///"_s));
    }

    // Text in canonical form comes back exactly.
    void toStringExact_data()
    {
        QTest::addColumn<QString>("text");
        for (const QString &text : {
                 u"sqlite:///relative.db"_s,
                 u"sqlite:////abs/dir/x.db"_s,
                 u"sqlite://"_s,
                 u"sqlite:///:memory:"_s,
                 u"sqlite+pysqlite:///x.db"_s,
                 u"sqlite:///file:data.db?mode=ro&uri=true"_s,
                 u"postgresql://u:p@h:5432/db"_s,
                 u"postgresql+psycopg2://u:p%40ss@h/db"_s,
                 u"postgresql://u@h/db"_s,
                 u"postgresql://h/db"_s,
                 u"postgresql://h"_s,
                 u"postgresql://"_s,
                 u"postgresql://[::1]:5433/db"_s,
                 u"postgresql://u:p@[2001:db8::1]/db"_s,
                 u"postgresql:///db?host=/var/run/postgresql"_s,
                 u"postgresql://u:p@h/db?sslmode=require&application_name=my+app"_s,
                 u"postgresql://h/db?b=2&a=1&b=3"_s,
                 u"postgresql://us%3Aer:p%2Fw%25d%40x@h/db"_s,
                 u"postgresql://h/db?options=-csearch_path=myschema"_s,
                 u"postgresql://jürgen:pä@h/db"_s,
                 u"postgresql+asyncpg://u:p@h:6432/db?ssl=true&x=a%26b"_s,
             })
            QTest::newRow(qPrintable(text)) << text;
    }
    void toStringExact()
    {
        QFETCH(QString, text);
        const auto url = DatabaseUrl::parse(text);
        QVERIFY(url.ok());
        QCOMPARE(url->toString(), text);
    }

    // Other spellings render in the canonical form.
    void toStringCanonical_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("alias") << u"postgres://u@h/db"_s << u"postgresql://u@h/db"_s;
        QTest::newRow("upper case") << u"POSTGRESQL://h/db"_s << u"postgresql://h/db"_s;
        QTest::newRow("raw colon in password") << u"postgresql://u:pa:ss@h/db"_s << u"postgresql://u:pa%3Ass@h/db"_s;
        QTest::newRow("empty password") << u"postgresql://u:@h/db"_s << u"postgresql://u@h/db"_s;
        QTest::newRow("lower-case escape") << u"postgresql://u:p%3a@h/db"_s << u"postgresql://u:p%3A@h/db"_s;
        QTest::newRow("encoded query") << u"postgresql:///db?host=%2Ftmp"_s << u"postgresql:///db?host=/tmp"_s;
        QTest::newRow("empty port") << u"postgresql://h:/db"_s << u"postgresql://h/db"_s;
        QTest::newRow("trailing slash") << u"postgresql://h/"_s << u"postgresql://h"_s;
    }
    void toStringCanonical()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto url = DatabaseUrl::parse(text);
        QVERIFY(url.ok());
        QCOMPARE(url->toString(), expected);
    }

    // Any user, password or query value survives toString() and parse().
    void fieldsRoundTrip_data()
    {
        QTest::addColumn<QString>("value");
        for (const QString &v : {u"p@ss"_s, u"a:b/c?d#e[f]g%h"_s, u" spaced "_s, u"ü€"_s, u"***"_s, u"+plus+"_s,
                                 u"&=;"_s, u"%41"_s, u"tab\there"_s, u"'quote\"s\\"_s})
            QTest::newRow(qPrintable(v)) << v;
    }
    void fieldsRoundTrip()
    {
        QFETCH(QString, value);
        DatabaseUrl url;
        url.dialect = u"postgresql"_s;
        url.driver = u"psycopg2"_s;
        url.user = value;
        url.password = value;
        url.host = u"h"_s;
        url.port = 5432;
        url.database = u"db"_s;
        url.query = {{u"application_name"_s, value}, {value, u"x"_s}};
        const auto parsed = DatabaseUrl::parse(url.toString());
        QVERIFY2(parsed.ok(), qPrintable(url.toString()));
        QCOMPARE(*parsed, url);
    }

    void toDisplayString_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("password") << u"postgresql://user:secret@host/db"_s << u"postgresql://user:***@host/db"_s;
        QTest::newRow("encoded password, driver, port, query")
            << u"postgresql+psycopg2://user:p%40secret@host:5432/db?sslmode=require"_s
            << u"postgresql+psycopg2://user:***@host:5432/db?sslmode=require"_s;
        QTest::newRow("no password") << u"postgresql://user@host/db"_s << u"postgresql://user@host/db"_s;
        QTest::newRow("sqlite") << u"sqlite:///app.db"_s << u"sqlite:///app.db"_s;
        QTest::newRow("password in query")
            << u"postgresql://u@h/db?password=secret&x=1"_s << u"postgresql://u@h/db?password=***&x=1"_s;
        QTest::newRow("password everywhere")
            << u"postgresql://u:secret@h/db?password=secret"_s << u"postgresql://u:***@h/db?password=***"_s;
    }
    void toDisplayString()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto url = DatabaseUrl::parse(text);
        QVERIFY(url.ok());
        QCOMPARE(url->toDisplayString(), expected);
        QVERIFY(!url->toDisplayString().contains(u"secret"_s));
    }

    void sqliteFiles_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("inMemory");
        QTest::addColumn<QString>("path");
        QTest::newRow("relative") << u"sqlite:///app.db"_s << false << u"/work/proj/app.db"_s;
        QTest::newRow("relative subdir") << u"sqlite:///instance/app.db"_s << false << u"/work/proj/instance/app.db"_s;
        QTest::newRow("parent") << u"sqlite:///../app.db"_s << false << u"/work/app.db"_s;
        QTest::newRow("absolute") << u"sqlite:////srv/app.db"_s << false << u"/srv/app.db"_s;
        QTest::newRow("memory") << u"sqlite:///:memory:"_s << true << QString();
        QTest::newRow("no path") << u"sqlite://"_s << true << QString();
        QTest::newRow("postgresql") << u"postgresql://h/app.db"_s << false << QString();
    }
    void sqliteFiles()
    {
        QFETCH(QString, text);
        QFETCH(bool, inMemory);
        QFETCH(QString, path);
        const auto url = DatabaseUrl::parse(text);
        QVERIFY(url.ok());
        QCOMPARE(url->isInMemory(), inMemory);
        QCOMPARE(url->sqliteFilePath(u"/work/proj"_s), path);
    }

    void dialectEnum()
    {
        QCOMPARE(DatabaseUrl::parse(u"sqlite://"_s)->sqlDialect(), SqlDialect::Sqlite);
        QCOMPARE(DatabaseUrl::parse(u"postgres://"_s)->sqlDialect(), SqlDialect::PostgreSql);
        QVERIFY(sqlDialectFromName(u"PostgreSQL") == SqlDialect::PostgreSql);
        QVERIFY(sqlDialectFromName(u"postgres") == SqlDialect::PostgreSql);
        QVERIFY(sqlDialectFromName(u"sqlite") == SqlDialect::Sqlite);
        QVERIFY(!sqlDialectFromName(u"mysql"));
        QCOMPARE(sqlDialectName(SqlDialect::PostgreSql), u"postgresql"_s);
        QCOMPARE(DatabaseUrl::supportedDialects(), (QStringList{u"sqlite"_s, u"postgresql"_s}));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
