// Upgrade / downgrade / stamp plans (Planner) on a hand-made graph with a fork, a merge, labels
// and a second base. Every expected plan is Alembic 1.8.1's (ScriptDirectory._upgrade_revs /
// _downgrade_revs / _stamp_revs run through its HeadMaintainer), obtained with
// tests/core/graph/ask_alembic.py: one line per step "direction revision from= to= ops=[...]
// heads=...", then "heads after: ...".
#include "GraphSpec.h"
#include "Outcome.h"

#include "StringLists.h"
#include "graph/Planner.h"

#include <QRegularExpression>
#include <QTest>

using namespace retort;
using namespace retort::test;

namespace {

// 1000aaaa..3000cccc is a line; 3000cccc forks into "left" (4000dddd, 4001eeee) and "right"
// (5000ffff), merged by 6000abcd, then 7000cafe. A second base 9000beef ("other") has 9001beef.
const QString graph =
    QStringLiteral("1000aaaa 2000bbbb:1000aaaa 3000cccc:2000bbbb 4000dddd:3000cccc:left 4001eeee:4000dddd "
                   "5000ffff:3000cccc:right 6000abcd:4001eeee,5000ffff 7000cafe:6000abcd 9000beef::other "
                   "9001beef:9000beef");

QString opText(const VersionOp &op)
{
    const QString from = op.from.isEmpty() ? QStringLiteral("None") : op.from;
    const QString to = op.to.isEmpty() ? QStringLiteral("None") : op.to;
    switch (op.kind) {
    case VersionOp::Kind::Insert:
        return u"insert None->" + to;
    case VersionOp::Kind::Update:
        return u"update " + from + u"->" + to;
    case VersionOp::Kind::Delete:
        break;
    }
    return u"delete " + from + u"->None";
}

QStringList planLines(const Result<Plan> &plan)
{
    if (!plan)
        return {errorText(plan.error())};
    QStringList lines;
    for (const PlanStep &s : plan->steps) {
        QStringList ops;
        for (const VersionOp &op : s.versionOps)
            ops.append(opText(op));
        lines.append(QStringLiteral("%1 %2 from=%3 to=%4 ops=[%5] heads=%6")
                         .arg(s.direction == PlanStep::Direction::Up ? u"up"_qs : u"down"_qs,
                              s.stamp ? u"stamp"_qs : s.revision, s.fromRevisions.join(u','), s.toRevisions.join(u','),
                              ops.join(u"; "_qs), s.headsAfter.join(u',')));
    }
    lines.append(QString(u"heads after: "_qs + plan->headsAfter.join(u',')).trimmed());
    return lines;
}

// Where a step writes several rows (merge, unmerge), Alembic picks which row to UPDATE from a
// Python set, so only the kinds of statements and the rows removed and added are compared.
QString stableOps(const QString &line)
{
    static const QRegularExpression opsRe(QStringLiteral("ops=\\[([^\\]]*;[^\\]]*)\\]"));
    const auto match = opsRe.match(line);
    if (!match.hasMatch())
        return line;
    QStringList kinds, removed, added;
    for (const QString &op : match.captured(1).split(u"; "_qs)) {
        kinds.append(op.section(u' ', 0, 0));
        const QString from = op.section(u' ', 1).section(u"->"_qs, 0, 0);
        const QString to = op.section(u' ', 1).section(u"->"_qs, 1);
        if (from != u"None")
            removed.append(from);
        if (to != u"None")
            added.append(to);
    }
    kinds.sort();
    removed.sort();
    added.sort();
    QString out = line;
    out.replace(match.capturedStart(0), match.capturedLength(0),
                u"ops={" + kinds.join(u',') + u" -" + removed.join(u',') + u" +" + added.join(u',') + u'}');
    return out;
}

} // namespace

class tst_planner : public QObject
{
    Q_OBJECT
private slots:
    void plan_data();
    void plan();
    void purgeFlag();
    void upgradeOneIsTheUpgradeOfARevisionWhoseParentsAreHeads();
    void rerunIsOneStepDownAndUpAgain();
    void rerunRefusals_data();
    void rerunRefusals();
};

