#pragma once

#include "layout/LaneRow.h"
#include "layout/LayoutNode.h"

#include <QList>

namespace retort {

// Lane assignment for drawing a revision graph, one row per revision, newest first
// (like `git log --graph`). Pure: the same rows always give the same layout.
//
// Rules, in order of importance:
// - an edge keeps its lane from its child down to its parent; lanes never shift mid-way;
// - a node continues in the lane of its first (known) parent, so a line of history is straight;
// - an edge joins a lane already heading for the same row (same kind) instead of opening another
//   one, the first parent only when that lane lies to the left, so branches fork to the right;
// - other parents and dependencies open the nearest free lane to the right of the node; a
//   dependency never takes the node's own lane, which stays for the parent line;
// - a new lane is appended only when every lane is busy, so freed lanes are reused.
// Runs in O(rows x lanes).
class LaneLayout
{
public:
    static QList<LaneRow> compute(const QList<LayoutNode> &nodes);

    // Largest laneCount over all rows (0 for no rows): the width a view needs.
    static int maxLaneCount(const QList<LaneRow> &rows);
};

} // namespace retort
