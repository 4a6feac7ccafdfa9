// Replay on shadow databases against the truth: the schema replay records for each revision
// equals the schema of a real database upgraded from base to that revision by the engine. Built
// twice, for SQLite and for PostgreSQL (SHADOW_BACKEND).
#include "ShadowDatabases.h"
#include "ShadowProject.h"
#include "TestDatabase.h"

#include "command/ProjectSnapshot.h"
#include "command/SchemaCommands.h"
#include "db/Connection.h"
#include "db/DatabaseUrl.h"
#include "run/MigrationPlanning.h"
#include "run/MigrationRunner.h"
#include "schema/SchemaReader.h"
#include "shadow/ShadowDatabase.h"
#include "shadow/ShadowReplay.h"
#include "shadow/SnapshotCache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;
using Status = RevisionReplay::Status;

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

// Runs Python revisions by hand: a table py_<id> and the version row, as Alembic would leave them.
class FakePython : public PythonSteps
{
public:
    QStringList calls;
    QStringList urls;
    Fallible<void> upgrade(const QString &revision, const QString &sqlalchemyUrl) override
    {
        calls << revision;
        urls << sqlalchemyUrl;
        Connection connection(DatabaseUrl::parse(sqlalchemyUrl).value(), QDir::rootPath());
        if (auto error = connection.open())
            return Failure{error->toString()};
        for (const QString &sql :
             {u"CREATE TABLE py_%1 (id INTEGER)"_s.arg(revision),
              u"CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL, "
              "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"_s,
              u"DELETE FROM alembic_version"_s, u"INSERT INTO alembic_version VALUES ('%1')"_s.arg(revision)}) {
            if (auto error = connection.execute(sql))
                return Failure{error->toString()};
        }
        return {};
    }
    Fallible<void> downgrade(const QString &, const QString &) override { return Failure{u"not used"_s}; }
    Fallible<void> stamp(const QString &, const QString &) override { return Failure{u"not used"_s}; }
};

QStringList tableNames(const Schema &schema)
{
    QStringList names;
    for (const Table &table : schema.tables)
        names << table.name;
    return names;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestShadowReplay : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<const ProjectSnapshot> load(const ShadowProject &project)
    {
        return ProjectSnapshot::load(project.dir.path(), project.dir.path());
    }
    ReplayReport replay(const ProjectSnapshot &project, ReplayOptions options)
    {
        auto server = ShadowServer::open(serverOptions());
        if (!server)
            qWarning() << server.error().toString();
        return ShadowReplay(project.map(), **server, std::move(options)).run();
    }
    // The schema of a real database upgraded from base to `revision` by the engine.
    Schema migrated(const ProjectSnapshot &project, const QString &revision)
    {
        QString failure;
        auto database = TestDatabase::create(backend, &failure);
        if (!database)
            return {};
        auto connection = database->connect(&failure);
        const Result<Plan> plan = planMigration(project.map(), {}, MigrationRequest::upgrade(revision));
        RunOptions options;
        options.journal = false;
        MigrationRunner runner(project.map(), *connection, options);
        RunObserver observer;
        const RunOutcome outcome = runner.run(*plan, observer);
        if (outcome.error)
            qWarning() << outcome.error->toString();
        return readSchema(*connection).value();
    }
    void compareWithMigrated(const ProjectSnapshot &project, const ReplayReport &report)
    {
        for (RevIndex i = 0; i < project.map().size(); ++i) {
            const QString id = project.map().id(i);
            QVERIFY2(report.schemas.contains(id), qPrintable(id));
            QCOMPARE(report.schemas.value(id), migrated(project, id));
        }
    }

private slots:
    void linearHistoryEqualsUpgrade();
    void branchesMergeAndDependsOn();
    void userDatabaseUntouched();
    void editedRevisionReplaysItsDescendantsOnly();
    void failingStepStopsItsBranchOnly();
    void pythonStepsGoThroughPythonSteps();
    void pythonWithoutDriverFails();
    void cancelStopsBetweenRevisions();
    void schemaAndDiffCommands();
};

