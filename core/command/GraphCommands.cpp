#include "GraphCommands.h"

#include "graph/CommandError.h"
#include "graph/History.h"
#include "graph/Resolver.h"

namespace retort {

Result<RevIndexes> headsCommand(const ProjectSnapshot &project, bool resolveDependencies)
{
    if (const auto &error = project.blockingError())
        return *error;
    const RevisionMap &map = project.map();
    return resolveDependencies ? map.realHeads() : map.heads();
}

Result<RevIndexes> branchesCommand(const ProjectSnapshot &project)
{
    if (const auto &error = project.blockingError())
        return *error;
    const RevisionMap &map = project.map();
    Result<RevIndexes> all = History(map).all();
    if (!all)
        return asCommandError(all.error());
    RevIndexes points;
    for (RevIndex i : *all) {
        if (map.isBranchPoint(i))
            points.push_back(i);
    }
    return points;
}

Result<RevIndexes> historyCommand(const ProjectSnapshot &project, const QString &range)
{
    if (const auto &error = project.blockingError())
        return *error;
    const History history(project.map());
    if (range.isEmpty()) {
        Result<RevIndexes> all = history.all();
        return all ? all : Result<RevIndexes>(asCommandError(all.error()));
    }
    Result<RevIndexes> walked = history.walkRange(range);
    if (walked)
        return walked;
    const qsizetype colon = range.indexOf(u':');
    const RevisionErrorContext context{colon > 0 ? range.left(colon).trimmed() : QStringLiteral("base"),
                                       colon >= 0 && colon + 1 < range.size() ? range.mid(colon + 1).trimmed()
                                                                              : QStringLiteral("heads")};
    return asCommandError(walked.error(), context);
}

Result<RevIndexes> showCommand(const ProjectSnapshot &project, const QString &spec)
{
    if (const auto &error = project.blockingError())
        return *error;
    const RevisionMap &map = project.map();
    Result<RevIndexes> resolved = Resolver(map).revisions(spec);
    if (!resolved)
        return asCommandError(resolved.error());
    RevIndexes found;
    for (RevIndex i : *resolved) {
        if (i >= 0)
            found.push_back(i);
    }
    return found;
}

} // namespace retort
