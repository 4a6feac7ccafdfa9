#include "db/UrlSource.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

Q_DECLARE_METATYPE(retort::UrlSource)

class TestUrlSource : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("alembicIni");
        QTest::addColumn<QString>("retortSection");
        QTest::addColumn<QString>("url");
        QTest::addColumn<UrlSource>("source");
        QTest::addColumn<int>("notes");

        const QString a = u"sqlite:///a.db"_s, b = u"postgresql://b/db"_s, c = u"sqlite:///c.db"_s,
                      d = u"postgresql://d/db"_s, none;
        const QString placeholder = u"driver://user:pass@localhost/dbname"_s;
        QTest::newRow("all given: option") << a << b << c << d << a << UrlSource::Option << 0;
        QTest::newRow("environment") << none << b << c << d << b << UrlSource::Environment << 0;
        QTest::newRow("alembic.ini") << none << none << c << d << c << UrlSource::AlembicIni << 0;
        QTest::newRow("[retort]") << none << none << none << d << d << UrlSource::RetortSection << 0;
        QTest::newRow("nothing") << none << none << none << none << none << UrlSource::None << 0;
        QTest::newRow("blank values count as absent")
            << u"  "_s << u"\n"_s << u" "_s << d << d << UrlSource::RetortSection << 0;
        QTest::newRow("values are trimmed")
            << none << u" "_s + b + u"\n"_s << c << none << b << UrlSource::Environment << 0;
        QTest::newRow("option over environment") << a << b << none << none << a << UrlSource::Option << 0;
        QTest::newRow("environment over ini") << none << b << c << none << b << UrlSource::Environment << 0;
        QTest::newRow("template placeholder skipped")
            << none << none << placeholder << d << d << UrlSource::RetortSection << 1;
        QTest::newRow("only the placeholder") << none << none << placeholder << none << none << UrlSource::None << 1;
        // Resolution does not judge URLs: a bad one wins and fails later with its own error.
        QTest::newRow("invalid option still wins")
            << u"mysql://x"_s << b << none << none << u"mysql://x"_s << UrlSource::Option << 0;
    }

    void resolve()
    {
        QFETCH(QString, option);
        QFETCH(QString, environment);
        QFETCH(QString, alembicIni);
        QFETCH(QString, retortSection);
        UrlCandidates candidates;
        candidates.option = option;
        candidates.environment = environment;
        candidates.alembicIni = alembicIni;
        candidates.retortSection = retortSection;
        candidates.iniPath = u"/p/alembic.ini"_s;
        const ResolvedUrl resolved = resolveDatabaseUrl(candidates);
        QTEST(resolved.url, "url");
        QTEST(resolved.source, "source");
        QTEST(int(resolved.notes.size()), "notes");
        for (const QString &note : resolved.notes)
            QVERIFY(note.contains(u"/p/alembic.ini"_s));
    }

    void descriptions_data()
    {
        QTest::addColumn<UrlSource>("source");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("description");
        QTest::newRow("option") << UrlSource::Option << u"option"_s << u"--url option"_s;
        QTest::newRow("environment") << UrlSource::Environment << u"environment"_s
                                     << u"DATABASE_URL environment variable"_s;
        QTest::newRow("ini") << UrlSource::AlembicIni << u"alembic.ini"_s << u"sqlalchemy.url in /p/alembic.ini"_s;
        QTest::newRow("retort") << UrlSource::RetortSection << u"retort"_s
                                << u"url in the [retort] section of /p/alembic.ini"_s;
        QTest::newRow("none") << UrlSource::None << u"none"_s << u"no database URL configured"_s;
    }
    void descriptions()
    {
        QFETCH(UrlSource, source);
        ResolvedUrl resolved;
        resolved.source = source;
        QTEST(urlSourceName(source), "name");
        QTEST(resolved.sourceDescription(u"/p/alembic.ini"_s), "description");
    }
};

QTEST_GUILESS_MAIN(TestUrlSource)
#include "tst_urlsource.moc"
