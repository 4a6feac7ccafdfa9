// Hand-written cases for RevisionMap building, with expectations taken from Alembic's documented
// behaviour (heads in load order, label propagation, problems kept as values).
#include "graph/History.h"
#include "graph/Planner.h"
#include "graph/RevisionMap.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace retort;

namespace {

// "id:down1,down2:labels:deps" per revision, in load order.
Revisions parse(const QStringList &specs)
{
    Revisions out;
    for (const QString &spec : specs) {
        const QStringList parts = spec.split(u':');
        Revision r;
        r.id = parts.value(0);
        r.downRevisions = parts.value(1).split(u',', Qt::SkipEmptyParts);
        r.branchLabels = parts.value(2).split(u',', Qt::SkipEmptyParts);
        r.dependsOn = parts.value(3).split(u',', Qt::SkipEmptyParts);
        out.append(r);
    }
    return out;
}

} // namespace

class tst_revisionmap : public QObject
{
    Q_OBJECT
private slots:
    void heads_data();
    void heads();
    void firstError_data();
    void firstError();
    void labels();
    void missingParentIsNotACycle();
    void duplicateTakesTheFirstPlace();
    void emptyIdIsLeftOut();
    void selfLoopIsNoEdge();
    void largeGraph();
    void sortTableAgreesWithWalk();
};

void tst_revisionmap::heads_data()
{
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QStringList>("heads");
    QTest::addColumn<QStringList>("realHeads");
    QTest::addColumn<QStringList>("bases");
    QTest::newRow("linear") << QStringList{u"a1"_qs, u"b2:a1"_qs} << QStringList{u"b2"_qs} << QStringList{u"b2"_qs}
                            << QStringList{u"a1"_qs};
    QTest::newRow("load order, not graph order")
        << QStringList{u"c3:a1"_qs, u"a1"_qs, u"b2:a1"_qs} << QStringList{u"c3"_qs, u"b2"_qs}
        << QStringList{u"c3"_qs, u"b2"_qs} << QStringList{u"a1"_qs};
    QTest::newRow("dependency makes an effective head")
        << QStringList{u"a1"_qs, u"x1"_qs, u"b2:a1::x1"_qs} << QStringList{u"x1"_qs, u"b2"_qs} << QStringList{u"b2"_qs}
        << QStringList{u"a1"_qs, u"x1"_qs};
    QTest::newRow("merge") << QStringList{u"a1"_qs, u"b2:a1"_qs, u"c3:a1"_qs, u"m4:b2,c3"_qs} << QStringList{u"m4"_qs}
                           << QStringList{u"m4"_qs} << QStringList{u"a1"_qs};
}

void tst_revisionmap::heads()
{
    QFETCH(QStringList, specs);
    const auto built = RevisionMap::build(parse(specs));
    QVERIFY(!built.firstError);
    QTEST(built.map->ids(built.map->heads()), "heads");
    QTEST(built.map->ids(built.map->realHeads()), "realHeads");
    QTEST(built.map->ids(built.map->bases()), "bases");
}

void tst_revisionmap::firstError_data()
{
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("self loop") << QStringList{u"a1:a1"_qs} << u"LoopDetected"_qs
                               << u"Self-loop is detected in revisions (a1)"_qs;
    QTest::newRow("dependency self loop") << QStringList{u"a1:::a1"_qs} << u"DependencyLoopDetected"_qs
                                          << u"Dependency self-loop is detected in revisions (a1)"_qs;
    QTest::newRow("illegal characters") << QStringList{u"a-b@c"_qs} << u"RevisionError"_qs
                                        << u"Character(s) '-, @' not allowed in revision identifier 'a-b@c'"_qs;
    QTest::newRow("cycle, no head left") << QStringList{u"a1"_qs, u"b2:a1,c3"_qs, u"c3:b2"_qs} << u"CycleDetected"_qs
                                         << u"Cycle is detected in revisions (a1, b2, c3)"_qs;
    QTest::newRow("cycle beside a head") << QStringList{u"a1"_qs, u"b2:a1,c3"_qs, u"c3:b2"_qs, u"d4:a1"_qs}
                                         << u"CycleDetected"_qs << u"Cycle is detected in revisions (b2, c3)"_qs;
    QTest::newRow("label equals id") << QStringList{u"a1::b2"_qs, u"b2:a1"_qs} << u"RevisionError"_qs
                                     << u"Branch name 'b2' in revision a1 already used by revision b2"_qs;
    // Alembic maps the labels of both copies of a duplicated id, so a shared label clashes
    QTest::newRow("duplicate id with its label")
        << QStringList{u"a1::feat"_qs, u"b2:a1"_qs, u"a1::feat"_qs} << u"RevisionError"_qs
        << u"Branch name 'feat' in revision a1 already used by revision a1"_qs;
    QTest::newRow("missing parent") << QStringList{u"b2:zz"_qs} << u"MissingRevision"_qs
                                    << u"Revision zz referenced from b2 is not present; restore that revision "
                                       u"file or fix down_revision"_qs;
}

