// The journal rows retort writes (revision, direction, heads before/after, the script's sha256,
// user@host, version, outcome; stamps without a checksum) and the [retort] version table options,
// checked against Alembic using the same options on a twin database.
#include "EngineDatabase.h"
#include "EngineProcess.h"
#include "EngineProject.h"
#include "RandomGraph.h"
#include "TestPassword.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

RevisionSpecs twoRevisions()
{
    RevisionSpec a;
    a.id = u"ab0000000001"_s;
    a.upgradeStatements = {u"CREATE TABLE t_ab0000000001 (x INTEGER)"_s};
    a.downgradeStatements = {u"DROP TABLE t_ab0000000001"_s};
    RevisionSpec b;
    b.id = u"ab0000000002"_s;
    b.downRevisions = {a.id};
    b.branchLabels = {u"feature"_s};
    b.upgradeStatements = {u"CREATE TABLE t_ab0000000002 (x INTEGER)"_s, u"INSERT INTO t_ab0000000002 VALUES (7)"_s};
    b.downgradeStatements = {u"DROP TABLE t_ab0000000002"_s};
    return {a, b};
}

QString fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestEngineJournal : public QObject
{
    Q_OBJECT

private slots:
    void journalRows_data();
    void journalRows();
    void versionTableOptions_data();
    void versionTableOptions();
};

void TestEngineJournal::journalRows_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("withPassword");
    QTest::newRow("sqlite") << u"sqlite"_s << false;
    QTest::newRow("postgresql") << u"postgresql"_s << false;
    QTest::newRow("postgresql/password-role") << u"postgresql"_s << true;
}

void TestEngineJournal::journalRows()
{
    QFETCH(QString, backend);
    QFETCH(bool, withPassword);
    const QString role = qEnvironmentVariable("RETORT_TEST_PG_PASSWORD_ROLE", u"retort_password"_s);
    const QString password = testPostgresPassword();
    if (withPassword)
        QVERIFY2(!password.isEmpty(), "RETORT_TEST_PG_PASSWORD_FILE names no readable file; run through ctest");

    const RevisionSpecs specs = twoRevisions();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString failure;
    const QString project = dir.filePath(u"sql"_s);
    QVERIFY2(EngineProject::writeSql(project, specs, {}, &failure), qPrintable(failure));
    auto db = EngineDatabase::create(backend, &failure, withPassword ? role : QString());
    QVERIFY2(db, qPrintable(failure));
    const QString url = withPassword ? db->urlAs(role, password) : db->url();

    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-1);
    QList<ProcessResult> runs;
    runs.append(EngineProcess::runRetort({u"-d"_s, project, u"--url"_s, url, u"upgrade"_s, u"heads"_s}));
    runs.append(EngineProcess::runRetort({u"-d"_s, project, u"--url"_s, url, u"downgrade"_s, u"--"_s, u"-1"_s}));
    runs.append(EngineProcess::runRetort({u"-d"_s, project, u"--url"_s, url, u"stamp"_s, u"feature@head"_s}));
    runs.append(EngineProcess::runRetort({u"-d"_s, project, u"--url"_s, url, u"current"_s}));
    for (const ProcessResult &run : std::as_const(runs)) {
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.all()));
        if (withPassword)
            QVERIFY2(!run.all().contains(password), "the password was printed");
    }
    const QDateTime end = QDateTime::currentDateTimeUtc().addSecs(1);
    QCOMPARE(db->versionRows(), QStringList{specs[1].id});
    QVERIFY(db->tables().contains(RandomGraph::tableOf(specs[0].id)));
    QVERIFY(!db->tables().contains(RandomGraph::tableOf(specs[1].id))); // stamped, not run

    const ProcessResult version = EngineProcess::runRetort({u"--version"_s});
    QCOMPARE(version.exitCode, 0);

    const QList<QStringList> rows =
        db->rows(u"SELECT revision, direction, heads_before, heads_after, script_sha256, applied_by, retort_version, "
                 "outcome, error, started_at, finished_at, duration_ms FROM retort_journal ORDER BY id"_s,
                 &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QString a = specs[0].id;
    const QString b = specs[1].id;
    const QString shaA = fileSha256(EngineProject::sqlFilePath(project, specs[0]));
    const QString shaB = fileSha256(EngineProject::sqlFilePath(project, specs[1]));
    QVERIFY(!shaA.isEmpty() && !shaB.isEmpty());
    const QList<QStringList> expected{
        {a, u"upgrade"_s, QString(), a, shaA},
        {b, u"upgrade"_s, a, b, shaB},
        {b, u"downgrade"_s, b, a, shaB},
        {b, u"stamp"_s, a, b, QString()}, // a stamp runs no script: no checksum
    };
    QCOMPARE(rows.size(), expected.size());

    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    const QString host = QSysInfo::machineHostName();
    for (int i = 0; i < rows.size(); ++i) {
        const QStringList &row = rows[i];
        QCOMPARE(row.mid(0, 5), expected[i]);
        if (!user.isEmpty())
            QCOMPARE(row[5], user + u'@' + host);
        else
            QVERIFY2(row[5].endsWith(u'@' + host), qPrintable(row[5]));
        QVERIFY2(!row[6].isEmpty() && version.out.contains(row[6]),
                 qPrintable(u"journal version \"%1\", retort --version says \"%2\""_s.arg(row[6], version.out)));
        QCOMPARE(row[7], u"applied"_s);
        QVERIFY(row[8].isEmpty());
        const QDateTime started = QDateTime::fromString(row[9], Qt::ISODateWithMs);
        const QDateTime finished = QDateTime::fromString(row[10], Qt::ISODateWithMs);
        QVERIFY2(started.isValid() && finished.isValid(), qPrintable(row[9] + u" / "_s + row[10]));
        QVERIFY(start <= started && started <= finished && finished <= end);
        QVERIFY(row[11].toLongLong() >= 0);
    }
}

