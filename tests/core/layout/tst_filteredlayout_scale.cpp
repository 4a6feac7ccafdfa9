// The filtered lane layout at the scale of a long-lived project: 10,000 revisions.
#include "LaneChecks.h"
#include "layout/FilteredLayout.h"

#include <QTest>

#include <vector>

using namespace retort;
using namespace retort::test;
using namespace Qt::StringLiterals;

class TestFilteredLayoutScale : public QObject
{
    Q_OBJECT

private slots:
    void filteredLayoutOfTenThousandRows_data();
    void filteredLayoutOfTenThousandRows();
};

void TestFilteredLayoutScale::filteredLayoutOfTenThousandRows_data()
{
    QTest::addColumn<int>("every"); // one row in `every` stays visible
    QTest::newRow("a third of the rows") << 3;
    QTest::newRow("one row in a hundred") << 100;
    QTest::newRow("one row in five thousand") << 5000;
}

// Recomputed per keystroke: QBENCHMARK reports the time (measured, not asserted); the layout
// must hold together at this size too.
void TestFilteredLayoutScale::filteredLayoutOfTenThousandRows()
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
    QBENCHMARK
    {
        layout = FilteredLayout::compute(nodes, visible);
    }
    QCOMPARE(layout.rows.size(), qsizetype(visible.size()));
    verifyLanesConnect(layout.rows, layout.skipping);
    // A chain with hidden rows between every visible pair: each row but the last has an edge on.
    for (int r = 0; r + 1 < layout.rows.size(); ++r)
        QVERIFY(!startedEdges(layout.rows.at(r), layout.skipping.at(r)).isEmpty());
}

QTEST_GUILESS_MAIN(TestFilteredLayoutScale)
#include "tst_filteredlayout_scale.moc"
