#include "ServerVersion.h"

#include "db/Connection.h"

#include <QSqlQuery>
#include <QVariant>

namespace retort {

std::optional<int> postgresMajorVersion(Connection &connection)
{
    if (connection.dialect().kind() != SqlDialect::PostgreSql)
        return std::nullopt;
    QSqlQuery query(connection.database());
    if (!query.exec(QStringLiteral("SHOW server_version_num")) || !query.next())
        return std::nullopt;
    bool ok = false;
    const int number = query.value(0).toString().toInt(&ok);
    return ok && number > 0 ? std::optional<int>(number / 10000) : std::nullopt;
}

} // namespace retort
