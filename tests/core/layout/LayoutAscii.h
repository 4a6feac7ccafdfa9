#pragma once

#include "layout/LaneRow.h"
#include "layout/LayoutNode.h"

#include <QList>
#include <QString>

// Text forms of a lane layout, for assertions and for failure messages only.
namespace LayoutAscii {

// "S0>1p@3" starting from lane 0 to lane 1, parent edge to row 3; "C2>2d@7" continuing dependency;
// "E1>0p" ending in the node (the target is the row itself).
QString segmentToken(const retort::LaneSegment &segment);

// "<lane>/<laneCount> <tokens sorted>" plus "?p<n>" / "?d<n>" for unknown parents / dependencies.
QString rowText(const retort::LaneRow &row);

// Normalises a hand-written rowText (token order does not matter).
QString normalizedRowText(const QString &text);

// A small picture, three text lines per row (top half, node line, bottom half), with the id and
// the row's tokens next to the node: '*' node, '|' parent edge, ':' dependency, '/' '\' bends.
QString render(const QList<retort::LayoutNode> &nodes, const QList<retort::LaneRow> &rows);

} // namespace LayoutAscii
