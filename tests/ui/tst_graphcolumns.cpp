// The graph's columns on histories that are hard to fit: a wide one (many lanes) keeps the
// message readable, and long revision ids lose their middle, with the whole id in the tooltip.
#include "MainWindow.h"
#include "TestProject.h"
#include "graph/RevisionGraphDelegate.h"
#include "graph/RevisionGraphModel.h"

#include <QSettings>
#include <QTest>
#include <QTreeView>

using namespace retort::ui;
using namespace Qt::StringLiterals;

namespace {

// initStyleOption is protected: the test reads what the view would be told.
class DelegateProbe : public RevisionGraphDelegate
{
public:
    using RevisionGraphDelegate::initStyleOption;
};

// `branches` two-revision branches from a base, merged again by one revision: every branch holds
// a lane from the merge down to the base, whatever order the rows come in.
QList<TestRevision> branchyHistory(int branches, const QString &prefix)
{
    QList<TestRevision> revisions{{u"base00000000"_s, QString(), u"CREATE TABLE t0 (id INTEGER);"_s}};
    QStringList heads;
    for (int i = 1; i <= branches; ++i) {
        const QString first = prefix + QString::number(i) + u"a"_s;
        revisions.append({first, u"base00000000"_s, u"CREATE TABLE t%1a (id INTEGER);"_s.arg(i)});
        revisions.append({prefix + QString::number(i), first, u"CREATE TABLE t%1 (id INTEGER);"_s.arg(i)});
        heads.append(prefix + QString::number(i));
    }
    revisions.append({u"merge0000000"_s, heads.join(u", "_s), QString()});
    return revisions;
}

} // namespace

class TestGraphColumns : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void wideHistoryKeepsTheMessageReadable();
    void narrowHistoryGetsTheLanesItNeeds();
    void longIdsAreElidedInTheMiddle();
};

void TestGraphColumns::initTestCase()
{
    QCoreApplication::setOrganizationName(u"RetortTestGraphColumns"_s);
    QVERIFY(!qEnvironmentVariableIsEmpty("XDG_CONFIG_HOME"));
    QSettings().clear();
}

void TestGraphColumns::wideHistoryKeepsTheMessageReadable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(!writeProject(dir.path(), branchyHistory(40, u"branch_"_s)).isEmpty());
    MainWindow window;
    window.resize(1600, 900);
    // Opened before the window is shown, as the command line does: the first show fits again.
    window.openProject(dir.path());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTreeView *view = window.graphView();
    const int lanes = window.graphModel()->maxLaneCount();
    QVERIFY2(lanes >= 40, qPrintable(u"%1 lanes"_s.arg(lanes)));
    const int graph = view->columnWidth(RevisionGraphModel::GraphColumn);
    const int message = view->columnWidth(RevisionGraphModel::MessageColumn);
    const QString widths =
        u"graph %1 px, message %2 px, in a %3 px view"_s.arg(graph).arg(message).arg(view->viewport()->width());
    QVERIFY2(graph < RevisionGraphDelegate::LaneWidth * lanes, qPrintable(widths));
    QVERIFY2(graph >= RevisionGraphDelegate::LaneWidth * 8, qPrintable(widths));
    QVERIFY2(message >= 240, qPrintable(widths));
    // The column can still be dragged open to every lane.
    view->setColumnWidth(RevisionGraphModel::GraphColumn, RevisionGraphDelegate::LaneWidth * lanes);
    QCOMPARE(view->columnWidth(RevisionGraphModel::GraphColumn), RevisionGraphDelegate::LaneWidth * lanes);
}

void TestGraphColumns::narrowHistoryGetsTheLanesItNeeds()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(!writeProject(dir.path(), branchyHistory(3, u"branch_"_s)).isEmpty());
    MainWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(dir.path());
    const int lanes = window.graphModel()->maxLaneCount();
    QVERIFY(lanes >= 3);
    QCOMPARE(window.graphView()->columnWidth(RevisionGraphModel::GraphColumn),
             RevisionGraphDelegate::LaneWidth * lanes + 2 * RevisionGraphDelegate::Margin);
}

void TestGraphColumns::longIdsAreElidedInTheMiddle()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString longId = u"171_merge_kafka_and_billing_heads_"_s;
    QVERIFY(!writeProject(dir.path(), branchyHistory(2, longId)).isEmpty());
    MainWindow window;
    window.openProject(dir.path());
    RevisionGraphModel *model = window.graphModel();
    const int row = model->rowOfRevision(longId + u"1"_s);
    QVERIFY(row >= 0);
    DelegateProbe probe;
    // What the view starts each cell's option with: its own elide mode, ElideRight by default.
    QStyleOptionViewItem id;
    id.textElideMode = window.graphView()->textElideMode();
    QCOMPARE(id.textElideMode, Qt::ElideRight);
    probe.initStyleOption(&id, model->index(row, RevisionGraphModel::IdColumn));
    QCOMPARE(id.textElideMode, Qt::ElideMiddle);
    QCOMPARE(id.text, longId + u"1"_s);
    QStyleOptionViewItem message;
    message.textElideMode = window.graphView()->textElideMode();
    probe.initStyleOption(&message, model->index(row, RevisionGraphModel::MessageColumn));
    QCOMPARE(message.textElideMode, Qt::ElideRight);
    QVERIFY(
        model->index(row, RevisionGraphModel::IdColumn).data(Qt::ToolTipRole).toString().startsWith(longId + u"1"_s));
}

QTEST_MAIN(TestGraphColumns)
#include "tst_graphcolumns.moc"
