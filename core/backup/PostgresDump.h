#pragma once

#include "Expected.h"
#include "db/ConnectionParameters.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// pg_dump / pg_restore as child processes. The connection goes in a conninfo string without the
// password; the password, when the URL has one, goes in a temporary passfile (mode 0600, removed
// afterwards) named by PGPASSFILE, so it never shows on a command line. Without a password in
// the URL, libpq's own sources apply (PGPASSWORD, ~/.pgpass, peer or trust authentication).
class PostgresDump
{
public:
    PostgresDump(ConnectionParameters parameters, QProcessEnvironment environment);

    void setPgDump(const QString &program) { m_pgDump = program; }
    void setPgRestore(const QString &program) { m_pgRestore = program; }

    // pg_dump --format=custom --file=path.
    Fallible<void> dump(const QString &path) const;
    // pg_restore --list path: the archive is readable and complete. Needs no server.
    Fallible<void> list(const QString &path) const;
    // pg_restore --clean --if-exists --single-transaction into the database.
    Fallible<void> restore(const QString &path) const;
    // The file starts with the custom format's "PGDMP" magic.
    static bool hasDumpHeader(const QString &path);

    // host=... port=... user=... dbname=... plus the URL's libpq options, values quoted as
    // libpq wants; never the password. Public for tests.
    QString conninfo() const;
    // One line of a .pgpass file matching any server, with ':' and '\' escaped.
    static QString passfileLine(const QString &password);

private:
    Fallible<void> run(const QString &program, const QStringList &arguments, const QString &what) const;

    ConnectionParameters m_parameters;
    QProcessEnvironment m_environment;
    QString m_pgDump = QStringLiteral("pg_dump");
    QString m_pgRestore = QStringLiteral("pg_restore");
};

} // namespace retort
