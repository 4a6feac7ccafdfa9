#pragma once

#include "graph/Plan.h"
#include "review/PlanReview.h"
#include "run/RunError.h"

#include <QJsonObject>
#include <variant>

namespace retort {

// {"request", "database_heads", "heads_before", "heads_after", "purge", "steps": [{"direction",
// "stamp", "revision", "from_revisions", "to_revisions", "from_heads", "to_heads", "version_ops",
// "script_sha256"}]}: what `--dry-run --json` prints, and everything `apply` needs to run the
// same plan again.
QJsonObject planToJson(const Plan &plan);
QJsonObject reviewToJson(const PlanReview &review);
// "insert x" / "update a -> b" / "delete a", as the dry run prints it.
QString describeVersionOp(const VersionOp &op);

// A plan file: the review-then-apply habit of CI pipelines. `retort upgrade --dry-run --json`
// writes one, `retort apply FILE` runs exactly its plan or refuses. It names the project (the
// migrations directory) and the database with its password masked; the password is never in it.
struct PlanFile
{
    static constexpr int formatVersion = 1;

    QString project; // the migrations directory, absolute
    QString database; // the URL with its password masked
    Plan plan;

    static QJsonObject toJson(const QString &project, const QString &database, const ReviewedPlan &reviewed);
    // Reads what toJson() wrote; anything else is a BadPlanFile error naming `path` and the field.
    static RunResult<PlanFile> parse(const QByteArray &bytes, const QString &path);
};

} // namespace retort
