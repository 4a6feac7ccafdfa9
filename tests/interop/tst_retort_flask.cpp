// Retort and Flask-Migrate taking turns on one database: what one writes, the other reads.
// Runs Debian's /usr/bin/flask on a copy of tests/interop/flaskapp, on SQLite and on the
// PostgreSQL fixture with a password in the URL (which must never be printed).
#include "CliProcess.h"
#include "InteropProject.h"
#include "TestPassword.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

const QString kFlask = u"/usr/bin/flask"_s;
const QString kHead = u"2c122f99f547"_s;
const QString kRate = u"c157cbac9192"_s;
const QString kActive = u"08f51e9d952f"_s;
const QString kAllRevisions[] = {u"3f247d40a9c4"_s, u"8a5e40175905"_s, kRate, kActive, kHead};

struct Output
{
    int exitCode = -1;
    QString out;
    QString err;
    QString all() const { return out + err; }
    QString describe() const { return u"exit %1\nstdout:\n%2\nstderr:\n%3"_s.arg(exitCode).arg(out, err); }
};

// A fresh database for one test: an SQLite file, or a new database on the fixture server owned
// by the password role and reached through a URL that carries the password.
struct Database
{
    QString backend;
    QString url; // with the password, for DATABASE_URL
    QString password; // empty for SQLite
    QString adminUrl; // postgres superuser, to create and drop the database
    QString name;
    QString failure;

    bool create(const QString &kind, const QString &directory)
    {
        backend = kind;
        if (kind == u"sqlite") {
            url = u"sqlite:///"_s + directory + u"/timetracker.db"_s;
            return true;
        }
        adminUrl = qEnvironmentVariable("RETORT_TEST_PG_URL");
        const QUrl role(qEnvironmentVariable("RETORT_TEST_PG_PASSWORD_URL"));
        password = testPostgresPassword();
        if (adminUrl.isEmpty() || !role.isValid() || password.isEmpty()) {
            failure = u"RETORT_TEST_PG_URL / RETORT_TEST_PG_PASSWORD_URL / RETORT_TEST_PG_PASSWORD are not set: "
                      "run through ctest"_s;
            return false;
        }
        name = u"retort_interop_"_s + QString::number(QCoreApplication::applicationPid()) + u'_'
            + QString::number(QDateTime::currentMSecsSinceEpoch() % 1000000);
        if (!admin(u"CREATE DATABASE %1 OWNER %2"_s.arg(name, role.userName())))
            return false;
        QUrl withPassword = role;
        withPassword.setPassword(password);
        withPassword.setPath(u"/"_s + name);
        url = withPassword.toString(QUrl::FullyEncoded);
        return true;
    }
    ~Database()
    {
        if (!name.isEmpty())
            admin(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(name));
    }
    bool admin(const QString &sql) { return superuser(sql, QUrl(adminUrl).path().mid(1), nullptr); }
    // The first column of what `sql` returns in the test database; "ERROR ..." when it fails.
    QStringList column(const QString &sql)
    {
        if (backend == u"sqlite")
            return interop::sqliteColumn(url.sliced(u"sqlite:///"_s.size()), sql);
        QStringList rows;
        if (!superuser(sql, name, &rows))
            rows = QStringList{u"ERROR "_s + failure};
        return rows;
    }
    bool superuser(const QString &sql, const QString &database, QStringList *rows)
    {
        const QUrl server(adminUrl);
        const QString connection = u"admin_"_s + name + u'_' + database;
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
            db.setHostName(server.host());
            db.setPort(server.port(5432));
            db.setUserName(server.userName());
            db.setDatabaseName(database);
            if (db.open()) {
                QSqlQuery query(db);
                ok = query.exec(sql);
                if (!ok)
                    failure = query.lastError().text();
                while (ok && rows && query.next())
                    rows->append(query.value(0).toString());
            } else {
                failure = db.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        return ok;
    }
};

// The Flask-Migrate app copied to a temporary directory; both tools run from its root with
// FLASK_APP and DATABASE_URL set, as a developer's shell would have them.
struct FlaskApp
{
    QTemporaryDir dir;
    QString root;
    Database database;