void TestShadowReplay::linearHistoryEqualsUpgrade()
{
    ShadowProject p;
    QVERIFY(p.add(u"a1"_s, {}, u"CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20));"_s));
    QVERIFY(p.add(u"b2"_s, u"a1"_s, u"ALTER TABLE t ADD COLUMN age INTEGER DEFAULT 3;"_s));
    QVERIFY(p.add(u"c3"_s, u"b2"_s, u"CREATE INDEX ix_t_name ON t (name);\nCREATE VIEW v AS SELECT id FROM t;"_s));
    QVERIFY(p.add(u"d4"_s, u"c3"_s, u"INSERT INTO t (id, name) VALUES (1, 'x');"_s)); // data only
    QVERIFY(p.add(u"e5"_s, u"d4"_s, u"DROP INDEX ix_t_name;"_s));
    const auto project = load(p);
    ReplayOptions options;
    options.keepSchemas = true;
    const ReplayReport report = replay(*project, options);
    QCOMPARE(report.count(Status::Replayed), 5);
    QVERIFY(report.ok());
    compareWithMigrated(*project, report);
    QCOMPARE(report.schemas.value(u"d4"_s), report.schemas.value(u"c3"_s));
    QVERIFY(report.schemas.value(u"e5"_s) != report.schemas.value(u"d4"_s));
    QCOMPARE(report.schemas.value(u"c3"_s).views.size(), 1);
    QCOMPARE(report.schemas.value(u"a1"_s).tables.constFirst().columns.size(), 2);
}

void TestShadowReplay::branchesMergeAndDependsOn()
{
    ShadowProject p;
    QVERIFY(p.add(u"a1"_s, {}, u"CREATE TABLE base_t (id INTEGER);"_s));
    QVERIFY(p.add(u"l1"_s, u"a1"_s, u"CREATE TABLE left_t (id INTEGER);"_s));
    QVERIFY(p.add(u"r1"_s, u"a1"_s, u"CREATE TABLE right_t (id INTEGER);"_s));
    QVERIFY(p.add(u"r2"_s, u"r1"_s, u"CREATE TABLE right2_t (id INTEGER);"_s));
    QVERIFY(p.add(u"m1"_s, u"l1, r2"_s, u"CREATE TABLE merged_t (id INTEGER);"_s));
    // d1 follows l1 and depends on r1: upgrade d1 brings r1 but not r2.
    QVERIFY(p.add(u"d1"_s, u"l1"_s, u"CREATE TABLE dep_t (id INTEGER);"_s, u"r1"_s));
    const auto project = load(p);
    QVERIFY(project->problems().isEmpty());
    ReplayOptions options;
    options.keepSchemas = true;
    const ReplayReport report = replay(*project, options);
    QCOMPARE(report.count(Status::Replayed), 6);
    compareWithMigrated(*project, report);
    QCOMPARE(tableNames(report.schemas.value(u"l1"_s)), (QStringList{u"base_t"_s, u"left_t"_s}));
    QCOMPARE(tableNames(report.schemas.value(u"d1"_s)),
             (QStringList{u"base_t"_s, u"dep_t"_s, u"left_t"_s, u"right_t"_s}));
    QCOMPARE(tableNames(report.schemas.value(u"m1"_s)),
             (QStringList{u"base_t"_s, u"left_t"_s, u"merged_t"_s, u"right2_t"_s, u"right_t"_s}));
}

void TestShadowReplay::userDatabaseUntouched()
{
    ShadowProject p;
    QVERIFY(p.add(u"a1"_s, {}, u"CREATE TABLE t (id INTEGER);"_s));
    QVERIFY(p.add(u"b2"_s, u"a1"_s, u"CREATE TABLE u (id INTEGER);"_s));
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
    const QStringList databasesBefore = backend == u"sqlite" ? QStringList() : shadowDatabases();
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
    const RunResult<ReplayReport> report = replayCommand(*project, options);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
    QCOMPARE(report->dialect, backend);
    QCOMPARE(report->count(Status::Replayed), 2);

    if (backend == u"sqlite") {
        QCOMPARE(fileHash(userFile), fileBefore);
    } else {
        QCOMPARE(databasesBefore, QStringList());
        QCOMPARE(shadowDatabases(), QStringList());
    }
    auto connection = user->connect(&failure);
    QCOMPARE(readSchema(*connection).value(), schemaBefore);
}

