#pragma once

#include "graph/RevisionMap.h"
#include "review/PlanReview.h"

#include <QTextStream>

namespace retort::cli {

// "a, b", or "<base>" for no heads.
QString headsText(const QStringList &heads);

// A plan as `--dry-run` prints it: "Would run upgrade a -> b, message" per step with its
// version-table changes, the heads after and the review; "Nothing to do" for an empty plan.
void writePlanText(QTextStream &out, const RevisionMap &map, const ReviewedPlan &reviewed);

} // namespace retort::cli
