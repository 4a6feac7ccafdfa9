#pragma once

#include <optional>

namespace retort {

class Connection;

// The major version of the PostgreSQL server behind the connection (SHOW server_version_num);
// nullopt for SQLite or when the server does not say.
std::optional<int> postgresMajorVersion(Connection &connection);

} // namespace retort