    bool create(const QString &backend)
    {
        if (!dir.isValid())
            return false;
        root = dir.filePath(u"app"_s);
        return interop::copyTree(interop::fixture(u"flaskapp"_s), root) && database.create(backend, dir.path());
    }
    QString migrations() const { return root + u"/migrations"_s; }
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = interop::cleanEnvironment();
        env.insert(u"FLASK_APP"_s, u"app"_s);
        env.insert(u"DATABASE_URL"_s, database.url);
        return env;
    }
    Output retort(const QStringList &arguments) const
    {
        const CliResult r = runRetort(QStringList{u"-d"_s, migrations()} + arguments, environment(), root);
        return {r.crashed ? -1 : r.exitCode, r.out, r.err};
    }
    Output flask(const QStringList &arguments) const
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.setWorkingDirectory(root);
        process.start(kFlask, QStringList{u"db"_s} + arguments);
        Output o;
        if (!process.waitForFinished(180000)) {
            process.kill();
            process.waitForFinished();
            o.err = u"timed out"_s;
            return o;
        }
        o.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        o.out = QString::fromUtf8(process.readAllStandardOutput());
        o.err = QString::fromUtf8(process.readAllStandardError());
        return o;
    }
    bool appendToIni(const QString &text) const
    {
        QFile ini(migrations() + u"/alembic.ini"_s);
        if (!ini.open(QIODevice::Append))
            return false;
        ini.write(text.toUtf8());
        return true;
    }
};

// Revision ids at the start of `flask db current` lines ("2c122f99f547 (head) (mergepoint)").
QStringList currentIds(const QString &output)
{
    static const QRegularExpression id(u"^([0-9a-f]{12})\\b"_s, QRegularExpression::MultilineOption);
    QStringList ids;
    for (auto it = id.globalMatch(output); it.hasNext();)
        ids << it.next().captured(1);
    ids.sort();
    return ids;
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    list.sort();
    return list;
}

QJsonObject jsonOf(const Output &output)
{
    return QJsonDocument::fromJson(output.out.toUtf8()).object();
}

// The include_object snippet exactly as the README shows it.
QString readmeSnippet()
{
    QFile readme(QStringLiteral(RETORT_SOURCE_DIR "/README.md"));
    if (!readme.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(readme.readAll());
    const qsizetype start = text.indexOf(u"def include_object("_s, text.indexOf(u"## The journal"_s));
    if (start < 0)
        return {};
    const qsizetype end = text.indexOf(u"```"_s, start);
    return end < 0 ? QString() : text.mid(start, end - start);
}

} // namespace

class TestRetortFlask : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(kFlask).isExecutable(), "Debian's /usr/bin/flask (python3-flask-migrate) is required");
    }
    void retortUpgradeThenFlaskCurrent_data() { backends(); }
    void retortUpgradeThenFlaskCurrent();
    void flaskUpgradeThenRetortReads_data() { backends(); }
    void flaskUpgradeThenRetortReads();
    void retortStampThenFlaskCurrent_data();
    void retortStampThenFlaskCurrent();
    void journalOfPythonRevisionsCatchesAnEditedScript();
    void autogenerateLeavesTheJournalAloneWithTheSnippet_data();
    void autogenerateLeavesTheJournalAloneWithTheSnippet();

private:
    static void backends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }
    static bool passwordShown(const FlaskApp &app, const Output &output)
    {
        return !app.database.password.isEmpty() && output.all().contains(app.database.password);
    }
};

void TestRetortFlask::retortUpgradeThenFlaskCurrent()
{
    QFETCH(QString, backend);
    FlaskApp app;
    QVERIFY2(app.create(backend), qPrintable(app.database.failure));

    // Both branches of the fork and the merge, every revision on both backends.
    const Output upgrade = app.retort({u"upgrade"_s});
    QVERIFY2(upgrade.exitCode == 0, qPrintable(upgrade.describe()));
    QVERIFY(!passwordShown(app, upgrade));
    const Output current = app.retort({u"current"_s, u"--json"_s, u"-v"_s});
    QVERIFY2(current.exitCode == 0, qPrintable(current.describe()));
    QVERIFY(!passwordShown(app, current));
    QCOMPARE(strings(jsonOf(current).value(u"heads"_s)), QStringList{kHead});
    // 08f51e9d952f's server default holds on both backends: a new user is active.
    QCOMPARE(app.database.column(u"INSERT INTO users (email, name) VALUES ('ada@example.org', 'Ada')"_s),
             QStringList());
    QCOMPARE(app.database.column(u"SELECT CASE WHEN is_active THEN 'active' ELSE 'inactive' END FROM users"_s),
             QStringList{u"active"_s});

    const Output flask = app.flask({u"current"_s});
    QVERIFY2(flask.exitCode == 0, qPrintable(flask.describe()));
    QCOMPARE(currentIds(flask.out), QStringList{kHead});
    // Flask-Migrate sees nothing left to do.
    const Output again = app.flask({u"upgrade"_s});
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    QVERIFY2(!again.err.contains(u"Running upgrade"_s), qPrintable(again.describe()));
}

