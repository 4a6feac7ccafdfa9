#pragma once

// Checks shared by the lane layout tests: graphs written as rows, and the properties every
// layout must have whatever the graph (segments lead down to their target and connect).
#include "layout/LaneRow.h"
#include "layout/LayoutNode.h"

#include <QList>
#include <QStringList>

namespace retort::test {

// A graph written as rows (newest first): each row's parents, and its dependencies, as row indices.
using RowEdges = QList<QList<int>>;
// Per visible row, its edges in the filtered layout: "target" or "target~" (passes hidden rows),
// with a "d" prefix for a depends_on edge; sorted.
using EdgeTexts = QList<QStringList>;

// One node per row: id "row", with the given parents and dependencies.
QList<LayoutNode> layoutNodes(const RowEdges &parents, const RowEdges &dependencies);
// The edges a row's node starts, as the test data writes them.
QStringList startedEdges(const LaneRow &row, const QList<bool> &skipping);
// Every segment leads to a visible row below; what leaves a row's bottom border arrives at the
// next row's top border in the same lane; an edge ends only in its target's node. Fails the
// running test otherwise.
void verifyLanesConnect(const QList<LaneRow> &rows, const QList<QList<bool>> &skipping);

} // namespace retort::test
