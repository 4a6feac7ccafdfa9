#pragma once

#include "layout/LaneSegment.h"

#include <QList>

namespace retort {

// Everything needed to paint one row of the graph without looking at any other row.
struct LaneRow
{
    int lane = 0; // lane of the row's node
    int laneCount = 0; // 1 + the highest lane the node or any segment touches in this row
    QList<LaneSegment> segments;
    int missingParents = 0; // parents that are unknown (not among the rows, or not below)
    int missingDependencies = 0; // likewise for depends_on targets

    friend bool operator==(const LaneRow &, const LaneRow &) = default;
};

} // namespace retort
