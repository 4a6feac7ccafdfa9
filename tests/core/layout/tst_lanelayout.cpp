#include "LayoutAscii.h"

#include "layout/LaneLayout.h"

#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <limits>
#include <set>
#include <tuple>

using namespace retort;
using namespace Qt::StringLiterals;

// QVERIFY2 with a message built from QByteArray pieces.
#define VERIFY_MSG(cond, msg) QVERIFY2(cond, QByteArray(msg).constData())

namespace {

// "M:B,C B:A~X A:" : rows in display order; after ':' the parents, after '~' the dependencies,
// both by id. An id that names no row becomes an unknown (-1) index.
QList<LayoutNode> parseRows(const QString &spec)
{
    const QStringList tokens = spec.split(u' ', Qt::SkipEmptyParts);
    QHash<QString, int> index;
    QList<LayoutNode> nodes;
    struct Refs
    {
        QStringList parents, deps;
    };
    QList<Refs> refs;
    for (const QString &token : tokens) {
        QString rest = token;
        QStringList deps;
        const qsizetype tilde = rest.indexOf(u'~');
        if (tilde >= 0) {
            deps = rest.mid(tilde + 1).split(u',', Qt::SkipEmptyParts);
            rest.truncate(tilde);
        }
        const qsizetype colon = rest.indexOf(u':');
        const QString id = colon >= 0 ? rest.left(colon) : rest;
        const QStringList parents = colon >= 0 ? rest.mid(colon + 1).split(u',', Qt::SkipEmptyParts) : QStringList();
        index.insert(id, int(nodes.size()));
        nodes.append(LayoutNode{id, {}, {}});
        refs.append({parents, deps});
    }
    for (int i = 0; i < nodes.size(); ++i) {
        for (const QString &p : std::as_const(refs[i].parents))
            nodes[i].parents.append(index.value(p, -1));
        for (const QString &d : std::as_const(refs[i].deps))
            nodes[i].dependencies.append(index.value(d, -1));
    }
    return nodes;
}

// A random DAG in display order. Parents are mostly the next rows (long lines of history), with
// branches, merges of up to three parents, far skips, dependencies and some unknown parents.
QList<LayoutNode> randomRows(quint32 seed, int count, double mergeChance, double depChance, double farChance)
{
    QRandomGenerator rng(seed);
    QList<LayoutNode> nodes;
    nodes.reserve(count);
    auto pickBelow = [&](int row) {
        const int remaining = count - row - 1;
        const double roll = rng.generateDouble();
        int distance = 1;
        if (roll < farChance)
            distance = 1 + int(rng.bounded(remaining));
        else if (roll > 0.7)
            distance = 1 + int(rng.bounded(std::min(remaining, 12)));
        return row + distance;
    };
    for (int row = 0; row < count; ++row) {
        LayoutNode node{QString::number(row), {}, {}};
        const bool last = row == count - 1;
        if (!last && rng.generateDouble() > 0.04) {
            node.parents.append(pickBelow(row));
            if (rng.generateDouble() < mergeChance)
                node.parents.append(pickBelow(row));
            if (rng.generateDouble() < mergeChance / 4)
                node.parents.append(pickBelow(row));
        }
        if (!last && rng.generateDouble() < depChance)
            node.dependencies.append(pickBelow(row));
        const double broken = rng.generateDouble();
        if (broken < 0.01)
            node.parents.append(-1);
        else if (broken < 0.015)
            node.parents.append(row); // not below: must be reported, not followed
        else if (broken < 0.02)
            node.dependencies.append(count + 3);
        nodes.append(node);
    }
    return nodes;
}

struct Edge
{
    int child;
    int parent;
    EdgeKind kind;
    friend bool operator==(const Edge &, const Edge &) = default;
};

QList<Edge> validEdges(const QList<LayoutNode> &nodes, int *missingParents, int *missingDeps)
{
    QList<Edge> edges;
    for (int c = 0; c < nodes.size(); ++c) {
        const qsizetype firstOfChild = edges.size();
        auto take = [&](const QList<int> &targets, EdgeKind kind, int &missing) {
            for (int t : targets) {
                if (t <= c || t >= nodes.size()) {
                    ++missing;
                    continue;
                }
                const Edge e{c, t, kind};
                if (!edges.mid(firstOfChild).contains(e))
                    edges.append(e);
            }
        };
        take(nodes[c].parents, EdgeKind::Parent, missingParents[c]);
        take(nodes[c].dependencies, EdgeKind::Dependency, missingDeps[c]);
    }
    return edges;
}

bool isTop(const LaneSegment &s)
{
    return s.type != LaneSegment::Type::Starting;
}
bool isBottom(const LaneSegment &s)
{
    return s.type != LaneSegment::Type::Ending;
}

} // namespace

