#pragma once

namespace retort {

enum class EdgeKind { Parent, Dependency };

// The piece of one edge (or of several edges heading for the same row, once they have joined)
// that a delegate paints inside one row. The row is split at its node: the top half runs from the
// row's top border to the node's centre line, the bottom half from there to the bottom border.
struct LaneSegment
{
    enum class Type {
        Continuing, // passes the row: fromLane at the top border, toLane at the bottom border
        Starting, // leaves this row's node (fromLane == node lane) for toLane at the bottom border
        Ending, // arrives at fromLane on the top border and ends in this row's node (toLane)
    };

    Type type = Type::Continuing;
    EdgeKind kind = EdgeKind::Parent;
    int fromLane = 0;
    int toLane = 0;
    int targetRow = 0; // row of the parent / dependency target the edge leads to

    friend bool operator==(const LaneSegment &, const LaneSegment &) = default;
};

} // namespace retort
