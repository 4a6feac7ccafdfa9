#include "SqliteBackup.h"

#include "BackupFiles.h"

#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <sqlite3.h>

#include <future>

#include <fcntl.h>
#include <unistd.h>

namespace retort {

namespace {

constexpr int kPagesPerStep = 4096; // 16 MB with 4 KiB pages: short read locks, few calls
constexpr int kRestartsBeforeOneStep = 3;
constexpr int kBusyGiveUpMs = 60000; // a lock nobody releases for a minute is not transient
constexpr int kBusyTimeoutMs = 5000;
constexpr int kOpsBetweenCancelChecks = 100000; // SQLite VM steps: a few ms apart

// A sqlite3 connection closed on every path.
class Handle
{
public:
    Handle() = default;
    ~Handle() { sqlite3_close_v2(m_db); }
    Handle(const Handle &) = delete;
    Handle &operator=(const Handle &) = delete;

    Fallible<void> open(const QString &path, int flags)
    {
        const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr);
        if (rc != SQLITE_OK)
            return Failure{QStringLiteral("cannot open %1: %2").arg(path, message())};
        sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
        return {};
    }
    sqlite3 *get() const { return m_db; }
    QString message() const { return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("out of memory"); }
    Fallible<void> exec(const char *sql) const
    {
        char *error = nullptr;
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, &error) == SQLITE_OK)
            return {};
        const QString text = QString::fromUtf8(error ? error : sqlite3_errmsg(m_db));
        sqlite3_free(error);
        return Failure{text};
    }
    // PRAGMA integrity_check's rows joined; "ok" when the file is sound. progress may cancel it.
    Fallible<void> integrityCheck(const QString &path, TransferProgress *progress = nullptr) const
    {
        if (progress) {
            const auto cancelled = [](void *watcher) {
                return static_cast<TransferProgress *>(watcher)->cancelRequested() ? 1 : 0;
            };
            sqlite3_progress_handler(m_db, kOpsBetweenCancelChecks, cancelled, progress);
        }
        const auto result = runIntegrityCheck(path);
        sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
        if (!result.ok() && progress && sqlite3_errcode(m_db) == SQLITE_INTERRUPT)
            return Failure{QStringLiteral("checking %1 was cancelled").arg(path), true};
        return result;
    }

private:
    Fallible<void> runIntegrityCheck(const QString &path) const
    {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(m_db, "PRAGMA integrity_check", -1, &statement, nullptr) != SQLITE_OK)
            return Failure{QStringLiteral("%1 is not a usable SQLite database: %2").arg(path, message())};
        QStringList rows;
        int rc;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
            rows.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0))));
        sqlite3_finalize(statement);
        if (rc != SQLITE_DONE)
            return Failure{QStringLiteral("%1 is not a usable SQLite database: %2").arg(path, message())};
        if (rows != QStringList{QStringLiteral("ok")})
            return Failure{QStringLiteral("%1 failed PRAGMA integrity_check: %2")
                               .arg(path, rows.mid(0, 5).join(QStringLiteral("; ")))};
        return {};
    }

    sqlite3 *m_db = nullptr;
};

Fallible<void> syncFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Failure{QStringLiteral("cannot open %1 to sync it").arg(path)};
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        return Failure{QStringLiteral("cannot sync %1 to disk").arg(path)};
    return {};
}

constexpr int kCancelled = -1; // runBackup() stopped on request; sqlite3_backup_finish rolled back

// Runs a backup object to the end: `pages` per step, retrying while the databases are busy, and
// reporting each step. Returns the SQLite result of sqlite3_backup_finish, the busy timeout, or
// kCancelled.
int runBackup(sqlite3_backup *backup, int pages, int *restarts, TransferProgress *progress,
              TransferProgress::Stage stage)
{
    QElapsedTimer busySince;
    int previousRemaining = -1;
    int step = pages;
    for (;;) {
        const int rc = sqlite3_backup_step(backup, step);
        if (rc == SQLITE_DONE) {
            if (progress) {
                const int total = sqlite3_backup_pagecount(backup);
                progress->advanced(stage, TransferProgress::Unit::Pages, total, total);
            }
            break;
        }
        if (rc == SQLITE_OK) {
            busySince.invalidate();
            const int remaining = sqlite3_backup_remaining(backup);
            if (progress) {
                const int total = sqlite3_backup_pagecount(backup);
                progress->advanced(stage, TransferProgress::Unit::Pages, total - remaining, total);
                if (progress->cancelRequested()) {
                    sqlite3_backup_finish(backup); // before the last page: the destination rolls back
                    return kCancelled;
                }
            }
            // More left than after the last step: a writer changed the source, SQLite restarted.
            if (previousRemaining >= 0 && remaining > previousRemaining && restarts
                && ++*restarts >= kRestartsBeforeOneStep)
                step = -1;
            previousRemaining = remaining;
            continue;
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            if (!busySince.isValid())
                busySince.start();
            if (busySince.elapsed() > kBusyGiveUpMs) {
                sqlite3_backup_finish(backup);
                return SQLITE_BUSY;
            }
            if (progress && progress->cancelRequested()) { // waiting on someone else's lock
                sqlite3_backup_finish(backup);
                return kCancelled;
            }
            QThread::msleep(10);
            continue;
        }
        break; // a real error: finish reports it
    }
    return sqlite3_backup_finish(backup);
}

} // namespace

bool SqliteBackup::hasSqliteHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

