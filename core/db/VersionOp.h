#pragma once

#include <QString>

namespace retort {

// One change to the version table (alembic_version), exactly as Alembic's HeadMaintainer makes it.
struct VersionOp
{
    enum class Kind { Insert, Update, Delete };
    Kind kind = Kind::Insert;
    QString from; // Update/Delete: the row changed or removed
    QString to; // Insert/Update: the row written
    friend bool operator==(const VersionOp &, const VersionOp &) = default;
};

} // namespace retort
