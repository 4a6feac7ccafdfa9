#include "Dialect.h"

#include <QSet>

namespace retort {

namespace {

// Reserved words as published by each database (the sets SQLAlchemy quotes for).
const QSet<QString> &sqliteReservedWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char *w : {"add",          "after",
                              "all",          "alter",
                              "analyze",      "and",
                              "as",           "asc",
                              "attach",       "autoincrement",
                              "before",       "begin",
                              "between",      "by",
                              "cascade",      "case",
                              "cast",         "check",
                              "collate",      "column",
                              "commit",       "conflict",
                              "constraint",   "create",
                              "cross",        "current_date",
                              "current_time", "current_timestamp",
                              "database",     "default",
                              "deferrable",   "deferred",
                              "delete",       "desc",
                              "detach",       "distinct",
                              "drop",         "each",
                              "else",         "end",
                              "escape",       "except",
                              "exclusive",    "exists",
                              "explain",      "fail",
                              "false",        "for",
                              "foreign",      "from",
                              "full",         "glob",
                              "group",        "having",
                              "if",           "ignore",
                              "immediate",    "in",
                              "index",        "indexed",
                              "initially",    "inner",
                              "insert",       "instead",
                              "intersect",    "into",
                              "is",           "isnull",
                              "join",         "key",
                              "left",         "like",
                              "limit",        "match",
                              "natural",      "not",
                              "notnull",      "null",
                              "of",           "offset",
                              "on",           "or",
                              "order",        "outer",
                              "plan",         "pragma",
                              "primary",      "query",
                              "raise",        "references",
                              "reindex",      "rename",
                              "replace",      "restrict",
                              "right",        "rollback",
                              "row",          "select",
                              "set",          "table",
                              "temp",         "temporary",
                              "then",         "to",
                              "transaction",  "trigger",
                              "true",         "union",
                              "unique",       "update",
                              "using",        "vacuum",
                              "values",       "view",
                              "virtual",      "when",
                              "where"})
            set.insert(QLatin1String(w));
        return set;
    }();
    return words;
}

const QSet<QString> &postgresqlReservedWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char *w : {"all",
                              "analyse",
                              "analyze",
                              "and",
                              "any",
                              "array",
                              "as",
                              "asc",
                              "asymmetric",
                              "authorization",
                              "between",
                              "binary",
                              "both",
                              "case",
                              "cast",
                              "check",
                              "collate",
                              "column",
                              "constraint",
                              "create",
                              "cross",
                              "current_catalog",
                              "current_date",
                              "current_role",
                              "current_schema",
                              "current_time",
                              "current_timestamp",
                              "current_user",
                              "default",
                              "deferrable",
                              "desc",
                              "distinct",
                              "do",
                              "else",
                              "end",
                              "except",
                              "false",
                              "fetch",
                              "for",
                              "foreign",
                              "freeze",
                              "from",
                              "full",
                              "grant",
                              "group",
                              "having",
                              "ilike",
                              "in",
                              "initially",
                              "inner",
                              "intersect",
                              "into",
                              "is",
                              "isnull",
                              "join",
                              "leading",
                              "left",
                              "like",
                              "limit",
                              "localtime",
                              "localtimestamp",
                              "natural",
                              "new",
                              "not",
                              "notnull",
                              "null",
                              "of",
                              "off",
                              "offset",
                              "old",
                              "on",
                              "only",
                              "or",
                              "order",
                              "outer",
                              "over",
                              "overlaps",
                              "placing",
                              "primary",
                              "references",
                              "returning",
                              "right",
                              "select",
                              "session_user",
                              "similar",
                              "some",
                              "symmetric",
                              "table",
                              "then",
                              "to",
                              "trailing",
                              "true",
                              "union",
                              "unique",
                              "user",
                              "using",
                              "variadic",
                              "verbose",
                              "when",
                              "where",
                              "window",
                              "with"})
            set.insert(QLatin1String(w));
        return set;
    }();
    return words;
}

