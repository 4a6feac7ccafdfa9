#include "PlanReview.h"

#include "db/DestructiveStatement.h"
#include "lint/RevisionLint.h"
#include "run/RunSummary.h"
#include "run/StepDescription.h"
#include "run/StepScript.h"

#include <QCoreApplication>

namespace retort {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("PlanReview", text, nullptr, n);
}

QString rowsText(const QStringList &rows)
{
    return rows.isEmpty() ? tr("(empty)") : rows.join(QStringLiteral(", "));
}

// Destructive statements and the transaction mode of one native step, read as it will run.
void reviewNativeStep(const Revision &revision, const PlanStep &planStep, SqlDialect dialect, PlanReview &review,
                      PlanReview::Step &step)
{
    const auto loaded = StepScript::load(revision, planStep.direction, dialect);
    if (const auto *error = loaded.failure()) {
        step.note = error->message;
        return;
    }
    const StepScript &script = loaded.value();
    if (!script.transactional)
        review.nonTransactional.append(revision.id);
    for (const SqlStatement &statement : script.statements) {
        const QString reason = DestructiveStatement::reason(statement.text, dialect);
        if (!reason.isEmpty())
            review.destructive.append({revision.id, revision.path, statement.line, reason, statement.text});
    }
}

} // namespace

QString PlanReview::Destructive::toString() const
{
    return QStringLiteral("%1:%2: %3 (%4)").arg(path, QString::number(line), reason, revision);
}

PlanReview PlanReview::build(const RevisionMap &map, const Plan &plan, SqlDialect dialect, const BackupPolicy &policy,
                             const QString &displayUrl, const LintConfig &lint)
{
    RevisionLintOptions lintOptions;
    lintOptions.dialects = {dialect};
    lintOptions.config = lint;
    lintOptions.postgresVersion = lint.postgresVersion.value_or(15);
    PlanReview review;
    review.title =
        tr("%1 %2: %3")
            .arg(plan.request.verb(), plan.request.targets.join(QStringLiteral(" ")), stepCount(plan.steps.size()));
    for (const PlanStep &planStep : plan.steps) {
        Step step;
        step.description = describeStep(planStep);
        step.revision = planStep.revision;
        const RevIndex index = planStep.stamp ? -1 : map.indexOf(planStep.revision);
        if (index >= 0) {
            const Revision &revision = map.revision(index);
            step.message = revision.message;
            review.lint += lintRevision(revision,
                                        planStep.direction == PlanStep::Direction::Up ? SqlDirection::Upgrade
                                                                                      : SqlDirection::Downgrade,
                                        lintOptions);
            if (revision.format == ScriptFormat::Python) {
                step.note = tr("Python revision: runs through Alembic, not inspected");
                review.pythonSteps.append(revision.id);
            } else {
                reviewNativeStep(revision, planStep, dialect, review, step);
            }
        }
        review.steps.append(step);
    }
    sortBySeverity(review.lint);
    review.rowsBefore = plan.databaseHeads;
    review.purge = plan.purge;
    review.changesNothing = plan.steps.isEmpty() && !(plan.purge && !plan.databaseHeads.isEmpty());
    review.versionChange = plan.purge
        ? tr("Version table: %1 -> emptied first (--purge) -> %2")
              .arg(rowsText(review.rowsBefore), rowsText(plan.headsAfter))
        : tr("Version table: %1 -> %2").arg(rowsText(plan.headsBefore), rowsText(plan.headsAfter));
    if (planNeedsBackup(plan, policy)) {
        const QString database = displayUrl.isEmpty() ? tr("the database") : displayUrl;
        review.backup = tr("Before the first step, %1 is backed up into %2").arg(database, policy.directory);
    }
    return review;
}

QStringList PlanReview::toLines() const
{
    QStringList lines;
    lines << versionChange;
    lines << (backup.isEmpty() ? tr("No automatic backup is taken for this run.") : backup);
    if (!nonTransactional.isEmpty())
        lines << tr("Not in one transaction (Transactional: no), statements run one by one: %1")
                     .arg(nonTransactional.join(QStringLiteral(", ")));
    if (!pythonSteps.isEmpty())
        lines << tr("Run through the project's Alembic command: %1").arg(pythonSteps.join(QStringLiteral(", ")));
    if (!destructive.isEmpty()) {
        lines << tr("%n statement(s) can lose data:", int(destructive.size()));
        for (const Destructive &item : destructive)
            lines << QStringLiteral("    ") + item.toString() + QStringLiteral(": ") + item.statement.simplified();
    }
    if (!lint.isEmpty()) {
        lines << tr("%n lint finding(s), errors first:", int(lint.size()));
        for (const LintFinding &finding : lint)
            lines << QStringLiteral("    ") + finding.toString() + QStringLiteral(" (") + finding.revision
                    + QStringLiteral(")");
    }
    return lines;
}

} // namespace retort
