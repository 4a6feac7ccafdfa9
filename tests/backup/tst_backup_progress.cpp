// Backup and restore report their progress and stop on request, on a real SQLite file and the
// PostgreSQL fixture server: each stage is reported up to its end, and a cancel at any stage
// leaves no file behind and the database as it was. A child tool that is blocked (another
// session holds a lock) is stopped too.
#include "BackupProject.h"
#include "TestDatabase.h"

#include "backup/BackupFiles.h"
#include "command/BackupCommands.h"
#include "command/MigrateCommands.h"
#include "db/Connection.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

using Stage = TransferProgress::Stage;
using Unit = TransferProgress::Unit;

struct Report
{
    Stage stage;
    Unit unit;
    qint64 done;
    qint64 total;
};

// Records every report; cancels at the first report of `cancelAt` when set.
class Recorder : public TransferProgress
{
public:
    explicit Recorder(std::optional<Stage> cancelAt = std::nullopt)
        : m_cancelAt(cancelAt)
    {
    }
    void advanced(Stage stage, Unit unit, qint64 done, qint64 total) override
    {
        reports.append({stage, unit, done, total});
        if (m_cancelAt && stage == *m_cancelAt)
            m_cancel = true;
    }
    bool cancelRequested() override { return m_cancel; }

    QList<Report> of(Stage stage) const
    {
        QList<Report> found;
        for (const Report &r : reports)
            if (r.stage == stage)
                found.append(r);
        return found;
    }
    QList<Report> reports;

private:
    std::optional<Stage> m_cancelAt;
    std::atomic<bool> m_cancel{false}; // integrity_check asks from a thread of its own
};

class NullObserver : public RunObserver
{};

void addBackends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

// A migrated project whose database holds about 24 MB, so an SQLite copy takes several steps.
struct Fixture : MigratedProject
{
    bool setUp(const QString &backend, QString *failure)
    {
        if (!MigratedProject::setUp(backend, failure))
            return false;
        const QString fill = backend == u"sqlite"
            ? u"CREATE TABLE bulk AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000) "
              "SELECT i, randomblob(4000) AS payload FROM n"_s
            : u"CREATE TABLE bulk AS SELECT i, md5(i::text) || repeat('x', 200) AS payload "
              "FROM generate_series(1, 20000) AS i"_s;
        if (auto error = session->connection().execute(fill)) {
            *failure = error->toString();
            return false;
        }
        return true;
    }

    // Schema and rows as the database reports them (a fresh connection of the test's own).
    QString contents(QString *failure) const
    {
        auto connection = database->connect(failure);
        if (!connection)
            return {};
        QSqlQuery query(connection->database());
        QString text = describeDatabase(*connection);
        if (query.exec(u"SELECT count(*), sum(length(payload)) FROM bulk"_s) && query.next())
            text += u"\nbulk: "_s + query.value(0).toString() + u' ' + query.value(1).toString();
        return text;
    }

    QStringList backupFiles() const
    {
        return QDir(project->backupDirectory()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    }
};

} // namespace

class TestBackupProgress : public QObject
{
    Q_OBJECT

private slots:
    void everyStageIsReportedToItsEnd_data() { addBackends(); }
    void everyStageIsReportedToItsEnd();
    void cancelLeavesNoFile_data();
    void cancelLeavesNoFile();
    void cancelStopsADumpThatWaitsForALock();
    void cancelledRestoreChangesNothing_data() { addBackends(); }
    void cancelledRestoreChangesNothing();
};

void TestBackupProgress::everyStageIsReportedToItsEnd()
{
    QFETCH(QString, backend);
    Fixture f;
    QString failure;
    QVERIFY2(f.setUp(backend, &failure), qPrintable(failure));
    Recorder recorder;
    auto taken = backupCommand(*f.session, {}, &recorder);
    QVERIFY2(taken.ok(), qPrintable(taken.failure() ? taken.failure()->toString() : QString()));
    const BackupInfo &info = taken.value().info;

    const QList<Report> copy = recorder.of(Stage::Copy);
    QVERIFY(!copy.isEmpty());
    for (qsizetype i = 1; i < copy.size(); ++i)
        QVERIFY(copy.at(i).done >= copy.at(i - 1).done);
    if (backend == u"sqlite") {
        QVERIFY2(copy.size() >= 2, "a 24 MB file is copied in several steps");
        QCOMPARE(copy.first().unit, Unit::Pages);
        QVERIFY(copy.first().done < copy.first().total);
        QVERIFY(copy.last().total > 0);
        QCOMPARE(copy.last().done, copy.last().total);
    } else {
        QCOMPARE(copy.last().unit, Unit::Bytes);
        QCOMPARE(copy.last().done, info.size); // the dump as written is the backup
    }
    QVERIFY(!recorder.of(Stage::Verify).isEmpty());
    const QList<Report> checksum = recorder.of(Stage::Checksum);
    QVERIFY(!checksum.isEmpty());
    QCOMPARE(checksum.last().done, info.size);
    QCOMPARE(checksum.last().total, info.size);
    QVERIFY(recorder.of(Stage::Restore).isEmpty());

    // A restore reports its own stages: the backup checked again, then written back.
    Recorder restoring;
    auto restored = restoreCommand(*f.session, info.path, &restoring);
    QVERIFY2(restored.ok(), qPrintable(restored.failure() ? restored.failure()->toString() : QString()));
    QCOMPARE(restoring.of(Stage::Checksum).last().done, info.size);
    const QList<Report> restore = restoring.of(Stage::Restore);
    QVERIFY(!restore.isEmpty());
    QCOMPARE(restore.first().unit, backend == u"sqlite" ? Unit::Pages : Unit::Items);
    QVERIFY(restore.last().total > 0);
    QVERIFY(restore.last().done <= restore.last().total);
    if (backend == u"sqlite")
        QCOMPARE(restore.last().done, restore.last().total);
    if (backend == u"postgresql")
        QVERIFY2(restore.last().done > 0, "pg_restore --verbose named the items it restored");
}