void TestRetortFlask::flaskUpgradeThenRetortReads()
{
    QFETCH(QString, backend);
    FlaskApp app;
    QVERIFY2(app.create(backend), qPrintable(app.database.failure));

    // One branch of the fork applied by Flask-Migrate: the other branch and the merge pending.
    Output flask = app.flask({u"upgrade"_s, kRate});
    QVERIFY2(flask.exitCode == 0, qPrintable(flask.describe()));

    Output current = app.retort({u"current"_s, u"--json"_s});
    QVERIFY2(current.exitCode == 0, qPrintable(current.describe()));
    QCOMPARE(strings(jsonOf(current).value(u"heads"_s)), QStringList{kRate});
    QCOMPARE(currentIds(app.flask({u"current"_s}).out), QStringList{kRate});

    const Output history = app.retort({u"history"_s});
    const Output flaskHistory = app.flask({u"history"_s});
    QVERIFY2(history.exitCode == 0, qPrintable(history.describe()));
    QCOMPARE(history.out, flaskHistory.out);

    Output check = app.retort({u"check"_s, u"--json"_s});
    QVERIFY2(check.exitCode == 0, qPrintable(check.describe()));
    QVERIFY(!passwordShown(app, check));
    QJsonObject report = jsonOf(check);
    QCOMPARE(report.value(u"ok"_s).toBool(), true);
    QCOMPARE(strings(report.value(u"heads"_s)), QStringList{kHead});
    QCOMPARE(strings(report.value(u"database_heads"_s)), QStringList{kRate});
    QCOMPARE(report.value(u"unknown_database_heads"_s).toArray().size(), 0);
    QCOMPARE(report.value(u"pending"_s).toInt(), 2); // the active flag and the merge
    QCOMPARE(report.value(u"journal"_s).toBool(), false); // opt-in for Alembic projects

    // The rest through Flask-Migrate too: the other branch and the merge.
    flask = app.flask({u"upgrade"_s});
    QVERIFY2(flask.exitCode == 0, qPrintable(flask.describe()));
    QVERIFY2(flask.err.contains(u"-> "_s + kActive) && flask.err.contains(u"-> "_s + kHead),
             qPrintable(flask.describe()));
    check = app.retort({u"check"_s, u"--json"_s});
    QCOMPARE(check.exitCode, 0);
    report = jsonOf(check);
    QCOMPARE(strings(report.value(u"database_heads"_s)), QStringList{kHead});
    QCOMPARE(report.value(u"pending"_s).toInt(), 0);

    // And the text forms never show the password either.
    for (const QStringList &args :
         {QStringList{u"check"_s}, QStringList{u"current"_s, u"-v"_s}, QStringList{u"log"_s}}) {
        const Output text = app.retort(args);
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        QVERIFY2(!passwordShown(app, text), qPrintable(args.join(u' ')));
    }
}

void TestRetortFlask::retortStampThenFlaskCurrent_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<QStringList>("expected");
    for (const QString &backend : {u"sqlite"_s, u"postgresql"_s}) {
        const QByteArray b = backend.toLatin1();
        QTest::newRow(QByteArray(b + " one revision").constData())
            << backend << QStringList{kActive} << QStringList{kActive};
        QTest::newRow(QByteArray(b + " both branches").constData())
            << backend << QStringList{kRate, kActive} << QStringList{kActive, kRate};
        QTest::newRow(QByteArray(b + " head").constData()) << backend << QStringList{u"head"_s} << QStringList{kHead};
    }
}

void TestRetortFlask::retortStampThenFlaskCurrent()
{
    QFETCH(QString, backend);
    QFETCH(QStringList, targets);
    QFETCH(QStringList, expected);
    FlaskApp app;
    QVERIFY2(app.create(backend), qPrintable(app.database.failure));

    const Output stamp = app.retort(QStringList{u"stamp"_s} + targets);
    QVERIFY2(stamp.exitCode == 0, qPrintable(stamp.describe()));
    QVERIFY(!passwordShown(app, stamp));
    const Output flask = app.flask({u"current"_s});
    QVERIFY2(flask.exitCode == 0, qPrintable(flask.describe()));
    QCOMPARE(currentIds(flask.out), expected);

    // Back to base through Flask-Migrate's stamp, and Retort agrees.
    QCOMPARE(app.flask({u"stamp"_s, u"base"_s}).exitCode, 0);
    const Output current = app.retort({u"current"_s, u"--json"_s});
    QCOMPARE(current.exitCode, 0);
    QCOMPARE(strings(jsonOf(current).value(u"heads"_s)), QStringList());
}