void TestEngineJournal::versionTableOptions_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("table");
    QTest::newRow("sqlite/custom table") << u"sqlite"_s << QString() << u"schema_revisions"_s;
    QTest::newRow("postgresql/custom table") << u"postgresql"_s << QString() << u"schema_revisions"_s;
    QTest::newRow("postgresql/custom table in a schema")
        << u"postgresql"_s << u"migrations_meta"_s << u"schema_revisions"_s;
    // Names are identifiers, quoted wherever they go into SQL, never pasted in.
    QTest::newRow("sqlite/quotes and spaces") << u"sqlite"_s << QString() << u"rev \"log\" 'x'"_s;
    QTest::newRow("postgresql/quotes and spaces") << u"postgresql"_s << u"meta \"data\" 'x'"_s << u"rev \"log\" 'x'"_s;
}

void TestEngineJournal::versionTableOptions()
{
    QFETCH(QString, backend);
    QFETCH(QString, schema);
    QFETCH(QString, table);
    const RevisionSpecs specs = RandomGraph::generate(4242, 7);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString failure;
    QString section = u"version_table = "_s + table;
    if (!schema.isEmpty())
        section += u"\nversion_table_schema = "_s + schema;
    const QString sqlProject = dir.filePath(u"sql"_s);
    const QString pyProject = dir.filePath(u"py"_s);
    QVERIFY2(EngineProject::writeSql(sqlProject, specs, section, &failure), qPrintable(failure));
    QVERIFY2(EngineProject::writePython(pyProject, specs, table, schema, &failure), qPrintable(failure));
    auto ours = EngineDatabase::create(backend, &failure);
    QVERIFY2(ours, qPrintable(failure));
    auto theirs = EngineDatabase::create(backend, &failure);
    QVERIFY2(theirs, qPrintable(failure));
    if (!schema.isEmpty()) {
        const QString create = u"CREATE SCHEMA \""_s + QString(schema).replace(u'"', u"\"\""_s) + u'"';
        QVERIFY2(ours->execute(create, &failure), qPrintable(failure));
        QVERIFY2(theirs->execute(create, &failure), qPrintable(failure));
    }

    const QList<QStringList> commands{
        {u"upgrade"_s, u"heads"_s}, {u"downgrade"_s, u"base"_s}, {u"upgrade"_s, specs[2].id}, {u"stamp"_s, u"heads"_s}};
    for (const QStringList &command : commands) {
        const QString context = command.join(u' ');
        const ProcessResult run = EngineProcess::runRetort(
            QStringList{u"-d"_s, sqlProject, u"--url"_s, ours->url(), command[0], u"--"_s} + command.mid(1));
        const ProcessResult alembic = EngineProcess::runAlembic(pyProject, theirs->url(), command);
        QVERIFY2(alembic.exitCode == 0, qPrintable(context + u": "_s + alembic.err));
        QVERIFY2(run.exitCode == 0, qPrintable(context + u": "_s + run.all()));
        QVERIFY2(ours->versionRows(table, schema) == theirs->versionRows(table, schema),
                 qPrintable(u"%1: retort [%2], alembic [%3]"_s.arg(context, ours->versionRows(table, schema).join(u','),
                                                                   theirs->versionRows(table, schema).join(u','))));
        QVERIFY2(!ours->tables().contains(u"alembic_version"_s), qPrintable(context));
        QCOMPARE(ours->tables(schema).contains(table), true);
    }
    QVERIFY(!ours->versionRows(table, schema).isEmpty());
    // The journal lives next to the version table.
    QVERIFY2(ours->tables(schema).contains(u"retort_journal"_s), qPrintable(ours->tables(schema).join(u',')));
}

QTEST_GUILESS_MAIN(TestEngineJournal)
#include "tst_engine_journal.moc"
