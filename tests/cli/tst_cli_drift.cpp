// `retort drift`, `retort identify` and check's drift section on native SQL projects, against a
// real database of one backend (DRIFT_BACKEND: a SQLite file, or a database on the PostgreSQL
// fixture server) that the test changes behind Retort's back. The person's database is only read.
#include "CliProcess.h"
#include "NativeProject.h"
#include "TestDatabase.h"
#include "TestPassword.h"

#include "db/Connection.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

const QString backend = QStringLiteral(DRIFT_BACKEND);

// A native project with an alembic.ini (for [retort] settings) and a database of its own.
struct DriftProject
{
    QTemporaryDir dir;
    std::unique_ptr<TestDatabase> database;
    QString url; // what retort is given with --url
    QString retortSection;

    bool create(QString *failure, const QString &owner = QString())
    {
        database = TestDatabase::create(backend, failure, owner);
        if (!database)
            return false;
        url = database->url();
        return writeIni();
    }

    bool writeIni() const
    {
        QFile ini(dir.filePath(u"alembic.ini"_s));
        if (!ini.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        ini.write((u"[alembic]\nscript_location = %(here)s\n\n"_s + retortSection).toUtf8());
        return true;
    }

    QString file(const QString &id) const { return dir.filePath(u"versions/"_s + id + u"_step.sql"_s); }

    bool addRevision(const QString &id, const QString &parents, const QString &upgrade) const
    {
        QDir().mkpath(dir.filePath(u"versions"_s));
        QFile f(file(id));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        f.write(u"-- Revision ID: %1\n-- Revises: %2\n-- Message: step %1\n\n-- +upgrade\n%3\n\n-- +downgrade\n"_s
                    .arg(id, parents, upgrade)
                    .toUtf8());
        return true;
    }

    // Changes the database the way a person with a SQL prompt would.
    bool execute(const QString &sql) const
    {
        QString failure;
        const auto connection = database->connect(&failure);
        if (!connection) {
            qWarning() << failure;
            return false;
        }
        if (const auto error = connection->execute(sql)) {
            qWarning() << error->toString();
            return false;
        }
        return true;
    }

    CliResult retort(const QStringList &arguments) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"DATABASE_URL"_s);
        return runRetort(QStringList{u"-d"_s, dir.path(), u"--url"_s, url} + arguments, env, dir.path());
    }

    // SQLite: the file's bytes; PostgreSQL: the catalog facts that drift would see, and the rows.
    QByteArray fingerprint() const
    {
        if (!database->isPostgres()) {
            QFile f(database->url().mid(u"sqlite:///"_s.size()));
            return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                               : QByteArray();
        }
        QString failure;
        const auto connection = database->connect(&failure);
        if (!connection)
            return {};
        QSqlQuery query(connection->database());
        QByteArray all;
        for (const QString &sql :
             {u"SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns "
              "WHERE table_schema = 'public' ORDER BY 1"_s,
              u"SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"_s}) {
            query.exec(sql);
            while (query.next())
                all += query.value(0).toString().toUtf8() + '\n';
        }
        if (query.exec(u"SELECT version_num FROM alembic_version ORDER BY 1"_s)) {
            while (query.next())
                all += query.value(0).toString().toUtf8() + '\n';
        }
        return all;
    }
};

QStringList kindsAndTables(const QJsonArray &changes)
{
    QStringList list;
    for (const QJsonValue &change : changes) {
        const QJsonObject c = change.toObject();
        QString where = c.value(u"table"_s).toString();
        if (!c.value(u"name"_s).toString().isEmpty())
            where += u'.' + c.value(u"name"_s).toString();
        list << c.value(u"kind"_s).toString() + u' ' + where;
    }
    return list;
}

