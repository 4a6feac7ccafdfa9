#include "PostgresDump.h"

#include "ChildLifetime.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryFile>

#include <algorithm>

namespace retort {

namespace {

QString conninfoValue(const QString &value)
{
    QString quoted = value;
    quoted.replace(QStringLiteral("\\"), QStringLiteral("\\\\"));
    quoted.replace(QStringLiteral("'"), QStringLiteral("\\'"));
    return u'\'' + quoted + u'\'';
}

constexpr int kWatchIntervalMs = 200;

// What a client tool printed, without pg_restore --verbose's account of its progress.
QString errorLines(const QString &printed)
{
    QStringList kept;
    for (const QString &line : printed.split(u'\n')) {
        const bool progress = line.startsWith(QLatin1String("pg_restore: "))
            && !line.startsWith(QLatin1String("pg_restore: error"))
            && !line.startsWith(QLatin1String("pg_restore: warning"))
            && !line.startsWith(QLatin1String("pg_restore: detail"))
            && !line.startsWith(QLatin1String("pg_restore: hint"));
        if (!progress)
            kept.append(line);
    }
    return kept.join(u'\n').trimmed();
}

// The lines with which pg_restore --verbose starts an item of the archive.
qsizetype itemsStarted(const QByteArray &printed)
{
    qsizetype items = 0;
    for (const QByteArray &line : printed.split('\n')) {
        if (line.startsWith("pg_restore: creating ") || line.startsWith("pg_restore: processing data for ")
            || line.startsWith("pg_restore: executing "))
            ++items;
    }
    return items;
}

} // namespace

PostgresDump::PostgresDump(ConnectionParameters parameters, QProcessEnvironment environment)
    : m_parameters(std::move(parameters))
    , m_environment(std::move(environment))
{
}

QString PostgresDump::conninfo() const
{
    QStringList parts;
    if (!m_parameters.hostName.isEmpty())
        parts << QStringLiteral("host=") + conninfoValue(m_parameters.hostName);
    if (m_parameters.port > 0)
        parts << QStringLiteral("port=") + QString::number(m_parameters.port);
    if (!m_parameters.userName.isEmpty())
        parts << QStringLiteral("user=") + conninfoValue(m_parameters.userName);
    parts << QStringLiteral("dbname=") + conninfoValue(m_parameters.databaseName);
    // Already "key=value" with libpq quoting (ConnectionParameters), the password never among them.
    for (const QString &option : m_parameters.connectOptions.split(u';', Qt::SkipEmptyParts))
        parts << option;
    return parts.join(u' ');
}

QString PostgresDump::passfileLine(const QString &password)
{
    QString escaped = password;
    escaped.replace(QStringLiteral("\\"), QStringLiteral("\\\\"));
    escaped.replace(QStringLiteral(":"), QStringLiteral("\\:"));
    return QStringLiteral("*:*:*:*:") + escaped + u'\n';
}

bool PostgresDump::hasDumpHeader(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(5) == QByteArray("PGDMP");
}

Fallible<void> PostgresDump::run(const QString &program, const QStringList &arguments, const QString &what,
                                 TransferProgress *progress, const Watcher &watch) const
{
    QProcessEnvironment environment = m_environment;
    QTemporaryFile passfile; // created 0600 by QTemporaryFile, removed when it goes out of scope
    if (!m_parameters.password.isEmpty()) {
        if (!passfile.open())
            return Failure{QStringLiteral("cannot create a temporary password file (%1)").arg(passfile.errorString())};
        passfile.write(passfileLine(m_parameters.password).toUtf8());
        passfile.flush();
        environment.insert(QStringLiteral("PGPASSFILE"), passfile.fileName());
        environment.remove(QStringLiteral("PGPASSWORD")); // it would win over the passfile
    }
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setStandardOutputFile(QProcess::nullDevice());
    endWithParent(process); // a restore whose Retort was killed must not go on and commit
    process.start(program, arguments);
    if (!process.waitForStarted(-1))
        return Failure{QStringLiteral("cannot run %1 (%2); install the PostgreSQL client tools")
                           .arg(program, process.errorString())};
    QByteArray printed;
    if (!progress) {
        process.waitForFinished(-1);
    } else {
        while (!process.waitForFinished(kWatchIntervalMs) && process.state() != QProcess::NotRunning) {
            const QByteArray fresh = process.readAllStandardError();
            printed += fresh;
            if (watch)
                watch(process, fresh);
            if (progress->cancelRequested()) {
                process.kill();
                process.waitForFinished(-1);
                return Failure{QStringLiteral("%1 was cancelled").arg(what), true};
            }
        }
        const QByteArray rest = process.readAllStandardError();
        if (watch)
            watch(process, rest);
        printed += rest;
    }
    printed += process.readAllStandardError();
    const QString errors = errorLines(QString::fromLocal8Bit(printed));
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QString text = QStringLiteral("%1 failed (exit code %2)").arg(what).arg(process.exitCode());
        if (!errors.isEmpty())
            text += QStringLiteral(": ") + errors;
        // Nothing secret should be in there, but the password must never be shown.
        if (!m_parameters.password.isEmpty())
            text.replace(m_parameters.password, QStringLiteral("***"));
        return Failure{text};
    }
    return {};
}

