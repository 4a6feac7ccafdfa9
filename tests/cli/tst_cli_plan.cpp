// Plan files: `--dry-run --json` writes the plan with its review, and `apply` runs exactly that
// plan on a real SQLite database, or refuses with PlanStale (exit 1) and changes nothing when the
// database or a script moved after the plan was made.
#include "CliProcess.h"
#include "NativeProject.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A project of three revisions aaa1 <- bbb2 <- ccc3.
bool threeSteps(const NativeProject &p)
{
    return p.addRevision(u"aaa1"_s, QString()) && p.addRevision(u"bbb2"_s, u"aaa1"_s)
        && p.addRevision(u"ccc3"_s, u"bbb2"_s);
}

// Runs `retort ARGS --dry-run --json` and keeps stdout as plan.json in the project.
QString writePlan(const NativeProject &p, const QStringList &arguments, QString *failure)
{
    const CliResult dry = p.retort(arguments + QStringList{u"--dry-run"_s, u"--json"_s});
    if (dry.exitCode != 0) {
        *failure = describe(dry);
        return {};
    }
    const QString path = p.dir.filePath(u"plan.json"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(dry.out.toUtf8()) < 0) {
        *failure = file.errorString();
        return {};
    }
    return path;
}

} // namespace

class TestCliPlan : public QObject
{
    Q_OBJECT

private slots:
    void planFileHoldsWhatApplyNeeds();
    void applyRunsThePlan();
    void applyWithoutDirectoryUsesThePlansProject();
    void applyRefusesWhenTheDatabaseMoved();
    void applyRefusesAnEditedScript();
    void staleDowngradeTakesNoBackup();
    void applyRefusesAnotherDatabase();
    void applyRefusesABadFile_data();
    void applyRefusesABadFile();
    void dryRunPrintsTheReview();
    void debugTracesTheRun();
};

void TestCliPlan::planFileHoldsWhatApplyNeeds()
{
    NativeProject p;
    QVERIFY(threeSteps(p));
    QString failure;
    const QString path = writePlan(p, {u"upgrade"_s}, &failure);
    QVERIFY2(!path.isEmpty(), qPrintable(failure));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject plan = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(plan.value(u"format"_s).toString(), u"retort-plan"_s);
    QCOMPARE(QDir(plan.value(u"project"_s).toString()).canonicalPath(), QDir(p.dir.path()).canonicalPath());
    QCOMPARE(plan.value(u"database"_s).toString(), p.url());
    QCOMPARE(strings(plan.value(u"heads_before"_s)), QStringList());
    QCOMPARE(strings(plan.value(u"heads_after"_s)), QStringList{u"ccc3"_s});
    QCOMPARE(plan.value(u"request"_s).toObject().value(u"verb"_s).toString(), u"upgrade"_s);
    const QJsonArray steps = plan.value(u"steps"_s).toArray();
    QCOMPARE(steps.size(), 3);
    const QStringList ids{u"aaa1"_s, u"bbb2"_s, u"ccc3"_s};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject step = steps.at(i).toObject();
        QCOMPARE(step.value(u"direction"_s).toString(), u"upgrade"_s);
        QCOMPARE(step.value(u"revision"_s).toString(), ids.at(i));
        QCOMPARE(step.value(u"script_sha256"_s).toString(), p.sha256(ids.at(i)));
        QVERIFY(!step.value(u"version_ops"_s).toArray().isEmpty());
    }
    const QJsonObject review = plan.value(u"review"_s).toObject();
    QCOMPARE(review.value(u"steps"_s).toArray().size(), 3);
    QVERIFY2(review.value(u"version_change"_s).toString().contains(u"ccc3"_s),
             qPrintable(review.value(u"version_change"_s).toString()));
    // Nothing was run by writing the plan.
    QCOMPARE(p.tables(), QStringList());
}

void TestCliPlan::applyRunsThePlan()
{
    NativeProject p;
    QVERIFY(threeSteps(p));
    QString failure;
    const QString path = writePlan(p, {u"upgrade"_s, u"bbb2"_s}, &failure);
    QVERIFY2(!path.isEmpty(), qPrintable(failure));
    const CliResult apply = p.retort({u"apply"_s, path});
    QVERIFY2(apply.exitCode == 0, qPrintable(describe(apply)));
    QCOMPARE(p.rows(), QStringList{u"bbb2"_s});
    QCOMPARE(p.tables(), (QStringList{u"t_aaa1"_s, u"t_bbb2"_s}));
    // The same file again: the database is no longer where the plan starts.
    const CliResult again = p.retort({u"apply"_s, path});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(u"the database moved from <base> to bbb2"_s), qPrintable(describe(again)));
    QCOMPARE(p.rows(), QStringList{u"bbb2"_s});
}

