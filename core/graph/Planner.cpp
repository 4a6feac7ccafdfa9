#include "graph/Planner.h"

#include <algorithm>

namespace retort {

Result<Plan> Planner::upgrade(const QStringList &currentHeads, const QString &target) const
{
    if (m.fatalError())
        return *m.fatalError();
    auto sel = range.collectUpgrade(target, currentHeads, false, false, true, true);
    if (!sel) {
        if (sel.error().kind == ErrorKind::RangeNotAncestorError) {
            return GraphError::make(
                sel.error().kind,
                QStringLiteral("Destination %1 is not a valid upgrade target from current head(s)").arg(target), {},
                target);
        }
        return sel.error();
    }
    auto order = range.iterate(*sel);
    if (!order)
        return order.error();
    QList<MaintainerStep> steps;
    for (auto it = order->rbegin(); it != order->rend(); ++it)
        steps.append(MaintainerStep{MaintainerStep::Type::Revision, true, *it, {}, {}, false});
    return run(currentHeads, steps, false);
}

Result<Plan> Planner::upgradeOne(const QStringList &currentHeads, RevIndex revision) const
{
    if (m.fatalError())
        return *m.fatalError();
    return run(currentHeads, {MaintainerStep{MaintainerStep::Type::Revision, true, revision, {}, {}, false}}, false);
}

Result<Plan> Planner::rerun(const QStringList &currentHeads, const QString &revision) const
{
    if (m.fatalError())
        return *m.fatalError();
    QString id = revision;
    if (id.isEmpty()) {
        if (currentHeads.size() != 1)
            return GraphError::make(
                ErrorKind::MultipleHeads,
                currentHeads.isEmpty()
                    ? QStringLiteral("The database has no revision applied; there is nothing to re-run")
                    : QStringLiteral("The database has %1 heads (%2); name the one to re-run")
                          .arg(currentHeads.size())
                          .arg(currentHeads.join(QStringLiteral(", "))));
        id = currentHeads.constFirst();
    }
    auto resolved = resolver.revisions({id});
    if (!resolved)
        return resolved.error();
    if (resolved->size() != 1 || resolved->front() < 0)
        return GraphError::make(ErrorKind::ResolutionError, QStringLiteral("%1 names no single revision").arg(id), {},
                                id);
    const RevIndex r = resolved->front();
    id = m.id(r);
    if (!currentHeads.contains(id))
        return GraphError::make(
            ErrorKind::ResolutionError,
            QStringLiteral("Revision %1 is not a current head of the database (%2); only a head "
                           "can be re-run. Upgrade to it first")
                .arg(id, currentHeads.isEmpty() ? QStringLiteral("empty") : currentHeads.join(QStringLiteral(", "))),
            {}, id);
    // What Alembic's `downgrade <id>@-1` does, so a Python project runs the same steps.
    auto down = downgrade(currentHeads, id + QStringLiteral("@-1"));
    const auto onlyThis = [&](const Plan &plan) { return plan.steps.size() == 1 && plan.steps.front().revision == id; };
    if (!down || !onlyThis(*down))
        return GraphError::make(
            ErrorKind::ResolutionError,
            QStringLiteral("Revision %1 cannot be re-run on its own: stepping it down %2. Downgrade "
                           "and upgrade it separately")
                .arg(id,
                     down ? QStringLiteral("moves other revisions too")
                          : QStringLiteral("fails (%1)").arg(down.error().message)),
            {}, id);
    auto up = upgrade(down->headsAfter, id);
    if (!up || !onlyThis(*up))
        return GraphError::make(ErrorKind::ResolutionError,
                                QStringLiteral("Revision %1 cannot be re-run on its own: upgrading it again %2")
                                    .arg(id,
                                         up ? QStringLiteral("moves other revisions too")
                                            : QStringLiteral("fails (%1)").arg(up.error().message)),
                                {}, id);
    return run(currentHeads,
               {MaintainerStep{MaintainerStep::Type::Revision, false, r, {}, {}, false},
                MaintainerStep{MaintainerStep::Type::Revision, true, r, {}, {}, false}},
               false);
}

Result<Plan> Planner::downgrade(const QStringList &currentHeads, const QString &target) const
{
    if (m.fatalError())
        return *m.fatalError();
    auto sel = range.collectDowngrade(currentHeads, target, false, false, true);
    if (!sel)
        return sel.error();
    auto order = range.iterate(*sel);
    if (!order)
        return order.error();
    QList<MaintainerStep> steps;
    for (RevIndex r : *order)
        steps.append(MaintainerStep{MaintainerStep::Type::Revision, false, r, {}, {}, false});
    return run(currentHeads, steps, false);
}

Result<Plan> Planner::stamp(const QStringList &currentHeadsIn, const QStringList &targetsIn, bool purge) const
{
    if (m.fatalError())
        return *m.fatalError();
    const QStringList currentHeads = purge ? QStringList{} : currentHeadsIn;
    const QStringList targets = targetsIn.isEmpty() ? QStringList{QStringLiteral("base")} : targetsIn;
    auto headRevs = resolver.revisions(currentHeads);
    if (!headRevs)
        return headRevs.error();
    RevIndexes filtered;
    for (const QString &t : targets) {
        if (t.isEmpty())
            continue;
        auto f = resolver.filterForLineage(*headRevs, t, true);
        if (!f)
            return f.error();
        for (RevIndex h : *f) {
            if (std::find(filtered.begin(), filtered.end(), h) == filtered.end())
                filtered.push_back(h);
        }
    }
    auto destsRes = resolver.revisions(targets);
    if (!destsRes)
        return destsRes.error();
    RevIndexes dests = *destsRes;
    if (dests.empty())
        dests.push_back(Resolver::NoRevision);
    const QStringList filteredIds = m.ids(filtered);

    QList<MaintainerStep> steps;
    for (RevIndex dest : dests) {
        if (dest == Resolver::NoRevision) {
            for (RevIndex h : filtered)
                steps.append(MaintainerStep{MaintainerStep::Type::Stamp, false, -1, {m.id(h)}, {}, true});
            continue;
        }
        if (dest < 0)
            return GraphError::make(ErrorKind::AssertionError,
                                    QStringLiteral("Cannot stamp below base; name a revision or 'base'"));
        if (std::find(filtered.begin(), filtered.end(), dest) != filtered.end())
            continue;
        const auto above = m.descendants({dest}, RevisionMap::Edges::All);
        const auto below = m.ancestors({dest}, RevisionMap::Edges::Normalized);
        const bool headsAbove =
            std::any_of(filtered.begin(), filtered.end(), [&](RevIndex h) { return above[size_t(h)]; });
        const bool headsBelow =
            std::any_of(filtered.begin(), filtered.end(), [&](RevIndex h) { return below[size_t(h)]; });
        if (headsAbove && headsBelow)
            return GraphError::make(ErrorKind::AssertionError,
                                    QStringLiteral("Revision %1 lies between the current heads; stamp the "
                                                   "branches separately")
                                        .arg(m.id(dest)));
        if (headsAbove)
            steps.append(MaintainerStep{MaintainerStep::Type::Stamp, false, -1, filteredIds, {m.id(dest)}, false});
        else if (headsBelow)
            steps.append(MaintainerStep{MaintainerStep::Type::Stamp, true, -1, filteredIds, {m.id(dest)}, false});
        else
            steps.append(MaintainerStep{MaintainerStep::Type::Stamp, true, -1, {}, {m.id(dest)}, true});
    }
    return run(currentHeads, steps, purge);
}

Result<Plan> Planner::run(const QStringList &currentHeads, const QList<MaintainerStep> &steps, bool purge) const
{
    Plan plan;
    plan.headsBefore = currentHeads;
    plan.purge = purge;
    HeadMaintainer maintainer(m, currentHeads);
    for (const MaintainerStep &s : steps) {
        PlanStep step;
        step.direction = s.upgrade ? PlanStep::Direction::Up : PlanStep::Direction::Down;
        step.stamp = s.type == MaintainerStep::Type::Stamp;
        if (step.stamp) {
            step.fromRevisions = s.from;
            step.toRevisions = s.to;
        } else {
            step.revision = m.id(s.revision);
            const QStringList down = m.revision(s.revision).downRevisions;
            step.fromRevisions = s.upgrade ? down : QStringList{step.revision};
            step.toRevisions = s.upgrade ? QStringList{step.revision} : down;
        }
        auto ops = maintainer.apply(s);
        if (!ops)
            return ops.error();
        step.versionOps = *ops;
        step.headsAfter = maintainer.heads();
        plan.steps.append(step);
    }
    plan.headsAfter = maintainer.heads();
    return plan;
}

} // namespace retort
