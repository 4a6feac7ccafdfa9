#include "Connection.h"

#include "Logging.h"
#include "db/StatementCache.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

QString uniqueConnectionName()
{
    static std::atomic<quint64> counter{0};
    return u"retort-"_s + QString::number(++counter);
}

bool hasOption(const QString &connectOptions, const QString &key)
{
    const QStringList options = connectOptions.split(u';', Qt::SkipEmptyParts);
    return std::any_of(options.begin(), options.end(),
                       [&](const QString &option) { return option.section(u'=', 0, 0).trimmed() == key; });
}

QString withOption(const QString &connectOptions, const QString &option)
{
    return connectOptions.isEmpty() ? option : connectOptions + u';' + option;
}

} // namespace

Connection::Connection(ConnectionParameters parameters, QString target)
    : m_parameters(std::move(parameters))
    , m_dialect(Dialect::fromQtDriver(m_parameters.driver).value_or(Dialect::sqlite()))
    , m_target(std::move(target))
    , m_name(uniqueConnectionName())
    , m_statements(std::make_unique<StatementCache>())
{
}

Connection::Connection(const DatabaseUrl &url, const QString &currentDirectory)
    : Connection(ConnectionParameters::fromUrl(url, currentDirectory), url.toDisplayString())
{
}

Connection::~Connection()
{
    if (QSqlDatabase::contains(m_name)) {
        close();
        QSqlDatabase::removeDatabase(m_name);
    }
}

