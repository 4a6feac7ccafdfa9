// The window end to end on the offscreen platform: actions run on the worker thread after the
// confirmation (which lists steps, destructive statements, the version-table change and the
// backup), the event loop keeps turning during a slow step, a failure is shown and leaves the
// previous revision, backup / restore / stamp --purge / merge heads, and screenshots of the demo
// in light and dark palettes plus one taken mid-run.
#include "MainWindow.h"
#include "ScriptView.h"
#include "TestProject.h"
#include "backup/BackupPolicy.h"
#include "details/RevisionDetailsView.h"
#include "dialogs/ConfirmationDialog.h"
#include "dialogs/RestoreDialog.h"
#include "graph/RevisionGraphModel.h"
#include "run/DatabaseStatus.h"
#include "run/RunPanel.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace retort;
using namespace retort::ui;

Q_DECLARE_METATYPE(retort::ui::DatabaseStatus)

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void upgradeOneStepRunsOnTheWorker();
    void downgradeConfirmationListsStepsDestructiveStatementsAndBackup();
    void backupNowWritesABackupAndLogsIt();
    void restoreBringsTheDatabaseBack();
    void stampPurgeLeavesExactlyTheChosenRow();
    void rerunSelectedRunsTheEditedScript();
    void databaseMovedAfterConfirmationRunsNothing();
    void twoHeadsOfferMergeAndMergeLeavesOneHead();
    void statusLine_data();
    void statusLine();
    void slowStepKeepsTheEventLoopTurning();
    void failingStepShowsTheErrorAndKeepsThePreviousRevision();
    void actionsExplainWhyTheyAreDisabled();
    void screenshots_data();
    void screenshots();
    void screenshotMidRun();

private:
    QTemporaryDir m_home; // the tests' private home: backups land in its data directory
};

namespace {

// The rows of the version table, read through a connection of the test's own.
QStringList versionRows(const QString &databasePath)
{
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rows"));
        db.setDatabaseName(databasePath);
        if (db.open()) {
            QSqlQuery query(QStringLiteral("SELECT version_num FROM alembic_version ORDER BY version_num"), db);
            while (query.next())
                rows.append(query.value(0).toString());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("rows"));
    return rows;
}

bool execute(const QString &databasePath, const QString &statement)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("exec"));
        db.setDatabaseName(databasePath);
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(statement);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("exec"));
    return ok;
}

// a00000000001 <- b00000000002 <- c00000000003, each creating its table a, b or c.
void writeThreeTables(const QString &project)
{
    writeProject(project,
                 {{QStringLiteral("a00000000001"), QString(), QStringLiteral("CREATE TABLE a (id INTEGER);")},
                  {QStringLiteral("b00000000002"), QStringLiteral("a00000000001"),
                   QStringLiteral("CREATE TABLE b (id INTEGER);")},
                  {QStringLiteral("c00000000003"), QStringLiteral("b00000000002"),
                   QStringLiteral("CREATE TABLE c (id INTEGER);")}});
}

// Opens `project` on a fresh SQLite file, answers every confirmation with yes, and waits until
// the version table has been read.
void openAndWait(MainWindow &window, const QString &project, const QString &url)
{
    window.setConfirmer([](const PlanReview &) { return true; });
    window.openProject(project, url);
    QTRY_VERIFY(window.graphModel()->hasDatabaseState());
}