void tst_revisionmap::firstError()
{
    QFETCH(QStringList, specs);
    const auto built = RevisionMap::build(parse(specs));
    QVERIFY(built.firstError);
    QTEST(built.firstError->kindName(), "kind");
    QTEST(built.firstError->message, "message");
    QVERIFY(!built.problems.isEmpty());
}

void tst_revisionmap::missingParentIsNotACycle()
{
    // A revision whose parent file is missing (or unreadable) hangs below nothing: that is one
    // MissingRevision problem, not a cycle, and the rest of the graph stays walkable.
    const auto built = RevisionMap::build(parse({u"a1"_qs, u"b2:a1"_qs, u"d4:c3"_qs, u"e5:d4"_qs}));
    QVERIFY(!built.map->fatalError());
    QStringList kinds;
    for (const Problem &problem : built.problems)
        kinds << problem.kind;
    QCOMPARE(kinds, QStringList{u"MissingRevision"_qs});
    QCOMPARE(built.map->ids(built.map->heads()), (QStringList{u"b2"_qs, u"e5"_qs}));
}

void tst_revisionmap::duplicateTakesTheFirstPlace()
{
    // Alembic: the later file of an id is used, in the place of the earlier one
    Revisions revs = parse({u"a1"_qs, u"b2:a1"_qs, u"c3:b2"_qs, u"b2:a1"_qs, u"d4:c3"_qs});
    for (qsizetype i = 0; i < revs.size(); ++i)
        revs[i].path = u"/v/%1.py"_qs.arg(i);
    const auto built = RevisionMap::build(revs);
    const RevisionMap &m = *built.map;
    QCOMPARE(m.size(), 4);
    QCOMPARE(m.keys(), (QStringList{u"a1"_qs, u"b2"_qs, u"c3"_qs, u"d4"_qs}));
    QCOMPARE(m.indexOf(u"b2"_qs), 1);
    QCOMPARE(m.revision(1).path, u"/v/3.py"_qs);
    QCOMPARE(m.indexOf(u"d4"_qs), 3);
    QCOMPARE(m.revision(3).path, u"/v/4.py"_qs);
    QCOMPARE(m.ids(m.heads()), QStringList{u"d4"_qs});
    QCOMPARE(m.ids(m.children(1)), QStringList{u"c3"_qs});
    QVERIFY(!built.firstError);
    QCOMPARE(built.problems.size(), 1);
    QCOMPARE(built.problems.front().kind, u"DuplicateRevision"_qs);
    QCOMPARE(built.problems.front().path, u"/v/3.py"_qs);
}

void tst_revisionmap::emptyIdIsLeftOut()
{
    const auto built = RevisionMap::build(parse({u"a1"_qs, u":a1"_qs, u"b2:a1"_qs}));
    const RevisionMap &m = *built.map;
    QCOMPARE(m.size(), 2);
    QCOMPARE(m.id(1), u"b2"_qs);
    QCOMPARE(m.ids(m.children(0)), QStringList{u"b2"_qs});
    QVERIFY(built.firstError);
    QCOMPARE(built.firstError->kindName(), u"RevisionError"_qs);
}

void tst_revisionmap::selfLoopIsNoEdge()
{
    // A revision naming itself as a parent is reported, and the map keeps its other parents only
    const auto built = RevisionMap::build(parse({u"a1"_qs, u"b2:a1,b2"_qs}));
    const RevisionMap &m = *built.map;
    QVERIFY(built.firstError);
    QCOMPARE(built.firstError->kindName(), u"LoopDetected"_qs);
    QCOMPARE(m.downRevisions(1), RevIndexes{0});
    QVERIFY(m.children(1).empty());
    QCOMPARE(m.ids(m.heads()), QStringList{u"b2"_qs});
}