void tst_planner::plan_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("purge");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("upgrade to heads from empty")
        << u"upgrade"_qs << u""_qs << u"heads"_qs << false
        << QStringList{
               u"up 1000aaaa from= to=1000aaaa ops=[insert None->1000aaaa] heads=1000aaaa"_qs,
               u"up 2000bbbb from=1000aaaa to=2000bbbb ops=[update 1000aaaa->2000bbbb] heads=2000bbbb"_qs,
               u"up 3000cccc from=2000bbbb to=3000cccc ops=[update 2000bbbb->3000cccc] heads=3000cccc"_qs,
               u"up 9000beef from= to=9000beef ops=[insert None->9000beef] heads=3000cccc,9000beef"_qs,
               u"up 9001beef from=9000beef to=9001beef ops=[update 9000beef->9001beef] heads=3000cccc,9001beef"_qs,
               u"up 5000ffff from=3000cccc to=5000ffff ops=[update 3000cccc->5000ffff] heads=5000ffff,9001beef"_qs,
               u"up 4000dddd from=3000cccc to=4000dddd ops=[insert None->4000dddd] heads=4000dddd,5000ffff,9001beef"_qs,
               u"up 4001eeee from=4000dddd to=4001eeee ops=[update 4000dddd->4001eeee] heads=4001eeee,5000ffff,9001beef"_qs,
               u"up 6000abcd from=4001eeee,5000ffff to=6000abcd ops=[delete 4001eeee->None; update 5000ffff->6000abcd] heads=6000abcd,9001beef"_qs,
               u"up 7000cafe from=6000abcd to=7000cafe ops=[update 6000abcd->7000cafe] heads=7000cafe,9001beef"_qs,
               u"heads after: 7000cafe,9001beef"_qs};
    QTest::newRow("upgrade to one head from empty")
        << u"upgrade"_qs << u""_qs << u"7000cafe"_qs << false
        << QStringList{
               u"up 1000aaaa from= to=1000aaaa ops=[insert None->1000aaaa] heads=1000aaaa"_qs,
               u"up 2000bbbb from=1000aaaa to=2000bbbb ops=[update 1000aaaa->2000bbbb] heads=2000bbbb"_qs,
               u"up 3000cccc from=2000bbbb to=3000cccc ops=[update 2000bbbb->3000cccc] heads=3000cccc"_qs,
               u"up 5000ffff from=3000cccc to=5000ffff ops=[update 3000cccc->5000ffff] heads=5000ffff"_qs,
               u"up 4000dddd from=3000cccc to=4000dddd ops=[insert None->4000dddd] heads=4000dddd,5000ffff"_qs,
               u"up 4001eeee from=4000dddd to=4001eeee ops=[update 4000dddd->4001eeee] heads=4001eeee,5000ffff"_qs,
               u"up 6000abcd from=4001eeee,5000ffff to=6000abcd ops=[delete 4001eeee->None; update 5000ffff->6000abcd] heads=6000abcd"_qs,
               u"up 7000cafe from=6000abcd to=7000cafe ops=[update 6000abcd->7000cafe] heads=7000cafe"_qs,
               u"heads after: 7000cafe"_qs};
    QTest::newRow("upgrade from the middle")
        << u"upgrade"_qs << u"2000bbbb"_qs << u"7000cafe"_qs << false
        << QStringList{
               u"up 3000cccc from=2000bbbb to=3000cccc ops=[update 2000bbbb->3000cccc] heads=3000cccc"_qs,
               u"up 5000ffff from=3000cccc to=5000ffff ops=[update 3000cccc->5000ffff] heads=5000ffff"_qs,
               u"up 4000dddd from=3000cccc to=4000dddd ops=[insert None->4000dddd] heads=4000dddd,5000ffff"_qs,
               u"up 4001eeee from=4000dddd to=4001eeee ops=[update 4000dddd->4001eeee] heads=4001eeee,5000ffff"_qs,
               u"up 6000abcd from=4001eeee,5000ffff to=6000abcd ops=[delete 4001eeee->None; update 5000ffff->6000abcd] heads=6000abcd"_qs,
               u"up 7000cafe from=6000abcd to=7000cafe ops=[update 6000abcd->7000cafe] heads=7000cafe"_qs,
               u"heads after: 7000cafe"_qs};
    QTest::newRow("upgrade across the branch point")
        << u"upgrade"_qs << u"3000cccc"_qs << u"6000abcd"_qs << false
        << QStringList{
               u"up 5000ffff from=3000cccc to=5000ffff ops=[update 3000cccc->5000ffff] heads=5000ffff"_qs,
               u"up 4000dddd from=3000cccc to=4000dddd ops=[insert None->4000dddd] heads=4000dddd,5000ffff"_qs,
               u"up 4001eeee from=4000dddd to=4001eeee ops=[update 4000dddd->4001eeee] heads=4001eeee,5000ffff"_qs,
               u"up 6000abcd from=4001eeee,5000ffff to=6000abcd ops=[delete 4001eeee->None; update 5000ffff->6000abcd] heads=6000abcd"_qs,
               u"heads after: 6000abcd"_qs};
    QTest::newRow("upgrade into a merge with both parents applied")
        << u"upgrade"_qs << u"4001eeee,5000ffff"_qs << u"7000cafe"_qs << false
        << QStringList{
               u"up 6000abcd from=4001eeee,5000ffff to=6000abcd ops=[delete 4001eeee->None; update 5000ffff->6000abcd] heads=6000abcd"_qs,
               u"up 7000cafe from=6000abcd to=7000cafe ops=[update 6000abcd->7000cafe] heads=7000cafe"_qs,
               u"heads after: 7000cafe"_qs};
    QTest::newRow("upgrade into a merge with one parent applied")
        << u"upgrade"_qs << u"4001eeee"_qs << u"7000cafe"_qs << false
        << QStringList{
               u"up 5000ffff from=3000cccc to=5000ffff ops=[insert None->5000ffff] heads=4001eeee,5000ffff"_qs,
               u"up 6000abcd from=4001eeee,5000ffff to=6000abcd ops=[delete 4001eeee->None; update 5000ffff->6000abcd] heads=6000abcd"_qs,
               u"up 7000cafe from=6000abcd to=7000cafe ops=[update 6000abcd->7000cafe] heads=7000cafe"_qs,
               u"heads after: 7000cafe"_qs};
    QTest::newRow("upgrade to label@head")
        << u"upgrade"_qs << u""_qs << u"other@head"_qs << false
        << QStringList{u"up 9000beef from= to=9000beef ops=[insert None->9000beef] heads=9000beef"_qs,
                       u"up 9001beef from=9000beef to=9001beef ops=[update 9000beef->9001beef] heads=9001beef"_qs,
                       u"heads after: 9001beef"_qs};
    QTest::newRow("upgrade to label@head through the merge")
        << u"upgrade"_qs << u"2000bbbb"_qs << u"left@head"_qs << false
        << QStringList{
               u"up 3000cccc from=2000bbbb to=3000cccc ops=[update 2000bbbb->3000cccc] heads=3000cccc"_qs,
               u"up 5000ffff from=3000cccc to=5000ffff ops=[update 3000cccc->5000ffff] heads=5000ffff"_qs,
               u"up 4000dddd from=3000cccc to=4000dddd ops=[insert None->4000dddd] heads=4000dddd,5000ffff"_qs,
               u"up 4001eeee from=4000dddd to=4001eeee ops=[update 4000dddd->4001eeee] heads=4001eeee,5000ffff"_qs,
               u"up 6000abcd from=4001eeee,5000ffff to=6000abcd ops=[delete 4001eeee->None; update 5000ffff->6000abcd] heads=6000abcd"_qs,
               u"up 7000cafe from=6000abcd to=7000cafe ops=[update 6000abcd->7000cafe] heads=7000cafe"_qs,
               u"heads after: 7000cafe"_qs};
    QTest::newRow("upgrade +1 at the fork") << u"upgrade"_qs << u"3000cccc"_qs << u"+1"_qs << false
                                            << QStringList{u"error RevisionError: Ambiguous walk"_qs};
    QTest::newRow("upgrade adds the other base")
        << u"upgrade"_qs << u"7000cafe"_qs << u"heads"_qs << false
        << QStringList{
               u"up 9000beef from= to=9000beef ops=[insert None->9000beef] heads=7000cafe,9000beef"_qs,
               u"up 9001beef from=9000beef to=9001beef ops=[update 9000beef->9001beef] heads=7000cafe,9001beef"_qs,
               u"heads after: 7000cafe,9001beef"_qs};
    QTest::newRow("upgrade the other branch to label@head")
        << u"upgrade"_qs << u"4000dddd"_qs << u"right@head"_qs << false
        << QStringList{
               u"up 5000ffff from=3000cccc to=5000ffff ops=[insert None->5000ffff] heads=4000dddd,5000ffff"_qs,
               u"up 4001eeee from=4000dddd to=4001eeee ops=[update 4000dddd->4001eeee] heads=4001eeee,5000ffff"_qs,
               u"up 6000abcd from=4001eeee,5000ffff to=6000abcd ops=[delete 4001eeee->None; update 5000ffff->6000abcd] heads=6000abcd"_qs,
               u"up 7000cafe from=6000abcd to=7000cafe ops=[update 6000abcd->7000cafe] heads=7000cafe"_qs,
               u"heads after: 7000cafe"_qs};
    QTest::newRow("upgrade to the current head")
        << u"upgrade"_qs << u"7000cafe"_qs << u"7000cafe"_qs << false << QStringList{u"heads after: 7000cafe"_qs};
    QTest::newRow("upgrade to an applied revision")
        << u"upgrade"_qs << u"7000cafe"_qs << u"4001eeee"_qs << false << QStringList{u"heads after: 7000cafe"_qs};
    QTest::newRow("downgrade -1")
        << u"downgrade"_qs << u"7000cafe"_qs << u"-1"_qs << false
        << QStringList{u"down 7000cafe from=7000cafe to=6000abcd ops=[update 7000cafe->6000abcd] heads=6000abcd"_qs,
                       u"heads after: 6000abcd"_qs};
    QTest::newRow("downgrade to base through the merge")
        << u"downgrade"_qs << u"7000cafe"_qs << u"base"_qs << false
        << QStringList{
               u"down 7000cafe from=7000cafe to=6000abcd ops=[update 7000cafe->6000abcd] heads=6000abcd"_qs,
               u"down 6000abcd from=6000abcd to=4001eeee,5000ffff ops=[insert None->4001eeee; update 6000abcd->5000ffff] heads=4001eeee,5000ffff"_qs,
               u"down 4001eeee from=4001eeee to=4000dddd ops=[update 4001eeee->4000dddd] heads=4000dddd,5000ffff"_qs,
               u"down 4000dddd from=4000dddd to=3000cccc ops=[delete 4000dddd->None] heads=5000ffff"_qs,
               u"down 5000ffff from=5000ffff to=3000cccc ops=[update 5000ffff->3000cccc] heads=3000cccc"_qs,
               u"down 3000cccc from=3000cccc to=2000bbbb ops=[update 3000cccc->2000bbbb] heads=2000bbbb"_qs,
               u"down 2000bbbb from=2000bbbb to=1000aaaa ops=[update 2000bbbb->1000aaaa] heads=1000aaaa"_qs,
               u"down 1000aaaa from=1000aaaa to= ops=[delete 1000aaaa->None] heads="_qs,
               u"heads after:"_qs};
    QTest::newRow("downgrade both lineages to base")
        << u"downgrade"_qs << u"7000cafe,9001beef"_qs << u"base"_qs << false
        << QStringList{
               u"down 7000cafe from=7000cafe to=6000abcd ops=[update 7000cafe->6000abcd] heads=6000abcd,9001beef"_qs,
               u"down 6000abcd from=6000abcd to=4001eeee,5000ffff ops=[insert None->4001eeee; update 6000abcd->5000ffff] heads=4001eeee,5000ffff,9001beef"_qs,
               u"down 4001eeee from=4001eeee to=4000dddd ops=[update 4001eeee->4000dddd] heads=4000dddd,5000ffff,9001beef"_qs,
               u"down 4000dddd from=4000dddd to=3000cccc ops=[delete 4000dddd->None] heads=5000ffff,9001beef"_qs,
               u"down 5000ffff from=5000ffff to=3000cccc ops=[update 5000ffff->3000cccc] heads=3000cccc,9001beef"_qs,
               u"down 9001beef from=9001beef to=9000beef ops=[update 9001beef->9000beef] heads=3000cccc,9000beef"_qs,
               u"down 9000beef from=9000beef to= ops=[delete 9000beef->None] heads=3000cccc"_qs,
               u"down 3000cccc from=3000cccc to=2000bbbb ops=[update 3000cccc->2000bbbb] heads=2000bbbb"_qs,
               u"down 2000bbbb from=2000bbbb to=1000aaaa ops=[update 2000bbbb->1000aaaa] heads=1000aaaa"_qs,
               u"down 1000aaaa from=1000aaaa to= ops=[delete 1000aaaa->None] heads="_qs,
               u"heads after:"_qs};
    QTest::newRow("downgrade label@base")
        << u"downgrade"_qs << u"7000cafe,9001beef"_qs << u"other@base"_qs << false
        << QStringList{
               u"down 9001beef from=9001beef to=9000beef ops=[update 9001beef->9000beef] heads=7000cafe,9000beef"_qs,
               u"down 9000beef from=9000beef to= ops=[delete 9000beef->None] heads=7000cafe"_qs,
               u"heads after: 7000cafe"_qs};
    QTest::newRow("downgrade label@base of a branch below a merge")
        << u"downgrade"_qs << u"7000cafe,9001beef"_qs << u"left@base"_qs << false
        << QStringList{
               u"down 7000cafe from=7000cafe to=6000abcd ops=[update 7000cafe->6000abcd] heads=6000abcd,9001beef"_qs,
               u"down 6000abcd from=6000abcd to=4001eeee,5000ffff ops=[insert None->4001eeee; update 6000abcd->5000ffff] heads=4001eeee,5000ffff,9001beef"_qs,
               u"down 4001eeee from=4001eeee to=4000dddd ops=[update 4001eeee->4000dddd] heads=4000dddd,5000ffff,9001beef"_qs,
               u"down 4000dddd from=4000dddd to=3000cccc ops=[delete 4000dddd->None] heads=5000ffff,9001beef"_qs,
               u"down 5000ffff from=5000ffff to=3000cccc ops=[update 5000ffff->3000cccc] heads=3000cccc,9001beef"_qs,
               u"down 3000cccc from=3000cccc to=2000bbbb ops=[update 3000cccc->2000bbbb] heads=2000bbbb,9001beef"_qs,
               u"down 2000bbbb from=2000bbbb to=1000aaaa ops=[update 2000bbbb->1000aaaa] heads=1000aaaa,9001beef"_qs,
               u"down 1000aaaa from=1000aaaa to= ops=[delete 1000aaaa->None] heads=9001beef"_qs,
               u"heads after: 9001beef"_qs};
    QTest::newRow("downgrade through the merge to the branch point")
        << u"downgrade"_qs << u"7000cafe"_qs << u"3000cccc"_qs << false
        << QStringList{
               u"down 7000cafe from=7000cafe to=6000abcd ops=[update 7000cafe->6000abcd] heads=6000abcd"_qs,
               u"down 6000abcd from=6000abcd to=4001eeee,5000ffff ops=[insert None->4001eeee; update 6000abcd->5000ffff] heads=4001eeee,5000ffff"_qs,
               u"down 4001eeee from=4001eeee to=4000dddd ops=[update 4001eeee->4000dddd] heads=4000dddd,5000ffff"_qs,
               u"down 4000dddd from=4000dddd to=3000cccc ops=[delete 4000dddd->None] heads=5000ffff"_qs,
               u"down 5000ffff from=5000ffff to=3000cccc ops=[update 5000ffff->3000cccc] heads=3000cccc"_qs,
               u"heads after: 3000cccc"_qs};
    QTest::newRow("downgrade to one parent of the merge")
        << u"downgrade"_qs << u"7000cafe"_qs << u"4001eeee"_qs << false
        << QStringList{
               u"down 7000cafe from=7000cafe to=6000abcd ops=[update 7000cafe->6000abcd] heads=6000abcd"_qs,
               u"down 6000abcd from=6000abcd to=4001eeee,5000ffff ops=[insert None->4001eeee; update 6000abcd->5000ffff] heads=4001eeee,5000ffff"_qs,
               u"heads after: 4001eeee,5000ffff"_qs};
    QTest::newRow("downgrade to another lineage")
        << u"downgrade"_qs << u"7000cafe"_qs << u"9001beef"_qs << false
        << QStringList{
               u"error RangeNotAncestorError: Destination 9001beef is not a valid downgrade target from current head(s)"_qs};
    QTest::newRow("downgrade two branches to their branch point")
        << u"downgrade"_qs << u"4001eeee,5000ffff"_qs << u"3000cccc"_qs << false
        << QStringList{
               u"down 4001eeee from=4001eeee to=4000dddd ops=[update 4001eeee->4000dddd] heads=4000dddd,5000ffff"_qs,
               u"down 4000dddd from=4000dddd to=3000cccc ops=[delete 4000dddd->None] heads=5000ffff"_qs,
               u"down 5000ffff from=5000ffff to=3000cccc ops=[update 5000ffff->3000cccc] heads=3000cccc"_qs,
               u"heads after: 3000cccc"_qs};
    QTest::newRow("downgrade two branches to label@base")
        << u"downgrade"_qs << u"4001eeee,5000ffff"_qs << u"right@base"_qs << false
        << QStringList{
               u"down 4001eeee from=4001eeee to=4000dddd ops=[update 4001eeee->4000dddd] heads=4000dddd,5000ffff"_qs,
               u"down 4000dddd from=4000dddd to=3000cccc ops=[delete 4000dddd->None] heads=5000ffff"_qs,
               u"down 5000ffff from=5000ffff to=3000cccc ops=[update 5000ffff->3000cccc] heads=3000cccc"_qs,
               u"down 3000cccc from=3000cccc to=2000bbbb ops=[update 3000cccc->2000bbbb] heads=2000bbbb"_qs,
               u"down 2000bbbb from=2000bbbb to=1000aaaa ops=[update 2000bbbb->1000aaaa] heads=1000aaaa"_qs,
               u"down 1000aaaa from=1000aaaa to= ops=[delete 1000aaaa->None] heads="_qs,
               u"heads after:"_qs};
    QTest::newRow("downgrade label@-1")
        << u"downgrade"_qs << u"7000cafe,9001beef"_qs << u"other@-1"_qs << false
        << QStringList{
               u"down 9001beef from=9001beef to=9000beef ops=[update 9001beef->9000beef] heads=7000cafe,9000beef"_qs,
               u"heads after: 7000cafe,9000beef"_qs};
    QTest::newRow("downgrade to the current head")
        << u"downgrade"_qs << u"7000cafe"_qs << u"7000cafe"_qs << false << QStringList{u"heads after: 7000cafe"_qs};
    QTest::newRow("stamp several targets from empty")
        << u"stamp"_qs << u""_qs << u"7000cafe,9001beef"_qs << false
        << QStringList{u"up stamp from= to=7000cafe ops=[insert None->7000cafe] heads=7000cafe"_qs,
                       u"up stamp from= to=9001beef ops=[insert None->9001beef] heads=7000cafe,9001beef"_qs,
                       u"heads after: 7000cafe,9001beef"_qs};
    QTest::newRow("stamp base") << u"stamp"_qs << u"7000cafe"_qs << u"base"_qs << false
                                << QStringList{u"down stamp from=7000cafe to= ops=[delete 7000cafe->None] heads="_qs,
                                               u"heads after:"_qs};
    QTest::newRow("stamp base with two heads")
        << u"stamp"_qs << u"7000cafe,9001beef"_qs << u"base"_qs << false
        << QStringList{u"down stamp from=7000cafe to= ops=[delete 7000cafe->None] heads=9001beef"_qs,
                       u"down stamp from=9001beef to= ops=[delete 9001beef->None] heads="_qs, u"heads after:"_qs};
    QTest::newRow("stamp --purge over an unknown row")
        << u"stamp"_qs << u"nosuch1234"_qs << u"7000cafe"_qs << true
        << QStringList{u"up stamp from= to=7000cafe ops=[insert None->7000cafe] heads=7000cafe"_qs,
                       u"heads after: 7000cafe"_qs};
    QTest::newRow("stamp over an unknown row")
        << u"stamp"_qs << u"nosuch1234"_qs << u"7000cafe"_qs << false
        << QStringList{u"error ResolutionError: No such revision or branch 'nosuch1234'"_qs};
    QTest::newRow("stamp down to both parents of a merge")
        << u"stamp"_qs << u"7000cafe"_qs << u"4001eeee,5000ffff"_qs << false << QStringList{u"error KeyError"_qs};
    QTest::newRow("stamp heads")
        << u"stamp"_qs << u"2000bbbb"_qs << u"heads"_qs << false
        << QStringList{u"up stamp from=2000bbbb to=7000cafe ops=[update 2000bbbb->7000cafe] heads=7000cafe"_qs,
                       u"up stamp from= to=9001beef ops=[insert None->9001beef] heads=7000cafe,9001beef"_qs,
                       u"heads after: 7000cafe,9001beef"_qs};
    QTest::newRow("stamp down one lineage")
        << u"stamp"_qs << u"7000cafe,9001beef"_qs << u"3000cccc"_qs << false
        << QStringList{
               u"down stamp from=7000cafe to=3000cccc ops=[update 7000cafe->3000cccc] heads=3000cccc,9001beef"_qs,
               u"heads after: 3000cccc,9001beef"_qs};
    QTest::newRow("stamp a sibling branch")
        << u"stamp"_qs << u"4001eeee"_qs << u"5000ffff"_qs << false
        << QStringList{u"up stamp from= to=5000ffff ops=[insert None->5000ffff] heads=4001eeee,5000ffff"_qs,
                       u"heads after: 4001eeee,5000ffff"_qs};
    QTest::newRow("stamp label@base")
        << u"stamp"_qs << u"7000cafe,9001beef"_qs << u"other@base"_qs << false
        << QStringList{u"down stamp from=9001beef to= ops=[delete 9001beef->None] heads=7000cafe"_qs,
                       u"heads after: 7000cafe"_qs};
    QTest::newRow("stamp the current head")
        << u"stamp"_qs << u"7000cafe"_qs << u"7000cafe"_qs << false << QStringList{u"heads after: 7000cafe"_qs};
}

