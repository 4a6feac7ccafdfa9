#include "VersionTable.h"

#include "db/Connection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

QString quoted(const QString &revision)
{
    return u'\'' + revision + u'\'';
}

} // namespace

VersionTable::VersionTable(Connection &connection)
    : VersionTable(connection, Options{})
{
}

VersionTable::VersionTable(Connection &connection, Options options)
    : m_connection(connection)
    , m_options(std::move(options))
{
}

QString VersionTable::qualifiedName() const
{
    return m_connection.dialect().qualifiedName(m_options.schema, m_options.table);
}

QString VersionTable::createStatement() const
{
    return createStatement(m_connection.dialect(), m_options);
}

QString VersionTable::createStatement(const Dialect &d, const Options &options)
{
    const QString qualified = d.qualifiedName(options.schema, options.table);
    // SQLAlchemy's layout: tab-indented columns, ", " before each newline, no trailing newline
    // (SQLite stores this text in sqlite_master, where Alembic's and ours are compared).
    QString sql = u"CREATE TABLE "_s + qualified + u" (\n\tversion_num VARCHAR(32) NOT NULL"_s;
    if (options.primaryKey)
        sql += u", \n\tCONSTRAINT "_s + d.quoteIdentifierIfNeeded(options.table + u"_pkc"_s)
               + u" PRIMARY KEY (version_num)"_s;
    sql += u"\n)"_s;
    return sql;
}

DbResult<bool> VersionTable::exists() const
{
    const auto [sql, values] = m_connection.dialect().tableExistsQuery(m_options.schema,
                                                                        m_options.table);
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    bool ok = query.prepare(sql);
    for (const QString &value : values)
        query.addBindValue(value);
    ok = ok && query.exec();
    if (!ok)
        return m_connection.error(u"StatementFailed"_s,
                                  u"Cannot check whether the version table "_s + qualifiedName()
                                      + u" exists"_s,
                                  query.lastError(), sql);
    return query.next();
}

std::optional<DbError> VersionTable::create()
{
    const DbResult<bool> present = exists();
    if (!present)
        return present.error();
    if (*present)
        return std::nullopt;
    const QString sql = createStatement();
    QSqlQuery query(m_connection.database());
    if (!query.exec(sql))
        return m_connection.error(u"StatementFailed"_s,
                                  u"Cannot create the version table "_s + qualifiedName(),
                                  query.lastError(), sql);
    return std::nullopt;
}

DbResult<QStringList> VersionTable::heads() const
{
    const DbResult<bool> present = exists();
    if (!present)
        return present.error();
    if (!*present)
        return QStringList{};
    const QString sql = u"SELECT version_num FROM "_s + qualifiedName();
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return m_connection.error(u"StatementFailed"_s,
                                  u"Cannot read the version table "_s + qualifiedName(),
                                  query.lastError(), sql);
    QStringList rows;
    while (query.next())
        rows.append(query.value(0).toString());
    return rows;
}

std::optional<DbError> VersionTable::apply(const QList<VersionOp> &ops)
{
    for (const VersionOp &op : ops) {
        if (auto e = apply(op))
            return e;
    }
    return std::nullopt;
}

std::optional<DbError> VersionTable::apply(const VersionOp &op)
{
    const QString table = qualifiedName();
    const Dialect &d = m_connection.dialect();
    // Literal values, as Alembic writes them: a server-side prepared statement could not even
    // be deallocated once a failure has aborted the caller's PostgreSQL transaction.
    QString sql;
    QString doing;
    switch (op.kind) {
    case VersionOp::Kind::Insert:
        sql = u"INSERT INTO "_s + table + u" (version_num) VALUES ("_s + d.quoteLiteral(op.to) + u')';
        doing = u"Cannot record revision "_s + quoted(op.to) + u" in "_s + table;
        break;
    case VersionOp::Kind::Update:
        sql = u"UPDATE "_s + table + u" SET version_num="_s + d.quoteLiteral(op.to) + u" WHERE "_s
              + table + u".version_num = "_s + d.quoteLiteral(op.from);
        doing = u"Cannot move "_s + table + u" from "_s + quoted(op.from) + u" to "_s
                + quoted(op.to);
        break;
    case VersionOp::Kind::Delete:
        sql = u"DELETE FROM "_s + table + u" WHERE "_s + table + u".version_num = "_s
              + d.quoteLiteral(op.from);
        doing = u"Cannot remove revision "_s + quoted(op.from) + u" from "_s + table;
        break;
    }

    QSqlQuery query(m_connection.database());
    if (!query.exec(sql)) {
        DbError e = m_connection.error(u"StatementFailed"_s, doing, query.lastError(), sql);
        e.revision = op.kind == VersionOp::Kind::Delete ? op.from : op.to;
        return e;
    }
    if (op.kind == VersionOp::Kind::Insert)
        return std::nullopt;

    const int found = query.numRowsAffected();
    if (found == 1)
        return std::nullopt;
    // Alembic's wording, so people searching for the message find the same advice.
    const QString what = op.kind == VersionOp::Kind::Update
                             ? QString(u"updating "_s + quoted(op.from) + u" to "_s + quoted(op.to))
                             : QString(u"deleting "_s + quoted(op.from));
    DbError e = DbError::make(
        u"RowCount"_s,
        u"Online migration expected to match one row when "_s + what + u" in "_s
            + quoted(m_options.table) + u"; "_s + QString::number(found)
            + u" found. The version table does not hold what the plan expected: check it with "
              "'current', or stamp the database to the revision it is really at."_s);
    e.target = m_connection.target();
    e.statement = sql;
    e.revision = op.from;
    return e;
}

std::optional<DbError> VersionTable::purge()
{
    const QString sql = u"DELETE FROM "_s + qualifiedName();
    QSqlQuery query(m_connection.database());
    if (!query.exec(sql))
        return m_connection.error(u"StatementFailed"_s,
                                  u"Cannot empty the version table "_s + qualifiedName(),
                                  query.lastError(), sql);
    return std::nullopt;
}

} // namespace retort
