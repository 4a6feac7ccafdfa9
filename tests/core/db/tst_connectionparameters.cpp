#include "db/ConnectionParameters.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

class TestConnectionParameters : public QObject
{
    Q_OBJECT

private slots:
    void fromUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("driver");
        QTest::addColumn<QString>("databaseName");
        QTest::addColumn<QString>("hostName");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("userName");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("connectOptions");
        QTest::addColumn<QStringList>("ignored");

        const QString none;
        const QStringList nothing;
        QTest::newRow("sqlite relative") << u"sqlite:///app.db"_s << u"QSQLITE"_s << u"/proj/app.db"_s << none << -1
                                         << none << none << none << nothing;
        QTest::newRow("sqlite absolute") << u"sqlite:////srv/app.db"_s << u"QSQLITE"_s << u"/srv/app.db"_s << none << -1
                                         << none << none << none << nothing;
        QTest::newRow("sqlite memory") << u"sqlite://"_s << u"QSQLITE"_s << u":memory:"_s << none << -1 << none << none
                                       << none << nothing;
        QTest::newRow("sqlite timeout in seconds")
            << u"sqlite:///app.db?timeout=2.5"_s << u"QSQLITE"_s << u"/proj/app.db"_s << none << -1 << none << none
            << u"QSQLITE_BUSY_TIMEOUT=2500"_s << nothing;
        QTest::newRow("sqlite uri") << u"sqlite:///file:app.db?mode=ro&uri=true"_s << u"QSQLITE"_s
                                    << u"file:app.db?mode=ro"_s << none << -1 << none << none << u"QSQLITE_OPEN_URI"_s
                                    << nothing;
        QTest::newRow("sqlite uri from a path")
            << u"sqlite:///app.db?uri=true&cache=shared"_s << u"QSQLITE"_s << u"file:/proj/app.db?cache=shared"_s
            << none << -1 << none << none << u"QSQLITE_OPEN_URI"_s << nothing;
        QTest::newRow("sqlite unknown parameter")
            << u"sqlite:///app.db?check_same_thread=false"_s << u"QSQLITE"_s << u"/proj/app.db"_s << none << -1 << none
            << none << none << QStringList{u"check_same_thread"_s};
        QTest::newRow("postgresql full") << u"postgresql+psycopg2://app:s3cret@db.example.com:5433/prod"_s << u"QPSQL"_s
                                         << u"prod"_s << u"db.example.com"_s << 5433 << u"app"_s << u"s3cret"_s << none
                                         << nothing;
        QTest::newRow("postgresql defaults")
            << u"postgresql:///prod"_s << u"QPSQL"_s << u"prod"_s << none << -1 << none << none << none << nothing;
        QTest::newRow("ssl and timeouts") << u"postgresql://u:pw@h/db?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem"
                                             "&connect_timeout=10&application_name=retort"_s
                                          << u"QPSQL"_s << u"db"_s << u"h"_s << -1 << u"u"_s << u"pw"_s
                                          << u"sslmode=verify-full;sslrootcert=/etc/ssl/ca.pem;connect_timeout=10;"
                                             "application_name=retort"_s
                                          << nothing;
        QTest::newRow("socket directory") << u"postgresql://u@/db?host=/var/run/postgresql"_s << u"QPSQL"_s << u"db"_s
                                          << none << -1 << u"u"_s << none << u"host=/var/run/postgresql"_s << nothing;
        QTest::newRow("query host wins") << u"postgresql://u@ignored/db?host=/tmp"_s << u"QPSQL"_s << u"db"_s << none
                                         << -1 << u"u"_s << none << u"host=/tmp"_s << nothing;
        QTest::newRow("quoted value") << u"postgresql://h/db?application_name=my+app%27s+tool"_s << u"QPSQL"_s
                                      << u"db"_s << u"h"_s << -1 << none << none
                                      << u"application_name='my app\\'s tool'"_s << nothing;
        QTest::newRow("password in query goes to the password")
            << u"postgresql://u@h/db?password=qsecret&sslmode=require"_s << u"QPSQL"_s << u"db"_s << u"h"_s << -1
            << u"u"_s << u"qsecret"_s << u"sslmode=require"_s << nothing;
        QTest::newRow("url password wins over query password")
            << u"postgresql://u:upw@h/db?password=qsecret"_s << u"QPSQL"_s << u"db"_s << u"h"_s << -1 << u"u"_s
            << u"upw"_s << none << nothing;
        QTest::newRow("user, dbname and port in query") << u"postgresql:///?user=u&dbname=d&port=6432"_s << u"QPSQL"_s
                                                        << u"d"_s << none << 6432 << u"u"_s << none << none << nothing;
        QTest::newRow("unknown and unsafe parameters")
            << u"postgresql://h/db?client_encoding=utf8&echo=true&options=-ca%3D1%3Bb"_s << u"QPSQL"_s << u"db"_s
            << u"h"_s << -1 << none << none << u"client_encoding=utf8"_s << QStringList{u"echo"_s, u"options"_s};
    }

    void fromUrl()
    {
        QFETCH(QString, url);
        const auto parsed = DatabaseUrl::parse(url);
        QVERIFY(parsed.ok());
        const ConnectionParameters p = ConnectionParameters::fromUrl(*parsed, u"/proj"_s);
        QTEST(p.driver, "driver");
        QTEST(p.databaseName, "databaseName");
        QTEST(p.hostName, "hostName");
        QTEST(p.port, "port");
        QTEST(p.userName, "userName");
        QTEST(p.password, "password");
        QTEST(p.connectOptions, "connectOptions");
        QTEST(p.ignoredOptions, "ignored");
        if (!p.password.isEmpty())
            QVERIFY(!p.connectOptions.contains(p.password));
    }
};

QTEST_GUILESS_MAIN(TestConnectionParameters)
#include "tst_connectionparameters.moc"
