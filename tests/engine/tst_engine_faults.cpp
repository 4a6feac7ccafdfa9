// Fault injection: the real `retort` killed with SIGKILL at seeded random moments of a native
// upgrade, an Alembic (Python) upgrade, a backup and a restore. After every kill the database
// must be whole: `current` works and names a real revision, the schema is exactly that
// revision's (`drift` finds nothing), the journal agrees with the version table, no half-written
// backup is visible, and the next run carries on to the end.
#include "EngineDatabase.h"
#include "EngineProcess.h"
#include "EngineProject.h"
#include "FaultHistory.h"
#include "FaultRun.h"
#include "RandomGraph.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int kNativeSteps = 100;
constexpr int kNativeRows = 200;
constexpr int kNativeKills = 50; // per backend
constexpr int kPythonSteps = 30;
constexpr int kPythonRows = 3000;
constexpr int kPythonKills = 10;

QStringList projectArguments(const QString &project, const QString &url, const QStringList &command)
{
    return QStringList{u"-d"_s, project, u"--url"_s, url} + command;
}

// The revision of the last "Running ..." line a killed run printed (empty: none).
QString lastStarted(const QString &err, const RevisionSpecs &specs)
{
    static const QRegularExpression running(u"^Running .*$"_s, QRegularExpression::MultilineOption);
    QString line;
    auto matches = running.globalMatch(err);
    while (matches.hasNext())
        line = matches.next().captured(0);
    // "Running upgrade a -> b": the revision is the one after the arrow.
    const qsizetype arrow = line.lastIndexOf(u"-> "_s);
    if (arrow < 0)
        return {};
    const QString after = line.mid(arrow + 3).section(u' ', 0, 0).section(u',', 0, 0);
    for (const RevisionSpec &spec : specs) {
        if (spec.id == after)
            return after;
    }
    return {};
}

QString sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

// Alembic's usual env.py, except that each step is one transaction on SQLite too: pysqlite
// runs DDL outside any transaction ("Will assume non-transactional DDL"), so without this a kill
// in the middle of a step leaves its first tables behind and the rerun stops at "already exists".
bool writeTransactionalEnv(const QString &project, QString *failure)
{
    QFile file(project + u"/env.py"_s);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *failure = file.errorString();
        return false;
    }
    file.write("import logging\n"
               "import os\n"
               "import sys\n"
               "from alembic import context\n"
               "from sqlalchemy import create_engine, event\n"
               "\n"
               "logging.basicConfig(level=logging.INFO, format='%(message)s', stream=sys.stderr)\n"
               "engine = create_engine(os.environ['DATABASE_URL'])\n"
               "if engine.dialect.name == 'sqlite':\n"
               "    @event.listens_for(engine, 'connect')\n"
               "    def no_driver_transactions(dbapi_connection, record):\n"
               "        dbapi_connection.isolation_level = None\n"
               "\n"
               "    @event.listens_for(engine, 'begin')\n"
               "    def begin(connection):\n"
               "        connection.exec_driver_sql('BEGIN')\n"
               "\n"
               "with engine.connect() as connection:\n"
               "    context.configure(connection=connection, target_metadata=None, transactional_ddl=True,\n"
               "                      transaction_per_migration=True)\n"
               "    with context.begin_transaction():\n"
               "        context.run_migrations()\n");
    return true;
}

int indexOf(const RevisionSpecs &specs, const QString &id)
{
    for (int i = 0; i < specs.size(); ++i) {
        if (specs[i].id == id)
            return i;
    }
    return -1;
}

} // namespace

class TestEngineFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void nativeUpgrade_data();
    void nativeUpgrade();
    void pythonUpgrade();
    void backupAndRestore_data();
    void backupAndRestore();

private:
    // Waits until no session of a killed run is left on the database; PostgreSQL notices a
    // vanished client only when the statement in progress ends. Returns false on a timeout.
    bool waitForLeftoverSessions(EngineDatabase &db, bool *waited);
    // The checks after a kill; sets *applied to the number of steps the database has.
    void verifyNativeState(EngineDatabase &db, const QString &project, const RevisionSpecs &specs, int *applied);
    // `retort backups` lists only complete backups (size and SHA-256 as their sidecars say) and
    // nothing else in the directory has a backup's name. Sets the count and the leftover
    // temporary files.
    void verifyBackupDirectory(const QString &project, const QString &directory, int *complete, int *partials);
    // The rows, revision and tables of the database, to compare before and after; on SQLite the
    // file passes PRAGMA integrity_check first.
    QString fingerprint(EngineDatabase &db);

    quint32 m_seed = 0;
    QRandomGenerator m_random;
    QElapsedTimer m_clock;
};

