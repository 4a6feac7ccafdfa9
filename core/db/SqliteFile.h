#pragma once

#include "Expected.h"

#include <QString>

namespace retort {

// Creates the SQLite database file at `path` (and its folder) when it does not exist yet.
// Fails with a message naming the file and the cause when that is not possible.
Fallible<void> ensureSqliteDatabase(const QString &path);

} // namespace retort
