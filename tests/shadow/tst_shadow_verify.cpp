// Verifying downgrades on shadow databases: a downgrade that forgets a column, one that fails, a
// revision with no downgrade, a correct history with a branch, a merge and a depends_on, ranges,
// Python revisions through PythonSteps, cancel, and the person's database left as it was. Built
// twice, for SQLite and for PostgreSQL (SHADOW_BACKEND).
#include "ShadowDatabases.h"
#include "TestDatabase.h"

#include "command/ProjectSnapshot.h"
#include "command/VerifyCommand.h"
#include "db/Connection.h"
#include "db/DatabaseUrl.h"
#include "schema/SchemaReader.h"
#include "shadow/DowngradeBody.h"
#include "shadow/DowngradeVerifier.h"
#include "shadow/ShadowDatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;
using StepProblem = StepVerification::Problem;

namespace {

const QString backend = QStringLiteral(SHADOW_BACKEND);

ShadowServer::Options serverOptions()
{
    ShadowServer::Options options;
    if (backend == u"postgresql") {
        QString failure;
        options.dialect = SqlDialect::PostgreSql;
        options.serverUrl = DatabaseUrl::parse(TestDatabase::serverUrl(&failure)).value();
        options.serverSource = u"the test server"_s;
    }
    return options;
}

// A native SQL project whose revisions state both directions; a null `down` writes no
// downgrade section at all.
struct Project
{
    QTemporaryDir dir;

    QString path(const QString &id) const { return dir.filePath(u"versions/"_s + id + u"_step.sql"_s); }
    bool add(const QString &id, const QString &parents, const QString &up, const QString &down,
             const QString &dependsOn = {}) const
    {
        QDir().mkpath(dir.filePath(u"versions"_s));
        QFile file(path(id));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        QString text = u"-- Revision ID: %1\n-- Revises: %2\n"_s.arg(id, parents);
        if (!dependsOn.isEmpty())
            text += u"-- Depends on: %1\n"_s.arg(dependsOn);
        text += u"-- Message: step %1\n\n-- +upgrade\n%2\n"_s.arg(id, up);
        if (!down.isNull())
            text += u"\n-- +downgrade\n%1\n"_s.arg(down);
        return file.write(text.toUtf8()) > 0;
    }
    bool write(const QString &name, const QString &text) const
    {
        QDir().mkpath(dir.filePath(u"versions"_s));
        QFile file(dir.filePath(u"versions/"_s + name));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) > 0;
    }
    // The 1-based line of the first line of `path(id)` that holds `text`.
    int lineOf(const QString &id, const QString &text) const
    {
        QFile file(path(id));
        if (!file.open(QIODevice::ReadOnly))
            return -1;
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines.at(i).contains(text))
                return int(i + 1);
        }
        return -1;
    }
};

// Python revisions by hand, as Alembic would leave them: upgrade creates py_<id>, downgrade
// drops it (or, for ids in `forgetful`, leaves it), each moving the version row.
class FakePython : public PythonSteps
{
public:
    QStringList calls;
    QStringList forgetful;
    Fallible<void> upgrade(const QString &revision, const QString &url) override
    {
        calls << u"upgrade "_s + revision;
        return run(url, {u"CREATE TABLE py_%1 (id INTEGER)"_s.arg(revision)}, revision);
    }
    Fallible<void> downgrade(const QString &revision, const QString &url) override
    {
        calls << u"downgrade "_s + revision;
        if (forgetful.contains(revision))
            return run(url, {}, u"a1"_s);
        return run(url, {u"DROP TABLE py_%1"_s.arg(revision)}, u"a1"_s);
    }
    Fallible<void> stamp(const QString &, const QString &) override { return Failure{u"not used"_s}; }

private:
    Fallible<void> run(const QString &url, const QStringList &statements, const QString &version)
    {
        Connection connection(DatabaseUrl::parse(url).value(), QDir::rootPath());
        if (auto error = connection.open())
            return Failure{error->toString()};
        for (const QString &sql : statements
                 + QStringList{u"DELETE FROM alembic_version"_s,
                               u"INSERT INTO alembic_version VALUES ('%1')"_s.arg(version)}) {
            if (auto error = connection.execute(sql))
                return Failure{error->toString()};
        }
        return {};
    }
};