Fallible<void> PostgresDump::dump(const QString &path, TransferProgress *progress) const
{
    const auto watch = [progress, path](QProcess &, const QByteArray &) {
        progress->advanced(TransferProgress::Stage::Copy, TransferProgress::Unit::Bytes, QFileInfo(path).size(), 0);
    };
    return run(m_pgDump,
               {QStringLiteral("--format=custom"), QStringLiteral("--no-password"), QStringLiteral("--file=") + path,
                QStringLiteral("--dbname=") + conninfo()},
               QStringLiteral("pg_dump"), progress, watch);
}

Fallible<QStringList> PostgresDump::contents(const QString &path) const
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    endWithParent(process);
    process.start(m_pgRestore, {QStringLiteral("--list"), path});
    if (!process.waitForStarted(-1))
        return Failure{QStringLiteral("cannot run %1 (%2); install the PostgreSQL client tools")
                           .arg(m_pgRestore, process.errorString())};
    process.waitForFinished(-1);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Failure{QStringLiteral("pg_restore --list failed: %1")
                           .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed())};
    QStringList items;
    for (const QString &line : QString::fromLocal8Bit(process.readAllStandardOutput()).split(u'\n')) {
        if (!line.isEmpty() && !line.startsWith(u';'))
            items.append(line);
    }
    return items;
}

Fallible<void> PostgresDump::list(const QString &path) const
{
    if (!hasDumpHeader(path))
        return Failure{QStringLiteral("%1 is not a pg_dump archive in custom format").arg(path)};
    // --list reads the archive's header and table of contents: a file that is not an archive, or
    // one cut short before its table of contents, fails here. The sidecar's checksum covers the rest.
    return run(m_pgRestore, {QStringLiteral("--list"), path}, QStringLiteral("pg_restore --list"));
}

Fallible<void> PostgresDump::restore(const QString &path, TransferProgress *progress) const
{
    QStringList arguments = {
        QStringLiteral("--clean"),         QStringLiteral("--if-exists"),   QStringLiteral("--single-transaction"),
        QStringLiteral("--exit-on-error"), QStringLiteral("--no-password"), QStringLiteral("--dbname=") + conninfo()};
    if (!progress)
        return run(m_pgRestore, arguments << path, QStringLiteral("pg_restore"));
    // --verbose names each item as it starts; the table of contents says how many there are.
    const Fallible<QStringList> items = contents(path);
    const qint64 total = items ? items->size() : 0;
    qint64 done = 0;
    QByteArray partLine; // stderr arrives in chunks that may end inside a line
    const auto watch = [progress, total, &done, &partLine](QProcess &, const QByteArray &printed) {
        partLine += printed;
        const qsizetype end = partLine.lastIndexOf('\n');
        if (end < 0)
            return;
        done += itemsStarted(partLine.left(end));
        partLine.remove(0, end + 1);
        progress->advanced(TransferProgress::Stage::Restore, TransferProgress::Unit::Items,
                           total > 0 ? std::min(done, total) : done, total);
    };
    arguments << QStringLiteral("--verbose") << path;
    return run(m_pgRestore, arguments, QStringLiteral("pg_restore"), progress, watch);
}

} // namespace retort