void TestShadowReplay::editedRevisionReplaysItsDescendantsOnly()
{
    ShadowProject p;
    QVERIFY(p.add(u"a1"_s, {}, u"CREATE TABLE a (id INTEGER);"_s));
    QVERIFY(p.add(u"b2"_s, u"a1"_s, u"CREATE TABLE b (id INTEGER);"_s));
    QVERIFY(p.add(u"c3"_s, u"b2"_s, u"CREATE TABLE c (id INTEGER);"_s));
    QVERIFY(p.add(u"d4"_s, u"c3"_s, u"CREATE TABLE d (id INTEGER);"_s));
    QVERIFY(p.add(u"e5"_s, u"b2"_s, u"CREATE TABLE e (id INTEGER);"_s));
    QTemporaryDir root;
    SnapshotCache cache(SnapshotCache::directoryFor(p.dir.path(), backend, root.path()));
    ReplayOptions options;
    options.cache = &cache;

    ReplayReport first = replay(*load(p), options);
    QCOMPARE(first.count(Status::Replayed), 5);
    SnapshotCache again(cache.directory());
    options.cache = &again;
    ReplayReport second = replay(*load(p), options);
    QCOMPARE(second.count(Status::Cached), 5);

    QVERIFY(p.add(u"c3"_s, u"b2"_s, u"CREATE TABLE c (id INTEGER, extra TEXT);"_s));
    SnapshotCache third(cache.directory());
    options.cache = &third;
    options.keepSchemas = true;
    const auto edited = load(p);
    ReplayReport report = replay(*edited, options);
    QCOMPARE(report.count(Status::Replayed), 2);
    QCOMPARE(report.find(u"c3"_s)->status, Status::Replayed);
    QCOMPARE(report.find(u"d4"_s)->status, Status::Replayed);
    QCOMPARE(report.find(u"e5"_s)->status, Status::Cached);
    QCOMPARE(report.find(u"a1"_s)->status, Status::Cached);
    // c3 started from b2's cached state, rebuilt on a shadow: the result is still the truth.
    QCOMPARE(report.schemas.value(u"d4"_s), migrated(*edited, u"d4"_s));
    QCOMPARE(report.schemas.value(u"e5"_s), migrated(*edited, u"e5"_s));
}

void TestShadowReplay::failingStepStopsItsBranchOnly()
{
    ShadowProject p;
    QVERIFY(p.add(u"a1"_s, {}, u"CREATE TABLE a (id INTEGER);"_s));
    QVERIFY(p.add(u"b1"_s, u"a1"_s, u"CREATE TABLE b (id INTEGER);\nINSERT INTO nowhere VALUES (1);"_s));
    QVERIFY(p.add(u"c1"_s, u"b1"_s, u"CREATE TABLE c (id INTEGER);"_s));
    QVERIFY(p.add(u"b2"_s, u"a1"_s, u"CREATE TABLE b2 (id INTEGER);"_s));
    QVERIFY(p.add(u"c2"_s, u"b2"_s, u"CREATE TABLE c2 (id INTEGER);"_s));
    const ReplayReport report = replay(*load(p), {});
    QVERIFY(!report.ok());
    const RevisionReplay *failed = report.find(u"b1"_s);
    QCOMPARE(failed->status, Status::Failed);
    QVERIFY(failed->error);
    QCOMPARE(failed->error->revision, u"b1"_s);
    QCOMPARE(failed->error->path, p.path(u"b1"_s));
    QCOMPARE(failed->error->line, 7); // header (3 lines), blank, marker, CREATE, INSERT
    QVERIFY(failed->error->databaseMessage.contains(u"nowhere"));
    QCOMPARE(report.find(u"c1"_s)->status, Status::Skipped);
    QCOMPARE(report.find(u"c1"_s)->blockedBy, u"b1"_s);
    QCOMPARE(report.find(u"b2"_s)->status, Status::Replayed);
    QCOMPARE(report.find(u"c2"_s)->status, Status::Replayed);
}

void TestShadowReplay::pythonStepsGoThroughPythonSteps()
{
    ShadowProject p;
    QVERIFY(p.add(u"a1"_s, {}, u"CREATE TABLE a (id INTEGER);"_s));
    QVERIFY(p.addPython(u"p2"_s, u"a1"_s));
    QVERIFY(p.add(u"n3"_s, u"p2"_s, u"CREATE TABLE n (id INTEGER);"_s));
    const auto project = load(p);
    QCOMPARE(project->map().revision(project->map().indexOf(u"p2"_s)).format, ScriptFormat::Python);
    FakePython python;
    int made = 0;
    ReplayOptions options;
    options.keepSchemas = true;
    options.pythonFactory = [&]() -> Fallible<std::unique_ptr<PythonSteps>> {
        ++made;
        return std::unique_ptr<PythonSteps>(new FakePython);
    };
    options.python = &python;
    const ReplayReport report = replay(*project, options);
    QVERIFY(report.ok());
    QCOMPARE(made, 0); // given one: the factory is not asked
    QCOMPARE(python.calls, QStringList{u"p2"_s});
    QVERIFY(python.urls.constFirst().contains(backend == u"sqlite" ? u"retort_shadow_"_s : u"/retort_shadow_"_s));
    QCOMPARE(tableNames(report.schemas.value(u"p2"_s)), (QStringList{u"a"_s, u"py_p2"_s}));
    QCOMPARE(tableNames(report.schemas.value(u"n3"_s)), (QStringList{u"a"_s, u"n"_s, u"py_p2"_s}));

    // Only the factory: asked once, on the first Python step.
    options.python = nullptr;
    const ReplayReport viaFactory = replay(*project, options);
    QVERIFY(viaFactory.ok());
    QCOMPARE(made, 1);
}

