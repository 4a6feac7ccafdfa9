// `retort rerun`: the database's head stepped down and up again after its script was edited, on
// native SQL and Python (Alembic) projects, SQLite and PostgreSQL. The other branch's head and its
// rows stay as they were; what is not a head, or not named when there are several, is refused.
#include "EngineDatabase.h"
#include "EngineProcess.h"
#include "EngineProject.h"
#include "RandomGraph.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// a -> b -> c, and d beside c on b: two heads, c and d.
RevisionSpecs history(bool edited)
{
    RevisionSpecs specs;
    const auto add = [&](const QString &id, const QString &down, const QString &columns) {
        RevisionSpec spec;
        spec.id = id;
        if (!down.isEmpty())
            spec.downRevisions = {down};
        spec.upgradeStatements = {u"CREATE TABLE %1 (%2)"_s.arg(RandomGraph::tableOf(id), columns)};
        spec.downgradeStatements = {u"DROP TABLE %1"_s.arg(RandomGraph::tableOf(id))};
        specs.append(spec);
    };
    add(u"a0000000000a"_s, QString(), u"x INTEGER"_s);
    add(u"b0000000000b"_s, u"a0000000000a"_s, u"x INTEGER"_s);
    add(u"c0000000000c"_s, u"b0000000000b"_s, edited ? u"x INTEGER, edited INTEGER"_s : u"x INTEGER"_s);
    add(u"d0000000000d"_s, u"b0000000000b"_s, u"x INTEGER"_s);
    return specs;
}

bool writeProject(const QString &format, const QString &dir, bool edited, QString *failure)
{
    return format == u"sql" ? EngineProject::writeSql(dir, history(edited), {}, failure)
                            : EngineProject::writePython(dir, history(edited), {}, {}, failure);
}

} // namespace

class TestEngineRerun : public QObject
{
    Q_OBJECT

private slots:
    void rerunAppliesTheEditedScript_data();
    void rerunAppliesTheEditedScript();
};

void TestEngineRerun::rerunAppliesTheEditedScript_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("backend");
    for (const QString &format : {u"sql"_s, u"python"_s})
        for (const QString &backend : {u"sqlite"_s, u"postgresql"_s})
            QTest::addRow("%s/%s", qPrintable(format), qPrintable(backend)) << format << backend;
}

void TestEngineRerun::rerunAppliesTheEditedScript()
{
    QFETCH(QString, format);
    QFETCH(QString, backend);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString failure;
    const QString project = dir.filePath(u"project"_s);
    QVERIFY2(writeProject(format, project, false, &failure), qPrintable(failure));
    auto db = EngineDatabase::create(backend, &failure);
    QVERIFY2(db, qPrintable(failure));
    const QStringList base{u"-d"_s, project, u"--url"_s, db->url()};
    const auto retort = [&](const QStringList &arguments) { return EngineProcess::runRetort(base + arguments); };

    const ProcessResult up = retort({u"upgrade"_s, u"heads"_s});
    QVERIFY2(up.exitCode == 0, qPrintable(up.all()));
    const QStringList heads{u"c0000000000c"_s, u"d0000000000d"_s};
    QCOMPARE(db->versionRows(), heads);
    const QString otherTable = RandomGraph::tableOf(u"d0000000000d"_s);
    QVERIFY2(db->execute(u"INSERT INTO %1 (x) VALUES (42)"_s.arg(otherTable), &failure), qPrintable(failure));

    // Refused: several heads and none named; a revision that is not a head.
    const ProcessResult unnamed = retort({u"rerun"_s});
    QCOMPARE(unnamed.exitCode, 1);
    QVERIFY2(unnamed.err.contains(u"name the one to re-run"_s), qPrintable(unnamed.err));
    const ProcessResult notHead = retort({u"rerun"_s, u"b0000000000b"_s});
    QCOMPARE(notHead.exitCode, 1);
    QVERIFY2(notHead.err.contains(u"not a current head"_s), qPrintable(notHead.err));
    QCOMPARE(db->versionRows(), heads);

    // The developer edits c's script; the plan shows one step down and one up, of c only.
    QVERIFY2(writeProject(format, project, true, &failure), qPrintable(failure));
    const QString edited = RandomGraph::tableOf(u"c0000000000c"_s);
    QVERIFY(!db->errorOf(u"SELECT edited FROM %1"_s.arg(edited)).isEmpty());
    const ProcessResult dry = retort({u"rerun"_s, u"c0000000000c"_s, u"--dry-run"_s, u"--json"_s});
    QVERIFY2(dry.exitCode == 0, qPrintable(dry.all()));
    const QList<RanStep> planned = EngineProcess::retortSteps(dry.out, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QList<RanStep> expected{{u"downgrade"_s, u"c0000000000c"_s}, {u"upgrade"_s, u"c0000000000c"_s}};
    QCOMPARE(planned, expected);
    QCOMPARE(db->versionRows(), heads); // a dry run changes nothing

    const ProcessResult rerun = retort({u"rerun"_s, u"c0000000000c"_s});
    QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.all()));
    QVERIFY2(db->errorOf(u"SELECT edited FROM %1"_s.arg(edited)).isEmpty(), "the edited script did not run");
    QCOMPARE(db->versionRows(), heads);
    QCOMPARE(db->rows(u"SELECT x FROM %1"_s.arg(otherTable), &failure), QList<QStringList>{{u"42"_s}});

    // The journal (on by default for native projects only) has both steps, down then up.
    if (format != u"sql")
        return;
    const ProcessResult log = retort({u"log"_s, u"--json"_s});
    QVERIFY2(log.exitCode == 0, qPrintable(log.all()));
    const QJsonArray entries = EngineProcess::parseJson(log.out, &failure).value(u"entries"_s).toArray();
    QVERIFY2(failure.isEmpty(), qPrintable(failure + log.out));
    QStringList directions;
    for (const QJsonValue &entry : entries)
        if (entry.toObject().value(u"revision"_s).toString() == u"c0000000000c")
            directions << entry.toObject().value(u"direction"_s).toString();
    // Newest first or oldest first, the re-run's two steps sit together beside the first upgrade.
    std::sort(directions.begin(), directions.end());
    QCOMPARE(directions, (QStringList{u"downgrade"_s, u"upgrade"_s, u"upgrade"_s}));
}

QTEST_GUILESS_MAIN(TestEngineRerun)
#include "tst_engine_rerun.moc"
