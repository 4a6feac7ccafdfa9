#pragma once

#include "BackupInfo.h"
#include "Expected.h"
#include "TransferProgress.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace retort {

// The files of a backup directory: names, owner-only creation, checksums, sidecars, listing and
// retention. Backups hold the data, so every file made here is readable by its owner only.
class BackupFiles
{
public:
    // backup_<database>_<YYYYmmdd_HHMMSS>.db (SQLite) or .dump (PostgreSQL); characters other
    // than letters, digits, '-', '_' and '.' in the database name become '_'.
    static QString defaultFileName(const QString &dialect, const QString &database, const QDateTime &when);
    // dir/name, or dir/<stem>_2<ext>, _3, ... when a file (or its sidecar) already has that name.
    static QString uniquePath(const QString &directory, const QString &name);
    // Creates the directory (owner-only when new) and checks that files can be made in it.
    static Fallible<void> prepareDirectory(const QString &directory);
    // A new empty file with mode 0600; fails when the path exists.
    static Fallible<void> createOwnerOnly(const QString &path);

    // Hex SHA-256 of the file.
    // Reports bytes hashed to progress (Stage::Checksum), which may cancel.
    static Fallible<QString> sha256(const QString &path, TransferProgress *progress = nullptr);

    // Writes <backup>.json atomically (temporary file, then rename), mode 0600.
    static Fallible<void> writeSidecar(const BackupInfo &info);
    // Reads <backup>.json; fails saying why (missing, unreadable, not a sidecar).
    static Fallible<BackupInfo> readSidecar(const QString &backupPath);

    // Every backup in the directory that has a readable sidecar, newest first.
    static QList<BackupInfo> list(const QString &directory);
    // Removes all but the newest `keep` backups (and their sidecars) of `source`; keep 0 removes
    // none. Returns the backup files removed.
    static QStringList prune(const QString &directory, const QString &source, int keep);
};

} // namespace retort