// Runs `request` through the controller (asked and confirmed as usual) and waits for the end.
bool runAndWait(MainWindow &window, const MigrationRequest &request)
{
    QSignalSpy finished(window.controller(), &MigrationController::runFinished);
    window.controller()->request(request);
    if (!finished.wait(20000) && finished.isEmpty())
        return false;
    return finished.first().first().value<RunOutcome>().ok();
}

} // namespace

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QVERIFY(m_home.isValid());
    qputenv("HOME", QFile::encodeName(m_home.path()));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral(".local/share"))));
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::upgradeOneStepRunsOnTheWorker()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    QList<PlanReview> asked;
    window.setConfirmer([&](const PlanReview &summary) {
        asked.append(summary);
        return true;
    });
    window.openProject(demoDirectory(), sqliteUrl(dir));
    RevisionGraphModel *model = window.graphModel();
    QTRY_VERIFY(model->hasDatabaseState());
    const int baseRow = model->rowCount() - 1;
    QCOMPARE(model->state(baseRow), RevisionGraphModel::State::Pending);

    QVERIFY(window.controller()->workerThread()->isRunning());
    QVERIFY(window.controller()->workerThread() != QThread::currentThread());
    QSignalSpy finished(window.controller(), &MigrationController::runFinished);
    QAction *upgradeOne = window.action(QStringLiteral("upgradeOne"));
    QVERIFY(upgradeOne);
    QVERIFY(upgradeOne->isEnabled());
    upgradeOne->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().steps.size(), 1);
    QCOMPARE(asked.first().steps.first().revision,
             model->index(baseRow, 0).data(RevisionGraphModel::RevisionIdRole).toString());
    QTRY_COMPARE(model->state(baseRow), RevisionGraphModel::State::Current);
    QCOMPARE(model->state(baseRow - 1), RevisionGraphModel::State::Pending);
    QVERIFY(window.logText().contains(asked.first().steps.first().description));
}