void tst_revisionmap::labels()
{
    // a label covers its descendants and, along a plain line, its ancestors down to a branch point
    const auto built = RevisionMap::build(parse({u"a1"_qs, u"b2:a1"_qs, u"c3:a1"_qs, u"d4:c3:feat"_qs, u"e5:d4"_qs}));
    const RevisionMap &m = *built.map;
    QCOMPARE(m.branchLabels(m.indexOf(u"e5"_qs)), QStringList{u"feat"_qs});
    QCOMPARE(m.branchLabels(m.indexOf(u"c3"_qs)), QStringList{u"feat"_qs});
    QVERIFY(m.branchLabels(m.indexOf(u"a1"_qs)).isEmpty());
    QVERIFY(m.branchLabels(m.indexOf(u"b2"_qs)).isEmpty());
}

void tst_revisionmap::largeGraph()
{
    // 10,000 revisions in 20 branches off one base, each branch a long line
    Revisions revs;
    Revision base;
    base.id = u"base0000"_qs;
    revs.append(base);
    for (int b = 0; b < 20; ++b) {
        QString prev = base.id;
        for (int i = 0; i < 500; ++i) {
            Revision r;
            r.id = QStringLiteral("r%1x%2").arg(b).arg(i);
            r.downRevisions = {prev};
            prev = r.id;
            revs.append(r);
        }
    }
    QElapsedTimer t;
    t.start();
    const auto built = RevisionMap::build(revs);
    const auto history = History(*built.map).all();
    const auto plan = Planner(*built.map).upgrade({}, u"heads"_qs);
    const qint64 ms = t.elapsed();
    qInfo("10001 revisions: build + history + full upgrade plan in %lld ms", ms);
    QVERIFY(history.ok());
    QCOMPARE(history->size(), size_t(10001));
    QVERIFY(plan.ok());
    QCOMPARE(plan->steps.size(), 10001);
    QCOMPARE(plan->headsAfter.size(), 20);
}

void tst_revisionmap::sortTableAgreesWithWalk()
{
    // topologicalSort answers "is another pending branch still below this branch point" from a
    // table of ancestors, or (over its memory budget) by searching the graph: same order either way.
    // Seeded random histories: branches that fork and merge, depends_on across branches, several
    // heads; selections as an upgrade range makes them (ancestors of some heads above some root).
    int compared = 0;
    for (quint32 seed = 1; seed <= 40; ++seed) {
        QRandomGenerator random(seed);
        Revisions revs;
        QStringList open{u"r0"_qs};
        revs.append(parse({u"r0"_qs}));
        for (int i = 1; i < 300; ++i) {
            Revision r;
            r.id = QStringLiteral("r%1").arg(i);
            const int pick = random.bounded(int(open.size()));
            r.downRevisions = {open[pick]};
            if (open.size() > 1 && random.bounded(4) == 0) { // a merge of two open branches
                const int other = (pick + 1 + random.bounded(int(open.size()) - 1)) % int(open.size());
                r.downRevisions.append(open[other]);
                open.removeAt(std::max(pick, other));
                open.removeAt(std::min(pick, other));
            } else if (random.bounded(5) != 0) { // a step along the branch; otherwise a fork
                open.removeAt(pick);
            }
            if (i > 10 && random.bounded(12) == 0)
                r.dependsOn = {QStringLiteral("r%1").arg(random.bounded(i))};
            open.append(r.id);
            revs.append(r);
        }
        const auto built = RevisionMap::build(revs);
        const RevisionMap &m = *built.map;
        QVERIFY2(!m.fatalError(), qPrintable(m.fatalError() ? m.fatalError()->message : QString()));
        for (int round = 0; round < 6; ++round) {
            RevIndexes heads;
            for (RevIndex h : m.realHeads()) {
                if (round == 0 || random.bounded(2) == 0)
                    heads.push_back(h);
            }
            if (heads.empty())
                heads.push_back(m.realHeads().front());
            std::vector<char> members = m.ancestors(heads, RevisionMap::Edges::Normalized);
            if (round > 0) {
                const auto above = m.descendants({RevIndex(random.bounded(m.size()))}, RevisionMap::Edges::All);
                for (size_t k = 0; k < members.size(); ++k)
                    members[k] = char(members[k] && above[k]);
            }
            const RevIndexes table = m.topologicalSort(members, heads);
            const RevIndexes walk = m.topologicalSort(members, heads, 0);
            QCOMPARE(m.ids(table), m.ids(walk));
            if (round == 0)
                QCOMPARE(qsizetype(table.size()), qsizetype(std::count(members.begin(), members.end(), char(1))));
            ++compared;
        }
    }
    QCOMPARE(compared, 240);
}

QTEST_GUILESS_MAIN(tst_revisionmap)
#include "tst_revisionmap.moc"
