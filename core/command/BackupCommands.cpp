#include "BackupCommands.h"

#include "Logging.h"
#include "RetortVersion.h"
#include "backup/BackupFiles.h"
#include "backup/PartialFile.h"
#include "backup/PostgresDump.h"
#include "backup/SqliteBackup.h"
#include "command/DatabaseSession.h"
#include "command/MigrateCommands.h"
#include "db/Connection.h"
#include "db/VersionTable.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

namespace retort {

namespace {

RunError error(ErrorKind kind, const QString &message, const DatabaseSession &session)
{
    RunError run = RunError::make(kind, message);
    run.target = session.target().displayUrl();
    return run;
}

QString dialectName(const DatabaseSession &session)
{
    return session.target().url.isPostgresql() ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
}

QString sqlitePath(const DatabaseSession &session)
{
    const DatabaseUrl &url = session.target().url;
    QString database = url.database;
    if (database.startsWith(QStringLiteral("file:"))) { // an SQLite URI (?uri=true)
        database = database.mid(5).section(u'?', 0, 0);
        return QDir(session.target().workingDirectory).absoluteFilePath(database);
    }
    return url.sqliteFilePath(session.target().workingDirectory);
}

ConnectionParameters postgresParameters(const DatabaseSession &session)
{
    return ConnectionParameters::fromUrl(session.target().url, session.target().workingDirectory);
}

QString sourceOf(const DatabaseSession &session)
{
    if (!session.target().url.isPostgresql())
        return sqlitePath(session);
    const ConnectionParameters p = postgresParameters(session);
    return QStringLiteral("%1@%2:%3/%4")
        .arg(p.userName, p.hostName.isEmpty() ? QStringLiteral("localhost") : p.hostName,
             p.port > 0 ? QString::number(p.port) : QStringLiteral("5432"), p.databaseName);
}

QString databaseNameOf(const DatabaseSession &session)
{
    if (session.target().url.isPostgresql())
        return postgresParameters(session).databaseName;
    return QFileInfo(sqlitePath(session)).completeBaseName();
}

DbResult<QStringList> headsOf(Connection &connection, const VersionTable::Options &options)
{
    DbResult<QStringList> heads = VersionTable(connection, options).heads();
    if (heads) {
        QStringList sorted = *heads;
        sorted.sort();
        return sorted;
    }
    return heads;
}

// The SQLite copy's own version table: the heads exactly as the copy holds them.
DbResult<QStringList> headsOfCopy(const QString &path, const VersionTable::Options &options)
{
    ConnectionParameters parameters;
    parameters.driver = QStringLiteral("QSQLITE");
    parameters.databaseName = path;
    parameters.connectOptions = QStringLiteral("QSQLITE_OPEN_READONLY");
    Connection connection(parameters, path);
    if (auto openError = connection.open())
        return *openError;
    return headsOf(connection, options);
}

QString backupPathFor(const DatabaseSession &session, const QString &to, const BackupPolicy &policy, QString *directory)
{
    const QString name =
        BackupFiles::defaultFileName(dialectName(session), databaseNameOf(session), QDateTime::currentDateTime());
    const QString workingDirectory = session.target().workingDirectory;
    if (to.isEmpty()) {
        *directory = policy.directory;
        return BackupFiles::uniquePath(*directory, name);
    }
    const QString absolute = QDir(workingDirectory).absoluteFilePath(to);
    if (to.endsWith(u'/') || QFileInfo(absolute).isDir()) {
        *directory = QDir::cleanPath(absolute);
        return BackupFiles::uniquePath(*directory, name);
    }
    *directory = QFileInfo(absolute).absolutePath();
    return QDir::cleanPath(absolute);
}

} // namespace

RunResult<BackupOutcome> backupCommand(DatabaseSession &session, const QString &to, TransferProgress *progress)
{
    const DatabaseUrl &url = session.target().url;
    if (url.isSqlite() && url.isInMemory())
        return error(ErrorKind::InMemoryDatabase, QStringLiteral("an in-memory SQLite database has no file to back up"),
                     session);
    const BackupPolicy policy = BackupPolicy::fromConfig(session.project().config());
    QString directory;
    const QString path = backupPathFor(session, to, policy, &directory);
    if (auto problem = BackupFiles::prepareDirectory(directory); !problem.ok())
        return error(ErrorKind::BackupDirectory,
                     problem.error().message + QStringLiteral("; choose another with --to or [retort] backup_dir"),
                     session);
    if (QFileInfo::exists(path) || QFileInfo::exists(BackupInfo::sidecarPath(path)))
        return error(ErrorKind::BackupExists,
                     QStringLiteral("%1 already exists; give another name with --to").arg(path), session);
    // The data is written under a temporary name, locked while it is written, and renamed once
    // checked and described: the name is only ever given to a complete backup. Temporary files
    // of backups that were killed are removed first.
    for (const QString &removed : PartialFile::removeAbandoned(directory))
        qCDebug(lcBackup) << "removed" << removed << "left by a backup that did not finish";
    const QString partial = path + QStringLiteral(".partial");
    QFile::remove(partial);
    PartialFile lock(partial);
    if (auto problem = lock.create(); !problem.ok())
        return error(ErrorKind::BackupDirectory, problem.error().message, session);

    BackupOutcome outcome;
    BackupInfo &info = outcome.info;
    info.path = path;
    info.dialect = dialectName(session);
    info.database = databaseNameOf(session);
    info.source = sourceOf(session);
    info.url = session.target().displayUrl();
    info.retortVersion = QStringLiteral(RETORT_VERSION_STRING);
    info.createdAt = QDateTime::currentDateTimeUtc();

    const auto fail = [&](ErrorKind kind, const QString &message) {
        QFile::remove(partial);
        return error(kind, message, session);
    };
    const auto failed = [&](const Failure &failure, const QString &context = {}) {
        if (failure.cancelled)
            return fail(ErrorKind::Cancelled,
                        QStringLiteral("the backup was cancelled; nothing was kept and the database is unchanged"));
        return fail(ErrorKind::BackupFailed, context + failure.message);
    };
    QElapsedTimer timer;
    timer.start();
    if (url.isPostgresql()) {
        const DbResult<QStringList> heads = headsOf(session.connection(), session.settings().versionTable);
        if (!heads)
            return fail(ErrorKind::BackupFailed,
                        QStringLiteral("cannot read the version table: ") + heads.error().toString());
        info.heads = *heads;
        const PostgresDump tool(postgresParameters(session), session.environment());
        if (auto problem = tool.dump(partial, progress); !problem.ok())
            return failed(problem.error());
        outcome.copyMs = timer.restart();
        if (progress)
            progress->advanced(TransferProgress::Stage::Verify, TransferProgress::Unit::Items, 0, 0);
        if (auto problem = tool.list(partial); !problem.ok())
            return failed(problem.error(), QStringLiteral("the new dump does not read back: "));
        outcome.verifyMs = timer.restart();
        const Fallible<QString> digest = BackupFiles::sha256(partial, progress);
        if (!digest)
            return failed(digest.error());
        outcome.checksumMs = timer.elapsed();
        info.sha256 = *digest;
    } else {
        // The copy is hashed while integrity_check runs.
        SqliteBackup::Stats stats;
        QString digest;
        if (auto problem = SqliteBackup::copy(sqlitePath(session), partial, &stats, progress, &digest); !problem.ok())
            return failed(problem.error());
        outcome.copyMs = stats.copyMs;
        outcome.verifyMs = stats.verifyMs;
        outcome.checksumMs = stats.checksumMs;
        info.sha256 = digest;
        const DbResult<QStringList> heads = headsOfCopy(partial, session.settings().versionTable);
        if (!heads)
            return fail(ErrorKind::BackupFailed,
                        QStringLiteral("cannot read the copy's version table: ") + heads.error().toString());
        info.heads = *heads;
    }
    QFile::setPermissions(partial, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    info.size = QFileInfo(partial).size();
    // The sidecar first: a sidecar without its backup is never listed, a backup without its
    // sidecar could not be restored.
    if (auto problem = BackupFiles::writeSidecar(info); !problem.ok())
        return fail(ErrorKind::BackupFailed, problem.error().message);
    if (!QFile::rename(partial, path)) {
        QFile::remove(BackupInfo::sidecarPath(path));
        return fail(ErrorKind::BackupFailed, QStringLiteral("cannot rename %1 to %2").arg(partial, path));
    }
    outcome.pruned = BackupFiles::prune(directory, info.source, policy.keep);
    qCDebug(lcBackup) << "backed up to" << outcome.info.path << outcome.info.size << "bytes: copy" << outcome.copyMs
                      << "ms, verify" << outcome.verifyMs << "ms, checksum" << outcome.checksumMs << "ms";
    return outcome;
}

QList<BackupInfo> listBackupsCommand(const BackupPolicy &policy)
{
    return BackupFiles::list(policy.directory);
}

RunResult<BackupInfo> inspectBackupCommand(DatabaseSession &session, const QString &file, TransferProgress *progress)
{
    return inspectBackupFile(session.target(), session.environment(), file, progress);
}

RunResult<BackupInfo> inspectBackupFile(const DatabaseTarget &target, const QProcessEnvironment &environment,
                                        const QString &file, TransferProgress *progress)
{
    const auto error = [&target](ErrorKind kind, const QString &message) {
        RunError run = RunError::make(kind, message);
        run.target = target.displayUrl();
        return run;
    };
    const QString path = QDir(target.workingDirectory).absoluteFilePath(file);
    if (!QFileInfo(path).isFile())
        return error(ErrorKind::NotABackup, QStringLiteral("%1 does not exist").arg(path));
    const Fallible<BackupInfo> info = BackupFiles::readSidecar(path);
    if (!info)
        return error(ErrorKind::NotABackup, info.error().message + QStringLiteral("; nothing was changed"));
    const QString dialect = target.url.isPostgresql() ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
    if (info->dialect != dialect)
        return error(ErrorKind::WrongDialect,
                     QStringLiteral("%1 is a backup of a %2 database, and this database is %3; nothing was changed")
                         .arg(path, info->dialect.isEmpty() ? QStringLiteral("unknown") : info->dialect, dialect));
    const auto mismatch = [&] {
        return error(ErrorKind::ChecksumMismatch,
                     QStringLiteral("%1 does not match its sidecar's size and SHA-256: the file was changed or "
                                    "damaged after the backup; nothing was changed")
                         .arg(path));
    };
    if (QFileInfo(path).size() != info->size)
        return mismatch();
    const Fallible<QString> digest = BackupFiles::sha256(path, progress);
    if (!digest && digest.error().cancelled)
        return error(ErrorKind::Cancelled, QStringLiteral("cancelled; nothing was changed"));
    if (!digest)
        return error(ErrorKind::NotABackup, digest.error().message);
    if (*digest != info->sha256)
        return mismatch();
    if (progress)
        progress->advanced(TransferProgress::Stage::Verify, TransferProgress::Unit::Items, 0, 0);
    const Fallible<void> intact = dialect == u"postgresql"
        ? PostgresDump(ConnectionParameters::fromUrl(target.url, target.workingDirectory), environment).list(path)
        : SqliteBackup::verify(path);
    if (!intact.ok()) {
        const QString &damage = intact.error().message;
        const QString where = damage.contains(path) ? QString() : path + QStringLiteral(": ");
        return error(ErrorKind::CorruptBackup, where + damage + QStringLiteral("; nothing was changed"));
    }
    return *info;
}

RunResult<RestoreOutcome> restoreCommand(DatabaseSession &session, const QString &file, TransferProgress *progress)
{
    const DatabaseUrl &url = session.target().url;
    if (url.isSqlite() && url.isInMemory())
        return error(ErrorKind::InMemoryDatabase, QStringLiteral("cannot restore into an in-memory SQLite database"),
                     session);
    auto inspected = inspectBackupCommand(session, file, progress);
    if (auto *problem = inspected.failure())
        return *problem;
    RestoreOutcome outcome;
    outcome.info = std::move(inspected).value();
    const Fallible<void> restored = url.isPostgresql()
        ? PostgresDump(postgresParameters(session), session.environment()).restore(outcome.info.path, progress)
        : SqliteBackup::restoreInto(outcome.info.path, sqlitePath(session), progress);
    if (!restored.ok() && restored.error().cancelled)
        return error(ErrorKind::Cancelled, QStringLiteral("the restore was cancelled; the database is unchanged"),
                     session);
    if (!restored.ok())
        return error(ErrorKind::RestoreFailed, restored.error().message, session);
    const DbResult<QStringList> heads = headsOf(session.connection(), session.settings().versionTable);
    if (!heads)
        return RunError::fromDb(heads.error());
    outcome.headsAfter = *heads;
    qCDebug(lcBackup) << "restored" << outcome.info.path << "; the database is at" << outcome.headsAfter;
    return outcome;
}

std::optional<RunError> backupBeforeMigration(DatabaseSession &session, const Plan &plan, RunObserver &observer)
{
    const BackupPolicy policy = BackupPolicy::fromConfig(session.project().config());
    if (!planNeedsBackup(plan, policy))
        return std::nullopt;
    if (session.target().url.isSqlite() && session.target().url.isInMemory()) {
        observer.log(QStringLiteral("No backup: an in-memory database has no file to copy"));
        return std::nullopt;
    }
    // A run cancelled while its backup is taken stops there, before any step.
    class CancelThroughObserver : public TransferProgress
    {
    public:
        explicit CancelThroughObserver(RunObserver &observer)
            : m_observer(observer)
        {
        }
        void advanced(Stage, Unit, qint64, qint64) override {}
        bool cancelRequested() override { return m_observer.cancelRequested(); }

    private:
        RunObserver &m_observer;
    } progress(observer);
    auto taken = backupCommand(session, {}, &progress);
    if (auto *problem = taken.failure(); problem && problem->kind == ErrorKind::Cancelled)
        return *problem;
    if (auto *problem = taken.failure()) {
        RunError stopped = *problem;
        stopped.kind = ErrorKind::BackupFailed;
        stopped.message = QStringLiteral("the automatic backup before this %1 failed, so it did not start: %2")
                              .arg(plan.request.verb(), problem->message);
        return stopped;
    }
    const BackupOutcome &outcome = taken.value();
    observer.log(QStringLiteral("Backed up %1 to %2 (%3 bytes)")
                     .arg(outcome.info.url, outcome.info.path)
                     .arg(outcome.info.size));
    for (const QString &removed : outcome.pruned)
        observer.log(QStringLiteral("Removed old backup %1 ([retort] backup_keep = %2)").arg(removed).arg(policy.keep));
    return std::nullopt;
}

} // namespace retort
