// What a finished run says it did: counted per kind of step, singular and plural right.
#include "run/RunSummary.h"

#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

// One character per step: u = upgrade, d = downgrade, s = stamp.
Plan planOf(const QString &kinds)
{
    Plan plan;
    for (const QChar kind : kinds) {
        PlanStep step;
        step.stamp = kind == u's';
        step.direction = kind == u'd' ? PlanStep::Direction::Down : PlanStep::Direction::Up;
        plan.steps.append(step);
    }
    return plan;
}

} // namespace

class TestRunSummary : public QObject
{
    Q_OBJECT

private slots:
    void summary_data();
    void summary();
    void stepCount_data();
    void stepCount();
};

void TestRunSummary::summary_data()
{
    QTest::addColumn<QString>("steps");
    QTest::addColumn<int>("done");
    QTest::addColumn<QString>("expected");

    QTest::newRow("one upgrade") << u"u"_s << 1 << u"1 step applied"_s;
    QTest::newRow("three upgrades") << u"uuu"_s << 3 << u"3 steps applied"_s;
    QTest::newRow("twenty downgrades") << QString(20, u'd') << 20 << u"20 steps reverted"_s;
    QTest::newRow("one downgrade") << u"d"_s << 1 << u"1 step reverted"_s;
    QTest::newRow("stamp") << u"s"_s << 1 << u"stamped"_s;
    QTest::newRow("stamp of two heads") << u"ss"_s << 2 << u"stamped"_s;
    QTest::newRow("nothing ran") << u"uuu"_s << 0 << QString();
    QTest::newRow("empty plan") << QString() << 0 << QString();
    QTest::newRow("cancelled after two of five") << u"ddddd"_s << 2 << u"2 steps reverted"_s;
    QTest::newRow("mixed") << u"uuds"_s << 4 << u"2 steps applied, 1 step reverted, stamped"_s;
    QTest::newRow("more done than planned") << u"u"_s << 3 << u"1 step applied"_s;
}

void TestRunSummary::summary()
{
    QFETCH(QString, steps);
    QFETCH(int, done);
    QFETCH(QString, expected);
    QCOMPARE(runSummary(planOf(steps), done), expected);
}

void TestRunSummary::stepCount_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0") << 0 << u"0 steps"_s;
    QTest::newRow("1") << 1 << u"1 step"_s;
    QTest::newRow("2") << 2 << u"2 steps"_s;
    QTest::newRow("21") << 21 << u"21 steps"_s;
}

void TestRunSummary::stepCount()
{
    QFETCH(int, count);
    QFETCH(QString, expected);
    QCOMPARE(retort::stepCount(count), expected);
}

QTEST_APPLESS_MAIN(TestRunSummary)
#include "tst_runsummary.moc"
