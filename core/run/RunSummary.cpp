#include "RunSummary.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace retort {

QString stepCount(qsizetype count)
{
    return count == 1 ? u"1 step"_s : QString::number(count) + u" steps"_s;
}

QString runSummary(const Plan &plan, int stepsDone)
{
    int applied = 0;
    int reverted = 0;
    int stamped = 0;
    const int done = qBound(0, stepsDone, int(plan.steps.size()));
    for (int i = 0; i < done; ++i) {
        const PlanStep &step = plan.steps.at(i);
        if (step.stamp)
            ++stamped;
        else if (step.direction == PlanStep::Direction::Up)
            ++applied;
        else
            ++reverted;
    }
    QStringList parts;
    if (applied > 0)
        parts << stepCount(applied) + u" applied"_s;
    if (reverted > 0)
        parts << stepCount(reverted) + u" reverted"_s;
    if (stamped > 0)
        parts << u"stamped"_s; // a stamp runs no script: only the version table moved
    return parts.join(u", "_s);
}

} // namespace retort
