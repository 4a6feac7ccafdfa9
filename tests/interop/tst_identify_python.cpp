// `retort identify` and `retort drift` on Python projects: a database that Debian's flask /
// alembic migrated to a random revision, its version table dropped, is identified exactly;
// stamped, it shows no drift; a column added by hand is drift. The database is only read.
#include "CliProcess.h"
#include "InteropProject.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
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

QByteArray hashOf(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

bool execute(const QString &file, const QString &sql)
{
    const QString name = QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(sql);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QJsonObject jsonOf(const CliResult &result)
{
    return QJsonDocument::fromJson(result.out.toUtf8()).object();
}

} // namespace

class TestIdentifyPython : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(u"/usr/bin/flask"_s),
                 "Debian's flask is needed (apt install python3-flask-migrate)");
        QVERIFY2(QFileInfo::exists(u"/usr/bin/alembic"_s), "Debian's alembic is needed (apt install alembic)");
    }

    void identifiesWhatAlembicBuilt_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QStringList>("prefix");
        QTest::addColumn<QString>("project"); // what -d names: the folder that holds alembic.ini
        QTest::addColumn<QString>("table"); // a table every revision has, for the hand-made column
        QTest::newRow("flask-migrate") << u"flaskapp"_s << u"/usr/bin/flask"_s << QStringList{u"db"_s}
                                       << u"migrations"_s << u"users"_s;
        QTest::newRow("plain alembic") << u"plainalembic"_s << u"/usr/bin/alembic"_s
                                       << QStringList{u"-c"_s, u"alembic.ini"_s} << u"."_s << u"clients"_s;
    }

    void identifiesWhatAlembicBuilt()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, tool);
        QFETCH(QStringList, prefix);
        QFETCH(QString, project);
        QFETCH(QString, table);
        QTemporaryDir dir;
        const QString root = dir.filePath(u"project"_s);
        QVERIFY(interop::copyTree(interop::fixture(fixture), root));
        QProcessEnvironment env = interop::cleanEnvironment();
        env.insert(u"XDG_CACHE_HOME"_s, dir.filePath(u"cache"_s));
        const QString userFile = dir.filePath(u"user.db"_s);
        env.insert(u"DATABASE_URL"_s, u"sqlite:///"_s + userFile);

        const CliResult history = runRetort({u"-d"_s, project, u"history"_s, u"--json"_s}, env, root);
        QCOMPARE(history.exitCode, 0);
        QStringList revisions;
        for (const QJsonValue &r : QJsonDocument::fromJson(history.out.toUtf8())[u"revisions"_s].toArray())
            revisions << r[u"revision"_s].toString();
        QVERIFY(revisions.size() >= 2);
        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        const QString target = revisions.at(int(random.bounded(quint32(revisions.size()))));
        qInfo("seed %u: %s migrates the database to %s", seed, qPrintable(tool), qPrintable(target));

        int code = -1;
        const QString said = run(tool, prefix + QStringList{u"upgrade"_s, target}, env, root, &code);
        QVERIFY2(code == 0, qPrintable(said));
        QVERIFY(execute(userFile, u"DROP TABLE alembic_version"_s));
        const QByteArray before = hashOf(userFile);

        CliResult identify = runRetort({u"-d"_s, project, u"identify"_s, u"--json"_s}, env, root);
        QVERIFY2(identify.exitCode == 0, qPrintable(identify.out + identify.err));
        const QJsonArray candidates = jsonOf(identify)[u"candidates"_s].toArray();
        QVERIFY(!candidates.isEmpty());
        QCOMPARE(candidates.at(0)[u"revision"_s].toString(), target);
        QCOMPARE(candidates.at(0)[u"exact"_s].toBool(), true);
        for (int i = 1; i < candidates.size(); ++i)
            QCOMPARE(candidates.at(i)[u"exact"_s].toBool(), false);
        QCOMPARE(jsonOf(identify)[u"could_not_replay"_s].toArray().size(), 0);
        identify = runRetort({u"-d"_s, project, u"identify"_s}, env, root);
        QVERIFY2(identify.out.contains(u"retort stamp "_s + target), qPrintable(identify.out));
        QCOMPARE(hashOf(userFile), before);

        // What the text says to do next, and then no drift.
        CliResult stamp = runRetort({u"-d"_s, project, u"stamp"_s, target}, env, root);
        QVERIFY2(stamp.exitCode == 0, qPrintable(stamp.out + stamp.err));
        CliResult drift = runRetort({u"-d"_s, project, u"drift"_s, u"--json"_s}, env, root);
        QVERIFY2(drift.exitCode == 0, qPrintable(drift.out + drift.err));

        QVERIFY(execute(userFile, u"ALTER TABLE %1 ADD COLUMN by_hand INTEGER"_s.arg(table)));
        const QByteArray changed = hashOf(userFile);
        drift = runRetort({u"-d"_s, project, u"drift"_s, u"--json"_s}, env, root);
        QVERIFY2(drift.exitCode == 1, qPrintable(drift.out + drift.err));
        const QJsonArray changes = jsonOf(drift)[u"drift"_s][u"changes"_s].toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0)[u"kind"_s].toString(), u"add_column"_s);
        QCOMPARE(changes.at(0)[u"table"_s].toString(), table);
        QCOMPARE(changes.at(0)[u"name"_s].toString(), u"by_hand"_s);
        const CliResult check = runRetort({u"-d"_s, project, u"check"_s}, env, root);
        QCOMPARE(check.exitCode, 1);
        QCOMPARE(hashOf(userFile), changed);
    }
};

QTEST_GUILESS_MAIN(TestIdentifyPython)
#include "tst_identify_python.moc"
