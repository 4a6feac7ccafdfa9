#include "InteropProject.h"
#include "run/AlembicRunner.h"
#include "script/ProjectConfig.h"
#include "script/ScriptDirectory.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

const QString kFlask = u"/usr/bin/flask"_s;

// A /proc file of NUL-separated strings (cmdline, environ), as ps and friends read it.
QStringList readProcFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList parts;
    for (const QByteArray &part : file.readAll().split('\0'))
        if (!part.isEmpty())
            parts << QString::fromLocal8Bit(part);
    return parts;
}

// The interop Flask-Migrate app copied to a temporary directory, with a SQLite database there.
struct FlaskProject
{
    QTemporaryDir dir;
    QString root;
    QString database;

    bool create()
    {
        if (!dir.isValid())
            return false;
        root = dir.filePath(u"app"_s);
        database = dir.filePath(u"timetracker.db"_s);
        return interop::copyTree(interop::fixture(u"flaskapp"_s), root);
    }
    QString url() const { return u"sqlite:///"_s + database; }
    QString versions() const { return root + u"/migrations/versions"_s; }

    AlembicCommand command() const
    {
        AlembicCommand c;
        c.origin = AlembicCommand::Origin::Flask;
        c.style = AlembicCommand::Style::FlaskMigrate;
        c.program = kFlask;
        c.prefixArguments = {u"db"_s};
        c.workingDirectory = root;
        c.migrationsDirectory = root + u"/migrations"_s;
        return c;
    }
    AlembicRunOptions options() const
    {
        AlembicRunOptions o;
        o.environment = interop::cleanEnvironment();
        o.environment.insert(u"FLASK_APP"_s, u"app"_s);
        o.databaseUrl = url();
        o.timeout = std::chrono::seconds(120);
        return o;
    }
    Revisions revisions() const
    {
        return ScriptDirectory::load(ProjectConfig::fromDirectory(root + u"/migrations"_s)).revisions;
    }
    QStringList versionTable() const
    {
        return interop::sqliteColumn(database, u"SELECT version_num FROM alembic_version"_s);
    }
    // A revision on top of parent whose upgrade() runs body (indented Python lines).
    QString addRevision(const QString &id, const QString &parent, const QString &body) const
    {
        const QString path = versions() + u"/"_s + id + u"_extra.py"_s;
        interop::writeFile(path,
                           u"\"\"\"extra step %1\n\nRevision ID: %1\nRevises: %2\n\"\"\"\n"
                           "from alembic import op\nimport sqlalchemy as sa\nimport time\n\n"
                           "revision = '%1'\ndown_revision = '%2'\nbranch_labels = None\n"
                           "depends_on = None\n\n\ndef upgrade():\n%3\n\n\ndef downgrade():\n"
                           "    pass\n"_s.arg(id, parent, body));
        return path;
    }
};

bool available()
{
    return QFileInfo(kFlask).isExecutable();
}

} // namespace

