#pragma once

#include "graph/Plan.h"

#include <QJsonObject>

namespace retort::cli {

// {"steps": [{"direction", "revision", "from_heads", "to_heads", "version_ops"}], "heads_after"}
QJsonObject planToJson(const Plan &plan);
// "insert x" / "update a -> b" / "delete a", as the dry run prints it.
QString describeVersionOp(const VersionOp &op);

} // namespace retort::cli
