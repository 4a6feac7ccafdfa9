#pragma once

#include "layout/LaneRow.h"
#include "layout/LayoutNode.h"

#include <QList>

#include <vector>

namespace retort {

// The lane layout of a filtered revision graph: the visible rows laid out as a graph of their
// own, in which each visible revision is joined to its nearest visible ancestors. An edge that
// reaches its target only through hidden revisions is marked as skipping, so it can be drawn
// faded. Pure: computed from the full graph's rows and the visible ones, nothing else.
struct FilteredLayout
{
    QList<LaneRow> rows; // one per visible row, in the order given
    QList<QList<bool>> skipping; // parallel to rows[i].segments: the edge passes hidden rows
    int maxLaneCount = 0;

    // `nodes`: the full graph, newest first (parents below their children, as for LaneLayout).
    // `visibleRows`: indices into `nodes`, ascending. Parent edges follow down_revisions through
    // hidden revisions; a depends_on edge to a hidden revision leads to that revision's nearest
    // visible ancestors. Runs in O(rows + edges) times the number of visible revisions a hidden
    // one can reach (small: bounded by how many branches run side by side).
    static FilteredLayout compute(const QList<LayoutNode> &nodes, const std::vector<int> &visibleRows);
};

} // namespace retort