void tst_planner::plan()
{
    QFETCH(QString, command);
    QFETCH(QString, current);
    QFETCH(QString, target);
    QFETCH(bool, purge);
    QFETCH(QStringList, expected);
    const auto built = RevisionMap::build(parseGraph(graph));
    QVERIFY(!built.firstError);
    const Planner planner(*built.map);
    const Result<Plan> result = command == u"upgrade" ? planner.upgrade(list(current), target)
        : command == u"downgrade"                     ? planner.downgrade(list(current), target)
                                                      : planner.stamp(list(current), list(target), purge);
    const QStringList lines = planLines(result);
    if (expected.size() == 1 && expected.front().startsWith(u"error ")) {
        RETORT_COMPARE_OUTCOME(lines.front(), expected.front());
        return;
    }
    QCOMPARE(result->headsBefore, purge ? QStringList{} : list(current));
    QCOMPARE(result->purge, purge);
    QStringList actualStable, expectedStable;
    for (const QString &l : lines)
        actualStable.append(stableOps(l));
    for (const QString &l : std::as_const(expected))
        expectedStable.append(stableOps(l));
    QCOMPARE(actualStable, expectedStable);
}

void tst_planner::purgeFlag()
{
    // --purge empties the table first: the old rows are not carried into the plan
    const auto built = RevisionMap::build(parseGraph(graph));
    const auto plan = Planner(*built.map).stamp({u"nosuch1234"_qs}, {u"7000cafe"_qs}, true);
    QVERIFY(plan.ok());
    QVERIFY(plan->purge);
    QVERIFY(plan->headsBefore.isEmpty());
    QCOMPARE(plan->headsAfter, QStringList{u"7000cafe"_qs});
}

