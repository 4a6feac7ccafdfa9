// Revisions written by `retort revision` from the project's own script.py.mako, read by
// Debian's Alembic (a generic project) and Flask-Migrate (a flask project): the same heads and
// history as Retort's, and `flask db upgrade` runs them.
#include "CliProcess.h"
#include "InteropProject.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Alembic 1.8.1 loads revision files in os.listdir() order, which depends on the file system and
// decides the order of heads and of independent branches in history; current Alembic and Retort
// load them sorted. The tools run with that one function sorted, everything else as installed.
const QString kSortedLoad =
    u"import sys\n"
    "from alembic.script.base import Script\n"
    "_unsorted = Script._list_py_dir.__func__\n"
    "Script._list_py_dir = classmethod(lambda cls, sd, path: sorted(_unsorted(cls, sd, path)))\n"_s;

struct Output
{
    int exitCode = -1;
    QString out;
    QString err;
};

struct Project
{
    bool flask = false;
    QString root; // where the tool runs
    QString migrations; // retort -d
    QString base;
    QProcessEnvironment environment;

    Output tool(const QStringList &arguments) const
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(root);
        process.setStandardInputFile(QProcess::nullDevice());
        const QString run = flask ? u"from flask.cli import main\nsys.argv = ['flask', 'db'] + sys.argv[1:]\nmain()\n"_s
                                  : u"from alembic.config import main\nmain(argv=sys.argv[1:])\n"_s;
        process.start(u"/usr/bin/python3"_s, QStringList{u"-c"_s, kSortedLoad + run} + arguments);
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
    Output retort(const QStringList &arguments) const
    {
        const CliResult r = runRetort(QStringList{u"-d"_s, migrations} + arguments, environment, root);
        return {r.crashed ? -1 : r.exitCode, r.out, r.err};
    }
};

} // namespace

class TestRevisionInterop : public QObject
{
    Q_OBJECT

private slots:
    void sameGraphAsAlembic_data()
    {
        QTest::addColumn<bool>("flask");
        QTest::newRow("generic") << false;
        QTest::newRow("flask") << true;
    }
    void sameGraphAsAlembic()
    {
        QFETCH(bool, flask);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Project p;
        p.flask = flask;
        p.root = dir.filePath(u"project"_s);
        QVERIFY(interop::copyTree(interop::fixture(flask ? u"flaskapp"_s : u"plainalembic"_s), p.root));
        p.migrations = flask ? p.root + u"/migrations"_s : p.root;
        p.base = flask ? u"3f247d40a9c4"_s : u"5a845b9de09e"_s;
        p.environment = interop::cleanEnvironment();
        p.environment.insert(u"DATABASE_URL"_s, u"sqlite:///"_s + dir.filePath(u"app.db"_s));
        if (flask)
            p.environment.insert(u"FLASK_APP"_s, u"app"_s);

        const QList<QStringList> steps = {
            {u"-m"_s, u"add a 'widget' table"_s, u"--rev-id"_s, u"aaaa00000001"_s},
            {u"-m"_s, u"side branch"_s, u"--head"_s, p.base, u"--splice"_s, u"--branch-label"_s, u"side"_s,
             u"--rev-id"_s, u"bbbb00000002"_s},
            {u"-m"_s, u"needs \"side\" and more"_s, u"--head"_s, u"aaaa00000001"_s, u"--depends-on"_s, u"side"_s,
             u"--depends-on"_s, u"bbbb"_s, u"--rev-id"_s, u"cccc00000003"_s},
            {u"--head"_s, u"side@head"_s},
        };
        QString generated;
        for (const QStringList &step : steps) {
            const Output made = p.retort(QStringList{u"revision"_s, u"--json"_s} + step);
            QVERIFY2(made.exitCode == 0, qPrintable(made.err + made.out));
            const QJsonObject object = QJsonDocument::fromJson(made.out.toUtf8()).object();
            QCOMPARE(object.value(u"format"_s).toString(), u"python"_s);
            generated = object.value(u"revision"_s).toString();
        }
        QVERIFY2(QRegularExpression(u"^[0-9a-f]{12}$"_s).match(generated).hasMatch(), qPrintable(generated));

        for (const QString &verb : {u"heads"_s, u"history"_s}) {
            const Output theirs = p.tool({verb});
            QVERIFY2(theirs.exitCode == 0, qPrintable(theirs.err));
            const Output ours = p.retort({verb});
            QVERIFY2(ours.exitCode == 0, qPrintable(ours.err));
            QCOMPARE(ours.out, theirs.out);
        }
        const Output heads = p.tool({u"heads"_s});
        QVERIFY2(heads.out.contains(u"cccc00000003 (head)"_s) && heads.out.contains(generated + u" (side) (head)"_s),
                 qPrintable(heads.out));
        const Output history = p.tool({u"history"_s});
        QVERIFY2(history.out.contains(
                     u"aaaa00000001 (side, bbbb00000002) -> cccc00000003 (head), needs \"side\" and more"_s),
                 qPrintable(history.out));

        // The project's own tool runs them.
        const Output upgraded = p.tool({u"upgrade"_s, u"heads"_s});
        QVERIFY2(upgraded.exitCode == 0, qPrintable(upgraded.err));
        const QStringList rows =
            interop::sqliteColumn(dir.filePath(u"app.db"_s), u"SELECT version_num FROM alembic_version"_s);
        QStringList expected{u"cccc00000003"_s, generated};
        expected.sort();
        QCOMPARE(rows, expected);
    }

    void templateBeyondTheSubset()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(u"project"_s);
        QVERIFY(interop::copyTree(interop::fixture(u"plainalembic"_s), root));
        QVERIFY(interop::writeFile(root + u"/migrations/script.py.mako"_s,
                                   u"\"\"\"${message}\"\"\"\n<%\n  x = 1\n%>\nrevision = ${repr(up_revision)}\n"_s));
        const CliResult made = runRetort({u"-d"_s, root, u"revision"_s, u"-m"_s, u"x"_s});
        QCOMPARE(made.exitCode, 1);
        QVERIFY2(made.err.contains(root + u"/migrations/script.py.mako:2: "_s), qPrintable(made.err));
        QVERIFY2(made.err.contains(u"not supported"_s), qPrintable(made.err));
        QCOMPARE(QDir(root + u"/migrations/versions"_s).entryList({u"*.py"_s}).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestRevisionInterop)
#include "tst_revision_interop.moc"
