// PythonReplayDriver on copies of the interop fixtures with Debian's flask and alembic: every
// revision stepped on shadow databases and compared with what the real command makes of it, URL
// switches between calls, PostgreSQL, and the refusals and errors a replay must report.
#include "InteropProject.h"
#include "TestDatabase.h"
#include "TestPassword.h"
#include "shadow/PythonReplayDriver.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using retort::AlembicCommand;
using retort::PythonReplayDriver;

namespace {

const QString kFlask = u"/usr/bin/flask"_s;
const QString kAlembic = u"/usr/bin/alembic"_s;
const QStringList kFlaskRevisions{u"3f247d40a9c4"_s, u"8a5e40175905"_s, u"c157cbac9192"_s, u"08f51e9d952f"_s,
                                  u"2c122f99f547"_s};
const QStringList kPlainRevisions{u"5a845b9de09e"_s, u"6770b7f3cde6"_s};

// One fixture copied to a temporary directory, with the command Retort would detect for it.
struct Project
{
    QTemporaryDir dir;
    QString root;
    AlembicCommand command;
    QProcessEnvironment env = interop::cleanEnvironment();

    bool create(const QString &fixture)
    {
        root = dir.filePath(fixture);
        if (!interop::copyTree(interop::fixture(fixture), root))
            return false;
        if (fixture == u"flaskapp") {
            command.style = AlembicCommand::Style::FlaskMigrate;
            command.origin = AlembicCommand::Origin::Flask;
            command.program = kFlask;
            command.prefixArguments = {u"db"_s};
            command.migrationsDirectory = root + u"/migrations"_s;
            env.insert(u"FLASK_APP"_s, u"app"_s);
        } else {
            command.program = kAlembic;
            command.prefixArguments = {u"-c"_s, root + u"/alembic.ini"_s};
        }
        command.workingDirectory = root;
        return true;
    }
    QString file(const QString &name) const { return dir.filePath(name); }
    QString url(const QString &name) const { return u"sqlite:///"_s + file(name); }
    retort::Fallible<std::unique_ptr<PythonReplayDriver>> start(int stepTimeoutMs = 300000) const
    {
        PythonReplayDriver::Options options;
        options.command = command;
        options.environment = env;
        options.stepTimeoutMs = stepTimeoutMs;
        return PythonReplayDriver::start(options);
    }
    // The project's own command, `upgrade <revision>`, on `url`: the reference.
    QString runCommand(const QString &revision, const QString &url) const
    {
        QProcess p;
        QProcessEnvironment e = env;
        e.insert(u"DATABASE_URL"_s, url);
        p.setProcessEnvironment(e);
        p.setWorkingDirectory(root);
        QStringList args = command.prefixArguments + QStringList{u"upgrade"_s};
        if (command.style == AlembicCommand::Style::FlaskMigrate)
            args << u"-d"_s << command.migrationsDirectory;
        p.start(command.program, args << revision);
        if (!p.waitForFinished(180000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return u"%1 failed: %2"_s.arg(command.program, QString::fromUtf8(p.readAllStandardError()));
        return {};
    }
};

// Tables with their columns (name, type, not null, default), and the version rows: enough to
// tell two SQLite databases at the same revision from ones that are not.
QStringList sqliteShape(const QString &file)
{
    QStringList shape;
    const QStringList tables =
        interop::sqliteColumn(file, u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s);
    for (const QString &t : tables) {
        shape << u"table "_s + t;
        shape +=
            interop::sqliteColumn(file,
                                  u"SELECT name || ' ' || type || ' ' || \"notnull\" || ' ' || ifnull(dflt_value, '') "
                                  "FROM pragma_table_info('%1')"_s.arg(t));
    }
    shape += interop::sqliteColumn(file, u"SELECT 'version ' || version_num FROM alembic_version"_s);
    return shape;
}

QByteArray digest(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : "";
}

} // namespace

class TestPythonReplayDriver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Debian's tools are what these tests compare with: missing ones are a failure.
        QVERIFY2(QFileInfo(kFlask).isExecutable(), "install python3-flask-migrate (Debian's /usr/bin/flask)");
        QVERIFY2(QFileInfo(kAlembic).isExecutable(), "install alembic (Debian's /usr/bin/alembic)");
    }

