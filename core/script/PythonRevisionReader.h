#pragma once

#include "RevisionReadResult.h"

#include <QByteArray>
#include <QString>

namespace retort {

// Reads an Alembic revision file without running it: the module docstring (message, Create
// Date), the top-level assignments to revision / down_revision / branch_labels / depends_on,
// and where def upgrade() and def downgrade() are. One pass over the bytes; only the values
// found become QStrings. What cannot be read statically is reported, never guessed.
class PythonRevisionReader
{
public:
    static RevisionReadResult readFile(const QString &path);
    // path is only recorded (Revision::path, Problem::path).
    static RevisionReadResult read(const QByteArray &content, const QString &path);
};

} // namespace retort
