#pragma once

#include "command/ProjectSnapshot.h"
#include "graph/GraphError.h"
#include "graph/Revision.h"
#include "run/AlembicAction.h"
#include "run/RunError.h"

#include "authoring/RevisionTemplate.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace retort {

// What `revision` and `merge` share when they write a new revision file: Alembic's checks and
// messages, where the file goes, and writing it in either format.

// A graph error as Alembic's revision commands word it (_catch_revision_errors, with
// generate_revision's multiple_heads text).
RunError newRevisionGraphError(const GraphError &error);

// Script.verify_rev_id plus what would not survive a file: an unused id with no @ - + : ,
// spaces. nullopt when revId can be used.
std::optional<RunError> checkNewRevisionId(const RevisionMap &map, const QString &revId);
// A label no revision uses yet (Alembic fails loading the graph otherwise), without @ , or spaces.
std::optional<RunError> checkNewBranchLabel(const RevisionMap &map, const QString &label, const QString &revId);

// Where Alembic puts a new revision without --version-path: the only version location, or with
// several, the first parent's directory when it is one of them (else the first location).
QString defaultVersionDirectory(const ProjectSnapshot &project, const RevIndexes &parents);

// The file name Alembic gives a revision (file_template, truncate_slug_length) in directory.
QString newRevisionPath(const ProjectConfig &config, const QString &directory, const QString &revId,
                        const std::optional<QString> &message, const QDateTime &createDate, const QString &extension);

// Writes a native SQL revision (header only) to path atomically; it must read back as written,
// or it is removed again.
RunResult<QString> writeNativeRevision(Revision revision, const QString &path);

// Renders the project's script.py.mako with the values and writes the result to path
// atomically, never over an existing file. A template that uses more than Retort's Mako subset
// is a WriteFailed error naming the template's line.
RunResult<QString> writePythonRevision(const ProjectConfig &config, const RevisionTemplateValues &values,
                                       const QString &path);

// What the project's own Alembic wrote.
struct AlembicWritten
{
    QString path; // absolute, as read back
    QStringList downRevisions;
    QString commandLine; // masked
    QStringList output; // every line it printed, masked
    bool nothingWritten = false; // succeeded without a file (autogenerate found no changes)
};

// Runs action (merge or autogenerate, with --rev-id revId) through the project's own Alembic
// command, found as upgrades find it, with the database URL (urlOption, DATABASE_URL, the ini)
// in DATABASE_URL only; then reads the project again: revision revId must be there. `verb` is
// what the person ran, for the advice.
RunResult<AlembicWritten> writeWithAlembic(const ProjectSnapshot &project, const AlembicAction &action,
                                           const QString &revId, const QString &workingDirectory,
                                           const QString &urlOption, const QString &verb);

} // namespace retort
