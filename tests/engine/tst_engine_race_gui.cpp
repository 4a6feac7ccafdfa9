// The window's run racing a `retort upgrade` process on one database, SQLite and PostgreSQL: every
// step runs exactly once (the step log, the journal and the schema agree). Each side either
// finishes or stops with a clear refusal: the lock is taken (busy), or the database moved on from
// the plan the window showed, which then runs not at all.
#include "EngineDatabase.h"
#include "EngineProcess.h"
#include "EngineProject.h"
#include "RandomGraph.h"
#include "StepChecks.h"

#include "MainWindow.h"
#include "graph/RevisionGraphModel.h"
#include "run/MigrationController.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;
using namespace retort::ui;

namespace {

constexpr int kSteps = 30;

// A chain whose every upgrade logs itself into step_log.
RevisionSpecs loggingChain()
{
    RevisionSpecs specs;
    for (int i = 1; i <= kSteps; ++i) {
        RevisionSpec spec;
        spec.id = u"c%1"_s.arg(i, 11, 10, QLatin1Char('0'));
        if (i > 1)
            spec.downRevisions = {specs.last().id};
        spec.upgradeStatements = {u"CREATE TABLE %1 (x INTEGER)"_s.arg(RandomGraph::tableOf(spec.id)),
                                  u"INSERT INTO step_log (revision) VALUES ('%1')"_s.arg(spec.id)};
        spec.downgradeStatements = {u"DROP TABLE %1"_s.arg(RandomGraph::tableOf(spec.id))};
        specs.append(spec);
    }
    return specs;
}

bool refusedClearly(const QString &message)
{
    for (const QString &refusal :
         {u"another migration run holds the lock"_s, u"another run changed"_s, u"plan again"_s}) {
        if (message.contains(refusal, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

class TestEngineRaceGui : public QObject
{
    Q_OBJECT

private slots:
    void windowAgainstCli_data();
    void windowAgainstCli();
};

void TestEngineRaceGui::windowAgainstCli_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("cliFirst");
    QTest::addColumn<bool>("cliWaits");
    for (const QString &backend : {u"sqlite"_s, u"postgresql"_s}) {
        for (int round = 1; round <= 8; ++round) {
            QTest::addRow("%s/round%d", qPrintable(backend), round) << backend << (round % 2 == 1) << (round % 4 >= 2);
        }
    }
}

void TestEngineRaceGui::windowAgainstCli()
{
    QFETCH(QString, backend);
    QFETCH(bool, cliFirst);
    QFETCH(bool, cliWaits);
    const RevisionSpecs specs = loggingChain();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString failure;
    const QString project = dir.filePath(u"sql"_s);
    QVERIFY2(EngineProject::writeSql(project, specs, {}, &failure), qPrintable(failure));
    auto db = EngineDatabase::create(backend, &failure);
    QVERIFY2(db, qPrintable(failure));
    QVERIFY2(db->execute(u"CREATE TABLE step_log (revision VARCHAR(32) NOT NULL)"_s, &failure), qPrintable(failure));

    MainWindow window;
    window.setConfirmer([](const PlanReview &) { return true; });
    QStringList shown;
    window.setErrorPresenter([&shown](const RunError &error) { shown << error.toString(); });
    window.openProject(project, db->url());
    QTRY_VERIFY_WITH_TIMEOUT(window.graphModel()->hasDatabaseState(), 20000);
    // A request while the window is still busy (reading the database) is ignored, as its
    // disabled buttons would ignore it.
    QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isBusy(), 20000);

    QProcess cli;
    cli.setProcessEnvironment(EngineProcess::cleanEnvironment());
    const QStringList arguments = QStringList{u"-d"_s, project, u"--url"_s, db->url(), u"upgrade"_s}
        + (cliWaits ? QStringList{u"--wait"_s, u"60"_s} : QStringList{}) + QStringList{u"head"_s};
    QSignalSpy finished(window.controller(), &MigrationController::runFinished);
    QSignalSpy planFailed(window.controller(), &MigrationController::planFailed);
    QSignalSpy declined(window.controller(), &MigrationController::declined);
    if (cliFirst) {
        cli.start(EngineProcess::retortExecutable(), arguments);
        QVERIFY(cli.waitForStarted());
        window.controller()->request(MigrationRequest::upgrade());
    } else {
        window.controller()->request(MigrationRequest::upgrade());
        cli.start(EngineProcess::retortExecutable(), arguments);
        QVERIFY(cli.waitForStarted());
    }
    // The window's side ends in a finished run, a plan it refused to make, or nothing to do (the
    // command line had applied everything before the window planned).
    // The window's side ends when the controller is idle again: after a finished run, a plan it
    // refused to make, or nothing to do. A run refused because the database moved on from its
    // plan is planned again (and confirmed again) as long as the other side moves it on, so there may be several rounds;
    // each must end in one of those.
    const auto ends = [&] { return finished.size() + planFailed.size() + declined.size(); };
    QElapsedTimer waited;
    waited.start();
    while ((ends() == 0 || window.controller()->isBusy()) && waited.elapsed() < 60000)
        QTest::qWait(20);
    if (ends() == 0 || window.controller()->isBusy()) {
        QString sessions;
        if (db->isPostgres()) {
            for (const QStringList &row :
                 db->rows(u"SELECT pid, state, wait_event_type, wait_event, query FROM pg_stat_activity "
                          "WHERE datname = current_database() AND pid <> pg_backend_pid()"_s,
                          &failure))
                sessions += row.join(u" | "_s) + u'\n';
        }
        QFAIL(qPrintable(u"the window's run did not end in 60 s (finished %1, plan failed %2, declined %3); "
                         "command line %4 (%5)\n%6\n--- log:\n%7"_s.arg(finished.size())
                             .arg(planFailed.size())
                             .arg(declined.size())
                             .arg(cli.state() == QProcess::NotRunning ? u"ended"_s : u"still running"_s)
                             .arg(QString::fromUtf8(cli.readAllStandardError()).right(600), sessions,
                                  window.logText().right(3000))));
    }
    // The event loop above may have seen it end already.
    QVERIFY(cli.state() == QProcess::NotRunning || cli.waitForFinished(60000));
    const QString cliOutput =
        QString::fromUtf8(cli.readAllStandardOutput()) + QString::fromUtf8(cli.readAllStandardError());

    bool windowRan = false;
    for (const QList<QVariant> &signal : std::as_const(finished)) {
        const RunOutcome outcome = signal.first().value<RunOutcome>();
        if (outcome.ok()) {
            windowRan = true;
            continue;
        }
        QVERIFY(outcome.error);
        QVERIFY2(refusedClearly(outcome.error->message), qPrintable(outcome.error->toString()));
    }
    for (const QList<QVariant> &signal : std::as_const(planFailed)) {
        const RunError error = signal.first().value<RunError>();
        QVERIFY2(refusedClearly(error.message), qPrintable(error.toString()));
    }
    if (!declined.isEmpty())
        QVERIFY2(window.logText().contains(u"Nothing to do"_s), qPrintable(window.logText()));
    const bool cliRan = cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0;
    if (!cliRan) {
        QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 1, qPrintable(cliOutput));
        QVERIFY2(refusedClearly(cliOutput), qPrintable(cliOutput));
        // A run that waits for the lock gets it, and then has nothing left or the rest to do.
        QVERIFY2(!cliWaits || !cliOutput.contains(u"another migration run holds the lock"_s), qPrintable(cliOutput));
    }
    QVERIFY2(windowRan || cliRan, qPrintable(u"neither side ran\n"_s + shown.join(u'\n') + u'\n' + cliOutput));

    // Exactly once, whoever ran it; and if neither reached the head, a rerun does.
    if (db->versionRows() != QStringList{specs.last().id}) {
        const ProcessResult again =
            EngineProcess::runRetort({u"-d"_s, project, u"--url"_s, db->url(), u"upgrade"_s, u"head"_s});
        QVERIFY2(again.finished && again.exitCode == 0, qPrintable(again.all()));
    }
    const QString once = eachStepRanOnce(*db, specs);
    QVERIFY2(once.isEmpty(), qPrintable(once));
    qInfo("%s: the window %s, the command line %s", qPrintable(backend), windowRan ? "ran" : "refused",
          cliRan ? "ran" : "refused");
}

QTEST_MAIN(TestEngineRaceGui)
#include "tst_engine_race_gui.moc"
