// The revision graph model over real projects: history order, lanes for a branch, the applied
// state following the database, the filter, the filtered layout (edges through hidden rows) and
// the problems list.
#include "TestProject.h"
#include "layout/FilteredLayout.h"
#include "graph/ProblemListModel.h"
#include "graph/RevisionFilterProxy.h"
#include "graph/RevisionGraphModel.h"
#include "run/MigrationController.h"

#include "layout/LaneLayout.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QtTest>

using namespace retort;
using namespace retort::ui;
using namespace Qt::StringLiterals;

class TestRevisionGraphModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void demoHasOneRowPerRevisionFile();
    void parentsLieBelowTheirChildren();
    void branchOpensASecondLane();
    void appliedStateFollowsTheDatabase_data();
    void appliedStateFollowsTheDatabase();
    void filterMatchesIdPrefixMessageAndLabel_data();
    void filterMatchesIdPrefixMessageAndLabel();
    void filteredLayoutJoinsNearestVisibleAncestors_data();
    void filteredLayoutJoinsNearestVisibleAncestors();
    void filteredRowsKeepEdgesToVisibleRows_data();
    void filteredRowsKeepEdgesToVisibleRows();
    void filteredLayoutFollowsFilterChanges();
    void filteredLayoutOfTenThousandRows_data();
    void filteredLayoutOfTenThousandRows();
    void problemsNameFileAndLine();

private:
    std::shared_ptr<const ProjectSnapshot> m_demo;
};

void TestRevisionGraphModel::initTestCase()
{
    m_demo = ProjectSnapshot::load(demoDirectory(), QDir::currentPath());
    QVERIFY(!m_demo->blockingError());
}

void TestRevisionGraphModel::demoHasOneRowPerRevisionFile()
{
    RevisionGraphModel model;
    model.setSnapshot(m_demo);
    const QStringList files = QDir(demoDirectory() + QStringLiteral("/versions"))
                                  .entryList({QStringLiteral("*.sql")}, QDir::Files);
    QCOMPARE(files.size(), 13);
    QCOMPARE(model.rowCount(), 13);
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(RevisionGraphModel::RevisionIdRole).toString());
    for (const QString &file : files)
        QVERIFY2(ids.contains(file.section(QLatin1Char('_'), 0, 0)), qPrintable(file));
    QCOMPARE(model.columnCount(), int(RevisionGraphModel::ColumnCount));
}

void TestRevisionGraphModel::parentsLieBelowTheirChildren()
{
    RevisionGraphModel model;
    model.setSnapshot(m_demo);
    const RevisionMap &map = m_demo->map();
    for (int row = 0; row < model.rowCount(); ++row) {
        const int revIndex = model.revisionIndex(row);
        for (int parent : map.downRevisions(revIndex))
            QVERIFY(model.rowOfRevision(map.id(parent)) > row);
    }
    // Newest first: the head is the first row, the base the last.
    QVERIFY(model.index(0, 0).data(RevisionGraphModel::IsHeadRole).toBool());
    QVERIFY(model.index(model.rowCount() - 1, 0).data(RevisionGraphModel::IsBaseRole).toBool());
}

void TestRevisionGraphModel::branchOpensASecondLane()
{
    RevisionGraphModel model;
    model.setSnapshot(m_demo);
    QCOMPARE(model.maxLaneCount(), 2);
    int mergeRow = -1;
    int branchRow = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(RevisionGraphModel::IsMergePointRole).toBool())
            mergeRow = row;
        if (model.index(row, 0).data(RevisionGraphModel::IsBranchPointRole).toBool())
            branchRow = row;
    }
    QVERIFY(mergeRow >= 0);
    QVERIFY(branchRow > mergeRow);
    const auto laneRow = [&](int row) { return model.index(row, 0).data(RevisionGraphModel::LaneRowRole).value<LaneRow>(); };
    // Between the branch point and the merge both branches are drawn side by side...
    QSet<int> lanesBetween;
    for (int row = mergeRow + 1; row < branchRow; ++row) {
        QCOMPARE(laneRow(row).laneCount, 2);
        lanesBetween.insert(laneRow(row).lane);
    }
    QCOMPARE(lanesBetween.size(), 2);
    // ...and the merge's two parents are in different lanes.
    const RevisionMap &map = m_demo->map();
    const RevIndexes parents = map.downRevisions(model.revisionIndex(mergeRow));
    QCOMPARE(int(parents.size()), 2);
    QVERIFY(laneRow(model.rowOfRevision(map.id(parents[0]))).lane
            != laneRow(model.rowOfRevision(map.id(parents[1]))).lane);
    // Above the merge and below the branch point the history is one line again.
    for (int row = 0; row < mergeRow; ++row)
        QCOMPARE(laneRow(row).laneCount, 1);
    for (int row = branchRow + 1; row < model.rowCount(); ++row)
        QCOMPARE(laneRow(row).laneCount, 1);
}

