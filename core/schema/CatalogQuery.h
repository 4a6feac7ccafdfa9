#pragma once

#include "db/DbError.h"

#include <QString>
#include <QVariantList>

#include <functional>
#include <optional>

class QSqlQuery;

namespace retort {

class Connection;

// Runs one catalog query, forward only, and calls `row` for each row. On failure: a
// SchemaReadFailed error saying "Cannot read <what>", with the statement and the database's text.
std::optional<DbError> forEachRow(Connection &connection, const QString &sql, const QString &what,
                                  const std::function<void(const QSqlQuery &)> &row);
// The same through a statement prepared once per connection (StatementCache), with `values`
// bound to its ? placeholders in order: for queries run again and again, whose planning would
// cost as much as running them.
std::optional<DbError> forEachRow(Connection &connection, const QString &sql, const QVariantList &values,
                                  const QString &what, const std::function<void(const QSqlQuery &)> &row);

} // namespace retort
