// `retort replay` and `retort schema` on Python projects: the schema Retort replays for each
// revision, through the project's own Alembic on a shadow database, equals the schema of a
// database that Debian's flask / alembic migrated to that revision itself, on SQLite and on the
// PostgreSQL fixture server (REPLAY_BACKEND). The person's database (named by DATABASE_URL) is
// never touched: byte for byte on SQLite, by catalog on PostgreSQL, and no scratch database is
// left on the server.
#include "CliProcess.h"
#include "InteropProject.h"
#include "ShadowDatabases.h"
#include "TestDatabase.h"
#include "db/Connection.h"
#include "db/DatabaseUrl.h"
#include "schema/SchemaJson.h"
#include "schema/SchemaReader.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString run(const QString &program, const QStringList &arguments, const QProcessEnvironment &env,
            const QString &directory, int *exitCode)
{
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(directory);
    process.start();
    process.waitForFinished(300000);
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

const QString Backend = QStringLiteral(REPLAY_BACKEND);

// The tables and views of the database at `url` as SchemaJson writes them.
QJsonObject schemaOf(const QString &url, QString *failure)
{
    retort::Connection connection(retort::DatabaseUrl::parse(url).value(), QDir::currentPath());
    if (const auto error = connection.open()) {
        *failure = error->toString();
        return {};
    }
    const auto schema = retort::readSchema(connection);
    if (!schema) {
        *failure = schema.error().toString();
        return {};
    }
    return retort::SchemaJson::toJson(*schema);
}

QByteArray hashOf(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

struct Project
{
    QString fixture; // tests/interop/<fixture>
    QStringList revisions; // base to head, a straight line
    QString tool; // "/usr/bin/flask" or "/usr/bin/alembic"
    QStringList toolPrefix; // {"db"} or {"-c", "alembic.ini"}
    QString migrations; // -d for retort, relative to the copy
};

} // namespace

class TestReplayPython : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(u"/usr/bin/flask"_s),
                 "Debian's flask is needed (apt install python3-flask-migrate)");
        QVERIFY2(QFileInfo::exists(u"/usr/bin/alembic"_s), "Debian's alembic is needed (apt install alembic)");
    }

    void replayMatchesTheProjectsOwnAlembic_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QStringList>("revisions");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QStringList>("prefix");
        QTest::addColumn<QString>("project"); // what -d names: the folder that holds alembic.ini
        // flaskapp branches after 8a5e40175905 and merges at 2c122f99f547.
        QTest::newRow("flask-migrate") << u"flaskapp"_s
                                       << QStringList{u"3f247d40a9c4"_s, u"8a5e40175905"_s, u"c157cbac9192"_s,
                                                      u"08f51e9d952f"_s, u"2c122f99f547"_s}
                                       << u"/usr/bin/flask"_s << QStringList{u"db"_s} << u"migrations"_s;
        QTest::newRow("plain alembic") << u"plainalembic"_s << QStringList() << u"/usr/bin/alembic"_s
                                       << QStringList{u"-c"_s, u"alembic.ini"_s} << u"."_s;
    }

    void replayMatchesTheProjectsOwnAlembic()
    {
        QFETCH(QString, fixture);
        QFETCH(QStringList, revisions);
        QFETCH(QString, tool);
        QFETCH(QStringList, prefix);
        QFETCH(QString, project);
        QTemporaryDir dir;
        const QString root = dir.filePath(u"project"_s);
        QVERIFY(interop::copyTree(interop::fixture(fixture), root));
        QProcessEnvironment env = interop::cleanEnvironment();
        env.insert(u"XDG_CACHE_HOME"_s, dir.filePath(u"cache"_s));
        // The person's database: replay must leave it exactly as it is. It holds a table of its
        // own, so a replay that wrote into it (or dropped it) shows in its catalog.
        QString failure;
        auto user = TestDatabase::create(Backend, &failure);
        QVERIFY2(user, qPrintable(failure));
        {
            auto connection = user->connect(&failure);
            QVERIFY2(connection, qPrintable(failure));
            QVERIFY(!connection->execute(u"CREATE TABLE mine (id INTEGER PRIMARY KEY)"_s));
        }
        env.insert(u"DATABASE_URL"_s, user->sqlalchemyUrl());
        const QString userFile = user->isPostgres()
            ? QString()
            : retort::DatabaseUrl::parse(user->url())->sqliteFilePath(QDir::currentPath());
        const QByteArray userBefore = user->isPostgres() ? QByteArray() : hashOf(userFile);
        const QJsonObject userSchema = schemaOf(user->url(), &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QStringList shadowsBefore = user->isPostgres() ? shadowDatabases() : QStringList();
        const auto userUnchanged = [&] {
            QString why;
            const bool same = schemaOf(user->url(), &why) == userSchema
                && (user->isPostgres() ? shadowDatabases() == shadowsBefore : hashOf(userFile) == userBefore);
            return same && why.isEmpty();
        };

        if (revisions.isEmpty()) { // the plain project: its revisions in order, from retort itself
            const CliResult history = runRetort({u"-d"_s, project, u"history"_s, u"--json"_s}, env, root);
            QCOMPARE(history.exitCode, 0);
            for (const QJsonValue &r : QJsonDocument::fromJson(history.out.toUtf8())[u"revisions"_s].toArray())
                revisions.prepend(r[u"revision"_s].toString());
            QVERIFY(revisions.size() >= 2);
        }

        const CliResult replay = runRetort({u"-d"_s, project, u"replay"_s, u"--json"_s}, env, root);
        QVERIFY2(replay.exitCode == 0, qPrintable(replay.out + replay.err));
        const QJsonArray report = QJsonDocument::fromJson(replay.out.toUtf8())[u"revisions"_s].toArray();
        QCOMPARE(report.size(), revisions.size());
        for (const QJsonValue &r : report)
            QVERIFY2(r[u"status"_s].toString() == u"ok"_s, QJsonDocument(r.toObject()).toJson().constData());
        QVERIFY(userUnchanged());

        for (const QString &revision : std::as_const(revisions)) {
            auto reference = TestDatabase::create(Backend, &failure);
            QVERIFY2(reference, qPrintable(failure));
            QProcessEnvironment toolEnv = interop::cleanEnvironment();
            toolEnv.insert(u"DATABASE_URL"_s, reference->sqlalchemyUrl());
            int code = -1;
            const QString said = run(tool, prefix + QStringList{u"upgrade"_s, revision}, toolEnv, root, &code);
            QVERIFY2(code == 0, qPrintable(said));
            const QJsonObject expected = schemaOf(reference->url(), &failure);
            QVERIFY2(failure.isEmpty(), qPrintable(failure));

            const CliResult shown = runRetort({u"-d"_s, project, u"schema"_s, revision, u"--json"_s}, env, root);
            QVERIFY2(shown.exitCode == 0, qPrintable(shown.out + shown.err));
            const QJsonObject got = QJsonDocument::fromJson(shown.out.toUtf8()).object();
            QCOMPARE(got[u"revision"_s].toString(), revision);
            QVERIFY2(got[u"tables"_s] == expected[u"tables"_s],
                     qPrintable(revision + u"\nreplayed:\n"_s
                                + QString::fromUtf8(QJsonDocument(got[u"tables"_s].toArray()).toJson())
                                + u"\nmigrated by the project's Alembic:\n"_s
                                + QString::fromUtf8(QJsonDocument(expected[u"tables"_s].toArray()).toJson())));
            QVERIFY(got[u"views"_s] == expected[u"views"_s]);
        }
        // The schemas came from the cache the replay left: a second replay replays nothing.
        const CliResult again = runRetort({u"-d"_s, project, u"replay"_s, u"--json"_s}, env, root);
        QCOMPARE(again.exitCode, 0);
        for (const QJsonValue &r : QJsonDocument::fromJson(again.out.toUtf8())[u"revisions"_s].toArray())
            QCOMPARE(r[u"status"_s].toString(), u"cached"_s);
        QVERIFY(userUnchanged());
    }
};

QTEST_GUILESS_MAIN(TestReplayPython)
#include "tst_replay_python.moc"
