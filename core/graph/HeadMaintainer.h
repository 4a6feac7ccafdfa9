#pragma once

#include "graph/Plan.h"
#include "graph/Result.h"
#include "graph/RevisionMap.h"

#include <optional>

namespace retort {

// The step kinds HeadMaintainer.update_to_step understands (alembic/runtime/migration.py).
struct MaintainerStep
{
    enum class Type { Revision, Stamp };
    Type type = Type::Revision;
    bool upgrade = true;
    RevIndex revision = -1; // Revision steps
    QStringList from, to;   // Stamp steps
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
    Result<QStringList> unmergeTo(RevIndex rev) const;
    Result<std::vector<char>> ancestorsOfOthers(const QStringList &exclude) const;
    std::optional<GraphError> insert(const QString &v, QList<VersionOp> &ops);
    std::optional<GraphError> remove(const QString &v, QList<VersionOp> &ops);
    std::optional<GraphError> update(const QString &from, const QString &to, QList<VersionOp> &ops);

    const RevisionMap &m;
    QStringList m_heads; // a set; insertion order kept only for stable output
};

} // namespace retort
