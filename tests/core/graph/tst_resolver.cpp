// Identifier resolution (Resolver) on small hand-made graphs. Every expected value is Alembic
// 1.8.1's answer to the same question (RevisionMap.get_revisions / get_revision /
// _parse_upgrade_target / _parse_downgrade_target), obtained with tests/core/graph/ask_alembic.py.
#include "GraphSpec.h"
#include "Outcome.h"

#include "graph/Resolver.h"

#include <QTest>

using namespace retort;
using namespace retort::test;

namespace {

// Two lineages. 1000aaaa..3000cccc is a line; 3000cccc forks into the "left" branch
// (4000dddd, 4001eeee) and the "right" branch (5000ffff, 5000abcd), merged by 6000abcd, then
// 7000cafe. A second base 9000beef ("other") carries 9001beef. Heads: 7000cafe, 9001beef.
const QString forked =
    QStringLiteral("1000aaaa 2000bbbb:1000aaaa 3000cccc:2000bbbb 4000dddd:3000cccc:left 4001eeee:4000dddd "
                   "5000ffff:3000cccc:right 5000abcd:5000ffff 6000abcd:4001eeee,5000abcd 7000cafe:6000abcd "
                   "9000beef::other 9001beef:9000beef");

// One line of three: single head, so "head" and head-N resolve.
const QString line = QStringLiteral("1000aaaa 2000bbbb:1000aaaa 3000cccc:2000bbbb");

} // namespace

class tst_resolver : public QObject
{
    Q_OBJECT
private slots:
    void revisions_data();
    void revisions();
    void revision_data();
    void revision();
    void upgradeTargets_data();
    void upgradeTargets();
    void downgradeTarget_data();
    void downgradeTarget();
};

void tst_resolver::revisions_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("expected");

    QTest::newRow("full id") << forked << u"7000cafe"_qs << u"[7000cafe]"_qs;
    QTest::newRow("unique prefix") << forked << u"7000"_qs << u"[7000cafe]"_qs;
    QTest::newRow("ambiguous prefix of four")
        << forked << u"5000"_qs
        << u"error ResolutionError: Multiple revisions start with '5000': '5000ffff', '5000abcd'..."_qs;
    QTest::newRow("ambiguous prefix of three")
        << forked << u"400"_qs
        << u"error ResolutionError: Multiple revisions start with '400': '4000dddd', '4001eeee'..."_qs;
    QTest::newRow("ambiguous prefix of two")
        << forked << u"40"_qs
        << u"error ResolutionError: Multiple revisions start with '40': '4000dddd', '4001eeee'..."_qs;
    QTest::newRow("unknown id") << forked << u"nosuch"_qs
                                << u"error ResolutionError: No such revision or branch 'nosuch'"_qs;
    QTest::newRow("unknown four characters")
        << forked << u"zzzz"_qs << u"error ResolutionError: No such revision or branch 'zzzz'"_qs;
    QTest::newRow("head with two heads")
        << forked << u"head"_qs
        << u"error MultipleHeads: Multiple heads are present for given argument 'head'; 7000cafe, 9001beef"_qs;
    QTest::newRow("head of a line") << line << u"head"_qs << u"[3000cccc]"_qs;
    QTest::newRow("heads") << forked << u"heads"_qs << u"[7000cafe, 9001beef]"_qs;
    QTest::newRow("base") << forked << u"base"_qs << u"[]"_qs;
    QTest::newRow("branch label") << forked << u"left"_qs << u"[4000dddd]"_qs;
    QTest::newRow("label@head") << forked << u"left@head"_qs << u"[7000cafe]"_qs;
    QTest::newRow("label@heads") << forked << u"left@heads"_qs << u"[7000cafe]"_qs;
    QTest::newRow("other label@heads") << forked << u"other@heads"_qs << u"[9001beef]"_qs;
    QTest::newRow("other label@head") << forked << u"other@head"_qs << u"[9001beef]"_qs;
    QTest::newRow("label@base") << forked << u"left@base"_qs << u"[]"_qs;
    QTest::newRow("label@prefix") << forked << u"left@4001"_qs << u"[4001eeee]"_qs;
    QTest::newRow("label@rev of another branch")
        << forked << u"left@5000abcd"_qs
        << u"error ResolutionError: Revision 5000abcd is not a member of branch 'left'"_qs;
    QTest::newRow("label@prefix outside the label")
        << forked << u"other@7000"_qs << u"error ResolutionError: No such revision or branch '7000'"_qs;
    QTest::newRow("unknown label") << forked << u"nosuch@7000cafe"_qs
                                   << u"error ResolutionError: No such branch: 'nosuch'"_qs;
    QTest::newRow("-1 from every head") << forked << u"-1"_qs << u"[6000abcd, 9000beef]"_qs;
    QTest::newRow("-2 walks into the merge") << forked << u"-2"_qs << u"error RevisionError: Ambiguous walk"_qs;
    QTest::newRow("label@-1") << forked << u"left@-1"_qs << u"[6000abcd]"_qs;
    QTest::newRow("label@-1 of the other base") << forked << u"other@-1"_qs << u"[9000beef]"_qs;
    QTest::newRow("label@-2 steps below base") << forked << u"other@-2"_qs << u"[<base>]"_qs;
    QTest::newRow("label@-3 beyond the end") << forked << u"other@-3"_qs << u"[<none>]"_qs;
    QTest::newRow("-3 on a line reaches base") << line << u"-3"_qs << u"[<base>]"_qs;
    QTest::newRow("-4 on a line beyond the end") << line << u"-4"_qs << u"[<none>]"_qs;
    QTest::newRow("rev-1 is not an identifier here")
        << forked << u"7000cafe-1"_qs << u"error ResolutionError: No such revision or branch '7000cafe-1'"_qs;
    QTest::newRow("head-1 is not an identifier here")
        << line << u"head-1"_qs << u"error ResolutionError: No such revision or branch 'head-1'"_qs;
    QTest::newRow("empty") << forked << QString() << u"error AssertionError"_qs;
}