// A straight history whose every revision leaves a schema of its own: a new table, a column on
// the last table, or an index on it, in turn. Returns the ids, base to head.
QStringList buildHistory(const DriftProject &p, int length)
{
    QStringList ids;
    QString table;
    for (int i = 0; i < length; ++i) {
        const QString id = u"r%1"_s.arg(i, 2, 10, QLatin1Char('0'));
        QString sql;
        switch (i % 3) {
        case 0:
            table = u"t_"_s + id;
            sql = u"CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(40));"_s.arg(table);
            break;
        case 1:
            sql = u"ALTER TABLE %1 ADD COLUMN c_%2 INTEGER;"_s.arg(table, id);
            break;
        default:
            sql = u"CREATE INDEX ix_%1 ON %2 (name);"_s.arg(id, table);
            break;
        }
        if (!p.addRevision(id, ids.isEmpty() ? QString() : ids.last(), sql))
            return {};
        ids << id;
    }
    return ids;
}

} // namespace

class TestCliDrift : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void columnAddedByHandIsDrift();
    void ignoredTablesAreLeftOut();
    void severalVersionRows();
    void emptyAndUnknownVersionTable();
    void cannotCheckIsSaidNotFailed();
    void identifiesARandomRevision();
    void identifyPrefersTheNewestOfEqualSchemas();

private:
    QTemporaryDir m_cache;
};

void TestCliDrift::initTestCase()
{
    QVERIFY(m_cache.isValid());
    qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
}

