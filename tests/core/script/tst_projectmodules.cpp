// Revisions that take identifiers from the project's own modules (the OpenStack layout: a
// `cli` module holding the branch names, imported by every revision) read statically when the
// module is a file under the project's import roots; anything else keeps its clear error.
#include "script/ProjectConfig.h"
#include "script/ProjectModules.h"
#include "script/ScriptDirectory.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

bool write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// repo/.git, repo/app/db/migration/{cli.py, alembic.ini, alembic_migrations/versions/}; the
// packages have __init__.py files, as a real Python package does.
struct OpenStackLike
{
    QTemporaryDir dir;
    QString repo() const { return dir.filePath(u"repo"_s); }
    QString migration() const { return repo() + u"/app/db/migration"_s; }
    QString versions() const { return migration() + u"/alembic_migrations/versions"_s; }

    bool create(const QByteArray &cli) const
    {
        return QDir().mkpath(repo() + u"/.git"_s) && write(repo() + u"/app/__init__.py"_s, "")
            && write(repo() + u"/app/db/__init__.py"_s, "") && write(migration() + u"/__init__.py"_s, "")
            && write(migration() + u"/cli.py"_s, cli) && write(migration() + u"/alembic_migrations/__init__.py"_s, "")
            && write(migration() + u"/alembic.ini"_s, "[alembic]\nscript_location = alembic_migrations\n")
            && QDir().mkpath(versions());
    }
    bool revision(const QString &id, const QByteArray &imports, const QByteArray &labels) const
    {
        return write(versions() + u'/' + id + u"_rev.py"_s,
                     "\"\"\"revision " + id.toUtf8() + "\"\"\"\n" + imports + "\n\nrevision = '" + id.toUtf8()
                         + "'\ndown_revision = None\nbranch_labels = " + labels + "\n\n\ndef upgrade():\n    pass\n");
    }
    ScriptDirectory load() const { return ScriptDirectory::load(ProjectConfig::fromDirectory(migration())); }
};

const QByteArray CliModule = "\"\"\"Branch names.\"\"\"\nimport os\n\nEXPAND_BRANCH = 'expand'\n"
                             "CONTRACT_BRANCH = \"contract\"\nMADE = os.getcwd()\nTWICE = 'one'\nTWICE = 'two'\n"
                             "LATER = 'x'\nLATER = os.getcwd()\n";

} // namespace

class TestProjectModules : public QObject
{
    Q_OBJECT

private slots:
    void importRootsFollowAlembicAndThePackages();
    void resolves_data();
    void resolves();
    void unresolvableNamesKeepTheirError_data();
    void unresolvableNamesKeepTheirError();
};

void TestProjectModules::importRootsFollowAlembicAndThePackages()
{
    OpenStackLike p;
    QVERIFY(p.create(CliModule));
    QVERIFY(write(p.migration() + u"/alembic.ini"_s,
                  "[alembic]\nscript_location = alembic_migrations\nprepend_sys_path = . ../lib\n"));
    QDir().mkpath(p.repo() + u"/app/db/lib"_s);
    const QStringList roots = ProjectModules::importRootsFor(ProjectConfig::fromDirectory(p.migration()));
    const QString canonical = QDir(p.repo()).canonicalPath();
    const auto clean = [&](const QString &path) { return QDir(path).canonicalPath(); };
    QStringList cleaned;
    for (const QString &root : roots)
        cleaned << clean(root);
    // prepend_sys_path first (relative to the ini), then the folder above the migrations, the
    // parent of the outermost package, and the repository root (here the same directory).
    QCOMPARE(cleaned, (QStringList{clean(p.migration()), clean(p.repo() + u"/app/db/lib"_s), canonical}));
}

