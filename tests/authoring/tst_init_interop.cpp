// `retort init` for each layout: what it creates, that it refuses a non-empty directory, and
// that Debian's alembic (generic) and flask-migrate (flask, with a tiny app) accept the result
// as it is: heads and history like Retort's, upgrades run, and `retort migrate` (the project's
// autogenerate) writes a revision.
#include "CliProcess.h"
#include "InteropProject.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Output
{
    int exitCode = -1;
    QString out;
    QString err;
};

Output run(const QString &program, const QStringList &arguments, const QString &directory,
           const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(directory);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    Output o;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return o;
    }
    o.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    o.out = QString::fromUtf8(process.readAllStandardOutput());
    o.err = QString::fromUtf8(process.readAllStandardError());
    return o;
}

QStringList listing(const QString &dir)
{
    QStringList names;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        names << QDir(dir).relativeFilePath(it.next());
    names.sort();
    return names;
}

} // namespace

class TestInitInterop : public QObject
{
    Q_OBJECT

private slots:
    void layouts_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QStringList>("files");
        const QStringList python{u"README"_s, u"alembic.ini"_s, u"env.py"_s, u"script.py.mako"_s, u"versions"_s};
        QTest::newRow("default is flask") << QStringList{} << python;
        QTest::newRow("generic") << QStringList{u"--template"_s, u"generic"_s} << python;
        QTest::newRow("sql") << QStringList{u"--format"_s, u"sql"_s}
                             << QStringList{u"README"_s, u"alembic.ini"_s, u"versions"_s};
    }
    void layouts()
    {
        QFETCH(QStringList, options);
        QFETCH(QStringList, files);
        QTemporaryDir dir;
        const QString target = dir.filePath(u"new/migrations"_s);
        const CliResult made = runRetort(QStringList{u"init"_s, target, u"--json"_s} + options);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err + made.out));
        QCOMPARE(listing(target), files);
        const QJsonObject object = QJsonDocument::fromJson(made.out.toUtf8()).object();
        QCOMPARE(object.value(u"directory"_s).toString(), target);
        QVERIFY(object.value(u"created"_s).toArray().contains(QString(target + u"/alembic.ini"_s)));
        QFile ini(target + u"/alembic.ini"_s);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(ini.readAll().contains("\nscript_location = %(here)s\n"));

        // Retort opens it and writes the first revision in the project's format.
        const CliResult first = runRetort({u"-d"_s, target, u"revision"_s, u"-m"_s, u"first"_s, u"--json"_s});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err + first.out));
        const QJsonObject written = QJsonDocument::fromJson(first.out.toUtf8()).object();
        QCOMPARE(written.value(u"format"_s).toString(), options.contains(u"sql"_s) ? u"sql"_s : u"python"_s);
        QVERIFY(written.value(u"path"_s).toString().startsWith(target + u"/versions/"_s));

        // A second init on the same, now non-empty directory changes nothing.
        const QStringList before = listing(target);
        const CliResult again = runRetort(QStringList{u"init"_s, target} + options);
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(u"Directory %1 already exists and is not empty"_s.arg(target)),
                 qPrintable(again.err));
        QCOMPARE(listing(target), before);
    }

    void badOptions()
    {
        QTemporaryDir dir;
        QCOMPARE(runRetort({u"init"_s, dir.filePath(u"a"_s), u"--template"_s, u"multidb"_s}).exitCode, 2);
        QCOMPARE(
            runRetort({u"init"_s, dir.filePath(u"a"_s), u"--format"_s, u"sql"_s, u"--template"_s, u"flask"_s}).exitCode,
            2);
        QVERIFY(!QFileInfo::exists(dir.filePath(u"a"_s)));
        // A file in the way is refused too.
        QVERIFY(interop::writeFile(dir.filePath(u"b/note.txt"_s), u"keep me"_s));
        QCOMPARE(runRetort({u"init"_s, dir.filePath(u"b"_s)}).exitCode, 1);
        QCOMPARE(listing(dir.filePath(u"b"_s)), QStringList{u"note.txt"_s});
    }

    void genericAcceptedByAlembic()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(u"db"_s);
        QCOMPARE(runRetort({u"init"_s, target, u"--template"_s, u"generic"_s}).exitCode, 0);
        QCOMPARE(runRetort({u"-d"_s, target, u"revision"_s, u"-m"_s, u"one"_s, u"--rev-id"_s, u"a1"_s}).exitCode, 0);
        QCOMPARE(runRetort({u"-d"_s, target, u"revision"_s, u"-m"_s, u"two"_s, u"--rev-id"_s, u"b2"_s}).exitCode, 0);
        QProcessEnvironment env = interop::cleanEnvironment();
        env.insert(u"DATABASE_URL"_s, u"sqlite:///"_s + dir.filePath(u"app.db"_s));
        const QString ini = target + u"/alembic.ini"_s;
        for (const QString &verb : {u"heads"_s, u"history"_s}) {
            const Output theirs =
                run(u"/usr/bin/python3"_s, {u"-m"_s, u"alembic"_s, u"-c"_s, ini, verb}, dir.path(), env);
            QVERIFY2(theirs.exitCode == 0, qPrintable(theirs.err));
            const CliResult ours = runRetort({u"-d"_s, target, verb}, env, dir.path());
            QCOMPARE(ours.out, theirs.out);
        }
        const Output upgraded =
            run(u"/usr/bin/python3"_s, {u"-m"_s, u"alembic"_s, u"-c"_s, ini, u"upgrade"_s, u"head"_s}, dir.path(), env);
        QVERIFY2(upgraded.exitCode == 0, qPrintable(upgraded.err));
        QCOMPARE(interop::sqliteColumn(dir.filePath(u"app.db"_s), u"SELECT version_num FROM alembic_version"_s),
                 QStringList{u"b2"_s});
    }

    void flaskAcceptedByFlaskMigrate()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(u"app"_s);
        QVERIFY(QDir().mkpath(root));
        QVERIFY(QFile::copy(interop::fixture(u"flaskapp/app.py"_s), root + u"/app.py"_s));
        QProcessEnvironment env = interop::cleanEnvironment();
        env.insert(u"FLASK_APP"_s, u"app"_s);
        env.insert(u"DATABASE_URL"_s, u"sqlite:///"_s + dir.filePath(u"app.db"_s));
        // Flask-Migrate's own place: ./migrations, found by retort without -d.
        QCOMPARE(runRetort({u"init"_s}, env, root).exitCode, 0);
        const CliResult first = runRetort({u"revision"_s, u"-m"_s, u"start"_s, u"--rev-id"_s, u"5ta27"_s}, env, root);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));

        const Output upgraded = run(u"/usr/bin/flask"_s, {u"db"_s, u"upgrade"_s}, root, env);
        QVERIFY2(upgraded.exitCode == 0, qPrintable(upgraded.err));
        QVERIFY2(upgraded.err.contains(u"Running upgrade  -> 5ta27, start"_s), qPrintable(upgraded.err));
        // `retort migrate`: Flask-Migrate's autogenerate through the generated env.py and
        // script.py.mako, run by Retort's Alembic runner.
        const CliResult migrated = runRetort({u"migrate"_s, u"-m"_s, u"models"_s, u"--json"_s}, env, root);
        QVERIFY2(migrated.exitCode == 0, qPrintable(migrated.err + migrated.out));
        const QJsonObject written = QJsonDocument::fromJson(migrated.out.toUtf8()).object();
        const QString revision = written.value(u"revision"_s).toString();
        QVERIFY2(QRegularExpression(u"^[0-9a-f]{12}$"_s).match(revision).hasMatch(), qPrintable(migrated.out));
        QCOMPARE(written.value(u"parents"_s).toArray(), QJsonArray{u"5ta27"_s});
        QVERIFY(written.value(u"command"_s).toString().contains(u"db migrate"_s));
        QVERIFY(written.value(u"output"_s)
                    .toArray()
                    .contains(u"INFO  [alembic.autogenerate.compare] Detected added table 'users'"_s));
        const QString path = written.value(u"path"_s).toString();
        QCOMPARE(path, u"%1/migrations/versions/%2_models.py"_s.arg(root, revision));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("op.create_table('users'"));
        for (const QString &verb : {u"heads"_s, u"history"_s}) {
            const Output theirs = run(u"/usr/bin/flask"_s, {u"db"_s, verb}, root, env);
            QVERIFY2(theirs.exitCode == 0, qPrintable(theirs.err));
            QCOMPARE(runRetort({verb}, env, root).out, theirs.out);
        }
        const Output applied = run(u"/usr/bin/flask"_s, {u"db"_s, u"upgrade"_s}, root, env);
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        QVERIFY(
            interop::sqliteColumn(dir.filePath(u"app.db"_s), u"SELECT name FROM sqlite_master WHERE type = 'table'"_s)
                .contains(u"users"_s));
        // Models and database agree now: the generated env.py drops the empty revision.
        const QStringList files = listing(root + u"/migrations/versions"_s);
        const CliResult again = runRetort({u"migrate"_s, u"-m"_s, u"nothing"_s}, env, root);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(again.out, u"No changes in schema detected; no revision was written.\n"_s);
        QVERIFY2(again.err.contains(u"No changes in schema detected."_s), qPrintable(again.err));
        QCOMPARE(listing(root + u"/migrations/versions"_s), files);
    }
};

QTEST_GUILESS_MAIN(TestInitInterop)
#include "tst_init_interop.moc"