void tst_planner::upgradeOneIsTheUpgradeOfARevisionWhoseParentsAreHeads()
{
    // Every revision, from heads that are its parents (and, for a second base, from other
    // branches' heads too): the one step equals what upgrade plans to that revision.
    const auto built = RevisionMap::build(parseGraph(graph));
    QVERIFY(!built.firstError);
    const RevisionMap &map = *built.map;
    const Planner planner(map);
    int compared = 0;
    for (RevIndex r = 0; r < map.size(); ++r) {
        QStringList parents;
        for (RevIndex parent : map.allDownRevisions(r))
            parents.append(map.id(parent));
        if (parents.isEmpty())
            continue;
        for (const QStringList &extra : {QStringList{}, QStringList{u"9001beef"_qs}}) {
            QStringList heads = parents + extra;
            heads.removeDuplicates();
            const bool otherBranch = map.id(r).startsWith(u"900"_qs);
            if (otherBranch && !extra.isEmpty())
                continue; // the second base's own line: its heads are its parents alone
            heads.sort();
            const Result<Plan> one = planner.upgradeOne(heads, r);
            const Result<Plan> full = planner.upgrade(heads, map.id(r));
            QVERIFY(one.ok() && full.ok());
            QCOMPARE(planLines(one), planLines(full));
            QCOMPARE(one->steps.size(), 1);
            ++compared;
        }
    }
    QVERIFY(compared >= 10);
}

