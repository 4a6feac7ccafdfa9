#pragma once

#include "Expected.h"
#include "TransferProgress.h"
#include "db/ConnectionParameters.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
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

    // pg_dump --format=custom --file=path. progress hears the bytes written so far (Stage::Copy)
    // and may cancel, which stops pg_dump.
    Fallible<void> dump(const QString &path, TransferProgress *progress = nullptr) const;
    // pg_restore --list path: the archive is readable and complete. Needs no server.
    Fallible<void> list(const QString &path) const;
    // pg_restore --clean --if-exists --single-transaction into the database. progress hears the
    // archive's items as pg_restore reaches them (Stage::Restore) and may cancel: pg_restore is
    // stopped before it commits, so the database keeps what it had.
    Fallible<void> restore(const QString &path, TransferProgress *progress = nullptr) const;
    // The file starts with the custom format's "PGDMP" magic.
    static bool hasDumpHeader(const QString &path);

    // host=... port=... user=... dbname=... plus the URL's libpq options, values quoted as
    // libpq wants; never the password. Public for tests.
    QString conninfo() const;
    // One line of a .pgpass file matching any server, with ':' and '\' escaped.
    static QString passfileLine(const QString &password);

private:
    // Watches a running child: called a few times a second with what it printed on stderr since.
    using Watcher = std::function<void(QProcess &process, const QByteArray &newErrors)>;
    Fallible<void> run(const QString &program, const QStringList &arguments, const QString &what,
                       TransferProgress *progress = nullptr, const Watcher &watch = {}) const;
    // The archive's table of contents: one line per item.
    Fallible<QStringList> contents(const QString &path) const;

    ConnectionParameters m_parameters;
    QProcessEnvironment m_environment;
    QString m_pgDump = QStringLiteral("pg_dump");
    QString m_pgRestore = QStringLiteral("pg_restore");
};

} // namespace retort
