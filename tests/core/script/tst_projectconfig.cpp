#include "script/ProjectConfig.h"
#include "script/ProjectLocator.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

// Builds a tree: "dir/" makes a directory, "path|content" writes a file.
void buildTree(const QString &root, const QStringList &entries)
{
    for (const QString &entry : entries) {
        const qsizetype bar = entry.indexOf(QLatin1Char('|'));
        const QString rel = bar < 0 ? entry : entry.left(bar);
        const QString path = root + QLatin1Char('/') + rel;
        if (bar < 0) {
            QVERIFY(QDir().mkpath(path));
            continue;
        }
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(entry.mid(bar + 1).toUtf8());
    }
}

QString relative(const QString &root, const QString &path)
{
    if (path.isEmpty())
        return QString();
    const QString rel = QDir(root).relativeFilePath(path);
    return rel.isEmpty() ? u"."_s : rel;
}

QStringList kindsOf(const Problems &problems)
{
    QStringList kinds;
    for (const Problem &p : problems)
        kinds.append(p.kind);
    return kinds;
}

const QString FlaskIni = u"migrations/alembic.ini|# A generic, single database configuration.\n\n"
                         "[alembic]\n# template used to generate migration files\n"
                         "# file_template = %%(rev)s_%%(slug)s\n\n[loggers]\nkeys = root\n\n"
                         "[formatter_generic]\nformat = %(levelname)-5.5s [%(name)s] %(message)s\n"_s;
const QString FlaskEnv =
    u"migrations/env.py|import logging\n\nfrom flask import current_app\n\nfrom alembic import context\n"_s;

} // namespace

