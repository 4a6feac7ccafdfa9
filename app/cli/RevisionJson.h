#pragma once

#include "graph/GraphError.h"
#include "graph/RevisionMap.h"

#include <QJsonArray>
#include <QJsonObject>

namespace retort::cli {

// The JSON contract scripts and the GUI rely on: one object per revision with its graph fields
// and flags, and {"error": {"kind", "message"}} for failures.
QJsonObject revisionToJson(const RevisionMap &map, RevIndex revision);
QJsonArray revisionsToJson(const RevisionMap &map, const RevIndexes &revisions);
QJsonObject errorToJson(const GraphError &error);

} // namespace retort::cli