void tst_resolver::revisions()
{
    QFETCH(QString, graph);
    QFETCH(QString, identifier);
    QFETCH(QString, expected);
    const auto built = RevisionMap::build(parseGraph(graph));
    QVERIFY(!built.firstError);
    RETORT_COMPARE_OUTCOME(outcome(*built.map, Resolver(*built.map).revisions(identifier)), expected);
}

void tst_resolver::revision_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("expected");

    QTest::newRow("full id") << forked << u"7000cafe"_qs << u"7000cafe"_qs;
    QTest::newRow("unique prefix") << forked << u"4001"_qs << u"4001eeee"_qs;
    QTest::newRow("head with two heads")
        << forked << u"head"_qs
        << u"error MultipleHeads: Multiple heads are present for given argument 'head'; 7000cafe, 9001beef"_qs;
    QTest::newRow("heads with two heads")
        << forked << u"heads"_qs
        << u"error MultipleHeads: Multiple heads are present for given argument 'heads'; 7000cafe, 9001beef"_qs;
    QTest::newRow("head of a line") << line << u"head"_qs << u"3000cccc"_qs;
    QTest::newRow("base") << forked << u"base"_qs << u"<none>"_qs;
    QTest::newRow("label@head") << forked << u"left@head"_qs << u"7000cafe"_qs;
    QTest::newRow("label@-1 is no revision")
        << forked << u"other@-1"_qs
        << u"error ResolutionError: No such revision or branch '-1'; please ensure at least four characters are "
           "present for partial revision identifier matches"_qs;
    QTest::newRow("head-2 is no revision")
        << line << u"head-2"_qs << u"error ResolutionError: No such revision or branch 'head-2'"_qs;
    QTest::newRow("empty") << forked << QString() << u"error AssertionError"_qs;
}

void tst_resolver::revision()
{
    QFETCH(QString, graph);
    QFETCH(QString, identifier);
    QFETCH(QString, expected);
    const auto built = RevisionMap::build(parseGraph(graph));
    QVERIFY(!built.firstError);
    RETORT_COMPARE_OUTCOME(outcome(*built.map, Resolver(*built.map).revision(identifier)), expected);
}

