#pragma once

#include "db/SqlDialect.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <utility>

namespace retort {

// What differs between the databases the engine talks to, in one place, so that no other code
// has to ask "is this PostgreSQL?".
class Dialect
{
public:
    using Kind = SqlDialect;

    // How a migration run keeps a second run out.
    enum class LockMethod {
        WriteTransaction, // SQLite: BEGIN IMMEDIATE holds the database's write lock until commit
        AdvisoryLock, // PostgreSQL: a session-level pg_advisory_lock on a fixed key
    };

    static Dialect sqlite() { return Dialect(Kind::Sqlite); }
    static Dialect postgresql() { return Dialect(Kind::PostgreSql); }
    static Dialect of(SqlDialect kind) { return Dialect(kind); }
    // Accepts SQLAlchemy's backend names, with or without a driver ("postgresql+psycopg2",
    // "postgres", "sqlite+pysqlite"); nullopt for backends we do not support.
    static std::optional<Dialect> fromName(QStringView name);
    // From a Qt driver name ("QSQLITE", "QPSQL"); nullopt for other drivers.
    static std::optional<Dialect> fromQtDriver(QStringView driver);

    Kind kind() const { return m_kind; }
    // The name SQLAlchemy gives the dialect ("sqlite", "postgresql"), as used by SQL sections.
    QString name() const;
    // The Qt SQL driver that talks to it.
    QString qtDriver() const;

    // Always quotes: "name" with embedded quotes doubled. Safe for any identifier.
    QString quoteIdentifier(const QString &identifier) const;
    // Quotes only where SQLAlchemy does (reserved word, upper case, characters outside
    // [a-z0-9_$], leading digit or $), so DDL text matches what Alembic writes byte for byte.
    QString quoteIdentifierIfNeeded(const QString &identifier) const;
    // [schema.]table with each part quoted where needed; schema may be empty.
    QString qualifiedName(const QString &schema, const QString &table) const;
    // 'text' with embedded quotes doubled.
    QString quoteLiteral(const QString &text) const;
    bool isReservedWord(const QString &lowerCaseWord) const;

    // Whether CREATE/ALTER/DROP roll back with the transaction, as Alembic assumes
    // (SQLite: no, it commits per migration; PostgreSQL: yes).
    bool transactionalDdl() const { return m_kind == Kind::PostgreSql; }
    bool supportsSchemas() const { return m_kind == Kind::PostgreSql; }

    // A query returning a row when the table exists, and the values to bind to its placeholders
    // in order. An empty schema means "visible on the search path" (PostgreSQL, as SQLAlchemy's
    // has_table) or the main database (SQLite; a schema there is an attached database).
    std::pair<QString, QStringList> tableExistsQuery(const QString &schema, const QString &table) const;

    LockMethod lockMethod() const;
    // Statement that starts a transaction holding the write lock (SQLite) or a plain one.
    QString beginStatement() const;
    // PostgreSQL: statements taking / trying / releasing the session advisory lock on `key`
    // (try returns one boolean column). Empty for SQLite, which locks through beginStatement().
    QString lockStatement(qint64 key) const;
    QString tryLockStatement(qint64 key) const;
    QString unlockStatement(qint64 key) const;

    friend bool operator==(const Dialect &, const Dialect &) = default;

private:
    explicit Dialect(Kind kind)
        : m_kind(kind)
    {
    }
    Kind m_kind;
};

} // namespace retort
