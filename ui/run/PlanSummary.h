#pragma once

#include "backup/BackupPolicy.h"
#include "command/ProjectSnapshot.h"
#include "db/SqlDialect.h"
#include "graph/Plan.h"
#include "graph/MigrationRequest.h"

namespace retort::ui {

// What a confirmation shows before a run: each step in words, the statements in it that can
// lose data (DestructiveStatement over the native step's statements for the connected dialect),
// how the version table changes and which automatic backup is taken first.
struct PlanSummary
{
    struct Destructive
    {
        QString revision;
        QString path;
        int line = 0;
        QString reason;    // "DROP TABLE", ...
        QString statement;
        QString toString() const;
    };
    struct Step
    {
        QString description; // "upgrade a -> b"
        QString revision;
        QString note;        // e.g. why statements were not inspected
    };

    MigrationRequest request;
    Plan plan;
    QList<Step> steps;
    QList<Destructive> destructive;
    QStringList rowsBefore; // the version table as last read (a purge plan itself starts from none)
    QString versionChange;  // "Version table: a -> b", saying when it is emptied first (--purge)
    QString backup;         // the automatic backup taken before the first step; empty when none

    // Nothing would change: no step, and no rows a purge would remove.
    bool isEmpty() const { return steps.isEmpty() && !(plan.purge && !rowsBefore.isEmpty()); }
    QString title() const; // "Upgrade to head: 3 steps"

    // `policy` and `displayUrl` (password masked) name the backup; planNeedsBackup() decides it.
    // `tableRows` are the version table's rows as last read, shown for a purge.
    static PlanSummary build(const ProjectSnapshot &project, const MigrationRequest &request, const Plan &plan,
                             SqlDialect dialect, const BackupPolicy &policy = {}, const QString &displayUrl = {},
                             const QStringList &tableRows = {});
};

} // namespace retort::ui