void TestMainWindow::slowStepKeepsTheEventLoopTurning()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeProject(dir.filePath(QStringLiteral("project")),
                 {{QStringLiteral("a00000000001"), QString(), QStringLiteral("CREATE TABLE fast (id INTEGER);")},
                  {QStringLiteral("b00000000002"), QStringLiteral("a00000000001"),
                   QStringLiteral("CREATE TABLE slow AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                                  "WHERE x < 4000000) SELECT count(*) AS n FROM c;")}});
    MainWindow window;
    window.setConfirmer([](const PlanReview &) { return true; });
    window.openProject(dir.filePath(QStringLiteral("project")), sqliteUrl(dir));
    QTRY_VERIFY(window.graphModel()->hasDatabaseState());

    int ticks = 0;
    int ticksInSlowStep = -1;
    QElapsedTimer slowStep;
    qint64 slowStepMs = 0;
    QTimer timer;
    timer.setInterval(10);
    connect(&timer, &QTimer::timeout, this, [&] { ++ticks; });
    connect(window.controller(), &MigrationController::stepStarted, this, [&](int, int, const PlanStep &step) {
        if (step.revision == QLatin1String("b00000000002")) {
            ticksInSlowStep = ticks;
            slowStep.start();
        }
    });
    connect(window.controller(), &MigrationController::stepFinished, this, [&](int, int, const PlanStep &step, qint64) {
        if (step.revision == QLatin1String("b00000000002")) {
            ticksInSlowStep = ticks - ticksInSlowStep;
            slowStepMs = slowStep.elapsed();
        }
    });
    QSignalSpy finished(window.controller(), &MigrationController::runFinished);
    timer.start();
    window.action(QStringLiteral("upgradeHead"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QVERIFY(finished.first().first().value<RunOutcome>().ok());
    qInfo("slow step: %lld ms, %d timer ticks", slowStepMs, ticksInSlowStep);
    QVERIFY2(slowStepMs >= 200, "the statement was meant to take a while");
    // The window thread kept serving its timer while the statement ran on the worker.
    QVERIFY(ticksInSlowStep >= int(slowStepMs / 10 / 4));
    QTRY_COMPARE(window.graphModel()->pendingCount(), 0);
}

void TestMainWindow::failingStepShowsTheErrorAndKeepsThePreviousRevision()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("project"));
    const auto lines =
        writeProject(project,
                     {{QStringLiteral("a00000000001"), QString(), QStringLiteral("CREATE TABLE ok (id INTEGER);")},
                      {QStringLiteral("b00000000002"), QStringLiteral("a00000000001"),
                       QStringLiteral("CREATE TABLE fine (id INTEGER);\nINSERT INTO no_such_table VALUES (1);")}});
    MainWindow window;
    window.setConfirmer([](const PlanReview &) { return true; });
    QList<RunError> shown;
    window.setErrorPresenter([&](const RunError &error) { shown.append(error); });
    window.openProject(project, sqliteUrl(dir));
    QTRY_VERIFY(window.graphModel()->hasDatabaseState());

    window.action(QStringLiteral("upgradeHead"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 20000);
    const RunError error = shown.first();
    QCOMPARE(error.revision, QStringLiteral("b00000000002"));
    const int failingLine = lines.value(QStringLiteral("b00000000002")) + 1;
    QCOMPARE(error.line, failingLine);
    QVERIFY(window.logText().contains(QLatin1String("no_such_table")));
    // The database stays at the revision before the failing one.
    QTRY_COMPARE(window.graphModel()->databaseHeads(), QStringList{QStringLiteral("a00000000001")});
    const int row = window.graphModel()->rowOfRevision(QStringLiteral("a00000000001"));
    QCOMPARE(window.graphModel()->state(row), RevisionGraphModel::State::Current);
    // The preview shows the failing revision at the failing line.
    QCOMPARE(window.selectedRevision(), QStringLiteral("b00000000002"));
    int cursorLine = -1;
    int cursorColumn = -1;
    window.detailsView()->scriptView()->getCursorPosition(&cursorLine, &cursorColumn);
    QCOMPARE(cursorLine + 1, failingLine);
}

void TestMainWindow::actionsExplainWhyTheyAreDisabled()
{
    MainWindow window;
    QAction *upgrade = window.action(QStringLiteral("upgradeHead"));
    QVERIFY(!upgrade->isEnabled());
    QVERIFY(upgrade->toolTip().contains(QLatin1String("Open a project")));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    window.setConfirmer([](const PlanReview &) { return true; });
    window.openProject(demoDirectory(), sqliteUrl(dir));
    QTRY_VERIFY(window.graphModel()->hasDatabaseState());
    QVERIFY(upgrade->isEnabled());
    QAction *downgrade = window.action(QStringLiteral("downgradeOne"));
    QVERIFY(!downgrade->isEnabled());
    QVERIFY(downgrade->toolTip().contains(QLatin1String("base")));
}

void TestMainWindow::downgradeConfirmationListsStepsDestructiveStatementsAndBackup()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    openAndWait(window, demoDirectory(), sqliteUrl(dir));
    QVERIFY(runAndWait(window, MigrationRequest::upgrade(QStringLiteral("+2"))));
    QTRY_COMPARE(window.graphModel()->databaseHeads().size(), 1);
    const QString top = window.graphModel()->databaseHeads().first();
    const auto snapshot = window.graphModel()->snapshot();
    const Revision &revision = snapshot->map().revision(snapshot->map().indexOf(top));
    const QString below = revision.downRevisions.value(0);

    QList<PlanReview> asked;
    window.setConfirmer([&](const PlanReview &summary) {
        asked.append(summary);
        return true;
    });
    QSignalSpy finished(window.controller(), &MigrationController::runFinished);
    QAction *downgrade = window.action(QStringLiteral("downgradeOne"));
    QTRY_VERIFY(downgrade->isEnabled());
    downgrade->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QVERIFY(finished.first().first().value<RunOutcome>().ok());
    QCOMPARE(asked.size(), 1);
    const PlanReview summary = asked.first();
    QCOMPARE(summary.steps.size(), 1);
    QCOMPARE(summary.steps.first().revision, top);
    QVERIFY(summary.steps.first().description.startsWith(QStringLiteral("downgrade ") + top));

    // Every DROP in the revision's downgrade section is listed, at its own line.
    QFile file(revision.path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    int drops = 0;
    bool inDowngrade = false;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("-- +")))
            inDowngrade = line.startsWith(QLatin1String("-- +downgrade"));
        else if (inDowngrade && line.contains(QLatin1String("DROP "), Qt::CaseInsensitive))
            ++drops;
    }
    QVERIFY2(drops > 0, "the demo's revisions drop what they create");
    QCOMPARE(summary.destructive.size(), drops);
    for (const PlanReview::Destructive &item : summary.destructive) {
        QCOMPARE(item.revision, top);
        QVERIFY(item.line >= 1 && item.line <= lines.size());
        QVERIFY2(lines.at(item.line - 1).contains(QLatin1String("DROP"), Qt::CaseInsensitive),
                 qPrintable(item.toString()));
    }
    // The version table's change and the automatic backup (downgrades are always backed up).
    QVERIFY2(summary.versionChange.contains(top) && summary.versionChange.contains(below),
             qPrintable(summary.versionChange));
    const QString backupDirectory = BackupPolicy::fromConfig(snapshot->config()).directory;
    QVERIFY(backupDirectory.startsWith(m_home.path()));
    QVERIFY2(summary.backup.contains(backupDirectory), qPrintable(summary.backup));
    QVERIFY(window.logText().contains(QLatin1String("Backed up")));
    QTRY_COMPARE(window.graphModel()->databaseHeads(), QStringList{below});
    // The dialog shows the same lines.
    ConfirmationDialog dialog(summary);
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("versionChange"))->text(), summary.versionChange);
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("backup"))->text(), summary.backup);

    // An upgrade takes no backup unless [retort] backup_before_upgrade says so.
    asked.clear();
    QVERIFY(runAndWait(window, MigrationRequest::upgrade(QStringLiteral("+1"))));
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first().backup.isEmpty(), qPrintable(asked.first().backup));
    QVERIFY(asked.first().destructive.isEmpty());
}

