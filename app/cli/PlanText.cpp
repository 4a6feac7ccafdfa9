#include "PlanText.h"

#include "review/PlanJson.h"
#include "run/StepDescription.h"

namespace retort::cli {

QString headsText(const QStringList &heads)
{
    return heads.isEmpty() ? QStringLiteral("<base>") : heads.join(QStringLiteral(", "));
}

void writePlanText(QTextStream &out, const RevisionMap &map, const ReviewedPlan &reviewed)
{
    const Plan &plan = reviewed.plan;
    if (plan.steps.isEmpty())
        out << "Nothing to do: the database is at " << headsText(plan.headsBefore) << '\n';
    for (const PlanStep &step : plan.steps) {
        out << "Would run " << describeStep(step);
        const RevIndex index = step.stamp ? -1 : map.indexOf(step.revision);
        if (index >= 0)
            out << ", " << map.revision(index).message;
        out << '\n';
        for (const VersionOp &op : step.versionOps)
            out << "    " << describeVersionOp(op) << '\n';
    }
    if (!plan.steps.isEmpty()) {
        out << "Heads after: " << headsText(plan.headsAfter) << '\n';
        for (const QString &line : reviewed.review.toLines())
            out << line << '\n';
    }
}

} // namespace retort::cli
