#pragma once

#include "SqlDialect.h"

#include <QString>
#include <QStringView>

namespace retort {

// Recognises statements that can lose data, so the GUI can ask before running them:
// DROP TABLE / INDEX / SCHEMA / DATABASE / SEQUENCE / OWNED, any DROP ... CASCADE, TRUNCATE,
// ALTER TABLE ... DROP [COLUMN | CONSTRAINT], DELETE and UPDATE without a WHERE clause (also
// after a WITH clause). Strings, quoted names and comments never match. A token-level look,
// not a parser: the statement is one that SqlSplitter produced.
class DestructiveStatement
{
public:
    // "DROP TABLE", "TRUNCATE", "DELETE without WHERE", "ALTER TABLE ... DROP COLUMN", ...;
    // empty when the statement is not destructive.
    static QString reason(QStringView statement, SqlDialect dialect);
    static bool isDestructive(QStringView statement, SqlDialect dialect)
    {
        return !reason(statement, dialect).isEmpty();
    }
};

} // namespace retort