// With the journal turned on, revisions run through `flask db` are journaled with their
// checksums, and `check` notices an applied Python revision edited afterwards.
void TestRetortFlask::journalOfPythonRevisionsCatchesAnEditedScript()
{
    FlaskApp app;
    QVERIFY(app.create(u"sqlite"_s));
    QVERIFY(app.appendToIni(u"\n[retort]\njournal = true\n"_s));
    const Output upgrade = app.retort({u"upgrade"_s, kRate});
    QVERIFY2(upgrade.exitCode == 0, qPrintable(upgrade.describe()));

    const Output log = app.retort({u"log"_s, u"--json"_s});
    QVERIFY2(log.exitCode == 0, qPrintable(log.describe()));
    QStringList journaled;
    for (const QJsonValue &entry : jsonOf(log).value(u"entries"_s).toArray()) {
        QCOMPARE(entry.toObject().value(u"direction"_s).toString(), u"upgrade"_s);
        QCOMPARE(entry.toObject().value(u"script_sha256"_s).toString().size(), 64);
        journaled << entry.toObject().value(u"revision"_s).toString();
    }
    QCOMPARE(journaled, (QStringList{u"3f247d40a9c4"_s, u"8a5e40175905"_s, kRate}));
    QCOMPARE(app.retort({u"check"_s}).exitCode, 0);

    // An edit to the pending branch is fine; one to an applied revision is not.
    const QString versions = app.migrations() + u"/versions/"_s;
    QFile pending(versions + kActive + u"_add_active_flag_to_users.py"_s);
    QVERIFY(pending.open(QIODevice::Append));
    pending.write("# edited\n");
    pending.close();
    QCOMPARE(app.retort({u"check"_s}).exitCode, 0);
    QFile applied(versions + u"8a5e40175905_add_note_to_time_entries.py"_s);
    QVERIFY(applied.open(QIODevice::Append));
    applied.write("# edited\n");
    applied.close();
    const Output check = app.retort({u"check"_s, u"--json"_s});
    QVERIFY2(check.exitCode == 1, qPrintable(check.describe()));
    const QJsonArray changed = jsonOf(check).value(u"changed_scripts"_s).toArray();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).toObject().value(u"revision"_s).toString(), u"8a5e40175905"_s);
    QCOMPARE(jsonOf(check).value(u"pending"_s).toInt(), 2);
}

void TestRetortFlask::autogenerateLeavesTheJournalAloneWithTheSnippet_data()
{
    QTest::addColumn<bool>("snippet");
    QTest::newRow("without the snippet") << false;
    QTest::newRow("with the README snippet") << true;
}

void TestRetortFlask::autogenerateLeavesTheJournalAloneWithTheSnippet()
{
    QFETCH(bool, snippet);
    FlaskApp app;
    QVERIFY(app.create(u"sqlite"_s));
    QVERIFY(app.appendToIni(u"\n[retort]\njournal = true\n"_s));

    const Output upgrade = app.retort({u"upgrade"_s});
    QVERIFY2(upgrade.exitCode == 0, qPrintable(upgrade.describe()));
    const QString file = app.dir.filePath(u"timetracker.db"_s);
    QCOMPARE(interop::sqliteColumn(file, u"SELECT name FROM sqlite_master WHERE name = 'retort_journal'"_s),
             QStringList{u"retort_journal"_s});
    const Output log = app.retort({u"log"_s, u"--json"_s});
    QCOMPARE(log.exitCode, 0);
    QCOMPARE(jsonOf(log).value(u"entries"_s).toArray().size(), qsizetype(std::size(kAllRevisions)));

    if (snippet) {
        const QString function = readmeSnippet();
        QVERIFY2(function.contains(u"retort_journal"_s), "README: no include_object snippet in 'The journal'");
        QFile env(app.migrations() + u"/env.py"_s);
        QVERIFY(env.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(env.readAll());
        env.close();
        const QString configure = u"        context.configure(\n            connection=connection,\n"_s;
        QVERIFY(text.contains(configure));
        text.replace(configure, configure + u"            include_object=include_object,\n"_s);
        text.replace(u"def run_migrations_online():"_s, function + u"\n\ndef run_migrations_online():"_s);
        QVERIFY(interop::writeFile(app.migrations() + u"/env.py"_s, text));
    }

    const QDir versions(app.migrations() + u"/versions"_s);
    const QStringList before = versions.entryList({u"*.py"_s}, QDir::Files);
    const Output migrate = app.flask({u"migrate"_s, u"-m"_s, u"probe"_s});
    QVERIFY2(migrate.exitCode == 0, qPrintable(migrate.describe()));
    const QStringList after = versions.entryList({u"*.py"_s}, QDir::Files);
    QString generated;
    for (const QString &name : after) {
        if (!before.contains(name)) {
            QFile f(versions.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            generated += QString::fromUtf8(f.readAll());
        }
    }
    if (snippet) {
        QVERIFY2(!generated.contains(u"retort_journal"_s), qPrintable(generated));
        QVERIFY2(!migrate.all().contains(u"removed table 'retort_journal'"_s), qPrintable(migrate.describe()));
    } else {
        QVERIFY2(generated.contains(u"op.drop_table('retort_journal')"_s), qPrintable(migrate.describe()));
    }
}

QTEST_GUILESS_MAIN(TestRetortFlask)
#include "tst_retort_flask.moc"
