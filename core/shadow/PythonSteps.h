#pragma once

#include "Expected.h"

#include <QString>

namespace retort {

// Runs Python revisions on a shadow database through the project's own Alembic. The replay
// engine sees only this; PythonReplayDriver is the real one, tests may give another.
class PythonSteps
{
public:
    virtual ~PythonSteps() = default;
    // `alembic upgrade <revision>` (an exact id) on the database at `sqlalchemyUrl`.
    virtual Fallible<void> upgrade(const QString &revision, const QString &sqlalchemyUrl) = 0;
    // Undoes exactly `revision` (applied, and the newest of its lineage): `alembic downgrade` to
    // its first parent (down_revision, else a dependency; base when it has none), which leaves
    // every parent applied, as Alembic's downgrade of a merge or of a depends_on does.
    virtual Fallible<void> downgrade(const QString &revision, const QString &sqlalchemyUrl) = 0;
    // `alembic stamp <revision>` the same way.
    virtual Fallible<void> stamp(const QString &revision, const QString &sqlalchemyUrl) = 0;
};

} // namespace retort