Fallible<void> SqliteBackup::copy(const QString &sourcePath, const QString &destinationPath, Stats *stats,
                                  TransferProgress *progress, QString *sha256)
{
    QElapsedTimer timer;
    timer.start();
    Handle source;
    if (!QFile::exists(sourcePath))
        return Failure{QStringLiteral("the database file %1 does not exist").arg(sourcePath)};
    if (auto done = source.open(sourcePath, SQLITE_OPEN_READONLY); !done.ok())
        return done;
    Handle destination;
    if (auto done = destination.open(destinationPath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE); !done.ok())
        return done;
    // The copy is a new private file: no journal, no syncs until the end.
    if (auto done = destination.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF"); !done.ok())
        return Failure{QStringLiteral("cannot prepare %1: %2").arg(destinationPath, done.error().message)};

    sqlite3_backup *backup = sqlite3_backup_init(destination.get(), "main", source.get(), "main");
    if (!backup)
        return Failure{QStringLiteral("cannot start the backup of %1: %2").arg(sourcePath, destination.message())};
    int restarts = 0;
    const int rc = runBackup(backup, kPagesPerStep, &restarts, progress, TransferProgress::Stage::Copy);
    if (rc == kCancelled)
        return Failure{QStringLiteral("the copy of %1 was cancelled").arg(sourcePath), true};
    if (rc == SQLITE_BUSY)
        return Failure{QStringLiteral("%1 stayed locked for %2 s; stop whatever holds it and try again")
                           .arg(sourcePath)
                           .arg(kBusyGiveUpMs / 1000)};
    if (rc != SQLITE_OK)
        return Failure{QStringLiteral("the backup of %1 failed: %2").arg(sourcePath, destination.message())};
    // A WAL source gives a copy marked for WAL; a single file is what a backup should be.
    if (auto done = destination.exec("PRAGMA journal_mode=DELETE"); !done.ok())
        return Failure{QStringLiteral("cannot finish %1: %2").arg(destinationPath, done.error().message)};
    if (auto done = syncFile(destinationPath); !done.ok())
        return done;
    if (stats) {
        stats->copyMs = timer.restart();
        stats->restarts = restarts;
    }
    if (progress) {
        progress->advanced(TransferProgress::Stage::Verify, TransferProgress::Unit::Pages, 0, 0);
        if (progress->cancelRequested())
            return Failure{QStringLiteral("the copy of %1 was cancelled").arg(sourcePath), true};
    }
    if (!sha256) {
        if (auto done = destination.integrityCheck(destinationPath, progress); !done.ok())
            return done;
        if (stats)
            stats->verifyMs = timer.elapsed();
        return {};
    }
    // integrity_check reads through SQLite and the hash reads the bytes: side by side, on two
    // cores, both take the time of the longer one.
    auto checked = std::async(std::launch::async, [&destinationPath, progress] {
        QElapsedTimer checkTimer;
        checkTimer.start();
        Fallible<void> result = verify(destinationPath, progress);
        return std::make_pair(std::move(result), checkTimer.elapsed());
    });
    const Fallible<QString> digest = BackupFiles::sha256(destinationPath, progress);
    const qint64 checksumMs = timer.elapsed();
    auto [check, verifyMs] = checked.get();
    if (stats) {
        stats->verifyMs = verifyMs;
        stats->checksumMs = checksumMs;
    }
    if (!check.ok())
        return check;
    if (!digest)
        return digest.error();
    *sha256 = *digest;
    return {};
}

Fallible<void> SqliteBackup::verify(const QString &path, TransferProgress *progress)
{
    if (!hasSqliteHeader(path))
        return Failure{QStringLiteral("%1 is not an SQLite database file").arg(path)};
    Handle handle;
    if (auto done = handle.open(path, SQLITE_OPEN_READONLY); !done.ok())
        return done;
    return handle.integrityCheck(path, progress);
}

Fallible<void> SqliteBackup::restoreInto(const QString &backupPath, const QString &livePath, TransferProgress *progress)
{
    Handle backupFile;
    if (auto done = backupFile.open(backupPath, SQLITE_OPEN_READONLY); !done.ok())
        return done;
    Handle live;
    if (auto done = live.open(livePath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE); !done.ok())
        return done;
    sqlite3_backup *backup = sqlite3_backup_init(live.get(), "main", backupFile.get(), "main");
    if (!backup)
        return Failure{QStringLiteral("cannot start restoring into %1: %2").arg(livePath, live.message())};
    // One write transaction on the live database from the first step to the last, all or
    // nothing: in steps when someone watches (and may cancel, which rolls back), else in one.
    const int rc =
        runBackup(backup, progress ? kPagesPerStep : -1, nullptr, progress, TransferProgress::Stage::Restore);
    if (rc == kCancelled)
        return Failure{QStringLiteral("the restore into %1 was cancelled; nothing was changed").arg(livePath), true};
    if (rc == SQLITE_BUSY)
        return Failure{QStringLiteral("%1 stayed locked for %2 s; stop the programs using it and try again; "
                                      "nothing was changed")
                           .arg(livePath)
                           .arg(kBusyGiveUpMs / 1000)};
    if (rc == SQLITE_READONLY)
        return Failure{QStringLiteral("cannot restore into %1: %2 (a database in WAL mode cannot take a backup "
                                      "with another page size; switch it to journal_mode=DELETE first); "
                                      "nothing was changed")
                           .arg(livePath, live.message())};
    if (rc != SQLITE_OK)
        return Failure{
            QStringLiteral("restoring into %1 failed: %2; nothing was changed").arg(livePath, live.message())};
    return {};
}

} // namespace retort
