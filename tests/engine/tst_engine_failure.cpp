// A step that fails in the middle of a run: the database stays at the last completed revision,
// retort exits 1 naming the revision, file:line, statement and the database's message, and the
// journal records the failure. Transactional steps and `-- Transactional: no` steps.
#include "EngineDatabase.h"
#include "EngineProcess.h"
#include "EngineProject.h"
#include "RandomGraph.h"
#include "TestPassword.h"

#include "command/DatabaseSession.h"
#include "command/MigrateCommands.h"
#include "command/ProjectSnapshot.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kBadStatement = u"INSERT INTO missing_table VALUES (1)"_s;

RevisionSpec revision(const QString &id, const QString &down)
{
    RevisionSpec spec;
    spec.id = id;
    if (!down.isEmpty())
        spec.downRevisions = {down};
    spec.upgradeStatements = {u"CREATE TABLE %1 (x INTEGER)"_s.arg(RandomGraph::tableOf(id))};
    spec.downgradeStatements = {u"DROP TABLE %1"_s.arg(RandomGraph::tableOf(id))};
    return spec;
}

int lineOf(const QString &text, const QString &needle)
{
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].contains(needle))
            return i + 1;
    return -1;
}

// Counts what the runner reports, as the CLI and the GUI would see it.
class CountingObserver : public retort::RunObserver
{
public:
    void stepStarted(int, int, const retort::PlanStep &step) override { started.append(step.revision); }
    void stepFinished(int, int, const retort::PlanStep &step, qint64) override { finished.append(step.revision); }
    QStringList started;
    QStringList finished;
};

} // namespace

class TestEngineFailure : public QObject
{
    Q_OBJECT

private slots:
    void failingStep_data();
    void failingStep();
    void failingStepInProcess_data();
    void failingStepInProcess();
};

void TestEngineFailure::failingStep_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("transactional");
    QTest::addColumn<int>("failingIndex"); // which of a, b, c, d fails
    QTest::addColumn<bool>("withPassword");
    for (const QString &backend : {u"sqlite"_s, u"postgresql"_s}) {
        for (const bool transactional : {true, false}) {
            for (const int failing : {2, 0}) {
                const bool password = backend == u"postgresql"_s && failing == 2;
                QTest::addRow("%s/%s/step%d%s", qPrintable(backend),
                              transactional ? "transactional" : "non-transactional", failing,
                              password ? "/password-role" : "")
                    << backend << transactional << failing << password;
            }
        }
    }
}

void TestEngineFailure::failingStep()
{
    QFETCH(QString, backend);
    QFETCH(bool, transactional);
    QFETCH(int, failingIndex);
    QFETCH(bool, withPassword);

    const QString role = qEnvironmentVariable("RETORT_TEST_PG_PASSWORD_ROLE", u"retort_password"_s);
    const QString password = testPostgresPassword();
    if (withPassword)
        QVERIFY2(!password.isEmpty(), "RETORT_TEST_PG_PASSWORD_FILE names no readable file; run through ctest");

    RevisionSpecs specs{revision(u"aaaa00000001"_s, {}), revision(u"bbbb00000002"_s, u"aaaa00000001"_s),
                        revision(u"cccc00000003"_s, u"bbbb00000002"_s), revision(u"dddd00000004"_s, u"cccc00000003"_s)};
    RevisionSpec &failing = specs[failingIndex];
    failing.transactional = transactional;
    // Something that works first, so a rollback (or the lack of one) shows in the schema.
    failing.upgradeStatements.append(kBadStatement);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString failure;
    const QString project = dir.filePath(u"sql"_s);
    QVERIFY2(EngineProject::writeSql(project, specs, {}, &failure), qPrintable(failure));
    auto db = EngineDatabase::create(backend, &failure, withPassword ? role : QString());
    QVERIFY2(db, qPrintable(failure));
    const QString url = withPassword ? db->urlAs(role, password) : db->url();

    const ProcessResult run = EngineProcess::runRetort({u"-d"_s, project, u"--url"_s, url, u"upgrade"_s, u"heads"_s});
    QVERIFY2(run.finished, qPrintable(run.err));
    QCOMPARE(run.exitCode, 1);
    if (withPassword) {
        QVERIFY2(!run.out.contains(password) && !run.err.contains(password), "the password was printed");
        QVERIFY2(run.err.contains(role), qPrintable(u"the error should name the database:\n"_s + run.err));
    }

    // The error names the revision, the file:line of the statement, the statement, the database's message.
    const QString fileName = failing.id + u"_rev.sql"_s;
    const int line = lineOf(EngineProject::sqlFileText(failing), kBadStatement);
    QVERIFY(line > 0);
    QVERIFY2(run.err.contains(failing.id), qPrintable(run.err));
    QVERIFY2(run.err.contains(fileName + u':' + QString::number(line)), qPrintable(run.err));
    QVERIFY2(run.err.contains(kBadStatement), qPrintable(run.err));
    const QString databaseMessage = db->errorOf(kBadStatement).split(u'\n').first().trimmed();
    QVERIFY(!databaseMessage.isEmpty());
    QVERIFY2(run.err.contains(databaseMessage),
             qPrintable(u"expected the database's message \"%1\" in:\n%2"_s.arg(databaseMessage, run.err)));

    // The database stays at the last completed revision.
    const QStringList expectedRows = failingIndex == 0 ? QStringList() : QStringList{specs[failingIndex - 1].id};
    QCOMPARE(db->versionRows(), expectedRows);
    QStringList tables = db->tables();
    for (int i = 0; i < specs.size(); ++i) {
        const QString table = RandomGraph::tableOf(specs[i].id);
        // Without a transaction the statement before the failing one stays applied.
        const bool expected = i < failingIndex || (i == failingIndex && !transactional);
        QVERIFY2(tables.contains(table) == expected,
                 qPrintable(u"table %1 %2 expected; tables: %3"_s.arg(table, expected ? u"is"_s : u"is not"_s,
                                                                      tables.join(u','))));
    }

    // The journal has the applied steps and a "failed" row for the failing one.
    const QList<QStringList> journal =
        db->rows(u"SELECT revision, direction, outcome, error FROM retort_journal ORDER BY id"_s, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(journal.size(), failingIndex + 1);
    for (int i = 0; i < failingIndex; ++i)
        QCOMPARE(journal[i].mid(0, 3), (QStringList{specs[i].id, u"upgrade"_s, u"applied"_s}));
    QCOMPARE(journal.last().mid(0, 3), (QStringList{failing.id, u"upgrade"_s, u"failed"_s}));
    QVERIFY2(journal.last().value(3).contains(kBadStatement), qPrintable(journal.last().value(3)));
    if (withPassword)
        QVERIFY(!journal.last().value(3).contains(password));

    // Fixed script: the next run continues from where it stopped (after undoing a half-run step).
    if (!transactional)
        QVERIFY2(db->execute(u"DROP TABLE "_s + RandomGraph::tableOf(failing.id), &failure), qPrintable(failure));
    failing.upgradeStatements.removeAll(kBadStatement);
    QVERIFY2(EngineProject::writeSql(project, specs, {}, &failure), qPrintable(failure));
    const ProcessResult again = EngineProcess::runRetort({u"-d"_s, project, u"--url"_s, url, u"upgrade"_s, u"heads"_s});
    QVERIFY2(again.exitCode == 0, qPrintable(again.all()));
    QCOMPARE(db->versionRows(), QStringList{specs.last().id});
    if (withPassword)
        QVERIFY(!again.all().contains(password));
}

void TestEngineFailure::failingStepInProcess_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("transactional");
    for (const QString &backend : {u"sqlite"_s, u"postgresql"_s}) {
        QTest::addRow("%s/transactional", qPrintable(backend)) << backend << true;
        QTest::addRow("%s/non-transactional", qPrintable(backend)) << backend << false;
    }
}

