#pragma once

#include "command/DatabaseSession.h"
#include "run/JournalEntry.h"
#include "run/RunError.h"

#include <QList>
#include <variant>

namespace retort {

// `log`: the journal table's rows, oldest first. A database without the table is not an error:
// the journal is off by default for Alembic projects, so the caller explains how to turn it on.
struct JournalLog
{
    QString table; // qualified name, as the database spells it
    bool tableExists = false;
    bool enabled = false; // whether runs of this project write the journal ([retort] journal)
    QList<JournalEntry> entries;
};

RunResult<JournalLog> journalCommand(DatabaseSession &session);

} // namespace retort
