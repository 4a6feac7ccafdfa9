#pragma once

#include "graph/Result.h"
#include "graph/RevisionMap.h"

#include <QStringList>

#include <optional>

namespace retort {

// Turns what a person types (ids, prefixes, head/heads/base, label@..., relative +N/-N) into
// revisions, with Alembic's rules and error messages (RevisionMap.get_revisions, get_revision,
// _walk, _parse_upgrade_target, _parse_downgrade_target).
//
// Besides revision indexes, results may hold the two markers Alembic produces while walking:
// NoRevision (Python None: "base" as a target, or a walk that went too far) and BaseMarker
// (the string "base" Alembic yields when a downward walk steps below a base).
class Resolver
{
public:
    static constexpr RevIndex NoRevision = -1;
    static constexpr RevIndex BaseMarker = -2;

    explicit Resolver(const RevisionMap &map)
        : m(map)
    {
    }

    // get_revisions: "heads" gives several, "base" gives none, "-N" walks down from the heads.
    Result<RevIndexes> revisions(const QString &identifier) const;
    Result<RevIndexes> revisions(const QStringList &identifiers) const;
    // get_revision: exactly one (NoRevision for base); several is a MultipleHeads error.
    Result<RevIndex> revision(const QString &identifier) const;
    // get_current_head, optionally narrowed to a branch label; NoRevision for an empty map.
    Result<RevIndex> currentHead(const QString &branchLabel = {}) const;
    // filter_for_lineage: the targets sharing a lineage with `checkAgainst`.
    Result<RevIndexes> filterForLineage(const RevIndexes &targets, const QString &checkAgainst,
                                        bool includeDependencies = false) const;
    // _walk: |steps| steps up (steps > 0, optionally along a branch) or down from `start`.
    Result<RevIndex> walk(RevIndex start, int steps, const QString &branchLabel = {}, bool noOverwalk = true) const;

    // _parse_upgrade_target: where `upgrade <target>` goes from the current heads.
    Result<RevIndexes> upgradeTargets(const QStringList &currentHeads, const QString &target,
                                      bool assertRelativeLength = true) const;
    struct DowngradeTarget
    {
        std::optional<QString> branchLabel;
        RevIndex revision = NoRevision; // NoRevision / BaseMarker: down to base
    };
    // _parse_downgrade_target: where `downgrade <target>` goes from the current heads.
    Result<DowngradeTarget> downgradeTarget(const QStringList &currentHeads, const QString &target,
                                            bool assertRelativeLength = true) const;
    // _get_all_current: the branch tips among the current heads and everything below them.
    Result<RevIndexes> allCurrent(const QStringList &currentHeads) const;

    // Alembic's _resolve_revision_number: symbolic names expanded, ids left unresolved.
    struct Number
    {
        QStringList ids;
        std::optional<QString> branchLabel;
    };
    Result<Number> resolveNumber(const QString &identifier) const;
    // _revision_for_ident: an exact key or unique prefix, optionally checked against a branch.
    Result<RevIndex> revisionForIdent(const QString &ident, const std::optional<QString> &checkBranch = {}) const;
    // _resolve_branch
    Result<RevIndex> resolveBranch(const QString &label) const;

private:
    Result<RevIndexes> lineageAnchors(const QString &checkAgainst) const;
    Result<RevIndex> walkFromString(const QString &start, int steps, const QString &label, bool noOverwalk) const;

    const RevisionMap &m;
};

} // namespace retort
