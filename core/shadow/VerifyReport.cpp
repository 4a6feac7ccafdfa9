#include "VerifyReport.h"

#include <algorithm>

namespace retort {

QString StepVerification::problemName(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::UpgradeFailed:
        return QStringLiteral("upgrade_failed");
    case Problem::NoDowngrade:
        return QStringLiteral("no_downgrade");
    case Problem::DowngradeFailed:
        return QStringLiteral("downgrade_failed");
    case Problem::DowngradeIncomplete:
        return QStringLiteral("downgrade_incomplete");
    case Problem::ReupgradeFailed:
        return QStringLiteral("reupgrade_failed");
    case Problem::ReupgradeDiffers:
        return QStringLiteral("reupgrade_differs");
    case Problem::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QString StepVerification::describe() const
{
    const QString count = QString::number(differences.size());
    switch (problem) {
    case Problem::None:
        return QStringLiteral("the downgrade restores the schema and the upgrade runs again");
    case Problem::UpgradeFailed:
        return QStringLiteral("the upgrade failed: %1").arg(error ? error->toString() : QString());
    case Problem::NoDowngrade:
        return QStringLiteral("the upgrade changes the schema and there is no downgrade to undo it (changes: %1)")
            .arg(count);
    case Problem::DowngradeFailed:
        return QStringLiteral("the downgrade failed: %1").arg(error ? error->toString() : QString());
    case Problem::DowngradeIncomplete:
        return QStringLiteral("the downgrade does not restore the parents' schema (differences: %1)").arg(count);
    case Problem::ReupgradeFailed:
        return QStringLiteral("upgrading again after the downgrade failed: %1")
            .arg(error ? error->toString() : QString());
    case Problem::ReupgradeDiffers:
        return QStringLiteral("upgrading again after the downgrade gives another schema (%1 differences)").arg(count);
    case Problem::Skipped:
        return QStringLiteral("not verified: ancestor %1 failed to upgrade").arg(blockedBy);
    }
    return {};
}

int VerifyReport::problems() const
{
    return int(std::count_if(steps.begin(), steps.end(), [](const StepVerification &s) { return !s.ok(); }));
}

const StepVerification *VerifyReport::find(const QString &revision) const
{
    for (const StepVerification &step : steps) {
        if (step.revision == revision)
            return &step;
    }
    return nullptr;
}

} // namespace retort
