#pragma once

#include "backup/BackupPolicy.h"
#include "db/SqlDialect.h"
#include "graph/Plan.h"
#include "graph/RevisionMap.h"
#include "lint/LintConfig.h"
#include "lint/LintFinding.h"

#include <QList>
#include <QStringList>

namespace retort {

// What a person is shown before a plan runs, computed once in core from the plan itself: the
// confirmation dialog renders it, `--dry-run` prints it, a plan file carries it. Each step in
// words; the statements in native steps that can lose data (with file:line); the steps that do
// not run in one transaction; the Python steps handed to the project's Alembic; the version-table
// change; the automatic backup taken first; the lint findings of the steps. Later checks
// (schema changes) add sections.
struct PlanReview
{
    struct Step
    {
        QString description; // "upgrade a -> b"
        QString revision;
        QString message; // the revision's message
        QString note; // e.g. why statements were not inspected
    };
    struct Destructive
    {
        QString revision;
        QString path;
        int line = 0;
        QString reason; // "DROP TABLE", ...
        QString statement;
        QString toString() const; // "path:line: reason (revision)"
    };

    QString title; // "upgrade head: 3 steps"
    QList<Step> steps;
    QList<Destructive> destructive;
    LintFindings lint; // the lint findings of the steps that run, errors first
    QStringList nonTransactional; // revisions marked "Transactional: no": statements run one by one
    QStringList pythonSteps; // revisions run through the project's Alembic command
    QStringList rowsBefore; // the version table the plan starts from
    bool purge = false; // the version table is emptied before the first step
    QString versionChange; // "Version table: a -> b", saying when it is emptied first (--purge)
    QString backup; // the automatic backup taken before the first step; empty when none
    bool changesNothing = true; // no step, and no rows a purge would remove

    bool isEmpty() const { return changesNothing; }
    // The review as text lines, for --dry-run and logs.
    QStringList toLines() const;

    // `dialect` is the connected database's (native sections are read for it); `policy` and
    // `displayUrl` (password masked) name the backup, which planNeedsBackup() decides; `lint`
    // holds the project's [retort] lint settings.
    static PlanReview build(const RevisionMap &map, const Plan &plan, SqlDialect dialect,
                            const BackupPolicy &policy = {}, const QString &displayUrl = {},
                            const LintConfig &lint = {});
};

// A plan with its review, as the plan command returns it and a confirmation shows it.
struct ReviewedPlan
{
    Plan plan;
    PlanReview review;
};

} // namespace retort