void tst_planner::rerunIsOneStepDownAndUpAgain()
{
    // Each revision with one parent, as the database's head (alone, and beside the other
    // branches' heads): the down step is what `downgrade R@-1` plans, the up step what `upgrade R`
    // plans from there, and the version table ends where it began.
    const auto built = RevisionMap::build(parseGraph(graph));
    QVERIFY(!built.firstError);
    const RevisionMap &map = *built.map;
    const Planner planner(map);
    int checked = 0;
    for (RevIndex r = 0; r < map.size(); ++r) {
        const QString id = map.id(r);
        if (map.revision(r).downRevisions.size() != 1)
            continue;
        for (const QString &startTarget : {id, u"heads"_qs}) {
            const Result<Plan> start = planner.upgrade({}, id);
            QVERIFY2(start, qPrintable(id));
            QStringList heads = start->headsAfter;
            if (startTarget == u"heads") {
                // The other branches at their heads too, where that leaves id a head.
                const Result<Plan> others = planner.upgrade(heads, u"heads"_qs);
                QVERIFY(others);
                if (!others->headsAfter.contains(id))
                    continue;
                heads = others->headsAfter;
            }
            const Result<Plan> rerun = planner.rerun(heads, id);
            const QString context = id + u" from " + heads.join(u',');
            QVERIFY2(rerun, qPrintable(context + u": " + (rerun ? QString() : rerun.error().message)));
            const Result<Plan> down = planner.downgrade(heads, id + u"@-1");
            QVERIFY(down);
            const Result<Plan> up = planner.upgrade(down->headsAfter, id);
            QVERIFY(up);
            QCOMPARE(rerun->steps.size(), 2);
            QCOMPARE(rerun->steps.at(0), down->steps.constFirst());
            QCOMPARE(rerun->steps.at(1), up->steps.constFirst());
            QCOMPARE(rerun->headsAfter, sorted(heads));
            ++checked;
        }
    }
    QVERIFY(checked >= 8);
}

void tst_planner::rerunRefusals_data()
{
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a head") << u"3000cccc"_qs << u"2000bbbb"_qs << u"not a current head of the database"_qs;
    QTest::newRow("a merge") << u"6000abcd"_qs << u"6000abcd"_qs << u"cannot be re-run on its own"_qs;
    QTest::newRow("several heads, none named") << u"4001eeee 5000ffff"_qs << QString() << u"name the one to re-run"_qs;
    QTest::newRow("empty database") << QString() << QString() << u"nothing to re-run"_qs;
    QTest::newRow("unknown revision") << u"3000cccc"_qs << u"abcdef99"_qs << u"abcdef99"_qs;
}

void tst_planner::rerunRefusals()
{
    QFETCH(QString, current);
    QFETCH(QString, revision);
    QFETCH(QString, message);
    const auto built = RevisionMap::build(parseGraph(graph));
    QVERIFY(!built.firstError);
    const Result<Plan> rerun = Planner(*built.map).rerun(current.split(u' ', Qt::SkipEmptyParts), revision);
    QVERIFY(!rerun);
    QVERIFY2(rerun.error().message.contains(message), qPrintable(rerun.error().message));
}

QTEST_GUILESS_MAIN(tst_planner)
#include "tst_planner.moc"
