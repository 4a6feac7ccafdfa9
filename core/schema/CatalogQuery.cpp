#include "CatalogQuery.h"

#include "Logging.h"
#include "db/Connection.h"
#include "db/StatementCache.h"

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

std::optional<DbError> forEachRow(Connection &connection, const QString &sql, const QVariantList &values,
                                  const QString &what, const std::function<void(const QSqlQuery &)> &row)
{
    qCDebug(lcDb) << connection.connectionName() << "reading" << what << "(prepared)";
    QSqlError failure;
    QSqlQuery *query = connection.statements().prepared(connection.database(), sql, &failure);
    if (!query)
        return connection.error(ErrorKind::SchemaReadFailed, u"Cannot read "_s + what, failure, sql);
    for (qsizetype i = 0; i < values.size(); ++i)
        query->bindValue(int(i), values.at(i));
    if (!query->exec()) {
        failure = query->lastError();
        query->finish();
        return connection.error(ErrorKind::SchemaReadFailed, u"Cannot read "_s + what, failure, sql);
    }
    while (query->next())
        row(*query);
    query->finish();
    return std::nullopt;
}

} // namespace retort
