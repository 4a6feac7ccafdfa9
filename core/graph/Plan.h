#pragma once

#include "MigrationRequest.h"
#include "db/VersionOp.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

struct PlanStep
{
    enum class Direction { Up, Down };
    Direction direction = Direction::Up;
    bool stamp = false; // moves the version table only, runs no script
    QString revision; // the script run (empty for a stamp step)
    QStringList fromRevisions; // as in "Running upgrade a, b -> c" (down_revision, no dependencies)
    QStringList toRevisions;
    QList<VersionOp> versionOps;
    QStringList headsAfter; // version table rows after this step, sorted
    QString scriptSha256; // the script as it was planned (ScriptChecksum); empty for a stamp
    friend bool operator==(const PlanStep &, const PlanStep &) = default;
};

// What upgrade / downgrade / stamp will do, computed before anything runs. A plan is a value:
// the run that follows a confirmation executes this plan, and refuses (PlanStale) when the
// database no longer holds `databaseHeads` or a step's script no longer has its checksum.
struct Plan
{
    MigrationRequest request; // what it was made for (the Alembic target of Python steps)
    QStringList databaseHeads; // the version table's rows it was made from, sorted
    QStringList headsBefore; // where the steps start: databaseHeads, or none for --purge
    bool purge = false; // empty the version table before the first step (stamp --purge)
    QList<PlanStep> steps;
    QStringList headsAfter; // sorted
    friend bool operator==(const Plan &, const Plan &) = default;
};

} // namespace retort
