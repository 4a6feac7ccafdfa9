#include "run/AlembicCandidates.h"
#include "script/ProjectConfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

// "style | command line | working directory" for one candidate.
QStringList describe(const QList<AlembicCommand> &commands)
{
    QStringList out;
    for (const AlembicCommand &c : commands) {
        out << (c.style == AlembicCommand::Style::FlaskMigrate ? u"flask"_s : u"alembic"_s) + u" | "_s
                + c.displayString() + u" | "_s + c.workingDirectory;
    }
    return out;
}

void writeFile(const QString &path, const QByteArray &text = {})
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class TestAlembicCandidates : public QObject
{
    Q_OBJECT
private slots:
    void build_data()
    {
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QString>("ini");
        QTest::addColumn<QString>("scriptLocation");
        QTest::addColumn<bool>("flaskLayout");
        QTest::addColumn<QString>("hint");
        QTest::addColumn<QStringList>("flasks");
        QTest::addColumn<QStringList>("alembics");
        QTest::addColumn<QStringList>("pythons");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("problemKinds");

        const QStringList flasks{u"/venv/bin/flask"_s, u"/usr/bin/flask"_s};
        const QStringList alembics{u"/usr/bin/alembic"_s};
        const QStringList pythons{u"/venv/bin/python3"_s, u"/usr/bin/python3"_s};

        QTest::newRow("flask-migrate project, app indicated, everything on PATH")
            << QString() << u"/p/migrations/alembic.ini"_s << u"/p/migrations"_s << true
            << u"app.py is next to the migrations directory"_s << flasks << alembics << pythons
            << QStringList{u"flask | /venv/bin/flask db | /p"_s,
                           u"flask | /usr/bin/flask db | /p"_s,
                           u"flask | /venv/bin/python3 -m flask db | /p"_s,
                           u"flask | /usr/bin/python3 -m flask db | /p"_s,
                           u"alembic | /usr/bin/alembic -c /p/migrations/alembic.ini | /p"_s,
                           u"alembic | /venv/bin/python3 -m alembic -c /p/migrations/alembic.ini | /p"_s,
                           u"alembic | /usr/bin/python3 -m alembic -c /p/migrations/alembic.ini | /p"_s}
            << QStringList{};
        QTest::newRow("plain alembic project, no flask app")
            << QString() << u"/p/alembic.ini"_s << u"/p/db/migrations"_s << false << QString() << flasks << alembics
            << QStringList{u"/usr/bin/python3"_s}
            << QStringList{u"alembic | /usr/bin/alembic -c /p/alembic.ini | /p"_s,
                           u"alembic | /usr/bin/python3 -m alembic -c /p/alembic.ini | /p"_s}
            << QStringList{};
        QTest::newRow("plain alembic project with FLASK_APP set")
            << QString() << u"/p/alembic.ini"_s << u"/p/db/migrations"_s << false << u"FLASK_APP=web is set"_s
            << QStringList{u"/usr/bin/flask"_s} << QStringList{} << QStringList{}
            << QStringList{u"flask | /usr/bin/flask db | /p/db"_s} << QStringList{};
        QTest::newRow("configured flask command is used alone")
            << u"flask --app 'my app' db"_s << u"/p/migrations/alembic.ini"_s << u"/p/migrations"_s << true
            << u"FLASK_APP=x is set"_s << flasks << alembics << pythons
            << QStringList{u"flask | flask --app 'my app' db | /p"_s} << QStringList{};
        QTest::newRow("configured alembic command")
            << u"/usr/bin/python3 -m alembic -c alembic.ini"_s << u"/p/alembic.ini"_s << u"/p/migrations"_s << false
            << QString() << flasks << alembics << pythons
            << QStringList{u"alembic | /usr/bin/python3 -m alembic -c alembic.ini | /p"_s} << QStringList{};
        QTest::newRow("configured command with an open quote")
            << u"flask 'db"_s << u"/p/alembic.ini"_s << u"/p/migrations"_s << false << QString() << flasks << alembics
            << pythons << QStringList{} << QStringList{u"BadAlembicCommand"_s};
        QTest::newRow("no ini, no flask app")
            << QString() << QString() << u"/p/migrations"_s << false << QString() << flasks << alembics << pythons
            << QStringList{} << QStringList{u"NoAlembicIni"_s};
        QTest::newRow("nothing on PATH") << QString() << u"/p/alembic.ini"_s << u"/p/migrations"_s << false << QString()
                                         << QStringList{} << QStringList{} << QStringList{} << QStringList{}
                                         << QStringList{};
    }

    void build()
    {
        AlembicProjectFacts facts;
        QFETCH(QString, configured);
        QFETCH(QString, ini);
        QFETCH(QString, scriptLocation);
        QFETCH(bool, flaskLayout);
        QFETCH(QString, hint);
        QFETCH(QStringList, flasks);
        QFETCH(QStringList, alembics);
        QFETCH(QStringList, pythons);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, problemKinds);
        facts.configuredCommand = configured;
        facts.iniPath = ini;
        facts.scriptLocation = scriptLocation;
        facts.flaskMigrateLayout = flaskLayout;
        facts.flaskAppHint = hint;
        facts.flaskPrograms = flasks;
        facts.alembicPrograms = alembics;
        facts.pythonPrograms = pythons;

        const AlembicCandidateList list = AlembicCandidates::build(facts);
        QCOMPARE(describe(list.commands), expected);
        QStringList kinds;
        for (const Problem &p : list.problems)
            kinds << p.kind;
        QCOMPARE(kinds, problemKinds);
        for (const AlembicCommand &c : list.commands) {
            QVERIFY(!c.reason.isEmpty());
            if (c.style == AlembicCommand::Style::FlaskMigrate)
                QCOMPARE(c.migrationsDirectory, scriptLocation);
        }
    }

    void arguments_data()
    {
        QTest::addColumn<bool>("flask");
        QTest::addColumn<int>("verb");
        QTest::addColumn<QStringList>("targets");
        QTest::addColumn<bool>("purge");
        QTest::addColumn<bool>("sql");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("valid");

        using V = AlembicAction::Verb;
        QTest::newRow("flask upgrade head")
            << true << int(V::Upgrade) << QStringList{u"head"_s} << false << false
            << QStringList{u"db"_s, u"upgrade"_s, u"-d"_s, u"/p/migrations"_s, u"head"_s} << true;
        QTest::newRow("alembic upgrade heads")
            << false << int(V::Upgrade) << QStringList{u"heads"_s} << false << false
            << QStringList{u"-c"_s, u"/p/alembic.ini"_s, u"upgrade"_s, u"heads"_s} << true;
        QTest::newRow("relative downgrade goes after --")
            << true << int(V::Downgrade) << QStringList{u"-1"_s} << false << false
            << QStringList{u"db"_s, u"downgrade"_s, u"-d"_s, u"/p/migrations"_s, u"--"_s, u"-1"_s} << true;
        QTest::newRow("stamp several with purge")
            << false << int(V::Stamp) << QStringList{u"a1"_s, u"b2"_s} << true << false
            << QStringList{u"-c"_s, u"/p/alembic.ini"_s, u"stamp"_s, u"--purge"_s, u"a1"_s, u"b2"_s} << true;
        QTest::newRow("offline upgrade range")
            << false << int(V::Upgrade) << QStringList{u"a1:b2"_s} << false << true
            << QStringList{u"-c"_s, u"/p/alembic.ini"_s, u"upgrade"_s, u"--sql"_s, u"a1:b2"_s} << true;
        QTest::newRow("offline downgrade range")
            << true << int(V::Downgrade) << QStringList{u"b2:a1"_s} << false << true
            << QStringList{u"db"_s, u"downgrade"_s, u"--sql"_s, u"-d"_s, u"/p/migrations"_s, u"b2:a1"_s} << true;
        QTest::newRow("heads") << true << int(V::Heads) << QStringList{} << false << false
                               << QStringList{u"db"_s, u"heads"_s, u"-d"_s, u"/p/migrations"_s} << true;
        QTest::newRow("offline downgrade needs a range")
            << false << int(V::Downgrade) << QStringList{u"base"_s} << false << true << QStringList{} << false;
        QTest::newRow("range without --sql")
            << false << int(V::Upgrade) << QStringList{u"a:b"_s} << false << false << QStringList{} << false;
        QTest::newRow("purge with sql") << false << int(V::Stamp) << QStringList{u"a"_s} << true << true
                                        << QStringList{} << false;
        QTest::newRow("upgrade without target")
            << false << int(V::Upgrade) << QStringList{} << false << false << QStringList{} << false;
        QTest::newRow("two upgrade targets")
            << false << int(V::Upgrade) << QStringList{u"a"_s, u"b"_s} << false << false << QStringList{} << false;
    }

    void arguments()
    {
        QFETCH(bool, flask);
        QFETCH(int, verb);
        QFETCH(QStringList, targets);
        QFETCH(bool, purge);
        QFETCH(bool, sql);
        QFETCH(QStringList, arguments);
        QFETCH(bool, valid);
        AlembicAction action;
        action.verb = static_cast<AlembicAction::Verb>(verb);
        action.targets = targets;
        action.purge = purge;
        action.sql = sql;
        QCOMPARE(action.validate().ok(), valid);
        if (!valid)
            return;
        AlembicCommand c;
        c.style = flask ? AlembicCommand::Style::FlaskMigrate : AlembicCommand::Style::Alembic;
        c.program = u"/bin/x"_s;
        c.prefixArguments = flask ? QStringList{u"db"_s} : QStringList{u"-c"_s, u"/p/alembic.ini"_s};
        if (flask)
            c.migrationsDirectory = u"/p/migrations"_s;
        QCOMPARE(c.argumentsFor(action), arguments);
    }

    void mergeArguments_data()
    {
        QTest::addColumn<bool>("flask");
        QTest::addColumn<QStringList>("revisions");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QStringList>("arguments"); // empty: refused

        QTest::newRow("flask, everything")
            << true << QStringList{u"a1"_s, u"b2"_s} << u"merge heads"_s << u"release"_s
            << QStringList{u"db"_s,      u"merge"_s,    u"-m"_s, u"merge heads"_s, u"--branch-label"_s,
                           u"release"_s, u"--rev-id"_s, u"c3"_s, u"-d"_s,          u"/p/migrations"_s,
                           u"a1"_s,      u"b2"_s};
        QTest::newRow("alembic, no message")
            << false << QStringList{u"a1"_s, u"b2"_s, u"d4"_s} << QString() << QString()
            << QStringList{u"-c"_s, u"/p/alembic.ini"_s, u"merge"_s, u"--rev-id"_s, u"c3"_s, u"a1"_s, u"b2"_s, u"d4"_s};
        QTest::newRow("one revision is no merge")
            << false << QStringList{u"a1"_s} << QString() << QString() << QStringList{};
    }

    void mergeArguments()
    {
        QFETCH(bool, flask);
        QFETCH(QStringList, revisions);
        QFETCH(QString, message);
        QFETCH(QString, label);
        QFETCH(QStringList, arguments);
        const AlembicAction action = AlembicAction::merge(revisions, message, label, u"c3"_s);
        QCOMPARE(action.validate().ok(), !arguments.isEmpty());
        if (arguments.isEmpty())
            return;
        AlembicCommand c;
        c.style = flask ? AlembicCommand::Style::FlaskMigrate : AlembicCommand::Style::Alembic;
        c.program = u"/bin/x"_s;
        c.prefixArguments = flask ? QStringList{u"db"_s} : QStringList{u"-c"_s, u"/p/alembic.ini"_s};
        if (flask)
            c.migrationsDirectory = u"/p/migrations"_s;
        QCOMPARE(c.argumentsFor(action), arguments);
        // The merge options belong to merge only.
        AlembicAction upgrade = AlembicAction::upgrade(u"head"_s);
        upgrade.message = message.isEmpty() ? u"x"_s : message;
        QVERIFY(!upgrade.validate().ok());
    }

    void gatherFlaskHint_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("flaskApp");
        QTest::addColumn<bool>("indicated");
        QTest::newRow("app.py") << u"app.py"_s << QString() << true;
        QTest::newRow("wsgi.py") << u"wsgi.py"_s << QString() << true;
        QTest::newRow("app package") << u"app/__init__.py"_s << QString() << true;
        QTest::newRow("FLASK_APP") << u"manage.py"_s << u"manage:create_app()"_s << true;
        QTest::newRow("nothing") << u"manage.py"_s << QString() << false;
    }

    void gatherFlaskHint()
    {
        QFETCH(QString, file);
        QFETCH(QString, flaskApp);
        QFETCH(bool, indicated);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(file));
        writeFile(dir.filePath(u"migrations/alembic.ini"_s), "[alembic]\n");
        writeFile(dir.filePath(u"migrations/env.py"_s));
        QDir().mkpath(dir.filePath(u"migrations/versions"_s));
        const ProjectConfig config = ProjectConfig::fromDirectory(dir.filePath(u"migrations"_s));

        QProcessEnvironment env;
        env.insert(u"PATH"_s, dir.filePath(u"nobin"_s));
        if (!flaskApp.isEmpty())
            env.insert(u"FLASK_APP"_s, flaskApp);
        const AlembicProjectFacts facts = AlembicCandidates::gather(config, env);
        QCOMPARE(!facts.flaskAppHint.isEmpty(), indicated);
        if (!flaskApp.isEmpty())
            QVERIFY(facts.flaskAppHint.contains(flaskApp));
        QVERIFY(facts.flaskMigrateLayout);
        QCOMPARE(QDir(facts.projectRoot()).canonicalPath(), QDir(dir.path()).canonicalPath());
    }

    void findOnPathSkipsDuplicates()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString a = dir.filePath(u"a"_s);
        const QString b = dir.filePath(u"b"_s);
        const QString c = dir.filePath(u"c"_s);
        QDir().mkpath(a);
        QDir().mkpath(c);
        writeFile(a + u"/alembic"_s, "#!/bin/sh\n");
        QFile::setPermissions(a + u"/alembic"_s, QFile::ReadOwner | QFile::ExeOwner);
        QVERIFY(QFile::link(a, b)); // b is the same directory under another name, like /bin
        writeFile(c + u"/alembic"_s, "not executable\n");
        const QString path = QStringList{a, b, c, dir.filePath(u"missing"_s)}.join(QDir::listSeparator());
        QCOMPARE(AlembicCandidates::findOnPath(u"alembic"_s, path), QStringList{a + u"/alembic"_s});
    }
};

QTEST_GUILESS_MAIN(TestAlembicCandidates)
#include "tst_alembiccandidates.moc"
