#pragma once

#include "DbError.h"
#include "SqlDialect.h"
#include "SqlStatement.h"

#include <QList>
#include <QStringView>

namespace retort {

// Splits an SQL script into statements at the semicolons that end them, the way the database's
// own shell does (psql for PostgreSQL, sqlite3 for SQLite):
//  - both: 'strings' ('' escapes), "identifiers" ("" escapes), -- and /* */ comments;
//  - PostgreSQL: nested /* */, $$ / $tag$ dollar quotes (not $1 parameters), E'...' with
//    backslash escapes, and, as psql does, no split inside parentheses or inside the
//    BEGIN ... END of CREATE [OR REPLACE] FUNCTION / PROCEDURE;
//  - SQLite: [bracket] and `backtick` identifiers, and CREATE TRIGGER ... BEGIN ... END kept
//    whole (CASE ... END inside the body does not end it).
// Statements holding only comments or nothing are dropped. One pass, linear in the text.
class SqlSplitter
{
public:
    // firstLine: the line number of the script's first line (for text cut out of a larger file).
    // An unterminated string, quoted identifier, comment or dollar quote is an error naming the
    // line and column where it started.
    static DbResult<QList<SqlStatement>> split(QStringView script, SqlDialect dialect, int firstLine = 1);
};

} // namespace retort
