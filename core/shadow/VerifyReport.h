#pragma once

#include "run/RunError.h"
#include "schema/SchemaChange.h"

#include <QList>
#include <QString>

#include <optional>

namespace retort {

// What verifying one revision's downgrade found.
struct StepVerification
{
    enum class Problem {
        None, // the downgrade restores the parents' schema and a second upgrade gives the first's
        UpgradeFailed, // the upgrade itself failed (or its schema could not be read)
        NoDowngrade, // the upgrade changes the schema and the revision has no downgrade to undo it
        DowngradeFailed, // the downgrade failed
        DowngradeIncomplete, // it ran, and the schema is not the parents' one
        ReupgradeFailed, // upgrading again after the downgrade failed
        ReupgradeDiffers, // it ran, and the schema is not the first upgrade's
        Skipped, // an ancestor failed to upgrade, so this revision could not be reached
    };
    QString revision;
    Problem problem = Problem::None;
    // From the schema it should have to the one it has: after the downgrade the parents' schema
    // is expected (an "add_column" is a column the downgrade left), after the second upgrade
    // the first upgrade's one.
    SchemaChanges differences;
    std::optional<RunError> error; // the failing step's error (Skipped: the ancestor's)
    QString blockedBy; // Skipped: the ancestor that failed

    bool ok() const { return problem == Problem::None; }
    // null (None), "upgrade_failed", "no_downgrade", "downgrade_failed", "downgrade_incomplete",
    // "reupgrade_failed", "reupgrade_differs", "skipped": the words the CLI and JSON use.
    static QString problemName(Problem problem);
    // One sentence for a person: what went wrong and what to look at.
    QString describe() const;
};

struct VerifyReport
{
    QString dialect; // "sqlite", "postgresql"
    QList<StepVerification> steps; // the verified revisions, parents first
    bool cancelled = false; // stopped between steps; later revisions are not in `steps`

    int problems() const;
    const StepVerification *find(const QString &revision) const;
    bool ok() const { return !cancelled && problems() == 0; }
};

} // namespace retort
