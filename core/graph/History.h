#pragma once

#include "graph/RevisionRange.h"

namespace retort {

// `alembic history` order (ScriptDirectory.walk_revisions) and the per-revision markers it prints.
class History
{
public:
    explicit History(const RevisionMap &map)
        : m(map)
        , range(map)
    {
    }

    // All revisions, newest first.
    Result<RevIndexes> all() const { return walk(QStringLiteral("base"), QStringLiteral("heads")); }
    // walk_revisions(base, head): revisions between base and head (both included), newest first.
    Result<RevIndexes> walk(const QString &base, const QString &head) const;
    // `history -r start:end`; either side may be empty. "current" must be replaced by the caller.
    Result<RevIndexes> walkRange(const QString &rangeText) const;

    struct Flags
    {
        bool isHead = false; // no child through down_revision ("(head)" in history lines)
        bool isRealHead = false; // nothing depends on it either ("heads" output)
        bool isEffectiveHead = false; // head that another revision depends on
        bool isBase = false;
        bool isBranchPoint = false;
        bool isMergePoint = false;
    };
    Flags flags(RevIndex i) const;

private:
    const RevisionMap &m;
    RevisionRange range;
};

} // namespace retort
