// `alembic history` order (History) on branchy hand-made graphs. Every expected order and error
// is Alembic 1.8.1's answer (ScriptDirectory.walk_revisions), obtained with
// tests/core/graph/ask_alembic.py; a RangeNotAncestorError carries the command's own text.
#include "GraphSpec.h"
#include "Outcome.h"

#include "graph/History.h"

#include <QTest>

using namespace retort;
using namespace retort::test;

namespace {

// a1..c3 is a line; c3 forks three ways: h8 (open head, loaded early), d4-f6 and e5, merged by
// g7; y3 follows g7 and depends on x2 of a second base x1 ("lib"); z9 is a lone third base.
const QString branchy =
    QStringLiteral("a1000000 b2000000:a1000000 c3000000:b2000000 h8000000:c3000000 x1000000::lib d4000000:c3000000 "
                   "e5000000:c3000000 f6000000:d4000000 x2000000:x1000000 g7000000:e5000000,f6000000 "
                   "y3000000:g7000000::x2000000 z9000000");

// Loaded newest first. m5 merges the lineages of bases a1 and y1; n6 depends on c3, a sibling
// of m5; q7 ("side") branches off y1.
const QString twoBases =
    QStringLiteral("m5000000:b2000000,y2000000 c3000000:b2000000 y2000000:y1000000 b2000000:a1000000 y1000000 "
                   "a1000000 n6000000:m5000000::c3000000 q7000000:y1000000:side");

// A diamond: a1 forks into b2-d4 and c3-e5, merged by f6.
const QString diamond = QStringLiteral("a1 b2:a1 c3:a1 d4:b2 e5:c3 f6:d4,e5");

const QString notAncestor =
    QStringLiteral("error RangeNotAncestorError: Requested range %1 does not refer to ancestor/descendant "
                   "revisions along the same branch");

} // namespace

class tst_history : public QObject
{
    Q_OBJECT
private slots:
    void all_data();
    void all();
    void range_data();
    void range();
    void rangeSyntax();
};

void tst_history::all_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QString>("expected");

    QTest::newRow("branchy, several bases, depends_on")
        << branchy
        << u"[h8000000, y3000000, g7000000, e5000000, f6000000, d4000000, x2000000, x1000000, z9000000, "
           "c3000000, b2000000, a1000000]"_qs;
    QTest::newRow("merge of two bases, loaded newest first")
        << twoBases << u"[n6000000, m5000000, c3000000, q7000000, y2000000, y1000000, b2000000, a1000000]"_qs;
    QTest::newRow("diamond") << diamond << u"[f6, d4, b2, e5, c3, a1]"_qs;
    QTest::newRow("one revision") << u"a1"_qs << u"[a1]"_qs;
    QTest::newRow("empty") << QString() << u"[]"_qs;
}

void tst_history::all()
{
    QFETCH(QString, graph);
    QFETCH(QString, expected);
    const auto built = RevisionMap::build(parseGraph(graph));
    QVERIFY(!built.firstError);
    RETORT_COMPARE_OUTCOME(outcome(*built.map, History(*built.map).all()), expected);
}

