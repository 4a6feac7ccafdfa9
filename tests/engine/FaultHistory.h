#pragma once

#include "RevisionSpec.h"

// A chain of revisions whose every step does real DDL and some data: it creates a table and
// fills it, indexes it and adds a column to the table before it. A step that was half applied
// (a table without its index, a missing column) shows in the schema.
namespace FaultHistory {

QString idOf(int index); // "f00000000001" for index 0
RevisionSpecs chain(int steps, int rowsPerStep);

} // namespace FaultHistory
