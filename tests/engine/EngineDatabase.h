#pragma once

#include "db/Connection.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A fresh database for one test, removed afterwards:
//   "sqlite": a file in a temporary folder;
//   "postgresql": CREATE DATABASE <unique name> on the ctest fixture server (RETORT_TEST_PG_URL),
//   dropped in the destructor. Without the fixture creation fails: nothing is skipped.
class EngineDatabase
{
public:
    // `owner`: PostgreSQL role that owns the new database (empty: the fixture's superuser).
    static std::unique_ptr<EngineDatabase> create(const QString &backend, QString *failure,
                                                  const QString &owner = QString());
    ~EngineDatabase();

    const QString &backend() const { return m_backend; }
    bool isPostgres() const { return m_backend == QStringLiteral("postgresql"); }
    // The database's URL, without a password; understood by retort and by SQLAlchemy.
    QString url() const { return m_url; }
    // The same database reached as `user` (PostgreSQL), password percent-encoded into the URL.
    QString urlAs(const QString &user, const QString &password) const;
    const QString &name() const { return m_databaseName; }

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

    static QString serverUrl(QString *failure);

private:
    EngineDatabase() = default;
    retort::Connection *connection(QString *failure);

    QString m_backend;
    QString m_url;
    QString m_databaseName;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<retort::Connection> m_connection;
};
