#include "VersionTable.h"

#include "db/Connection.h"

#include <QSqlDatabase>
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
    DbResult<bool> present = m_connection.tableExists(m_options.schema, m_options.table);
    if (!present) {
        DbError e = present.error();
        e.message = u"Cannot check whether the version table "_s + qualifiedName() + u" exists"_s;
        return e;
    }
    if (!*present && m_options.schema.isEmpty() && m_connection.dialect().kind() == Dialect::Kind::PostgreSql) {
        if (auto hidden = hiddenBySchemaRights())
            return std::move(*hidden);
    }
    return present;
}

std::optional<DbError> VersionTable::hiddenBySchemaRights() const
{
    // A schema on the search path the role may not use drops out of it, so the table there looks
    // missing: `current` would say "no revision" of a database that has one. Find it and say so.
    const QString sql = u"SELECT n.nspname, current_user FROM pg_catalog.pg_class c"
                        " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        " WHERE c.relname = %1 AND NOT pg_catalog.has_schema_privilege(n.oid, 'USAGE')"
                        " AND n.nspname = ANY (pg_catalog.string_to_array(pg_catalog.replace(pg_catalog.replace("
                        "pg_catalog.current_setting('search_path'), ' ', ''), '\"', ''), ','))"_s.arg(
                            m_connection.stringLiteral(m_options.table));
    QSqlQuery query(m_connection.database());
    if (!query.exec(sql) || !query.next())
        return std::nullopt; // best effort: the plain answer stands
    const QString schema = query.value(0).toString();
    const QString role = query.value(1).toString();
    return m_connection.error(ErrorKind::StatementFailed,
                              u"The version table %1 is in schema %2, which role %3 may not use (permission denied "
                              "for schema %2); GRANT USAGE ON SCHEMA %2 TO %3, or connect as a role that may"_s.arg(
                                  m_options.table, schema, role),
                              QSqlError());
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
        return m_connection.error(ErrorKind::StatementFailed, u"Cannot create the version table "_s + qualifiedName(),
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
        return m_connection.error(ErrorKind::StatementFailed, u"Cannot read the version table "_s + qualifiedName(),
                                  query.lastError(), sql);
    QStringList rows;
    while (query.next()) {
        const QVariant value = query.value(0);
        // A blob would come out as raw bytes: show it as the literal a person could delete it by.
        if (value.typeId() == QMetaType::QByteArray)
            rows.append(u"x'"_s + QString::fromLatin1(value.toByteArray().toHex()) + u'\'');
        else
            rows.append(value.toString());
    }
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

QString VersionTable::holdsExactly(const QStringList &heads) const
{
    const QString table = qualifiedName();
    QStringList distinct = heads;
    distinct.removeDuplicates();
    if (distinct.isEmpty())
        return u"NOT EXISTS (SELECT 1 FROM "_s + table + u')';
    QStringList literals;
    for (const QString &head : std::as_const(distinct))
        literals.append(m_connection.dialect().quoteLiteral(head));
    const QString count = QString::number(distinct.size());
    // As many rows as heads, and every head among them: without a primary key a duplicate row
    // makes the first count differ.
    return u"(SELECT COUNT(*) FROM "_s + table + u") = "_s + count + u" AND (SELECT COUNT(DISTINCT version_num) FROM "_s
        + table + u" WHERE version_num IN ("_s + literals.join(u", "_s) + u")) = "_s + count;
}

QString VersionTable::statementFor(const VersionOp &op, const QString &guard) const
{
    const QString table = qualifiedName();
    const Dialect &d = m_connection.dialect();
    // Literal values, as Alembic writes them: a server-side prepared statement costs extra
    // round trips and could not even be deallocated once a failure has aborted the caller's
    // PostgreSQL transaction.
    switch (op.kind) {
    case VersionOp::Kind::Insert:
        if (!guard.isEmpty())
            return u"INSERT INTO "_s + table + u" (version_num) SELECT "_s + d.quoteLiteral(op.to) + u" WHERE "_s
                + guard;
        return u"INSERT INTO "_s + table + u" (version_num) VALUES ("_s + d.quoteLiteral(op.to) + u')';
    case VersionOp::Kind::Update:
        return u"UPDATE "_s + table + u" SET version_num="_s + d.quoteLiteral(op.to) + u" WHERE "_s + table
            + u".version_num = "_s + d.quoteLiteral(op.from) + (guard.isEmpty() ? QString() : u" AND "_s + guard);
    case VersionOp::Kind::Delete:
        return u"DELETE FROM "_s + table + u" WHERE "_s + table + u".version_num = "_s + d.quoteLiteral(op.from)
            + (guard.isEmpty() ? QString() : u" AND "_s + guard);
    }
    return {};
}

DbError VersionTable::opError(const VersionOp &op, const QString &sql, const DbError &cause) const
{
    const QString table = qualifiedName();
    DbError e = cause;
    switch (op.kind) {
    case VersionOp::Kind::Insert:
        e.message = u"Cannot record revision "_s + quoted(op.to) + u" in "_s + table;
        break;
    case VersionOp::Kind::Update:
        e.message = u"Cannot move "_s + table + u" from "_s + quoted(op.from) + u" to "_s + quoted(op.to);
        break;
    case VersionOp::Kind::Delete:
        e.message = u"Cannot remove revision "_s + quoted(op.from) + u" from "_s + table;
        break;
    }
    e.statement = sql;
    e.revision = op.kind == VersionOp::Kind::Delete ? op.from : op.to;
    return e;
}

std::optional<DbError> VersionTable::checkRowCount(const VersionOp &op, int found, const QString &sql) const
{
    if (op.kind == VersionOp::Kind::Insert || found == 1)
        return std::nullopt;
    // Alembic's wording, so people searching for the message find the same advice.
    const QString what = op.kind == VersionOp::Kind::Update
        ? QString(u"updating "_s + quoted(op.from) + u" to "_s + quoted(op.to))
        : QString(u"deleting "_s + quoted(op.from));
    DbError e = DbError::make(ErrorKind::RowCount,
                              u"Online migration expected to match one row when "_s + what + u" in "_s
                                  + quoted(m_options.table) + u"; "_s + QString::number(found)
                                  + u" found. The version table does not hold what the plan expected: check it with "
                                    "'current', or stamp the database to the revision it is really at."_s);
    e.target = m_connection.target();
    e.statement = sql;
    e.revision = op.from;
    return e;
}

std::optional<DbError> VersionTable::apply(const VersionOp &op)
{
    const QString sql = statementFor(op, {});
    const DbResult<int> found = m_connection.executeCounting(sql);
    if (!found)
        return opError(op, sql, found.error());
    return checkRowCount(op, *found, sql);
}

DbResult<bool> VersionTable::applyIfHeads(const QList<VersionOp> &ops, const QStringList &expectedHeads)
{
    if (ops.isEmpty()) {
        const DbResult<QStringList> rows = heads();
        if (!rows)
            return rows.error();
        QStringList actual = *rows;
        QStringList expected = expectedHeads;
        actual.sort();
        expected.sort();
        return actual == expected;
    }
    const VersionOp &first = ops.first();
    const QString sql = statementFor(first, holdsExactly(expectedHeads));
    const DbResult<int> found = m_connection.executeCounting(sql);
    if (!found)
        return opError(first, sql, found.error());
    // The guard admits at most the one row the op names; none means the heads differ.
    if (*found == 0)
        return false;
    if (auto e = checkRowCount(first, *found, sql))
        return *e;
    for (qsizetype i = 1; i < ops.size(); ++i) {
        if (auto e = apply(ops.at(i)))
            return *e;
    }
    return true;
}

std::optional<DbError> VersionTable::purge()
{
    const QString sql = u"DELETE FROM "_s + qualifiedName();
    QSqlQuery query(m_connection.database());
    if (!query.exec(sql))
        return m_connection.error(ErrorKind::StatementFailed, u"Cannot empty the version table "_s + qualifiedName(),
                                  query.lastError(), sql);
    return std::nullopt;
}

} // namespace retort