void TestCliPlan::applyWithoutDirectoryUsesThePlansProject()
{
    NativeProject p;
    QVERIFY(threeSteps(p));
    QString failure;
    const QString path = writePlan(p, {u"upgrade"_s}, &failure);
    QVERIFY2(!path.isEmpty(), qPrintable(failure));
    QTemporaryDir elsewhere;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DATABASE_URL"_s, p.url());
    const CliResult apply = runRetort({u"apply"_s, path, u"--json"_s}, env, elsewhere.path());
    QVERIFY2(apply.exitCode == 0, qPrintable(describe(apply)));
    QCOMPARE(jsonOf(apply).value(u"applied"_s).toInt(), 3);
    QCOMPARE(p.rows(), QStringList{u"ccc3"_s});
}

void TestCliPlan::applyRefusesWhenTheDatabaseMoved()
{
    NativeProject p;
    QVERIFY(threeSteps(p));
    QString failure;
    const QString path = writePlan(p, {u"upgrade"_s}, &failure);
    QVERIFY2(!path.isEmpty(), qPrintable(failure));
    // Someone else runs one step after the plan was reviewed.
    const CliResult other = p.retort({u"upgrade"_s, u"+1"_s});
    QVERIFY2(other.exitCode == 0, qPrintable(describe(other)));

    const CliResult apply = p.retort({u"apply"_s, path, u"--json"_s});
    QCOMPARE(apply.exitCode, 1);
    const QJsonObject error = jsonOf(apply).value(u"error"_s).toObject();
    QCOMPARE(error.value(u"kind"_s).toString(), u"PlanStale"_s);
    const QString message = error.value(u"message"_s).toString();
    QVERIFY2(message.contains(u"from <base> to aaa1"_s), qPrintable(message));
    QVERIFY2(message.contains(u"nothing was run"_s), qPrintable(message));
    QCOMPARE(p.rows(), QStringList{u"aaa1"_s});
    QCOMPARE(p.tables(), QStringList{u"t_aaa1"_s});
}

void TestCliPlan::applyRefusesAnEditedScript()
{
    NativeProject p;
    QVERIFY(threeSteps(p));
    QVERIFY(p.retort({u"upgrade"_s, u"aaa1"_s}).exitCode == 0);
    QString failure;
    const QString path = writePlan(p, {u"upgrade"_s}, &failure);
    QVERIFY2(!path.isEmpty(), qPrintable(failure));
    QVERIFY(p.append(u"ccc3"_s, "\n-- +upgrade\nCREATE TABLE surprise (id INTEGER);\n"));

    const CliResult apply = p.retort({u"apply"_s, path});
    QCOMPARE(apply.exitCode, 1);
    QVERIFY2(apply.err.contains(u"revision ccc3"_s) && apply.err.contains(u"changed since the plan was made"_s),
             qPrintable(describe(apply)));
    QCOMPARE(p.rows(), QStringList{u"aaa1"_s});
    QCOMPARE(p.tables(), QStringList{u"t_aaa1"_s});
}

// The automatic backup is decided and taken under the run lock from the confirmed plan: a plan
// refused as stale takes none, one that runs takes one.
void TestCliPlan::staleDowngradeTakesNoBackup()
{
    NativeProject p;
    QVERIFY(threeSteps(p));
    QVERIFY(p.retort({u"upgrade"_s}).exitCode == 0);
    QString failure;
    const QString path = writePlan(p, {u"downgrade"_s, u"-1"_s}, &failure);
    QVERIFY2(!path.isEmpty(), qPrintable(failure));
    QVERIFY(p.setRows({u"bbb2"_s}));

    const CliResult stale = p.retort({u"apply"_s, path});
    QCOMPARE(stale.exitCode, 1);
    QVERIFY2(stale.err.contains(u"the database moved from ccc3 to bbb2"_s), qPrintable(describe(stale)));
    QVERIFY2(!stale.err.contains(u"Backed up"_s), qPrintable(stale.err));
    const CliResult none = p.retort({u"backups"_s, u"--json"_s});
    QVERIFY2(none.exitCode == 0, qPrintable(describe(none)));
    QCOMPARE(jsonOf(none).value(u"backups"_s).toArray().size(), 0);

    QVERIFY(p.setRows({u"ccc3"_s}));
    const CliResult runs = p.retort({u"apply"_s, path});
    QVERIFY2(runs.exitCode == 0 && runs.err.contains(u"Backed up"_s), qPrintable(describe(runs)));
    QCOMPARE(jsonOf(p.retort({u"backups"_s, u"--json"_s})).value(u"backups"_s).toArray().size(), 1);
    QCOMPARE(p.rows(), QStringList{u"bbb2"_s});
}

