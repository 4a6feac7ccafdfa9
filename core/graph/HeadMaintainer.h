#pragma once

#include "graph/Plan.h"
#include "graph/Result.h"
#include "graph/RevisionMap.h"

#include <QHash>

#include <optional>
#include <span>
#include <vector>

namespace retort {

// The step kinds HeadMaintainer.update_to_step understands (alembic/runtime/migration.py).
struct MaintainerStep
{
    enum class Type { Revision, Stamp };
    Type type = Type::Revision;
    bool upgrade = true;
    RevIndex revision = -1; // Revision steps
    QStringList from, to; // Stamp steps
    bool branchMove = false;
};

// Mirrors Alembic's HeadMaintainer: keeps the set of version rows and decides, per step, which
// INSERT / UPDATE / DELETE statements keep alembic_version in step with the graph.
class HeadMaintainer
{
public:
    HeadMaintainer(const RevisionMap &map, const QStringList &heads);

    // The statements for one step; an error where Alembic fails (assertion, missing row).
    Result<QList<VersionOp>> apply(const MaintainerStep &step);
    QStringList heads() const; // sorted

private:
    Result<QStringList> unmergeTo(RevIndex rev);
    // For each of `nodes`: is it an ancestor (or one) of a version row not in `exclude`?
    Result<std::vector<char>> coveredByOthers(std::span<const RevIndex> nodes, const QStringList &exclude);
    std::optional<GraphError> insert(const QString &v, QList<VersionOp> &ops);
    std::optional<GraphError> remove(const QString &v, QList<VersionOp> &ops);
    std::optional<GraphError> update(const QString &from, const QString &to, QList<VersionOp> &ops);

    // The revisions below the rows are kept up to date row by row, so asking whether one is
    // covered costs a walk over the covered revisions above it, not over the whole graph.
    void track(const QString &row);
    void untrack(const QString &row);
    void raise(RevIndex v);
    void lower(RevIndex v);

    const RevisionMap &m;
    QStringList m_heads; // a set; insertion order kept only for stable output
    QHash<QString, RevIndexes> m_resolved; // what each row names, resolved once
    QHash<QString, GraphError> m_unresolved; // rows that name nothing in the map
    std::vector<int> m_anchors; // per revision: rows naming it
    std::vector<int> m_live; // per revision: rows naming it + children below a row (0: not covered)
    std::vector<char> m_seen; // scratch for searches, all zero between them
    RevIndexes m_visited, m_stack;
};

} // namespace retort
