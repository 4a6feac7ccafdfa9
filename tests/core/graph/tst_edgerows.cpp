// EdgeRows: the flat relation behind RevisionMap's normalized edges and its walks. Rows built in
// order (duplicates kept out where asked), empty rows, and the reverse relation.
#include "graph/EdgeRows.h"

#include <QTest>

#include <vector>

using namespace retort;

namespace {

std::vector<int> row(const EdgeRows &rows, int i)
{
    const std::span<const int> targets = rows.of(i);
    return {targets.begin(), targets.end()};
}

} // namespace

class tst_edgerows : public QObject
{
    Q_OBJECT
private slots:
    void rowsAsBuilt();
    void reversedListsSourcesInOrder();
    void gatherCopiesLists();
};

void tst_edgerows::rowsAsBuilt()
{
    EdgeRows rows;
    QCOMPARE(rows.rows(), 0);
    rows.add(2);
    rows.addUnique(3);
    rows.addUnique(2); // already in this row
    rows.endRow();
    rows.endRow(); // an empty row
    rows.addUnique(3); // only the open row counts: 3 in row 0 does not keep it out
    rows.endRow();
    QCOMPARE(rows.rows(), 3);
    QCOMPARE(row(rows, 0), (std::vector<int>{2, 3}));
    QVERIFY(rows.of(1).empty());
    QCOMPARE(row(rows, 2), (std::vector<int>{3}));
}

void tst_edgerows::reversedListsSourcesInOrder()
{
    // 0 <- 1, 0 <- 2, 1 <- 3, 2 <- 3 (a merge), 3 <- 4; rows are each revision's parents
    EdgeRows parents;
    for (const std::vector<int> &list : {std::vector<int>{}, {0}, {0}, {2, 1}, {3}}) {
        for (int p : list)
            parents.add(p);
        parents.endRow();
    }
    const EdgeRows children = parents.reversed();
    QCOMPARE(children.rows(), 5);
    QCOMPARE(row(children, 0), (std::vector<int>{1, 2}));
    QCOMPARE(row(children, 1), (std::vector<int>{3}));
    QCOMPARE(row(children, 2), (std::vector<int>{3}));
    QCOMPARE(row(children, 3), (std::vector<int>{4}));
    QVERIFY(children.of(4).empty());
    QCOMPARE(row(children.reversed(), 3), (std::vector<int>{1, 2})); // sources in increasing order
}

void tst_edgerows::gatherCopiesLists()
{
    struct Node
    {
        std::vector<int> next;
    };
    const std::vector<Node> nodes{{{1, 2}}, {{}}, {{1}}};
    const EdgeRows rows = EdgeRows::gather(nodes, &Node::next);
    QCOMPARE(rows.rows(), 3);
    QCOMPARE(row(rows, 0), (std::vector<int>{1, 2}));
    QVERIFY(rows.of(1).empty());
    QCOMPARE(row(rows, 2), (std::vector<int>{1}));
}

QTEST_GUILESS_MAIN(tst_edgerows)
#include "tst_edgerows.moc"