void TestMainWindow::backupNowWritesABackupAndLogsIt()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    openAndWait(window, demoDirectory(), sqliteUrl(dir));
    QVERIFY(runAndWait(window, MigrationRequest::upgrade(QStringLiteral("+3"))));
    QTRY_COMPARE(window.graphModel()->databaseHeads().size(), 1);

    QSignalSpy taken(window.controller(), &MigrationController::backupTaken);
    QAction *backup = window.action(QStringLiteral("backupNow"));
    QVERIFY(backup);
    QCOMPARE(backup->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
    QTRY_VERIFY(backup->isEnabled());
    backup->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(taken.size(), 1, 20000);
    const BackupOutcome outcome = taken.first().first().value<BackupOutcome>();
    QVERIFY(QFileInfo(outcome.info.path).isFile());
    QVERIFY(QFileInfo::exists(BackupInfo::sidecarPath(outcome.info.path)));
    QCOMPARE(QFileInfo(outcome.info.path).absolutePath(),
             BackupPolicy::fromConfig(window.graphModel()->snapshot()->config()).directory);
    QVERIFY2(outcome.info.path.startsWith(m_home.path()), qPrintable(outcome.info.path));
    QCOMPARE(outcome.info.heads, window.graphModel()->databaseHeads());
    QCOMPARE(outcome.info.heads, versionRows(dir.filePath(QStringLiteral("test.db"))));
    QVERIFY(window.logText().contains(outcome.info.path));
    QTRY_VERIFY(!window.controller()->isBusy());
    QVERIFY(backup->isEnabled());

    // The restore chooser lists it, newest first.
    RestoreDialog chooser(BackupPolicy::fromConfig(window.graphModel()->snapshot()->config()));
    auto *list = chooser.findChild<QListWidget *>(QStringLiteral("backups"));
    QVERIFY(list && list->count() >= 1);
    QCOMPARE(list->item(0)->data(Qt::UserRole).toString(), outcome.info.path);
    QCOMPARE(list->currentRow(), 0);
}

void TestMainWindow::restoreBringsTheDatabaseBack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(QStringLiteral("test.db"));
    MainWindow window;
    openAndWait(window, demoDirectory(), sqliteUrl(dir));
    QVERIFY(runAndWait(window, MigrationRequest::upgrade(QStringLiteral("+2"))));
    QTRY_COMPARE(window.graphModel()->databaseHeads().size(), 1);
    const QStringList headsAtBackup = window.graphModel()->databaseHeads();
    const int pendingAtBackup = window.graphModel()->pendingCount();

    QSignalSpy taken(window.controller(), &MigrationController::backupTaken);
    window.action(QStringLiteral("backupNow"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(taken.size(), 1, 20000);
    const QString backupFile = taken.first().first().value<BackupOutcome>().info.path;
    QVERIFY(runAndWait(window, MigrationRequest::upgrade(QStringLiteral("heads"))));
    QTRY_COMPARE(window.graphModel()->pendingCount(), 0);
    const QStringList headsAfterUpgrade = versionRows(database);
    QVERIFY(headsAfterUpgrade != headsAtBackup);

    QString offeredFolder;
    window.setBackupChooser([&](const BackupPolicy &policy) {
        offeredFolder = policy.directory;
        return backupFile;
    });
    // Declined: nothing changes.
    QList<BackupInfo> shown;
    QStringList shownUrls;
    window.setRestoreConfirmer([&](const BackupInfo &backup, const QString &currentUrl) {
        shown.append(backup);
        shownUrls.append(currentUrl);
        return false;
    });
    QSignalSpy declined(window.controller(), &MigrationController::declined);
    QAction *restore = window.action(QStringLiteral("restore"));
    QTRY_VERIFY(restore->isEnabled());
    restore->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(declined.size(), 1, 20000);
    QCOMPARE(offeredFolder, QFileInfo(backupFile).absolutePath());
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.first().heads, headsAtBackup);
    QCOMPARE(shown.first().path, backupFile);
    QCOMPARE(shownUrls.first(), window.controller()->displayUrl());
    const QString question = ConfirmationDialog::restoreText(shown.first(), shownUrls.first());
    QVERIFY(question.contains(QLatin1String("will be replaced")));
    QVERIFY(question.contains(headsAtBackup.first()));
    QCOMPARE(versionRows(database), headsAfterUpgrade);

    // Accepted: the database is the backup again, and the graph shows it.
    window.setRestoreConfirmer([](const BackupInfo &, const QString &) { return true; });
    QSignalSpy restored(window.controller(), &MigrationController::restored);
    QTRY_VERIFY(restore->isEnabled());
    restore->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 20000);
    QCOMPARE(restored.first().first().value<RestoreOutcome>().headsAfter, headsAtBackup);
    QCOMPARE(versionRows(database), headsAtBackup);
    QTRY_COMPARE(window.graphModel()->databaseHeads(), headsAtBackup);
    QCOMPARE(window.graphModel()->pendingCount(), pendingAtBackup);
    QVERIFY(window.logText().contains(QLatin1String("Restored ")));
}

