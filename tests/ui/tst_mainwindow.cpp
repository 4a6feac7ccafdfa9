// The window end to end on the offscreen platform: actions run on the worker thread after the
// confirmation, the event loop keeps turning during a slow step, a failure is shown and leaves
// the previous revision, and screenshots of the demo in light and dark palettes.
#include "MainWindow.h"
#include "TestProject.h"
#include "details/RevisionDetailsView.h"
#include "graph/RevisionGraphModel.h"
#include "ScriptView.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QScrollBar>
#include <QTimer>
#include <QTreeView>
#include <QtTest>

using namespace retort;
using namespace retort::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void upgradeOneStepRunsOnTheWorker();
    void slowStepKeepsTheEventLoopTurning();
    void failingStepShowsTheErrorAndKeepsThePreviousRevision();
    void actionsExplainWhyTheyAreDisabled();
    void tenThousandRevisionsScroll();
    void screenshots_data();
    void screenshots();
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::upgradeOneStepRunsOnTheWorker()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    QList<PlanSummary> asked;
    window.setConfirmer([&](const PlanSummary &summary) {
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
    QCOMPARE(asked.first().steps.first().revision, model->index(baseRow, 0).data(RevisionGraphModel::RevisionIdRole).toString());
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
    window.setConfirmer([](const PlanSummary &) { return true; });
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
    connect(window.controller(), &MigrationController::stepFinished, this,
            [&](int, int, const PlanStep &step, qint64) {
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
    const auto lines = writeProject(
        project, {{QStringLiteral("a00000000001"), QString(), QStringLiteral("CREATE TABLE ok (id INTEGER);")},
                  {QStringLiteral("b00000000002"), QStringLiteral("a00000000001"),
                   QStringLiteral("CREATE TABLE fine (id INTEGER);\nINSERT INTO no_such_table VALUES (1);")}});
    MainWindow window;
    window.setConfirmer([](const PlanSummary &) { return true; });
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
    window.setConfirmer([](const PlanSummary &) { return true; });
    window.openProject(demoDirectory(), sqliteUrl(dir));
    QTRY_VERIFY(window.graphModel()->hasDatabaseState());
    QVERIFY(upgrade->isEnabled());
    QAction *downgrade = window.action(QStringLiteral("downgradeOne"));
    QVERIFY(!downgrade->isEnabled());
    QVERIFY(downgrade->toolTip().contains(QLatin1String("base")));
}

void TestMainWindow::tenThousandRevisionsScroll()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A long line with a side branch every 50 revisions, merged back 10 revisions later.
    QList<TestRevision> revisions;
    const int count = 10000;
    const auto id = [](int i) { return QStringLiteral("r%1").arg(i, 11, 10, QLatin1Char('0')); };
    for (int i = 0; i < count; ++i) {
        QString parent = i == 0 ? QString() : id(i - 1);
        if (i % 50 == 10 && i > 50)
            parent += QStringLiteral(", ") + id(i - 15);
        revisions.append({id(i), parent, QStringLiteral("SELECT 1;")});
    }
    writeProject(dir.path(), revisions);

    MainWindow window;
    QElapsedTimer timer;
    timer.start();
    window.openProject(dir.path(), sqliteUrl(dir));
    const qint64 openMs = timer.elapsed();
    QCOMPARE(window.graphModel()->rowCount(), count);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QTreeView *view = window.graphView();
    timer.restart();
    int frames = 0;
    for (int value = 0; value <= view->verticalScrollBar()->maximum();
         value += qMax(1, view->verticalScrollBar()->maximum() / 200)) {
        view->verticalScrollBar()->setValue(value);
        view->viewport()->repaint();
        ++frames;
    }
    const qint64 scrollMs = timer.elapsed();
    qInfo("10000 revisions: open %lld ms, %d repaints while scrolling in %lld ms", openMs, frames, scrollMs);
    // Smooth: a repaint of a screenful well under a frame at 30 Hz even in a debug build.
    QVERIFY2(scrollMs / qMax(1, frames) < 33, "scrolling repaints are too slow");
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
    window.setConfirmer([](const PlanSummary &) { return true; });
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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
