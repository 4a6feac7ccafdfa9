#pragma once

#include "command/ProjectSnapshot.h"
#include "graph/Revision.h"
#include "run/RunError.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// What `revision` (alembic revision / flask db revision) is asked to do.
struct RevisionRequest
{
    std::optional<QString> message; // -m; nullopt -> Alembic's "empty message"
    QString head = QStringLiteral("head"); // --head: the parent(s), any identifier Alembic takes
    bool splice = false; // --splice: allow a parent that is not a head
    QString branchLabel; // --branch-label
    QStringList dependsOn; // --depends-on, repeatable: ids, prefixes or branch labels
    QString revId; // --rev-id; empty -> a new random 12-hex id
    QString versionPath; // --version-path; empty -> Alembic's choice
};

// The revision that was written.
struct RevisionOutcome
{
    QString revision;
    QString path; // absolute
    QStringList parents; // down_revision, as written
    QStringList dependsOn; // as written (labels kept, prefixes resolved)
    ScriptFormat format = ScriptFormat::Python;
};

// The format a new revision of this project gets: `format = sql|python` in [retort], else
// Python when the script location holds script.py.mako, else native SQL.
ScriptFormat newRevisionFormat(const ProjectConfig &config);

// Writes a new, empty revision, checked first as Alembic's generate_revision checks it (the id,
// the label, the parents and that they are heads unless splice, depends_on, the version path),
// with Alembic's messages; nothing is written when a check fails. Python revisions are rendered
// from the project's script.py.mako (a native parent makes a native revision, as Alembic cannot
// see it); native ones get the SQL header. What was written is read back.
RunResult<RevisionOutcome> revisionCommand(const ProjectSnapshot &project, const RevisionRequest &request);

} // namespace retort