void TestMainWindow::stampPurgeLeavesExactlyTheChosenRow()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("project"));
    const QString database = dir.filePath(QStringLiteral("test.db"));
    writeThreeTables(project);
    MainWindow window;
    openAndWait(window, project, sqliteUrl(dir));
    QVERIFY(runAndWait(window, MigrationRequest::upgrade(QStringLiteral("+1"))));
    // A row no file knows (say, from a branch that was deleted): only --purge gets past it.
    QVERIFY(execute(database, QStringLiteral("INSERT INTO alembic_version VALUES ('ffffffffffff')")));
    window.action(QStringLiteral("refresh"))->trigger();
    QTRY_COMPARE(window.graphModel()->databaseHeads(),
                 (QStringList{QStringLiteral("a00000000001"), QStringLiteral("ffffffffffff")}));

    QList<PlanReview> asked;
    window.setConfirmer([&](const PlanReview &summary) {
        asked.append(summary);
        return true;
    });
    QList<RunError> errors;
    window.setErrorPresenter([&](const RunError &error) { errors.append(error); });
    window.selectRevision(QStringLiteral("c00000000003"));
    QAction *stamp = window.action(QStringLiteral("stampSelected"));
    QTRY_VERIFY(stamp->isEnabled());
    stamp->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 20000);
    QVERIFY2(errors.first().toString().contains(QLatin1String("ffffffffffff")), qPrintable(errors.first().toString()));
    QVERIFY(asked.isEmpty());
    QTRY_VERIFY(!window.controller()->isBusy());

    QSignalSpy finished(window.controller(), &MigrationController::runFinished);
    QAction *purge = window.action(QStringLiteral("stampSelectedPurge"));
    QVERIFY(purge->isEnabled());
    purge->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QVERIFY(finished.first().first().value<RunOutcome>().ok());
    QCOMPARE(asked.size(), 1);
    QVERIFY(asked.first().purge);
    QVERIFY2(asked.first().versionChange.contains(QLatin1String("ffffffffffff"))
                 && asked.first().versionChange.contains(QLatin1String("--purge")),
             qPrintable(asked.first().versionChange));
    QVERIFY(asked.first().backup.isEmpty()); // a stamp changes no data
    QCOMPARE(versionRows(database), QStringList{QStringLiteral("c00000000003")});
    QTRY_COMPARE(window.graphModel()->databaseHeads(), QStringList{QStringLiteral("c00000000003")});
    // Stamping runs no script: table b was never created.
    QVERIFY(!execute(database, QStringLiteral("SELECT * FROM b")));
}

