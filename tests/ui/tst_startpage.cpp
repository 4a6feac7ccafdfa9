// The window before a project is open: the start page offers Open Folder, Open Demo (when the
// launcher can open it) and the recent projects that still exist; choosing one opens it. With no
// folder named, the window opens the project of the working directory, else the last project.
#include "MainWindow.h"
#include "TestProject.h"
#include "graph/RevisionGraphModel.h"
#include "project/RecentProjects.h"
#include "start/StartPage.h"
#include "start/StartingProject.h"

#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTreeView>

using namespace retort::ui;
using namespace Qt::StringLiterals;

class TestStartPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { QSettings().clear(); }
    void startsOnTheStartPage();
    void recentProjectOpensWithAClick();
    void demoOfferedWhenItCanBeOpened();
    void startingProjectPrefersTheWorkingDirectory();
};

void TestStartPage::initTestCase()
{
    QCoreApplication::setOrganizationName(u"RetortTestStartPage"_s);
    QCoreApplication::setApplicationName(u"tst_startpage"_s);
    QVERIFY(!qEnvironmentVariableIsEmpty("XDG_CONFIG_HOME"));
}

void TestStartPage::startsOnTheStartPage()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.hasProject());
    QVERIFY(window.startPage()->isVisible());
    QVERIFY(!window.graphView()->isVisible());
    auto *open = window.findChild<QPushButton *>(u"startOpenFolder"_s);
    QVERIFY(open && open->isVisible());
    // No recent projects yet: no empty list either.
    QVERIFY(!window.findChild<QListWidget *>(u"startRecent"_s)->isVisible());
}

void TestStartPage::recentProjectOpensWithAClick()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(u"project"_s);
    QVERIFY(!writeProject(project, {{u"a1"_s, QString(), u"CREATE TABLE a (id INTEGER);"_s}}).isEmpty());
    RecentProjects::addProject(dir.filePath(u"gone"_s)); // removed since: not offered
    RecentProjects::addProject(project);

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *recent = window.findChild<QListWidget *>(u"startRecent"_s);
    QVERIFY(recent && recent->isVisible());
    QCOMPARE(recent->count(), 1);
    QCOMPARE(recent->item(0)->data(Qt::UserRole).toString(), project);
    emit recent->itemActivated(recent->item(0));
    QVERIFY(window.hasProject());
    QVERIFY(!window.startPage()->isVisible());
    QVERIFY(window.graphView()->isVisible());
    QCOMPARE(window.graphModel()->rowCount(), 1);
}

void TestStartPage::demoOfferedWhenItCanBeOpened()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *demo = window.findChild<QPushButton *>(u"startOpenDemo"_s);
    QVERIFY(demo);
    QVERIFY(!demo->isVisible());
    int opened = 0;
    window.setDemoOpener([&window, &opened] {
        ++opened;
        window.openProject(demoDirectory());
    });
    QVERIFY(demo->isVisible());
    QTest::mouseClick(demo, Qt::LeftButton);
    QCOMPARE(opened, 1);
    QVERIFY(window.hasProject());
    QVERIFY(window.graphModel()->rowCount() > 1);
}

void TestStartPage::startingProjectPrefersTheWorkingDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString flaskApp = dir.filePath(u"app"_s);
    const QString last = dir.filePath(u"last"_s);
    QVERIFY(!writeProject(flaskApp + u"/migrations"_s, {{u"a1"_s, QString(), u"SELECT 1;"_s}}).isEmpty());
    QFile ini(flaskApp + u"/migrations/alembic.ini"_s);
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[alembic]\n");
    ini.close();
    QVERIFY(!writeProject(last, {{u"b1"_s, QString(), u"SELECT 1;"_s}}).isEmpty());
    QVERIFY(QDir().mkpath(dir.filePath(u"elsewhere"_s)));

    // Nothing here and nothing opened before: the start page.
    QCOMPARE(startingProject(dir.filePath(u"elsewhere"_s)), QString());
    RecentProjects::addProject(last);
    // A Flask application's root: its migrations folder, as `flask db` finds it.
    QCOMPARE(startingProject(flaskApp), flaskApp + u"/migrations"_s);
    // A folder that is no project: the last project opened.
    QCOMPARE(startingProject(dir.filePath(u"elsewhere"_s)), last);
    // ... unless it is gone.
    QVERIFY(QDir(last).removeRecursively());
    QCOMPARE(startingProject(dir.filePath(u"elsewhere"_s)), QString());
}

QTEST_MAIN(TestStartPage)
#include "tst_startpage.moc"
