#pragma once

#include "command/ProjectSnapshot.h"
#include "db/SqlDialect.h"
#include "graph/Plan.h"
#include "run/MigrationRequest.h"

namespace retort::ui {

// What a confirmation shows before a run: each step in words and the statements in it that can
// lose data (DestructiveStatement over the native step's statements for the connected dialect).
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

    bool isEmpty() const { return steps.isEmpty(); }
    QString title() const; // "Upgrade to head: 3 steps"

    static PlanSummary build(const ProjectSnapshot &project, const MigrationRequest &request, const Plan &plan,
                             SqlDialect dialect);
};

} // namespace retort::ui
