#pragma once

#include "Expected.h"
#include "RevisionReadResult.h"

#include <QByteArray>
#include <QString>

namespace retort {

class ProjectModules;

// Reads an Alembic revision file without running it: the module docstring (message, Create
// Date), the top-level assignments to revision / down_revision / branch_labels / depends_on,
// and where def upgrade() and def downgrade() are. One pass over the bytes; only the values
// found become QStrings. What cannot be read statically is reported, never guessed.
class PythonRevisionReader
{
public:
    // `modules`, when given, resolves identifiers the file imports from the project's own
    // modules (branch_labels = (cli.EXPAND_BRANCH,)); without it such values are unreadable.
    static RevisionReadResult readFile(const QString &path, const ProjectModules *modules = nullptr);
    // The same with the file's bytes as reading it gave them (readFileBytes): a failure is an
    // UnreadableFile problem.
    static RevisionReadResult readFile(const Fallible<QByteArray> &bytes, const QString &path,
                                       const ProjectModules *modules = nullptr);
    // path is only recorded (Revision::path, Problem::path).
    static RevisionReadResult read(const QByteArray &content, const QString &path,
                                   const ProjectModules *modules = nullptr);
};

} // namespace retort
