#include "FilteredLayout.h"

#include "layout/LaneLayout.h"

#include <algorithm>

namespace retort {

namespace {

struct FilteredEdge
{
    int target; // row in the filtered layout
    EdgeKind kind;
    bool skipping;
};

void addEdge(std::vector<FilteredEdge> &edges, int target, EdgeKind kind, bool skipping)
{
    for (FilteredEdge &e : edges) {
        if (e.target == target && e.kind == kind) {
            e.skipping = e.skipping && skipping; // a direct edge to the same row wins
            return;
        }
    }
    edges.push_back({target, kind, skipping});
}

bool edgeSkips(const std::vector<FilteredEdge> &edges, int target, EdgeKind kind)
{
    for (const FilteredEdge &e : edges) {
        if (e.target == target && e.kind == kind)
            return e.skipping;
    }
    return false;
}

} // namespace

FilteredLayout FilteredLayout::compute(const QList<LayoutNode> &nodes, const std::vector<int> &visibleRows)
{
    const int n = int(nodes.size());
    std::vector<int> filteredRow(static_cast<size_t>(n), -1);
    int count = 0;
    int topmost = n;
    for (int row : visibleRows) {
        if (row < 0 || row >= n || filteredRow[size_t(row)] >= 0)
            continue;
        filteredRow[size_t(row)] = count++;
        topmost = std::min(topmost, row);
    }

    // For each hidden row, the visible rows its parent edges lead to first (full-graph rows),
    // bottom-up so a parent is done before its children. Rows above the topmost visible one are
    // never reached from a visible row: skip them.
    std::vector<std::vector<int>> reach(static_cast<size_t>(n));
    const auto isBelow = [n](int row, int target) { return target > row && target < n; };
    for (int row = n - 1; row >= topmost; --row) {
        if (filteredRow[size_t(row)] >= 0)
            continue;
        std::vector<int> &out = reach[size_t(row)];
        for (int parent : nodes.at(row).parents) {
            if (!isBelow(row, parent))
                continue;
            if (filteredRow[size_t(parent)] >= 0)
                out.push_back(parent);
            else
                out.insert(out.end(), reach[size_t(parent)].begin(), reach[size_t(parent)].end());
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }

    QList<LayoutNode> filtered;
    filtered.reserve(count);
    std::vector<std::vector<FilteredEdge>> edges(static_cast<size_t>(count));
    for (int row = 0; row < n; ++row) {
        const int at = filteredRow[size_t(row)];
        if (at < 0)
            continue;
        const LayoutNode &node = nodes.at(row);
        LayoutNode out;
        out.id = node.id;
        std::vector<FilteredEdge> &own = edges[size_t(at)];
        const auto follow = [&](int target, EdgeKind kind, QList<int> &into) {
            if (!isBelow(row, target)) {
                into.append(-1); // unknown stays unknown: LaneLayout counts it as missing
                return;
            }
            if (filteredRow[size_t(target)] >= 0) {
                into.append(filteredRow[size_t(target)]);
                addEdge(own, filteredRow[size_t(target)], kind, false);
                return;
            }
            for (int reached : reach[size_t(target)]) {
                into.append(filteredRow[size_t(reached)]);
                addEdge(own, filteredRow[size_t(reached)], kind, true);
            }
        };
        for (int parent : node.parents)
            follow(parent, EdgeKind::Parent, out.parents);
        for (int dependency : node.dependencies)
            follow(dependency, EdgeKind::Dependency, out.dependencies);
        filtered.append(std::move(out));
    }

    FilteredLayout layout;
    layout.rows = LaneLayout::compute(filtered);
    layout.maxLaneCount = LaneLayout::maxLaneCount(layout.rows);

    // Which edge each lane holds between two rows, to mark the segments that continue it.
    layout.skipping.reserve(layout.rows.size());
    std::vector<char> laneSkips;
    for (int at = 0; at < int(layout.rows.size()); ++at) {
        const LaneRow &row = layout.rows.at(at);
        QList<bool> flags;
        flags.reserve(row.segments.size());
        for (const LaneSegment &s : row.segments) {
            if (s.type == LaneSegment::Type::Starting) {
                flags.append(edgeSkips(edges[size_t(at)], s.targetRow, s.kind));
            } else {
                flags.append(size_t(s.fromLane) < laneSkips.size() && laneSkips[size_t(s.fromLane)]);
            }
        }
        for (int i = 0; i < int(row.segments.size()); ++i) {
            const LaneSegment &s = row.segments.at(i);
            if (s.type != LaneSegment::Type::Starting)
                continue;
            if (size_t(s.toLane) >= laneSkips.size())
                laneSkips.resize(size_t(s.toLane) + 1, 0);
            // Joining a lane already heading for the same row: it stays solid if either is.
            const bool joins = std::any_of(row.segments.cbegin(), row.segments.cend(), [&](const LaneSegment &o) {
                return o.type == LaneSegment::Type::Continuing && o.fromLane == s.toLane && o.targetRow == s.targetRow
                    && o.kind == s.kind;
            });
            laneSkips[size_t(s.toLane)] = joins ? char(laneSkips[size_t(s.toLane)] && flags.at(i)) : char(flags.at(i));
        }
        layout.skipping.append(std::move(flags));
    }
    return layout;
}

} // namespace retort
