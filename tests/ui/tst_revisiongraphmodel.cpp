// The revision graph model over real projects: history order, lanes for a branch, the applied
// state following the database, the filter, the filtered layout (edges through hidden rows) and
// the problems list.
#include "TestProject.h"
#include "graph/ProblemListModel.h"
#include "graph/RevisionFilterProxy.h"
#include "graph/RevisionGraphModel.h"
#include "layout/FilteredLayout.h"
#include "run/MigrationController.h"

#include "../core/layout/LaneChecks.h"
#include "layout/LaneLayout.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTest>

using namespace retort;
using namespace retort::ui;
using namespace retort::test;
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
    void filteredRowsKeepEdgesToVisibleRows_data();
    void filteredRowsKeepEdgesToVisibleRows();
    void filteredLayoutFollowsFilterChanges();
    void problemsNameFileAndLine();
    void problemSourcesReplaceOnlyTheirOwn();

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
    const QStringList files =
        QDir(demoDirectory() + QStringLiteral("/versions")).entryList({QStringLiteral("*.sql")}, QDir::Files);
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
    const auto laneRow = [&](int row) {
        return model.index(row, 0).data(RevisionGraphModel::LaneRowRole).value<LaneRow>();
    };
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
            : row > last - applied + 1                  ? RevisionGraphModel::State::Applied
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
    QTest::newRow("label only") << QStringLiteral("billing")
                                << QStringList{QStringLiteral("2e4a6c8e0f4a"), QStringLiteral("5f7b9d1c3e96")};
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
    QCOMPARE(
        startedEdges(rowAt(0), proxy.index(0, 0).data(RevisionGraphModel::SkippingSegmentsRole).value<QList<bool>>()),
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

void TestRevisionGraphModel::problemsNameFileAndLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeProject(dir.path(),
                 {{QStringLiteral("aaaa00000001"), QString(), QStringLiteral("SELECT 1;")},
                  {QStringLiteral("bbbb00000002"), QStringLiteral("ffff00000009"), QStringLiteral("SELECT 2;")}});
    const auto snapshot = ProjectSnapshot::load(dir.path(), dir.path());
    QVERIFY(!snapshot->problems().isEmpty());
    ProblemListModel problems;
    problems.setProjectProblems(snapshot->problems());
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

void TestRevisionGraphModel::problemSourcesReplaceOnlyTheirOwn()
{
    const auto problem = [](const QString &kind) {
        return Problem::make(Problem::Severity::Error, kind, QStringLiteral("v.sql"), 1, kind);
    };
    const auto kinds = [](const ProblemListModel &model) {
        QStringList names;
        for (const Problem &each : model.problems())
            names.append(each.kind);
        return names;
    };
    ProblemListModel problems;
    problems.setProjectProblems({problem(QStringLiteral("File"))});
    problems.setProblems(ProblemListModel::Source::Verification, {problem(QStringLiteral("Downgrade"))});
    // A replay that finishes after a verification keeps the verification's rows.
    problems.setProblems(ProblemListModel::Source::Replay, {problem(QStringLiteral("ReplayFailed"))});
    QCOMPARE(kinds(problems), (QStringList{u"File"_s, u"ReplayFailed"_s, u"Downgrade"_s}));
    problems.setProblems(ProblemListModel::Source::Verification, {});
    QCOMPARE(kinds(problems), (QStringList{u"File"_s, u"ReplayFailed"_s}));
    QCOMPARE(problems.rowCount(), 2);
    // A project loaded again starts over.
    problems.setProjectProblems({});
    QCOMPARE(problems.rowCount(), 0);
}

QTEST_MAIN(TestRevisionGraphModel)
#include "tst_revisiongraphmodel.moc"
