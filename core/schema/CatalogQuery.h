#pragma once

#include "db/DbError.h"

#include <QString>

#include <functional>
#include <optional>

class QSqlQuery;

namespace retort {

class Connection;

// Runs one catalog query, forward only, and calls `row` for each row. On failure: a
// SchemaReadFailed error saying "Cannot read <what>", with the statement and the database's text.
std::optional<DbError> forEachRow(Connection &connection, const QString &sql, const QString &what,
                                  const std::function<void(const QSqlQuery &)> &row);

} // namespace retort
