#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// What the JSON sidecar next to a backup file records (<file>.json): enough to list the backup,
// to know which database it came from and to detect a damaged or swapped file before restoring.
struct BackupInfo
{
    QString path; // the backup file, absolute (not stored: the sidecar sits next to it)
    QString dialect; // "sqlite" or "postgresql"
    QString database; // SQLite: file name without extension; PostgreSQL: database name
    QString source; // identity of the database: SQLite absolute path, PostgreSQL user@host:port/db
    QString url; // the URL, password masked
    QStringList heads; // alembic_version rows at backup time, sorted
    qint64 size = 0; // bytes of the backup file
    QString sha256; // hex digest of the backup file
    QString retortVersion;
    QDateTime createdAt; // UTC

    static QString sidecarPath(const QString &backupPath) { return backupPath + QStringLiteral(".json"); }
    QJsonObject toJson() const;
    // nullopt when the object is not a Retort backup sidecar (the format marker is missing).
    static std::optional<BackupInfo> fromJson(const QJsonObject &object, const QString &backupPath);
};

} // namespace retort