class TestLaneLayout : public QObject
{
    Q_OBJECT

private slots:
    void handDrawn_data();
    void handDrawn();
    void empty();
    void randomDags_data();
    void randomDags();
    void tenThousandRows();
};

void TestLaneLayout::handDrawn_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("expected"); // per row: "<lane>/<laneCount> <segment tokens>"

    QTest::newRow("linear") << u"C:B B:A A:"_s << QStringList{u"0/1 S0>0p@1"_s, u"0/1 E0>0p S0>0p@2"_s, u"0/1 E0>0p"_s};
    // Two heads on one parent: the second head opens lane 1 and joins lane 0 at once.
    QTest::newRow("branch") << u"B:A C:A A:"_s
                            << QStringList{u"0/1 S0>0p@2"_s, u"1/2 C0>0p@2 S1>0p@2"_s, u"0/1 E0>0p"_s};
    QTest::newRow("merge") << u"M:B,C B:A C:A A:"_s
                           << QStringList{u"0/2 S0>0p@1 S0>1p@2"_s, u"0/2 E0>0p C1>1p@2 S0>0p@3"_s,
                                          u"1/2 C0>0p@3 E1>1p S1>0p@3"_s, u"0/1 E0>0p"_s};
    QTest::newRow("two bases") << u"M:A,B A: B:"_s
                               << QStringList{u"0/2 S0>0p@1 S0>1p@2"_s, u"0/2 E0>0p C1>1p@2"_s, u"1/2 E1>1p"_s};
    QTest::newRow("criss-cross") << u"E:C,B D:B,C C:A B:A A:"_s
                                 << QStringList{u"0/2 S0>0p@2 S0>1p@3"_s, u"2/3 C0>0p@2 C1>1p@3 S2>1p@3 S2>0p@2"_s,
                                                u"0/2 E0>0p C1>1p@3 S0>0p@4"_s, u"1/2 E1>1p C0>0p@4 S1>0p@4"_s,
                                                u"0/1 E0>0p"_s};
    // D's second parent A is three rows down: its lane runs beside the line until A.
    QTest::newRow("long skip edge") << u"D:C,A C:B B:A A:"_s
                                    << QStringList{u"0/2 S0>0p@1 S0>1p@3"_s, u"0/2 E0>0p C1>1p@3 S0>0p@2"_s,
                                                   u"0/2 E0>0p C1>1p@3 S0>0p@3"_s, u"0/2 E0>0p E1>0p"_s};
    QTest::newRow("dependency edge") << u"C:B~A B:A A:"_s
                                     << QStringList{u"0/2 S0>0p@1 S0>1d@2"_s, u"0/2 E0>0p C1>1d@2 S0>0p@2"_s,
                                                    u"0/2 E0>0p E1>0d"_s};
    // A dependency leaves the node's lane alone even when nothing else would use it.
    QTest::newRow("dependency only") << u"B~A A:"_s << QStringList{u"0/2 S0>1d@1"_s, u"0/2 E1>0d"_s};
    QTest::newRow("parent and dependency on one row")
        << u"B:A~A A:"_s << QStringList{u"0/2 S0>0p@1 S0>1d@1"_s, u"0/2 E0>0p E1>0d"_s};
    QTest::newRow("missing second parent") << u"B:A,X A:"_s << QStringList{u"0/1 S0>0p@1 ?p1"_s, u"0/1 E0>0p"_s};
    QTest::newRow("missing only parent") << u"B:X A:"_s << QStringList{u"0/1 ?p1"_s, u"0/1"_s};
    QTest::newRow("missing dependency") << u"B:A~Y A:"_s << QStringList{u"0/1 S0>0p@1 ?d1"_s, u"0/1 E0>0p"_s};
    QTest::newRow("parent listed twice") << u"B:A,A A:"_s << QStringList{u"0/1 S0>0p@1"_s, u"0/1 E0>0p"_s};
    // Three branches off A: each later head reuses lane 1, freed by the one before.
    QTest::newRow("branch point with three children")
        << u"B:A C:A D:A A:"_s
        << QStringList{u"0/1 S0>0p@3"_s, u"1/2 C0>0p@3 S1>0p@3"_s, u"1/2 C0>0p@3 S1>0p@3"_s, u"0/1 E0>0p"_s};
    QTest::newRow("octopus merge") << u"M:A,B,C A:Z B:Z C:Z Z:"_s
                                   << QStringList{u"0/3 S0>0p@1 S0>1p@2 S0>2p@3"_s,
                                                  u"0/3 E0>0p C1>1p@2 C2>2p@3 S0>0p@4"_s,
                                                  u"1/3 C0>0p@4 E1>1p C2>2p@3 S1>0p@4"_s,
                                                  u"2/3 C0>0p@4 E2>2p S2>0p@4"_s, u"0/1 E0>0p"_s};
    // Lane 0 is freed at base C and reused by head D while lane 1 still runs to E.
    QTest::newRow("freed lane reused") << u"A:C B:E C: D:E E:"_s
                                       << QStringList{u"0/1 S0>0p@2"_s, u"1/2 C0>0p@2 S1>1p@4"_s,
                                                      u"0/2 E0>0p C1>1p@4"_s, u"0/2 C1>1p@4 S0>0p@4"_s,
                                                      u"0/2 E0>0p E1>0p"_s};
    QTest::newRow("isolated revisions") << u"A: B: C:"_s << QStringList{u"0/1"_s, u"0/1"_s, u"0/1"_s};
}