// The race the plan value exists for: while the confirmation is open, another tool moves the
// version table. The confirmed plan must not run; the window plans again and asks again.
void TestMainWindow::rerunSelectedRunsTheEditedScript()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("project"));
    const QString database = dir.filePath(QStringLiteral("test.db"));
    writeThreeTables(project);
    MainWindow window;
    openAndWait(window, project, sqliteUrl(dir));
    QVERIFY(runAndWait(window, MigrationRequest::upgrade()));
    QAction *rerun = window.action(QStringLiteral("rerunSelected"));
    QCOMPARE(rerun->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
    window.selectRevision(QStringLiteral("b00000000002"));
    QTRY_VERIFY(!rerun->isEnabled()); // applied, but not the head

    // The developer edits the head's script, then re-runs it in one keystroke.
    writeProject(project,
                 {{QStringLiteral("a00000000001"), QString(), QStringLiteral("CREATE TABLE a (id INTEGER);")},
                  {QStringLiteral("b00000000002"), QStringLiteral("a00000000001"),
                   QStringLiteral("CREATE TABLE b (id INTEGER);")},
                  {QStringLiteral("c00000000003"), QStringLiteral("b00000000002"),
                   QStringLiteral("CREATE TABLE c (id INTEGER, edited INTEGER);"), QStringLiteral("DROP TABLE c;")}});
    QVERIFY(!execute(database, QStringLiteral("SELECT edited FROM c")));
    QList<PlanReview> asked;
    window.setConfirmer([&](const PlanReview &summary) {
        asked.append(summary);
        return true;
    });
    QList<RunError> errors;
    window.setErrorPresenter([&](const RunError &error) { errors.append(error); });
    window.selectRevision(QStringLiteral("c00000000003"));
    QTRY_VERIFY(rerun->isEnabled());
    QSignalSpy finished(window.controller(), &MigrationController::runFinished);
    rerun->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size() + errors.size(), 1, 20000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
    QVERIFY(finished.first().first().value<RunOutcome>().ok());
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().steps.size(), 2);
    QVERIFY(execute(database, QStringLiteral("SELECT edited FROM c")));
    QCOMPARE(versionRows(database), QStringList{QStringLiteral("c00000000003")});
}

