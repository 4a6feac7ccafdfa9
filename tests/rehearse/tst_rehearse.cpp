// `retort rehearse` against a real database of one backend (REHEARSE_BACKEND): the plan runs on a
// copy Retort made, the live database stays exactly as it was (bytes for SQLite; catalog and rows
// for PostgreSQL), the failure reported is the one the real upgrade gives afterwards, every
// planned step has its entry, and --from-backup rehearses on a backup `retort backup` made.
#include "CliProcess.h"
#include "LiveSnapshot.h"
#include "ShadowDatabases.h"
#include "TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct RevisionText
{
    const char *id;
    const char *parent;
    const char *upgrade;
    const char *downgrade;
};

// a1 creates a table with rows, b2 adds a column and an index, c3 creates a second table and
// then fails on a statement the database refuses, d4 would follow it.
const RevisionText revisions[] = {
    {"a1", "",
     "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);\n"
     "INSERT INTO items (id, name) VALUES (1, 'one');\nINSERT INTO items (id, name) VALUES (2, 'two');\n",
     "DROP TABLE items;\n"},
    {"b2", "a1", "ALTER TABLE items ADD COLUMN price INTEGER;\nCREATE INDEX ix_items_name ON items (name);\n",
     "DROP INDEX ix_items_name;\nALTER TABLE items DROP COLUMN price;\n"},
    {"c3", "b2",
     "CREATE TABLE orders (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items (id));\n"
     "INSERT INTO orders (id, item_id) VALUES (1, 1);\nINSERT INTO missing_table (id) VALUES (1);\n",
     "DROP TABLE orders;\n"},
    {"d4", "c3", "CREATE TABLE later (id INTEGER PRIMARY KEY);\n", "DROP TABLE later;\n"},
};

QJsonObject jsonOf(const CliResult &result)
{
    return QJsonDocument::fromJson(result.out.toUtf8()).object();
}

QString describe(const CliResult &result)
{
    return u"exit %1\nstdout:\n%2\nstderr:\n%3"_s.arg(result.exitCode).arg(result.out, result.err);
}

int lineOf(const QString &path, const char *text)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(text))
            return int(i + 1);
    }
    return -1;
}

// The fields that say where and why a run failed; the target differs (copy or live) by design.
QJsonObject failureFields(QJsonObject error)
{
    error.remove(u"message"_s);
    return error;
}

} // namespace

class TestRehearse : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_live;
    std::unique_ptr<QTemporaryDir> m_project;

    bool postgres() const { return m_live->isPostgres(); }

    CliResult retort(const QStringList &arguments) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"DATABASE_URL"_s);
        return runRetort(QStringList{u"-d"_s, m_project->path(), u"--url"_s, m_live->url()} + arguments, env,
                         m_project->path());
    }

    QStringList snapshot() const
    {
        QString failure;
        const QStringList taken = liveSnapshot(*m_live, &failure);
        if (!failure.isEmpty())
            qWarning("snapshot: %s", qPrintable(failure));
        return failure.isEmpty() ? taken : QStringList{failure};
    }

    // Shadow databases left on the server (PostgreSQL); always empty for SQLite.
    QStringList leftovers() const { return postgres() ? shadowDatabases() : QStringList(); }

    // A table's name as the schema model writes it (schema-qualified on PostgreSQL).
    QString table(const QString &name) const { return postgres() ? u"public."_s + name : name; }

    QString revisionFile(const char *id) const
    {
        return m_project->filePath(u"versions/%1_step.sql"_s.arg(QLatin1String(id)));
    }