void TestBackupProgress::cancelLeavesNoFile_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("stage");
    for (const QString &backend : {u"sqlite"_s, u"postgresql"_s}) {
        for (const Stage stage : {Stage::Copy, Stage::Verify, Stage::Checksum}) {
            const char *names[] = {"copy", "verify", "checksum"};
            QTest::addRow("%s at %s", qPrintable(backend), names[int(stage)]) << backend << int(stage);
        }
    }
}

void TestBackupProgress::cancelLeavesNoFile()
{
    QFETCH(QString, backend);
    QFETCH(int, stage);
    Fixture f;
    QString failure;
    QVERIFY2(f.setUp(backend, &failure), qPrintable(failure));
    const QString before = f.contents(&failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    Recorder recorder{static_cast<Stage>(stage)};
    auto taken = backupCommand(*f.session, {}, &recorder);
    const RunError *error = taken.failure();
    QVERIFY2(error, "the backup was cancelled, so it must not succeed");
    QCOMPARE(error->kind, ErrorKind::Cancelled);
    QVERIFY2(error->message.contains(u"nothing was kept"_s), qPrintable(error->message));
    QVERIFY2(f.backupFiles().isEmpty(), qPrintable(f.backupFiles().join(u", "_s)));
    QCOMPARE(f.contents(&failure), before);
    // And the next backup, not cancelled, works.
    auto again = backupCommand(*f.session);
    QVERIFY2(again.ok(), qPrintable(again.failure() ? again.failure()->toString() : QString()));
}

void TestBackupProgress::cancelStopsADumpThatWaitsForALock()
{
    Fixture f;
    QString failure;
    QVERIFY2(f.setUp(u"postgresql"_s, &failure), qPrintable(failure));
    // Another session holds a lock pg_dump needs: the dump waits until cancelled.
    auto holder = f.database->connect(&failure);
    QVERIFY2(holder, qPrintable(failure));
    QSqlQuery lock(holder->database());
    QVERIFY(lock.exec(u"BEGIN"_s));
    QVERIFY2(lock.exec(u"LOCK TABLE bulk IN ACCESS EXCLUSIVE MODE"_s), qPrintable(lock.lastError().text()));

    // Cancels once pg_dump has been watched for a while (the reports come a few times a second).
    class CancelLater : public TransferProgress
    {
    public:
        void advanced(Stage stage, Unit, qint64, qint64) override { ticks += stage == Stage::Copy ? 1 : 0; }
        bool cancelRequested() override { return ticks >= 3; }
        int ticks = 0;
    } progress;
    auto taken = backupCommand(*f.session, {}, &progress);
    QVERIFY(taken.failure());
    QCOMPARE(taken.failure()->kind, ErrorKind::Cancelled);
    QVERIFY(progress.ticks >= 3);
    QVERIFY2(f.backupFiles().isEmpty(), qPrintable(f.backupFiles().join(u", "_s)));
    QVERIFY(lock.exec(u"ROLLBACK"_s));
}

void TestBackupProgress::cancelledRestoreChangesNothing()
{
    QFETCH(QString, backend);
    Fixture f;
    QString failure;
    QVERIFY2(f.setUp(backend, &failure), qPrintable(failure));
    auto taken = backupCommand(*f.session);
    QVERIFY2(taken.ok(), qPrintable(taken.failure() ? taken.failure()->toString() : QString()));
    const QString backup = taken.value().info.path;
    QVERIFY(!f.session->connection().execute(u"UPDATE items SET name = 'changed after the backup'"_s));
    QVERIFY(!f.session->connection().execute(u"DELETE FROM bulk WHERE i % 2 = 0"_s));
    const QString changed = f.contents(&failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    std::unique_ptr<Connection> holder;
    QSqlQuery *lock = nullptr;
    std::optional<QSqlQuery> lockQuery;
    if (backend == u"postgresql") {
        // pg_restore --clean waits to drop a table another session reads: stopped while it waits,
        // its transaction never commits.
        holder = f.database->connect(&failure);
        QVERIFY2(holder, qPrintable(failure));
        lockQuery.emplace(holder->database());
        lock = &*lockQuery;
        QVERIFY(lock->exec(u"BEGIN"_s));
        QVERIFY(lock->exec(u"LOCK TABLE orders IN ACCESS SHARE MODE"_s));
    }
    Recorder recorder(Stage::Restore);
    auto restored = restoreCommand(*f.session, backup, &recorder);
    QVERIFY2(restored.failure(), "the restore was cancelled, so it must not succeed");
    QCOMPARE(restored.failure()->kind, ErrorKind::Cancelled);
    QVERIFY(!recorder.of(Stage::Restore).isEmpty());
    if (lock)
        QVERIFY(lock->exec(u"ROLLBACK"_s));
    QCOMPARE(f.contents(&failure), changed);

    // Not cancelled, the same restore brings the backup back.
    auto again = restoreCommand(*f.session, backup);
    QVERIFY2(again.ok(), qPrintable(again.failure() ? again.failure()->toString() : QString()));
    QVERIFY(f.contents(&failure) != changed);
}

QTEST_GUILESS_MAIN(TestBackupProgress)
#include "tst_backup_progress.moc"