void TestMainWindow::databaseMovedAfterConfirmationRunsNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("project"));
    const QString database = dir.filePath(QStringLiteral("test.db"));
    writeThreeTables(project);
    MainWindow window;
    openAndWait(window, project, sqliteUrl(dir));
    QVERIFY(runAndWait(window, MigrationRequest::upgrade(QStringLiteral("+1"))));
    QTRY_COMPARE(window.graphModel()->databaseHeads(), QStringList{QStringLiteral("a00000000001")});

    QList<PlanReview> asked;
    window.setConfirmer([&](const PlanReview &review) {
        asked.append(review);
        if (asked.size() > 1)
            return false; // the person reads the new plan and declines it
        // Someone stamps the database while the dialog is open.
        execute(database, QStringLiteral("UPDATE alembic_version SET version_num = 'b00000000002'"));
        return true;
    });
    QList<RunError> errors;
    window.setErrorPresenter([&](const RunError &error) { errors.append(error); });
    QSignalSpy finished(window.controller(), &MigrationController::runFinished);
    QSignalSpy declined(window.controller(), &MigrationController::declined);
    window.action(QStringLiteral("upgradeOne"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(declined.size(), 1, 20000);

    QCOMPARE(finished.size(), 1);
    const RunOutcome refused = finished.first().first().value<RunOutcome>();
    QVERIFY(refused.error.has_value());
    QCOMPARE(refused.error->kindName(), QStringLiteral("PlanStale"));
    QVERIFY2(refused.error->message.contains(QLatin1String("moved from a00000000001 to b00000000002")),
             qPrintable(refused.error->message));
    QCOMPARE(refused.stepsApplied, 0);
    QVERIFY2(errors.isEmpty(), "a refused stale plan is re-planned, not shown as an error");

    QCOMPARE(asked.size(), 2);
    QCOMPARE(asked.at(0).steps.size(), 1);
    QCOMPARE(asked.at(0).steps.first().revision, QStringLiteral("b00000000002"));
    QCOMPARE(asked.at(1).rowsBefore, QStringList{QStringLiteral("b00000000002")});
    QCOMPARE(asked.at(1).steps.size(), 1);
    QCOMPARE(asked.at(1).steps.first().revision, QStringLiteral("c00000000003"));
    // Nothing ran: b's table was never created, and the row is the one the other tool wrote.
    QVERIFY(!execute(database, QStringLiteral("SELECT * FROM b")));
    QVERIFY(!execute(database, QStringLiteral("SELECT * FROM c")));
    QCOMPARE(versionRows(database), QStringList{QStringLiteral("b00000000002")});
    QVERIFY(window.logText().contains(QLatin1String("Planning again")));
    QTRY_VERIFY(!window.controller()->isBusy());
}

void TestMainWindow::twoHeadsOfferMergeAndMergeLeavesOneHead()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("project"));
    writeProject(project,
                 {{QStringLiteral("a00000000001"), QString(), QStringLiteral("CREATE TABLE a (id INTEGER);")},
                  {QStringLiteral("b00000000002"), QStringLiteral("a00000000001"),
                   QStringLiteral("CREATE TABLE b (id INTEGER);")},
                  {QStringLiteral("c00000000003"), QStringLiteral("a00000000001"),
                   QStringLiteral("CREATE TABLE c (id INTEGER);")}});
    MainWindow window;
    openAndWait(window, project, sqliteUrl(dir));
    QAction *upgradeHead = window.action(QStringLiteral("upgradeHead"));
    QAction *merge = window.action(QStringLiteral("mergeHeads"));
    QVERIFY(merge);
    QTRY_VERIFY(window.controller()->isConnected());
    QVERIFY(!upgradeHead->isEnabled());
    QVERIFY2(upgradeHead->toolTip().contains(QLatin1String("Merge Heads")), qPrintable(upgradeHead->toolTip()));
    QVERIFY(merge->isEnabled());

    int asked = 0;
    window.setMergeMessageAsker([&]() -> std::optional<QString> {
        ++asked;
        return QStringLiteral("join b and c");
    });
    QSignalSpy merged(window.controller(), &MigrationController::merged);
    merge->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(merged.size(), 1, 20000);
    QCOMPARE(asked, 1);
    const MergeOutcome outcome = merged.first().first().value<MergeOutcome>();
    QStringList parents = outcome.parents;
    parents.sort();
    QCOMPARE(parents, (QStringList{QStringLiteral("b00000000002"), QStringLiteral("c00000000003")}));
    QVERIFY(QFileInfo(outcome.path).isFile());
    QVERIFY(QFileInfo(outcome.path).absolutePath().startsWith(QDir(project).absolutePath()));

    // The project was read again: one head, the merge, and "head" means something again.
    const auto snapshot = window.graphModel()->snapshot();
    QCOMPARE(snapshot->map().heads().size(), 1);
    QCOMPARE(snapshot->map().revision(snapshot->map().heads().front()).id, outcome.revision);
    QCOMPARE(window.graphModel()->rowCount(), 4);
    QTRY_VERIFY(window.graphModel()->hasDatabaseState());
    QTRY_VERIFY(upgradeHead->isEnabled());
    QVERIFY(!merge->isEnabled());
    QVERIFY(runAndWait(window, MigrationRequest::upgrade(QStringLiteral("heads"))));
    QCOMPARE(versionRows(dir.filePath(QStringLiteral("test.db"))), QStringList{outcome.revision});
}

void TestMainWindow::statusLine_data()
{
    QTest::addColumn<DatabaseStatus>("status");
    QTest::addColumn<QStringList>("contains");
    QTest::addColumn<QStringList>("lacks");
    const QString longId = QStringLiteral("171_merge_kafka_and_billing_heads");
    QTest::newRow("connecting") << DatabaseStatus{13, false, {}, 0, QStringLiteral("connecting…")}
                                << QStringList{QStringLiteral("13 revision"), QStringLiteral("database: connecting…")}
                                << QStringList{QStringLiteral("pending")};
    QTest::newRow("not read") << DatabaseStatus{2, false, {}, 0, {}} << QStringList{QStringLiteral("database not read")}
                              << QStringList{QStringLiteral("database at")};
    QTest::newRow("at base") << DatabaseStatus{3, true, {}, 3, {}}
                             << QStringList{QStringLiteral("database at base"), QStringLiteral("3 pending")}
                             << QStringList{QStringLiteral("⚠")};
    QTest::newRow("long id shortened") << DatabaseStatus{3, true, {longId}, 0, {}}
                                       << QStringList{QStringLiteral("database at ") + longId.left(9) + QChar(0x2026)
                                                          + longId.right(8),
                                                      QStringLiteral("0 pending")}
                                       << QStringList{longId};
    QTest::newRow("two rows warn") << DatabaseStatus{5, true, {QStringLiteral("aaa"), QStringLiteral("bbb")}, 1, {}}
                                   << QStringList{QStringLiteral("database at aaa, bbb"), QStringLiteral("⚠ 2 heads")}
                                   << QStringList{};
}

