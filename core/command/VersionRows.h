#pragma once

#include "db/VersionTable.h"
#include "run/RunError.h"

#include <optional>

namespace retort {

// Rows no revision can be: the same id twice (a table without its primary key), or NULL / empty.
// Named before anything runs, since an UPDATE would match the wrong number of rows half-way.
// `target` is the database as shown to a person.
std::optional<RunError> badVersionRows(const QStringList &rows, const VersionTable &table, const QString &target);

} // namespace retort
