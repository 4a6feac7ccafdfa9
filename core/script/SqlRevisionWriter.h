#pragma once

#include "Expected.h"

#include "graph/Revision.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace retort {

// Writes a native SQL revision file that SqlRevisionReader reads back to the same header
// values: Revision ID, Revises, Branch labels, Depends on, Create Date, Message, then empty
// "-- +upgrade" and "-- +downgrade" sections for the author to fill.
class SqlRevisionWriter
{
public:
    // Why the revision cannot be written so that it reads back the same (a value holding a comma
    // or a line break, an empty id); nullopt when it can.
    static Fallible<void> check(const Revision &revision);
    static QByteArray render(const Revision &revision);
    // Writes render() to path atomically (QSaveFile); never replaces an existing file.
    // Returns what went wrong, or nullopt.
    static Fallible<void> write(const Revision &revision, const QString &path);
};

} // namespace retort
