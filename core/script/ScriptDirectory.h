#pragma once

#include "Problem.h"
#include "ProjectConfig.h"
#include "graph/Revision.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace retort {

// All revisions of a project, read from every version location the way Alembic loads them:
// locations in configured order, within each the file names in sorted order (sub-directories
// after the files, sorted, when recursive), *.py files matching Alembic's
// (?!\.#|__init__)(.*\.py)$ plus native *.sql files. A bad file never stops the others; its
// problems are collected. A revision id defined twice keeps the later file, as Alembic does,
// and is reported as a DuplicateRevision problem naming both files.
struct ScriptDirectory
{
    Revisions revisions; // load order, each id once
    Problems problems;
    QStringList files; // every revision file read, in load order

    static ScriptDirectory load(const ProjectConfig &config);
    static ScriptDirectory load(const QStringList &versionLocations, bool recursive);

    // Whether Alembic (or Retort, for .sql) treats a file name (as the file system has it) as a
    // revision file.
    static bool isRevisionFileName(const QByteArray &fileName);
};

} // namespace retort
