#include "layout/LaneLayout.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace retort {

namespace {

// What one lane holds between two rows: an open edge (or several joined edges) heading for a row.
struct Track
{
    int target = -1; // -1: the lane is free
    EdgeKind kind = EdgeKind::Parent;
    bool isFree() const { return target < 0; }
};

struct OutEdge
{
    int target;
    EdgeKind kind;
};

class RowBuilder
{
public:
    explicit RowBuilder(std::vector<Track> &tracks)
        : m_tracks(tracks)
    {
    }

    LaneRow build(int row, const LayoutNode &node, int rowCount)
    {
        LaneRow out;
        const int nodeLane = placeNode(row);
        out.lane = nodeLane;
        out.segments.reserve(int(m_tracks.size()) + node.parents.size() + node.dependencies.size());

        // Top half: everything arriving from the row above either passes or ends in the node.
        for (int lane = 0; lane < int(m_tracks.size()); ++lane) {
            Track &t = m_tracks[size_t(lane)];
            if (t.isFree())
                continue;
            if (t.target == row) {
                out.segments.append({LaneSegment::Type::Ending, t.kind, lane, nodeLane, row});
                t = Track{};
            } else {
                out.segments.append({LaneSegment::Type::Continuing, t.kind, lane, lane, t.target});
            }
        }

        // Bottom half: the node's own edges, first parent first.
        const QList<OutEdge> edges = outgoingEdges(row, node, rowCount, out);
        bool first = true;
        for (const OutEdge &e : edges) {
            const int lane = laneFor(e, nodeLane, first);
            first = false;
            out.segments.append({LaneSegment::Type::Starting, e.kind, nodeLane, lane, e.target});
        }

        while (!m_tracks.empty() && m_tracks.back().isFree())
            m_tracks.pop_back();

        int highest = nodeLane;
        for (const LaneSegment &s : std::as_const(out.segments))
            highest = std::max({highest, s.fromLane, s.toLane});
        out.laneCount = highest + 1;
        return out;
    }

private:
    // The node sits on the leftmost lane whose parent edge ends here; a node nothing leads to
    // (a head, or one reached only by dependencies) takes the leftmost lane not passing through.
    int placeNode(int row)
    {
        int firstOpen = -1;
        for (int lane = 0; lane < int(m_tracks.size()); ++lane) {
            const Track &t = m_tracks[size_t(lane)];
            if (t.target == row && t.kind == EdgeKind::Parent)
                return lane;
            if (firstOpen < 0 && (t.isFree() || t.target == row))
                firstOpen = lane;
        }
        if (firstOpen >= 0)
            return firstOpen;
        m_tracks.push_back(Track{});
        return int(m_tracks.size()) - 1;
    }

    static QList<OutEdge> outgoingEdges(int row, const LayoutNode &node, int rowCount, LaneRow &out)
    {
        QList<OutEdge> edges;
        edges.reserve(node.parents.size() + node.dependencies.size());
        auto add = [&](int target, EdgeKind kind, int &missing) {
            if (target <= row || target >= rowCount) {
                ++missing;
                return;
            }
            for (const OutEdge &e : std::as_const(edges)) {
                if (e.target == target && e.kind == kind)
                    return; // the same edge listed twice is drawn once
            }
            edges.append({target, kind});
        };
        for (int p : node.parents)
            add(p, EdgeKind::Parent, out.missingParents);
        for (int d : node.dependencies)
            add(d, EdgeKind::Dependency, out.missingDependencies);
        return edges;
    }

    int laneFor(const OutEdge &e, int nodeLane, bool firstParent)
    {
        const int joined = laneHeadingFor(e);
        if (firstParent && e.kind == EdgeKind::Parent) {
            if (joined >= 0 && joined < nodeLane)
                return joined;
            // The node's lane is free below it: its parent edges ended here, or it had none.
            m_tracks[size_t(nodeLane)] = Track{e.target, e.kind};
            return nodeLane;
        }
        if (joined >= 0)
            return joined;
        const int lane = freeLane(nodeLane, e.kind == EdgeKind::Parent);
        m_tracks[size_t(lane)] = Track{e.target, e.kind};
        return lane;
    }

    int laneHeadingFor(const OutEdge &e) const
    {
        for (int lane = 0; lane < int(m_tracks.size()); ++lane) {
            const Track &t = m_tracks[size_t(lane)];
            if (t.target == e.target && t.kind == e.kind)
                return lane;
        }
        return -1;
    }

    // Nearest free lane right of the node; else the leftmost free one; else a new lane.
    int freeLane(int nodeLane, bool mayUseNodeLane)
    {
        const int count = int(m_tracks.size());
        for (int lane = nodeLane + 1; lane < count; ++lane) {
            if (m_tracks[size_t(lane)].isFree())
                return lane;
        }
        for (int lane = 0; lane <= nodeLane && lane < count; ++lane) {
            if (m_tracks[size_t(lane)].isFree() && (lane != nodeLane || mayUseNodeLane))
                return lane;
        }
        m_tracks.push_back(Track{});
        return count;
    }

    std::vector<Track> &m_tracks;
};

} // namespace

QList<LaneRow> LaneLayout::compute(const QList<LayoutNode> &nodes)
{
    QList<LaneRow> rows;
    rows.reserve(nodes.size());
    std::vector<Track> tracks;
    RowBuilder builder(tracks);
    const int rowCount = int(nodes.size());
    for (int row = 0; row < rowCount; ++row)
        rows.append(builder.build(row, nodes.at(row), rowCount));
    return rows;
}

int LaneLayout::maxLaneCount(const QList<LaneRow> &rows)
{
    int widest = 0;
    for (const LaneRow &r : rows)
        widest = std::max(widest, r.laneCount);
    return widest;
}

} // namespace retort
