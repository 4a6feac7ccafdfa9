#include "PlanSummary.h"

#include "command/BackupCommands.h"
#include "db/DestructiveStatement.h"
#include "run/StepDescription.h"
#include "run/StepScript.h"

#include <QCoreApplication>

namespace retort::ui {

QString PlanSummary::Destructive::toString() const
{
    return QStringLiteral("%1:%2: %3 (%4)").arg(path, QString::number(line), reason, revision);
}

QString PlanSummary::title() const
{
    const QString verb = request.verb();
    const QString target = request.targets.join(QStringLiteral(" "));
    return QCoreApplication::translate("PlanSummary", "%1 %2: %n step(s)", nullptr, int(steps.size()))
        .arg(verb, target);
}

namespace {

QString rowsText(const QStringList &rows)
{
    return rows.isEmpty() ? QCoreApplication::translate("PlanSummary", "(empty)") : rows.join(QStringLiteral(", "));
}

} // namespace

PlanSummary PlanSummary::build(const ProjectSnapshot &project, const MigrationRequest &request, const Plan &plan,
                               SqlDialect dialect, const BackupPolicy &policy, const QString &displayUrl,
                               const QStringList &tableRows)
{
    PlanSummary summary;
    summary.request = request;
    summary.plan = plan;
    const RevisionMap &map = project.map();
    for (const PlanStep &planStep : plan.steps) {
        Step step;
        step.description = describeStep(planStep);
        step.revision = planStep.revision;
        const RevIndex index = planStep.stamp ? -1 : map.indexOf(planStep.revision);
        if (index >= 0) {
            const Revision &revision = map.revision(index);
            if (revision.format == ScriptFormat::Python) {
                step.note = QCoreApplication::translate("PlanSummary",
                                                        "Python revision: runs through Alembic, not inspected");
            } else {
                const auto loaded = StepScript::load(revision, planStep.direction, dialect);
                if (const auto *error = std::get_if<RunError>(&loaded)) {
                    step.note = error->message;
                } else {
                    for (const SqlStatement &statement : std::get<StepScript>(loaded).statements) {
                        const QString reason = DestructiveStatement::reason(statement.text, dialect);
                        if (!reason.isEmpty())
                            summary.destructive.append({revision.id, revision.path, statement.line, reason,
                                                        statement.text});
                    }
                }
            }
        }
        summary.steps.append(step);
    }
    summary.rowsBefore = plan.purge ? tableRows : plan.headsBefore;
    summary.versionChange =
        plan.purge ? QCoreApplication::translate("PlanSummary", "Version table: %1 -> emptied first (--purge) -> %2")
                         .arg(rowsText(summary.rowsBefore), rowsText(plan.headsAfter))
                   : QCoreApplication::translate("PlanSummary", "Version table: %1 -> %2")
                         .arg(rowsText(plan.headsBefore), rowsText(plan.headsAfter));
    if (request.kind != MigrationRequest::Kind::Stamp && planNeedsBackup(plan, policy)) {
        const QString database = displayUrl.isEmpty() ? QCoreApplication::translate("PlanSummary", "the database")
                                                       : displayUrl;
        summary.backup = QCoreApplication::translate("PlanSummary", "Before the first step, %1 is backed up into %2")
                             .arg(database, policy.directory);
    }
    return summary;
}

} // namespace retort::ui
