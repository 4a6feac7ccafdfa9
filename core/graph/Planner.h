#pragma once

#include "graph/HeadMaintainer.h"
#include "graph/Plan.h"
#include "graph/RevisionRange.h"

namespace retort {

// Computes what upgrade / downgrade / stamp will do from the database's current heads, with the
// steps Alembic's ScriptDirectory._upgrade_revs / _downgrade_revs / _stamp_revs choose and the
// version-table statements its HeadMaintainer issues. Nothing is executed here.
class Planner
{
public:
    explicit Planner(const RevisionMap &map)
        : m(map)
        , range(map)
        , resolver(map)
    {
    }

    // `upgrade <target>`: "head" (default), "heads", an id or prefix, label@head, +N, rev+N ...
    Result<Plan> upgrade(const QStringList &currentHeads, const QString &target = QStringLiteral("head")) const;
    // `downgrade <target>`: "-1", "base", an id, label@base, label@-N ...
    Result<Plan> downgrade(const QStringList &currentHeads, const QString &target) const;
    // `stamp <targets...> [--purge]`: moves the version table without running scripts.
    Result<Plan> stamp(const QStringList &currentHeads, const QStringList &targets, bool purge = false) const;
    // The one step that applies `revision` when each revision it depends on is among
    // `currentHeads`: what upgrade(currentHeads, id) plans then, without searching the graph (a
    // replay steps through thousands of revisions, parents first).
    Result<Plan> upgradeOne(const QStringList &currentHeads, RevIndex revision) const;
    // `rerun <revision>`: one step down and one step up again of a revision among `currentHeads`
    // (empty: the database's only head). The down step is what `downgrade <revision>@-1` runs, so
    // Alembic can be given the same two targets; anything that would move other revisions too (a
    // merge, say) is refused rather than re-run.
    Result<Plan> rerun(const QStringList &currentHeads, const QString &revision) const;

private:
    Result<Plan> run(const QStringList &currentHeads, const QList<MaintainerStep> &steps, bool purge) const;

    const RevisionMap &m;
    RevisionRange range;
    Resolver resolver;
};

} // namespace retort