std::optional<DbError> Connection::open()
{
    if (!Dialect::fromQtDriver(m_parameters.driver))
        return DbError::make(ErrorKind::UnsupportedDriver,
                             u"Retort cannot open databases through the Qt driver '"_s + m_parameters.driver
                                 + u"'; use an sqlite or postgresql URL."_s);
    if (!QSqlDatabase::isDriverAvailable(m_parameters.driver)) {
        DbError e =
            DbError::make(ErrorKind::DriverMissing,
                          u"The Qt SQL driver "_s + m_parameters.driver + u" is not installed; install "_s
                              + (m_dialect.kind() == SqlDialect::Sqlite ? u"libqt6sql6-sqlite"_s : u"libqt6sql6-psql"_s)
                              + u" (or your distribution's equivalent)."_s);
        e.target = m_target;
        return e;
    }

    QString options = m_parameters.connectOptions;
    if (m_dialect.kind() == SqlDialect::Sqlite) {
        // pysqlite's default: wait 5 s for a lock held by another process before failing.
        if (!hasOption(options, u"QSQLITE_BUSY_TIMEOUT"_s))
            options = withOption(options, u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    } else if (!hasOption(options, u"application_name"_s)) {
        options = withOption(options, u"application_name=retort"_s);
    }

    {
        QSqlDatabase db = QSqlDatabase::contains(m_name) ? QSqlDatabase::database(m_name, false)
                                                         : QSqlDatabase::addDatabase(m_parameters.driver, m_name);
        db.setDatabaseName(m_parameters.databaseName);
        db.setHostName(m_parameters.hostName);
        db.setPort(m_parameters.port);
        db.setUserName(m_parameters.userName);
        db.setPassword(m_parameters.password);
        db.setConnectOptions(options);
        if (!db.open())
            return error(ErrorKind::OpenFailed, u"Cannot open the database"_s, db.lastError());
    }

    if (m_dialect.kind() == SqlDialect::Sqlite) {
        // SQLite leaves foreign keys off per connection unless asked; the application's own
        // SQLAlchemy setup usually turns them on, and migrations must see the same behaviour.
        if (auto e = execute(u"PRAGMA foreign_keys = ON"_s))
            return e;
        const QString timeout = options.section(u"QSQLITE_BUSY_TIMEOUT="_s, 1).section(u';', 0, 0);
        if (auto e = execute(u"PRAGMA busy_timeout = "_s + QString::number(timeout.toInt())))
            return e;
    }
    return std::nullopt;
}

bool Connection::isOpen() const
{
    return QSqlDatabase::contains(m_name) && database().isOpen();
}

void Connection::close()
{
    m_statements->clear();
    if (QSqlDatabase::contains(m_name))
        database().close();
}

QSqlDatabase Connection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

StatementCache &Connection::statements()
{
    return *m_statements;
}

namespace {

// The statement's first words, for the log: a script's literals (a password in ALTER ROLE, say)
// stay out of it.
QString leadOf(const QString &sql)
{
    const QStringList words = sql.simplified().split(QLatin1Char(' '));
    return words.mid(0, 2).join(QLatin1Char(' ')) + u" ... (%1 characters)"_s.arg(sql.size());
}

} // namespace

std::optional<DbError> Connection::execute(const QString &sql)
{
    qCDebug(lcDb) << m_name << "execute" << leadOf(sql);
    QSqlQuery query(database());
    if (!query.exec(sql))
        return error(ErrorKind::StatementFailed, u"The statement failed"_s, query.lastError(), sql);
    return std::nullopt;
}

DbResult<int> Connection::executeCounting(const QString &sql)
{
    qCDebug(lcDb) << m_name << "execute" << leadOf(sql);
    QSqlQuery query(database());
    if (!query.exec(sql))
        return error(ErrorKind::StatementFailed, u"The statement failed"_s, query.lastError(), sql);
    return query.numRowsAffected();
}

DbResult<bool> Connection::tableExists(const QString &schema, const QString &table) const
{
    // The dialect's query marks its values with '?' and has no other question mark.
    const auto [pattern, values] = m_dialect.tableExistsQuery(schema, table);
    QString sql;
    qsizetype next = 0;
    for (const QChar c : pattern) {
        if (c == u'?' && next < values.size())
            sql += stringLiteral(values.at(next++));
        else
            sql += c;
    }
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return error(ErrorKind::StatementFailed,
                     u"Cannot check whether the table "_s + m_dialect.qualifiedName(schema, table) + u" exists"_s,
                     query.lastError(), sql);
    return query.next();
}

QString Connection::stringLiteral(const QString &text) const
{
    QString escaped = text;
    escaped.replace(u'\'', u"''"_s);
    if (m_dialect.kind() == SqlDialect::PostgreSql && escaped.contains(u'\\')) {
        escaped.replace(u'\\', u"\\\\"_s);
        return u"E'"_s + escaped + u'\'';
    }
    return u'\'' + escaped + u'\'';
}

std::optional<DbError> Connection::begin()
{
    // Through a statement rather than QSqlDatabase::transaction(), so that SQLite takes its
    // write lock at once (BEGIN IMMEDIATE).
    QSqlQuery query(database());
    if (!query.exec(m_dialect.beginStatement()))
        return error(ErrorKind::TransactionFailed, u"Cannot start a transaction"_s, query.lastError(),
                     m_dialect.beginStatement());
    return std::nullopt;
}

std::optional<DbError> Connection::commit()
{
    QSqlQuery query(database());
    if (!query.exec(u"COMMIT"_s))
        return error(ErrorKind::TransactionFailed, u"Cannot commit the transaction"_s, query.lastError(), u"COMMIT"_s);
    return std::nullopt;
}

std::optional<DbError> Connection::rollback()
{
    QSqlQuery query(database());
    if (!query.exec(u"ROLLBACK"_s))
        return error(ErrorKind::TransactionFailed, u"Cannot roll the transaction back"_s, query.lastError(),
                     u"ROLLBACK"_s);
    return std::nullopt;
}

DbError Connection::error(ErrorKind kind, const QString &message, const QSqlError &sqlError,
                          const QString &statement) const
{
    DbError e = DbError::make(kind, message);
    e.target = m_target;
    e.statement = statement;
    e.nativeCode = sqlError.nativeErrorCode();
    // Qt joins the database's and the driver's text; the database's part is what helps.
    e.databaseMessage = sqlError.databaseText().trimmed();
    if (e.databaseMessage.isEmpty())
        e.databaseMessage = sqlError.driverText().trimmed();
    return e;
}

} // namespace retort