class TestProjectConfig : public QObject
{
    Q_OBJECT

private slots:
    void locate_data()
    {
        QTest::addColumn<QStringList>("tree");
        QTest::addColumn<QString>("directoryOption");
        QTest::addColumn<QString>("expectedIni");
        QTest::addColumn<QString>("expectedScriptLocation");
        QTest::addColumn<QStringList>("expectedVersions");
        QTest::addColumn<QStringList>("expectedProblems");

        QTest::newRow("flask default ./migrations")
            << QStringList{FlaskIni, u"migrations/versions/"_s} << QString() << u"migrations/alembic.ini"_s
            << u"migrations"_s << QStringList{u"migrations/versions"_s} << QStringList();
        QTest::newRow("flask -d migrations")
            << QStringList{FlaskIni, u"migrations/versions/"_s} << u"migrations"_s << u"migrations/alembic.ini"_s
            << u"migrations"_s << QStringList{u"migrations/versions"_s} << QStringList();
        QTest::newRow("flask -d absolute-ish with dots")
            << QStringList{FlaskIni, u"migrations/versions/"_s} << u"./x/../migrations/"_s
            << u"migrations/alembic.ini"_s << u"migrations"_s << QStringList{u"migrations/versions"_s} << QStringList();
        QTest::newRow("flask ini without [alembic] section")
            << QStringList{u"migrations/alembic.ini|[loggers]\nkeys = root\n"_s, u"migrations/versions/"_s} << QString()
            << u"migrations/alembic.ini"_s << u"migrations"_s << QStringList{u"migrations/versions"_s} << QStringList();
        QTest::newRow("plain alembic at root")
            << QStringList{u"alembic.ini|[alembic]\nscript_location = migrations\n"_s, u"migrations/versions/"_s}
            << QString() << u"alembic.ini"_s << u"migrations"_s << QStringList{u"migrations/versions"_s}
            << QStringList();
        QTest::newRow("plain alembic with here")
            << QStringList{u"alembic.ini|[alembic]\nscript_location = %(here)s/db/alembic\n"_s,
                           u"db/alembic/versions/"_s}
            << QString() << u"alembic.ini"_s << u"db/alembic"_s << QStringList{u"db/alembic/versions"_s}
            << QStringList();
        QTest::newRow("plain alembic in a subfolder via -d")
            << QStringList{u"backend/alembic.ini|[alembic]\nscript_location = alembic\n"_s,
                           u"backend/alembic/versions/"_s}
            << u"backend"_s << u"backend/alembic.ini"_s << u"backend/alembic"_s
            << QStringList{u"backend/alembic/versions"_s} << QStringList();
        QTest::newRow("versions folder without ini") << QStringList{u"revs/versions/"_s} << u"revs"_s << QString()
                                                     << u"revs"_s << QStringList{u"revs/versions"_s} << QStringList();
        QTest::newRow("./migrations without ini is not picked")
            << QStringList{u"migrations/versions/"_s} << QString() << QString() << QString() << QStringList()
            << QStringList{u"ProjectNotFound"_s};
        QTest::newRow("nothing there") << QStringList{u"src/"_s} << QString() << QString() << QString() << QStringList()
                                       << QStringList{u"ProjectNotFound"_s};
        QTest::newRow("-d does not exist") << QStringList() << u"nope"_s << QString() << QString() << QStringList()
                                           << QStringList{u"ProjectNotFound"_s};
        QTest::newRow("legacy split on space and comma")
            << QStringList{u"alembic.ini|[alembic]\nscript_location = m\n"
                           "version_locations = a b,c, d\n"_s,
                           u"m/"_s,
                           u"a/"_s,
                           u"b/"_s,
                           u"c/"_s,
                           u"d/"_s}
            << QString() << u"alembic.ini"_s << u"m"_s << QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s} << QStringList();
        QTest::newRow("separator os")
            << QStringList{u"alembic.ini|[alembic]\nscript_location = m\n"
                           "version_locations = %(here)s/a b:c\nversion_path_separator = os\n"_s,
                           u"m/"_s, u"a b/"_s, u"c/"_s}
            << QString() << u"alembic.ini"_s << u"m"_s << QStringList{u"a b"_s, u"c"_s} << QStringList();
        QTest::newRow("separator semicolon")
            << QStringList{u"alembic.ini|[alembic]\nscript_location = m\n"
                           "version_locations = a,b;c\nversion_path_separator = ;\n"_s,
                           u"m/"_s, u"a,b/"_s, u"c/"_s}
            << QString() << u"alembic.ini"_s << u"m"_s << QStringList{u"a,b"_s, u"c"_s} << QStringList();
        QTest::newRow("separator space") << QStringList{u"alembic.ini|[alembic]\nscript_location = m\n"
                                                        "version_locations = a,b c\nversion_path_separator = space\n"_s,
                                                        u"m/"_s, u"a,b/"_s, u"c/"_s}
                                         << QString() << u"alembic.ini"_s << u"m"_s << QStringList{u"a,b"_s, u"c"_s}
                                         << QStringList();
        QTest::newRow("separator newline is not in Alembic 1.8")
            << QStringList{u"alembic.ini|[alembic]\nscript_location = m\n"
                           "version_locations = a\nversion_path_separator = newline\n"_s,
                           u"m/versions/"_s}
            << QString() << u"alembic.ini"_s << u"m"_s << QStringList()
            << QStringList{u"InvalidVersionPathSeparator"_s};
        QTest::newRow("duplicate location listed once")
            << QStringList{u"alembic.ini|[alembic]\nscript_location = m\n"
                           "version_locations = a a/ ./a\n"_s,
                           u"m/"_s, u"a/"_s}
            << QString() << u"alembic.ini"_s << u"m"_s << QStringList{u"a"_s} << QStringList();
        QTest::newRow("configured location missing is a warning")
            << QStringList{u"alembic.ini|[alembic]\nscript_location = m\n"
                           "version_locations = a gone\n"_s,
                           u"m/"_s, u"a/"_s}
            << QString() << u"alembic.ini"_s << u"m"_s << QStringList{u"a"_s, u"gone"_s}
            << QStringList{u"VersionLocationMissing"_s};
        QTest::newRow("default versions folder missing")
            << QStringList{u"alembic.ini|[alembic]\nscript_location = m\n"_s, u"m/"_s} << QString() << u"alembic.ini"_s
            << u"m"_s << QStringList{u"m/versions"_s} << QStringList{u"VersionLocationMissing"_s};
        QTest::newRow("script location missing")
            << QStringList{u"alembic.ini|[alembic]\nscript_location = nowhere\n"_s} << QString() << u"alembic.ini"_s
            << u"nowhere"_s << QStringList{u"nowhere/versions"_s}
            << QStringList{u"ScriptLocationMissing"_s, u"VersionLocationMissing"_s};
        QTest::newRow("flask dir whose ini names a missing script_location")
            << QStringList{u"migrations/alembic.ini|[alembic]\nscript_location = migrations\n"_s,
                           u"migrations/versions/"_s}
            << u"migrations"_s << u"migrations/alembic.ini"_s << u"migrations"_s
            << QStringList{u"migrations/versions"_s} << QStringList{u"ScriptLocationIgnored"_s};
        // Flask-Migrate sets script_location to its directory, and `flask db` runs from the app.
        QTest::newRow("flask-migrate env with script_location relative to the app")
            << QStringList{u"migrations/alembic.ini|[alembic]\nscript_location = migrations\n"_s, FlaskEnv,
                           u"migrations/versions/"_s}
            << u"migrations"_s << u"migrations/alembic.ini"_s << u"migrations"_s
            << QStringList{u"migrations/versions"_s} << QStringList();
        QTest::newRow("flask-migrate env with a script_location Flask-Migrate overrides")
            << QStringList{u"migrations/alembic.ini|[alembic]\nscript_location = somewhere/else\n"_s, FlaskEnv,
                           u"migrations/versions/"_s}
            << QString() << u"migrations/alembic.ini"_s << u"migrations"_s << QStringList{u"migrations/versions"_s}
            << QStringList();
        QTest::newRow("flask-migrate version_locations relative to the app")
            << QStringList{u"migrations/alembic.ini|[alembic]\n"
                           "version_locations = migrations/versions migrations/more\n"_s,
                           FlaskEnv, u"migrations/versions/"_s, u"migrations/more/"_s}
            << QString() << u"migrations/alembic.ini"_s << u"migrations"_s
            << QStringList{u"migrations/versions"_s, u"migrations/more"_s} << QStringList();
        QTest::newRow("package resource")
            << QStringList{u"alembic.ini|[alembic]\nscript_location = myapp:migrations\n"_s} << QString()
            << u"alembic.ini"_s << QString() << QStringList() << QStringList{u"UnsupportedScriptLocation"_s};
        QTest::newRow("interpolation error")
            << QStringList{u"alembic.ini|[alembic]\nscript_location = %(root)s/m\n"_s, u"versions/"_s} << QString()
            << u"alembic.ini"_s << u"."_s << QStringList{u"versions"_s} << QStringList{u"IniInterpolationError"_s};
    }

    void locate()
    {
        QFETCH(QStringList, tree);
        QFETCH(QString, directoryOption);
        QFETCH(QString, expectedIni);
        QFETCH(QString, expectedScriptLocation);
        QFETCH(QStringList, expectedVersions);
        QFETCH(QStringList, expectedProblems);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString root = QDir(tmp.path()).canonicalPath();
        buildTree(root, tree);

        const ProjectConfig config = ProjectLocator::locate(directoryOption, root);
        QCOMPARE(kindsOf(config.problems), expectedProblems);
        QCOMPARE(relative(root, config.iniPath), expectedIni);
        QCOMPARE(relative(root, config.scriptLocation), expectedScriptLocation);
        QStringList versions;
        for (const QString &v : config.versionLocations)
            versions.append(relative(root, v));
        QCOMPARE(versions, expectedVersions);
        // Only a configured-but-missing version location is a mere warning.
        const bool onlyWarnings = expectedProblems.isEmpty()
            || expectedProblems == QStringList{u"ScriptLocationIgnored"_s}
            || (expectedProblems == QStringList{u"VersionLocationMissing"_s} && config.versionLocationsConfigured);
        QCOMPARE(config.isValid(), onlyWarnings);
        for (const Problem &p : config.problems) {
            QVERIFY(!p.path.isEmpty());
            QVERIFY(!p.message.isEmpty());
        }
    }

    void options()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString root = QDir(tmp.path()).canonicalPath();
        buildTree(root,
                  {u"alembic.ini|[DEFAULT]\nenv = prod\n[alembic]\nscript_location = m\n"
                   "recursive_version_locations = true\n"
                   "file_template = %%(year)d_%%(rev)s_%%(slug)s\n"
                   "truncate_slug_length = 60\n"
                   "sqlalchemy.url = sqlite:///%(here)s/app.db\n"
                   "[retort]\nurl = postgresql:///app_%(env)s\nversion_table = my_version\n"
                   "alembic_command = flask db\n"_s,
                   u"m/versions/"_s});
        const ProjectConfig c = ProjectConfig::fromDirectory(root);
        QVERIFY2(c.problems.isEmpty(), qPrintable(c.problems.value(0).toString()));
        QCOMPARE(c.directory, root);
        QVERIFY(c.recursiveVersionLocations);
        QCOMPARE(c.fileTemplate, u"%(year)d_%(rev)s_%(slug)s"_s);
        QCOMPARE(c.truncateSlugLength, 60);
        QCOMPARE(c.sqlalchemyUrl, u"sqlite:///"_s + root + u"/app.db"_s);
        QMap<QString, QString> retortSection{{u"url"_s, u"postgresql:///app_prod"_s},
                                             {u"version_table"_s, u"my_version"_s},
                                             {u"alembic_command"_s, u"flask db"_s}};
        QCOMPARE(c.retort, retortSection);
    }

    void defaults()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        buildTree(tmp.path(), {u"alembic.ini|[alembic]\n"_s, u"versions/"_s});
        const ProjectConfig c = ProjectConfig::fromDirectory(tmp.path());
        QVERIFY(c.isValid());
        QVERIFY(!c.recursiveVersionLocations);
        QVERIFY(!c.versionLocationsConfigured);
        QCOMPARE(c.fileTemplate, u"%(rev)s_%(slug)s"_s);
        QCOMPARE(c.truncateSlugLength, 40);
        QVERIFY(c.sqlalchemyUrl.isEmpty());
        QVERIFY(c.retort.isEmpty());
    }

    void badOptions_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("severity");
        QTest::newRow("slug length") << u"truncate_slug_length = forty"_s << u"InvalidOption"_s
                                     << int(Problem::Severity::Error);
        QTest::newRow("recursive") << u"recursive_version_locations = maybe"_s << u"InvalidOption"_s
                                   << int(Problem::Severity::Warning);
        QTest::newRow("retort value") << u"[retort]\nurl = 50%"_s << u"IniInterpolationError"_s
                                      << int(Problem::Severity::Error);
    }
    void badOptions()
    {
        QFETCH(QString, line);
        QFETCH(QString, kind);
        QFETCH(int, severity);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        buildTree(tmp.path(), {u"alembic.ini|[alembic]\n"_s + line + u"\n"_s, u"versions/"_s});
        const ProjectConfig c = ProjectConfig::fromDirectory(tmp.path());
        QCOMPARE(c.problems.size(), 1);
        QCOMPARE(c.problems.first().kind, kind);
        QCOMPARE(int(c.problems.first().severity), severity);
        QCOMPARE(c.problems.first().line, line.count(QLatin1Char('\n')) + 2);
        QVERIFY(c.problems.first().path.endsWith(u"/alembic.ini"_s));
    }

    void projectDirectory_data()
    {
        QTest::addColumn<bool>("migrationsIni");
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("expected");
        QTest::newRow("option wins") << true << u"other"_s << u"other"_s;
        QTest::newRow("migrations with ini") << true << QString() << u"migrations"_s;
        QTest::newRow("cwd otherwise") << false << QString() << u"."_s;
    }
    void projectDirectory()
    {
        QFETCH(bool, migrationsIni);
        QFETCH(QString, option);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString root = QDir(tmp.path()).canonicalPath();
        buildTree(root,
                  migrationsIni ? QStringList{u"migrations/alembic.ini|[alembic]\n"_s} : QStringList{u"migrations/"_s});
        QCOMPARE(relative(root, ProjectLocator::projectDirectory(option, root)), expected);
    }
};

QTEST_GUILESS_MAIN(TestProjectConfig)
#include "tst_projectconfig.moc"
