#pragma once

#include <QString>

namespace retort {

// Creates the SQLite database file at `path` (and its folder) when it does not exist yet.
// Returns false with a message naming the file and the cause when that is not possible.
bool ensureSqliteDatabase(const QString &path, QString *error);

} // namespace retort
