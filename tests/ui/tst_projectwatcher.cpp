// Files changing on disk: the watcher says so once per burst, and the window reads the project
// again keeping the selected revision, with a broken file in Problems at once.
#include "MainWindow.h"
#include "TestProject.h"
#include "graph/ProblemListModel.h"
#include "graph/RevisionGraphModel.h"
#include "project/ProjectWatcher.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace retort;
using namespace retort::ui;

class TestProjectWatcher : public QObject
{
    Q_OBJECT

private slots:
    void burstGivesOneSignal()
    {
        QTemporaryDir dir;
        writeProject(dir.path(), {{QStringLiteral("a1"), QString(), QStringLiteral("SELECT 1;")}});
        const QString versions = dir.filePath(QStringLiteral("versions"));
        const QString file = versions + QStringLiteral("/a1_test.sql");
        ProjectWatcher watcher;
        watcher.setSettleInterval(100);
        watcher.watch({versions}, {file, dir.filePath(QStringLiteral("missing.ini"))});
        QCOMPARE(watcher.watchedPaths().size(), 2); // the missing file is skipped
        QSignalSpy spy(&watcher, &ProjectWatcher::changed);
        writeProject(dir.path(),
                     {{QStringLiteral("b2"), QStringLiteral("a1"), QStringLiteral("SELECT 2;")},
                      {QStringLiteral("c3"), QStringLiteral("b2"), QStringLiteral("SELECT 3;")}});
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.count(), 1);
        watcher.clear();
        QVERIFY(watcher.watchedPaths().isEmpty());
    }

    void windowFollowsTheFiles()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("project"));
        writeProject(root,
                     {{QStringLiteral("a1"), QString(), QStringLiteral("SELECT 1;")},
                      {QStringLiteral("b2"), QStringLiteral("a1"), QStringLiteral("SELECT 2;")}});
        MainWindow window;
        window.setErrorPresenter([](const RunError &) {});
        window.openProject(root, sqliteUrl(dir));
        window.projectWatcher()->setSettleInterval(50);
        window.selectRevision(QStringLiteral("a1"));
        QCOMPARE(window.graphModel()->rowCount(), 2);

        // A new revision from the command line, say.
        QSignalSpy spy(window.projectWatcher(), &ProjectWatcher::changed);
        writeProject(root, {{QStringLiteral("c3"), QStringLiteral("b2"), QStringLiteral("SELECT 3;")}});
        QVERIFY(spy.wait(5000));
        QCOMPARE(window.graphModel()->rowCount(), 3);
        QCOMPARE(window.selectedRevision(), QStringLiteral("a1"));
        QVERIFY(window.graphModel()->rowOfRevision(QStringLiteral("c3")) >= 0);

        // An edit that breaks a file: in Problems at once.
        spy.clear();
        QFile broken(root + QStringLiteral("/versions/c3_test.sql"));
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("-- Revises: b2\n-- +upgrade\nSELECT 3;\n");
        broken.close();
        QVERIFY(spy.wait(5000));
        bool named = false;
        for (const Problem &problem : window.problemModel()->problems())
            named = named || problem.path.endsWith(QStringLiteral("c3_test.sql"));
        QVERIFY(named);
        QCOMPARE(window.selectedRevision(), QStringLiteral("a1"));
    }
};

QTEST_MAIN(TestProjectWatcher)
#include "tst_projectwatcher.moc"
