#include "InteropProject.h"
#include "run/AlembicDetector.h"
#include "script/ProjectConfig.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

// An executable shell script standing in for a tool that is installed but cannot do the job.
void fakeTool(const QString &dir, const QString &name, const QString &complaint)
{
    const QString path = dir + u'/' + name;
    QVERIFY(interop::writeFile(path, u"#!/bin/sh\necho \"%1\" >&2\nexit 1\n"_s.arg(complaint)));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

} // namespace

class TestAlembicDetector : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(u"/usr/bin/flask"_s).isExecutable() && QFileInfo(u"/usr/bin/alembic"_s).isExecutable(),
                 "Debian's python3-flask-migrate and python3-alembic are required");
    }

    void flaskApp_data()
    {
        QTest::addColumn<QString>("flaskApp");
        QTest::newRow("FLASK_APP set") << u"app"_s;
        QTest::newRow("app.py found next to migrations/") << QString();
    }

    void flaskApp()
    {
        QFETCH(QString, flaskApp);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.filePath(u"app"_s);
        QVERIFY(interop::copyTree(interop::fixture(u"flaskapp"_s), root));

        AlembicDetector::Options options;
        options.environment = interop::cleanEnvironment();
        if (!flaskApp.isEmpty())
            options.environment.insert(u"FLASK_APP"_s, flaskApp);
        options.databaseUrl = u"sqlite:///"_s + dir.filePath(u"t.db"_s);
        const AlembicDetection d =
            AlembicDetector::detect(ProjectConfig::fromDirectory(root + u"/migrations"_s), options);

        QVERIFY2(d.found(), qPrintable(d.explanation()));
        qInfo().noquote() << d.explanation();
        QCOMPARE(d.command->style, AlembicCommand::Style::FlaskMigrate);
        QCOMPARE(d.command->origin, AlembicCommand::Origin::Flask);
        QCOMPARE(QDir(d.command->workingDirectory).canonicalPath(), QDir(root).canonicalPath());
        QVERIFY(d.flaskIndicated);
        // Every candidate before the pick was tried and said why it failed (e.g. a flask on
        // PATH from another Python, without Flask-Migrate).
        QVERIFY(!d.attempts.isEmpty());
        QVERIFY(d.attempts.last().works);
        for (qsizetype i = 0; i + 1 < d.attempts.size(); ++i) {
            QVERIFY(!d.attempts[i].works);
            QVERIFY(!d.attempts[i].failure.isEmpty());
            QVERIFY(d.explanation().contains(d.attempts[i].command.displayString()));
        }
        QVERIFY(d.explanation().startsWith(u"using "_s + d.command->displayString()));
        QVERIFY(d.command->configLine().startsWith(u"alembic_command = "_s));
    }

    void plainAlembic()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(interop::copyTree(interop::fixture(u"plainalembic"_s), dir.path()));
        AlembicDetector::Options options;
        options.environment = interop::cleanEnvironment();
        const AlembicDetection d =
            AlembicDetector::detect(ProjectConfig::fromIniFile(dir.filePath(u"alembic.ini"_s)), options);
        QVERIFY2(d.found(), qPrintable(d.explanation()));
        QCOMPARE(d.command->style, AlembicCommand::Style::Alembic);
        QVERIFY(d.command->origin == AlembicCommand::Origin::AlembicScript
                || d.command->origin == AlembicCommand::Origin::PythonModule);
        QVERIFY(!d.flaskIndicated);
        QCOMPARE(QDir(d.command->workingDirectory).canonicalPath(), QDir(dir.path()).canonicalPath());
        QVERIFY(d.command->prefixArguments.contains(dir.filePath(u"alembic.ini"_s)));
    }

    void configuredCommand_data()
    {
        QTest::addColumn<QString>("configured");
        QTest::addColumn<bool>("works");
        QTest::newRow("system python module") << u"/usr/bin/python3 -m alembic -c alembic.ini"_s << true;
        QTest::newRow("quoted program path") << u"'/usr/bin/alembic' -c \"alembic.ini\""_s << true;
        QTest::newRow("interpreter without alembic")
            << u"/usr/bin/python3 -m no_such_alembic_module -c alembic.ini"_s << false;
    }

    void configuredCommand()
    {
        QFETCH(QString, configured);
        QFETCH(bool, works);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(interop::copyTree(interop::fixture(u"plainalembic"_s), dir.path()));
        QFile ini(dir.filePath(u"alembic.ini"_s));
        QVERIFY(ini.open(QIODevice::Append));
        ini.write(u"\n[retort]\nalembic_command = %1\n"_s.arg(configured).toUtf8());
        ini.close();

        AlembicDetector::Options options;
        options.environment = interop::cleanEnvironment();
        const AlembicDetection d =
            AlembicDetector::detect(ProjectConfig::fromIniFile(dir.filePath(u"alembic.ini"_s)), options);
        // A configured command is the only one tried: falling back would hide the mistake.
        QCOMPARE(d.attempts.size(), 1);
        QCOMPARE(d.attempts.first().command.origin, AlembicCommand::Origin::Configured);
        QCOMPARE(d.found(), works);
        if (!works) {
            QVERIFY2(d.attempts.first().failure.contains(u"no_such_alembic_module"_s),
                     qPrintable(d.attempts.first().failure));
            QVERIFY(d.toProblem().message.contains(u"alembic_command"_s));
        }
    }

    void nothingWorks_data()
    {
        QTest::addColumn<bool>("withBrokenTools");
        QTest::newRow("PATH without flask, alembic or python3") << false;
        QTest::newRow("only tools that cannot run alembic") << true;
    }

    void nothingWorks()
    {
        QFETCH(bool, withBrokenTools);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.filePath(u"app"_s);
        QVERIFY(interop::copyTree(interop::fixture(u"flaskapp"_s), root));
        const QString bin = dir.filePath(u"bin"_s);
        QVERIFY(QDir().mkpath(bin));
        if (withBrokenTools) {
            fakeTool(bin, u"flask"_s, u"Error: No such command 'db'."_s);
            fakeTool(bin, u"alembic"_s, u"ModuleNotFoundError: No module named 'alembic'"_s);
            fakeTool(bin, u"python3"_s, u"python3: No module named alembic"_s);
        }

        AlembicDetector::Options options;
        options.environment = interop::cleanEnvironment();
        options.environment.insert(u"PATH"_s, bin);
        options.environment.insert(u"FLASK_APP"_s, u"app"_s);
        options.extraPythons = {}; // no system interpreter to fall back on
        const ProjectConfig config = ProjectConfig::fromDirectory(root + u"/migrations"_s);
        const AlembicDetection d = AlembicDetector::detect(config, options);

        QVERIFY(!d.found());
        const Problem p = d.toProblem();
        qInfo().noquote() << p.message;
        QCOMPARE(p.severity, Problem::Severity::Error);
        QCOMPARE(p.kind, u"NoAlembicCommand"_s);
        QVERIFY(p.message.contains(u"set alembic_command in the [retort] section of "_s + config.iniPath));
        QVERIFY(p.message.contains(u"flask db"_s)); // the example fits a Flask project
        if (withBrokenTools) {
            // flask db, python3 -m flask db, alembic -c, python3 -m alembic -c
            QCOMPARE(d.attempts.size(), 4);
            for (const AlembicAttempt &a : d.attempts) {
                QVERIFY(!a.works);
                QVERIFY(a.command.program.startsWith(bin));
                QVERIFY2(p.message.contains(a.failure), qPrintable(p.message));
            }
            QVERIFY(d.attempts[0].failure.contains(u"No such command 'db'"_s));
            QVERIFY(d.attempts[2].failure.contains(u"No module named 'alembic'"_s));
        } else {
            QVERIFY(d.attempts.isEmpty());
            QVERIFY(p.message.contains(u"found no flask, alembic or python3"_s));
        }
    }
};

QTEST_GUILESS_MAIN(TestAlembicDetector)
#include "tst_alembicdetector.moc"
