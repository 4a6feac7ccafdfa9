#pragma once

#include "db/DatabaseUrl.h"
#include "db/SqlDialect.h"
#include "run/RunError.h"

#include <QString>

#include <memory>

class QTemporaryDir;

namespace retort {

class Connection;
class ShadowServer;

// One Retort-owned scratch database (never the person's): a file in the server's temporary
// folder (SQLite) or a retort_shadow_<random> database (PostgreSQL), removed by the destructor.
// The server that made it must outlive it.
class ShadowDatabase
{
public:
    ~ShadowDatabase();
    ShadowDatabase(const ShadowDatabase &) = delete;
    ShadowDatabase &operator=(const ShadowDatabase &) = delete;

    const QString &name() const { return m_name; }
    const DatabaseUrl &url() const { return m_url; }
    // The URL with its password, for SQLAlchemy (Python steps).
    QString sqlalchemyUrl() const { return m_url.toString(); }

    // A connection opened on first use in the calling thread, kept until closeConnection().
    RunResult<Connection *> connection();
    // Cloning needs no session on the source (PostgreSQL) and a closed file (SQLite).
    void closeConnection();

private:
    friend class ShadowServer;
    ShadowDatabase(ShadowServer &server, QString name, DatabaseUrl url);

    ShadowServer &m_server;
    QString m_name;
    DatabaseUrl m_url;
    std::unique_ptr<Connection> m_connection;
};

// Where scratch databases are made: a temporary folder for SQLite, or a PostgreSQL server
// reached through its maintenance database (`postgres`, else the database the URL names, which
// is only ever used to issue CREATE and DROP DATABASE).
class ShadowServer
{
public:
    struct Options
    {
        SqlDialect dialect = SqlDialect::Sqlite;
        // PostgreSQL: any database URL on the server to use (shadow_url, or the project's).
        DatabaseUrl serverUrl;
        // Which setting the server came from, for the error a missing CREATEDB gives.
        QString serverSource;
    };

    static RunResult<std::unique_ptr<ShadowServer>> open(const Options &options);
    ~ShadowServer();
    ShadowServer(const ShadowServer &) = delete;
    ShadowServer &operator=(const ShadowServer &) = delete;

    SqlDialect dialect() const { return m_options.dialect; }
    RunResult<std::unique_ptr<ShadowDatabase>> createEmpty();
    // A new scratch database holding what `source` holds; `source` loses its connection.
    RunResult<std::unique_ptr<ShadowDatabase>> clone(ShadowDatabase &source);

private:
    friend class ShadowDatabase;
    explicit ShadowServer(Options options);
    RunResult<std::unique_ptr<ShadowDatabase>> create(const QString &templateName);
    void drop(const QString &name);
    // PostgreSQL: waits a little for the sessions on `name` to end. A session's process outlives
    // its connection for a moment, and CREATE DATABASE ... TEMPLATE and DROP DATABASE that find
    // one wait a tenth of a second before they look again.
    void awaitNoSessions(const QString &name);
    QString newName() const;
    DatabaseUrl urlFor(const QString &name) const;

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_dir; // SQLite
    std::unique_ptr<Connection> m_admin; // PostgreSQL
};

} // namespace retort