// The same failure through core/command: the RunError and RunOutcome carry the details as values.
void TestEngineFailure::failingStepInProcess()
{
    QFETCH(QString, backend);
    QFETCH(bool, transactional);
    RevisionSpecs specs{revision(u"aaaa00000001"_s, {}), revision(u"bbbb00000002"_s, u"aaaa00000001"_s),
                        revision(u"cccc00000003"_s, u"bbbb00000002"_s)};
    specs[1].transactional = transactional;
    specs[1].upgradeStatements.append(kBadStatement);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString failure;
    const QString project = dir.filePath(u"sql"_s);
    QVERIFY2(EngineProject::writeSql(project, specs, {}, &failure), qPrintable(failure));
    auto db = EngineDatabase::create(backend, &failure);
    QVERIFY2(db, qPrintable(failure));

    auto snapshot = retort::ProjectSnapshot::load(project, QDir::currentPath());
    auto opened =
        retort::DatabaseSession::open(snapshot, db->url(), EngineProcess::cleanEnvironment(), QDir::currentPath());
    auto *error = opened.failure();
    QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
    retort::DatabaseSession &session = *opened.value();

    CountingObserver observer;
    const retort::RunOutcome outcome = retort::migrateRequestCommand(
        session, retort::MigrationRequest::upgrade(u"heads"_s), observer, std::chrono::milliseconds(0));
    QVERIFY(!outcome.ok());
    QVERIFY(outcome.error.has_value());
    QCOMPARE(outcome.error->kindName(), u"StatementFailed"_s);
    QCOMPARE(outcome.error->revision, specs[1].id);
    QCOMPARE(QFileInfo(outcome.error->path).canonicalFilePath(),
             QFileInfo(EngineProject::sqlFilePath(project, specs[1])).canonicalFilePath());
    QCOMPARE(outcome.error->line, lineOf(EngineProject::sqlFileText(specs[1]), kBadStatement));
    QCOMPARE(outcome.error->statement.trimmed(), kBadStatement);
    const QString databaseMessage = db->errorOf(kBadStatement).split(u'\n').first().trimmed();
    QVERIFY2(outcome.error->databaseMessage.contains(databaseMessage),
             qPrintable(outcome.error->databaseMessage + u" / "_s + databaseMessage));
    QCOMPARE(outcome.stepsApplied, 1);
    QCOMPARE(outcome.headsBefore, QStringList());
    QCOMPARE(outcome.headsAfter, QStringList{specs[0].id});
    QCOMPARE(observer.started, (QStringList{specs[0].id, specs[1].id}));
    QCOMPARE(observer.finished, QStringList{specs[0].id});
    QCOMPARE(db->versionRows(), QStringList{specs[0].id});
}

QTEST_GUILESS_MAIN(TestEngineFailure)
#include "tst_engine_failure.moc"
