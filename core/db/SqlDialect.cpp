#include "SqlDialect.h"

using namespace Qt::StringLiterals;

namespace retort {

QString sqlDialectName(SqlDialect dialect)
{
    return dialect == SqlDialect::Sqlite ? u"sqlite"_s : u"postgresql"_s;
}

std::optional<SqlDialect> sqlDialectFromName(QStringView name)
{
    if (name.compare(u"sqlite", Qt::CaseInsensitive) == 0)
        return SqlDialect::Sqlite;
    if (name.compare(u"postgresql", Qt::CaseInsensitive) == 0 || name.compare(u"postgres", Qt::CaseInsensitive) == 0)
        return SqlDialect::PostgreSql;
    return std::nullopt;
}

} // namespace retort
