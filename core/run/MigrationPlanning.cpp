#include "MigrationPlanning.h"

#include "ScriptChecksum.h"
#include "StringLists.h"
#include "graph/CommandError.h"
#include "graph/Planner.h"

namespace retort {

namespace {

Result<Plan> planSteps(const RevisionMap &map, const QStringList &currentHeads, const MigrationRequest &request)
{
    const Planner planner(map);
    const QString target = request.targets.value(0);
    Result<Plan> plan = request.kind == MigrationRequest::Kind::Upgrade ? planner.upgrade(currentHeads, target)
        : request.kind == MigrationRequest::Kind::Downgrade             ? planner.downgrade(currentHeads, target)
        : request.kind == MigrationRequest::Kind::Rerun                 ? planner.rerun(currentHeads, target)
                                                        : planner.stamp(currentHeads, request.targets, request.purge);
    if (plan)
        return plan;
    GraphError error = plan.error();
    if (request.kind == MigrationRequest::Kind::Rerun)
        return error; // its messages are its own, not Alembic's
    if (request.kind == MigrationRequest::Kind::Stamp && error.kind == ErrorKind::MultipleHeads) {
        error.message = QStringLiteral("Multiple heads are present; please specify a single target revision");
        return error;
    }
    return asCommandError(error, {QString(), target});
}

} // namespace

Result<Plan> planMigration(const RevisionMap &map, const QStringList &currentHeads, const MigrationRequest &request)
{
    if (const auto &fatal = map.fatalError())
        return *fatal;
    Result<Plan> planned = planSteps(map, currentHeads, request);
    if (!planned)
        return planned;
    Plan plan = std::move(planned).value();
    plan.request = request;
    plan.databaseHeads = sorted(currentHeads);
    for (PlanStep &step : plan.steps) {
        const RevIndex index = step.stamp ? -1 : map.indexOf(step.revision);
        if (index >= 0)
            step.scriptSha256 = ScriptChecksum::ofFile(map.revision(index).path).value_or(QString());
    }
    return plan;
}

std::optional<ScriptDrift> firstChangedScript(const RevisionMap &map, const Plan &plan)
{
    for (const PlanStep &step : plan.steps) {
        if (step.stamp)
            continue;
        const RevIndex index = map.indexOf(step.revision);
        if (index < 0)
            return ScriptDrift{step.revision, QString(), QStringLiteral("no migration file defines it any more")};
        const QString &path = map.revision(index).path;
        const Fallible<QString> now = ScriptChecksum::ofFile(path);
        if (!now)
            return ScriptDrift{step.revision, path,
                               QStringLiteral("the file cannot be read (%1)").arg(now.error().message)};
        if (*now != step.scriptSha256)
            return ScriptDrift{step.revision, path, QStringLiteral("the file changed since the plan was made")};
    }
    return std::nullopt;
}

} // namespace retort