void TestRevisionGraphModel::appliedStateFollowsTheDatabase_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("applied"); // rows applied or current, counted from the base
    QTest::newRow("one step") << QStringLiteral("+1") << 1;
    QTest::newRow("three steps") << QStringLiteral("+3") << 3;
}

void TestRevisionGraphModel::appliedStateFollowsTheDatabase()
{
    QFETCH(QString, target);
    QFETCH(int, applied);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    RevisionGraphModel model;
    model.setSnapshot(m_demo);
    MigrationController controller;
    controller.setConfirmer([](const PlanReview &) { return true; });
    connect(&controller, &MigrationController::stateRead, &model,
            [&](const CurrentState &state) { model.setDatabaseHeads(state.heads); });
    QSignalSpy finished(&controller, &MigrationController::runFinished);
    controller.open(m_demo, sqliteUrl(dir), QDir::currentPath());
    QTRY_VERIFY(model.hasDatabaseState());
    QCOMPARE(model.pendingCount(), 13);

    controller.request(MigrationRequest::upgrade(target));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    const auto outcome = finished.first().first().value<RunOutcome>();
    QVERIFY2(outcome.ok(), outcome.error ? qPrintable(outcome.error->toString()) : "cancelled");
    QTRY_COMPARE(model.pendingCount(), 13 - applied);

    const int last = model.rowCount() - 1;
    for (int row = 0; row <= last; ++row) {
        const auto expected = row == last - applied + 1 ? RevisionGraphModel::State::Current
                              : row > last - applied + 1 ? RevisionGraphModel::State::Applied
                                                         : RevisionGraphModel::State::Pending;
        QCOMPARE(model.state(row), expected);
    }
    QCOMPARE(model.databaseHeads(), outcome.headsAfter);
}

void TestRevisionGraphModel::filterMatchesIdPrefixMessageAndLabel_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("id prefix") << QStringLiteral("2e4a") << QStringList{QStringLiteral("2e4a6c8e0f4a")};
    QTest::newRow("id middle does not match") << QStringLiteral("6c8e0f4a") << QStringList{};
    QTest::newRow("message, any case") << QStringLiteral("MERGE BILLING")
                                       << QStringList{QStringLiteral("2e4a6c8e0f4a")};
    QTest::newRow("label") << QStringLiteral("reporting")
                           << QStringList{QStringLiteral("2e4a6c8e0f4a"), QStringLiteral("6b8d0f2a4c28")};
    QTest::newRow("label only") << QStringLiteral("billing") << QStringList{QStringLiteral("2e4a6c8e0f4a"),
                                                                            QStringLiteral("5f7b9d1c3e96")};
}

void TestRevisionGraphModel::filterMatchesIdPrefixMessageAndLabel()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    RevisionGraphModel model;
    model.setSnapshot(m_demo);
    RevisionFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterText(text);
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.append(proxy.index(row, 0).data(RevisionGraphModel::RevisionIdRole).toString());
    QCOMPARE(ids, expected);
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), model.rowCount());
}

// A graph written as rows (newest first): each row's parents, and its dependencies, as row indices.
using RowEdges = QList<QList<int>>;
// Per visible row, its edges in the filtered layout: "target" or "target~" (passes hidden rows),
// with a "d" prefix for a depends_on edge; sorted.
using EdgeTexts = QList<QStringList>;

