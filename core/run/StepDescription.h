#pragma once

#include "graph/Plan.h"

#include <QString>

namespace retort {

// "upgrade a -> b" / "downgrade b -> a" / "stamp -> b": how logs and --sql comments name a step,
// in Alembic's words ("Running upgrade a -> b").
inline QString describeStep(const PlanStep &step)
{
    const QString verb = step.stamp                 ? QStringLiteral("stamp")
        : step.direction == PlanStep::Direction::Up ? QStringLiteral("upgrade")
                                                    : QStringLiteral("downgrade");
    return verb + QLatin1Char(' ') + step.fromRevisions.join(QStringLiteral(", ")) + QStringLiteral(" -> ")
        + step.toRevisions.join(QStringLiteral(", "));
}

} // namespace retort