void TestProjectModules::resolves_data()
{
    QTest::addColumn<QByteArray>("imports");
    QTest::addColumn<QByteArray>("labels");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("from package import module") << QByteArray("from app.db.migration import cli")
                                                << QByteArray("(cli.EXPAND_BRANCH,)") << QStringList{u"expand"_s};
    QTest::newRow("double-quoted constant") << QByteArray("from app.db.migration import cli")
                                            << QByteArray("cli.CONTRACT_BRANCH") << QStringList{u"contract"_s};
    QTest::newRow("module alias") << QByteArray("import app.db.migration.cli as mcli")
                                  << QByteArray("[mcli.EXPAND_BRANCH]") << QStringList{u"expand"_s};
    QTest::newRow("package, then module.attribute")
        << QByteArray("from app.db import migration") << QByteArray("(migration.cli.CONTRACT_BRANCH,)")
        << QStringList{u"contract"_s};
    QTest::newRow("the constant itself") << QByteArray("from app.db.migration.cli import EXPAND_BRANCH as E")
                                         << QByteArray("(E, 'extra')") << (QStringList{u"expand"_s, u"extra"_s});
    QTest::newRow("the last assignment counts, as in Python")
        << QByteArray("from app.db.migration import cli") << QByteArray("(cli.TWICE,)") << QStringList{u"two"_s};
    QTest::newRow("plain import of the package")
        << QByteArray("import app.db.migration.cli") << QByteArray("(app.db.migration.cli.EXPAND_BRANCH,)")
        << QStringList{u"expand"_s};
    QTest::newRow("parenthesized, over lines")
        << QByteArray("from app.db.migration import (\n    cli,  # the branches\n)")
        << QByteArray("(cli.EXPAND_BRANCH,)") << QStringList{u"expand"_s};
}

void TestProjectModules::resolves()
{
    QFETCH(QByteArray, imports);
    QFETCH(QByteArray, labels);
    QFETCH(QStringList, expected);
    OpenStackLike p;
    QVERIFY(p.create(CliModule));
    QVERIFY(p.revision(u"1c844d1677f7"_s, imports, labels));
    const ScriptDirectory scripts = p.load();
    for (const Problem &problem : scripts.problems)
        QVERIFY2(problem.severity != Problem::Severity::Error, qPrintable(problem.toString()));
    QCOMPARE(scripts.revisions.size(), 1);
    QCOMPARE(scripts.revisions.first().branchLabels, expected);
}

void TestProjectModules::unresolvableNamesKeepTheirError_data()
{
    QTest::addColumn<QByteArray>("imports");
    QTest::addColumn<QByteArray>("labels");
    QTest::addColumn<QString>("name");
    QTest::newRow("not imported") << QByteArray() << QByteArray("(cli.EXPAND_BRANCH,)") << u"cli.EXPAND_BRANCH"_s;
    QTest::newRow("module outside the project") << QByteArray("from neutron_lib import constants")
                                                << QByteArray("(constants.EXPAND,)") << u"constants.EXPAND"_s;
    QTest::newRow("no such constant") << QByteArray("from app.db.migration import cli") << QByteArray("(cli.MISSING,)")
                                      << u"cli.MISSING"_s;
    QTest::newRow("computed, not a literal")
        << QByteArray("from app.db.migration import cli") << QByteArray("(cli.MADE,)") << u"cli.MADE"_s;
    QTest::newRow("reassigned to an expression")
        << QByteArray("from app.db.migration import cli") << QByteArray("(cli.LATER,)") << u"cli.LATER"_s;
    QTest::newRow("relative import") << QByteArray("from .. import cli") << QByteArray("(cli.EXPAND_BRANCH,)")
                                     << u"cli.EXPAND_BRANCH"_s;
}

void TestProjectModules::unresolvableNamesKeepTheirError()
{
    QFETCH(QByteArray, imports);
    QFETCH(QByteArray, labels);
    QFETCH(QString, name);
    OpenStackLike p;
    QVERIFY(p.create(CliModule));
    QVERIFY(p.revision(u"1c844d1677f7"_s, imports, labels));
    const ScriptDirectory scripts = p.load();
    bool reported = false;
    for (const Problem &problem : scripts.problems) {
        if (problem.kind == u"UnreadableValue")
            reported = problem.message.contains(u"branch_labels is set to the name "_s + name)
                && problem.line == 6 + int(imports.count('\n'));
    }
    QVERIFY2(reported, qPrintable(scripts.problems.isEmpty() ? u"no problem"_s : scripts.problems.first().toString()));
    QCOMPARE(scripts.revisions.size(), 1);
    QVERIFY(scripts.revisions.first().branchLabels.isEmpty());
}

QTEST_GUILESS_MAIN(TestProjectModules)
#include "tst_projectmodules.moc"