namespace {

QList<LayoutNode> layoutNodes(const RowEdges &parents, const RowEdges &dependencies)
{
    QList<LayoutNode> nodes;
    for (int row = 0; row < parents.size(); ++row) {
        LayoutNode node;
        node.id = QString::number(row);
        node.parents = parents.at(row);
        node.dependencies = dependencies.value(row);
        nodes.append(node);
    }
    return nodes;
}

// The edges a row's node starts, as the test data writes them.
QStringList startedEdges(const LaneRow &row, const QList<bool> &skipping)
{
    QStringList edges;
    for (qsizetype i = 0; i < row.segments.size(); ++i) {
        const LaneSegment &s = row.segments.at(i);
        if (s.type != LaneSegment::Type::Starting)
            continue;
        edges.append((s.kind == EdgeKind::Dependency ? QStringLiteral("d") : QString()) + QString::number(s.targetRow)
                     + (skipping.value(i) ? QStringLiteral("~") : QString()));
    }
    edges.sort();
    return edges;
}

// Every segment leads to a visible row below; what leaves a row's bottom border arrives at the
// next row's top border in the same lane; an edge ends only in its target's node.
void verifyLanesConnect(const QList<LaneRow> &rows, const QList<QList<bool>> &skipping)
{
    QCOMPARE(skipping.size(), rows.size());
    for (int r = 0; r < rows.size(); ++r) {
        const LaneRow &row = rows.at(r);
        QCOMPARE(skipping.at(r).size(), row.segments.size());
        for (const LaneSegment &s : row.segments) {
            QVERIFY2(s.targetRow >= r && s.targetRow < rows.size(), qPrintable(QString::number(r)));
            if (s.type == LaneSegment::Type::Ending) {
                QCOMPARE(s.targetRow, r);
                QCOMPARE(s.toLane, row.lane);
                continue;
            }
            QVERIFY(s.targetRow > r);
            // The bottom end continues (or ends) in the next row, same lane, same target.
            const LaneRow &next = rows.at(r + 1);
            const bool continues = std::any_of(next.segments.cbegin(), next.segments.cend(), [&](const LaneSegment &o) {
                return o.type != LaneSegment::Type::Starting && o.fromLane == s.toLane && o.targetRow == s.targetRow
                       && o.kind == s.kind;
            });
            QVERIFY2(continues, qPrintable(QStringLiteral("row %1 lane %2").arg(r).arg(s.toLane)));
        }
    }
}

} // namespace

void TestRevisionGraphModel::filteredLayoutJoinsNearestVisibleAncestors_data()
{
    QTest::addColumn<RowEdges>("parents");
    QTest::addColumn<RowEdges>("dependencies");
    QTest::addColumn<QList<int>>("visible");
    QTest::addColumn<EdgeTexts>("expected");
    const RowEdges chain = {{1}, {2}, {3}, {}};
    QTest::newRow("chain, all visible") << chain << RowEdges{} << QList<int>{0, 1, 2, 3}
                                        << EdgeTexts{{u"1"_s}, {u"2"_s}, {u"3"_s}, {}};
    QTest::newRow("chain, hidden middle") << chain << RowEdges{} << QList<int>{0, 2, 3}
                                          << EdgeTexts{{u"1~"_s}, {u"2"_s}, {}};
    QTest::newRow("chain, only the ends") << chain << RowEdges{} << QList<int>{0, 3}
                                          << EdgeTexts{{u"1~"_s}, {}};
    QTest::newRow("chain, hidden head and base") << chain << RowEdges{} << QList<int>{1, 2}
                                                 << EdgeTexts{{u"1"_s}, {}};
    // 0 merges 1 and 2, which both come from 3.
    const RowEdges diamond = {{1, 2}, {3}, {3}, {}};
    QTest::newRow("merge, one parent hidden") << diamond << RowEdges{} << QList<int>{0, 1, 3}
                                              << EdgeTexts{{u"1"_s, u"2~"_s}, {u"2"_s}, {}};
    QTest::newRow("merge, both parents hidden") << diamond << RowEdges{} << QList<int>{0, 3}
                                                << EdgeTexts{{u"1~"_s}, {}};
    // 0 merges 1 and 3; 1 (hidden) reaches 3 too: the direct edge wins, drawn once.
    QTest::newRow("direct edge wins over a skipping one")
        << RowEdges{{1, 3}, {2}, {3}, {}} << RowEdges{} << QList<int>{0, 3} << EdgeTexts{{u"1"_s}, {}};
    // Two heads over a hidden branch point: both reach the base through it.
    QTest::newRow("hidden branch point")
        << RowEdges{{2}, {2}, {3}, {}} << RowEdges{} << QList<int>{0, 1, 3}
        << EdgeTexts{{u"2~"_s}, {u"2~"_s}, {}};
    // A hidden merge: its child reaches both of its parents.
    QTest::newRow("hidden merge")
        << RowEdges{{1}, {2, 3}, {4}, {4}, {}} << RowEdges{} << QList<int>{0, 2, 3, 4}
        << EdgeTexts{{u"1~"_s, u"2~"_s}, {u"3"_s}, {u"3"_s}, {}};
    // depends_on a hidden revision leads to that revision's nearest visible ancestor.
    QTest::newRow("dependency through a hidden revision")
        << RowEdges{{1}, {3}, {3}, {}} << RowEdges{{2}} << QList<int>{0, 1, 3}
        << EdgeTexts{{u"1"_s, u"d2~"_s}, {u"2"_s}, {}};
    QTest::newRow("nothing visible") << chain << RowEdges{} << QList<int>{} << EdgeTexts{};
}