void TestCliPlan::applyRefusesAnotherDatabase()
{
    NativeProject p;
    QVERIFY(threeSteps(p));
    QString failure;
    const QString path = writePlan(p, {u"upgrade"_s}, &failure);
    QVERIFY2(!path.isEmpty(), qPrintable(failure));
    const QString other = p.dir.filePath(u"other.db"_s);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DATABASE_URL"_s);
    const CliResult apply =
        runRetort({u"-d"_s, p.dir.path(), u"--url"_s, u"sqlite:///"_s + other, u"apply"_s, path}, env, p.dir.path());
    QCOMPARE(apply.exitCode, 1);
    QVERIFY2(apply.err.contains(u"the plan was made for "_s + p.url()), qPrintable(describe(apply)));
    QCOMPARE(p.tables(), QStringList());
}

void TestCliPlan::applyRefusesABadFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not JSON") << QByteArray("{ steps: [") << u"not JSON"_s;
    QTest::newRow("not a plan") << QByteArray("{\"steps\": []}") << u"not a plan file"_s;
    QTest::newRow("newer format") << QByteArray("{\"format\": \"retort-plan\", \"format_version\": 99}")
                                  << u"format_version 99"_s;
    QTest::newRow("step without direction")
        << QByteArray("{\"format\": \"retort-plan\", \"format_version\": 1, \"project\": \"/x\", \"database\": \"d\", "
                      "\"request\": {\"verb\": \"upgrade\", \"targets\": [\"head\"], \"purge\": false}, "
                      "\"purge\": false, \"database_heads\": [], \"heads_before\": [], \"heads_after\": [], "
                      "\"steps\": [{\"stamp\": false}]}")
        << u"steps[0].direction"_s;
}

void TestCliPlan::applyRefusesABadFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    NativeProject p;
    QVERIFY(threeSteps(p));
    const QString path = p.dir.filePath(u"bad.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    const CliResult apply = p.retort({u"apply"_s, path});
    QCOMPARE(apply.exitCode, 1);
    QVERIFY(!apply.crashed);
    QVERIFY2(apply.err.contains(path) && apply.err.contains(expected), qPrintable(describe(apply)));
    QCOMPARE(p.tables(), QStringList());
}

void TestCliPlan::dryRunPrintsTheReview()
{
    NativeProject p;
    QVERIFY(threeSteps(p));
    QVERIFY(p.retort({u"upgrade"_s}).exitCode == 0);
    const CliResult dry = p.retort({u"downgrade"_s, u"-1"_s, u"--dry-run"_s});
    QVERIFY2(dry.exitCode == 0, qPrintable(describe(dry)));
    QVERIFY2(dry.out.contains(u"Would run downgrade ccc3 -> bbb2"_s), qPrintable(dry.out));
    QVERIFY2(dry.out.contains(u"Version table: ccc3 -> bbb2"_s), qPrintable(dry.out));
    QVERIFY2(dry.out.contains(u"is backed up into"_s), qPrintable(dry.out));
    // The DROP TABLE of ccc3's downgrade, with its file and line (line 9 of the generated file).
    QVERIFY2(dry.out.contains(u"1 statement(s) can lose data"_s), qPrintable(dry.out));
    QVERIFY2(dry.out.contains(p.file(u"ccc3"_s) + u":9: DROP TABLE (ccc3)"_s), qPrintable(dry.out));
    QCOMPARE(p.rows(), QStringList{u"ccc3"_s});
}

// --debug turns on core's logging categories; without it, none of their lines appear.
void TestCliPlan::debugTracesTheRun()
{
    NativeProject p;
    QVERIFY(threeSteps(p));
    const CliResult quiet = p.retort({u"upgrade"_s, u"aaa1"_s});
    QVERIFY2(quiet.exitCode == 0, qPrintable(describe(quiet)));
    QVERIFY2(!quiet.err.contains(u"retort.run:"_s), qPrintable(quiet.err));
    const CliResult traced = p.retort({u"--debug"_s, u"upgrade"_s});
    QVERIFY2(traced.exitCode == 0, qPrintable(describe(traced)));
    for (const QString &category : {u"retort.script:"_s, u"retort.db:"_s, u"retort.run:"_s})
        QVERIFY2(traced.err.contains(category), qPrintable(category + u"\n"_s + traced.err));
    QVERIFY2(traced.err.contains(u"2 steps planned from QList(\"aaa1\")"_s), qPrintable(traced.err));
    QCOMPARE(p.rows(), QStringList{u"ccc3"_s});
}

QTEST_GUILESS_MAIN(TestCliPlan)
#include "tst_cli_plan.moc"
