#pragma once

#include <QString>

namespace retort {

// The versions of the database client libraries the Qt SQL drivers run on, for the About box.
// Each is empty when the driver is not installed (or, for libpq, when the platform gives no way
// to ask the library the driver loaded).
struct SqlLibraryVersions
{
    QString sqlite; // "3.46.1": `SELECT sqlite_version()` on an in-memory database
    QString libpq; // "17.2": PQlibVersion() of the libpq the Qt PostgreSQL driver loaded

    // Asks once; later calls return what the first found.
    static const SqlLibraryVersions &detect();
};

} // namespace retort