bool isLegalUnquoted(const QString &identifier)
{
    if (identifier.isEmpty())
        return false;
    const QChar first = identifier.front();
    if (first.isDigit() || first == u'$')
        return false;
    for (const QChar c : identifier) {
        const bool lower = c >= u'a' && c <= u'z';
        const bool digit = c >= u'0' && c <= u'9';
        if (!lower && !digit && c != u'_' && c != u'$')
            return false;
    }
    return true;
}

} // namespace

std::optional<Dialect> Dialect::fromName(QStringView name)
{
    const qsizetype plus = name.indexOf(u'+');
    const std::optional<SqlDialect> kind = sqlDialectFromName((plus < 0 ? name : name.left(plus)).trimmed());
    if (!kind)
        return std::nullopt;
    return Dialect(*kind);
}

std::optional<Dialect> Dialect::fromQtDriver(QStringView driver)
{
    if (driver == u"QSQLITE")
        return sqlite();
    if (driver == u"QPSQL")
        return postgresql();
    return std::nullopt;
}

QString Dialect::name() const
{
    return sqlDialectName(m_kind);
}

QString Dialect::qtDriver() const
{
    return m_kind == Kind::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

QString Dialect::quoteIdentifier(const QString &identifier) const
{
    QString escaped = identifier;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

bool Dialect::isReservedWord(const QString &lowerCaseWord) const
{
    return (m_kind == Kind::Sqlite ? sqliteReservedWords() : postgresqlReservedWords()).contains(lowerCaseWord);
}

QString Dialect::quoteIdentifierIfNeeded(const QString &identifier) const
{
    if (isLegalUnquoted(identifier) && !isReservedWord(identifier))
        return identifier;
    return quoteIdentifier(identifier);
}

QString Dialect::qualifiedName(const QString &schema, const QString &table) const
{
    if (schema.isEmpty())
        return quoteIdentifierIfNeeded(table);
    return quoteIdentifierIfNeeded(schema) + u'.' + quoteIdentifierIfNeeded(table);
}

QString Dialect::quoteLiteral(const QString &text) const
{
    QString escaped = text;
    escaped.replace(u'\'', QStringLiteral("''"));
    return u'\'' + escaped + u'\'';
}

std::pair<QString, QStringList> Dialect::tableExistsQuery(const QString &schema, const QString &table) const
{
    if (m_kind == Kind::Sqlite) {
        const QString master = schema.isEmpty() ? QStringLiteral("sqlite_master")
                                                : quoteIdentifier(schema) + QStringLiteral(".sqlite_master");
        return {QStringLiteral("SELECT 1 FROM ") + master + QStringLiteral(" WHERE type = 'table' AND name = ?"),
                {table}};
    }
    const QString base = QStringLiteral("SELECT 1 FROM pg_catalog.pg_class c"
                                        " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                                        " WHERE c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')");
    if (schema.isEmpty())
        return {base + QStringLiteral(" AND pg_catalog.pg_table_is_visible(c.oid)"), {table}};
    return {base + QStringLiteral(" AND n.nspname = ?"), {table, schema}};
}

Dialect::LockMethod Dialect::lockMethod() const
{
    return m_kind == Kind::Sqlite ? LockMethod::WriteTransaction : LockMethod::AdvisoryLock;
}

QString Dialect::beginStatement() const
{
    // IMMEDIATE takes SQLite's write lock now instead of at the first write, so two runs
    // cannot both read the version table and then race to change it.
    return m_kind == Kind::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
}

QString Dialect::lockStatement(qint64 key) const
{
    if (m_kind == Kind::Sqlite)
        return {};
    return QStringLiteral("SELECT pg_catalog.pg_advisory_lock(%1)").arg(key);
}

QString Dialect::tryLockStatement(qint64 key) const
{
    if (m_kind == Kind::Sqlite)
        return {};
    return QStringLiteral("SELECT pg_catalog.pg_try_advisory_lock(%1)").arg(key);
}

QString Dialect::unlockStatement(qint64 key) const
{
    if (m_kind == Kind::Sqlite)
        return {};
    return QStringLiteral("SELECT pg_catalog.pg_advisory_unlock(%1)").arg(key);
}

} // namespace retort
