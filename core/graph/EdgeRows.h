#pragma once

#include <span>
#include <vector>

namespace retort {

// One relation of every revision (its normalized parents, say) in two flat arrays: row i is
// targets[from[i] .. from[i + 1]). Walks that cross the whole graph read it in sequence, where a
// list per revision costs an allocation to build and a cache miss per step to read.
class EdgeRows
{
public:
    EdgeRows() { m_from.push_back(0); }

    // The lists `member` of `nodes`, in their order.
    template <typename Nodes, typename Member>
    static EdgeRows gather(const Nodes &nodes, Member member)
    {
        EdgeRows rows;
        rows.m_from.reserve(nodes.size() + 1);
        for (const auto &node : nodes) {
            const auto &list = node.*member;
            rows.m_targets.insert(rows.m_targets.end(), list.begin(), list.end());
            rows.endRow();
        }
        return rows;
    }

    // Building row by row: add a row's targets, then end it.
    void add(int target) { m_targets.push_back(target); }
    // Adds target unless the open row already holds it.
    void addUnique(int target)
    {
        for (size_t k = size_t(m_from.back()); k < m_targets.size(); ++k) {
            if (m_targets[k] == target)
                return;
        }
        m_targets.push_back(target);
    }
    void endRow() { m_from.push_back(int(m_targets.size())); }

    int rows() const { return int(m_from.size()) - 1; }
    std::span<const int> of(int row) const
    {
        return {m_targets.data() + m_from[size_t(row)], m_targets.data() + m_from[size_t(row) + 1]};
    }

    // The reverse relation, with as many rows (every target is one of them): row t lists every
    // i that has t in its row, in increasing i.
    EdgeRows reversed() const
    {
        EdgeRows back;
        back.m_from.assign(m_from.size(), 0);
        for (int t : m_targets)
            ++back.m_from[size_t(t) + 1];
        for (size_t r = 1; r < back.m_from.size(); ++r)
            back.m_from[r] += back.m_from[r - 1];
        back.m_targets.resize(m_targets.size());
        std::vector<int> fill(back.m_from.begin(), back.m_from.end() - 1);
        for (int i = 0; i < rows(); ++i) {
            for (int t : of(i))
                back.m_targets[size_t(fill[size_t(t)]++)] = i;
        }
        return back;
    }

private:
    std::vector<int> m_from;
    std::vector<int> m_targets;
};

} // namespace retort