void TestEngineFaults::initTestCase()
{
    m_clock.start();
    bool given = false;
    m_seed = qEnvironmentVariable("RETORT_FAULT_SEED").toUInt(&given);
    if (!given)
        m_seed = QRandomGenerator::system()->generate();
    m_random.seed(m_seed);
    qInfo("fault seed %u (rerun with RETORT_FAULT_SEED=%u)", m_seed, m_seed);
    QVERIFY2(FaultRun::becomeSubreaper(), "prctl(PR_SET_CHILD_SUBREAPER) failed");
}

void TestEngineFaults::cleanupTestCase()
{
    qInfo("fault injection ran for %.1f s (seed %u)", double(m_clock.elapsed()) / 1000.0, m_seed);
}

bool TestEngineFaults::waitForLeftoverSessions(EngineDatabase &db, bool *waited)
{
    *waited = false;
    if (!db.isPostgres())
        return true;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
        QString failure;
        const QString count = db.rows(u"SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                                      "AND pid <> pg_backend_pid()"_s,
                                      &failure)
                                  .value(0)
                                  .value(0);
        if (count == u"0"_s)
            return true;
        *waited = true;
        QTest::qWait(20);
    }
    return false;
}

void TestEngineFaults::verifyNativeState(EngineDatabase &db, const QString &project, const RevisionSpecs &specs,
                                         int *applied)
{
    *applied = -1;
    QString failure;
    // current: exits 0 and names a revision of the graph, or nothing (base).
    const ProcessResult current =
        EngineProcess::runRetort(projectArguments(project, db.url(), {u"current"_s, u"--json"_s}));
    QVERIFY2(current.finished && current.exitCode == 0, qPrintable(u"current: "_s + current.all()));
    const QJsonObject state = EngineProcess::parseJson(current.out, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY2(state.value(u"unknown_heads"_s).toArray().isEmpty(), qPrintable(current.out));
    const QJsonArray heads = state.value(u"heads"_s).toArray();
    QVERIFY2(heads.size() <= 1, qPrintable(current.out));
    const QString head = heads.isEmpty() ? QString() : heads.first().toString();
    const int index = head.isEmpty() ? -1 : indexOf(specs, head);
    QVERIFY2(head.isEmpty() || index >= 0, qPrintable(u"current names %1, not a revision of the graph"_s.arg(head)));
    QCOMPARE(db.versionRows(), head.isEmpty() ? QStringList() : QStringList{head});
    const int count = index + 1;

    // The schema is exactly that revision's: drift replays the history up to it and compares.
    const ProcessResult drift = EngineProcess::runRetort(projectArguments(project, db.url(), {u"drift"_s}));
    QVERIFY2(drift.finished && drift.exitCode == 0,
             qPrintable(u"drift at %1 (exit %2):\n%3"_s.arg(head.isEmpty() ? u"base"_s : head)
                            .arg(drift.exitCode)
                            .arg(drift.all())));
    // And directly: one table per applied step, none for the rest.
    QStringList expectedTables;
    for (int i = 0; i < count; ++i)
        expectedTables.append(RandomGraph::tableOf(specs[i].id));
    expectedTables.sort();
    QStringList tables;
    for (const QString &table : db.tables()) {
        if (table.startsWith(u"t_"_s))
            tables.append(table);
    }
    QCOMPARE(tables, expectedTables);

    // The journal: one applied upgrade per applied step, in order, ending at the current revision.
    const ProcessResult log = EngineProcess::runRetort(projectArguments(project, db.url(), {u"log"_s, u"--json"_s}));
    QVERIFY2(log.finished && log.exitCode == 0, qPrintable(u"log: "_s + log.all()));
    const QJsonObject journal = EngineProcess::parseJson(log.out, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QStringList journalled;
    QString lastAfter;
    for (const QJsonValue &value : journal.value(u"entries"_s).toArray()) {
        const QJsonObject entry = value.toObject();
        QVERIFY2(entry.value(u"direction"_s).toString() == u"upgrade"_s
                     && entry.value(u"outcome"_s).toString() == u"applied"_s,
                 qPrintable(u"unexpected journal entry: "_s + log.out));
        journalled.append(entry.value(u"revision"_s).toString());
        const QJsonArray after = entry.value(u"heads_after"_s).toArray();
        lastAfter = after.isEmpty() ? QString() : after.first().toString();
    }
    QStringList expectedJournal;
    for (int i = 0; i < count; ++i)
        expectedJournal.append(specs[i].id);
    QVERIFY2(journalled == expectedJournal,
             qPrintable(u"journal [%1] at %2"_s.arg(journalled.join(u','), head.isEmpty() ? u"base"_s : head)));
    QCOMPARE(lastAfter, head);
    *applied = count;
}

void TestEngineFaults::nativeUpgrade_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

void TestEngineFaults::nativeUpgrade()
{
    QFETCH(QString, backend);
    QElapsedTimer elapsed;
    elapsed.start();
    const RevisionSpecs specs = FaultHistory::chain(kNativeSteps, kNativeRows);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString failure;
    const QString project = dir.filePath(u"sql"_s);
    QVERIFY2(EngineProject::writeSql(project, specs, {}, &failure), qPrintable(failure));
    const QStringList upgrade{u"upgrade"_s, u"head"_s};

    // One full run first: how long the whole upgrade takes, and how long a run that does nothing.
    auto db = EngineDatabase::create(backend, &failure);
    QVERIFY2(db, qPrintable(failure));
    QElapsedTimer timer;
    timer.start();
    const ProcessResult full = EngineProcess::runRetort(projectArguments(project, db->url(), upgrade));
    QVERIFY2(full.finished && full.exitCode == 0, qPrintable(full.all()));
    const qint64 fullMs = timer.restart();
    const ProcessResult idle = EngineProcess::runRetort(projectArguments(project, db->url(), upgrade));
    QVERIFY2(idle.finished && idle.exitCode == 0, qPrintable(idle.all()));
    const qint64 idleMs = timer.elapsed();
    double stepMs = double(std::max<qint64>(1, fullMs - idleMs)) / kNativeSteps;
    qInfo("%s: a full %d-step upgrade takes %lld ms, a run with nothing to do %lld ms", qPrintable(backend),
          kNativeSteps, fullMs, idleMs);

    db = EngineDatabase::create(backend, &failure);
    QVERIFY2(db, qPrintable(failure));
    int applied = 0;
    int kills = 0;
    int midStep = 0; // the step in flight was rolled back
    int betweenSteps = 0; // the last step started had committed
    int beforeSteps = 0; // killed before the first step started
    int finishedFirst = 0;
    int lingering = 0; // kills after which the server still ran the dead client's statement
    int databases = 1;
    while (kills < kNativeKills) {
        if (applied == kNativeSteps) {
            // At the head: carry on with a fresh database, so every kill has steps to land in.
            db = EngineDatabase::create(backend, &failure);
            QVERIFY2(db, qPrintable(failure));
            applied = 0;
            ++databases;
        }
        // One kill in four at any moment from the start; the others within the steps still to
        // run, counted from the first step's start.
        const bool fromStart = m_random.bounded(4) == 0;
        const int window = int(stepMs * (kNativeSteps - applied) + (fromStart ? idleMs : 0));
        const int delay = 1 + int(m_random.bounded(std::max(1, window)));
        const KilledRun run = FaultRun::runAndKill(
            projectArguments(project, db->url(), upgrade), delay, EngineProcess::cleanEnvironment(),
            fromStart ? QString() : u"Running upgrade"_s, [&db] { return db->versionRows().join(u','); });
        const QString context = u"%1 kill %2 %3 ms after %4, from %5 applied steps"_s.arg(backend)
                                    .arg(kills + 1)
                                    .arg(delay)
                                    .arg(fromStart ? u"the start"_s : u"the first step"_s)
                                    .arg(applied);
        QCOMPARE(run.orphans, 0);
        if (!run.killed) {
            QVERIFY2(run.exitCode == 0, qPrintable(context + u": "_s + run.err));
            ++finishedFirst;
            // The machine got faster than the measured run: aim the next kills shorter.
            if (!fromStart)
                stepMs = std::min(stepMs, double(run.ranMs) / (kNativeSteps - applied));
            verifyNativeState(*db, project, specs, &applied);
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(applied, kNativeSteps);
            continue;
        }
        ++kills;
        bool waited = false;
        QVERIFY2(waitForLeftoverSessions(*db, &waited), qPrintable(context + u": a session stayed behind"_s));
        lingering += waited ? 1 : 0;
        const int before = applied;
        verifyNativeState(*db, project, specs, &applied);
        if (QTest::currentTestFailed()) {
            qWarning("%s; the killed run printed:\n%s", qPrintable(context), qPrintable(run.err));
            return;
        }
        QVERIFY2(applied >= before, qPrintable(context));
        const QString started = lastStarted(run.err, specs);
        if (started.isEmpty())
            ++beforeSteps;
        else if (indexOf(specs, started) < applied)
            ++betweenSteps;
        else
            ++midStep;
    }

    // The last run goes all the way.
    const ProcessResult last = EngineProcess::runRetort(projectArguments(project, db->url(), upgrade));
    QVERIFY2(last.finished && last.exitCode == 0, qPrintable(last.all()));
    verifyNativeState(*db, project, specs, &applied);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(applied, kNativeSteps);
    QCOMPARE(db->versionRows(), QStringList{specs.last().id});
    qInfo("%s: %d kills (%d in a step, rolled back; %d between steps; %d before the first step), %d runs "
          "finished before their kill, %d databases taken to the head; %d kills left a server session "
          "running for a while; %.1f s",
          qPrintable(backend), kills, midStep, betweenSteps, beforeSteps, finishedFirst, databases, lingering,
          double(elapsed.elapsed()) / 1000.0);
}

void TestEngineFaults::pythonUpgrade()
{
    QElapsedTimer elapsed;
    elapsed.start();
    const RevisionSpecs specs = FaultHistory::chain(kPythonSteps, kPythonRows);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString failure;
    const QString project = dir.filePath(u"py"_s);
    QVERIFY2(EngineProject::writePython(project, specs, {}, {}, &failure), qPrintable(failure));
    QVERIFY2(writeTransactionalEnv(project, &failure), qPrintable(failure));
    {
        // A Python project keeps a journal when asked to.
        QFile ini(project + u"/alembic.ini"_s);
        QVERIFY(ini.open(QIODevice::Append));
        ini.write("\n[retort]\njournal = true\n");
    }
    const QStringList upgrade{u"upgrade"_s, u"head"_s};

    auto db = EngineDatabase::create(u"sqlite"_s, &failure);
    QVERIFY2(db, qPrintable(failure));
    QElapsedTimer timer;
    timer.start();
    const ProcessResult full = EngineProcess::runRetort(projectArguments(project, db->url(), upgrade));
    QVERIFY2(full.finished && full.exitCode == 0, qPrintable(full.all()));
    const qint64 fullMs = timer.restart();
    QCOMPARE(db->versionRows(), QStringList{specs.last().id});
    const ProcessResult idle = EngineProcess::runRetort(projectArguments(project, db->url(), upgrade));
    QVERIFY2(idle.finished && idle.exitCode == 0, qPrintable(idle.all()));
    const qint64 idleMs = timer.elapsed();
    double stepMs = double(std::max<qint64>(1, fullMs - idleMs)) / kPythonSteps;
    qInfo("python: a full %d-step upgrade through Alembic takes %lld ms, a run with nothing to do %lld ms",
          kPythonSteps, fullMs, idleMs);

    db = EngineDatabase::create(u"sqlite"_s, &failure);
    QVERIFY2(db, qPrintable(failure));
    int kills = 0;
    int orphans = 0; // children retort left behind when it was killed
    int signalled = 0; // of those, ended by the parent-death signal (the rest had exited already)
    int advanced = 0; // kills after which the database had moved on
    int databases = 1;
    int applied = 0;
    while (kills < kPythonKills) {
        if (applied == kPythonSteps) {
            db = EngineDatabase::create(u"sqlite"_s, &failure);
            QVERIFY2(db, qPrintable(failure));
            applied = 0;
            ++databases;
        }
        // As for native steps: a few kills at any moment, the rest once Alembic has begun.
        const bool fromStart = m_random.bounded(4) == 0;
        const int window = int(stepMs * (kPythonSteps - applied) + (fromStart ? idleMs : 0));
        const int delay = 1 + int(m_random.bounded(std::max(1, window)));
        const KilledRun run = FaultRun::runAndKill(
            projectArguments(project, db->url(), upgrade), delay, EngineProcess::cleanEnvironment(),
            fromStart ? QString() : u"Running upgrade"_s, [&db] { return db->versionRows().join(u','); });
        const QString context = u"python kill %1 %2 ms after %3, from %4 applied steps"_s.arg(kills + 1)
                                    .arg(delay)
                                    .arg(fromStart ? u"the start"_s : u"Alembic's first step"_s)
                                    .arg(applied);
        if (!run.killed) {
            QVERIFY2(run.exitCode == 0, qPrintable(context + u": "_s + run.err));
            QVERIFY2(db->versionRows() == QStringList{specs.last().id}, qPrintable(context));
            if (!fromStart)
                stepMs = std::min(stepMs, double(run.ranMs) / (kPythonSteps - applied));
            applied = kPythonSteps;
            continue;
        }
        ++kills;
        orphans += run.orphans;
        signalled += run.orphansSignalled;
        // A child that outlives its killed parent and carries on migrating is a run nobody
        // watches: nothing reports its end, nothing journals its steps.
        QVERIFY2(!run.childWentOn(),
                 qPrintable(context + u": the Alembic child went on migrating after retort was killed (version "_s
                            + run.stateAtKill + u" then "_s + run.stateAfterOrphans + u')'));

        const ProcessResult current =
            EngineProcess::runRetort(projectArguments(project, db->url(), {u"current"_s, u"--json"_s}));
        QVERIFY2(current.finished && current.exitCode == 0, qPrintable(context + u": current: "_s + current.all()));
        const QJsonObject state = EngineProcess::parseJson(current.out, &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QJsonArray heads = state.value(u"heads"_s).toArray();
        QVERIFY2(heads.size() <= 1 && state.value(u"unknown_heads"_s).toArray().isEmpty(), qPrintable(current.out));
        const QString head = heads.isEmpty() ? QString() : heads.first().toString();
        QVERIFY2(head.isEmpty() || indexOf(specs, head) >= 0, qPrintable(context + u": at "_s + head));
        QCOMPARE(db->versionRows(), head.isEmpty() ? QStringList() : QStringList{head});
        const int now = indexOf(specs, head) + 1;
        QVERIFY2(now >= applied, qPrintable(context));
        advanced += now > applied ? 1 : 0;
        applied = now;
        // Each step is one transaction (writeTransactionalEnv): its tables come with its version row.
        int tables = 0;
        for (const QString &table : db->tables())
            tables += table.startsWith(u"t_"_s) ? 1 : 0;
        QVERIFY2(tables == applied, qPrintable(u"%1: %2 tables at step %3"_s.arg(context).arg(tables).arg(applied)));
        if (!fromStart) {
            // Alembic had begun, so the journal exists: a database taken to its head by killed
            // runs alone still has its steps listed by `check` as unrecorded.
            const ProcessResult checked = EngineProcess::runRetort(
                projectArguments(project, db->url(), {u"check"_s, u"--json"_s, u"--no-drift"_s}));
            const QJsonObject report = EngineProcess::parseJson(checked.out, &failure);
            QVERIFY2(failure.isEmpty(), qPrintable(context + u": check: "_s + checked.all()));
            QVERIFY2(report.value(u"journal"_s).toBool(), qPrintable(context + u": no journal table"_s));
        }
    }
    const ProcessResult last = EngineProcess::runRetort(projectArguments(project, db->url(), upgrade));
    QVERIFY2(last.finished && last.exitCode == 0, qPrintable(last.all()));
    QCOMPARE(db->versionRows(), QStringList{specs.last().id});
    const ProcessResult drift = EngineProcess::runRetort(projectArguments(project, db->url(), {u"drift"_s}));
    QVERIFY2(drift.finished && drift.exitCode == 0, qPrintable(u"drift after the last run:\n"_s + drift.all()));
    // Alembic's steps are journalled when its run ends, so those of a killed run have no entry;
    // `retort check` lists them as unrecorded instead.
    const ProcessResult log = EngineProcess::runRetort(projectArguments(project, db->url(), {u"log"_s, u"--json"_s}));
    QVERIFY2(log.finished && log.exitCode == 0, qPrintable(log.all()));
    QStringList journalled;
    for (const QJsonValue &value : EngineProcess::parseJson(log.out, &failure).value(u"entries"_s).toArray()) {
        const QJsonObject entry = value.toObject();
        QCOMPARE(entry.value(u"outcome"_s).toString(), u"applied"_s);
        journalled.append(entry.value(u"revision"_s).toString());
    }
    const ProcessResult check =
        EngineProcess::runRetort(projectArguments(project, db->url(), {u"check"_s, u"--json"_s, u"--no-drift"_s}));
    QVERIFY2(check.finished && check.exitCode == 0, qPrintable(check.all()));
    QStringList unrecorded;
    for (const QJsonValue &value :
         EngineProcess::parseJson(check.out, &failure).value(u"unrecorded_revisions"_s).toArray())
        unrecorded.append(value.toString());
    QStringList all = journalled + unrecorded;
    all.sort();
    QStringList expected;
    for (const RevisionSpec &spec : specs)
        expected.append(spec.id);
    expected.sort();
    QCOMPARE(all, expected);
    qInfo("python: %d kills, %d left the database further on; %d Alembic processes outlived retort, %d "
          "ended by the parent-death signal; %d databases; on the last, %d steps journalled and %d (run by "
          "killed runs) listed by check as unrecorded; %.1f s",
          kills, advanced, orphans, signalled, databases, int(journalled.size()), int(unrecorded.size()),
          double(elapsed.elapsed()) / 1000.0);
}

void TestEngineFaults::verifyBackupDirectory(const QString &project, const QString &directory, int *complete,
                                             int *partials)
{
    *complete = -1;
    QString failure;
    const ProcessResult listed = EngineProcess::runRetort({u"-d"_s, project, u"backups"_s, u"--json"_s});
    QVERIFY2(listed.finished && listed.exitCode == 0, qPrintable(u"backups: "_s + listed.all()));
    const QJsonObject object = EngineProcess::parseJson(listed.out, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QStringList known;
    for (const QJsonValue &value : object.value(u"backups"_s).toArray()) {
        const QJsonObject backup = value.toObject();
        const QString path = backup.value(u"path"_s).toString();
        QVERIFY2(QFileInfo(path).size() == backup.value(u"size"_s).toInteger(),
                 qPrintable(path + u" is listed with another size"_s));
        QVERIFY2(sha256Of(path) == backup.value(u"sha256"_s).toString(),
                 qPrintable(path + u" is listed with another SHA-256"_s));
        known << QFileInfo(path).fileName() << QFileInfo(path).fileName() + u".json"_s;
    }
    // What a killed backup may leave: its temporary files, and a sidecar written for data that
    // never got its name. The next backup removes them.
    *partials = 0;
    const QStringList files = QDir(directory).entryList(QDir::Files | QDir::Hidden);
    for (const QString &file : files) {
        if (known.contains(file))
            continue;
        const bool sidecarWithoutData = file.endsWith(u".json"_s) && !files.contains(file.chopped(5))
            && files.contains(file.chopped(5) + u".partial"_s);
        QVERIFY2(
            file.endsWith(u".partial"_s) || sidecarWithoutData,
            qPrintable(u"%1 in the backup directory is neither a complete backup nor a temporary file"_s.arg(file)));
        ++*partials;
    }
    *complete = int(object.value(u"backups"_s).toArray().size());
}

QString TestEngineFaults::fingerprint(EngineDatabase &db)
{
    QString failure;
    if (!db.isPostgres()) {
        const QList<QStringList> check = db.rows(u"PRAGMA integrity_check"_s, &failure);
        if (check != QList<QStringList>{{u"ok"_s}})
            return u"integrity_check: "_s + failure + u' ' + (check.isEmpty() ? QString() : check.first().join(u' '));
    }
    const QStringList bulk = db.rows(u"SELECT COUNT(*), SUM(id) FROM bulk"_s, &failure).value(0);
    if (!failure.isEmpty())
        return failure;
    return db.versionRows().join(u',') + u" | "_s + bulk.join(u' ') + u" | "_s + db.tables().join(u',');
}

void TestEngineFaults::backupAndRestore_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("killsEach");
    QTest::newRow("sqlite") << u"sqlite"_s << 10;
    QTest::newRow("postgresql") << u"postgresql"_s << 3;
}

void TestEngineFaults::backupAndRestore()
{
    QFETCH(QString, backend);
    QFETCH(int, killsEach);
    QElapsedTimer elapsed;
    elapsed.start();
    const RevisionSpecs specs = FaultHistory::chain(3, 10);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString failure;
    const QString project = dir.filePath(u"sql"_s);
    const QString backups = dir.filePath(u"backups"_s);
    QVERIFY2(EngineProject::writeSql(project, specs, u"backup_dir = "_s + backups + u"\nbackup_keep = 0"_s, &failure),
             qPrintable(failure));
    auto db = EngineDatabase::create(backend, &failure);
    QVERIFY2(db, qPrintable(failure));
    const auto retort = [&](const QStringList &command) {
        return EngineProcess::runRetort(projectArguments(project, db->url(), command));
    };
    ProcessResult run = retort({u"upgrade"_s, specs[1].id});
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    // Some MB of rows, so that copying them takes a while.
    const QString payload = db->isPostgres() ? u"repeat(md5(i::text), 6)"_s : u"hex(randomblob(96))"_s;
    QVERIFY2(db->execute(u"CREATE TABLE bulk (id INTEGER PRIMARY KEY, payload VARCHAR(200) NOT NULL)"_s, &failure),
             qPrintable(failure));
    QVERIFY2(db->execute(u"INSERT INTO bulk (id, payload) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                         "FROM n WHERE i < 150000) SELECT i, %1 FROM n"_s.arg(payload),
                         &failure),
             qPrintable(failure));

    // Two states, A and B, each with its backup; restores go back and forth between them.
    QElapsedTimer timer;
    run = retort({u"backup"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    const QString backupA = EngineProcess::parseJson(run.out, &failure).value(u"path"_s).toString();
    const QString stateA = fingerprint(*db);
    // A PostgreSQL restore leaves the objects its archive does not hold (pg_restore --clean, as
    // the README says), so there B differs from A in its rows only; on SQLite in its schema too.
    if (!db->isPostgres()) {
        run = retort({u"upgrade"_s, u"head"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    }
    QVERIFY2(db->execute(u"DELETE FROM bulk WHERE id % 3 = 0"_s, &failure), qPrintable(failure));
    timer.start();
    run = retort({u"backup"_s, u"--json"_s});
    const qint64 backupMs = timer.elapsed();
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    const QString backupB = EngineProcess::parseJson(run.out, &failure).value(u"path"_s).toString();
    const QString stateB = fingerprint(*db);
    QVERIFY2(stateA != stateB && !backupA.isEmpty() && !backupB.isEmpty(), qPrintable(stateA + u" / "_s + stateB));
    timer.restart();
    run = retort({u"restore"_s, u"--yes"_s, backupA});
    const qint64 restoreMs = timer.elapsed();
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    QCOMPARE(fingerprint(*db), stateA);
    qInfo("%s: a backup of %lld bytes takes %lld ms, a restore %lld ms", qPrintable(backend), QFileInfo(backupB).size(),
          backupMs, restoreMs);

    int complete = 0;
    int partials = 0;
    verifyBackupDirectory(project, backups, &complete, &partials);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(complete, 2);
    int backupKills = 0;
    int backupsBeforeKill = 0;
    int leftovers = 0; // temporary files seen after kills, summed
    int orphans = 0; // children retort left behind when it was killed
    int signalled = 0; // of those, ended by the parent-death signal (the rest had exited already)
    for (int attempt = 0; backupKills < killsEach; ++attempt) {
        QVERIFY2(attempt < killsEach * 5, "most backups finished before their kill");
        const int delay = 1 + int(m_random.bounded(int(backupMs)));
        const KilledRun killed = FaultRun::runAndKill(projectArguments(project, db->url(), {u"backup"_s}), delay,
                                                      EngineProcess::cleanEnvironment());
        const QString context = u"%1 backup kill after %2 ms"_s.arg(backend).arg(delay);
        orphans += killed.orphans;
        signalled += killed.orphansSignalled;
        QVERIFY2(killed.orphansExited == 0, qPrintable(context + u": pg_dump went on after retort was killed"_s));
        if (!killed.killed) {
            QVERIFY2(killed.exitCode == 0, qPrintable(context + u": "_s + killed.err));
            ++backupsBeforeKill;
        } else {
            ++backupKills;
        }
        bool waited = false;
        QVERIFY(waitForLeftoverSessions(*db, &waited));
        const int before = complete;
        verifyBackupDirectory(project, backups, &complete, &partials);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(complete == before || complete == before + 1, qPrintable(context));
        QVERIFY2(killed.killed || complete == before + 1, qPrintable(context));
        // Each run removes what the killed one before it left: one run's files at most.
        QVERIFY2(partials <= 3, qPrintable(u"%1: %2 leftover files"_s.arg(context).arg(partials)));
        leftovers += partials;
        QCOMPARE(fingerprint(*db), stateA);
    }
    const int before = complete;
    run = retort({u"backup"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    verifyBackupDirectory(project, backups, &complete, &partials);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(complete, before + 1);
    QCOMPARE(partials, 0);

    // Restores: the database is either untouched or wholly the backup, never in between.
    QString current = stateA;
    int restoreKills = 0;
    int restoredBeforeKill = 0;
    int rolledBack = 0;
    for (int attempt = 0; restoreKills < killsEach; ++attempt) {
        QVERIFY2(attempt < killsEach * 5, "most restores finished before their kill");
        const bool toB = current == stateA;
        const QString target = toB ? stateB : stateA;
        const int delay = 1 + int(m_random.bounded(int(restoreMs)));
        const KilledRun killed = FaultRun::runAndKill(
            projectArguments(project, db->url(), {u"restore"_s, u"--yes"_s, toB ? backupB : backupA}), delay,
            EngineProcess::cleanEnvironment());
        const QString context = u"%1 restore kill after %2 ms"_s.arg(backend).arg(delay);
        orphans += killed.orphans;
        signalled += killed.orphansSignalled;
        QVERIFY2(killed.orphansExited == 0, qPrintable(context + u": pg_restore went on after retort was killed"_s));
        if (!killed.killed)
            QVERIFY2(killed.exitCode == 0, qPrintable(context + u": "_s + killed.err));
        bool waited = false;
        QVERIFY(waitForLeftoverSessions(*db, &waited));
        const QString now = fingerprint(*db);
        QVERIFY2(now == current || now == target,
                 qPrintable(u"%1: the database is neither as it was nor as the backup:\n%2\nwas %3\nbackup %4"_s.arg(
                     context, now, current, target)));
        if (!killed.killed) {
            QCOMPARE(now, target);
            ++restoredBeforeKill;
            current = target;
            continue;
        }
        ++restoreKills;
        if (now == current) {
            ++rolledBack;
            run = retort({u"restore"_s, u"--yes"_s, toB ? backupB : backupA});
            QVERIFY2(run.exitCode == 0, qPrintable(context + u", the rerun: "_s + run.all()));
            QCOMPARE(fingerprint(*db), target);
        }
        current = target;
    }
    qInfo("%s: %d backups killed (%d more finished before their kill; %d temporary files seen after the kills, "
          "none after the next backup); %d restores killed (%d left the database untouched, %d had completed; "
          "%d more finished before their kill); %d child processes outlived retort, %d ended by the "
          "parent-death signal; %.1f s",
          qPrintable(backend), backupKills, backupsBeforeKill, leftovers, restoreKills, rolledBack,
          restoreKills - rolledBack, restoredBeforeKill, orphans, signalled, double(elapsed.elapsed()) / 1000.0);
}

QTEST_GUILESS_MAIN(TestEngineFaults)
#include "tst_engine_faults.moc"
