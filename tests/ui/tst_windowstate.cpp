// The window comes back as the person left it: size, splitter positions and the graph's column
// widths are saved when it goes and restored by the next one (QSettings under the test's own
// XDG_CONFIG_HOME).
#include "MainWindow.h"
#include "TestProject.h"
#include "graph/RevisionGraphModel.h"

#include <QHeaderView>
#include <QSettings>
#include <QSplitter>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace retort::ui;
using namespace Qt::StringLiterals;

namespace {

const QStringList SplitterNames = {QStringLiteral("mainSplitter"), QStringLiteral("graphSplitter"),
                                   QStringLiteral("detailsSplitter")};

QSplitter *splitter(const MainWindow &window, const QString &name)
{
    return window.findChild<QSplitter *>(name);
}

// The demo open, so the graph and details (and their splitters) are laid out.
std::unique_ptr<MainWindow> shownWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->openProject(demoDirectory());
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

} // namespace

class TestWindowState : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { QSettings().clear(); }
    void restoredAsLeft();
    void unreadableSettingsKeepTheDefaults();
    void closedOnTheStartPageKeepsTheLayout();
};

void TestWindowState::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTestWindowState"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_windowstate"));
    // The settings file must be the test's own, never the person's.
    QVERIFY(!qEnvironmentVariableIsEmpty("XDG_CONFIG_HOME"));
}

void TestWindowState::restoredAsLeft()
{
    QSize size;
    QHash<QString, QList<int>> sizes;
    QList<int> columns;
    {
        auto window = shownWindow();
        QVERIFY(window);
        window->resize(1000, 660);
        QTRY_COMPARE(window->size(), QSize(1000, 660));
        size = window->size();
        for (const QString &name : SplitterNames) {
            QSplitter *each = splitter(*window, name);
            QVERIFY2(each, qPrintable(name));
            const QList<int> before = each->sizes();
            QCOMPARE(before.size(), 2);
            const int total = before[0] + before[1];
            each->setSizes({total / 4, total - total / 4}); // far from the default stretch
            sizes.insert(name, each->sizes());
            QVERIFY2(sizes[name] != before, qPrintable(name));
        }
        QTreeView *graph = window->graphView();
        graph->setColumnWidth(RevisionGraphModel::IdColumn, 155);
        graph->setColumnWidth(RevisionGraphModel::DateColumn, 96);
        graph->setColumnWidth(RevisionGraphModel::LabelsColumn, 123);
        for (int column : {RevisionGraphModel::IdColumn, RevisionGraphModel::DateColumn,
                           RevisionGraphModel::LabelsColumn, RevisionGraphModel::ChangesColumn})
            columns.append(graph->columnWidth(column));
        QCOMPARE(columns.mid(0, 3), (QList<int>{155, 96, 123}));
    } // destroyed: saved

    auto again = shownWindow();
    QVERIFY(again);
    QCOMPARE(again->size(), size);
    for (const QString &name : SplitterNames)
        QCOMPARE(splitter(*again, name)->sizes(), sizes.value(name));
    QList<int> restored;
    for (int column : {RevisionGraphModel::IdColumn, RevisionGraphModel::DateColumn, RevisionGraphModel::LabelsColumn,
                       RevisionGraphModel::ChangesColumn})
        restored.append(again->graphView()->columnWidth(column));
    QCOMPARE(restored, columns);
    // Opening a project (the model is reset) keeps them.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeProject(dir.path(), {{QStringLiteral("a1"), QString(), QStringLiteral("CREATE TABLE t (x INTEGER);")}});
    again->openProject(dir.path(), sqliteUrl(dir));
    QCOMPARE(again->graphModel()->rowCount(), 1);
    restored.clear();
    for (int column : {RevisionGraphModel::IdColumn, RevisionGraphModel::DateColumn, RevisionGraphModel::LabelsColumn,
                       RevisionGraphModel::ChangesColumn})
        restored.append(again->graphView()->columnWidth(column));
    QCOMPARE(restored, columns);
    // The message column still takes the room left over.
    QCOMPARE(again->graphView()->header()->sectionResizeMode(RevisionGraphModel::MessageColumn), QHeaderView::Stretch);
}

void TestWindowState::unreadableSettingsKeepTheDefaults()
{
    {
        QSettings settings;
        for (const QString &key :
             {QStringLiteral("window/geometry"), QStringLiteral("window/toolbars"),
              QStringLiteral("window/graphColumns"), QStringLiteral("window/splitters/mainSplitter")})
            settings.setValue(key, QByteArray("not a saved state"));
    }
    MainWindow window;
    QCOMPARE(window.size(), QSize(1280, 800));
    QCOMPARE(window.graphView()->columnWidth(RevisionGraphModel::IdColumn), 110);
    QCOMPARE(window.graphView()->columnWidth(RevisionGraphModel::DateColumn), 130);
}

void TestWindowState::closedOnTheStartPageKeepsTheLayout()
{
    {
        // No project: the workspace is never laid out; closing must not leave a layout that
        // collapses the next window's panes.
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.hasProject());
    }
    auto again = shownWindow();
    QVERIFY(again);
    for (const QString &name : SplitterNames) {
        const QList<int> sizes = splitter(*again, name)->sizes();
        QVERIFY2(
            sizes.size() == 2 && sizes[0] > 50 && sizes[1] > 50,
            qPrintable(name + u": "_s + QString::number(sizes.value(0)) + u", "_s + QString::number(sizes.value(1))));
    }
}

QTEST_MAIN(TestWindowState)
#include "tst_windowstate.moc"
