#pragma once

#include "db/DbError.h"

#include <QString>

namespace retort {

class Connection;

// A cheap token that changes whenever the database's schema may have changed, so a replay can
// skip the catalog read after a step that only changed data. SQLite: PRAGMA schema_version,
// which SQLite bumps on every schema change. PostgreSQL: for each catalog the schema reader
// reads, its row count and newest row version (xmin): DDL inserts, updates or deletes catalog
// rows, and every new row version carries a newer transaction id, so any DDL changes the token.
// Things that change it without changing the schema (ownership, grants, a VACUUM FREEZE) only
// cost a needless read; equal tokens on one database mean an unchanged schema.
DbResult<QString> catalogStamp(Connection &connection);

} // namespace retort