    void stepsThroughEveryRevision_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QStringList>("revisions");
        QTest::newRow("flask-migrate") << u"flaskapp"_s << kFlaskRevisions;
        QTest::newRow("plain alembic") << u"plainalembic"_s << kPlainRevisions;
    }
    void stepsThroughEveryRevision()
    {
        QFETCH(QString, fixture);
        QFETCH(QStringList, revisions);
        Project project;
        QVERIFY(project.create(fixture));
        auto driver = project.start();
        QVERIFY2(driver.ok(), qPrintable(driver.ok() ? QString() : driver.error().message));
        for (const QString &revision : revisions) {
            const auto step = (*driver)->upgrade(revision, project.url(u"shadow.db"_s));
            QVERIFY2(step.ok(), qPrintable(step.ok() ? QString() : step.error().message));
            QCOMPARE(project.runCommand(revision, project.url(u"reference.db"_s)), QString());
            const QStringList shadow = sqliteShape(project.file(u"shadow.db"_s));
            QVERIFY2(shadow.contains(u"version "_s + revision), qPrintable(shadow.join(u'\n')));
            QCOMPARE(shadow, sqliteShape(project.file(u"reference.db"_s)));
        }
        // stamp with no revision empties the version table, as `stamp base --purge` does.
        QVERIFY((*driver)->stamp(QString(), project.url(u"shadow.db"_s)).ok());
        QCOMPARE(interop::sqliteColumn(project.file(u"shadow.db"_s), u"SELECT version_num FROM alembic_version"_s),
                 QStringList());
        QVERIFY((*driver)->stamp(revisions.first(), project.url(u"shadow.db"_s)).ok());
        QCOMPARE(interop::sqliteColumn(project.file(u"shadow.db"_s), u"SELECT version_num FROM alembic_version"_s),
                 QStringList{revisions.first()});
    }

    // downgrade undoes exactly the revision: after a merge's, both parents stay applied.
    void downgradeUndoesOneRevision_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("head");
        QTest::addColumn<QStringList>("parents");
        QTest::newRow("flask-migrate merge")
            << u"flaskapp"_s << u"2c122f99f547"_s << QStringList{u"c157cbac9192"_s, u"08f51e9d952f"_s};
        QTest::newRow("plain alembic") << u"plainalembic"_s << kPlainRevisions[1] << QStringList{kPlainRevisions[0]};
    }
    void downgradeUndoesOneRevision()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, head);
        QFETCH(QStringList, parents);
        Project project;
        QVERIFY(project.create(fixture));
        auto driver = project.start();
        QVERIFY2(driver.ok(), qPrintable(driver.ok() ? QString() : driver.error().message));
        QVERIFY((*driver)->upgrade(head, project.url(u"shadow.db"_s)).ok());
        const auto step = (*driver)->downgrade(head, project.url(u"shadow.db"_s));
        QVERIFY2(step.ok(), qPrintable(step.ok() ? QString() : step.error().message));
        for (const QString &parent : parents)
            QCOMPARE(project.runCommand(parent, project.url(u"reference.db"_s)), QString());
        QCOMPARE(sqliteShape(project.file(u"shadow.db"_s)), sqliteShape(project.file(u"reference.db"_s)));
        if (fixture == u"plainalembic") {
            // A base revision goes back to nothing but the version table.
            QVERIFY((*driver)->downgrade(parents.constFirst(), project.url(u"shadow.db"_s)).ok());
            const QString shadow = project.file(u"shadow.db"_s);
            QCOMPARE(interop::sqliteColumn(shadow, u"SELECT name FROM sqlite_master WHERE type = 'table'"_s),
                     QStringList{u"alembic_version"_s});
            QCOMPARE(interop::sqliteColumn(shadow, u"SELECT version_num FROM alembic_version"_s), QStringList());
        }
    }

    // Flask-SQLAlchemy made its engine once, at import: each call still lands on its own URL.
    void switchesUrlBetweenCalls()
    {
        Project project;
        QVERIFY(project.create(u"flaskapp"_s));
        auto driver = project.start();
        QVERIFY2(driver.ok(), qPrintable(driver.ok() ? QString() : driver.error().message));
        for (int i = 0; i < 3; ++i) {
            for (const QString &name : {u"a.db"_s, u"b.db"_s}) {
                const auto step = (*driver)->upgrade(kFlaskRevisions[i], project.url(name));
                QVERIFY2(step.ok(), qPrintable(step.ok() ? QString() : step.error().message));
                QCOMPARE(interop::sqliteColumn(project.file(name), u"SELECT version_num FROM alembic_version"_s),
                         QStringList{kFlaskRevisions[i]});
            }
        }
        QVERIFY(!QFileInfo::exists(project.root + u"/instance/timetracker.db"_s));
    }

    void postgres()
    {
        // As the password role, with the password in the URL: it must never come back in a message.
        const QString role = QUrl(qEnvironmentVariable("RETORT_TEST_PG_PASSWORD_URL")).userName();
        const QString password = testPostgresPassword();
        QVERIFY2(!role.isEmpty() && !password.isEmpty(), "run through ctest: the postgres fixture sets the role");
        QString failure;
        auto database = TestDatabase::create(u"postgresql"_s, &failure, role);
        QVERIFY2(database, qPrintable(failure));
        const QString url = database->urlAs(role, password);
        Project project;
        QVERIFY(project.create(u"flaskapp"_s));
        auto driver = project.start();
        QVERIFY2(driver.ok(), qPrintable(driver.ok() ? QString() : driver.error().message));
        auto connection = database->connect(&failure);
        QVERIFY2(connection, qPrintable(failure));
        for (const QString &revision : kFlaskRevisions) {
            const auto step = (*driver)->upgrade(revision, url);
            QVERIFY2(step.ok(), qPrintable(step.ok() ? QString() : step.error().message));
            QSqlQuery q(connection->database());
            QVERIFY(q.exec(u"SELECT version_num FROM alembic_version"_s));
            QStringList versions;
            while (q.next())
                versions << q.value(0).toString();
            QVERIFY2(versions.contains(revision), qPrintable(versions.join(u' ')));
        }
        QSqlQuery tables(connection->database());
        QVERIFY(tables.exec(u"SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' "
                            "AND column_name = 'is_active'"_s));
        QVERIFY(tables.next());
        QCOMPARE(tables.value(0).toInt(), 1);

        const auto missing = (*driver)->upgrade(kFlaskRevisions[0], url + u"_missing"_s);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.contains(u"does not exist"_s), qPrintable(missing.error().message));
        QVERIFY2(!missing.error().message.contains(password), "the password is in the message");
    }

    // An env.py that ignores DATABASE_URL: the step fails and the other file is left alone.
    void refusesAnotherDatabase()
    {
        Project project;
        QVERIFY(project.create(u"plainalembic"_s));
        const QString other = project.file(u"other.db"_s);
        const QString envPy = project.root + u"/migrations/env.py"_s;
        QFile f(envPy);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(f.readAll());
        f.close();
        text.replace(u"config.get_section(config.config_ini_section)"_s,
                     u"{'sqlalchemy.url': 'sqlite:///%1'}"_s.arg(other));
        QVERIFY(interop::writeFile(envPy, text));

        auto driver = project.start();
        QVERIFY2(driver.ok(), qPrintable(driver.ok() ? QString() : driver.error().message));
        auto step = (*driver)->upgrade(kPlainRevisions[0], project.url(u"shadow.db"_s));
        QVERIFY(!step.ok());
        QVERIFY2(step.error().message.contains(u"refused a connection"_s), qPrintable(step.error().message));
        QVERIFY2(step.error().message.contains(other), qPrintable(step.error().message));
        QVERIFY(!QFileInfo::exists(other));

        // An existing file is not changed either, and the driver still serves the next call.
        QCOMPARE(project.runCommand(kPlainRevisions[0], u"sqlite:///"_s + other), QString());
        const QByteArray before = digest(other);
        step = (*driver)->upgrade(kPlainRevisions[1], project.url(u"shadow.db"_s));
        QVERIFY(!step.ok());
        QCOMPARE(digest(other), before);
    }

    void failingRevisionNamesFileAndLine()
    {
        Project project;
        QVERIFY(project.create(u"plainalembic"_s));
        const QString file = project.root + u"/migrations/versions/b0b0b0b0b0b0_broken.py"_s;
        QVERIFY(interop::writeFile(file,
                                   u"from alembic import op\n\nrevision = 'b0b0b0b0b0b0'\n"
                                   "down_revision = '6770b7f3cde6'\nbranch_labels = None\ndepends_on = None\n\n\n"
                                   "def upgrade():\n    op.execute('SELECT * FROM no_such_table')\n\n\n"
                                   "def downgrade():\n    pass\n"_s));
        auto driver = project.start();
        QVERIFY2(driver.ok(), qPrintable(driver.ok() ? QString() : driver.error().message));
        QVERIFY((*driver)->upgrade(kPlainRevisions[1], project.url(u"shadow.db"_s)).ok());
        const auto step = (*driver)->upgrade(u"b0b0b0b0b0b0"_s, project.url(u"shadow.db"_s));
        QVERIFY(!step.ok());
        const QString message = step.error().message;
        QVERIFY2(message.contains(u"b0b0b0b0b0b0"_s), qPrintable(message));
        QVERIFY2(message.contains(file + u":10"_s), qPrintable(message));
        QVERIFY2(message.contains(u"no such table: no_such_table"_s), qPrintable(message));
    }

    void hungStepIsStopped()
    {
        Project project;
        QVERIFY(project.create(u"plainalembic"_s));
        QVERIFY(
            interop::writeFile(project.root + u"/migrations/versions/c0c0c0c0c0c0_hang.py"_s,
                               u"import time\n\nrevision = 'c0c0c0c0c0c0'\ndown_revision = '6770b7f3cde6'\n"
                               "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    time.sleep(600)\n\n\n"
                               "def downgrade():\n    pass\n"_s));
        auto driver = project.start(3000);
        QVERIFY2(driver.ok(), qPrintable(driver.ok() ? QString() : driver.error().message));
        const auto step = (*driver)->upgrade(u"c0c0c0c0c0c0"_s, project.url(u"shadow.db"_s));
        QVERIFY(!step.ok());
        QVERIFY2(step.error().message.contains(u"no answer"_s), qPrintable(step.error().message));
        QVERIFY(!(*driver)->upgrade(kPlainRevisions[0], project.url(u"shadow.db"_s)).ok());
    }

    void brokenAppFailsStart()
    {
        Project project;
        QVERIFY(project.create(u"flaskapp"_s));
        QVERIFY(interop::writeFile(project.root + u"/app.py"_s, u"import no_such_module_for_retort\n"_s));
        const auto driver = project.start();
        QVERIFY(!driver.ok());
        QVERIFY2(driver.error().message.contains(u"no_such_module_for_retort"_s), qPrintable(driver.error().message));
        QVERIFY2(driver.error().message.contains(u"/usr/bin/python3"_s), qPrintable(driver.error().message));
    }
};

QTEST_GUILESS_MAIN(TestPythonReplayDriver)
#include "tst_pythonreplaydriver.moc"
