#pragma once

#include "db/DbError.h"
#include "db/VersionOp.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

class Connection;
class Dialect;

// The version table Alembic keeps (alembic_version by default): one row per current head,
// created exactly as Alembic creates it so that Alembic, Flask-Migrate and Retort can take turns
// on one database. Name, schema and primary key follow Alembic's version_table,
// version_table_schema and version_table_pk options.
// Nothing here begins or commits a transaction: the caller owns it.
class VersionTable
{
public:
    struct Options
    {
        QString table = QStringLiteral("alembic_version");
        QString schema; // empty: the default schema / search path
        bool primaryKey = true; // Alembic's version_table_pk
    };

    explicit VersionTable(Connection &connection);
    VersionTable(Connection &connection, Options options);

    const Options &options() const { return m_options; }
    // [schema.]table quoted as Alembic would write it.
    QString qualifiedName() const;
    // The CREATE TABLE statement, byte for byte what SQLAlchemy emits for Alembic's table.
    QString createStatement() const;
    static QString createStatement(const Dialect &dialect, const Options &options);

    DbResult<bool> exists() const;
    // Creates the table when it is missing (Alembic's checkfirst=True).
    std::optional<DbError> create();
    // The rows, in the order the database returns them; empty when the table does not exist
    // (as Alembic's get_current_heads()).
    DbResult<QStringList> heads() const;

    // Applies the plan's version-table changes in order. Each UPDATE and DELETE must change
    // exactly one row; otherwise the error names the revision and how many rows matched, in
    // Alembic's words. Stops at the first error and leaves rollback to the caller.
    std::optional<DbError> apply(const QList<VersionOp> &ops);
    std::optional<DbError> apply(const VersionOp &op);
    // The step's compare-and-swap: applies `ops` only while the table holds exactly
    // `expectedHeads` (in any order). The condition rides on the first op's statement, so the
    // check costs no statement of its own. false: the table held something else and nothing
    // changed (or the first op did not match although the heads did; read heads() to tell).
    // With no ops it reads the heads and compares. Errors as apply().
    DbResult<bool> applyIfHeads(const QList<VersionOp> &ops, const QStringList &expectedHeads);
    // Removes every row (stamp --purge).
    std::optional<DbError> purge();

    // The statement apply(op) runs, for a caller that sends it with other statements in one
    // round trip.
    QString statement(const VersionOp &op) const { return statementFor(op, {}); }

private:
    // PostgreSQL: the version table in a schema of the search path that the role may not use.
    std::optional<DbError> hiddenBySchemaRights() const;
    // SQL condition: the table holds exactly `heads` (distinct), to AND onto a statement.
    QString holdsExactly(const QStringList &heads) const;
    QString statementFor(const VersionOp &op, const QString &guard) const;
    std::optional<DbError> checkRowCount(const VersionOp &op, int found, const QString &sql) const;
    DbError opError(const VersionOp &op, const QString &sql, const DbError &cause) const;

    Connection &m_connection;
    Options m_options;
};

} // namespace retort
