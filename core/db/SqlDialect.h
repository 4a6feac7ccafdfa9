#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace retort {

// The database dialects Retort runs against; everything dialect-specific switches on this.
enum class SqlDialect { Sqlite, PostgreSql };

// "sqlite" / "postgresql" (the names used in URLs and in "-- +upgrade <dialect>" markers).
QString sqlDialectName(SqlDialect dialect);
// Case-insensitive; accepts "postgres" as an alias. nullopt for anything else.
std::optional<SqlDialect> sqlDialectFromName(QStringView name);

} // namespace retort