void TestLaneLayout::handDrawn()
{
    QFETCH(QString, spec);
    QFETCH(QStringList, expected);

    const QList<LayoutNode> nodes = parseRows(spec);
    QCOMPARE(nodes.size(), expected.size());
    const QList<LaneRow> rows = LaneLayout::compute(nodes);
    QCOMPARE(rows.size(), nodes.size());

    QStringList actualText, expectedText;
    for (int i = 0; i < rows.size(); ++i) {
        actualText.append(LayoutAscii::rowText(rows.at(i)));
        expectedText.append(LayoutAscii::normalizedRowText(expected.at(i)));
    }
    if (actualText != expectedText) {
        qWarning().noquote() << u"\nlayout:\n"_s + LayoutAscii::render(nodes, rows) + u"\nexpected:\n"
                + expectedText.join(u'\n');
    }
    QCOMPARE(actualText, expectedText);
}

void TestLaneLayout::empty()
{
    QVERIFY(LaneLayout::compute({}).isEmpty());
    QCOMPARE(LaneLayout::maxLaneCount({}), 0);
}

void TestLaneLayout::randomDags_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("mergeChance");
    QTest::addColumn<double>("depChance");
    QTest::addColumn<double>("farChance");

    const int sizes[] = {2, 7, 40, 300, 1000};
    const double merges[] = {0.0, 0.15, 0.5};
    quint32 seed = 1;
    for (int count : sizes) {
        for (double merge : merges) {
            for (int repeat = 0; repeat < 4; ++repeat, ++seed) {
                const double dep = repeat % 2 ? 0.1 : 0.0;
                const double far = repeat < 2 ? 0.02 : 0.1;
                QTest::addRow("n%d m%.2f d%.1f f%.2f seed%u", count, merge, dep, far, seed)
                    << seed << count << merge << dep << far;
            }
        }
    }
}