void TestMainWindow::statusLine()
{
    QFETCH(DatabaseStatus, status);
    QFETCH(QStringList, contains);
    QFETCH(QStringList, lacks);
    const QString text = status.text();
    for (const QString &part : contains)
        QVERIFY2(text.contains(part), qPrintable(text));
    for (const QString &part : lacks)
        QVERIFY2(!text.contains(part), qPrintable(text));
}

void TestMainWindow::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestMainWindow::screenshots()
{
    QFETCH(bool, dark);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette palette = QApplication::style()->standardPalette();
    if (dark) {
        palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        palette.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
        palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        palette.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        palette.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
        palette.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
        palette.setColor(QPalette::HighlightedText, Qt::white);
        palette.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            palette.setColor(QPalette::Disabled, role, QColor(0x70, 0x70, 0x70));
    }
    QApplication::setPalette(palette);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    window.setConfirmer([](const PlanReview &) { return true; });
    window.openProject(demoDirectory(), sqliteUrl(dir));
    QTRY_VERIFY(window.graphModel()->hasDatabaseState());
    QSignalSpy finished(window.controller(), &MigrationController::runFinished);
    window.controller()->request(MigrationRequest::upgrade(QStringLiteral("+6")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QTRY_COMPARE(window.graphModel()->pendingCount(), 7);
    window.selectRevision(window.graphModel()->index(0, 0).data(RevisionGraphModel::RevisionIdRole).toString());
    window.resize(1400, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(100);

    const QImage image = window.grab().toImage();
    const QString path = QStringLiteral(RETORT_BINARY_DIR "/screenshots/mainwindow-%1.png")
                             .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY(image.save(path));
    // The window's background follows the palette.
    const QColor corner = image.pixelColor(2, image.height() - 3); // status bar
    QCOMPARE(corner.lightness() < 128, dark);
    QApplication::setPalette(QApplication::style()->standardPalette());
}

void TestMainWindow::screenshotMidRun()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(QApplication::style()->standardPalette());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("project"));
    writeProject(project,
                 {{QStringLiteral("a00000000001"), QString(), QStringLiteral("CREATE TABLE fast (id INTEGER);")},
                  {QStringLiteral("b00000000002"), QStringLiteral("a00000000001"),
                   QStringLiteral("CREATE TABLE slow AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                                  "WHERE x < 8000000) SELECT count(*) AS n FROM c;")}});
    MainWindow window;
    openAndWait(window, project, sqliteUrl(dir));
    window.resize(1400, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    bool inSlowStep = false;
    bool slowStepDone = false;
    connect(window.controller(), &MigrationController::stepStarted, this,
            [&](int, int, const PlanStep &step) { inSlowStep = step.revision == QLatin1String("b00000000002"); });
    connect(window.controller(), &MigrationController::stepFinished, this, [&](int, int, const PlanStep &step, qint64) {
        if (step.revision == QLatin1String("b00000000002"))
            slowStepDone = true;
    });
    QSignalSpy finished(window.controller(), &MigrationController::runFinished);
    window.action(QStringLiteral("upgradeHead"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(inSlowStep, 20000);
    QProgressBar *progress = window.runPanel()->progressBar();
    QVERIFY(progress->isVisible());
    QCOMPARE(progress->value(), 1);
    QCOMPARE(progress->maximum(), 2);
    QVERIFY(progress->text().contains(QLatin1String("b00000000002")));
    QVERIFY(!window.action(QStringLiteral("upgradeOne"))->isEnabled()); // busy
    const QImage image = window.grab().toImage();
    const bool grabbedMidRun = !slowStepDone; // the statement was still running when grabbed
    const QString path = QStringLiteral(RETORT_BINARY_DIR "/screenshots/mainwindow-midrun.png");
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY(image.save(path));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QVERIFY(grabbedMidRun);
    QVERIFY(!progress->isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