void TestCliDrift::columnAddedByHandIsDrift()
{
    DriftProject p;
    QString failure;
    QVERIFY2(p.create(&failure), qPrintable(failure));
    QVERIFY(!buildHistory(p, 4).isEmpty());
    CliResult run = p.retort({u"upgrade"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

    run = p.retort({u"drift"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(jsonOf(run).value(u"drift"_s).toObject().value(u"checked"_s).toBool(), true);
    QCOMPARE(jsonOf(run).value(u"drift"_s).toObject().value(u"changes"_s).toArray().size(), 0);
    QCOMPARE(jsonOf(run).value(u"dialect"_s).toString(), backend);
    run = p.retort({u"check"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(jsonOf(run).value(u"drift"_s).toObject().value(u"checked"_s).toBool(), true);

    QVERIFY(p.execute(u"ALTER TABLE t_r03 ADD COLUMN note VARCHAR(20)"_s));
    const QByteArray before = p.fingerprint();
    QVERIFY(!before.isEmpty());

    run = p.retort({u"drift"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    const QJsonArray changes = jsonOf(run).value(u"drift"_s).toObject().value(u"changes"_s).toArray();
    const QString table = backend == u"postgresql" ? u"public.t_r03"_s : u"t_r03"_s;
    QCOMPARE(kindsAndTables(changes), QStringList{u"add_column "_s + table + u".note"_s});
    // The same change object `diff --json` prints.
    for (const QString &key : {u"kind"_s, u"table"_s, u"name"_s, u"before"_s, u"after"_s, u"aspects"_s})
        QVERIFY2(changes.at(0).toObject().contains(key), qPrintable(key));
    QCOMPARE(strings(jsonOf(run).value(u"database_heads"_s)), QStringList{u"r03"_s});

    run = p.retort({u"drift"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(u"add_column "_s + table + u".note"_s), qPrintable(run.out));

    run = p.retort({u"check"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QCOMPARE(jsonOf(run).value(u"ok"_s).toBool(), false);
    const QJsonObject drift = jsonOf(run).value(u"drift"_s).toObject();
    QCOMPARE(drift.value(u"checked"_s).toBool(), true);
    QCOMPARE(kindsAndTables(drift.value(u"changes"_s).toArray()), QStringList{u"add_column "_s + table + u".note"_s});
    run = p.retort({u"check"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(u"schema differs"_s), qPrintable(run.out));
    run = p.retort({u"check"_s, u"--no-drift"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

    QCOMPARE(p.fingerprint(), before); // drift and check only read
}

void TestCliDrift::ignoredTablesAreLeftOut()
{
    DriftProject p;
    p.retortSection = u"[retort]\ndrift_ignore = scratch_*, public.audit_log\n"_s;
    QString failure;
    QVERIFY2(p.create(&failure), qPrintable(failure));
    QVERIFY(!buildHistory(p, 2).isEmpty());
    CliResult run = p.retort({u"upgrade"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY(p.execute(u"CREATE TABLE scratch_tmp (id INTEGER)"_s));
    QVERIFY(p.execute(u"CREATE TABLE audit_log (id INTEGER)"_s));
    QVERIFY(p.execute(u"CREATE TABLE kept (id INTEGER)"_s));

    run = p.retort({u"drift"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QStringList expected{backend == u"postgresql" ? u"add_table public.kept"_s : u"add_table kept"_s};
    // `public.audit_log` names PostgreSQL's schema; a SQLite table has none, so it stays.
    if (backend == u"sqlite")
        expected.prepend(u"add_table audit_log"_s);
    QCOMPARE(kindsAndTables(jsonOf(run).value(u"drift"_s).toObject().value(u"changes"_s).toArray()), expected);
    QCOMPARE(strings(jsonOf(run).value(u"ignored"_s)), (QStringList{u"scratch_*"_s, u"public.audit_log"_s}));

    QVERIFY(p.execute(u"DROP TABLE kept"_s));
    QVERIFY(p.execute(u"DROP TABLE audit_log"_s));
    run = p.retort({u"drift"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY(run.out.contains(u"No drift"_s));
}

void TestCliDrift::severalVersionRows()
{
    // Two independent lines applied: the expected schema is `upgrade a2 b2` from base.
    DriftProject p;
    QString failure;
    QVERIFY2(p.create(&failure), qPrintable(failure));
    QVERIFY(p.addRevision(u"a1"_s, QString(), u"CREATE TABLE ta (id INTEGER PRIMARY KEY);"_s));
    QVERIFY(p.addRevision(u"a2"_s, u"a1"_s, u"ALTER TABLE ta ADD COLUMN x INTEGER;"_s));
    QVERIFY(p.addRevision(u"b1"_s, QString(), u"CREATE TABLE tb (id INTEGER PRIMARY KEY);"_s));
    QVERIFY(p.addRevision(u"b2"_s, u"b1"_s, u"ALTER TABLE tb ADD COLUMN y INTEGER;"_s));
    CliResult run = p.retort({u"upgrade"_s, u"heads"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

    for (int pass = 0; pass < 2; ++pass) { // the second from the cache
        run = p.retort({u"drift"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(strings(jsonOf(run).value(u"database_heads"_s)), (QStringList{u"a2"_s, u"b2"_s}));
    }
    QVERIFY(p.execute(u"ALTER TABLE tb ADD COLUMN z INTEGER"_s));
    run = p.retort({u"drift"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    const QString table = backend == u"postgresql" ? u"public.tb"_s : u"tb"_s;
    QCOMPARE(kindsAndTables(jsonOf(run).value(u"drift"_s).toObject().value(u"changes"_s).toArray()),
             QStringList{u"add_column "_s + table + u".z"_s});
}

void TestCliDrift::emptyAndUnknownVersionTable()
{
    DriftProject p;
    QString failure;
    QVERIFY2(p.create(&failure), qPrintable(failure));
    QVERIFY(!buildHistory(p, 3).isEmpty());
    CliResult run = p.retort({u"upgrade"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

    QVERIFY(p.execute(u"DELETE FROM alembic_version"_s));
    run = p.retort({u"drift"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    const QString table = backend == u"postgresql" ? u"public.t_r00"_s : u"t_r00"_s;
    QCOMPARE(kindsAndTables(jsonOf(run).value(u"drift"_s).toObject().value(u"changes"_s).toArray()),
             QStringList{u"add_table "_s + table});
    run = p.retort({u"drift"_s});
    QVERIFY2(run.out.contains(u"retort identify"_s), qPrintable(run.out));

    QVERIFY(p.execute(u"INSERT INTO alembic_version (version_num) VALUES ('0ddba11')"_s));
    run = p.retort({u"drift"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    const QJsonObject error = jsonOf(run).value(u"error"_s).toObject();
    QCOMPARE(error.value(u"revision"_s).toString(), u"0ddba11"_s);
    QVERIFY2(error.value(u"message"_s).toString().contains(u"retort identify"_s), qPrintable(describe(run)));
    run = p.retort({u"drift"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"retort identify"_s), qPrintable(run.err));

    run = p.retort({u"check"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 1); // the unknown row fails check, not drift
    const QJsonObject drift = jsonOf(run).value(u"drift"_s).toObject();
    QCOMPARE(drift.value(u"checked"_s).toBool(), false);
    QVERIFY2(drift.value(u"reason"_s).toString().contains(u"retort identify"_s), qPrintable(run.out));
}

void TestCliDrift::cannotCheckIsSaidNotFailed()
{
    DriftProject p;
    QString failure;
    if (backend == u"postgresql") {
        // The fixture's password role has no CREATEDB: no shadow database without shadow_url.
        const QString role = QUrl(qEnvironmentVariable("RETORT_TEST_PG_PASSWORD_URL")).userName();
        const QString password = testPostgresPassword();
        QVERIFY(!role.isEmpty() && !password.isEmpty());
        QVERIFY2(p.create(&failure, role), qPrintable(failure));
        p.url = p.database->urlAs(role, password);
        QVERIFY(!buildHistory(p, 2).isEmpty());
        CliResult run = p.retort({u"upgrade"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        run = p.retort({u"check"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject drift = jsonOf(run).value(u"drift"_s).toObject();
        QCOMPARE(drift.value(u"checked"_s).toBool(), false);
        QVERIFY2(drift.value(u"reason"_s).toString().contains(u"shadow_url"_s), qPrintable(run.out));
        QVERIFY(!run.out.contains(password) && !run.err.contains(password));
        run = p.retort({u"drift"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"shadow_url"_s), qPrintable(run.err));
        QVERIFY(!run.out.contains(password) && !run.err.contains(password));
        return;
    }
    // SQLite always has a shadow; a revision that no longer replays is the reason here.
    QVERIFY2(p.create(&failure), qPrintable(failure));
    QVERIFY(!buildHistory(p, 2).isEmpty());
    CliResult run = p.retort({u"upgrade"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY(p.addRevision(u"r01"_s, u"r00"_s, u"ALTER TABLE no_such_table ADD COLUMN c INTEGER;"_s));
    run = p.retort({u"check"_s, u"--json"_s});
    const QJsonObject drift = jsonOf(run).value(u"drift"_s).toObject();
    QCOMPARE(drift.value(u"checked"_s).toBool(), false);
    QVERIFY2(drift.value(u"reason"_s).toString().contains(u"no_such_table"_s), qPrintable(run.out));
    // check fails for the edited script, which the journal sees, not for the drift it cannot tell.
    QCOMPARE(jsonOf(run).value(u"changed_scripts"_s).toArray().size(), 1);
    run = p.retort({u"drift"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"r01"_s), qPrintable(run.err));
}

void TestCliDrift::identifiesARandomRevision()
{
    DriftProject p;
    QString failure;
    QVERIFY2(p.create(&failure), qPrintable(failure));
    const QStringList ids = buildHistory(p, 9);
    QVERIFY(!ids.isEmpty());
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    const QString target = ids.at(int(random.bounded(quint32(ids.size()))));
    qInfo("seed %u: the database is built to %s", seed, qPrintable(target));

    CliResult run = p.retort({u"upgrade"_s, target});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY(p.execute(u"DROP TABLE alembic_version"_s));
    QVERIFY(p.execute(u"DROP TABLE retort_journal"_s));
    const QByteArray before = p.fingerprint();

    run = p.retort({u"identify"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject report = jsonOf(run);
    const QJsonArray candidates = report.value(u"candidates"_s).toArray();
    QCOMPARE(candidates.size(), 5); // --limit's default
    QCOMPARE(report.value(u"total"_s).toInt(), ids.size() + 1); // and base
    QCOMPARE(candidates.at(0).toObject().value(u"revision"_s).toString(), target);
    QCOMPARE(candidates.at(0).toObject().value(u"exact"_s).toBool(), true);
    QCOMPARE(candidates.at(0).toObject().value(u"distance"_s).toInt(), 0);
    int previous = 0;
    for (int i = 1; i < candidates.size(); ++i) {
        const QJsonObject c = candidates.at(i).toObject();
        QCOMPARE(c.value(u"exact"_s).toBool(), false);
        QVERIFY(c.value(u"distance"_s).toInt() >= previous);
        QCOMPARE(c.value(u"distance"_s).toInt(), c.value(u"differences"_s).toArray().size());
        previous = c.value(u"distance"_s).toInt();
    }

    run = p.retort({u"identify"_s, u"--limit"_s, u"2"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.out.contains(u"retort stamp "_s + target), qPrintable(run.out));
    run = p.retort({u"identify"_s, u"--limit"_s, u"2"_s, u"--json"_s});
    QCOMPARE(jsonOf(run).value(u"candidates"_s).toArray().size(), 2);

    QCOMPARE(p.fingerprint(), before); // identify only read

    // Not exact any more: the closest and its differences, and no stamp offered as a match.
    QVERIFY(p.execute(u"CREATE TABLE stray (id INTEGER)"_s));
    const QByteArray withStray = p.fingerprint();
    run = p.retort({u"identify"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject best = jsonOf(run).value(u"candidates"_s).toArray().at(0).toObject();
    QCOMPARE(best.value(u"revision"_s).toString(), target);
    QCOMPARE(best.value(u"exact"_s).toBool(), false);
    QCOMPARE(best.value(u"distance"_s).toInt(), 1);
    QCOMPARE(best.value(u"differences"_s).toArray().at(0).toObject().value(u"kind"_s).toString(), u"add_table"_s);
    run = p.retort({u"identify"_s});
    QVERIFY2(run.out.contains(u"The closest is "_s + target), qPrintable(run.out));
    QCOMPARE(p.fingerprint(), withStray);
    QVERIFY(p.execute(u"DROP TABLE stray"_s));

    run = p.retort({u"stamp"_s, target});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    run = p.retort({u"drift"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
}

void TestCliDrift::identifyPrefersTheNewestOfEqualSchemas()
{
    DriftProject p;
    QString failure;
    QVERIFY2(p.create(&failure), qPrintable(failure));
    QVERIFY(p.addRevision(u"a1"_s, QString(), u"CREATE TABLE ta (id INTEGER PRIMARY KEY);"_s));
    QVERIFY(p.addRevision(u"a2"_s, u"a1"_s, u"INSERT INTO ta (id) VALUES (1);"_s)); // data only
    QVERIFY(p.addRevision(u"a3"_s, u"a2"_s, u"CREATE TABLE tb (id INTEGER PRIMARY KEY);"_s));
    QVERIFY(p.addRevision(u"bad"_s, u"a3"_s, u"ALTER TABLE no_such_table ADD COLUMN c INTEGER;"_s));
    QVERIFY(p.addRevision(u"after"_s, u"bad"_s, u"CREATE TABLE tc (id INTEGER PRIMARY KEY);"_s));
    CliResult run = p.retort({u"upgrade"_s, u"a1"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY(p.execute(u"DROP TABLE alembic_version"_s));

    run = p.retort({u"identify"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QJsonArray candidates = jsonOf(run).value(u"candidates"_s).toArray();
    QCOMPARE(candidates.at(0).toObject().value(u"revision"_s).toString(), u"a2"_s);
    QCOMPARE(candidates.at(1).toObject().value(u"revision"_s).toString(), u"a1"_s);
    QCOMPARE(candidates.at(1).toObject().value(u"exact"_s).toBool(), true);
    const QJsonArray unreplayed = jsonOf(run).value(u"could_not_replay"_s).toArray();
    QCOMPARE(unreplayed.size(), 2);
    QStringList failed;
    for (const QJsonValue &entry : unreplayed)
        failed << entry.toObject().value(u"revision"_s).toString();
    failed.sort();
    QCOMPARE(failed, (QStringList{u"after"_s, u"bad"_s}));
    run = p.retort({u"identify"_s});
    QVERIFY2(run.out.contains(u"could not replay: bad"_s), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"retort stamp a2"_s), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestCliDrift)
#include "tst_cli_drift.moc"
