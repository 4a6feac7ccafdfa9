#include "MigrationPlanning.h"

#include "graph/CommandError.h"
#include "graph/Planner.h"

namespace retort {

Result<Plan> planMigration(const RevisionMap &map, const QStringList &currentHeads,
                           const MigrationRequest &request)
{
    if (const auto &fatal = map.fatalError())
        return *fatal;
    const Planner planner(map);
    const QString target = request.targets.value(0);
    Result<Plan> plan = request.kind == MigrationRequest::Kind::Upgrade
                            ? planner.upgrade(currentHeads, target)
                        : request.kind == MigrationRequest::Kind::Downgrade
                            ? planner.downgrade(currentHeads, target)
                            : planner.stamp(currentHeads, request.targets, request.purge);
    if (plan)
        return plan;
    GraphError error = plan.error();
    if (request.kind == MigrationRequest::Kind::Stamp && error.kind == u"MultipleHeads") {
        error.message = QStringLiteral("Multiple heads are present; please specify a single target revision");
        return error;
    }
    return asCommandError(error, {QString(), target});
}

} // namespace retort
