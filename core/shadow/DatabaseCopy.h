#pragma once

#include "db/DatabaseUrl.h"
#include "run/RunError.h"
#include "shadow/ShadowDatabase.h"

#include <QProcessEnvironment>
#include <QString>

#include <memory>

namespace retort {

// A Retort-owned copy of a person's database, for work that must not touch the original (a
// rehearsal). SQLite: the online backup API copies the live file into a temporary file (a
// missing live file gives an empty copy, as a first deploy would find). PostgreSQL: a
// retort_shadow_* database on the shadow server, filled by pg_restore from a fresh pg_dump of the
// live database. Either can instead be filled from a backup file Retort made. The live database
// is only ever read (the backup API's read-only handle, pg_dump). Dropped by the destructor.
class DatabaseCopy
{
public:
    struct Source
    {
        DatabaseUrl url; // the person's database (never written)
        QString workingDirectory; // relative SQLite paths resolve against it
        QProcessEnvironment environment; // pg_dump / pg_restore's (libpq's password sources)
        // A backup file to restore instead of copying the live database; checked by the caller.
        QString backupFile;
        ShadowServer::Options server; // where the copy is made
    };

    static RunResult<std::unique_ptr<DatabaseCopy>> make(const Source &source);
    ~DatabaseCopy();
    DatabaseCopy(const DatabaseCopy &) = delete;
    DatabaseCopy &operator=(const DatabaseCopy &) = delete;

    ShadowDatabase &database() { return *m_database; }
    // "copy of sqlite:///app.db" or "copy of backup /b/backup_app_....dump", passwords masked.
    const QString &description() const { return m_description; }
    qint64 copyMs() const { return m_copyMs; }

private:
    DatabaseCopy() = default;
    RunResult<void> fillSqlite(const Source &source);
    RunResult<void> fillPostgres(const Source &source);

    std::unique_ptr<ShadowServer> m_server; // outlives m_database (declared first)
    std::unique_ptr<ShadowDatabase> m_database;
    QString m_description;
    qint64 m_copyMs = 0;
};

} // namespace retort
