#pragma once

#include "SqlDialect.h"

#include <QStringView>

#include <initializer_list>

namespace retort {

// Whether a statement only changes rows: it starts with INSERT, UPDATE, DELETE or MERGE. Such a
// statement can change the schema only through a function of the database's own (a trigger's,
// or one it calls), so a replay that knows there is none can skip reading the catalog after a
// step made of them. Anything else, WITH and SELECT included (SELECT ... INTO makes a table),
// may change the schema.
bool isDataStatement(QStringView statement, SqlDialect dialect);
// Whether the statement's first word (after comments) is one of `keywords`, in any case.
bool startsWithKeyword(QStringView statement, SqlDialect dialect, std::initializer_list<const char *> keywords);

} // namespace retort
