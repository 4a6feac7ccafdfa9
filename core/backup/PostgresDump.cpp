#include "PostgresDump.h"

#include "ChildLifetime.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryFile>

namespace retort {

namespace {

QString conninfoValue(const QString &value)
{
    QString quoted = value;
    quoted.replace(QStringLiteral("\\"), QStringLiteral("\\\\"));
    quoted.replace(QStringLiteral("'"), QStringLiteral("\\'"));
    return u'\'' + quoted + u'\'';
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

Fallible<void> PostgresDump::run(const QString &program, const QStringList &arguments, const QString &what) const
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
    process.waitForFinished(-1);
    const QString errors = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
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

Fallible<void> PostgresDump::dump(const QString &path) const
{
    return run(m_pgDump,
               {QStringLiteral("--format=custom"), QStringLiteral("--no-password"), QStringLiteral("--file=") + path,
                QStringLiteral("--dbname=") + conninfo()},
               QStringLiteral("pg_dump"));
}

Fallible<void> PostgresDump::list(const QString &path) const
{
    if (!hasDumpHeader(path))
        return Failure{QStringLiteral("%1 is not a pg_dump archive in custom format").arg(path)};
    // --list reads the archive's header and table of contents: a file that is not an archive, or
    // one cut short before its table of contents, fails here. The sidecar's checksum covers the rest.
    return run(m_pgRestore, {QStringLiteral("--list"), path}, QStringLiteral("pg_restore --list"));
}

Fallible<void> PostgresDump::restore(const QString &path) const
{
    return run(m_pgRestore,
               {QStringLiteral("--clean"), QStringLiteral("--if-exists"), QStringLiteral("--single-transaction"),
                QStringLiteral("--exit-on-error"), QStringLiteral("--no-password"),
                QStringLiteral("--dbname=") + conninfo(), path},
               QStringLiteral("pg_restore"));
}

} // namespace retort
