#pragma once

#include "db/ConnectionParameters.h"
#include "db/DbError.h"
#include "db/Dialect.h"

#include <QString>

#include <memory>
#include <optional>

class QSqlDatabase;
class QSqlError;

namespace retort {

class StatementCache;

// One QSqlDatabase connection owned by one object: a unique connection name per instance,
// opened in the calling thread (Qt binds connections to the thread that opens them), closed and
// removed from Qt's registry in the destructor. Not copyable; keep it where the thread that
// opened it can reach it, and use it only from that thread.
//   Connection db(url, QDir::currentPath());
//   if (const auto error = db.open()) report(error->toString());
class Connection
{
public:
    // `target` is what errors and logs show for this database: pass the URL with the password
    // masked (DatabaseUrl::toDisplayString()).
    Connection(ConnectionParameters parameters, QString target);
    Connection(const DatabaseUrl &url, const QString &currentDirectory);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // Connects and prepares the session: SQLite gets PRAGMA foreign_keys=ON and a busy timeout
    // (5 s unless the URL's ?timeout= says otherwise); PostgreSQL gets application_name=retort
    // unless the URL names one. nullopt on success.
    std::optional<DbError> open();
    bool isOpen() const;
    void close();

    QSqlDatabase database() const;
    // Statements prepared on this connection for reuse; cleared when it closes.
    StatementCache &statements();
    const Dialect &dialect() const { return m_dialect; }
    const QString &connectionName() const { return m_name; }
    const QString &target() const { return m_target; }
    // Ignored URL query parameters, for the caller to warn about.
    const QStringList &ignoredOptions() const { return m_parameters.ignoredOptions; }

    // Runs one statement and discards any rows. nullopt on success.
    std::optional<DbError> execute(const QString &sql);
    // Runs one statement and returns how many rows it changed (the driver's count).
    DbResult<int> executeCounting(const QString &sql);
    // Whether [schema.]table exists (a table, view or the like). One round trip: the names go
    // into the query as literals, not through a server-side prepared statement.
    DbResult<bool> tableExists(const QString &schema, const QString &table) const;
    // `text` as an SQL string literal that means exactly `text` on this database, whatever
    // PostgreSQL's standard_conforming_strings says (backslashes go through E'...').
    QString stringLiteral(const QString &text) const;

    // Transactions through the dialect's own statements (BEGIN IMMEDIATE on SQLite).
    std::optional<DbError> begin();
    std::optional<DbError> commit();
    std::optional<DbError> rollback();

    // An error about this database: the target filled in, the driver's text and code copied.
    DbError error(ErrorKind kind, const QString &message, const QSqlError &sqlError,
                  const QString &statement = {}) const;

private:
    ConnectionParameters m_parameters;
    Dialect m_dialect;
    QString m_target;
    QString m_name;
    std::unique_ptr<StatementCache> m_statements;
};

} // namespace retort
