#pragma once

#include "schema/Schema.h"
#include "schema/SchemaChange.h"

#include <QJsonArray>
#include <QString>

namespace retort {

// What changed from one schema to another, in facts: tables, columns, indexes, foreign keys and
// views added, dropped or altered, and the rest (keys, unique and check constraints, sequences,
// enums) as Kind::Other. between(a, b) is empty exactly when a and b hold the same facts
// (a == b, the dialect name aside).
class SchemaDiff
{
public:
    // Sorted by table, kind, name. A dropped or added table is one change, not one per column;
    // an index or foreign key whose definition changed under the same name is a drop and an add.
    static SchemaChanges between(const Schema &from, const Schema &to);

    // [{"kind", "table", "name", "before", "after", "aspects"}]
    static QJsonArray toJson(const SchemaChanges &changes);
    // Counts by what changed, for a graph row: "+2 tables, -1 column, ~1 column, ~1 other"
    // (+ added, - dropped, ~ altered). Empty when there are no changes.
    static QString summary(const SchemaChanges &changes);
    // Whether applying the change can lose data or what depends on it: every drop, a column's
    // type change, and an Other change that removes something (a sequence, an enum, a key or
    // constraint).
    static bool isDestructive(const SchemaChange &change);
};

} // namespace retort
