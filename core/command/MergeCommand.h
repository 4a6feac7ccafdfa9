#pragma once

#include "command/ProjectSnapshot.h"
#include "run/RunError.h"

#include <QString>
#include <QStringList>

#include <variant>

namespace retort {

// What `merge` (alembic merge / flask db merge) is asked to do.
struct MergeRequest
{
    QStringList revisions{QStringLiteral("heads")}; // what to merge, as `alembic merge` takes them
    QString message; // -m; empty -> Alembic's default (none)
    QString branchLabel; // --branch-label
    QString revId; // --rev-id; empty -> a new random 12-hex id
};

// The merge revision that was written.
struct MergeOutcome
{
    QString revision; // the new revision id
    QString path; // absolute path of the file written
    QStringList parents; // its down_revision tuple, in the order written
};

// Whether merging makes sense now: empty when it does, otherwise the reason (one head, no project...).
QString mergeUnavailableReason(const ProjectSnapshot &project);

// Writes a new revision whose parents are the resolved revisions. The request is checked against
// the graph first (as Alembic's generate_revision does, plus: at least two revisions, none an
// ancestor of another, an unused id and label), and nothing is written when it fails.
// When every parent is a native SQL revision, the file is written here (atomically) as
// <rev>_<slug>.sql per file_template; when they are all Python revisions, the project's own
// Alembic command renders it from script.py.mako (`merge ... --rev-id R`) and the result is
// checked by reading the project again.
RunResult<MergeOutcome> mergeCommand(const ProjectSnapshot &project, const MergeRequest &request,
                                     const QString &workingDirectory);

} // namespace retort
