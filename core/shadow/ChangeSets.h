#pragma once

#include "graph/RevisionMap.h"
#include "schema/Schema.h"
#include "schema/SchemaChange.h"

#include <QHash>
#include <QString>

namespace retort {

// What each revision itself changes, from the schemas replay gave (by revision id):
//   a base revision: the difference from an empty schema;
//   one parent: the difference from the parent's schema;
//   a merge: the changes that the difference from every parent shares, i.e. what the merge
//   revision did on top of all its branches (a plain merge changes nothing).
// Revisions without a schema (failed, skipped), or whose parents have none, are left out.
QHash<QString, SchemaChanges> changeSets(const RevisionMap &map, const QHash<QString, Schema> &schemas);

} // namespace retort
