#pragma once

#include "TestDatabase.h"

#include "db/Connection.h"

#include <QString>
#include <QStringList>

#include <memory>

// A fresh TestDatabase (see tests/fixtures) plus the queries the engine tests check it with,
// through one connection kept open for the test.
class EngineDatabase
{
public:
    // `owner`: PostgreSQL role that owns the new database (empty: the fixture's superuser).
    static std::unique_ptr<EngineDatabase> create(const QString &backend, QString *failure,
                                                  const QString &owner = QString());
    ~EngineDatabase();

    const QString &backend() const { return m_database->backend(); }
    bool isPostgres() const { return m_database->isPostgres(); }
    // The database's URL, without a password; understood by retort and by SQLAlchemy.
    QString url() const { return m_database->url(); }
    // The same database reached as `user` (PostgreSQL), password percent-encoded into the URL.
    QString urlAs(const QString &user, const QString &password) const { return m_database->urlAs(user, password); }
    const QString &name() const { return m_database->name(); }

    // A query's rows (each column as text); *failure set on an error.
    QList<QStringList> rows(const QString &sql, QString *failure);
    // Sorted contents of a version table (empty when it does not exist).
    QStringList versionRows(const QString &table = QStringLiteral("alembic_version"),
                            const QString &schema = QString());
    // Sorted names of the tables in the default (or given) schema.
    QStringList tables(const QString &schema = QString());
    bool execute(const QString &sql, QString *failure);
    // The database's own message for a statement that fails (empty when it succeeds).
    QString errorOf(const QString &sql);

private:
    explicit EngineDatabase(std::unique_ptr<TestDatabase> database)
        : m_database(std::move(database))
    {
    }
    retort::Connection *connection(QString *failure);

    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<retort::Connection> m_connection; // closed before m_database drops the database
};
