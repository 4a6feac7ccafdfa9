#pragma once

#include "backup/BackupInfo.h"
#include "backup/BackupPolicy.h"
#include "backup/TransferProgress.h"
#include "run/RunError.h"
#include "run/RunObserver.h"

#include <QList>
#include <QProcessEnvironment>
#include <QStringList>

#include <optional>
#include <variant>

namespace retort {

class DatabaseSession;
struct DatabaseTarget;
struct Plan;

struct BackupOutcome
{
    BackupInfo info;
    QStringList pruned; // older backups removed by the retention setting
    qint64 copyMs = 0; // taking the copy (SQLite backup API / pg_dump)
    qint64 verifyMs = 0; // integrity_check / pg_restore --list
    qint64 checksumMs = 0; // SHA-256 of the file
};

struct RestoreOutcome
{
    BackupInfo info; // the backup restored, as its sidecar describes it
    QStringList headsAfter; // the database's version table after the restore, sorted
};

// `backup [--to PATH]`: a consistent copy of the session's database, checked, with its sidecar,
// then retention applied. `to` is a file, or a directory (existing, or written with a trailing
// '/') for the default name; empty means the policy's directory. Nothing is left behind on
// failure.
// progress hears each stage (copy, verify, checksum) and may cancel (ErrorKind::Cancelled).
RunResult<BackupOutcome> backupCommand(DatabaseSession &session, const QString &to = {},
                                       TransferProgress *progress = nullptr);

// `backups`: the backups in the project's backup directory, newest first.
QList<BackupInfo> listBackupsCommand(const BackupPolicy &policy);

// Everything restore checks before it touches the database: the sidecar, the size and SHA-256,
// the dialect (a backup of the other database kind is refused) and the file itself
// (integrity_check / pg_restore --list). The info is what a confirmation should show.
RunResult<BackupInfo> inspectBackupCommand(DatabaseSession &session, const QString &file,
                                           TransferProgress *progress = nullptr);
// The same checks without a connection to the database (a rehearsal restores into a copy).
RunResult<BackupInfo> inspectBackupFile(const DatabaseTarget &target, const QProcessEnvironment &environment,
                                        const QString &file, TransferProgress *progress = nullptr);

// `restore FILE`: inspects, then restores (SQLite: the backup API into the live database in one
// transaction; PostgreSQL: pg_restore --clean --if-exists --single-transaction) and reads the
// heads back. The caller asks for confirmation first. A cancel through progress leaves the
// database as it was.
RunResult<RestoreOutcome> restoreCommand(DatabaseSession &session, const QString &file,
                                         TransferProgress *progress = nullptr);

// The automatic backup before a migration: takes a backup when planNeedsBackup() says so for
// this plan (the one that will run, so the backup matches what was shown) and reports it through
// the observer's log. An error means the migration must not start.
std::optional<RunError> backupBeforeMigration(DatabaseSession &session, const Plan &plan, RunObserver &observer);

} // namespace retort