void tst_resolver::upgradeTargets_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("expected");

    QTest::newRow("+1 from the given head") << forked << u"2000bbbb"_qs << u"+1"_qs << u"[3000cccc]"_qs;
    QTest::newRow("+2 across the forked")
        << forked << u"2000bbbb"_qs << u"+2"_qs << u"error RevisionError: Ambiguous walk"_qs;
    QTest::newRow("+1 from nothing with two bases")
        << forked << QString() << u"+1"_qs << u"error RevisionError: Ambiguous walk"_qs;
    QTest::newRow("+2 into and past the merge") << forked << u"4001eeee"_qs << u"+2"_qs << u"[7000cafe]"_qs;
    QTest::newRow("+1 from nothing on a line") << line << QString() << u"+1"_qs << u"[1000aaaa]"_qs;
    QTest::newRow("+3 from nothing on a line") << line << QString() << u"+3"_qs << u"[3000cccc]"_qs;
    QTest::newRow("+4 beyond the end") << line << QString() << u"+4"_qs
                                       << u"error RevisionError: Relative revision +4 didn't produce 4 migrations"_qs;
    QTest::newRow("+1 from the head") << forked << u"7000cafe"_qs << u"+1"_qs
                                      << u"error RevisionError: Relative revision +1 didn't produce 1 migrations"_qs;
    QTest::newRow("+3 from the head") << forked << u"7000cafe"_qs << u"+3"_qs
                                      << u"error RevisionError: Relative revision +3 didn't produce 3 migrations"_qs;
    QTest::newRow("+1 from two current heads")
        << forked << u"3000cccc,9000beef"_qs << u"+1"_qs
        << u"error RevisionError: Ambiguous upgrade from multiple current revisions"_qs;
    QTest::newRow("rev+1 at the forked") << forked << u"2000bbbb"_qs << u"3000cccc+1"_qs
                                         << u"error RevisionError: Ambiguous walk"_qs;
    QTest::newRow("rev+2 through the merge") << forked << QString() << u"4000dddd+2"_qs << u"[6000abcd]"_qs;
    QTest::newRow("rev+2 on a line") << line << u"1000aaaa"_qs << u"1000aaaa+2"_qs << u"[3000cccc]"_qs;
    QTest::newRow("rev-2") << forked << QString() << u"4000dddd-2"_qs << u"[2000bbbb]"_qs;
    QTest::newRow("rev+1 past the head") << forked << QString() << u"7000cafe+1"_qs << u"[<none>]"_qs;
    QTest::newRow("rev+2 past the head") << forked << QString() << u"9000beef+2"_qs << u"[<none>]"_qs;
    QTest::newRow("label@+1 picks the branch at the forked")
        << forked << u"3000cccc"_qs << u"left@+1"_qs << u"[4000dddd]"_qs;
    QTest::newRow("label@+2 along the other branch") << forked << u"3000cccc"_qs << u"right@+2"_qs << u"[5000abcd]"_qs;
    QTest::newRow("label@+1 from nothing") << forked << QString() << u"other@+1"_qs << u"[9000beef]"_qs;
    QTest::newRow("label@+1 from its base") << forked << u"9000beef"_qs << u"other@+1"_qs << u"[9001beef]"_qs;
    QTest::newRow("-1 is no upgrade") << forked << u"2000bbbb"_qs << u"-1"_qs
                                      << u"error RevisionError: Relative revision -1 didn't produce 1 migrations"_qs;
    QTest::newRow("head-1 on a line") << line << QString() << u"head-1"_qs << u"[2000bbbb]"_qs;
    QTest::newRow("head-2 on a line") << line << QString() << u"head-2"_qs << u"[1000aaaa]"_qs;
    QTest::newRow("head-3 steps below base") << line << QString() << u"head-3"_qs << u"[<base>]"_qs;
    QTest::newRow("head-4 beyond the end") << line << QString() << u"head-4"_qs << u"[<none>]"_qs;
    QTest::newRow("head-1 with two heads")
        << forked << QString() << u"head-1"_qs
        << u"error MultipleHeads: Multiple heads are present for given argument 'head'; 7000cafe, 9001beef"_qs;
    QTest::newRow("label@head-1") << forked << QString() << u"other@head-1"_qs << u"[9000beef]"_qs;
    QTest::newRow("label@head") << forked << QString() << u"other@head"_qs << u"[9001beef]"_qs;
    QTest::newRow("heads") << forked << QString() << u"heads"_qs << u"[7000cafe, 9001beef]"_qs;
    QTest::newRow("plain id") << forked << QString() << u"7000cafe"_qs << u"[7000cafe]"_qs;
    QTest::newRow("unknown id with +1") << forked << QString() << u"nosuch+1"_qs
                                        << u"error ResolutionError: No such revision or branch 'nosuch'"_qs;
}

void tst_resolver::upgradeTargets()
{
    QFETCH(QString, graph);
    QFETCH(QString, current);
    QFETCH(QString, target);
    QFETCH(QString, expected);
    const auto built = RevisionMap::build(parseGraph(graph));
    QVERIFY(!built.firstError);
    RETORT_COMPARE_OUTCOME(outcome(*built.map, Resolver(*built.map).upgradeTargets(list(current), target)), expected);
}

