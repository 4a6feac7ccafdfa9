// Plan files round-trip: every plan the planner makes (upgrades through merges and branches,
// downgrades, stamps with --purge) reads back from its JSON as the same value, and a broken file
// is refused with the field that is wrong.
#include "../graph/GraphSpec.h"
#include "review/PlanJson.h"
#include "run/MigrationPlanning.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

Q_DECLARE_METATYPE(retort::MigrationRequest)

class TestPlanJson : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void refusesBrokenFiles_data();
    void refusesBrokenFiles();
};

void TestPlanJson::roundTrip_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QStringList>("heads");
    QTest::addColumn<MigrationRequest>("request");
    const QString chain = u"a:: b:a c:b"_s;
    const QString branches = u"a:: b:a:left c:a:right m:b,c"_s;
    QTest::newRow("upgrade from base") << chain << QStringList() << MigrationRequest::upgrade();
    QTest::newRow("upgrade one") << chain << QStringList{u"a"_s} << MigrationRequest::upgrade(u"+1"_s);
    QTest::newRow("downgrade to base") << chain << QStringList{u"c"_s} << MigrationRequest::downgrade(u"base"_s);
    QTest::newRow("through a merge") << branches << QStringList() << MigrationRequest::upgrade(u"heads"_s);
    QTest::newRow("one branch") << branches << QStringList{u"a"_s} << MigrationRequest::upgrade(u"left@head"_s);
    QTest::newRow("down from a merge") << branches << QStringList{u"m"_s} << MigrationRequest::downgrade(u"a"_s);
    QTest::newRow("stamp") << chain << QStringList{u"a"_s} << MigrationRequest::stamp({u"c"_s});
    QTest::newRow("stamp purge") << branches << QStringList{u"zzz"_s}
                                 << MigrationRequest::stamp({u"b"_s, u"c"_s}, true);
}

void TestPlanJson::roundTrip()
{
    QFETCH(QString, graph);
    QFETCH(QStringList, heads);
    QFETCH(MigrationRequest, request);
    const auto built = RevisionMap::build(test::parseGraph(graph));
    QVERIFY(!built.firstError);
    const RevisionMap &map = *built.map;
    Result<Plan> planned = planMigration(map, heads, request);
    QVERIFY2(planned, qPrintable(planned ? QString() : planned.error().message));
    ReviewedPlan reviewed;
    reviewed.plan = std::move(planned).value();
    // Checksums come from the files; these revisions have none, so give each step one.
    for (PlanStep &step : reviewed.plan.steps) {
        if (!step.stamp)
            step.scriptSha256 = QString::fromLatin1(
                QCryptographicHash::hash(step.revision.toUtf8(), QCryptographicHash::Sha256).toHex());
    }
    QVERIFY(!reviewed.plan.steps.isEmpty());
    reviewed.review = PlanReview::build(map, reviewed.plan, SqlDialect::Sqlite);

    const QJsonObject json = PlanFile::toJson(u"/projects/app/migrations"_s, u"sqlite:///app.db"_s, reviewed);
    const auto parsed = PlanFile::parse(QJsonDocument(json).toJson(), u"plan.json"_s);
    const auto *error = parsed.failure();
    QVERIFY2(!error, qPrintable(error ? error->message : QString()));
    const PlanFile &file = parsed.value();
    QCOMPARE(file.project, u"/projects/app/migrations"_s);
    QCOMPARE(file.database, u"sqlite:///app.db"_s);
    QCOMPARE(file.plan.request, request);
    QCOMPARE(file.plan.databaseHeads, reviewed.plan.databaseHeads);
    QCOMPARE(file.plan.steps.size(), reviewed.plan.steps.size());
    for (qsizetype i = 0; i < file.plan.steps.size(); ++i)
        QVERIFY2(file.plan.steps.at(i) == reviewed.plan.steps.at(i), qPrintable(u"step %1"_s.arg(i)));
    QVERIFY(file.plan == reviewed.plan);
    QCOMPARE(json.value(u"review"_s).toObject().value(u"steps"_s).toArray().size(), reviewed.review.steps.size());
}

void TestPlanJson::refusesBrokenFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    const QByteArray head = "{\"format\": \"retort-plan\", \"format_version\": 1, ";
    const QByteArray request = "\"request\": {\"verb\": \"upgrade\", \"targets\": [\"head\"], \"purge\": false}, ";
    const QByteArray plan =
        "\"purge\": false, \"database_heads\": [], \"heads_before\": [], \"heads_after\": [\"a\"], ";
    const QByteArray step = "{\"direction\": \"upgrade\", \"stamp\": false, \"revision\": \"a\", "
                            "\"from_revisions\": [], \"to_revisions\": [\"a\"], \"to_heads\": [\"a\"], "
                            "\"script_sha256\": \"00\", \"version_ops\": [";
    const QByteArray names = "\"project\": \"/p\", \"database\": \"d\", ";
    QTest::newRow("empty") << QByteArray() << u"not JSON"_s;
    QTest::newRow("array") << QByteArray("[]") << u"the top level is not an object"_s;
    QTest::newRow("no format") << QByteArray("{}") << u"not a plan file"_s;
    QTest::newRow("version as text") << QByteArray(head).replace("1, ", "\"1\"}") << u"format_version"_s;
    QTest::newRow("no project") << head + request + plan + "\"database\": \"d\", \"steps\": []}"
                                << u"plan.project should be a string"_s;
    QTest::newRow("bad verb") << head + names + "\"request\": {\"verb\": \"drop\", \"targets\": [], \"purge\": false}, "
            + plan
            + "\"steps\": []}" << u"request.verb should be upgrade, downgrade, stamp or rerun"_s;
    QTest::newRow("heads not strings") << head + names + request
            + "\"purge\": false, \"database_heads\": [1], "
              "\"heads_before\": [], \"heads_after\": [], \"steps\": []}"
                                       << u"plan.database_heads should be a list of strings"_s;
    QTest::newRow("step not an object") << head + names + request + plan + "\"steps\": [7]}"
                                        << u"steps[0] should be an object"_s;
    QTest::newRow("bad op") << head + names + request + plan + "\"steps\": [" + step + "{\"op\": \"merge\"}]}]}"
                            << u"steps[0].version_ops[0].op should be insert, update or delete"_s;
    QTest::newRow("op without row") << head + names + request + plan + "\"steps\": [" + step
            + "{\"op\": \"insert\"}]}]}"
                                    << u"steps[0].version_ops[0].to should be a string"_s;
}

void TestPlanJson::refusesBrokenFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const auto parsed = PlanFile::parse(content, u"plan.json"_s);
    const auto *error = parsed.failure();
    QVERIFY(error);
    QCOMPARE(error->kindName(), u"BadPlanFile"_s);
    QVERIFY2(error->message.startsWith(u"plan.json: "_s), qPrintable(error->message));
    QVERIFY2(error->message.contains(expected), qPrintable(error->message));
}

QTEST_GUILESS_MAIN(TestPlanJson)
#include "tst_planjson.moc"
