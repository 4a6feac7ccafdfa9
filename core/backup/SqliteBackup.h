#pragma once

#include "Expected.h"
#include "TransferProgress.h"

#include <QString>

#include <optional>

namespace retort {

// SQLite files copied through SQLite's online backup API, on connections of its own (not Qt's),
// so the copy is consistent while other connections keep writing:
// - copy() reads the live database in steps of a few thousand pages; between steps writers get
//   the lock. When writers change the database under it, SQLite restarts the copy; after a few
//   restarts the rest is copied in one step (a read transaction, which in WAL mode blocks
//   nobody and in rollback mode delays writers only for that step).
// - restoreInto() runs the backup API the other way, into the live database, in one write
//   transaction protected by the live database's own journal or WAL: other connections see the
//   old contents or the new, never a half-written file, and files they hold open stay valid
//   (a rename over the file would leave them on the old inode, and would strand a -wal file).
// Errors are sentences naming the file and what SQLite said.
class SqliteBackup
{
public:
    struct Stats
    {
        qint64 copyMs = 0; // the backup API's work, including fsync
        qint64 verifyMs = 0; // PRAGMA integrity_check on the copy
        qint64 checksumMs = 0; // SHA-256 of the copy, alongside the check (when asked for)
        int restarts = 0; // times writers made SQLite start the copy again
    };

    // Copies sourcePath into destinationPath (an existing empty file, or a new path), leaves it
    // in rollback-journal mode, syncs it and checks it with PRAGMA integrity_check.
    // progress hears of each step and may cancel (a Failure with cancelled set). With sha256,
    // the copy's SHA-256 is computed while integrity_check runs, and returned there.
    static Fallible<void> copy(const QString &sourcePath, const QString &destinationPath, Stats *stats = nullptr,
                               TransferProgress *progress = nullptr, QString *sha256 = nullptr);
    // The file starts with SQLite's header and PRAGMA integrity_check says "ok". Read-only.
    static Fallible<void> verify(const QString &path, TransferProgress *progress = nullptr);
    static bool hasSqliteHeader(const QString &path);
    // Replaces the contents of the database at livePath with those of backupPath (see above).
    // A cancel before the last page leaves the live database as it was.
    static Fallible<void> restoreInto(const QString &backupPath, const QString &livePath,
                                      TransferProgress *progress = nullptr);
};

} // namespace retort