void TestLaneLayout::randomDags()
{
    QFETCH(quint32, seed);
    QFETCH(int, count);
    QFETCH(double, mergeChance);
    QFETCH(double, depChance);
    QFETCH(double, farChance);

    const QList<LayoutNode> nodes = randomRows(seed, count, mergeChance, depChance, farChance);
    const QList<LaneRow> rows = LaneLayout::compute(nodes);
    QCOMPARE(rows.size(), nodes.size());
    const auto picture = [&] {
        return count <= 60 ? QByteArray("\n" + LayoutAscii::render(nodes, rows).toUtf8()) : QByteArray();
    };

    QList<int> missingParents(count, 0), missingDeps(count, 0);
    const QList<Edge> edges = validEdges(nodes, missingParents.data(), missingDeps.data());

    // Row by row: sane lanes, no two things in one lane, and what leaves the bottom border of a
    // row is exactly what enters the top border of the next one.
    using Slot = std::tuple<int, int, int>; // lane, target row, kind
    QList<Slot> enteringNext;
    for (int r = 0; r < count; ++r) {
        const LaneRow &row = rows.at(r);
        const QByteArray where = "row " + QByteArray::number(r) + ": " + LayoutAscii::rowText(row).toUtf8();
        QCOMPARE(row.missingParents, missingParents.at(r));
        QCOMPARE(row.missingDependencies, missingDeps.at(r));
        VERIFY_MSG(row.lane >= 0 && row.lane < row.laneCount, where + picture());

        int highest = row.lane;
        QHash<int, Slot> top, bottom;
        QList<Slot> entering;
        for (const LaneSegment &s : row.segments) {
            highest = std::max({highest, s.fromLane, s.toLane});
            VERIFY_MSG(s.fromLane >= 0 && s.toLane >= 0, where);
            const Slot slot{0, s.targetRow, int(s.kind)};
            switch (s.type) {
            case LaneSegment::Type::Starting:
                VERIFY_MSG(s.fromLane == row.lane, where + picture());
                VERIFY_MSG(s.targetRow > r, where);
                break;
            case LaneSegment::Type::Ending:
                VERIFY_MSG(s.toLane == row.lane, where + picture());
                VERIFY_MSG(s.targetRow == r, where);
                break;
            case LaneSegment::Type::Continuing:
                VERIFY_MSG(s.targetRow > r, where);
                VERIFY_MSG(s.fromLane == s.toLane, where); // lanes never shift mid-edge
                VERIFY_MSG(s.fromLane != row.lane, where + picture()); // nothing runs through a node
                break;
            }
            if (isTop(s)) {
                VERIFY_MSG(!top.contains(s.fromLane), where + " top half shared" + picture());
                top.insert(s.fromLane, slot);
                entering.append({s.fromLane, s.targetRow, int(s.kind)});
            }
            if (isBottom(s)) {
                // Two segments may share a lane below the node only when they head for the same
                // row as the same kind of edge: they have joined.
                const auto it = bottom.constFind(s.toLane);
                VERIFY_MSG(it == bottom.constEnd() || *it == slot,
                           where + " bottom half shared by different edges" + picture());
                bottom.insert(s.toLane, slot);
            }
        }
        QCOMPARE(row.laneCount, highest + 1);

        std::sort(entering.begin(), entering.end());
        std::sort(enteringNext.begin(), enteringNext.end());
        VERIFY_MSG(entering == enteringNext, where + " does not continue the row above" + picture());
        enteringNext.clear();
        for (auto it = bottom.cbegin(); it != bottom.cend(); ++it)
            enteringNext.append({it.key(), std::get<1>(*it), std::get<2>(*it)});
    }
    QVERIFY(enteringNext.isEmpty());

    // Every edge: starts at its child, keeps one lane, ends in its parent's node.
    QList<QHash<int, Slot>> passing(count); // per row: lane -> what continues through it
    for (int r = 0; r < count; ++r) {
        for (const LaneSegment &s : rows.at(r).segments) {
            if (s.type == LaneSegment::Type::Continuing)
                passing[r].insert(s.fromLane, {s.toLane, s.targetRow, int(s.kind)});
        }
    }
    for (const Edge &e : edges) {
        const QByteArray what = "edge " + QByteArray::number(e.child) + "->" + QByteArray::number(e.parent);
        int lane = -1;
        for (const LaneSegment &s : rows.at(e.child).segments) {
            if (s.type == LaneSegment::Type::Starting && s.targetRow == e.parent && s.kind == e.kind)
                lane = s.toLane;
        }
        VERIFY_MSG(lane >= 0, what + " does not start" + picture());
        for (int r = e.child + 1; r < e.parent; ++r) {
            const Slot here = passing.at(r).value(lane, Slot{-1, -1, -1});
            VERIFY_MSG(std::get<1>(here) == e.parent && std::get<2>(here) == int(e.kind),
                       what + " broken at row " + QByteArray::number(r) + picture());
            lane = std::get<0>(here);
        }
        bool ends = false;
        for (const LaneSegment &s : rows.at(e.parent).segments) {
            ends = ends
                || (s.type == LaneSegment::Type::Ending && s.fromLane == lane && s.kind == e.kind
                    && s.toLane == rows.at(e.parent).lane);
        }
        VERIFY_MSG(ends, what + " does not end in its parent" + picture());
    }

    // No segment without an edge behind it.
    std::set<std::tuple<int, int, int>> startsOf;
    for (const Edge &e : edges)
        startsOf.insert({e.child, e.parent, int(e.kind)});
    for (int r = 0; r < count; ++r) {
        for (const LaneSegment &s : rows.at(r).segments) {
            if (s.type != LaneSegment::Type::Starting)
                continue;
            VERIFY_MSG(startsOf.count(std::tuple(r, s.targetRow, int(s.kind))) == 1,
                       "row " + QByteArray::number(r) + " starts an edge its node does not have");
        }
    }

    // Width: at most one lane more than the largest number of edges open across a row border
    // (the extra one for a node, or the node lane a dependency keeps clear).
    QList<int> open(count + 1, 0); // open[r]: edges with child <= r < parent
    for (const Edge &e : edges) {
        ++open[e.child];
        --open[e.parent];
    }
    int running = 0, maxOpen = 0;
    for (int r = 0; r < count; ++r) {
        running += open.at(r);
        maxOpen = std::max(maxOpen, running);
    }
    VERIFY_MSG(LaneLayout::maxLaneCount(rows) <= maxOpen + 1,
               QByteArray::number(LaneLayout::maxLaneCount(rows)) + " lanes for " + QByteArray::number(maxOpen)
                   + " open edges" + picture());
}

void TestLaneLayout::tenThousandRows()
{
    // A plausible long history: mostly lines, some branches and merges, rare long jumps.
    const QList<LayoutNode> nodes = randomRows(2026, 10000, 0.15, 0.05, 0.005);
    qint64 best = std::numeric_limits<qint64>::max();
    QList<LaneRow> rows;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        rows = LaneLayout::compute(nodes);
        best = std::min(best, timer.nsecsElapsed());
    }
    QCOMPARE(rows.size(), nodes.size());
    qInfo("10,000 rows laid out in %.2f ms (best of 3), %d lanes", double(best) / 1e6, LaneLayout::maxLaneCount(rows));
    // Reported, not asserted: speed is the benchmarks' business (tests/bench).
}

QTEST_GUILESS_MAIN(TestLaneLayout)
#include "tst_lanelayout.moc"