void TestRevisionGraphModel::filteredLayoutJoinsNearestVisibleAncestors()
{
    QFETCH(RowEdges, parents);
    QFETCH(RowEdges, dependencies);
    QFETCH(QList<int>, visible);
    QFETCH(EdgeTexts, expected);
    const FilteredLayout layout =
        FilteredLayout::compute(layoutNodes(parents, dependencies), std::vector<int>(visible.cbegin(), visible.cend()));
    QCOMPARE(layout.rows.size(), visible.size());
    EdgeTexts edges;
    for (int r = 0; r < layout.rows.size(); ++r)
        edges.append(startedEdges(layout.rows.at(r), layout.skipping.at(r)));
    QCOMPARE(edges, expected);
    verifyLanesConnect(layout.rows, layout.skipping);
    QCOMPARE(layout.maxLaneCount, LaneLayout::maxLaneCount(layout.rows));
}

void TestRevisionGraphModel::filteredRowsKeepEdgesToVisibleRows_data()
{
    QTest::addColumn<QString>("text");
    // Filters over the demo that hide merges, branch points, heads and bases in turn.
    QTest::newRow("labels") << u"reporting"_s;
    QTest::newRow("one letter") << u"a"_s;
    QTest::newRow("id prefix digit") << u"5"_s;
    QTest::newRow("words") << u"add"_s;
    QTest::newRow("table") << u"table"_s;
    QTest::newRow("every row") << u" "_s; // trims to nothing: no filter, the full layout
}

void TestRevisionGraphModel::filteredRowsKeepEdgesToVisibleRows()
{
    QFETCH(QString, text);
    RevisionGraphModel model;
    model.setSnapshot(m_demo);
    RevisionFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterText(text);

    QList<LaneRow> rows;
    QList<QList<bool>> skipping;
    QSet<QString> visibleIds;
    for (int r = 0; r < proxy.rowCount(); ++r) {
        const QModelIndex index = proxy.index(r, 0);
        rows.append(index.data(RevisionGraphModel::LaneRowRole).value<LaneRow>());
        const QVariant flags = index.data(RevisionGraphModel::SkippingSegmentsRole);
        QCOMPARE(flags.isValid(), proxy.isFiltering());
        skipping.append(flags.isValid() ? flags.value<QList<bool>>() : QList<bool>(rows.last().segments.size(), false));
        visibleIds.insert(index.data(RevisionGraphModel::RevisionIdRole).toString());
    }
    verifyLanesConnect(rows, skipping);
    if (proxy.isFiltering())
        QCOMPARE(proxy.maxLaneCount(), LaneLayout::maxLaneCount(rows));

    // Each visible revision's parent edges lead exactly to its nearest visible ancestors: found
    // here by walking down_revisions in the revision map, stopping at visible revisions.
    const RevisionMap &map = m_demo->map();
    for (int r = 0; r < proxy.rowCount(); ++r) {
        const QModelIndex index = proxy.index(r, 0);
        QSet<QString> nearest;
        QSet<QString> direct;
        QList<RevIndex> stack;
        for (RevIndex p : map.downRevisions(index.data(RevisionGraphModel::RevisionIndexRole).toInt())) {
            stack.append(p);
            direct.insert(map.id(p));
        }
        QSet<RevIndex> seen;
        while (!stack.isEmpty()) {
            const RevIndex i = stack.takeLast();
            if (seen.contains(i))
                continue;
            seen.insert(i);
            if (visibleIds.contains(map.id(i))) {
                nearest.insert(map.id(i));
                continue;
            }
            for (RevIndex p : map.downRevisions(i))
                stack.append(p);
        }
        QSet<QString> drawn;
        for (qsizetype i = 0; i < rows.at(r).segments.size(); ++i) {
            const LaneSegment &s = rows.at(r).segments.at(i);
            if (s.type != LaneSegment::Type::Starting || s.kind != EdgeKind::Parent)
                continue;
            const QString target = proxy.index(s.targetRow, 0).data(RevisionGraphModel::RevisionIdRole).toString();
            drawn.insert(target);
            QCOMPARE(skipping.at(r).at(i), !direct.contains(target));
        }
        QCOMPARE(drawn, nearest);
    }
}