private slots:
    void init()
    {
        QString failure;
        m_live = TestDatabase::create(QStringLiteral(REHEARSE_BACKEND), &failure);
        QVERIFY2(m_live, qPrintable(failure));
        m_project = std::make_unique<QTemporaryDir>();
        QVERIFY(QDir().mkpath(m_project->filePath(u"versions"_s)));
        for (const RevisionText &r : revisions) {
            QFile file(revisionFile(r.id));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray("-- Revision ID: ") + r.id + "\n-- Revises: " + r.parent + "\n-- Message: step "
                       + r.id + "\n\n-- +upgrade\n" + r.upgrade + "\n-- +downgrade\n" + r.downgrade);
        }
        const CliResult up = retort({u"upgrade"_s, u"a1"_s});
        QVERIFY2(up.exitCode == 0, qPrintable(describe(up)));
    }

    void cleanup()
    {
        m_live.reset();
        m_project.reset();
    }

    void failingStepIsTheFailureOfTheRealRun()
    {
        const QStringList before = snapshot();
        const QStringList shadowsBefore = leftovers();
        const CliResult rehearsal = retort({u"rehearse"_s, u"--json"_s});
        QVERIFY2(rehearsal.exitCode == 1, qPrintable(describe(rehearsal)));
        QCOMPARE(snapshot(), before);
        QCOMPARE(leftovers(), shadowsBefore);

        const QJsonObject report = jsonOf(rehearsal);
        QCOMPARE(report[u"target"_s].toString(), u"head"_s);
        QVERIFY2(report[u"database"_s].toString().startsWith(u"copy of "_s), qPrintable(rehearsal.out));
        QCOMPARE(report[u"ok"_s].toBool(), false);
        const QJsonArray steps = report[u"steps"_s].toArray();
        QCOMPARE(steps.size(), 3); // b2, c3, d4: every planned step
        QCOMPARE(steps[0][u"revision"_s].toString(), u"b2"_s);
        QCOMPARE(steps[0][u"direction"_s].toString(), u"upgrade"_s);
        QCOMPARE(steps[0][u"ok"_s].toBool(), true);
        QVERIFY(steps[0][u"seconds"_s].isDouble());
        QVERIFY(steps[0][u"error"_s].isNull());
        QCOMPARE(steps[1][u"revision"_s].toString(), u"c3"_s);
        QCOMPARE(steps[1][u"ok"_s].toBool(), false);
        QCOMPARE(steps[1][u"ran"_s].toBool(), true);
        const QJsonObject stepError = steps[1][u"error"_s].toObject();
        QCOMPARE(stepError[u"revision"_s].toString(), u"c3"_s);
        QCOMPARE(QFileInfo(stepError[u"path"_s].toString()).canonicalFilePath(),
                 QFileInfo(revisionFile("c3")).canonicalFilePath());
        QCOMPARE(stepError[u"line"_s].toInt(), lineOf(revisionFile("c3"), "missing_table"));
        QVERIFY2(stepError[u"statement"_s].toString().contains(u"missing_table"_s), qPrintable(rehearsal.out));
        QVERIFY2(stepError[u"database_message"_s].toString().contains(u"missing_table"_s), qPrintable(rehearsal.out));
        QCOMPARE(steps[2][u"revision"_s].toString(), u"d4"_s);
        QCOMPARE(steps[2][u"ran"_s].toBool(), false);
        QVERIFY(steps[2][u"seconds"_s].isNull());

        // The copy kept b2 and lost the failed c3 (one transaction): the changes are b2's.
        const CliResult diff = retort({u"diff"_s, u"a1"_s, u"b2"_s, u"--json"_s});
        QVERIFY2(diff.exitCode == 0, qPrintable(describe(diff)));
        QCOMPARE(report[u"changes"_s].toArray(), jsonOf(diff)[u"changes"_s].toArray());
        QVERIFY(!report[u"changes"_s].toArray().isEmpty());

        // The real run on the live database stops where the rehearsal said, for the same reason.
        const CliResult real = retort({u"upgrade"_s, u"--json"_s});
        QVERIFY2(real.exitCode == 1, qPrintable(describe(real)));
        QCOMPARE(failureFields(jsonOf(real)[u"error"_s].toObject()), failureFields(stepError));
        QCOMPARE(failureFields(report[u"error"_s].toObject()), failureFields(stepError));
    }

    void successfulRehearsalReportsSchemaChanges()
    {
        const QStringList before = snapshot();
        const QStringList shadowsBefore = leftovers();
        const CliResult rehearsal = retort({u"rehearse"_s, u"b2"_s, u"--json"_s});
        QVERIFY2(rehearsal.exitCode == 0, qPrintable(describe(rehearsal)));
        QCOMPARE(snapshot(), before);
        QCOMPARE(leftovers(), shadowsBefore);
        const QJsonObject report = jsonOf(rehearsal);
        QCOMPARE(report[u"ok"_s].toBool(), true);
        QCOMPARE(report[u"steps"_s].toArray().size(), 1);
        QCOMPARE(report[u"steps"_s][0][u"ok"_s].toBool(), true);
        const CliResult diff = retort({u"diff"_s, u"a1"_s, u"b2"_s, u"--json"_s});
        QCOMPARE(report[u"changes"_s].toArray(), jsonOf(diff)[u"changes"_s].toArray());

        const CliResult text = retort({u"rehearse"_s, u"b2"_s});
        QVERIFY2(text.exitCode == 0, qPrintable(describe(text)));
        QVERIFY2(text.out.contains(u"Would run upgrade a1 -> b2, step b2"_s), qPrintable(text.out));
        QVERIFY2(text.out.contains(u"add_column "_s + table(u"items"_s) + u".price"_s), qPrintable(text.out));
        QVERIFY2(text.out.contains(u"The live database was not changed"_s), qPrintable(text.out));
        QCOMPARE(snapshot(), before);
    }

    void targetBehindTheDatabaseRehearsesTheDowngrade()
    {
        const QStringList before = snapshot();
        const CliResult rehearsal = retort({u"rehearse"_s, u"base"_s, u"--json"_s});
        QVERIFY2(rehearsal.exitCode == 0, qPrintable(describe(rehearsal)));
        QCOMPARE(snapshot(), before);
        const QJsonObject report = jsonOf(rehearsal);
        const QJsonArray steps = report[u"steps"_s].toArray();
        QCOMPARE(steps.size(), 1);
        QCOMPARE(steps[0][u"revision"_s].toString(), u"a1"_s);
        QCOMPARE(steps[0][u"direction"_s].toString(), u"downgrade"_s);
        const QJsonArray changes = report[u"changes"_s].toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0][u"kind"_s].toString(), u"drop_table"_s);
        QCOMPARE(changes[0][u"table"_s].toString(), table(u"items"_s));
    }

    void fromBackupRehearsesOnTheBackupsState()
    {
        const QString file = m_project->filePath(postgres() ? u"at_a1.dump"_s : u"at_a1.db"_s);
        const CliResult backup = retort({u"backup"_s, u"--to"_s, file});
        QVERIFY2(backup.exitCode == 0, qPrintable(describe(backup)));
        const CliResult up = retort({u"upgrade"_s, u"b2"_s});
        QVERIFY2(up.exitCode == 0, qPrintable(describe(up)));

        const QStringList before = snapshot();
        const QStringList shadowsBefore = leftovers();
        // The live database is at b2 already: nothing to rehearse there.
        const CliResult live = retort({u"rehearse"_s, u"b2"_s, u"--json"_s});
        QVERIFY2(live.exitCode == 0, qPrintable(describe(live)));
        QCOMPARE(jsonOf(live)[u"steps"_s].toArray().size(), 0);
        // The backup is at a1: b2 is rehearsed on it.
        const CliResult restored = retort({u"rehearse"_s, u"b2"_s, u"--from-backup"_s, file, u"--json"_s});
        QVERIFY2(restored.exitCode == 0, qPrintable(describe(restored)));
        const QJsonObject report = jsonOf(restored);
        QVERIFY2(report[u"database"_s].toString().contains(file), qPrintable(restored.out));
        QCOMPARE(report[u"steps"_s].toArray().size(), 1);
        QCOMPARE(report[u"steps"_s][0][u"revision"_s].toString(), u"b2"_s);
        QCOMPARE(report[u"steps"_s][0][u"ok"_s].toBool(), true);
        QCOMPARE(snapshot(), before);
        QCOMPARE(leftovers(), shadowsBefore);

        // A file that is not a Retort backup is refused before anything is made.
        const QString stray = m_project->filePath(u"stray.dump"_s);
        QVERIFY(QFile::copy(file, stray));
        const CliResult refused = retort({u"rehearse"_s, u"--from-backup"_s, stray, u"--json"_s});
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(jsonOf(refused)[u"error"_s][u"kind"_s].toString(), u"NotABackup"_s);
        QCOMPARE(leftovers(), shadowsBefore);
    }
};

QTEST_GUILESS_MAIN(TestRehearse)
#include "tst_rehearse.moc"