void tst_resolver::downgradeTarget_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("expected");

    QTest::newRow("-1 from the head") << forked << u"7000cafe"_qs << u"-1"_qs << u"label=7000cafe target=6000abcd"_qs;
    QTest::newRow("-1 from the first of two heads")
        << forked << u"7000cafe,9001beef"_qs << u"-1"_qs << u"label=7000cafe target=6000abcd"_qs;
    QTest::newRow("-2 into the merge") << forked << u"7000cafe"_qs << u"-2"_qs
                                       << u"error RevisionError: Ambiguous walk"_qs;
    QTest::newRow("-9 stops at the merge")
        << forked << u"7000cafe"_qs << u"-9"_qs << u"error RevisionError: Ambiguous walk"_qs;
    QTest::newRow("-1 from nothing") << forked << QString() << u"-1"_qs
                                     << u"error RevisionError: Relative revision -1 didn't produce 1 migrations"_qs;
    QTest::newRow("-2 from the other head reaches base")
        << forked << u"9001beef"_qs << u"-2"_qs << u"label=9001beef target=<base>"_qs;
    QTest::newRow("-3 beyond base") << forked << u"9001beef"_qs << u"-3"_qs
                                    << u"error RevisionError: Relative revision -3 didn't produce 3 migrations"_qs;
    QTest::newRow("-3 on a line") << line << u"3000cccc"_qs << u"-3"_qs << u"label=3000cccc target=<base>"_qs;
    QTest::newRow("-4 on a line") << line << u"3000cccc"_qs << u"-4"_qs
                                  << u"error RevisionError: Relative revision -4 didn't produce 4 migrations"_qs;
    QTest::newRow("base") << forked << u"7000cafe"_qs << u"base"_qs << u"label=<none> target=<none>"_qs;
    QTest::newRow("label@base") << forked << u"7000cafe"_qs << u"left@base"_qs << u"label=left target=<none>"_qs;
    QTest::newRow("label@-1 with the label among the heads")
        << forked << u"7000cafe,9001beef"_qs << u"other@-1"_qs << u"label=other target=9000beef"_qs;
    QTest::newRow("label@-1 with no head on the label")
        << forked << u"7000cafe"_qs << u"other@-1"_qs << u"error AssertionError"_qs;
    QTest::newRow("rev-1 of the merge") << forked << u"7000cafe"_qs << u"6000abcd-1"_qs
                                        << u"error RevisionError: Ambiguous walk"_qs;
    QTest::newRow("rev-1") << forked << QString() << u"4001eeee-1"_qs << u"label=<none> target=4000dddd"_qs;
    QTest::newRow("rev-2 reaches base") << forked << QString() << u"9001beef-2"_qs << u"label=<none> target=<base>"_qs;
    QTest::newRow("rev-3 walks too far") << forked << QString() << u"9001beef-3"_qs
                                         << u"error RevisionError: Walked too far"_qs;
    QTest::newRow("rev+1") << forked << QString() << u"5000abcd+1"_qs << u"label=<none> target=6000abcd"_qs;
    QTest::newRow("rev+1 past the head") << forked << QString() << u"9001beef+1"_qs
                                         << u"error RevisionError: Walked too far"_qs;
    QTest::newRow("+1 is no downgrade") << forked << u"7000cafe"_qs << u"+1"_qs
                                        << u"error RevisionError: Relative revision +1 didn't produce 1 migrations"_qs;
    QTest::newRow("head-1 with two heads")
        << forked << QString() << u"head-1"_qs
        << u"error MultipleHeads: Multiple heads are present for given argument 'head'; 7000cafe, 9001beef"_qs;
    QTest::newRow("unknown id") << forked << QString() << u"nosuch"_qs
                                << u"error ResolutionError: No such revision or branch 'nosuch'"_qs;
}

void tst_resolver::downgradeTarget()
{
    QFETCH(QString, graph);
    QFETCH(QString, current);
    QFETCH(QString, target);
    QFETCH(QString, expected);
    const auto built = RevisionMap::build(parseGraph(graph));
    QVERIFY(!built.firstError);
    RETORT_COMPARE_OUTCOME(outcome(*built.map, Resolver(*built.map).downgradeTarget(list(current), target)), expected);
}

QTEST_GUILESS_MAIN(tst_resolver)
#include "tst_resolver.moc"
