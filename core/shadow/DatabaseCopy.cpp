#include "DatabaseCopy.h"

#include "backup/PostgresDump.h"
#include "backup/SqliteBackup.h"
#include "db/ConnectionParameters.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// The file an SQLite URL names, for a plain path or an SQLite URI (?uri=true).
QString sqliteFile(const DatabaseUrl &url, const QString &workingDirectory)
{
    if (url.database.startsWith(u"file:"_s))
        return QDir(workingDirectory).absoluteFilePath(url.database.mid(5).section(u'?', 0, 0));
    return url.sqliteFilePath(workingDirectory);
}

} // namespace

DatabaseCopy::~DatabaseCopy() = default;

RunResult<std::unique_ptr<DatabaseCopy>> DatabaseCopy::make(const Source &source)
{
    std::unique_ptr<DatabaseCopy> copy(new DatabaseCopy);
    auto server = ShadowServer::open(source.server);
    if (const RunError *error = server.failure())
        return *error;
    copy->m_server = std::move(server).value();
    auto database = copy->m_server->createEmpty();
    if (const RunError *error = database.failure())
        return *error;
    copy->m_database = std::move(database).value();
    copy->m_description = source.backupFile.isEmpty() ? u"copy of "_s + source.url.toDisplayString()
                                                      : u"copy of backup "_s + source.backupFile;

    QElapsedTimer clock;
    clock.start();
    const RunResult<void> filled =
        source.server.dialect == SqlDialect::Sqlite ? copy->fillSqlite(source) : copy->fillPostgres(source);
    if (const RunError *error = filled.failure())
        return *error; // the destructor drops what was made
    copy->m_copyMs = clock.elapsed();
    return copy;
}

RunResult<void> DatabaseCopy::fillSqlite(const Source &source)
{
    const QString from =
        source.backupFile.isEmpty() ? sqliteFile(source.url, source.workingDirectory) : source.backupFile;
    m_database->closeConnection();
    if (source.backupFile.isEmpty()
        && (source.url.database.isEmpty() || source.url.database == u":memory:"_s || !QFileInfo::exists(from)))
        return {}; // nothing to copy: the copy starts empty, as the database would be created
    const Fallible<void> copied = SqliteBackup::copy(from, m_database->url().database);
    if (!copied.ok()) {
        RunError error = RunError::make(
            ErrorKind::BackupFailed,
            u"cannot copy %1 for the rehearsal: %2; nothing was run"_s.arg(from, copied.error().message));
        error.target = source.url.toDisplayString();
        return error;
    }
    return {};
}

RunResult<void> DatabaseCopy::fillPostgres(const Source &source)
{
    m_database->closeConnection(); // pg_restore needs no session of ours in the way
    QString dumpFile = source.backupFile;
    QTemporaryDir dumpDir(QDir::tempPath() + u"/retort-copy-XXXXXX"_s); // owner-only, removed afterwards
    if (dumpFile.isEmpty()) {
        if (!dumpDir.isValid())
            return RunError::make(ErrorKind::BackupFailed,
                                  u"cannot create a temporary folder for the dump: %1"_s.arg(dumpDir.errorString()));
        dumpFile = dumpDir.filePath(u"live.dump"_s);
        const PostgresDump live(ConnectionParameters::fromUrl(source.url, source.workingDirectory), source.environment);
        if (const Fallible<void> dumped = live.dump(dumpFile); !dumped.ok()) {
            RunError error = RunError::make(
                ErrorKind::BackupFailed,
                u"cannot dump %1 for the rehearsal: %2"_s.arg(source.url.toDisplayString(), dumped.error().message));
            error.target = source.url.toDisplayString();
            return error;
        }
    }
    const PostgresDump scratch(ConnectionParameters::fromUrl(m_database->url(), QDir::rootPath()), source.environment);
    if (const Fallible<void> restored = scratch.restore(dumpFile); !restored.ok()) {
        RunError error = RunError::make(
            ErrorKind::RestoreFailed,
            u"cannot restore %1 into the scratch database %2: %3; nothing was run"_s.arg(
                source.backupFile.isEmpty() ? u"the dump of "_s + source.url.toDisplayString() : source.backupFile,
                m_database->name(), restored.error().message));
        error.target = m_database->url().toDisplayString();
        return error;
    }
    return {};
}

} // namespace retort