void TestRevisionGraphModel::filteredLayoutFollowsFilterChanges()
{
    RevisionGraphModel model;
    model.setSnapshot(m_demo);
    RevisionFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterText(u"reporting"_s);
    QCOMPARE(proxy.rowCount(), 2);
    const auto rowAt = [&](int r) { return proxy.index(r, 0).data(RevisionGraphModel::LaneRowRole).value<LaneRow>(); };
    // The two labelled revisions, one an ancestor of the other: one edge, through hidden rows.
    QCOMPARE(startedEdges(rowAt(0), proxy.index(0, 0).data(RevisionGraphModel::SkippingSegmentsRole).value<QList<bool>>()),
             QStringList{u"1~"_s});
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), model.rowCount());
    QVERIFY(!proxy.index(0, 0).data(RevisionGraphModel::SkippingSegmentsRole).isValid());
    for (int r = 0; r < proxy.rowCount(); ++r)
        QCOMPARE(rowAt(r), model.index(r, 0).data(RevisionGraphModel::LaneRowRole).value<LaneRow>());
    // A new snapshot drops the old filtered layout.
    proxy.setFilterText(u"reporting"_s);
    QCOMPARE(rowAt(0).segments.isEmpty(), false);
    model.setSnapshot(ProjectSnapshot::load(demoDirectory(), QDir::currentPath()));
    QCOMPARE(proxy.rowCount(), 2);
    QCOMPARE(rowAt(1).segments.size(), 1); // the edge ending in the older one
}

void TestRevisionGraphModel::filteredLayoutOfTenThousandRows_data()
{
    QTest::addColumn<int>("every"); // one row in `every` stays visible
    QTest::newRow("a third of the rows") << 3;
    QTest::newRow("one row in a hundred") << 100;
    QTest::newRow("one row in five thousand") << 5000;
}

// Recomputed per keystroke: QBENCHMARK reports the time (measured, not asserted); the layout
// must hold together at this size too.
void TestRevisionGraphModel::filteredLayoutOfTenThousandRows()
{
    QFETCH(int, every);
    const int n = 10000;
    RowEdges parents(n);
    RowEdges dependencies(n);
    for (int row = 0; row + 1 < n; ++row) {
        parents[row].append(row + 1);
        if (row % 7 == 0 && row + 5 < n)
            parents[row].append(row + 5); // a merge of a short branch
        if (row % 13 == 0 && row + 20 < n)
            dependencies[row].append(row + 20);
    }
    const QList<LayoutNode> nodes = layoutNodes(parents, dependencies);
    std::vector<int> visible;
    for (int row = 0; row < n; row += every)
        visible.push_back(row);
    FilteredLayout layout;
    QBENCHMARK {
        layout = FilteredLayout::compute(nodes, visible);
    }
    QCOMPARE(layout.rows.size(), qsizetype(visible.size()));
    verifyLanesConnect(layout.rows, layout.skipping);
    // A chain with hidden rows between every visible pair: each row but the last has an edge on.
    for (int r = 0; r + 1 < layout.rows.size(); ++r)
        QVERIFY(!startedEdges(layout.rows.at(r), layout.skipping.at(r)).isEmpty());
}

void TestRevisionGraphModel::problemsNameFileAndLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeProject(dir.path(), {{QStringLiteral("aaaa00000001"), QString(), QStringLiteral("SELECT 1;")},
                              {QStringLiteral("bbbb00000002"), QStringLiteral("ffff00000009"), QStringLiteral("SELECT 2;")}});
    const auto snapshot = ProjectSnapshot::load(dir.path(), dir.path());
    QVERIFY(!snapshot->problems().isEmpty());
    ProblemListModel problems;
    problems.setProblems(snapshot->problems());
    QCOMPARE(problems.rowCount(), int(snapshot->problems().size()));
    bool namesMissingParent = false;
    for (int row = 0; row < problems.rowCount(); ++row) {
        const QModelIndex index = problems.index(row);
        QVERIFY(index.data().toString().contains(index.data(ProblemListModel::PathRole).toString()));
        if (index.data(ProblemListModel::RevisionRole).toString() == QLatin1String("bbbb00000002"))
            namesMissingParent = index.data().toString().contains(QLatin1String("ffff00000009"));
    }
    QVERIFY(namesMissingParent);
}

QTEST_MAIN(TestRevisionGraphModel)
#include "tst_revisiongraphmodel.moc"
