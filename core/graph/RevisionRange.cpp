#include "graph/RevisionRange.h"

#include <algorithm>

namespace retort {

namespace {

GraphError assertion(const QString &message)
{
    return GraphError::make(ErrorKind::AssertionError, message);
}

} // namespace

Result<RevisionRange::Selection> RevisionRange::collectUpgrade(const QString &upper, const QStringList &lowerIn,
                                                               bool lowerIsIdentifier, bool inclusive,
                                                               bool implicitBase, bool assertRelativeLength) const
{
    QStringList lower = lowerIn;
    auto parsed = r.upgradeTargets(lower, upper, assertRelativeLength);
    if (!parsed)
        return parsed.error();
    RevIndexes targets;
    for (RevIndex t : *parsed) {
        if (t < 0)
            return assertion(QStringLiteral("'%1' does not name a revision to upgrade to").arg(upper));
        targets.push_back(t);
    }
    if (lowerIsIdentifier && lower.size() == 1 && lower.front().contains(u'@')) {
        QString branch = lower.front().section(u'@', 0, 0);
        auto branchRev = r.revision(branch);
        if (!branchRev)
            return branchRev.error();
        if (*branchRev >= 0 && m.id(*branchRev) == branch) {
            // a revision id was used as the label: use its branch instead
            const QStringList &labels = m.branchLabels(*branchRev);
            if (labels.size() != 1)
                return assertion(QStringLiteral("Revision %1 does not carry exactly one branch label").arg(branch));
            branch = labels.front();
        }
        RevIndexes kept;
        for (RevIndex t : targets) {
            if (m.hasBranchLabel(t, branch))
                kept.push_back(t);
        }
        targets = kept;
    }
    std::vector<char> required; // targets and their ancestors
    if (auto overlap = m.checkOverlap(targets, false, RevisionMap::Edges::Normalized, &required))
        return *overlap;

    auto currentRes = r.revisions(lower);
    if (!currentRes)
        return currentRes.error();
    RevIndexes current = *currentRes;
    if (!implicitBase) {
        for (RevIndex c : current) {
            if (c != Resolver::NoRevision && (c < 0 || !required[size_t(c)])) {
                const QString lowerText = lower.isEmpty() ? QStringLiteral("base") : lower.join(u',');
                return GraphError::make(ErrorKind::RangeNotAncestorError,
                                        QStringLiteral("Revision %1 is not an ancestor of revision %2")
                                            .arg(lowerText, upper.isEmpty() ? QStringLiteral("base") : upper),
                                        {}, lowerText);
            }
        }
    }
    if (!current.empty() && current.front() == Resolver::NoRevision) {
        // lower was relative (e.g. "-1" walking off the graph): read it as a downgrade target
        auto target = r.downgradeTarget(QStringList{upper}, lower.value(0), assertRelativeLength);
        if (!target)
            return target.error();
        if (target->revision == Resolver::NoRevision)
            return assertion(QStringLiteral("'%1' does not name a revision").arg(lower.value(0)));
        if (target->revision == Resolver::BaseMarker) {
            current.clear();
            lower.clear();
        } else {
            current = {target->revision};
            lower = QStringList{m.id(target->revision)};
        }
    }
    for (RevIndex c : current) {
        if (c < 0)
            return assertion(QStringLiteral("Cannot walk from below base"));
    }
    std::vector<char> have; // current and its ancestors
    if (auto overlap = m.checkOverlap(current, false, RevisionMap::Edges::Normalized, &have))
        return *overlap;
    Selection sel;
    sel.members.assign(size_t(m.size()), 0);
    for (RevIndex i = 0; i < m.size(); ++i)
        sel.members[size_t(i)] = required[size_t(i)] && !have[size_t(i)];
    if (inclusive) {
        auto again = r.revisions(lower);
        if (!again)
            return again.error();
        for (RevIndex c : *again) {
            if (c >= 0)
                sel.members[size_t(c)] = 1;
        }
    }
    if (!current.empty() && !implicitBase) {
        std::vector<char> above; // current and its descendants
        if (auto overlap = m.checkOverlap(current, true, RevisionMap::Edges::Versioned, &above))
            return *overlap;
        for (RevIndex i = 0; i < m.size(); ++i)
            sel.members[size_t(i)] = sel.members[size_t(i)] && above[size_t(i)];
    }
    sel.heads = targets;
    return sel;
}

Result<RevisionRange::Selection> RevisionRange::collectDowngrade(const QStringList &currentHeads, const QString &target,
                                                                 bool inclusive, bool implicitBase,
                                                                 bool assertRelativeLength) const
{
    auto parsed = r.downgradeTarget(currentHeads, target, assertRelativeLength);
    if (!parsed)
        return parsed.error();
    const RevIndex targetRev = parsed->revision < 0 ? Resolver::NoRevision : parsed->revision;
    RevIndexes roots;
    if (targetRev == Resolver::NoRevision) {
        for (RevIndex i = 0; i < m.size(); ++i) {
            if (m.isBase(i))
                roots.push_back(i);
        }
    } else if (inclusive) {
        roots = {targetRev};
    } else {
        roots = m.children(targetRev);
    }
    const auto &label = parsed->branchLabel;
    if (label && !label->isEmpty() && roots.size() > 1) {
        auto branchRev = r.resolveBranch(*label);
        if (!branchRev)
            return branchRev.error();
        const auto anc = m.ancestors({*branchRev}, RevisionMap::Edges::Versioned);
        RevIndexes kept;
        for (RevIndex root : roots) {
            if (anc[size_t(root)])
                kept.push_back(root);
        }
        roots = kept;
        if (roots.empty())
            return GraphError::make(ErrorKind::RevisionError,
                                    QStringLiteral("Not a valid downgrade target from current heads"));
    }
    auto headsRes = r.revisions(currentHeads);
    if (!headsRes)
        return headsRes.error();
    RevIndexes heads;
    for (RevIndex h : *headsRes) {
        if (h >= 0)
            heads.push_back(h);
    }
    const auto drop = m.descendants(roots, RevisionMap::Edges::All);
    const auto active = m.ancestors(heads, RevisionMap::Edges::Normalized);
    Selection sel;
    sel.members.assign(size_t(m.size()), 0);
    bool any = false;
    for (RevIndex i = 0; i < m.size(); ++i) {
        sel.members[size_t(i)] = drop[size_t(i)] && active[size_t(i)];
        any = any || sel.members[size_t(i)];
    }
    if (implicitBase) {
        const auto keep = m.ancestors(roots, RevisionMap::Edges::Normalized);
        for (RevIndex i = 0; i < m.size(); ++i) {
            if (active[size_t(i)] && !keep[size_t(i)])
                sel.members[size_t(i)] = any = true;
        }
    }
    if (targetRev >= 0 && !any && std::find(heads.begin(), heads.end(), targetRev) == heads.end()) {
        return GraphError::make(
            ErrorKind::RangeNotAncestorError,
            QStringLiteral("Destination %1 is not a valid downgrade target from current head(s)").arg(target), {},
            target);
    }
    sel.heads = heads;
    return sel;
}

Result<RevIndexes> RevisionRange::iterate(const Selection &selection) const
{
    if (m.fatalError())
        return *m.fatalError();
    RevIndexes order = m.topologicalSort(selection.members, selection.heads);
    const auto wanted = std::count(selection.members.begin(), selection.members.end(), char(1));
    if (qsizetype(order.size()) != qsizetype(wanted)) {
        // Alembic's walk asserts when the range holds revisions its heads do not lead to
        return GraphError::make(ErrorKind::AssertionError,
                                QStringLiteral("The requested range contains revisions not reachable from its "
                                               "upper end"));
    }
    return order;
}

} // namespace retort