class TestAlembicRunner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(available(), "Debian's /usr/bin/flask (python3-flask-migrate) is required"); }

    void upgradeDowngradeStampAndOfflineSql()
    {
        FlaskProject p;
        QVERIFY(p.create());
        const Revisions revisions = p.revisions();
        QCOMPARE(revisions.size(), 5);

        AlembicRunner runner;
        AlembicRunOptions o = p.options();
        QList<AlembicStep> streamed;
        QStringList lines;
        o.onStep = [&](const AlembicStep &s) { streamed << s; };
        o.onLine = [&](const QString &l, bool) { lines << l; };

        // Upgrade: one step per revision, parents first, each from its own down revisions.
        AlembicRunResult r = runner.run(p.command(), AlembicAction::upgrade(u"head"_s), o);
        QVERIFY2(r.succeeded(), qPrintable(r.summary() + u'\n' + r.output.join(u'\n')));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.steps, streamed);
        QCOMPARE(r.steps.size(), revisions.size());
        QSet<QString> applied;
        for (const AlembicStep &s : r.steps) {
            QCOMPARE(s.kind, AlembicStep::Kind::Upgrade);
            const auto it = std::find_if(revisions.begin(), revisions.end(),
                                         [&](const Revision &rev) { return rev.id == s.revision(); });
            QVERIFY2(it != revisions.end(), qPrintable(s.line));
            QCOMPARE(QSet<QString>(s.from.begin(), s.from.end()),
                     QSet<QString>(it->downRevisions.begin(), it->downRevisions.end()));
            QCOMPARE(s.message, it->message);
            for (const QString &parent : s.from)
                QVERIFY(applied.contains(parent));
            applied.insert(s.revision());
        }
        QCOMPARE(p.versionTable(), QStringList{u"2c122f99f547"_s});
        QCOMPARE(interop::sqliteColumn(
                     p.database, u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"_s),
                 (QStringList{u"alembic_version"_s, u"projects"_s, u"time_entries"_s, u"users"_s}));
        QVERIFY(lines.size() >= r.steps.size());
        QCOMPARE(r.workingDirectory, p.root);

        // Downgrade below the branch point: the merge point lands on both parents.
        streamed.clear();
        o.knownRevisions.clear();
        for (const Revision &rev : revisions)
            o.knownRevisions.insert(rev.id);
        r = runner.run(p.command(), AlembicAction::downgrade(u"8a5e40175905"_s), o);
        QVERIFY2(r.succeeded(), qPrintable(r.summary()));
        QCOMPARE(r.steps.size(), 3);
        QCOMPARE(r.steps.first().kind, AlembicStep::Kind::Downgrade);
        QCOMPARE(r.steps.first().revision(), u"2c122f99f547"_s);
        QCOMPARE(QSet<QString>(r.steps.first().to.begin(), r.steps.first().to.end()),
                 (QSet<QString>{u"08f51e9d952f"_s, u"c157cbac9192"_s}));
        QCOMPARE(r.steps.first().message, u"merge hourly rate and active flag"_s);
        QCOMPARE(p.versionTable(), QStringList{u"8a5e40175905"_s});

        // Relative downgrade ("-1" must not be taken for an option).
        r = runner.run(p.command(), AlembicAction::downgrade(u"-1"_s), o);
        QVERIFY2(r.succeeded(), qPrintable(r.summary()));
        QCOMPARE(r.steps.size(), 1);
        QCOMPARE(p.versionTable(), QStringList{u"3f247d40a9c4"_s});

        // Stamp moves the table without running scripts.
        r = runner.run(p.command(), AlembicAction::stamp({u"2c122f99f547"_s}), o);
        QVERIFY2(r.succeeded(), qPrintable(r.summary()));
        QCOMPARE(r.steps.size(), 1);
        QCOMPARE(r.steps.first().kind, AlembicStep::Kind::Stamp);
        QCOMPARE(r.steps.first().to, QStringList{u"2c122f99f547"_s});
        QCOMPARE(p.versionTable(), QStringList{u"2c122f99f547"_s});

        // Offline: the SQL comes back on stdout, the database is not touched.
        r = runner.run(p.command(), AlembicAction::offlineUpgrade(u"8a5e40175905:c157cbac9192"_s), o);
        QVERIFY2(r.succeeded(), qPrintable(r.summary()));
        QVERIFY(r.standardOutput.contains(u"ALTER TABLE projects ADD COLUMN hourly_rate"_s));
        QVERIFY(r.standardOutput.contains(u"UPDATE alembic_version SET version_num='c157cbac9192'"_s));
        QCOMPARE(r.steps.size(), 1);
        QCOMPARE(r.steps.first().revision(), u"c157cbac9192"_s);
        QCOMPARE(p.versionTable(), QStringList{u"2c122f99f547"_s});
    }

    void failingRevision_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("line");
        QTest::addColumn<bool>("traceback");
        QTest::addColumn<QString>("errorStart");
        QTest::addColumn<QString>("errorText");
        // The body of upgrade() starts on line 17 of the file addRevision writes.
        QTest::newRow("SQL error") << u"    op.execute('INSERT INTO no_such_table VALUES (1)')"_s << 17 << true
                                   << u"sqlalchemy.exc.OperationalError: "_s << u"no such table: no_such_table"_s;
        QTest::newRow("exception raised by the script") << u"    x = 1\n    raise ValueError('cannot convert rates')"_s
                                                        << 18 << true << u"ValueError: "_s << u"cannot convert rates"_s;
        // Flask-Migrate catches RuntimeError and logs it in one line, without a traceback.
        QTest::newRow("RuntimeError reported by Flask-Migrate")
            << u"    raise RuntimeError('cannot convert rates')"_s << 0 << false << u"ERROR [flask_migrate] Error: "_s
            << u"cannot convert rates"_s;
    }

    void failingRevision()
    {
        QFETCH(QString, body);
        QFETCH(int, line);
        QFETCH(bool, traceback);
        QFETCH(QString, errorStart);
        QFETCH(QString, errorText);
        FlaskProject p;
        QVERIFY(p.create());
        const QString path = p.addRevision(u"ffff00000001"_s, u"2c122f99f547"_s, body);

        AlembicRunner runner;
        const AlembicRunResult r = runner.run(p.command(), AlembicAction::upgrade(u"head"_s), p.options());
        QCOMPARE(r.status, AlembicRunResult::Status::Failed);
        QVERIFY(r.exitCode != 0);
        const QString error = traceback ? r.exceptionLine : r.errorLine;
        QVERIFY2(error.startsWith(errorStart), qPrintable(r.output.join(u'\n')));
        QVERIFY2(error.contains(errorText), qPrintable(error));
        QCOMPARE(r.failedRevision, u"ffff00000001"_s);
        if (traceback)
            QCOMPARE(QFileInfo(r.scriptPath).canonicalFilePath(), QFileInfo(path).canonicalFilePath());
        else
            QVERIFY(r.scriptPath.isEmpty());
        QCOMPARE(r.scriptLine, line);
        QCOMPARE(r.steps.size(), 6);
        const QString summary = r.summary();
        QVERIFY2(summary.contains(u"ffff00000001"_s) && summary.contains(errorText), qPrintable(summary));
        QCOMPARE(r.toProblem().revision, u"ffff00000001"_s);
        // SQLite steps commit one by one, as with Alembic itself.
        QCOMPARE(p.versionTable(), QStringList{u"2c122f99f547"_s});
    }

    void urlStaysOffTheCommandLine_data()
    {
        QTest::addColumn<bool>("echoingChild");
        QTest::newRow("flask db with a PostgreSQL URL") << false;
        QTest::newRow("a child that prints DATABASE_URL") << true;
    }

    void urlStaysOffTheCommandLine()
    {
        QFETCH(bool, echoingChild);
        const QString password = u"Tr0ub4dor&3"_s;
        const QString url = u"postgresql://alice:"_s + password + u"@127.0.0.1:9/timetracker"_s;
        FlaskProject p;
        QVERIFY(p.create());
        AlembicCommand c = p.command();
        if (echoingChild) {
            c.program = u"/bin/sh"_s;
            c.prefixArguments = {u"-c"_s,
                                 u"echo \"connecting to $DATABASE_URL\"; "
                                 "echo \"password $DATABASE_URL\" >&2; sleep 1; exit 3"_s,
                                 u"sh"_s};
            c.style = AlembicCommand::Style::Alembic;
        }
        AlembicRunOptions o = p.options();
        o.databaseUrl = url;
        o.timeout = std::chrono::seconds(60);
        QString startedProgram;
        QStringList startedArguments;
        QString childUrl;
        QStringList childCommandLine;
        QStringList childEnvironment;
        o.onStarted = [&](const QProcess &process) {
            startedProgram = process.program();
            startedArguments = process.arguments();
            childUrl = process.processEnvironment().value(u"DATABASE_URL"_s);
            // What anyone on the machine can read of the running child: ps shows its command line.
            const QString proc = u"/proc/%1/"_s.arg(process.processId());
            // QProcess reports the start when the child's close-on-exec pipe closes, which the
            // kernel does partway through execve, before it records where the new arguments lie:
            // until then cmdline reads empty. The child lives a second; ask again meanwhile.
            for (int attempt = 0; attempt < 100 && childCommandLine.isEmpty(); ++attempt) {
                if (attempt > 0)
                    QThread::msleep(5);
                childCommandLine = readProcFile(proc + u"cmdline"_s);
            }
            childEnvironment = readProcFile(proc + u"environ"_s);
        };
        QStringList streamed;
        o.onLine = [&](const QString &l, bool) { streamed << l; };

        AlembicRunner runner;
        const AlembicRunResult r = runner.run(c, AlembicAction::upgrade(u"head"_s), o);
        QVERIFY(!r.succeeded()); // nothing listens on port 9
        QCOMPARE(childUrl, url); // handed over through the environment...
        QVERIFY(!startedArguments.isEmpty());
        const QString everything = startedProgram + startedArguments.join(u' ') + r.program + r.arguments.join(u' ')
            + r.commandLine + r.output.join(u'\n') + streamed.join(u'\n') + r.summary() + r.exceptionLine + r.errorLine
            + r.standardOutput;
        QVERIFY2(!everything.contains(password), qPrintable(everything)); // ...and nowhere else
        QVERIFY(!childCommandLine.isEmpty());
        QVERIFY2(!childCommandLine.join(u' ').contains(password), qPrintable(childCommandLine.join(u' ')));
        const QStringList carrying = childEnvironment.filter(password);
        QCOMPARE(carrying, QStringList{u"DATABASE_URL="_s + url}); // the one variable that must carry it
        if (echoingChild) {
            QVERIFY(r.output.contains(u"connecting to postgresql://alice:***@127.0.0.1:9/timetracker"_s));
            QCOMPARE(r.exitCode, 3);
        }
    }

    void cancel_data()
    {
        QTest::addColumn<bool>("fromOtherThread");
        QTest::newRow("from the step callback") << false;
        QTest::newRow("from another thread, runner in a worker thread") << true;
    }

    void cancel()
    {
        QFETCH(bool, fromOtherThread);
        FlaskProject p;
        QVERIFY(p.create());
        p.addRevision(u"5leep0000001"_s, u"2c122f99f547"_s, u"    time.sleep(60)"_s);

        AlembicRunner runner;
        AlembicRunOptions o = p.options();
        std::atomic<bool> sleeping{false};
        o.onStep = [&](const AlembicStep &s) {
            if (s.revision() != u"5leep0000001"_s)
                return;
            if (fromOtherThread)
                sleeping.store(true);
            else
                runner.cancel();
        };
        AlembicRunResult r;
        QElapsedTimer clock;
        clock.start();
        if (fromOtherThread) {
            QThread *worker =
                QThread::create([&] { r = runner.run(p.command(), AlembicAction::upgrade(u"head"_s), o); });
            worker->start();
            QTRY_VERIFY_WITH_TIMEOUT(sleeping.load(), 60000);
            runner.cancel();
            QVERIFY(worker->wait(30000));
            delete worker;
        } else {
            r = runner.run(p.command(), AlembicAction::upgrade(u"head"_s), o);
        }
        QCOMPARE(r.status, AlembicRunResult::Status::Cancelled);
        QVERIFY(r.crashed);
        QCOMPARE(r.failedRevision, u"5leep0000001"_s);
        QVERIFY2(clock.elapsed() < 45000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(r.summary().startsWith(u"cancelled"_s));
        QCOMPARE(p.versionTable(), QStringList{u"2c122f99f547"_s});
    }

    void timeout()
    {
        FlaskProject p;
        QVERIFY(p.create());
        p.addRevision(u"5leep0000002"_s, u"2c122f99f547"_s, u"    time.sleep(60)"_s);
        AlembicRunOptions o = p.options();
        o.timeout = std::chrono::milliseconds(6000);
        AlembicRunner runner;
        const AlembicRunResult r = runner.run(p.command(), AlembicAction::upgrade(u"head"_s), o);
        QCOMPARE(r.status, AlembicRunResult::Status::TimedOut);
        QVERIFY(r.elapsedMs < 30000);
    }

    void invalidAndUnstartable()
    {
        FlaskProject p;
        QVERIFY(p.create());
        AlembicRunner runner;
        AlembicRunResult r = runner.run(p.command(), AlembicAction::offlineDowngrade(u"base"_s), p.options());
        QCOMPARE(r.status, AlembicRunResult::Status::Invalid);
        QVERIFY(r.summary().contains(u"range"_s));

        AlembicCommand missing = p.command();
        missing.program = p.root + u"/no/such/flask"_s;
        r = runner.run(missing, AlembicAction::upgrade(u"head"_s), p.options());
        QCOMPARE(r.status, AlembicRunResult::Status::FailedToStart);
        QVERIFY(r.summary().contains(u"no/such/flask"_s));
    }
};

QTEST_GUILESS_MAIN(TestAlembicRunner)
#include "tst_alembicrunner.moc"
