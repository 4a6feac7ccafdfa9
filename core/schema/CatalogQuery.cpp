#include "CatalogQuery.h"

#include "Logging.h"
#include "db/Connection.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace retort {

std::optional<DbError> forEachRow(Connection &connection, const QString &sql, const QString &what,
                                  const std::function<void(const QSqlQuery &)> &row)
{
    qCDebug(lcDb) << connection.connectionName() << "reading" << what;
    QSqlQuery query(connection.database());
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return connection.error(ErrorKind::SchemaReadFailed, u"Cannot read "_s + what, query.lastError(), sql);
    while (query.next())
        row(query);
    return std::nullopt;
}

} // namespace retort
