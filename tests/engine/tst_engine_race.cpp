// `retort upgrade` processes racing on one database: every step runs exactly once (the step log,
// the journal and the schema agree), runs that wait succeed, and runs that do not either succeed
// or stop with the busy message. On PostgreSQL a run that finds the advisory lock taken fails at once without --wait,
// naming the holder's pid, and waits for it with --wait.
#include "EngineDatabase.h"
#include "EngineProcess.h"
#include "EngineProject.h"
#include "RandomGraph.h"
#include "StepChecks.h"

#include "run/RunLock.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <array>

using namespace Qt::StringLiterals;

namespace {

// A chain (with one branch and a merge) whose every upgrade logs itself into step_log.
RevisionSpecs loggingHistory()
{
    RevisionSpecs specs;
    const QStringList ids{u"a00000000001"_s, u"a00000000002"_s, u"a00000000003"_s, u"a00000000004"_s,
                          u"a00000000005"_s, u"a00000000006"_s, u"a00000000007"_s, u"a00000000008"_s};
    for (int i = 0; i < ids.size(); ++i) {
        RevisionSpec spec;
        spec.id = ids[i];
        if (i == 3)
            spec.downRevisions = {ids[1]}; // a branch beside a00000000003
        else if (i == 4)
            spec.downRevisions = {ids[2], ids[3]}; // merged again
        else if (i > 0)
            spec.downRevisions = {ids[i - 1]};
        spec.upgradeStatements = {u"CREATE TABLE %1 (x INTEGER)"_s.arg(RandomGraph::tableOf(spec.id)),
                                  u"INSERT INTO step_log (revision) VALUES ('%1')"_s.arg(spec.id)};
        spec.downgradeStatements = {u"DROP TABLE %1"_s.arg(RandomGraph::tableOf(spec.id))};
        specs.append(spec);
    }
    return specs;
}

ProcessResult finish(QProcess &process)
{
    ProcessResult result;
    result.finished = process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace

class TestEngineRace : public QObject
{
    Q_OBJECT

private slots:
    void fourRuns_data();
    void fourRuns();
    void heldLock_data();
    void heldLock();
};

void TestEngineRace::fourRuns_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &backend : {u"sqlite"_s, u"postgresql"_s}) {
        for (int round = 1; round <= 20; ++round)
            QTest::addRow("%s/round%d", qPrintable(backend), round) << backend;
    }
}

void TestEngineRace::fourRuns()
{
    QFETCH(QString, backend);
    const RevisionSpecs specs = loggingHistory();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString failure;
    const QString project = dir.filePath(u"sql"_s);
    QVERIFY2(EngineProject::writeSql(project, specs, {}, &failure), qPrintable(failure));
    auto db = EngineDatabase::create(backend, &failure);
    QVERIFY2(db, qPrintable(failure));
    QVERIFY2(db->execute(u"CREATE TABLE step_log (revision VARCHAR(32) NOT NULL)"_s, &failure), qPrintable(failure));

    // Two runs wait for the lock; two give up at once if it is taken.
    const QStringList base{u"-d"_s, project, u"--url"_s, db->url(), u"upgrade"_s};
    std::array<QProcess, 4> runs;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        runs[i].setProcessEnvironment(EngineProcess::cleanEnvironment());
        const QStringList wait = i < 2 ? QStringList{u"--wait"_s, u"60"_s} : QStringList{};
        runs[i].start(EngineProcess::retortExecutable(), base + wait + QStringList{u"heads"_s});
    }
    int gaveUp = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const ProcessResult run = finish(runs[i]);
        const QString context = u"run %1: %2"_s.arg(i).arg(run.all());
        QVERIFY2(run.finished, qPrintable(context));
        if (i >= 2 && run.exitCode == 1 && run.err.contains(u"another migration run holds the lock"_s)) {
            ++gaveUp;
            continue;
        }
        QVERIFY2(run.exitCode == 0, qPrintable(context));
    }

    const QString once = eachStepRanOnce(*db, specs);
    QVERIFY2(once.isEmpty(), qPrintable(once));
    qInfo("%d of the 2 runs without --wait found the lock taken", gaveUp);
}

void TestEngineRace::heldLock_data()
{
    QTest::addColumn<bool>("wait");
    QTest::newRow("no wait: fails naming the holder") << false;
    QTest::newRow("--wait: runs once the lock is free") << true;
}

void TestEngineRace::heldLock()
{
    QFETCH(bool, wait);
    const RevisionSpecs specs = loggingHistory();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString failure;
    const QString project = dir.filePath(u"sql"_s);
    QVERIFY2(EngineProject::writeSql(project, specs, {}, &failure), qPrintable(failure));
    auto db = EngineDatabase::create(u"postgresql"_s, &failure);
    QVERIFY2(db, qPrintable(failure));
    QVERIFY2(db->execute(u"CREATE TABLE step_log (revision VARCHAR(32) NOT NULL)"_s, &failure), qPrintable(failure));

    const qint64 key = retort::RunLock::keyFor(u"alembic_version"_s);
    QVERIFY2(db->execute(u"SELECT pg_advisory_lock(%1)"_s.arg(key), &failure), qPrintable(failure));
    const QString pid = db->rows(u"SELECT pg_backend_pid()"_s, &failure).value(0).value(0);
    QVERIFY2(!pid.isEmpty(), qPrintable(failure));

    QStringList arguments{u"-d"_s, project, u"--url"_s, db->url(), u"upgrade"_s};
    if (!wait) {
        const ProcessResult run = EngineProcess::runRetort(arguments + QStringList{u"heads"_s});
        QVERIFY2(run.finished, qPrintable(run.err));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"another migration run holds the lock"_s), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"pid "_s + pid), qPrintable(u"expected pid %1 in:\n%2"_s.arg(pid, run.err)));
        QCOMPARE(db->versionRows(), QStringList());
        QCOMPARE(db->rows(u"SELECT COUNT(*) FROM step_log"_s, &failure).value(0).value(0), u"0"_s);
        QVERIFY2(db->execute(u"SELECT pg_advisory_unlock(%1)"_s.arg(key), &failure), qPrintable(failure));
        const ProcessResult again = EngineProcess::runRetort(arguments + QStringList{u"heads"_s});
        QVERIFY2(again.exitCode == 0, qPrintable(again.all()));
    } else {
        QProcess process;
        process.setProcessEnvironment(EngineProcess::cleanEnvironment());
        QElapsedTimer timer;
        timer.start();
        process.start(EngineProcess::retortExecutable(), arguments + QStringList{u"--wait"_s, u"30"_s, u"heads"_s});
        QVERIFY(process.waitForStarted());
        QVERIFY2(!process.waitForFinished(1500), "retort finished while the lock was held");
        QCOMPARE(db->versionRows(), QStringList());
        QVERIFY2(db->execute(u"SELECT pg_advisory_unlock(%1)"_s.arg(key), &failure), qPrintable(failure));
        const ProcessResult run = finish(process);
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.all()));
        QVERIFY(timer.elapsed() >= 1500);
    }
    QCOMPARE(db->versionRows(), QStringList{specs.last().id});
    QCOMPARE(db->rows(u"SELECT COUNT(*) FROM step_log"_s, &failure).value(0).value(0), QString::number(specs.size()));
}

QTEST_GUILESS_MAIN(TestEngineRace)
#include "tst_engine_race.moc"
