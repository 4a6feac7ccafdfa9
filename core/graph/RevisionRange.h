#pragma once

#include "graph/Resolver.h"

namespace retort {

// The revision sets behind history ranges and upgrade/downgrade plans, as Alembic computes them
// (RevisionMap._collect_upgrade_revisions / _collect_downgrade_revisions), plus the
// topologically sorted walk (iterate_revisions).
class RevisionRange
{
public:
    explicit RevisionRange(const RevisionMap &map)
        : m(map)
        , r(map)
    {
    }

    struct Selection
    {
        std::vector<char> members; // membership by index
        RevIndexes heads; // where the topological walk starts
    };
    // `lower` is either one identifier typed by a person (lowerIsIdentifier) or the database heads.
    Result<Selection> collectUpgrade(const QString &upper, const QStringList &lower, bool lowerIsIdentifier,
                                     bool inclusive, bool implicitBase, bool assertRelativeLength) const;
    Result<Selection> collectDowngrade(const QStringList &currentHeads, const QString &target, bool inclusive,
                                       bool implicitBase, bool assertRelativeLength) const;
    // iterate_revisions: newest first.
    Result<RevIndexes> iterate(const Selection &selection) const;

private:
    const RevisionMap &m;
    Resolver r;
};

} // namespace retort