void tst_history::range_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty range is everything")
        << branchy << u":"_qs
        << u"[h8000000, y3000000, g7000000, e5000000, f6000000, d4000000, x2000000, x1000000, z9000000, "
           "c3000000, b2000000, a1000000]"_qs;
    QTest::newRow("base:heads")
        << branchy << u"base:heads"_qs
        << u"[h8000000, y3000000, g7000000, e5000000, f6000000, d4000000, x2000000, x1000000, z9000000, "
           "c3000000, b2000000, a1000000]"_qs;
    QTest::newRow("branch point to merge")
        << branchy << u"c3000000:g7000000"_qs << u"[g7000000, e5000000, f6000000, d4000000, c3000000]"_qs;
    QTest::newRow(":end") << branchy << u":d4000000"_qs << u"[d4000000, c3000000, b2000000, a1000000]"_qs;
    QTest::newRow("start:") << branchy << u"e5000000:"_qs << u"[y3000000, g7000000, e5000000]"_qs;
    QTest::newRow("one revision") << branchy << u"c3000000:c3000000"_qs << u"[c3000000]"_qs;
    QTest::newRow("to an open branch") << branchy << u"c3000000:h8000000"_qs << u"[h8000000, c3000000]"_qs;
    QTest::newRow(":end of the second base") << branchy << u":x2000000"_qs << u"[x2000000, x1000000]"_qs;
    QTest::newRow("label@base:label@head") << branchy << u"lib@base:lib@head"_qs << u"[x2000000, x1000000]"_qs;
    QTest::newRow(":label@head") << branchy << u":lib@head"_qs << u"[x2000000, x1000000]"_qs;
    QTest::newRow("siblings") << branchy << u"d4000000:e5000000"_qs << notAncestor.arg(u"d4000000:e5000000"_qs);
    QTest::newRow("open branch to merge")
        << branchy << u"h8000000:g7000000"_qs << notAncestor.arg(u"h8000000:g7000000"_qs);
    QTest::newRow("reversed") << branchy << u"g7000000:f6000000"_qs << notAncestor.arg(u"g7000000:f6000000"_qs);
    QTest::newRow("relative start") << branchy << u"-1:heads"_qs << notAncestor.arg(u"-1:heads"_qs);
    QTest::newRow("reached only through depends_on")
        << branchy << u"x1000000:y3000000"_qs << u"error AssertionError"_qs;
    QTest::newRow("head with several heads")
        << branchy << u"b2000000:head"_qs
        << u"error MultipleHeads: Multiple heads are present for given argument 'head'; h8000000, x2000000, "
           "y3000000, z9000000"_qs;
    QTest::newRow("unknown start") << branchy << u"nosuch:"_qs
                                   << u"error ResolutionError: No such revision or branch 'nosuch'"_qs;
    QTest::newRow("unknown end") << branchy << u":nosuch"_qs
                                 << u"error ResolutionError: No such revision or branch 'nosuch'"_qs;

    QTest::newRow("from the second base through the merge")
        << twoBases << u"y1000000:"_qs << u"[n6000000, m5000000, y2000000, q7000000, y1000000]"_qs;
    QTest::newRow("to the merge of two bases")
        << twoBases << u":m5000000"_qs << u"[m5000000, b2000000, a1000000, y2000000, y1000000]"_qs;
    QTest::newRow("depends_on pulls in a sibling")
        << twoBases << u"a1000000:n6000000"_qs << u"[n6000000, m5000000, c3000000, b2000000, a1000000]"_qs;
    QTest::newRow("label range") << twoBases << u"side@base:side@head"_qs << u"[q7000000, y1000000]"_qs;
    QTest::newRow("only a dependant above") << twoBases << u"c3000000:"_qs << u"error AssertionError"_qs;

    QTest::newRow("diamond from one side") << diamond << u"b2:"_qs << u"[f6, d4, b2]"_qs;
    QTest::newRow("diamond to the other side") << diamond << u":e5"_qs << u"[e5, c3, a1]"_qs;
    QTest::newRow("diamond side to merge") << diamond << u"c3:f6"_qs << u"[f6, e5, c3]"_qs;
}

void tst_history::range()
{
    QFETCH(QString, graph);
    QFETCH(QString, range);
    QFETCH(QString, expected);
    const auto built = RevisionMap::build(parseGraph(graph));
    QVERIFY(!built.firstError);
    RETORT_COMPARE_OUTCOME(outcome(*built.map, History(*built.map).walkRange(range)), expected);
}

void tst_history::rangeSyntax()
{
    // alembic.command.history's own check, before any revision is looked at
    const auto built = RevisionMap::build(parseGraph(diamond));
    const auto result = History(*built.map).walkRange(u"b2"_qs);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kindName(), u"CommandError"_qs);
    QCOMPARE(result.error().message, u"History range requires [start]:[end], [start]:, or :[end]"_qs);
}

QTEST_GUILESS_MAIN(tst_history)
#include "tst_history.moc"
