// The filtered lane layout: the visible rows of a revision graph laid out as a graph of their
// own, each joined to its nearest visible ancestors, edges through hidden rows marked.
#include "LaneChecks.h"
#include "layout/FilteredLayout.h"
#include "layout/LaneLayout.h"

#include <QTest>

using namespace retort;
using namespace retort::test;
using namespace Qt::StringLiterals;

class TestFilteredLayout : public QObject
{
    Q_OBJECT

private slots:
    void filteredLayoutJoinsNearestVisibleAncestors_data();
    void filteredLayoutJoinsNearestVisibleAncestors();
};

void TestFilteredLayout::filteredLayoutJoinsNearestVisibleAncestors_data()
{
    QTest::addColumn<RowEdges>("parents");
    QTest::addColumn<RowEdges>("dependencies");
    QTest::addColumn<QList<int>>("visible");
    QTest::addColumn<EdgeTexts>("expected");
    const RowEdges chain = {{1}, {2}, {3}, {}};
    QTest::newRow("chain, all visible") << chain << RowEdges{} << QList<int>{0, 1, 2, 3}
                                        << EdgeTexts{{u"1"_s}, {u"2"_s}, {u"3"_s}, {}};
    QTest::newRow("chain, hidden middle")
        << chain << RowEdges{} << QList<int>{0, 2, 3} << EdgeTexts{{u"1~"_s}, {u"2"_s}, {}};
    QTest::newRow("chain, only the ends") << chain << RowEdges{} << QList<int>{0, 3} << EdgeTexts{{u"1~"_s}, {}};
    QTest::newRow("chain, hidden head and base") << chain << RowEdges{} << QList<int>{1, 2} << EdgeTexts{{u"1"_s}, {}};
    // 0 merges 1 and 2, which both come from 3.
    const RowEdges diamond = {{1, 2}, {3}, {3}, {}};
    QTest::newRow("merge, one parent hidden")
        << diamond << RowEdges{} << QList<int>{0, 1, 3} << EdgeTexts{{u"1"_s, u"2~"_s}, {u"2"_s}, {}};
    QTest::newRow("merge, both parents hidden")
        << diamond << RowEdges{} << QList<int>{0, 3} << EdgeTexts{{u"1~"_s}, {}};
    // 0 merges 1 and 3; 1 (hidden) reaches 3 too: the direct edge wins, drawn once.
    QTest::newRow("direct edge wins over a skipping one")
        << RowEdges{{1, 3}, {2}, {3}, {}} << RowEdges{} << QList<int>{0, 3} << EdgeTexts{{u"1"_s}, {}};
    // Two heads over a hidden branch point: both reach the base through it.
    QTest::newRow("hidden branch point") << RowEdges{{2}, {2}, {3}, {}} << RowEdges{} << QList<int>{0, 1, 3}
                                         << EdgeTexts{{u"2~"_s}, {u"2~"_s}, {}};
    // A hidden merge: its child reaches both of its parents.
    QTest::newRow("hidden merge") << RowEdges{{1}, {2, 3}, {4}, {4}, {}} << RowEdges{} << QList<int>{0, 2, 3, 4}
                                  << EdgeTexts{{u"1~"_s, u"2~"_s}, {u"3"_s}, {u"3"_s}, {}};
    // depends_on a hidden revision leads to that revision's nearest visible ancestor.
    QTest::newRow("dependency through a hidden revision")
        << RowEdges{{1}, {3}, {3}, {}} << RowEdges{{2}} << QList<int>{0, 1, 3}
        << EdgeTexts{{u"1"_s, u"d2~"_s}, {u"2"_s}, {}};
    QTest::newRow("nothing visible") << chain << RowEdges{} << QList<int>{} << EdgeTexts{};
}

void TestFilteredLayout::filteredLayoutJoinsNearestVisibleAncestors()
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

QTEST_GUILESS_MAIN(TestFilteredLayout)
#include "tst_filteredlayout.moc"
