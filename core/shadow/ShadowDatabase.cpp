#include "ShadowDatabase.h"

#include "Logging.h"
#include "db/Connection.h"
#include "db/Dialect.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

namespace retort {

namespace {

constexpr auto shadowPrefix = "retort_shadow_";

RunError shadowError(const QString &message, const DbError &cause)
{
    RunError error = RunError::fromDb(cause, ErrorKind::ShadowUnavailable);
    error.message = message;
    return error;
}

} // namespace

ShadowDatabase::ShadowDatabase(ShadowServer &server, QString name, DatabaseUrl url)
    : m_server(server)
    , m_name(std::move(name))
    , m_url(std::move(url))
{
}

ShadowDatabase::~ShadowDatabase()
{
    closeConnection();
    m_server.drop(m_name);
}

RunResult<Connection *> ShadowDatabase::connection()
{
    if (m_connection)
        return m_connection.get();
    auto connection = std::make_unique<Connection>(m_url, QDir::rootPath());
    if (auto error = connection->open())
        return RunError::fromDb(*error);
    if (m_server.dialect() == SqlDialect::Sqlite) {
        // A scratch file is thrown away on any failure: syncing it buys nothing.
        connection->execute(QStringLiteral("PRAGMA synchronous = OFF"));
    } else {
        // Nor need a scratch database's commits wait for the disk (a crash only loses
        // a replay, which is done again).
        connection->execute(QStringLiteral("SET synchronous_commit = off"));
        // The catalog queries prepared on this connection run after every step with new
        // values: one generic plan made once, rather than a custom plan each time, which can
        // cost more than running them. (PostgreSQL 12 and later; older ones plan as they do.)
        connection->execute(QStringLiteral("SET plan_cache_mode = force_generic_plan"));
    }
    m_connection = std::move(connection);
    return m_connection.get();
}

void ShadowDatabase::closeConnection()
{
    m_connection.reset();
}

ShadowServer::ShadowServer(Options options)
    : m_options(std::move(options))
{
}

ShadowServer::~ShadowServer() = default;

RunResult<std::unique_ptr<ShadowServer>> ShadowServer::open(const Options &options)
{
    std::unique_ptr<ShadowServer> server(new ShadowServer(options));
    if (options.dialect == SqlDialect::Sqlite) {
        server->m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/retort-shadow-XXXXXX"));
        if (!server->m_dir->isValid())
            return RunError::make(ErrorKind::ShadowUnavailable,
                                  QStringLiteral("cannot create a temporary folder for shadow databases: %1")
                                      .arg(server->m_dir->errorString()));
        return server;
    }
    if (!options.serverUrl.isPostgresql()) {
        return RunError::make(ErrorKind::ShadowUnavailable,
                              QStringLiteral("replaying on PostgreSQL needs a PostgreSQL server for the shadow "
                                             "databases: set [retort] shadow_url = postgresql://user@host/postgres "
                                             "in alembic.ini (a role with CREATEDB), or use a PostgreSQL project URL"));
    }
    // The maintenance database first: the person's database is never where a session is held.
    DatabaseUrl maintenance = options.serverUrl;
    maintenance.database = QStringLiteral("postgres");
    auto admin = std::make_unique<Connection>(maintenance, QDir::rootPath());
    if (auto error = admin->open()) {
        qCDebug(lcShadow) << "no maintenance database, using" << options.serverUrl.toDisplayString();
        admin = std::make_unique<Connection>(options.serverUrl, QDir::rootPath());
        if (auto again = admin->open())
            return shadowError(
                QStringLiteral("cannot reach the server for shadow databases (%1)").arg(options.serverSource), *again);
    }
    server->m_admin = std::move(admin);
    return server;
}

QString ShadowServer::newName() const
{
    return QLatin1String(shadowPrefix)
        + QString::number(QRandomGenerator::global()->generate64(), 36).rightJustified(13, u'0');
}

DatabaseUrl ShadowServer::urlFor(const QString &name) const
{
    DatabaseUrl url;
    if (m_options.dialect == SqlDialect::Sqlite) {
        url.dialect = QStringLiteral("sqlite");
        url.database = m_dir->filePath(name + QStringLiteral(".db"));
        return url;
    }
    url = m_options.serverUrl;
    url.database = name;
    return url;
}

RunResult<std::unique_ptr<ShadowDatabase>> ShadowServer::createEmpty()
{
    return create(QStringLiteral("template0"));
}

RunResult<std::unique_ptr<ShadowDatabase>> ShadowServer::clone(ShadowDatabase &source)
{
    source.closeConnection();
    if (m_options.dialect != SqlDialect::Sqlite) {
        awaitNoSessions(source.name());
        return create(source.name());
    }
    const QString name = newName();
    const DatabaseUrl url = urlFor(name);
    if (!QFile::copy(source.url().database, url.database))
        return RunError::make(
            ErrorKind::ShadowUnavailable,
            QStringLiteral("cannot copy the shadow database %1 to %2").arg(source.url().database, url.database));
    return std::unique_ptr<ShadowDatabase>(new ShadowDatabase(*this, name, url));
}

RunResult<std::unique_ptr<ShadowDatabase>> ShadowServer::create(const QString &templateName)
{
    const QString name = newName();
    const DatabaseUrl url = urlFor(name);
    if (m_options.dialect == SqlDialect::Sqlite) // the file appears on first connection
        return std::unique_ptr<ShadowDatabase>(new ShadowDatabase(*this, name, url));
    const Dialect &dialect = m_admin->dialect();
    const QString sql = QStringLiteral("CREATE DATABASE %1 TEMPLATE %2")
                            .arg(dialect.quoteIdentifier(name), dialect.quoteIdentifier(templateName));
    if (auto error = m_admin->execute(sql)) {
        if (error->nativeCode == u"42501" || error->databaseMessage.contains(u"permission denied")) {
            return shadowError(QStringLiteral("the role cannot create shadow databases on %1 (%2): grant it "
                                              "CREATEDB, or set [retort] shadow_url in alembic.ini to a server "
                                              "where Retort may create and drop scratch databases")
                                   .arg(m_options.serverUrl.toDisplayString(), m_options.serverSource),
                               *error);
        }
        return shadowError(
            QStringLiteral("cannot create a shadow database on %1").arg(m_options.serverUrl.toDisplayString()), *error);
    }
    qCDebug(lcShadow) << "created" << name << "from" << templateName;
    return std::unique_ptr<ShadowDatabase>(new ShadowDatabase(*this, name, url));
}

void ShadowServer::drop(const QString &name)
{
    if (m_options.dialect == SqlDialect::Sqlite) {
        QFile::remove(m_dir->filePath(name + QStringLiteral(".db")));
        return;
    }
    awaitNoSessions(name);
    if (auto error = m_admin->execute(
            QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_admin->dialect().quoteIdentifier(name))))
        qCWarning(lcShadow) << "could not drop the shadow database" << name << error->toString();
}

void ShadowServer::awaitNoSessions(const QString &name)
{
    const QString sql =
        QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = %1").arg(m_admin->stringLiteral(name));
    QElapsedTimer waited;
    waited.start();
    // Past that, DROP ... WITH (FORCE) ends the session itself.
    while (waited.elapsed() < 200) {
        QSqlQuery query(m_admin->database());
        if (!query.exec(sql) || !query.next() || query.value(0).toInt() == 0)
            return;
        QThread::usleep(500);
    }
}

} // namespace retort
