#pragma once

#include "DbError.h"
#include "SqlDialect.h"

#include <QList>
#include <QPair>
#include <QString>

namespace retort {

// A database URL in SQLAlchemy's form, dialect[+driver]://user:password@host:port/database?query,
// split the way SQLAlchemy splits it, so Retort talks to the same database Alembic would:
//   sqlite:///relative.db (relative to the current directory), sqlite:////absolute.db,
//   sqlite:// and sqlite:///:memory: (in memory), postgresql[+driver]://..., postgres://
//   (alias), percent-encoded user and password, [IPv6] hosts, ?host=/socket/dir.
// Like SQLAlchemy, only user, password and query values are percent-decoded; host and database
// are kept as written.
struct DatabaseUrl
{
    QString dialect; // "sqlite" or "postgresql"
    QString driver; // the "+driver" suffix, e.g. "psycopg2"; empty when none
    QString user; // decoded
    QString password; // decoded
    QString host; // IPv6 without brackets; empty for none
    int port = 0; // 0 when not given
    QString database; // sqlite: the file path as written (empty or ":memory:" = in memory)
    QList<QPair<QString, QString>> query; // decoded, in the order written; keys may repeat

    // Parses text (surrounding whitespace ignored). Errors say what is wrong and never contain
    // the password (nor any other part of the URL that could hold it).
    static DbResult<DatabaseUrl> parse(const QString &text);
    static QStringList supportedDialects(); // {"sqlite", "postgresql"}

    // The URL again; parse(url.toString()) == url. Text that was written in this canonical form
    // (minimal percent-encoding, "postgresql" rather than the "postgres" alias) comes back
    // character for character.
    QString toString() const;
    // The same with the password shown as *** (SQLAlchemy's obfuscated form), for logs and UIs.
    QString toDisplayString() const;

    SqlDialect sqlDialect() const;
    bool isSqlite() const { return dialect == QLatin1String("sqlite"); }
    bool isPostgresql() const { return dialect == QLatin1String("postgresql"); }
    // SQLite without a file: "sqlite://", "sqlite:///" or "sqlite:///:memory:".
    bool isInMemory() const;
    // The SQLite file, made absolute against currentDirectory (pass it in; nothing is read from
    // the process). Empty for in-memory databases and non-SQLite URLs.
    QString sqliteFilePath(const QString &currentDirectory) const;

    // The first value of a query parameter; empty when absent.
    QString queryValue(const QString &key) const;
    bool hasQueryKey(const QString &key) const;

    friend bool operator==(const DatabaseUrl &, const DatabaseUrl &) = default;
};

} // namespace retort
