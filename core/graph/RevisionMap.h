#pragma once

#include "Problem.h"
#include "StringIndex.h"
#include "graph/EdgeRows.h"
#include "graph/GraphError.h"
#include "graph/Revision.h"

#include <QHash>
#include <QStringList>

#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace retort {

using RevIndex = int;
using RevIndexes = std::vector<RevIndex>;

// The revision graph with Alembic's semantics (alembic/script/revision.py RevisionMap), built
// once from the revisions in file-load order and immutable afterwards. Revisions are addressed by
// index (0..size()-1, in load order); every relation is a list of indexes so traversals of
// thousands of revisions stay cheap, and the normalized ones, which most walks follow, sit in
// flat arrays. Share it as std::shared_ptr<const RevisionMap>.
class RevisionMap
{
public:
    struct Built;
    // Never fails: problems (duplicates, missing parents, cycles, bad ids, label clashes) are
    // collected and the map keeps what it can, ignoring references that lead nowhere.
    // Pass the revisions with std::move when they are not needed after: 10,000 copies cost.
    static Built build(Revisions revisions);

    int size() const { return int(m_nodes.size()); }
    bool isEmpty() const { return m_nodes.empty(); }
    const Revision &revision(RevIndex i) const { return m_revisions.at(i); }
    const QString &id(RevIndex i) const { return m_revisions.at(i).id; }
    QStringList ids(std::span<const RevIndex> indexes) const;

    // Exact id lookup; -1 when absent.
    RevIndex indexOf(const QString &id) const;
    // Exact id or branch label lookup (Alembic's map holds both); -1 when absent.
    RevIndex indexOfKey(const QString &key) const;
    // Ids then branch labels, in Alembic's key order (used for prefix matching).
    const QStringList &keys() const { return m_keyOrder; }

    // Heads without a child through down_revision, in load order ("heads" of `alembic heads`).
    const RevIndexes &heads() const { return m_heads; }
    // Heads that nothing depends on either (what the identifier "heads" means).
    const RevIndexes &realHeads() const { return m_realHeads; }
    const RevIndexes &bases() const { return m_bases; }
    const RevIndexes &realBases() const { return m_realBases; }

    // Per-revision relations. "down" is down_revision as written (present parents only);
    // dependencies are depends_on resolved to ids; normalized ones omit those an ancestor has.
    const RevIndexes &downRevisions(RevIndex i) const { return node(i).down; }
    const RevIndexes &dependencies(RevIndex i) const { return node(i).deps; }
    const RevIndexes &normalizedDependencies(RevIndex i) const { return node(i).normDeps; }
    const RevIndexes &allDownRevisions(RevIndex i) const { return node(i).allDown; }
    std::span<const RevIndex> normalizedDownRevisions(RevIndex i) const { return m_normDown.of(i); }
    const RevIndexes &children(RevIndex i) const { return node(i).next; }
    // Revisions that have `i` among their normalized down revisions.
    std::span<const RevIndex> normalizedChildren(RevIndex i) const { return m_normNext.of(i); }
    const RevIndexes &allChildren(RevIndex i) const { return node(i).allNext; }
    // Own labels first, then labels propagated from other revisions of the same branch.
    const QStringList &branchLabels(RevIndex i) const { return node(i).labels; }
    bool hasBranchLabel(RevIndex i, const QString &label) const;

    bool isHead(RevIndex i) const { return node(i).next.empty(); }
    bool isRealHead(RevIndex i) const { return node(i).allNext.empty(); }
    bool isBase(RevIndex i) const { return revision(i).downRevisions.isEmpty(); }
    bool isRealBase(RevIndex i) const { return revision(i).downRevisions.isEmpty() && revision(i).dependsOn.isEmpty(); }
    bool isBranchPoint(RevIndex i) const { return node(i).next.size() > 1; }
    bool isRealBranchPoint(RevIndex i) const { return node(i).allNext.size() > 1; }
    bool isMergePoint(RevIndex i) const { return revision(i).downRevisions.size() > 1; }

    enum class Edges {
        Versioned, // down_revision / nextrev only
        All, // down_revision + all dependencies (_all_down_revisions, _all_nextrev)
        Normalized, // down_revision + normalized dependencies (ancestors with dependencies)
    };
    // Targets plus everything reachable from them, as a membership vector of size().
    std::vector<char> ancestors(const RevIndexes &targets, Edges edges) const;
    std::vector<char> descendants(const RevIndexes &targets, Edges edges) const;
    // Alembic's `check=True` traversal: an error when one target is reachable from another.
    // Without one, `reached` (when given) is what the walk covered: the targets and everything
    // below them (above, when upwards), as ancestors() (descendants()) would return.
    std::optional<GraphError> checkOverlap(const RevIndexes &targets, bool upwards, Edges edges,
                                           std::vector<char> *reached = nullptr) const;
    // True when `target` is an ancestor or descendant (or equal) of one of `against`.
    bool sharesLineage(RevIndex target, const RevIndexes &against, bool includeDependencies) const;
    // Alembic's _topological_sort: newest first, branches kept contiguous, pre-sorted by load order.
    // Members that no head leads to are left out of the result. Where the walk must know whether
    // another pending branch still leads to a branch point, it reads a table of which branch points
    // lie below each revision, built in one pass if it fits in reachBudgetWords 64-bit words;
    // otherwise (or with 0) it searches the pending revisions above that point.
    static constexpr size_t DefaultReachBudgetWords = size_t(1) << 22; // 32 MB
    RevIndexes topologicalSort(const std::vector<char> &members, const RevIndexes &heads,
                               size_t reachBudgetWords = DefaultReachBudgetWords) const;

    // The first error that makes the graph unusable for walking (a cycle), if any.
    const std::optional<GraphError> &fatalError() const { return m_fatal; }

private:
    // A revision's relations; the revision itself is m_revisions at the same index, so the list
    // read from the files is kept as it came whenever no revision is dropped or replaced.
    struct Node
    {
        RevIndexes down, deps, normDeps, allDown, next, allNext;
        QStringList labels;
    };
    const Node &node(RevIndex i) const { return m_nodes[size_t(i)]; }
    std::span<const RevIndex> edgesDown(RevIndex i, Edges e) const;
    std::span<const RevIndex> edgesUp(RevIndex i, Edges e) const;
    auto idOf() const
    {
        return [this](RevIndex i) -> const QString & { return m_revisions.at(i).id; };
    }
    // Every revision after its normalized down revisions; empty on a cycle.
    RevIndexes normalizedParentsFirst() const;

    Revisions m_revisions;
    std::vector<Node> m_nodes;
    // down plus normalized dependencies, and its reverse: what most walks follow, kept flat.
    EdgeRows m_normDown, m_normNext;
    StringIndex m_idIndex; // id -> index; the ids are the nodes' own
    QHash<QString, RevIndex> m_labelIndex; // branch label -> its revision
    QStringList m_keyOrder;
    RevIndexes m_heads, m_realHeads, m_bases, m_realBases;
    std::optional<GraphError> m_fatal;

    friend class RevisionMapBuilder;
};

struct RevisionMap::Built
{
    std::shared_ptr<const RevisionMap> map;
    Problems problems;
    // First problem that Alembic would have raised on (it stops where we keep going).
    std::optional<GraphError> firstError;
};

} // namespace retort