// A table's name as the schema model has it: PostgreSQL's carry their schema.
QString tableName(const QString &name)
{
    return backend == u"postgresql" ? u"public."_s + name : name;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QString describe(const VerifyReport &report)
{
    QStringList lines;
    for (const StepVerification &step : report.steps)
        lines << step.revision + u": "_s + StepVerification::problemName(step.problem) + u" "_s + step.describe();
    return lines.join(u'\n');
}

} // namespace

class TestShadowVerify : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<const ProjectSnapshot> load(const Project &project)
    {
        return ProjectSnapshot::load(project.dir.path(), project.dir.path());
    }
    VerifyReport verify(const ProjectSnapshot &project, VerifyOptions options = {})
    {
        auto server = ShadowServer::open(serverOptions());
        if (!server)
            qWarning() << server.error().toString();
        return DowngradeVerifier(project.map(), **server, std::move(options)).run();
    }

private slots:
    void init()
    {
        if (backend == u"postgresql")
            QCOMPARE(shadowDatabases(), QStringList());
    }
    void cleanup()
    {
        // Every shadow database is gone once a verification ends, whatever it found.
        if (backend == u"postgresql")
            QCOMPARE(shadowDatabases(), QStringList());
    }

    void correctHistoryWithBranchAndMergePasses()
    {
        Project p;
        QVERIFY(
            p.add(u"a1"_s, {}, u"CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20));"_s, u"DROP TABLE t;"_s));
        QVERIFY(
            p.add(u"b2"_s, u"a1"_s, u"ALTER TABLE t ADD COLUMN age INTEGER;"_s, u"ALTER TABLE t DROP COLUMN age;"_s));
        QVERIFY(p.add(u"l1"_s, u"a1"_s, u"CREATE TABLE left_t (id INTEGER);\nCREATE INDEX ix_left ON left_t (id);"_s,
                      u"DROP INDEX ix_left;\nDROP TABLE left_t;"_s));
        QVERIFY(p.add(u"m1"_s, u"b2, l1"_s, u"CREATE VIEW v AS SELECT id, age FROM t;"_s, u"DROP VIEW v;"_s));
        // d1 follows b2 and depends on l1: its downgrade leaves both applied.
        QVERIFY(p.add(u"d1"_s, u"b2"_s, u"CREATE TABLE dep_t (id INTEGER);"_s, u"DROP TABLE dep_t;"_s, u"l1"_s));
        QVERIFY(p.add(u"e1"_s, u"m1"_s, u"INSERT INTO t (id, name) VALUES (1, 'x');"_s, QString())); // data only
        const auto project = load(p);
        QVERIFY(project->problems().isEmpty());
        QList<ReplayProgress> seen;
        VerifyOptions options;
        options.progress = [&](const ReplayProgress &progress) { seen << progress; };
        const VerifyReport report = verify(*project, options);
        QVERIFY2(report.ok(), qPrintable(describe(report)));
        QCOMPARE(report.dialect, backend);
        QCOMPARE(report.steps.size(), 6);
        QCOMPARE(seen.size(), 6);
        QCOMPARE(seen.constLast().done, 6);
        QCOMPARE(seen.constLast().total, 6);
        for (const StepVerification &step : report.steps)
            QVERIFY(step.differences.isEmpty());
    }

    void forgottenDropColumnIsCaught()
    {
        Project p;
        QVERIFY(p.add(u"a1"_s, {}, u"CREATE TABLE clients (id INTEGER PRIMARY KEY);"_s, u"DROP TABLE clients;"_s));
        QVERIFY(p.add(u"b2"_s, u"a1"_s, u"ALTER TABLE clients ADD COLUMN email VARCHAR(255);"_s,
                      u"-- the column should go here\nSELECT 1;"_s));
        QVERIFY(p.add(u"c3"_s, u"b2"_s, u"CREATE TABLE orders (id INTEGER);"_s, u"DROP TABLE orders;"_s));
        const VerifyReport report = verify(*load(p));
        QCOMPARE(report.steps.size(), 3);
        QCOMPARE(report.problems(), 1);
        QVERIFY(report.find(u"a1"_s)->ok());
        const StepVerification *b2 = report.find(u"b2"_s);
        QCOMPARE(b2->problem, StepProblem::DowngradeIncomplete);
        QCOMPARE(StepVerification::problemName(b2->problem), u"downgrade_incomplete"_s);
        QCOMPARE(b2->differences.size(), 1);
        QCOMPARE(b2->differences.constFirst().kind, SchemaChange::Kind::AddColumn);
        QCOMPARE(b2->differences.constFirst().table, tableName(u"clients"_s));
        QCOMPARE(b2->differences.constFirst().name, u"email"_s);
        // Its child starts from a database that never saw the incomplete downgrade.
        QVERIFY2(report.find(u"c3"_s)->ok(), qPrintable(describe(report)));
    }

    void failingDowngradeNamesRevisionFileAndLine()
    {
        Project p;
        QVERIFY(p.add(u"a1"_s, {}, u"CREATE TABLE t (id INTEGER);"_s, u"DROP TABLE t;"_s));
        QVERIFY(
            p.add(u"b2"_s, u"a1"_s, u"CREATE TABLE u (id INTEGER);"_s, u"DROP TABLE u;\nDROP TABLE no_such_table;"_s));
        QVERIFY(p.add(u"c3"_s, u"b2"_s, u"CREATE TABLE w (id INTEGER);"_s, u"DROP TABLE w;"_s));
        const VerifyReport report = verify(*load(p));
        QCOMPARE(report.problems(), 1);
        const StepVerification *b2 = report.find(u"b2"_s);
        QCOMPARE(b2->problem, StepProblem::DowngradeFailed);
        QVERIFY(b2->error);
        QCOMPARE(b2->error->revision, u"b2"_s);
        QCOMPARE(QFileInfo(b2->error->path).canonicalFilePath(), QFileInfo(p.path(u"b2"_s)).canonicalFilePath());
        QCOMPARE(b2->error->line, p.lineOf(u"b2"_s, u"no_such_table"_s));
        QVERIFY2(b2->error->statement.contains(u"no_such_table"_s), qPrintable(b2->error->toString()));
        QVERIFY(!b2->error->databaseMessage.isEmpty());
        QVERIFY2(report.find(u"c3"_s)->ok(), qPrintable(describe(report)));
    }

    void revisionWithoutDowngrade()
    {
        Project p;
        QVERIFY(p.add(u"a1"_s, {}, u"CREATE TABLE t (id INTEGER);"_s, u"DROP TABLE t;"_s));
        QVERIFY(p.add(u"b2"_s, u"a1"_s, u"CREATE TABLE u (id INTEGER);"_s, QString()));
        QVERIFY(p.add(u"c3"_s, u"b2"_s, u"INSERT INTO t VALUES (1);"_s, QString())); // nothing to undo in the schema
        QVERIFY(p.add(u"d4"_s, u"c3"_s, u"CREATE TABLE w (id INTEGER);"_s, u"-- only a comment"_s));
        const VerifyReport report = verify(*load(p));
        QCOMPARE(report.find(u"b2"_s)->problem, StepProblem::NoDowngrade);
        QCOMPARE(report.find(u"b2"_s)->differences.size(), 1);
        QCOMPARE(report.find(u"b2"_s)->differences.constFirst().kind, SchemaChange::Kind::AddTable);
        QCOMPARE(report.find(u"b2"_s)->differences.constFirst().table, tableName(u"u"_s));
        QVERIFY(report.find(u"c3"_s)->ok());
        QCOMPARE(report.find(u"d4"_s)->problem, StepProblem::NoDowngrade);
        QCOMPARE(report.problems(), 2);
    }

    void failingUpgradeSkipsDescendants()
    {
        Project p;
        QVERIFY(p.add(u"a1"_s, {}, u"CREATE TABLE t (id INTEGER);"_s, u"DROP TABLE t;"_s));
        QVERIFY(p.add(u"b2"_s, u"a1"_s, u"ALTER TABLE nothing_here ADD COLUMN x INTEGER;"_s, u"SELECT 1;"_s));
        QVERIFY(p.add(u"c3"_s, u"b2"_s, u"CREATE TABLE w (id INTEGER);"_s, u"DROP TABLE w;"_s));
        QVERIFY(p.add(u"o1"_s, u"a1"_s, u"CREATE TABLE o (id INTEGER);"_s, u"DROP TABLE o;"_s));
        const VerifyReport report = verify(*load(p));
        QCOMPARE(report.find(u"b2"_s)->problem, StepProblem::UpgradeFailed);
        QCOMPARE(report.find(u"b2"_s)->error->revision, u"b2"_s);
        QCOMPARE(report.find(u"c3"_s)->problem, StepProblem::Skipped);
        QCOMPARE(report.find(u"c3"_s)->blockedBy, u"b2"_s);
        QVERIFY(report.find(u"o1"_s)->ok());
    }

    void rangeAsHistoryTakesItAndUserDatabaseUntouched()
    {
        Project p;
        QVERIFY(p.add(u"a1"_s, {}, u"CREATE TABLE t (id INTEGER);"_s, u"DROP TABLE t;"_s));
        QVERIFY(p.add(u"b2"_s, u"a1"_s, u"CREATE TABLE u (id INTEGER);"_s, u"SELECT 1;"_s)); // forgets u
        QVERIFY(p.add(u"c3"_s, u"b2"_s, u"CREATE TABLE w (id INTEGER);"_s, u"DROP TABLE w;"_s));
        const auto project = load(p);
        QString failure;
        auto user = TestDatabase::create(backend, &failure);
        QVERIFY2(user, qPrintable(failure));
        {
            auto connection = user->connect(&failure);
            QVERIFY(!connection->execute(u"CREATE TABLE mine (id INTEGER)"_s));
        }
        const QString userFile = DatabaseUrl::parse(user->url()).value().database;
        const QByteArray fileBefore = backend == u"sqlite" ? fileHash(userFile) : QByteArray();
        Schema schemaBefore;
        {
            auto connection = user->connect(&failure);
            schemaBefore = readSchema(*connection).value();
        }

        QTemporaryDir cache;
        SchemaCommandOptions options;
        options.urlOption = user->url();
        options.workingDirectory = p.dir.path();
        options.cacheRoot = cache.path();
        const RunResult<VerifyReport> onlyC3 = verifyCommand(*project, u"c3:"_s, options);
        QVERIFY2(onlyC3, qPrintable(onlyC3 ? QString() : onlyC3.error().toString()));
        QCOMPARE(onlyC3->dialect, backend);
        QCOMPARE(onlyC3->steps.size(), 1);
        QVERIFY(onlyC3->ok());
        const RunResult<VerifyReport> toB2 = verifyCommand(*project, u":b2"_s, options);
        QVERIFY(toB2);
        QCOMPARE(toB2->steps.size(), 2);
        QCOMPARE(toB2->steps.at(0).revision, u"a1"_s);
        QCOMPARE(toB2->steps.at(1).problem, StepProblem::DowngradeIncomplete);
        const RunResult<VerifyReport> all = verifyCommand(*project, QString(), options);
        QVERIFY(all);
        QCOMPARE(all->steps.size(), 3);
        QCOMPARE(all->problems(), 1);
        const RunResult<VerifyReport> bad = verifyCommand(*project, u"zz:"_s, options);
        QVERIFY(!bad);

        if (backend == u"sqlite")
            QCOMPARE(fileHash(userFile), fileBefore);
        auto connection = user->connect(&failure);
        QCOMPARE(readSchema(*connection).value(), schemaBefore);
    }

    void pythonStepsGoThroughPythonSteps()
    {
        Project p;
        QVERIFY(p.add(u"a1"_s, {}, u"CREATE TABLE t (id INTEGER);"_s, u"DROP TABLE t;"_s));
        const QString python = u"\"\"\"python step %1\n\nRevision ID: %1\nRevises: a1\n\"\"\"\n"
                               "from alembic import op\n\nrevision = '%1'\ndown_revision = 'a1'\n"
                               "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n"
                               "    op.execute('CREATE TABLE py_%1 (id INTEGER)')\n\n\n"
                               "def downgrade() -> None:\n%2\n"_s;
        QVERIFY(p.write(u"p1_py.py"_s, python.arg(u"p1"_s, u"    op.execute('DROP TABLE py_p1')"_s)));
        QVERIFY(p.write(u"p2_py.py"_s, python.arg(u"p2"_s, u"    op.execute('SELECT 1')"_s)));
        QVERIFY(
            p.write(u"p3_py.py"_s, python.arg(u"p3"_s, u"    \"\"\"Nothing.\"\"\"\n    # no way back\n    pass"_s)));
        FakePython fake;
        fake.forgetful = {u"p2"_s};
        VerifyOptions options;
        options.python = &fake;
        const VerifyReport report = verify(*load(p), options);
        QCOMPARE(report.steps.size(), 4);
        QVERIFY2(report.find(u"p1"_s)->ok(), qPrintable(describe(report)));
        QCOMPARE(report.find(u"p2"_s)->problem, StepProblem::DowngradeIncomplete);
        QCOMPARE(report.find(u"p2"_s)->differences.constFirst().table, tableName(u"py_p2"_s));
        QCOMPARE(report.find(u"p3"_s)->problem, StepProblem::NoDowngrade);
        // p3's `pass` is never run; p1 goes up, down and up again.
        QVERIFY(fake.calls.contains(u"downgrade p1"_s));
        QCOMPARE(fake.calls.count(u"upgrade p1"_s), 2);
        QVERIFY(!fake.calls.contains(u"downgrade p3"_s));
    }

    void emptyPythonFunctions_data()
    {
        QTest::addColumn<QString>("function");
        QTest::addColumn<bool>("empty");
        QTest::newRow("pass") << u"def downgrade():\n    pass"_s << true;
        QTest::newRow("annotated") << u"def downgrade() -> None:\n    pass\n"_s << true;
        QTest::newRow("one line") << u"def downgrade(): pass"_s << true;
        QTest::newRow("docstring and comments")
            << u"def downgrade():\n    \"\"\"Irreversible.\n\n    Really.\"\"\"\n    # ### end ###\n    pass"_s << true;
        QTest::newRow("ellipsis") << u"def downgrade():\n    ..."_s << true;
        QTest::newRow("a call") << u"def downgrade():\n    op.drop_table('t')"_s << false;
        QTest::newRow("pass then a call") << u"def downgrade():\n    pass\n    op.drop_column('t', 'c')"_s << false;
        QTest::newRow("a raise") << u"def downgrade():\n    raise NotImplementedError()"_s << false;
    }
    void emptyPythonFunctions()
    {
        QFETCH(QString, function);
        QFETCH(bool, empty);
        QCOMPARE(isEmptyPythonFunction(function), empty);
    }

    void cancelStopsBetweenRevisions()
    {
        Project p;
        QVERIFY(p.add(u"a1"_s, {}, u"CREATE TABLE a (id INTEGER);"_s, u"DROP TABLE a;"_s));
        QVERIFY(p.add(u"b2"_s, u"a1"_s, u"CREATE TABLE b (id INTEGER);"_s, u"DROP TABLE b;"_s));
        QVERIFY(p.add(u"c3"_s, u"b2"_s, u"CREATE TABLE c (id INTEGER);"_s, u"DROP TABLE c;"_s));
        std::atomic<bool> cancel = false;
        QList<ReplayProgress> seen;
        VerifyOptions options;
        options.cancel = &cancel;
        options.progress = [&](const ReplayProgress &progress) {
            seen << progress;
            cancel = true;
        };
        const VerifyReport report = verify(*load(p), options);
        QVERIFY(report.cancelled);
        QVERIFY(!report.ok());
        QCOMPARE(report.steps.size(), 1);
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.constFirst().total, 3);
        QCOMPARE(seen.constFirst().revision, u"a1"_s);
    }
};

QTEST_GUILESS_MAIN(TestShadowVerify)
#include "tst_shadow_verify.moc"