void TestShadowReplay::pythonWithoutDriverFails()
{
    ShadowProject p;
    QVERIFY(p.add(u"a1"_s, {}, u"CREATE TABLE a (id INTEGER);"_s));
    QVERIFY(p.addPython(u"p2"_s, u"a1"_s));
    QVERIFY(p.add(u"n3"_s, u"p2"_s, u"CREATE TABLE n (id INTEGER);"_s));
    const ReplayReport report = replay(*load(p), {});
    QCOMPARE(report.find(u"a1"_s)->status, Status::Replayed);
    QCOMPARE(report.find(u"p2"_s)->status, Status::Failed);
    QCOMPARE(report.find(u"p2"_s)->error->kind, ErrorKind::AlembicUnavailable);
    QCOMPARE(report.find(u"n3"_s)->status, Status::Skipped);
}

void TestShadowReplay::cancelStopsBetweenRevisions()
{
    ShadowProject p;
    QVERIFY(p.add(u"a1"_s, {}, u"CREATE TABLE a (id INTEGER);"_s));
    QVERIFY(p.add(u"b2"_s, u"a1"_s, u"CREATE TABLE b (id INTEGER);"_s));
    QVERIFY(p.add(u"c3"_s, u"b2"_s, u"CREATE TABLE c (id INTEGER);"_s));
    std::atomic<bool> cancel = false;
    QList<ReplayProgress> seen;
    ReplayOptions options;
    options.cancel = &cancel;
    options.progress = [&](const ReplayProgress &progress) {
        seen << progress;
        cancel = true;
    };
    const ReplayReport report = replay(*load(p), options);
    QVERIFY(report.cancelled);
    QCOMPARE(report.revisions.size(), 1);
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.constFirst().done, 1);
    QCOMPARE(seen.constFirst().total, 3);
    QCOMPARE(seen.constFirst().revision, u"a1"_s);
}

void TestShadowReplay::schemaAndDiffCommands()
{
    ShadowProject p;
    QVERIFY(p.add(u"a1"_s, {}, u"CREATE TABLE a (id INTEGER);"_s));
    QVERIFY(p.add(u"l2"_s, u"a1"_s, u"CREATE TABLE l (id INTEGER);"_s));
    QVERIFY(p.add(u"r2"_s, u"a1"_s, u"ALTER TABLE a ADD COLUMN note TEXT;"_s));
    const auto project = load(p);
    QString failure;
    auto user = TestDatabase::create(backend, &failure);
    QVERIFY2(user, qPrintable(failure));
    QTemporaryDir cache;
    SchemaCommandOptions options;
    options.urlOption = user->url();
    options.workingDirectory = p.dir.path();
    options.cacheRoot = cache.path();

    const auto heads = schemaCommand(*project, {}, options);
    QVERIFY2(heads, qPrintable(heads ? QString() : heads.error().toString()));
    QCOMPARE(heads->size(), 2);
    QCOMPARE(heads->at(0).revision, u"l2"_s);
    QCOMPARE(tableNames(heads->at(0).schema), (QStringList{u"a"_s, u"l"_s}));
    const auto base = schemaCommand(*project, u"base"_s, options);
    QVERIFY(base);
    QCOMPARE(base->constFirst().revision, u"base"_s);
    QVERIFY(base->constFirst().schema.tables.isEmpty());

    const auto diff = diffCommand(*project, u"l2"_s, u"r2"_s, options);
    QVERIFY2(diff, qPrintable(diff ? QString() : diff.error().toString()));
    QCOMPARE(diff->changes.size(), 2);
    QCOMPARE(diff->changes.at(0).kind, SchemaChange::Kind::AddColumn);
    QCOMPARE(diff->changes.at(1).kind, SchemaChange::Kind::DropTable);
    const auto fromBase = diffCommand(*project, u"base"_s, u"a1"_s, options);
    QVERIFY(fromBase);
    QCOMPARE(fromBase->changes.size(), 1);
    QCOMPARE(fromBase->changes.constFirst().kind, SchemaChange::Kind::AddTable);
    const auto several = diffCommand(*project, u"heads"_s, u"a1"_s, options);
    QVERIFY(!several);
    QCOMPARE(several.error().kind, ErrorKind::MultipleHeads);
}

QTEST_GUILESS_MAIN(TestShadowReplay)
#include "tst_shadow_replay.moc"
